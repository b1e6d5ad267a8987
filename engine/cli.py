"""The `yaosu` command. Each command is a thin shell over one module of engine/.

Errors a user can cause (bad files, unknown court or case type, invalid case
files) are YaosuError: printed as one Chinese line on stderr, exit code 2,
and no output file is left behind (files are written to a temp name and renamed).
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from typer.core import TyperGroup

from engine.errors import E, YaosuError

F = TypeVar("F", bound=Callable[..., Any])

# --- typer's and click's own words, in Chinese ---------------------------------------------------
# The help pages and usage errors a user sees come partly from typer/click ("Usage:", "Options",
# "Show this message and exit.", "Missing option …"). Typer reads its panel titles from module
# constants at call time, and every command builds its usage line and --help option through the
# methods patched below, so one small layer here covers all commands, including those mounted
# from other modules. Messages we do not know pass through unchanged.

HELP_TEXT = "显示本帮助并退出。"
USAGE_PREFIX = "用法："
USAGE_PIECES = {"[OPTIONS]": "[选项]", "COMMAND [ARGS]...": "命令 [参数]..."}
RICH_TITLES = {
    "ARGUMENTS_PANEL_TITLE": "参数",
    "OPTIONS_PANEL_TITLE": "选项",
    "COMMANDS_PANEL_TITLE": "命令",
    "ERRORS_PANEL_TITLE": "错误",
    "ABORTED_TEXT": "已中止。",
    "RICH_HELP": "用 [blue]'{command_path} {help_option}'[/] 查看帮助。",
    "DEFAULT_STRING": "[默认：{}]",
    "REQUIRED_LONG_STRING": "[必填]",
    "ENVVAR_STRING": "[环境变量：{}]",
    "DEPRECATED_STRING": "（已弃用）",
}
USAGE_ERRORS = [
    (re.compile(r"Missing option '?([^'.]+)'?\.?"), r"缺少选项 \1"),
    (re.compile(r"Missing argument '?([^'.]+)'?\.?"), r"缺少参数 \1"),
    (re.compile(r"Missing parameter:? '?([^'.]+)'?\.?"), r"缺少参数 \1"),
    (re.compile(r"No such option: (\S+)"), r"没有这个选项：\1"),
    (re.compile(r"\(Possible options: (.+)\)"), r"（可用的选项：\1）"),
    (re.compile(r"Did you mean (\S+?)\?"), r"是否要用 \1？"),
    (re.compile(r"No such command '([^']+)'\."), r"没有这个命令：\1"),
    (re.compile(r"Got unexpected extra arguments? \((.+)\)"), r"多余的参数：\1"),
    (re.compile(r"Option '([^']+)' requires an argument\."), r"选项 \1 需要一个值"),
    (re.compile(r"Invalid value for (.+?): "), r"\1 的取值无效："),
    (re.compile(r"Invalid value: "), "取值无效："),
    (re.compile(r"Value (.+?) is not a valid (integer|int)\."), r"\1 不是整数"),
    (re.compile(r"Value (.+?) is not a valid (float)\."), r"\1 不是数字"),
    (re.compile(r"Value (.+?) is not a valid (.+?)\."), r"\1 的格式不正确（应为 \2）"),
    (re.compile(r"(.+?) is not one of (.+)\."), r"\1 不是可选的值（可选：\2）"),
    (re.compile(r"Missing command\."), "缺少命令"),
]


def chinese_usage_error(message: str) -> str:
    """A click/typer usage error in Chinese (unknown messages unchanged)."""
    for pattern, replacement in USAGE_ERRORS:
        message = pattern.sub(replacement, message)
    return message


def _install_chinese_help() -> None:
    from typer import core, rich_utils

    for name, text in RICH_TITLES.items():
        if hasattr(rich_utils, name):
            setattr(rich_utils, name, text)

    def format_usage(self: Any, ctx: Any, formatter: Any) -> None:
        pieces = " ".join(self.collect_usage_pieces(ctx))
        for english, chinese in USAGE_PIECES.items():
            pieces = pieces.replace(english, chinese)
        formatter.write_usage(ctx.command_path, pieces, prefix=USAGE_PREFIX)

    for cls in (core.TyperCommand, core.TyperGroup):
        original = cls.get_help_option

        def get_help_option(self: Any, ctx: Any, _original: Any = original) -> Any:
            option = _original(self, ctx)
            if option is not None:
                option.help = HELP_TEXT
            return option

        cls.get_help_option = get_help_option  # type: ignore[method-assign]
        cls.format_usage = format_usage  # type: ignore[method-assign]

    format_error = rich_utils.rich_format_error

    def rich_format_error(error: Any) -> None:
        if isinstance(getattr(error, "message", None), str):
            error.message = chinese_usage_error(error.message)
        original_format = error.format_message

        def format_message() -> str:
            return chinese_usage_error(original_format())

        error.format_message = format_message
        format_error(error)

    rich_utils.rich_format_error = rich_format_error  # type: ignore[assignment]


_install_chinese_help()


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import PackageNotFoundError, version

        try:
            number = version("yaosu")
        except PackageNotFoundError:
            number = "未安装"
        typer.echo(f"yaosu（要素）{number}")
        raise typer.Exit()


CALC_HELP = "法律计算器：诉讼费、民间借贷利息、人身损害赔偿、劳动争议补偿。"


class _DeferredCalc(TyperGroup):
    """Stands in for `calc` in the root group (same name, help and place) until a command line asks for it."""


def _calc_group() -> TyperGroup:
    """The real `calc` group, built as `app.add_typer(calc_app, name="calc", help=CALC_HELP)` would build it."""
    from typer.main import get_group

    from engine.law.cli import calc_app

    holder = typer.Typer(add_completion=False)
    holder.add_typer(calc_app, name="calc", help=CALC_HELP)
    group = get_group(holder).commands["calc"]
    assert isinstance(group, TyperGroup)
    return group


class _RootGroup(TyperGroup):
    """The `yaosu` group. engine/law/cli.py imports every calculator and the law data's models, so `calc` is
    built when it is run or its help shown, not at every start (`yaosu user add`, `serve`, `--version`)."""

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        command = super().get_command(ctx, cmd_name)
        if isinstance(command, _DeferredCalc):
            command = self.commands[cmd_name] = _calc_group()
        return command


app = typer.Typer(
    cls=_RootGroup,
    name="yaosu",
    help="yaosu（要素）：要素式审判文书起草引擎。起诉状/答辩状 → 要素表 → 三家法院的要素式判决书。",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)


@app.callback()
def _root(
    _show_version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="显示版本号并退出。")
    ] = False,
) -> None:
    """yaosu（要素）：要素式审判文书起草引擎。起诉状/答辩状 → 要素表 → 三家法院的要素式判决书。"""


def fail(message: str, code: int = 2) -> None:
    typer.echo(f"错误：{message}", err=True)
    raise typer.Exit(code)


def user_errors(func: F) -> F:
    """Turn YaosuError into one Chinese line on stderr and a non-zero exit."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except YaosuError as exc:
            fail(exc.shown, exc.exit_code)

    return wrapper  # type: ignore[return-value]


def emit_json(data: Any) -> None:
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2))


def system() -> Any:
    """The packaged system, loaded once per process (every command passes it on explicitly)."""
    from engine.system import default_system

    return default_system()


@app.command()
@user_errors
def schema(case_type: Annotated[str, typer.Argument(help="案件类型，如 private_lending")]) -> None:
    """打印某一案件类型的案件文件 JSON Schema（由要素表生成）。"""
    from engine.case.casefile import case_schema

    emit_json(case_schema(system().casetype(case_type)))


@app.command()
@user_errors
def validate(
    case_file: Annotated[Path, typer.Argument(help="案件文件 case.json")],
    as_json: Annotated[bool, typer.Option("--json", help="以 JSON 输出问题列表")] = False,
) -> None:
    """检查案件文件：JSON Schema、必填要素和跨字段规则。有问题时逐条列出路径和中文说明，退出码 1。"""
    from engine.case.bounds import value_warnings
    from engine.case.files import load_case_file
    from engine.case.validate import validate_case

    sys_ = system()
    case = load_case_file(case_file)
    problems = validate_case(sys_, case)
    table = sys_.casetypes[case["case_type"]].table if case.get("case_type") in sys_.casetypes else None
    for _, warning in [] if problems else value_warnings(table, case):
        typer.echo(f"警告：{warning}", err=True)
    if as_json:
        emit_json({"valid": not problems, "problems": [p.to_json() for p in problems]})
    elif problems:
        for problem in problems:
            typer.echo(f"{problem.path}：{problem.message}")
    else:
        typer.echo(f"{case_file}：案件文件有效")
    if problems:
        raise typer.Exit(1)


@app.command()
@user_errors
def new(
    case_type: Annotated[str, typer.Option("--type", help="案件类型，如 private_lending")],
    complaint: Annotated[Path, typer.Option(help="起诉状（.txt 或 .docx，UTF-8 或 GBK）")],
    output: Annotated[Path, typer.Option("-o", "--output", help="写出的案件文件")],
    answer: Annotated[Path | None, typer.Option(help="答辩状（可选）")] = None,
    court: Annotated[str | None, typer.Option(help="法院：qingpu | wujiang | jiashan")] = None,
    filing_date: Annotated[str | None, typer.Option(help="立案日期 YYYY-MM-DD")] = None,
    case_year: Annotated[int | None, typer.Option(help="案号年度")] = None,
    case_seq: Annotated[int | None, typer.Option(help="案号序号")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="以 JSON 输出摘要")] = False,
    force: Annotated[bool, typer.Option("--force", help="输出文件已存在时覆盖（其中的认定和案件信息将丢失）")] = False,
    update: Annotated[
        bool, typer.Option("--update", help="输出文件已存在时重新抽取诉状，保留其中的本院认定、理由和案件信息")
    ] = False,
) -> None:
    """由起诉状（和答辩状）生成案件文件：抽取要素、合并双方意见、标出争议要素。

    不会覆盖已有的案件文件：要覆盖请加 --force；要在保留法官工作（认定、理由、案件信息）的同时重新抽取，请加 --update。
    """
    from engine.atomic import resolve_output
    from engine.case.files import load_case_file
    from engine.case.new import new_case
    from engine.case.update import create_case_file
    from engine.case.validate import validate_case

    inputs = (complaint, *([answer] if answer is not None else []))
    resolve_output(output, inputs)  # refused before the (slow) extraction: a device, a folder, an input
    if force and update:
        raise YaosuError(E.E807)
    previous = None
    if output.exists():
        if update:
            previous = load_case_file(output)
            if previous.get("case_type") != case_type:
                raise YaosuError(
                    E.E808, output=output, previous_get_case_type=previous.get('case_type'), case_type=case_type
                )
        elif not force:
            raise YaosuError(
                E.E809, output=output
            )
    sys_ = system()
    case = new_case(sys_, case_type, complaint, answer, court=court)
    if previous is not None:
        case = _keep_judges_work(previous, case, court)
    meta = case["meta"]
    for key, value in (("filing_date", filing_date), ("case_year", case_year), ("case_seq", case_seq)):
        if value is not None:
            meta[key] = value
    problems = [p for p in validate_case(sys_, case) if not p.path.startswith("/elements/")]
    if problems:
        raise YaosuError(E.E000, message="；".join(f"{p.path}：{p.message}" for p in problems))
    create_case_file(output, case, force=force or update, inputs=inputs)
    statuses: dict[str, list[str]] = {}
    for element_id, state in case["elements"].items():
        statuses.setdefault(state["status"], []).append(element_id)
    if as_json:
        emit_json({"output": str(output), "statuses": statuses, "disputed": statuses.get("disputed", [])})
        return
    from engine.case.casefile import STATUS_LABELS

    table = sys_.table(case_type)
    typer.echo(f"已写出案件文件：{output}")
    for status, ids in statuses.items():
        typer.echo(f"  {STATUS_LABELS[status]}：{len(ids)} 个要素")
    if statuses.get("disputed"):
        labels = "、".join(f"{table.element(eid).label}（{eid}）" for eid in statuses["disputed"])
        typer.echo(f"  争议要素：{labels}")
        typer.echo(f"  用 yaosu find {output} --set 要素=认定值 记录本院认定")


def _keep_judges_work(previous: dict[str, Any], fresh: dict[str, Any], court: str | None) -> dict[str, Any]:
    """A re-extracted case with what the judge wrote in the old one: findings, case details, the court
    (unless --court names another) and any other part extraction does not make (e.g. reasons)."""
    kept = dict(fresh)
    for key, value in previous.items():
        if key not in fresh or key in ("findings", "meta"):
            kept[key] = value
    kept["meta"] = {**(fresh.get("meta") or {}), **(previous.get("meta") or {})}
    kept["court"] = court or previous.get("court") or fresh.get("court")
    return kept


@app.command()
@user_errors
def find(
    case_file: Annotated[Path, typer.Argument(help="案件文件 case.json（原地更新）")],
    assignments: Annotated[
        list[str] | None, typer.Option("--set", help="要素=认定值；要素写 id 或中文名，值按法官习惯写，如 实际出借金额=9.5万元、保证方式=一般保证")
    ] = None,
    from_file: Annotated[Path | None, typer.Option(help="JSON 文件：{要素: 认定值}")] = None,
    clear: Annotated[list[str] | None, typer.Option(help="撤销某要素的认定")] = None,
    reasons: Annotated[
        list[str] | None, typer.Option("--reason", help="要素=认定理由（写入本院认为）；空文字撤销理由")
    ] = None,
) -> None:
    """记录本院认定（findings）及认定理由（reasons）：按要素格式校验后原子写回案件文件。"""
    from engine.case.files import load_case_file
    from engine.case.findings import set_findings, set_reasons
    from engine.case.update import update_case_file

    findings: dict[str, Any] = {}
    if from_file is not None:
        loaded = load_case_file(from_file)  # same JSON reading rules and messages
        findings.update(loaded)
    for assignment in assignments or []:
        element_id, sep, value = assignment.partition("=")
        if not sep:
            raise YaosuError(E.E802, assignment=assignment)
        findings[element_id.strip()] = value
    for element_id in clear or []:
        findings[element_id] = None
    why: dict[str, str | None] = {}
    for assignment in reasons or []:
        element_id, sep, text = assignment.partition("=")
        if not sep:
            raise YaosuError(E.E806, assignment=assignment)
        why[element_id.strip()] = text
    if not findings and not why:
        raise YaosuError(E.E804)

    sys_ = system()  # loaded before the lock is taken: parallel runs on the file do not wait for it

    def change(case: dict[str, Any]) -> dict[str, Any]:
        if findings:
            case = set_findings(sys_, case, findings)
        if why:
            case = set_reasons(sys_, case, why)
        return case

    # Read, change and write under the case file's lock: parallel runs are serialised, none lost.
    update_case_file(case_file, change)
    typer.echo(f"已记录 {len(findings)} 项认定、{len(why)} 项认定理由：{case_file}")


@app.command()
@user_errors
def meta(
    case_file: Annotated[Path, typer.Argument(help="案件文件 case.json（原地更新）")],
    filing_date: Annotated[str | None, typer.Option(help="立案日期 YYYY-MM-DD")] = None,
    hearing_end_date: Annotated[str | None, typer.Option(help="一审法庭辩论终结日 YYYY-MM-DD")] = None,
    judgment_date: Annotated[str | None, typer.Option(help="判决日期 YYYY-MM-DD")] = None,
    procedure: Annotated[str | None, typer.Option(help="审理程序：simple | ordinary | small_claims")] = None,
    absent: Annotated[list[str] | None, typer.Option(help="经传唤未到庭的当事人（可重复）")] = None,
    judge: Annotated[str | None, typer.Option(help="审判员")] = None,
    clerk: Annotated[str | None, typer.Option(help="书记员")] = None,
    assistant: Annotated[str | None, typer.Option(help="法官助理")] = None,
    case_year: Annotated[int | None, typer.Option(help="案号年度")] = None,
    case_seq: Annotated[int | None, typer.Option(help="案号序号")] = None,
    preservation_fee: Annotated[str | None, typer.Option(help="财产保全费（元）")] = None,
    preservation_fee_payer: Annotated[
        str | None, typer.Option(help="财产保全费负担：by_result（按裁判结果）| plaintiff | defendant | split（按比例）")
    ] = None,
    outcome: Annotated[
        str | None, typer.Option(help="结案方式：judgment（判决）| withdrawal（撤诉，民事裁定书）| mediation（调解，民事调解书）")
    ] = None,
    withdrawal_date: Annotated[str | None, typer.Option(help="撤诉申请日期 YYYY-MM-DD")] = None,
    mediation_term: Annotated[
        list[str] | None, typer.Option(help="调解协议条款，一条一次（可重复，按顺序；替换原有条款）")
    ] = None,
    mediation_fee_plaintiff_percent: Annotated[
        str | None, typer.Option(help="调解：原告负担受理费的比例 0–100（其余由被告负担；50 即各半）")
    ] = None,
    simplified: Annotated[
        bool | None, typer.Option("--simplified/--not-simplified", help="小额诉讼简式裁判文书（民诉法解释第二百八十条）")
    ] = None,
) -> None:
    """记录案件信息（非要素）：立案日期、辩论终结日、判决日期、程序、缺席当事人、审判人员、案号、结案方式
    （撤诉、调解及其协议条款）、保全费负担；校验后原子写回。"""
    from engine.case.files import load_case_file, save_case_file
    from engine.case.meta import set_meta

    changes = {
        "filing_date": filing_date, "hearing_end_date": hearing_end_date, "judgment_date": judgment_date,
        "procedure": procedure, "absent": absent, "judge": judge, "clerk": clerk, "assistant": assistant,
        "case_year": case_year, "case_seq": case_seq, "preservation_fee": preservation_fee,
        "preservation_fee_payer": preservation_fee_payer, "outcome": outcome, "withdrawal_date": withdrawal_date,
        "mediation_terms": mediation_term, "mediation_fee_plaintiff_percent": mediation_fee_plaintiff_percent,
        "simplified": simplified,
    }
    changes = {k: v for k, v in changes.items() if v is not None}
    if not changes:
        raise YaosuError(E.E805)
    save_case_file(case_file, set_meta(system(), load_case_file(case_file), changes))
    typer.echo(f"已记录 {len(changes)} 项案件信息：{case_file}")


@app.command()
@user_errors
def draft(
    case_file: Annotated[Path, typer.Argument(help="案件文件 case.json")],
    output: Annotated[Path, typer.Option("-o", "--output", help="输出文件（.docx、.html 或 .txt）")],
    court: Annotated[
        str | None, typer.Option(help="法院：qingpu | wujiang | jiashan；省略时用案件文件中的 court")
    ] = None,
    fmt: Annotated[str | None, typer.Option("--format", help="docx | html | text；默认按输出文件后缀")] = None,
    anonymise: Annotated[
        bool, typer.Option("--anonymise", help="上网公布版：自然人姓名改为“某”，删除住址、身份证号、电话、银行账号")
    ] = False,
) -> None:
    """起草要素式判决书（撤诉为民事裁定书、调解为民事调解书，见 yaosu meta --outcome）。有争议但未认定的要素显示为“待认定”，并在 stderr 提示。"""
    from engine.atomic import atomic_write_bytes, atomic_write_text
    from engine.case.files import load_case_file
    from engine.case.validate import ensure_valid
    from engine.drafting.build import build_judgment
    from engine.drafting.render import judgment_text, render_judgment_docx, template_name

    sys_ = system()
    case = load_case_file(case_file)
    ensure_valid(sys_, case)
    court = court or case.get("court")
    if not court:
        raise YaosuError(E.E801)
    judgment = build_judgment(sys_, case, court)
    if anonymise:
        from engine.drafting.anonymise import anonymise as anonymised

        judgment = anonymised(judgment, case)
    kind = fmt or {".html": "html", ".txt": "text"}.get(output.suffix.lower(), "docx")
    if kind == "docx":
        atomic_write_bytes(output, render_judgment_docx(sys_, judgment, template_name(sys_, case)), forbid=[case_file])
    elif kind == "html":
        from engine.drafting.render import render_judgment_html

        atomic_write_text(output, render_judgment_html(sys_, judgment), forbid=[case_file])
    elif kind == "text":
        atomic_write_text(output, judgment_text(judgment), forbid=[case_file])
    else:
        raise YaosuError(E.E803, kind=kind)
    from engine.case.bounds import value_warnings

    for warning in [*judgment.warnings, *(message for _, message in value_warnings(sys_.table(case["case_type"]), case))]:
        typer.echo(f"警告：{warning}", err=True)
    for note in judgment.notes:
        typer.echo(f"注意：{note}", err=True)
    typer.echo(str(output))


@app.command()
@user_errors
def compare(
    case_file: Annotated[Path, typer.Argument(help="案件文件 case.json")],
    out_dir: Annotated[Path | None, typer.Option(help="同时为每家法院写出 .docx 的文件夹")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="以 JSON 输出差异")] = False,
    standard: Annotated[
        str | None, typer.Option("--standard", help="各法院均按该省份公布的标准起草：shanghai | jiangsu | zhejiang")
    ] = None,
) -> None:
    """同一案件为三家法院分别起草，列出各稿不同的行，并并列各法院认定的数额及所用标准。"""
    from engine.atomic import atomic_write_bytes
    from engine.case.files import load_case_file
    from engine.case.validate import ensure_valid
    from engine.drafting.compare import amounts_side_by_side, differing_lines, judgments_by_court
    from engine.drafting.render import judgment_text, render_judgment_docx, template_name

    sys_ = system()
    case = load_case_file(case_file)
    ensure_valid(sys_, case)
    judgments = judgments_by_court(sys_, case, standard_province=standard)
    texts = {court_id: judgment_text(judgment) for court_id, judgment in judgments.items()}
    diffs = differing_lines(texts)
    amounts = amounts_side_by_side(judgments)
    if out_dir is not None:
        for court_id, judgment in judgments.items():
            data = render_judgment_docx(sys_, judgment, template_name(sys_, case))
            path = atomic_write_bytes(out_dir / f"{case_file.stem}_{court_id}.docx", data, forbid=[case_file])
            typer.echo(f"已写出：{path}", err=as_json)
    if as_json:
        emit_json({"courts": list(texts), "total_lines": len(next(iter(texts.values())).splitlines()),
                   "differences": diffs, "standard": standard, "amounts": amounts})
        return
    total = len(next(iter(texts.values())).splitlines())
    typer.echo(f"共 {total} 行，{len(diffs)} 行因法院不同而不同：")
    for diff in diffs:
        typer.echo(f"第{diff['line']}行：")
        for court_id, line in diff["texts"].items():
            typer.echo(f"  [{court_id}] {line}")
    if amounts:
        typer.echo("各法院认定的数额" + (f"（均按 {standard} 的标准）" if standard else "") + "：")
        typer.echo("项目｜" + "｜".join(judgments))
        for row in amounts:
            typer.echo(row["label"] + "｜" + "｜".join(row["courts"][c] or "—" for c in judgments))


@app.command("check-data")
@user_errors
def check_data(
    root: Annotated[Path | None, typer.Argument(help="数据根目录（含 elements/、element_tables/、judgment_templates/、parameters/）；缺省为安装的数据")] = None,
) -> None:
    """检查数据文件：要素字典、要素表、法院配置、案件类型包与参数表。未知的键、错误的类型、悬空的引用逐条列出（文件与键），退出码 1。"""
    from engine.datacheck import check_data_tree
    from engine.system import packaged_root

    target = root or packaged_root()
    problems = check_data_tree(target)
    for problem in problems:
        typer.echo(problem)
    if problems:
        typer.echo(f"共 {len(problems)} 处问题", err=True)
        raise typer.Exit(1)
    typer.echo(f"{target}：数据文件全部有效")


def _mount_optional_parts() -> None:
    """Commands that live beside their modules: calc (engine/law), extract/eval (engine/extraction), serve."""
    from engine.extraction.cli import register as register_extraction
    from engine.service.cli import register as register_service

    register_extraction(app)
    app.add_typer(typer.Typer(cls=_DeferredCalc), name="calc", help=CALC_HELP)
    register_service(app)
    from engine.research.cli import register as register_research; register_research(app)  # noqa: E702, I001

_mount_optional_parts()


def main() -> None:
    from engine.cli_errors import run_cli

    run_cli(app)  # one error boundary: usage errors in Chinese, one `错误：[Exxx] …` line, exit 2

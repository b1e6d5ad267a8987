"""The `yaosu` command. Each command is a thin shell over one module of engine/.

Errors a user can cause (bad files, unknown court or case type, invalid case
files) are YaosuError: printed as one Chinese line on stderr, exit code 2,
and no output file is left behind (files are written to a temp name and renamed).
"""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from engine.errors import YaosuError

F = TypeVar("F", bound=Callable[..., Any])

app = typer.Typer(
    name="yaosu",
    help="yaosu（要素）：要素式审判文书起草引擎。起诉状/答辩状 → 要素表 → 三家法院的要素式判决书。",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)


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
            fail(exc.message, exc.exit_code)

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
    from engine.case.files import load_case_file
    from engine.case.validate import validate_case

    problems = validate_case(system(), load_case_file(case_file))
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
) -> None:
    """由起诉状（和答辩状）生成案件文件：抽取要素、合并双方意见、标出争议要素。"""
    from engine.case.files import save_case_file
    from engine.case.new import new_case
    from engine.case.validate import validate_case

    sys_ = system()
    case = new_case(sys_, case_type, complaint, answer, court=court)
    meta = case["meta"]
    for key, value in (("filing_date", filing_date), ("case_year", case_year), ("case_seq", case_seq)):
        if value is not None:
            meta[key] = value
    problems = [p for p in validate_case(sys_, case) if not p.path.startswith("/elements/")]
    if problems:
        raise YaosuError("；".join(f"{p.path}：{p.message}" for p in problems))
    save_case_file(output, case)
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


@app.command()
@user_errors
def find(
    case_file: Annotated[Path, typer.Argument(help="案件文件 case.json（原地更新）")],
    assignments: Annotated[
        list[str] | None, typer.Option("--set", help="要素=认定值；要素写 id 或中文名，值按法官习惯写，如 实际出借金额=9.5万元、保证方式=一般保证")
    ] = None,
    from_file: Annotated[Path | None, typer.Option(help="JSON 文件：{要素: 认定值}")] = None,
    clear: Annotated[list[str] | None, typer.Option(help="撤销某要素的认定")] = None,
) -> None:
    """记录本院认定（findings）：按要素格式校验后原子写回案件文件。"""
    from engine.case.files import load_case_file, save_case_file
    from engine.case.findings import set_findings

    case = load_case_file(case_file)
    findings: dict[str, Any] = {}
    if from_file is not None:
        loaded = load_case_file(from_file)  # same JSON reading rules and messages
        findings.update(loaded)
    for assignment in assignments or []:
        element_id, sep, value = assignment.partition("=")
        if not sep:
            raise YaosuError(f"--set 需要“要素=值”的形式：{assignment}")
        findings[element_id.strip()] = value
    for element_id in clear or []:
        findings[element_id] = None
    if not findings:
        raise YaosuError("没有要记录的认定：请使用 --set、--from-file 或 --clear")
    save_case_file(case_file, set_findings(system(), case, findings))
    typer.echo(f"已记录 {len(findings)} 项认定：{case_file}")


@app.command()
@user_errors
def draft(
    case_file: Annotated[Path, typer.Argument(help="案件文件 case.json")],
    output: Annotated[Path, typer.Option("-o", "--output", help="输出文件（.docx、.html 或 .txt）")],
    court: Annotated[
        str | None, typer.Option(help="法院：qingpu | wujiang | jiashan；省略时用案件文件中的 court")
    ] = None,
    fmt: Annotated[str | None, typer.Option("--format", help="docx | html | text；默认按输出文件后缀")] = None,
) -> None:
    """起草要素式判决书。有争议但未认定的要素显示为“待认定”，并在 stderr 提示。"""
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
        raise YaosuError("未指定法院：请使用 --court（qingpu、wujiang 或 jiashan），或在案件文件中填写 court")
    judgment = build_judgment(sys_, case, court)
    kind = fmt or {".html": "html", ".txt": "text"}.get(output.suffix.lower(), "docx")
    if kind == "docx":
        atomic_write_bytes(output, render_judgment_docx(sys_, judgment, template_name(sys_, case)))
    elif kind == "html":
        from engine.drafting.render import render_judgment_html

        atomic_write_text(output, render_judgment_html(sys_, judgment))
    elif kind == "text":
        atomic_write_text(output, judgment_text(judgment))
    else:
        raise YaosuError(f"未知的输出格式：{kind}（可用：docx、html、text）")
    for warning in judgment.warnings:
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
            path = atomic_write_bytes(out_dir / f"{case_file.stem}_{court_id}.docx", data)
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
    from engine.law.cli import calc_app
    from engine.service.cli import register as register_service

    register_extraction(app)
    app.add_typer(calc_app, name="calc", help="法律计算器：诉讼费、民间借贷利息、人身损害赔偿、劳动争议补偿。")
    register_service(app)
    from engine.research.cli import register as register_research; register_research(app)  # noqa: E702, I001

_mount_optional_parts()


def main() -> None:
    try:
        app()
    except YaosuError as exc:  # raised outside a command body (e.g. while parsing)
        typer.echo(f"错误：{exc.message}", err=True)
        sys.exit(exc.exit_code)

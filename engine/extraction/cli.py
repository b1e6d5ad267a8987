"""`yaosu extract`, `yaosu eval`, `yaosu eval-real`: registered into the main Typer app by `register`."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from engine.errors import YaosuError


def _fail(message: str) -> None:
    typer.echo("错误：" + message.replace("\n", " "), err=True)
    raise typer.Exit(code=YaosuError.exit_code)


def extract_command(
    files: Annotated[list[Path], typer.Argument(help="起诉状或答辩状（.txt / .docx / .pdf / 扫描图像），可多个")],
    case_type: Annotated[str | None, typer.Option("--case-type", help="案件类型，缺省时自动识别")] = None,
    role: Annotated[str, typer.Option("--role", help="complaint 起诉状 / answer 答辩状")] = "complaint",
    as_json: Annotated[bool, typer.Option("--json", help="JSON Lines 输出")] = False,
    complaint: Annotated[Path | None, typer.Option(
        "--complaint", help="答辩状所答辩的起诉状（--role answer 时）：起诉状载明的事实（如夫妻关系）用于判断答辩意见")] = None,
) -> None:
    """从诉状中提取要素。"""
    from engine.extraction.api import extract_text
    from engine.extraction.reading import read_pleading_notes
    from engine.system import default_system

    try:
        system = default_system()
        # Read every file first: one unreadable file means no output at all.
        texts = [(path, read_pleading_notes(path)) for path in files]
        replied_to = read_pleading_notes(complaint).text if complaint is not None and role == "answer" else ""
        results = []
        for path, read in texts:
            result = extract_text(system, read.text, case_type, role, replied_to)
            result["warnings"] = read.warnings + result["warnings"]
            results.append({"file": str(path), **result})
    except YaosuError as exc:
        _fail(exc.shown)
        return
    for result in results:
        if as_json:
            sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
        else:
            _print_table(result)


def _print_table(result: dict[str, Any]) -> None:
    from rich.console import Console
    from rich.table import Table

    from engine.system import default_system

    table_def = default_system().table(result["case_type"])
    table = Table(title=f"{result['file']}（{table_def.label}，{result['role']}）")
    for column in ("要素", "值", "置信度", "依据"):
        table.add_column(column)
    for eid, element in result["elements"].items():
        value = element["value"]
        if isinstance(value, list) and value and isinstance(value[0], dict):
            # A party list shows names; any other record list (an object_list ledger) its records.
            value = "、".join(p["name"] if "name" in p else json.dumps(p, ensure_ascii=False) for p in value)
        elif isinstance(value, dict):
            value = json.dumps(value, ensure_ascii=False)
        if "position" in element:
            value = f"[{'认可' if element['position'] == 'admit' else '异议'}] {value if value is not None else ''}"
        evidence = "；".join(e["text"] for e in element["evidence"])
        table.add_row(f"{table_def.element(eid).label}（{eid}）", str(value), f"{element['confidence']:.2f}", evidence)
    console = Console()
    console.print(table)
    if result["missing"]:
        console.print("缺少：" + "、".join(result["missing"]))
    for warning in result["warnings"]:
        console.print(f"注意：{warning}")


_PERTURB_HELP = ("扰动类型，逗号分隔：names 当事人姓名换成另一种写法、amounts 金额换写法、dates 日期换写法、"
                 "width 全角/半角、traditional 繁体、noblock 去掉起诉状的当事人信息部分（诉称段的形式）、lexical 按同义改写表换用同义措辞（诉讼请求/诉请、偿还/归还…）、punct 分句标点换用（句号作逗号、分号作逗号或句号…）；与 --all 同用时每个集合一行；输出每个要素扰动前后的 F1 与翻转的篇数（对→错、错→对）")


def _perturbation(kinds: str | None, seed: int) -> Any:
    """The perturbation the options ask for (None without --perturb); an unknown kind exits 2 naming it."""
    if kinds is None:
        return None
    from engine.extraction.perturb import Perturbation, parse_kinds

    return Perturbation(parse_kinds(kinds), seed)


def eval_command(
    directory: Annotated[Path, typer.Argument(help="含 *.txt 与 *.gold.json 的目录（递归）")],
    as_json: Annotated[bool, typer.Option("--json")] = False,
    core: Annotated[bool, typer.Option("--core", help="只统计核心要素")] = False,
    perturb: Annotated[str | None, typer.Option("--perturb", help=_PERTURB_HELP)] = None,
    seed: Annotated[int, typer.Option("--seed", help="扰动的随机种子（同一种子结果相同）")] = 0,
) -> None:
    """按金标准评估提取结果：每个要素的 P/R/F1 与 micro-F1（--perturb：改写后是否仍一致）。"""
    from engine.extraction.evaluate import evaluate_directory
    from engine.system import default_system

    try:
        perturbation = _perturbation(perturb, seed)
    except YaosuError as exc:
        _fail(exc.shown)
        return
    _report(lambda perturbed=None: evaluate_directory(default_system(), directory, core_only=core,
                                                      perturbation=perturbed), as_json, perturbation)


def eval_real_command(
    realdata: Annotated[Path | None, typer.Option("--realdata", help="realdata 目录")] = None,
    gold: Annotated[Path | None, typer.Option("--gold", help="金标准 JSONL")] = None,
    case_type: Annotated[str, typer.Option("--case-type", help="金标准所属的案件类型")] = "private_lending",
    as_json: Annotated[bool, typer.Option("--json")] = False,
    perturb: Annotated[str | None, typer.Option("--perturb", help=_PERTURB_HELP)] = None,
    seed: Annotated[int, typer.Option("--seed", help="扰动的随机种子（同一种子结果相同）")] = 0,
    all_sets: Annotated[bool, typer.Option(
        "--all", help="评估 corpus/realdata_gold/sets.yaml 登记的全部金标准集合，每个集合一行")] = False,
    kind: Annotated[str | None, typer.Option(
        "--kind", help="与 --all 同用：只评估某一类集合（development 开发集 / blind 盲测集 / held_out 留出集）")] = None,
    markdown: Annotated[bool, typer.Option("--markdown", help="与 --all 同用：输出 Markdown 表格")] = False,
    sets: Annotated[Path | None, typer.Option("--sets", help="与 --all 同用：集合登记表（缺省为 sets.yaml）")] = None,
) -> None:
    """在真实裁判文书（诉称部分）上评估提取（--perturb：改写后的文书与同样改写的金标准是否仍一致）。"""
    from engine.extraction.realdata import DEFAULT_GOLD, DEFAULT_REALDATA, evaluate_gold, missing_source

    realdata = realdata or DEFAULT_REALDATA
    try:
        perturbation = _perturbation(perturb, seed)
    except YaosuError as exc:
        _fail(exc.shown)
        return
    if all_sets:
        _eval_all(realdata, gold, kind, sets, markdown, as_json, perturbation)
        return
    gold = gold or DEFAULT_GOLD
    if not gold.is_file():
        typer.echo(f"未找到金标准文件（{gold}），跳过评估。")
        return
    try:
        missing = missing_source(realdata, gold)
    except YaosuError as exc:
        _fail(exc.shown)
        return
    if missing is not None:
        typer.echo(f"未找到真实文书数据（{missing}），跳过评估。")
        return
    from engine.system import default_system

    _report(lambda perturbed=None: evaluate_gold(default_system(), case_type, realdata, gold, perturbed),
            as_json, perturbation)


def _eval_all(realdata: Path, gold: Path | None, kind: str | None, sets: Path | None, markdown: bool,
              as_json: bool, perturbation: Any = None) -> None:
    """Every registered gold set scored, one summary line each (a set whose source text is absent says so);
    with a perturbation, each set as written and rewritten (the whole robustness report in JSON)."""
    from engine.errors import E
    from engine.extraction.goldsets import GOLD_SETS, KINDS, load_gold_sets, score_all, summary_table
    from engine.system import default_system

    registry = sets or GOLD_SETS
    try:
        if gold is not None:
            raise YaosuError(E.E294)
        if kind is not None and kind not in KINDS:
            raise YaosuError(E.E293, kind=kind, known="、".join(KINDS))
        chosen = tuple(entry for entry in load_gold_sets(registry) if kind is None or entry.kind == kind)
        rows = score_all(default_system(), realdata, chosen, registry.parent, perturbation)
    except YaosuError as exc:
        _fail(exc.shown)
        return
    if as_json:
        keys = ("files", "perturbation", "robustness", "flips") if perturbation else ("files", "complaints", "answers")
        typer.echo(json.dumps([{**row["set"].model_dump(), "report": row["report"] and {
            key: row["report"].get(key) for key in keys}} for row in rows], ensure_ascii=False, indent=1))
        return
    typer.echo(summary_table(rows, markdown))


def _report(evaluate: Any, as_json: bool, perturbation: Any = None) -> None:
    """Run an evaluation and print its report (JSON or the table); a data problem is one coded line. With a
    perturbation, the evaluation runs twice (as written, rewritten) and the robustness table is printed."""
    from engine.extraction.evaluate import format_report
    from engine.extraction.perturb import format_robustness, robustness

    try:
        report = evaluate()
        if perturbation is not None:
            report = robustness(report, evaluate(perturbation))
    except YaosuError as exc:
        _fail(exc.shown)
        return
    if as_json:
        typer.echo(json.dumps(report, ensure_ascii=False, indent=1))
    else:
        typer.echo(format_robustness(report) if perturbation is not None else format_report(report))


def register(app: typer.Typer) -> None:
    app.command("extract")(extract_command)
    app.command("eval")(eval_command)
    app.command("eval-real")(eval_real_command)

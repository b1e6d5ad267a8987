"""`yaosu batch` and `yaosu similar` (registered on the main app by engine/cli.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from engine.errors import E, YaosuError

SUMMARY_LABELS = {"ready": "可起草", "pending": "待认定", "missing": "缺少必填要素", "failed": "失败"}


def _summary(result: Any) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(stderr=True)
    totals = Table(title="批量处理结果")
    totals.add_column("状态")
    totals.add_column("件数", justify="right")
    for status, label in SUMMARY_LABELS.items():
        totals.add_row(label, str(result.count(status)))
    totals.add_row("其中未重做（输入未变）", str(result.skipped))
    console.print(totals)
    problems = [s for s in result.states if s["status"] != "ready"]
    if problems:
        detail = Table(title="需要处理的案件")
        for column in ("清单行", "案件", "状态"):
            detail.add_column(column, no_wrap=True)
        detail.add_column("原因", overflow="fold")  # the whole reason, wrapped, never cut
        for state in problems:
            reasons = state.get("reasons") or []
            detail.add_row(str(state["line"]), state["stem"], SUMMARY_LABELS[state["status"]], "；".join(reasons))
        console.print(detail)
    if result.lenders:
        console.print(f"疑似职业放贷人：{len(result.lenders)} 名（见 report.json 的 lenders）")


def register(app: typer.Typer) -> None:
    from engine.cli import emit_json, user_errors

    @app.command()
    @user_errors
    def batch(
        manifest: Annotated[Path, typer.Argument(help="清单 CSV：complaint,answer,court,filing_date,case_type")],
        output: Annotated[Path, typer.Option("-o", "--output", help="输出文件夹")],
        scheduler: Annotated[
            str | None, typer.Option(help="Dask 调度器地址，如 tcp://127.0.0.1:8786；省略时启动本机集群")
        ] = None,
        workers: Annotated[
            int | None, typer.Option(help="本机集群的进程数（默认每核一个）；0 表示不用 Dask，在本进程中逐件处理", min=0)
        ] = None,
        keep_going: Annotated[bool, typer.Option("--keep-going/--fail-fast", help="某件失败时继续处理其余案件")] = True,
        as_json: Annotated[bool, typer.Option("--json", help="以 JSON 输出结果")] = False,
    ) -> None:
        """批量处理：生成案件文件、判决书草稿、去标识化要素导出、分析报告和相似案件索引。已完成且输入未变的案件不重做。"""
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        from engine.research.batch import INLINE, run_batch

        if workers == 0:
            if scheduler:
                raise YaosuError(E.E702)
            scheduler, workers = INLINE, None
        elif scheduler == INLINE:
            raise YaosuError(E.E703, scheduler=scheduler)

        progress = Progress(
            TextColumn("[bold]批量处理"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
            TextColumn("{task.description}"), transient=False, console=Console(stderr=True),
        )
        task_ref: dict[str, Any] = {}

        def start(total: int) -> None:  # only once the manifest is read: a bad header prints just the error
            progress.start()
            task_ref["id"] = progress.add_task("", total=total)

        def done(state: dict[str, Any]) -> None:
            progress.update(task_ref["id"], advance=1, description=state["stem"])

        try:
            result = run_batch(manifest, output, scheduler=scheduler, workers=workers, keep_going=keep_going,
                               on_start=start, on_done=done)
        finally:
            if task_ref:
                progress.stop()
        if as_json:
            emit_json({
                "output": str(output),
                "counts": {status: result.count(status) for status in SUMMARY_LABELS},
                "skipped": result.skipped,
                "cases": [{k: s.get(k) for k in ("line", "stem", "status", "reasons", "skipped")} for s in result.states],
                "lenders": result.lenders,
            })
        else:
            _summary(result)
        if result.count("failed"):
            raise typer.Exit(1)

    @app.command()
    @user_errors
    def similar(
        case_file: Annotated[Path, typer.Argument(help="案件文件 case.json")],
        corpus: Annotated[Path, typer.Option(help="yaosu batch 的输出文件夹")],
        k: Annotated[int, typer.Option("-k", help="列出的相似案件数", min=1)] = 5,
        as_json: Annotated[bool, typer.Option("--json", help="以 JSON 输出")] = False,
    ) -> None:
        """按要素找出批量结果中最相似的 N 件案件，并列出不同的要素。"""
        from engine.research import calls
        from engine.research.similar import similar_cases

        case = calls.load_case(case_file)
        if not isinstance(case.get("case_type"), str):
            raise YaosuError(E.E701, case_file_name=case_file.name)
        calls.load_table(case["case_type"])
        own = corpus / "cases" / case_file.name
        exclude = case_file.stem if own.exists() and own.resolve() == case_file.resolve() else None
        hits = similar_cases(case, corpus, k=k, exclude=exclude)
        if as_json:
            emit_json({"case": str(case_file), "similar": hits})
            return
        if not hits:
            typer.echo("批量结果中没有同类型的案件")
        for rank, hit in enumerate(hits, 1):
            typer.echo(f"{rank}. {hit['case']}（{hit['court']}，距离 {hit['distance']}）")
            for diff in hit["differences"]:
                this = _short(case["case_type"], diff["element"], diff["this"])
                other = _short(case["case_type"], diff["element"], diff["other"])
                typer.echo(f"   {diff['label']}：本案 {this}；该案 {other}")


def _short(case_type: str, element_id: str, value: Any) -> str:
    from engine.research import calls

    return "未载明" if value is None else calls.value_text(case_type, element_id, value)

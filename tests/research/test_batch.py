"""yaosu batch on the team corpus: plain loop vs a real Dask LocalCluster, resume after a kill,
findings kept across re-extraction, bad manifest rows named by line."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import psutil
import pyarrow.parquet as pq
import pytest
from distributed import Client, LocalCluster

from engine.errors import YaosuError
from engine.research import held_exports
from engine.research.batch import INLINE, run_batch
from engine.research.lenders import WARNING_PREFIX
from engine.research.worker import ensure_warm
from tests.research.batch_inputs import COMPLAINTS, copied_manifest, corpus_manifest, write_manifest

pytestmark = pytest.mark.skipif(not COMPLAINTS, reason="team corpus not present")
YAOSU = [sys.executable, "-c", "from engine.cli import main; main()"]


@pytest.fixture(scope="module")
def cluster() -> Iterator[LocalCluster]:
    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None,
    ) as local:
        yield local


def _outputs(out: Path) -> dict[str, object]:
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    report.pop("generated_at")
    return {
        "csv": (out / "elements.csv").read_bytes(),
        "report": report,
        "cases": {p.name: p.read_bytes() for p in sorted((out / "cases").glob("*.json"))},
        "drafts": sorted(p.name for p in (out / "drafts").iterdir()),
    }


def _without_lender_notes(source: Path | bytes) -> dict[str, object]:
    case = json.loads(source.read_bytes() if isinstance(source, Path) else source)
    case["complaint"]["warnings"] = [w for w in case["complaint"]["warnings"] if not w.startswith(WARNING_PREFIX)]
    return case


def test_plain_loop_and_local_cluster_give_identical_exports(tmp_path: Path, cluster: LocalCluster) -> None:
    manifest = corpus_manifest(tmp_path)
    inline = run_batch(manifest, tmp_path / "inline", scheduler=INLINE)
    distributed = run_batch(manifest, tmp_path / "dask", scheduler=cluster.scheduler_address)
    assert len(inline.states) == len(COMPLAINTS)
    assert inline.count("failed") == 0 and distributed.count("failed") == 0
    assert [s["status"] for s in inline.states] == [s["status"] for s in distributed.states]
    # The workers kept the export rows and finished them; none was remade from a case file.
    assert distributed.rows_exported == inline.rows_exported > 0 and distributed.rows_remade == 0
    assert _outputs(tmp_path / "inline") == _outputs(tmp_path / "dask")
    assert pq.read_table(tmp_path / "inline" / "elements.parquet").equals(
        pq.read_table(tmp_path / "dask" / "elements.parquet")
    )
    # The cases ran on the two worker processes, each of which loaded the pipeline exactly once.
    with Client(cluster) as client:
        loads = client.run(lambda: (os.getpid(), ensure_warm.cache_info().misses, ensure_warm.cache_info().hits))
    assert len(loads) == 2
    assert all(misses == 1 for _pid, misses, _hits in loads.values())
    assert sum(hits for _pid, _misses, hits in loads.values()) >= len(COMPLAINTS)
    assert all(pid != os.getpid() for pid, _m, _h in loads.values())
    with Client(cluster) as client:  # and forgot them once the batch was done
        assert client.run(lambda: len(held_exports._HELD)) == dict.fromkeys(loads, 0)


def test_resume_after_kill_loses_nothing_and_redoes_nothing(tmp_path: Path) -> None:
    total = 100
    manifest = copied_manifest(tmp_path, total)
    out = tmp_path / "out"
    process = subprocess.Popen(
        [*YAOSU, "batch", str(manifest), "-o", str(out), "--workers", "1"],
        cwd=tmp_path, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    state_dir = out / "state"
    deadline = time.monotonic() + 120
    try:
        while time.monotonic() < deadline and len(list(state_dir.glob("*.json"))) < 10:
            assert process.poll() is None, "the batch ended before it could be killed"
            time.sleep(0.005)
        family = psutil.Process(process.pid).children(recursive=True)
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
    for child in family:  # the Dask nanny and worker we started, by pid
        try:
            child.wait(timeout=10)
        except psutil.TimeoutExpired:
            child.kill()
        except psutil.NoSuchProcess:
            pass
    done_before = {p.name: (p.stat().st_mtime_ns, p.read_bytes()) for p in state_dir.glob("*.json")}
    cases_before = {p.name: p.read_bytes() for p in (out / "cases").glob("*.json")}
    assert 10 <= len(done_before) < total, "the kill did not land mid-run"

    result = run_batch(manifest, out, scheduler=INLINE)
    assert len(result.states) == total and result.count("failed") == 0
    skipped = {s["stem"] for s in result.states if s["skipped"]}
    assert skipped == {Path(name).stem for name in done_before}
    for name, (mtime, content) in done_before.items():
        path = state_dir / name
        assert path.stat().st_mtime_ns == mtime and path.read_bytes() == content
        # Same case file; only the batch-wide step may have added the 疑似职业放贷人 note (the
        # copies repeat each corpus plaintiff 3–4 times in 2023; the threshold decides whether flagged).
        assert _without_lender_notes(out / "cases" / name) == _without_lender_notes(cases_before[name])
    assert len(list((out / "cases").glob("*.json"))) == total
    assert len(list(state_dir.glob("*.json"))) == total
    assert not list(out.rglob("*.tmp"))  # a kill mid-write leaves no half file behind as a result


def test_findings_survive_reextraction_and_unchanged_cases_are_not_redone(tmp_path: Path) -> None:
    manifest = copied_manifest(tmp_path, 3)  # c0000 ← pl_c_001 (its answer disputes the principal)
    out = tmp_path / "out"
    first = run_batch(manifest, out, scheduler=INLINE)
    assert first.states[0]["status"] == "pending"
    case_path = out / "cases" / "c0000.json"
    case = json.loads(case_path.read_text(encoding="utf-8"))
    case["findings"] = {"repaid_principal": "20000.00"}
    case["meta"]["judge"] = "周法官"
    case_path.write_text(json.dumps(case, ensure_ascii=False), encoding="utf-8")
    answer = tmp_path / "in" / "a0000.txt"
    answer.write_text(answer.read_text(encoding="utf-8") + "\n以上答辩意见，请求法院依法裁判。\n", encoding="utf-8")

    second = run_batch(manifest, out, scheduler=INLINE)
    assert [s["skipped"] for s in second.states] == [False, True, True]
    kept = json.loads(case_path.read_text(encoding="utf-8"))
    assert kept["findings"] == {"repaid_principal": "20000.00"}
    assert kept["meta"]["judge"] == "周法官"
    assert "请求法院依法裁判" in kept["answer"]["text"]  # really re-extracted from the new answer
    assert "repaid_principal" not in second.states[0]["pending"]
    # The finding reaches the export as the effective value.
    export = pq.read_table(out / "elements.parquet").to_pylist()
    row = next(r for r in export if r["element"] == "repaid_principal" and r["finding"])
    assert row["finding"] == '"20000.00"' and row["effective_value"] == '"20000.00"'


def test_bad_rows_are_named_by_line_and_the_rest_goes_on(tmp_path: Path) -> None:
    rows = [
        [os.path.relpath(COMPLAINTS[0], tmp_path), "", "qingpu", "2023-02-01", "private_lending"],
        ["missing.txt", "", "qingpu", "2023-02-01", "private_lending"],
        [os.path.relpath(COMPLAINTS[1], tmp_path), "", "nowhere", "2023-02-01", "private_lending"],
        [os.path.relpath(COMPLAINTS[2], tmp_path), "", "wujiang", "2023-02-30", "private_lending"],
        [os.path.relpath(COMPLAINTS[3], tmp_path), "gone.txt", "jiashan", "", "private_lending"],
        [os.path.relpath(COMPLAINTS[4], tmp_path), "", "jiashan", "", "no_such_type"],
    ]
    manifest = write_manifest(tmp_path, rows)
    result = run_batch(manifest, tmp_path / "out", scheduler=INLINE)
    by_line = {s["line"]: s for s in result.states}
    assert by_line[2]["status"] != "failed"
    assert by_line[3]["status"] == "failed" and "清单第3行" in by_line[3]["reasons"][0] and "不存在" in by_line[3]["reasons"][0]
    assert by_line[4]["status"] == "failed" and by_line[4]["reasons"][0].startswith("清单第4行：未知的法院")
    assert "清单第5行" in by_line[5]["reasons"][0] and "不是有效日期" in by_line[5]["reasons"][0]
    assert "清单第6行" in by_line[6]["reasons"][0] and "答辩状" in by_line[6]["reasons"][0]
    assert by_line[7]["reasons"][0].startswith("清单第7行：未知的案件类型")
    assert (tmp_path / "out" / "elements.csv").exists()

    # Through the command: exit 1 with a summary table naming the lines, not a traceback.
    run = subprocess.run([*YAOSU, "batch", str(manifest), "-o", str(tmp_path / "cli"), "--workers", "0"],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 1, run.stderr
    assert "Traceback" not in run.stderr
    assert "批量处理结果" in run.stderr and "失败" in run.stderr and "清单第3行" in run.stderr
    # --json: the progress bar and the table stay on stderr, stdout is one JSON document.
    again = subprocess.run([*YAOSU, "batch", str(manifest), "-o", str(tmp_path / "cli"), "--workers", "0", "--json"],
                           capture_output=True, text=True, timeout=120)
    summary = json.loads(again.stdout)
    assert summary["counts"]["failed"] == 5 and summary["skipped"] == 1
    assert [c["line"] for c in summary["cases"]] == [2, 3, 4, 5, 6, 7]


def test_missing_column_is_an_error_naming_the_header_line(tmp_path: Path) -> None:
    manifest = tmp_path / "m.csv"
    manifest.write_text("complaint,court,case_type\nx.txt,qingpu,private_lending\n", encoding="utf-8")
    with pytest.raises(YaosuError, match="第1行.*缺少列：answer、filing_date"):
        run_batch(manifest, tmp_path / "out", scheduler=INLINE)
    run = subprocess.run([*YAOSU, "batch", str(manifest), "-o", str(tmp_path / "out")],
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 2 and run.stderr.startswith("错误：") and "第1行" in run.stderr


def test_a_bad_scheduler_address_is_a_chinese_error(tmp_path: Path) -> None:
    manifest = corpus_manifest(tmp_path, COMPLAINTS[:1])
    with pytest.raises(YaosuError, match="无法连接 Dask 调度器 nonsense"):
        run_batch(manifest, tmp_path / "out", scheduler="nonsense")


def test_chunks_cover_every_case_once_in_order_and_shrink_towards_the_end() -> None:
    from engine.research.batch import MAX_CHUNK, chunk_sizes, chunks

    sizes = chunk_sizes(1000, 2)
    assert sum(sizes) == 1000 and max(sizes) == MAX_CHUNK
    assert sizes[:-1] == sorted(sizes[:-1], reverse=True)  # large first, small at the end
    # While more than 4 × 2 × 32 = 256 cases are left, full chunks; then a 1/8 of what is left, at least 2.
    assert sizes[:24] == [MAX_CHUNK] * 24 and sizes[24] == -(-(1000 - 24 * 32) // 8) == 29
    assert sizes[-3:] == [2, 2, 3] and 1 not in sizes  # 2 + 1 left: one chunk of 3
    assert chunk_sizes(5, 4) == [2, 3] and chunk_sizes(0, 2) == [] and chunk_sizes(1, 2) == [1]
    groups = chunks(sizes)
    assert [i for group in groups for i in group] == list(range(1000))
    assert [len(group) for group in groups] == sizes


def test_fail_fast_stops_at_the_first_failed_case(tmp_path: Path) -> None:
    rows = [
        [os.path.relpath(COMPLAINTS[0], tmp_path), "", "qingpu", "2023-02-01", "private_lending"],
        ["missing.txt", "", "qingpu", "2023-02-01", "private_lending"],
        [os.path.relpath(COMPLAINTS[1], tmp_path), "", "wujiang", "2023-02-01", "private_lending"],
    ]
    out = tmp_path / "out"
    result = run_batch(write_manifest(tmp_path, rows), out, scheduler=INLINE, keep_going=False)
    assert [(s["line"], s["status"] != "failed") for s in result.states] == [(2, True), (3, False)]
    assert (out / "cases" / f"{COMPLAINTS[0].stem}.json").exists()
    assert not (out / "cases" / f"{COMPLAINTS[1].stem}.json").exists()  # never started

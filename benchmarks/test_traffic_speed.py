"""机动车交通事故 end to end — pleadings → case file → three drafts (.docx) — against 民间借贷 in the same run.

One process, the loaded System reused (as the CLI and the service do). Each round: extract the complaint
and the answer, merge them into a case file, set the hearing end date, and render the judgment for the
three courts. The traffic round adds the standard items (three provinces' figures) and the 交强险 /
商业三者险 allocation. Run with `make bench`; the ratio is stored in extra_info and printed.
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path
from typing import Any

from engine.case.new import new_case_from_texts
from engine.drafting.render import render_docx
from engine.paths import CORPUS_DIR
from engine.system import default_system

SYSTEM = default_system()


def _texts(case_type: str, complaint: str, answer: str) -> tuple[str, str]:
    root = CORPUS_DIR / case_type
    return ((root / "complaints" / complaint).read_text(encoding="utf-8"),
            (root / "answers" / answer).read_text(encoding="utf-8"))


TRAFFIC = _texts("motor_vehicle_accident", "mva_c_001.txt", "mva_a_001.txt")
LENDING = _texts("private_lending", "pl_c_001.txt", "pl_a_001.txt")


def pipeline(case_type: str, texts: tuple[str, str]) -> list[bytes]:
    case: dict[str, Any] = new_case_from_texts(SYSTEM, case_type, *texts)
    case["meta"]["hearing_end_date"] = "2024-06-28"
    return [render_docx(SYSTEM, case, court) for court in ("qingpu", "wujiang", "jiashan")]


def per_call(case_type: str, texts: tuple[str, str], rounds: int = 20) -> float:
    timings = []
    for _ in range(rounds):
        start = time.perf_counter()
        pipeline(case_type, texts)
        timings.append(time.perf_counter() - start)
    return statistics.median(timings)


def test_traffic_pleadings_to_three_drafts(benchmark) -> None:
    assert Path(CORPUS_DIR / "private_lending" / "complaints" / "pl_c_001.txt").is_file()
    drafts = pipeline("motor_vehicle_accident", TRAFFIC)  # warm: templates compiled, tables loaded
    assert len(drafts) == 3 and all(d[:2] == b"PK" for d in drafts)
    pipeline("private_lending", LENDING)
    benchmark(pipeline, "motor_vehicle_accident", TRAFFIC)
    lending = per_call("private_lending", LENDING)
    traffic = benchmark.stats.stats.median
    benchmark.extra_info["private_lending_median_ms"] = round(lending * 1000, 2)
    benchmark.extra_info["traffic_over_lending"] = round(traffic / lending, 2)
    print(f"\n机动车交通事故 {traffic * 1000:.1f} ms a case (3 drafts), 民间借贷 {lending * 1000:.1f} ms, "
          f"ratio {traffic / lending:.2f}")

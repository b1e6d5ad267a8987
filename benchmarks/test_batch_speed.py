"""yaosu batch throughput and the report/similar index at scale.

* End to end (manifest → case files, drafts for the case's court, the three-court compare,
  exports, report, similar index), in cases/s, on `CASES` copies of the team corpus pleadings:
  the plain loop in this process, then a Dask LocalCluster of 1 and of 2 worker processes
  (cluster start included — that is what a user waits for). Each round writes a fresh folder.
* The report and the similar-case index on 100,000 synthetic cases (records built in memory).

Run: `.venv/bin/pytest benchmarks/test_batch_speed.py --benchmark-only -s`. Nothing asserts on
time; the figures are the result.
"""

from __future__ import annotations

import itertools
import random
from pathlib import Path
from typing import Any

import pytest

from engine.research import calls
from engine.research.batch import INLINE, run_batch
from engine.research.report import build_report
from engine.research.similar import build_index, raw_features
from tests.research.batch_inputs import COMPLAINTS, COURTS, copied_manifest

pytestmark = pytest.mark.skipif(not COMPLAINTS, reason="team corpus not present")
CASES = 160
SYNTHETIC = 100_000
_counter = itertools.count()


@pytest.fixture(scope="module")
def manifest(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copied_manifest(tmp_path_factory.mktemp("bench"), CASES)


def _run(manifest: Path, scheduler: str | None, workers: int | None) -> None:
    out = manifest.parent / f"out{next(_counter)}"
    result = run_batch(manifest, out, scheduler=scheduler, workers=workers)
    assert len(result.states) == CASES and result.count("failed") == 0 and result.skipped == 0


@pytest.mark.parametrize(("label", "scheduler", "workers"), [("plain loop", INLINE, None), ("1 worker", None, 1), ("2 workers", None, 2)])
def test_batch_end_to_end(benchmark: Any, manifest: Path, label: str, scheduler: str | None, workers: int | None) -> None:
    benchmark.extra_info["cases"] = CASES
    benchmark.pedantic(_run, args=(manifest, scheduler, workers), rounds=2, iterations=1, warmup_rounds=0)
    print(f"\n{label}: {CASES / benchmark.stats.stats.mean:.1f} cases/s end to end ({CASES} cases)")


def _synthetic_records(n: int) -> list[dict[str, Any]]:
    """Records shaped like report.case_record, values drawn around the corpus' ranges."""
    rng = random.Random(7)
    table = calls.load_table("private_lending")
    statuses = ("agreed", "complaint_only", "disputed", "answer_only")
    records = []
    for i in range(n):
        court = COURTS[i % 3]
        loan = rng.choice([20000, 50000, 100000, 300000, 800000]) * rng.uniform(0.5, 1.5)
        agreed = rng.choice([10.0, 12.0, 15.4, 18.0, 24.0, 36.0])
        values: dict[str, Any] = {
            "loan_amount": f"{loan:.2f}", "delivered_amount": f"{loan * rng.uniform(0.9, 1):.2f}",
            "claim_principal": f"{loan:.2f}", "delivery_date": f"202{rng.randint(0, 3)}-0{rng.randint(1, 9)}-15",
            "interest_rate": {"annual_percent": f"{agreed:.2f}", "raw": "", "period": "year", "percent": f"{agreed}"},
            "interest_agreed": True, "delivery_method": rng.choice(["bank_transfer", "cash", "mixed"]),
            "contract_form": rng.choice(["iou", "loan_contract", "debt_note"]),
        }
        states = {eid: rng.choice(statuses) for eid in table.entries if eid in values or rng.random() < 0.3}
        cap = rng.choice([14.8, 15.4, 13.8])
        figures = {"claimed_amount": f"{loan * 1.1:.2f}", "granted_amount": f"{loan:.2f}", "fee": f"{loan * 0.01:.2f}",
                   "granted_rates": [f"{min(agreed, cap):.2f}"], "cap": f"{cap:.2f}", "orders": [], "warnings": []}
        records.append({
            "stem": f"s{i}", "court": court, "case_type": "private_lending", "status": rng.choice(["ready", "pending"]),
            "states": states, "complaint": dict(values),
            "findings": {"loan_amount": values["loan_amount"]} if rng.random() < 0.2 else {},
            "values": values, "by_court": dict.fromkeys(COURTS, figures),
            "compare": {"differing_lines": 3, "differing_figures": {c: [] for c in COURTS if c != court},
                        "differing_orders": {c: [] for c in COURTS if c != court}},
        })
    return records


@pytest.fixture(scope="module")
def synthetic() -> list[dict[str, Any]]:
    return _synthetic_records(SYNTHETIC)


def test_report_on_100k_synthetic_cases(benchmark: Any, synthetic: list[dict[str, Any]]) -> None:
    report = benchmark.pedantic(build_report, args=(synthetic, [], {"min_cases": 5, "window_months": 24}),
                                rounds=2, iterations=1)
    assert report["cases"] == SYNTHETIC
    print(f"\nreport on {SYNTHETIC} synthetic cases: {benchmark.stats.stats.mean:.2f} s")


def test_similar_index_on_100k_synthetic_cases(benchmark: Any, synthetic: list[dict[str, Any]]) -> None:
    def build() -> Any:
        return build_index([(r["stem"], r["case_type"], r["court"], raw_features(r["case_type"], r["values"]))
                            for r in synthetic])

    index = benchmark.pedantic(build, rounds=1, iterations=1)
    import time

    vector = index.matrix[123]
    start = time.perf_counter()
    for _ in range(20):
        hits = index.nearest(vector, 10, "private_lending")
    query_ms = (time.perf_counter() - start) / 20 * 1000
    assert hits[0][0] == "s123" or hits[0][1] == 0.0
    print(f"\nsimilar index on {SYNTHETIC} cases: build {benchmark.stats.stats.mean:.2f} s, "
          f"top-10 query {query_ms:.1f} ms, {index.matrix.shape[1]} features")

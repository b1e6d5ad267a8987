"""Similar cases by element vectors: near-duplicates rank first, with the elements that differ."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from engine.research import calls
from engine.research.similar import (
    Index,
    build_index,
    case_values,
    differing_elements,
    raw_features,
    with_flags,
)
from tests.research.batch_inputs import COMPLAINTS, COURTS

pytestmark = pytest.mark.skipif(not COMPLAINTS, reason="team corpus not present")
YAOSU = [sys.executable, "-c", "from engine.cli import main; main()"]


@pytest.fixture(scope="module")
def batch_out(corpus_batch: Path) -> Path:
    return corpus_batch


def _case(out: Path, stem: str) -> dict:
    return calls.load_case(out / "cases" / f"{stem}.json")


def test_index_ranks_the_copy_then_the_near_duplicate(batch_out: Path) -> None:
    cases = {p.stem: calls.load_case(p) for p in sorted((batch_out / "cases").glob("*.json")) if p.stem != "dup_c_007"}
    query = cases["pl_c_007"]
    near = copy.deepcopy(query)
    amount = float(case_values(query)["loan_amount"])
    near["findings"] = {"loan_amount": f"{amount * 1.02:.2f}"}  # 2 % more lent: nothing else changes
    entries = [(stem, c["case_type"], c["court"], raw_features(c["case_type"], case_values(c))) for stem, c in cases.items()]
    entries.append(("near", near["case_type"], "qingpu", raw_features(near["case_type"], case_values(near))))
    index = build_index(entries)
    vector = index.vector(with_flags(index, raw_features(query["case_type"], case_values(query))))
    hits = index.nearest(vector, 3, "private_lending")
    assert [stem for stem, _ in hits[:2]] == ["pl_c_007", "near"]
    assert hits[0][1] == pytest.approx(0.0, abs=1e-3)
    assert 0 < hits[1][1] < hits[2][1]
    assert [d["element"] for d in differing_elements(query, near)] == ["loan_amount"]
    # Excluding the query's own stem leaves the near-duplicate first.
    assert index.nearest(vector, 1, "private_lending", exclude="pl_c_007")[0][0] == "near"


def test_names_do_not_count(batch_out: Path) -> None:
    query = _case(batch_out, "pl_c_007")
    renamed = copy.deepcopy(query)
    renamed["findings"] = {"plaintiffs": [{**p, "name": "完全不同"} for p in query["elements"]["plaintiffs"]["complaint"]]}
    assert raw_features("private_lending", case_values(renamed)) == raw_features("private_lending", case_values(query))
    assert not [f for f in raw_features("private_lending", case_values(query)) if "plaintiffs" in f and "#count" not in f]


def test_the_index_is_saved_with_the_batch_and_the_command_lists_differences(batch_out: Path) -> None:
    index = Index.load(batch_out / "similar_index.npz")
    assert len(index.stems) == len(COMPLAINTS) + 1
    assert index.matrix.dtype == np.float32 and set(index.courts) <= set(COURTS)
    run = subprocess.run(
        [*YAOSU, "similar", str(batch_out / "cases" / "pl_c_007.json"), "--corpus", str(batch_out), "-k", "3", "--json"],
        capture_output=True, text=True, timeout=60, check=True,
    )
    hits = json.loads(run.stdout)["similar"]
    assert [h["case"] for h in hits][0] == "dup_c_007"  # its own file is left out
    assert "pl_c_007" not in [h["case"] for h in hits]
    assert hits[0]["distance"] == 0 and hits[0]["differences"] == []
    assert hits[1]["differences"] and hits[1]["distance"] > 0
    labels = {d["label"] for d in hits[1]["differences"]}
    assert labels <= {e.element.label for e in calls.load_table("private_lending").entries.values()}
    text = subprocess.run(
        [*YAOSU, "similar", str(batch_out / "cases" / "pl_c_007.json"), "--corpus", str(batch_out), "-k", "2"],
        capture_output=True, text=True, timeout=60, check=True,
    ).stdout
    assert text.startswith("1. dup_c_007") and "本案" in text


def test_a_missing_index_is_a_chinese_error(tmp_path: Path, batch_out: Path) -> None:
    run = subprocess.run(
        [*YAOSU, "similar", str(batch_out / "cases" / "pl_c_007.json"), "--corpus", str(tmp_path)],
        capture_output=True, text=True, timeout=60,
    )
    assert run.returncode == 2 and run.stderr.startswith("错误：") and "yaosu batch" in run.stderr

"""Every complaint/answer gold file in the blind-set shapes passes corpus/realdata_gold/check_gold.py
(shapes, value formats — a LawBench part line's by its elements' declared types —, duplicate (id, role) lines, ids against their source when ../shared/realdata exists)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

GOLD = Path(__file__).resolve().parents[2] / "corpus" / "realdata_gold"
FILES = ["scm_loan", "scm_loan_heldout", "scm_loan_dev2", "scm_answers_dev", "answers_dev", "rc_loan_dev",
         "cail2021_dev", "cail2021_blind", "lawbench_loan_dev", "lawbench_traffic", "lawbench_traffic_dev",
         "lawbench_traffic_dev2", "lawbench_traffic_dev3", "lawbench_sale", "lawbench_labor", "lawbench_labor_dev",
         "lawbench_sale_dev", "lawbench_sale_dev2", "element_labor_dev", "element_labor_dev2", "element_labor_blind"]


@pytest.mark.parametrize("name", FILES)
def test_gold_file_passes_check_gold(name: str) -> None:
    done = subprocess.run([sys.executable, str(GOLD / "check_gold.py"), str(GOLD / f"{name}.gold.jsonl")],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout
    assert "0 problems" in done.stderr


def test_a_duplicated_answer_line_is_reported(tmp_path: Path) -> None:
    line = (GOLD / "answers_dev.gold.jsonl").read_text(encoding="utf-8").splitlines()[0]
    bad = tmp_path / "answers_dev.gold.jsonl"
    bad.write_text(line + "\n" + line + "\n", encoding="utf-8")
    done = subprocess.run([sys.executable, str(GOLD / "check_gold.py"), str(bad)],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 1 and "duplicate ids" in done.stdout

"""The complaints development set on CAIL2019 阅读理解 (rc_loan_dev): ids and values only, the part of a
context that is scored, and the evaluator reading it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from engine.extraction.realdata import (
    RC_SOURCE,
    evaluate_cail2021,
    rc_complaint_text,
    read_jsonl,
)
from engine.paths import CORPUS_DIR
from engine.system import default_system
from tests.extraction.realdata_source import realdata_with

GOLD = CORPUS_DIR / "realdata_gold" / "rc_loan_dev.gold.jsonl"
SOURCE = realdata_with("cail2019_rc")
ELEMENTS = default_system().casetype("private_lending").package.blind_complaint_elements


def test_the_gold_passes_check_gold_and_covers_every_element() -> None:
    lines = read_jsonl(GOLD)
    assert len(lines) >= 20 and len({g["id"] for g in lines}) == len(lines)
    assert all(g["source"] == RC_SOURCE and g["role"] == "complaint" for g in lines)
    annotated = {eid for g in lines for eid in g["elements"]}
    assert annotated == set(ELEMENTS)
    checker = CORPUS_DIR / "realdata_gold" / "check_gold.py"
    done = subprocess.run([sys.executable, str(checker), str(GOLD), "--source", str(SOURCE / RC_SOURCE)],
                          capture_output=True, text=True, check=False)
    if (SOURCE / RC_SOURCE).is_file():
        assert done.returncode == 0, done.stdout


def test_check_gold_rejects_an_unscored_element_that_is_also_given(tmp_path: Path) -> None:
    bad = {**read_jsonl(GOLD)[0], "unscored": ["loan_amount"]}
    path = tmp_path / "bad.gold.jsonl"
    path.write_text(json.dumps(bad, ensure_ascii=False) + "\n", encoding="utf-8")
    checker = CORPUS_DIR / "realdata_gold" / "check_gold.py"
    done = subprocess.run([sys.executable, str(checker), str(path), "--source", str(tmp_path / "none.jsonl")],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 1 and "unscored" in done.stdout


def test_the_scored_part_of_a_context() -> None:
    # A context that opens with the plaintiff's statement: up to the answer.
    stated = "原告甲诉称：被告乙借款1万元未还。被告乙辩称：已还清。"
    assert rc_complaint_text(stated) == "原告甲诉称：被告乙借款1万元未还。"
    # Findings only: the whole account, without the court's lead-in.
    found = "根据当事人陈述和经审查确认的证据，本院认定事实如下：2019年1月2日，被告乙向原告甲借款1万元。"
    assert rc_complaint_text(found) == "2019年1月2日，被告乙向原告甲借款1万元。"
    assert rc_complaint_text("经审理查明，被告乙向原告甲借款。") == "被告乙向原告甲借款。"
    assert rc_complaint_text("原告甲与被告乙系朋友。") == "原告甲与被告乙系朋友。"


@pytest.mark.skipif(not (SOURCE / RC_SOURCE).is_file(), reason="../shared/realdata/cail2019_rc not present")
def test_the_evaluator_scores_a_line(tmp_path: Path) -> None:
    known = {json.loads(line)["id"] for line in (SOURCE / RC_SOURCE).read_text(encoding="utf-8").splitlines()}
    lines = read_jsonl(GOLD)
    assert {g["id"] for g in lines} <= known
    first = next(g for g in lines if "loan_amount" in g["elements"])
    sample = tmp_path / "rc_sample.gold.jsonl"
    # A wrong figure: scored as a miss; listed as unscored, it costs nothing.
    wrong = {**first, "elements": {"loan_amount": "1.00"}, "unscored": []}
    sample.write_text(json.dumps(wrong, ensure_ascii=False) + "\n", encoding="utf-8")
    report = evaluate_cail2021(default_system(), "private_lending", SOURCE, sample)
    assert report["files"] == 1 and report["complaints"]["per_element"]["loan_amount"]["fn"] == 1
    sample.write_text(json.dumps({**wrong, "unscored": ["loan_amount"]}, ensure_ascii=False) + "\n", encoding="utf-8")
    report = evaluate_cail2021(default_system(), "private_lending", SOURCE, sample)
    assert "loan_amount" not in report["complaints"]["per_element"]

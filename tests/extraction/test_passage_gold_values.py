"""eval-real on LawBench-shaped passages reads a complaint value written plain (the traffic and loan gold
files) or as {"value": …} (the sale and labour files) alike. Until this test, the second form was wrapped a
second time and every sale and labour complaint value scored as wrong (micro-F1 0.000)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from engine.extraction.realdata import evaluate_real
from engine.system import default_system

GOLD_DIR = Path(__file__).resolve().parents[2] / "corpus" / "realdata_gold"
# Team-written, in the LawBench item shape ({"question": "句子:…"}).
PASSAGE = ("句子:原告张某诉称，被告李某于2020年3月1日向原告借款50000元，约定2020年9月1日归还，到期未还。"
           "现起诉要求被告偿还借款50000元。 被告李某辩称，借款已经归还。")


def _score(tmp_path: Path, elements: dict[str, object]) -> dict[str, object]:
    realdata = tmp_path / "realdata"
    (realdata / "lawbench").mkdir(parents=True)
    (realdata / "lawbench" / "sample.json").write_text(json.dumps([{"question": PASSAGE}], ensure_ascii=False),
                                                       encoding="utf-8")
    gold = tmp_path / "sample.gold.jsonl"
    line = {"source": "lawbench/sample.json", "index": 0, "part": "complaint", "elements": elements}
    gold.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    checked = subprocess.run([sys.executable, str(GOLD_DIR / "check_gold.py"), str(gold),
                              "--source", str(realdata / "lawbench" / "sample.json")],
                             capture_output=True, text=True, check=False)
    assert checked.returncode == 0, checked.stdout
    return evaluate_real(default_system(), "private_lending", realdata, gold)["complaints"]


def test_plain_and_wrapped_complaint_values_score_the_same(tmp_path: Path) -> None:
    plain = _score(tmp_path / "plain", {"loan_amount": "50000.00", "term_end": "2020-09-01"})
    wrapped = _score(tmp_path / "wrapped", {"loan_amount": {"value": "50000.00"}, "term_end": {"value": "2020-09-01"}})
    assert plain["micro"]["f1"] == wrapped["micro"]["f1"] == 1.0
    assert plain["per_element"]["loan_amount"] == wrapped["per_element"]["loan_amount"]


def test_a_wrong_gold_value_still_counts_as_an_error(tmp_path: Path) -> None:
    wrong = _score(tmp_path, {"loan_amount": {"value": "5000.00"}})
    assert wrong["micro"]["f1"] == 0.0


def test_check_gold_rejects_a_value_of_the_wrong_type(tmp_path: Path) -> None:
    gold = tmp_path / "bad.gold.jsonl"
    gold.write_text(json.dumps({"source": "lawbench/x.json", "index": 0, "part": "complaint",
                                "elements": {"loan_amount": "5万", "no_such_element": 1,
                                             "guarantors": {"position": "contest", "value": None}}},
                               ensure_ascii=False) + "\n", encoding="utf-8")
    done = subprocess.run([sys.executable, str(GOLD_DIR / "check_gold.py"), str(gold)],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 1
    assert "loan_amount: not a money value: '5万'" in done.stdout
    assert "no_such_element: not an element" in done.stdout
    assert "guarantors: position 'contest': only an answer's" in done.stdout

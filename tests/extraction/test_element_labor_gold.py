"""Scoring passage-part gold (`source`, `index`, `part`) on a JSONL of judgments as sentence lists (the CAIL2019
要素识别 labour file, element_labor_dev): the complaint part is cut before the answer, the answer part runs from
…辩称 to the court's text, and both check_gold scripts accept the lines. Team-written judgments in the source's
shape stand in for the real file."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from engine.errors import YaosuError
from engine.extraction.realdata import evaluate_real, is_cail2021_gold
from engine.paths import CORPUS_DIR
from engine.system import default_system

SOURCE = "fake_element/labor.jsonl"
REAL_CHECKER = CORPUS_DIR / "realdata_gold" / "check_gold.py"
LABOR_CHECKER = CORPUS_DIR / "sale_contract" / "check_gold.py"
# A worker's complaint, the employer's answer with another start date, then the court's findings with a third.
JUDGMENT = [
    {"sentence": "原告张三诉称：原告于2019年3月1日入职被告处，担任仓库管理员，月工资5000元。", "labels": ["LB5"]},
    {"sentence": "2021年6月30日被告将原告辞退。请求判令被告支付违法解除劳动合同赔偿金20000元。", "labels": ["LB1"]},
    {"sentence": "被告某物流有限公司辩称：原告系自动离职，不同意支付赔偿金。", "labels": []},
    {"sentence": "经审理查明：原告于2019年4月1日入职。", "labels": []},
]
NO_ANSWER = [{"sentence": "原告李四诉称：请求判令被告支付拖欠工资8000元。", "labels": []}]


def _realdata(tmp_path: Path) -> Path:
    source = tmp_path / "realdata" / SOURCE
    source.parent.mkdir(parents=True)
    source.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in (JUDGMENT, NO_ANSWER)),
                      encoding="utf-8")
    return tmp_path / "realdata"


def _gold(tmp_path: Path, lines: list[dict[str, Any]], name: str = "element_labor_dev.gold.jsonl") -> Path:
    path = tmp_path / name
    path.write_text("".join(json.dumps({"source": SOURCE, **line}, ensure_ascii=False) + "\n" for line in lines),
                    encoding="utf-8")
    return path


def test_complaint_and_answer_parts_of_a_judgment_are_scored_apart(tmp_path: Path) -> None:
    gold = _gold(tmp_path, [
        {"index": 0, "part": "complaint", "elements": {"employment_start": {"value": "2019-03-01"},
                                                       "claim_illegal_termination": {"value": "20000.00"}}},
        {"index": 0, "part": "answer", "elements": {"termination_by": {"position": "contest", "value": "employee"}}},
        {"index": 1, "part": "complaint", "elements": {"claim_unpaid_wages": {"value": "8000.00"}}},
    ])
    # The name begins like the blind-shaped files (element_…), but its lines are parts: scored as passages.
    assert not is_cail2021_gold(gold)
    report = evaluate_real(default_system(), "labor_dispute", _realdata(tmp_path), gold)
    complaints, answers = report["complaints"]["per_element"], report["answers"]["per_element"]
    assert report["files"] == 3
    # 2019-03-01 is the complaint's; the findings' 2019-04-01 is outside the complaint part.
    assert complaints["employment_start"]["tp"] == 1
    assert complaints["claim_illegal_termination"]["tp"] == 1 and complaints["claim_unpaid_wages"]["tp"] == 1
    assert answers["termination_by"]["tp"] == 1


def test_the_findings_date_as_gold_is_a_miss(tmp_path: Path) -> None:
    gold = _gold(tmp_path, [{"index": 0, "part": "complaint", "elements": {"employment_start": {"value": "2019-04-01"}}}])
    per = evaluate_real(default_system(), "labor_dispute", _realdata(tmp_path), gold)["complaints"]["per_element"]
    assert (per["employment_start"]["tp"], per["employment_start"]["fp"], per["employment_start"]["fn"]) == (0, 1, 1)


def test_an_index_beyond_the_source_is_a_clear_error(tmp_path: Path) -> None:
    gold = _gold(tmp_path, [{"index": 5, "part": "complaint", "elements": {}}])
    with pytest.raises(YaosuError) as caught:
        evaluate_real(default_system(), "labor_dispute", _realdata(tmp_path), gold)
    assert SOURCE in caught.value.shown and "5" in caught.value.shown


def test_the_realdata_checker_knows_the_judgment_indices(tmp_path: Path) -> None:
    source = _realdata(tmp_path) / SOURCE
    ok = _gold(tmp_path, [{"index": 1, "part": "complaint", "elements": {"claim_unpaid_wages": {"value": "8000.00"}}}])
    done = subprocess.run([sys.executable, str(REAL_CHECKER), str(ok), "--source", str(source)],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout
    bad = _gold(tmp_path, [{"index": 2, "part": "complaint", "elements": {}}], "bad.gold.jsonl")
    done = subprocess.run([sys.executable, str(REAL_CHECKER), str(bad), "--source", str(source)],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 1 and "id 2 not in" in done.stdout


def test_the_labour_checker_reads_values_against_the_joined_sentences(tmp_path: Path) -> None:
    realdata = _realdata(tmp_path)
    # The labour checker reads corpus/realdata_gold/element_labor_dev.gold.jsonl under --root; a copy of the
    # team corpus root with a fake gold file stands in.
    root = tmp_path / "corpus"
    (root / "realdata_gold").mkdir(parents=True)
    for sub in ("sale_contract", "labor_dispute"):
        for role in ("complaints", "answers"):
            (root / sub / role).mkdir(parents=True)
    for name in ("lawbench_sale.gold.jsonl", "lawbench_labor.gold.jsonl", "lawbench_sale_dev.gold.jsonl",
                 "lawbench_sale_dev2.gold.jsonl", "lawbench_labor_dev.gold.jsonl", "element_labor_dev2.gold.jsonl",
                 "element_labor_blind.gold.jsonl"):
        (root / "realdata_gold" / name).write_text("", encoding="utf-8")
    gold = root / "realdata_gold" / "element_labor_dev.gold.jsonl"
    (realdata / "cail2019_element").mkdir()
    (realdata / "cail2019_element" / "labor.jsonl").write_text((realdata / SOURCE).read_text(encoding="utf-8"),
                                                               encoding="utf-8")

    def check(position: str) -> subprocess.CompletedProcess[str]:
        line = {"source": "cail2019_element/labor.jsonl", "index": 0, "part": "complaint",
                "elements": {"position": {"value": position}}}
        gold.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
        return subprocess.run([sys.executable, str(LABOR_CHECKER), "--root", str(root), "--realdata", str(realdata)],
                              capture_output=True, text=True, check=False)

    done = check("仓库管理员")
    assert done.returncode == 0, done.stdout
    done = check("会计")
    assert done.returncode == 1 and "'会计' does not occur in the text" in done.stdout


def test_the_committed_labour_and_sale_gold_passes_the_labour_checker() -> None:
    done = subprocess.run([sys.executable, str(LABOR_CHECKER)], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout
    assert " 0 problems" in done.stderr

"""劳动争议 extraction: the arbitration award read from a complaint, the corpus floor, the real-data scorer."""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.extraction.api import extract_text
from engine.extraction.evaluate import evaluate_directory
from engine.extraction.realdata import evaluate_real, read_jsonl
from engine.system import default_system
from tests.extraction.realdata_source import realdata_with

SYSTEM = default_system()
ROOT = Path(__file__).resolve().parents[3]
CORPUS = ROOT / "corpus" / "labor_dispute"
GOLD = ROOT / "corpus" / "realdata_gold" / "lawbench_labor_dev.gold.jsonl"
REALDATA = realdata_with("lawbench")
LAWBENCH = REALDATA / "lawbench" / "dispute_focus_2-2.json"

COMPLAINT = """民事起诉状
原告：上海云栖科技有限公司，住所地上海市青浦区某路3号。
法定代表人：钟云栖，董事长。
被告：郑晓峰，男，1980年12月1日出生，汉族，住上海市青浦区某路4号。
诉讼请求：
1. 判令原告无需支付被告违法解除劳动合同赔偿金48000元；
2. 本案诉讼费由被告承担。
事实与理由：
被告于2019年3月1日入职原告，双方签订了劳动合同。被告申请劳动仲裁，上海市青浦区劳动人事争议仲裁委员会于2024年12月20日作出青劳人仲（2024）办字第2468号裁决书，裁决原告支付被告违法解除劳动合同赔偿金48000元。该裁决为非终局裁决。原告不服，诉至法院。
"""


def test_the_award_and_the_employer_plaintiff() -> None:
    value = {eid: s["value"] for eid, s in
             extract_text(SYSTEM, COMPLAINT, "labor_dispute", "complaint")["elements"].items()}
    assert value["arbitration_award"] == {"number": "青劳人仲（2024）办字第2468号", "date": "2024-12-20",
                                          "result": "裁决原告支付被告违法解除劳动合同赔偿金48000元"}
    assert value["final_award"] is False  # 非终局 contains 终局: the negative wins
    assert value["claim_no_payment"] is True
    assert value["employer"] == ["上海云栖科技有限公司"] and value["employee"] == ["郑晓峰"]
    assert "termination_lawful" not in value  # a court finding, never read from a pleading


def test_a_final_award_is_read_as_final() -> None:
    text = COMPLAINT.replace("该裁决为非终局裁决", "本裁决为终局裁决")
    value = extract_text(SYSTEM, text, "labor_dispute", "complaint")["elements"]
    assert value["final_award"]["value"] is True


def test_team_corpus_floor() -> None:
    # Measured 2026-12-01 (README): complaints 0.89, answers 0.59, core 0.95.
    report = evaluate_directory(SYSTEM, CORPUS)
    assert report["files"] == 23
    assert report["complaints"]["micro"]["f1"] >= 0.86, report["complaints"]["micro"]
    assert report["answers"]["micro"]["f1"] >= 0.55, report["answers"]["micro"]
    assert report["core"]["micro"]["f1"] >= 0.92, report["core"]["micro"]


@pytest.mark.skipif(not LAWBENCH.is_file(), reason="LawBench passages not present")
def test_real_gold_is_scored_by_source_index_and_part() -> None:
    lines = read_jsonl(GOLD)
    report = evaluate_real(SYSTEM, "labor_dispute", REALDATA, GOLD)
    assert report["files"] == len(lines) == 25
    annotated = {eid for line in lines for eid in line["elements"]}
    # Only the elements the gold set annotates are scored (its README: no parties, no dates).
    assert set(report["complaints"]["per_element"]) <= annotated
    assert "plaintiffs" not in report["complaints"]["per_element"]
    assert report["answers"]["per_element"]

"""The answers development set: ids and values only, disjoint from the blind set, scored by the evaluator."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from engine.extraction.realdata import (
    ANSWERS_DEV_GOLD,
    CAIL2021_GOLD,
    answer_part,
    evaluate_cail2021,
    is_cail2021_gold,
    read_jsonl,
)
from engine.system import default_system
from tests.extraction.realdata_source import realdata_with

DEFENCES = default_system().casetype("private_lending").package.blind_defence_elements
SOURCE = realdata_with("cail2021_focus")
LAWBENCH = "lawbench/dispute_focus_2-2.json"


def test_shapes_and_disjoint_from_the_blind_set() -> None:
    lines = read_jsonl(ANSWERS_DEV_GOLD)
    assert len(lines) >= 40 and all(g["role"] == "answer" for g in lines)
    assert is_cail2021_gold(ANSWERS_DEV_GOLD)
    blind_ids = {g["id"] for g in read_jsonl(CAIL2021_GOLD)}
    cail = [g for g in lines if g["source"] == "cail2021_focus/train.json"]
    lawbench = [g for g in lines if g["source"] == LAWBENCH]
    assert len(cail) + len(lawbench) == len(lines)
    # No document the blind set used (complaint or answer) is in the development set.
    assert not {g["id"] for g in cail} & blind_ids
    assert len({g["id"] for g in cail}) == len(cail) and len({g["index"] for g in lawbench}) == len(lawbench)
    for gold in lines:
        assert set(gold) <= {"source", "id", "index", "role", "elements"}
        assert set(gold["elements"]) <= set(DEFENCES)
        assert all(v == {"position": "contest", "value": True} for v in gold["elements"].values())
    raised = {eid for g in lines for eid in g["elements"]}
    assert raised == set(DEFENCES)  # every defence occurs at least once


def test_the_court_text_after_a_defence_is_cut() -> None:
    text = "被告辩称，借款已过诉讼时效。当事人围绕诉讼请求依法提交了证据，本院认定事实如下：被告已归还借款。"
    assert answer_part(text) == "被告辩称，借款已过诉讼时效。"
    assert answer_part("被告辩称，已还清。") == "被告辩称，已还清。"


@pytest.mark.skipif(not (SOURCE / "cail2021_focus" / "train.json").is_file() or not (SOURCE / LAWBENCH).is_file(),
                    reason="../shared/realdata (cail2021_focus, lawbench) not present: the ids cannot be scored")
def test_the_evaluator_scores_both_sources(tmp_path: Path) -> None:
    dataset = json.loads((SOURCE / "cail2021_focus" / "train.json").read_text(encoding="utf-8"))["dataset"]
    known = {doc["文书ID"] for doc in dataset}
    lines = read_jsonl(ANSWERS_DEV_GOLD)
    assert {g["id"] for g in lines if "id" in g} <= known
    # LawBench 148 pleads 诉讼时效 in so many words; gold claiming it also raised 保证期间 costs one false negative.
    item = {"source": LAWBENCH, "index": 148, "role": "answer",
            "elements": {"limitation": {"position": "contest", "value": True},
                         "guarantee_expired": {"position": "contest", "value": True}}}
    sample = tmp_path / "answers_dev_sample.gold.jsonl"
    sample.write_text(json.dumps(item, ensure_ascii=False) + "\n", encoding="utf-8")
    report = evaluate_cail2021(default_system(), "private_lending", SOURCE, sample)
    assert report["files"] == 1
    assert report["answers"]["per_element"]["limitation"]["tp"] == 1
    assert report["answers"]["per_element"]["guarantee_expired"]["fn"] == 1

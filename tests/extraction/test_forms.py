"""Element-style forms read as structure: the team's own 民间借贷 complaint and answer forms, 100 %."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import opencc
import pytest

from engine.extraction.api import extract_path
from engine.system import default_system
from tests.extraction.form_fixtures import (
    ANSWER_EXPECTED,
    ANSWER_ROWS,
    COMPLAINT_EXPECTED,
    COMPLAINT_ROWS,
    UNTICKED_ROWS,
    build_form,
)


def _values(result: dict[str, Any]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for eid, element in result["elements"].items():
        value = element["value"]
        if isinstance(value, list) and value and isinstance(value[0], dict):
            value = [party["name"] for party in value]
        elif isinstance(value, dict) and "percent" in value:
            value = value["percent"]
        values[eid] = value
    return values


def test_complaint_form_every_item(tmp_path: Path) -> None:
    path = build_form(tmp_path / "complaint.docx", "民事起诉状（民间借贷纠纷）", COMPLAINT_ROWS)
    result = extract_path(default_system(), path, "private_lending")
    values = _values(result)
    assert {eid: values.get(eid) for eid in COMPLAINT_EXPECTED} == COMPLAINT_EXPECTED
    plaintiff = result["elements"]["plaintiffs"]["value"][0]
    assert (plaintiff["gender"], plaintiff["birth_date"], plaintiff["ethnicity"]) == ("男", "1985-06-12", "汉族")
    assert result["elements"]["defendants"]["value"][1]["gender"] == "女"
    # Evidence is the value cell as written.
    evidence = result["elements"]["delivery_method"]["evidence"][0]["text"]
    assert "转账☑" in evidence


def test_complaint_form_in_traditional_characters(tmp_path: Path) -> None:
    to_traditional = opencc.OpenCC("s2t").convert
    path = build_form(tmp_path / "complaint_t.docx", "民事起訴狀", COMPLAINT_ROWS, to_traditional)
    values = _values(extract_path(default_system(), path, "private_lending"))
    expected = dict(COMPLAINT_EXPECTED)
    # Names stay as written (趙大海), the values are the same.
    for key in ("plaintiffs", "defendants", "lenders", "borrowers", "guarantors"):
        expected[key] = [to_traditional(name) for name in expected[key]]
    assert {eid: values.get(eid) for eid in expected} == expected


def test_unticked_boxes_decide_nothing(tmp_path: Path) -> None:
    path = build_form(tmp_path / "unticked.docx", "民事起诉状", UNTICKED_ROWS)
    result = extract_path(default_system(), path, "private_lending")
    values = _values(result)
    for eid in ("delivery_method", "repayment_method", "guarantee_type"):
        assert eid not in values, eid
    assert values["loan_amount"] == "50000.00"
    assert values["guarantors"] == ["钱丽"]
    assert result["elements"]["plaintiffs"]["value"][0]["gender"] is None


def test_unticked_boxes_in_plain_text_decide_nothing() -> None:
    from engine.extraction.api import extract_text

    text = ("原告：王小明\n被告：赵大海\n诉讼请求：判令被告归还借款50000元。\n事实与理由：被告向原告借款50000元，"
            "提供方式：现金□银行转账☑。保证人钱丽，保证方式：一般保证□连带责任保证□。")
    values = _values(extract_text(default_system(), text, "private_lending"))
    assert values.get("delivery_method") == "bank_transfer"
    assert "guarantee_type" not in values


@pytest.mark.parametrize("eid", sorted(ANSWER_EXPECTED))
def test_answer_form_positions(tmp_path: Path, eid: str) -> None:
    path = build_form(tmp_path / "answer.docx", "民事答辩状（民间借贷纠纷）", ANSWER_ROWS)
    result = extract_path(default_system(), path, "private_lending", role="answer")
    element = result["elements"][eid]
    assert (element["position"], element["value"] if not isinstance(element["value"], dict)
            else element["value"]["percent"]) == ANSWER_EXPECTED[eid]

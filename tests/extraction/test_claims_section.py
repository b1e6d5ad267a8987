"""Where a complaint's claims section starts (engine/extraction/sections.py): a closing formula that asks for a
judgment and claims nothing (请求依法判决。) is not the claims heading; the numbered claims after it are."""

from __future__ import annotations

import pytest

from engine.extraction.claims import numbered_items
from engine.extraction.pipeline import analyse
from engine.extraction.sections import find_sections
from engine.system import default_system

ITEMS = "诉讼请求：1.判令被告支付拖欠工资8000元；2.判令被告支付经济补偿金12000元。"


@pytest.mark.parametrize("formula", ["为此诉讼，请求依法判决。", "特诉至法院，请人民法院依法判决。"])
def test_a_closing_formula_before_the_heading_is_not_the_claims(formula: str) -> None:
    text = "原告王某诉称：原告于2019年3月1日入职被告处，被告拖欠工资未付。" + formula + ITEMS
    start, _ = find_sections(text)["claims"]
    assert text[start:].startswith("诉讼请求") or text[start:].startswith("1.")
    doc = analyse(default_system().casetype("labor_dispute"), text, "complaint")
    items = numbered_items(doc)
    assert sorted(items) == [1, 2]
    assert "8000" in items[1] and "12000" in items[2]


def test_a_request_for_judgment_with_its_claims_still_opens_them() -> None:
    text = "原告王某诉称：被告拖欠工资。请求依法判令被告支付拖欠工资8000元。"
    start, end = find_sections(text)["claims"]
    assert "8000" in text[start:end]

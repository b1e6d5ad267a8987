"""A case dated before the laws the catalogue holds still drafts: the article is left blank for the judge
and the drafter is told which catalogue row is missing (the fuzz test found filing date 1900-01-01)."""

from __future__ import annotations

from typing import Any

from engine.drafting.build import build_judgment
from engine.drafting.render import judgment_text
from engine.system import default_system

SYSTEM = default_system()


def test_a_filing_date_before_every_catalogued_law_drafts_with_blanks(decided_case: dict[str, Any]) -> None:
    decided_case["meta"]["filing_date"] = "1900-01-01"
    decided_case["meta"]["judgment_date"] = "1900-02-01"
    judgment = build_judgment(SYSTEM, decided_case, "qingpu")
    text = judgment_text(judgment)
    assert "第____条" in text  # the 迟延履行 article, for the judge to fill
    assert any("citations.yaml" in warning and "1900" in warning for warning in judgment.warnings)
    assert "《____》" not in judgment.basis  # blanks never enter the 依照 line

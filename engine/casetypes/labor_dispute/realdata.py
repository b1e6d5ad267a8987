"""The real-data labour gold (corpus/realdata_gold/README.md: LawBench labour, element_labor_dev) annotates the
arbitration award by its number only (date and result null: the passages mask dates, and the result is long
real text), and holds in answers only the elements named below (no post, no end date: README, "Conventions").
Predictions are adapted to that before scoring."""

from __future__ import annotations

from typing import Any

# The elements the real-data labour gold annotates in an answer; the rest (position, employment_end, …) never.
ANSWER_ANNOTATED = ("termination_by", "written_contract", "employment_start", "monthly_wage", "claim_no_payment",
                    "limitation_raised", "arbitration_award")


def adapt_to_real_conventions(predicted: dict[str, Any]) -> dict[str, Any]:
    elements = dict(predicted["elements"])
    if predicted.get("role") == "answer":
        elements = {eid: element for eid, element in elements.items()
                    if eid in ANSWER_ANNOTATED or eid.startswith("claim_")}
    award = elements.get("arbitration_award")
    if award and isinstance(award.get("value"), dict):
        number = award["value"].get("number")
        if number:
            elements["arbitration_award"] = {**award, "value": {"number": number, "date": None, "result": None}}
        else:
            del elements["arbitration_award"]  # a date or result without a number is not annotated
    return {**predicted, "elements": elements}

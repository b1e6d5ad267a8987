"""The lawbench traffic gold (corpus/realdata_gold/README.md, "Traffic accidents") differs from the team
corpus: persons in `liability` and `paid_in_advance` are role labels (原告 / 被告 / 受害人 / 案外人), and no
text element, vehicle list or party list is stored. Predictions are adapted to that before scoring."""

from __future__ import annotations

from typing import Any

from engine.extraction.normalise import normalise

# Not annotated in the real-data gold (README: "Ids and values only").
NOT_ANNOTATED = ("plaintiffs", "defendants", "third_parties", "vehicles", "accident_place", "accident_course",
                 "liability_document", "victim_name", "victim_occupation", "appraisal_opinion", "claim_basis",
                 "appraisal_requested", "dependents")
ROLE_WORDS = {"原告": "原告", "被告": "被告", "受害人": "受害人", "死者": "受害人", "伤者": "受害人"}


def _names(predicted: dict[str, Any], role: str) -> set[str]:
    value = (predicted["elements"].get(role) or {}).get("value") or []
    # As the rules read them: a party list gives names as written (張三), a liability row as read (张三).
    return {normalise(str(p.get("name"))).text for p in value if isinstance(p, dict)}


def _role(who: Any, plaintiffs: set[str], defendants: set[str], drivers: set[str]) -> str:
    if who in ROLE_WORDS:
        return ROLE_WORDS[who]
    who = normalise(str(who)).text
    if who in plaintiffs:
        return "原告"
    if who in defendants or who in drivers:
        return "被告"  # a defendant, or the driver of a defendant's vehicle
    return "案外人"


def adapt_to_real_conventions(predicted: dict[str, Any]) -> dict[str, Any]:
    elements = dict(predicted["elements"])
    plaintiffs, defendants = _names(predicted, "plaintiffs"), _names(predicted, "defendants")
    vehicles = (elements.get("vehicles") or {}).get("value") or []
    drivers = {normalise(str(v["driver"])).text for v in vehicles if isinstance(v, dict) and v.get("driver")}
    for element_id, key in (("liability", "party"), ("paid_in_advance", "payer")):
        entry = elements.get(element_id)
        if entry and isinstance(entry.get("value"), list):
            rows = [{**row, key: _role(row.get(key), plaintiffs, defendants, drivers)} for row in entry["value"]]
            elements[element_id] = {**entry, "value": rows}
    for element_id in NOT_ANNOTATED:
        elements.pop(element_id, None)
    return {**predicted, "elements": elements}

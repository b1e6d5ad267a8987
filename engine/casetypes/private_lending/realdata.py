"""The real-data gold of 民间借贷 (corpus/realdata_gold/README.md) differs from the team corpus in two
ways: one interest claim whatever it is called (but a 违约金 claim is not interest), no term end
computed from a duration, and no rate worked out from a money sum a month (每月利息800元)."""

from __future__ import annotations

from typing import Any

from engine.casetypes.private_lending.durations import find_durations


def adapt_to_real_conventions(predicted: dict[str, Any]) -> dict[str, Any]:
    elements = dict(predicted["elements"])
    overdue = elements.get("claim_overdue_interest")
    # A penalty claim (违约金, e.g. so much a day) is not interest in the real-data gold.
    if "claim_interest" not in elements and overdue and not any("违约金" in e["text"] for e in overdue["evidence"]):
        elements["claim_interest"] = overdue
    term = elements.get("term_end")
    if term and any(find_durations(e["text"]) for e in term["evidence"]):
        del elements["term_end"]
    rate = elements.get("interest_rate")
    if rate and isinstance(rate.get("value"), dict) and "元" in str(rate["value"].get("raw", "")):
        del elements["interest_rate"]
    return {**predicted, "elements": elements}

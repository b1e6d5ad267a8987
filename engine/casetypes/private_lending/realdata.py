"""The real-data gold of 民间借贷 (corpus/realdata_gold/README.md) differs from the team corpus in two
ways: one interest claim whatever it is called (but a 违约金 claim is not interest), no term end
computed from a duration, no term that only a paper written after default states, no rate worked out from a money sum a month (每月利息800元), and no guarantor
who is only asked to bear 连带清偿责任 without 保证 / 担保 wording."""

from __future__ import annotations

import re
from typing import Any

from engine.casetypes.private_lending.durations import find_durations
from engine.casetypes.private_lending.terms import states_the_term
from engine.extraction.normalise import normalise

_GUARANTEE_WORDS = re.compile(r"保证|担保")


def _read(written: str) -> str:
    """Evidence as the rules read it (simplified characters, ASCII digits): 違約金 is 违约金, 保證 is 保证."""
    return normalise(written).text


def _starts(element: dict[str, Any]) -> list[Any]:
    return [e.get("start") for e in element.get("evidence", [])]


def _is_duration(evidence: dict[str, Any]) -> bool:
    """A term's evidence that is a duration (借期一年 on its own, or 一个月 read in its sentence: …一个月后归还)."""
    written = _read(evidence["text"])
    if find_durations(written):
        return True
    return any(found.text == written for found in find_durations(_read(evidence.get("sentence") or "")))


def _agreed_with_the_loan(term: dict[str, Any]) -> bool:
    evidence = term.get("evidence") or []
    if not evidence or not evidence[0].get("sentence"):
        return True
    sentence, written = _read(evidence[0]["sentence"]), _read(evidence[0]["text"])
    start = sentence.find(written)
    if start < 0:
        return True
    return states_the_term(sentence, start, start + len(written), term.get("value"), later_papers=False)


def adapt_to_real_conventions(predicted: dict[str, Any]) -> dict[str, Any]:
    elements = dict(predicted["elements"])
    overdue = elements.get("claim_overdue_interest")
    # A penalty claim (违约金, e.g. so much a day) is not interest in the real-data gold.
    if "claim_interest" not in elements and overdue and not any("违约金" in _read(e["text"]) for e in overdue["evidence"]):
        elements["claim_interest"] = overdue
    term = elements.get("term_end")
    if term and any(_is_duration(e) for e in term["evidence"]):
        del elements["term_end"]
    elif term and not _agreed_with_the_loan(term):
        # A due date only a paper written after default states (经对账出具欠条“…于DATE前还清”) is the team
        # corpus's term, not the real gold's (extended or replaced terms are omitted there).
        del elements["term_end"]
    # A defendant only asked to bear 连带清偿责任, with no 保证 / 担保 wording, is no guarantor in the real-data
    # gold (the team corpus takes the claim's guarantee defendants as the guarantors when the facts name none).
    guarantors, claimed = elements.get("guarantors"), elements.get("claim_guarantee")
    if guarantors and claimed and _starts(guarantors) == _starts(claimed) and not any(
            _GUARANTEE_WORDS.search(_read(e.get("sentence", ""))) for e in guarantors["evidence"]):
        del elements["guarantors"]
    rate = elements.get("interest_rate")
    if rate and isinstance(rate.get("value"), dict) and "元" in _read(str(rate["value"].get("raw", ""))):
        del elements["interest_rate"]
    return {**predicted, "elements": elements}

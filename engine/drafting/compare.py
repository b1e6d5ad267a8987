"""The same case drafted for every court, the lines that differ between the drafts, and the amounts each
court finds side by side (with the published standard each used, or one chosen with --standard)."""

from __future__ import annotations

import difflib
from typing import TYPE_CHECKING, Any

from engine.drafting.build import build_judgment
from engine.drafting.content import Judgment
from engine.drafting.render import judgment_text

if TYPE_CHECKING:
    from engine.system import System


def drafts_by_court(system: System, case: dict[str, Any], court_ids: list[str] | None = None,
                    standard_province: str | None = None) -> dict[str, str]:
    return {cid: judgment_text(judgment) for cid, judgment in
            judgments_by_court(system, case, court_ids, standard_province).items()}


def judgments_by_court(system: System, case: dict[str, Any], court_ids: list[str] | None = None,
                       standard_province: str | None = None) -> dict[str, Judgment]:
    """The judgment of every court; ``standard_province``: all drafted with that province's standards."""
    return {cid: build_judgment(system, case, cid, standard_province=standard_province)
            for cid in court_ids or list(system.courts)}


def amounts_side_by_side(judgments: dict[str, Judgment]) -> list[dict[str, Any]]:
    """One row per claimed item and per payer line: what each court finds (empty when the case type
    itemises nothing). The first row is the standard each draft used."""
    courts = list(judgments)
    rows: list[dict[str, Any]] = []
    if any(j.standard_note for j in judgments.values()):
        rows.append({"label": "适用标准", "courts": {c: judgments[c].standard_note for c in courts}})
    labels = list(dict.fromkeys(r.label for j in judgments.values() for r in j.item_rows))
    for label in labels:
        rows.append({"label": label, "courts": {
            c: next((r.court for r in judgments[c].item_rows if r.label == label), "") for c in courts}})
    payers = list(dict.fromkeys((r.payer, r.basis) for j in judgments.values() for r in j.allocation_rows))
    for payer, basis in payers:
        rows.append({"label": f"{payer}（{basis}）", "courts": {
            c: "、".join(r.amount for r in judgments[c].allocation_rows if (r.payer, r.basis) == (payer, basis))
            for c in courts}})
    return rows


def differing_lines(texts: dict[str, str]) -> list[dict[str, Any]]:
    """Line positions where at least one court's draft differs, with each court's line."""
    courts = list(texts)
    lines = {cid: texts[cid].splitlines() for cid in courts}
    base = lines[courts[0]]
    differing: set[int] = set()
    for cid in courts[1:]:
        matcher = difflib.SequenceMatcher(a=base, b=lines[cid], autojunk=False)
        for tag, a0, a1, _b0, _b1 in matcher.get_opcodes():
            if tag != "equal":
                differing.update(range(a0, max(a1, a0 + 1)))
    result = []
    for index in sorted(differing):
        result.append(
            {"line": index + 1, "texts": {cid: (lines[cid][index] if index < len(lines[cid]) else "") for cid in courts}}
        )
    return result

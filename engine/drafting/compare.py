"""The same case drafted for every court, and the lines that differ between the drafts."""

from __future__ import annotations

import difflib
from typing import TYPE_CHECKING, Any

from engine.drafting.build import build_judgment
from engine.drafting.render import judgment_text

if TYPE_CHECKING:
    from engine.system import System


def drafts_by_court(system: System, case: dict[str, Any], court_ids: list[str] | None = None) -> dict[str, str]:
    return {cid: judgment_text(build_judgment(system, case, cid)) for cid in court_ids or list(system.courts)}


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

"""Candidates → one value per element: the cue's pick rule, then the case type's derivations.

Generic rules come from the cues (pick, enum priority, several values → `mixed`, further amounts
marked `additional` summed with the first, claim start dates anchored to an element's date); what
one case type infers from others (a term end from the loan date and the term, lenders = plaintiffs …)
is its package's `derive` (engine/casetypes/<id>/derive.py).
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from engine.elements.value_types import get_value_type
from engine.extraction.claims import ANCHOR
from engine.extraction.cues import Cues
from engine.extraction.document import Candidate, Document
from engine.extraction.recognisers.money import format_money

if TYPE_CHECKING:
    from engine.system import CaseType


def _order(candidate: Candidate) -> int:
    return candidate.order


def _pick(candidates: list[Candidate], rule: str) -> Candidate:
    return _pick_ordered(sorted(candidates, key=_order), rule)


def _pick_ordered(ordered: list[Candidate], rule: str) -> Candidate:
    """`_pick` on candidates already sorted by order."""
    if rule == "last":
        return ordered[-1]
    if rule in ("earliest", "latest"):
        chosen = sorted(ordered, key=lambda c: str(c.value))
        return chosen[0] if rule == "earliest" else chosen[-1]
    if rule == "max":
        return max(ordered, key=lambda c: (Decimal(c.value), -c.order))
    if rule == "best":
        return max(ordered, key=lambda c: (c.confidence, -c.order))
    if rule == "best_latest":
        top = max(c.confidence for c in ordered)
        return max((c for c in ordered if c.confidence >= top - 1e-9), key=lambda c: (str(c.value), -c.order))
    return ordered[0]


def _union(candidates: list[Candidate]) -> Candidate:
    names: list[str] = []
    spans: list[tuple[int, int]] = []
    for candidate in sorted(candidates, key=lambda c: c.order):
        for name in candidate.value:
            if name not in names:
                names.append(name)
        spans.extend(candidate.spans)
    first = min(candidates, key=lambda c: c.order)
    confidence = max(c.confidence for c in candidates)
    return Candidate(first.element, names, spans, confidence, first.source, first.order)


def _agreement(chosen: Candidate, candidates: list[Candidate]) -> float:
    """Confidence: agreeing candidates raise it, disagreeing ones lower it."""
    agree = sum(1 for c in candidates if c.value == chosen.value)
    disagree = len(candidates) - agree
    confidence = chosen.confidence + 0.03 * (agree - 1) - 0.05 * disagree
    return round(min(0.99, max(0.3, confidence)), 2)


class _Rule:
    """What resolve reads of one element's cue, read once per case type."""

    __slots__ = ("pick", "summed", "priority", "mixed", "mixed_of", "anchors")

    def __init__(self, cue: Cues) -> None:
        self.pick = cue.pick
        self.summed = get_value_type(cue.element.type).mention_kind == "money"
        self.priority = list(cue.raw["priority"]) if cue.raw.get("priority") else None
        self.mixed = cue.raw.get("mixed")
        self.mixed_of = cue.raw.get("mixed_of", [])
        self.anchors = tuple(cue.element.cues.claim_start_anchor_elements)


def _build_rules(casetype: CaseType) -> dict[str, _Rule]:
    return {eid: _Rule(cue) for eid, cue in casetype.cues.items()}


def resolve(doc: Document) -> None:
    rules: dict[str, _Rule] = doc.casetype.compiled("resolve.rules", _build_rules)
    grouped: dict[str, list[Candidate]] = {}
    for candidate in doc.candidates:
        grouped.setdefault(candidate.element, []).append(candidate)
    # An element-style form's cell is the value (engine/extraction/forms.py); a row whose boxes are
    # all unticked states nothing, whatever its option words say.
    for eid in doc.form_unticked:
        grouped.pop(eid, None)
    for eid, candidate in doc.form.items():
        grouped[eid] = [candidate]
    results: dict[str, Candidate] = {}
    for eid, candidates in grouped.items():
        rule = rules.get(eid)
        if rule is None:
            continue
        if rule.pick == "union":
            chosen = _union(candidates)
        elif rule.priority:
            order = rule.priority
            chosen = min(candidates, key=lambda c: (order.index(c.value) if c.value in order else len(order), c.order))
        else:
            ordered = sorted(candidates, key=_order)
            chosen = _pick_ordered(ordered, rule.pick)
            # The first loan the text states is the base even when it says 再次 (an earlier loan
            # outside the complaint); only the further ones after it are added.
            if rule.summed and len(ordered) > 1:
                further = [c for c in ordered[1:] if c.extra.get("additional")]
                if further:
                    # Several loans: the first one plus each further one (又/再次向原告借款), unless a
                    # bigger figure (a stated total) is already there.
                    first = ordered[0]
                    total = sum((Decimal(c.value) for c in further), Decimal(first.value))
                    if total > Decimal(chosen.value):
                        spans = first.spans + [s for c in further for s in c.spans]
                        chosen = Candidate(eid, format_money(total), spans, chosen.confidence, "derived", first.order)
        mixed = rule.mixed
        if mixed and len({c.value for c in candidates if c.value in rule.mixed_of}) > 1:
            chosen = Candidate(eid, mixed, [s for c in candidates for s in c.spans], chosen.confidence, "derived",
                               chosen.order)
        chosen.confidence = _agreement(chosen, candidates)
        results[eid] = chosen
    _anchor_claim_starts(doc, results, rules)
    derive = doc.casetype.package.derive
    if derive is not None:
        derive(doc, results)
    doc.results = {eid: results[eid] for eid in rules if eid in results}


def _anchor_claim_starts(doc: Document, results: dict[str, Candidate], rules: dict[str, _Rule]) -> None:
    """自借款之日起: the claim starts on the date of the first anchor element stated (a full date only)."""
    for eid, candidate in results.items():
        value = candidate.value
        if not isinstance(value, dict) or value.get("start_date") != ANCHOR:
            continue
        anchor = next((results[a] for a in rules[eid].anchors if a in results), None)
        day = anchor.value if anchor is not None and len(str(anchor.value)) == 10 else None
        candidate.value = {**value, "start_date": day}

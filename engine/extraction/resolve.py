"""Candidates → one value per element: the cue's pick rule, then cross-element rules.

Cross-element rules are the ones the spec states (term end from the loan date and the
term; interest agreed when a rate is; several delivery methods → mixed) plus sensible
defaults (lenders = plaintiffs, borrowers = defendants who are not guarantors).
"""

from __future__ import annotations

from decimal import Decimal
from functools import cache

from engine.extraction.cues import Cues, table_cues
from engine.extraction.document import Candidate, Document
from engine.extraction.recognisers.durations import add_term
from engine.extraction.recognisers.money import format_money

_PARTY_ROLES = ("plaintiffs", "defendants", "third_parties")


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

    __slots__ = ("pick", "type", "priority", "mixed", "mixed_of")

    def __init__(self, cue: Cues) -> None:
        self.pick = cue.pick
        self.type = cue.element.type
        self.priority = list(cue.raw["priority"]) if cue.raw.get("priority") else None
        self.mixed = cue.raw.get("mixed")
        self.mixed_of = cue.raw.get("mixed_of", [])


@cache
def _rules(case_type: str) -> dict[str, _Rule]:
    return {eid: _Rule(cue) for eid, cue in table_cues(case_type).items()}


def resolve(doc: Document) -> None:
    rules = _rules(doc.case_type)
    grouped: dict[str, list[Candidate]] = {}
    for candidate in doc.candidates:
        grouped.setdefault(candidate.element, []).append(candidate)
    results: dict[str, Candidate] = {}
    for eid, candidates in grouped.items():
        rule = rules.get(eid)
        if rule is None:
            continue
        element_type = rule.type
        if element_type == "name_list" and rule.pick == "union":
            chosen = _union(candidates)
        elif element_type == "enum" and rule.priority:
            order = rule.priority
            chosen = min(candidates, key=lambda c: (order.index(c.value) if c.value in order else len(order), c.order))
        else:
            ordered = sorted(candidates, key=_order)
            chosen = _pick_ordered(ordered, rule.pick)
            # The first loan the text states is the base even when it says 再次 (an earlier loan
            # outside the complaint); only the further ones after it are added.
            if element_type == "money" and len(ordered) > 1:
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
    _derive(doc, results)
    doc.results = {eid: results[eid] for eid in rules if eid in results}


def _derive(doc: Document, results: dict[str, Candidate]) -> None:
    durations = [m for m in doc.mentions if m.kind == "duration" and _in_facts(doc, m.start)]
    anchor = results.get("delivery_date") or results.get("contract_date")
    if "term_end" not in results and durations and anchor and len(str(anchor.value)) == 10:
        end = add_term(anchor.value, durations[0].value)
        if end:
            spans = [(durations[0].start, durations[0].end), *anchor.spans]
            results["term_end"] = Candidate("term_end", end, spans, 0.8, "derived", durations[0].start)
    loan_day = results.get("delivery_date") or results.get("contract_date")
    for claim in ("claim_interest", "claim_overdue_interest"):
        # 自借款之日起: the claim starts on the loan date the complaint states (a full date only).
        if claim in results and results[claim].value.get("start_date") == "loan_date":
            day = loan_day.value if loan_day is not None and len(str(loan_day.value)) == 10 else None
            results[claim].value = {**results[claim].value, "start_date": day}
    if "interest_rate" in results:
        rate = results["interest_rate"]
        results["interest_agreed"] = Candidate("interest_agreed", True, rate.spans, 0.85, "derived", rate.order)
    guarantors = results.get("guarantors")
    if guarantors is None and "claim_guarantee" in results:
        claim = results["claim_guarantee"]
        guarantors = Candidate("guarantors", list(claim.value), claim.spans, 0.7, "derived", claim.order)
        results["guarantors"] = guarantors
    if "guarantee_type" not in results and guarantors is not None:
        pass  # the way of guarantee is a legal consequence, not a fact: leave it to the judge
    plaintiffs = results.get("plaintiffs")
    defendants = results.get("defendants")
    if plaintiffs is not None and "lenders" not in results:
        names = [p["name"] for p in plaintiffs.value]
        results["lenders"] = Candidate("lenders", names, plaintiffs.spans, 0.75, "derived", plaintiffs.order)
    if defendants is not None and "borrowers" not in results:
        excluded = set(guarantors.value) if guarantors is not None else set()
        kept = [(p["name"], span) for p, span in zip(defendants.value, defendants.spans, strict=False)
                if p["name"] not in excluded]
        if kept:
            results["borrowers"] = Candidate("borrowers", [n for n, _ in kept], [s for _, s in kept], 0.7, "derived",
                                             kept[0][1][0])
    if "delivered_amount" not in results and "loan_amount" in results and "delivery_method" in results:
        loan = results["loan_amount"]
        results["delivered_amount"] = Candidate("delivered_amount", loan.value, loan.spans, 0.6, "derived", loan.order)


def _in_facts(doc: Document, position: int) -> bool:
    start, end = doc.section("facts")
    claims = doc.sections.get("claims")
    if claims and claims[0] <= position < claims[1]:
        return False
    return start <= position < end

"""劳动争议: what a complaint implies beyond what it states (run after the generic resolution).

- the employer is the party that is an organisation (the defendant when the worker sues, the
  plaintiff when the employer sues after an award), the employee the natural person;
- a contract start date means a written contract was signed.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from engine.casetypes.labor_dispute.award import read_award
from engine.extraction.document import Candidate, Document


def _split(candidate: Candidate | None) -> tuple[list[str], list[str]]:
    organisations: list[str] = []
    persons: list[str] = []
    for party in candidate.value if candidate is not None else []:
        if not isinstance(party, dict):
            continue
        (persons if party.get("kind", "natural") == "natural" else organisations).append(party["name"])
    return organisations, persons


def derive(doc: Document, results: dict[str, Candidate]) -> None:
    if doc.role != "complaint":
        return
    plaintiffs, defendants = results.get("plaintiffs"), results.get("defendants")
    p_orgs, p_persons = _split(plaintiffs)
    d_orgs, d_persons = _split(defendants)
    employer, employee = (d_orgs, p_persons) if p_persons else (p_orgs, d_persons)
    for eid, names, source in (("employer", employer, defendants if p_persons else plaintiffs),
                               ("employee", employee, plaintiffs if p_persons else defendants)):
        if names and source is not None:
            # The generic cue picks a word near 公司/劳动者; the party block is what names them.
            results[eid] = Candidate(eid, names, source.spans, 0.75, "derived", source.order)
    read_award(doc, results)
    claims_start, claims_end = doc.section("claims")
    no_payment = re.search(r"(?:无需|无须|不需|勿需|不予|不应)(?:向被告[^，。；]{0,12})?支付", doc.text[claims_start:claims_end])
    if no_payment is not None and "claim_no_payment" not in results:
        span = (claims_start + no_payment.start(), claims_start + no_payment.end())
        results["claim_no_payment"] = Candidate("claim_no_payment", True, [span], 0.8, "derived", span[0])
    # Court findings are never a pleading's: whether the dismissal was lawful is for the judge.
    results.pop("termination_lawful", None)
    _contract_dates(results)
    start = results.get("contract_start")
    if start is not None and "written_contract" not in results:
        results["written_contract"] = Candidate("written_contract", True, start.spans, 0.6, "derived", start.order)


def _contract_dates(results: dict[str, Candidate]) -> None:
    """The day a contract was signed matters only when it came late (double wages, 第八十二条): a
    contract signed within the first month is the contract's start, not a late signing."""
    signed, began = results.get("contract_date"), results.get("employment_start")
    if signed is None or len(str(signed.value)) != 10:
        return
    start = began.value if began is not None and len(str(began.value)) == 10 else None
    if start is not None and date.fromisoformat(str(signed.value)) > date.fromisoformat(str(start)) + timedelta(days=31):
        return
    if "contract_start" not in results:
        results["contract_start"] = Candidate("contract_start", signed.value, signed.spans, signed.confidence,
                                              "derived", signed.order)
    del results["contract_date"]

"""劳动争议: what a complaint implies beyond what it states (run after the generic resolution).

- the employer is the party that is an organisation (the defendant when the worker sues, the
  plaintiff when the employer sues after an award), the employee the natural person;
- a contract start date means a written contract was signed.
"""

from __future__ import annotations

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
    start = results.get("contract_start")
    if start is not None and "written_contract" not in results:
        results["written_contract"] = Candidate("written_contract", True, start.spans, 0.6, "derived", start.order)

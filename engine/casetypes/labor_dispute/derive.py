"""劳动争议: what a complaint implies beyond what it states (run after the generic resolution).

- the employer is the party that is an organisation (the defendant when the worker sues, the
  plaintiff when the employer sues after an award), the employee the natural person;
- a contract start date means a written contract was signed.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from engine.casetypes.labor_dispute import defences, facts
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
    read_award(doc, results, facts.statement_end(doc))
    award, applied = results.get("arbitration_award"), results.get("arbitration_applied_date")
    if award is not None and applied is not None and applied.value == award.value.get("date"):
        del results["arbitration_applied_date"]  # the date the award was made, not the day it was asked for
    employer_sues = bool(p_orgs) or facts.employer_plaintiff(doc, None)
    results.pop("limitation_raised", None)  # the defence is the answer's; a complaint only reports an award's reasons
    region = facts.claim_region(doc)
    _ended_by(doc, results, region, employer_sues)
    if "claim_no_payment" not in results:
        facts.read_no_payment(doc, results, region, employer_sues)
    facts.read_claims(doc, results, region, employer_sues)
    if "position" not in doc.form:
        facts.read_position(doc, results, region)
    if "employment_start" not in doc.form:
        facts.read_start(doc, results, region)
    if "monthly_wage" not in doc.form:
        facts.read_wage(doc, results, region)
    if "written_contract" not in doc.form and "written_contract" not in doc.form_unticked:
        facts.read_contract(doc, results, region)
    # Court findings are never a pleading's: whether the dismissal was lawful is for the judge.
    results.pop("termination_lawful", None)
    ended, ground = results.get("termination_by"), results.get("termination_ground")
    if ended is not None and ended.value == "employer" and ground is not None and ground.value in _WORKER_GROUNDS:
        del results["termination_ground"]  # 拖欠工资 beside an employer's dismissal: no ground of the worker's own ending
    _contract_term(doc, results)
    _contract_dates(results)
    for eid in ("contract_start", "contract_end"):
        found = results.get(eid)
        if found is not None and found.spans and _without_contract(doc.text, found.spans[0]):
            del results[eid]  # 2014年8月至12月未签订劳动合同: a period without a contract has no contract term
    written = results.get("written_contract")
    if written is not None and written.value is False:
        for eid in ("contract_start", "contract_end", "contract_date"):
            results.pop(eid, None)  # no written contract: a date near 劳动合同 is not its term
    start = results.get("contract_start")
    if start is not None and "written_contract" not in results and "written_contract" not in doc.form_unticked \
            and start.spans and _of_a_labour_contract(doc.text, start.spans[0]):
        results["written_contract"] = Candidate("written_contract", True, start.spans, 0.6, "derived", start.order)


# The grounds of a worker's own ending (劳动合同法第三十八条 / his own reasons), never of an employer's.
_WORKER_GROUNDS = ("employer_fault", "own")


def _without_contract(text: str, span: tuple[int, int]) -> bool:
    """The date's clause says no contract was signed (…至12月未签订劳动合同)."""
    left, right = facts.left_mark(text, span[0], facts.CLAUSE_MARKS), facts.right_mark(text, span[1], facts.CLAUSE_MARKS)
    return re.search(r"(?:未|没有|没|不)(?:签订|订立|签)[^，。；]{0,6}?合同", text[left:right]) is not None


def _of_a_labour_contract(text: str, span: tuple[int, int]) -> bool:
    """A start date says a written labour contract exists only when its sentence speaks of one (not a lease signed
    that day, 2014年5月4日…签订租赁合同) and does not deny it."""
    sentence = text[facts.left_mark(text, span[0], facts.SENTENCE_MARKS): facts.right_mark(text, span[1], facts.SENTENCE_MARKS)]
    # …未签订劳动合同双倍工资: a period without a contract says none exists
    return re.search(r"劳动合同|书面合同|聘用合同", sentence) is not None \
        and re.search(r"(?:未|没有|没|不)(?:签订|订立|签)", sentence) is None


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


def derive_answer(doc: Document, results: dict[str, Candidate]) -> None:
    """What an answer asserts, by its clauses (defences.read_answer): the claims it contests or admits, the
    ending, start, wage and contract it sets against the complaint, the limitation defence (a plain assertion,
    民法典第一百九十三条: only a raised defence counts)."""
    defences.read_answer(doc, results)


def _ended_by(doc: Document, results: dict[str, Candidate], region: tuple[int, int], employer_sues: bool) -> None:
    """Who ended the relation and when (facts.read_ending). A ticked box of an element-style form has said it
    already; unticked boxes say nothing."""
    stated = results.get("termination_by")
    if (stated is not None and stated.source == "form") or "termination_by" in doc.form_unticked:
        return
    results.pop("termination_by", None)
    facts.read_ending(doc, results, region, employer_sues)


def _contract_term(doc: Document, results: dict[str, Candidate]) -> None:
    """合同期限自2023年9月1日至2026年8月31日: the last such range in the facts is the current contract."""
    start, end = doc.section("facts")
    if end <= start:
        start, end = 0, len(doc.text)
    dates = doc.mentions_in(start, end, "date")
    text = doc.text
    last = None
    for first, second in zip(dates, dates[1:], strict=False):
        between = text[first.end: second.start]
        before = text[max(0, first.start - 24): first.start]
        before = before[max(before.rfind(m) for m in "。；\n") + 1:]
        after = text[second.end: second.end + 8]
        if re.match(r"^(?:的)?(?:违法)?(?:解除|终止)(?:了)?(?:劳动|双方)", after):
            continue  # 支付DATE至DATE解除劳动合同经济补偿金: the work's span up to its ending, no contract's term
        if re.fullmatch(r"(?:起)?(?:至|到|—|-|~)", between) and not re.match(r"^(?:期间)?(?:的)?(?:未|没有|没|不)", after) and (
                re.search(r"(?<!解除劳动)(?<!终止劳动)合同|期限|签订|续签|续订", before) or "劳动合同" in after):  # 至…未签订劳动合同: no term
            last = (first, second)
    if last is None:
        # 2018年6月1日起双方签订无固定期限劳动合同: a start without an end.
        for mention in dates:
            if re.match(r"^起?[^，。；]{0,6}签订[^，。；]{0,8}劳动合同", text[mention.end: mention.end + 20]):
                results["contract_start"] = Candidate("contract_start", mention.value, [(mention.start, mention.end)],
                                                      0.7, "derived", mention.start)
        return
    for eid, mention in (("contract_start", last[0]), ("contract_end", last[1])):
        results[eid] = Candidate(eid, mention.value, [(mention.start, mention.end)], 0.8, "derived", mention.start)

"""Case file + court → Judgment content (engine/drafting/content.py).

The generic sections (title, parties, procedure, defence, element table, fee,
appeal, signature) are built here for every case type; what the court grants and
why comes from the case type's registered rules (engine/drafting/rules/).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from engine.case.effective import PENDING, effective_value
from engine.drafting import formatting as fmt
from engine.drafting.content import ElementRow, Judgment
from engine.drafting.courts import Court
from engine.drafting.rules import CaseView, Decision, cite_in_force, rules_for
from engine.elements.dictionary import ElementTable
from engine.errors import E, YaosuError

if TYPE_CHECKING:
    from engine.system import System

ROLE_LABELS = {"plaintiffs": "原告", "defendants": "被告", "third_parties": "第三人"}
PENDING_TEXT = "待认定"
UNVERIFIED = "引用条文待核实："
ORDERS_TEXT = "被告有异议，本院依认定的事实在判决主文中处理"


def _party_paragraphs(role: str, parties: list[dict[str, Any]]) -> list[str]:
    paragraphs = []
    for party in parties:
        if not isinstance(party, dict):
            party = {"name": str(party)}
        details = [party["name"]]
        if party.get("kind", "natural") == "natural":
            details += [party.get("gender")]
            if party.get("birth_date"):
                details.append(f"{fmt.date_text(party['birth_date'])}出生")
            details += [party.get("ethnicity")]
            if party.get("address"):
                details.append(f"住{party['address']}")
            if party.get("id_number"):
                details.append(f"公民身份号码{party['id_number']}")
        elif party.get("address"):
            details.append(f"住所地{party['address']}")
        paragraphs.append(f"{ROLE_LABELS[role]}：" + "，".join(d for d in details if d) + "。")
        if party.get("legal_representative"):
            paragraphs.append(f"法定代表人：{party['legal_representative']}。")
        for agent in party.get("agents") or []:
            paragraphs.append(f"委托诉讼代理人：{agent}。")
    return paragraphs


def _parties(view: CaseView) -> list[str]:
    paragraphs: list[str] = []
    for role in ROLE_LABELS:
        value = view.value(role)
        if value is None:
            value = view.claimed(role)
        paragraphs += _party_paragraphs(role, value or [])
    return paragraphs


PROCEDURE_NAMES = {"simple": "简易程序", "ordinary": "普通程序", "small_claims": "小额诉讼程序"}
DEFAULT_PHRASE = "经本院传票传唤，无正当理由拒不到庭参加诉讼"


def absent_defendants(view: CaseView) -> list[str]:
    return [name for name in view.meta.get("absent") or [] if name in view.defendants]


def _procedure(view: CaseView, note: str = "") -> str:
    meta = view.meta
    plaintiffs, defendants = fmt.join_names(view.plaintiffs), fmt.join_names(view.defendants)
    procedure = PROCEDURE_NAMES.get(meta.get("procedure", "simple"), "简易程序")
    hearing = "公开开庭" if meta.get("public_hearing", True) else "不公开开庭"
    absent = [name for name in meta.get("absent") or [] if name in view.plaintiffs + view.defendants]
    present = [f"原告{p}" for p in view.plaintiffs if p not in absent] + [
        f"被告{d}" for d in view.defendants if d not in absent
    ]
    text = (
        f"原告{plaintiffs}与被告{defendants}{view.table.cause}一案，{note}本院于{fmt.date_text(meta.get('filing_date'))}"
        f"立案后，依法适用{procedure}，{hearing}进行了审理。"
    )
    if present:
        text += "、".join(present) + "到庭参加诉讼"
        text += "，" if absent else "。"
    absent_d = absent_defendants(view)
    absent_p = [name for name in absent if name not in absent_d]
    if absent_p:
        text += "原告" + "、".join(absent_p) + DEFAULT_PHRASE + ("，" if absent_d else "。")
    if absent_d:
        text += "被告" + "、".join(absent_d) + DEFAULT_PHRASE + "，本院依法缺席审理。"
    return text + "本案现已审理终结。"


def _answering(view: CaseView) -> tuple[list[str], list[str]]:
    """(the defendants who filed the answer, warnings): the 答辩人 the answer names, else all defendants
    who appeared (the drafter is told to check)."""
    if not view.case.get("answer"):
        return [], []
    state = (view.case.get("elements") or {}).get("defendants") or {}
    named = [n for n in fmt.names(state.get("answer")) if n in view.defendants]
    if named:
        return named, []
    absent = set(absent_defendants(view))
    return [d for d in view.defendants if d not in absent], ["答辩状未写明答辩人，已按到庭的全体被告提交答辩处理，请核对"]


def _defence(view: CaseView) -> tuple[list[str], list[str]]:
    """Each defendant's own position: 辩称 (who filed the answer), 未作答辩, or absent and silent."""
    answering, warnings = _answering(view)
    absent = set(absent_defendants(view))
    paragraphs = []
    if answering:
        points = []
        for element_id, state in (view.case.get("elements") or {}).items():
            if element_id not in view.table.entries or element_id in ROLE_LABELS:
                continue
            element = view.table.element(element_id)
            if state.get("answer") is not None and not _same(view, element_id, state):
                points.append(f"{element.label}应为{fmt.value_text(element, state['answer'])}")
            elif state.get("answer_position") == "contest":
                points.append(f"对{element.label}有异议")
            elif state.get("answer_position") == "admit":
                points.append(f"对{element.label}无异议")
        names = fmt.join_names(answering)
        written = [d for d in answering if d in absent]
        lead = f"被告{names}辩称，"
        if written:
            lead = f"被告{fmt.join_names(written)}未到庭参加诉讼，但提交了书面答辩意见。被告{names}辩称，"
        if points:
            paragraphs.append(lead + "；".join(points) + "。")
        else:
            paragraphs.append(f"被告{names}提交了答辩状，但未对具体要素发表意见。")
    silent = [d for d in view.defendants if d not in answering]
    silent_absent = [d for d in silent if d in absent]
    silent_present = [d for d in silent if d not in absent]
    if silent_present:
        paragraphs.append(f"被告{fmt.join_names(silent_present)}未作答辩。")
    if silent_absent:
        paragraphs.append(f"被告{fmt.join_names(silent_absent)}未到庭参加诉讼，亦未提交书面答辩意见。")
    return paragraphs, warnings


def _same(view: CaseView, element_id: str, state: dict[str, Any]) -> bool:
    from engine.case.merge import same_value

    element = view.table.element(element_id)
    return state.get("complaint") is not None and same_value(element.type, state.get("complaint"), state.get("answer"))


def _answer_cell(case: dict[str, Any], state: dict[str, Any], table: ElementTable, element_id: str) -> str:
    if not case.get("answer"):
        return "未答辩"
    if state.get("answer") is not None:
        return fmt.value_text(table.element(element_id), state["answer"])
    return {"admit": "无异议", "contest": "有异议"}.get(state.get("answer_position") or "", "未发表意见")


def _element_rows(view: CaseView, skip: frozenset[str] = frozenset()) -> tuple[list[ElementRow], list[str]]:
    rows, pending = [], []
    case, table = view.case, view.table
    for element_id, entry in table.entries.items():
        if element_id in skip:
            continue  # shown in the rules' own item table
        state = (case.get("elements") or {}).get(element_id)
        finding = (case.get("findings") or {}).get(element_id)
        if not state and finding is None:
            continue
        state = state or {"status": "complaint_only"}
        status = state["status"]
        value = effective_value(case, element_id)
        if finding is not None:
            court = f"本院认定：{fmt.value_text(entry.element, finding)}"
        elif value is PENDING and table.decided_by_orders(element_id):
            court = ORDERS_TEXT
        elif value is PENDING:
            court = PENDING_TEXT
            pending.append(entry.element.label)
        elif status == "agreed":
            court = "双方无争议，本院予以确认"
        else:
            court = "被告未提出异议，本院予以确认" if case.get("answer") else "被告未作答辩，本院予以确认"
        rows.append(
            ElementRow(
                label=entry.element.label,
                plaintiff=fmt.value_text(entry.element, state.get("complaint")),
                defendant=_answer_cell(case, state, table, element_id),
                court=court,
                disputed=status in ("disputed", "answer_only"),
            )
        )
    return rows, pending


REASON_PENDING = "（写明认定理由）"


def answer_words(view: CaseView, element_id: str) -> str:
    """The answer's own words on an element (the clause it was read from), for a contest without a figure."""
    item = (((view.case.get("answer") or {}).get("elements") or {}).get(element_id)) or {}
    for evidence in item.get("evidence") or []:
        words = (evidence.get("sentence") or evidence.get("text") or "").strip("。；， ")
        if words:
            return words
    return ""


def _disputed_reasoning(view: CaseView, skip: frozenset[str] = frozenset()) -> tuple[list[str], list[str]]:
    """关于X，原告主张…，被告主张…。本院认定…，理由… — with the judge's reason (case file `reasons`)."""
    paragraphs, warnings = [], []
    reasons = view.case.get("reasons") or {}
    for element_id, state in (view.case.get("elements") or {}).items():
        if state.get("status") not in ("disputed", "answer_only") or element_id in skip:
            continue  # items of the rules' own table are reasoned by the rules
        element = view.table.element(element_id)
        finding = (view.case.get("findings") or {}).get(element_id)
        if finding is None and view.table.decided_by_orders(element_id):
            continue  # a contested request is answered by the orders themselves
        claim = fmt.value_text(element, state.get("complaint"))
        words = answer_words(view, element_id)
        if state.get("answer") is not None and not _same(view, element_id, state):
            answer = f"被告主张{fmt.value_text(element, state['answer'])}"
        else:
            answer = f"被告对此有异议（{words}）" if words else "被告对此有异议"
        if finding is not None:
            reason = (reasons.get(element_id) or "").strip()
            if not reason:
                reason = REASON_PENDING
                warnings.append(f"要素“{element.label}”已认定但未写明认定理由（yaosu find --reason {element_id}=…）")
            result = f"本院认定为{fmt.value_text(element, finding)}，理由如下：{reason.rstrip('。')}。"
        else:
            result = f"该要素{PENDING_TEXT}。"
        paragraphs.append(f"关于{element.label}，原告主张{claim}，{answer}。{result}")
    return paragraphs, warnings


def case_fee(view: CaseView, decision: Decision, reason: str | None = None) -> Any:
    """案件受理费 (诉讼费用交纳办法第十三条) on the claimed amount, halved once for the simple procedure and
    for `reason` (mediation / withdrawal, 第十五条; 民诉法解释第二百零六条: only once); None when the
    claimed amount is not known."""
    from engine.law.fee import litigation_fee

    if decision.claimed_amount is None:
        return None
    # 小额诉讼 is a simple-procedure case: the fee is halved the same way (诉讼费用交纳办法第十六条).
    procedure = view.meta.get("procedure", "simple")
    procedure = {"small_claims": "simple"}.get(procedure, procedure)
    return litigation_fee(decision.claimed_amount, procedure="+".join([procedure, *([reason] if reason else [])]),
                          kind=decision.fee_kind)


def fee_head(fee: Any) -> str:
    """案件受理费X元，减半收取计Y元 — blanks when the claimed amount is not known."""
    if fee is None:
        return "案件受理费____元"
    text = f"案件受理费{fmt.money(fee.details['full_fee'])}元"
    if fee.details.get("halved"):
        text += f"，减半收取计{fmt.money(fee.amount)}元"
    return text


def _fee_bearers(view: CaseView, decision: Decision) -> list[str]:
    """The defendants who bear costs: all of them, less those released from every claim."""
    return decision.fee_defendants or view.defendants


def shares_text(view: CaseView, total: Any, defendant_share: Any, bearers: list[str] | None = None) -> str:
    """由原告X负担A元，被告Y负担B元 — a party whose share is nil is not named; ``bearers``: the defendants
    who bear costs (a defendant released from every claim bears none)."""
    from decimal import Decimal

    plaintiffs, defendants = fmt.join_names(view.plaintiffs), fmt.join_names(bearers or view.defendants)
    total, defendant_share = Decimal(total), Decimal(defendant_share)
    plaintiff_share = total - defendant_share
    if defendant_share <= 0:
        return f"由原告{plaintiffs}负担"
    if plaintiff_share <= 0:
        return f"由被告{defendants}负担"
    return f"由原告{plaintiffs}负担{fmt.money(plaintiff_share)}元，被告{defendants}负担{fmt.money(defendant_share)}元"


def preservation_text(view: CaseView, decision: Decision, by_result: str, warnings: list[str]) -> str:
    """财产保全费X元（原告已预交），由…负担。 The applicant, the plaintiff, prepaid it; who bears it follows the
    outcome (`by_result`: 诉讼费用交纳办法第二十九条 for a judgment, 第三十四条 for a withdrawal, the agreement
    for a mediation) unless the judge chose (meta preservation_fee_payer)."""
    from engine.law.fee import split_fee

    amount = view.meta.get("preservation_fee")
    if not amount:
        return ""
    choice = view.meta.get("preservation_fee_payer") or "by_result"
    if choice == "plaintiff":
        who = f"由原告{fmt.join_names(view.plaintiffs)}负担"
    elif choice == "defendant":
        who = f"由被告{fmt.join_names(_fee_bearers(view, decision))}负担"
    elif choice == "split":
        if decision.claimed_amount and decision.granted_amount is not None:
            split = split_fee(amount, decision.claimed_amount, decision.granted_amount,
                              rounding=view.court.fee_rounding)
            who = shares_text(view, amount, split.details["defendant"], _fee_bearers(view, decision))
        else:
            who = "由____负担"
            warnings.append("财产保全费按比例分担，但诉讼请求或支持金额尚未确定")
    else:
        who = by_result
    return f"财产保全费{fmt.money(amount)}元（原告已预交），{who}。"


def _fee_text(view: CaseView, decision: Decision) -> str:
    from engine.law.fee import split_fee

    plaintiffs, defendants = fmt.join_names(view.plaintiffs), fmt.join_names(_fee_bearers(view, decision))
    fee = case_fee(view, decision)
    if fee is None:
        return "案件受理费____元，由____负担。" + preservation_text(view, decision, "由____负担", decision.warnings)
    text = fee_head(fee)
    if decision.fee_payer:
        return text + f"，由{decision.fee_payer}负担。" + preservation_text(view, decision, f"由{decision.fee_payer}负担", decision.warnings)
    if decision.granted_amount is None:
        return text + "，由____负担。" + preservation_text(view, decision, "由____负担", decision.warnings)
    assert decision.claimed_amount is not None  # case_fee returned a fee
    split = split_fee(fee.amount, decision.claimed_amount, decision.granted_amount,
                      rounding=view.court.fee_rounding)
    shares = []
    if split.details["plaintiff"] > 0:
        shares.append(f"原告{plaintiffs}负担{fmt.money(split.details['plaintiff'])}元")
    if split.details["defendant"] > 0:
        shares.append(f"被告{defendants}负担{fmt.money(split.details['defendant'])}元")
    text += "，由" + "，".join(shares or [f"被告{defendants}负担0元"]) + "。"
    # 第二十九条: the loser bears the costs — every claim failed, so the plaintiff; otherwise the
    # defendants, whose non-payment made the preservation necessary (the judge may split it instead).
    loser = f"由原告{plaintiffs}负担" if decision.granted_amount <= 0 else f"由被告{defendants}负担"
    return text + preservation_text(view, decision, loser, decision.warnings)


def _numbered(orders: list[str]) -> list[str]:
    """一、…；二、…。 — Chinese numerals past ten too (十一、)."""
    import cn2an

    if len(orders) == 1:
        return [orders[0] + "。"]
    return [
        f"{cn2an.an2cn(i + 1)}、{text}{'。' if i == len(orders) - 1 else '；'}"
        for i, text in enumerate(orders)
    ]


def _basis(citations: list[Any], document: str = "判决") -> str:
    """依照《A》第一条、第二条，《B》第三条之规定 — laws in first-use order, articles ascending within each."""
    from engine.law.citations import basis_text

    tail = f"{document}如下："
    return basis_text(citations, tail) if citations else tail


@dataclass
class Outcome:
    """What the procedure adds: 缺席判决 (reason and article), 小额诉讼 (一审终审)."""

    reasoning: list[str] = field(default_factory=list)
    appeal_text: str = ""
    warnings: list[str] = field(default_factory=list)


def _procedure_outcome(system: System, view: CaseView, decision: Decision) -> Outcome:
    """Articles by the judgment date: 第一百四十七条 for absent defendants; the small-claims article and
    the limit of the court's province (parameters/small_claims_limits.yaml) for 小额诉讼."""
    outcome = Outcome()
    day = judgment_day(view.meta)

    def cited(concept: str) -> Any:
        citation = cite_in_force(view, concept, day, decision)
        decision.citations.append(citation)
        return citation

    absent = absent_defendants(view)
    if absent:
        cited("default_judgment")
        outcome.reasoning.append(
            f"被告{fmt.join_names(absent)}{DEFAULT_PHRASE}，视为放弃答辩、举证和质证的权利，本院依法缺席判决。"
        )
    if view.meta.get("procedure") == "small_claims":
        cited("small_claims")
        outcome.appeal_text = "本判决为终审判决。"
        from engine.law.small_claims import small_claims_limit

        try:
            limit = small_claims_limit(view.court.province_id, day, law=system.law)
        except YaosuError as exc:
            outcome.warnings.append(exc.message)
        else:
            if decision.claimed_amount is not None and decision.claimed_amount > limit.amount:
                outcome.warnings.append(
                    f"标的额{fmt.money(decision.claimed_amount)}元超过小额诉讼上限{fmt.money(limit.amount)}元"
                    f"（{'；'.join(limit.steps)}），不宜适用小额诉讼程序（当事人合意的除外）"
                )
    return outcome


def _simplified(view: CaseView) -> tuple[bool, list[str]]:
    """Whether the judge asked for the simplified small-claims judgment, and a warning when it cannot apply."""
    if not view.meta.get("simplified"):
        return False, []
    if view.meta.get("procedure") != "small_claims":
        return False, ["简式裁判文书仅适用于小额诉讼程序（民诉法解释第二百八十条），已按普通格式起草"]
    return True, []


def judgment_day(meta: dict[str, Any]) -> date:
    """The date that decides the procedural articles: the judgment date, else today (a draft is dated
    the day it is signed, and the judge sets 判决日期 before signing)."""
    value = meta.get("judgment_date")
    return date.fromisoformat(value) if isinstance(value, str) and len(value) == 10 else date.today()


def _late_notice(system: System, view: CaseView, meta: dict[str, Any], decision: Decision) -> str:
    """加倍支付迟延履行期间的债务利息 with the 民事诉讼法 article in force on the judgment date."""
    if not decision.monetary:
        return ""
    citation = cite_in_force(view, "late_performance_interest", judgment_day(meta), decision)
    return (
        f"如果未按本判决指定的期间履行给付金钱义务，应当依照{citation.title}{citation.article}规定，"
        "加倍支付迟延履行期间的债务利息。"
    )


def build_judgment(
    system: System, case: dict[str, Any], court_id: str, *, standard_province: str | None = None
) -> Judgment:
    """The whole judgment for one court. Raises YaosuError on a case that cannot be drafted.

    ``standard_province``: draft with that province's published standards instead of the court's."""
    return judgment_and_decision(system, case, court_id, standard_province=standard_province)[0]


def judgment_and_decision(
    system: System, case: dict[str, Any], court_id: str, *, standard_province: str | None = None
) -> tuple[Judgment, Decision]:
    """build_judgment, and the rules' Decision it was built from (its figures, for `yaosu batch`'s
    report, without running the rules a second time)."""
    court: Court = system.court(court_id)
    if standard_province is not None and standard_province not in {c.province_id for c in system.courts.values()}:
        known = "、".join(sorted({c.province_id for c in system.courts.values()}))
        raise YaosuError(E.E403, standard_province=standard_province, known=known)
    case_type = case.get("case_type")
    if not isinstance(case_type, str):
        raise YaosuError(E.E400)
    casetype = system.casetype(case_type)
    table = casetype.table
    view = CaseView(case=case, table=table, court=court, system=system, standard_province=standard_province)
    if not view.plaintiffs or not view.defendants:
        raise YaosuError(E.E401)
    decision: Decision = rules_for(casetype)(view)
    ending = view.meta.get("outcome") or "judgment"
    if ending != "judgment":
        from engine.drafting.outcomes import outcome_document

        return outcome_document(view, decision, ending), decision
    simplified, simplified_warnings = _simplified(view)
    itemised = frozenset(row.element_id for row in decision.item_rows)
    rows, pending = _element_rows(view, itemised) if decision.element_findings else ([], [])
    late_notice = _late_notice(system, view, view.meta, decision)
    defence, defence_warnings = _defence(view)
    disputed, reason_warnings = _disputed_reasoning(view, itemised) if decision.element_findings else ([], [])
    outcome = _procedure_outcome(system, view, decision)
    fee_text = _fee_text(view, decision)  # before the warnings are gathered: it may add one
    warnings = [f"要素“{label}”有争议但尚未认定，判决书中显示为“{PENDING_TEXT}”" for label in pending]
    warnings += decision.warnings + defence_warnings + reason_warnings + outcome.warnings + simplified_warnings
    if simplified:
        # 民诉法解释第二百八十条: 主要记载当事人基本信息、诉讼请求、裁判主文 — no element table, findings or
        # reasons; the articles applied and the orders stay.
        rows, disputed, outcome.reasoning = [], [], []
        decision.element_findings, decision.reasoning, decision.closing = False, [], ""
        decision.item_rows, decision.allocation_rows = [], []
    notes = [UNVERIFIED + "、".join(decision.unverified_citations) + "（见 parameters/citations.yaml）"
             ] if decision.unverified_citations else []
    # What reading the pleadings, or a later screen, noted for the drafter (a 疑似职业放贷人 match found by
    # `yaosu batch`, an OCR confidence warning …) travels with every draft of the case.
    for role in ("complaint", "answer"):
        notes += [w for w in ((case.get(role) or {}).get("warnings") or []) if w not in notes]
    meta = view.meta
    plaintiffs = fmt.join_names(view.plaintiffs)
    reasoning = [*decision.reasoning[:1], *disputed, *outcome.reasoning, *decision.reasoning[1:]]
    closing = "综上所述，原告的诉讼请求中有事实和法律依据的部分，本院予以支持。" if decision.closing is None else decision.closing
    if closing:
        reasoning.append(closing)
    document = decision.document
    findings_intro = (
        "当事人围绕诉讼请求依法提交了证据，本院组织当事人进行了证据交换和质证。"
        "根据当事人陈述和经审查确认的证据，本院对案件要素认定如下："
    ) if decision.element_findings else ""
    appeal_days = "十五日" if document == "判决" else "十日"
    judgment = Judgment(
        court_id=court.id,
        court_name=court.name,
        doc_title=f"民事{document}书",
        case_number=court.case_number(meta.get("case_year"), meta.get("case_seq")),
        parties=_parties(view),
        procedure=_procedure(view, decision.procedure_note),
        claims_intro=f"原告{plaintiffs}向本院提出诉讼请求：",
        claims=decision.claims or ["（原告未写明诉讼请求）"],
        claims_facts=decision.facts or "事实和理由：（见起诉状）",
        defence=defence,
        findings_intro=findings_intro,
        element_rows=rows,
        findings_outro="对当事人无异议的要素，本院予以确认并在卷佐证。" if decision.element_findings else "",
        item_rows=decision.item_rows,
        allocation_rows=decision.allocation_rows,
        standard_note=decision.standard_note,
        reasoning=reasoning,
        basis=_basis(decision.citations, document),
        orders=_numbered(decision.orders),
        late_notice=late_notice,
        fee_text=fee_text,
        appeal_text=outcome.appeal_text or (
            f"如不服本{document}，可以在{document}书送达之日起{appeal_days}内，向本院递交上诉状，并按对方当事人的人数提出副本，"
            f"上诉于{court.appeal_court}。"
        ),
        judge=meta.get("judge") or "____",
        date_cn=fmt.date_chinese(meta.get("judgment_date")),
        clerk=meta.get("clerk") or "____",
        warnings=warnings,
        notes=notes,
    )
    return judgment, decision

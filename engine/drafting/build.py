"""Case file + court → Judgment content (engine/drafting/content.py).

The generic sections (title, parties, procedure, defence, element table, fee,
appeal, signature) are built here for every case type; what the court grants and
why comes from the case type's registered rules (engine/drafting/rules/).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from engine.case.effective import PENDING, effective_value
from engine.drafting import formatting as fmt
from engine.drafting.content import ElementRow, Judgment
from engine.drafting.courts import Court
from engine.drafting.rules import CaseView, Decision, get_rules
from engine.elements.dictionary import ElementTable
from engine.errors import YaosuError

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


def _procedure(view: CaseView) -> str:
    meta = view.meta
    plaintiffs, defendants = fmt.join_names(view.plaintiffs), fmt.join_names(view.defendants)
    procedure = "简易程序" if meta.get("procedure", "simple") == "simple" else "普通程序"
    hearing = "公开开庭" if meta.get("public_hearing", True) else "不公开开庭"
    absent = [name for name in meta.get("absent") or [] if name in view.plaintiffs + view.defendants]
    present = [f"原告{p}" for p in view.plaintiffs if p not in absent] + [
        f"被告{d}" for d in view.defendants if d not in absent
    ]
    text = (
        f"原告{plaintiffs}与被告{defendants}{view.table.cause}一案，本院于{fmt.date_text(meta.get('filing_date'))}"
        f"立案后，依法适用{procedure}，{hearing}进行了审理。"
    )
    if present:
        text += "、".join(present) + "到庭参加诉讼"
        text += "，" if absent else "。"
    if absent:
        text += "被告" + "、".join(absent) + "经本院合法传唤无正当理由拒不到庭。"
    return text + "本案现已审理终结。"


def _defence(view: CaseView) -> list[str]:
    defendants = fmt.join_names(view.defendants)
    answer = view.case.get("answer")
    if not answer:
        return [f"被告{defendants}未作答辩。"]
    points = []
    for element_id, state in (view.case.get("elements") or {}).items():
        if element_id not in view.table.entries or element_id in ROLE_LABELS:
            continue
        element = view.table.element(element_id)
        if state.get("answer") is not None and state.get("answer") != state.get("complaint"):
            points.append(f"{element.label}应为{fmt.value_text(element, state['answer'])}")
        elif state.get("answer_position") == "contest":
            points.append(f"对{element.label}有异议")
        elif state.get("answer_position") == "admit":
            points.append(f"对{element.label}无异议")
    if not points:
        return [f"被告{defendants}提交了答辩状，但未对具体要素发表意见。"]
    return [f"被告{defendants}辩称，" + "；".join(points) + "。"]


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


def _disputed_reasoning(view: CaseView, skip: frozenset[str] = frozenset()) -> list[str]:
    paragraphs = []
    for element_id, state in (view.case.get("elements") or {}).items():
        if state.get("status") not in ("disputed", "answer_only") or element_id in skip:
            continue  # items of the rules' own table are reasoned by the rules
        element = view.table.element(element_id)
        finding = (view.case.get("findings") or {}).get(element_id)
        if finding is None and view.table.decided_by_orders(element_id):
            continue  # a contested request is answered by the orders themselves
        claim = fmt.value_text(element, state.get("complaint"))
        answer = fmt.value_text(element, state.get("answer")) if state.get("answer") is not None else "有异议"
        if finding is not None:
            result = f"本院根据当事人陈述和经审查确认的证据，认定为{fmt.value_text(element, finding)}。"
        else:
            result = f"该要素{PENDING_TEXT}。"
        paragraphs.append(f"关于{element.label}，原告主张{claim}，被告主张{answer}。{result}")
    return paragraphs


def _fee_text(view: CaseView, decision: Decision) -> str:
    from engine.law.fee import litigation_fee, split_fee

    if decision.claimed_amount is None:
        return "案件受理费____元，由____负担。"
    procedure = view.meta.get("procedure", "simple")
    fee = litigation_fee(decision.claimed_amount, procedure=procedure, kind="property")
    plaintiffs, defendants = fmt.join_names(view.plaintiffs), fmt.join_names(view.defendants)
    text = f"案件受理费{fmt.money(fee.details['full_fee'])}元"
    if fee.details.get("halved"):
        text += f"，减半收取计{fmt.money(fee.amount)}元"
    if decision.granted_amount is None:
        return text + "，由____负担。"
    split = split_fee(fee.amount, decision.claimed_amount, decision.granted_amount)
    shares = []
    if split.details["plaintiff"] > 0:
        shares.append(f"原告{plaintiffs}负担{fmt.money(split.details['plaintiff'])}元")
    if split.details["defendant"] > 0:
        shares.append(f"被告{defendants}负担{fmt.money(split.details['defendant'])}元")
    return text + "，由" + "，".join(shares or [f"被告{defendants}负担0元"]) + "。"


def _numbered(orders: list[str]) -> list[str]:
    if len(orders) == 1:
        return [orders[0] + "。"]
    ordinals = "一二三四五六七八九十"
    return [
        f"{ordinals[i] if i < 10 else i + 1}、{text}{'。' if i == len(orders) - 1 else '；'}"
        for i, text in enumerate(orders)
    ]


def _basis(citations: list[Any]) -> str:
    """依照《A》第一条、第二条，《B》第三条之规定 — laws in first-use order, articles ascending within each."""
    from engine.law.citations import basis_text

    return basis_text(citations) if citations else "判决如下："


def judgment_day(meta: dict[str, Any]) -> date:
    """The date that decides the procedural articles: the judgment date, else today (a draft is dated
    the day it is signed, and the judge sets 判决日期 before signing)."""
    value = meta.get("judgment_date")
    return date.fromisoformat(value) if isinstance(value, str) and len(value) == 10 else date.today()


def _late_notice(system: System, meta: dict[str, Any], decision: Decision) -> str:
    """加倍支付迟延履行期间的债务利息 with the 民事诉讼法 article in force on the judgment date."""
    if not decision.monetary:
        return ""
    citation = system.law.citations.cite("late_performance_interest", judgment_day(meta), warn=False)
    if not citation.verified:
        decision.unverified_citations.append(citation.text)
    return (
        f"如果未按本判决指定的期间履行给付金钱义务，应当依照{citation.title}{citation.article}规定，"
        "加倍支付迟延履行期间的债务利息。"
    )


def build_judgment(
    system: System, case: dict[str, Any], court_id: str, *, standard_province: str | None = None
) -> Judgment:
    """The whole judgment for one court. Raises YaosuError on a case that cannot be drafted.

    ``standard_province``: draft with that province's published standards instead of the court's."""
    court: Court = system.court(court_id)
    if standard_province is not None and standard_province not in {c.province_id for c in system.courts.values()}:
        known = "、".join(sorted({c.province_id for c in system.courts.values()}))
        raise YaosuError(f"未知的标准省份 {standard_province!r}，可用：{known}")
    case_type = case.get("case_type")
    if not isinstance(case_type, str):
        raise YaosuError("案件文件缺少案件类型 case_type")
    casetype = system.casetype(case_type)
    table = casetype.table
    view = CaseView(case=case, table=table, court=court, system=system, standard_province=standard_province)
    if not view.plaintiffs or not view.defendants:
        raise YaosuError("案件文件缺少原告或被告（要素 plaintiffs / defendants），无法起草判决")
    decision: Decision = get_rules(table.judgment_rules or casetype.package.judgment_rules)(view)
    itemised = frozenset(row.element_id for row in decision.item_rows)
    rows, pending = _element_rows(view, itemised)
    late_notice = _late_notice(system, view.meta, decision)
    warnings = [f"要素“{label}”有争议但尚未认定，判决书中显示为“{PENDING_TEXT}”" for label in pending]
    warnings += decision.warnings
    notes = [UNVERIFIED + "、".join(decision.unverified_citations) + "（见 parameters/citations.yaml）"
             ] if decision.unverified_citations else []
    meta = view.meta
    plaintiffs = fmt.join_names(view.plaintiffs)
    reasoning = [*decision.reasoning[:1], *_disputed_reasoning(view, itemised), *decision.reasoning[1:]]
    reasoning.append("综上所述，原告的诉讼请求中有事实和法律依据的部分，本院予以支持。")
    return Judgment(
        court_id=court.id,
        court_name=court.name,
        case_number=court.case_number(meta.get("case_year"), meta.get("case_seq")),
        parties=_parties(view),
        procedure=_procedure(view),
        claims_intro=f"原告{plaintiffs}向本院提出诉讼请求：",
        claims=decision.claims or ["（原告未写明诉讼请求）"],
        claims_facts=decision.facts or "事实和理由：（见起诉状）",
        defence=_defence(view),
        findings_intro=(
            "当事人围绕诉讼请求依法提交了证据，本院组织当事人进行了证据交换和质证。"
            "根据当事人陈述和经审查确认的证据，本院对案件要素认定如下："
        ),
        element_rows=rows,
        findings_outro="对当事人无异议的要素，本院予以确认并在卷佐证。",
        item_rows=decision.item_rows,
        allocation_rows=decision.allocation_rows,
        standard_note=decision.standard_note,
        reasoning=reasoning,
        basis=_basis(decision.citations),
        orders=_numbered(decision.orders),
        late_notice=late_notice,
        fee_text=_fee_text(view, decision),
        appeal_text=(
            "如不服本判决，可以在判决书送达之日起十五日内，向本院递交上诉状，并按对方当事人的人数提出副本，"
            f"上诉于{court.appeal_court}。"
        ),
        judge=meta.get("judge") or "____",
        date_cn=fmt.date_chinese(meta.get("judgment_date")),
        clerk=meta.get("clerk") or "____",
        warnings=warnings,
        notes=notes,
    )

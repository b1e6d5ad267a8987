"""The documents a case ends with when it is not judged: 撤诉 (民事裁定书 准许撤诉) and 调解 (民事调解书).

Both are generic: the case type's rules are run only for what the case asks (the claims restated, the
claimed amount the fee is computed on, the fee kind); parties, the case number and the signatures are the
judgment's. The 案件受理费 is halved once (诉讼费用交纳办法第十五条; 民诉法解释第二百零六条: a simple-procedure
case already halved is not halved again). The mediation terms are the parties' words: data for the
template (docxtpl autoescape), never template code.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from engine.drafting import formatting as fmt
from engine.drafting.build import (
    _basis,
    _numbered,
    _parties,
    _procedure,
    case_fee,
    fee_head,
    judgment_day,
    preservation_text,
    shares_text,
)
from engine.drafting.content import Judgment
from engine.drafting.rules import CaseView, Decision, cite_in_force

UNVERIFIED = "引用条文待核实："
TERMS_PENDING = "（调解协议条款待填写）"
MEDIATION_INTRO = "本案审理过程中，经本院主持调解，当事人自愿达成如下协议："
MEDIATION_CONFIRMED = "上述协议，不违反法律规定，本院予以确认。"


def _withdrawal(view: CaseView, decision: Decision) -> dict[str, Any]:
    """准许撤诉: 民事诉讼法第一百四十八条第一款 (by the ruling date); the fee halved, borne by the plaintiff
    who withdraws (诉讼费用交纳办法第十五条、第三十四条)."""
    own = Decision()
    plaintiffs, defendants = fmt.join_names(view.plaintiffs), fmt.join_names(view.defendants)
    meta = view.meta
    withdrawn = meta.get("withdrawal_date")
    if not withdrawn:
        own.warnings.append("未记录撤诉申请日期（yaosu meta --withdrawal-date）")
    procedure = (
        f"原告{plaintiffs}与被告{defendants}{view.table.cause}一案，{decision.procedure_note}"
        f"本院于{fmt.date_text(meta.get('filing_date'))}立案。原告{plaintiffs}于{fmt.date_text(withdrawn)}"
        "向本院提出撤诉申请。"
    )
    citation = cite_in_force(view, "withdrawal_ruling", judgment_day(meta), own)
    fee = case_fee(view, decision, "withdrawal")
    bearer = f"由原告{plaintiffs}负担"
    return {
        "doc_title": "民事裁定书",
        "procedure": procedure,
        "claims_intro": "",
        "claims": [],
        "claims_facts": "",
        "reasoning": [f"本院认为，原告{plaintiffs}在宣判前申请撤诉，系对其诉讼权利的处分，不违反法律规定，本院予以准许。"],
        "basis": _basis([citation], "裁定"),
        "orders": _numbered([f"准许原告{plaintiffs}撤诉"]),
        "fee_text": fee_head(fee) + f"，{bearer}。" + preservation_text(view, decision, bearer, own.warnings),
        "after_fee": [],
        # A ruling granting a withdrawal cannot be appealed (only 不予受理、管辖权异议、驳回起诉 rulings can).
        "appeal_text": "",
        "own": own,
    }


def _agreed_share(view: CaseView, total: Decimal | None, percent: int | None) -> str:
    """由原告负担A元，被告负担B元: the plaintiff bears `percent` of `total` (rounded half up to the cent), the
    defendants the rest, so the two parts add up to the total."""
    if percent == 100:
        return f"由原告{fmt.join_names(view.plaintiffs)}负担"
    if percent == 0:
        return f"由被告{fmt.join_names(view.defendants)}负担"
    if percent is None or total is None:
        return "由____负担"
    plaintiff_part = (total * Decimal(percent) / 100).quantize(Decimal("0.01"), ROUND_HALF_UP)
    return shares_text(view, total, total - plaintiff_part)


def _mediation_fee(view: CaseView, decision: Decision, own: Decision) -> str:
    """The halved fee as the parties agreed to share it (meta mediation_fee_plaintiff_percent); the
    preservation fee shared the same way unless the judge chose otherwise."""
    fee = case_fee(view, decision, "mediation")
    percent = view.meta.get("mediation_fee_plaintiff_percent")
    if percent is None:
        own.warnings.append("调解书未写明案件受理费的负担（yaosu meta --mediation-fee-plaintiff-percent）")
    bearer = _agreed_share(view, None if fee is None else fee.amount, percent)
    preserved = view.meta.get("preservation_fee")
    by_agreement = _agreed_share(view, Decimal(preserved) if preserved else None, percent)
    return fee_head(fee) + f"，{bearer}。" + preservation_text(view, decision, by_agreement, own.warnings)


def _mediation(view: CaseView, decision: Decision) -> dict[str, Any]:
    """民事调解书: the claims restated, the agreed terms numbered, the fee as agreed, the court's confirmation."""
    own = Decision()
    terms = [str(t) for t in view.meta.get("mediation_terms") or []]
    if not terms:
        own.warnings.append("未记录调解协议条款（yaosu meta --mediation-term …，一条一次）")
        terms = [TERMS_PENDING]
    absent = [n for n in view.meta.get("absent") or [] if n in view.plaintiffs + view.defendants]
    if absent:
        own.warnings.append(f"缺席当事人（{'、'.join(absent)}）不能达成调解协议，请核对")
    procedure = _procedure(view, decision.procedure_note).removesuffix("本案现已审理终结。")
    plaintiffs = fmt.join_names(view.plaintiffs)
    parties = len(view.plaintiffs) + len(view.defendants)
    return {
        "doc_title": "民事调解书",
        "procedure": procedure,
        "claims_intro": f"原告{plaintiffs}向本院提出诉讼请求：",
        "claims": decision.claims or ["（原告未写明诉讼请求）"],
        "claims_facts": decision.facts or "事实和理由：（见起诉状）",
        "reasoning": [],
        "basis": MEDIATION_INTRO,
        "orders": _numbered(terms),
        "fee_text": _mediation_fee(view, decision, own),
        "after_fee": [MEDIATION_CONFIRMED],
        "appeal_text": f"本调解书经{'双方' if parties == 2 else '各方'}当事人签收后，即具有法律效力。",
        "own": own,
    }


def outcome_document(view: CaseView, decision: Decision, ending: str) -> Judgment:
    """The 民事裁定书 (ending "withdrawal") or 民事调解书 ("mediation") of a case, for its court."""
    parts = _withdrawal(view, decision) if ending == "withdrawal" else _mediation(view, decision)
    own: Decision = parts.pop("own")
    if view.meta.get("simplified"):
        own.warnings.append("简式裁判文书只用于小额诉讼判决；撤诉、调解文书不受影响")
    notes = [UNVERIFIED + "、".join(own.unverified_citations) + "（见 parameters/citations.yaml）"
             ] if own.unverified_citations else []
    meta, court = view.meta, view.court
    return Judgment(
        court_id=court.id,
        court_name=court.name,
        case_number=court.case_number(meta.get("case_year"), meta.get("case_seq")),
        parties=_parties(view),
        defence=[],
        findings_intro="",
        element_rows=[],
        findings_outro="",
        late_notice="",
        judge=meta.get("judge") or "____",
        date_cn=fmt.date_chinese(meta.get("judgment_date")),
        clerk=meta.get("clerk") or "____",
        warnings=own.warnings,
        notes=notes,
        **parts,
    )

"""劳动争议 decision rules: N, 2N, double wages, unpaid wages, limitation, the award sued on.

The figures come from engine/law/labor.py (one implementation of each rule); this module only
reads the case, picks the calculator and words the judgment. Who sued decides the orders: a worker
suing gets "被告…于本判决生效之日起十日内支付原告…"; an employer suing against an award gets, per
award item, what it still owes and "原告无需支付…" for the rest (labor.award_review). A final award
(一裁终局) sued on by the employer is not tried: the case is dismissed by a ruling (民事裁定书),
劳动争议解释（一）第十八条 — the employer's remedy is an application to the 中级人民法院 to set it
aside (调解仲裁法第四十九条).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from engine.drafting import formatting as fmt
from engine.drafting.build import judgment_day
from engine.drafting.rules import CaseView, Decision, cite_in_force, judgment_rules
from engine.elements.value_types import stored_date, stored_decimal
from engine.errors import YaosuError
from engine.law import labor
from engine.law.result import CalcResult

ARBITRATION_LAW = "《中华人民共和国劳动争议调解仲裁法》"
LABOR_INTERPRETATION = "《最高人民法院关于审理劳动争议案件适用法律问题的解释（一）》"
# Claim element → the award_review item key and the words of an order.
ITEMS = {
    "claim_unpaid_wages": ("unpaid_wages", "工资"),
    "claim_double_wages": ("double_wages", "未签订书面劳动合同二倍工资差额"),
    "claim_overtime": ("overtime", "加班费"),
    "claim_economic_compensation": ("economic_compensation", "解除劳动合同经济补偿"),
    "claim_illegal_termination": ("illegal_termination", "违法解除劳动合同赔偿金"),
}
OTHER_MONEY = {"claim_annual_leave": "未休年休假工资", "claim_social_insurance_loss": "未缴纳社会保险费造成的损失"}
PENDING = "（待认定）"


@dataclass
class Finding:
    """What the court finds owed on one claim: an amount, or None = for the judge (pending)."""

    amount: Decimal | None
    reasoning: list[str] = field(default_factory=list)
    citations: list[str] = field(default_factory=list)


def _steps(result: CalcResult) -> str:
    return "；".join(result.steps)


class LaborCase:
    """The labour facts the rules need, read once from the case view."""

    def __init__(self, view: CaseView, decision: Decision, employer_plaintiff: bool = False) -> None:
        self.view = view
        self.employer_plaintiff = employer_plaintiff
        self.decision = decision
        self.wage = stored_decimal(view.value("monthly_wage"))
        self.start = stored_date(view.value("employment_start"))
        self.end = stored_date(view.value("employment_end"))
        self.court = view.court.id

    def _calc(self, what: str, call: Any) -> CalcResult | None:
        try:
            return call()  # type: ignore[no-any-return]
        except YaosuError as exc:
            self.decision.warnings.append(f"无法计算{what}：{exc.message}")
            return None

    def _missing(self, what: str, *pairs: tuple[str, Any]) -> bool:
        absent = [self.view.label(eid) for eid, value in pairs if value is None]
        if absent:
            self.decision.warnings.append(f"{what}须先认定：" + "、".join(absent))
        return bool(absent)

    def limitation(self, what: str) -> Finding | None:
        """仲裁时效, only when the other side raised it (民法典第一百九十三条): a barred claim → 0."""
        raised = self.view.value("limitation_raised") is True
        if not raised:
            return None
        applied = stored_date(self.view.value("arbitration_applied_date"))
        known = self.end
        if applied is None or known is None:
            self.decision.warnings.append(f"{what}：对方提出仲裁时效抗辩，须认定申请仲裁时间和劳动关系终止日")
            return None
        outcome = labor.limitation_bars(True, known=known, applied=applied)
        if not outcome.holds:
            self.decision.reasoning.append("关于仲裁时效，" + "；".join(outcome.steps) + "。")
            return None
        return Finding(Decimal("0.00"), [f"关于{what}，" + "；".join(outcome.steps) + "，本院不予支持。"],
                       outcome.citations)

    def ending(self) -> tuple[str | None, list[str], list[str]]:
        """compensation_owed: "N", "2N", "none", "reinstate" or None (not yet found)."""
        by = self.view.value("termination_by")
        ground = self.view.value("termination_ground")
        lawful = self.view.value("termination_lawful")
        if by is None:
            return None, [], []
        if by == "employer" and lawful is None and ground is None:
            return None, [], []
        try:
            outcome = labor.compensation_owed(
                by, ground, lawful=lawful is not False, reinstatement=self.view.value("reinstatement_requested") is True
            )
        except YaosuError as exc:
            self.decision.warnings.append(f"解除或者终止劳动合同的事由尚待认定：{exc.message}")
            return None, [], []
        return str(outcome.details["owed"]), outcome.steps, outcome.citations

    def compensation(self, doubled: bool) -> Finding:
        what = "违法解除劳动合同赔偿金" if doubled else "经济补偿"
        barred = self.limitation(what)
        if barred is not None:
            return barred
        owed, steps, citations = self.ending()
        if owed is None:
            self.decision.warnings.append(f"{what}：须认定劳动关系解除方、解除事由及是否合法")
            return Finding(None)
        wanted = "2N" if doubled else "N"
        if owed != wanted:
            reason = "；".join(steps)
            return Finding(Decimal("0.00"), [f"关于{what}，{reason}，故原告主张的{what}，本院不予支持。"], citations)
        if self._missing(what, ("monthly_wage", self.wage), ("employment_start", self.start),
                         ("employment_end", self.end)):
            return Finding(None)
        assert self.wage is not None and self.start is not None and self.end is not None
        pre_2008 = self.view.value("pre_2008_compensation_months")
        months = Decimal(str(pre_2008)) if pre_2008 not in (None, "") else None
        wage, start, end = self.wage, self.start, self.end
        average = stored_decimal(self.view.value("local_average_wage"))  # the judge's figure when the table has none
        if doubled:
            result = self._calc(what, lambda: labor.illegal_termination(
                wage, start, end, court=self.court, average_monthly_wage=average))
        else:
            result = self._calc(what, lambda: labor.economic_compensation(
                wage, start, end, court=self.court, pre_2008_months=months, average_monthly_wage=average))
        if result is None:
            return Finding(None)
        self.decision.warnings.extend(result.warnings)
        reasoning = [f"关于{what}，" + "；".join(steps) + "。计算如下：" + _steps(result) + "。"]
        return Finding(result.amount, reasoning, [*citations, *result.citations])

    def double_wages(self) -> Finding:
        what = "未签订书面劳动合同二倍工资差额"
        barred = self.limitation(what)
        if barred is not None:
            return barred
        written = self.view.value("written_contract")
        signed = stored_date(self.view.value("contract_date"))
        if written is True and signed is None:
            return Finding(Decimal("0.00"), [f"关于{what}，双方已签订书面劳动合同，原告的该项请求本院不予支持。"],
                           [labor.C_DOUBLE])
        if written is None:
            self.decision.warnings.append(f"{what}：须认定是否签订书面劳动合同")
            return Finding(None)
        if self._missing(what, ("monthly_wage", self.wage), ("employment_start", self.start),
                         ("employment_end", self.end)):
            return Finding(None)
        assert self.wage is not None and self.start is not None and self.end is not None
        wage, start, end = self.wage, self.start, self.end
        result = self._calc(what, lambda: labor.double_wage(wage, start, end, signed))
        if result is None:
            return Finding(None)
        return Finding(result.amount, [f"关于{what}，用人单位自用工之日起超过一个月不满一年未与劳动者订立书面劳动合同的，"
                                       f"应当向劳动者每月支付二倍的工资。计算如下：{_steps(result)}。"], result.citations)

    def unpaid_wages(self) -> Finding:
        owed = stored_decimal(self.view.value("unpaid_wages"))
        if owed is None:
            claimed = self.view.value("claim_unpaid_wages")
            if claimed is None:
                return Finding(None)
            owed = Decimal(claimed)
        return Finding(owed, [f"关于工资，用人单位应当按照劳动合同约定和国家规定，向劳动者及时足额支付劳动报酬，"
                              f"经认定被告尚欠工资{fmt.money(owed)}元。"], [labor.C_UNPAID])

    def found(self, element_id: str) -> Finding:
        if element_id == "claim_economic_compensation":
            return self.compensation(doubled=False)
        if element_id == "claim_illegal_termination":
            return self.compensation(doubled=True)
        if element_id == "claim_double_wages":
            return self.double_wages()
        if element_id == "claim_unpaid_wages":
            return self.unpaid_wages()
        # 加班费 and the rest: no calculator. A worker's uncontested claim stands; an employer's claim
        # that it owes an award item is no finding of what it owes — that is for the judge.
        if self.employer_plaintiff:
            return Finding(None)
        return Finding(stored_decimal(self.view.value(element_id)))


def _claims_text(view: CaseView, employer_plaintiff: bool, payer: str, payee: str) -> list[str]:
    items = []
    for element_id, (_, label) in ITEMS.items():
        amount = view.claimed(element_id)
        if amount:
            if employer_plaintiff:
                items.append(f"判令原告无需支付被告{payee}{label}{fmt.money(amount)}元")
            else:
                items.append(f"判令被告{payer}支付原告{payee}{label}{fmt.money(amount)}元")
    for element_id, label in OTHER_MONEY.items():
        amount = view.claimed(element_id)
        if amount:
            items.append(f"判令被告{payer}支付原告{payee}{label}{fmt.money(amount)}元")
    other = view.claimed("claim_other_labor")
    if other:
        items.append(str(other))
    items.append("本案诉讼费用由被告负担")
    return [f"{n}.{text}；" if n < len(items) else f"{n}.{text}。" for n, text in enumerate(items, 1)]


def _award(view: CaseView) -> dict[str, Any]:
    value = view.value("arbitration_award") or view.claimed("arbitration_award") or {}
    return value if isinstance(value, dict) else {}


def _award_note(view: CaseView, plaintiffs: str) -> str:
    """审理经过: the arbitration award the plaintiff does not accept (仲裁前置, 调解仲裁法第五条)."""
    award = _award(view)
    number = award.get("number")
    day = award.get("date")
    what = f"{number}仲裁裁决" if number else "劳动人事争议仲裁委员会的仲裁裁决"
    when = f"（{fmt.date_text(day)}作出）" if day else ""
    return f"原告{plaintiffs}不服{what}{when}，诉至本院。"


def _ruling(view: CaseView, decision: Decision, plaintiffs: str) -> Decision:
    """一裁终局 sued on by the employer: 裁定驳回起诉 (劳动争议解释（一）第十八条)."""
    award = _award(view)
    number = award.get("number") or "该"
    decision.document = "裁定"
    decision.element_findings = False
    decision.closing = ""
    decision.reasoning = [
        f"本院经审查认为，{number}仲裁裁决为终局裁决。依照{ARBITRATION_LAW}第四十七条、第四十九条的规定，"
        f"用人单位对终局裁决不服的，可以自收到仲裁裁决书之日起三十日内向劳动争议仲裁委员会所在地的中级人民法院"
        f"申请撤销裁决，而不能向基层人民法院提起诉讼。依照{LABOR_INTERPRETATION}第十八条的规定，"
        f"已经受理的，裁定驳回起诉。"
    ]
    decision.citations = [f"{ARBITRATION_LAW}第四十七条", f"{ARBITRATION_LAW}第四十九条", f"{LABOR_INTERPRETATION}第十八条"]
    decision.orders = [f"驳回原告{plaintiffs}的起诉"]
    decision.monetary = False
    decision.fee_payer = f"原告{plaintiffs}"
    decision.warnings.append("终局裁决的用人单位起诉以裁定驳回起诉；案件受理费的负担（或退还）请审判员核对")
    return decision


@judgment_rules.register("labor_dispute.v1")
def labor_dispute_rules(view: CaseView) -> Decision:
    decision = Decision(citations=[], fee_kind="labor")
    plaintiffs = fmt.join_names(view.plaintiffs)
    defendants = fmt.join_names(view.defendants)
    employers = fmt.names(view.value("employer"))
    employer_plaintiff = view.value("claim_no_payment") is True or bool(
        employers and all(name in view.plaintiffs for name in employers)
    )
    employer = plaintiffs if employer_plaintiff else defendants
    employee = defendants if employer_plaintiff else plaintiffs
    decision.claims = _claims_text(view, employer_plaintiff, employer, employee)
    decision.procedure_note = _award_note(view, plaintiffs)
    if not _award(view).get("number"):
        decision.warnings.append("仲裁裁决的案号尚未填写（要素 arbitration_award），审理经过中以概称代替")
    if employer_plaintiff and view.value("final_award") is True:
        return _ruling(view, decision, plaintiffs)
    award = _award(view)
    decision.facts = "事实和理由：" + (
        f"{award.get('number') or '仲裁委员会'}仲裁裁决：{award['result']}。" if award.get("result") else "（见起诉状）"
    )
    decision.reasoning.append(
        "本院认为，劳动者的合法权益受法律保护。用人单位与劳动者发生劳动争议，经劳动争议仲裁委员会仲裁后，"
        "当事人不服仲裁裁决的，可以向人民法院提起诉讼。"
    )
    decision.citations.append(f"{ARBITRATION_LAW}第五条")
    case = LaborCase(view, decision, employer_plaintiff)
    orders: list[str] = []
    awarded: dict[str, Decimal] = {}
    found: dict[str, Decimal] = {}
    claimed_total = Decimal("0")
    granted_total = Decimal("0")
    rejected = False
    pending_items: list[str] = []
    for element_id in [*ITEMS, *OTHER_MONEY]:
        claim = stored_decimal(view.claimed(element_id))
        if claim is None:
            continue
        label = ITEMS[element_id][1] if element_id in ITEMS else OTHER_MONEY[element_id]
        finding = case.found(element_id)
        decision.reasoning.extend(finding.reasoning)
        decision.citations.extend(c for c in finding.citations if c not in decision.citations)
        claimed_total += claim
        if finding.amount is None:
            pending_items.append(label)
            orders.append(
                f"原告{employer}于本判决生效之日起十日内支付被告{employee}{label}{PENDING}元" if employer_plaintiff
                else f"被告{employer}于本判决生效之日起十日内支付原告{employee}{label}{PENDING}元"
            )
            continue
        granted = finding.amount if employer_plaintiff else min(finding.amount, claim)
        if finding.amount > claim and not employer_plaintiff:
            decision.reasoning.append(f"原告主张的{label}{fmt.money(claim)}元低于依法计算的数额，本院按其主张予以支持。")
        granted_total += granted
        if employer_plaintiff:
            if element_id in ITEMS:
                awarded[ITEMS[element_id][0]] = claim
                found[ITEMS[element_id][0]] = min(granted, claim)
            continue
        if granted > 0:
            orders.append(f"被告{employer}于本判决生效之日起十日内支付原告{employee}{label}{fmt.money(granted)}元")
        if granted < claim:
            rejected = True
    if pending_items:
        decision.warnings.append("以下项目尚待认定，判项以“待认定”表示：" + "、".join(pending_items))
    if employer_plaintiff and awarded:
        review = labor.award_review(awarded, found)
        decision.reasoning.append("关于仲裁裁决的各项：" + "；".join(review.steps) + "。")
        rows = review.details["items"]
        for row in rows:  # what the employer still owes first, then what it need not pay
            if Decimal(row["owed"]) > 0:
                label = labor.ITEM_ZH[row["item"]]
                orders.append(f"原告{employer}于本判决生效之日起十日内支付被告{employee}{label}{fmt.money(row['owed'])}元")
                rejected = True  # the employer asked to pay nothing
        for row in rows:
            if Decimal(row["not_owed"]) > 0:
                label = labor.ITEM_ZH[row["item"]]
                orders.append(f"原告{employer}无需支付被告{employee}{label}{fmt.money(row['not_owed'])}元")
        granted_total = review.amount
    if rejected and not orders:
        orders.append(f"驳回原告{plaintiffs}的诉讼请求")
    elif rejected:
        orders.append(f"驳回原告{plaintiffs}的其他诉讼请求")
    if not orders:
        orders.append(f"驳回原告{plaintiffs}的诉讼请求")
    if rejected:
        decision.citations.append(cite_in_force(view, "burden_of_proof", judgment_day(view.meta), decision))
    decision.orders = orders
    decision.monetary = any("支付" in o and "无需支付" not in o for o in orders)
    decision.claimed_amount = claimed_total
    decision.granted_amount = granted_total
    # 诉讼费用交纳办法第二十九条: the losing party bears the fee; an employer that owes nothing does not.
    decision.fee_payer = f"被告{defendants}" if (employer_plaintiff and granted_total == 0) else (
        f"原告{plaintiffs}" if employer_plaintiff else f"被告{defendants}"
    )
    if not employer_plaintiff and granted_total == 0 and not pending_items:
        decision.fee_payer = f"原告{plaintiffs}"
    return decision

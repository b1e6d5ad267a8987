"""买卖合同 decision rules: the price, the penalty (agreed, reduced, or the LPR loss), 定金 or 违约金,
the buyer's quality objection, refunds, losses and costs.

The figures come from engine/law/penalty.py; this module reads the case, picks the calculator and
words the judgment. The penalty is computed to the filing date for the comparison of 合同编通则解释
第六十五条 (the 30% line is shown in the reasoning); the order itself runs "至实际清偿之日止" when
the claim does.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from engine.drafting import formatting as fmt
from engine.drafting.build import judgment_day
from engine.drafting.rules import CaseView, Decision, cite_in_force, facts_text, judgment_rules
from engine.elements.value_types import stored_date, stored_decimal
from engine.errors import YaosuError
from engine.law import penalty as law
from engine.law.result import fmt_plain

CIVIL_CODE = "《中华人民共和国民法典》"
PENDING = "（待认定）"


def _numbered(items: list[str]) -> list[str]:
    return [f"{n}.{text}；" if n < len(items) else f"{n}.{text}。" for n, text in enumerate(items, 1)]


def _claims_text(view: CaseView, payer: str, payee: str) -> list[str]:
    items = []
    for element_id, verb, what in (("claim_price", "支付", "货款"), ("claim_refund", "返还", "已付价款"),
                                   ("claim_deposit", "双倍返还", "定金"), ("claim_losses", "赔偿", "损失"),
                                   ("claim_costs", "支付", "律师费等实现债权的费用")):
        amount = view.claimed(element_id)
        if amount:
            items.append(f"判令被告{payer}{verb}原告{payee}{what}{fmt.money(amount)}元")
    claim = view.claimed("claim_penalty")
    if claim:
        items.append(f"判令被告{payer}支付原告{payee}{_penalty_word(claim)}（{fmt.interest_claim_text(claim)}）")
    remedy = view.claimed("claim_defect_remedy")
    if remedy:
        items.append(f"判令被告{payer}承担{view.table.element('claim_defect_remedy').options.get(remedy, remedy)}的责任")
    items.append("本案诉讼费用由被告负担")
    return _numbered(items)


def _adjusted(view: CaseView) -> Any:
    """The court's standard: a multiple of the LPR (penalty_lpr_multiple: 1.5 / LPR×1.5) or a rate."""
    multiple = view.value("penalty_lpr_multiple")
    if isinstance(multiple, str) and multiple.strip():
        text = multiple.strip().replace("倍", "")
        return f"LPR×{text}" if re.fullmatch(r"[0-9]+(?:\.[0-9]+)?", text) else multiple.strip()
    return view.value("penalty_adjusted_rate")


def _penalty_word(claim: dict[str, Any]) -> str:
    """逾期付款违约金 when it runs on a base over time, 违约金 for a sum."""
    return "逾期付款违约金" if claim.get("base") or claim.get("rate") or claim.get("start_date") else "违约金"


def _annual(rate: law.PenaltyRate) -> Decimal | None:
    """An annual equivalent to compare a claimed and an agreed standard (a day rate × 365)."""
    if rate.kind == "day":
        return rate.value * 365
    if rate.kind in ("month", "year"):
        return law.annual_percent(rate, None)
    return None


def _rate_words(rate: law.PenaltyRate, due: date) -> str:
    """The standard as an order states it: 按日0.05%计算 / 按年利率5.175%（…一年期LPR的1.5倍）."""
    if rate.kind == "day":
        return f"按日{fmt_plain(rate.value)}%"
    if rate.kind == "lpr_multiple":
        lpr = law.breach_lpr(due)
        start = law.breach_day(due)
        return (f"按年利率{fmt_plain(lpr.value * rate.value)}%（{fmt.date_text(start.isoformat())}"
                f"一年期贷款市场报价利率{fmt_plain(lpr.value)}%的{fmt_plain(rate.value)}倍）")
    return f"按{law.PERIOD_ZH[rate.kind]}利率{fmt_plain(rate.value)}%"


class SaleCase:
    def __init__(self, view: CaseView, decision: Decision) -> None:
        self.view = view
        self.decision = decision
        self.filing = stored_date(view.meta.get("filing_date"))

    def warn(self, text: str) -> None:
        self.decision.warnings.append(text)

    def price(self) -> tuple[Decimal | None, bool]:
        """The price owed (None = pending) and whether the claim is cut."""
        view = self.view
        claim = stored_decimal(view.claimed("claim_price"))
        if claim is None:
            return None, False
        if view.pending("outstanding_amount") or view.pending("delivered"):
            self.warn("欠付价款或交付情况有争议，货款判项暂以“待认定”表示")
            return None, False
        if view.value("delivered") is False:
            self.decision.reasoning.append("关于货款，出卖人未能证明已交付标的物，其主张货款的请求，本院不予支持。")
            return Decimal("0.00"), True
        owed = stored_decimal(view.value("outstanding_amount"))
        if owed is None:
            total, paid = stored_decimal(view.value("total_price")), stored_decimal(view.value("paid_amount"))
            owed = total - paid if total is not None and paid is not None else claim
        granted = min(owed, claim)
        self.decision.reasoning.append(
            f"关于货款，出卖人已按约交付标的物，买受人应当按照约定的时间支付价款（{CIVIL_CODE}第六百二十八条）。"
            f"被告尚欠货款{fmt.money(owed)}元，原告主张{fmt.money(claim)}元"
            + ("，本院予以支持。" if granted == claim else f"，本院支持{fmt.money(granted)}元。")
        )
        self.decision.citations.append(f"{CIVIL_CODE}第六百二十八条")
        return granted, granted < claim

    def quality(self) -> None:
        """民法典第六百二十、六百二十一条: a buyer silent past the inspection period is deemed to accept."""
        view = self.view
        objection = view.value("quality_objection") or view.claimed("quality_objection")
        state = (view.case.get("elements") or {}).get("quality_objection") or {}
        objection = objection or state.get("answer")
        if not objection:
            return
        received = stored_date(view.value("delivery_date"))
        notice = stored_date(view.value("quality_objection_date"))
        days = view.value("inspection_period_days")
        if received is None:
            self.warn("买受人提出质量异议，但交付（收货）时间未认定，无法判断是否在检验期限内")
            return
        try:
            outcome = law.quality_deemed_accepted(received, notice, days if isinstance(days, int) else None)
        except YaosuError as exc:
            self.warn(f"无法判断质量异议是否逾期：{exc.message}")
            return
        self.decision.citations.extend(c for c in outcome.citations if c not in self.decision.citations)
        if outcome.holds:
            self.decision.reasoning.append(
                "关于质量异议，" + "；".join(outcome.steps) + "。故被告以标的物质量问题为由拒付货款的抗辩，本院不予采纳。"
            )
        else:
            self.decision.reasoning.append("关于质量异议，" + "；".join(outcome.steps) + "。")
            self.warn("买受人在期限内提出了质量异议，标的物是否符合约定及其对价款的影响须由审判员认定")

    def agreed_rate(self, base: Decimal) -> law.PenaltyRate | None:
        view = self.view
        rate = view.value("penalty_rate")
        if rate:
            return law.parse_penalty_rate(rate)
        amount = stored_decimal(view.value("penalty_amount"))
        if amount is not None:
            return law.PenaltyRate("fixed", amount, f"{fmt.money(amount)}元")
        percent = stored_decimal(view.value("penalty_percent"))
        if percent is not None:
            return law.PenaltyRate("fixed", (base * percent / 100).quantize(Decimal("0.01")),
                                   f"按欠付价款的{fmt_plain(percent)}%")
        return None

    def penalty(self, price: Decimal | None) -> tuple[str | None, Decimal, Decimal, bool]:
        """(order text or None, claimed amount to the filing date, granted amount, cut)."""
        view = self.view
        claim = view.claimed("claim_penalty")
        if not claim:
            return None, Decimal("0"), Decimal("0"), False
        stated = stored_decimal(claim.get("amount"))
        base = stored_decimal(claim.get("base")) or price or stored_decimal(view.value("outstanding_amount"))
        if price is not None and base is not None:
            base = min(base, price) if price > 0 else base
        due = stored_date(view.value("payment_due_date"))
        claim_start = stored_date(claim.get("start_date"))
        if claim_start is not None and (due is None or claim_start > law.breach_day(due)):
            due = claim_start - timedelta(days=1)  # the claim starts later than the breach: from its start
        end_value = claim.get("end")
        until_paid = end_value in (None, "until_paid")
        end = self.filing if until_paid else stored_date(end_value)
        # The request is the answer's own act (抗辩, 合同编通则解释第六十四条): what the answer says decides it.
        state = (view.case.get("elements") or {}).get("penalty_reduction_requested") or {}
        requested = view.value("penalty_reduction_requested") is True or state.get("answer") is True
        adjusted = _adjusted(view)
        fixed = self.agreed_rate(base or Decimal("0")) if view.value("penalty_amount") else None
        if fixed is not None and not (requested and adjusted):
            # A fixed sum agreed (民法典第五百八十五条第一款): no day count, at most what is claimed.
            granted = min(fixed.value, stated) if stated is not None else fixed.value
            self.decision.citations.append(law.C_PENALTY)
            self.decision.reasoning.append(
                f"关于违约金，双方约定违约金为{fmt.money(fixed.value)}元，被告违约，应当按约支付"
                + ("。" if requested or not view.case.get("answer") else "；被告未请求调整违约金。")
            )
            if requested:
                self.warn("被告请求减少违约金：请填写“调整后的违约金标准”（百分比）或“调整后的违约金标准（LPR倍数）”（如 1.5），否则按约定数额支付")
            return f"违约金{fmt.money(granted)}元", stated or granted, granted, stated is not None and granted < stated
        if base is None or base <= 0 or due is None or end is None:
            self.warn("逾期付款违约金须认定欠付价款、付款期限（起算日）和截止日（立案日期），判项暂以“待认定”表示")
            return (f"逾期付款违约金{PENDING}", stated or Decimal("0"), Decimal("0"), False)
        agreed = self.agreed_rate(base)
        claimed_rate = law.parse_penalty_rate(claim["rate"]) if claim.get("rate") else None
        if agreed is not None and claimed_rate is not None and agreed.kind != "fixed":
            a, c = _annual(agreed), _annual(claimed_rate)
            if a is not None and c is not None and c < a:
                self.decision.reasoning.append(
                    f"原告自愿将违约金标准由约定的{agreed.raw or agreed.text()}降低为{claimed_rate.raw or claimed_rate.text()}，"
                    "系对自身权利的处分，本院予以准许。"
                )
                agreed = claimed_rate
        malicious = view.value("malicious_breach") is True
        loss = stored_decimal(view.value("loss_amount"))
        self.decision.citations.append(law.C_PENALTY)
        try:
            if agreed is None:
                if not adjusted:
                    self.warn("未约定逾期付款违约金：请填写“调整后的违约金标准（LPR倍数）”（一年期LPR的1.3—1.5倍，如 1.5）")
                    return (f"逾期付款损失{PENDING}", stated or Decimal("0"), Decimal("0"), False)
                result = law.penalty_claim(base, due, end, None, adjusted)
                rate = law.parse_penalty_rate(adjusted)
                self.decision.reasoning.append(
                    "关于逾期付款损失，" + "；".join(result.steps) + f"（{law.C_NO_CLAUSE}）。"
                )
            elif requested and adjusted:
                result = law.penalty_claim(base, due, end, agreed, adjusted, loss=loss, malicious=malicious)
                rate = law.parse_penalty_rate(adjusted) if result.details.get("reduced") else agreed
                self.decision.reasoning.append(
                    "关于违约金，被告以约定的违约金过分高于造成的损失为由请求予以减少。"
                    f"依照{law.C_PENALTY}第二款、{law.C_ADJUST}、{law.C_EXCESSIVE}的规定，"
                    "以民法典第五百八十四条规定的损失为基础，兼顾合同的履行情况、当事人的过错程度等因素衡量："
                    + "；".join(result.steps) + "。"
                )
            elif requested:
                self.warn("被告请求减少违约金：请填写“调整后的违约金标准”（百分比）或“调整后的违约金标准（LPR倍数）”（如 1.5），否则按约定标准计算")
                result = law.penalty_claim(base, due, end, agreed)
                rate = agreed
                self.decision.reasoning.append("关于违约金，" + "；".join(result.steps) + "。")
            else:
                result = law.penalty_claim(base, due, end, agreed)
                rate = agreed
                self.decision.reasoning.append(
                    "关于违约金，双方约定了逾期付款违约金，被告未请求调整，按约定计算：" + "；".join(result.steps) + "。"
                )
                if view.case.get("answer"):
                    self.warn(f"被告未请求调整违约金；仅否认合同或者违约的，应当就是否调整违约金释明（{law.C_EXPLAIN}）")
        except YaosuError as exc:
            self.warn(f"无法计算违约金：{exc.message}")
            return (f"逾期付款违约金{PENDING}", stated or Decimal("0"), Decimal("0"), False)
        self.decision.warnings.extend(result.warnings)
        self.decision.citations.extend(c for c in result.citations if c not in self.decision.citations)
        amount = result.amount
        claimed_amount = stated if stated is not None else amount
        if result.details.get("agreed_amount") is not None and stated is None:
            claimed_amount = result.details["agreed_amount"]
        cut = bool(result.details.get("reduced"))
        if rate.kind == "fixed":
            granted = min(amount, stated) if stated is not None else amount
            return f"违约金{fmt.money(granted)}元", claimed_amount, granted, cut or granted < claimed_amount
        start = law.breach_day(due)
        end_text = "至实际清偿之日止" if until_paid else f"至{fmt.date_text(end.isoformat())}止"
        if not until_paid and stated is not None and amount > stated:
            amount = stated
        order = (f"逾期付款违约金（以{fmt.money(base)}元为基数，自{fmt.date_text(start.isoformat())}起"
                 f"{_rate_words(rate, due)}计算{end_text}）")
        return order, claimed_amount, amount, cut

    def deposit(self, penalty_amount: Decimal) -> tuple[bool, str | None, Decimal]:
        """定金 or 违约金 (民法典第五百八十八条): (penalty still applies, a deposit order, its amount)."""
        view = self.view
        deposit = stored_decimal(view.value("deposit"))
        claim_deposit = stored_decimal(view.claimed("claim_deposit"))
        if deposit is None or (claim_deposit is None and not view.claimed("claim_penalty")):
            return True, None, Decimal("0")
        choice = view.value("deposit_or_penalty_choice")
        if claim_deposit is not None and not view.claimed("claim_penalty"):
            choice = choice or "deposit"
        try:
            result = law.deposit_or_penalty(
                deposit, penalty_amount, contract_price=stored_decimal(view.value("total_price")), chosen=choice
            )
        except YaosuError as exc:
            self.warn(f"定金与违约金：{exc.message}")
            return True, None, Decimal("0")
        self.decision.warnings.extend(result.warnings)
        self.decision.citations.extend(c for c in result.citations if c not in self.decision.citations)
        self.decision.reasoning.append("关于定金与违约金，" + "；".join(result.steps) + "。")
        if result.details["chosen"] == "penalty":
            return True, None, Decimal("0")
        if claim_deposit is None:
            return False, None, Decimal("0")  # the seller keeps the forfeited deposit; no penalty
        effective = Decimal(result.details["deposit"])
        # 双倍返还: the deposit itself plus as much again (民法典第五百八十七条).
        granted = min(claim_deposit, effective * 2)
        return False, f"定金{fmt.money(granted)}元", granted


def _settled(view: CaseView, decision: Decision, element_id: str, claimed: Decimal) -> Decimal | None:
    """A refund, loss or costs claim: what the court grants (None = pending).

    Costs (律师费) only when the contract put them on the party in breach; losses as the court finds
    them (违约造成的损失, 民法典第五百八十四条); an uncontested claim as claimed."""
    if element_id == "claim_costs":
        if view.pending("sale_costs_agreed"):
            decision.warnings.append("是否约定由违约方承担律师费有争议，律师费判项暂以“待认定”表示")
            return None
        agreed = view.value("sale_costs_agreed")
        if agreed is False or (agreed is None and view.pending(element_id)):
            decision.reasoning.append(
                f"关于律师费，双方未约定由违约方承担实现债权的费用，原告主张的律师费{fmt.money(claimed)}元，本院不予支持。"
            )
            return Decimal("0")
        if agreed is True:
            decision.reasoning.append(f"双方约定实现债权的费用由违约方承担，原告主张的律师费{fmt.money(claimed)}元，本院予以支持。")
            return claimed
    if element_id == "claim_losses":
        loss = stored_decimal(view.value("loss_amount"))
        if loss is not None:
            decision.reasoning.append(f"关于损失，本院认定因违约造成的损失为{fmt.money(loss)}元（{law.C_LOSS}）。")
            decision.citations.append(law.C_LOSS)
            return loss
    if view.pending(element_id):
        decision.warnings.append(f"被告对“{view.label(element_id)}”有异议，请认定后填写")
        return None
    return stored_decimal(view.value(element_id))


@judgment_rules.register("sale_contract.v1")
def sale_contract_rules(view: CaseView) -> Decision:
    decision = Decision(citations=[])
    plaintiffs = fmt.join_names(view.plaintiffs)
    defendants = fmt.join_names(view.defendants)
    decision.claims = _claims_text(view, defendants, plaintiffs)
    decision.facts = facts_text(view)
    decision.reasoning.append(
        f"本院认为，依法成立的合同，对当事人具有法律约束力。原告{plaintiffs}与被告{defendants}之间的买卖合同关系"
        "合法有效，双方均应按约履行。"
    )
    decision.citations.append(f"{CIVIL_CODE}第五百七十七条")
    case = SaleCase(view, decision)
    case.quality()
    orders: list[str] = []
    claimed = Decimal("0")
    granted = Decimal("0")
    rejected = False
    pending = False
    within = f"被告{defendants}于本判决生效之日起十日内"
    pay = f"{within}支付原告{plaintiffs}"
    price, cut = case.price()
    claim_price = stored_decimal(view.claimed("claim_price"))
    if claim_price is not None:
        claimed += claim_price
        if price is None:
            orders.append(f"{pay}货款{PENDING}元")
            pending = True
        elif price > 0:
            orders.append(f"{pay}货款{fmt.money(price)}元")
            granted += price
        rejected |= cut
    order, claimed_penalty, granted_penalty, cut = case.penalty(price)
    penalty_applies, deposit_order, deposit_amount = case.deposit(granted_penalty)
    if order is not None:
        claimed += claimed_penalty
        if not penalty_applies:
            rejected = True
            decision.reasoning.append("原告已选择适用定金条款，违约金不能并用，其违约金请求本院不予支持。")
        else:
            orders.append(pay + order)
            granted += granted_penalty
            rejected |= cut
            pending |= PENDING in order
    claim_deposit = stored_decimal(view.claimed("claim_deposit"))
    if claim_deposit is not None:
        claimed += claim_deposit
        if deposit_order:
            orders.append(f"{within}双倍返还原告{plaintiffs}{deposit_order}")
            granted += deposit_amount
            rejected |= deposit_amount < claim_deposit
        else:
            rejected = True
    for element_id, verb, what in (("claim_refund", "返还", "已付价款"), ("claim_losses", "赔偿", "损失"),
                                   ("claim_costs", "支付", "律师费等实现债权的费用")):
        amount = stored_decimal(view.claimed(element_id))
        if amount is None:
            continue
        claimed += amount
        value = _settled(view, decision, element_id, amount)
        if value is None:
            orders.append(f"{within}{verb}原告{plaintiffs}{what}{PENDING}元")
            pending = True
            continue
        if value <= 0:
            rejected = True
            continue
        orders.append(f"{within}{verb}原告{plaintiffs}{what}{fmt.money(min(value, amount))}元")
        granted += min(value, amount)
        rejected |= value < amount
    if rejected:
        orders.append(f"驳回原告{plaintiffs}的其他诉讼请求")
        decision.citations.append(cite_in_force(view, "burden_of_proof", judgment_day(view.meta), decision))
    if not orders:
        orders.append(f"驳回原告{plaintiffs}的诉讼请求")
    decision.orders = orders
    decision.monetary = granted > 0 or pending
    total = stored_decimal(view.claimed("claim_total"))
    decision.claimed_amount = total or claimed or None
    decision.granted_amount = None if pending else min(granted, decision.claimed_amount or granted)
    return decision

"""民间借贷 decision rules: principal, interest within the legal cap, costs, guarantee, rejection.

Each rule sits next to the article it applies; the figures come from the law
calculators (engine/law), never from arithmetic here, so one implementation of
each rule serves the CLI, the judgment and the web preview.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from engine.casetypes.private_lending.guarantee import guarantee_orders
from engine.casetypes.private_lending.interest_orders import Segment, formula_text, plan_amount, plan_interest
from engine.drafting import formatting as fmt
from engine.drafting.build import judgment_day
from engine.drafting.rules import CaseView, Decision, cite_in_force, facts_text, judgment_rules
from engine.elements.value_types import stored_date, stored_decimal
from engine.errors import YaosuError
from engine.law.result import CalcResult

PL = "《最高人民法院关于审理民间借贷案件适用法律若干问题的规定》"
CIVIL_CODE = "《中华人民共和国民法典》"


_CLAIMS_SECTION = re.compile(r"(?:诉讼请求|诉讼请求事项|请求事项)[:：]?\s*\n?(?P<body>.*?)(?=\n\s*(?:事实(?:和|与)理由|事实及理由)|\Z)", re.S)
_CLAIM_ITEM = re.compile(r"(?:^|\n)\s*(?:\d{1,2}\s*[.、．]|[一二三四五六七八九十]{1,3}\s*、|[（(]\d{1,2}[)）])\s*")


def pleaded_claims(text: str) -> list[str]:
    """The requests as the complaint words them (numbered items of its 诉讼请求 section), all of them —
    诉讼费、保全费 included; [] when the text has no such section."""
    match = _CLAIMS_SECTION.search(text or "")
    if not match:
        return []
    body = match.group("body").strip()
    parts = [p.strip().rstrip("；;。，,") for p in _CLAIM_ITEM.split("\n" + body) if p.strip()]
    if len(parts) == 1:
        parts = [p.strip() for p in re.split(r"[；;]", parts[0]) if p.strip()]
    return [p for p in parts if len(p) >= 4][:20]


def _claims_text(view: CaseView, debtors: str, guarantors: list[str]) -> list[str]:
    pleaded = pleaded_claims(((view.case.get("complaint") or {}).get("text")) or "")
    if pleaded:
        return [f"{n}.{text}{'；' if n < len(pleaded) else '。'}" for n, text in enumerate(pleaded, 1)]
    items = []
    principal = view.claimed("claim_principal")
    if principal:
        items.append(f"判令被告{debtors}归还借款本金{fmt.money(principal)}元")
    for element_id, what in (("claim_interest", "利息"), ("claim_overdue_interest", "逾期利息")):
        claim = view.claimed(element_id)
        if claim:
            items.append(f"判令被告{debtors}支付{what}（{fmt.interest_claim_text(claim)}）")
    costs = view.claimed("claim_costs")
    if costs:
        items.append(f"判令被告{debtors}支付实现债权的费用{fmt.money(costs)}元")
    if guarantors:
        liability = "连带清偿责任" if view.claimed("guarantee_type") == "joint" else "保证责任"
        items.append(f"判令被告{fmt.join_names(guarantors)}对上述债务承担{liability}")
    total = view.claimed("claim_total")
    if total:
        items.append(f"本案诉讼费用由被告负担（标的总额{fmt.money(total)}元）")
    return [f"{n}.{text}；" if n < len(items) else f"{n}.{text}。" for n, text in enumerate(items, 1)]


@judgment_rules.register("private_lending.v1")
def private_lending_rules(view: CaseView) -> Decision:
    decision = Decision(citations=[])
    cite = decision.citations
    plaintiffs = fmt.join_names(view.plaintiffs)
    borrowers = view.value("borrowers") or []
    debtor_list = [name for name in view.defendants if not borrowers or name in borrowers] or view.defendants
    guarantors = [g for g in (view.value("guarantors") or []) if g in view.defendants]
    claimed_guarantee = view.claimed("claim_guarantee")
    if claimed_guarantee:
        guarantors = [g for g in guarantors if g in claimed_guarantee] or [
            g for g in claimed_guarantee if g in view.defendants
        ]
    debtor_list = [name for name in debtor_list if name not in guarantors] or debtor_list
    # A borrower's spouse sued for a 夫妻共同债务 answers only when the court finds the debt joint.
    spouses = [s for s in (view.value("spouse_defendants") or []) if s in view.defendants and s not in guarantors]
    debtor_list = [name for name in debtor_list if name not in spouses] or debtor_list
    spouses = [s for s in spouses if s not in debtor_list]
    debtors = fmt.join_names(debtor_list)
    decision.claims = _claims_text(view, debtors, guarantors)
    decision.facts = facts_text(view)
    reasoning = decision.reasoning
    rejected = False

    # Principal: the amount actually delivered (第二十六条: interest deducted in advance is not principal).
    loan_amount = stored_decimal(view.value("loan_amount"))
    delivered = stored_decimal(view.value("delivered_amount"))
    principal_base = delivered if delivered is not None else loan_amount
    reasoning.append(
        f"本院认为，合法的借贷关系受法律保护。原告{plaintiffs}与被告{debtors}之间的借贷关系事实清楚，"
        f"被告{debtors}应当按约归还借款。"
    )
    # 借款人应当按照约定的期限返还借款: 合同法第二百零六条 for a loan made before 2021, 民法典第六百七十五条 after.
    cite.append(_cited(view, "loan_repayment_term", _fact_day(view), decision))
    # After 本院认为: it may add the co-borrowers' or the spouse's reason.
    payer_names, payers, spouse_orders = _spouse_liability(view, debtor_list, spouses, decision)
    if delivered is not None and loan_amount is not None and delivered < loan_amount:
        deducted = _cited(view, "lending_interest_deducted",
                          stored_date(view.meta.get("filing_date")) or judgment_day(view.meta), decision)
        reasoning.append(
            f"关于借款本金，约定借款金额为{fmt.money(loan_amount)}元，实际出借金额为{fmt.money(delivered)}元。"
            f"依照{deducted.text}的规定，借据、收据、欠条等债权凭证载明的借款金额，一般认定为本金；"
            f"预先在本金中扣除利息的，人民法院应当将实际出借的金额认定为本金。故借款本金应认定为{fmt.money(delivered)}元。"
        )
        cite.append(deducted)
    repaid_principal = stored_decimal(view.value("repaid_principal")) or Decimal("0")
    claim_principal = stored_decimal(view.claimed("claim_principal"))
    granted_principal: Decimal | None = None
    interest_owed = Decimal("0")  # interest the ledger leaves unpaid on its last day
    per_loan: list[Any] = []  # ledger loans at different rates: their interest is ordered loan by loan
    result = None
    if view.pending("delivered_amount") or view.pending("loan_amount") or view.pending("repaid_principal"):
        decision.warnings.append("借款本金相关要素尚待认定，判项中的本金暂以“待认定”表示")
    elif (ledger := _apply_ledger(view, principal_base, debtor_list, decision)) is not None:
        # The judge's (or the complaint's) ledger: each payment applied on its day (民法典第五百六十、五百六十一条).
        result, through, ledger_loans = ledger
        granted_principal = result.details["principal_outstanding"]
        if claim_principal is not None:
            granted_principal = min(granted_principal, claim_principal)
        if len({loan.term_rate for loan in ledger_loans}) > 1:
            if granted_principal == result.details["principal_outstanding"]:
                per_loan = ledger_loans  # one interest order per loan, each at its own rate
            else:
                decision.warnings.append("各笔借款的约定利率不同，但原告主张的本金少于尚欠本金，利息判项按同一利率表述，请核对")
        interest_owed = result.details["interest_outstanding"]
        order_rule = _cited(view, "payment_order", through, decision)
        reasoning.append(
            f"关于还款，依照{order_rule.text}的规定，被告的每一笔还款按照实现债权的有关费用、利息、主债务的顺序抵充，"
            "利息以受法律保护的利率逐笔计算，抵充情况如下："
        )
        reasoning += _ledger_paragraphs(result)
        reasoning.append(
            f"故截至{fmt.date_text(through)}，被告尚欠本金{fmt.money(result.details['principal_outstanding'])}元、"
            f"利息{fmt.money(interest_owed)}元。"
        )
        cite.append(order_rule)
        if len(result.details["loans"]) > 1:
            cite.append(_cited(view, "payment_order_several_debts", through, decision))
        decision.repayments_applied_through = through
    elif principal_base is not None and (offset := _apply_repayments(view, principal_base, decision)) is not None:
        # Payments applied interest-first at the protected rate (民法典第五百六十一条); any excess
        # over the legal interest reduces the principal.
        granted_principal = offset.details["principal_outstanding"]
        if claim_principal is not None:
            granted_principal = min(granted_principal, claim_principal)
        paid_through = stored_date(view.value("last_repayment_date"))
        reasoning.append(
            f"关于还款，被告已付款项{fmt.money(offset.details['paid'])}元，依照{CIVIL_CODE}第五百六十一条的规定，"
            f"按照实现债权的有关费用、利息、主债务的顺序抵充，利息以受法律保护的利率计算："
            + "；".join(offset.steps[1:])
            + f"。故截至{fmt.date_text(paid_through)}，被告尚欠本金{fmt.money(granted_principal)}元。"
        )
        cite.append(f"{CIVIL_CODE}第五百六十一条")
        decision.repayments_applied_through = paid_through
    elif principal_base is not None:
        granted_principal = principal_base - repaid_principal
        if claim_principal is not None:
            granted_principal = min(granted_principal, claim_principal)
        if repaid_principal:
            reasoning.append(
                f"被告已归还本金{fmt.money(repaid_principal)}元，尚欠本金{fmt.money(granted_principal)}元。"
            )
    elif claim_principal is not None:
        granted_principal = claim_principal
    if claim_principal is not None and granted_principal is not None and granted_principal < claim_principal:
        rejected = True
    principal_text = f"{fmt.money(granted_principal)}元" if granted_principal is not None else "（待认定）元"

    orders: list[str] = []
    if claim_principal is not None:
        orders.append(f"{payers}归还原告{plaintiffs}借款本金{principal_text}")

    # Interest: the law in force for each day (interest_orders.py): the cap at contract formation
    # (第二十五条), two segments for an older contract (第三十一条), the LPR of the time for overdue
    # interest when nothing was agreed (第二十八条第二款第（一）项).
    law = view.system.law
    filing_date = stored_date(view.meta.get("filing_date"))
    rules_day = filing_date or judgment_day(view.meta)  # the 民间借贷规定 version: by the filing date
    contract_day = _contract_day(view, debtor_list, decision)
    interest_agreed = view.value("interest_agreed")
    term_rate = stored_decimal((view.value("interest_rate") or {}).get("annual_percent"))
    if interest_agreed is False:
        term_rate = None
    overdue_agreed = stored_decimal((view.value("overdue_rate") or {}).get("annual_percent"))
    term_end = stored_date(view.value("term_end"))
    delivery_day = stored_date(view.value("delivery_date"))
    granted_interest_amount = Decimal("0")
    claimed_interest_amount = Decimal("0")
    for element_id, what in (("claim_interest", "利息"), ("claim_overdue_interest", "逾期利息")):
        claim = view.claimed(element_id)
        if not claim:
            continue
        claimed_rate = stored_decimal((claim.get("rate") or {}).get("annual_percent"))
        stated = stored_decimal(claim.get("amount"))
        overdue = element_id == "claim_overdue_interest"
        if not overdue and interest_agreed is False:
            no_interest = _cited(view, "lending_no_interest_agreed", rules_day, decision)
            reasoning.append(
                f"关于{what}，双方未约定借期内利息，依照{no_interest.text}、{CIVIL_CODE}第六百八十条的规定，"
                f"原告主张借期内利息，本院不予支持。"
            )
            cite.append(f"{CIVIL_CODE}第六百八十条")
            rejected = True
            claimed_interest_amount += stated or Decimal("0")
            continue
        if per_loan and result is not None and not overdue and stated is None:
            claimed_base = stored_decimal(claim.get("base")) or claim_principal or granted_principal
            claim_start = stored_date(claim.get("start_date")) or delivery_day
            claim_end = stored_date(claim.get("end"))
            claimed_part, _ = _interest_for_fee(None, claimed_base, claimed_rate, None, [], claim_start,
                                                claim_end or filing_date, law)
            granted_part, reduced = _per_loan_orders(
                view, decision, orders, f"{payers}支付原告{plaintiffs}", per_loan, result, claimed_rate,
                claim_end, filing_date, rules_day,
            )
            claimed_interest_amount += claimed_part
            granted_interest_amount += granted_part
            rejected = rejected or reduced
            continue
        # 第二十八条第二款: overdue — the agreed overdue rate; else the term rate; else the LPR of the time.
        agreed = (overdue_agreed if overdue_agreed is not None else term_rate) if overdue else term_rate
        no_rate_at_all = (
            overdue and overdue_agreed is None and term_rate is None and interest_agreed is not True
            and not view.pending("interest_rate") and not view.pending("overdue_rate")
        )
        start = stored_date(claim.get("start_date"))
        notes: list[str] = []
        if start is None and not claim.get("start_date"):
            default = (term_end + timedelta(days=1)) if overdue and term_end else (None if overdue else delivery_day)
            if default is not None:
                start = default
                notes.append(
                    f"原告未写明{what}的起算日，{'自借款期限届满次日' if overdue else '自出借之日'}"
                    f"（{fmt.date_text(default)}）起计算"
                )
        paid_through = decision.repayments_applied_through
        if not overdue and paid_through and (start is None or start <= paid_through):
            start = paid_through + timedelta(days=1)  # interest to that day was settled above
        end = stored_date(claim.get("end"))
        overdue_start = (term_end + timedelta(days=1)) if term_end else start
        plan = plan_interest(
            claimed_rate=claimed_rate, agreed_rate=agreed, no_rate_agreed_overdue=no_rate_at_all,
            overdue_start=overdue_start, contract_day=contract_day, filing=filing_date, start=start, end=end, law=law,
        )
        decision.warnings += [w for w in plan.warnings if w not in decision.warnings]
        for concept in plan.concepts:
            cite.append(_cited(view, concept, rules_day, decision))
        if overdue:
            concept = "lending_overdue_term_rate" if overdue_agreed is None and term_rate is not None else "lending_overdue_interest"
            cite.append(_cited(view, concept, rules_day, decision))
        notes += [n.rstrip("。") for n in plan.notes]
        rejected = rejected or plan.reduced
        claimed_base = stored_decimal(claim.get("base")) or claim_principal or granted_principal
        base = claimed_base
        if base is not None and granted_principal is not None:
            base = min(base, granted_principal)  # interest runs on the principal the court finds
        until = end or filing_date
        if claimed_rate is None and stated is not None:
            # A stated amount (利息50,000元) is recomputed: the court grants the lower of it and the lawful sum.
            lawful = plan_amount(base, plan.segments, until, law) if base and until and plan.segments else None
            claimed_interest_amount += stated
            if lawful is None:
                orders.append(f"{payers}支付原告{plaintiffs}{what}（金额待认定）元")
                decision.warnings.append(f"原告主张的{what}{fmt.money(stated)}元无法核算（缺少基数、起算日、截止日或利率），请认定后核算")
                reasoning.append(f"关于{what}，" + "；".join([*notes, f"原告主张{what}{fmt.money(stated)}元，其计算依据待认定"]) + "。")
                continue
            granted = min(stated, lawful)
            period = f"自{fmt.date_text(plan.segments[0].start)}至{fmt.date_text(until)}"
            rates = "、".join(f"{fmt.percent(s.rate)}" for s in plan.segments)
            if lawful < stated:
                rejected = True
                verdict = f"原告主张的{fmt.money(stated)}元超过该数额，超过部分本院不予支持"
            else:
                verdict = f"原告主张的{fmt.money(stated)}元未超过该数额，本院予以支持"
            notes.append(
                f"原告主张{what}{fmt.money(stated)}元，经核算，以{fmt.money(base)}元为基数，{period}，按年利率{rates}计算，"
                f"受法律保护的{what}为{fmt.money(lawful)}元，{verdict}"
            )
            reasoning.append(f"关于{what}，" + "；".join(notes) + "。")
            orders.append(f"{payers}支付原告{plaintiffs}{what}{fmt.money(granted)}元")
            granted_interest_amount += granted
            continue
        if notes:
            reasoning.append(f"关于{what}，" + "；".join(notes) + "。")
        if not plan.segments:
            orders.append(f"{payers}支付原告{plaintiffs}{what}（计算方式待认定）")
            decision.warnings.append(f"{what}的利率无法确定，请认定约定利率")
            continue
        end_text = "至实际清偿之日止" if end is None else f"至{fmt.date_text(end)}止"
        repaid_interest = stored_decimal(view.value("repaid_interest")) if not overdue else None
        if paid_through or (delivery_day and start and start > delivery_day):
            repaid_interest = None  # applied above, or interest is claimed only after the period paid for
        deduct = f"，扣除被告已支付的利息{fmt.money(repaid_interest)}元" if repaid_interest else ""
        owed = ""
        if interest_owed and not overdue:
            owed = f"截至{fmt.date_text(paid_through)}尚欠的利息{fmt.money(interest_owed)}元，及"
            granted_interest_amount += interest_owed
        orders.append(
            f"{payers}支付原告{plaintiffs}{what}"
            f"（{owed}{formula_text(base, plan.segments, end_text)}{deduct}）"
        )
        if repaid_interest:
            reasoning.append(
                f"被告已支付的利息{fmt.money(repaid_interest)}元，依照{CIVIL_CODE}第五百六十一条的规定，"
                f"按照实现债权的有关费用、利息、主债务的顺序抵充，应从上述利息中扣除。"
            )
            cite.append(f"{CIVIL_CODE}第五百六十一条")
        claimed_part, granted_part = _interest_for_fee(
            stated, claimed_base, claimed_rate, base, plan.segments, start, until, law
        )
        claimed_interest_amount += claimed_part
        granted_interest_amount += granted_part

    # Costs of enforcing the claim: supported only when the parties agreed on them.
    costs = stored_decimal(view.claimed("claim_costs"))
    granted_costs = Decimal("0")
    if costs:
        if view.value("costs_agreed") is True:
            granted_costs = costs
            orders.append(f"{payers}支付原告{plaintiffs}律师费等实现债权的费用{fmt.money(costs)}元")
            contest = _contested_claim(view, "claim_costs", decision)
            reasoning.append(
                f"双方约定实现债权的费用由借款人承担，原告主张的费用{fmt.money(costs)}元，{contest}本院予以支持。"
            )
        else:
            rejected = True
            reasoning.append(f"双方未约定实现债权的费用由借款人承担，原告主张的费用{fmt.money(costs)}元，本院不予支持。")

    # Guarantee (guarantee.py): the mode and period by the guarantee's date, a company's resolution.
    if guarantors:
        released = guarantee_orders(view, decision, orders, guarantors, fmt.join_names(payer_names), _fact_day(view),
                                    _party_records(view))
        rejected = rejected or bool(released)
    else:
        released = []
    orders += spouse_orders
    cleared = [*released, *(spouses if view.value("joint_marital_debt") is False else [])]
    if cleared:  # a defendant against whom every claim is dismissed bears none of the fee
        decision.fee_defendants = [d for d in view.defendants if d not in cleared]

    if rejected:
        orders.append(f"驳回原告{plaintiffs}的其他诉讼请求")
        cite.append(_cited(view, "burden_of_proof", judgment_day(view.meta), decision))
    decision.orders = orders
    decision.monetary = claim_principal is not None or bool(granted_costs)
    claim_total = stored_decimal(view.claimed("claim_total"))
    claimed = (claim_principal or Decimal("0")) + claimed_interest_amount + (costs or Decimal("0"))
    decision.claimed_amount = claim_total or claimed
    if granted_principal is not None:
        decision.granted_amount = min(
            decision.claimed_amount, granted_principal + granted_interest_amount + granted_costs
        )
    return decision


def _interest_for_fee(
    stated: Decimal | None,
    claimed_base: Decimal | None,
    claimed_rate: Decimal | None,
    base: Decimal | None,
    segments: list[Segment],
    start: date | None,
    until: date | None,
    law: Any,
) -> tuple[Decimal, Decimal]:
    """Interest asked for and interest granted, to the claim's end (else the filing date), for the fee.

    Asked for: the amount the complaint states, else the formula at the claimed rate. Granted: the
    order's segments; when the period cannot be computed (no start), the stated amount (or nothing).
    """
    from engine.law.interest import days_inclusive, simple_interest

    computable = start is not None and until is not None and until >= start
    claimed = stated if stated is not None else Decimal("0")
    if stated is None and computable and claimed_rate is not None and claimed_base and start and until:
        claimed = simple_interest(claimed_base, claimed_rate, days_inclusive(start, until), law)
    granted = plan_amount(base, segments, until, law) if computable and base and until else None
    if granted is None and stated is not None and claimed_rate and segments:
        # No countable period (a start known only to the month): the stated amount scaled to the rate granted.
        granted = (stated * min(max(s.rate for s in segments), claimed_rate) / claimed_rate).quantize(Decimal("0.01"))
    if granted is None:
        granted = claimed
    return claimed, min(granted, claimed) if stated is not None else granted


def _apply_ledger(
    view: CaseView, principal: Decimal | None, borrowers: list[str], decision: Decision
) -> tuple[CalcResult, date, list[Any]] | None:
    """The ledgers (elements loans, repayments) applied payment by payment with lending_ledger; None when
    there is no ledger or it cannot be applied (the drafter is told why)."""
    from engine.law.interest import LedgerPayment, Loan, lending_ledger

    loan_rows, pay_rows = view.value("loans") or [], view.value("repayments") or []
    if view.pending("loans") or view.pending("repayments"):
        decision.warnings.append("借款明细或还款明细尚待认定，未按逐笔还款抵充")
        return None
    if not loan_rows and not pay_rows:
        return None
    term_rate = None if view.value("interest_agreed") is False else stored_decimal((view.value("interest_rate") or {}).get("annual_percent"))
    overdue_rate = stored_decimal((view.value("overdue_rate") or {}).get("annual_percent"))
    term_end = stored_date(view.value("term_end"))
    natural = _natural_persons(view, [*(view.value("lenders") or view.plaintiffs), *borrowers])
    contract = view.value("contract_date")
    pays: list[LedgerPayment] = []
    for index, row in enumerate(pay_rows, 1):
        day, amount = stored_date(row.get("date")), stored_decimal(row.get("amount"))
        if day is None or amount is None:
            decision.warnings.append(f"还款明细第{index}笔缺少完整的日期或金额，未按逐笔还款抵充")
            return None
        pays.append(LedgerPayment(day, amount, str(row["to_loan"]) if row.get("to_loan") else None))
    last_day = max((p.day for p in pays), default=None)
    specs = loan_rows or [{"date": view.value("delivery_date"), "amount": principal}]
    loans: list[Loan] = []
    for index, row in enumerate(specs, 1):
        day, amount = stored_date(row.get("date")), stored_decimal(str(row["amount"]) if row.get("amount") is not None else None)
        if day is None or amount is None:
            decision.warnings.append(f"借款明细第{index}笔缺少完整的出借日期或金额，未按逐笔还款抵充")
            return None
        rate = stored_decimal((row.get("rate") or {}).get("annual_percent")) or term_rate
        due = stored_date(row.get("term")) or term_end
        if due is None or due < day:
            due = max(day, last_day or day)
        formed: date | str = day if natural or not isinstance(contract, str) else (
            contract if len(contract) == 7 else stored_date(contract) or day)
        loans.append(Loan(str(index), amount, day, due, rate, overdue_rate, contract_date=formed))
    end = max([*(p.day for p in pays), *(loan.loan_date for loan in loans)])
    try:
        result = lending_ledger(loans, pays, end, filing_date=stored_date(view.meta.get("filing_date")), law=view.system.law)
    except YaosuError as exc:
        decision.warnings.append(f"无法按还款明细逐笔抵充：{exc.message}")
        return None
    return result, end, loans


def _per_loan_orders(
    view: CaseView, decision: Decision, orders: list[str], head: str, loans: list[Any], result: CalcResult,
    claimed_rate: Decimal | None, end: date | None, filing: date | None, rules_day: date,
) -> tuple[Decimal, bool]:
    """One interest order per ledger loan when their agreed rates differ: interest still owed on the
    ledger's last day, then each loan's outstanding principal at its own rate within the cap in force
    (第二十五、三十一条, per loan: interest_orders.plan_interest). Returns (interest granted to the
    claim's end or the filing date, for the fee; whether less than the rate claimed is granted)."""

    law = view.system.law
    through = decision.repayments_applied_through
    start = through + timedelta(days=1) if through else None
    end_text = "至实际清偿之日止" if end is None else f"至{fmt.date_text(end)}止"
    until = end or filing
    granted, reduced = Decimal("0"), False
    decision.reasoning.append("各笔借款约定的利率不同，利息按各笔借款的本金、利率分别计算。")
    for loan in loans:
        state = result.details["loans"][loan.id]
        base, owed = state["principal_outstanding"], state["interest_outstanding"]
        if base <= 0 and owed <= 0:
            continue
        what = f"借款{loan.id}（{fmt.date_text(loan.loan_date)}出借的{fmt.money(loan.principal)}元）的利息"
        if base <= 0:
            orders.append(f"{head}{what}{fmt.money(owed)}元")
            granted += owed
            continue
        plan = plan_interest(
            claimed_rate=claimed_rate, agreed_rate=loan.term_rate, no_rate_agreed_overdue=False,
            overdue_start=loan.due_date + timedelta(days=1), contract_day=loan.contract_date, filing=filing,
            start=start, end=end, law=law,
        )
        decision.warnings += [w for w in plan.warnings if w not in decision.warnings]
        for concept in plan.concepts:
            decision.citations.append(_cited(view, concept, rules_day, decision))
        if plan.notes:
            decision.reasoning.append(f"关于借款{loan.id}的利息，" + "；".join(n.rstrip("。") for n in plan.notes) + "。")
        reduced = reduced or plan.reduced
        if not plan.segments:
            orders.append(f"{head}{what}（计算方式待认定）")
            decision.warnings.append(f"借款{loan.id}的利率无法确定，请认定约定利率")
            continue
        lead = f"截至{fmt.date_text(through)}尚欠的利息{fmt.money(owed)}元，及" if owed > 0 else ""
        orders.append(f"{head}{what}（{lead}{formula_text(base, plan.segments, end_text)}）")
        granted += owed
        if until and start and until >= start:
            granted += plan_amount(base, plan.segments, until, law) or Decimal("0")
    return granted, reduced


def _ledger_paragraphs(result: CalcResult) -> list[str]:
    """The ledger as paragraphs of 本院认为: the loans, the interest accrued, one line per payment."""
    out = [f"利息计算：{step}" for step in result.steps if step.startswith("借款") and "×" in step]
    for row in result.details["ledger"]:
        line = (
            f"{fmt.date_text(row['date'])}还款{fmt.money(row['payment'])}元：抵充利息{fmt.money(row['to_interest'])}元、"
            f"本金{fmt.money(row['to_principal'])}元，尚欠本金{fmt.money(row['principal_outstanding'])}元、"
            f"利息{fmt.money(row['interest_outstanding'])}元"
        )
        if row["to_costs"]:
            line += f"（另抵充实现债权的费用{fmt.money(row['to_costs'])}元）"
        if row["excess"]:
            line += f"，多付{fmt.money(row['excess'])}元"
        out.append(line + "。")
    return out


def _apply_repayments(view: CaseView, principal: Decimal, decision: Decision) -> CalcResult | None:
    """Outstanding principal after the defendant's payments, applied by 第五百六十一条 at the capped rate.

    Only the total paid and the last payment date are elements, so the payments are applied as one
    payment on that date; the drafter is told to check the figure against the payment record.
    """
    from engine.law.interest import Repayment, private_lending_claim

    paid = (stored_decimal(view.value("repaid_interest")) or Decimal("0")) + (stored_decimal(view.value("repaid_principal")) or Decimal("0"))
    last_paid = stored_date(view.value("last_repayment_date"))
    loan_day = stored_date(view.value("delivery_date"))
    if paid <= 0 or last_paid is None or loan_day is None or last_paid < loan_day:
        return None
    if any(view.pending(e) for e in ("repaid_interest", "repaid_principal", "last_repayment_date", "interest_rate")):
        return None
    rate = stored_decimal((view.value("interest_rate") or {}).get("annual_percent"))
    if view.value("interest_agreed") is False:
        rate = None
    due = stored_date(view.value("term_end")) or last_paid
    try:
        result = private_lending_claim(
            principal,
            loan_day,
            max(due, loan_day),
            last_paid,
            term_rate=rate,
            contract_date=stored_date(view.value("contract_date")) or loan_day,
            filing_date=stored_date(view.meta.get("filing_date")),
            repayments=[Repayment(last_paid, paid)],
        )
    except YaosuError as exc:
        decision.warnings.append(f"无法按还款顺序抵充：{exc.message}")
        return None
    if result.details["interest_outstanding"] > 0:
        return None  # payments did not even cover the interest: nothing reaches the principal
    result.details["paid"] = paid
    decision.warnings.append(
        f"已付款项{fmt.money(paid)}元按最后一次还款日（{fmt.date_text(last_paid)}）一次抵充计算，请对照还款明细核对本金"
    )
    return result


_CO_BORROWERS = {
    "joint": ("连带", "joint_debt", "系共同借款人，依照{rule}的规定，应当对借款承担连带清偿责任"),
    "shared": ("共同", "spouse_joint_debt", "所负借款系夫妻共同债务，依照{rule}的规定，应当共同偿还"),
    "several": ("按份", "several_debt", "依照{rule}的规定，按照各自的份额承担还款责任"),
}


def _spouse_liability(
    view: CaseView, debtors: list[str], spouses: list[str], decision: Decision
) -> tuple[list[str], str, list[str]]:
    """(who pays, the head of every money order, orders to add at the end) with the spouse sued for a
    夫妻共同债务 (民法典第一千零六十四条): found joint → 共同偿还 with the borrower; found not joint → the
    claim against the spouse is dismissed; not yet found → the borrower pays, the spouse's part pending."""
    from engine.casetypes.private_lending.guarantee import defence_raised
    from engine.drafting.build import REASON_PENDING, answer_words

    if not spouses:
        return debtors, _payers(view, debtors, decision), []
    plaintiffs, names, borrower = fmt.join_names(view.plaintiffs), fmt.join_names(spouses), fmt.join_names(debtors)
    joint = view.value("joint_marital_debt")
    if joint is None:
        decision.warnings.append(
            f"被告{names}是否与被告{borrower}共同偿还，请认定借款是否属于夫妻共同债务（joint_marital_debt）"
        )
        return debtors, _payers(view, debtors, decision), [
            f"被告{names}对上述债务是否承担共同偿还责任（是否属于夫妻共同债务）待认定"
        ]
    raised = defence_raised(view, "spouse_not_liable")
    words = answer_words(view, "spouse_not_liable") if raised else ""
    reasons = view.case.get("reasons") or {}
    reason = ((reasons.get("joint_marital_debt") or reasons.get("spouse_not_liable") or "").strip().rstrip("。"))
    if not reason and raised:
        reason = REASON_PENDING
        decision.warnings.append("被告配偶主张非夫妻共同债务，请写明认定理由（yaosu find --reason joint_marital_debt=…）")
    lead = f"关于被告{names}的责任，原告主张涉案借款系被告{borrower}与被告{names}的夫妻共同债务"
    if raised:
        lead += f"，被告{names}辩称不属于夫妻共同债务{f'（{words}）' if words else ''}"
    said = f"本院认为，{reason}，" if reason else "本院认为，"
    if joint:
        rule = _cited(view, "spouse_joint_debt", _fact_day(view), decision)
        decision.citations.append(rule)
        decision.reasoning.append(
            f"{lead}。{said}涉案借款属于夫妻共同债务，依照{rule.text}的规定，被告{names}应与被告{borrower}共同偿还。"
        )
        payers = [*debtors, *spouses]
        return payers, f"被告{fmt.join_names(payers)}于本判决生效之日起十日内共同", []
    rule = _cited(view, "spouse_debt_not_joint", _fact_day(view), decision)
    decision.citations.append(rule)
    decision.reasoning.append(
        f"{lead}。{said}涉案借款不属于夫妻共同债务，依照{rule.text}的规定，原告要求被告{names}共同偿还的诉讼请求，"
        "本院不予支持。"
    )
    return debtors, _payers(view, debtors, decision), [f"驳回原告{plaintiffs}对被告{s}的诉讼请求" for s in spouses]


def _payers(view: CaseView, debtors: list[str], decision: Decision) -> str:
    """被告A、B于本判决生效之日起十日内连带 / 共同 / 按份 — how co-borrowers answer, said in every order."""
    names = fmt.join_names(debtors)
    head = f"被告{names}于本判决生效之日起十日内"
    if len(debtors) < 2:
        return head
    mode = view.value("co_borrower_liability")
    if mode is None and view.value("spouse_joint_debt") is True:
        mode = "shared"
    if mode not in _CO_BORROWERS:
        decision.warnings.append(f"借款人有{len(debtors)}人，其责任方式（连带、共同或按份）尚待认定")
        return head + "（责任方式待认定）"
    word, concept, sentence = _CO_BORROWERS[mode]
    try:
        rule = _cited(view, concept, _fact_day(view), decision)
        decision.citations.append(rule)
        rule_text = rule.text
    except YaosuError:  # a debt before the 民法典: the article of the time is for the drafter
        rule_text = "当时的法律"
        decision.warnings.append(f"{names}的债务发生于民法典施行前，共同借款人责任的法律依据请核对")
    decision.reasoning.append(f"被告{names}" + sentence.format(rule=rule_text) + "。")
    if mode == "several":
        decision.warnings.append("按份责任：请在判项中写明各借款人的份额")
    return head + word


def _contested_claim(view: CaseView, element_id: str, decision: Decision) -> str:
    """被告对此有异议（its words），本院认为：the judge's reason — for a request contested in words even
    when the figures match (律师费过高); "" when the request is not contested."""
    from engine.drafting.build import REASON_PENDING, answer_words

    state = (view.case.get("elements") or {}).get(element_id) or {}
    if state.get("status") != "disputed":
        return ""
    words = answer_words(view, element_id)
    reason = ((view.case.get("reasons") or {}).get(element_id) or "").strip().rstrip("。")
    if not reason:
        reason = REASON_PENDING
        decision.warnings.append(f"被告对{view.label(element_id)}有异议，请写明处理理由（yaosu find --reason {element_id}=…）")
    return f"被告对此有异议{f'（{words}）' if words else ''}，本院认为，{reason}，故"


def _party_records(view: CaseView) -> dict[str, dict[str, Any]]:
    records: dict[str, dict[str, Any]] = {}
    for role in ("plaintiffs", "defendants"):
        for party in view.value(role) or view.claimed(role) or []:
            if isinstance(party, dict):
                records[party["name"]] = party
    return records


def _natural_persons(view: CaseView, names: list[str]) -> bool:
    records = _party_records(view)
    return bool(names) and all((records.get(n) or {}).get("kind", "natural") == "natural" for n in names)


def _contract_day(view: CaseView, borrowers: list[str], decision: Decision) -> date | str | None:
    """The day the loan contract was formed, for the cap: between natural persons the day the money was
    delivered (民法典第六百七十九条), else the contract date, else the loan date. "YYYY-MM" when only the
    month is known (the cap takes the lowest of that month, interest_orders.py)."""

    def known(value: Any) -> date | str | None:
        if isinstance(value, str) and len(value) == 10:
            return date.fromisoformat(value)
        return value if isinstance(value, str) and len(value) == 7 else None

    contract, delivery = known(view.value("contract_date")), known(view.value("delivery_date"))
    lenders = view.value("lenders") or view.plaintiffs
    if delivery is not None and _natural_persons(view, [*lenders, *borrowers]):
        if contract is not None and contract != delivery:
            day = delivery if isinstance(delivery, date) else date.fromisoformat(delivery + "-01")
            rule = _cited(view, "natural_person_loan_formed", day, decision)
            decision.reasoning.append(
                f"关于借款合同成立的时间，出借人与借款人均为自然人，依照{rule.title}{rule.article}的规定，"
                f"自然人之间的借款合同自贷款人提供借款时成立。借款虽约定于{fmt.date_text(str(contract))}，"
                f"但借款于{fmt.date_text(str(delivery))}提供，合同于该日成立，受法律保护的利率上限以该日为准。"
            )
            decision.citations.append(rule)
        return delivery
    return contract if contract is not None else delivery


def _fact_day(view: CaseView) -> date:
    """The day the (guarantee) contract was made, for the law in force: the contract date, else the loan
    date; a date known only to the month counts from the month's first day; unknown → today, warned."""
    for element_id in ("contract_date", "delivery_date"):
        value = view.value(element_id)
        if isinstance(value, str) and len(value) >= 7:
            return date.fromisoformat(value if len(value) == 10 else value + "-01")
    return date.today()


def _cited(view: CaseView, concept: str, day: date, decision: Decision) -> Any:
    """The article in force on `day` (`cite_in_force`: unverified ones named, missing ones left blank)."""
    return cite_in_force(view, concept, day, decision)

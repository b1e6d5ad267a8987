"""民间借贷 interest: the rate cap, term and overdue interest, repayments.

Day count (parameters/private_lending.yaml: year_days, day_count_inclusive; also stated in every
result's steps): both the first and the last day are counted, and a year has 365 days, leap years
included — interest = principal × annual rate × days ÷ 365.
Rounding: each segment's amount is rounded half up to the cent (engine.law.result).

Every figure comes from LawData (parameters/): the 2015 protected line (24%), the LPR multiple (4×) and
the day the 2020 rules took effect (its first day, 2020-08-20) from private_lending.yaml; the LPR from
lpr_1y.yaml; the articles from citations.yaml, by the filing date for the 民间借贷规定 version (today
when no filing date is given) and by the date of the facts for 民法典 / 合同法. The rules, in the
numbering of the current text (2020年第二次修正, FACTS.md §5):
* 第二十五条: the agreed rate is protected up to four times the one-year LPR at contract formation
  (the latest quotation on or before that day, FACTS §5.4 note);
* 第二十八条: overdue interest — agreed overdue rate within the cap; none agreed: (一) no rate at all →
  the one-year LPR of that time, (二) a term rate only → the term rate;
* 第二十九条: overdue interest + 违约金 + other fees together within the cap;
* 第三十一条 (transition, traffic_sales_labour.md §E): a contract formed before 2020-08-20 in a case
  accepted after that day — up to 2020-08-19 the 2015 rule (24%), from 2020-08-20 four times the
  one-year LPR at filing. Cases accepted before 2020-08-20 follow the 2015 rules throughout.
* 民法典第六百八十条: no interest agreed → no interest; 第五百六十一条: a payment goes to costs, then
  interest, then principal.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from engine.errors import E, YaosuError
from engine.law.citations import Citation
from engine.law.lawdata import LawData, law_or_default
from engine.law.parameters import STATUS_ZH, ParameterValue
from engine.law.result import CalcResult, fmt_date, fmt_money, fmt_plain, fmt_rate, money
from engine.registry import calculator

ONE_DAY = timedelta(days=1)


def days_inclusive(start: date, end: date) -> int:
    if end < start:
        raise YaosuError(E.E580, end_isoformat=end.isoformat(), start_isoformat=start.isoformat())
    return (end - start).days + 1


def year_days(law: LawData | None = None) -> ParameterValue:
    """Days in an interest year (a project policy, parameters/private_lending.yaml)."""
    law = law_or_default(law)
    if law.constant_text("day_count_inclusive") != "both":
        raise YaosuError(
            E.E581, law_constants_path=law.constants.path, value=law.constant_text('day_count_inclusive')
        )
    return law.constant("year_days")


def day_count_text(law: LawData | None = None) -> str:
    days = fmt_plain(year_days(law).value)
    return f"计息天数起止日均计入，每年按{days}天计算（闰年亦同）：利息 = 本金 × 年利率 × 天数 ÷ {days}"


def simple_interest(
    principal: Decimal, rate_percent: Decimal, days: int, law: LawData | None = None
) -> Decimal:
    return money(principal * rate_percent / 100 * days / year_days(law).value)


def new_rules_day(law: LawData | None = None) -> date:
    """First day of the 2020 rules (the LPR-multiple cap): 2020-08-20 in parameters/private_lending.yaml."""
    return law_or_default(law).first_day("lpr_multiple")


@dataclass(frozen=True)
class CapRule:
    """The protected annual rate from ``start`` (None = from the beginning) on."""

    start: date | None
    rate: Decimal
    label: str  # short rule name for segments
    explanation: str  # base × factor = cap, with the LPR date
    citations: tuple[str, ...]
    combined_citation: str
    lpr: ParameterValue | None = None
    used: tuple[ParameterValue | Citation, ...] = ()  # provenance: constants and articles behind it


@dataclass(frozen=True)
class _Context:
    """The law data and the reference day for the 民间借贷规定 version (filing date, else today)."""

    law: LawData
    cite_on: date

    def cite(self, concept: str, on: date | None = None) -> Citation:
        return self.law.cite(concept, on or self.cite_on)

    def text(self, citation: Citation) -> str:
        """A version no longer in force on the reference day is cited with its edition (2015年)."""
        if citation.end is not None and citation.end < self.cite_on:
            return citation.text_with_edition
        return citation.text


def _context(law: LawData | None, filing_date: date | None) -> _Context:
    return _Context(law_or_default(law), filing_date or date.today())


def _multiple_of_lpr(
    ctx: _Context, on: date, what: str
) -> tuple[Decimal, str, ParameterValue, ParameterValue]:
    lpr = ctx.law.lpr_1y(on)
    multiple = ctx.law.constant("lpr_multiple", on)
    cap = lpr.value * multiple.value
    m = fmt_plain(multiple.value)
    text = (
        f"{what}{fmt_date(on)}，当日或之前最近一期（{fmt_date(lpr.effective or on)}公布）一年期LPR为{fmt_rate(lpr.value)}，"
        f"上限 = {m} × {fmt_rate(lpr.value)} = {fmt_rate(cap)}"
    )
    if not lpr.verified:
        text += "（该LPR数值未经核实，须核对）"
    return cap, text, lpr, multiple


def _cap_rules(
    ctx: _Context, contract_date: date, filing_date: date | None, period_end: date | None = None
) -> list[CapRule]:
    if filing_date is not None and filing_date < contract_date:
        raise YaosuError(
            E.E582, filing_date_isoformat=filing_date.isoformat(), contract_date_isoformat=contract_date.isoformat()
        )
    new_day = new_rules_day(ctx.law)
    last_old_day = new_day - ONE_DAY
    old_cap = ctx.law.constant("protected_rate_percent", last_old_day)
    new_day_text = fmt_date(new_day)
    if filing_date is not None and filing_date < new_day:
        # Cases accepted before the 2020 rules keep the 2015 rules (FACTS §5.3).
        cap_c = ctx.cite("lending_interest_cap", filing_date)
        combined = ctx.cite("lending_combined_cap", filing_date)
        return [
            CapRule(
                None,
                old_cap.value,
                f"{cap_c.edition}规定的上限",
                f"起诉于{fmt_date(filing_date)}，早于{new_day_text}，适用{cap_c.edition}规定，"
                f"受保护的年利率上限为{fmt_plain(old_cap.value)}%",
                (ctx.text(cap_c),),
                ctx.text(combined),
                used=(old_cap, cap_c, combined),
            )
        ]
    cap_c = ctx.cite("lending_interest_cap")
    combined = ctx.cite("lending_combined_cap")
    if contract_date >= new_day:
        cap, text, lpr, multiple = _multiple_of_lpr(ctx, contract_date, "合同成立于")
        return [
            CapRule(
                None,
                cap,
                f"合同成立时一年期LPR{fmt_plain(multiple.value)}倍的上限",
                text,
                (ctx.text(cap_c),),
                ctx.text(combined),
                lpr,
                (multiple, cap_c, combined),
            )
        ]
    # Contract before the 2020 rules, case accepted after: split at their first day (第三十一条).
    transition = ctx.cite("lending_transition")
    old_cap_c = ctx.cite("lending_interest_cap", last_old_day)
    old_combined = ctx.cite("lending_combined_cap", last_old_day)
    before = CapRule(
        None,
        old_cap.value,
        f"{old_cap_c.edition}规定的上限",
        f"合同成立于{fmt_date(contract_date)}，早于{new_day_text}：{fmt_date(last_old_day)}之前的利息适用"
        f"{old_cap_c.edition}规定，上限为年利率{fmt_plain(old_cap.value)}%",
        (ctx.text(transition), ctx.text(old_cap_c)),
        ctx.text(old_combined),
        used=(old_cap, transition, old_cap_c, old_combined),
    )
    if filing_date is None:
        if period_end is not None and period_end < new_day:
            return [before]
        raise YaosuError(
            E.E583, contract_date_isoformat=contract_date.isoformat(), new_day_text=new_day_text, ctx_text_transition=ctx.text(transition)
        )
    cap, text, lpr, multiple = _multiple_of_lpr(ctx, filing_date, "起诉于")
    after = CapRule(
        new_day,
        cap,
        f"起诉时一年期LPR{fmt_plain(multiple.value)}倍的上限",
        f"{new_day_text}起的利息：" + text,
        (ctx.text(transition), ctx.text(cap_c)),
        ctx.text(combined),
        lpr,
        (multiple, transition, cap_c, combined),
    )
    return [before, after]


def cap_rules(
    contract_date: date,
    filing_date: date | None,
    period_end: date | None = None,
    law: LawData | None = None,
) -> list[CapRule]:
    """The cap rules that govern interest for a contract, in date order."""
    return _cap_rules(_context(law, filing_date), contract_date, filing_date, period_end)


@dataclass(frozen=True)
class ContractDay:
    """The contract date used for the cap, and what was said about choosing it."""

    day: date
    steps: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()


def resolve_contract_date(
    contract_date: date | str,
    filing_date: date | None,
    period_end: date | None = None,
    law: LawData | None = None,
) -> ContractDay:
    """A full date, or "YYYY-MM" when only the month is known: then the day of that month with the
    lowest cap (the cap depends on the LPR in force on the contract day, which can change on the
    fixing day within the month), with a warning. A month containing the day the 2020 rules took
    effect is an error: the rules themselves differ within it.
    """
    if isinstance(contract_date, date):
        return ContractDay(contract_date)
    text = str(contract_date).strip()
    try:
        year, month = (int(part) for part in text.split("-"))
        first = date(year, month, 1)
    except ValueError:
        raise YaosuError(E.E591, text=text) from None
    last = (first.replace(day=28) + timedelta(days=4)).replace(day=1) - ONE_DAY
    if filing_date is not None and filing_date < last:
        last = max(filing_date, first)
    law = law_or_default(law)
    new_day = new_rules_day(law)
    if first < new_day <= last:
        raise YaosuError(
            E.E584, year=year, month=month, fmt_date_new_day=fmt_date(new_day)
        )
    candidates = [first, *law.table("lpr_1y").changes_between(first, last)]
    ctx = _context(law, filing_date)
    best: tuple[Decimal, date] | None = None
    for day in candidates:
        rate = max(rule.rate for rule in _cap_rules(ctx, day, filing_date, period_end))
        if best is None or rate < best[0]:
            best = (rate, day)
    assert best is not None
    day = best[1]
    note = (
        f"合同成立日只知为{year}年{month}月，按该月内利率上限最低的一日（{fmt_date(day)}，上限{fmt_rate(best[0])}）"
        "计算；请核实具体日期"
    )
    return ContractDay(day, (note,), (note,))


def _rule_on(rules: list[CapRule], day: date) -> CapRule:
    chosen = rules[0]
    for rule in rules:
        if rule.start is None or rule.start <= day:
            chosen = rule
    return chosen


def _add_citations(citations: list[str], *items: str) -> None:
    for item in items:
        if item not in citations:
            citations.append(item)


def _lpr_warnings(rules: Iterable[CapRule | ParameterValue | None]) -> list[str]:
    out = []
    for item in rules:
        lpr = item.lpr if isinstance(item, CapRule) else item
        if lpr is not None and not lpr.verified:
            out.append(
                f"{fmt_date(lpr.effective or date.min)}一年期LPR {fmt_rate(lpr.value)} 未核实"
                f"（{STATUS_ZH.get(lpr.status, lpr.status)}），须核对"
            )
    return out


def _rule_parameters(rules: Iterable[CapRule]) -> list[ParameterValue | Citation]:
    out: list[ParameterValue | Citation] = []
    for rule in rules:
        if rule.lpr is not None:
            out.append(rule.lpr)
        out += rule.used
    return out


@calculator("interest_cap", version=1)
def interest_cap(
    contract_date: date | str, filing_date: date | None = None, *, law: LawData | None = None
) -> CalcResult:
    """The protected annual rate (percent) for a contract; ``amount`` is the cap now in force.

    ``contract_date`` may be "YYYY-MM" when only the month is known (see resolve_contract_date).
    """
    contract = resolve_contract_date(contract_date, filing_date, law=law)
    rules = cap_rules(contract.day, filing_date, law=law)
    steps = [*contract.steps, *(rule.explanation for rule in rules)]
    citations: list[str] = []
    for rule in rules:
        _add_citations(citations, *rule.citations)
    last = rules[-1]
    return CalcResult(
        amount=last.rate,
        steps=steps,
        citations=citations,
        details={
            "caps": [
                {
                    "from": rule.start,
                    "rate": rule.rate.quantize(Decimal("0.01")),
                    "rule": rule.label,
                    "lpr": None if rule.lpr is None else rule.lpr.value,
                    "lpr_date": None if rule.lpr is None else rule.lpr.effective,
                }
                for rule in rules
            ],
            "cap": last.rate.quantize(Decimal("0.01")),
        },
        warnings=[*contract.warnings, *_lpr_warnings(rules)],
        calculator="interest_cap.v1",
    ).record(*_rule_parameters(rules))


def _split(start: date, end: date, breaks: Iterable[date]) -> list[tuple[date, date]]:
    """[start, end] cut before each break day (a break day starts a new segment)."""
    cuts = sorted({b for b in breaks if start < b <= end})
    out = []
    current = start
    for cut in cuts:
        out.append((current, cut - ONE_DAY))
        current = cut
    out.append((current, end))
    return out


@calculator("private_lending_interest", version=1)
def private_lending_interest(
    principal: Decimal,
    start: date,
    end: date,
    rate_percent: Decimal,
    contract_date: date | str | None = None,
    filing_date: date | None = None,
    *,
    law: LawData | None = None,
) -> CalcResult:
    """Interest on ``principal`` from ``start`` to ``end`` at an agreed annual rate, within the cap."""
    law = law_or_default(law)
    principal, rate_percent = Decimal(principal), Decimal(rate_percent)
    if principal <= 0:
        raise YaosuError(E.E585, principal=principal)
    if rate_percent < 0:
        raise YaosuError(E.E586, rate_percent=rate_percent)
    total_days = days_inclusive(start, end)
    basis = year_days(law)
    steps = [day_count_text(law)]
    if contract_date is None:
        contract_date = start
        steps.append(f"未提供合同成立日，以起息日{fmt_date(start)}为合同成立日")
    contract = resolve_contract_date(contract_date, filing_date, end, law)
    steps += contract.steps
    rules = cap_rules(contract.day, filing_date, end, law)
    steps += [rule.explanation for rule in rules]
    citations: list[str] = []
    segments: list[dict[str, Any]] = []
    total = Decimal(0)
    capped = False
    days_text = fmt_plain(basis.value)
    for seg_start, seg_end in _split(start, end, [r.start for r in rules if r.start is not None]):
        rule = _rule_on(rules, seg_start)
        _add_citations(citations, *rule.citations)
        days = days_inclusive(seg_start, seg_end)
        over = rate_percent > rule.rate
        capped = capped or over
        applied = rule.rate if over else rate_percent
        amount = simple_interest(principal, applied, days, law)
        total += amount
        label = (
            f"约定年利率{fmt_rate(rate_percent)}超过{rule.label}，按{fmt_rate(rule.rate)}计算"
            if over
            else (f"约定年利率{fmt_rate(rate_percent)}，未超过{rule.label}{fmt_rate(rule.rate)}")
        )
        steps.append(
            f"{fmt_date(seg_start)}至{fmt_date(seg_end)}共{days}天：{fmt_plain(principal)} × {fmt_rate(applied)} × "
            f"{days} ÷ {days_text} = {fmt_money(amount)}（{label}）"
        )
        segments.append(
            {
                "start": seg_start,
                "end": seg_end,
                "days": days,
                "rate": applied.quantize(Decimal("0.01")),
                "amount": amount,
                "rule": label,
                "cap": rule.rate.quantize(Decimal("0.01")),
            }
        )
    if len(segments) > 1:
        steps.append("合计：" + " + ".join(str(s["amount"]) for s in segments) + f" = {fmt_money(total)}")
    return CalcResult(
        amount=total,
        steps=steps,
        citations=citations,
        details={
            "days": total_days,
            "segments": segments,
            "cap": rules[-1].rate.quantize(Decimal("0.01")),
            "capped": capped,
        },
        warnings=[*contract.warnings, *_lpr_warnings(rules)],
        calculator="private_lending_interest.v1",
    ).record(*_rule_parameters(rules), basis)


def _old_rules_on(day: date, filing_date: date | None, new_day: date) -> bool:
    """Interest for ``day`` follows the 2015 rules: the case was filed before the 2020 rules, or the day
    is before them (第三十一条: interest to 2020-08-19 of an older contract)."""
    return (filing_date is not None and filing_date < new_day) or day < new_day


def _overdue_without_rates(
    ctx: _Context, filing_date: date | None, overdue_start: date, day: date
) -> tuple[Decimal, str, list[ParameterValue | Citation], str]:
    """Overdue rate when neither a term nor an overdue rate was agreed, for interest on ``day``:
    (rate, explanation, figures used, citation text). Under the 2015 rules 第二十九条: 6% a year
    (FACTS §9.6); under the current 第二十八条第二款第（一）项: the one-year LPR of the time (at the
    start of the overdue period, or on the first day of the 2020 rules for an older contract).
    """
    law = ctx.law
    new_day = new_rules_day(law)
    if _old_rules_on(day, filing_date, new_day):
        on = filing_date if filing_date is not None and filing_date < new_day else new_day - ONE_DAY
        six = law.constant("overdue_rate_no_agreement_percent", min(day, new_day - ONE_DAY))
        rule_c = law.cite("lending_overdue_no_rate_agreed", on)
        label = f"未约定借期内利率和逾期利率，按{rule_c.edition}规定的年利率{fmt_plain(six.value)}%，依{ctx.text(rule_c)}"
        return six.value, label, [six, rule_c], ctx.text(rule_c)
    rule_c = ctx.cite("lending_overdue_no_rate_agreed")
    if rule_c.effect != "lpr_of_the_time":
        raise YaosuError(
            E.E587, ctx_text_rule_c=ctx.text(rule_c), rule_c_edition=rule_c.edition, value=rule_c.note or rule_c.source
        )
    lpr = law.lpr_1y(max(overdue_start, new_day))
    label = (
        f"未约定借期内利率和逾期利率，自逾期之日起参照当时一年期LPR {fmt_rate(lpr.value)}"
        f"，{fmt_date(lpr.effective or overdue_start)}公布，依{rule_c.article}"
    )
    return lpr.value, label, [lpr, rule_c], ctx.text(rule_c)


def overdue_rate_without_agreement(
    overdue_start: date, day: date, filing_date: date | None, *, law: LawData | None = None
) -> tuple[Decimal, str, str]:
    """The overdue rate for interest on ``day`` when neither a term nor an overdue rate was agreed:
    (annual percent, explanation, citation text) — 6% under the 2015 rules, the one-year LPR of the
    time under the current 第二十八条第二款第（一）项 (see _overdue_without_rates)."""
    rate, label, _, cited = _overdue_without_rates(_context(law, filing_date), filing_date, overdue_start, day)
    return rate, label, cited


@dataclass(frozen=True)
class Repayment:
    day: date
    amount: Decimal


@calculator("private_lending_claim", version=1)
def private_lending_claim(
    principal: Decimal,
    loan_date: date,
    due_date: date,
    end: date,
    *,
    term_rate: Decimal | None = None,
    overdue_rate: Decimal | None = None,
    penalty_rate: Decimal | None = None,
    other_fees: Decimal = Decimal(0),
    costs: Decimal = Decimal(0),
    repayments: Iterable[Repayment] = (),
    contract_date: date | str | None = None,
    filing_date: date | None = None,
    law: LawData | None = None,
) -> CalcResult:
    """Term and overdue interest with repayments, up to ``end`` (both days counted).

    * ``term_rate``: agreed annual % for the term; None = no interest agreed (民法典第六百八十条).
    * ``overdue_rate``: agreed annual overdue %; None = not agreed (第二十八条 decides).
    * ``penalty_rate``: agreed 违约金 as an annual % of the overdue principal; ``other_fees``: other
      charges claimed for the overdue period (both within the combined cap of 第二十九条).
    * ``costs``: 实现债权的有关费用 already incurred, paid first by any repayment (第五百六十一条).

    ``amount`` is everything outstanding at ``end``: principal, interest, 违约金, fees and costs.
    """
    principal = Decimal(principal)
    if principal <= 0:
        raise YaosuError(E.E585, principal=principal)
    if due_date < loan_date:
        raise YaosuError(E.E588, due_date_isoformat=due_date.isoformat(), loan_date_isoformat=loan_date.isoformat())
    days_inclusive(loan_date, end)
    for name, value in (
        ("借期内利率", term_rate),
        ("逾期利率", overdue_rate),
        ("违约金年利率", penalty_rate),
    ):
        if value is not None and Decimal(value) < 0:
            raise YaosuError(E.E592, name=name, value=value)
    pays = sorted(repayments, key=lambda r: r.day)
    for pay in pays:
        if not loan_date <= pay.day <= end or pay.amount <= 0:
            raise YaosuError(
                E.E593, pay_day_isoformat=pay.day.isoformat(), pay_amount=pay.amount, loan_date_isoformat=loan_date.isoformat(), end_isoformat=end.isoformat()
            )
    law = law_or_default(law)
    ctx = _context(law, filing_date)
    basis = year_days(law)
    days_text = fmt_plain(basis.value)
    steps = [day_count_text(law)]
    citations: list[str] = []
    used: list[ParameterValue | Citation] = [basis]
    if contract_date is None:
        contract_date = loan_date
        steps.append(f"未提供合同成立日，以借款提供日{fmt_date(loan_date)}为合同成立日")
    contract = resolve_contract_date(contract_date, filing_date, end, law)
    contract_date = contract.day
    steps += contract.steps
    rules = cap_rules(contract_date, filing_date, end, law)
    steps += [rule.explanation for rule in rules]
    overdue_start = due_date + timedelta(days=1)
    lpr_used: ParameterValue | None = None

    # Term rate: none agreed → no interest (民法典第六百八十条).
    if term_rate is None:
        term = Decimal(0)
        if loan_date <= due_date:
            steps.append("借期内利息：未约定利息，视为没有利息")
            no_interest = law.cite("no_interest_agreed", contract_date)  # by the date of the facts
            _add_citations(citations, no_interest.text)
            used.append(no_interest)
    else:
        term = Decimal(term_rate)
    # Overdue rate (第二十八条).
    if overdue_rate is not None:
        overdue, overdue_label = Decimal(overdue_rate), f"约定逾期利率{fmt_rate(Decimal(overdue_rate))}"
    elif term_rate is not None:
        overdue, overdue_label = (
            term,
            f"未约定逾期利率，按借期内利率{fmt_rate(term)}，依{ctx.cite('lending_overdue_term_rate').article}",
        )
    else:
        overdue, overdue_label = Decimal(0), ""
    new_day = new_rules_day(law)
    no_rate: dict[bool, tuple[Decimal, str]] = {}

    def overdue_without_rates(day: date) -> tuple[Decimal, str]:
        nonlocal lpr_used
        old = _old_rules_on(day, filing_date, new_day)
        if old not in no_rate:
            rate, label, items, cited = _overdue_without_rates(ctx, filing_date, overdue_start, day)
            used.extend(items)
            _add_citations(citations, cited)
            lpr_used = next(
                (i for i in items if isinstance(i, ParameterValue) and i.table == "lpr_1y"), lpr_used
            )
            no_rate[old] = (rate, label)
        return no_rate[old]

    if overdue_start <= end:
        overdue_c = ctx.cite("lending_overdue_interest")
        _add_citations(citations, ctx.text(overdue_c))
        used.append(overdue_c)

    breaks = [r.start for r in rules if r.start is not None]
    breaks.append(overdue_start)
    breaks += [p.day + timedelta(days=1) for p in pays]  # principal changes the day after a repayment
    outstanding = principal
    owed_costs = Decimal(costs)
    interest_due = Decimal(0)  # accrued and unpaid interest (term + overdue)
    penalty_due = Decimal(0)
    totals = {"term_interest": Decimal(0), "overdue_interest": Decimal(0), "penalty": Decimal(0)}
    overdue_cap_total = Decimal(0)
    segments: list[dict[str, Any]] = []
    pay_index = 0
    applied_pays: list[dict[str, Any]] = []

    for seg_start, seg_end in _split(loan_date, end, breaks):
        rule = _rule_on(rules, seg_start)
        days = days_inclusive(seg_start, seg_end)
        is_term = seg_end <= due_date
        if not is_term and overdue_rate is None and term_rate is None:
            overdue, overdue_label = overdue_without_rates(seg_start)
        agreed = term if is_term else overdue
        applied = min(agreed, rule.rate)
        interest = simple_interest(outstanding, applied, days, law) if outstanding > 0 else Decimal(0)
        kind = "借期内利息" if is_term else "逾期利息"
        note = (
            ("约定利率" if is_term else overdue_label)
            if agreed <= rule.rate
            else (f"{fmt_rate(agreed)}超过{rule.label}，按{fmt_rate(rule.rate)}计算")
        )
        if agreed > 0:
            _add_citations(citations, *rule.citations)
        penalty = Decimal(0)
        seg: dict[str, Any] = {
            "start": seg_start,
            "end": seg_end,
            "days": days,
            "principal": outstanding,
            "kind": "term" if is_term else "overdue",
            "rate": applied.quantize(Decimal("0.01")),
            "amount": interest,
            "rule": note,
            "cap": rule.rate.quantize(Decimal("0.01")),
        }
        if agreed > 0 or (is_term and term_rate is not None):
            steps.append(
                f"{kind} {fmt_date(seg_start)}至{fmt_date(seg_end)}共{days}天：{fmt_plain(outstanding)} × "
                f"{fmt_rate(applied)} × {days} ÷ {days_text} = {fmt_money(interest)}（{note}）"
            )
        if not is_term:
            cap_amount = simple_interest(outstanding, rule.rate, days, law)
            overdue_cap_total += cap_amount
            if penalty_rate is not None and Decimal(penalty_rate) > 0 and outstanding > 0:
                penalty = simple_interest(outstanding, Decimal(penalty_rate), days, law)
                steps.append(
                    f"违约金 {fmt_date(seg_start)}至{fmt_date(seg_end)}：{fmt_plain(outstanding)} × "
                    f"{fmt_rate(Decimal(penalty_rate))} × {days} ÷ {days_text} = {fmt_money(penalty)}"
                )
                if interest + penalty > cap_amount:
                    # 第二十九条: overdue interest + 违约金 + fees within the cap; the 违约金 gives way.
                    reduced = max(cap_amount - interest, Decimal(0))
                    steps.append(
                        f"逾期利息与违约金合计{fmt_money(interest + penalty)}超过同期上限 {fmt_plain(outstanding)} × "
                        f"{fmt_rate(rule.rate)} × {days} ÷ {days_text} = {fmt_money(cap_amount)}，违约金调整为"
                        f"{fmt_plain(cap_amount)} − {fmt_plain(interest)} = {fmt_money(reduced)}"
                    )
                    _add_citations(citations, rule.combined_citation)
                    penalty = reduced
                    seg["capped_combined"] = True
            seg["penalty"] = penalty
        totals["term_interest" if is_term else "overdue_interest"] += interest
        totals["penalty"] += penalty
        interest_due += interest
        penalty_due += penalty
        segments.append(seg)

        # Repayments made on the last day of this segment (第五百六十一条: costs → interest → principal).
        while pay_index < len(pays) and pays[pay_index].day == seg_end:
            pay = pays[pay_index]
            pay_index += 1
            left = Decimal(pay.amount)
            to_costs = min(left, owed_costs)
            left -= to_costs
            owed_costs -= to_costs
            to_interest = min(left, interest_due)
            left -= to_interest
            interest_due -= to_interest
            to_principal = min(left, outstanding)
            left -= to_principal
            outstanding -= to_principal
            steps.append(
                f"{fmt_date(pay.day)}还款{fmt_money(pay.amount)}：先抵实现债权的费用{fmt_money(to_costs)}，再抵利息"
                f"{fmt_money(to_interest)}，再抵本金{fmt_money(to_principal)}；剩余本金{fmt_money(outstanding)}"
                + (f"，多付{fmt_money(left)}" if left > 0 else "")
            )
            order = law.cite("payment_order", pay.day)  # 民法典 from 2021-01-01, 合同法解释（二） before
            _add_citations(citations, order.text)
            used.append(order)
            applied_pays.append(
                {
                    "day": pay.day,
                    "amount": money(pay.amount),
                    "costs": to_costs,
                    "interest": to_interest,
                    "principal": to_principal,
                    "excess": left,
                }
            )

    fees = Decimal(other_fees)
    if fees > 0:
        room = max(overdue_cap_total - totals["overdue_interest"] - totals["penalty"], Decimal(0))
        if fees > room:
            steps.append(
                f"其他费用{fmt_money(fees)}：逾期期间上限合计{fmt_money(overdue_cap_total)}，扣除逾期利息和违约金后余"
                f"{fmt_money(room)}，其他费用调整为{fmt_money(room)}"
            )
            _add_citations(citations, *(r.combined_citation for r in rules))
            fees = room
        else:
            steps.append(
                f"其他费用{fmt_money(fees)}，与逾期利息、违约金合计未超过逾期期间上限{fmt_money(overdue_cap_total)}"
            )
    total = outstanding + interest_due + penalty_due + fees + owed_costs
    steps.append(
        f"截至{fmt_date(end)}尚欠：本金{fmt_money(outstanding)} + 利息{fmt_money(interest_due)} + 违约金"
        f"{fmt_money(penalty_due)} + 其他费用{fmt_money(fees)} + 实现债权的费用{fmt_money(owed_costs)} = {fmt_money(total)}"
    )
    return CalcResult(
        amount=total,
        steps=steps,
        citations=citations,
        details={
            "principal_outstanding": outstanding,
            "interest_outstanding": interest_due,
            "penalty_outstanding": penalty_due,
            "fees_allowed": fees,
            "costs_outstanding": owed_costs,
            "term_interest": totals["term_interest"],
            "overdue_interest": totals["overdue_interest"],
            "penalty": totals["penalty"],
            "days": days_inclusive(loan_date, end),
            "segments": segments,
            "repayments": applied_pays,
            "cap": rules[-1].rate.quantize(Decimal("0.01")),
            "capped": any(s["rate"] < (term if s["kind"] == "term" else overdue) for s in segments),
        },
        warnings=[*contract.warnings, *_lpr_warnings([*rules, lpr_used])],
        calculator="private_lending_claim.v1",
    ).record(*_rule_parameters(rules), *used, *([lpr_used] if lpr_used else []))


# --- the payment ledger: several loans, dated payments (民法典第五百六十条、第五百六十一条) -----------------


@dataclass(frozen=True)
class Loan:
    """One loan of a ledger. ``term_rate`` None: no interest agreed; ``overdue_rate`` None: not agreed."""

    id: str
    principal: Decimal
    loan_date: date
    due_date: date
    term_rate: Decimal | None = None
    overdue_rate: Decimal | None = None
    contract_date: date | str | None = None
    secured: bool = False  # 有担保: an unsecured debt is paid first (第五百六十条第二款)


@dataclass(frozen=True)
class LedgerPayment:
    day: date
    amount: Decimal
    loan: str | None = None  # the debt the debtor designated when paying (第五百六十条第一款)


@dataclass
class _LoanState:
    loan: Loan
    rules: list[CapRule]
    principal: Decimal
    interest: Decimal = Decimal(0)
    accrued_to: date | None = None  # interest is accrued through this day
    segments: list[dict[str, Any]] | None = None


def _agreed_rate(
    ctx: _Context, state: _LoanState, filing_date: date | None, day: date
) -> tuple[Decimal, str]:
    loan = state.loan
    if day <= loan.due_date:
        return (Decimal(0), "未约定利息") if loan.term_rate is None else (Decimal(loan.term_rate), "约定利率")
    if loan.overdue_rate is not None:
        return Decimal(loan.overdue_rate), "约定逾期利率"
    if loan.term_rate is not None:
        return Decimal(loan.term_rate), "未约定逾期利率，按借期内利率"
    rate, label, _, _ = _overdue_without_rates(ctx, filing_date, loan.due_date + ONE_DAY, day)
    return rate, label


def _accrue(
    ctx: _Context, state: _LoanState, through: date, filing_date: date | None, steps: list[str]
) -> None:
    """Interest on the outstanding principal from the day after ``accrued_to`` through ``through``."""
    start = state.loan.loan_date if state.accrued_to is None else state.accrued_to + ONE_DAY
    if through < start:
        return
    loan = state.loan
    breaks = [r.start for r in state.rules if r.start is not None] + [loan.due_date + ONE_DAY]
    if loan.term_rate is None and loan.overdue_rate is None:
        breaks.append(new_rules_day(ctx.law))  # the 2015 default gives way to the LPR on that day
    days_text = fmt_plain(year_days(ctx.law).value)
    for seg_start, seg_end in _split(start, through, breaks):
        rule = _rule_on(state.rules, seg_start)
        agreed, label = _agreed_rate(ctx, state, filing_date, seg_start)
        applied = min(agreed, rule.rate)
        days = days_inclusive(seg_start, seg_end)
        amount = (
            simple_interest(state.principal, applied, days, ctx.law) if state.principal > 0 else Decimal(0)
        )
        state.interest += amount
        if applied > 0 and state.principal > 0:
            note = (
                label
                if agreed <= rule.rate
                else f"{fmt_rate(agreed)}超过{rule.label}，按{fmt_rate(rule.rate)}计算"
            )
            steps.append(
                f"借款{loan.id} {fmt_date(seg_start)}至{fmt_date(seg_end)}共{days}天：{fmt_plain(state.principal)} × "
                f"{fmt_rate(applied)} × {days} ÷ {days_text} = {fmt_money(amount)}（{note}）"
            )
        assert state.segments is not None
        state.segments.append(
            {
                "loan": loan.id,
                "start": seg_start,
                "end": seg_end,
                "days": days,
                "rate": applied,
                "amount": amount,
            }
        )
    state.accrued_to = through


def _order_key(ctx: _Context, state: _LoanState, filing_date: date | None, day: date) -> tuple[Any, ...]:
    """第五百六十条第二款: due debts first; then the one with no or less security; then the heavier burden
    (the higher rate in force); then the one due earlier. Equal keys share a payment by proportion."""
    rate = min(_agreed_rate(ctx, state, filing_date, day)[0], _rule_on(state.rules, day).rate)
    return (state.loan.due_date > day, state.loan.secured, -rate, state.loan.due_date)


def _pay_debt(state: _LoanState, amount: Decimal) -> tuple[Decimal, Decimal]:
    """第五百六十一条 within one debt: interest, then principal. Returns (to interest, to principal)."""
    to_interest = min(amount, state.interest)
    state.interest -= to_interest
    to_principal = min(amount - to_interest, state.principal)
    state.principal -= to_principal
    return to_interest, to_principal


@calculator("lending_ledger", version=1)
def lending_ledger(
    loans: Iterable[Loan],
    payments: Iterable[LedgerPayment],
    end: date,
    *,
    filing_date: date | None = None,
    costs: Decimal = Decimal(0),
    law: LawData | None = None,
) -> CalcResult:
    """Several loans and dated payments, applied payment by payment up to ``end`` (both days counted).

    Interest accrues on each loan at the agreed rate within the cap in force for each period (the
    rules of private_lending_claim). A payment first meets ``costs`` (实现债权的有关费用), then goes to
    the designated debt, then to the debts in the order of 第五百六十条 (see _order_key); within a debt
    to interest, then principal (第五百六十一条; 合同法解释（二）第二十、二十一条 for payments before
    2021-01-01). ``details["ledger"]`` has one row per payment: date, payment, to interest, to
    principal, outstanding principal, outstanding interest. ``amount`` is everything owed at ``end``.
    """
    law = law_or_default(law)
    ctx = _context(law, filing_date)
    loans = list(loans)
    if not loans:
        raise YaosuError(E.E589)
    ids = [loan.id for loan in loans]
    if len(set(ids)) != len(ids):
        raise YaosuError(E.E590, join_ids='、'.join(ids))
    steps = [day_count_text(law)]
    citations: list[str] = []
    used: list[ParameterValue | Citation] = [year_days(law)]
    warnings_out: list[str] = []
    states: dict[str, _LoanState] = {}
    for loan in loans:
        if Decimal(loan.principal) <= 0:
            raise YaosuError(E.E594, loan_id=loan.id, loan_principal=loan.principal)
        if loan.due_date < loan.loan_date or end < loan.loan_date:
            raise YaosuError(E.E595, loan_id=loan.id, loan_loan_date_isoformat=loan.loan_date.isoformat())
        contract = resolve_contract_date(loan.contract_date or loan.loan_date, filing_date, end, law)
        rules = _cap_rules(ctx, contract.day, filing_date, end)
        steps += [*contract.steps, *(f"借款{loan.id}：{rule.explanation}" for rule in rules)]
        warnings_out += [*contract.warnings, *_lpr_warnings(rules)]
        for rule in rules:
            _add_citations(citations, *rule.citations)
        used += _rule_parameters(rules)
        states[loan.id] = _LoanState(loan, rules, Decimal(loan.principal), segments=[])
    pays = sorted(payments, key=lambda p: p.day)
    for pay in pays:
        if pay.amount <= 0 or pay.day > end:
            raise YaosuError(
                E.E596, pay_day_isoformat=pay.day.isoformat(), pay_amount=pay.amount
            )
        if pay.loan is not None and pay.loan not in states:
            raise YaosuError(
                E.E597, pay_day_isoformat=pay.day.isoformat(), pay_loan=pay.loan, join_ids='、'.join(ids)
            )
    owed_costs = Decimal(costs)
    rows: list[dict[str, Any]] = []
    for pay in pays:
        live = [s for s in states.values() if s.loan.loan_date <= pay.day]
        for state in live:
            _accrue(ctx, state, pay.day, filing_date, steps)
        left = Decimal(pay.amount)
        to_costs = min(left, owed_costs)
        owed_costs -= to_costs
        left -= to_costs
        allocations: dict[str, list[Decimal]] = {}
        order_c = law.cite("payment_order", pay.day)
        _add_citations(citations, order_c.text)
        used.append(order_c)
        if pay.loan is not None and left > 0:
            i, p = _pay_debt(states[pay.loan], left)
            allocations[pay.loan] = [i, p]
            left -= i + p
        if len(live) > 1:
            several_c = law.cite("payment_order_several_debts", pay.day)
            _add_citations(citations, several_c.text)
            used.append(several_c)
        groups: dict[tuple[Any, ...], list[_LoanState]] = {}
        for state in sorted(live, key=lambda s: _order_key(ctx, s, filing_date, pay.day)):
            if state.principal + state.interest > 0:
                groups.setdefault(_order_key(ctx, state, filing_date, pay.day), []).append(state)
        for group in groups.values():
            if left <= 0:
                break
            owed = sum((s.principal + s.interest for s in group), Decimal(0))
            pool = share_left = min(left, owed)
            for index, state in enumerate(group):
                # Equal rank: by proportion of what each owes; the last takes the rounding remainder.
                due = state.principal + state.interest
                part = share_left if index == len(group) - 1 else min(money(pool * due / owed), share_left)
                i, p = _pay_debt(state, part)
                share_left -= i + p
                left -= i + p
                pair = allocations.setdefault(state.loan.id, [Decimal(0), Decimal(0)])
                pair[0] += i
                pair[1] += p
        principal_left = sum((s.principal for s in states.values()), Decimal(0))
        interest_left = sum((s.interest for s in states.values()), Decimal(0))
        to_interest = sum((a[0] for a in allocations.values()), Decimal(0))
        to_principal = sum((a[1] for a in allocations.values()), Decimal(0))
        parts = "；".join(
            f"借款{loan_id}：利息{fmt_money(a[0])}、本金{fmt_money(a[1])}"
            for loan_id, a in allocations.items()
        )
        steps.append(
            f"{fmt_date(pay.day)}还款{fmt_money(pay.amount)}"
            + (f"（指定清偿借款{pay.loan}）" if pay.loan else "")
            + (f"：先抵实现债权的费用{fmt_money(to_costs)}" if to_costs else "：")
            + (f"，{parts}" if to_costs and parts else parts)
            + f"；尚欠本金{fmt_money(principal_left)}、利息{fmt_money(interest_left)}"
            + (f"，多付{fmt_money(left)}" if left > 0 else "")
        )
        rows.append(
            {
                "date": pay.day,
                "payment": money(pay.amount),
                "to_costs": money(to_costs),
                "to_interest": money(to_interest),
                "to_principal": money(to_principal),
                "principal_outstanding": money(principal_left),
                "interest_outstanding": money(interest_left),
                "excess": money(left),
                "by_loan": {k: {"interest": v[0], "principal": v[1]} for k, v in allocations.items()},
            }
        )
    for state in states.values():
        _accrue(ctx, state, end, filing_date, steps)
    principal_left = sum((s.principal for s in states.values()), Decimal(0))
    interest_left = sum((s.interest for s in states.values()), Decimal(0))
    total = principal_left + interest_left + owed_costs
    steps.append(
        f"截至{fmt_date(end)}尚欠：本金{fmt_money(principal_left)} + 利息{fmt_money(interest_left)} + "
        f"实现债权的费用{fmt_money(owed_costs)} = {fmt_money(total)}"
    )
    return CalcResult(
        amount=total,
        steps=steps,
        citations=citations,
        details={
            "ledger": rows,
            "loans": {
                s.loan.id: {"principal_outstanding": s.principal, "interest_outstanding": s.interest}
                for s in states.values()
            },
            "principal_outstanding": principal_left,
            "interest_outstanding": interest_left,
            "costs_outstanding": owed_costs,
            "segments": [seg for s in states.values() for seg in s.segments or []],
        },
        warnings=warnings_out,
        calculator="lending_ledger.v1",
        money_keys=("principal_outstanding", "interest_outstanding", "costs_outstanding"),
    ).record(*used)

"""Interest orders by the law in force for each day: the rate granted from each day on, as order segments.

* the cap of 第二十五条 at contract formation; for a contract before 2020-08-20 in a case filed after,
  the 2015 rule to 2020-08-19 and four times the one-year LPR at filing from 2020-08-20 (第三十一条):
  two segments in the order;
* a contract date known only to the month: the lowest cap of the month, with a warning (interest.py);
* overdue interest with no rate agreed at all: 6% a year under the 2015 rules, the one-year LPR of the
  time under the current 第二十八条第二款第（一）项, never the cap;
* the court grants the lowest of what was claimed, what was agreed and what the law protects.

Figures come from engine/law/interest.py; this module only decides which applies on which day.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from engine.drafting import formatting as fmt
from engine.errors import YaosuError

ONE_DAY = timedelta(days=1)
START_PENDING = "（起算日待认定）"


@dataclass(frozen=True)
class Segment:
    start: date | None  # None: the start is not known (the order says so)
    end: date | None  # None: open — to the claim's end or until paid
    rate: Decimal


@dataclass
class InterestPlan:
    segments: list[Segment]
    notes: list[str] = field(default_factory=list)  # reasoning sentences
    concepts: list[str] = field(default_factory=list)  # articles to cite (citations.yaml concepts)
    warnings: list[str] = field(default_factory=list)
    reduced: bool = False  # the court grants less than the rate claimed


@dataclass(frozen=True)
class Cap:
    start: date | None
    rate: Decimal
    label: str


def caps_for(contract_day: date | str, filing: date | None, law: Any) -> tuple[list[Cap], list[str], list[str]]:
    """(cap rules in date order, explanation steps, warnings); an unknown cap is a warning, not a crash."""
    from engine.law.interest import interest_cap

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # unverified LPR rows come back as the result's warnings
            result = interest_cap(contract_day, filing, law=law)
    except YaosuError as exc:
        return [], [], [f"无法确定利率上限：{exc.message}"]
    caps = [Cap(c["from"], Decimal(c["rate"]), c["rule"]) for c in result.details["caps"]]
    return caps, list(result.steps), list(result.warnings)


def _cap_on(caps: list[Cap], day: date | None) -> Cap | None:
    chosen = caps[0] if caps else None
    for cap in caps:
        if cap.start is not None and day is not None and cap.start <= day:
            chosen = cap
    return chosen


def plan_interest(
    *,
    claimed_rate: Decimal | None,
    agreed_rate: Decimal | None,
    no_rate_agreed_overdue: bool,
    overdue_start: date | None,
    contract_day: date | str | None,
    filing: date | None,
    start: date | None,
    end: date | None,
    law: Any,
) -> InterestPlan:
    """The segments of one interest order (see the module docstring)."""
    from engine.law.interest import new_rules_day, overdue_rate_without_agreement

    plan = InterestPlan([])
    caps: list[Cap] = []
    steps: list[str] = []
    if contract_day is not None:
        caps, steps, cap_warnings = caps_for(contract_day, filing, law)
        plan.warnings += cap_warnings
        if isinstance(contract_day, str) and caps:
            plan.notes.append(steps[0] + "。")
    else:
        plan.warnings.append("合同成立日（借款日）未认定，无法确定受法律保护的利率上限")
    new_day = new_rules_day(law)
    breaks = [c.start for c in caps if c.start is not None]
    default_labels: dict[str, None] = {}  # the explanations used, in order

    def lawful(day: date | None) -> Decimal | None:
        """The rate the law protects for interest on ``day`` (None: no figure)."""
        if no_rate_agreed_overdue:
            on = day or overdue_start or new_day
            rate, label, _ = overdue_rate_without_agreement(overdue_start or on, on, filing, law=law)
            default_labels[label] = None
            base: Decimal | None = rate
        else:
            base = agreed_rate if agreed_rate is not None else claimed_rate
        cap = _cap_on(caps, day)
        if base is None:
            return cap.rate if cap else None
        return min(base, cap.rate) if cap else base

    if no_rate_agreed_overdue:
        breaks.append(new_day)
    cuts = sorted({b for b in breaks if (start is None or b > start) and (end is None or b <= end)})
    bounds: list[tuple[date | None, date | None]] = []
    current = start
    for cut in cuts:
        bounds.append((current, cut - ONE_DAY))
        current = cut
    bounds.append((current, end))
    for seg_start, seg_end in bounds:
        day = seg_start if seg_start is not None else (seg_end or start)
        try:
            rate = lawful(day)
        except YaosuError as exc:  # the law of that day states no figure: the judge decides the rate
            plan.warnings.append(f"无法确定受法律保护的利率：{exc.message}")
            plan.segments = []
            return plan
        if rate is None:
            continue
        applied = min(rate, claimed_rate) if claimed_rate is not None else rate
        if plan.segments and plan.segments[-1].rate == applied:
            last = plan.segments[-1]
            plan.segments[-1] = Segment(last.start, seg_end, applied)
        else:
            plan.segments.append(Segment(seg_start, seg_end, applied))
    plan.segments = [s for s in plan.segments if s.rate > 0] or plan.segments

    # Why: what was claimed against what was agreed against what the law protects.
    if claimed_rate is not None and agreed_rate is not None and claimed_rate > agreed_rate and not no_rate_agreed_overdue:
        plan.notes.append(f"原告主张的利率{fmt.percent(claimed_rate)}超过双方约定的{fmt.percent(agreed_rate)}，以约定利率为准。")
        plan.reduced = True
    if no_rate_agreed_overdue:
        plan.notes.append(
            "双方既未约定借期内利率，也未约定逾期利率，逾期利息"
            + "；".join(default_labels)
            + "。"
        )
        plan.concepts.append("lending_overdue_no_rate_agreed")
    wanted = agreed_rate if agreed_rate is not None else claimed_rate
    over = [c for c in caps if wanted is not None and wanted > c.rate and not no_rate_agreed_overdue]
    if len(caps) > 1:
        plan.notes.append("本案借贷合同成立于2020年8月20日之前，利息分段计算：" + "；".join(steps[-len(caps):]) + "。")
        plan.concepts.append("lending_transition")
    if over:
        plan.notes.append(
            f"约定的利率{fmt.percent(wanted or Decimal(0))}超过"
            + "、".join(f"{c.label}{fmt.percent(c.rate)}" for c in over)
            + ("" if len(caps) > 1 else f"（{'；'.join(steps)}）")
            + "，超过部分本院不予支持。"
        )
        plan.concepts.append("lending_interest_cap")
    if claimed_rate is not None and any(s.rate < claimed_rate for s in plan.segments):
        plan.reduced = True
    if start is None:
        plan.warnings.append("利息起算日未写明，判项中显示为“" + START_PENDING + "”，请认定起算日")
    return plan


def formula_text(base: Decimal | None, segments: list[Segment], end_text: str) -> str:
    """以X元为基数，自A起至B止按年利率R1计算，自C起按年利率R2计算至实际清偿之日止."""
    base_text = f"以{fmt.money(base)}元为基数，" if base is not None else "以（基数待认定）元为基数，"

    def start_text(segment: Segment) -> str:
        return f"自{fmt.date_text(segment.start)}起" if segment.start else f"自{START_PENDING}起"

    parts = [
        f"{start_text(s)}至{fmt.date_text(s.end)}止按年利率{fmt.percent(s.rate)}计算" for s in segments[:-1]
    ]
    last = segments[-1]
    parts.append(f"{start_text(last)}按年利率{fmt.percent(last.rate)}计算{end_text}")
    return base_text + "，".join(parts)


def plan_amount(base: Decimal, segments: list[Segment], until: date, law: Any) -> Decimal | None:
    """Interest on ``base`` over the segments up to ``until`` (both days counted); None without a start."""
    from engine.law.interest import days_inclusive, simple_interest

    total = Decimal(0)
    for segment in segments:
        if segment.start is None:
            return None
        last = min(segment.end or until, until)
        if last < segment.start:
            continue
        total += simple_interest(base, segment.rate, days_inclusive(segment.start, last), law)
    return total


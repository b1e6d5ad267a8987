"""迟延履行期间的加倍部分债务利息 (FACTS.md §2.4).

加倍部分债务利息 = 除一般债务利息之外的金钱债务 × 日万分之一点七五 × 迟延履行期间 (法释〔2014〕8号);
the period runs from the day after the performance period ends; both its first and last day count.
The judgment warns of it under the 民事诉讼法 article in force on the judgment date, taken from the
citation catalogue (concept ``late_performance_interest``). Rounding: engine.law.result.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from engine.errors import E, YaosuError
from engine.law.lawdata import LawData, law_or_default
from engine.law.result import CalcResult, fmt_date, fmt_money, fmt_plain, money
from engine.registry import calculator


def civil_procedure_article(on: date | None = None, law: LawData | None = None) -> str:
    """Article of 民事诉讼法 on doubled interest in the version in force on ``on`` (None: today).

    From the citation catalogue (parameters/citations.yaml, concept late_performance_interest).
    """
    return law_or_default(law).cite("late_performance_interest", on or date.today()).article


@calculator("doubled_interest", version=1)
def doubled_interest(
    debt: Decimal,
    start: date,
    end: date,
    *,
    judgment_date: date | None = None,
    allow_unverified: bool = True,
    law: LawData | None = None,
) -> CalcResult:
    """The doubled part of interest on ``debt`` (excluding ordinary interest) from ``start`` to ``end``.

    ``judgment_date`` picks the 民事诉讼法 article (None: today).
    """
    law = law_or_default(law)
    debt = Decimal(debt)
    if debt <= 0:
        raise YaosuError(E.E613, debt=debt)
    if end < start:
        raise YaosuError(E.E614, end_isoformat=end.isoformat(), start_isoformat=start.isoformat())
    rate = law.table("late_performance.yaml").at(start, allow_past_verified=allow_unverified)
    days = (end - start).days + 1
    amount = money(debt * rate.value / 10000 * days)
    article = law.cite("late_performance_interest", judgment_date or date.today())
    rule = law.cite("late_performance_rate", judgment_date or date.today())
    steps = [
        "迟延履行期间自履行期间届满之次日起算，起止日均计入",
        f"{fmt_date(start)}至{fmt_date(end)}共{days}天",
        f"加倍部分债务利息 = {fmt_plain(debt)} × 日万分之{fmt_plain(rate.value)} × {days} = {fmt_money(amount)}"
        "（基数为除一般债务利息之外的金钱债务）",
    ]
    return CalcResult(
        amount=amount,
        steps=steps,
        citations=[article.text, rate.source],
        details={"days": days, "daily_rate_per_10000": rate.value},
        calculator="doubled_interest.v1",
    ).record(rate, article, rule)

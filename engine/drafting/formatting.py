"""House style for figures in the judgment text, chosen once and used everywhere.

Money: Arabic numerals with thousands separators, two decimals only where cents
exist ("50,000元", "1,209.50元"). Dates in the body: "2021年3月5日"; the date
under the signature in Chinese numerals ("二〇二五年三月五日").
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import cn2an

from engine.elements.dictionary import ElementDef

DIGITS = "〇一二三四五六七八九"


def money(value: Decimal | str | None) -> str:
    if value is None:
        return "____"
    amount = Decimal(str(value)).quantize(Decimal("0.01"))
    if amount == amount.to_integral_value():
        return f"{int(amount):,}"
    return f"{amount:,.2f}"


def date_text(value: str | date | None) -> str:
    """2021-03-05 → 2021年3月5日; 2021-03 → 2021年3月; None → blanks for the clerk."""
    if value is None:
        return "____年__月__日"
    text = value.isoformat() if isinstance(value, date) else str(value)
    parts = [int(part) for part in text.split("-")]
    return "".join(f"{number}{unit}" for number, unit in zip(parts, "年月日", strict=False))


def date_chinese(value: str | date | None) -> str:
    """2025-03-05 → 二〇二五年三月五日 (year digit by digit, month and day as numbers)."""
    if value is None:
        return "二〇____年__月__日"
    text = value.isoformat() if isinstance(value, date) else str(value)
    year, month, day = (text.split("-") + ["", ""])[:3]
    result = "".join(DIGITS[int(d)] for d in year) + "年"
    if month:
        result += cn2an.an2cn(int(month)) + "月"
    if day:
        result += cn2an.an2cn(int(day)) + "日"
    return result


def percent(value: Decimal | str) -> str:
    return f"{Decimal(str(value)).quantize(Decimal('0.01'))}%"


def rate_text(rate: dict[str, Any]) -> str:
    """A rate object as the judgment states it: the original words and the annual figure."""
    annual = percent(rate["annual_percent"])
    if rate.get("period") == "year":
        return f"年利率{annual}"
    return f"{rate.get('raw', '')}（折合年利率{annual}）"


def names(parties: Any) -> list[str]:
    return [p["name"] if isinstance(p, dict) else str(p) for p in parties or []]


def join_names(items: list[str]) -> str:
    return "、".join(items)


def interest_claim_text(claim: dict[str, Any]) -> str:
    parts = []
    if claim.get("amount"):
        parts.append(f"{money(claim['amount'])}元")
    if claim.get("base") or claim.get("rate"):
        formula = []
        if claim.get("base"):
            formula.append(f"以{money(claim['base'])}元为基数")
        if claim.get("start_date"):
            formula.append(f"自{date_text(claim['start_date'])}起")
        if claim.get("rate"):
            formula.append(f"按{rate_text(claim['rate'])}")
        end = claim.get("end")
        if end == "until_paid":
            formula.append("计算至实际清偿之日止")
        elif end:
            formula.append(f"计算至{date_text(end)}止")
        parts.append("，".join(formula))
    return "；".join(parts) or "—"


def value_text(element: ElementDef, value: Any) -> str:
    """Any element value as judgment text: the value type decides (engine/elements/value_types.py)."""
    from engine.elements.value_types import value_text as typed_text

    return typed_text(element, value)

"""Loan terms: 借期一年, 借款期限为6个月, 期限三个月, 借期30天, 一年内归还, 为期半年, 借期一年半.

The value is {"count": int, "unit": "year"|"month"|"day"}; the term end date is computed
later from the loan date (`add_term`), because the duration alone has no anchor.
"""

from __future__ import annotations

import datetime as dt
import re

from engine.extraction.mention import Mention
from engine.extraction.numerals import parse_number
from engine.extraction.recognisers.scan import finditer_near

_COUNT = r"(?:\d{1,3}|[一二两三四五六七八九十]{1,3}|半)"
_UNITS = {"年": "year", "月": "month", "个月": "month", "天": "day", "日": "day"}
_DURATION = re.compile(
    # 借款期限自款项到账之日起六个月 / 借期从放款之日起12个月: counted from the delivery.
    rf"(?:借期|借款期限|还款期限|借款期间|借用期限|期限|为期)(?:为|是|:|：|约定为)?"
    rf"(?:(?:自|从)(?:款项|借款)?(?:实际)?(?:到账|到位|放款|出借|交付|支付|发放|借款)(?:之日|之时|日)起(?:计算)?(?:为)?)?"
    rf"(?P<count>{_COUNT})(?P<unit>个月|年|天|日)"
    rf"(?P<half>(?<=年)半)?(?!\d|[〇零一二三四五六七八九十]{{0,2}}[月日号])"
    rf"|(?P<count2>{_COUNT})(?P<unit2>个月|年|天)(?P<half2>(?<=年)半)?(?:内|以内|之内|后)(?:归还|还清|还款|偿还|结清|还本付息)"
)

# Every term holds 期 (借期, 期限, 为期) or 内/后 (一年内归还, 三个月后还款).
_TRIGGER = re.compile(r"[期内后]+")


def find_durations(text: str) -> list[Mention]:
    found: list[Mention] = []
    for match in finditer_near(_DURATION, text, _TRIGGER, 12, 16):
        raw_count = match.group("count") or match.group("count2")
        unit = _UNITS[match.group("unit") or match.group("unit2")]
        if raw_count == "半":
            count, unit = (6, "month") if unit == "year" else (15, "day")
        else:
            number = parse_number(raw_count)
            if number is None or number != number.to_integral_value() or number <= 0:
                continue
            count = int(number)
        if match.group("half") or match.group("half2"):
            count, unit = count * 12 + 6, "month"  # 一年半: eighteen months
        start, end = match.start(), match.end()
        if match.group("count2"):
            end = match.end("half2") if match.group("half2") else match.end("unit2")
        found.append(Mention("duration", start, end, text[start:end], {"count": count, "unit": unit}, 0.85))
    return found


def add_months(day: dt.date, months: int) -> dt.date:
    """The corresponding day ``months`` later, the month's last day when it has none (5-31 + 6 → 11-30)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    last = (following - dt.timedelta(days=1)).day
    return dt.date(year, month, min(day.day, last))


def add_term(start: str, duration: dict[str, object]) -> str | None:
    """Term end: the day before the anniversary (借期一年 from 2021-03-05 → 2022-03-04)."""
    try:
        begin = dt.date.fromisoformat(start)
    except ValueError:
        return None
    count = int(duration["count"])  # type: ignore[call-overload]
    unit = duration["unit"]
    if unit == "day":
        return (begin + dt.timedelta(days=count - 1)).isoformat()
    months = count * 12 if unit == "year" else count
    return (add_months(begin, months) - dt.timedelta(days=1)).isoformat()

"""Dates (a lunar one — 农历… — keeps only the year it names): 2021年3月5日, 二〇二一年三月五日, 2021.3.5, 2021-03-05, 2014年元月16日, 2021年3月, 2013年, 2012年底, 2012年年底, 同年5月6日,
and the year-end or a month-day of the year of the date before (当年年底, 年底 on its own) or the year after it (次年3月1日,
次年年底)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator

from engine.extraction.mention import Mention
from engine.extraction.numerals import parse_digit_string, parse_small

_CN_YEAR = "[〇零一二三四五六七八九]{4}"
_CN_SMALL = "[一二三四五六七八九十]{1,3}"
_DATE = re.compile(
    r"(?=[\d〇零一二三四五六七八九同当本])"  # cheap first-character test before the alternation
    rf"(?P<year>(?<!\d)\d{{4}}|{_CN_YEAR})年"
    rf"(?:(?P<month>\d{{1,2}}|{_CN_SMALL}|元|正)月(?:份)?"
    rf"(?:(?P<day>\d{{1,2}}|{_CN_SMALL})[日号]|(?P<end_of_month>底|末))?|(?P<end_of_year>年?[底末]))?"
    rf"|(?<![\d.])(?P<dyear>(?:19|20)\d{{2}})(?P<sep>[.\-/])(?P<dmonth>\d{{1,2}})(?P=sep)(?P<dday>\d{{1,2}})(?![\d]|\.\d)"
    rf"|(?:(?P<rel>同年|当年|本年|(?P<next>次年|翌年))|(?<![\d年月.\-/]))(?P<rmonth>\d{{1,2}})月"
    rf"(?:(?P<rday>\d{{1,2}})[日号]|(?P<rend>底|末)(?!\d))"
    # 当年年底 / 次年底 / 年底 on its own (not 每年年底, 明年年底, 2012年底: those are other years or matched above).
    rf"|(?:(?P<yrel>同年|当年|本年|(?P<ynext>次年|翌年))年?|(?<![\d年〇零一二三四五六七八九十同当本次翌今明去前后每])年)"
    rf"(?P<yend>[底末])(?!\d)"
    # 次月底 / 当月底 / 次月5日: a day of the month of the date before, or of the month after it.
    rf"|(?P<mrel>次月|当月|同月|本月)(?:(?P<mday>\d{{1,2}})[日号]|(?P<mend>底|末))(?!\d)"
)



_LUNAR = ("农历", "阴历")


def _valid_year(year: int | None) -> bool:
    return year is not None and 1900 <= year <= 2100


def _format(year: int, month: int | None, day: int | None) -> str | None:
    if month is None:
        return f"{year:04d}"
    if not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _last_day(year: int, month: int) -> int:
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return (following - dt.timedelta(days=1)).day


# Every date holds 年 (4 characters after its start), 月 (1 to 4 after: 5月 / 12月 / 同年5月 /
# 同年12月) or a separator of 2021.3.5 (4 after). Only those starts are tried.
_ANCHOR = re.compile(r"[年月.\-/]")
_ANCHOR_STARTS = {"年": (4, 2, 1, 0), "月": (1, 2, 3, 4)}
_FIRST = frozenset("〇零一二三四五六七八九同当本次翌年")


def date_matches(text: str) -> Iterator[re.Match[str]]:
    """The matches of `_DATE.finditer(text)`, trying the pattern only where a date can start."""
    starts: set[int] = set()
    for anchor in _ANCHOR.finditer(text):
        position = anchor.start()
        for back in _ANCHOR_STARTS.get(anchor.group(), (4,)):
            starts.add(position - back)
    last_end = 0
    match_at = _DATE.match
    for start in sorted(starts):
        if start < last_end:
            continue  # also drops the negative starts (last_end is never below 0)
        first = text[start]
        if first not in _FIRST and not first.isdecimal():
            continue  # the pattern's own first-character test (\d is Unicode category Nd = isdecimal)
        match = match_at(text, start)
        if match is not None:
            yield match
            last_end = match.end()


def find_dates(text: str) -> list[Mention]:
    """Dates with value YYYY[-MM[-DD]]; month-day without a year gets info["needs_year"]."""
    return dates_of(text, date_matches(text))


def dates_of(text: str, matches: Iterable[re.Match[str]]) -> list[Mention]:
    """Mentions of the `_DATE` matches (the scan is `date_matches`; tests compare it with a plain finditer)."""
    found: list[Mention] = []
    for match in matches:
        info: dict[str, object] = {}
        if match.group("year"):
            raw_year = match.group("year")
            year = int(raw_year) if raw_year.isdigit() else parse_digit_string(raw_year)
            if not _valid_year(year):
                continue
            month = parse_small(match.group("month")) if match.group("month") else None
            day = parse_small(match.group("day")) if match.group("day") else None
            if match.group("end_of_month") and month and year is not None:
                day = _last_day(year, month)  # 2021年12月底 → 2021-12-31
                info["end_of_month"] = True
            if match.group("end_of_year"):
                month, day = 12, 31  # 2012年底 → 2012-12-31
                info["end_of_month"] = True
            value = _format(year, month, day) if year is not None else None
            end = match.end()
            if match.group("month") is None and not match.group("end_of_year"):
                end = match.start() + len(raw_year) + 1
        elif match.group("dyear"):
            year = int(match.group("dyear"))
            value = _format(year, int(match.group("dmonth")), int(match.group("dday")))
            end = match.end()
        elif match.group("mrel"):
            value = "2000-01-01"  # placeholder, fixed by fill_years from the date before
            info["needs_month"] = True
            info["next_month"] = match.group("mrel") == "次月"
            info["day"] = int(match.group("mday")) if match.group("mday") else None
            end = match.end()
        elif match.group("yend"):
            value = "2000-12-31"  # placeholder year, fixed by fill_years
            info["needs_year"] = True
            info["end_of_month"] = True
            if match.group("ynext"):
                info["next_year"] = True
            end = match.end()
        else:
            month = int(match.group("rmonth"))
            day = int(match.group("rday")) if match.group("rday") else _last_day(2000, month)
            value = _format(2000, month, day)  # leap-safe placeholder year, fixed by the resolver
            info["needs_year"] = True
            if match.group("rend"):
                info["end_of_month"] = True  # 次年6月底: the month's last day, of the year fill_years gives
            if match.group("next"):
                info["next_year"] = True
            end = match.end()
        if value is None:
            continue
        start = match.start()
        if text[max(0, start - 2) : start] in _LUNAR:
            # 农历2019年腊月二十 / 农历年底: the lunar calendar is not converted; only a year it names is kept.
            if info.get("needs_year") or not match.group("year"):
                continue
            value, end = value[:4], match.start() + len(match.group("year")) + 1
        if match.group("rel") and not match.group("next"):
            start = match.start("rmonth")
        confidence = 0.6 if info.get("needs_year") or info.get("needs_month") else 0.95
        found.append(Mention("date", start, end, text[start:end], value, confidence, info))
    return found


def _in_month_of(before: str | None, info: dict[str, object]) -> str | None:
    """次月底 / 当月5日 after the date ``before`` (YYYY-MM…): that day of its month or of the next; None without
    a month before it or for a day the month has not."""
    if before is None or len(before) < 7:
        return None
    year, month = int(before[:4]), int(before[5:7])
    if info.get("next_month"):
        year, month = year + month // 12, month % 12 + 1
    day = info.get("day")
    return _format(year, month, day if isinstance(day, int) else _last_day(year, month))


def fill_years(mentions: list[Mention]) -> None:
    """Give month-day dates (同年5月6日, 3月8日, 年底) the year of the date written before them (次年: the next), and
    次月底 / 当月5日 its month (or the next)."""
    year: str | None = None
    last: str | None = None
    for mention in mentions:
        if mention.kind != "date":
            continue
        if mention.info.get("needs_month"):
            mention.value = _in_month_of(last, mention.info)
            mention.info["needs_month"] = False
            continue
        if mention.info.get("needs_year"):
            if year is None:
                mention.value = None
            else:
                own = f"{int(year) + 1:04d}" if mention.info.get("next_year") else year
                mention.value = own + mention.value[4:]
                if mention.info.get("end_of_month") and mention.value[5:7] == "02":
                    mention.value = mention.value[:8] + f"{_last_day(int(own), 2):02d}"  # 次年2月底 in a common year
                mention.info["needs_year"] = False
        else:
            year, last = mention.value[:4], mention.value

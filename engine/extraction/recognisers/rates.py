"""Interest rates: 月息2分, 月利2分, 月息2分5厘, 年息一分五, 日万分之五, 年利率15.4%, 月利率百分之二, 每日千分之一,
月息费率为4％, 每月以2%计息, 千分之二十二支付月息, 每月利息为借款本金的2%.

percent is the rate per period as a decimal string without trailing zeros; annual_percent
is year × 1, month × 12, day × 360 (民间借贷 practice), two decimals.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

from engine.extraction.mention import Mention
from engine.extraction.numerals import CN_DIGITS, CN_NUMERAL, CN_UNITS, parse_number
from engine.extraction.recognisers.scan import finditer_near

_NUM = rf"(?:\d+(?:\.\d+)?|{CN_NUMERAL}+)"
_PERIOD_WORDS = {"年": "year", "月": "month", "日": "day", "天": "day"}
_YEAR_WORDS = ("年化",)
# Folk units: 分/厘 are tenths/hundredths of the base: year 分 = 10 %, month 分 = 1 %, day 分 = 0.1 %.
_FEN = {"year": Decimal(10), "month": Decimal(1), "day": Decimal("0.1")}
_MULTIPLIER = {"year": Decimal(1), "month": Decimal(12), "day": Decimal(360)}

_VALUE = (
    rf"(?:(?P<pct>{_NUM})\s*[%％]"
    rf"|(?P<permille>{_NUM})\s*‰"
    rf"|百分之(?P<bai>{_NUM})"
    rf"|千分之(?P<qian>{_NUM})"
    rf"|万分之(?P<wan>{_NUM})"
    rf"|(?P<fen>{_NUM})分(?:(?P<li>{_NUM})厘|(?P<fen_tail>[一二三四五六七八九\d])(?![分厘万千百十\d%]))?"
    rf"|(?P<only_li>{_NUM})厘)"
)
# The characters a match can hold before its first %, ‰, 分 or 厘 (period and rate words, numbers).
_LEAD = rf"年化月日天利率息费标准为是按照以约定借款本金额总的:：每\d.\s{CN_DIGITS}{CN_UNITS}"
# 每月利息为借款本金的2% / 年利息按借款金额的12%: the base the share is of, between the period and the value.
_BASE = r"(?:(?:借款)?(?:本金|金额|总额|本金金额|本金总额)的|借款的)?"
_RATE = re.compile(
    # Two tests guard both alternatives (a value-first rate starts with a number or 百/千/万 too):
    # the first character, then, in one linear run, lead characters up to a %, ‰, 分 or 厘. They
    # only turn away starts where every branch would fail anyway.
    rf"(?=[年月日天利每百千万\d{CN_DIGITS}{CN_UNITS}])(?=[{_LEAD}]*+[%％‰分厘])"
    rf"(?:(?:(?P<p1>年化|年|月|日|天)(?:利率|息费率|费率|息|利息率|利息|率|化利率|利)?(?:标准)?(?:为|是|按|按照|约定为)?[:：]?{_BASE}"
    rf"|(?:利率|利息)(?:为|按|按照)?(?:每)?(?P<p2>年|月|日)"
    rf"|每(?P<p3>年|月|日|天)(?:按|以)?)"
    rf"{_VALUE}"
    rf"|{_VALUE.replace('?P<', '?P<s_')}(?:的|支付|计付)?(?:(?P<p4>年|月|日)(?:利率|息)|[/／]\s*(?P<p5>年|月|日)))"
)


# Every rate value ends in one of these (百分之/千分之/万分之 hold 分).
_TRIGGER = re.compile(r"[%％‰分厘]+")


def _plain(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return text


def _rate_value(match: re.Match[str], prefix: str, period: str) -> Decimal | None:
    def group(name: str) -> str | None:
        return match.group(prefix + name)

    if group("pct") is not None:
        return parse_number(group("pct"))
    if group("permille") is not None:
        number = parse_number(group("permille"))
        return None if number is None else number / 10
    if group("bai") is not None:
        return parse_number(group("bai"))
    if group("qian") is not None:
        number = parse_number(group("qian"))
        return None if number is None else number / 10
    if group("wan") is not None:
        number = parse_number(group("wan"))
        return None if number is None else number / 100
    if group("fen") is not None:
        fen = parse_number(group("fen"))
        if fen is None:
            return None
        tenths = group("li") or group("fen_tail")
        if tenths is not None:
            li = parse_number(tenths)
            if li is None or li >= 10:
                return None
            fen += li / 10
        return fen * _FEN[period]
    if group("only_li") is not None:
        li = parse_number(group("only_li"))
        return None if li is None else li * _FEN[period] / 10
    return None


def make_rate(raw: str, period: str, percent: Decimal) -> dict[str, str]:
    annual = (percent * _MULTIPLIER[period]).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return {"raw": raw, "period": period, "percent": _plain(percent), "annual_percent": str(annual)}


def find_rates(text: str) -> list[Mention]:
    found: list[Mention] = []
    for match in finditer_near(_RATE, text, _TRIGGER, 40, 12):
        if match.group("p4") or match.group("p5"):
            period = _PERIOD_WORDS[match.group("p4") or match.group("p5")]
            prefix = "s_"
        else:
            word = match.group("p1") or match.group("p2") or match.group("p3")
            period = "year" if word in _YEAR_WORDS else _PERIOD_WORDS[word]
            prefix = ""
        try:
            percent = _rate_value(match, prefix, period)
        except ArithmeticError:
            percent = None
        if percent is None or percent <= 0 or percent >= 1000:
            continue
        start, end = match.start(), match.end()
        raw = text[start:end]
        found.append(Mention("rate", start, end, raw, make_rate(raw, period, percent), 0.9))
    return found

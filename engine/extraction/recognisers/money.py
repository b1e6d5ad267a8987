"""Money: 人民币伍万元整, 5万元, ¥50,000.00, 50000元, 3万5千元, 壹拾万元（100000元）, 123元4角5分."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from decimal import ROUND_HALF_UP, Decimal

from engine.extraction.mention import Mention
from engine.extraction.numerals import CN_DIGITS, CN_NUMERAL, CN_UNITS, parse_number

_AR = r"\d{1,3}(?:[,，]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_AR_MIX = rf"(?:{_AR})(?:[万亿](?!分之)(?:\d+[千百])*)?"  # 5万 / 5.5万 / 3万5千
# Bounded: tried at every start of a long numeral run, an unbounded `+` rescanned the rest of the
# run each time (quadratic). The longest amount, 玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖, is 23.
_CN = rf"{CN_NUMERAL}{{1,30}}"
_PREFIX = r"(?P<prefix>人民币|RMB|[¥￥$])?"
# Arabic amount: needs a currency prefix or a 元/万 unit so bare numbers (IDs, counts) are not money.
_MONEY = re.compile(
    rf"(?=[人R¥￥$\d{CN_DIGITS}{CN_UNITS}])"  # cheap first-character test before the alternation
    rf"{_PREFIX}"
    rf"(?:(?P<ar>(?<![\d.]){_AR_MIX})(?P<ar_unit>万元|亿元|元|圆|万(?![分\d])|块钱?)?"
    rf"|(?P<cn>{_CN})(?P<cn_unit>万元|亿元|元|圆|块钱?|(?<=[{CN_DIGITS}十拾])万(?![\u4e00-\u9fff\d])))"
    rf"(?P<jiao>{CN_NUMERAL}角|\d角)?(?P<fen>{CN_NUMERAL}分|\d分)?(?P<zheng>整)?"
)
_CENT = Decimal("0.01")
_HAS_UNIT = re.compile("[万亿]")


def _unit_factor(unit: str) -> Decimal:
    if unit.startswith("亿"):
        return Decimal(100000000)
    if unit.startswith("万"):
        return Decimal(10000)
    return Decimal(1)


def format_money(value: Decimal) -> str:
    return str(value.quantize(_CENT, rounding=ROUND_HALF_UP))


# Every character a `_MONEY` match can hold, and those a kept match must hold (a currency prefix
# or a unit: a bare number is matched and dropped). A match never spans a character outside
# _BODY, so the plain scan of the text is the scan of each maximal run of _BODY characters,
# and runs without a _TRIGGER character give nothing: only the others are scanned.
_BODY = rf"\d,，.人民币RMB¥￥$元圆块钱角分整千百万亿{CN_DIGITS}{CN_UNITS}"
_TRIGGER = "人R¥￥$元圆块万亿"
_NOT_TRIGGER = "".join(sorted(set(_BODY.replace("\\d", "0123456789")) - set(_TRIGGER) - set("\\")))
# A maximal run holding a trigger: the first character starts the run (look-behind after it, so
# the scan only starts at run characters), then non-triggers (possessive: linear) up to a trigger.
_RUN = re.compile(rf"[{_BODY}](?<![{_BODY}].)(?:(?<=[{_TRIGGER}])|[\d{_NOT_TRIGGER}]*+[{_TRIGGER}])[{_BODY}]*")
# The look-aheads of _MONEY read at most 2 characters past a match (万 + (?!分之)).
_LOOKAHEAD = 2


def money_matches(text: str) -> Iterator[re.Match[str]]:
    """The matches of `_MONEY.finditer(text)` in the runs that can hold a kept one."""
    length = len(text)
    for run in _RUN.finditer(text):
        start, end = run.span()
        for match in _MONEY.finditer(text, start, min(length, end + _LOOKAHEAD)):
            if match.start() >= end:
                break
            yield match


def find_money(text: str) -> list[Mention]:
    return money_of(text, money_matches(text))


def money_of(text: str, matches: Iterable[re.Match[str]]) -> list[Mention]:
    """Mentions of the `_MONEY` matches (the scan is `money_matches`; tests compare it with a plain finditer)."""
    found: list[Mention] = []
    for match in matches:
        prefix = match.group("prefix")
        if match.group("ar") is not None:
            unit = match.group("ar_unit") or ""
            if not prefix and not unit and not _HAS_UNIT.search(match.group("ar")):
                continue
            number = parse_number(match.group("ar"))
            confidence = 0.95 if unit.endswith(("元", "圆")) or prefix else 0.75
        else:
            unit = match.group("cn_unit") or ""
            number = parse_number(match.group("cn"))
            confidence = 0.95 if unit != "万" else 0.75  # 借款十万， (no 元): money, less sure
        if number is None:
            continue
        value = number * _unit_factor(unit)
        if unit.endswith(("元", "圆")):
            for group, factor in (("jiao", Decimal("0.1")), ("fen", Decimal("0.01"))):
                part = match.group(group)
                if part:
                    digit = parse_number(part[:-1])
                    if digit is not None:
                        value += digit * factor
            end = match.end()
        else:
            end = match.end("ar") if match.group("ar") is not None else match.end("cn")
            end = max(end, match.end("ar_unit") if match.group("ar_unit") else end)
            if unit == "万" and match.group("cn") is not None:
                end = match.end("cn_unit")
        if value <= 0 or value >= Decimal("1e13"):
            continue
        start = match.start()
        found.append(Mention("money", start, end, text[start:end], format_money(value), confidence))
    return found

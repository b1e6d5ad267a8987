"""An answer naming a claim by its number (不同意原告的第二项诉讼请求, 对第一项诉请无异议 / 第一、二项 / 第二至四项):
where it refers to which of the complaint's numbered claims.

What the numbered claims are is read where the claims are, engine/extraction/claims.py `numbered_items` (the
complaint Document's claims section, split into items as the claim parser splits it); this module reads only the
answer's references. A 第N项 counts only when a claim word follows or comes before it (请求 / 诉请 / 诉求 / 主张):
仲裁裁决第一项 is the award's item, not the complaint's.
"""

from __future__ import annotations

import re

from engine.extraction.numerals import parse_small

_NUMBER = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})"
# 第二项诉讼请求 / 诉讼请求第二项 / 第2项请求 / 第二、三项请求 / 第二至四项请求.
_REFERENCE = re.compile(
    rf"第(?P<n>{_NUMBER}(?:[、和及至-](?:第)?{_NUMBER})*)(?:项|个|条)(?:的)?(?:诉讼|仲裁)?(?:请求|诉请|诉求|主张)"
    rf"|(?:诉讼请求|诉请|诉求|请求)(?:中的|中)?第(?P<m>{_NUMBER}(?:[、和及至-](?:第)?{_NUMBER})*)(?:项|个|条)"
)
_LIST_PART = re.compile(rf"(?P<sep>[、和及至-])?(?:第)?(?P<number>{_NUMBER})")
_MAX_RANGE = 20


def _value(raw: str) -> int | None:
    return int(raw) if raw.isdigit() else parse_small(raw)


def _numbers(raw: str) -> list[int]:
    """一、二 → [1, 2]; 二至四 → [2, 3, 4]."""
    numbers: list[int] = []
    for part in _LIST_PART.finditer(raw):
        number = _value(part.group("number"))
        if number is None:
            continue
        if part.group("sep") in ("至", "-") and numbers and numbers[-1] < number <= numbers[-1] + _MAX_RANGE:
            numbers.extend(range(numbers[-1] + 1, number + 1))
        else:
            numbers.append(number)
    return numbers


def claim_references(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, int]]:
    """(number, start, end) of each claim number a 第N项请求 in text[start:end] names (a list: one entry each)."""
    found = []
    for match in _REFERENCE.finditer(text, start, len(text) if end is None else end):
        for number in _numbers(match.group("n") or match.group("m")):
            found.append((number, match.start(), match.end()))
    return found

"""An answer naming a claim by its number (不同意原告的第二项诉讼请求, 对第一项诉请无异议): the complaint's numbered claim
items, and where an answer refers to one of them.

The complaint lists its claims after the words that ask (诉讼请求： / 请求判令： / 要求…：) as 1、 / 一、 / （1） / 1. items;
a numbered list elsewhere (理由如下：1、…) is not the claims. An answer's 第N项 counts only when a claim word follows
(请求 / 诉请 / 诉求 / 主张): 仲裁裁决第一项 is the award's item, not the complaint's.
"""

from __future__ import annotations

import re

from engine.extraction.numerals import parse_small

_NUMBER = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})"
# An item's number as a complaint writes it: 1、 / 1. / 一、 / （1） / (一).
_ITEM_MARK = re.compile(rf"(?:(?<![\d.])(?P<a>{_NUMBER})[、.．](?!\d)|[（(](?P<b>{_NUMBER})[）)])")
# Words that open the claims, right before the first item.
_ASKS_BEFORE = re.compile(r"(?:请求|诉请|诉求|判令|判决|要求|如下|事项)[^。；\n]{0,12}[:：]?\s*$")
# 第二项诉讼请求 / 诉讼请求第二项 / 第2项请求 / 第二、三项请求 / 第二至四项请求.
_REFERENCE = re.compile(
    rf"第(?P<n>{_NUMBER}(?:[、和及至-](?:第)?{_NUMBER})*)(?:项|个|条)(?:的)?(?:诉讼|仲裁)?(?:请求|诉请|诉求|主张)"
    rf"|(?:诉讼请求|诉请|诉求|请求)(?:中的|中)?第(?P<m>{_NUMBER}(?:[、和及至-](?:第)?{_NUMBER})*)(?:项|个|条)"
)
_LIST_PART = re.compile(rf"(?P<sep>[、和及至-])?(?:第)?(?P<number>{_NUMBER})")
_MAX_RANGE = 20
_CLAIMS_WINDOW = 40
_ITEMS_END = re.compile(r"[。\n]")  # the last item runs to its sentence's end


def _value(raw: str) -> int | None:
    return int(raw) if raw.isdigit() else parse_small(raw)


def claim_items(complaint: str) -> dict[int, str]:
    """The complaint's numbered claims: number → the item's words (to the next number, or the sentence's end)."""
    marks = [(m, _value(m.group("a") or m.group("b") or "")) for m in _ITEM_MARK.finditer(complaint)]
    starts = [i for i, (m, n) in enumerate(marks)
              if n == 1 and _ASKS_BEFORE.search(complaint, max(0, m.start() - _CLAIMS_WINDOW), m.start())]
    if not starts:
        return {}
    first = starts[-1]  # the last list that follows asking words: the claims (an earlier one may be the reasons)
    items: dict[int, str] = {}
    expected = 1
    previous: re.Match[str] | None = None
    for mark, number in marks[first:]:
        if number != expected:
            continue  # a number inside an item (第14、15条) is no new item
        if previous is not None:
            items[expected - 1] = complaint[previous.end(): mark.start()]
        previous, expected = mark, expected + 1
    if previous is not None:
        end = _ITEMS_END.search(complaint, previous.end())
        items[expected - 1] = complaint[previous.end(): end.start() if end else len(complaint)]
    return items


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

"""Normalise pleading text for matching, keeping a map back to the characters the user wrote.

Folding is 1:1 (full-width digits/letters/percent → ASCII, ○ → 〇) and deletions drop
characters that carry no meaning in Chinese prose but break patterns (spaces, tabs,
carriage returns, zero-width characters, a stray BOM), so "5 0 0 0 0 元" matches as
50000元. Chinese numerals are not rewritten in the text: the recognisers convert the
matched span with cn2an (`engine.extraction.numerals`), which keeps words like 一次性 and
统一 intact for the cue keywords.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

_FOLD = {code: code - 0xFEE0 for code in range(0xFF10, 0xFF1A)}  # ０-９
_FOLD.update({code: code - 0xFEE0 for code in range(0xFF21, 0xFF3B)})  # Ａ-Ｚ
_FOLD.update({code: code - 0xFEE0 for code in range(0xFF41, 0xFF5B)})  # ａ-ｚ
_FOLD.update(
    {  # str.translate maps code points to code points or strings
        ord("％"): "%",  # type: ignore[dict-item]
        ord("．"): ".",  # type: ignore[dict-item]
        ord("＄"): "$",  # type: ignore[dict-item]
        ord("￥"): "¥",  # type: ignore[dict-item]
        ord("／"): "/",  # type: ignore[dict-item]
        ord("－"): "-",  # type: ignore[dict-item]
        ord("＋"): "+",  # type: ignore[dict-item]
        ord("○"): "〇",  # type: ignore[dict-item]
        ord("Ｏ"): "〇",  # type: ignore[dict-item]
        ord("\u00a0"): " ",  # type: ignore[dict-item]
    }
)
# Any character `_FOLD` rewrites: most pleadings have none, and then the (per-character) translate is skipped.
_FOLDABLE = re.compile("[" + "".join(re.escape(chr(code)) for code in _FOLD) + "]")
# Characters removed from the normalised text (never part of a value or a cue).
_DELETE = re.compile(r"[ \t\r\u3000\u200b\u200c\u200d\u2060\ufeff]+")


@dataclass(frozen=True)
class OffsetMap:
    """Maps offsets in the normalised text to offsets in the original text.

    Stored as the start of every kept run in both texts, so a lookup is a bisect and the
    map costs memory per deleted run, not per character.
    """

    norm_starts: tuple[int, ...]
    orig_starts: tuple[int, ...]
    orig_length: int
    # One kept run from 0 to 0 (nothing deleted): every offset maps to itself, no bisect needed.
    identity: bool = False

    def to_original(self, position: int) -> int:
        """Original offset of the normalised character at `position` (a start offset)."""
        if not self.norm_starts:
            return min(position, self.orig_length)
        index = bisect_right(self.norm_starts, position) - 1
        if index < 0:
            return position
        return self.orig_starts[index] + position - self.norm_starts[index]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original (start, end) of the normalised span [start, end), end exclusive."""
        if self.identity:
            return (start, end) if end > start else (start, start)
        if end <= start:
            original = self.to_original(start)
            return original, original
        return self.to_original(start), self.to_original(end - 1) + 1


@dataclass(frozen=True)
class Normalised:
    original: str
    text: str
    offsets: OffsetMap

    def span(self, start: int, end: int) -> tuple[int, int]:
        return self.offsets.span(start, end)


def normalise(original: str) -> Normalised:
    folded = original.translate(_FOLD) if _FOLDABLE.search(original) else original
    norm_parts: list[str] = []
    norm_starts: list[int] = []
    orig_starts: list[int] = []
    position = 0
    norm_length = 0
    for deleted in _DELETE.finditer(folded):
        if deleted.start() > position:
            norm_starts.append(norm_length)
            orig_starts.append(position)
            norm_parts.append(folded[position : deleted.start()])
            norm_length += deleted.start() - position
        position = deleted.end()
    if position < len(folded):
        norm_starts.append(norm_length)
        orig_starts.append(position)
        norm_parts.append(folded[position:])
    identity = norm_starts == [0] and orig_starts == [0]
    offsets = OffsetMap(tuple(norm_starts), tuple(orig_starts), len(original), identity)
    return Normalised(original, "".join(norm_parts), offsets)

"""Positions looked up in log time: where sentences and clauses start and end (`Stops`), and which of a
pattern's matches lie before, after or inside a position (`OrderedSpans`).

`max(text.rfind(c, lo, at) for c in "。；\\n")` finds the start of the sentence holding `at`, but a stop
character the text lacks is looked for all the way back to `lo`: once per mention, that is quadratic on a
long text (a claims list of thousands of items). `Stops` lists the positions of the stop characters once;
each lookup is then a bisection. Each reader keeps its own stop set (a sentence ends at 。, a clause at ，
as well), so the set is a parameter.

`start_of` / `end_of` are the one bounded scan for a short reach (a clause or a sentence back to a floor or on to a
ceiling a few dozen characters away): the bounds the readers used to write each with its own `rfind` / `find` loop.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import Generic, TypeVar

# A match as (start, end, what it is): one pattern's matches, so neither starts nor ends ever go back.
Span = TypeVar("Span", bound=tuple)  # type: ignore[type-arg]


def start_of(text: str, position: int, floor: int, stops: str) -> int:
    """Where the span holding `position` starts: right after the last of `stops` in text[floor:position], or
    `floor` when there is none (a clause or sentence start looked for no further back than `floor`)."""
    return max([floor, *(text.rfind(stop, floor, position) + 1 for stop in stops)])


def end_of(text: str, position: int, ceiling: int, stops: str) -> int:
    """Where the span holding `position` ends: at the first of `stops` in text[position:ceiling], or `ceiling`
    when there is none."""
    return min((i for i in (text.find(stop, position, ceiling) for stop in stops) if i >= 0), default=ceiling)


class Stops:
    """The positions of the characters of `chars` in text[lo:hi], in order."""

    def __init__(self, text: str, chars: str, lo: int = 0, hi: int | None = None) -> None:
        hi = len(text) if hi is None else hi
        pattern = re.compile("[" + re.escape(chars) + "]")
        self.positions = [match.start() for match in pattern.finditer(text, lo, hi)]

    def last_before(self, position: int) -> int:
        """The position of the last stop before `position`, -1 when there is none (as `str.rfind`)."""
        index = bisect_left(self.positions, position)
        return self.positions[index - 1] if index else -1

    def first_from(self, position: int) -> int:
        """The position of the first stop at or after `position`, -1 when there is none (as `str.find`)."""
        index = bisect_left(self.positions, position)
        return self.positions[index] if index < len(self.positions) else -1


class OrderedSpans(Generic[Span]):
    """Spans (start, end, …) in text order, none inside another (one pattern's matches), looked up by position
    by bisection: a long text's thousands of matches are not scanned once per figure."""

    def __init__(self, spans: list[Span]) -> None:
        self.spans = spans
        self.starts = [span[0] for span in spans]
        self.ends = [span[1] for span in spans]

    def first_from(self, position: int) -> Span | None:
        """The first span starting at or after `position`."""
        index = bisect_left(self.starts, position)
        return self.spans[index] if index < len(self.spans) else None

    def last_until(self, position: int) -> Span | None:
        """The last span ending at or before `position`."""
        index = bisect_right(self.ends, position)
        return self.spans[index - 1] if index else None

    def within(self, lo: int, hi: int) -> list[Span]:
        """The spans starting at or after `lo` and ending by `hi`."""
        first, last = bisect_left(self.starts, lo), bisect_right(self.ends, hi)
        return self.spans[first:last] if first < last else []

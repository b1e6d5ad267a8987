"""Trigger windows: run an expensive pattern only near the characters every match must contain.

A rate always holds %, ‰, 分 or 厘; a loan term always holds 期, 内 or 后. Scanning for those
characters first and running the full pattern on the merged windows around them gives the
same matches as a scan of the whole text (a match is never longer than the window allows) at
a fraction of the cost when the pattern is costly to try at every position, as the rate
pattern is (it starts with a number). Patterns that start with a cheap first-character test
(money, dates) run on the whole text: there the windows cost more than they save.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# A window never starts inside a clause it cannot see the start of: it is widened back to the
# previous clause break when one is near, so a match is not cut at its left edge.
_BREAKS = "，,。；;：:\n（）()、"


def windows(text: str, trigger: re.Pattern[str], before: int, after: int) -> Iterator[tuple[int, int]]:
    """Merged [lo, hi) windows around every trigger match: `before` characters back, `after` ahead."""
    lo = hi = -1
    for match in trigger.finditer(text):
        start = max(0, match.start() - before)
        end = min(len(text), match.end() + after)
        widened = _widen(text, start)
        if lo >= 0 and widened <= hi:  # widened back over the last window (分…%): one window, not two overlapping
            hi = max(hi, end)
            continue
        widened = _widen(text, start)
        if lo >= 0 and widened <= hi:  # widened back to a clause break, it reaches into the previous window
            hi = max(hi, end)
            continue
        if lo >= 0:
            yield lo, hi
        lo, hi = widened, end
    if lo >= 0:
        yield lo, hi


def _widen(text: str, start: int) -> int:
    """Move a window start back to just after the nearest clause break (at most 8 characters)."""
    for position in range(start, max(-1, start - 8), -1):
        if position == 0 or text[position - 1] in _BREAKS:
            return position
    return start


def finditer_near(
    pattern: re.Pattern[str], text: str, trigger: re.Pattern[str], before: int, after: int
) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)` restricted to the trigger windows, in text order, no overlaps."""
    last_end = 0
    for lo, hi in windows(text, trigger, before, after):
        for match in pattern.finditer(text, max(lo, last_end), hi):
            yield match
            last_end = match.end()

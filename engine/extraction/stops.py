"""Where sentences and clauses start and end, found in log time.

`max(text.rfind(c, lo, at) for c in "。；\\n")` finds the start of the sentence holding `at`, but a stop
character the text lacks is looked for all the way back to `lo`: once per mention, that is quadratic on a
long text (a claims list of thousands of items). `Stops` lists the positions of the stop characters once;
each lookup is then a bisection. Each reader keeps its own stop set (a sentence ends at 。, a clause at ，
as well), so the set is a parameter.
"""

from __future__ import annotations

import re
from bisect import bisect_left


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

"""Linear-time helpers for patterns that begin with a run of blank lines.

A pattern like `\\n\\s*X` or `(?<=\\n)\\s*X` is retried at every line break of a run of blank
lines and scans the rest of the run each time: quadratic on a file of empty paragraphs. The
fix is a pattern that only skips blanks within one line (`[^\\S\\n]*`), then one walk back over
the blank lines before the match, which gives the start the multi-line pattern would have found.
"""

from __future__ import annotations


def first_blank_line_start(text: str, position: int, floor: int, breaks: str = "\n") -> int:
    """Start of the first line, at or after `floor`, of the blank lines that end at `position`.

    `position` is a line start (0 or just after a line break); lines that hold only whitespace
    directly before it are included, as `(?:^|(?<=\\n))\\s*` would include them. With `breaks`
    (e.g. "\\n；。"), a "line" may also start after any of those characters, as in
    `(?:^|(?<=[\\n；。]))\\s*`.
    """
    start = position
    while start > floor and text[start - 1].isspace():
        start -= 1
    if start == 0 or text[start - 1] in breaks:
        return start
    return text.index("\n", start, position) + 1 if start < position else position


def first_blank_break(text: str, position: int, floor: int) -> int:
    """The first line break, at or after `floor`, of the blank lines that end at the break `position`.

    `position` holds a line break; `\\n\\s*` would have matched from the first break of the
    whitespace run before it.
    """
    start = position
    while start > floor and text[start - 1].isspace():
        start -= 1
    return text.index("\n", start, position + 1)

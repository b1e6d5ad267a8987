"""Check boxes as forms print them: ☑ ■ √ ✓ ☒ (ticked) and □ ☐ (not ticked).

A form writes the box after its option (现金□ 转账☑, the 示范文本 layout) or before it
(☑现金 □转账); the first box of a line tells which. An unticked box never decides a value.
"""

from __future__ import annotations

import re

TICKED = "☑■√✓✔☒▣✅⊠"
UNTICKED = "□☐▢◻◽"
BOXES = TICKED + UNTICKED
_BOX = re.compile(f"[{BOXES}]")
# An option: the words between two boxes (or a box and a separator), on the side the layout puts them.
_OPTION_AFTER = re.compile(rf"([^{BOXES}\s:：，,；;、/（）()]+)\s*([{BOXES}])")
_OPTION_BEFORE = re.compile(rf"([{BOXES}])\s*([^{BOXES}\s:：，,；;、/（）()]+)")


def has_boxes(text: str) -> bool:
    return _BOX.search(text) is not None


def _boxes_after(line: str) -> bool:
    """True for the 现金□ layout (box after its option), False for ☑现金."""
    first = _BOX.search(line)
    if first is None:
        return True
    before = line[: first.start()].rstrip()
    return bool(before) and before[-1] not in ":：，,；;、/（(\t"


def options(line: str, offset: int = 0) -> list[tuple[str, bool, int, int]]:
    """(option words, ticked?, start, end) of every boxed option in `line` (offsets + `offset`)."""
    found: list[tuple[str, bool, int, int]] = []
    if _boxes_after(line):
        for match in _OPTION_AFTER.finditer(line):
            found.append((match.group(1), match.group(2) in TICKED, offset + match.start(1), offset + match.end()))
    else:
        for match in _OPTION_BEFORE.finditer(line):
            found.append((match.group(2), match.group(1) in TICKED, offset + match.start(), offset + match.end(2)))
    return found


def box_state(text: str, start: int, end: int) -> bool | None:
    """Ticked (True), unticked (False) or no box (None) for the option word at text[start:end]."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    if not has_boxes(line):
        return None
    for _, ticked, o_start, o_end in options(line, line_start):
        if o_start <= start and end <= o_end:
            return ticked
    return None

"""Phone numbers: mainland mobiles (1[3-9] + 9 digits) and landlines (0571-87654321)."""

from __future__ import annotations

import re

from engine.extraction.mention import Mention

# The look-behind sits after the first character so the scan only starts at 0 or 1.
_PHONE = re.compile(r"[01](?<![\d\-][01])(?:(?<=1)[3-9]\d{9}|(?<=0)\d{2,3}-\d{7,8})(?![\d\-])")


def find_phones(text: str) -> list[Mention]:
    return [Mention("phone", m.start(), m.end(), m.group(), m.group(), 0.95) for m in _PHONE.finditer(text)]

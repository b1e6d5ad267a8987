"""JSON text of files we write: exactly `json.dumps(value, ensure_ascii=False, indent=2)`, faster.

The standard library's encoder is pure Python as soon as `indent` is set (~2 ms for a 23 KB case
file, the largest single cost of saving a batch case). orjson writes the same text ~20× faster
for the plain values case files hold. Anything where its text could differ — a float Python
prints with an exponent (1e-05, 1e+16) or a non-finite one (NaN), a key that is not a str, a
subclass or any other type (orjson would print a date or an enum that json refuses), an int
beyond 64 bits, a lone surrogate — goes to the standard encoder, so the text is always the same.
"""

from __future__ import annotations

import json
import math
from typing import Any

import orjson

_SCALARS = (str, int, bool, type(None))


def _plain(value: Any) -> bool:
    """True when `value` holds only dict (str keys), list, tuple, str, int, bool, None and floats
    that orjson prints as Python does (exact types: no subclass)."""
    stack = [value]
    while stack:
        item = stack.pop()
        kind = type(item)
        if kind is dict:
            if not all(type(key) is str for key in item):
                return False
            stack.extend(item.values())
        elif kind is list or kind is tuple:
            stack.extend(item)
        elif kind is float:
            if not math.isfinite(item) or "e" in repr(item):
                return False
        elif kind not in _SCALARS:
            return False
    return True


def indented_json(value: Any) -> str:
    """`json.dumps(value, ensure_ascii=False, indent=2)`, by orjson when it gives the same text."""
    if _plain(value):
        try:
            return orjson.dumps(value, option=orjson.OPT_INDENT_2).decode("utf-8")
        except orjson.JSONEncodeError:
            pass  # an int beyond 64 bits, a lone surrogate: the standard encoder decides
    return json.dumps(value, ensure_ascii=False, indent=2)

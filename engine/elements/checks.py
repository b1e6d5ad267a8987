"""Cross-field check kinds used by the `checks:` list of an element table.

A table declares which elements a check compares; this module only knows the few
kinds of comparison. Each check returns a Chinese message, or None when it holds
(or cannot be judged because a value is missing or still disputed).
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any


def _money(value: Any) -> Decimal | None:
    try:
        return Decimal(str(value)) if isinstance(value, str) else None
    except InvalidOperation:
        return None


def _date(value: Any) -> str | None:
    # Only full dates are compared; a bare year or month says too little.
    return value if isinstance(value, str) and len(value) == 10 else None


def money_not_greater(left: Any, right: Any, check: dict[str, Any]) -> str | None:
    lval, rval = _money(left), _money(right)
    if lval is None or rval is None or lval <= rval:
        return None
    return check["message"].format(left=left, right=right)


def date_not_after(left: Any, right: Any, check: dict[str, Any]) -> str | None:
    lval, rval = _date(left), _date(right)
    if lval is None or rval is None or lval <= rval:
        return None
    return check["message"].format(left=left, right=right)


def requires(left: Any, right: Any, check: dict[str, Any]) -> str | None:
    if left in (None, [], ""):
        return None
    if "equals" in check:
        return None if right == check["equals"] else check["message"].format(left=left, right=right)
    return None if right not in (None, [], "") else check["message"].format(left=left, right=right)


CHECK_KINDS: dict[str, Callable[[Any, Any, dict[str, Any]], str | None]] = {
    "money_not_greater": money_not_greater,
    "date_not_after": date_not_after,
    "requires": requires,
}

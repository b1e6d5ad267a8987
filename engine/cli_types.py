"""Checks shared by the CLI's option parsing: numbers a calculator can take, refused in Chinese.

The calculators (engine/law/cli.py) take amounts, rates and coefficients as text; `decimal_option`
turns one into a Decimal and refuses what no calculation means: NaN, Infinity, 1e400, negative
values, more than MAX_DIGITS characters, and amounts at or above MAX_AMOUNT (10^13 元, the bound
engine/case/bounds.py puts on case files). Percent options are capped at MAX_PERCENT: a sanity
bound against typos, not a legal limit (the law's own limits are the calculators' business).
`int_option` bounds counts and ages the same way.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from engine.errors import E, YaosuError

MAX_AMOUNT = Decimal(10) ** 13
MAX_PERCENT = Decimal(10_000)
MAX_DIGITS = 40
MAX_INT = 1_000_000
PERCENT_OPTIONS = ("--rate", "--overdue-rate", "--penalty-rate", "--coefficient")


def decimal_option(raw: str | None, name: str) -> Decimal | None:
    """The Decimal an option's text gives (`1,000`, `15.4%` accepted); YaosuError naming `name`."""
    if raw is None:
        return None
    text = raw.replace(",", "").replace("，", "").strip().rstrip("%").strip()
    if len(text) > MAX_DIGITS:
        raise YaosuError(E.E990, name=name, len_text=len(text))
    try:
        value = Decimal(text)
    except InvalidOperation as exc:
        raise YaosuError(E.E519, name=name, raw=raw) from exc
    if not value.is_finite():
        raise YaosuError(E.E991, name=name, raw=raw)
    if value < 0:
        raise YaosuError(E.E992, name=name, raw=raw)
    limit = MAX_PERCENT if name in PERCENT_OPTIONS else MAX_AMOUNT
    if value >= limit:
        raise YaosuError(E.E993, name=name, raw=raw, limit=limit)
    return value


def int_option(raw: int | None, name: str) -> int | None:
    """A count, age or year given as an option: non-negative and below MAX_INT."""
    if raw is None:
        return None
    if raw < 0:
        raise YaosuError(E.E992, name=name, raw=raw)
    if raw >= MAX_INT:
        raise YaosuError(E.E994, name=name, raw=raw)
    return raw

"""Recognisers: pure functions text → list[Mention], offsets into the text they were given.

Every recogniser is registered in `RECOGNISERS` under its kind so the pipeline component
can be configured with the kinds it runs (spaCy-style registry of named functions). The kinds every
case type runs are `BASE_KINDS`; a case-type package registers its own (民间借贷's loan terms) with
`register_recogniser` and lists them in its `recognisers`.
"""

from __future__ import annotations

from collections.abc import Callable

from engine.extraction.mention import Mention
from engine.extraction.recognisers.dates import find_dates
from engine.extraction.recognisers.ids import find_id_numbers
from engine.extraction.recognisers.money import find_money
from engine.extraction.recognisers.phones import find_phones
from engine.extraction.recognisers.rates import find_rates

RECOGNISERS: dict[str, Callable[[str], list[Mention]]] = {
    "money": find_money,
    "date": find_dates,
    "rate": find_rates,
    "id_number": find_id_numbers,
    "phone": find_phones,
}


BASE_KINDS = tuple(RECOGNISERS)


def register_recogniser(kind: str, function: Callable[[str], list[Mention]]) -> None:
    if RECOGNISERS.get(kind, function) is not function:
        raise ValueError(f"recogniser kind {kind!r} is registered twice")
    RECOGNISERS[kind] = function


def recognise(text: str, kinds: tuple[str, ...] | list[str] | None = None) -> list[Mention]:
    found: list[Mention] = []
    for kind in kinds or RECOGNISERS:
        found.extend(RECOGNISERS[kind](text))
    found.sort(key=lambda m: (m.start, -m.end))
    return found

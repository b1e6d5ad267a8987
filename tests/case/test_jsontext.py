"""engine.jsontext.indented_json writes exactly what json.dumps(..., ensure_ascii=False, indent=2) writes."""

from __future__ import annotations

import json
import math
from datetime import date
from enum import Enum
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from engine.jsontext import indented_json


def _reference(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)


_scalars = (
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True, allow_infinity=True)
    | st.text() | st.sampled_from(["中文", "\u2028", "\x7f", "\x1f", '"\\/', "0.00001"])
)
_values = st.recursive(
    _scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4),
    max_leaves=30,
)


@settings(max_examples=400, deadline=None)
@given(_values)
def test_same_text_as_the_standard_encoder(value: Any) -> None:
    assert indented_json(value) == _reference(value)


@pytest.mark.parametrize("value", [
    {"confidence": 0.6, "amount": "95000.00", "items": [], "meta": {}},
    [1e-05, 1e16, 5e-324, 1e15, -0.0, 2.5e-4],  # Python prints exponents; orjson would not
    {"n": math.nan, "i": math.inf},
    {1: "int key", "s": True},  # json turns the key into "1"
    {"big": 2**70, "neg": -(2**63) - 1},
    ("tuple", ["list"]),
])
def test_the_values_orjson_would_print_otherwise(value: Any) -> None:
    assert indented_json(value) == _reference(value)


class Colour(Enum):
    RED = 1


@pytest.mark.parametrize("value", [{"d": date(2023, 1, 1)}, {"e": Colour.RED}, {"s": {1, 2}}])
def test_what_json_refuses_is_refused(value: Any) -> None:
    # orjson would print a date or an enum; a case file holding one is a bug, and stays an error.
    with pytest.raises(TypeError):
        _reference(value)
    with pytest.raises(TypeError):
        indented_json(value)


def test_a_lone_surrogate_is_left_to_the_writer_to_refuse() -> None:
    assert indented_json({"a": "\ud800"}) == _reference({"a": "\ud800"})

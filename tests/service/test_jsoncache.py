"""jsoncache: the spliced JSON of a case is exactly json.dumps of it, however parts are shared."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from engine.case.patch import apply_patch
from engine.service.jsoncache import dumps_case
from engine.system import default_system

SYSTEM = default_system()


def _plain(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text() | st.floats(allow_nan=False),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(), children, max_size=3),
    max_leaves=12,
)


@settings(max_examples=200, deadline=None)
@given(
    elements=st.dictionaries(st.text(max_size=8), json_values, max_size=6),
    complaint=json_values,
    extra=st.dictionaries(st.text(max_size=8), json_values, max_size=3),
)
def test_same_text_as_json_dumps(elements: dict[str, Any], complaint: Any, extra: dict[str, Any]) -> None:
    case = {**extra, "elements": elements, "complaint": complaint}
    assert dumps_case(case) == _plain(case)
    # again, now from the cache, and with the shared parts in a new version
    assert dumps_case(case) == _plain(case)
    changed = {**case, "elements": {**elements, "新": {"status": "agreed", "complaint": "<&>\"'"}}}
    assert dumps_case(changed) == _plain(changed)


def test_non_string_keys_and_non_dict_elements() -> None:
    for case in ({"elements": {1: {"a": 1}}}, {"elements": [1, 2]}, {"elements": None}, {}):
        assert dumps_case(case) == _plain(case)


def test_a_saved_version_shares_state_text_but_not_the_changed_state() -> None:
    case = {
        "case_type": "private_lending",
        "table_version": "1",
        "court": "qingpu",
        "elements": {
            "loan_amount": {"status": "agreed", "complaint": "100000.00"},
            "delivered_amount": {"status": "complaint_only", "complaint": "100000.00"},
        },
        "findings": {},
    }
    assert dumps_case(case) == _plain(case)
    edited = apply_patch(SYSTEM, case, {}, {"elements": {"delivered_amount": {"complaint": "95000.00"}}})
    assert edited["elements"]["loan_amount"] is case["elements"]["loan_amount"]
    assert dumps_case(edited) == _plain(edited)
    assert "95000.00" in dumps_case(edited) and "95000.00" not in dumps_case(case)

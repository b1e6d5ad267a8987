"""A shared runner for golden extraction cases as data (one YAML file per shape of text).

A case holds `role` (complaint / answer), `text`, `expect` (element → value; in an answer
`[position, value]`), `absent` (elements that must not be extracted) and optionally `pending: <why>`
(a shape the rules do not read yet: a strict xfail, to be unmarked the moment it passes); an expected
`null` means the element is not extracted. Values are
compared as extraction scoring compares them (engine.extraction.evaluate.values_match: a text value
matches when one contains the other, money by amount, a rate by its annual figure); an expected object
is compared on the keys it gives. Used by tests/casetypes/sale_contract/test_golden.py.
`check_golden_exact` compares values exactly instead (a party list as its names): the traffic and labour
cases (tests/casetypes/{motor_vehicle_accident,labor_dispute}/test_golden.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from engine.extraction.api import extract_text
from engine.extraction.evaluate import values_match
from engine.system import default_system


def golden_params(folder: Path) -> list[Any]:
    """pytest params for every `*.yaml` case of `folder`, pending ones as strict xfails."""
    params = []
    for path in sorted(folder.glob("*.yaml")):
        pending = yaml.safe_load(path.read_text(encoding="utf-8")).get("pending")
        marks = [pytest.mark.xfail(reason=str(pending), strict=True)] if pending else []
        params.append(pytest.param(path, id=path.stem, marks=marks))
    return params


def _same(element_type: str, expected: Any, got: Any) -> bool:
    if isinstance(expected, dict):
        return isinstance(got, dict) and all(
            _same("object", v, got.get(k)) if isinstance(v, dict) else str(got.get(k)) == str(v)
            for k, v in expected.items())
    if expected is None or got is None:
        return expected is got
    return values_match(element_type, expected, got)


def _matches(element_type: str, role: str, expected: Any, element: dict[str, Any] | None) -> bool:
    if expected is None:  # `expect: {id: null}`: not extracted (the traffic cases write absence so)
        return element is None
    if element is None:
        return False
    if role == "answer":
        position, value = expected
        return element.get("position") == position and _same(element_type, value, element.get("value"))
    return _same(element_type, expected, element.get("value"))


def check_golden(path: Path, case_type: str) -> None:
    """Extract the case's text as `case_type` and compare with what it expects."""
    case = yaml.safe_load(path.read_text(encoding="utf-8"))
    role = case.get("role", "complaint")
    system = default_system()
    types = system.casetype(case_type).types
    elements = extract_text(system, case["text"], case_type, role, case.get("complaint", ""))["elements"]
    wrong = {eid: {"expected": want, "got": elements.get(eid)}
             for eid, want in (case.get("expect") or {}).items()
             if not _matches(types.get(eid, "text"), role, want, elements.get(eid))}
    assert wrong == {}
    assert [eid for eid in case.get("absent", []) if eid in elements] == []


def _exact(element: dict[str, Any] | None, role: str) -> Any:
    if element is None:
        return None
    value = element["value"]
    if isinstance(value, list) and value and isinstance(value[0], dict) and "kind" in value[0]:
        value = [party["name"] for party in value]  # a party list as its names
    return [element.get("position"), value] if role == "answer" else value


def check_golden_exact(path: Path, case_type: str) -> None:
    """Extract the case's text as `case_type`; every expected value must be exactly what extraction gives."""
    case = yaml.safe_load(path.read_text(encoding="utf-8"))
    role = case.get("role", "complaint")
    elements = extract_text(default_system(), case["text"], case_type, role, case.get("complaint", ""))["elements"]
    expected = case.get("expect") or {}
    assert {eid: _exact(elements.get(eid), role) for eid in expected} == expected
    assert [eid for eid in case.get("absent", []) if eid in elements] == []

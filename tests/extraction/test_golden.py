"""Golden cases as data (tests/extraction/golden/*.yaml): text → expected elements, one per shape."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from engine.extraction.api import extract_text
from engine.system import default_system

GOLDEN = sorted((Path(__file__).parent / "golden").glob("*.yaml"))


def _case(path: Path) -> Any:
    """A golden case; one marked `pending: <why>` is a shape the rules do not read yet (strict xfail, so
    that it must be unmarked the moment it passes)."""
    pending = yaml.safe_load(path.read_text(encoding="utf-8")).get("pending")
    marks = [pytest.mark.xfail(reason=str(pending), strict=True)] if pending else []
    return pytest.param(path, id=path.stem, marks=marks)


def _plain(value: Any) -> Any:
    """A value in the golden files' shape: names for party lists, {period, percent} for a rate (also in a
    ledger row)."""
    if isinstance(value, list) and value and isinstance(value[0], dict) and "name" in value[0]:
        return [party["name"] for party in value]
    if isinstance(value, dict) and "percent" in value and "period" in value:
        return {"period": value["period"], "percent": value["percent"]}
    if isinstance(value, list) and all(isinstance(row, dict) for row in value):
        return [{key: _plain(field) for key, field in row.items()} for row in value]  # ledger rows: their rates
    return value


@pytest.mark.parametrize("path", [_case(p) for p in GOLDEN])
def test_golden(path: Path) -> None:
    _check(yaml.safe_load(path.read_text(encoding="utf-8")))


def _check(case: dict[str, Any]) -> None:
    role = case.get("role", "complaint")
    result = extract_text(default_system(), case["text"], "private_lending", role, case.get("complaint", ""))
    elements = result["elements"]
    got: dict[str, Any] = {}
    for eid in case.get("expect", {}):
        element = elements.get(eid)
        if element is None:
            got[eid] = None
        elif role == "answer" and eid not in ("plaintiffs", "defendants"):
            got[eid] = [element.get("position"), _plain(element["value"])]
        else:
            got[eid] = _plain(element["value"])
    assert got == case.get("expect", {})
    assert [eid for eid in case.get("absent", []) if eid in elements] == []
    for eid, written in case.get("evidence", {}).items():
        assert written in [e["text"] for e in elements[eid]["evidence"]], eid

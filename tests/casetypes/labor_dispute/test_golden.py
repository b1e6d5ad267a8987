"""Golden cases as data (golden/*.yaml beside this file): labour complaint and answer text → expected elements,
one per shape (the labor_g_* shape catalogue, golden/README.md)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from engine.extraction.api import extract_text
from engine.system import default_system

GOLDEN = sorted((Path(__file__).parent / "golden").glob("*.yaml"))


def _case(path: Path) -> Any:
    """A golden case; one marked `pending: <why>` is a shape the rules do not read yet (strict xfail: it
    must be unmarked the moment it passes)."""
    pending = yaml.safe_load(path.read_text(encoding="utf-8")).get("pending")
    marks = [pytest.mark.xfail(reason=str(pending), strict=True)] if pending else []
    return pytest.param(path, id=path.stem, marks=marks)


def _got(elements: dict[str, Any], eid: str, role: str) -> Any:
    element = elements.get(eid)
    if element is None:
        return None
    if role == "answer":
        return [element.get("position"), element["value"]]
    return element["value"]


@pytest.mark.parametrize("path", [_case(p) for p in GOLDEN])
def test_golden(path: Path) -> None:
    case = yaml.safe_load(path.read_text(encoding="utf-8"))
    role = case.get("role", "complaint")
    elements = extract_text(default_system(), case["text"], "labor_dispute", role)["elements"]
    assert {eid: _got(elements, eid, role) for eid in case.get("expect", {})} == case.get("expect", {})
    assert [eid for eid in case.get("absent", []) if eid in elements] == []

"""Shared fixtures: the hand-written 民间借贷 case file used by drafting and case tests."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

DATA = Path(__file__).parent / "drafting" / "data"


@pytest.fixture(scope="session")
def _lending_case() -> dict[str, Any]:
    return json.loads((DATA / "case_private_lending.json").read_text(encoding="utf-8"))


@pytest.fixture
def lending_case(_lending_case: dict[str, Any]) -> dict[str, Any]:
    """A fresh copy per test: tests may change it."""
    return copy.deepcopy(_lending_case)


@pytest.fixture
def decided_case(lending_case: dict[str, Any]) -> dict[str, Any]:
    """The same case with the two disputes decided."""
    lending_case["findings"] = {"delivered_amount": "95000.00", "guarantee_type": "general"}
    lending_case["reasons"] = {
        "delivered_amount": "转账记录显示原告实际转账95,000元",
        "guarantee_type": "保证合同未约定连带责任，保证方式约定不明",
    }
    return lending_case

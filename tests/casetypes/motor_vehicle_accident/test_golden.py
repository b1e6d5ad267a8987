"""Golden cases as data (golden/*.yaml beside this file): traffic text → expected elements, one per shape."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.golden_cases import check_golden_exact, golden_params


@pytest.mark.parametrize("path", golden_params(Path(__file__).parent / "golden"))
def test_golden(path: Path) -> None:
    check_golden_exact(path, "motor_vehicle_accident")

"""Golden cases for the law tests live as YAML in golden/; each must cite its article and show the hand sum."""

from pathlib import Path
from typing import Any

import pytest
import yaml

GOLDEN = Path(__file__).parent / "golden"


def load_golden(name: str) -> list[dict[str, Any]]:
    # Strings stay strings (money is written quoted); dates come back as datetime.date.
    return yaml.safe_load((GOLDEN / name).read_text(encoding="utf-8"))


def golden_params(name: str) -> Any:
    cases = load_golden(name)
    for case in cases:
        assert case.get("citation"), f"{name}:{case['id']} must cite the article it was computed from"
        assert case.get("hand"), f"{name}:{case['id']} must show the hand computation"
    return pytest.mark.parametrize("case", cases, ids=[c["id"] for c in cases])

"""The dated calculator registry and its snapshot (as spaCy's tests/registry_contents.json)."""

import os
from datetime import date
from pathlib import Path
from uuid import uuid4

import pytest

from engine.errors import YaosuError
from engine.registry import Registry, get_calculator, registry_snapshot

SNAPSHOT = Path(__file__).parent / "registry_contents.json"


def test_registry_matches_the_snapshot() -> None:
    current = registry_snapshot()
    if os.environ.get("YAOSU_UPDATE_SNAPSHOT"):
        SNAPSHOT.write_text(current, encoding="utf-8")
    assert SNAPSHOT.read_text(encoding="utf-8") == current, (
        "the calculator registry changed: review the change, then regenerate "
        "tests/law/registry_contents.json with YAOSU_UPDATE_SNAPSHOT=1 .venv/bin/pytest tests/law/test_registry.py"
    )


def fresh() -> Registry:
    return Registry(f"test_{uuid4().hex}")


def test_dated_versions_are_chosen_by_day() -> None:
    registry = fresh()

    @registry.register("cap", version=1, effective_to=date(2020, 8, 19))
    def cap_old() -> str:
        return "24%"

    @registry.register("cap", version=2, effective_from=date(2020, 8, 20))
    def cap_new() -> str:
        return "4×LPR"

    assert registry.get("cap") is cap_new  # newest
    assert registry.get("cap", on=date(2020, 8, 19)) is cap_old
    assert registry.get("cap", on=date(2020, 8, 20)) is cap_new
    assert registry.get("cap", version=1) is cap_old  # pinned: recompute a draft as drafted
    assert cap_old.calculator_id == "cap.v1"
    with pytest.raises(YaosuError, match="不适用于2021-01-01"):
        registry.get("cap", version=1, on=date(2021, 1, 1))
    assert [c["id"] for c in registry.contents()] == ["cap.v1", "cap.v2"]


def test_misses_are_chinese_errors() -> None:
    registry = fresh()

    @registry.register("fee", version=1, effective_from=date(2007, 4, 1))
    def fee() -> None:
        return None

    with pytest.raises(YaosuError, match="没有名为 'nope' 的计算器"):
        registry.get("nope")
    with pytest.raises(YaosuError, match="没有第3版"):
        registry.get("fee", version=3)
    with pytest.raises(YaosuError, match="没有适用于2007-03-31的版本"):
        registry.get("fee", on=date(2007, 3, 31))
    with pytest.raises(YaosuError, match="已注册"):

        @registry.register("fee", version=1)
        def other() -> None:
            return None


def test_default_registry_has_the_law_calculators() -> None:
    import engine.law  # noqa: F401

    with pytest.raises(YaosuError, match="没有名为"):
        get_calculator("no_such_calculator")
    assert get_calculator("litigation_fee", on=date(2024, 1, 1)).calculator_id == "litigation_fee.v1"

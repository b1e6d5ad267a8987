"""Court profiles are data: a fourth court is one more entry in courts.yaml."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from engine.drafting.render import render_text
from engine.errors import YaosuError
from engine.system import default_system, load_system

SYSTEM = default_system()


def test_fourth_court_is_a_data_change(decided_case: dict[str, Any], tmp_path: Path) -> None:
    for folder in ("elements", "element_tables", "parameters"):
        (tmp_path / folder).symlink_to(SYSTEM.root / folder)
    shutil.copytree(SYSTEM.templates_dir, tmp_path / "judgment_templates")
    with (tmp_path / "judgment_templates" / "courts.yaml").open("a", encoding="utf-8") as handle:
        handle.write(
            "kunshan:\n  name: 江苏省昆山市人民法院\n  short: 昆山法院\n  case_prefix: 苏0583\n"
            "  appeal_court: 江苏省苏州市中级人民法院\n  province: 江苏省\n  province_id: jiangsu\n  city_id: suzhou\n"
        )
    text = render_text(load_system(tmp_path), decided_case, "kunshan")
    assert text.startswith("江苏省昆山市人民法院\n民事判决书\n（2025）苏0583民初1234号\n")


def test_unknown_court_names_the_choices(decided_case: dict[str, Any]) -> None:
    with pytest.raises(YaosuError) as error:
        render_text(SYSTEM, decided_case, "pudong")
    assert "未知的法院：pudong" in error.value.message
    assert "qingpu" in error.value.message and "jiashan" in error.value.message

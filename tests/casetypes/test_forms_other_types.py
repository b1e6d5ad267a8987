"""Element-style forms of 机动车交通事故 / 买卖合同 / 劳动争议 read as structure, 100 % of the team's own
fixtures (corpus/forms/*.yaml, built into real .docx files by scripts/build_form_fixtures.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from engine.extraction.api import extract_path
from engine.paths import CORPUS_DIR
from engine.system import default_system

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "build_form_fixtures.py"
TYPES = ("motor_vehicle_accident", "sale_contract", "labor_dispute")


def _fixture(case_type: str) -> dict[str, Any]:
    return yaml.safe_load((CORPUS_DIR / "forms" / f"{case_type}.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = {}
    for flag in ("", "--unticked"):
        folder = tmp_path_factory.mktemp("forms" + flag.strip("-"))
        done = subprocess.run([sys.executable, str(SCRIPT), str(folder), *([flag] if flag else [])],
                              capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        out[flag.strip("-") or "ticked"] = folder
    return out


def _plain(value: Any) -> Any:
    if isinstance(value, list) and value and isinstance(value[0], dict):
        return [party["name"] for party in value]
    if isinstance(value, dict) and "percent" in value:
        return value["percent"]
    return value


@pytest.mark.parametrize("case_type", TYPES)
def test_complaint_form_every_item(built: dict[str, Path], case_type: str) -> None:
    form = _fixture(case_type)["complaint"]
    result = extract_path(default_system(), built["ticked"] / f"{case_type}_complaint.docx", case_type)
    values = {eid: _plain(element["value"]) for eid, element in result["elements"].items()}
    assert {eid: values.get(eid) for eid in form["expected"]} == form["expected"]
    assert [eid for eid in form.get("absent", []) if eid in values] == []


@pytest.mark.parametrize("case_type", TYPES)
def test_answer_form_positions(built: dict[str, Path], case_type: str) -> None:
    form = _fixture(case_type)["answer"]
    result = extract_path(default_system(), built["ticked"] / f"{case_type}_answer.docx", case_type, role="answer")
    got = {eid: [result["elements"][eid].get("position"), _plain(result["elements"][eid]["value"])]
           if eid in result["elements"] else None for eid in form["expected"]}
    assert got == form["expected"]


@pytest.mark.parametrize("case_type", TYPES)
def test_unticked_boxes_decide_no_enum_or_bool(built: dict[str, Path], case_type: str) -> None:
    """The same complaint with every box left empty: what only a tick can say is not extracted."""
    system = default_system()
    table = system.table(case_type)
    form = _fixture(case_type)["complaint"]
    decided = [eid for eid in form["expected"] if table.element(eid).type in ("enum", "bool")]
    assert decided, "each fixture has ticked enums or bools"
    result = extract_path(system, built["unticked"] / f"{case_type}_complaint.docx", case_type)
    assert [eid for eid in decided if eid in result["elements"]] == []
    money = [eid for eid, value in form["expected"].items() if table.element(eid).type == "money"]
    assert all(_plain(result["elements"][eid]["value"]) == form["expected"][eid] for eid in money)

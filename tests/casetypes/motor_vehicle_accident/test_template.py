"""The traffic template: built by judgment_templates/make_templates.py, its variables are Judgment fields,
and adding its builder left the 民间借贷 template's content unchanged."""

from __future__ import annotations

import importlib.util
import zipfile
from pathlib import Path

from docxtpl import DocxTemplate

from engine.drafting.content import Judgment
from tests.casetypes.motor_vehicle_accident.helpers import SYSTEM

BUILDER = SYSTEM.templates_dir / "make_templates.py"


def _builder():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("make_templates", BUILDER)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _document_xml(path: Path) -> bytes:
    with zipfile.ZipFile(path) as package:
        return package.read("word/document.xml")


def test_committed_templates_are_what_the_builder_makes(tmp_path: Path) -> None:
    builder = _builder()
    builder.build_private_lending(tmp_path / "private_lending.docx")
    builder.build_motor_vehicle_accident(tmp_path / "motor_vehicle_accident.docx")
    for name in ("private_lending.docx", "motor_vehicle_accident.docx"):
        assert _document_xml(tmp_path / name) == _document_xml(SYSTEM.templates_dir / name), name


def test_template_variables_are_judgment_fields() -> None:
    variables = DocxTemplate(str(SYSTEM.templates_dir / "motor_vehicle_accident.docx")).get_undeclared_template_variables()
    assert {"item_rows", "allocation_rows", "element_rows", "orders"} <= variables
    assert variables <= set(Judgment.model_fields)

"""Hand-built 机动车交通事故 case files (the values a clerk would enter), drafted and reopened as docx."""

from __future__ import annotations

import io
from typing import Any

from docx import Document

from engine.case.merge import merge_elements
from engine.system import default_system

SYSTEM = default_system()
CASETYPE = SYSTEM.casetype("motor_vehicle_accident")


def person(name: str, birth: str | None = None) -> dict[str, Any]:
    return {"name": name, "kind": "natural", "gender": None, "birth_date": birth, "ethnicity": None,
            "id_number": None, "address": None, "legal_representative": None, "agents": []}


def company(name: str) -> dict[str, Any]:
    return {**person(name), "kind": "legal", "legal_representative": "负责人"}


def vehicle(plate: str, driver: str, insurer: str | None, limit: str | None) -> dict[str, Any]:
    return {"plate": plate, "driver": driver, "owner": driver, "compulsory_insurer": insurer,
            "commercial_insurer": insurer if limit else None, "commercial_limit": limit}


def make_case(complaint: dict[str, Any], *, answer: dict[str, tuple[str, Any]] | None = None,
              findings: dict[str, Any] | None = None, hearing_end: str | None = "2024-06-28",
              court: str | None = None) -> dict[str, Any]:
    """A case file from the complaint's values and the answer's (position, value) per element."""
    c = {"role": "complaint", "elements": {k: {"value": v} for k, v in complaint.items()}}
    a = None
    if answer is not None:
        a = {"role": "answer", "elements": {k: {"position": p, "value": v} for k, (p, v) in answer.items()}}
    meta: dict[str, Any] = {"procedure": "simple", "public_hearing": True, "absent": []}
    if hearing_end:
        meta["hearing_end_date"] = hearing_end
    return {
        "schema_version": "1",
        "case_type": "motor_vehicle_accident",
        "table_version": CASETYPE.table.version,
        "court": court,
        "meta": meta,
        "complaint": {"role": "complaint", "file": None, "text": "", "elements": {}, "missing": [], "warnings": []},
        "answer": ({"role": "answer", "file": None, "text": "", "elements": {}, "missing": [], "warnings": []}
                   if answer is not None else None),
        "elements": merge_elements(CASETYPE, c, a),
        "findings": findings or {},
    }


def docx_sections(data: bytes) -> dict[str, Any]:
    """The reopened docx: all paragraphs, and each table as rows of cell texts."""
    document = Document(io.BytesIO(data))
    return {
        "paragraphs": [p.text for p in document.paragraphs],
        "tables": [[[cell.text for cell in row.cells] for row in table.rows] for table in document.tables],
    }


def table_with_header(sections: dict[str, Any], first: str) -> list[list[str]]:
    return next(t for t in sections["tables"] if t[0][0] == first)

"""Case files as `yaosu new` writes them, and reading their drafts back: the docx paragraphs, the
lines that start a section, 本院认为."""

from __future__ import annotations

import io
from typing import Any

import docx

from engine.case.validate import validate_case
from engine.drafting.render import render_docx
from engine.system import default_system

NO_DETAILS = {"gender": None, "birth_date": None, "ethnicity": None, "id_number": None, "address": None}
EMPTY_ANSWER = {"role": "answer", "file": None, "text": "", "elements": {}, "missing": [], "warnings": []}


def party(name: str, kind: str = "natural", legal_representative: str | None = None) -> dict[str, Any]:
    """A party as the party block gives it, with no personal details."""
    return {"name": name, "kind": kind, "legal_representative": legal_representative, "agents": [],
            **NO_DETAILS}


def case_file(case_type: str, court: str, plaintiff: dict[str, Any], defendant: dict[str, Any],
              complaint: dict[str, Any], meta: dict[str, Any],
              answer: dict[str, tuple[str, Any]] | None = None,
              findings: dict[str, Any] | None = None) -> dict[str, Any]:
    """A valid case file: ``answer`` maps an element id to (admit|contest, the answer's value)."""
    elements: dict[str, Any] = {
        "plaintiffs": {"status": "agreed", "complaint": [plaintiff], "answer": None, "answer_position": None},
        "defendants": {"status": "agreed", "complaint": [defendant], "answer": None, "answer_position": None},
    }
    answer = answer or {}
    for eid, value in complaint.items():
        position, asserted = answer.get(eid, (None, None))
        status = {"admit": "agreed", "contest": "disputed"}.get(position or "", "complaint_only")
        elements[eid] = {"status": status, "complaint": value, "answer": asserted, "answer_position": position}
    for eid, (position, asserted) in answer.items():
        if eid not in complaint:
            elements[eid] = {"status": "answer_only", "complaint": None, "answer": asserted,
                             "answer_position": position}
    case = {
        "schema_version": "1", "case_type": case_type, "table_version": "1", "court": court, "meta": meta,
        "complaint": None, "answer": dict(EMPTY_ANSWER) if answer else None,
        "elements": elements, "findings": findings or {},
    }
    assert validate_case(default_system(), case) == []
    return case


def lines_of(case: dict[str, Any], court: str) -> list[str]:
    document = docx.Document(io.BytesIO(render_docx(default_system(), case, court)))
    return [p.text for p in document.paragraphs if p.text.strip()]


def starting(lines: list[str], prefix: str) -> list[str]:
    return [line for line in lines if line.startswith(prefix)]


def reasoning_text(lines: list[str]) -> str:
    start = next(i for i, line in enumerate(lines) if line.startswith("本院认为"))
    end = next(i for i, line in enumerate(lines) if line.startswith("依照"))
    return "".join(lines[start:end])

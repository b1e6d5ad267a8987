"""`yaosu new`: pleadings → a case file with merged elements and their dispute status."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from engine.case.casefile import SCHEMA_VERSION
from engine.case.merge import merge_elements
from engine.textsafety import clean_pleading_text

if TYPE_CHECKING:
    from engine.system import System


def _pleading(extraction: dict[str, Any], text: str, name: str | None) -> dict[str, Any]:
    return {
        "role": extraction["role"],
        "file": name,
        "text": text,
        "elements": extraction.get("elements", {}),
        "missing": extraction.get("missing", []),
        "warnings": extraction.get("warnings", []),
    }


def new_case_from_texts(
    system: System,
    case_type: str,
    complaint_text: str,
    answer_text: str | None = None,
    court: str | None = None,
    complaint_name: str | None = None,
    answer_name: str | None = None,
    complaint_warnings: list[str] | None = None,
    answer_warnings: list[str] | None = None,
) -> dict[str, Any]:
    """A complete case dict from pleading texts (no files are touched); `*_warnings` are what reading the
    file said (a scan read by OCR, its confidence), kept in front of the extraction's own warnings."""
    from engine.extraction.api import extract_pleadings

    casetype = system.casetype(case_type)
    # The stored text must be the text the evidence offsets point into: without control characters.
    complaint_text = clean_pleading_text(complaint_text)
    answer_text = clean_pleading_text(answer_text) if answer_text is not None else None
    if court is not None:
        system.court(court)  # an unknown court is refused before any work is done
    complaint, answer = extract_pleadings(system, case_type, complaint_text, answer_text)
    complaint = {**complaint, "warnings": [*(complaint_warnings or []), *complaint["warnings"]]}
    if answer is not None:
        answer = {**answer, "warnings": [*(answer_warnings or []), *answer["warnings"]]}
    return {
        "schema_version": SCHEMA_VERSION,
        "case_type": case_type,
        "table_version": casetype.table.version,
        "court": court,
        "meta": {"procedure": "simple", "public_hearing": True, "absent": []},
        "complaint": _pleading(complaint, complaint_text, complaint_name),
        "answer": _pleading(answer, answer_text, answer_name) if answer is not None and answer_text is not None else None,
        "elements": merge_elements(casetype, complaint, answer),
        "findings": {},
    }


def new_case(
    system: System, case_type: str, complaint_path: str | Path, answer_path: str | Path | None = None,
    court: str | None = None,
) -> dict[str, Any]:
    """A case dict from pleading files; unreadable files raise YaosuError before anything is written."""
    from engine.extraction.reading import read_pleading_notes

    system.casetype(case_type)
    complaint_read = read_pleading_notes(complaint_path)
    answer_read = read_pleading_notes(answer_path) if answer_path is not None else None
    return new_case_from_texts(
        system,
        case_type,
        complaint_read.text,
        answer_read.text if answer_read is not None else None,
        court=court,
        complaint_name=Path(complaint_path).name,
        answer_name=Path(answer_path).name if answer_path is not None else None,
        complaint_warnings=complaint_read.warnings,
        answer_warnings=answer_read.warnings if answer_read is not None else None,
    )

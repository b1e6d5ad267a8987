"""elements.csv / elements.parquet: one de-identified row per case and element, for researchers."""

from __future__ import annotations

import csv
import hashlib
import io
import json
from pathlib import Path
from typing import Any

from engine.atomic import atomic_write_bytes
from engine.research import calls
from engine.research.deidentify import TYPED_VALUES, Pseudonyms, value

COLUMNS = (
    "case_id", "court", "case_type", "element", "element_label", "complaint_value", "answer_value",
    "status", "finding", "effective_value", "confidence",
)
PENDING_MARK = "待认定"


def case_id(case_type: str, stem: str) -> str:
    """A stable id that does not show the file name (which may hold party names)."""
    return hashlib.sha256(f"{case_type}/{stem}".encode()).hexdigest()[:12]


def _json(raw: Any) -> str | None:
    return None if raw is None else json.dumps(raw, ensure_ascii=False, sort_keys=True)


def pseudonyms_for(cases: list[dict[str, Any]]) -> Pseudonyms:
    """One pseudonym table for the batch, names registered in manifest order."""
    pseudonyms = Pseudonyms()
    for case in cases:
        pseudonyms.register_case(case)
    return pseudonyms


# An element row before de-identification: (row with every column the pseudonyms do not change,
# element type, complaint, answer, finding and effective values as stored — None where the row
# already holds the final text).
RawRow = tuple[dict[str, Any], str, Any, Any, Any, Any]


def raw_rows(stem: str, case: dict[str, Any]) -> list[RawRow]:
    """The case's element rows with the values the batch's pseudonyms replace still raw: computed
    by the worker that did the case (no batch-wide table needed), finished by `deidentified`."""
    table = calls.load_table(case["case_type"])
    states = case.get("elements") or {}
    findings = case.get("findings") or {}
    extracted = ((case.get("complaint") or {}).get("elements")) or {}
    identifier = case_id(case["case_type"], stem)
    rows: list[RawRow] = []
    for element_id, entry in table.entries.items():
        kind = entry.element.type
        state = states.get(element_id) or {}
        finding = findings.get(element_id)
        effective, pending = calls.effective(case, element_id)
        confidence = (extracted.get(element_id) or {}).get("confidence")
        row = {
            "case_id": identifier,
            "court": case.get("court"),
            "case_type": case["case_type"],
            "element": element_id,
            "element_label": entry.element.label,
            "complaint_value": None, "answer_value": None,
            "status": state.get("status") or ("found" if finding is not None else "absent"),
            "finding": None,
            "effective_value": PENDING_MARK if pending else None,
            "confidence": float(confidence) if isinstance(confidence, int | float) else None,
        }
        raw = (state.get("complaint"), state.get("answer"), finding, None if pending else effective)
        if kind in TYPED_VALUES:  # value() returns these unchanged: their text is final now
            for column, value in zip(RAW_COLUMNS, raw, strict=True):
                if column != "effective_value" or not pending:
                    row[column] = _json(value)
            rows.append((row, kind, None, None, None, None))
        else:
            rows.append((row, kind, *raw))
    return rows


RAW_COLUMNS = ("complaint_value", "answer_value", "finding", "effective_value")


def deidentified(raw: list[RawRow], pseudonyms: Pseudonyms) -> list[dict[str, Any]]:
    """Raw rows (of cases in manifest order) with names replaced and identifiers removed."""
    rows = []
    for row, kind, *values in raw:
        if kind not in TYPED_VALUES:
            row = dict(row)
            for column, value_ in zip(RAW_COLUMNS, values, strict=True):
                if column != "effective_value" or row["effective_value"] != PENDING_MARK:
                    row[column] = _json(value(pseudonyms, kind, value_))
        rows.append(row)
    return rows


def element_rows(stem: str, case: dict[str, Any], pseudonyms: Pseudonyms) -> list[dict[str, Any]]:
    return deidentified(raw_rows(stem, case), pseudonyms)


def export_rows(cases: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """De-identified rows of stored cases (the web service's researcher export): the batch's rows, one
    pseudonym table for the whole export, each case known by its position only."""
    pseudonyms = pseudonyms_for(cases)
    return [row for index, case in enumerate(cases, start=1) for row in element_rows(f"case{index}", case, pseudonyms)]


def write_exports(out: Path, cases: list[tuple[list[str], list[RawRow]]]) -> int:
    """Write OUT/elements.csv and OUT/elements.parquet from each case's (names, raw rows), in
    manifest order; returns the number of rows."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    pseudonyms = Pseudonyms()
    for names, _ in cases:
        for name in names:
            pseudonyms.register(name)
    rows = deidentified([row for _, raw in cases for row in raw], pseudonyms)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    atomic_write_bytes(out / "elements.csv", buffer.getvalue().encode("utf-8-sig"))
    schema = pa.schema([(c, pa.float64() if c == "confidence" else pa.string()) for c in COLUMNS])
    table = pa.Table.from_pydict({column: [row[column] for row in rows] for column in COLUMNS}, schema=schema)
    sink = pa.BufferOutputStream()
    pq.write_table(table, sink, compression="zstd")
    atomic_write_bytes(out / "elements.parquet", sink.getvalue().to_pybytes())
    return len(rows)

"""elements.csv / elements.parquet: one de-identified row per case and element, for researchers."""

from __future__ import annotations

import csv
import hashlib
import io
import json
from pathlib import Path
from typing import Any, TypedDict

from engine.atomic import atomic_write_bytes
from engine.research import calls
from engine.research.deidentify import TYPED_VALUES, Pseudonyms, scrubbed_value, value

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
NAMED_VALUES = ("party_list", "name_list")  # values that always go through the batch's pseudonyms


def _filled(row: dict[str, Any], values: list[Any]) -> dict[str, Any]:
    """The row with its value columns set (a pending effective value keeps its mark)."""
    row = dict(row)
    for column, value_ in zip(RAW_COLUMNS, values, strict=True):
        if column != "effective_value" or row["effective_value"] != PENDING_MARK:
            row[column] = _json(value_)
    return row


def deidentified(raw: list[RawRow], pseudonyms: Pseudonyms) -> list[dict[str, Any]]:
    """Raw rows (of cases in manifest order) with names replaced and identifiers removed."""
    return [row if kind in TYPED_VALUES else _filled(row, [value(pseudonyms, kind, v) for v in values])
            for row, kind, *values in raw]


# A case's export rows as the worker that did the case leaves them, by column (a list of row dicts
# took ten times as long to unpickle on the client): every value of a typed row is final; a free-text
# row holds its values already scrubbed of identifiers, final unless one of the batch's names occurs
# in them (only the batch-wide pseudonyms can tell); a party or name list row waits for the pseudonyms.
# `lines`: each row's CSV line (None: waits); `waiting`: (row, element type, raw values) of the others.
class ExportPart(TypedDict):
    columns: dict[str, list[Any]]
    lines: list[str | None]
    waiting: list[tuple[int, str, tuple[Any, ...]]]


class _LineWriter:
    """One CSV line at a time, formatted exactly as csv.DictWriter(fieldnames=COLUMNS) writes it."""

    def __init__(self) -> None:
        self._buffer = io.StringIO()
        self._writer = csv.writer(self._buffer, lineterminator="\n")

    def line(self, row: dict[str, Any]) -> str:
        self._buffer.seek(0)
        self._buffer.truncate()
        self._writer.writerow([row[column] for column in COLUMNS])
        return self._buffer.getvalue()


def export_part(stem: str, case: dict[str, Any]) -> ExportPart:
    """The case's export rows as far as they can be made without the batch's pseudonyms: computed by
    the worker that did the case (in parallel), finished in manifest order by `finish_part`."""
    writer = _LineWriter()
    rows: list[dict[str, Any]] = []
    lines: list[str | None] = []
    waiting: list[tuple[int, str, tuple[Any, ...]]] = []
    for index, (row, kind, *raw) in enumerate(raw_rows(stem, case)):
        if kind in NAMED_VALUES:
            waiting.append((index, kind, tuple(raw)))
            lines.append(None)
        elif kind not in TYPED_VALUES:
            row = _filled(row, [scrubbed_value(v) for v in raw])
            waiting.append((index, kind, tuple(raw)))
            lines.append(writer.line(row))
        else:
            lines.append(writer.line(row))
        rows.append(row)
    return {"columns": {column: [row[column] for row in rows] for column in COLUMNS}, "lines": lines, "waiting": waiting}


def finish_part(part: ExportPart, pseudonyms: Pseudonyms) -> ExportPart:
    """The part with every row de-identified as `deidentified` does it (a new part: the worker's stays as
    it came): a free-text row is redone with the names only where one of them occurs in it."""
    columns = {**part["columns"], **{column: list(part["columns"][column]) for column in RAW_COLUMNS}}
    lines = list(part["lines"])
    writer = _LineWriter()
    for index, kind, raw in part["waiting"]:
        if kind in NAMED_VALUES or any(map(pseudonyms.occurs_in, raw)):
            row = _filled({column: columns[column][index] for column in COLUMNS},
                          [value(pseudonyms, kind, v) for v in raw])
            for column in RAW_COLUMNS:
                columns[column][index] = row[column]
            lines[index] = writer.line(row)
    return {"columns": columns, "lines": lines, "waiting": []}


def element_rows(stem: str, case: dict[str, Any], pseudonyms: Pseudonyms) -> list[dict[str, Any]]:
    return deidentified(raw_rows(stem, case), pseudonyms)


def export_rows(cases: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """De-identified rows of stored cases (the web service's researcher export): the batch's rows, one
    pseudonym table for the whole export, each case known by its position only."""
    pseudonyms = pseudonyms_for(cases)
    return [row for index, case in enumerate(cases, start=1) for row in element_rows(f"case{index}", case, pseudonyms)]


def write_exports(out: Path, cases: list[tuple[list[str], ExportPart]]) -> int:
    """Write OUT/elements.csv and OUT/elements.parquet from each case's (names, export part), in
    manifest order; returns the number of rows."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    pseudonyms = Pseudonyms()
    for names, _ in cases:
        for name in names:
            pseudonyms.register(name)
    header = io.StringIO()
    csv.DictWriter(header, fieldnames=COLUMNS, lineterminator="\n").writeheader()
    lines: list[str | None] = [header.getvalue()]
    columns: dict[str, list[Any]] = {column: [] for column in COLUMNS}
    for _, part in cases:
        done = finish_part(part, pseudonyms)
        lines += done["lines"]
        for column in COLUMNS:
            columns[column] += done["columns"][column]
    atomic_write_bytes(out / "elements.csv", "".join(lines).encode("utf-8-sig"))  # type: ignore[arg-type]  # all set
    schema = pa.schema([(c, pa.float64() if c == "confidence" else pa.string()) for c in COLUMNS])
    table = pa.Table.from_pydict(columns, schema=schema)
    sink = pa.BufferOutputStream()
    pq.write_table(table, sink, compression="zstd")
    atomic_write_bytes(out / "elements.parquet", sink.getvalue().to_pybytes())
    return len(lines) - 1

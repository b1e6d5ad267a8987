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


# An element row as the worker that did the case leaves it: (row, its CSV line, element type, raw
# values). A typed row is final (raw values None). A free-text row holds its values already scrubbed
# of identifiers, which is final unless one of the batch's names occurs in them (only the batch-wide
# pseudonyms can tell); a party or name list row waits for the pseudonyms.
PartRow = tuple[dict[str, Any], str | None, str, tuple[Any, ...] | None]


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


def export_part(stem: str, case: dict[str, Any]) -> list[PartRow]:
    """The case's export rows as far as they can be made without the batch's pseudonyms: computed by
    the worker that did the case (in parallel), finished in manifest order by `finished_rows`."""
    writer = _LineWriter()
    part: list[PartRow] = []
    for row, kind, *raw in raw_rows(stem, case):
        if kind in TYPED_VALUES:
            part.append((row, writer.line(row), kind, None))
        elif kind in NAMED_VALUES:
            part.append((row, None, kind, tuple(raw)))
        else:
            scrubbed = _filled(row, [scrubbed_value(v) for v in raw])
            part.append((scrubbed, writer.line(scrubbed), kind, tuple(raw)))
    return part


def finished_rows(parts: list[list[PartRow]], pseudonyms: Pseudonyms) -> tuple[list[dict[str, Any]], list[str]]:
    """The de-identified rows and their CSV lines, the same as `deidentified` gives for the same cases:
    rows in order, a free-text value redone with the names only where one of them occurs in it."""
    writer = _LineWriter()
    rows: list[dict[str, Any]] = []
    lines: list[str] = []
    for part in parts:
        for row, line, kind, raw in part:
            if raw is not None and (kind in NAMED_VALUES or any(map(pseudonyms.occurs_in, raw))):
                row = _filled(row, [value(pseudonyms, kind, v) for v in raw])
                line = writer.line(row)
            rows.append(row)
            lines.append(line)  # type: ignore[arg-type]  # set above for every row without one
    return rows, lines


def element_rows(stem: str, case: dict[str, Any], pseudonyms: Pseudonyms) -> list[dict[str, Any]]:
    return deidentified(raw_rows(stem, case), pseudonyms)


def export_rows(cases: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """De-identified rows of stored cases (the web service's researcher export): the batch's rows, one
    pseudonym table for the whole export, each case known by its position only."""
    pseudonyms = pseudonyms_for(cases)
    return [row for index, case in enumerate(cases, start=1) for row in element_rows(f"case{index}", case, pseudonyms)]


def write_exports(out: Path, cases: list[tuple[list[str], list[PartRow]]]) -> int:
    """Write OUT/elements.csv and OUT/elements.parquet from each case's (names, export part), in
    manifest order; returns the number of rows."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    pseudonyms = Pseudonyms()
    for names, _ in cases:
        for name in names:
            pseudonyms.register(name)
    rows, lines = finished_rows([part for _, part in cases], pseudonyms)
    header = io.StringIO()
    csv.DictWriter(header, fieldnames=COLUMNS, lineterminator="\n").writeheader()
    atomic_write_bytes(out / "elements.csv", "".join([header.getvalue(), *lines]).encode("utf-8-sig"))
    schema = pa.schema([(c, pa.float64() if c == "confidence" else pa.string()) for c in COLUMNS])
    table = pa.Table.from_pydict({column: [row[column] for row in rows] for column in COLUMNS}, schema=schema)
    sink = pa.BufferOutputStream()
    pq.write_table(table, sink, compression="zstd")
    atomic_write_bytes(out / "elements.parquet", sink.getvalue().to_pybytes())
    return len(rows)

"""elements.csv / elements.parquet: one de-identified row per case and element, for researchers."""

from __future__ import annotations

import csv
import hashlib
import io
import itertools
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any, TypedDict

from engine.atomic import atomic_write_bytes
from engine.research import calls
from engine.research.deidentify import TYPED_VALUES, Pseudonyms, case_names, scrubbed_value, value

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
    return pseudonyms_of([name for case in cases for name in case_names(case)])


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


def pseudonyms_of(names: list[str]) -> Pseudonyms:
    """The batch's pseudonym table from every done case's names, in manifest order (the same table
    wherever it is built: on the client, or on each worker that holds export parts)."""
    pseudonyms = Pseudonyms()
    for name in names:
        pseudonyms.register(name)
    return pseudonyms


# Finished export rows of some cases, as they travel back to the client: each case's CSV lines joined,
# and every row by column as one Arrow IPC stream (a few buffers instead of a Python object per value;
# unpickling row values was most of the client's work while the workers did the cases).
class ExportPiece(TypedDict):
    stems: list[str]
    csv: list[str]
    rows: list[int]
    arrow: bytes


def _schema() -> Any:
    import pyarrow as pa

    return pa.schema([(column, pa.float64() if column == "confidence" else pa.string()) for column in COLUMNS])


CASES_A_BATCH = 64  # finished rows turned into one Arrow record batch at a time, so few are ever Python objects


def export_piece(parts: Iterable[tuple[str, ExportPart]], pseudonyms: Pseudonyms) -> ExportPiece:
    """The parts (stem, part) finished with the batch's pseudonyms."""
    import pyarrow as pa

    schema = _schema()
    sink = pa.BufferOutputStream()
    stems: list[str] = []
    texts: list[str] = []
    counts: list[int] = []
    columns: dict[str, list[Any]] = {column: [] for column in COLUMNS}
    with pa.ipc.new_stream(sink, schema) as stream:
        for stem, part in parts:
            done = finish_part(part, pseudonyms)
            stems.append(stem)
            texts.append("".join(done["lines"]))  # type: ignore[arg-type]  # finish_part sets every line
            counts.append(len(done["lines"]))
            for column in COLUMNS:
                columns[column] += done["columns"][column]
            if len(stems) % CASES_A_BATCH == 0:
                stream.write_batch(pa.RecordBatch.from_pydict(columns, schema=schema))
                columns = {column: [] for column in COLUMNS}
        if columns["case_id"]:
            stream.write_batch(pa.RecordBatch.from_pydict(columns, schema=schema))
    return {"stems": stems, "csv": texts, "rows": counts, "arrow": sink.getvalue().to_pybytes()}


def write_exports(out: Path, order: list[str], pieces: list[ExportPiece]) -> int:
    """Write OUT/elements.csv and OUT/elements.parquet, the cases in `order` (manifest order), each
    from the first piece that holds it; returns the number of rows."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    where: dict[str, tuple[int, int]] = {}  # stem → (piece, its position there)
    for number, piece in enumerate(pieces):
        for position, stem in enumerate(piece["stems"]):
            where.setdefault(stem, (number, position))
    tables = [pa.ipc.open_stream(piece["arrow"]).read_all() for piece in pieces]
    # Where each case's rows start in the pieces' tables laid end to end.
    starts = []
    offset = 0
    for piece in pieces:
        starts.append(list(itertools.accumulate(piece["rows"], initial=offset)))
        offset += sum(piece["rows"])
    header = io.StringIO()
    csv.DictWriter(header, fieldnames=COLUMNS, lineterminator="\n").writeheader()
    texts = [header.getvalue()]
    indices: list[int] = []
    for stem in order:
        number, position = where[stem]
        texts.append(pieces[number]["csv"][position])
        first = starts[number][position]
        indices += range(first, first + pieces[number]["rows"][position])
    atomic_write_bytes(out / "elements.csv", "".join(texts).encode("utf-8-sig"))
    table = pa.concat_tables(tables).take(pa.array(indices, type=pa.int64())) if tables else _schema().empty_table()
    sink = pa.BufferOutputStream()
    pq.write_table(table, sink, compression="zstd")
    atomic_write_bytes(out / "elements.parquet", sink.getvalue().to_pybytes())
    return len(indices)

"""The batch manifest: a CSV of pleadings, one case a line, paths relative to the manifest."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

from engine.errors import E, YaosuError

COLUMNS = ("complaint", "answer", "court", "filing_date", "case_type")
REQUIRED = ("complaint", "court", "case_type")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class ManifestRow:
    line: int  # line of the CSV file (the header is line 1)
    complaint: Path
    answer: Path | None
    court: str
    filing_date: str | None
    case_type: str

    @property
    def stem(self) -> str:
        return self.complaint.stem


@dataclass(frozen=True)
class BadRow:
    line: int
    stem: str
    reason: str


def _cell(record: dict[str, str | None], key: str) -> str:
    return (record.get(key) or "").strip()


def _row(base: Path, line: int, record: dict[str, str | None]) -> ManifestRow:
    """One manifest line, checked for shape (files are read later, by the worker)."""
    for key in REQUIRED:
        if not _cell(record, key):
            raise YaosuError(E.E708, line=line, key=key)
    filing = _cell(record, "filing_date") or None
    if filing is not None and not _DATE.match(filing):
        raise YaosuError(E.E706, line=line, filing=filing)
    if filing is not None:
        from datetime import date

        try:
            date.fromisoformat(filing)
        except ValueError as exc:
            raise YaosuError(E.E711, line=line, filing=filing) from exc
    answer = _cell(record, "answer")
    return ManifestRow(
        line=line,
        complaint=(base / _cell(record, "complaint")),
        answer=(base / answer) if answer else None,
        court=_cell(record, "court"),
        filing_date=filing,
        case_type=_cell(record, "case_type"),
    )


def read_manifest(path: Path) -> tuple[list[ManifestRow], list[BadRow]]:
    """Good rows and bad rows (with a Chinese reason naming the line). A bad header is an error."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError as exc:
        raise YaosuError(E.E709, file=path) from exc
    except OSError as exc:
        raise YaosuError(E.E710, file=path, exc_strerror_or_exc=exc.strerror or exc) from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = raw.decode("gbk")
        except UnicodeDecodeError as exc:
            raise YaosuError(E.E712, path_name=path.name) from exc
    reader = csv.DictReader(text.splitlines())
    header = [name.strip() for name in reader.fieldnames or []]
    missing = [name for name in COLUMNS if name not in header]
    if missing:
        raise YaosuError(E.E707, path_name=path.name, join_missing='、'.join(missing), join_columns=','.join(COLUMNS))
    reader.fieldnames = header
    base = path.parent
    rows: list[ManifestRow] = []
    bad: list[BadRow] = []
    stems: dict[str, int] = {}
    for record in reader:
        line = reader.line_num
        if not any((value or "").strip() for value in record.values() if isinstance(value, str)):
            continue
        try:
            row = _row(base, line, record)
        except YaosuError as exc:
            bad.append(BadRow(line, Path(_cell(record, "complaint")).stem or f"第{line}行", exc.message))
            continue
        if row.stem in stems:
            bad.append(BadRow(line, row.stem, f"清单第{line}行：起诉状文件名 {row.stem} 与第{stems[row.stem]}行重复"))
            continue
        stems[row.stem] = line
        rows.append(row)
    return rows, bad

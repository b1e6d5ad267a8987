"""Dated legal parameters: a small loader with OpenFisca's semantics, and our own checks.

Two shapes of table live in ``parameters/`` (see parameters/README.md):

* **Dated tables** (YAML, ``values: {DATE: {value, source, status}}``): the value in force on a day is
  the latest entry on or before that day; a day before the first entry has no value; ``value: null``
  ends validity. Each table has ``last_verified``: a lookup for a day after it is an error unless
  the caller allows it, because a table that silently carries its last value forward gives wrong
  interest caps. Allowed lookups past ``last_verified`` and rows with status ``unverified`` emit an
  ``UnverifiedParameterWarning``.
* **Keyed tables** (CSV or YAML keyed by province/region and year): figures that are published once a
  year and never carried forward. A missing key is an error that names the figure and says how to
  add it.

Duplicate keys are rejected in both (PyYAML would silently keep the last one). Numbers are read as
``Decimal`` from their text, never through float.
"""

from __future__ import annotations

import csv
import warnings
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from engine.errors import E, YaosuError
from engine.paths import PARAMETERS_DIR

if TYPE_CHECKING:
    from engine.law.lawdata import LawData

STATUSES = ("verified", "secondary", "derived", "unverified", "news", "news_date_unsure", "not_found")
STATUS_ZH = {
    "verified": "已核实",
    "secondary": "已核实（二手来源或官方序列的机器副本）",
    "derived": "由已核实数据推算",
    "unverified": "未核实",
    "news": "仅有新闻报道，未经官方数据核实",
    "news_date_unsure": "仅有新闻报道，且日期存疑",
    "not_found": "未找到",
}
# Statuses a calculator may rely on without a warning; every other status warns when used.
VERIFIED_STATUSES = ("verified", "secondary", "derived")


class UnverifiedParameterWarning(UserWarning):
    """A figure was used that nobody has verified (placeholder row, or a day past last_verified)."""


@dataclass(frozen=True)
class ParameterValue:
    value: Decimal
    effective: date | None  # first day in force (dated tables); None for keyed tables
    source: str
    status: str
    table: str
    note: str = ""

    @property
    def verified(self) -> bool:
        return self.status in VERIFIED_STATUSES


# --- YAML reading: duplicate keys rejected, numbers as Decimal -----------------------------------


class _StrictLoader(yaml.SafeLoader):
    pass


def _construct_mapping(loader: _StrictLoader, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
    mapping: dict[Any, Any] = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in mapping:
            raise YaosuError(
                E.E628, loader_name=loader.name, value=key_node.start_mark.line + 1, key=key
            )
        mapping[key] = loader.construct_object(value_node, deep=deep)
    return mapping


def _construct_decimal(loader: _StrictLoader, node: yaml.ScalarNode) -> Decimal:
    return Decimal(str(loader.construct_scalar(node)).replace("_", ""))


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_StrictLoader.add_constructor("tag:yaml.org,2002:float", _construct_decimal)


def load_yaml(path: Path) -> dict[str, Any]:
    try:
        with path.open(encoding="utf-8") as handle:
            data = yaml.load(handle, Loader=_StrictLoader)  # noqa: S506 - SafeLoader subclass
    except FileNotFoundError as exc:
        raise YaosuError(E.E629, file=path) from exc
    except yaml.YAMLError as exc:
        raise YaosuError(E.E630, file=path, exc=exc) from exc
    if not isinstance(data, dict):
        raise YaosuError(E.E622, file=path)
    return data


def to_decimal(raw: Any, where: str) -> Decimal:
    if isinstance(raw, Decimal):
        return raw
    if isinstance(raw, bool) or raw is None:
        raise YaosuError(E.E623, where=where, raw=raw)
    try:
        return Decimal(str(raw).replace(",", "").strip())
    except InvalidOperation as exc:
        raise YaosuError(E.E631, where=where, raw=raw) from exc


def _as_date(raw: Any, where: str) -> date:
    if isinstance(raw, date):
        return raw
    try:
        return date.fromisoformat(str(raw))
    except ValueError as exc:
        raise YaosuError(E.E632, where=where, raw=raw) from exc


def _check_status(status: Any, where: str) -> str:
    if status not in STATUSES:
        raise YaosuError(E.E624, where=where, join_statuses='/'.join(STATUSES), status=status)
    return str(status)


def warn_unverified(message: str) -> None:
    warnings.warn(message, UnverifiedParameterWarning, stacklevel=3)


# --- dated tables ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class DatedEntry:
    start: date
    value: Decimal | None  # None ends validity (OpenFisca's null)
    source: str
    status: str
    note: str = ""


@dataclass(frozen=True)
class DatedTable:
    name: str
    title: str
    unit: str
    last_verified: date
    entries: tuple[DatedEntry, ...]
    path: str

    def at(self, on: date, *, allow_past_verified: bool = False) -> ParameterValue:
        """The value in force on ``on``; see the module docstring for the rules."""
        if on > self.last_verified:
            message = (
                f"参数表《{self.title}》（{self.path}）只核实到{self.last_verified.isoformat()}，"
                f"查询日期{on.isoformat()}在其后，该日的数值可能已变化"
            )
            if not allow_past_verified:
                raise YaosuError(
                    E.E000, message=message + "；请先核实并更新该表（见 parameters/README.md），或明确允许使用未核实数值"
                )
            warn_unverified(message + "，现按表中最后已知数值计算，须核实")
        chosen: DatedEntry | None = None
        for entry in self.entries:
            if entry.start <= on:
                chosen = entry
            else:
                break
        if chosen is None:
            raise YaosuError(
                E.E633, self_title=self.title, value=self.entries[0].start.isoformat(), on_isoformat=on.isoformat()
            )
        if chosen.value is None:
            raise YaosuError(
                E.E634, self_title=self.title, chosen_start_isoformat=chosen.start.isoformat(), chosen_source=chosen.source, on_isoformat=on.isoformat()
            )
        if chosen.status not in VERIFIED_STATUSES:
            warn_unverified(
                f"参数表《{self.title}》{chosen.start.isoformat()}起的数值 {chosen.value} 未经核实"
                f"（{STATUS_ZH[chosen.status]}：{chosen.note or chosen.source}），使用前须核实"
            )
        return ParameterValue(
            chosen.value, chosen.start, chosen.source, chosen.status, self.name, chosen.note
        )

    def changes_between(self, start: date, end: date) -> list[date]:
        """Effective dates of entries strictly after ``start`` and on or before ``end``."""
        return [e.start for e in self.entries if start < e.start <= end]


def parse_dated_table(data: dict[str, Any], path: str) -> DatedTable:
    for key in ("name", "title", "unit", "last_verified", "values"):
        if key not in data:
            raise YaosuError(E.E635, file=path, key=key)
    values = data["values"]
    if not isinstance(values, dict) or not values:
        raise YaosuError(E.E625, file=path)
    entries: list[DatedEntry] = []
    for raw_day, item in values.items():
        day = _as_date(raw_day, f"{path} 的日期键")
        where = f"{path} 的 {day.isoformat()} 条"
        if not isinstance(item, dict) or "value" not in item or "source" not in item:
            raise YaosuError(E.E636, where=where)
        value = None if item["value"] is None else to_decimal(item["value"], where)
        status = _check_status(item.get("status", "verified"), where)
        entries.append(DatedEntry(day, value, str(item["source"]), status, str(item.get("note", ""))))
    entries.sort(key=lambda e: e.start)
    return DatedTable(
        name=str(data["name"]),
        title=str(data["title"]),
        unit=str(data["unit"]),
        last_verified=_as_date(data["last_verified"], f"{path} 的 last_verified"),
        entries=tuple(entries),
        path=path,
    )


def _rel(path: Path) -> str:
    try:
        return str(path.relative_to(PARAMETERS_DIR.parent))
    except ValueError:
        return str(path)


def dated_table(filename: str, law: LawData | None = None) -> DatedTable:
    """A dated table of ``law`` (default: the repository's parameters/) by file or table name.

    Tables LawData does not load (another helper's file) are read from parameters/ on each call.
    """
    from engine.law.lawdata import DATED_TABLE_FILES, default_law

    if law is not None:
        return law.table(filename)
    if filename in DATED_TABLE_FILES or filename.removesuffix(".yaml") + ".yaml" in DATED_TABLE_FILES:
        return default_law().table(filename)
    path = PARAMETERS_DIR / filename
    return parse_dated_table(load_yaml(path), _rel(path))


def lpr_1y(on: date, allow_unverified: bool = True, law: LawData | None = None) -> ParameterValue:
    """One-year LPR (percent) in force on ``on``: the latest quotation on or before that day.

    ``allow_unverified=False`` turns a day past the table's ``last_verified`` into an error;
    with the default, such a lookup and any row not verified warn (UnverifiedParameterWarning).
    """
    return dated_table("lpr_1y.yaml", law).at(on, allow_past_verified=allow_unverified)


# --- brackets ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Bracket:
    upper: Decimal | None  # inclusive upper bound; None = no upper bound (last bracket)
    rate: Decimal | None  # percent applied to the part inside the bracket
    fixed: Decimal | None  # a fixed amount for the whole bracket (e.g. 50元/件 up to 10,000)


def parse_brackets(raw: Any, where: str) -> tuple[Bracket, ...]:
    """Brackets must have strictly increasing upper bounds and end with an open bracket."""
    if not isinstance(raw, list) or not raw:
        raise YaosuError(E.E626, where=where)
    brackets: list[Bracket] = []
    for i, item in enumerate(raw, 1):
        upper = None if item.get("upper") is None else to_decimal(item["upper"], f"{where} 第{i}档 upper")
        rate = None if item.get("rate") is None else to_decimal(item["rate"], f"{where} 第{i}档 rate")
        fixed = None if item.get("fixed") is None else to_decimal(item["fixed"], f"{where} 第{i}档 fixed")
        if (rate is None) == (fixed is None):
            raise YaosuError(E.E637, where=where, i=i)
        brackets.append(Bracket(upper, rate, fixed))
    for i, (low, high) in enumerate(zip(brackets, brackets[1:], strict=False), 1):
        if low.upper is None:
            raise YaosuError(E.E638, where=where, i=i)
        if high.upper is not None and high.upper <= low.upper:
            raise YaosuError(
                E.E639, where=where, i_1=i + 1, high_upper=high.upper, i=i, low_upper=low.upper
            )
    if brackets[-1].upper is not None:
        raise YaosuError(E.E627, where=where)
    return tuple(brackets)


# --- keyed tables (province/region × year) ------------------------------------------------------


@dataclass(frozen=True)
class KeyedRow:
    key: tuple[str, ...]
    value: Decimal | None
    unit: str
    basis: str
    source: str
    status: str
    note: str


@dataclass(frozen=True)
class KeyedTable:
    name: str
    title: str
    key_fields: tuple[str, ...]
    rows: dict[tuple[str, ...], KeyedRow]
    last_verified: date
    path: str

    def get(self, key: tuple[str, ...]) -> KeyedRow | None:
        return self.rows.get(key)


def read_keyed_csv(
    path: Path, key_fields: tuple[str, ...], name: str, title: str, last_verified: date
) -> KeyedTable:
    rel = _rel(path)
    try:
        handle = path.open(encoding="utf-8", newline="")
    except FileNotFoundError as exc:
        raise YaosuError(E.E640, rel=rel) from exc
    rows: dict[tuple[str, ...], KeyedRow] = {}
    with handle:
        reader = csv.DictReader(line for line in handle if not line.startswith("#"))
        needed = set(key_fields) | {"value", "unit", "basis", "source", "status"}
        missing = needed - set(reader.fieldnames or [])
        if missing:
            raise YaosuError(E.E641, rel=rel, join_sorted_missing='、'.join(sorted(missing)))
        for line_no, row in enumerate(reader, 2):
            key = tuple(row[f].strip() for f in key_fields)
            where = f"{rel} 第{line_no}条数据（{'/'.join(key)}）"
            if key in rows:
                raise YaosuError(E.E642, where=where)
            status = _check_status(row["status"].strip(), where)
            raw_value = row["value"].strip()
            if status == "not_found":
                if raw_value:
                    raise YaosuError(E.E643, where=where)
                value = None
            else:
                value = to_decimal(raw_value, where)
            rows[key] = KeyedRow(
                key,
                value,
                row["unit"].strip(),
                row["basis"].strip(),
                row["source"].strip(),
                status,
                (row.get("note") or "").strip(),
            )
    return KeyedTable(name, title, key_fields, rows, last_verified, rel)

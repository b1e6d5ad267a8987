"""All law data in one frozen object, loaded once from a parameters directory.

``LawData.load(path)`` reads and validates (engine.law.schemas, unknown keys are errors) the dated
tables, the fee schedules, the 民间借贷 constants and the citation catalogue of a parameters/
directory. The calculators take ``law: LawData | None = None`` and use ``default_law()`` (the
repository's parameters/, loaded on first use) when given None; this is the only cache of law data.
``check_parameters(path)`` lists every problem in every parameter file, for ``yaosu check-data``.
"""

from __future__ import annotations

import csv
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from pydantic import BaseModel, ValidationError

from engine.errors import E, YaosuError
from engine.law.citations import Citation, CitationCatalogue, parse_catalogue
from engine.law.parameters import (
    STATUS_ZH,
    STATUSES,
    VERIFIED_STATUSES,
    Bracket,
    DatedTable,
    ParameterValue,
    load_yaml,
    parse_brackets,
    parse_dated_table,
    to_decimal,
    warn_unverified,
)
from engine.law.schemas import CatalogueFile, ConstantsFile, DatedTableFile, FeeFile, problems_of, validate
from engine.paths import PARAMETERS_DIR

# The files LawData reads, by kind. Other files in parameters/ (injury, labour) belong to their own
# calculators; check_parameters still checks that each of their values has a source and a status.
DATED_TABLE_FILES = ("lpr_1y.yaml", "late_performance.yaml")
FEE_FILE = "litigation_fee.yaml"
CONSTANTS_FILES = ("private_lending.yaml",)
CATALOGUE_FILE = "citations.yaml"


def _rel(path: Path) -> str:
    try:
        return str(path.relative_to(PARAMETERS_DIR.parent))
    except ValueError:
        return str(path)


# --- fee schedules (诉讼费用交纳办法) ------------------------------------------------------------------


@dataclass(frozen=True)
class FeeSchedule:
    effective: date
    property_brackets: tuple[Bracket, ...]
    property_source: str
    labor_per_case: Decimal
    labor_source: str
    divorce_min: Decimal
    divorce_max: Decimal
    divorce_free_upto: Decimal
    divorce_rate_above: Decimal
    divorce_source: str
    reductions: Mapping[str, str]
    last_verified: date
    status: Mapping[str, str] = field(
        default_factory=dict
    )  # part (property/labor/divorce/reduction) → status


@dataclass(frozen=True)
class FeeData:
    schedules: tuple[FeeSchedule, ...]  # by effective date
    last_verified: date
    path: str


def parse_fee_file(data: dict[str, Any], path: str) -> FeeData:
    model = validate(FeeFile, data, path)
    out: list[FeeSchedule] = []
    for effective, sched in sorted(model.schedules.items()):
        prop, labor, divorce = sched.property, sched.labor, sched.divorce
        for part in (prop, labor, divorce):
            if part.status not in VERIFIED_STATUSES:
                warn_unverified(f"{path}：{part.source} 的数值未经核实（{STATUS_ZH[part.status]}）")
        raw_brackets = [b.model_dump() for b in prop.brackets]
        out.append(
            FeeSchedule(
                effective=effective,
                property_brackets=parse_brackets(raw_brackets, f"{path} {effective} property"),
                property_source=prop.source,
                labor_per_case=labor.per_case,
                labor_source=labor.source,
                divorce_min=divorce.per_case_min,
                divorce_max=divorce.per_case_max,
                divorce_free_upto=divorce.property_free_upto,
                divorce_rate_above=divorce.rate_above,
                divorce_source=divorce.source,
                reductions=MappingProxyType({k: v.source for k, v in sched.reductions.items()}),
                last_verified=model.last_verified,
                status=MappingProxyType(
                    {
                        "property": prop.status,
                        "labor": labor.status,
                        "divorce": divorce.status,
                        **{k: v.status for k, v in sched.reductions.items()},
                    }
                ),
            )
        )
    return FeeData(tuple(out), model.last_verified, path)


# --- dated constants (private_lending.yaml) ------------------------------------------------------------


@dataclass(frozen=True)
class DatedConstant:
    name: str
    start: date | None
    end: date | None
    value: Decimal | str
    unit: str
    source: str
    status: str
    note: str = ""
    policy: bool = False


@dataclass(frozen=True)
class ConstantTable:
    name: str
    title: str
    path: str
    last_verified: date
    rows: Mapping[str, tuple[DatedConstant, ...]]

    def rows_of(self, name: str) -> tuple[DatedConstant, ...]:
        if name not in self.rows:
            raise YaosuError(
                E.E616, self_path=self.path, name=name
            )
        return self.rows[name]

    def row(self, name: str, on: date | None) -> DatedConstant:
        rows = self.rows_of(name)
        for row in rows:
            if on is None and row.start is None and row.end is None:
                return row
            if (
                on is not None
                and (row.start is None or row.start <= on)
                and (row.end is None or on <= row.end)
            ):
                return row
        when = "不限日期" if on is None else on.isoformat()
        spans = "；".join(f"{r.start or '不限'}至{r.end or '不限'}" for r in rows)
        raise YaosuError(E.E615, self_path=self.path, name=name, when=when, spans=spans)


def parse_constants(data: dict[str, Any], path: str) -> ConstantTable:
    model = validate(ConstantsFile, data, path)
    rows: dict[str, tuple[DatedConstant, ...]] = {}
    for name, items in model.constants.items():
        parsed = []
        for i, item in enumerate(items, 1):
            where = f"{path} 的 {name} 第{i}行"
            if item.from_ and item.to and item.to < item.from_:
                raise YaosuError(E.E620, where=where)
            value: Decimal | str = (
                item.value if isinstance(item.value, str) else to_decimal(item.value, where)
            )
            parsed.append(
                DatedConstant(
                    name,
                    item.from_,
                    item.to,
                    value,
                    item.unit,
                    item.source,
                    item.status,
                    item.note,
                    item.policy,
                )
            )
        parsed.sort(key=lambda r: r.start or date.min)
        for low, high in zip(parsed, parsed[1:], strict=False):
            if low.end is None or (high.start is not None and high.start <= low.end):
                raise YaosuError(E.E621, file=path, name=name)
        rows[name] = tuple(parsed)
    return ConstantTable(model.name, model.title, path, model.last_verified, MappingProxyType(rows))


# --- LawData ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class LawData:
    """Dated tables, fee schedules, 民间借贷 constants and the citation catalogue of one parameters/ dir."""

    path: Path
    tables: Mapping[str, DatedTable]  # by file name ("lpr_1y.yaml") and by table name ("lpr_1y")
    fees: FeeData
    constants: ConstantTable
    citations: CitationCatalogue

    @classmethod
    def load(cls, path: Path | str) -> LawData:
        path = Path(path)
        if not path.is_dir():
            raise YaosuError(E.E617, file=path)
        tables: dict[str, DatedTable] = {}
        for filename in DATED_TABLE_FILES:
            file = path / filename
            data = load_yaml(file)
            validate(DatedTableFile, data, _rel(file))
            table = parse_dated_table(data, _rel(file))
            tables[filename] = tables[table.name] = table
        fee_path = path / FEE_FILE
        constants = [parse_constants(load_yaml(path / f), _rel(path / f)) for f in CONSTANTS_FILES]
        catalogue_path = path / CATALOGUE_FILE
        return cls(
            path=path,
            tables=MappingProxyType(tables),
            fees=parse_fee_file(load_yaml(fee_path), _rel(fee_path)),
            constants=constants[0],
            citations=parse_catalogue(load_yaml(catalogue_path), _rel(catalogue_path)),
        )

    def table(self, name: str) -> DatedTable:
        if name not in self.tables:
            raise YaosuError(E.E618, self_path=self.path, name=name)
        return self.tables[name]

    def lpr_1y(self, on: date, allow_unverified: bool = True) -> ParameterValue:
        """One-year LPR (percent) in force on ``on`` (see engine.law.parameters.lpr_1y)."""
        return self.table("lpr_1y").at(on, allow_past_verified=allow_unverified)

    def constant(self, name: str, on: date | None = None) -> ParameterValue:
        """A dated legal constant (e.g. protected_rate_percent on 2020-08-19 → 24) as a ParameterValue.

        Rows that are not verified warn, except project policies (``policy: true``).
        """
        row = self.constants.row(name, on)
        if row.status not in VERIFIED_STATUSES and not row.policy:
            warn_unverified(
                f"参数文件 {self.constants.path} 的 {name}（{row.value}）{STATUS_ZH[row.status]}：{row.note or row.source}"
            )
        value = row.value if isinstance(row.value, Decimal) else Decimal(0)
        return ParameterValue(
            value, row.start, row.source, row.status, f"{self.constants.name}.{name}", row.note
        )

    def constant_text(self, name: str, on: date | None = None) -> str:
        """A constant whose value is a word (e.g. day_count_inclusive: both)."""
        return str(self.constants.row(name, on).value)

    def first_day(self, name: str) -> date:
        """The first day a constant is in force (e.g. lpr_multiple → 2020-08-20, the 2020 rules)."""
        start = self.constants.rows_of(name)[0].start
        if start is None:
            raise YaosuError(E.E619, self_constants_path=self.constants.path, name=name)
        return start

    def cite(self, concept: str, on: date | None) -> Citation:
        return self.citations.cite(concept, on)


@cache
def default_law() -> LawData:
    """The repository's parameters/, loaded on first use (the one cache of law data)."""
    return LawData.load(PARAMETERS_DIR)


def law_or_default(law: LawData | None) -> LawData:
    return law if law is not None else default_law()


# --- check-data ---------------------------------------------------------------------------------------


def _model_problems(model: Any, data: Any, path: str) -> list[str]:
    try:
        model.model_validate(data)
    except ValidationError as exc:
        return problems_of(exc, path)
    return []


def _generic_yaml_problems(data: Any, path: str, where: str = "") -> list[str]:
    """Files LawData does not model: every mapping with a ``value`` needs a source and a known status."""
    out: list[str] = []
    if isinstance(data, dict):
        if "value" in data:
            if not str(data.get("source") or "").strip():
                out.append(f"{path}：键 {where or '（顶层）'}：有 value 但缺少 source")
            if "status" in data and data["status"] not in STATUSES:
                out.append(f"{path}：键 {where}.status：{data['status']!r} 不是 {'/'.join(STATUSES)} 之一")
        for key, value in data.items():
            out += _generic_yaml_problems(value, path, f"{where}.{key}" if where else str(key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            out += _generic_yaml_problems(value, path, f"{where}.{i}")
    return out


def _csv_problems(file: Path, path: str) -> list[str]:
    out: list[str] = []
    with file.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(line for line in handle if not line.startswith("#"))
        missing = {"value", "source", "status"} - set(reader.fieldnames or [])
        if missing:
            return [f"{path}：缺少列 {'、'.join(sorted(missing))}"]
        for line_no, row in enumerate(reader, 2):
            if not (row.get("source") or "").strip():
                out.append(f"{path} 第{line_no}条数据：缺少 source")
            if (row.get("status") or "").strip() not in STATUSES:
                out.append(
                    f"{path} 第{line_no}条数据：status {row.get('status')!r} 不是 {'/'.join(STATUSES)} 之一"
                )
    return out


def check_parameters(path: Path | str = PARAMETERS_DIR) -> list[str]:
    """Every problem in every parameter file of ``path`` (empty list: all good), each naming file and key."""
    path = Path(path)
    models: dict[str, type[BaseModel]] = {name: DatedTableFile for name in DATED_TABLE_FILES}
    models[FEE_FILE] = FeeFile
    models[CATALOGUE_FILE] = CatalogueFile
    models.update({name: ConstantsFile for name in CONSTANTS_FILES})
    problems: list[str] = []
    for name in sorted(models):
        if not (path / name).exists():
            problems.append(f"{_rel(path / name)}：文件缺失")
    for file in sorted(path.glob("*.yaml")):
        rel = _rel(file)
        try:
            data = load_yaml(file)
        except YaosuError as exc:
            problems.append(str(exc))
            continue
        if file.name in models:
            found = _model_problems(models[file.name], data, rel)
            problems += found
            if found:
                continue
        else:
            problems += _generic_yaml_problems(data, rel)
    for file in sorted(path.glob("*.csv")):
        problems += _csv_problems(file, _rel(file))
    if not problems:
        # Cross-checks the models cannot express (bracket order, laws named by provisions, overlaps).
        try:
            LawData.load(path)
        except YaosuError as exc:
            problems.append(str(exc))
    return problems

"""Pydantic models of the parameter files (extra keys forbidden), and their Chinese error messages.

OpenFisca checks parameters on load (unknown keys are errors); so do we. ``validate`` raises the first
problem as a YaosuError naming the file and the key path; ``problems`` lists them all (for
``yaosu check-data``).
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from engine.errors import E, YaosuError

Status = Literal["verified", "secondary", "derived", "unverified", "news", "news_date_unsure", "not_found"]
Source = Field(min_length=1)


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True, frozen=True)


# --- dated tables ----------------------------------------------------------------------------------


class DatedEntryModel(Strict):
    value: Decimal | None
    source: str = Source
    status: Status = "verified"
    note: str = ""


class DatedTableFile(Strict):
    name: str
    title: str
    unit: str
    last_verified: date
    values: dict[date, DatedEntryModel] = Field(min_length=1)


# --- 诉讼费用交纳办法 --------------------------------------------------------------------------------


class BracketModel(Strict):
    upper: Decimal | None
    rate: Decimal | None = None
    fixed: Decimal | None = None


class PropertyFeeModel(Strict):
    source: str = Source
    status: Status = "verified"
    brackets: list[BracketModel] = Field(min_length=1)


class LaborFeeModel(Strict):
    source: str = Source
    status: Status = "verified"
    per_case: Decimal


class DivorceFeeModel(Strict):
    source: str = Source
    status: Status = "verified"
    per_case_min: Decimal
    per_case_max: Decimal
    property_free_upto: Decimal
    rate_above: Decimal


class SourcedModel(Strict):
    source: str = Source
    status: Status = "verified"
    concept: str | None = None  # the citation-catalogue concept stating the same rule


class SpecialFeeModel(Strict):
    source: str = Source
    status: Status = "verified"
    cap: Decimal | None = None
    divisor: Decimal | None = None
    brackets: list[BracketModel] | None = None


class FeeScheduleModel(Strict):
    property: PropertyFeeModel
    labor: LaborFeeModel
    divorce: DivorceFeeModel
    reductions: dict[str, SourcedModel]
    special: dict[str, SpecialFeeModel] = {}


class FeeFile(Strict):
    name: str
    title: str
    unit: str
    last_verified: date
    schedules: dict[date, FeeScheduleModel] = Field(min_length=1)


# --- citation catalogue ------------------------------------------------------------------------------


class LawVersionModel(Strict):
    edition: str
    from_: date | None = Field(alias="from")
    to: date | None
    source: str = Source
    status: Status
    note: str = ""


class LawModel(Strict):
    title: str = Field(pattern=r"^《.+》$")
    versions: list[LawVersionModel] = Field(min_length=1)


class ProvisionRowModel(Strict):
    law: str
    article: str | None
    from_: date | None = Field(None, alias="from")
    to: date | None = None
    source: str = Source
    status: Status
    note: str = ""
    effect: str | None = None


class ProvisionModel(Strict):
    label: str
    date_basis: Literal["judgment_date", "filing_date", "fact_date"]
    rows: list[ProvisionRowModel] = Field(min_length=1)


class CatalogueFile(Strict):
    last_verified: date
    laws: dict[str, LawModel]
    provisions: dict[str, ProvisionModel]


# --- 民间借贷 legal constants (parameters/private_lending.yaml) ---------------------------------------


class DatedValueModel(Strict):
    from_: date | None = Field(alias="from")
    to: date | None = None
    value: Decimal | int | str
    unit: str
    source: str = Source
    status: Status
    note: str = ""
    policy: bool = False  # a calculation convention of this project (recorded, never warns)


class ConstantsFile(Strict):
    name: str
    title: str
    last_verified: date
    constants: dict[str, list[DatedValueModel]]


M = TypeVar("M", bound=BaseModel)

_KIND_ZH = {
    "extra_forbidden": "未知的键（拼写错误或不应出现）",
    "missing": "缺少必填的键",
    "string_too_short": "不能为空",
    "too_short": "不能为空",
    "literal_error": "取值不在允许范围内",
    "string_pattern_mismatch": "格式不符",
}


_DATE_REPR = re.compile(r"^datetime\.date\((\d+), (\d+), (\d+)\)$")


def _loc_part(part: Any) -> str:
    # pydantic reports date keys of a mapping as their repr; show them as the file writes them.
    if isinstance(part, date):
        return part.isoformat()
    match = _DATE_REPR.match(str(part))
    if match:
        return date(*(int(g) for g in match.groups())).isoformat()
    return str(part)


def problems_of(error: ValidationError, path: str) -> list[str]:
    out = []
    for item in error.errors():
        where = ".".join(_loc_part(part) for part in item["loc"]) or "（顶层）"
        kind = _KIND_ZH.get(item["type"], f"类型错误：{item['msg']}")
        if item["type"] == "literal_error":
            kind += f"（{item['msg']}）"
        out.append(f"{path}：键 {where}：{kind}")
    return out


def validate(model: type[M], data: Any, path: str) -> M:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        problems = problems_of(exc, path)
        more = (
            f"（另有{len(problems) - 1}处问题，运行 yaosu check-data 查看全部）" if len(problems) > 1 else ""
        )
        raise YaosuError(E.E000, message=problems[0] + more, path=path) from None

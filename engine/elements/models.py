"""pydantic models derived from the element dictionary and tables.

The value formats of the spec (money, date, rate, party, ...) are written here once
as pydantic types; a table's model is built from its element list with
`create_model`, so the JSON Schema printed by `yaosu schema`, the validation of
`yaosu validate` and the web form all come from the same YAML.
"""

from __future__ import annotations

from functools import cache
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, create_model

from engine.elements.dictionary import ElementDef, ElementTable, load_table

Money = Annotated[str, Field(pattern=r"^-?\d+\.\d{2}$", description="金额（元），两位小数", examples=["50000.00"])]
DateValue = Annotated[
    str,
    Field(pattern=r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$", description="日期 YYYY-MM-DD（或 YYYY-MM、YYYY）"),
]
Percent = Annotated[str, Field(pattern=r"^\d+(\.\d+)?$")]


class Rate(BaseModel):
    """An interest rate as written, with its period and the annual percent (month × 12, day × 360)."""

    model_config = ConfigDict(extra="forbid", title="利率")
    raw: str = Field(description="原文")
    period: Literal["year", "month", "day"]
    percent: Percent
    annual_percent: Annotated[str, Field(pattern=r"^\d+\.\d{2}$", description="年利率（%）")]


class Party(BaseModel):
    model_config = ConfigDict(extra="forbid", title="当事人")
    name: str = Field(min_length=1, description="姓名或名称")
    kind: Literal["natural", "legal", "other"] = "natural"
    gender: Literal["男", "女"] | None = None
    birth_date: DateValue | None = None
    ethnicity: str | None = None
    id_number: str | None = None
    address: str | None = None
    legal_representative: str | None = None
    agents: list[str] = Field(default_factory=list)


class InterestClaim(BaseModel):
    """Interest claimed either as an amount or as base × rate from a start date (to an end or until paid)."""

    model_config = ConfigDict(extra="forbid", title="利息请求")
    amount: Money | None = None
    base: Money | None = None
    rate: Rate | None = None
    start_date: DateValue | None = None
    end: DateValue | Literal["until_paid"] | None = None


def value_type(element: ElementDef) -> Any:
    """The pydantic type of one element's value."""
    match element.type:
        case "money":
            return Money
        case "date":
            return DateValue
        case "rate":
            return Rate
        case "party_list":
            return list[Party]
        case "name_list":
            return list[Annotated[str, Field(min_length=1)]]
        case "enum":
            return Literal[tuple(element.options)]  # type: ignore[valid-type]
        case "bool":
            return bool
        case "text":
            return str
        case "int":
            return int
        case "interest_claim":
            return InterestClaim
    raise ValueError(f"unknown element type {element.type}")


def _field_extra(table: ElementTable, element_id: str) -> dict[str, Any]:
    entry = table.entries[element_id]
    extra: dict[str, Any] = {"x-section": entry.section, "x-type": entry.element.type}
    if entry.element.options:
        extra["x-options"] = entry.element.options
    if entry.required:
        extra["x-required"] = True
    return extra


@cache
def values_model(case_type: str) -> type[BaseModel]:
    """One optional, typed field per element of the table: the shape of `findings` and merged values."""
    table = load_table(case_type)
    fields: dict[str, Any] = {}
    for element_id, entry in table.entries.items():
        fields[element_id] = (
            value_type(entry.element) | None,
            Field(
                default=None,
                title=entry.element.label,
                description=entry.element.description,
                json_schema_extra=_field_extra(table, element_id),
            ),
        )
    return create_model(  # type: ignore[call-overload, no-any-return]
        f"{case_type.title().replace('_', '')}Values",
        __config__=ConfigDict(extra="forbid", title=f"{table.label}要素（v{table.version}）"),
        **fields,
    )


@cache
def element_state_model(case_type: str) -> type[BaseModel]:
    """Per element: both sides' values and the merge status; typed by the element's own type."""
    table = load_table(case_type)
    fields: dict[str, Any] = {}
    for element_id, entry in table.entries.items():
        vtype = value_type(entry.element) | None
        state = create_model(
            f"State_{element_id}",
            __config__=ConfigDict(extra="forbid", title=entry.element.label),
            status=(Literal["agreed", "disputed", "complaint_only", "answer_only"], ...),
            complaint=(vtype, None),
            answer=(vtype, None),
            answer_position=(Literal["admit", "contest"] | None, None),
        )
        fields[element_id] = (
            state | None,
            Field(default=None, title=entry.element.label, json_schema_extra=_field_extra(table, element_id)),
        )
    return create_model(  # type: ignore[call-overload, no-any-return]
        f"{case_type.title().replace('_', '')}ElementStates",
        __config__=ConfigDict(extra="forbid", title="要素状态"),
        **fields,
    )

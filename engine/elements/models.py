"""pydantic models derived from a case type's table, through the value-type registry.

A table's model is built from its element list with `create_model`, each field typed by its value type
(engine/elements/value_types.py), so the JSON Schema printed by `yaosu schema`, the validation of
`yaosu validate` and the web form all come from the same YAML. Built once per loaded case type.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, create_model

from engine.elements.dictionary import ElementDef, ElementTable
from engine.elements.value_types import (  # noqa: F401 - re-exported for callers of the old names
    DateValue,
    InterestClaim,
    Money,
    Party,
    Rate,
    get_value_type,
)

if TYPE_CHECKING:
    from engine.system import CaseType


def value_type(element: ElementDef) -> Any:
    """The pydantic type of one element's value."""
    return get_value_type(element.type).pydantic_type(element)


def _field_extra(table: ElementTable, element_id: str) -> dict[str, Any]:
    entry = table.entries[element_id]
    vtype = get_value_type(entry.element.type)
    extra: dict[str, Any] = {"x-section": entry.section, "x-type": entry.element.type, "x-hint": vtype.hint}
    if entry.element.options:
        extra["x-options"] = entry.element.options
    if entry.required:
        extra["x-required"] = True
    if table.decided_by_orders(element_id):
        extra["x-decided-by"] = "orders"
    return extra


def _class_name(table: ElementTable, suffix: str) -> str:
    return f"{table.id.title().replace('_', '')}{suffix}"


def _values(casetype: CaseType) -> type[BaseModel]:
    table = casetype.table
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
        _class_name(table, "Values"),
        __config__=ConfigDict(extra="forbid", title=f"{table.label}要素（v{table.version}）"),
        **fields,
    )


def values_model(casetype: CaseType) -> type[BaseModel]:
    """One optional, typed field per element of the table: the shape of `findings` and merged values."""
    return casetype.compiled("values_model", _values)  # type: ignore[no-any-return]


def _states(casetype: CaseType) -> type[BaseModel]:
    table = casetype.table
    fields: dict[str, Any] = {}
    for element_id, entry in table.entries.items():
        vtype = value_type(entry.element) | None
        state = create_model(
            f"State_{element_id}",
            __config__=ConfigDict(extra="forbid", title=entry.element.label),
            status=(Literal["agreed", "disputed", "complaint_only", "answer_only"], ...),  # type: ignore[arg-type]
            complaint=(vtype, None),
            answer=(vtype, None),
            answer_position=(Literal["admit", "contest"] | None, None),  # type: ignore[arg-type]
        )
        fields[element_id] = (
            state | None,
            Field(default=None, title=entry.element.label, json_schema_extra=_field_extra(table, element_id)),
        )
    return create_model(  # type: ignore[call-overload, no-any-return]
        _class_name(table, "ElementStates"),
        __config__=ConfigDict(extra="forbid", title="要素状态"),
        **fields,
    )


def element_state_model(casetype: CaseType) -> type[BaseModel]:
    """Per element: both sides' values and the merge status; typed by the element's own type."""
    return casetype.compiled("element_state_model", _states)  # type: ignore[no-any-return]

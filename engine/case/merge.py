"""Complaint + answer → per-element status (agreed / disputed / complaint_only / answer_only).

The element-style trial sorts 无争议事实 from 争议要素 (江苏高院指引第四、六条): the
defendant admits or denies each element. An answer that admits an element, or
states the same value without contesting it, agrees; one that contests it (even when it repeats the
figure: 律师费8,000元过高) or states another value disputes it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from engine.elements.value_types import get_value_type

if TYPE_CHECKING:
    from engine.system import CaseType


def same_value(element_type: str, left: Any, right: Any) -> bool:
    """Whether two values of one element say the same thing (the value type decides)."""
    return get_value_type(element_type).same(left, right)


def merge_elements(casetype: CaseType, complaint: dict[str, Any] | None, answer: dict[str, Any] | None) -> dict[str, Any]:
    """Element states from two extraction results (the spec's extraction JSON)."""
    table = casetype.table
    c_elements = (complaint or {}).get("elements", {})
    a_elements = (answer or {}).get("elements", {})
    states: dict[str, Any] = {}
    for element_id, entry in table.entries.items():
        c_item, a_item = c_elements.get(element_id), a_elements.get(element_id)
        c_value = c_item.get("value") if c_item else None
        a_value = a_item.get("value") if a_item else None
        position = a_item.get("position") if a_item else None
        if c_value is None and a_value is None and position is None:
            continue
        if a_item is None or (a_value is None and position is None):
            status = "complaint_only"
        elif c_value is None:
            status = "disputed" if position == "contest" else "answer_only"
        elif a_value is not None:
            # Another value disputes; the same value agrees unless the answer contests it in words
            # (律师费8,000元过高): the figure matches, the position does not.
            same = same_value(entry.element.type, c_value, a_value)
            status = "disputed" if position == "contest" or not same else "agreed"
        else:
            status = "disputed" if position == "contest" else "agreed"
        states[element_id] = {
            "status": status,
            "complaint": c_value,
            "answer": a_value,
            "answer_position": position,
        }
    return states

"""Recording the judge's findings: what a judge types is read by the element's value type, then the
whole case is validated before anything is written."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from engine.case.validate import validate_case
from engine.elements.value_types import coerce_value
from engine.errors import E, YaosuError

if TYPE_CHECKING:
    from engine.system import System

__all__ = ["coerce_value", "set_findings", "set_reasons"]

MAX_REASON_CHARS = 2000


def set_findings(system: System, case: dict[str, Any], findings: dict[str, Any]) -> dict[str, Any]:
    """A new case dict with the findings set (None clears one); invalid values raise YaosuError.

    Ids or 中文名 are accepted; a claim (诉讼请求) is decided by the orders, never found as a fact."""
    table = system.table(case.get("case_type"))
    by_label = {table.element(eid).label: eid for eid in table.element_ids}
    updated = json.loads(json.dumps(case))
    target = updated.setdefault("findings", {})
    for key, raw in findings.items():
        element_id = key if key in table.entries else by_label.get(key)
        if element_id is None:
            raise YaosuError(E.E307, table_label=table.label, str_key_64=str(key)[:64])
        if table.decided_by_orders(element_id):
            raise YaosuError(
                E.E308, value=table.element(element_id).label
            )
        value = coerce_value(table.element(element_id), raw)
        if value is None:
            target.pop(element_id, None)
        else:
            target[element_id] = value
    problems = [p for p in validate_case(system, updated) if p.path.startswith("/findings")]
    if problems:
        raise YaosuError(E.E000, message="；".join(f"{p.path}：{p.message}" for p in problems))
    return updated


def set_reasons(system: System, case: dict[str, Any], reasons: dict[str, str | None]) -> dict[str, Any]:
    """A new case dict with the judge's reasons for findings (case file `reasons`, printed in 本院认为).

    Ids or 中文名; an empty text or None clears a reason."""
    table = system.table(case.get("case_type"))
    by_label = {table.element(eid).label: eid for eid in table.element_ids}
    updated = json.loads(json.dumps(case))
    target = updated.setdefault("reasons", {})
    for key, text in reasons.items():
        element_id = key if key in table.entries else by_label.get(key)
        if element_id is None:
            raise YaosuError(E.E307, table_label=table.label, str_key_64=str(key)[:64])
        words = (text or "").strip()
        if len(words) > MAX_REASON_CHARS:
            raise YaosuError(E.E319, value=table.element(element_id).label, len_words=len(words), max_reason_chars=MAX_REASON_CHARS)
        if words:
            target[element_id] = words
        else:
            target.pop(element_id, None)
    return updated

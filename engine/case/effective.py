"""The value the judgment uses for each element: the judge's finding, else what is not in dispute."""

from __future__ import annotations

from typing import Any

from engine.elements.dictionary import ElementTable

PENDING = object()  # a disputed element the judge has not yet decided


def effective_value(case: dict[str, Any], element_id: str) -> Any:
    """Finding > agreed/undisputed value; PENDING for an open dispute; None when nobody stated it."""
    finding = (case.get("findings") or {}).get(element_id)
    if finding is not None:
        return finding
    state = (case.get("elements") or {}).get(element_id)
    if not state:
        return None
    status = state["status"]
    if status in ("disputed", "answer_only"):
        # What only the defendant asserts (e.g. a repayment) needs the court's finding too.
        return PENDING
    return state.get("complaint") if state.get("complaint") is not None else state.get("answer")


def effective_values(case: dict[str, Any]) -> dict[str, Any]:
    ids = set(case.get("elements") or {}) | {k for k, v in (case.get("findings") or {}).items() if v is not None}
    return {element_id: effective_value(case, element_id) for element_id in sorted(ids)}


def pending_disputes(table: ElementTable, case: dict[str, Any]) -> list[str]:
    """Disputed facts still waiting for the judge's finding, in the table's order (the order the form and
    the judgment show them; contested requests are left to the orders)."""
    values = effective_values(case)
    return [eid for eid in table.element_ids if values.get(eid) is PENDING and not table.decided_by_orders(eid)]

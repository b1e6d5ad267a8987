"""What a save changed, in words a judge reads in the history: field name, old value, new value."""

from __future__ import annotations

from typing import Any

from engine.case.messages import META_LABELS, field_label


def _same(left: Any, right: Any) -> bool:
    """Deep equality of JSON values, where True is not 1 and 1 is not 1.0 (Python's == says they are)."""
    if left is right:  # patches share unchanged values with the previous version
        return True
    if type(left) is not type(right):
        return False
    if isinstance(left, dict):
        return left.keys() == right.keys() and all(_same(left[key], right[key]) for key in left)
    if isinstance(left, list):
        return len(left) == len(right) and all(_same(a, b) for a, b in zip(left, right, strict=True))
    return bool(left == right)


def _change(case_type: str, parts: list[str], old: Any, new: Any) -> dict[str, Any]:
    return {"path": "/" + "/".join(parts), "label": field_label(_table(case_type), parts), "old": old, "new": new}


def summarize_changes(old: dict[str, Any], new: dict[str, Any]) -> list[dict[str, Any]]:
    """Changed findings, pleaded values, statuses, case details and court, in table order."""
    case_type = new["case_type"]
    changes: list[dict[str, Any]] = []
    if old.get("court") != new.get("court"):
        changes.append(_change(case_type, ["court"], old.get("court"), new.get("court")))
    old_meta, new_meta = old.get("meta") or {}, new.get("meta") or {}
    for key in [*META_LABELS, *sorted(set(old_meta) | set(new_meta) - set(META_LABELS))]:
        if not _same(old_meta.get(key), new_meta.get(key)):
            changes.append(_change(case_type, ["meta", key], old_meta.get(key), new_meta.get(key)))
    old_states, new_states = old.get("elements") or {}, new.get("elements") or {}
    old_findings, new_findings = old.get("findings") or {}, new.get("findings") or {}
    for element_id in _element_order(case_type, old_states, new_states, old_findings, new_findings):
        old_state, new_state = old_states.get(element_id) or {}, new_states.get(element_id) or {}
        for side in ("complaint", "answer", "status"):
            if not _same(old_state.get(side), new_state.get(side)):
                changes.append(
                    _change(
                        case_type, ["elements", element_id, side], old_state.get(side), new_state.get(side)
                    )
                )
        if not _same(old_findings.get(element_id), new_findings.get(element_id)):
            changes.append(
                _change(
                    case_type,
                    ["findings", element_id],
                    old_findings.get(element_id),
                    new_findings.get(element_id),
                )
            )
    return changes


def _element_order(case_type: str, *maps: dict[str, Any]) -> list[str]:
    from engine.system import default_system

    present = set().union(*maps)
    ordered = [eid for eid in default_system().table(case_type).element_ids if eid in present]
    return ordered + sorted(present - set(ordered))


def _table(case_type: str) -> Any:
    from engine.system import default_system

    return default_system().table(case_type)

"""What a save changed, in words a judge reads in the history: field name, old value, new value.

Each change carries the values as stored (`old`, `new`) and as a judge reads them (`old_text`,
`new_text`: option labels, 是/否, court names, formatted money and dates — never a code)."""

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
    return {
        "path": "/" + "/".join(parts),
        "label": field_label(_table(case_type), parts),
        "old": old,
        "new": new,
        "old_text": value_label(case_type, parts, old),
        "new_text": value_label(case_type, parts, new),
    }


def with_labels(case_type: str, change: dict[str, Any]) -> dict[str, Any]:
    """A stored change with old_text/new_text; versions saved before they were recorded get them now."""
    if "new_text" in change or not str(change.get("path", "")).startswith(("/findings/", "/elements/", "/meta/", "/court")):
        return change
    parts = str(change["path"]).strip("/").split("/")
    try:
        return {
            **change,
            "old_text": value_label(case_type, parts, change.get("old")),
            "new_text": value_label(case_type, parts, change.get("new")),
        }
    except Exception:  # noqa: BLE001 - an old entry the current table cannot word keeps its raw values
        return change


META_OPTIONS = {"procedure": {"simple": "简易程序", "ordinary": "普通程序"}}


def value_label(case_type: str, parts: list[str], value: Any) -> str:
    """A stored value at `parts` in the words of the form ("" when empty)."""
    from engine.case.casefile import STATUS_LABELS
    from engine.service.intake import value_texts
    from engine.system import default_system

    if value is None or value == "" or value == []:
        return ""
    if parts[0] == "court":
        court = default_system().courts.get(str(value))
        return court.name if court else str(value)
    if parts[0] == "meta":
        if isinstance(value, bool):
            return "是" if value else "否"
        if isinstance(value, list):
            return "、".join(map(str, value))
        return META_OPTIONS.get(parts[1], {}).get(str(value), str(value))
    if parts[0] == "elements" and len(parts) > 2 and parts[2] == "status":
        return STATUS_LABELS.get(str(value), str(value))
    if parts[0] == "elements" and len(parts) > 2 and parts[2] == "answer_position":
        return {"admit": "被告承认", "contest": "被告否认"}.get(str(value), str(value))
    return value_texts(_table(case_type), parts[1], value) or ""


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
        for side in ("complaint", "answer", "answer_position", "status"):
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

"""Recording the judge's findings: typed input coerced to the element's format, then validated."""

from __future__ import annotations

import json
from typing import Any

from engine.case.bounds import money_text
from engine.case.validate import validate_case
from engine.elements.dictionary import ElementDef, load_table
from engine.errors import YaosuError


def coerce_value(element: ElementDef, raw: Any) -> Any:
    """Accept what a judge types: 95000 for money, 是/否 for bool, a Chinese label for an enum."""
    if isinstance(raw, str):
        text = raw.strip()
        try:
            raw = json.loads(text) if text[:1] in "[{\"" or text in ("true", "false", "null") else text
        except (ValueError, RecursionError):  # JSONDecodeError, an int over 4,300 digits, [[[[…
            raw = text
    if raw is None:
        return None
    match element.type:
        case "money":
            return money_text(raw, element.label)
        case "bool":
            if isinstance(raw, str):
                if raw in ("是", "true", "True", "1"):
                    return True
                if raw in ("否", "false", "False", "0"):
                    return False
                raise YaosuError(f"{element.label}：{raw!r} 应为“是”或“否”")
            return bool(raw)
        case "enum":
            by_label = {label: code for code, label in element.options.items()}
            return by_label.get(raw, raw)
        case "name_list":
            return [part for part in (raw.replace("，", "、").replace(",", "、").split("、")) if part] if isinstance(
                raw, str
            ) else raw
    return raw


def set_findings(case: dict[str, Any], findings: dict[str, Any]) -> dict[str, Any]:
    """A new case dict with the findings set (None clears one); invalid values raise YaosuError."""
    table = load_table(case["case_type"])
    updated = json.loads(json.dumps(case))
    target = updated.setdefault("findings", {})
    for element_id, raw in findings.items():
        if element_id not in table.entries:
            raise YaosuError(f"要素表 {table.label} 中没有要素 {element_id}")
        value = coerce_value(table.element(element_id), raw)
        if value is None:
            target.pop(element_id, None)
        else:
            target[element_id] = value
    problems = [p for p in validate_case(updated) if p.path.startswith("/findings")]
    if problems:
        raise YaosuError("；".join(f"{p.path}：{p.message}" for p in problems))
    return updated

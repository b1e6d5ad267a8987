"""`yaosu validate`: JSON Schema, then required elements, then the table's cross-field checks.

Every problem carries a JSON path (e.g. `/findings/loan_amount`) and a Chinese
message naming the field, so a judge can find and fix it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import jsonschema

from engine.case.casefile import case_schema
from engine.case.effective import PENDING, effective_value
from engine.elements.checks import CHECK_KINDS
from engine.elements.dictionary import ElementDef, load_dictionary, load_table, table_ids
from engine.errors import YaosuError


@dataclass(frozen=True)
class Problem:
    path: str
    message: str

    def to_json(self) -> dict[str, str]:
        return {"path": self.path, "message": self.message}


def _pointer(parts: Any) -> str:
    return "/" + "/".join(str(part) for part in parts) if parts else "/"


def _element_at(parts: list[Any]) -> ElementDef | None:
    dictionary = load_dictionary()
    for part in reversed(parts):
        if isinstance(part, str) and part in dictionary:
            return dictionary[part]
    return None


def _field_title(schema: dict[str, Any], parts: list[Any]) -> str:
    """The Chinese title of the field a schema error points at, for the message."""
    element = _element_at(parts)
    if element is not None:
        return element.label
    return str(parts[-1]) if parts else "案件文件"


def _schema_message(error: jsonschema.ValidationError, schema: dict[str, Any], parts: list[Any] | None = None) -> str:
    parts = list(error.absolute_path) if parts is None else parts
    title = _field_title(schema, parts)
    match error.validator:
        case "required":
            missing = error.message.split("'")[1] if "'" in error.message else error.message
            return f"{title}：缺少必填字段 {missing}"
        case "pattern":
            return f"{title}：格式不正确（{error.instance!r} 不符合要求的格式，金额如 50000.00，日期如 2021-03-05）"
        case "type":
            return f"{title}：类型不正确（应为 {error.validator_value}）"
        case "enum" | "const":
            element = _element_at(parts)
            if element is not None and element.options:
                allowed_labels = "、".join(f"{code}（{label}）" for code, label in element.options.items())
                return f"{title}：取值 {error.instance!r} 无效，可选：{allowed_labels}"
            allowed = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
            return f"{title}：取值 {error.instance!r} 无效，可选：{'、'.join(map(str, allowed))}"
        case "additionalProperties":
            return f"{title}：有未知字段（{error.message}）"
        case "anyOf" | "oneOf":
            # Optional values are "X or null": explain the failure against X, not against null.
            specific = [e for e in error.context or () if not (e.validator == "type" and e.validator_value == "null")]
            if len(specific) == 1 and not specific[0].relative_path:
                return _schema_message(specific[0], schema, parts)
            element = _element_at(parts)
            if element is not None and element.options:
                allowed = "、".join(f"{code}（{label}）" for code, label in element.options.items())
                return f"{title}：取值 {error.instance!r} 无效，可选：{allowed}"
            return f"{title}：取值 {error.instance!r} 不符合该要素的格式"
        case "minLength":
            return f"{title}：不能为空"
        case _:
            return f"{title}：{error.message}"


def validate_case(data: Any) -> list[Problem]:
    """All problems of a case file; an empty list means valid."""
    if not isinstance(data, dict):
        return [Problem("/", "案件文件应为 JSON 对象")]
    case_type = data.get("case_type")
    if not isinstance(case_type, str):
        return [Problem("/case_type", "缺少案件类型 case_type")]
    if case_type not in table_ids():
        return [Problem("/case_type", f"未知的案件类型：{case_type}（可用的类型：{'、'.join(table_ids())}）")]
    schema = case_schema(case_type)
    validator = jsonschema.Draft202012Validator(schema)
    problems = [
        Problem(_pointer(error.absolute_path), _schema_message(error, schema))
        for error in sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))
    ]
    if problems:
        return problems  # cross-field rules need well-formed values
    table = load_table(case_type)
    for element_id in table.required_ids:
        if effective_value(data, element_id) in (None, [], ""):
            problems.append(Problem(f"/elements/{element_id}", f"缺少必填要素：{table.element(element_id).label}"))
    for check in table.checks:
        left = effective_value(data, check["left"])
        right = effective_value(data, check["right"])
        if right is None and check.get("fallback_right"):
            right = effective_value(data, check["fallback_right"])
        if left is PENDING or right is PENDING:
            continue
        message = CHECK_KINDS[check["kind"]](left, right, check)
        if message:
            problems.append(Problem(f"/elements/{check['left']}", message))
    return problems


def ensure_valid(data: Any) -> None:
    """Raise one YaosuError listing every problem (used before drafting)."""
    problems = validate_case(data)
    if problems:
        lines = "；".join(f"{p.path}：{p.message}" for p in problems)
        raise YaosuError(f"案件文件有 {len(problems)} 处问题：{lines}")

"""`yaosu validate`: JSON Schema, then required elements, then the table's cross-field checks.

Every problem carries a JSON path (e.g. `/findings/loan_amount`) and a Chinese
message naming the field, so a judge can find and fix it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

import jsonschema

from engine.case.bounds import safety_problems, typed_problems
from engine.case.casefile import case_schema
from engine.case.effective import PENDING, effective_value
from engine.case.messages import schema_error_message, specific_error
from engine.elements.checks import CHECK_KINDS
from engine.elements.dictionary import load_table, table_ids
from engine.errors import YaosuError


@dataclass(frozen=True)
class Problem:
    path: str
    message: str

    def to_json(self) -> dict[str, str]:
        return {"path": self.path, "message": self.message}


@cache
def _validator(case_type: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(case_schema(case_type))


def jsonschema_problems(data: dict[str, Any]) -> list[Problem]:
    """Schema problems of a case whose case_type is known, each at the most specific path."""
    errors = sorted(_validator(data["case_type"]).iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))
    return [
        Problem(
            "/" + "/".join(map(str, specific_error(error).absolute_path)),
            schema_error_message(data["case_type"], error),
        )
        for error in errors
    ]


def element_problems(data: dict[str, Any]) -> list[Problem]:
    """Required elements, then the table's cross-field checks, on the effective values.

    Needs well-formed values (run after the schema check)."""
    table = load_table(data["case_type"])
    problems = []
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


def validate_case(data: Any) -> list[Problem]:
    """All problems of a case file; an empty list means valid."""
    if not isinstance(data, dict):
        return [Problem("/", "案件文件应为 JSON 对象")]
    case_type = data.get("case_type")
    if not isinstance(case_type, str):
        return [Problem("/case_type", "缺少案件类型 case_type")]
    if case_type not in table_ids():
        return [Problem("/case_type", f"未知的案件类型：{case_type}（可用的类型：{'、'.join(table_ids())}）")]
    # Depth, unsafe characters and unbounded numbers first: jsonschema would recurse into or quote them.
    problems = [Problem(path, message) for path, message in safety_problems(data)]
    if problems:
        return problems
    problems = jsonschema_problems(data)
    if problems:
        return problems  # cross-field rules need well-formed values
    problems = [Problem(path, message) for path, message in typed_problems(data)]
    if problems:
        return problems
    return element_problems(data)


def ensure_valid(data: Any) -> None:
    """Raise one YaosuError listing every problem (used before drafting)."""
    problems = validate_case(data)
    if problems:
        lines = "；".join(f"{p.path}：{p.message}" for p in problems)
        raise YaosuError(f"案件文件有 {len(problems)} 处问题：{lines}")

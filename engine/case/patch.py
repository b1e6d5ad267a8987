"""A judge's change to a case: findings set or cleared, pleaded values corrected, case details edited.

`apply_patch` is pure: it returns a new case dict and never touches the one given,
because the store keeps every earlier version as it was. The result is checked
against the case JSON Schema so that a bad value (e.g. 金额 "5万") is refused with
a Chinese message naming the field instead of being saved and failing later at
drafting time. Missing required elements and cross-field rules are not errors here:
a case is saved while it is still being worked on.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

import jsonschema
import pydantic

from engine.case.casefile import case_model, case_schema
from engine.case.merge import merge_elements
from engine.drafting.courts import load_courts
from engine.elements.dictionary import load_table
from engine.errors import YaosuError

PLEADED_SIDES = ("complaint", "answer")
EDIT_KEYS = ("meta", "court", "elements")
COPIED_KEYS = ("findings", "meta", "elements")


@dataclass(frozen=True)
class PatchProblem:
    path: str
    message: str

    def to_json(self) -> dict[str, str]:
        return {"path": self.path, "message": self.message}


class PatchError(YaosuError):
    """A patch that would make the case invalid; `problems` lists each field at fault."""

    def __init__(self, problems: list[PatchProblem]) -> None:
        super().__init__("；".join(p.message for p in problems), path=problems[0].path if problems else None)
        self.problems = problems


@cache
def _validator(case_type: str) -> jsonschema.Draft202012Validator:
    # Building the validator resolves all $refs once; a save then only walks the instance.
    return jsonschema.Draft202012Validator(case_schema(case_type))


@cache
def _labels(case_type: str) -> dict[str, str]:
    table = load_table(case_type)
    return {element_id: table.element(element_id).label for element_id in table.element_ids}


META_LABELS = {
    "case_year": "收案年度",
    "case_seq": "案件编号",
    "filing_date": "立案日期",
    "procedure": "审理程序",
    "public_hearing": "公开开庭",
    "absent": "经传唤未到庭的当事人",
    "judge": "审判员",
    "clerk": "书记员",
    "judgment_date": "判决日期",
}

SIDE_LABELS = {"complaint": "原告主张", "answer": "被告意见", "status": "状态", "answer_position": "被告态度"}


def field_label(case_type: str, parts: list[Any]) -> str:
    """The Chinese name of the field at a JSON path, e.g. 借款金额（本院认定）."""
    labels = _labels(case_type)
    if len(parts) >= 2 and parts[0] == "findings" and parts[1] in labels:
        return f"{labels[parts[1]]}（本院认定）"
    if len(parts) >= 2 and parts[0] == "elements" and parts[1] in labels:
        side = SIDE_LABELS.get(str(parts[2]), "") if len(parts) > 2 else ""
        return f"{labels[parts[1]]}（{side}）" if side else labels[parts[1]]
    if len(parts) >= 2 and parts[0] == "meta":
        return META_LABELS.get(str(parts[1]), str(parts[1]))
    if parts and parts[0] == "court":
        return "法院"
    return "/".join(map(str, parts)) or "案件"


def _option_labels(case_type: str, parts: list[Any]) -> dict[str, str]:
    table = load_table(case_type)
    if len(parts) >= 2 and parts[0] in ("findings", "elements") and parts[1] in table.entries:
        return table.element(parts[1]).options
    return {}


def _specific(error: jsonschema.ValidationError) -> jsonschema.ValidationError:
    """For a nullable field (anyOf [T, null]) the useful error is the one from T, not "not null"."""
    while error.validator in ("anyOf", "oneOf") and error.context:
        branches = [e for e in error.context if not (e.validator == "type" and e.validator_value == "null")]
        if len({tuple(e.relative_schema_path)[:1] for e in branches}) != 1:
            break
        error = branches[0]
    return error


def _message(case_type: str, error: jsonschema.ValidationError) -> str:
    error = _specific(error)
    parts = list(error.absolute_path)
    title = field_label(case_type, parts)
    value = error.instance
    match error.validator:
        case "pattern":
            return f"{title}：{value!r} 格式不正确（金额如 50000.00，日期如 2021-03-05）"
        case "type":
            return f"{title}：{value!r} 类型不正确"
        case "enum" | "const":
            allowed = (
                error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
            )
            names = _option_labels(case_type, parts)
            shown = "、".join(
                f"{names.get(str(code), code)}（{code}）" if code in names else str(code) for code in allowed
            )
            return f"{title}：{value!r} 不是可选的值（可选：{shown}）"
        case "anyOf" | "oneOf":
            return f"{title}：{value!r} 不符合该要素的格式"
        case "additionalProperties":
            return f"{title}：有未知字段"
        case "required":
            return f"{title}：缺少必填字段"
        case "minLength":
            return f"{title}：不能为空"
        case "minimum" | "maximum":
            return f"{title}：{value!r} 超出允许范围"
        case _:
            return f"{title}：取值不正确"


def schema_problems(case: dict[str, Any]) -> list[PatchProblem]:
    """JSON Schema problems of a case, with Chinese messages naming the field.

    The pydantic model the schema is generated from checks a valid case in well under a
    millisecond (jsonschema takes ~15 ms on a case with both pleadings), so it answers the
    common question "is it valid?"; jsonschema only runs to word the problems of an invalid one.
    Strict mode makes the model at least as strict as the schema (no "12" for 12).
    """

    try:
        case_model(case["case_type"]).model_validate(case, strict=True)
        return []
    except pydantic.ValidationError as exc:
        problems = _jsonschema_problems(case)
        return problems or [_pydantic_problem(case["case_type"], error) for error in exc.errors()]


def _pydantic_problem(case_type: str, error: Any) -> PatchProblem:
    # Only reached for values the schema allows but strict pydantic does not (e.g. 12.0 for 12):
    # keep the path from the model's location, without pydantic's union-branch names.
    parts = [part for part in error["loc"] if isinstance(part, int) or not str(part)[:1].isupper()]
    parts = [part for part in parts if str(part) not in ("str", "int", "bool", "list", "none", "literal")]
    return PatchProblem("/" + "/".join(map(str, parts)), f"{field_label(case_type, parts)}：取值类型不正确")


def _jsonschema_problems(case: dict[str, Any]) -> list[PatchProblem]:
    validator = _validator(case["case_type"])
    errors = sorted(validator.iter_errors(case), key=lambda e: list(map(str, e.absolute_path)))
    problems: list[PatchProblem] = []
    for error in errors:
        path = "/" + "/".join(map(str, _specific(error).absolute_path))
        problems.append(PatchProblem(path, _message(case["case_type"], error)))
    return problems


def _merged_state(case_type: str, element_id: str, complaint: Any, answer: Any, position: Any) -> Any:
    states = merge_elements(
        case_type,
        {"elements": {element_id: {"value": complaint}}} if complaint is not None else None,
        {"elements": {element_id: {"value": answer, "position": position}}}
        if answer is not None or position is not None
        else None,
    )
    return states.get(element_id)


def _apply_element_edits(case: dict[str, Any], edits: Any) -> list[PatchProblem]:
    if not isinstance(edits, dict):
        return [PatchProblem("/edits/elements", "要素修改应为 {要素: {complaint: 值}} 的形式")]
    labels = _labels(case["case_type"])
    problems: list[PatchProblem] = []
    states = case.setdefault("elements", {})
    for element_id, change in edits.items():
        if element_id not in labels:
            problems.append(PatchProblem(f"/elements/{element_id}", f"未知的要素：{element_id}"))
            continue
        if not isinstance(change, dict) or not set(change) <= set(PLEADED_SIDES) | {"answer_position"}:
            problems.append(
                PatchProblem(f"/elements/{element_id}", f"{labels[element_id]}：只能修改原告主张或被告意见")
            )
            continue
        state = dict(states.get(element_id) or {})
        for side in (*PLEADED_SIDES, "answer_position"):
            if side in change:
                state[side] = change[side]
        merged = _merged_state(
            case["case_type"],
            element_id,
            state.get("complaint"),
            state.get("answer"),
            state.get("answer_position"),
        )
        # A corrected value can turn an agreed element into a disputed one or back; the status
        # is recomputed with the intake rules so the table never shows a stale status.
        if merged is None:
            states.pop(element_id, None)
        else:
            states[element_id] = merged
    return problems


def apply_patch(
    case: dict[str, Any], findings: dict[str, Any] | None, edits: dict[str, Any] | None
) -> dict[str, Any]:
    """A new case with the judge's findings and edits applied; raises PatchError on bad values.

    `case` is not modified. The result shares unchanged values with it (copy on write), so
    neither may be modified in place afterwards.

    findings: element id → value, or None to clear the finding.
    edits: {"meta": {...}, "court": id | None, "elements": {element id: {"complaint": value}}}.
    """
    # Copy on write, one level deep: the dicts a patch changes (findings, meta, element states)
    # are new; every value inside them, and the pleadings, are shared with `case`. Nothing in
    # yaosu modifies a case value in place once built, and deep copies were most of a save's cost.
    result = dict(case)
    for key in COPIED_KEYS:
        if isinstance(result.get(key), dict):
            result[key] = dict(result[key])
    case_type = result.get("case_type")
    if not isinstance(case_type, str):
        raise PatchError([PatchProblem("/case_type", "案件缺少案件类型")])
    labels = _labels(case_type)
    problems: list[PatchProblem] = []

    if findings is not None and not isinstance(findings, dict):
        problems.append(PatchProblem("/findings", "本院认定应为 {要素: 值} 的形式"))
        findings = {}
    result_findings = dict(result.get("findings") or {})
    for element_id, value in (findings or {}).items():
        if element_id not in labels:
            problems.append(PatchProblem(f"/findings/{element_id}", f"未知的要素：{element_id}"))
        elif value is None or value == "":
            result_findings.pop(element_id, None)
        else:
            result_findings[element_id] = value
    result["findings"] = result_findings

    edits = edits or {}
    if not isinstance(edits, dict):
        raise PatchError([PatchProblem("/edits", "修改内容应为 JSON 对象")])
    for key in edits:
        if key not in EDIT_KEYS:
            problems.append(PatchProblem(f"/{key}", f"不能修改字段：{key}（可修改：meta、court、elements）"))
    if "meta" in edits:
        if isinstance(edits["meta"], dict):
            result["meta"] = {**(result.get("meta") or {}), **edits["meta"]}
        else:
            problems.append(PatchProblem("/meta", "案件信息应为 JSON 对象"))
    if "court" in edits:
        problems.extend(_check_court(edits["court"]))
        result["court"] = edits["court"]
    if "elements" in edits:
        problems.extend(_apply_element_edits(result, edits["elements"]))

    if not problems:
        problems = schema_problems(result)
    if problems:
        raise PatchError(problems)
    return result


def _check_court(court_id: Any) -> list[PatchProblem]:
    if court_id is None:
        return []

    if not isinstance(court_id, str) or court_id not in load_courts():
        known = "、".join(f"{cid}（{c.name}）" for cid, c in load_courts().items())
        return [PatchProblem("/court", f"未知的法院：{court_id}。可用的法院：{known}")]
    return []

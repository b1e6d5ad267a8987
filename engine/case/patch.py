"""A judge's change to a case: findings set or cleared, pleaded values corrected, case details edited.

`apply_patch` is pure: it returns a new case dict and never touches the one given,
because the store keeps every earlier version as it was. The result is checked
against the case JSON Schema so that a bad value (e.g. 金额 "5万") is refused with
a Chinese message naming the field instead of being saved and failing later at
drafting time. Missing required elements and cross-field rules are not errors here:
a case is saved while it is still being worked on.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pydantic

from engine.case.casefile import case_model
from engine.case.merge import merge_elements
from engine.case.messages import element_labels, field_label
from engine.case.validate import Problem, jsonschema_problems, value_problems
from engine.elements.value_types import coerce_value
from engine.errors import YaosuError

if TYPE_CHECKING:
    from engine.elements.dictionary import ElementTable
    from engine.system import CaseType, System

PLEADED_SIDES = ("complaint", "answer")
EDIT_KEYS = ("meta", "court", "elements")
COPIED_KEYS = ("findings", "meta", "elements")


PatchProblem = Problem  # one problem type for validate and patch


class PatchError(YaosuError):
    """A patch that would make the case invalid; `problems` lists each field at fault."""

    def __init__(self, problems: list[PatchProblem]) -> None:
        super().__init__("；".join(p.message for p in problems), path=problems[0].path if problems else None)
        self.problems = problems


def schema_problems(casetype: CaseType, case: dict[str, Any]) -> list[PatchProblem]:
    """JSON Schema problems of a case, with Chinese messages naming the field, then what the schema
    cannot say (calendar dates).

    The pydantic model the schema is generated from checks a valid case in about a millisecond
    (jsonschema takes ~15 ms on a case with both pleadings), so it answers the common question "is it
    valid?"; jsonschema only runs to word the problems of an invalid one. Strict mode makes the model
    at least as strict as the schema (no "12" for 12).
    """
    from engine.case.bounds import safety_problems, typed_problems

    # Depth, unsafe characters and unbounded numbers first (the same order as `yaosu validate`).
    unsafe = [PatchProblem(path, message) for path, message in safety_problems(case, casetype.table)]
    if unsafe:
        return unsafe
    try:
        case_model(casetype).model_validate(case, strict=True)
    except pydantic.ValidationError as exc:
        problems = jsonschema_problems(casetype, case)
        return problems or [_pydantic_problem(casetype.table, error) for error in exc.errors()]
    typed = [PatchProblem(path, message) for path, message in typed_problems(casetype.table, case)]
    return typed or value_problems(casetype, case)


def _pydantic_problem(table: ElementTable, error: Any) -> PatchProblem:
    # Only reached for values the schema allows but strict pydantic does not (e.g. 12.0 for 12):
    # keep the path from the model's location, without pydantic's union-branch names.
    parts = [part for part in error["loc"] if isinstance(part, int) or not str(part)[:1].isupper()]
    parts = [part for part in parts if str(part) not in ("str", "int", "bool", "list", "none", "literal")]
    return PatchProblem("/" + "/".join(map(str, parts)), f"{field_label(table, parts)}：取值类型不正确")


def _merged_state(casetype: CaseType, element_id: str, complaint: Any, answer: Any, position: Any) -> Any:
    states = merge_elements(
        casetype,
        {"elements": {element_id: {"value": complaint}}} if complaint is not None else None,
        {"elements": {element_id: {"value": answer, "position": position}}}
        if answer is not None or position is not None
        else None,
    )
    return states.get(element_id)


def _apply_element_edits(casetype: CaseType, case: dict[str, Any], edits: Any) -> list[PatchProblem]:
    if not isinstance(edits, dict):
        return [PatchProblem("/edits/elements", "要素修改应为 {要素: {complaint: 值}} 的形式")]
    labels = element_labels(casetype.table)
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
            casetype,
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
    system: System, case: dict[str, Any], findings: dict[str, Any] | None, edits: dict[str, Any] | None
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
    if not isinstance(case_type, str) or case_type not in system.casetypes:
        raise PatchError([PatchProblem("/case_type", "案件缺少案件类型或案件类型未知")])
    casetype = system.casetype(case_type)
    table = casetype.table
    labels = element_labels(table)
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
            # What the judge typed (95000, 9.5万元, 2021年6月1日, 是) is stored normalised.
            try:
                result_findings[element_id] = coerce_value(table.element(element_id), value)
            except YaosuError as exc:
                problems.append(PatchProblem(f"/findings/{element_id}", exc.message))
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
        problems.extend(_check_court(system, edits["court"]))
        result["court"] = edits["court"]
    if "elements" in edits:
        problems.extend(_apply_element_edits(casetype, result, edits["elements"]))

    if not problems:
        problems = schema_problems(casetype, result)
    if problems:
        raise PatchError(problems)
    return result


def _check_court(system: System, court_id: Any) -> list[PatchProblem]:
    if court_id is None:
        return []
    if not isinstance(court_id, str) or court_id not in system.courts:
        known = "、".join(f"{cid}（{c.name}）" for cid, c in system.courts.items())
        return [PatchProblem("/court", f"未知的法院：{court_id}。可用的法院：{known}")]
    return []

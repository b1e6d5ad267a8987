"""Chinese messages for JSON Schema errors in a case file, naming the field a judge sees.

One place for the wording, used by `yaosu validate` (engine/case/validate.py) and by the
web service's saves (engine/case/patch.py).
"""

from __future__ import annotations

from typing import Any

import jsonschema

from engine.elements.dictionary import ElementTable


def element_labels(table: ElementTable) -> dict[str, str]:
    return {element_id: table.element(element_id).label for element_id in table.element_ids}


META_LABELS = {
    "case_year": "收案年度",
    "case_seq": "案件编号",
    "filing_date": "立案日期",
    "hearing_end_date": "一审法庭辩论终结日",
    "procedure": "审理程序",
    "public_hearing": "公开开庭",
    "absent": "经传唤未到庭的当事人",
    "judge": "审判员",
    "assistant": "法官助理",
    "clerk": "书记员",
    "judgment_date": "判决日期",
    "preservation_fee": "财产保全费",
    "preservation_fee_payer": "财产保全费负担",
    "outcome": "结案方式",
    "withdrawal_date": "撤诉申请日期",
    "mediation_terms": "调解协议条款",
    "mediation_fee_plaintiff_percent": "调解：原告负担受理费的比例（%）",
    "simplified": "小额诉讼简式裁判文书",
}

SIDE_LABELS = {"complaint": "原告主张", "answer": "被告意见", "status": "状态", "answer_position": "被告态度"}


def field_label(table: ElementTable, parts: list[Any]) -> str:
    """The Chinese name of the field at a JSON path, e.g. 借款金额（本院认定）."""
    labels = element_labels(table)
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


def _option_labels(table: ElementTable, parts: list[Any]) -> dict[str, str]:
    if len(parts) >= 2 and parts[0] in ("findings", "elements") and parts[1] in table.entries:
        return table.element(parts[1]).options
    return {}


def specific_error(error: jsonschema.ValidationError) -> jsonschema.ValidationError:
    """For a nullable field (anyOf [T, null]) the useful error is the one from T, not "not null"."""
    while error.validator in ("anyOf", "oneOf") and error.context:
        branches = [e for e in error.context if not (e.validator == "type" and e.validator_value == "null")]
        if len({tuple(e.relative_schema_path)[:1] for e in branches}) != 1:
            break
        error = branches[0]
    return error


def schema_error_message(table: ElementTable, error: jsonschema.ValidationError) -> str:
    error = specific_error(error)
    parts = list(error.absolute_path)
    title = field_label(table, parts)
    value = error.instance
    match error.validator:
        case "pattern":
            return f"{title}：{value!r} 格式不正确（{_hint(table, parts)}）"
        case "type":
            return f"{title}：{value!r} 类型不正确"
        case "enum" | "const":
            allowed = (
                error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
            )
            names = _option_labels(table, parts)
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


def _hint(table: ElementTable, parts: list[Any]) -> str:
    """What the field at a path accepts, from its value type (a money field never shows a date hint)."""
    from engine.elements.value_types import get_value_type

    if len(parts) >= 2 and parts[0] in ("findings", "elements") and parts[1] in table.entries:
        return get_value_type(table.element(parts[1]).type).hint
    if len(parts) >= 2 and parts[0] == "meta" and "date" in str(parts[1]):
        return "日期，如 2021-06-01"
    return "见该字段说明"

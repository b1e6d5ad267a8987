"""Checks on a case file's values that JSON Schema cannot express, run before anything is written.

The schema says a date looks like 2021-02-29 and an amount like -50000.00; this module says
2021-02-29 is not a day, an amount is not negative, has at most two decimals and stays below
MAX_MONEY, numbers are bounded, and every text can go into a .docx (engine/textsafety.py).

`value_problems(case)` is the one entry point (called by engine/case/validate.py's
`validate_case`, so `validate`, `new`, `find`, `draft` and the web service's saves share it);
`value_warnings(case)` lists what the judge should look at but is not an error (bidi controls
and zero-width characters in party names). `money_text` turns what a judge types into an
amount, refusing 1e999999999 before it is ever expanded.
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation
from typing import Any

from engine.case.messages import META_LABELS, field_label
from engine.elements.dictionary import ElementTable
from engine.errors import E, YaosuError
from engine.textsafety import deceptive_name_warnings, describe_characters, unsafe_characters

MAX_MONEY = Decimal(10) ** 13  # 元: ten trillion, far above any civil claim
MAX_PERCENT = Decimal(100_000)
MAX_INT = 10**12  # offsets, sequence numbers: a 10 MB pleading has 10^7 characters
MAX_CASE_SEQ = 10**7
MAX_DEPTH = 32  # a case file nests about six levels deep
MAX_NUMBER_CHARS = 40  # "1e999999999" is short; its expansion is not
MIN_YEAR, MAX_YEAR = 1900, 2100
DATE_KEYS = ("birth_date", "start_date", "end")
MONEY_KEYS = ("amount", "base")
PERCENT_KEYS = ("percent", "annual_percent")

Problem = tuple[str, str]  # (JSON path, Chinese message); validate.py wraps them


def money_problem(value: Any) -> str | None:
    """Why `value` (a "50000.00" string) is not an acceptable amount, or None."""
    if not isinstance(value, str) or len(value) > MAX_NUMBER_CHARS:
        return f"金额 {_short(value)} 无效"
    try:
        amount = Decimal(value)
    except InvalidOperation:
        return f"金额 {_short(value)} 无效"
    if not amount.is_finite():
        return f"金额 {_short(value)} 无效"
    if amount < 0:
        return f"金额不能为负数（{value}）"
    if amount >= MAX_MONEY:
        return f"金额 {value} 超出上限（应小于 10 万亿元）"
    if amount != amount.quantize(Decimal("0.01")):
        return f"金额 {value} 最多保留两位小数"
    return None


def money_text(raw: Any, label: str) -> str:
    """What a judge types (95000, "95,000元") → "95000.00"; YaosuError naming `label` otherwise."""
    text = str(raw).strip().replace(",", "").replace("，", "").removesuffix("元").strip()
    if isinstance(raw, bool) or len(text) > MAX_NUMBER_CHARS:
        raise YaosuError(E.E310, label=label, short_raw=_short(raw))
    try:
        amount = Decimal(text)
    except InvalidOperation as exc:
        raise YaosuError(E.E310, label=label, short_raw=_short(raw)) from exc
    # Bounds before formatting: f"{Decimal('1e999999999'):.2f}" would build a billion digits.
    if not amount.is_finite() or amount.copy_abs() >= MAX_MONEY:  # abs() would round (Overflow)
        raise YaosuError(E.E311, label=label, short_raw=_short(raw))
    if amount < 0:
        raise YaosuError(E.E312, label=label, short_raw=_short(raw))
    if amount != amount.quantize(Decimal("0.01")):
        raise YaosuError(E.E313, label=label, short_raw=_short(raw))
    return f"{amount:.2f}"


def date_problem(value: Any) -> str | None:
    """Why a YYYY-MM-DD / YYYY-MM / YYYY string is not a calendar date, or None."""
    if value == "until_paid":
        return None
    if not isinstance(value, str):
        return f"日期 {_short(value)} 无效"
    parts = value.split("-")
    if not 1 <= len(parts) <= 3 or not all(part.isascii() and part.isdigit() for part in parts):
        return f"日期 {_short(value)} 格式不正确（如 2021-03-05、2021-03 或 2021）"
    year = int(parts[0])
    if not MIN_YEAR <= year <= MAX_YEAR:
        return f"日期 {value} 的年份应在 {MIN_YEAR} 至 {MAX_YEAR} 之间"
    try:
        datetime.date(year, int(parts[1]) if len(parts) > 1 else 1, int(parts[2]) if len(parts) > 2 else 1)
    except ValueError:
        return f"日期 {value} 不存在"
    return None


def percent_problem(value: Any) -> str | None:
    if not isinstance(value, str) or len(value) > MAX_NUMBER_CHARS:
        return f"利率 {_short(value)} 无效"
    try:
        percent = Decimal(value)
    except InvalidOperation:
        return f"利率 {_short(value)} 无效"
    if not percent.is_finite() or percent < 0 or percent > MAX_PERCENT:
        return f"利率 {value}% 超出允许范围"
    return None


def value_problems(table: ElementTable | None, case: dict[str, Any]) -> list[Problem]:
    """Every value problem of a case: `safety_problems`, then (if none) `typed_problems`."""
    return safety_problems(case, table) or typed_problems(table, case)


def safety_problems(case: dict[str, Any], table: ElementTable | None = None) -> list[Problem]:
    """Nesting depth, unsafe characters, unbounded or non-finite numbers, anywhere in the case.

    Run before JSON Schema: jsonschema recurses into deep values and quotes huge ones."""
    return list(_generic_problems(case, table))


def typed_problems(table: ElementTable | None, case: dict[str, Any]) -> list[Problem]:
    """Calendar dates, amounts, rates and the case number, by the element type of each value."""
    problems: list[Problem] = []
    meta = case.get("meta")
    if isinstance(meta, dict):
        for key in ("filing_date", "judgment_date"):
            if meta.get(key) is not None and (message := date_problem(meta[key])):
                problems.append((f"/meta/{key}", f"{META_LABELS[key]}：{message}"))
        seq = meta.get("case_seq")
        if isinstance(seq, int) and not isinstance(seq, bool) and not 1 <= seq <= MAX_CASE_SEQ:
            problems.append(("/meta/case_seq", f"{META_LABELS['case_seq']}：{seq} 超出允许范围（1 至 {MAX_CASE_SEQ}）"))
    if table is None:
        return problems
    for path, element_id, value in _element_values(case, table.entries):
        label = field_label(table, path.strip("/").split("/"))
        for where, message in _typed_problems(table.element(element_id).type, value, path):
            problems.append((where, f"{label}：{message}"))
    return problems


def value_warnings(table: ElementTable | None, case: dict[str, Any]) -> list[Problem]:
    """Party names with bidi controls or zero-width characters: shown to the judge, not refused."""
    warnings: list[Problem] = []
    if table is None:
        return warnings
    for path, element_id, value in _element_values(case, table.entries):
        kind = table.element(element_id).type
        names: list[tuple[str, Any]] = []
        if kind == "party_list" and isinstance(value, list):
            for index, party in enumerate(value):
                if isinstance(party, dict):
                    names.append((f"{path}/{index}/name", party.get("name")))
                    names.extend((f"{path}/{index}/agents/{i}", a) for i, a in enumerate(party.get("agents") or []))
                    names.append((f"{path}/{index}/legal_representative", party.get("legal_representative")))
        elif kind == "name_list" and isinstance(value, list):
            names.extend((f"{path}/{index}", name) for index, name in enumerate(value))
        label = field_label(table, path.strip("/").split("/"))
        for where, name in names:
            if isinstance(name, str):
                warnings.extend((where, message) for message in deceptive_name_warnings([name], f"{label}：名称"))
    return warnings


def nesting_depth_exceeds(value: Any, limit: int = MAX_DEPTH) -> bool:
    """True when `value` nests lists/objects deeper than `limit` (iterative: no recursion limit)."""
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict | list):
            if depth >= limit:
                return True
            children = item.values() if isinstance(item, dict) else item
            stack.extend((child, depth + 1) for child in children)
    return False


def _generic_problems(case: dict[str, Any], table: ElementTable | None = None) -> Iterator[Problem]:
    if nesting_depth_exceeds(case):
        yield ("/", f"案件文件嵌套超过 {MAX_DEPTH} 层，不是有效的案件文件")
        return
    stack: list[tuple[str, Any]] = [("", case)]
    while stack:
        path, item = stack.pop()
        if isinstance(item, dict):
            for key, child in item.items():
                if isinstance(key, str) and unsafe_characters(key):
                    yield (path or "/", f"{_label(table, path)}：字段名含有不允许的控制字符")
                stack.append((f"{path}/{key}", child))
        elif isinstance(item, list):
            stack.extend((f"{path}/{index}", child) for index, child in enumerate(item))
        elif isinstance(item, str):
            found = unsafe_characters(item)
            if found:
                yield (path, f"{_label(table, path)}：含有不允许的控制字符 {describe_characters(found)}，请删除后重试")
        elif isinstance(item, bool) or item is None:
            continue
        elif isinstance(item, int):
            if abs(item) > MAX_INT:
                yield (path, f"{_label(table, path)}：数值超出允许范围")
        elif isinstance(item, float):
            if not math.isfinite(item) or abs(item) > MAX_INT:
                yield (path, f"{_label(table, path)}：数值 {_short(item)} 无效")


def _label(table: ElementTable | None, path: str) -> str:
    parts = path.strip("/").split("/") if path else []
    if table is None:
        return "/".join(parts) or "案件"
    try:
        return field_label(table, parts)
    except YaosuError:
        return "/".join(parts) or "案件"


def _element_values(case: dict[str, Any], known: Any) -> Iterator[tuple[str, str, Any]]:
    """(path, element id, value) of every finding and every pleaded value of a known element."""
    findings = case.get("findings")
    if isinstance(findings, dict):
        for element_id, value in findings.items():
            if element_id in known and value is not None:
                yield f"/findings/{element_id}", element_id, value
    elements = case.get("elements")
    if isinstance(elements, dict):
        for element_id, state in elements.items():
            if element_id in known and isinstance(state, dict):
                for side in ("complaint", "answer"):
                    if state.get(side) is not None:
                        yield f"/elements/{element_id}/{side}", element_id, state[side]
    for role in ("complaint", "answer"):
        pleading = case.get(role)
        if isinstance(pleading, dict) and isinstance(pleading.get("elements"), dict):
            for element_id, extracted in pleading["elements"].items():
                if element_id in known and isinstance(extracted, dict) and extracted.get("value") is not None:
                    yield f"/{role}/elements/{element_id}/value", element_id, extracted["value"]


def _typed_problems(kind: str, value: Any, path: str) -> Iterator[Problem]:
    if kind == "money":
        if (message := money_problem(value)) is not None:
            yield path, message
    elif kind == "date":
        if (message := date_problem(value)) is not None:
            yield path, message
    elif kind == "rate":
        yield from _nested_problems(value, path)
    elif kind in ("interest_claim", "party_list"):
        for index, item in enumerate(value) if isinstance(value, list) else [(None, value)]:
            yield from _nested_problems(item, path if index is None else f"{path}/{index}")


def _nested_problems(value: Any, path: str) -> Iterator[Problem]:
    if not isinstance(value, dict):
        return
    for key, item in value.items():
        if item is None:
            continue
        message = None
        if key in MONEY_KEYS:
            message = money_problem(item)
        elif key in DATE_KEYS:
            message = date_problem(item)
        elif key in PERCENT_KEYS:
            message = percent_problem(item)
        elif key == "rate":
            yield from _nested_problems(item, f"{path}/rate")
        if message is not None:
            yield f"{path}/{key}", message


def _short(value: Any) -> str:
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_INT:
        return "（超长数字）"  # repr of an int over 4,300 digits raises ValueError
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "…"

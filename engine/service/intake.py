"""What a judge types into the form, normalised before it reaches a case: case details (立案日期,
案号, 审判员 …) at upload and in a save, and pleaded values corrected in the table.

Findings are normalised by the core (engine.case.patch.apply_patch → coerce_value); this module
brings case details and the pleaded sides to the same rules, with the same value types, so the
form can send exactly what the judge typed (2021年6月1日, 9.5万元, 是) everywhere.
"""

from __future__ import annotations

import hashlib
import re
from typing import TYPE_CHECKING, Any

from engine.case.casefile import CaseMeta
from engine.case.patch import PatchError, PatchProblem
from engine.elements.dictionary import FieldDef
from engine.elements.value_types import coerce_value, get_value_type
from engine.errors import E, YaosuError

if TYPE_CHECKING:
    from engine.elements.dictionary import ElementTable

# A full case number: （2024）沪0118民初1234号 — the year in brackets, the serial before 号.
CASE_NUMBER = re.compile(r"^[（(]\s*(\d{4})\s*[）)][^\d]*(?:\d+[^\d]+)*?(\d+)\s*号?$")
# Pleaded values typed as text are normalised for these types; structured ones (parties, lists,
# records) come from their own widgets as JSON already.
TYPED_SCALARS = frozenset({"money", "date", "rate", "percent", "int", "bool", "enum", "interest_claim"})
LIST_SPLIT = re.compile(r"[、,，;；\s]+")
# Case details chosen from a list of codes (the form's selects): stored as sent, checked by the schema.
CHOICE_FIELDS = frozenset({"procedure", "outcome", "preservation_fee_payer"})


def meta_titles() -> dict[str, str]:
    """Case-detail field → its Chinese title, in CaseMeta order (the schema's titles)."""
    return {name: str(info.title or name) for name, info in CaseMeta.model_fields.items()}


def _meta_field(name: str) -> FieldDef:
    annotation = CaseMeta.model_fields[name].annotation
    kind = "date" if name.endswith("_date") else "int" if annotation in (int, int | None) else "text"
    if CaseMeta.model_fields[name].annotation is bool:
        kind = "bool"
    return FieldDef(f"meta/{name}", meta_titles()[name], kind)


def parse_case_number(text: str) -> tuple[int, int]:
    """（2024）沪0118民初1234号 → (2024, 1234); YaosuError in Chinese otherwise."""
    cleaned = text.strip().replace(" ", "")
    match = CASE_NUMBER.match(cleaned)
    if not match:
        raise YaosuError(
            E.E675, text_40=text[:40],
            path="/meta/case_number",
        )
    return int(match.group(1)), int(match.group(2))


def normalise_meta(raw: dict[str, Any]) -> dict[str, Any]:
    """Case details as typed → CaseMeta values; PatchError naming each field at fault.

    `case_number` (a full 案号) is read into case_year and case_seq; dates take every form the
    date type takes; 缺席当事人 may be one line of names separated by 、 or commas.
    """
    fields = CaseMeta.model_fields
    out: dict[str, Any] = {}
    problems: list[PatchProblem] = []
    for key, value in raw.items():
        if key == "case_number":
            if isinstance(value, str) and value.strip():
                try:
                    out["case_year"], out["case_seq"] = parse_case_number(value)
                except YaosuError as exc:
                    problems.append(PatchProblem("/meta/case_number", exc.message))
            continue
        if key not in fields:
            problems.append(PatchProblem(f"/meta/{key}", f"案件信息中没有这一项：{key}"))
            continue
        if key == "absent" and isinstance(value, str):
            out[key] = [name for name in LIST_SPLIT.split(value) if name]
            continue
        if key == "mediation_terms" and isinstance(value, (str, list)):
            # One agreed term per line (a term may hold 、 and commas of its own).
            from engine.case.meta import clean_terms

            try:
                out[key] = clean_terms(value)
            except YaosuError as exc:
                problems.append(PatchProblem(f"/meta/{key}", exc.message))
            continue
        if key == "mediation_fee_plaintiff_percent" and isinstance(value, str):
            value = value.strip().removesuffix("%").removesuffix("％")
        if isinstance(value, str) and key not in CHOICE_FIELDS:
            field = _meta_field(key)
            try:
                value = coerce_value(field, value) if field.type != "text" else (value.strip() or None)
            except YaosuError as exc:
                problems.append(PatchProblem(f"/meta/{key}", exc.message.replace("meta/", "")))
                continue
        out[key] = value
    if problems:
        raise PatchError(problems)
    return out


# The parts of an interest claim a judge types, by the value type that reads them.
INTEREST_CLAIM_PARTS = {"amount": "money", "base": "money", "rate": "rate", "start_date": "date"}


def field_types(element: Any) -> dict[str, str]:
    """The value type of each part of a structured element, so the form can offer typed fields."""
    if element.type == "interest_claim":
        return dict(INTEREST_CLAIM_PARTS)
    return {fid: f.type for fid, f in (element.fields or {}).items()}


def _typed_parts(element: Any, value: Any) -> Any:
    """An interest claim whose parts were typed as text (9.5万元, 月息2分) → stored parts; records are
    read part by part by their own value type already."""
    if element.type != "interest_claim" or not isinstance(value, dict):
        return value
    out = dict(value)
    for key, kind in INTEREST_CLAIM_PARTS.items():
        if isinstance(out.get(key), str):
            part = FieldDef(element.id, f"{element.label}（{_PART_LABELS[key]}）", kind)
            out[key] = coerce_value(part, out[key])
    return out


_PART_LABELS = {"amount": "金额", "base": "计算基数", "rate": "利率", "start_date": "起算日期"}


def normalise_findings(table: ElementTable, findings: Any) -> Any:
    """Typed parts of structured findings (an interest claim's amount, base, rate, start) → stored values;
    the rest is left to apply_patch, which reads every finding with its value type."""
    if not isinstance(findings, dict):
        return findings
    problems: list[PatchProblem] = []
    out: dict[str, Any] = {}
    for element_id, value in findings.items():
        out[element_id] = value
        if element_id in table.entries:
            try:
                out[element_id] = _typed_parts(table.element(element_id), value)
            except YaosuError as exc:
                problems.append(PatchProblem(f"/findings/{element_id}", exc.message))
    if problems:
        raise PatchError(problems)
    return out


def normalise_element_edits(table: ElementTable, edits: Any) -> Any:
    """Pleaded values typed as text (9.5万元, 2021年6月1日) → stored values, like findings are."""
    if not isinstance(edits, dict):
        return edits
    problems: list[PatchProblem] = []
    out: dict[str, Any] = {}
    for element_id, change in edits.items():
        if element_id not in table.entries or not isinstance(change, dict):
            out[element_id] = change
            continue
        element = table.element(element_id)
        changed = dict(change)
        for side in ("complaint", "answer"):
            if side not in changed:
                continue
            value = changed[side]
            try:
                if isinstance(value, str) and element.type in TYPED_SCALARS:
                    changed[side] = coerce_value(element, value)
                else:
                    changed[side] = _typed_parts(element, value)
            except YaosuError as exc:
                problems.append(PatchProblem(f"/elements/{element_id}/{side}", exc.message))
        out[element_id] = changed
    if problems:
        raise PatchError(problems)
    return out


def value_texts(table: ElementTable, element_id: str, value: Any) -> str | None:
    """An element value as the judge reads it (labels, never codes); None when empty."""
    if value is None or value == [] or value == "" or element_id not in table.entries:
        return None
    try:
        return get_value_type(table.element(element_id).type).text(table.element(element_id), value)
    except (KeyError, TypeError, ValueError, AttributeError, YaosuError):
        return str(value)


def pleading_digest(case_type: str, complaint_text: str) -> str:
    """What makes two uploads the same complaint: the case type and the text without whitespace
    (so the .docx and the .txt of one complaint, or a re-saved file, match)."""
    body = re.sub(r"\s+", "", complaint_text)
    return hashlib.sha256(f"{case_type}\0{body}".encode()).hexdigest()

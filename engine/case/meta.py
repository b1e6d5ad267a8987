"""The case details that are not elements (立案日期, 判决日期, 程序, 缺席当事人, 审判人员, 案号): set, checked
against the case, and only then written."""

from __future__ import annotations

import json
import re
from datetime import date
from typing import TYPE_CHECKING, Any

from engine.case.casefile import CaseMeta
from engine.case.effective import PENDING, effective_value
from engine.case.messages import META_LABELS
from engine.case.validate import validate_case
from engine.errors import E, YaosuError

if TYPE_CHECKING:
    from engine.system import System

PROCEDURES = {"simple": "简易程序", "ordinary": "普通程序", "small_claims": "小额诉讼程序"}
_DATE_ORDER = ("filing_date", "hearing_end_date", "judgment_date")


def _day(field: str, raw: Any) -> str:
    text = str(raw).strip()
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise YaosuError(E.E321, meta_labels_field=META_LABELS[field], field=field, text_32=text[:32]) from None


def _choices(field: str) -> dict[str, str]:
    extra = CaseMeta.model_fields[field].json_schema_extra
    assert isinstance(extra, dict)
    return dict(extra["x-options"])  # type: ignore[arg-type]


# Fields with a fixed set of codes (程序 has its own message, kept for the tests that read it).
_CHOICES = {field: _choices(field) for field in ("outcome", "preservation_fee_payer")}
MAX_TERMS = 100
MAX_TERM_LENGTH = 2000


def clean_terms(raw: Any) -> list[str]:
    """调解协议条款: one term per item (a string is one term per line); the numbering (一、 / 1.) and the
    closing punctuation are the document's, so what the judge typed of them is dropped."""
    items = raw.splitlines() if isinstance(raw, str) else list(raw)
    terms = [re.sub(r"^\s*(?:[一二三四五六七八九十]+、|\d+[.、．](?!\d))\s*", "", str(t)).strip().rstrip("；;。") for t in items]
    terms = [t for t in terms if t]
    if len(terms) > MAX_TERMS or any(len(t) > MAX_TERM_LENGTH for t in terms):
        raise YaosuError(E.E325, max_terms=MAX_TERMS, max_term_length=MAX_TERM_LENGTH)
    return terms


def _percent(raw: Any) -> int:
    text = str(raw).strip().removesuffix("%").removesuffix("％").strip()
    if not text.isdigit() or not 0 <= int(text) <= 100:
        raise YaosuError(E.E326, str_raw_32=str(raw)[:32])
    return int(text)


def _party_names(case: dict[str, Any]) -> list[str]:
    names: list[str] = []
    for role in ("plaintiffs", "defendants", "third_parties"):
        value = effective_value(case, role)
        if value is PENDING or value is None:
            value = ((case.get("elements") or {}).get(role) or {}).get("complaint")
        for party in value or []:
            names.append(party["name"] if isinstance(party, dict) else str(party))
    return names


def meta_problems(case: dict[str, Any]) -> list[str]:
    """What is wrong with the meta against the rest of the case (dates out of order, unknown absentees)."""
    meta = case.get("meta") or {}
    problems = []
    dated = [(f, meta[f]) for f in _DATE_ORDER if meta.get(f)]
    for (f1, d1), (f2, d2) in zip(dated, dated[1:], strict=False):
        if d2 < d1:
            problems.append(f"{META_LABELS[f2]}（{d2}）早于{META_LABELS[f1]}（{d1}）")
    withdrawn = meta.get("withdrawal_date")
    if withdrawn and meta.get("filing_date") and withdrawn < meta["filing_date"]:
        problems.append(f"撤诉申请日期（{withdrawn}）早于立案日期（{meta['filing_date']}）")
    names = _party_names(case)
    for name in meta.get("absent") or []:
        if names and name not in names:
            problems.append(f"缺席当事人“{name}”不是本案当事人（当事人：{'、'.join(names)}）")
    return problems


def set_meta(system: System, case: dict[str, Any], changes: dict[str, Any]) -> dict[str, Any]:
    """A new case dict with the given meta fields set; invalid values raise YaosuError naming the field."""
    unknown = [k for k in changes if k not in CaseMeta.model_fields]
    if unknown:
        raise YaosuError(E.E320, join_unknown='、'.join(unknown), value='、'.join(CaseMeta.model_fields))
    updated = json.loads(json.dumps(case))
    meta = updated.setdefault("meta", {})
    for field, raw in changes.items():
        if raw is None:
            continue
        if field in _DATE_ORDER or field == "withdrawal_date":
            meta[field] = _day(field, raw)
        elif field in _CHOICES:
            if raw not in _CHOICES[field]:
                options = '、'.join(f'{k}（{v}）' for k, v in _CHOICES[field].items())
                raise YaosuError(E.E327, meta_labels_field=META_LABELS[field], options=options, str_raw_32=str(raw)[:32])
            meta[field] = raw
        elif field == "mediation_terms":
            meta[field] = clean_terms(raw)
        elif field == "mediation_fee_plaintiff_percent":
            meta[field] = _percent(raw)
        elif field == "procedure":
            if raw not in PROCEDURES:
                raise YaosuError(
                    E.E322, value='、'.join(f'{k}（{v}）' for k, v in PROCEDURES.items()), raw=raw
                )
            meta[field] = raw
        elif field == "preservation_fee":
            from decimal import Decimal, InvalidOperation

            try:
                amount = Decimal(str(raw).replace(",", "").removesuffix("元"))
            except InvalidOperation:
                raise YaosuError(E.E324, str_raw_32=str(raw)[:32]) from None
            if amount < 0:
                raise YaosuError(E.E323)
            meta[field] = f"{amount.quantize(Decimal('0.01'))}"
        elif field == "absent":
            meta[field] = list(dict.fromkeys(str(n).strip() for n in raw if str(n).strip()))
        else:
            meta[field] = raw
    problems = meta_problems(updated)
    problems += [f"{p.path}：{p.message}" for p in validate_case(system, updated) if p.path.startswith("/meta")]
    if problems:
        raise YaosuError(E.E000, message="；".join(problems))
    return updated

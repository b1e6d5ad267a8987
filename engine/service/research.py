"""The researchers' export: one row per case and element, de-identified.

`export_rows(cases)` is the interface; when engine.research.export exists (the batch tools'
de-identifier) the service uses its `export_rows`, otherwise the minimal one here:

- every party name (parties, their legal representatives and agents, lenders, borrowers,
  guarantors) is replaced, in every value and free text, by a 某-pseudonym: 顾某 for a
  person (surname kept, as in published judgments), 某甲公司 for an organisation;
- identity numbers, addresses and birth dates of parties are dropped;
- 18-character identity / credit codes, 11-digit mobile numbers, bank account numbers
  (12+ digits) and addresses written in free text are removed from every string.

A case is known by its position in the export only, not by its id or title.
"""

from __future__ import annotations

import csv
import importlib
import io
import json
import re
from collections.abc import Callable
from typing import Any

from engine.system import default_system

PARTY_TYPES = ("party_list", "name_list")
DROPPED_FIELDS = ("id_number", "address", "birth_date")
ORG_SUFFIXES = (
    "有限责任公司",
    "股份有限公司",
    "有限公司",
    "公司",
    "合作社",
    "事务所",
    "中心",
    "银行",
    "厂",
    "店",
    "行",
)
ORDINALS = "甲乙丙丁戊己庚辛壬癸"
COLUMNS = ["case", "case_type", "court", "element", "label", "status", "complaint", "answer", "finding"]

_ID = re.compile(r"(?<![0-9A-Za-z])[0-9A-Z]{17}[0-9Xx](?![0-9A-Za-z])")
_PHONE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")
_ACCOUNT = re.compile(r"(?<!\d)\d(?:[ -]?\d){11,29}(?!\d)")
_ADDRESS = re.compile(
    r"(住所地|住址|地址|现住|住)[：:]?(?=[^，,。；;\n]*(?:省|市|区|县|镇|乡|村|路|街|弄|号))[^，,。；;\n]+"
)


def _party_names(value: Any, out: dict[str, bool]) -> None:
    """name → whether it is an organisation, for every name in a party or name-list value."""
    if isinstance(value, str):
        if value.strip():
            out.setdefault(value.strip(), _is_org(value))
    elif isinstance(value, list):
        for item in value:
            _party_names(item, out)
    elif isinstance(value, dict):
        name = value.get("name")
        if isinstance(name, str) and name.strip():
            out[name.strip()] = value.get("kind") in ("legal", "other") or _is_org(name)
        for key in ("legal_representative", "agents"):
            _party_names(value.get(key), out)


def _is_org(name: str) -> bool:
    return any(suffix in name for suffix in ORG_SUFFIXES) or len(name) > 5


def pseudonyms(case: dict[str, Any]) -> dict[str, str]:
    """Real name → 某-pseudonym, for every party named anywhere in the case."""
    table = default_system().table(case["case_type"])
    names: dict[str, bool] = {}
    states = case.get("elements") or {}
    findings = case.get("findings") or {}
    for element_id, entry in table.entries.items():
        if entry.element.type not in PARTY_TYPES:
            continue
        state = states.get(element_id) or {}
        for value in (state.get("complaint"), state.get("answer"), findings.get(element_id)):
            _party_names(value, names)
    mapping: dict[str, str] = {}
    used: set[str] = set()
    orgs = 0
    for name, is_org in names.items():
        if is_org:
            suffix = next((s for s in ORG_SUFFIXES if name.endswith(s)), "单位")
            alias = f"某{ORDINALS[orgs % len(ORDINALS)]}{suffix}"
            orgs += 1
        else:
            alias = f"{name[0]}某"
            n = 2
            while alias in used:
                alias = f"{name[0]}某{n}"
                n += 1
        used.add(alias)
        mapping[name] = alias
    return mapping


def scrub_text(text: str, mapping: dict[str, str]) -> str:
    for name in sorted(mapping, key=len, reverse=True):
        text = text.replace(name, mapping[name])
    text = _ID.sub("[证件号已删除]", text)
    text = _PHONE.sub("[电话已删除]", text)
    text = _ACCOUNT.sub("[账号已删除]", text)
    return _ADDRESS.sub(r"\1[地址已删除]", text)


def scrub(value: Any, mapping: dict[str, str]) -> Any:
    """`value` with names pseudonymised, personal fields dropped and identifiers cut from strings."""
    if isinstance(value, str):
        return scrub_text(value, mapping)
    if isinstance(value, list):
        return [scrub(item, mapping) for item in value]
    if isinstance(value, dict):
        return {key: (None if key in DROPPED_FIELDS else scrub(item, mapping)) for key, item in value.items()}
    return value


def _cell(value: Any) -> str:
    if value is None:
        return ""
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def local_export_rows(cases: list[dict[str, Any]]) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for index, case in enumerate(cases, start=1):
        table = default_system().table(case["case_type"])
        mapping = pseudonyms(case)
        states = case.get("elements") or {}
        findings = case.get("findings") or {}
        for element_id, entry in table.entries.items():
            state = states.get(element_id) or {}
            finding = findings.get(element_id)
            if not state and finding is None:
                continue
            rows.append(
                {
                    "case": index,
                    "case_type": case["case_type"],
                    "court": case.get("court") or "",
                    "element": element_id,
                    "label": entry.element.label,
                    "status": state.get("status") or "",
                    "complaint": _cell(scrub(state.get("complaint"), mapping)),
                    "answer": _cell(scrub(state.get("answer"), mapping)),
                    "finding": _cell(scrub(finding, mapping)),
                }
            )
    return rows


def _exporter() -> Callable[[list[dict[str, Any]]], list[dict[str, Any]]]:
    try:
        module = importlib.import_module("engine.research.export")
    except ImportError:
        return local_export_rows
    return getattr(module, "export_rows", local_export_rows)  # type: ignore[no-any-return]


def export_rows(cases: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """De-identified rows of `cases` (engine.research.export's when installed, else the local ones)."""
    return _exporter()(cases)


def to_csv(rows: list[dict[str, Any]]) -> bytes:
    columns = list(rows[0]) if rows else COLUMNS
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")  # BOM: Excel opens the Chinese correctly


def to_parquet(rows: list[dict[str, Any]]) -> bytes:
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = (
        pa.Table.from_pylist(rows)
        if rows
        else pa.table({name: pa.array([], pa.string()) for name in COLUMNS})
    )
    sink = io.BytesIO()
    pq.write_table(table, sink)
    return sink.getvalue()

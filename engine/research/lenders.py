"""疑似职业放贷人: the same lender as plaintiff in many cases within a period, across the courts.

Screen only (民间借贷规定第十三条第（三）项 makes lending to the public without a licence invalid;
the judge decides): a plaintiff is grouped by ID number when the complaint gives one, else by the
normalised name; a name without an ID joins the ID group of that name when there is exactly one.
The thresholds are data (parameters/professional_lender.yaml).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from engine.errors import E, YaosuError
from engine.paths import PARAMETERS_DIR

PARAMETERS_FILE = PARAMETERS_DIR / "professional_lender.yaml"
WARNING_PREFIX = "疑似职业放贷人："


@dataclass(frozen=True)
class Threshold:
    min_cases: int
    window_months: int


def load_threshold(path: Path = PARAMETERS_FILE) -> Threshold:
    from engine.law.parameters import load_yaml  # the parameters' strict loader (duplicate keys are errors)

    data = load_yaml(path)
    values = {}
    for key in ("min_cases", "window_months"):
        entry = data.get(key)
        value = entry.get("value") if isinstance(entry, dict) else None
        if not isinstance(value, int) or value < 1:
            raise YaosuError(E.E704, path_name=path.name, key=key)
        if not (isinstance(entry, dict) and entry.get("source") and entry.get("status")):
            raise YaosuError(E.E705, path_name=path.name, key=key)
        values[key] = value
    return Threshold(**values)


@dataclass(frozen=True)
class PlaintiffCase:
    stem: str
    court: str
    filing_date: str | None
    name: str
    id_number: str | None


def normalise_name(name: str) -> str:
    """NFKC (full-width brackets and letters), no spaces: 苏州（A）公司 and 苏州(A)公司 are one name."""
    return "".join(unicodedata.normalize("NFKC", name).split())


def plaintiff_cases(stem: str, court: str, filing_date: str | None, plaintiffs: list[Any]) -> list[PlaintiffCase]:
    result = []
    for party in plaintiffs or []:
        name = party.get("name") if isinstance(party, dict) else party
        if not isinstance(name, str) or not name.strip():
            continue
        id_number = party.get("id_number") if isinstance(party, dict) else None
        result.append(PlaintiffCase(stem, court, filing_date, name.strip(), (id_number or "").upper() or None))
    return result


def _months_between(first: date, last: date) -> float:
    return (last.year - first.year) * 12 + (last.month - first.month) + (last.day - first.day) / 31


def _groups(cases: list[PlaintiffCase]) -> dict[str, list[PlaintiffCase]]:
    ids_by_name: dict[str, set[str]] = {}
    for case in cases:
        if case.id_number:
            ids_by_name.setdefault(normalise_name(case.name), set()).add(case.id_number)
    groups: dict[str, list[PlaintiffCase]] = {}
    for case in cases:
        name = normalise_name(case.name)
        if case.id_number:
            key = "id:" + case.id_number
        elif len(ids_by_name.get(name, ())) == 1:
            key = "id:" + next(iter(ids_by_name[name]))
        else:
            key = "name:" + name
        groups.setdefault(key, []).append(case)
    return groups


def _densest_window(cases: list[PlaintiffCase], months: int) -> list[PlaintiffCase]:
    """The most cases whose filing dates all lie within `months` months (two pointers over dates)."""
    dated = sorted((c for c in cases if c.filing_date), key=lambda c: (c.filing_date, c.stem))
    best: list[PlaintiffCase] = []
    start = 0
    for end in range(len(dated)):
        last = date.fromisoformat(dated[end].filing_date)  # type: ignore[arg-type]
        while _months_between(date.fromisoformat(dated[start].filing_date), last) > months:  # type: ignore[arg-type]
            start += 1
        if end - start + 1 > len(best):
            best = dated[start : end + 1]
    return best


def suspected_lenders(cases: list[PlaintiffCase], threshold: Threshold) -> list[dict[str, Any]]:
    """report.json `lenders`: name, the cases in the densest window, their courts, the ID when known."""
    found = []
    for key, group in _groups(cases).items():
        distinct = {c.stem: c for c in group}
        window = _densest_window(list(distinct.values()), threshold.window_months)
        if len(window) < threshold.min_cases:
            continue
        names = sorted({c.name for c in group}, key=lambda n: (-sum(c.name == n for c in group), n))
        found.append(
            {
                "name": names[0],
                # Only the last four digits: enough to tell two namesakes apart in the report.
                "id_number": f"…{key[-4:]}" if key.startswith("id:") else None,
                "cases": [c.stem for c in window],
                "courts": sorted({c.court for c in window}),
                "first_filing": window[0].filing_date,
                "last_filing": window[-1].filing_date,
                "all_cases": sorted(distinct),
            }
        )
    return sorted(found, key=lambda item: (-len(item["cases"]), item["name"]))


def warning_text(lender: dict[str, Any], threshold: Threshold) -> str:
    courts = "、".join(lender["courts"])
    return (
        f"{WARNING_PREFIX}原告{lender['name']}在{threshold.window_months}个月内作为原告起诉"
        f"{len(lender['cases'])}件（{lender['first_filing']}至{lender['last_filing']}，法院：{courts}），"
        f"请依《最高人民法院关于审理民间借贷案件适用法律若干问题的规定》第十三条第（三）项审查是否为职业放贷。"
    )

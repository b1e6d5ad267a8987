"""The divergence report: per court and case type, what the cases hold and how the courts decide.

Built from light per-case records (`case_record`), so the same code runs on a batch's case
files and on synthetic records in the benchmark. report.json holds the figures; report.html
shows them with inline SVG charts (self-contained: no script, no network, no external asset).
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from datetime import UTC, datetime
from html import escape
from pathlib import Path
from typing import Any

import numpy as np

from engine.atomic import atomic_write_text
from engine.research import calls
from engine.research.charts import bar_chart, box_chart

FIGURE_LABELS = {
    "claimed_amount": "诉讼标的额", "granted_amount": "判决支持金额", "fee": "案件受理费",
    "granted_rates": "支持的年利率", "cap": "利率上限",
}
STATUS_LABELS = {"ready": "可起草", "pending": "待认定", "missing": "缺少必填要素", "failed": "失败"}
DISPUTED = ("disputed", "answer_only")


def case_record(case: dict[str, Any], state: dict[str, Any]) -> dict[str, Any]:
    """What the report needs of one case (values as stored; pending marked None)."""
    values, pending = {}, []
    for element_id in case.get("elements") or {}:
        value, is_pending = calls.effective(case, element_id)
        if is_pending:
            pending.append(element_id)
        else:
            values[element_id] = value
    for element_id, value in (case.get("findings") or {}).items():
        if value is not None:
            values[element_id] = value
    return {
        "stem": state["stem"],
        "court": state["court"],
        "case_type": case["case_type"],
        "status": state["status"],
        "states": {eid: s.get("status") for eid, s in (case.get("elements") or {}).items()},
        "complaint": {eid: s.get("complaint") for eid, s in (case.get("elements") or {}).items()},
        "findings": {k: v for k, v in (case.get("findings") or {}).items() if v is not None},
        "values": values,
        "by_court": state.get("by_court") or {},
        "compare": state.get("compare") or {},
    }


def stats(numbers: list[float]) -> dict[str, float] | None:
    if not numbers:
        return None
    array = np.asarray(numbers, dtype=np.float64)
    q1, median, q3 = np.percentile(array, [25, 50, 75])
    return {
        "n": int(array.size), "min": round(float(array.min()), 2), "q1": round(float(q1), 2),
        "median": round(float(median), 2), "q3": round(float(q3), 2), "max": round(float(array.max()), 2),
        "mean": round(float(array.mean()), 2),
    }


def _float(value: Any) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _rate(value: Any) -> float | None:
    return _float(value.get("annual_percent")) if isinstance(value, dict) else None


def _group(case_type: str, court: str, records: list[dict[str, Any]]) -> dict[str, Any]:
    table = calls.load_table(case_type)
    n = len(records)
    statuses = {key: sum(r["status"] == key for r in records) for key in STATUS_LABELS}
    present: Counter[str] = Counter()
    disputed: Counter[str] = Counter()
    for record in records:  # one pass over the records, not one per element
        for element_id, status in record["states"].items():
            present[element_id] += 1
            if status in DISPUTED:
                disputed[element_id] += 1
    dispute_rates = {
        element_id: {
            "label": entry.element.label, "present": present[element_id], "disputed": disputed[element_id],
            "rate": round(disputed[element_id] / n, 4) if n else 0.0,
        }
        for element_id, entry in table.entries.items()
    }
    own = [r["by_court"].get(court) or {} for r in records]
    rate_element = calls.agreed_rate_element(case_type)
    agreed = [x for r in records if rate_element and (x := _rate(r["values"].get(rate_element))) is not None]
    granted = [x for f in own for rate in (f.get("granted_rates") or [])[:1] if (x := _float(rate)) is not None]
    caps = [x for f in own if (x := _float(f.get("cap"))) is not None]
    capped = 0
    for record, figures in zip(records, own, strict=True):
        agreed_rate = _rate(record["values"].get(rate_element)) if rate_element else None
        rate = _float((figures.get("granted_rates") or [None])[0])
        cap = _float(figures.get("cap"))
        if agreed_rate is not None and rate is not None and cap is not None and agreed_rate > cap and rate <= cap:
            capped += 1
    money = {}
    for element_id, entry in table.entries.items():
        if entry.element.type != "money":
            continue
        numbers = [x for r in records if (x := _float(r["values"].get(element_id))) is not None]
        money[element_id] = {"label": entry.element.label, "stats": stats(numbers)}
    return {
        "court": court, "case_type": case_type, "case_type_label": table.label, "cases": n,
        "statuses": statuses, "dispute_rates": dispute_rates,
        "figures": {
            "agreed_rate": stats(agreed), "granted_rate": stats(granted), "cap": stats(caps),
            "capped_cases": capped,
            "fee": stats([x for f in own if (x := _float(f.get("fee"))) is not None]),
            "claimed_amount": stats([x for f in own if (x := _float(f.get("claimed_amount"))) is not None]),
            "granted_amount": stats([x for f in own if (x := _float(f.get("granted_amount"))) is not None]),
            "money": money,
        },
    }


def _compare(records: list[dict[str, Any]]) -> dict[str, Any]:
    """What would change if each case were heard in each other court (drafted for every court)."""
    pairs: dict[str, dict[str, Any]] = {}
    examples: list[dict[str, Any]] = []
    line_examples: dict[str, dict[str, Any]] = {}  # per court: the first case's differing lines
    changed = 0
    lines = []
    for record in records:
        compare = record["compare"]
        if not compare:
            continue
        lines.append(float(compare.get("differing_lines", 0)))
        if record["court"] not in line_examples and compare.get("lines"):
            line_examples[record["court"]] = {"case": record["stem"], "lines": compare["lines"]}
        any_change = False
        for other, fields in (compare.get("differing_figures") or {}).items():
            pair = pairs.setdefault(f"{record['court']}→{other}", {"cases": 0, "changed": 0, "fields": {}})
            pair["cases"] += 1
            orders = (compare.get("differing_orders") or {}).get(other) or []
            if fields or orders:
                pair["changed"] += 1
                any_change = True
                for field in fields:
                    pair["fields"][field] = pair["fields"].get(field, 0) + 1
                if len(examples) < 50:
                    own_figures = record["by_court"].get(record["court"]) or {}
                    other_figures = record["by_court"].get(other) or {}
                    examples.append({
                        "case": record["stem"], "court": record["court"], "other": other,
                        "figures": {f: [own_figures.get(f), other_figures.get(f)] for f in fields},
                        "orders": orders,
                    })
        changed += any_change
    return {
        "cases_compared": len(lines), "cases_with_changes": changed,
        "differing_lines": stats(lines), "pairs": dict(sorted(pairs.items())), "examples": examples,
        "line_examples": line_examples,
    }


def _tally(records: list[dict[str, Any]]) -> tuple[int, Counter[str], Counter[str], Counter[str]]:
    """(cases, disputed, decided, findings departing from the claim) per element, in one pass."""
    disputed: Counter[str] = Counter()
    decided: Counter[str] = Counter()
    departs: Counter[str] = Counter()
    for record in records:
        for element_id, status in record["states"].items():
            if status in DISPUTED:
                disputed[element_id] += 1
        for element_id, finding in record["findings"].items():
            decided[element_id] += 1
            if finding != record["complaint"].get(element_id):
                departs[element_id] += 1
    return len(records), disputed, decided, departs


def _divergence(records: list[dict[str, Any]], courts: list[str]) -> list[dict[str, Any]]:
    """Per element: each court's dispute rate and how often its findings depart from the claim."""
    by_type: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for record in records:
        by_type[record["case_type"]].append(record)
    rows = []
    for case_type, group in by_type.items():
        table = calls.load_table(case_type)
        per_court: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for record in group:
            per_court[record["court"]].append(record)
        tallies = {court: _tally(per_court.get(court) or []) for court in courts}
        for element_id, entry in table.entries.items():
            cells = {}
            for court in courts:
                cases, disputed, decided, departs = tallies[court]
                d, found, off = disputed[element_id], decided[element_id], departs[element_id]
                cells[court] = {
                    "cases": cases, "disputed": d,
                    "dispute_rate": round(d / cases, 4) if cases else None,
                    "decided": found, "departs_from_claim": off,
                    "departure_rate": round(off / found, 4) if found else None,
                }
            if not any(c["disputed"] or c["decided"] for c in cells.values()):
                continue  # nobody disputed or decided it: nothing to diverge on
            finding_rates = [c["departure_rate"] for c in cells.values() if c["departure_rate"] is not None]
            dispute_rates = [c["dispute_rate"] for c in cells.values() if c["dispute_rate"] is not None]
            rows.append({
                "case_type": case_type, "element": element_id, "label": entry.element.label, "by_court": cells,
                "finding_spread": round(max(finding_rates) - min(finding_rates), 4) if len(finding_rates) > 1 else 0.0,
                "dispute_spread": round(max(dispute_rates) - min(dispute_rates), 4) if len(dispute_rates) > 1 else 0.0,
            })
    rows.sort(key=lambda r: (-r["finding_spread"], -r["dispute_spread"], r["element"]))
    return rows[:15]


def build_report(records: list[dict[str, Any]], lenders: list[dict[str, Any]], threshold: dict[str, int]) -> dict[str, Any]:
    courts = calls.court_ids()
    grouped: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for record in records:
        grouped[(record["case_type"], record["court"])].append(record)
    order = {court: i for i, court in enumerate(courts)}
    keys = sorted(grouped, key=lambda k: (k[0], order.get(k[1], len(order)), k[1]))
    return {
        "report_version": "1",
        "cases": len(records),
        "courts": courts,
        "statuses": {key: sum(r["status"] == key for r in records) for key in STATUS_LABELS},
        "groups": [_group(case_type, court, grouped[(case_type, court)]) for case_type, court in keys],
        "compare": _compare(records),
        "divergence": _divergence(records, courts),
        "lender_threshold": threshold,
        "lenders": lenders,
    }


def _table(headers: list[str], rows: list[list[Any]]) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{escape(str(c))}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


CSS = """
body{font-family:'Noto Sans CJK SC','WenQuanYi Micro Hei',sans-serif;margin:24px;color:#222;max-width:1100px}
h1{font-size:22px}h2{font-size:18px;border-bottom:1px solid #ccc;padding-bottom:4px;margin-top:32px}
table{border-collapse:collapse;margin:8px 0;font-size:13px}td,th{border:1px solid #ccc;padding:3px 8px;text-align:left}
th{background:#f2f2f2}svg.chart{display:block;margin:12px 0;background:#fafafa;border:1px solid #eee}
.note{color:#555;font-size:13px}
"""


def render_html(report: dict[str, Any]) -> str:
    courts = report["courts"]
    parts = [
        "<!DOCTYPE html><html lang='zh-CN'><head><meta charset='utf-8'>",
        "<meta http-equiv='Content-Security-Policy' content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">",
        f"<title>要素式审判批量分析报告</title><style>{CSS}</style></head><body>",
        f"<h1>要素式审判批量分析报告（{report['cases']} 件）</h1>",
        _table(["状态", "件数"], [[STATUS_LABELS[k], v] for k, v in report["statuses"].items()]),
    ]
    by_type: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for group in report["groups"]:
        by_type[group["case_type"]].append(group)
    for case_type, groups in by_type.items():
        label = groups[0]["case_type_label"]
        names = [g["court"] for g in groups]
        parts.append(f"<h2>{escape(label)}（{escape(case_type)}）</h2>")
        parts.append(bar_chart("各法院案件数", ["案件数"], {g["court"]: [float(g["cases"])] for g in groups}))
        rates = groups[0]["dispute_rates"]
        top = sorted(rates, key=lambda e: -max(g["dispute_rates"][e]["rate"] for g in groups))[:12]
        top = [e for e in top if any(g["dispute_rates"][e]["disputed"] for g in groups)] or top[:5]
        parts.append(bar_chart(
            "各要素争议率（有争议或仅被告主张的案件占比）", [rates[e]["label"] for e in top],
            {g["court"]: [g["dispute_rates"][e]["rate"] for e in top] for g in groups}, percent=True,
        ))
        rate_groups = []
        for g in groups:
            rate_groups += [(f"{g['court']} 约定", g["figures"]["agreed_rate"]),
                            (f"{g['court']} 支持", g["figures"]["granted_rate"]),
                            (f"{g['court']} 上限", g["figures"]["cap"])]
        parts.append(box_chart("约定年利率、判决支持的年利率与适用的上限", rate_groups, unit="%", cycle=3))
        parts.append(_table(["法院", "约定利率超过上限并按上限支持的案件"], [[g["court"], g["figures"]["capped_cases"]] for g in groups]))
        parts.append(box_chart("案件受理费（元）", [(g["court"], g["figures"]["fee"]) for g in groups], log=True))
        parts.append(box_chart(
            "诉讼标的额与判决支持金额（元）",
            [(f"{g['court']} {what}", g["figures"][key]) for g in groups
             for key, what in (("claimed_amount", "主张"), ("granted_amount", "支持"))],
            cycle=2, log=True,
        ))
        for element_id, entry in groups[0]["figures"]["money"].items():
            series = [(g["court"], g["figures"]["money"][element_id]["stats"]) for g in groups]
            if any(s for _, s in series):
                parts.append(box_chart(f"{entry['label']}（元）", series, log=True))
        parts.append(_table(
            ["法院", "案件数", *STATUS_LABELS.values()],
            [[g["court"], g["cases"], *g["statuses"].values()] for g in groups],
        ))
        del names
    compare = report["compare"]
    parts.append("<h2>同一案件由另两家法院审理会有何不同</h2>")
    parts.append(
        f"<p class='note'>每件案件均为三家法院分别起草（同一认定、各院格式与规则）。比较 {compare['cases_compared']} 件，"
        f"其中 {compare['cases_with_changes']} 件的判项或关键数额因法院不同而不同。</p>"
    )
    parts.append(_table(
        ["本院→他院", "案件数", "有变化", "变化的数额"],
        [[pair, v["cases"], v["changed"], "、".join(f"{FIGURE_LABELS.get(f, f)} {n}" for f, n in v["fields"].items()) or "无"]
         for pair, v in compare["pairs"].items()],
    ))
    if compare["examples"]:
        parts.append(_table(
            ["案件", "本院", "他院", "数额（本院 / 他院）", "他院不同的判项"],
            [[e["case"], e["court"], e["other"],
              "；".join(f"{FIGURE_LABELS.get(f, f)}：{a} / {b}" for f, (a, b) in e["figures"].items()),
              "；".join(e["orders"])] for e in compare["examples"][:20]],
        ))
    for court, example in compare.get("line_examples", {}).items():
        parts.append(f"<p class='note'>{escape(court)} 的案件 {escape(example['case'])} 在三家法院的稿件中不同的行：</p>")
        parts.append(_table(
            ["行", *courts],
            [[item["line"], *[item["texts"].get(c, "") for c in courts]] for item in example["lines"][:12]],
        ))
        break  # one example suffices: the same lines differ in every case when no figure does
    parts.append("<h2>各法院认定差异最大的要素</h2>")
    parts.append("<p class='note'>偏离率：本院认定与原告主张不同的比例（有认定的案件中）；争议率：有争议的案件占比。</p>")
    parts.append("<p>没有争议或认定的要素。</p>" if not report["divergence"] else _table(
        ["要素", *[f"{c} 争议率" for c in courts], *[f"{c} 偏离率" for c in courts]],
        [[row["label"],
          *[_pct(row["by_court"][c]["dispute_rate"]) for c in courts],
          *[_pct(row["by_court"][c]["departure_rate"]) for c in courts]] for row in report["divergence"]],
    ))
    threshold = report["lender_threshold"]
    parts.append("<h2>疑似职业放贷人</h2>")
    parts.append(
        f"<p class='note'>同一出借人在 {threshold['window_months']} 个月内作为原告起诉 {threshold['min_cases']} 件以上"
        "（民间借贷规定第十三条第（三）项；筛查标准见 parameters/professional_lender.yaml，仅供审查提示）。</p>"
    )
    parts.append(_table(
        ["出借人", "件数", "法院", "期间", "案件"],
        [[x["name"], len(x["cases"]), "、".join(x["courts"]), f"{x['first_filing']}至{x['last_filing']}", "、".join(x["cases"])]
         for x in report["lenders"]],
    ) if report["lenders"] else "<p>未发现。</p>")
    parts.append(f"<p class='note'>生成时间：{escape(report.get('generated_at', ''))}</p></body></html>")
    return "".join(parts)


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.0f}%"


def write_report(out: Path, report: dict[str, Any]) -> None:
    report = {**report, "generated_at": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")}
    atomic_write_text(out / "report.json", json.dumps(report, ensure_ascii=False, indent=1) + "\n")
    atomic_write_text(out / "report.html", render_html(report))

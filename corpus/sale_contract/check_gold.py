#!/usr/bin/env python3
"""Validate the gold of the 买卖合同 (sale_contract) and 劳动争议 (labor_dispute) corpora.

Checks, for the team corpora corpus/{sale_contract,labor_dispute}/{complaints,answers}:
every text has its gold and back; header keys, case type and role; every element id is
known for the case type and its value has the right shape (money "123.00", dates, rates
{raw, period, percent, annual_percent} with the arithmetic, percents, ints, bools, enum
codes, objects, party lists, name lists, the claim_penalty object); answer positions;
`missing` equals the required elements not annotated; every text value, rate `raw`, party
name and ID number occurs in the text; ID numbers carry a correct GB 11643 check digit and
agree with the stated birth date and gender.

For corpus/realdata_gold/lawbench_{sale,labor,sale_dev}.gold.jsonl and element_labor_{dev,blind}.gold.jsonl
(cail2019_element/labor.jsonl, a JSONL of judgments as sentence lists): line keys, source, index,
part, no duplicate (index, part), element shapes as above, text values short (no real text
copied), and, when the source under ../shared/realdata/ exists, that the index exists and every
text value occurs in that passage (a judgment: its sentences joined).

Usage: python corpus/sale_contract/check_gold.py [--root CORPUS_DIR] [--source JSON] [--realdata DIR]
Exit 0 when clean, 1 with one line per problem otherwise. Needs only the standard library.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from decimal import Decimal, InvalidOperation
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent
MONEY = re.compile(r"^\d+\.\d{2}$")
DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
PERCENT = re.compile(r"^\d{1,3}(\.\d{1,2})?$")
PARTY_KEYS = {"name", "kind", "gender", "birth_date", "ethnicity", "id_number", "address",
              "legal_representative", "agents"}
CLAIM_KEYS = {"amount", "base", "rate", "start_date", "end"}
MULT = {"year": 1, "month": 12, "day": 360}
ID_W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
ID_C = "10X98765432"
REAL_TEXT_MAX = 24  # characters; longer text values would copy real text into the repository

PARTIES = {"plaintiffs": "party_list", "defendants": "party_list", "third_parties": "party_list"}
SALE = {
    **PARTIES,
    "contract_date": "date", "written_contract": "bool", "sellers": "name_list",
    "buyers": "name_list", "goods": "text", "total_price": "money", "delivery_date": "date",
    "delivery_due_date": "date", "delivered": "bool", "inspection_period_days": "int",
    "quality_objection": "text", "quality_objection_date": "date", "paid_amount": "money",
    "outstanding_amount": "money", "payment_due_date": "date", "penalty_agreed": "bool",
    "penalty_clause": "text", "penalty_rate": "rate", "penalty_percent": "percent",
    "penalty_amount": "money", "deposit": "money", "claim_price": "money",
    "claim_penalty": "claim", "claim_losses": "money", "claim_refund": "money",
    "claim_deposit": "money", "claim_costs": "money", "claim_total": "money",
    "penalty_reduction_requested": "bool",
}
LABOR = {
    **PARTIES,
    "employer": "name_list", "employee": "name_list", "employment_start": "date",
    "written_contract": "bool", "contract_start": "date", "contract_end": "date",
    "position": "text", "monthly_wage": "money", "employment_end": "date",
    "termination_by": ("enum", {"employer", "employee", "mutual", "expiry"}),
    "termination_reason": "text", "unpaid_wages": "money",
    "termination_ground": ("enum", {"fault", "no_fault", "layoff", "employer_fault", "own", "employer_proposed",
                                    "employee_proposed", "not_renewed", "renewal_refused"}),
    "arbitration_award": ("object", {"number": "text", "date": "date", "result": "text"}),
    "final_award": "bool", "award_received_date": "date", "migrant_worker": "bool",
    "claim_economic_compensation": "money", "claim_illegal_termination": "money",
    "claim_double_wages": "money", "claim_unpaid_wages": "money", "claim_overtime": "money",
    "claim_annual_leave": "money", "claim_no_payment": "bool", "claim_total": "money",
    "claim_social_insurance_loss": "money", "limitation_raised": "bool",
}
TYPES = {"sale_contract": SALE, "labor_dispute": LABOR}
REQUIRED = {
    "sale_contract": ["plaintiffs", "defendants", "sellers", "buyers", "goods", "total_price",
                      "delivered", "paid_amount", "penalty_agreed"],
    "labor_dispute": ["plaintiffs", "defendants", "employer", "employee", "employment_start",
                      "written_contract", "monthly_wage", "termination_by", "arbitration_award"],
}
PREFIX = {"sale_contract": "sc", "labor_dispute": "ld"}
REAL_SOURCE = "lawbench/dispute_focus_2-2.json"
ELEMENT_LABOR_SOURCE = "cail2019_element/labor.jsonl"
# gold file → (case type, the source its lines name, under ../shared/realdata/)
REAL_FILES = {"lawbench_sale.gold.jsonl": ("sale_contract", REAL_SOURCE),
              "lawbench_labor.gold.jsonl": ("labor_dispute", REAL_SOURCE),
              "lawbench_sale_dev.gold.jsonl": ("sale_contract", REAL_SOURCE),
              "lawbench_sale_dev2.gold.jsonl": ("sale_contract", REAL_SOURCE),
              "lawbench_labor_dev.gold.jsonl": ("labor_dispute", REAL_SOURCE),
              "element_labor_dev.gold.jsonl": ("labor_dispute", ELEMENT_LABOR_SOURCE),
              "element_labor_dev2.gold.jsonl": ("labor_dispute", ELEMENT_LABOR_SOURCE),
              "element_labor_blind.gold.jsonl": ("labor_dispute", ELEMENT_LABOR_SOURCE)}


def id_problem(idn: str, birth: str | None, gender: str | None) -> str | None:
    if not re.fullmatch(r"\d{17}[\dX]", idn):
        return "not 17 digits + check character"
    if ID_C[sum(int(a) * b for a, b in zip(idn[:17], ID_W, strict=True)) % 11] != idn[17]:
        return "wrong GB 11643 check digit"
    if birth and len(birth) == 10 and idn[6:14] != birth.replace("-", ""):
        return f"birth date {birth} differs from the number"
    if gender and (int(idn[16]) % 2 == 1) != (gender == "男"):
        return f"gender {gender} differs from the number"
    return None


def check_rate(r, where: str, errs: list[str]) -> None:
    if not isinstance(r, dict) or set(r) != {"raw", "period", "percent", "annual_percent"}:
        errs.append(f"{where}: rate keys must be raw/period/percent/annual_percent")
        return
    if r["period"] not in MULT:
        errs.append(f"{where}: bad period {r['period']!r}")
        return
    if not isinstance(r["raw"], str) or not r["raw"]:
        errs.append(f"{where}: empty raw")
    try:
        p = Decimal(r["percent"])
    except (InvalidOperation, TypeError):
        errs.append(f"{where}: percent not a number: {r['percent']!r}")
        return
    if r["percent"] != format(p.normalize(), "f"):
        errs.append(f"{where}: percent not normalised: {r['percent']!r}")
    want = (p * MULT[r["period"]]).quantize(Decimal("0.01"))
    if not isinstance(r["annual_percent"], str) or not MONEY.match(r["annual_percent"]) \
            or Decimal(r["annual_percent"]) != want:
        errs.append(f"{where}: annual_percent {r['annual_percent']!r} != {p} x {MULT[r['period']]}")


def check_party(p, where: str, errs: list[str]) -> None:
    if not isinstance(p, dict) or set(p) != PARTY_KEYS:
        errs.append(f"{where}: party keys must be {sorted(PARTY_KEYS)}")
        return
    if not isinstance(p["name"], str) or not p["name"]:
        errs.append(f"{where}: empty name")
    if p["kind"] not in ("natural", "legal", "other"):
        errs.append(f"{where}: bad kind {p['kind']!r}")
    if p["gender"] not in (None, "男", "女"):
        errs.append(f"{where}: bad gender {p['gender']!r}")
    if p["birth_date"] is not None and not DATE.match(str(p["birth_date"])):
        errs.append(f"{where}: bad birth_date {p['birth_date']!r}")
    if not isinstance(p["agents"], list) or not all(isinstance(a, str) and a for a in p["agents"]):
        errs.append(f"{where}: agents must be a list of names")
    if p["id_number"] is not None:
        prob = id_problem(str(p["id_number"]), p["birth_date"], p["gender"])
        if prob:
            errs.append(f"{where}: id_number {p['id_number']}: {prob}")


def check_value(kind, v, where: str, errs: list[str]) -> None:
    """Shape of one element value of the given type."""
    if isinstance(kind, tuple) and kind[0] == "enum":
        if v not in kind[1]:
            errs.append(f"{where}: {v!r} not one of {sorted(kind[1])}")
    elif isinstance(kind, tuple) and kind[0] == "object":
        if not isinstance(v, dict) or set(v) != set(kind[1]):
            errs.append(f"{where}: object keys must be {sorted(kind[1])}")
            return
        if all(x is None for x in v.values()):
            errs.append(f"{where}: object with no field stated (leave the element out)")
        for f, t in kind[1].items():
            if v[f] is not None:
                check_value(t, v[f], f"{where}.{f}", errs)
    elif kind == "money":
        if not isinstance(v, str) or not MONEY.match(v):
            errs.append(f"{where}: bad money {v!r}")
    elif kind == "date":
        if not isinstance(v, str) or not DATE.match(v):
            errs.append(f"{where}: bad date {v!r}")
    elif kind == "percent":
        if not isinstance(v, str) or not PERCENT.match(v) or Decimal(v) > 100:
            errs.append(f"{where}: bad percent {v!r}")
    elif kind == "int":
        if not isinstance(v, int) or isinstance(v, bool) or v < 0:
            errs.append(f"{where}: bad int {v!r}")
    elif kind == "bool":
        if not isinstance(v, bool):
            errs.append(f"{where}: bad bool {v!r}")
    elif kind == "text":
        if not isinstance(v, str) or not v.strip() or v != v.strip():
            errs.append(f"{where}: text must be a trimmed non-empty string")
    elif kind == "rate":
        check_rate(v, where, errs)
    elif kind == "name_list":
        if not isinstance(v, list) or not v or not all(isinstance(x, str) and x for x in v):
            errs.append(f"{where}: must be a non-empty list of names")
    elif kind == "party_list":
        if not isinstance(v, list) or not v:
            errs.append(f"{where}: must be a non-empty list of parties")
        else:
            for i, p in enumerate(v):
                check_party(p, f"{where}[{i}]", errs)
    elif kind == "claim":
        if not isinstance(v, dict) or set(v) != CLAIM_KEYS:
            errs.append(f"{where}: keys must be {sorted(CLAIM_KEYS)}")
            return
        for x in ("amount", "base"):
            if v[x] is not None:
                check_value("money", v[x], f"{where}.{x}", errs)
        if v["rate"] is not None:
            check_rate(v["rate"], f"{where}.rate", errs)
        if v["start_date"] is not None:
            check_value("date", v["start_date"], f"{where}.start_date", errs)
        if v["end"] not in (None, "until_paid"):
            check_value("date", v["end"], f"{where}.end", errs)
    else:  # pragma: no cover - registry typo
        errs.append(f"{where}: unknown type {kind!r}")


def texts_in(kind, v) -> list[str]:
    """The strings of a value that must occur in the source text."""
    if kind == "text":
        return [v]
    if kind == "rate":
        return [v["raw"]]
    if kind == "name_list":
        return list(v)
    if kind == "party_list":
        return [p["name"] for p in v] + [p["id_number"] for p in v if p.get("id_number")]
    if kind == "claim" and v.get("rate"):
        return [v["rate"]["raw"]]
    if isinstance(kind, tuple) and kind[0] == "object":
        return [v[f] for f, t in kind[1].items() if t == "text" and v[f]]
    return []


def check_elements(case_type: str, role: str, els, where: str, errs: list[str],
                   text: str | None, max_text: int | None = None) -> None:
    reg = TYPES[case_type]
    if not isinstance(els, dict):
        errs.append(f"{where}: elements must be an object")
        return
    for k, entry in els.items():
        w = f"{where} {k}"
        if k not in reg:
            errs.append(f"{w}: unknown element id for {case_type}")
            continue
        if not isinstance(entry, dict):
            errs.append(f"{w}: entry must be an object")
            continue
        if role == "complaint" or "position" not in entry:
            if set(entry) != {"value"}:
                errs.append(f"{w}: entry must be {{'value': ...}}")
                continue
        else:
            if set(entry) != {"position", "value"} or entry["position"] not in ("admit", "contest"):
                errs.append(f"{w}: answer entry must be {{'position': admit|contest, 'value'}}")
                continue
            if entry["position"] == "admit" and entry["value"] is not None:
                errs.append(f"{w}: admit carries value null")
                continue
            if entry["value"] is None:
                continue
        v = entry["value"]
        before = len(errs)
        check_value(reg[k], v, w, errs)
        if len(errs) > before:
            continue
        for s in texts_in(reg[k], v):
            if max_text is not None and reg[k] == "text" and len(s) > max_text:
                errs.append(f"{w}: text value longer than {max_text} characters (real text must not be copied)")
            if text is not None and s not in text:
                errs.append(f"{w}: {s!r} does not occur in the text")


def read_text(path: Path) -> str:
    raw = path.read_bytes()
    if path.stem.endswith("_gbk"):
        return raw.decode("gbk")
    return raw.decode("utf-8-sig")


def check_team(root: Path, case_type: str, errs: list[str]) -> int:
    base = root / case_type
    n = 0
    complaints: dict[str, dict] = {}
    for sub, role in (("complaints", "complaint"), ("answers", "answer")):
        d = base / sub
        if not d.is_dir():
            errs.append(f"{d}: missing directory")
            continue
        txts = {p.stem for p in d.glob("*.txt")}
        golds = {p.name[: -len(".gold.json")] for p in d.glob("*.gold.json")}
        for s in sorted(txts ^ golds):
            errs.append(f"{d}/{s}: text and gold must come in pairs")
        for stem in sorted(txts & golds):
            n += 1
            where = f"{case_type}/{sub}/{stem}"
            want = f"{PREFIX[case_type]}_{'c' if role == 'complaint' else 'a'}_"
            if not re.fullmatch(re.escape(want) + r"\d{3}(_gbk)?", stem):
                errs.append(f"{where}: file name must be {want}NNN")
            try:
                text = read_text(d / f"{stem}.txt")
            except UnicodeDecodeError as e:
                errs.append(f"{where}.txt: cannot decode ({e})")
                continue
            try:
                g = json.loads((d / f"{stem}.gold.json").read_text(encoding="utf-8"))
            except json.JSONDecodeError as e:
                errs.append(f"{where}.gold.json: not JSON: {e}")
                continue
            if not isinstance(g, dict) or set(g) != {"case_type", "table_version", "role", "elements", "missing"}:
                errs.append(f"{where}: gold keys must be case_type/table_version/role/elements/missing")
                continue
            if g["case_type"] != case_type or g["table_version"] != "1" or g["role"] != role:
                errs.append(f"{where}: header must be {case_type} / '1' / {role}")
            check_elements(case_type, role, g["elements"], where, errs, text)
            els = g["elements"] if isinstance(g["elements"], dict) else {}
            if role == "complaint":
                want_missing = [r for r in REQUIRED[case_type] if r not in els]
                if g["missing"] != want_missing:
                    errs.append(f"{where}: missing must be {want_missing}, is {g['missing']}")
                complaints[stem.split("_")[2]] = els
            else:
                if g["missing"] != []:
                    errs.append(f"{where}: missing must be [] for answers")
                num = stem.split("_")[2]
                c = complaints.get(num)
                if c is None:
                    errs.append(f"{where}: no complaint {PREFIX[case_type]}_c_{num}")
                    continue
                for k in ("plaintiffs", "defendants"):
                    a_names = [p["name"] for p in els.get(k, {}).get("value") or []]
                    c_names = [p["name"] for p in c.get(k, {}).get("value") or []]
                    if a_names and not set(a_names) <= set(c_names):
                        errs.append(f"{where}: {k} {a_names} not among the complaint's {c_names}")
    return n


def default_source(name: str = REAL_SOURCE) -> Path | None:
    for b in [HERE, *HERE.parents]:
        cand = b / "shared" / "realdata" / name
        if cand.exists():
            return cand
    return None


def source_texts(path: Path) -> list[str]:
    """The texts of a source: LawBench items' `question`s (a JSON list), or the judgments of a JSONL whose
    lines are lists of {sentence} (CAIL2019 要素识别), each its sentences joined."""
    if path.suffix == ".jsonl":
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        return ["".join(str(item.get("sentence", "")) for item in row) for row in rows]
    return [str(item.get("question", "")) for item in json.loads(path.read_text(encoding="utf-8"))]


def check_real(path: Path, case_type: str, passages: list | None, errs: list[str],
               source: str = REAL_SOURCE) -> int:
    seen: set[tuple[int, str]] = set()
    n = 0
    for ln, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        w = f"{path.name} line {ln}"
        try:
            d = json.loads(line)
        except json.JSONDecodeError as e:
            errs.append(f"{w}: not JSON: {e}")
            continue
        if not isinstance(d, dict) or set(d) != {"source", "index", "part", "elements"}:
            errs.append(f"{w}: keys must be source/index/part/elements")
            continue
        n += 1
        if d["source"] != source:
            errs.append(f"{w}: source must be {source!r}")
        if not isinstance(d["index"], int) or d["index"] < 0:
            errs.append(f"{w}: bad index {d['index']!r}")
            continue
        if d["part"] not in ("complaint", "answer"):
            errs.append(f"{w}: part must be complaint or answer")
            continue
        key = (d["index"], d["part"])
        if key in seen:
            errs.append(f"{w}: duplicate index/part {key}")
        seen.add(key)
        text = None
        if passages is not None:
            if d["index"] >= len(passages):
                errs.append(f"{w}: index {d['index']} beyond the source ({len(passages)} items)")
                continue
            text = passages[d["index"]]
        check_elements(case_type, d["part"], d["elements"], f"{w} (index {d['index']} {d['part']})",
                       errs, text, max_text=REAL_TEXT_MAX)
    for idx, part in seen:
        if part == "answer" and (idx, "complaint") not in seen:
            errs.append(f"{path.name}: index {idx} has an answer line but no complaint line")
    return n


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--root", default=str(CORPUS), help="the corpus directory")
    ap.add_argument("--source", default=None, help="dispute_focus_2-2.json (default: ../shared/realdata/lawbench/)")
    ap.add_argument("--realdata", default=None, help="the realdata directory of every source (default: ../shared/realdata)")
    a = ap.parse_args(argv)
    root = Path(a.root)
    errs: list[str] = []
    files = sum(check_team(root, ct, errs) for ct in TYPES)
    lines = 0
    checked: list[str] = []
    for name, (ct, source) in REAL_FILES.items():
        if a.realdata:
            src: Path | None = Path(a.realdata) / source
        else:
            src = Path(a.source) if a.source and source == REAL_SOURCE else default_source(source)
        passages = source_texts(src) if src and src.exists() else None
        if passages is not None:
            checked.append(str(src))
        p = root / "realdata_gold" / name
        if p.exists():
            lines += check_real(p, ct, passages, errs, source)
        else:
            errs.append(f"{p}: missing")
    for e in errs:
        print(e)
    note = f"values checked against {', '.join(sorted(set(checked)))}" if checked else "sources not found, real-text values not checked"
    print(f"{'FAIL' if errs else 'OK'}: {files} team files, {lines} real-text lines, {len(errs)} problems ({note})",
          file=sys.stderr)
    return 1 if errs else 0


if __name__ == "__main__":
    sys.exit(main())

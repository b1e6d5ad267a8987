#!/usr/bin/env python3
"""Validate corpus/realdata_gold/scm_loan.gold.jsonl (or another complaints gold file, or
scm_answers_dev.gold.jsonl).

Checks the JSON shape of every line (money / date regexes, rate keys and the
annual_percent arithmetic, party objects, claim_interest objects, name lists)
and, when ../shared/realdata exists, that every id is in the source file.
Answer lines (`"role": "answer"`, scm_answers_dev.gold.jsonl) hold only the
defences raised, each `{"position": "contest", "value": true}`.
Lines with a `role` are in the cail2021 shape (`{"source"?, "id", "role": "complaint",
"elements", "unscored"}`, parties as `{"name"}` only; rc_loan_dev.gold.jsonl,
element_loan_dev.gold.jsonl, whose ids are 0-based line indices of cail2019_element/loan.jsonl): their
`unscored` must name elements the line does not give, and their ids are checked
against the line's `source` under ../shared/realdata.
Part lines (`{"source": "lawbench/…" or a JSONL of judgments such as cail2019_element/labor.jsonl, "index",
"part": "complaint" | "answer", "elements"}`, the
LawBench loan, traffic, sale and labour files) name elements of elements/*.yaml, each value of its
declared type, plain or as `{"value"}` (an answer's `{"position", "value"}`, the value null when only the
position is annotated); their indices are checked against the LawBench item list.
Usage: python corpus/realdata_gold/check_gold.py [GOLD] [--source DOCS.jsonl]
Exit 0 when clean, 1 with one line per problem otherwise.
"""
import argparse
import json
import re
import sys
from decimal import Decimal
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
MONEY = re.compile(r"^\d+\.\d{2}$")
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
ELEMENTS = {"plaintiffs", "defendants", "claim_principal", "loan_amount", "delivery_date", "term_end",
            "interest_rate", "claim_interest", "guarantors"}
PARTY_KEYS = {"name", "kind", "gender", "birth_date", "ethnicity", "id_number", "address",
              "legal_representative", "agents"}
CI_KEYS = {"amount", "base", "rate", "start_date", "end"}
MULT = {"year": 1, "month": 12, "day": 360}
DEFENCES = {"loan_denied", "already_repaid", "limitation", "interest_not_agreed", "amount_excessive",
            "guarantee_expired", "spouse_not_liable"}


def default_source():
    for base in [HERE, *HERE.parents]:
        cand = base / "shared" / "realdata" / "scm_loan" / "docs.jsonl"
        if cand.exists():
            return cand
        cand = base.parent / "shared" / "realdata" / "scm_loan" / "docs.jsonl"
        if cand.exists():
            return cand
    return None


def check_rate(r, where, errs):
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
    except Exception:
        errs.append(f"{where}: percent not a number: {r['percent']!r}")
        return
    if r["percent"] != format(p.normalize(), "f"):
        errs.append(f"{where}: percent not normalised: {r['percent']!r}")
    if not re.fullmatch(r"\d+\.\d{2}", r["annual_percent"]) or Decimal(r["annual_percent"]) != (p * MULT[r["period"]]).quantize(Decimal("0.01")):
        errs.append(f"{where}: annual_percent {r['annual_percent']!r} != {p} x {MULT[r['period']]}")


def check_party(p, where, errs):
    if not isinstance(p, dict) or set(p) != PARTY_KEYS:
        errs.append(f"{where}: party keys must be {sorted(PARTY_KEYS)}")
        return
    if not p["name"]:
        errs.append(f"{where}: empty name")
    if p["kind"] not in ("natural", "legal", "other"):
        errs.append(f"{where}: bad kind {p['kind']!r}")
    if p["gender"] not in (None, "男", "女"):
        errs.append(f"{where}: bad gender {p['gender']!r}")
    if p["birth_date"] is not None and not DATE.match(p["birth_date"]):
        errs.append(f"{where}: bad birth_date {p['birth_date']!r}")
    if not isinstance(p["agents"], list) or not all(isinstance(a, str) for a in p["agents"]):
        errs.append(f"{where}: agents must be a list of names")


SCALARS = {"claim_principal": MONEY, "loan_amount": MONEY, "delivery_date": DATE, "term_end": DATE}


def check_scalar(k, v, where, errs):
    """A money (claim_principal, loan_amount) or date (delivery_date, term_end) value."""
    if not isinstance(v, str) or not SCALARS[k].match(v):
        errs.append(f"{where}: bad {'money' if SCALARS[k] is MONEY else 'date'} {v!r}")


ANSWER_SOURCES = {"scm_loan/docs.jsonl", "cail2021_focus/train.json", "lawbench/dispute_focus_2-2.json"}


def check_answer_line(d, n, errs):
    """An answer line: `id` (scm_loan, cail2021 — the default source) or `index` (LawBench) and the defences."""
    w = f"line {n} ({d.get('id', d.get('index'))})"
    source = d.get("source", "cail2021_focus/train.json")
    key = "index" if source.startswith("lawbench/") else "id"
    if source not in ANSWER_SOURCES or not set(d) <= {"source", key, "role", "elements"} or key not in d:
        errs.append(f"{w}: keys must be source ({' / '.join(sorted(ANSWER_SOURCES))})/{key}/role/elements")
        return
    if not isinstance(d["elements"], dict):
        errs.append(f"{w}: elements must be an object")
        return
    for k, v in d["elements"].items():
        if k not in DEFENCES:
            errs.append(f"{w} {k}: not a defence of elements/lending_defences.yaml")
        elif v != {"position": "contest", "value": True}:
            errs.append(f"{w} {k}: a raised defence is {{'position': 'contest', 'value': true}}")


ROLE_KEYS = {"source", "id", "role", "elements", "unscored"}
ROLE_ELEMENTS = ELEMENTS - {"claim_interest"}


def check_role_line(d, n, errs):
    """A cail2021-shaped complaint line: names only, elements stated or listed as unscored."""
    w = f"line {n}"
    if not set(d) <= ROLE_KEYS or not {"id", "role", "elements"} <= set(d) or d["role"] != "complaint":
        errs.append(f"{w}: keys must be {sorted(ROLE_KEYS)} with role complaint")
        return
    w = f"line {n} ({d['id']})"
    el, unscored = d["elements"], d.get("unscored", [])
    if not set(unscored) <= ROLE_ELEMENTS or set(unscored) & set(el):
        errs.append(f"{w}: unscored must list core elements the line does not give")
    for k, v in el.items():
        where = f"{w} {k}"
        if k not in ROLE_ELEMENTS:
            errs.append(f"{where}: not a scored element")
        elif k in ("plaintiffs", "defendants"):
            if not isinstance(v, list) or not v or not all(isinstance(p, dict) and set(p) == {"name"} and p["name"] for p in v):
                errs.append(f"{where}: must be a non-empty list of {{name}}")
        elif k in SCALARS:
            check_scalar(k, v, where, errs)
        elif k == "interest_rate":
            check_rate(v, where, errs)
            if isinstance(v, dict) and len(str(v.get("raw", ""))) > 12:
                errs.append(f"{where}: raw longer than a phrase")
        elif k == "guarantors":
            if not isinstance(v, list) or not all(isinstance(x, str) and 0 < len(x) <= 20 for x in v):
                errs.append(f"{where}: must be a list of names")


PART_KEYS = {"source", "index", "part", "elements"}
POSITIONS = {"admit", "contest", "partial"}
PERCENT = re.compile(r"^\d+(\.\d+)?$")


def element_types():
    """Element id → declared type, from the element dictionary (elements/*.yaml)."""
    types = {}
    for path in sorted((HERE.parents[1] / "elements").glob("*.yaml")):
        for eid, spec in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).items():
            if isinstance(spec, dict) and "type" in spec:
                types[eid] = spec["type"]
    return types


TYPES = element_types()
VALUE_CHECKS = {
    "money": lambda v: isinstance(v, str) and bool(MONEY.match(v)),
    "date": lambda v: isinstance(v, str) and bool(DATE.match(v)),
    "bool": lambda v: isinstance(v, bool),
    "int": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "int_list": lambda v: isinstance(v, list) and all(isinstance(x, int) and not isinstance(x, bool) for x in v),
    "percent": lambda v: isinstance(v, str) and bool(PERCENT.match(v)),
    "enum": lambda v: isinstance(v, str) and bool(v),
    "text": lambda v: isinstance(v, str) and bool(v),
    "object": lambda v: isinstance(v, dict),
    "object_list": lambda v: isinstance(v, list) and all(isinstance(x, dict) for x in v),
    "interest_claim": lambda v: isinstance(v, dict),
}


def check_part_value(kind, v, where, errs):
    if kind == "rate":
        check_rate(v, where, errs)
    elif kind not in VALUE_CHECKS:
        errs.append(f"{where}: type {kind!r} not checked here")
    elif not VALUE_CHECKS[kind](v):
        errs.append(f"{where}: not a {kind} value: {v!r}")


def check_part_line(d, n, errs):
    """A LawBench part line: elements of the dictionary, each value of its element's type."""
    w = f"line {n}"
    if not isinstance(d, dict) or set(d) != PART_KEYS:
        errs.append(f"{w}: keys must be {sorted(PART_KEYS)}")
        return
    w = f"line {n} ({d['index']} {d['part']})"
    if not str(d["source"]).startswith("lawbench/") and not str(d["source"]).endswith(".jsonl") \
            or not isinstance(d["index"], int) or isinstance(d["index"], bool):
        errs.append(f"{w}: source must be a LawBench file or a JSONL of judgments, and index an item number")
    if d["part"] not in ("complaint", "answer"):
        errs.append(f"{w}: part must be complaint or answer")
    if not isinstance(d["elements"], dict):  # empty: the passage states none (an answer that disputes nothing)
        errs.append(f"{w}: elements must be an object")
        return
    for k, v in d["elements"].items():
        where = f"{w} {k}"
        if k not in TYPES:
            errs.append(f"{where}: not an element of elements/*.yaml")
            continue
        # A rate is itself an object: wrapped ({"value": rate}, the sale/labour files) or plain (the others).
        wrapped = isinstance(v, dict) and "value" in v and set(v) <= {"position", "value"}
        if (TYPES[k] != "rate" or wrapped) and isinstance(v, dict):
            if not set(v) <= {"position", "value"} or "value" not in v:
                errs.append(f"{where}: keys must be value (and position in an answer)")
                continue
            if "position" in v and (d["part"] != "answer" or v["position"] not in POSITIONS):
                errs.append(f"{where}: position {v['position']!r}: only an answer's, one of {sorted(POSITIONS)}")
            if v["value"] is None:
                if "position" not in v:
                    errs.append(f"{where}: a null value needs a position")
                continue
            v = v["value"]
        check_part_value(TYPES[k], v, where, errs)


def source_ids(path):
    """Ids of a JSONL source (`id`), of the cail2021 JSON (`dataset[].文书ID`), or LawBench's item indices."""
    if path.suffix == ".json":
        data = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(data, list):
            return set(range(len(data)))
        return {doc["文书ID"] for doc in data["dataset"]}
    rows = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    # CAIL2019 要素识别 (cail2019_element/*.jsonl): a line is a list of sentences; its id is its 0-based index.
    if rows and isinstance(rows[0], list):
        return {str(i) for i in range(len(rows))}
    return {row["id"] for row in rows}


def check_line(d, n, errs):
    w = f"line {n}"
    if isinstance(d, dict) and "part" in d:
        check_part_line(d, n, errs)
        return
    if isinstance(d, dict) and d.get("role") == "answer":
        check_answer_line(d, n, errs)
        return
    if isinstance(d, dict) and "role" in d:
        check_role_line(d, n, errs)
        return
    if not isinstance(d, dict) or set(d) != {"id", "elements"}:
        errs.append(f"{w}: keys must be id/elements")
        return
    w = f"line {n} ({d['id']})"
    el = d["elements"]
    for k, v in el.items():
        where = f"{w} {k}"
        if k not in ELEMENTS:
            errs.append(f"{where}: not a core element")
        elif k in ("plaintiffs", "defendants"):
            if not isinstance(v, list) or not v:
                errs.append(f"{where}: must be a non-empty list")
            else:
                for i, p in enumerate(v):
                    check_party(p, f"{where}[{i}]", errs)
        elif k in SCALARS:
            check_scalar(k, v, where, errs)
        elif k == "interest_rate":
            check_rate(v, where, errs)
        elif k == "guarantors":
            if not isinstance(v, list) or not all(isinstance(x, str) and x for x in v):
                errs.append(f"{where}: must be a list of names")
        elif k == "claim_interest":
            if not isinstance(v, dict) or set(v) != CI_KEYS:
                errs.append(f"{where}: keys must be {sorted(CI_KEYS)}")
                continue
            for x in ("amount", "base"):
                if v[x] is not None and not MONEY.match(v[x]):
                    errs.append(f"{where}.{x}: bad money {v[x]!r}")
            if v["rate"] is not None:
                check_rate(v["rate"], f"{where}.rate", errs)
            if v["start_date"] is not None and not DATE.match(v["start_date"]):
                errs.append(f"{where}.start_date: bad date {v['start_date']!r}")
            if v["end"] not in (None, "until_paid") and not DATE.match(v["end"]):
                errs.append(f"{where}.end: bad value {v['end']!r}")
    for k in ("plaintiffs", "defendants"):
        if k not in el:
            errs.append(f"{w}: {k} missing")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", nargs="?", default=str(HERE / "scm_loan.gold.jsonl"))
    ap.add_argument("--source", default=None, help="docs.jsonl (default: ../shared/realdata/scm_loan/docs.jsonl if present)")
    a = ap.parse_args(argv)
    errs, ids, roles = [], [], []
    with open(a.gold, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                d = json.loads(line)
            except json.JSONDecodeError as e:
                errs.append(f"line {n}: not JSON: {e}")
                continue
            check_line(d, n, errs)
            if isinstance(d, dict) and ("role" in d or "part" in d):
                source = d.get("source", "cail2021_focus/train.json")
                by_index = "part" in d or str(source).startswith("lawbench/")  # part lines name an item number
                ids.append((source, d.get("index") if by_index else d.get("id")))
                roles.append(d.get("role", d.get("part")))
            else:
                ids.append((None, d.get("id") if isinstance(d, dict) else None))
                roles.append(None)
    keyed = list(zip(ids, roles, strict=True))  # a passage's complaint and answer share its id
    dup = {i for i, r in keyed if keyed.count((i, r)) > 1}
    if dup:
        errs.append(f"duplicate ids: {sorted(dup, key=str)}")
    default = Path(a.source) if a.source else default_source()
    checked = []
    for source in sorted({s for s, _ in ids}, key=str):
        # role lines name their source under realdata/ (the default source's grandparent)
        src = default if source is None or a.source else (default.parent.parent / source if default else None)
        if src is None or not src.exists():
            continue
        known = {str(k) for k in source_ids(src)}  # a JSONL of judgments has its line indices as strings
        checked.append(str(src))
        for s_, i in ids:
            if s_ == source and str(i) not in known:
                errs.append(f"id {i} not in {src}")
    note = f"ids checked against {', '.join(checked)}" if checked else "source not found, ids not checked"
    for e in errs:
        print(e)
    print(f"{len(ids)} gold lines, {len(errs)} problems; {note}", file=sys.stderr)
    return 1 if errs else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Validate the 机动车交通事故责任纠纷 gold: team corpus and lawbench real-text gold.

Checks, for every `complaints/*.gold.json` and `answers/*.gold.json` beside this
file and every line of `../realdata_gold/lawbench_traffic.gold.jsonl`:
- the header keys, `case_type`, `table_version`, `role`, and `missing`
  (= the required ids the complaint does not state; `[]` for answers);
- every element id is a spec id (or a listed extra) and its value has the
  spec's format: money "123.00", dates YYYY[-MM[-DD]], percent 0-100 with at
  most two decimals, ints in range, enums from the spec, object lists with
  exactly the spec's fields, party objects;
- answers: `{"position": "admit"|"contest", "value": ...}`, admit → null;
- team texts: the .txt exists, decodes in the encoding its name / the README
  says (`*_gbk.txt` GBK, BOM files listed in BOM_FILES), every party name,
  id number and text-valued element occurs in the text, every id number has a
  correct GB 11643 check digit and agrees with the party's birth date/gender;
- real gold: source/index/part keys, index is a traffic passage of the source
  (question contains 交通事故) when ../shared/realdata is present, no text
  element (no real text copied), no duplicate (index, part).
Optional: with PyYAML installed and elements/*.yaml defining these ids, the
types there are compared with the ones below.
Usage: python corpus/motor_vehicle_accident/check_gold.py [--realdata FILE] [--source FILE]
Exit 0 when clean, 1 with one line per problem otherwise.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
CASE_TYPE = "motor_vehicle_accident"
REQUIRED = ("plaintiffs", "defendants", "accident_date", "claim_total")
BOM_FILES = {"mva_c_017.txt"}

MONEY = re.compile(r"^\d+\.\d{2}$")
DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
PERCENT = re.compile(r"^\d{1,3}(\.\d{1,2})?$")
PARTY_KEYS = {"name", "kind", "gender", "birth_date", "ethnicity", "id_number", "address",
              "legal_representative", "agents"}

SHARE = {"full": "全部责任", "main": "主要责任", "equal": "同等责任", "secondary": "次要责任", "none": "无责任"}
RESIDENCE = {"urban": "城镇", "rural": "农村"}

MONEY_ITEMS = ("medical_expenses", "hospital_meal_allowance", "nutrition_fee", "lost_income", "nursing_fee",
               "transport_fee", "accommodation_fee", "disability_compensation", "disability_aids",
               "death_compensation", "funeral_expenses", "dependents_living", "mental_damages",
               "appraisal_fee", "property_damage", "claim_total")

# id -> type spec; object lists give their fields.  From spec/motor_vehicle_accident.md (table v1).
TYPES: dict[str, dict] = {
    "plaintiffs": {"type": "party_list"},
    "defendants": {"type": "party_list"},
    "third_parties": {"type": "party_list"},
    "accident_date": {"type": "date"},
    "accident_place": {"type": "text"},
    "vehicles": {"type": "object_list", "fields": {
        "plate": {"type": "text"}, "driver": {"type": "text"}, "owner": {"type": "text"},
        "compulsory_insurer": {"type": "text"}, "commercial_insurer": {"type": "text"},
        "commercial_limit": {"type": "money"},
        # beyond the spec: each vehicle's share of the excess when the complaint states one (道交解释第十八条)
        "liability_share": {"type": "percent", "optional": True},
        # beyond the spec: how the driver came to use another's vehicle (民法典第一千二百零九至一千二百一十五条)
        "use_relation": {"type": "enum", "optional": True, "options": {
            "owner", "lease_loan", "transfer_unregistered", "affiliated", "unauthorised", "scrapped_transfer",
            "stolen"}},
        "actual_user": {"type": "text", "optional": True},
        "owner_at_fault": {"type": "bool", "optional": True}}},
    "liability_document": {"type": "text"},
    "liability": {"type": "object_list", "fields": {
        "party": {"type": "text"}, "share": {"type": "enum", "options": SHARE}}},
    "liability_share": {"type": "percent"},
    "victim_birth_date": {"type": "date"},
    "victim_residence": {"type": "enum", "options": RESIDENCE},
    "disability_grade": {"type": "int", "min": 1, "max": 10, "nullable": True},
    "extra_disability_grades": {"type": "int_list", "min": 1, "max": 10},
    "appraisal_date": {"type": "date"},
    "death": {"type": "bool"},
    "hospital_days": {"type": "int", "min": 0, "max": 3650},
    "lost_work_days": {"type": "int", "min": 0, "max": 3650},
    "nursing_days": {"type": "int", "min": 0, "max": 7300},
    "nutrition_days": {"type": "int", "min": 0, "max": 3650},
    "dependents": {"type": "object_list", "fields": {
        "name": {"type": "text"}, "birth_date": {"type": "date"}, "relation": {"type": "text"},
        "supporters": {"type": "int", "min": 1, "max": 20}}},
    "mental_damages_first": {"type": "bool"},
    "paid_in_advance": {"type": "object_list", "fields": {
        "payer": {"type": "text"}, "amount": {"type": "money"}}},
    **{k: {"type": "money"} for k in MONEY_ITEMS},
    # beyond the spec (see corpus/README.md): the injured / deceased person when not a plaintiff
    "victim_name": {"type": "text", "extra": True},
    # the victim's stated income for 误工费 (人身损害赔偿解释第七条): 月收入8,000元 → 8000.00, month
    "victim_income": {"type": "money", "extra": True},
    "victim_income_period": {"type": "enum", "options": ["day", "month", "year"], "extra": True},
    # the total 伤残赔偿指数 the complaint claims (赔偿指数22% / 伤残系数10%)
    "disability_index": {"type": "percent", "extra": True},
}
TEXT_TYPES = {"text"}


def check_date(v: object) -> str | None:
    if not isinstance(v, str):
        return f"date must be a string, got {v!r}"
    m = DATE.match(v)
    if not m:
        return f"bad date {v!r}"
    y, mo, d = m.groups()
    try:
        date(int(y), int(mo or 1), int(d or 1))
    except ValueError:
        return f"impossible date {v!r}"
    if not 1900 <= int(y) <= 2030:
        return f"implausible year {v!r}"
    return None


def check_value(spec: dict, v: object) -> str | None:
    """One problem message, or None when v has the type's JSON form."""
    t = spec["type"]
    if t == "money":
        return None if isinstance(v, str) and MONEY.match(v) else f"bad money {v!r}"
    if t == "date":
        return check_date(v)
    if t == "percent":
        if not isinstance(v, str) or not PERCENT.match(v):
            return f"bad percent {v!r}"
        if Decimal(v) > 100 or (("." in v) and v.endswith("0")):
            return f"percent out of range or not normalised {v!r}"
        return None
    if t == "int":
        if v is None and spec.get("nullable"):
            return None
        if not isinstance(v, int) or isinstance(v, bool):
            return f"int expected, got {v!r}"
        if not spec.get("min", v) <= v <= spec.get("max", v):
            return f"{v} outside {spec.get('min')}..{spec.get('max')}"
        return None
    if t == "int_list":
        if not isinstance(v, list) or not v:
            return f"non-empty int list expected, got {v!r}"
        for x in v:
            p = check_value({"type": "int", "min": spec["min"], "max": spec["max"]}, x)
            if p:
                return p
        return None
    if t == "bool":
        return None if isinstance(v, bool) else f"bool expected, got {v!r}"
    if t == "enum":
        return None if v in spec["options"] else f"{v!r} not in {sorted(spec['options'])}"
    if t == "text":
        return None if isinstance(v, str) and v and v == v.strip() else f"bad text {v!r}"
    if t == "object_list":
        if not isinstance(v, list) or not v:
            return f"non-empty list of records expected, got {v!r}"
        for i, rec in enumerate(v):
            required = {f for f, fs in spec["fields"].items() if not fs.get("optional")}
            if not isinstance(rec, dict) or not required <= set(rec) <= set(spec["fields"]):
                return f"[{i}] fields must be exactly {sorted(required)} (optional: {sorted(set(spec['fields']) - required)})"
            if all(x is None for x in rec.values()):
                return f"[{i}] all fields null"
            for f, fs in spec["fields"].items():
                if rec.get(f) is not None:
                    p = check_value(fs, rec[f])
                    if p:
                        return f"[{i}].{f}: {p}"
        return None
    if t == "party_list":
        if not isinstance(v, list) or not v:
            return "non-empty party list expected"
        for i, p in enumerate(v):
            prob = check_party(p)
            if prob:
                return f"[{i}] {prob}"
        return None
    return f"unknown type {t}"


ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK = "10X98765432"


def id_problem(number: str) -> str | None:
    if not re.fullmatch(r"\d{17}[\dX]", number):
        return f"id number {number!r} is not 17 digits + check"
    s = sum(int(c) * w for c, w in zip(number[:17], ID_WEIGHTS, strict=False))
    if ID_CHECK[s % 11] != number[17]:
        return f"id number {number} check digit should be {ID_CHECK[s % 11]}"
    return check_date(f"{number[6:10]}-{number[10:12]}-{number[12:14]}")


def check_party(p: object) -> str | None:
    if not isinstance(p, dict) or set(p) != PARTY_KEYS:
        return f"party keys must be {sorted(PARTY_KEYS)}"
    if not isinstance(p["name"], str) or not p["name"]:
        return "empty name"
    if p["kind"] not in ("natural", "legal", "other"):
        return f"bad kind {p['kind']!r}"
    if p["gender"] not in (None, "男", "女"):
        return f"bad gender {p['gender']!r}"
    if p["birth_date"] is not None and check_date(p["birth_date"]):
        return check_date(p["birth_date"])
    if not isinstance(p["agents"], list) or not all(isinstance(a, str) and a for a in p["agents"]):
        return "agents must be a list of names"
    idn = p["id_number"]
    if idn is not None:
        prob = id_problem(idn)
        if prob:
            return prob
        if p["birth_date"] and len(p["birth_date"]) == 10 and p["birth_date"].replace("-", "") != idn[6:14]:
            return f"id number {idn} disagrees with birth date {p['birth_date']}"
        if p["gender"] and ("男" if int(idn[16]) % 2 else "女") != p["gender"]:
            return f"id number {idn} disagrees with gender {p['gender']}"
    if p["kind"] != "natural" and (p["gender"] or p["birth_date"] or p["id_number"]):
        return "a legal/other party has no gender, birth date or id number"
    return None


def read_text(path: Path) -> tuple[str | None, str | None]:
    raw = path.read_bytes()
    if path.name.endswith("_gbk.txt"):
        try:
            raw.decode("utf-8")
            return None, "named _gbk but decodes as UTF-8 (not GBK?)"
        except UnicodeDecodeError:
            pass
        try:
            return raw.decode("gbk"), None
        except UnicodeDecodeError as e:
            return None, f"not GBK: {e}"
    bom = raw.startswith(b"\xef\xbb\xbf")
    if bom != (path.name in BOM_FILES):
        return None, "BOM present but not listed" if bom else "listed as BOM file but has no BOM"
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError as e:
        return None, f"not UTF-8: {e}"


def texts_in(el: dict, is_answer: bool) -> list[str]:
    """Strings that must occur verbatim in the source text."""
    out: list[str] = []
    for k, item in el.items():
        spec = TYPES.get(k)
        if spec is None:
            continue
        v = item.get("value")
        if v is None:
            continue
        if spec["type"] == "party_list":
            for p in v:
                if isinstance(p, dict):
                    out += [x for x in (p.get("name"), p.get("id_number"), p.get("address"),
                                        p.get("legal_representative")) if x]
                    out += p.get("agents") or []
        elif spec["type"] == "text" and not is_answer:
            out.append(v)
        elif spec["type"] == "object_list":
            for rec in v:
                if isinstance(rec, dict):
                    out += [rec[f] for f, fs in spec["fields"].items()
                            if fs["type"] == "text" and f != "relation" and isinstance(rec.get(f), str)]
    return out


def check_team_file(gold_path: Path, errs: list[str]) -> None:
    w = str(gold_path.relative_to(HERE))
    try:
        g = json.loads(gold_path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as e:
        errs.append(f"{w}: not JSON: {e}")
        return
    role = "answer" if gold_path.parent.name == "answers" else "complaint"
    if set(g) != {"case_type", "table_version", "role", "elements", "missing"}:
        errs.append(f"{w}: keys must be case_type/table_version/role/elements/missing")
        return
    if g["case_type"] != CASE_TYPE or g["table_version"] != "1" or g["role"] != role:
        errs.append(f"{w}: header must be {CASE_TYPE} / '1' / {role}")
    el = g["elements"]
    if not isinstance(el, dict) or not el:
        errs.append(f"{w}: elements must be a non-empty object")
        return
    for k, item in el.items():
        where = f"{w} {k}"
        spec = TYPES.get(k)
        if spec is None:
            errs.append(f"{where}: not a spec id")
            continue
        header_party = spec["type"] == "party_list" and k in ("plaintiffs", "defendants") and "position" not in item
        if role == "complaint" or header_party:
            if set(item) != {"value"}:
                errs.append(f"{where}: must be {{'value': ...}}")
                continue
            prob = check_value(spec, item["value"])
        else:
            if set(item) != {"position", "value"} or item["position"] not in ("admit", "contest"):
                errs.append(f"{where}: must be {{'position': admit|contest, 'value': ...}}")
                continue
            if item["position"] == "admit":
                prob = None if item["value"] is None else "admit carries value null"
            else:
                prob = None if item["value"] is None else check_value(spec, item["value"])
        if prob:
            errs.append(f"{where}: {prob}")
    if role == "complaint":
        want = [k for k in REQUIRED if k not in el]
        if g["missing"] != want:
            errs.append(f"{w}: missing should be {want}, is {g['missing']}")
    elif g["missing"] != []:
        errs.append(f"{w}: answers have missing []")
    stem = gold_path.name[: -len(".gold.json")]
    txt = gold_path.with_name(stem + ".txt")
    if not txt.exists():
        errs.append(f"{w}: no text {txt.name}")
        return
    text, prob = read_text(txt)
    if prob:
        errs.append(f"{txt.relative_to(HERE)}: {prob}")
        return
    assert text is not None
    flat = re.sub(r"\s+", "", text)
    for s in texts_in(el, role == "answer"):
        if re.sub(r"\s+", "", s) not in flat:
            errs.append(f"{w}: {s!r} does not occur in {txt.name}")
    if role == "answer":
        twin = HERE / "complaints" / (stem.replace("mva_a_", "mva_c_") + ".gold.json")
        twins = list((HERE / "complaints").glob(stem.replace("mva_a_", "mva_c_") + "*.gold.json"))
        if not twin.exists() and not twins:
            errs.append(f"{w}: no complaint {twin.name} for this answer")


NUMBER = re.compile(r"(\d+(?:\.\d+)?)(万)?")


def passage_figures(text: str) -> list[Decimal]:
    """The amounts written in a passage: thousands separators dropped, 万 multiplied out."""
    flat = re.sub(r"(?<=\d)[,，](?=\d{3})", "", text)
    out = []
    for num, wan in NUMBER.findall(flat):
        try:
            x = Decimal(num)
        except InvalidOperation:
            continue
        out.append(x * 10000 if wan else x)
    return out


def figure_in(v: Decimal, figures: list[Decimal]) -> bool:
    """v is a figure of the passage, or the sum of two or three of them (an item given in parts)."""
    vals = sorted({f for f in figures if 0 < f <= v})
    if v in vals:
        return True
    pool = set(vals)
    for i, a in enumerate(vals):
        if v - a in pool and v - a != a:
            return True
        for b in vals[i + 1:]:
            rest = v - a - b
            if rest > b and rest in pool:
                return True
    return False


def traffic_indices(source: Path) -> dict[int, str]:
    data = json.loads(source.read_text(encoding="utf-8"))
    return {i: x["question"] for i, x in enumerate(data) if "交通事故" in x["question"]}


def check_realdata(path: Path, source: Path | None, errs: list[str]) -> int:
    known = traffic_indices(source) if source and source.exists() else None
    seen: set[tuple[int, str]] = set()
    n_lines = 0
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        n_lines += 1
        w = f"{path.name} line {n}"
        try:
            d = json.loads(line)
        except json.JSONDecodeError as e:
            errs.append(f"{w}: not JSON: {e}")
            continue
        if set(d) != {"source", "index", "part", "elements"}:
            errs.append(f"{w}: keys must be source/index/part/elements")
            continue
        if d["source"] != "lawbench/dispute_focus_2-2.json":
            errs.append(f"{w}: bad source {d['source']!r}")
        if d["part"] not in ("complaint", "answer"):
            errs.append(f"{w}: bad part {d['part']!r}")
        if not isinstance(d["index"], int) or (known is not None and d["index"] not in known):
            errs.append(f"{w}: index {d['index']!r} is not a traffic passage of the source")
        key = (d["index"], d["part"])
        if key in seen:
            errs.append(f"{w}: duplicate {key}")
        seen.add(key)
        el = d["elements"]
        if not isinstance(el, dict) or not el:
            errs.append(f"{w}: elements must be a non-empty object")
            continue
        for k, v in el.items():
            where = f"{w} ({d['index']} {d['part']}) {k}"
            spec = TYPES.get(k)
            if spec is None:
                errs.append(f"{where}: not a spec id")
                continue
            if spec["type"] in TEXT_TYPES | {"party_list"}:
                errs.append(f"{where}: text/party elements are not stored for real text")
                continue
            if d["part"] == "answer":
                if not isinstance(v, dict) or set(v) != {"position", "value"} or v["position"] not in ("admit", "contest"):
                    errs.append(f"{where}: must be {{'position','value'}}")
                    continue
                if v["position"] == "admit" and v["value"] is not None:
                    errs.append(f"{where}: admit carries value null")
                v = v["value"]
                if v is None:
                    continue
            prob = check_value(spec, v)
            if prob:
                errs.append(f"{where}: {prob}")
            if known is not None and spec["type"] == "money" and isinstance(v, str):
                if not figure_in(Decimal(v), passage_figures(known.get(d["index"], ""))):
                    errs.append(f"{where}: figure {v} is neither in the passage nor a sum of two or three of its figures")
    return n_lines


def compare_with_yaml(errs: list[str]) -> str:
    try:
        import yaml  # noqa: PLC0415 - optional
    except ImportError:
        return "PyYAML absent, element YAML not compared"
    found = 0
    for f in sorted((REPO / "elements").glob("*.yaml")):
        data = yaml.safe_load(f.read_text(encoding="utf-8")) or {}
        for k, d in data.items():
            if k in TYPES and isinstance(d, dict) and "type" in d and k not in ("plaintiffs", "defendants", "third_parties"):
                found += 1
                if d["type"] != TYPES[k]["type"]:
                    errs.append(f"{f.name} {k}: type {d['type']} but gold assumes {TYPES[k]['type']}")
    return f"{found} ids compared with elements/*.yaml"


def default_source() -> Path | None:
    for base in [REPO, *REPO.parents]:
        cand = base / "shared" / "realdata" / "lawbench" / "dispute_focus_2-2.json"
        if cand.exists():
            return cand
    return None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--realdata", default=str(REPO / "corpus" / "realdata_gold" / "lawbench_traffic.gold.jsonl"))
    ap.add_argument("--source", default=None, help="dispute_focus_2-2.json (default: ../shared/realdata/lawbench/)")
    a = ap.parse_args(argv)
    errs: list[str] = []
    golds = sorted((HERE / "complaints").glob("*.gold.json")) + sorted((HERE / "answers").glob("*.gold.json"))
    for g in golds:
        check_team_file(g, errs)
    for sub in ("complaints", "answers"):
        for t in sorted((HERE / sub).glob("*.txt")):
            if not t.with_name(t.name[:-4] + ".gold.json").exists():
                errs.append(f"{sub}/{t.name}: no gold")
    src = Path(a.source) if a.source else default_source()
    rd = Path(a.realdata)
    n_real = check_realdata(rd, src, errs) if rd.exists() else 0
    note = compare_with_yaml(errs)
    for e in errs:
        print(e)
    print(f"{len(golds)} team gold files, {n_real} real gold lines "
          f"({'indices checked against ' + str(src) if src else 'source not found'}); {note}; "
          f"{len(errs)} problems", file=sys.stderr)
    return 1 if errs else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Compare two annotation passes of a cail2021-shaped gold file, element by element.

Both files hold the same (id, role) lines in the same order. An `unscored` entry counts as a value
of its own; party lists are compared as ordered name lists, guarantors as sets, rates by period and
percent, answer defences as raised or not. Prints per element: agree / differ (value, only in pass 1,
only in pass 2), then one line per difference.
Usage: python corpus/realdata_gold/compare_passes.py PASS1.jsonl PASS2.jsonl
"""
import json
import sys
from collections import Counter


def _norm(key, value):
    if key in ("plaintiffs", "defendants"):
        return tuple(p["name"] for p in value)
    if key == "guarantors":
        return tuple(sorted(value))
    if key == "interest_rate":
        return (value["period"], value["percent"])
    if isinstance(value, str):
        return value
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def _value(line, key):
    if key in line.get("unscored", []):
        return "UNSCORED"
    return _norm(key, line["elements"][key]) if key in line["elements"] else None


def compare(first, second):
    if [(d["id"], d["role"]) for d in first] != [(d["id"], d["role"]) for d in second]:
        raise SystemExit("错误：两个文件的 (id, role) 行不一致")
    tally, rows = Counter(), []
    for a, b in zip(first, second, strict=True):
        keys = set(a["elements"]) | set(b["elements"]) | set(a.get("unscored", [])) | set(b.get("unscored", []))
        for key in sorted(keys):
            va, vb = _value(a, key), _value(b, key)
            element = f"{a['role']}:{key}"
            if va == vb:
                tally[element, "agree"] += 1
                continue
            kind = "only_p1" if vb is None else "only_p2" if va is None else "value"
            tally[element, kind] += 1
            rows.append((a["id"][:8], a["role"], key, va, vb, kind))
    return tally, rows


def main(argv):
    if len(argv) != 2:
        raise SystemExit(__doc__)
    first, second = ([json.loads(x) for x in open(p, encoding="utf-8") if x.strip()] for p in argv)
    tally, rows = compare(first, second)
    print(f"{'element':28} agree value only_p1 only_p2")
    for element in sorted({e for e, _ in tally}):
        counts = [tally[element, k] for k in ("agree", "value", "only_p1", "only_p2")]
        print(f"{element:28} " + " ".join(f"{c:5}" for c in counts))
    agree = sum(v for (_, k), v in tally.items() if k == "agree")
    print(f"total: {agree} agree, {len(rows)} differ")
    for row in rows:
        print(" | ".join(map(str, row)))


if __name__ == "__main__":
    main(sys.argv[1:])

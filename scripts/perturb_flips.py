"""Show, for a DEVELOPMENT gold set, what a perturbation changed in each item whose elements flipped.

    .venv/bin/python scripts/perturb_flips.py corpus/realdata_gold/scm_loan.gold.jsonl private_lending \
        --perturb lexical --seed 1 [--element claim_principal] [--realdata ../shared/realdata]

For each flipped item: every edit with a few characters around it (old → new), and the flipped elements' gold,
prediction as written and prediction rewritten. A development tool for reading flips (it prints real text to the
terminal, never to a file in the repository); never run it on a blind set (corpus/realdata_gold/sets.yaml).
"""

from __future__ import annotations

import argparse
import difflib
import json
from pathlib import Path

from engine.extraction.api import extract_text
from engine.extraction.perturb import Perturbation, parse_kinds, robustness
from engine.extraction.realdata import DEFAULT_REALDATA, evaluate_gold, gold_items
from engine.system import load_system

_CONTEXT = 8


def _edits(old: str, new: str) -> list[str]:
    shown = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag != "equal":
            before, after = old[max(0, i1 - _CONTEXT):i1], old[i2:i2 + _CONTEXT]
            shown.append(f"…{before}[{old[i1:i2]} → {new[j1:j2]}]{after}…")
    return shown


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("gold", type=Path)
    parser.add_argument("case_type")
    parser.add_argument("--perturb", required=True)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--element")
    parser.add_argument("--realdata", type=Path, default=DEFAULT_REALDATA)
    args = parser.parse_args()
    system = load_system()
    perturbation = Perturbation(parse_kinds(args.perturb), args.seed)
    report = robustness(evaluate_gold(system, args.case_type, args.realdata, args.gold),
                        evaluate_gold(system, args.case_type, args.realdata, args.gold, perturbation))
    flips: dict[str, list[str]] = {}
    for flip in report["flips"]:
        if args.element in (None, flip["element"]):
            flips.setdefault(flip["file"], []).append(f"{flip['element']} ({flip['now']})")
    casetype = system.casetype(args.case_type)
    items = {item.name: item for item in gold_items(args.realdata, args.gold)}
    for name, elements in flips.items():
        if name not in items:
            continue
        originals, role, gold_elements = items[name].texts, items[name].role, items[name].gold.get("elements", {})
        rewritten, _, _ = perturbation.apply(name, originals, gold_elements, casetype.types, casetype.package.paraphrase_file)
        print(f"== {name}: {', '.join(elements)}")
        for old, new in zip(originals, rewritten, strict=True):
            for line in _edits(old, new):
                print("   ", line)
        complaint = lambda texts: texts[1] if len(texts) > 1 else ""  # noqa: E731
        before = extract_text(system, originals[0], args.case_type, role, complaint(originals))["elements"]
        after = extract_text(system, rewritten[0], args.case_type, role, complaint(rewritten))["elements"]
        for element in elements:
            eid = element.split(" ")[0]
            gold = gold_elements.get(eid)
            print(f"    {eid}: gold {json.dumps(gold, ensure_ascii=False)[:120]}")
            print(f"      as written {json.dumps(before.get(eid, {}).get('value'), ensure_ascii=False)[:120]}")
            print(f"      rewritten  {json.dumps(after.get(eid, {}).get('value'), ensure_ascii=False)[:120]}")


if __name__ == "__main__":
    main()

"""How often real judgments write a wording, counted only in text no blind or held-out set uses.

    .venv/bin/python scripts/attested.py 医药费 医疗费 误工损失 [--regex] [--realdata ../shared/realdata]

A paraphrase list (`--perturb lexical`) may only list variants real judgments write; this counts each word (or
regex) in ../shared/realdata with every passage of a blind or held-out set (corpus/realdata_gold/sets.yaml) left
out, so checking a variant never reads blind text. Prints, per word, the count and the number of texts holding it.
"""

from __future__ import annotations

import argparse
import json
import re
from collections.abc import Iterator
from pathlib import Path

from engine.extraction.goldsets import GOLD_SETS, load_gold_sets
from engine.extraction.realdata import DEFAULT_REALDATA, element_judgments, read_jsonl


def _blind_keys() -> set[tuple[str, str]]:
    """(source file, id or index) of every item a blind or held-out gold file names."""
    keys: set[tuple[str, str]] = set()
    for entry in load_gold_sets():
        if entry.kind != "development":
            for gold in read_jsonl(GOLD_SETS.parent / entry.file):
                keys.add((str(gold.get("source", entry.source)), str(gold.get("index", gold.get("id")))))
    return keys


def texts(realdata: Path) -> Iterator[str]:
    """Every real text a blind or held-out set does not use."""
    blind = _blind_keys()
    for doc in read_jsonl(realdata / "scm_loan" / "docs.jsonl"):
        if ("scm_loan/docs.jsonl", str(doc["id"])) not in blind:
            yield str(doc["text"])
    docs = json.loads((realdata / "cail2021_focus" / "train.json").read_text(encoding="utf-8"))["dataset"]
    for doc in docs:
        if ("cail2021_focus/train.json", str(doc["文书ID"])) not in blind:
            yield "\n".join(str(doc.get(part, "")) for part in ("诉称段", "辩称段", "裁判分析过程段"))
    items = json.loads((realdata / "lawbench" / "dispute_focus_2-2.json").read_text(encoding="utf-8"))
    for index, item in enumerate(items):
        if ("lawbench/dispute_focus_2-2.json", str(index)) not in blind:
            yield str(item.get("question", ""))
    for name in ("loan", "labor", "divorce"):
        source = f"cail2019_element/{name}.jsonl"
        for index, text in element_judgments(realdata, source).items():
            if (source, index) not in blind:
                yield text
    for context in read_jsonl(realdata / "cail2019_rc" / "civil_dev.jsonl"):
        yield str(context.get("context", ""))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("words", nargs="+")
    parser.add_argument("--regex", action="store_true", help="the words are regular expressions")
    parser.add_argument("--realdata", type=Path, default=DEFAULT_REALDATA)
    args = parser.parse_args()
    corpus = list(texts(args.realdata))
    print(f"{len(corpus)} texts outside every blind / held-out set")
    for word in args.words:
        pattern = re.compile(word if args.regex else re.escape(word))
        counts = [len(pattern.findall(text)) for text in corpus]
        print(f"{word}\t{sum(counts)}\t({sum(1 for count in counts if count)} texts)")


if __name__ == "__main__":
    main()

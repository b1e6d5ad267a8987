"""Train the clause-level defence classifier of 民间借贷 answers (`make train-stance`).

Reads corpus/private_lending/stance/defence_clauses.yaml (team-written clauses), trains spaCy's
textcat_multilabel with a fixed seed and writes engine/casetypes/private_lending/stance_model/.
`--measure` instead scores, on the held-out team clauses (defence_clauses_heldout.yaml), the rules alone,
the shipped classifier alone and the two together (the classifier where the rules say nothing).
"""

from __future__ import annotations

import shutil
import sys
from dataclasses import replace

from engine.casetypes.private_lending.stance import (
    HELDOUT,
    MODEL_DIR,
    NONE,
    THRESHOLD,
    classify,
    model_size,
    raised,
    read_clauses,
    train,
)
from engine.extraction.pipeline import analyse
from engine.system import CaseType, default_system


def _f1(found: list[set[str]], gold: list[set[str]]) -> str:
    tp = sum(len(f & g) for f, g in zip(found, gold, strict=True))
    fp = sum(len(f - g) for f, g in zip(found, gold, strict=True))
    fn = sum(len(g - f) for f, g in zip(found, gold, strict=True))
    precision, recall = tp / max(1, tp + fp), tp / max(1, tp + fn)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return f"P {precision:.2f}  R {recall:.2f}  F1 {f1:.3f}"


def measure() -> int:
    clauses = read_clauses(HELDOUT)
    gold: dict[str, set[str]] = {}
    for key, texts in clauses.items():
        for text in texts:
            gold.setdefault(text, set()).update(() if key == NONE else (key,))
    casetype = default_system().casetype("private_lending")
    defences = set(casetype.package.blind_defence_elements)
    texts, wanted = list(gold), list(gold.values())

    def answer_of(package_classifier: object) -> list[set[str]]:
        probe = CaseType(table=casetype.table, package=replace(casetype.package, clause_classifier=package_classifier))
        docs = [analyse(probe, "答辩意见如下：\n" + text, "answer") for text in texts]
        return [{e for e in defences if doc.positions.get(e) == "contest"} for doc in docs]

    print(f"留出条款 {len(texts)} 条（{HELDOUT.name}），阈值 {THRESHOLD}")
    print("规则          ", _f1(answer_of(None), wanted))
    print("分类器        ", _f1([raised(scores) for scores in classify(texts)], wanted))
    print("规则 + 分类器 ", _f1(answer_of(casetype.package.clause_classifier), wanted))
    return 0


def main() -> int:
    if "--measure" in sys.argv[1:]:
        return measure()
    clauses = read_clauses()
    nlp = train(clauses)
    if MODEL_DIR.exists():
        shutil.rmtree(MODEL_DIR)
    nlp.to_disk(MODEL_DIR)
    count = sum(len(v) for v in clauses.values())
    print(f"已训练答辩抗辩分类模型：{count} 条条款 → {MODEL_DIR}（{model_size() / 1e6:.1f} MB）")
    return 0


if __name__ == "__main__":
    sys.exit(main())

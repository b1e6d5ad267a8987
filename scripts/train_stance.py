"""Train the clause-level defence classifier of 民间借贷 answers (`make train-stance`).

Reads corpus/private_lending/stance/defence_clauses.yaml (team-written clauses), trains spaCy's
textcat_multilabel with a fixed seed and writes engine/casetypes/private_lending/stance_model/.
"""

from __future__ import annotations

import shutil
import sys

from engine.casetypes.private_lending.stance import MODEL_DIR, read_clauses, train
from engine.casetypes.private_lending.stance import model_size


def main() -> int:
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

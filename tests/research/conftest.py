"""One batch over the team corpus, shared by the export, report and similar-case tests.

The corpus complaints with their answers (courts in turn), plus dup_c_007: pl_c_007's complaint
copied under another name with the same answer (a near-duplicate for the similar-case tests)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from engine.research.batch import INLINE, run_batch
from tests.research.batch_inputs import COMPLAINTS, answer_for, corpus_manifest, write_manifest

DUPLICATE = "dup_c_007"


@pytest.fixture(scope="session")
def corpus_batch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not COMPLAINTS:
        pytest.skip("team corpus not present")
    folder = tmp_path_factory.mktemp("corpus_batch")
    manifest = corpus_manifest(folder)
    original = COMPLAINTS[6]
    shutil.copyfile(original, folder / f"{DUPLICATE}.txt")
    answer = answer_for(original)
    rows = [line.split(",") for line in manifest.read_text(encoding="utf-8").splitlines()[1:]]
    rows.append([f"{DUPLICATE}.txt", str(answer.resolve()) if answer else "", "jiashan", "2023-03-01", "private_lending"])
    result = run_batch(write_manifest(folder, rows), folder / "out", scheduler=INLINE)
    assert result.count("failed") == 0
    return folder / "out"

"""`yaosu extract` on a 10 MB file: the whole extract path, end to end, in a real subprocess.

Two synthetic files just under the 10 MB reading limit: the team corpus complaints repeated
(realistic prose), and an adversarial mixture of the runs the linear-scan tests use (blank
lines, digits, 年月日, brackets, repeated keywords). Nothing here asserts a time beyond a
generous ceiling that only a quadratic step would break (on 10^7 characters a quadratic step
takes hours); run with `-s` to see the seconds.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import time
from pathlib import Path

import pytest

from engine.extraction.reading import MAX_FILE_BYTES, read_pleading
from engine.paths import CORPUS_DIR

YAOSU = str(Path(sys.executable).parent / "yaosu")
COMPLAINTS = sorted((CORPUS_DIR / "private_lending" / "complaints").glob("*.txt"))
CEILING_SECONDS = 600
TARGET_BYTES = MAX_FILE_BYTES - 64 * 1024


def _fill(pieces: list[str], rng: random.Random) -> str:
    parts: list[str] = []
    size = 0
    while size < TARGET_BYTES:
        piece = rng.choice(pieces)
        parts.append(piece)
        size += len(piece.encode("utf-8"))
    text = "".join(parts)
    while len(text.encode("utf-8")) > TARGET_BYTES:
        text = text[: len(text) - 1000]
    return text


def _corpus_text() -> str:
    return _fill([read_pleading(path) for path in COMPLAINTS], random.Random(1))


def _adversarial_text() -> str:
    runs = ["\n" * 500, " \t\u3000" * 200, "1" * 300, "年月日" * 100, "（(【[" * 100, "诉讼请求" * 50,
            "\n1、" * 100, "一二三十百千万" * 40, "月息2分" * 40, "借款50000元。" * 20, "此致\n" * 20]
    return _fill(runs, random.Random(2))


@pytest.mark.skipif(not COMPLAINTS, reason="team corpus not present")
@pytest.mark.parametrize("shape", ["corpus", "adversarial"])
def test_extract_ten_megabytes(shape: str, tmp_path: Path) -> None:
    path = tmp_path / f"{shape}.txt"
    path.write_text(_corpus_text() if shape == "corpus" else _adversarial_text(), encoding="utf-8")
    started = time.perf_counter()
    result = subprocess.run([YAOSU, "extract", "--json", "--case-type", "private_lending", str(path)],
                            capture_output=True, text=True, timeout=CEILING_SECONDS)
    seconds = time.perf_counter() - started
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["case_type"] == "private_lending"
    megabytes = path.stat().st_size / 1_000_000
    print(f"\nyaosu extract, {shape}, {megabytes:.1f} MB: {seconds:.1f} s ({megabytes / seconds:.2f} MB/s)")

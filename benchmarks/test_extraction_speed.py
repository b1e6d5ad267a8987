"""Extraction throughput against the bare spaCy character tokenizer, measured in the same run.

MB are UTF-8 bytes of pleading text, about 1 MB (`BATCH_BYTES`) of the team corpus complaints
repeated, in three shapes: each complaint as its own document (~1.7 KB, the smallest real
case), the complaints joined into documents of ~16 KB (`REALISTIC_BYTES`, the size of a real
judgment or a long pleading with its evidence list), and everything joined into one 1 MB
text. Everything runs in one process on one core, so the figures are MB/s per core. The floor
is `spacy.blank("zh")` (its default "char" segmenter) tokenizing the same texts, nothing else.
Run with `pytest benchmarks/test_extraction_speed.py -s` to see the figures; nothing here
asserts on timing (machines differ), the figures are the result.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from engine.extraction.api import extract_text, read_pleading
from engine.paths import CORPUS_DIR
from engine.system import default_system

SYSTEM = default_system()

COMPLAINTS = sorted((CORPUS_DIR / "private_lending" / "complaints").glob("*.txt"))
pytestmark = pytest.mark.skipif(not COMPLAINTS, reason="team corpus not present")
BATCH_BYTES = 1_000_000
REALISTIC_BYTES = 16_000
ROUNDS = 5
_RESULTS: dict[str, float] = {}


def _texts() -> list[str]:
    corpus = [read_pleading(Path(path)) for path in COMPLAINTS]
    texts: list[str] = []
    size = 0
    while size < BATCH_BYTES:
        for text in corpus:
            texts.append(text)
            size += len(text.encode("utf-8"))
    return texts


def _realistic() -> list[str]:
    joined: list[str] = []
    current: list[str] = []
    size = 0
    for text in _texts():
        current.append(text)
        size += len(text.encode("utf-8"))
        if size >= REALISTIC_BYTES:
            joined.append("\n".join(current))
            current, size = [], 0
    if current:
        joined.append("\n".join(current))
    return joined


def _megabytes(texts: list[str]) -> float:
    return sum(len(text.encode("utf-8")) for text in texts) / 1_000_000


def _rate(name: str, benchmark, run, texts: list[str]) -> float:
    benchmark.pedantic(run, rounds=ROUNDS, iterations=1, warmup_rounds=1)
    _RESULTS[name] = _megabytes(texts) / benchmark.stats.stats.min
    benchmark.extra_info["MB_per_s_per_core"] = round(_RESULTS[name], 3)
    return _RESULTS[name]


def _report(name: str, floor_name: str) -> None:
    rate, floor = _RESULTS[name], _RESULTS.get(floor_name)
    if floor:
        print(f"\n{name}: {rate:.2f} MB/s per core; spaCy char tokenizer floor {floor:.2f} MB/s; ratio {rate / floor:.2f}")
    else:
        print(f"\n{name}: {rate:.2f} MB/s per core")


def test_bare_char_tokenizer(benchmark) -> None:
    texts = _texts()
    nlp = spacy.blank("zh")

    def run() -> None:
        for _ in nlp.pipe(texts):
            pass

    print(f"\nspaCy char tokenizer alone (documents): {_rate('tokenizer', benchmark, run, texts):.2f} MB/s per core")


def test_extraction(benchmark) -> None:
    texts = _texts()
    extract_text(SYSTEM, texts[0])  # load the pipeline and the cue tables outside the timing

    def run() -> None:
        for text in texts:
            extract_text(SYSTEM, text)

    _rate("extraction", benchmark, run, texts)
    _report("extraction", "tokenizer")


def test_bare_char_tokenizer_realistic_documents(benchmark) -> None:
    texts = _realistic()
    nlp = spacy.blank("zh")

    def run() -> None:
        for _ in nlp.pipe(texts):
            pass

    rate = _rate("tokenizer_16k", benchmark, run, texts)
    print(f"\nspaCy char tokenizer alone (~16 KB documents): {rate:.2f} MB/s per core")


def test_extraction_realistic_documents(benchmark) -> None:
    texts = _realistic()
    extract_text(SYSTEM, texts[0])

    def run() -> None:
        for text in texts:
            extract_text(SYSTEM, text)

    _rate("extraction_16k", benchmark, run, texts)
    _report("extraction_16k", "tokenizer_16k")


def test_bare_char_tokenizer_one_document(benchmark) -> None:
    texts = ["\n".join(_texts())]
    nlp = spacy.blank("zh")

    def run() -> None:
        nlp(texts[0])

    print(f"\nspaCy char tokenizer alone (one 1 MB text): {_rate('tokenizer_big', benchmark, run, texts):.2f} MB/s")


def test_extraction_one_document(benchmark) -> None:
    texts = ["\n".join(_texts())]
    extract_text(SYSTEM, texts[0][:2000])

    def run() -> None:
        extract_text(SYSTEM, texts[0])

    _rate("extraction_big", benchmark, run, texts)
    _report("extraction_big", "tokenizer_big")

"""Extraction throughput against the bare spaCy character tokenizer, measured in the same run.

MB are UTF-8 bytes of pleading text (the team corpus complaints, repeated). Run with
`pytest benchmarks/test_extraction_speed.py -s` to see the MB/s figures and the ratio.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import spacy

from engine.extraction.api import extract_text, read_pleading
from engine.paths import CORPUS_DIR

COMPLAINTS = sorted((CORPUS_DIR / "private_lending" / "complaints").glob("*.txt"))
pytestmark = pytest.mark.skipif(not COMPLAINTS, reason="team corpus not present")
_RESULTS: dict[str, float] = {}


def _texts() -> list[str]:
    return [read_pleading(Path(path)) for path in COMPLAINTS]


def _megabytes(texts: list[str]) -> float:
    return sum(len(text.encode("utf-8")) for text in texts) / 1_000_000


def _rate(name: str, benchmark, run, texts: list[str]) -> float:
    benchmark.pedantic(run, rounds=3, iterations=1, warmup_rounds=1)
    seconds = benchmark.stats.stats.min
    _RESULTS[name] = _megabytes(texts) / seconds
    return _RESULTS[name]


def test_bare_char_tokenizer(benchmark) -> None:
    texts = _texts()
    nlp = spacy.blank("zh")

    def run() -> None:
        for _ in nlp.pipe(texts):
            pass

    print(f"\nspaCy char tokenizer alone: {_rate('tokenizer', benchmark, run, texts):.2f} MB/s")


def test_extraction(benchmark) -> None:
    texts = _texts()
    extract_text(texts[0])  # load the pipeline and the cue tables outside the timing

    def run() -> None:
        for text in texts:
            extract_text(text)

    rate = _rate("extraction", benchmark, run, texts)
    floor = _RESULTS.get("tokenizer")
    if floor is None:  # run on its own: measure the floor now, in the same process
        nlp = spacy.blank("zh")
        start = time.perf_counter()
        for _ in nlp.pipe(texts):
            pass
        floor = _megabytes(texts) / (time.perf_counter() - start)
    print(f"\nextraction: {rate:.2f} MB/s per core; tokenizer floor {floor:.2f} MB/s; ratio {rate / floor:.2f}")
    assert rate > 0.05 * floor  # a guard against pathological slow-downs, not the target itself

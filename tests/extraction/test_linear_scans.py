"""Every scanning entry point of the extraction runs in linear time on adversarial text.

Each entry point is timed on a text and on the same text four times as long, as a ratio to a
plain linear scan (`re.finditer(".", text)`) of the same text, so the machine's speed cancels
out. Linear code keeps the ratio flat (fixed costs even make it fall); a quadratic step
multiplies it by four. The bound (2.5) leaves room for timer noise on a shared machine. Times are
this process's CPU seconds (`time.process_time`), not wall time: under `pytest -n 2` the other
worker (or another job) taking the core away stalls the wall clock, not the CPU clock.
"""

from __future__ import annotations

import random
import re
import time
from collections.abc import Callable
from typing import Any

import pytest

from engine.extraction import answers, claims, sections
from engine.extraction.api import extract_text
from engine.extraction.document import sentences
from engine.extraction.normalise import normalise
from engine.extraction.pipeline import chunks
from engine.extraction.recognisers import RECOGNISERS
from engine.system import default_system

SYSTEM = default_system()

GROWTH = 4
MAX_RATIO_GROWTH = 2.5
_DOT = re.compile(".", re.DOTALL)

# Runs that a pattern with an unbounded repeat or a retry per position can go quadratic on.
UNITS = {
    "spaces": " ",
    "newlines": "\n",
    "blank_lines": "\n \t\u3000",
    "unicode_blanks": "\n\u2028\u2003",
    "digits": "1",
    "digits_dots": "1.",
    "date_chars": "年月日",
    "year_runs": "2021年",
    "cn_numerals": "一二三十百千万",
    "brackets": "（(【[",
    "closing_brackets": "）)】]",
    "claims_keyword": "诉讼请求",
    "signature_keyword": "\n此致",
    "roles": "原告被告",
    "money": "1万",
    "rates": "月息2分",
    "commas": "，",
    "items": "\n1、",
}


def _scan(text: str) -> None:
    for _ in _DOT.finditer(text):
        pass


def _best_of(func: Callable[[str], Any], text: str, rounds: int = 3) -> float:
    best = float("inf")
    for _ in range(rounds):
        started = time.process_time()
        func(text)
        best = min(best, time.process_time() - started)
    return max(best, 1e-7)


def _ratio(func: Callable[[str], Any], text: str) -> float:
    return _best_of(func, text) / _best_of(_scan, text)


def _text(unit: str, length: int) -> str:
    return (unit * (length // len(unit) + 1))[:length]


def _assert_linear(func: Callable[[str], Any], unit: str, length: int) -> None:
    small = _ratio(func, _text(unit, length))
    large = _ratio(func, _text(unit, length * GROWTH))
    if large / small > MAX_RATIO_GROWTH:  # one retry: a busy neighbour can stall any one timing
        small = _ratio(func, _text(unit, length))
        large = _ratio(func, _text(unit, length * GROWTH))
    assert large / small <= MAX_RATIO_GROWTH, (
        f"{unit!r}: time per character grew {large / small:.1f}× when the input grew {GROWTH}×"
    )


SCANNERS: dict[str, Callable[[str], Any]] = {
    "normalise": normalise,
    "find_sections": sections.find_sections,
    "sentences": sentences,
    "chunks": lambda text: list(chunks(text)),
    "answer_items": lambda text: answers._items(text, 0, len(text)),
    "answer_clauses": lambda text: answers.clauses(text, 0, len(text)),
    "claim_items": lambda text: claims.claim_items(text, 0, len(text)),
    **{f"recognise_{kind}": recogniser for kind, recogniser in RECOGNISERS.items()},
}


@pytest.mark.parametrize("unit", list(UNITS))
@pytest.mark.parametrize("scanner", list(SCANNERS))
def test_scanner_is_linear(scanner: str, unit: str) -> None:
    # chunks returns a text under CHUNK_CHARS (50,000) whole: both sizes must be above it.
    _assert_linear(SCANNERS[scanner], UNITS[unit], 60_000 if scanner == "chunks" else 25_000)


@pytest.mark.parametrize("role", ["complaint", "answer"])
@pytest.mark.parametrize("unit", list(UNITS))
def test_whole_extraction_is_linear(role: str, unit: str) -> None:
    _assert_linear(lambda text: extract_text(SYSTEM, text, "private_lending", role), UNITS[unit], 12_500)


def test_mixed_text_up_to_a_million_characters_is_linear() -> None:
    """Random mixtures of all the units above, 250,000 then 1,000,000 characters, whole extraction."""
    rng = random.Random(7)
    pieces = list(UNITS.values()) + ["借款", "还款", "利息", "2021年3月5日", "50000元", "。"]
    mixed = "".join(rng.choice(pieces) * rng.randint(1, 50) for _ in range(120_000))
    small = mixed[:250_000]
    large = mixed[:1_000_000]

    def run(text: str) -> None:
        extract_text(SYSTEM, text, "private_lending", "complaint")

    growth = (_best_of(run, large, 1) / _best_of(_scan, large)) / (_best_of(run, small, 1) / _best_of(_scan, small))
    assert growth <= MAX_RATIO_GROWTH


def test_a_long_pleading_that_names_its_parties_again_and_again_is_linear() -> None:
    """The shipped sample complaint repeated: every party name and guarantee phrase recurs, so a step that
    compares each name's occurrences with all the others (the guarantor phrases did) goes quadratic."""
    from pathlib import Path

    sample = (Path(__file__).resolve().parents[2] / "corpus/private_lending/sample/complaint.txt").read_text(
        encoding="utf-8")
    _assert_linear(lambda text: extract_text(SYSTEM, text, "private_lending", "complaint"), sample,
                   len(sample) * 250)


@pytest.mark.parametrize("case_type", ["private_lending", "labor_dispute"])
def test_a_claims_passage_of_thousands_of_items_is_linear(case_type: str) -> None:
    """One claims passage listing the same demand thousands of times: each figure looks up its keyword among
    the passage's keyword hits, which used to scan them all (190,000 characters took 17 s)."""
    unit = "判令被告偿还借款本金5000元及利息，支付工资5000元；"
    _assert_linear(lambda text: extract_text(SYSTEM, "诉讼请求：" + text, case_type, "complaint"), unit, 12_500)


# The linear rewrites of the blank-line patterns find exactly what the old patterns found.
_OLD_SIGNATURE = re.compile(r"\n\s*(?:此致|具状人|起诉人[:：]|答辩人[:：]|附[:：])")
_OLD_ITEM = re.compile(r"(?:^|(?<=\n))\s*(?:[一二三四五六七八九十]+|\d+|第[一二三四五六七八九十]+)[、.．，,]")
_OLD_CLAIM_ITEM = re.compile(
    r"(?:^|(?<=[\n；;。:：]))\s*(?:(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[、.．]|[（(](?:\d{1,2}|[一二三四五六七八九十]{1,3})[）)]"
    r"|第[一二三四五六七八九十]+[、，,])"
    r"|(?<=[，,])[（(](?:\d{1,2}|[一二三四五六七八九十]{1,3})[）)]"  # （1）…，（2）…: no blank-line prefix to rewrite
)
_PIECES = ["；", "。", "：", "（1）", "(二)", "\n", " ", "\t", "\u3000", "\u2028", "此致", "附：", "答辩人：", "具状人", "附", "1、", "二.", "第三，", "，", "x", "1", "、"]


@pytest.mark.parametrize("seed", range(3))
def test_linear_rewrites_match_the_old_patterns(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(20_000):
        text = "".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 14)))
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        old = _OLD_SIGNATURE.search(text, start)
        assert sections._signature_start(text, start) == (old.start() if old else None), (text, start)
        expected = [match.start() for match in _OLD_ITEM.finditer(text, start, end)]
        assert [item for item, _ in answers._items(text, start, end)] == expected, (text, start, end)
        expected = [match.start() for match in _OLD_CLAIM_ITEM.finditer(text, start, end)]
        if not expected or text[start : expected[0]].strip(" \n：:"):  # the text before the first item
            expected = [start, *expected]
        assert [item for item, _ in claims.claim_items(text, start, end)] == expected, (text, start, end)

"""The `lexical` rewrite (engine/extraction/perturb.py): a pleading's wording in other words of the same
meaning, from the paraphrase lists, with nothing the gold holds touched. Team-written texts, expected text by hand."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from engine.errors import YaosuError
from engine.extraction.perturb import (
    GENERIC_PARAPHRASES,
    Perturbation,
    lexical_edits,
    lexical_rewrite,
    read_paraphrases,
)
from engine.system import load_system

TYPES = {"plaintiffs": "party_list", "loan_amount": "money", "interest_rate": "rate"}
TEXT = ("原告周晓燕诉称：2020年5月1日，被告向原告借款80000元，约定月利率2%。经原告多次催讨，被告至今未归还。"
        "诉讼请求：判令被告归还借款80000元。")
GOLD = {"plaintiffs": [{"name": "周晓燕"}], "loan_amount": "80000.00",
        "interest_rate": {"raw": "月利率2%", "period": "month", "percent": "2"}}


def _rows(*rows: tuple[str, tuple[str, ...]]) -> tuple[tuple[re.Pattern[str], tuple[str, ...]], ...]:
    return tuple((re.compile(pattern), to) for pattern, to in rows)


def test_each_listed_wording_becomes_one_of_its_others_and_the_gold_stays() -> None:
    paraphrases = _rows(("催讨", ("催要",)), ("至今(?=未)", ("迄今",)), ("诉讼请求(?=[:：])", ("诉请",)))
    result = lexical_rewrite(paraphrases)((TEXT,), GOLD, TYPES, random.Random(0))
    assert result is not None
    (text,), gold = result
    assert text == ("原告周晓燕诉称：2020年5月1日，被告向原告借款80000元，约定月利率2%。经原告多次催要，被告迄今未归还。"
                    "诉请：判令被告归还借款80000元。")
    assert gold == GOLD


def test_nothing_inside_a_gold_string_is_rewritten() -> None:
    # 月利率 would become 月息 in the facts, but "月利率2%" is the gold's raw rate: it is kept as written,
    # and so is the name 周晓燕 (a paraphrase of 晓 must not reach it).
    paraphrases = _rows(("月利率", ("月息",)), ("晓", ("小",)))
    assert lexical_rewrite(paraphrases)((TEXT,), GOLD, TYPES, random.Random(0)) is None


def test_an_answer_and_its_complaint_are_both_rewritten() -> None:
    answer = "被告钱国强辩称：原告诉称的借款属实，但已归还。"
    result = lexical_rewrite(_rows(("(?<=被告钱国强)辩称", ("答辩称",)), ("催讨", ("催收",))))(
        (answer, TEXT), GOLD, TYPES, random.Random(0))
    assert result is not None
    assert result[0] == ("被告钱国强答辩称：原告诉称的借款属实，但已归还。", TEXT.replace("催讨", "催收"))


def test_no_wording_listed_is_a_skip() -> None:
    assert lexical_rewrite(_rows(("担保", ("保证",))))((TEXT,), GOLD, TYPES, random.Random(0)) is None


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=0, max_value=10_000))
def test_the_generic_list_changes_only_the_spans_it_edits_and_is_reproducible(seed: int) -> None:
    paraphrases = read_paraphrases(GENERIC_PARAPHRASES)
    kept = ["周晓燕", "月利率2%"]
    edits = lexical_edits(TEXT, paraphrases, kept, random.Random(seed))
    assert edits == lexical_edits(TEXT, paraphrases, kept, random.Random(seed))
    spans = sorted((start, end) for start, end, _ in edits)
    assert all(left[1] <= right[0] for left, right in zip(spans, spans[1:], strict=False))
    for start, end, new in edits:
        assert TEXT[start:end] != new
        assert all(not (start < TEXT.index(word) + len(word) and TEXT.index(word) < end) for word in kept)


def test_the_perturbation_reads_the_case_types_own_list_after_the_generic_one(tmp_path: Path) -> None:
    own = tmp_path / "paraphrases.yaml"
    own.write_text('paraphrases:\n  - pattern: "借款(?=8)"\n    to: ["借钱"]\n    why: "a test wording"\n',
                   encoding="utf-8")
    (text,), gold, skipped = Perturbation(("lexical",), seed=3).apply("a", (TEXT,), GOLD, TYPES, own)
    assert "向原告借钱80000元" in text and "归还借钱80000元" in text
    assert gold == GOLD and skipped == ()


def test_every_shipped_list_reads_and_every_package_names_a_file_that_exists() -> None:
    assert read_paraphrases(GENERIC_PARAPHRASES)
    system = load_system()
    for casetype in system.casetypes.values():
        path = casetype.package.paraphrase_file
        if path is not None:
            assert path.is_file(), path
            assert read_paraphrases(path)


def test_a_bad_list_is_an_error_naming_the_file_and_row(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text('paraphrases:\n  - pattern: "借款"\n    to: ["借钱"]\n  - pattern: "(未"\n    to: ["没有"]\n',
                   encoding="utf-8")
    with pytest.raises(YaosuError) as raised:
        read_paraphrases(bad)
    assert "bad.yaml" in raised.value.message and "第 2 条" in raised.value.message
    shapeless = tmp_path / "shapeless.yaml"
    shapeless.write_text("paraphrases:\n  - pattern: 借款\n", encoding="utf-8")
    with pytest.raises(YaosuError) as raised:
        read_paraphrases(shapeless)
    assert "shapeless.yaml" in raised.value.message and raised.value.code == "E214"


def test_a_group_named_w_is_the_only_part_replaced() -> None:
    # The borrowing 向原告借款 becomes 向原告借钱; the 借款 a claim asks back (判令被告归还借款80000元) is no
    # borrowing and stays, and so does the context 向原告 the pattern needs.
    paraphrases = _rows(("向[^，。]{1,12}?(?P<w>借款)(?=[0-9]+元)", ("借钱",)))
    result = lexical_rewrite(paraphrases)((TEXT,), GOLD, TYPES, random.Random(0))
    assert result is not None
    assert result[0] == (TEXT.replace("向原告借款", "向原告借钱"),)
    assert "归还借款80000元" in result[0][0]

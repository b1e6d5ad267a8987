"""The `punct` rewrite: clause punctuation changed as pleadings vary it, the gold untouched (issue 10)."""

from __future__ import annotations

import random

from engine.extraction.perturb import Perturbation, punct_edits

TEXT = ("原告：张三，男，住上海市青浦区。\n"
        "诉讼请求：判令被告归还借款100，000元；利息按月利率1.5%计算。\n"
        "事实与理由：2021年3月5日，被告因经营需要向原告借款，约定“如逾期，按日千分之一计”。被告至今未还。")
KEPT = ["如逾期，按日千分之一计"]


def _changed(text: str, seed: int) -> list[tuple[int, str, str]]:
    return [(start, text[start:end], new) for start, end, new in punct_edits(text, KEPT, random.Random(seed))]


def test_only_clause_marks_change_into_clause_marks_one_for_one() -> None:
    seen = set()
    for seed in range(40):
        for start, old, new in _changed(TEXT, seed):
            assert old in "。；，" and new in "。；，" and old != new
            seen.add(start)
    # Every kind of mark is rewritten by some seed.
    assert {TEXT[start] for start in seen} == {"。", "；", "，"}


def test_line_ends_digits_and_kept_strings_are_left_as_written() -> None:
    line_ends = {index for index, char in enumerate(TEXT) if char == "。" and TEXT[index + 1:index + 2] in ("\n", "")}
    thousands = TEXT.index("100，000") + 3
    quote = TEXT.index(KEPT[0])
    protected = line_ends | {thousands} | set(range(quote, quote + len(KEPT[0])))
    for seed in range(40):
        assert not {start for start, _, _ in _changed(TEXT, seed)} & protected


def test_the_rewrite_is_seeded_and_keeps_the_gold() -> None:
    gold = {"plaintiffs": ["张三"], "loan_amount": "100000.00"}
    first = Perturbation(("punct",), seed=5).apply("pl_c_001", (TEXT,), gold, {})
    again = Perturbation(("punct",), seed=5).apply("pl_c_001", (TEXT,), gold, {})
    other = Perturbation(("punct",), seed=6).apply("pl_c_001", (TEXT,), gold, {})
    assert first == again and first[0] != other[0]
    texts, elements, skipped = first
    assert elements == gold and skipped == ()
    assert len(texts[0]) == len(TEXT) and texts[0] != TEXT


def test_no_comma_runs_into_a_heading_a_statement_or_a_numbered_item() -> None:
    text = ("诉讼请求：1、判令被告归还借款5万元。2、判令被告支付利息；3、诉讼费由被告承担。事实与理由：被告借款未还。"
            "综上，请求判如所请。被告李四辩称，借款已还。")
    before_item = [text.index("。2、"), text.index("；3、")]
    before_heading = [text.index("。事实"), text.index("。综上"), text.index("。被告李四辩称")]
    for seed in range(60):
        changed = dict((start, new) for start, _, new in _changed(text, seed))
        assert not set(before_heading) & set(changed)
        assert all(changed.get(index, "；") != "，" for index in before_item)


def test_a_comma_becomes_a_semicolon_only_after_a_clause_of_its_own() -> None:
    text = ("原告张三诉称，2021年3月5日，被告李四向原告借款五万元整，原告当日以现金方式交付给被告李四，"
            "被告至今未还。 被告李四辩称，借款已还。")
    own = {text.index("整，") + 1, text.index("方式交付给被告李四，") + len("方式交付给被告李四")}
    short = {text.index("诉称，") + 2, text.index("5日，") + 2, text.index("辩称，") + 2}
    space = text.index("。 ")
    turned = set()
    for seed in range(80):
        changed = {start: new for start, _, new in _changed(text, seed)}
        assert not {*short, space} & set(changed)
        turned |= {start for start, new in changed.items() if new == "；"}
    assert turned == own

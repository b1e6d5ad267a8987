"""The metamorphic rewrites (engine/extraction/perturb.py): they keep the labels, touch only their spans, and are
reproducible by the seed."""

from __future__ import annotations

import random
import re
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from engine.errors import YaosuError
from engine.extraction.evaluate import values_match
from engine.extraction.numerals import parse_number
from engine.extraction.perturb import (
    KINDS,
    Perturbation,
    amount_edits,
    amount_forms,
    date_edits,
    parse_kinds,
)
from engine.extraction.recognisers.dates import find_dates

TYPES = {"plaintiffs": "party_list", "defendants": "party_list", "loan_amount": "money", "facts": "text"}
# Filler prose between the slots: Chinese words with no digit, no 元 and no masking character, so a filler
# never continues a name, an amount or a date.
FILLER = st.text(alphabet="原告被告向借款约定归还利息，。；：诉称事实理由并于当日转账", min_size=1, max_size=12)
NAMES = st.sampled_from(["张三", "李四", "王建国", "嘉善某某建材有限公司", "陈小红", "赵六"])


@st.composite
def named_passage(draw: st.DrawFn) -> tuple[list[str], list[str], dict[str, object]]:
    """Fillers and name slots (the passage is fillers[0] slot[0] fillers[1] …), and a gold naming them."""
    plaintiff, defendant = draw(st.lists(NAMES, min_size=2, max_size=2, unique=True))
    # Every gold name is written at least once (a gold name the text does not hold cannot be rewritten).
    slots = draw(st.permutations([plaintiff, defendant] + draw(st.lists(st.sampled_from([plaintiff, defendant]),
                                                                         max_size=4))))
    fillers = draw(st.lists(FILLER, min_size=len(slots) + 1, max_size=len(slots) + 1))
    gold = {"plaintiffs": [{"name": plaintiff}], "defendants": [{"name": defendant}], "loan_amount": "50000.00"}
    return fillers, slots, gold


def _join(fillers: list[str], slots: list[str]) -> str:
    return "".join(filler + slot for filler, slot in zip(fillers, slots + [""], strict=True))


@given(named_passage(), st.integers(0, 10**6))
@settings(max_examples=150, deadline=None)
def test_names_replace_every_gold_name_exactly_where_it_was(passage: tuple, seed: int) -> None:
    fillers, slots, gold = passage
    text = _join(fillers, slots)
    (new_text,), new_gold, skipped = Perturbation(("names",), seed).apply("p", (text,), gold, TYPES)
    assert skipped == ()
    plan = {gold["plaintiffs"][0]["name"]: new_gold["plaintiffs"][0]["name"],
            gold["defendants"][0]["name"]: new_gold["defendants"][0]["name"]}
    assert all(old != new for old, new in plan.items())
    # The same fillers, each slot holding the new name of the old one: nothing else moved.
    assert new_text == _join(fillers, [plan[slot] for slot in slots])
    assert new_gold["loan_amount"] == "50000.00"
    # A company stays a company, a person a person.
    for old, new in plan.items():
        assert ("公司" in old) == ("公司" in new)


def test_names_skip_a_name_that_is_part_of_a_longer_one() -> None:
    # 王某 is also the start of 王某某 (another party): replacing it everywhere would cut the other name.
    gold = {"plaintiffs": [{"name": "王某"}], "defendants": [{"name": "王某某"}]}
    text = "原告王某诉称，被告王某某向原告借款。"
    assert Perturbation(("names",), 1).apply("p", (text,), gold, TYPES)[2] == ("names",)
    # A name followed by a masking digit is someone else's (李某 in 李某1).
    gold = {"plaintiffs": [{"name": "李某"}], "defendants": [{"name": "张三"}]}
    assert Perturbation(("names",), 1).apply("p", ("原告李某诉称，李某1与被告张三",), gold, TYPES)[2] == ("names",)


def test_names_rewrite_the_answer_and_the_complaint_it_replies_to_alike() -> None:
    gold = {"defendants": [{"name": "李四"}]}
    texts = ("被告李四辩称，未借款。", "原告张三诉称，被告李四借款5万元。")
    (answer, complaint), new_gold, _ = Perturbation(("names",), 4).apply("p", texts, gold, TYPES)
    new = new_gold["defendants"][0]["name"]
    assert answer == f"被告{new}辩称，未借款。" and complaint == f"原告张三诉称，被告{new}借款5万元。"


def _only_edited(old: str, new: str, edits: list[tuple[int, int, str]]) -> bool:
    """`new` is `old` character for character outside the edited spans, each span holding its replacement."""
    position, last = 0, 0
    for start, end, replacement in sorted(edits):
        kept = old[last:start]
        if new[position:position + len(kept)] != kept:
            return False
        position += len(kept)
        if new[position:position + len(replacement)] != replacement:
            return False
        position += len(replacement)
        last = end
    return new[position:] == old[last:]


AMOUNT_VALUES = st.decimals(min_value=1, max_value=10**9, places=2, allow_nan=False, allow_infinity=False)


def _written(value: Decimal, style: int) -> str:
    if style == 0:
        return f"{value.normalize():f}"
    if style == 1:
        return f"{value:,.2f}"
    return f"{(value / 10000).normalize():f}万" if value % 100 == 0 else f"{value.normalize():f}"


@given(st.lists(st.tuples(AMOUNT_VALUES, st.integers(0, 2)), min_size=1, max_size=4),
       st.lists(FILLER, min_size=5, max_size=5), st.integers(0, 10**6))
@settings(max_examples=150, deadline=None)
def test_amounts_keep_their_value_and_touch_only_the_figures(amounts: list, fillers: list[str], seed: int) -> None:
    figures = [_written(value, style) + "元" for value, style in amounts]
    text = _join(fillers[: len(figures) + 1], figures)
    # The rewrite's random draws are keyed by seed, kind and item (perturb.py's docstring).
    edits = amount_edits(text, random.Random(f"{seed}:amounts:p"), {})
    # A figure with no other form (1.01元: no thousands to separate, cents in no Chinese form) stays as written.
    rewritable = [(value, style) for value, style in amounts if set(amount_forms(value)) - {_written(value, style)}]
    assert len(edits) == len(rewritable)
    for (start, end, new), (value, _) in zip(sorted(edits), rewritable, strict=True):
        assert text[end:].startswith("元")
        assert new != text[start:end]
        assert parse_number(new) == value
    (rewritten,), gold, _ = Perturbation(("amounts",), seed).apply("p", (text,), {"loan_amount": "1.00"}, TYPES)
    assert gold == {"loan_amount": "1.00"}
    assert _only_edited(text, rewritten, edits)


DAYS = st.dates(min_value=__import__("datetime").date(1990, 1, 1), max_value=__import__("datetime").date(2030, 12, 31))


@given(st.lists(DAYS, min_size=1, max_size=3), st.lists(FILLER, min_size=4, max_size=4), st.integers(0, 10**6))
@settings(max_examples=150, deadline=None)
def test_dates_keep_their_day_for_the_date_grammar(days: list, fillers: list[str], seed: int) -> None:
    text = _join(fillers[: len(days) + 1], [f"{day.year}年{day.month}月{day.day}日" for day in days])
    edits = sorted(date_edits(text, random.Random(f"{seed}:dates:p"), {}))
    assert len(edits) == len(days)
    for (_, _, new), day in zip(edits, days, strict=True):
        assert [mention.value for mention in find_dates(new)] == [day.isoformat()]
    (rewritten,), _, _ = Perturbation(("dates",), seed).apply("p", (text,), {}, TYPES)
    assert _only_edited(text, rewritten, edits)


@given(DAYS, st.integers(0, 10**6))
@settings(max_examples=60, deadline=None)
def test_a_date_before_an_hour_keeps_its_day_mark(day: object, seed: int) -> None:
    # 2023年6月12日7时: 2023-06-12 or 2023.6.12 would run into the hour's digit.
    text = f"原告诉称，{day.year}年{day.month}月{day.day}日7时许，在某路口"  # type: ignore[attr-defined]
    (new,), _, _ = Perturbation(("dates",), seed).apply("p", (text,), {}, TYPES)
    assert re.search(r"日7时许", new) and [m.value for m in find_dates(new)] == [day.isoformat()]  # type: ignore[attr-defined]


def test_one_figure_is_rewritten_one_way_and_quotes_in_the_gold_follow() -> None:
    gold = {"facts": "裁决被申请人支付工资6500元，驳回其他请求", "loan_amount": "6500.00"}
    text = "原告诉称：仲裁裁决被申请人支付工资6500元，驳回其他请求。现请求判令被告支付工资6500元。"
    for seed in range(8):
        (new,), new_gold, _ = Perturbation(("amounts",), seed).apply("p", (text,), gold, TYPES)
        figures = re.findall(r"工资(.+?)元", new)
        assert len(figures) == 2 and figures[0] == figures[1] != "6500"
        assert new_gold["facts"] == f"裁决被申请人支付工资{figures[0]}元，驳回其他请求"
        assert new_gold["loan_amount"] == "6500.00"  # a normalised value is no quote


# A party block first, so that `noblock` has something to take out too.
PASSAGE = ("原告：张三，男，住嘉善县。\n被告：嘉善某某建材有限公司，住所地嘉善县。\n原告张三诉称：2014年5月6日，被告嘉善某某建材有限公司向原告借款100000元，约定月利率1.5%，"
           "于2014.12.31前归还。另借5万元（其中1,234.50元已还）。")
GOLD = {"plaintiffs": [{"name": "张三"}], "defendants": [{"name": "嘉善某某建材有限公司"}], "loan_amount": "100000.00"}


@pytest.mark.parametrize("kind", sorted(KINDS))
@given(seed=st.integers(0, 10**6))
@settings(max_examples=20, deadline=None)
def test_every_kind_is_reproducible_by_its_seed(kind: str, seed: int) -> None:
    first = Perturbation((kind,), seed).apply("p", (PASSAGE,), GOLD, TYPES)
    assert first == Perturbation((kind,), seed).apply("p", (PASSAGE,), GOLD, TYPES)
    assert first[0] != (PASSAGE,)  # the passage has something of every kind to rewrite


def test_width_and_traditional_touch_only_characters_and_carry_the_gold_quotes() -> None:
    gold = {"plaintiffs": [{"name": "李某1"}], "defendants": [{"name": "张伟"}], "loan_amount": "100000.00"}
    text = "原告李某1诉称，被告张伟借款100000元。"
    for seed in range(6):
        (new,), new_gold, _ = Perturbation(("width",), seed).apply("p", (text,), gold, TYPES)
        assert len(new) == len(text) and new_gold["loan_amount"] == "100000.00"
        assert new in ("原告李某１诉称，被告张伟借款１０００００元。", "原告李某1诉称,被告张伟借款100000元。")
        assert new_gold["plaintiffs"][0]["name"] in new  # the name as the rewritten text writes it
    (new,), new_gold, _ = Perturbation(("traditional",), 0).apply("p", (text,), gold, TYPES)
    assert new == "原告李某1訴稱，被告張偉借款100000元。" and new_gold["defendants"] == [{"name": "張偉"}]
    # 澄 becomes 澂 in s2t, which t2s keeps as 澂: another name, so it is left as written.
    assert Perturbation(("traditional",), 0).apply("p", ("被告澄江公司",), {}, TYPES)[0] == ("被告澄江公司",)


def test_names_are_scored_as_the_rules_read_them() -> None:
    # A party written 張偉 or 李某１ is the gold's 张伟 / 李某1 (evaluate.comparable folds both sides).
    assert values_match("party_list", [{"name": "张伟"}, {"name": "李某1"}], [{"name": "張偉"}, {"name": "李某１"}])
    assert not values_match("party_list", [{"name": "张伟"}], [{"name": "张玮"}])


def test_kinds_are_parsed_and_an_unknown_one_is_named() -> None:
    assert parse_kinds("names, amounts，dates") == ("names", "amounts", "dates")
    with pytest.raises(YaosuError, match="colour"):
        parse_kinds("names,colour")

"""The batch's name matcher (engine/research/deidentify.NameMatcher, Aho–Corasick) replaces exactly what the
plain longest-first alternation of the names does: the longest registered name at the leftmost position."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from engine.research.deidentify import NameMatcher, replace_names

CHARS = "张三丰李四王五某公司有限借款"
names_st = st.lists(st.text(alphabet=CHARS, min_size=1, max_size=5), min_size=1, max_size=25, unique=True)


def _alternation(names: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, sorted(names, key=len, reverse=True))))


@settings(max_examples=300, deadline=None)
@given(names=names_st, text=st.text(alphabet=CHARS + "，。元", max_size=60))
@example(names=["公", "三公三"], text="三公")  # a longer name begun and not finished: the shorter one inside it still counts
def test_the_trie_finds_what_the_longest_first_alternation_finds(names: list[str], text: str) -> None:
    stand_in = {name: f"<{i}>" for i, name in enumerate(names)}
    assert NameMatcher(names).replace(text, stand_in) == _alternation(names).sub(lambda m: stand_in[m.group(0)], text)
    assert NameMatcher(names).occurs_in(text) == (_alternation(names).search(text) is not None)


def test_the_longer_name_wins_and_a_stand_in_is_never_replaced_again() -> None:
    names = {"张三": "张某1", "张三丰": "张某2", "某1": "X"}
    assert replace_names("张三丰借给张三。", names) == "张某2借给张某1。"


def test_no_names_match_nothing() -> None:
    assert not NameMatcher([]).occurs_in("张三")
    assert NameMatcher([]).replace("张三", {}) == "张三"

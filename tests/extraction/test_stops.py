"""engine/extraction/stops.py finds what str.rfind / str.find over each stop character find."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from engine.casetypes.motor_vehicle_accident.derive import _sentence_end as traffic_sentence_end
from engine.casetypes.private_lending import loans
from engine.extraction.answers import _sentence as answer_sentence
from engine.extraction.parties import _clause_start as party_clause_start
from engine.extraction.stops import OrderedSpans, Stops, end_of, start_of

STOPS = "。；;\n"


@given(st.text(alphabet="借款。；;\n，元", max_size=60), st.data())
def test_stops_agree_with_rfind_and_find(text: str, data: st.DataObject) -> None:
    lo = data.draw(st.integers(0, len(text)))
    hi = data.draw(st.integers(lo, len(text)))
    at = data.draw(st.integers(lo, hi))
    stops = Stops(text, STOPS, lo, hi)
    assert stops.last_before(at) == max(text.rfind(c, lo, at) for c in STOPS)
    found = [i for i in (text.find(c, at, hi) for c in STOPS) if i >= 0]
    assert stops.first_from(at) == min(found, default=-1)


def test_a_worked_example() -> None:
    text = "甲借款。乙还款；丙"
    stops = Stops(text, STOPS)
    assert stops.last_before(5) == 3  # the 。 after 借款
    assert stops.last_before(3) == -1  # nothing before the first stop
    assert stops.first_from(4) == 7  # the ；
    assert stops.first_from(8) == -1


@given(st.lists(st.tuples(st.integers(0, 3), st.integers(1, 4)), max_size=12), st.integers(0, 60), st.integers(0, 60))
def test_ordered_spans_agree_with_a_scan(gaps: list[tuple[int, int]], lo: int, hi: int) -> None:
    spans, position = [], 0
    for gap, width in gaps:  # in order and apart, as one pattern's matches are
        spans.append((position + gap, position + gap + width, "x"))
        position += gap + width
    ordered = OrderedSpans(spans)
    assert ordered.first_from(lo) == next((s for s in spans if s[0] >= lo), None)
    assert ordered.last_until(lo) == next((s for s in reversed(spans) if s[1] <= lo), None)
    assert ordered.within(lo, hi) == [s for s in spans if lo <= s[0] and s[1] <= hi]


# The four bounded scans the readers wrote each with its own stop set, as they were written before they used
# start_of / end_of: the readers must find the same positions now.
CLAUSE_STOPS = "，,、：:" + "。；;！!？?\n"
SENTENCE_STOPS = "。；;！!？?\n"
ALPHABET = "借款。；;\n，,、：:！!？?元"


def _old_loans_start(text: str, position: int, floor: int, stops: str) -> int:
    return max([floor, *(text.rfind(stop, floor, position) + 1 for stop in stops)])


def _old_answer_sentence(text: str, start: int, end: int, lo: int, hi: int) -> tuple[int, int]:
    begin = max(lo, *(text.rfind(mark, lo, start) + 1 for mark in "。；;\n"))
    stop = re.compile(r"[。；;\n]").search(text, end, hi)
    return begin, stop.start() if stop else hi


def _old_party_clause_start(text: str, position: int) -> int:
    floor = max(0, position - 200)
    return max(floor - 1, *(text.rfind(stop, floor, position) for stop in "。；;\n")) + 1


def _old_traffic_sentence_end(text: str, start: int, hi: int) -> int:
    return min([i for i in (text.find("。", start, hi), text.find("\n", start, hi)) if i >= 0] or [hi])


def _old_loans_sentence_end(text: str, position: int, ceiling: int) -> int:
    ceiling = min(ceiling, position + 200)
    found = [i for i in (text.find(stop, position, ceiling) for stop in SENTENCE_STOPS) if i >= 0]
    return min(found, default=ceiling)


@given(st.text(alphabet=ALPHABET, max_size=80), st.data())
def test_start_of_and_end_of_find_what_the_four_readers_found(text: str, data: st.DataObject) -> None:
    floor = data.draw(st.integers(0, len(text)))
    position = data.draw(st.integers(floor, len(text)))
    ceiling = data.draw(st.integers(position, len(text)))
    # loans.py: clause and sentence starts, the sentence end (read on at most 200 characters).
    assert start_of(text, position, floor, CLAUSE_STOPS) == _old_loans_start(text, position, floor, CLAUSE_STOPS)
    assert loans._clause_start(text, position, floor) == _old_loans_start(text, position, floor, CLAUSE_STOPS)
    assert loans._sentence_start(text, position, floor) == _old_loans_start(text, position, floor, SENTENCE_STOPS)
    assert loans._sentence_end(text, position, ceiling) == _old_loans_sentence_end(text, position, ceiling)
    # answers.py: the sentence holding a clause start..end, within lo..hi.
    clause_end = data.draw(st.integers(position, ceiling))
    assert answer_sentence(text, position, clause_end, floor, ceiling) == _old_answer_sentence(
        text, position, clause_end, floor, ceiling)
    # parties.py: the sentence start, at most 200 characters back.
    assert party_clause_start(text, position) == _old_party_clause_start(text, position)
    # motor_vehicle_accident/derive.py: the sentence end at 。 or a line break.
    assert traffic_sentence_end(text, position, ceiling) == _old_traffic_sentence_end(text, position, ceiling)


def test_start_of_and_end_of_worked_example() -> None:
    text = "甲借款，乙还款。丙"
    assert start_of(text, 6, 0, "，。") == 4  # after the ，
    assert start_of(text, 6, 5, "，。") == 5  # not further back than the floor
    assert start_of(text, 3, 0, "，。") == 0  # no stop before: the floor
    assert end_of(text, 4, len(text), "，。") == 7  # the 。
    assert end_of(text, 8, len(text), "，。") == len(text)  # none after: the ceiling

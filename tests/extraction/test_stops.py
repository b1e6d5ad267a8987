"""engine/extraction/stops.py finds what str.rfind / str.find over each stop character find."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from engine.extraction.stops import OrderedSpans, Stops

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

"""The spaCy pipeline: our character tokenizer, chunking, and trigger windows for the recognisers."""

from __future__ import annotations

from unittest.mock import patch

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from engine.casetypes.private_lending import durations
from engine.extraction.api import extract_text
from engine.extraction.normalise import normalise
from engine.extraction.pipeline import CharTokenizer, casetype_nlp, chunks, get_nlp, recognise_document
from engine.extraction.recognisers import rates
from engine.extraction.recognisers.scan import windows
from engine.system import default_system

SYSTEM = default_system()

_ALPHABET = st.sampled_from(
    list("0123456789年月日号元万亿角分厘整人民币¥%‰百千分之息利率借期个天半一二两三十〇零伍拾佰仟 \n，。；（）-/.:内后同")
)
_TEXTS = st.one_of(st.text(max_size=200), st.lists(_ALPHABET, max_size=200).map("".join))


def test_tokenizer_is_registered_and_gives_one_token_per_character() -> None:
    nlp = get_nlp()
    assert isinstance(nlp.tokenizer, CharTokenizer)
    text = "原告张三 向被告借款5万元。\n"
    doc = nlp(text)
    assert [token.text for token in doc] == list(text)
    assert doc.text == text
    assert [token.idx for token in doc] == list(range(len(text)))
    assert [m.value for m in doc._.yaosu_mentions if m.kind == "money"] == ["50000.00"]


@settings(max_examples=100, deadline=None)
@given(text=st.text(max_size=300))
def test_tokenizer_keeps_every_character(text: str) -> None:
    doc = get_nlp().make_doc(text)
    assert len(doc) == len(text) and doc.text == text


def test_chunks_cover_the_text_at_line_or_sentence_ends() -> None:
    text = ("被告借款5万元。" * 30 + "\n") * 20
    pieces = list(chunks(text, size=500))
    assert "".join(piece for _, piece in pieces) == text
    assert all(len(piece) <= 500 for _, piece in pieces)
    assert all(text[offset : offset + len(piece)] == piece for offset, piece in pieces)
    assert all(piece.endswith(("。", "\n")) for _, piece in pieces)


def test_a_long_document_keeps_offsets_across_chunks() -> None:
    filler = "本段与借贷无关，仅作填充。\n" * 6000  # ~84k characters, several chunks
    text = "原告：张三。\n被告：李四。\n" + filler + "事实与理由：2021年3月5日，被告向原告借款5万元。\n"
    result = extract_text(SYSTEM, text)
    (evidence,) = result["elements"]["loan_amount"]["evidence"]
    assert text[evidence["start"] : evidence["end"]] == evidence["text"] == "5万元"


def _full_scan(pattern, text, *_):
    return pattern.finditer(text)


@pytest.mark.parametrize(
    ("module", "find"),
    [(rates, rates.find_rates), (durations, durations.find_durations)],
    ids=["rate", "duration"],
)
@settings(max_examples=200, deadline=None)
@given(text=_TEXTS)
def test_trigger_windows_find_what_a_full_scan_finds(module, find, text: str) -> None:
    near = [(m.start, m.end, m.value) for m in find(text)]
    with patch.object(module, "finditer_near", _full_scan):
        full = [(m.start, m.end, m.value) for m in find(text)]
    assert near == full


@settings(max_examples=100, deadline=None)
@given(text=_TEXTS)
def test_windows_are_ordered_and_disjoint(text: str) -> None:
    spans = list(windows(text, rates._TRIGGER, 10, 5))
    for (lo, hi), (next_lo, _) in zip(spans, spans[1:], strict=False):
        assert lo < hi < next_lo
    assert all(0 <= lo < hi <= len(text) for lo, hi in spans)


def test_mentions_are_the_same_with_or_without_docs() -> None:
    text = "原告：张三。\n被告：李四。\n" + "2021年3月5日，被告向原告借款5万元，约定月息2分，借期一年。\n" * 2000
    norm = normalise(text)
    nlp = casetype_nlp(SYSTEM.casetype("private_lending"))  # with the loan-term recogniser
    with_docs = [(m.kind, m.start, m.end, str(m.value)) for m in recognise_document(norm, with_docs=True, nlp=nlp)]
    without = [(m.kind, m.start, m.end, str(m.value)) for m in recognise_document(norm, nlp=nlp)]
    assert with_docs == without and len(without) >= 8000

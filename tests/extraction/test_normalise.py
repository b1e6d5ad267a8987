"""Normalisation before recognition: traditional characters, OCR noise, Chinese decimals and
mixed amounts are rewritten, and every offset still maps back to what the user wrote."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from engine.extraction.normalise import normalise
from engine.extraction.recognisers import recognise

# Prose, numerals, OCR confusions, spaces, traditional characters and percent signs, mixed.
_ALPHABET = "借款原告被告约定利息元万千百十零点一二三四五六七八九〇0123456789Oo lI曰月日年，。訴稱幣萬貳%﹪％\t\u3000"
_NUMBER_CHARS = set("0123456789.万萬千百十零点一二三四五六七八九〇两Oo〇lI,，贰貳")  # capital numerals inside a numeral too
_OCR = {"O": "0", "o": "0", "〇": "0", "l": "1", "I": "1"}


@pytest.mark.parametrize(
    ("written", "normalised"),
    [
        ("借款10万零5千元", "借款10.5万元"),
        ("借款5千元", "借款5000元"),
        ("借款3万5", "借款3.5万"),
        ("年利率百分之十五点四", "年利率百分之15.4"),
        ("2021年3月5曰借款", "2021年3月5日借款"),
        ("2O23年1月1日", "2023年1月1日"),
        ("2OO,OOO元", "200,000元"),
        ("二O二一年", "二〇二一年"),
        # An Arabic 0 closing a Chinese year (the last of four year digits before 年) is 〇 too; a lone 十0年 is not.
        ("二0一0年一月十五日", "二〇一〇年一月十五日"),
        ("工作十0年", "工作十0年"),
        ("年利率15.4﹪", "年利率15.4%"),
        ("借 款 5 0 0 0 0 元", "借款50000元"),
        # Capital numerals read as the common ones inside a numeral (1:1); 收拾 / 陆续 keep theirs.
        ("原告訴稱被告借款人民幣拾萬元", "原告诉称被告借款人民币十万元"),
        ("被告收拾行李后陆续归还伍仟元", "被告收拾行李后陆续归还五千元"),
        # ASCII punctuation in Chinese prose reads as the Chinese mark; thousands separators go.
        ("诉至法院,要求被告归还16,000,000.00元;", "诉至法院，要求被告归还16000000.00元；"),
        # Not numbers: left alone.
        ("一点一滴", "一点一滴"),
        ("下午三点二十分", "下午三点二十分"),
        ("型号A2O", "型号A2O"),
        ("今天曰子", "今天曰子"),
    ],
)
def test_rewrites(written: str, normalised: str) -> None:
    assert normalise(written).text == normalised


@pytest.mark.parametrize(
    ("written", "kind", "value", "evidence"),
    [
        ("借款10万零5千元", "money", "105000.00", "10万零5千元"),
        ("借款5千元", "money", "5000.00", "5千元"),
        ("借款2OO,OOO元", "money", "200000.00", "2OO,OOO元"),
        ("于2O23年1月1日", "date", "2023-01-01", "2O23年1月1日"),
        ("2021年3月5曰", "date", "2021-03-05", "2021年3月5曰"),
    ],
)
def test_values_point_at_what_was_written(written: str, kind: str, value: str, evidence: str) -> None:
    norm = normalise(written)
    found = [m for m in recognise(norm.text) if m.kind == kind]
    assert [m.value for m in found] == [value]
    assert norm.original_of(found[0].start, found[0].end) == evidence


def test_rate_with_a_chinese_decimal_is_15_4_percent() -> None:
    norm = normalise("约定年利率百分之十五点四")
    (rate,) = [m for m in recognise(norm.text) if m.kind == "rate"]
    assert rate.value["percent"] == "15.4"
    assert norm.original_of(rate.start, rate.end) == "年利率百分之十五点四"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=60))
def test_offsets_map_back_in_order(original: str) -> None:
    norm = normalise(original)
    previous_end = 0
    for index in range(len(norm.text)):
        start, end = norm.span(index, index + 1)
        assert 0 <= start < end <= len(original)
        assert start >= previous_end or (start, end) == norm.span(index - 1, index)
        previous_end = end
    # The whole text maps to the whole of what was written, less deleted blanks at either edge.
    if norm.text:
        start, end = norm.span(0, len(norm.text))
        assert original[:start].strip(" \t\u3000") == ""
        assert original[end:].strip(" \t\u3000") == ""


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=60))
def test_idempotent(original: str) -> None:
    once = normalise(original).text
    assert normalise(once).text == once


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=60))
def test_changes_nothing_outside_a_number_or_date(original: str) -> None:
    norm = normalise(original)
    for index, char in enumerate(norm.text):
        start, end = norm.span(index, index + 1)
        written = original[start:end]
        if written == char:
            continue
        if end - start == 1 and written in "訴稱幣萬貳﹪％":
            continue  # traditional → simplified and folding are 1:1 and allowed everywhere
        if end - start == 1 and written == "曰":
            assert char == "日" and "月" in original[max(0, start - 4) : start]
            continue
        if end - start == 1 and (written in _OCR or written == "0"):  # 二0二一 → 二〇二一
            assert char in ("0", "1", "〇")
            continue
        # A rewritten piece: it was a number as written, and is one now.
        assert set(written) - set(" \t\u3000") <= _NUMBER_CHARS, (original, written, norm.text)
        assert set(norm.text[index]) <= set("0123456789.万")


@pytest.mark.parametrize("original", ["〇点〇O", "〇点〇〇万4", "利率为〇点〇O"])
def test_idempotent_where_a_rewrite_meets_an_ocr_letter(original: str) -> None:
    # Found by the property test above: the Chinese decimal was rewritten after the OCR repairs had run,
    # leaving 0.0O for a second pass to change.
    once = normalise(original)
    assert normalise(once.text).text == once.text
    assert once.span(0, len(once.text)) == (0, len(original))


def test_a_capital_numeral_inside_a_chinese_decimal() -> None:
    # Found by the property test: 八点貳〇 is 8.20 (貳, the traditional capital 2, read as 二 inside a numeral),
    # and the rewritten span still points at the four characters written.
    norm = normalise("利率八点貳〇")
    assert norm.text == "利率8.20"
    assert norm.span(2, len(norm.text)) == (2, 6)

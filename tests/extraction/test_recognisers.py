"""Recognisers: every written form in the issue, and hypothesis properties on arbitrary strings."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from engine.casetypes.private_lending.durations import add_term
from engine.extraction.normalise import normalise
from engine.extraction.recognisers import RECOGNISERS, recognise
from engine.extraction.recognisers.dates import fill_years
from engine.extraction.recognisers.ids import id_check_digit, valid_id_number
from engine.system import default_system

SYSTEM = default_system()


def values(text: str, kind: str) -> list:
    norm = normalise(text)
    return [m.value for m in recognise(norm.text, [kind])]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("人民币伍万元整", "50000.00"),
        ("借款5万元", "50000.00"),
        ("¥50,000.00", "50000.00"),
        ("￥５０，０００．００元", "50000.00"),
        ("3.5万元", "35000.00"),
        ("壹拾伍万玖仟元", "159000.00"),
        ("123元4角5分", "123.45"),
        ("5 0 0 0 0 元", "50000.00"),
    ],
)
def test_money_forms(text: str, expected: str) -> None:
    assert values(text, "money") == [expected]


def test_bare_numbers_are_not_money() -> None:
    assert values("公民身份号码320509198001020317，第3条", "money") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2021年3月5日", "2021-03-05"),
        ("二〇二一年三月五日", "2021-03-05"),
        ("二○二一年三月五日", "2021-03-05"),
        ("2021.3.5", "2021-03-05"),
        ("2021-03-05", "2021-03-05"),
        ("2014年元月16日", "2014-01-16"),
        ("2021年3月", "2021-03"),
        ("2021年12月底前", "2021-12-31"),
    ],
)
def test_date_forms(text: str, expected: str) -> None:
    assert values(text, "date") == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 次月底 / 当月底 / 次月5日: of the month of the date before, or the next (2019 common, 2020 leap)
        ("2019年1月10日借款，约定次月底归还", ["2019-01-10", "2019-02-28"]),
        ("2020年1月10日借款，约定次月底归还", ["2020-01-10", "2020-02-29"]),
        ("2020年12月3日借款，次月5日归还", ["2020-12-03", "2021-01-05"]),
        ("2020年4月3日借款，当月底前还清", ["2020-04-03", "2020-04-30"]),
        ("2016年9月9日借款，次年6月底前还清", ["2016-09-09", "2017-06-30"]),
        ("2018年5月1日借款，次年2月底前还清", ["2018-05-01", "2019-02-28"]),
        ("约定次月底归还", [None]),  # no date before: no month to read it in
        # a lunar date keeps only its year; without one, none
        ("农历2019年腊月二十", ["2019"]),
        ("农历2019年3月5日", ["2019"]),
        ("2020年3月3日借款，约定农历年底前还清", ["2020-03-03"]),
    ],
)
def test_dates_read_from_the_date_before(text: str, expected: list[str | None]) -> None:
    norm = normalise(text)
    mentions = recognise(norm.text, ["date"])
    fill_years(mentions)
    assert [m.value for m in mentions] == expected


def test_invalid_dates_are_dropped() -> None:
    assert values("2021年2月30日", "date") == []


@pytest.mark.parametrize(
    ("text", "period", "percent", "annual"),
    [
        ("月息2分", "month", "2", "24.00"),
        ("年息一分五", "year", "15", "15.00"),
        ("日万分之五", "day", "0.05", "18.00"),
        ("年利率15.4%", "year", "15.4", "15.40"),
        ("月息2分5厘", "month", "2.5", "30.00"),
        ("月息一分五厘", "month", "1.5", "18.00"),
        ("月息8厘", "month", "0.8", "9.60"),
        ("日利率万分之三", "day", "0.03", "10.80"),
        ("每日千分之一", "day", "0.1", "36.00"),
        ("年利率百分之十二", "year", "12", "12.00"),
        ("按24%的年利率", "year", "24", "24.00"),
        ("月利率20‰", "month", "2", "24.00"),
        ("月息俩分肆厘", "month", "2.4", "28.80"),
        # 4 % a month = 48 % a year; 2 × 12 = 24; 千分之二十二 = 2.2 % a month, × 12 = 26.4; 1分8厘 a year = 18 %.
        ("月息费率为4％", "month", "4", "48.00"),
        ("每月以2%计息", "month", "2", "24.00"),
        ("按照千分之二十二支付月息", "month", "2.2", "26.40"),
        ("年息1分8厘", "year", "18", "18.00"),
    ],
)
def test_rate_forms(text: str, period: str, percent: str, annual: str) -> None:
    (rate,) = values(text, "rate")
    assert (rate["period"], rate["percent"], rate["annual_percent"]) == (period, percent, annual)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("借期一年", "2021-03-05", "2022-03-04"),
        ("借期六个月", "2021-03-05", "2021-09-04"),
        ("借期一个月", "2023-01-20", "2023-02-19"),
        ("借期两年", "2021-07-07", "2023-07-06"),
        ("借款期限为30天", "2021-03-05", "2021-04-03"),
        # 一年半 = 18 months: 2019-04-01 + 18 months = 2020-10-01, the day before → 2020-09-30
        ("借款期限一年半", "2019-04-01", "2020-09-30"),
        ("一年半内归还", "2019-04-01", "2020-09-30"),
    ],
)
def test_duration_term_end(text: str, start: str, end: str) -> None:
    (duration,) = values(text, "duration")
    assert add_term(start, duration) == end


def test_id_check_digit() -> None:
    assert valid_id_number("320509198001020317")
    assert not valid_id_number("320509198001020318")
    assert id_check_digit("31022919700917046") == "X"
    assert values("号码31022919700917046X。", "id_number") == ["31022919700917046X"]
    assert values("号码320509198001020318。", "id_number") == []


def test_phones() -> None:
    assert values("电话13912345678，座机0512-63001234", "phone") == ["13912345678", "0512-63001234"]
    assert values("号码139123456789", "phone") == []


_ALPHABET = st.sampled_from(list("0123456789０１２.,，年月日号元万亿角分厘整人民币¥￥%％‰百千万分之息利率借期个天半一二两三十〇○零伍拾佰仟壹贰 \n\t\u3000XxABC-/：:同"))
_TEXTS = st.one_of(st.text(), st.lists(_ALPHABET, max_size=60).map("".join))


@pytest.mark.parametrize("kind", sorted(RECOGNISERS))
@settings(max_examples=150, deadline=None)
@given(text=_TEXTS)
def test_recogniser_offsets_point_at_the_match(kind: str, text: str) -> None:
    for mention in RECOGNISERS[kind](text):
        assert 0 <= mention.start < mention.end <= len(text)
        assert text[mention.start : mention.end] == mention.text


@settings(max_examples=200, deadline=None)
@given(text=_TEXTS)
def test_normalised_offsets_map_back_to_the_original(text: str) -> None:
    norm = normalise(text)
    for mention in recognise(norm.text):
        start, end = norm.span(mention.start, mention.end)
        assert 0 <= start < end <= len(text)
        original = text[start:end]
        # The original span holds the same characters apart from folded widths and dropped spaces.
        assert normalise(original).text == mention.text

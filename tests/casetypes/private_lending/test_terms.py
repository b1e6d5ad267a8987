"""Which dates state the agreed term (engine/casetypes/private_lending/terms.py), and the real-data gold's
stricter reading of a due date that only a paper written after default states."""

from __future__ import annotations

import pytest

from engine.casetypes.private_lending.realdata import adapt_to_real_conventions
from engine.casetypes.private_lending.terms import states_a_delivery, states_the_rate, states_the_term
from engine.extraction.api import extract_text
from engine.system import default_system


def _states(sentence: str, date: str, value: str, later_papers: bool = True) -> bool:
    start = sentence.index(date)
    return states_the_term(sentence, start, start + len(date), value, later_papers)


@pytest.mark.parametrize(
    ("sentence", "date", "value", "expected"),
    [
        ("被告向原告借款5万元，约定2015年9月1日前归还。", "2015年9月1日", "2015-09-01", True),
        ("被告向原告借款5万元，并承诺于2015年9月1日前归还。", "2015年9月1日", "2015-09-01", True),
        ("借款期限为3个月，自2014年4月19日起至2014年7月18日，借款期限届满后未还。", "2014年7月18日", "2014-07-18", True),
        ("原告诉称，被告借款10万元，借款自2015年1月1日至2015年12月31日,月利率2%。", "2015年12月31日", "2015-12-31", True),
        # the clause is about interest, a guarantee, a condition
        ("约定按月付息，2015年6月30日前支付第一期利息。", "2015年6月30日", "2015-06-30", False),
        ("被告丙某提供担保，担保期限至2017年3月1日。", "2017年3月1日", "2017-03-01", False),
        ("双方约定如被告在2020年5月1日前未能开工，则立即归还借款。", "2020年5月1日", "2020-05-01", False),
        # a later event: a demand, a repayment agreement, a bare promise
        ("原告委托律师发函，限被告于2017年3月15日前还款。", "2017年3月15日", "2017-03-15", False),
        ("借款到期后被告未还，双方签订还款协议，约定被告于2017年6月30日前还清。", "2017年6月30日", "2017-06-30", False),
        ("2016年1月1日，被告承诺于2016年6月30日前还清。", "2016年6月30日", "2016-06-30", False),
        # a time the clause starts with, a year of a festival
        ("至2016年3月31日，被告尚欠原告借款本金6万元。", "2016年3月31日", "2016-03-31", False),
        ("2016年6月以前，被告每月均按时给付利息。", "2016年6月", "2016-06", False),
        ("口头约定2019年春节前归还。", "2019年", "2019", False),
    ],
)
def test_states_the_term(sentence: str, date: str, value: str, expected: bool) -> None:
    assert _states(sentence, date, value) is expected


LATER_IOU = "经双方对账，被告向原告出具欠条一张，载明“今欠甲某借款伍万元整，于2022年6月30日前还清”。"


def test_a_later_iou_states_the_term_only_for_the_team_convention() -> None:
    assert _states(LATER_IOU, "2022年6月30日", "2022-06-30") is True
    assert _states(LATER_IOU, "2022年6月30日", "2022-06-30", later_papers=False) is False


def test_the_real_data_conventions_drop_a_term_from_a_later_iou() -> None:
    text = "原告甲某诉称：2021年4月1日，被告乙某向原告借款5万元。2022年1月5日，" + LATER_IOU
    predicted = extract_text(default_system(), text, "private_lending", "complaint")
    assert predicted["elements"]["term_end"]["value"] == "2022-06-30"
    assert "term_end" not in adapt_to_real_conventions(predicted)["elements"]
    agreed = extract_text(default_system(), "原告甲某诉称：2021年4月1日，被告乙某向原告借款5万元，约定2021年10月1日前归还。",
                          "private_lending", "complaint")
    assert adapt_to_real_conventions(agreed)["elements"]["term_end"]["value"] == "2021-10-01"


def test_real_conventions_drop_a_term_computed_from_a_duration_read_in_its_sentence() -> None:
    # 一个月 alone is no duration for the recogniser; in its sentence (…一个月后归还) it is, so the term the
    # team corpus computes (2015-02-16 + one month, minus a day) is not the real gold's explicit date.
    text = "原告甲某诉称：被告乙某于2015年2月16日向原告借款1万元，借款口头约定一个月后归还。"
    predicted = extract_text(default_system(), text, "private_lending", "complaint")
    assert predicted["elements"]["term_end"]["value"] == "2015-03-15"
    assert "term_end" not in adapt_to_real_conventions(predicted)["elements"]


@pytest.mark.parametrize(
    ("sentence", "date", "following", "expected"),
    [
        ("2015年3月1日，被告向原告借款5万元。", "2015年3月1日", None, True),
        ("被告以房产作抵押，于2013年8月22日向原告借款100万元。", "2013年8月22日", None, True),
        ("分别于2012年6月17日、2012年8月30日分两次借甲某现金3万元。", "2012年6月17日", "2012年8月30日", True),
        ("被告于2016年1月1日向原告支付利息2000元。", "2016年1月1日", None, False),
        ("被告丙于2015年3月1日为该借款提供担保。", "2015年3月1日", None, False),
        ("该公司成立于2010年，此后向原告借款。", "2010年", None, False),
        ("2014年被告因购房需要，于2015年3月1日向原告借款5万元。", "2014年", "2015年3月1日", False),
    ],
)
def test_states_a_delivery(sentence: str, date: str, following: str | None, expected: bool) -> None:
    start = sentence.index(date)
    after = sentence.index(following) if following else None
    assert states_a_delivery(sentence, start, start + len(date), after) is expected


@pytest.mark.parametrize(
    ("sentence", "rate", "expected"),
    [
        ("被告向原告借款5万元，约定月利率2%，逾期按月利率3%计算。", "月利率2%", True),
        ("被告向原告借款5万元，约定按照月利率2%的标准支付逾期利息。", "月利率2%", False),
        ("被告向原告借款5万元，约定以月利率2%作为违约金。", "月利率2%", False),
        ("借款到期后被告未还，双方约定此后按月息2分计息。", "月息2分", False),
        ("未约定利息。原告要求按月利率2%计算利息。", "月利率2%", False),
    ],
)
def test_states_the_rate(sentence: str, rate: str, expected: bool) -> None:
    start = sentence.index(rate)
    assert states_the_rate(sentence, start, start + len(rate)) is expected

"""The complaint's numbered claims (engine/extraction/claims.py `numbered_items`, read on the complaint Document) and
an answer's 第N项请求 (engine/extraction/claimrefs.py), on team-written text."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from engine.extraction.claimrefs import claim_references
from engine.extraction.claims import numbered_items
from engine.extraction.pipeline import analyse
from engine.system import default_system

Items = Callable[[str], dict[int, str]]


@pytest.fixture(scope="module")
def items() -> Callable[[str], dict[int, str]]:
    casetype = default_system().casetype("labor_dispute")
    return lambda complaint: numbered_items(analyse(casetype, complaint, "complaint"))


def test_the_claims_list_after_the_asking_words_not_the_reasons_list(items: Items) -> None:
    complaint = ("原告诉称：理由如下：1、依据某纪要第14、15条规定，被告不应获得二倍工资；2、原告已按时发放工资。"
                 "故请求判令：1、原告无需支付被告二倍工资4400元；2、本案诉讼费由被告承担。")
    assert items(complaint) == {1: "原告无需支付被告二倍工资4400元；", 2: "本案诉讼费由被告承担"}


def test_chinese_and_bracketed_numbers(items: Items) -> None:
    assert items("诉讼请求：一、支付工资3000元；二、支付加班费500元。") == {1: "支付工资3000元；", 2: "支付加班费500元"}
    assert items("要求判令：（1）支付工资3000元；（2）支付加班费500元。") == {1: "支付工资3000元；", 2: "支付加班费500元"}
    # a bracketed number after a comma still starts an item (a bare 2、 there may be 2、3月份)
    assert items("要求判令：（1）支付工资3000元，（2）支付加班费500元。") == {1: "支付工资3000元，", 2: "支付加班费500元"}


def test_no_numbered_claims(items: Items) -> None:
    assert items("请求判令被告支付经济补偿金10000元。") == {}
    assert items("事实如下：被告于2019年入职。1、2两月工资未发。") == {}  # no claims section: no items


def test_an_item_whose_words_start_with_a_figure(items: Items) -> None:
    # 2、2014年度十三薪: the mark is followed by a year, still item 2
    complaint = "原告诉至法院，请求判令被告支付：1、赔偿金9000元；2、2014年度十三薪5400元。"
    assert items(complaint) == {1: "赔偿金9000元；", 2: "2014年度十三薪5400元"}


def test_a_numbered_party_label_is_no_item(items: Items) -> None:
    # 被告一、被告二 inside item 2 names the defendants; it starts no new list
    complaint = ("诉讼请求：\n1.判令被告一支付原告赔偿金40800元；\n2.判令被告一、被告二支付原告加班费7450元；\n"
                 "3.诉讼费由两被告承担。\n")
    assert items(complaint) == {1: "判令被告一支付原告赔偿金40800元；\n", 2: "判令被告一、被告二支付原告加班费7450元；\n",
                                3: "诉讼费由两被告承担"}


def test_an_unmarked_first_item_before_item_two(items: Items) -> None:
    # 如下费用，1.工资…: the 1. follows a comma, so item 1 is the words before 2.
    complaint = "诉讼请求：要求被告支付如下费用，1.工资11400元；2.防暑降温费444.9元；3.经济补偿金17100元。"
    assert items(complaint) == {1: "诉讼请求：要求被告支付如下费用，1.工资11400元；", 2: "防暑降温费444.9元；",
                                3: "经济补偿金17100元"}


def test_references_need_a_claim_word() -> None:
    text = "同意原告第一项诉讼请求，不同意第2项请求；诉讼请求第三项无依据。仲裁裁决第一项认定错误。"
    assert [number for number, _, _ in claim_references(text)] == [1, 2, 3]
    number, start, end = claim_references(text)[1]
    assert (number, text[start:end]) == (2, "第2项请求")


def test_a_list_or_a_range_of_numbers_names_each_claim() -> None:
    assert [n for n, _, _ in claim_references("不同意原告第一、二项诉讼请求。")] == [1, 2]
    assert [n for n, _, _ in claim_references("原告第二至四项请求无依据。")] == [2, 3, 4]
    assert [n for n, _, _ in claim_references("第1和第3项请求。")] == [1, 3]

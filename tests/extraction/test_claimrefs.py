"""The complaint's numbered claims and an answer's 第N项请求 (engine/extraction/claimrefs.py), on team-written text."""

from __future__ import annotations

from engine.extraction.claimrefs import claim_items, claim_references


def test_the_claims_list_after_the_asking_words_not_the_reasons_list() -> None:
    complaint = ("原告诉称：理由如下：1、依据某纪要第14、15条规定，被告不应获得二倍工资；2、原告已按时发放工资。"
                 "故请求判令：1、原告无需支付被告二倍工资4400元；2、本案诉讼费由被告承担。")
    assert claim_items(complaint) == {1: "原告无需支付被告二倍工资4400元；", 2: "本案诉讼费由被告承担"}


def test_chinese_and_bracketed_numbers() -> None:
    assert claim_items("诉讼请求：一、支付工资3000元；二、支付加班费500元。") == {1: "支付工资3000元；", 2: "支付加班费500元"}
    assert claim_items("要求判令：（1）支付工资3000元，（2）支付加班费500元。") == {1: "支付工资3000元，", 2: "支付加班费500元"}


def test_no_numbered_claims() -> None:
    assert claim_items("请求判令被告支付经济补偿金10000元。") == {}
    assert claim_items("事实如下：被告于2019年入职。1、2两月工资未发。") == {}  # a 1 not after asking words


def test_references_need_a_claim_word() -> None:
    text = "同意原告第一项诉讼请求，不同意第2项请求；诉讼请求第三项无依据。仲裁裁决第一项认定错误。"
    assert [number for number, _, _ in claim_references(text)] == [1, 2, 3]
    number, start, end = claim_references(text)[1]
    assert (number, text[start:end]) == (2, "第2项请求")


def test_a_list_or_a_range_of_numbers_names_each_claim() -> None:
    assert [n for n, _, _ in claim_references("不同意原告第一、二项诉讼请求。")] == [1, 2]
    assert [n for n, _, _ in claim_references("原告第二至四项请求无依据。")] == [2, 3, 4]
    assert [n for n, _, _ in claim_references("第1和第3项请求。")] == [1, 3]

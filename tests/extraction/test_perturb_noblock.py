"""The `noblock` rewrite (engine/extraction/perturb.py): a complaint without its party block, the shape of a
judgment's 诉称段, with the gold of the parties it no longer names unscored. Team-written texts, expected gold by hand."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from engine.extraction.perturb import KINDS, Perturbation, Rewriter, party_block_end, perturb_noblock

TYPES = {"plaintiffs": "party_list", "defendants": "party_list", "guarantors": "name_list",
         "loan_amount": "money", "facts": "text"}

BLOCK = ("原告：周晓燕，女，1979年3月2日出生，汉族，住嘉善县魏塘街道。\n"
         "被告：钱国强，男，1975年8月9日出生，汉族，住嘉善县西塘镇。\n"
         "被告：沈丽，女，1977年1月5日出生，汉族，住址同上。\n")
STATEMENT = ("原告周晓燕诉称：2020年5月1日，被告钱国强向原告借款80000元，由吴建华担保，约定同年12月31日前归还。"
             "现请求判令被告钱国强归还借款80000元。")
GOLD = {"plaintiffs": [{"name": "周晓燕"}], "defendants": [{"name": "钱国强"}, {"name": "沈丽"}],
        "guarantors": ["吴建华"], "loan_amount": "80000.00", "facts": "被告钱国强向原告借款80000元"}


def _noblock(text: str, gold: dict) -> tuple[tuple[str, ...], dict] | None:
    return perturb_noblock((text,), gold, TYPES, random.Random(0))


def test_the_block_goes_and_the_parties_no_longer_named_are_unscored() -> None:
    result = _noblock(BLOCK + STATEMENT, GOLD)
    assert result is not None
    (text,), gold = result
    assert text == STATEMENT
    # 沈丽 is named only in the block: the defendants are unscored; the plaintiff, the guarantor and the
    # other elements are still said by the statement and keep their values.
    assert gold == {"plaintiffs": [{"name": "周晓燕"}], "guarantors": ["吴建华"], "loan_amount": "80000.00",
                    "facts": "被告钱国强向原告借款80000元"}


def test_a_party_list_every_name_of_which_stays_is_kept_wrapped_or_plain() -> None:
    statement = "原告周晓燕诉称：被告钱国强、沈丽系夫妻，二人于2020年5月1日向原告借款80000元。"
    gold = {"plaintiffs": {"value": [{"name": "周晓燕"}]}, "defendants": {"value": [{"name": "钱国强"}, {"name": "沈丽"}]}}
    assert _noblock(BLOCK + statement, gold) == ((statement,), gold)


def test_the_claims_heading_of_a_model_complaint_starts_what_stays() -> None:
    # A complaint on the model text: the block, then 诉讼请求： on its own line; the plaintiff signs at the end.
    body = "诉讼请求：\n1．判令被告归还借款80000元。\n事实与理由：被告钱国强向原告借款。\n\n具状人：周晓燕\n"
    (text,), gold = _noblock("民事起诉状\n" + BLOCK + body, GOLD)  # type: ignore[misc]
    assert text == body
    assert set(gold) == {"plaintiffs", "loan_amount", "facts"}  # 沈丽 and 吴建华 are no longer written


def test_statement_opened_by_a_claim_to_the_court() -> None:
    statement = "原告周晓燕向本院提出诉讼请求：判令被告钱国强、沈丽归还借款80000元。"
    (text,), _ = _noblock(BLOCK + statement, GOLD)  # type: ignore[misc]
    assert text == statement


def test_skipped_with_no_block_no_statement_or_an_answer() -> None:
    # Already a 诉称段: nothing precedes the statement.
    assert _noblock(STATEMENT, GOLD) is None
    # A party block and then no statement of the plaintiff.
    assert _noblock(BLOCK + "2020年5月1日，被告钱国强向原告借款80000元。", GOLD) is None
    # An answer: its block ends at 辩称.
    answer = "答辩人：钱国强，男，1975年8月9日出生，汉族，住嘉善县西塘镇。\n答辩人钱国强辩称：原告诉称的借款不属实。"
    assert _noblock(answer, GOLD) is None
    # An answer read with the complaint it replies to is not rewritten.
    assert perturb_noblock((answer, BLOCK + STATEMENT), GOLD, TYPES, random.Random(0)) is None
    assert party_block_end(BLOCK + STATEMENT) == len(BLOCK)


def test_the_rewriter_counts_skips_and_names_what_it_unscored() -> None:
    rewrite = Rewriter(Perturbation(("noblock",)))
    rewrite("a", (BLOCK + STATEMENT,), GOLD, TYPES)
    rewrite("b", (STATEMENT,), GOLD, TYPES)
    assert rewrite.unscored == {"a": frozenset({"defendants"})}
    assert rewrite.summary()["perturbation"]["skipped"] == {"noblock": 1}
    assert rewrite.summary()["perturbation"]["unscored"] == {"a": ["defendants"]}
    assert "noblock" in KINDS


ROLE_LINES = st.sampled_from([
    "原告：周晓燕，女，汉族，住嘉善县魏塘街道。", "被告：钱国强，男，1975年8月9日出生，住嘉善县西塘镇。",
    "被告：嘉善某某建材有限公司，住所地嘉善县惠民街道。", "法定代表人：沈丽，该公司经理。",
    "委托诉讼代理人：吴建华，浙江某某律师事务所律师。", "第三人：陆某某，男，住嘉善县。",
])
OPENINGS = st.sampled_from(["原告周晓燕诉称：", "原告向本院提出诉讼请求：", "诉讼请求：\n", "原告周晓燕向本院提出诉讼请求："])
BODY = st.text(alphabet="被告钱国强向原告借款约定归还利息，。；2020年5月1日80000元现请求判令", min_size=0, max_size=80)


FIRST_LINES = st.sampled_from(["原告：周晓燕，女，汉族，住嘉善县魏塘街道。", "原告周晓燕，女，1979年3月2日出生，住嘉善县。",
                               "被告：钱国强，男，1975年8月9日出生，住嘉善县西塘镇。"])


@given(FIRST_LINES, st.lists(ROLE_LINES, max_size=5), OPENINGS, BODY)
@settings(max_examples=150, deadline=None)
def test_nothing_after_the_block_changes(first: str, lines: list[str], opening: str, body: str) -> None:
    # A party block opens with a party's line (原告：… / 被告：…); its other lines may be any of the block's.
    block = "\n".join([first, *lines]) + "\n"
    result = _noblock(block + opening + body, {"loan_amount": "80000.00"})
    assert result is not None
    (text,), gold = result
    assert text == opening + body
    assert gold == {"loan_amount": "80000.00"}


def test_a_kept_party_list_is_ordered_as_the_passage_calls_them() -> None:
    # The block listed 钱国强 first; the passage calls 沈丽 被告 first (the CAIL2021 order: first called 被告, text order).
    statement = ("原告周晓燕向本院提出诉讼请求：判令二被告偿还借款。事实和理由：被告沈丽与被告钱国强系夫妻，"
                 "2020年5月1日被告钱国强向原告借款80000元。")
    gold = {"defendants": [{"name": "钱国强"}, {"name": "沈丽"}], "plaintiffs": [{"name": "周晓燕"}]}
    (_, new_gold) = _noblock(BLOCK + statement, gold)  # type: ignore[misc]
    assert new_gold["defendants"] == [{"name": "沈丽"}, {"name": "钱国强"}]
    # The claims, written first, call them first.
    statement = ("原告周晓燕向本院提出诉讼请求：判令被告钱国强、沈丽偿还借款。事实和理由：被告沈丽向原告借款80000元。")
    assert _noblock(BLOCK + statement, gold)[1]["defendants"] == [{"name": "钱国强"}, {"name": "沈丽"}]  # type: ignore[index]
    # Nobody called 被告 by name: the order of the 诉请.
    statement = "原告周晓燕诉称：沈丽系借款人，请求判令钱国强、沈丽共同偿还借款80000元。"
    assert _noblock(BLOCK + statement, gold)[1]["defendants"] == [{"name": "钱国强"}, {"name": "沈丽"}]  # type: ignore[index]


def test_a_list_only_partly_called_by_its_role_is_unscored() -> None:
    # 钱国强 is called 被告, 沈丽 only 担保人: the passage does not say who all the defendants are (CAIL2021).
    statement = "原告周晓燕诉称：被告钱国强向原告借款80000元，担保人沈丽签字。请求判令二被告偿还借款。"
    gold = {"defendants": [{"name": "钱国强"}, {"name": "沈丽"}], "plaintiffs": [{"name": "周晓燕"}]}
    assert _noblock(BLOCK + statement, gold)[1] == {"plaintiffs": [{"name": "周晓燕"}]}  # type: ignore[index]
    # One defendant, never called 被告 by name, is still said (借款人钱国强).
    gold = {"defendants": [{"name": "钱国强"}]}
    statement = "原告周晓燕诉称：借款人钱国强向原告借款80000元。请求判令被告偿还借款。"
    assert _noblock(BLOCK + statement, gold)[1] == gold  # type: ignore[index]

"""What real complaints and answers write, on short synthetic pleadings (names and figures made up)."""

from __future__ import annotations

from typing import Any

import pytest

from engine.casetypes.private_lending.realdata import adapt_to_real_conventions
from engine.extraction.api import extract_text
from engine.extraction.normalise import normalise
from engine.extraction.realdata import complaint_part
from engine.extraction.recognisers import recognise
from engine.system import default_system

SYSTEM = default_system()

HEAD = "原告：甲某，男，1970年1月1日出生，汉族，住某市。\n被告：乙某，男，1980年2月2日出生，汉族，住某市。\n"


def complaint(claims: str, facts: str = "2020年3月5日，被告向原告借款5万元，原告当日转账交付。") -> dict[str, Any]:
    return extract_text(SYSTEM, f"{HEAD}诉讼请求：{claims}\n事实与理由：{facts}\n", "private_lending")["elements"]


def interest(claims: str, facts: str | None = None) -> dict[str, Any]:
    elements = complaint(claims) if facts is None else complaint(claims, facts)
    return elements["claim_interest"]["value"]


def annual(value: dict[str, Any]) -> str | None:
    return value["rate"]["annual_percent"] if value["rate"] else None


# ---- interest claims -------------------------------------------------------------------------


def test_rate_and_start_before_until_paid_phrase_naming_the_debt() -> None:
    value = interest("1.判令被告归还借款本金5万元，并按照年利率24%的标准支付原告自2020年6月10日起至被告实际还清"
                     "全部欠款之日的利息，该利息暂计至2021年11月9日为12000元；2.诉讼费由被告负担。")
    assert annual(value) == "24.00"
    assert value["start_date"] == "2020-06-10"
    assert value["end"] == "until_paid"  # 暂计至… dates the amount, the claim runs until paid
    assert value["amount"] == "12000.00"


def test_interest_from_the_loan_day_is_the_loan_date() -> None:
    value = interest("1.判令被告归还借款5万元，并按月利率2%自借款之日起计算至还清之日止支付利息。")
    assert (annual(value), value["start_date"], value["end"]) == ("24.00", "2020-03-05", "until_paid")


def test_bracket_after_the_interest_keyword_belongs_to_it() -> None:
    value = interest("1.判令被告归还借款50000元及利息（以本金50000元为基数，按照年利率12%，自2021年1月1日起计算"
                     "至付清之日止）。")
    assert value["base"] == "50000.00"
    assert (annual(value), value["start_date"]) == ("12.00", "2021-01-01")
    assert complaint("1.判令被告归还借款50000元及利息（以本金50000元为基数，按照年利率12%计算）。")[
        "claim_principal"]["value"] == "50000.00"


def test_amount_then_bracket_and_comma_between_date_and_keyword() -> None:
    value = interest("1.判令被告偿还借款本金3万元、利息900元（本金3万元按月利率1%计算自2021年6月11日至"
                     "2021年9月10日止）。")
    assert (value["amount"], annual(value), value["start_date"]) == ("900.00", "12.00", "2021-06-11")
    value = interest("1.判令被告偿还借款本金15万元，并支付自2020年10月21日起，至款付清之日止以月利率2分计算的利息。")
    assert (annual(value), value["start_date"], value["end"]) == ("24.00", "2020-10-21", "until_paid")


def test_a_rate_multiplied_is_a_formula_not_a_rate() -> None:
    value = interest("1.判令被告按年利率百分之六的四倍标准支付借款利息，自2020年6月30日起至2021年7月29日止。")
    assert value["rate"] is None and value["start_date"] == "2020-06-30"


def test_interest_after_a_day_starts_the_next_day() -> None:
    value = interest("1.判决被告偿还原告借款85000元并支付2020年11月30日之后的利息（按月利率1%计算至清偿之日止）。")
    assert (annual(value), value["start_date"]) == ("12.00", "2020-12-01")


def test_a_typo_date_is_not_a_start_date() -> None:
    value = interest("1.判令被告偿还借款50000元，并从2016年9日1日起到履行完毕之日止以月利率3%支付利息。")
    assert (annual(value), value["start_date"], value["end"]) == ("36.00", None, "until_paid")


def test_clarified_claim_replaces_the_interest_details() -> None:
    value = interest("1.判令被告归还借款5万元并支付利息；2.诉讼费由被告负担。诉讼过程中，原告明确第1项诉讼请求中的"
                     "利息按月利率2%自2020年4月1日起至借款还清之日止支付。")
    assert (annual(value), value["start_date"]) == ("24.00", "2020-04-01")


def test_changed_claims_replace_principal_and_drop_interest() -> None:
    elements = complaint("判令被告偿还借款30000元及自起诉之日起至款还清之日止按年利率6%计付的利息。审理中，原告变更"
                         "诉讼请求为判令被告偿还借款本金14000元。")
    assert elements["claim_principal"]["value"] == "14000.00"
    assert "claim_interest" not in elements


def test_withdrawn_part_of_the_principal() -> None:
    elements = complaint("要求判令被告偿还借款本金105000元。庭审后，原告撤回了其中50000元借款本金及利息的诉讼请求。")
    assert elements["claim_principal"]["value"] == "55000.00"


def test_principals_of_separate_items_add_up_but_a_guaranteed_sum_does_not() -> None:
    elements = complaint("1、判令被告偿还借款本金15万元；2、判令被告偿还借款本金3万元。")
    assert elements["claim_principal"]["value"] == "180000.00"
    elements = complaint("1、判决被告归还原告借款本金及利息；2、被告乙某承担归还借款本金计20万元的连带清偿责任。")
    assert "claim_principal" not in elements


def test_penalty_per_day_is_not_interest_in_the_real_data_convention() -> None:
    text = f"{HEAD}原告诉至法院，要求被告偿还借款5000元并给付违约金（自2021年3月12日起按每日100元计算至判决给付之日）。"
    predicted = extract_text(SYSTEM, text, "private_lending")
    overdue = predicted["elements"]["claim_overdue_interest"]["value"]
    assert overdue["amount"] is None  # so much a day is not an amount
    assert "claim_interest" not in adapt_to_real_conventions(predicted)["elements"]


def test_a_defendant_only_asked_for_joint_liability_is_no_guarantor_in_the_real_data_convention() -> None:
    head = HEAD + "被告：丙某，男，1981年3月3日出生，汉族，住某市。\n"
    facts = "2020年3月5日，被告乙某向原告借款5万元。"
    joint = extract_text(SYSTEM, f"{head}诉讼请求：1.判令被告乙某归还借款5万元；2.被告丙某对上述债务承担连带清偿责任。\n"
                                 f"事实与理由：{facts}\n", "private_lending")
    # The team corpus reads the claim's guarantee defendant as the guarantor; the real-data gold does not.
    assert joint["elements"]["guarantors"]["value"] == ["丙某"]
    assert "guarantors" not in adapt_to_real_conventions(joint)["elements"]
    worded = extract_text(SYSTEM, f"{head}诉讼请求：1.判令被告乙某归还借款5万元；2.被告丙某对上述债务承担连带保证责任。\n"
                                  f"事实与理由：{facts}\n", "private_lending")
    assert adapt_to_real_conventions(worded)["elements"]["guarantors"]["value"] == ["丙某"]


# ---- facts -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("facts", "expected"),
    [
        ("2020年3月5日，被告向原告借款5万元，约定2020年底前还清。", "2020-12-31"),
        ("2020年3月5日，被告向原告借款5万元，按约定，应当于2020年10月25日前归还。", "2020-10-25"),
        ("2020年3月5日，被告向原告借款5万元，归还期限至2020年7月29日。", "2020-07-29"),
    ],
)
def test_term_end_stated(facts: str, expected: str) -> None:
    assert complaint("判令被告归还借款5万元。", facts)["term_end"]["value"] == expected


@pytest.mark.parametrize(
    "facts",
    [
        "2020年3月5日，被告向原告借款5万元。借款利息已付至2020年12月6日。",
        "2020年3月5日，被告向原告借款5万元。2021年3月5日双方签订补充协议，约定将借款延期至2022年11月2日。",
        "2020年3月5日至同年5月5日，被告先后向原告借款5万元。",
        "2020年3月5日，被告向原告借款5万元，被告仅支付了截止至2020年10月份的利息。",
    ],
)
def test_unrelated_until_and_before_are_not_the_term(facts: str) -> None:
    assert "term_end" not in complaint("判令被告归还借款5万元。", facts)


def test_year_end_dates() -> None:
    found = [m.value for m in recognise(normalise("2012年底前还清，2013年末结算").text, ["date"])]
    assert found == ["2012-12-31", "2013-12-31"]


@pytest.mark.parametrize(
    ("facts", "expected"),
    [
        ("2020年5月21日，被告向原告借款50000元，2020年11月4日被告再次向原告借款10000元。", "60000.00"),
        ("2020年9月10日，被告向原告借款人民币100000元，同年9月20日又向原告借款人民币50000元。", "150000.00"),
        ("被告分别于2020年7月28日、2020年8月30日向原告借款30000元、30000元。", "60000.00"),
        ("2020年3月5日，被告借原告本金50000元。", "50000.00"),
    ],
)
def test_several_loans_add_up(facts: str, expected: str) -> None:
    assert complaint("判令被告归还借款。", facts)["loan_amount"]["value"] == expected


def test_a_first_loan_said_to_be_again_is_not_doubled() -> None:
    facts = "2020年12月13日被告再次向原告借款400万元，原告当日转账交付，被告收到该400万元借款后出具借条。"
    assert complaint("判令被告归还借款。", facts)["loan_amount"]["value"] == "4000000.00"


@pytest.mark.parametrize(
    "facts",
    [
        "2020年3月5日，被告向原告借款5万元，约定借款期限为十个月。2020年6月28日被告前往原告家商量还款。",
        "2011年至2014年之间，被告多次向原告借款，共计5万元。",
    ],
)
def test_dates_followed_by_going_or_between_are_not_the_term(facts: str) -> None:
    elements = extract_text(SYSTEM, f"{HEAD}诉讼请求：判令被告归还借款5万元。\n事实与理由：{facts}\n", "private_lending")[
        "elements"]
    assert elements.get("term_end", {}).get("value") not in ("2020-06-28", "2014")


@pytest.mark.parametrize(
    "facts",
    [
        "2021年5月4日，双方签订了《借款协议》，约定被告借原告本金50000元。",
        "截止2021年4月24日，被告累计欠原告借款本金170000元。",
    ],
)
def test_signing_and_cut_off_dates_are_not_the_delivery(facts: str) -> None:
    assert "delivery_date" not in complaint("判令被告归还借款。", facts)


def test_claims_inside_a_facts_sentence_do_not_feed_the_facts() -> None:
    facts = ("2020年3月5日，被告向原告借款3000元。为此原告诉至法院，请求判令被告归还借款本金3000元，支付利息"
             "（利息按月利率2%计算至2021年12月2日）。")
    text = f"{HEAD}原告诉称：{facts}\n"
    elements = extract_text(SYSTEM, text, "private_lending")["elements"]
    assert "interest_rate" not in elements
    assert elements["claim_interest"]["value"]["rate"]["annual_percent"] == "24.00"


def test_guarantor_named_by_担保_and_not_a_possessive() -> None:
    text = ("原告：甲某。\n被告：乙公司。\n被告：丙公司。\n事实与理由：2020年3月20日，被告乙公司向原告借款98万元，"
            "并由被告丙公司担保。\n")
    assert extract_text(SYSTEM, text, "private_lending")["elements"]["guarantors"]["value"] == ["丙公司"]
    text = ("原告：甲某。\n被告：乙某。\n被告：丙某。\n事实与理由：2020年3月20日，被告乙某向原告借款5万元。"
            "被告丙某作为一般保证人，应在被告乙某的财产依法强制执行仍不能履行债务时承担保证责任。\n")
    assert extract_text(SYSTEM, text, "private_lending")["elements"]["guarantors"]["value"] == ["丙某"]


# ---- parties and the complaint part ------------------------------------------------------------


def names(text: str, role: str = "defendants") -> list[str]:
    return [p["name"] for p in extract_text(SYSTEM, text, "private_lending")["elements"][role]["value"]]


def test_parties_run_together_without_stops() -> None:
    text = "原告吴某被告吴某被告付某\n\n原告诉称：被告向原告借款5万元。"
    assert names(text, "plaintiffs") == ["吴某"]
    assert names(text) == ["吴某", "付某"]


def test_party_after_a_comma_and_an_alias_in_brackets() -> None:
    text = ("原告张某1，1991年8月17日出生，汉族，住某市，被告黎某1，男，1989年9月20日出生，住某县，\n\n"
            "原告张某1诉称，被告黎某1从原告处借走26000元。")
    assert names(text) == ["黎某1"]
    text = "原告周某1。被告某某制冷设备有限公司（以下简称某某公司）法定代表人陈某1。\n\n原告周某1诉称：借款10万元。"
    assert names(text) == ["某某制冷设备有限公司"]


def test_two_parties_with_the_same_masked_name_both_stay() -> None:
    text = ("原告刘某1，男，住某市。被告张某1，男，汉族，住甲镇。被告张某1，女，汉族，住乙镇。\n\n"
            "原告刘某1诉称，被告向原告借款50万元。")
    assert names(text) == ["张某1", "张某1"]


def test_an_agents_mandate_to_change_claims_stays_in_the_party_block() -> None:
    text = ("原告：陶某1，男。委托诉讼代理人：余某，法律工作者。代理权限：特别授权，即代为承认、放弃、变更诉讼请求。"
            "被告：杨某1，女。\n\n陶某1向本院提出诉讼请求：1、判令杨某1偿还借款170000元。")
    assert names(text) == ["杨某1"]


def test_complaint_part_stops_at_any_defence_or_finding() -> None:
    assert complaint_part("原告诉称：借款5万元。王某1答辩称：只借了3万元。") == "原告诉称：借款5万元。王某1"
    assert complaint_part("原告诉称：借款5万元。经审理，本院确认如下事实：") == "原告诉称：借款5万元。"


# ---- answers ---------------------------------------------------------------------------------

ANSWER_HEAD = "民事答辩状\n答辩人：乙某，男，住某市。\n被答辩人：甲某，男，住某市。\n答辩人就被答辩人诉答辩人民间借贷纠纷一案，答辩如下：\n"


def answer(body: str) -> dict[str, tuple[str, Any]]:
    elements = extract_text(SYSTEM, f"{ANSWER_HEAD}{body}\n此致\n某某人民法院\n答辩人：乙某\n", "private_lending",
                            "answer")["elements"]
    return {eid: (e["position"], e["value"]) for eid, e in elements.items() if "position" in e}


def test_answer_asserts_what_was_received_and_repaid() -> None:
    found = answer("一、对双方签订《借款合同》、约定借款10万元、借期一年的事实无异议。\n"
                   "二、答辩人实际收到的借款为95000元，而非100000元。\n"
                   "三、答辩人已经归还2万元，而非被答辩人所说的1万元。故答辩人尚欠本金仅为75000元。")
    assert found["contract_form"] == ("admit", None)
    assert found["loan_amount"] == ("admit", None)
    assert found["term_end"] == ("admit", None)
    assert found["delivered_amount"] == ("contest", "95000.00")
    assert found["repaid_principal"] == ("contest", "20000.00")
    assert found["outstanding_principal"] == ("contest", "75000.00")
    assert found["claim_principal"] == ("contest", "75000.00")


def test_answer_guarantee_way_in_a_neutral_clause_of_a_contesting_item() -> None:
    found = answer("一、答辩人在合同上签字时，双方约定的保证方式系一般保证，答辩人只在借款人不能清偿时才承担责任；"
                   "答辩人依法享有先诉抗辩权，不应承担连带清偿责任。")
    assert found["guarantee_type"] == ("contest", "general")
    assert found["claim_guarantee"][0] == "contest"


def test_answer_figures_of_the_other_side_and_promises_are_not_asserted() -> None:
    found = answer("一、被答辩人称答辩人仅支付利息3850元与事实不符。答辩人每月支付利息641.67元，共计12个月，合计7700元。\n"
                   "二、答辩人愿意归还借款本金1.2万元。")
    assert found["repaid_interest"] == ("contest", "7700.00")
    assert "repaid_principal" not in found
    assert found["claim_principal"] == ("admit", None)


def test_answer_repayments_add_up_and_the_last_date_is_kept() -> None:
    found = answer("一、答辩人在2022年5月20日归还本金40000元后，又于2022年8月1日以现金方式归还本金20000元。")
    assert found["repaid_principal"] == ("contest", "60000.00")
    assert found["last_repayment_date"] == ("contest", "2022-08-01")


def test_answer_bool_and_rate_cap_argument() -> None:
    found = answer("一、本案借款不属于夫妻共同债务。\n二、双方从未约定过利息，本来就是无息借款。\n"
                   "三、月利率1.5%超过一年期贷款市场报价利率的四倍，超过部分不应支持。")
    assert found["spouse_joint_debt"] == ("contest", False)
    assert found["interest_agreed"] == ("contest", False)
    assert found["claim_interest"] == ("contest", None)
    assert "interest_rate" not in found  # the cap argument objects to the claim, not to the agreed rate


def test_answer_header_line_does_not_end_the_body() -> None:
    text = ("民事答辩状\n答辩人：乙某，男。\n被答辩人：甲某，男。\n答辩人与被答辩人民间借贷纠纷一案，答辩如下：\n"
            "第一，借条是答辩人所写，但答辩人实际只收到4万元现金。\n")
    elements = extract_text(SYSTEM, text, "private_lending", "answer")["elements"]
    assert elements["contract_form"]["position"] == "admit"
    assert (elements["delivered_amount"]["position"], elements["delivered_amount"]["value"]) == ("contest", "40000.00")

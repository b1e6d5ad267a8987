"""买卖合同纠纷 judgments, drafted and reopened with python-docx, section by section.

Every figure is computed by hand from the statute in the test's comment. The one-year LPR is the
table's (parameters/lpr.yaml, FACTS.md §5): 3.45% from 2024-02-20 to 2024-07-21.
"""

from __future__ import annotations

from typing import Any

from engine.drafting.build import build_judgment
from engine.system import default_system
from tests.casetypes.drafts import case_file, party, reasoning_text, starting  # noqa: F401 - used by the tests below
from tests.casetypes.drafts import lines_of as draft_lines

SYSTEM = default_system()
SELLER = party("苏州甲纺织有限公司", "legal", "沈甲")
BUYER = party("嘉兴乙服饰有限公司", "legal", "周乙")
DAY_RATE = {"raw": "每日万分之五", "period": "day", "percent": "0.05", "annual_percent": "18.00"}


def make_case(complaint: dict[str, Any], answer: dict[str, tuple[str, Any]] | None = None,
              findings: dict[str, Any] | None = None, plaintiff: dict[str, Any] = SELLER,
              defendant: dict[str, Any] = BUYER, filing: str = "2025-04-19") -> dict[str, Any]:
    """A case file as `yaosu case new` writes it: ``answer`` maps an id to (admit|contest, value)."""
    # The required elements (model text no. 06 items 2, 3, 4, 8) with neutral values unless the test sets them.
    complaint = {"sellers": [SELLER["name"]], "buyers": [BUYER["name"]], "goods": "涤纶面料",
                 "total_price": "200000.00", "delivered": True, "paid_amount": "0.00", **complaint}
    meta = {"case_year": 2025, "case_seq": 88, "filing_date": filing, "procedure": "simple",
            "public_hearing": True, "absent": [], "judge": "王审判", "clerk": "李书记",
            "judgment_date": "2025-06-10"}
    return case_file("sale_contract", "wujiang", plaintiff, defendant, complaint, meta,
                     answer=answer, findings=findings)


def lines_of(case: dict[str, Any], court: str = "wujiang") -> list[str]:
    return draft_lines(case, court)


def priced(**extra: Any) -> dict[str, Any]:
    """100000 owed since 2024-04-19 on a 200000 sale delivered 2024-03-20."""
    return {"claim_price": "100000.00", "total_price": "200000.00", "paid_amount": "100000.00",
            "outstanding_amount": "100000.00", "payment_due_date": "2024-04-19", "delivery_date": "2024-03-20",
            "delivered": True, "goods": "涤纶面料", **extra}


def test_day_rate_penalty_reduced_to_lpr_times_one_and_a_half() -> None:
    # 民法典第五百八十五条第二款; 合同编通则解释第六十四条 (asked by 抗辩), 第六十五条 (30% over the loss).
    # Breach from 2024-04-20 (the day after the due date) to the filing date 2025-04-19: 365 days.
    # Agreed: 100000 × 0.05% × 365 = 18250.00.
    # Loss at LPR×1.5: LPR on 2024-04-20 = 3.45%, × 1.5 = 5.175%; 100000 × 5.175% × 365 ÷ 365 = 5175.00.
    # 30% line: 5175 × 1.3 = 6727.50 < 18250 → 过分高于 → reduced to the 5.175% standard.
    complaint = priced(penalty_rate=DAY_RATE, claim_penalty={
        "amount": None, "base": "100000.00", "rate": DAY_RATE, "start_date": "2024-04-20", "end": "until_paid"})
    # The answer's own request (an assertion without a position) is enough; no finding is needed for it.
    case = make_case(complaint, answer={"claim_penalty": ("contest", None), "penalty_reduction_requested": (
        None, True)}, findings={"penalty_lpr_multiple": "1.5"})
    lines = lines_of(case)
    assert lines[:3] == ["江苏省苏州市吴江区人民法院", "民事判决书", "（2025）苏0509民初88号"]
    reasoning = reasoning_text(lines)
    assert "18,250.00" in reasoning and "5,175.00" in reasoning
    assert "5175 × 1.3 = 6,727.50" in reasoning
    assert "超过损失的百分之三十" in reasoning
    basis = starting(lines, "依照")[0]
    assert "《中华人民共和国民法典》第五百七十七条、第五百八十五条" in basis
    assert "合同编通则若干问题的解释》第六十四条、第六十五条" in basis
    orders = starting(lines, "二、")
    assert orders == [
        "二、被告嘉兴乙服饰有限公司于本判决生效之日起十日内支付原告苏州甲纺织有限公司逾期付款违约金（以100,000元为基数，"
        "自2024年4月20日起按年利率5.175%（2024年4月20日一年期贷款市场报价利率3.45%的1.5倍）计算至实际清偿之日止）；"
    ]
    assert starting(lines, "一、")[0].endswith("货款100,000元；")
    assert starting(lines, "三、") == ["三、驳回原告苏州甲纺织有限公司的其他诉讼请求。"]


def test_agreed_penalty_kept_when_no_reduction_is_asked() -> None:
    # 民法典第五百八十五条第二款: the court reduces only 根据当事人的请求; no answer → the agreed 日万分之五.
    complaint = priced(penalty_rate=DAY_RATE, claim_penalty={
        "amount": None, "base": "100000.00", "rate": DAY_RATE, "start_date": "2024-04-20", "end": "until_paid"})
    lines = lines_of(make_case(complaint))
    assert starting(lines, "二、")[0].endswith("逾期付款违约金（以100,000元为基数，自2024年4月20日起按日0.05%计算至实际清偿之日止）。")
    assert "100000 × 0.05% × 365 = 18,250.00" in reasoning_text(lines)
    assert not starting(lines, "三、")


def test_sale_without_a_penalty_clause_gets_the_lpr_loss() -> None:
    # 买卖合同解释第十八条第四款: no agreed penalty, breach after 2019-08-20 → one-year LPR at the breach
    # plus 30–50%. Due 2024-06-30, breach from 2024-07-01 (LPR 3.45%), × 1.3 = 4.485%.
    # To the filing date 2024-12-31: 184 days (31+31+30+31+30+31); 50000 × 4.485% × 184 ÷ 365 = 1130.47.
    complaint = {"claim_price": "50000.00", "outstanding_amount": "50000.00", "payment_due_date": "2024-06-30",
                 "delivered": True, "claim_penalty": {"amount": None, "base": "50000.00", "rate": None,
                                                      "start_date": "2024-07-01", "end": "until_paid"}}
    case = make_case(complaint, findings={"penalty_lpr_multiple": "LPR×1.3"}, filing="2024-12-31")
    lines = lines_of(case)
    reasoning = reasoning_text(lines)
    assert "50000 × 4.485% × 184 ÷ 365 = 1,130.47" in reasoning
    assert "加计30%" in reasoning
    assert "买卖合同纠纷案件适用法律问题的解释》第十八条第四款" in starting(lines, "依照")[0]
    assert starting(lines, "二、")[0].endswith(
        "逾期付款违约金（以50,000元为基数，自2024年7月1日起按年利率4.485%（2024年7月1日一年期贷款市场报价利率3.45%的1.3倍）"
        "计算至实际清偿之日止）。")
    # Without the judge's multiple the order waits and the drafter is told what to fill in.
    judgment = build_judgment(SYSTEM, make_case(complaint, filing="2024-12-31"), "wujiang")
    assert any("LPR倍数" in w for w in judgment.warnings)
    assert "待认定" in judgment.orders[1]


def test_quality_objection_out_of_time_is_deemed_acceptance() -> None:
    # 民法典第六百二十一条第一款: received 2024-03-20, inspection period 7 days counted from the next day
    # (第二百零一条) → ends 2024-03-27; the objection of 2024-05-10 is late → deemed to conform.
    complaint = priced(inspection_period_days=7)
    answer = {"quality_objection": ("contest", "面料色差严重"), "quality_objection_date": ("contest", "2024-05-10")}
    case = make_case(complaint, answer=answer, findings={"quality_objection": "面料色差严重",
                                                         "quality_objection_date": "2024-05-10"})
    lines = lines_of(case)
    reasoning = reasoning_text(lines)
    assert "约定检验期限7天，自次日起算，至2024年3月27日届满" in reasoning
    assert "视为标的物的数量或者质量符合约定" in reasoning
    assert "被告以标的物质量问题为由拒付货款的抗辩，本院不予采纳" in reasoning
    assert "《中华人民共和国民法典》" in starting(lines, "依照")[0] and "第六百二十一条" in starting(lines, "依照")[0]
    assert lines[lines.index(starting(lines, "依照")[0]) + 1].endswith("货款100,000元。")


def test_quality_objection_in_time_leaves_the_price_to_the_judge() -> None:
    # Same contract; an objection on 2024-03-25 is within the period ending 2024-03-27.
    case = make_case(priced(inspection_period_days=7), findings={"quality_objection": "色差",
                                                                 "quality_objection_date": "2024-03-25"})
    judgment = build_judgment(SYSTEM, case, "wujiang")
    assert any("在检验期限内通知了出卖人" in r for r in judgment.reasoning)
    assert any("须由审判员认定" in w for w in judgment.warnings)


def _deposit_case(choice: str | None) -> dict[str, Any]:
    # A buyer paid a 20000 定金 on a 100000 sale (20% — the cap of 民法典第五百八十六条 exactly) and the
    # seller never delivered; the contract also fixes a 30000 违约金. The buyer claims both.
    complaint = {"claim_deposit": "40000.00", "deposit": "20000.00", "total_price": "100000.00",
                 "penalty_amount": "30000.00", "delivered": False,
                 "claim_penalty": {"amount": "30000.00", "base": None, "rate": None, "start_date": None, "end": None}}
    findings = {"deposit_or_penalty_choice": choice} if choice else {}
    return make_case(complaint, findings=findings, plaintiff=BUYER, defendant=SELLER)


def test_deposit_or_penalty_not_both() -> None:
    # 民法典第五百八十八条: one or the other. Choice not made → the larger one is listed (违约金 30000 >
    # 定金 20000) and the drafter is told to ask the buyer to choose; the double-deposit claim fails.
    case = _deposit_case(None)
    lines = lines_of(case)
    reasoning = reasoning_text(lines)
    assert "二者不能并用" in reasoning
    assert starting(lines, "一、") == [
        "一、被告苏州甲纺织有限公司于本判决生效之日起十日内支付原告嘉兴乙服饰有限公司违约金30,000元；"]
    assert starting(lines, "二、") == ["二、驳回原告嘉兴乙服饰有限公司的其他诉讼请求。"]
    assert not [line for line in lines if "返还" in line and line.startswith(("一、", "二、"))]
    assert "2.判令被告苏州甲纺织有限公司支付原告嘉兴乙服饰有限公司违约金（30,000元）；" in lines
    assert any("释明" in w for w in build_judgment(SYSTEM, case, "wujiang").warnings)
    assert "第五百八十八条" in starting(lines, "依照")[0]


def test_deposit_chosen_returns_double_and_drops_the_penalty() -> None:
    # The buyer chooses 定金: the seller returns it twice, 20000 × 2 = 40000 (民法典第五百八十七条); no 违约金.
    lines = lines_of(_deposit_case("deposit"))
    assert starting(lines, "一、") == [
        "一、被告苏州甲纺织有限公司于本判决生效之日起十日内双倍返还原告嘉兴乙服饰有限公司定金40,000元；"]
    assert not [line for line in lines if "违约金30,000" in line]
    assert "违约金不能并用" in reasoning_text(lines)


def test_lawyer_fee_only_when_agreed_and_the_fee_for_each_court() -> None:
    # 律师费 contested and not agreed → rejected. Fee (诉讼费用交纳办法第十三条): claimed 100000 + 8000 =
    # 108000 → 50 + 90000 × 2.5% + 8000 × 2% = 2460, halved for 简易程序 (第十六条) = 1230.
    case = make_case(priced(claim_costs="8000.00"), answer={"claim_costs": ("contest", None)})
    for court, appeal in (("qingpu", "上海市第二中级人民法院"), ("wujiang", "江苏省苏州市中级人民法院"),
                          ("jiashan", "浙江省嘉兴市中级人民法院")):
        lines = lines_of(case, court)
        assert "双方未约定由违约方承担实现债权的费用" in reasoning_text(lines)
        fee = starting(lines, "案件受理费")[0]
        assert fee.startswith("案件受理费2,460元，减半收取计1,230元")
        assert starting(lines, "如不服本判决")[0].endswith(f"上诉于{appeal}。")


def test_reduced_to_a_percentage_the_judge_types() -> None:
    # The judge types 年利率6% (the rate value type reads it). Loss 100000 × 6% × 365 ÷ 365 = 6000.00;
    # 6000 × 1.3 = 7800.00 < 18250.00 (the agreed 日万分之五 over 365 days) → reduced to 6000.00.
    from engine.case.findings import set_findings

    complaint = priced(penalty_rate=DAY_RATE, claim_penalty={
        "amount": None, "base": "100000.00", "rate": DAY_RATE, "start_date": "2024-04-20", "end": "until_paid"})
    case = make_case(complaint, answer={"penalty_reduction_requested": (None, True)})
    case = set_findings(SYSTEM, case, {"调整后的违约金标准": "年利率6%"})
    lines = lines_of(case)
    assert "6000 × 1.3 = 7,800.00" in reasoning_text(lines)
    assert starting(lines, "二、")[0].endswith("自2024年4月20日起按年利率6%计算至实际清偿之日止）；")


def test_claims_and_facts_sections() -> None:
    # 诉讼请求 numbered in the order of the table; 事实和理由 from the complaint's fact elements.
    lines = lines_of(make_case(priced()))
    claims = lines.index("原告苏州甲纺织有限公司向本院提出诉讼请求：")
    assert lines[claims + 1] == "1.判令被告嘉兴乙服饰有限公司支付原告苏州甲纺织有限公司货款100,000元；"
    assert lines[claims + 2] == "2.本案诉讼费用由被告负担。"
    facts = lines[claims + 3]
    assert facts.startswith("事实和理由：") and "合同总价款为200,000元" in facts and "付款期限为2024年4月19日" in facts

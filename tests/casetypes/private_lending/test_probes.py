"""One probe case file per defect of issue 9 (probes/*.json), drafted and asserted section by section.

Each probe is a valid case file (checked first); the assertion says what the judgment must now do.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from engine.case.merge import merge_elements
from engine.case.validate import validate_case
from engine.drafting.content import Judgment
from tests.casetypes.private_lending._cases import SYSTEM, draft

PROBES = Path(__file__).parent / "probes"


def load(name: str) -> dict[str, Any]:
    return json.loads((PROBES / f"{name}.json").read_text(encoding="utf-8"))


def interest_order(judgment: Judgment, what: str = "利息") -> str:
    return next(o for o in judgment.orders if f"支付原告张三{what}" in o)


@pytest.mark.parametrize("path", sorted(PROBES.glob("*.json")), ids=lambda p: p.stem)
def test_every_probe_is_a_valid_case_file(path: Path) -> None:
    assert validate_case(SYSTEM, json.loads(path.read_text(encoding="utf-8"))) == []


def test_01_an_overdue_order_always_has_a_start() -> None:
    judgment = draft(load("01_overdue_no_start"))
    assert "自（起算日待认定）起" in interest_order(judgment, "逾期利息")
    assert any("起算日" in w for w in judgment.warnings)


def test_02_no_interest_agreed_overdue_at_the_lpr_of_the_time() -> None:
    """第二十八条第二款第（一）项: LPR of 2022-05-20, 3.70% — not 4 × LPR."""
    judgment = draft(load("02_no_interest_agreed_overdue"))
    assert "按年利率3.70%" in interest_order(judgment, "逾期利息")
    assert "15.40%" not in interest_order(judgment, "逾期利息")


def test_03_a_2019_loan_is_split_at_2020_08_20() -> None:
    """第三十一条: 20% to 2020-08-19 (under 24%), 4 × 3.85% = 15.40% from 2020-08-20."""
    order = interest_order(draft(load("03_transition_2019_loan")))
    assert "至2020年8月19日止按年利率20.00%计算，自2020年8月20日起按年利率15.40%计算" in order


def test_04_a_month_only_date_still_has_a_cap_and_a_word() -> None:
    """Lowest cap of 2021年12月: 4 × 3.80% = 15.20%, never 24% unsaid."""
    judgment = draft(load("04_month_only_contract_date"))
    assert "按年利率15.20%" in interest_order(judgment)
    assert any("只知为2021年12月" in w for w in judgment.warnings)


def test_05_a_stated_amount_is_checked() -> None:
    """95,000 × 15.40% × 477 ÷ 365 = 19,119.21 < 50,000 stated."""
    judgment = draft(load("05_stated_interest_amount"))
    assert "利息19,119.21元；" in interest_order(judgment)


def test_06_repayments_are_applied_one_by_one() -> None:
    """民法典第五百六十一条, 12% (under 15.40%): 2021-07-31 15,000 − interest 100,000 × 12% × 61 ÷ 365 =
    2,005.48 → principal 87,005.48; 2021-12-31 5,000 − 87,005.48 × 12% × 153 ÷ 365 = 4,376.49 → 86,381.97."""
    judgment = draft(load("06_repayments_ledger"))
    assert "借款本金86,381.97元；" in judgment.orders[0]
    assert "2021年7月31日还款15,000元：抵充利息2,005.48元、本金12,994.52元，尚欠本金87,005.48元、利息0元。" in judgment.reasoning
    assert "2021年12月31日还款5,000元：抵充利息4,376.49元、本金623.51元，尚欠本金86,381.97元、利息0元。" in judgment.reasoning
    assert "自2022年1月1日起按年利率12.00%计算" in interest_order(judgment)
    assert not any("一次抵充" in w for w in judgment.warnings)


def test_07_natural_persons_formed_on_delivery() -> None:
    """民法典第六百七十九条: delivered 2021-12-25 → 4 × 3.80% = 15.20% (signed 2021-12-10 would give 15.40%)."""
    judgment = draft(load("07_natural_persons_delivery"))
    assert "按年利率15.20%" in interest_order(judgment)


def test_08_no_defence_for_a_defendant_who_filed_none() -> None:
    judgment = draft(load("08_defence_only_who_filed"))
    assert judgment.defence[0].startswith("被告李四辩称，")
    assert judgment.defence[1] == "被告苏州A&B贸易有限公司未到庭参加诉讼，亦未提交书面答辩意见。"


def test_09_a_contested_fee_with_the_same_figure_is_disputed() -> None:
    case = load("09_costs_contested_equal_figures")
    casetype = SYSTEM.casetype("private_lending")
    states = merge_elements(casetype, case["complaint"], case["answer"])
    assert states["claim_costs"]["status"] == "disputed"
    case["elements"]["claim_costs"] = states["claim_costs"]
    judgment = draft(case)
    row = next(r for r in judgment.element_rows if r.label == "实现债权的费用")
    assert "双方无争议" not in row.court and row.disputed
    reasons = "".join(judgment.reasoning)
    assert "被告对此有异议（律师费5,000元过高，不应由被告承担），本院认为，（写明认定理由）" in reasons
    case["reasons"]["claim_costs"] = "律师费有委托代理合同和发票为证"
    assert "本院认为，律师费有委托代理合同和发票为证，故本院予以支持" in "".join(draft(case).reasoning)


def test_10_absent_defendants_are_named_and_the_article_cited() -> None:
    judgment = draft(load("10_absent_defendants"))
    assert "被告李四、苏州A&B贸易有限公司经本院传票传唤，无正当理由拒不到庭参加诉讼，本院依法缺席审理。" in judgment.procedure
    assert "第一百四十七条" in judgment.basis
    assert judgment.defence == ["被告李四、苏州A&B贸易有限公司未到庭参加诉讼，亦未提交书面答辩意见。"]


def test_11_claims_restated_as_pleaded() -> None:
    judgment = draft(load("11_claims_as_pleaded"))
    assert judgment.claims[3] == "4.判令被告苏州A&B贸易有限公司对上述债务承担连带清偿责任；"
    assert judgment.claims[-1] == "5.本案诉讼费、保全费由两被告负担。"


def test_12_co_borrowers_ordered_jointly() -> None:
    judgment = draft(load("12_co_borrowers_joint"))
    assert judgment.orders[0].startswith("一、被告李四、王二于本判决生效之日起十日内连带归还原告张三借款本金")


def test_13_findings_need_reasons() -> None:
    judgment = draft(load("13_findings_without_reasons"))
    assert any("（写明认定理由）" in r for r in judgment.reasoning)
    assert any("未写明认定理由" in w for w in judgment.warnings)
    judgment = draft(load("08_defence_only_who_filed"))  # the same findings with reasons
    assert "本院认定为95,000元，理由如下：转账记录显示原告实际转账95,000元。" in "".join(judgment.reasoning)


def test_14_a_small_claim_has_no_appeal() -> None:
    """小额诉讼 (民事诉讼法第一百六十五条): 一审终审; 30,000 + interest + 2,000 is under 74,604 (上海 2024)."""
    judgment = draft(load("14_small_claim"))
    assert judgment.appeal_text == "本判决为终审判决。"
    assert "上诉" not in judgment.appeal_text
    assert not any("超过小额诉讼上限" in w for w in judgment.warnings)


def test_15_a_lapsed_guarantee_period_releases_the_guarantor() -> None:
    """民法典第六百九十二条: due 2022-05-31 + six months → 2022-11-30 (November has no 31st); claimed
    2022-12-01 → 第六百九十三条: released, the claim against the guarantor dismissed."""
    judgment = draft(load("15_guarantee_period_lapsed"))
    assert "四、驳回原告张三对被告苏州A&B贸易有限公司的诉讼请求；" in judgment.orders
    assert not any("追偿" in o for o in judgment.orders)
    assert "第六百九十三条" in judgment.basis


def test_16_a_2019_guarantee_period_is_danbaofa_article_25() -> None:
    """担保法第二十五条 (法释〔2020〕15号第一条): due 2019-08-31 + six months → 2020-02-29 (leap year);
    claimed 2020-03-02 → released."""
    judgment = draft(load("16_guarantee_2019_danbaofa"))
    assert any("保证期间至2020年2月29日届满" in r for r in judgment.reasoning)
    assert "《中华人民共和国担保法》第二十五条" in judgment.basis
    assert any("驳回原告张三对被告苏州A&B贸易有限公司的诉讼请求" in o for o in judgment.orders)


def test_17_a_company_guarantee_without_resolution_and_bad_faith() -> None:
    """公司法（2018年修正）第十六条 for a 2021 guarantee; 担保制度解释第七条: not binding on the company."""
    judgment = draft(load("17_company_guarantee_bad_faith"))
    assert any("驳回原告张三对被告苏州A&B贸易有限公司的诉讼请求" in o for o in judgment.orders)
    assert "《中华人民共和国公司法》第十六条" in judgment.basis
    assert any("原告未要求被告公司提供股东会决议" in r for r in judgment.reasoning)


def test_18_a_joint_marital_debt_is_repaid_jointly() -> None:
    judgment = draft(load("18_spouse_joint_debt"))
    assert judgment.orders[0] == "一、被告李四、王二于本判决生效之日起十日内共同归还原告张三借款本金95,000元；"
    assert "第一千零六十四条" in judgment.basis


def test_19_a_debt_not_joint_dismisses_the_spouse() -> None:
    judgment = draft(load("19_spouse_not_joint"))
    assert judgment.orders[0] == "一、被告李四于本判决生效之日起十日内归还原告张三借款本金95,000元；"
    assert any("驳回原告张三对被告王二的诉讼请求" in o for o in judgment.orders)
    assert any("本院认为，借款用于被告李四个人经营，涉案借款不属于夫妻共同债务" in r for r in judgment.reasoning)


def test_20_two_loans_at_two_rates_two_interest_orders() -> None:
    """Hand-computed in test_ledger_rates.py: loan 1 owes 1,203.29 interest on 30,000 at 12%; loan 2
    17,747.95 at 15% after the 3,000 paid on 2021-06-30 went to it first (第五百六十条第二款)."""
    judgment = draft(load("20_two_loans_two_rates"))
    first, second = (o for o in judgment.orders if "的利息" in o)
    assert "尚欠的利息1,203.29元，及以30,000元为基数，自2021年7月1日起按年利率12.00%计算" in first
    assert "以17,747.95元为基数，自2021年7月1日起按年利率15.00%计算" in second

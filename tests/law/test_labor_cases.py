"""劳动争议 worked examples, computed by hand from 劳动合同法 and its 实施条例 (FACTS.md §7, §9.3).

Service is counted with both the first and the last day included (engine/law/labor.py).
Shanghai 上年度职工月平均工资 (parameters/labor_average_wage.yaml): 2022 12183 → 3× 36549; 2023 12307 → 3× 36921.
Shanghai minimum wage 2740 from 2025-07-01 (沪人社规〔2025〕10号); none known before that day.
"""

from datetime import date
from decimal import Decimal

import pytest

from engine.errors import YaosuError
from engine.law.labor import (
    WageItem,
    award_review,
    compensation_owed,
    double_wage,
    economic_compensation,
    final_award_items,
    illegal_termination,
    labor_case_fee,
    limitation_bars,
    minimum_monthly_wage,
    unpaid_wages,
)
from engine.law.parameters import UnverifiedParameterWarning


def test_n_at_five_years_seven_months() -> None:
    # 第四十七条第一款: 2018-03-01 … 2023-09-30 = 5年7个月; 六个月以上不满一年的按一年 → N = 6.
    # 10000 ≤ 36549 (3 × 2022 Shanghai average) → no cap; 10000 × 6 = 60000.
    result = economic_compensation(Decimal(10000), date(2018, 3, 1), date(2023, 9, 30), court="qingpu")
    assert result.details["service"] == "5年7个月0天" and result.details["months"] == 6
    assert result.amount == Decimal("60000.00")
    assert result.citations == ["《中华人民共和国劳动合同法》第四十七条"]


def test_high_earner_in_shanghai_is_capped_at_three_averages_and_twelve_years() -> None:
    # 第四十七条第二款: 2009-03-01 … 2024-06-30 = 15年4个月 → N = 15.5.
    # 60000 > 3 × 12307 (2023 average, the year before termination) = 36921 → base 36921, at most 12 years.
    # 36921 × 12 = 443052.
    result = economic_compensation(Decimal(60000), date(2009, 3, 1), date(2024, 6, 30), court="qingpu")
    assert result.details["base_wage"] == Decimal(36921) and result.details["months"] == 12
    assert result.amount == Decimal("443052.00")
    assert any("十二年" in s for s in result.steps)


def test_two_n_for_illegal_termination() -> None:
    # 第八十七条; 实施条例第二十五条: 2019-07-01 … 2024-02-29 = 4年8个月 → N = 5 from the start of employment.
    # 12000 ≤ 36921 → no cap; 12000 × 5 × 2 = 120000.
    result = illegal_termination(Decimal(12000), date(2019, 7, 1), date(2024, 2, 29), court="qingpu")
    assert result.amount == Decimal("120000.00") and result.details["months"] == 5
    assert "《中华人民共和国劳动合同法》第八十七条" in result.citations


def test_double_wages_capped_at_eleven_months() -> None:
    # 第八十二条; 实施条例第六条、第七条: employed 2023-04-10, never signed; from the day after one month
    # (2023-05-10) to the day before one year (2024-04-09) = 11 months, however long the employment:
    # 7000 × 11 = 77000.
    result = double_wage(Decimal(7000), date(2023, 4, 10), date(2024, 9, 30))
    assert result.details["from"] == date(2023, 5, 10) and result.details["to"] == date(2024, 4, 9)
    assert result.details["months"] == 11 and result.amount == Decimal("77000.00")


def test_service_before_2008() -> None:
    # 第九十七条第三款: N counts from 2008-01-01 — 2008-01-01 … 2023-12-31 = 16年 → 9000 × 16 = 144000.
    # The years before follow the rules of the time: the court finds 5 months owed → 9000 × 5 = 45000;
    # 144000 + 45000 = 189000.
    args = (Decimal(9000), date(2003, 5, 1), date(2023, 12, 31))
    with_old = economic_compensation(*args, court="qingpu", pre_2008_months=Decimal(5))
    assert with_old.amount == Decimal("189000.00") and with_old.details["pre_2008_amount"] == Decimal(
        "45000.00"
    )
    # None found: only the years from 2008 and a warning; 0: the old law gave none for this ground.
    unknown = economic_compensation(*args, court="qingpu")
    assert unknown.amount == Decimal("144000.00") and unknown.warnings
    none = economic_compensation(*args, court="qingpu", pre_2008_months=Decimal(0))
    assert none.amount == Decimal("144000.00") and not none.warnings
    # 2N counts from the start of employment (实施条例第二十五条): 20年8个月 → 21; 9000 × 21 × 2 = 378000.
    assert illegal_termination(*args, court="qingpu").amount == Decimal("378000.00")


def test_minimum_wage_floor() -> None:
    # 实施条例第二十七条: 2000 < 2740 (Shanghai from 2025-07-01) → 2740. 2023-01-01 … 2025-12-31 = 3年 → 2740 × 3 = 8220.
    # (The 2024 average is unverified and warns; the cap cannot apply anyway.)
    with pytest.warns(UnverifiedParameterWarning):
        result = economic_compensation(Decimal(2000), date(2023, 1, 1), date(2025, 12, 31), court="qingpu")
    assert result.amount == Decimal("8220.00") and result.details["minimum_wage"] == Decimal(2740)
    assert any("劳动合同法实施条例》第二十七条" in c for c in result.citations)


def test_minimum_wage_not_found_for_suzhou_and_jiaxing() -> None:
    assert minimum_monthly_wage("shanghai", date(2025, 7, 1)).value == Decimal(2740)
    for region, name in (("suzhou", "苏州市"), ("jiaxing", "嘉兴市")):
        with pytest.raises(YaosuError) as err:
            minimum_monthly_wage(region, date(2026, 1, 1))
        assert name in err.value.message and "minimum_wage.yaml" in err.value.message


def test_employer_plaintiff_owes_n_but_not_2n() -> None:
    # The award granted 2N: 8000, 2021-01-01 … 2023-06-30 = 2年6个月 → N = 3, 2N = 8000 × 3 × 2 = 48000.
    # The employer sues; the court finds a lawful 第四十条 dismissal: 第四十六条第（三）项 → N, not 2N.
    owed = compensation_owed("employer", "no_fault")
    assert owed.holds is True and owed.details["owed"] == "N"
    n = economic_compensation(Decimal(8000), date(2021, 1, 1), date(2023, 6, 30), court="qingpu")
    assert n.amount == Decimal("24000.00")  # 8000 × 3
    review = award_review({"illegal_termination": Decimal(48000)}, {"economic_compensation": n.amount})
    assert review.amount == Decimal("24000.00")
    assert any("违法解除劳动合同赔偿金" in s and "无需支付" in s for s in review.steps)
    assert review.details["items"][0]["not_owed"] == "48000.00"
    # A 第三十九条 dismissal for the employee's fault gives nothing; an unlawful one 2N (第八十七条).
    assert compensation_owed("employer", "fault").details["owed"] == "none"
    assert compensation_owed("employer", lawful=False).details["owed"] == "2N"
    assert compensation_owed("employer", lawful=False, reinstatement=True).details["owed"] == "reinstate"
    assert compensation_owed("employee", "own").holds is False
    assert compensation_owed("expiry", "not_renewed").details["owed"] == "N"
    with pytest.raises(YaosuError, match="事由"):
        compensation_owed("mutual")


def test_limitation_is_never_applied_of_the_courts_own_motion() -> None:
    # 民法典第一百九十三条: not raised → not applied, however late.
    late = dict(known=date(2020, 3, 1), applied=date(2024, 3, 1))
    assert limitation_bars(False, **late).holds is False
    # 调解仲裁法第二十七条: one year from 2022-03-01 ends 2023-03-01.
    assert limitation_bars(True, known=date(2022, 3, 1), applied=date(2023, 3, 1)).holds is False
    barred = limitation_bars(True, known=date(2022, 3, 1), applied=date(2023, 3, 2))
    assert barred.holds is True and barred.details["deadline"] == date(2023, 3, 1)
    # Wage arrears: no limit during employment; one year from the end (2023-06-30 → 2024-06-30).
    assert (
        limitation_bars(True, known=date(2020, 1, 1), applied=date(2023, 1, 1), wage_arrears=True).holds
        is False
    )
    wages = dict(known=date(2020, 1, 1), wage_arrears=True, employment_end=date(2023, 6, 30))
    assert limitation_bars(True, applied=date(2024, 6, 30), **wages).holds is False
    assert limitation_bars(True, applied=date(2024, 7, 1), **wages).holds is True


def test_unpaid_wages() -> None:
    # 劳动合同法第三十条: (8000 − 3000) + (8000 − 0) = 13000.
    result = unpaid_wages(
        [WageItem("2024年3月", Decimal(8000), Decimal(3000)), WageItem("2024年4月", Decimal(8000))]
    )
    assert result.amount == Decimal("13000.00")


def test_labour_fee_ten_yuan_halved_for_simple_procedure() -> None:
    # 诉讼费用交纳办法第十三条第（四）项: 10元; 第十六条 简易程序减半: 5元.
    assert labor_case_fee().amount == Decimal("10.00")
    assert labor_case_fee(simple_procedure=True).amount == Decimal("5.00")


def test_final_award_per_item() -> None:
    # 调解仲裁法第四十七条第（一）项; 解释（一）第十九条: 12 × 2740 = 32880, item by item.
    assert final_award_items(
        {"unpaid_wages": Decimal(30000), "economic_compensation": Decimal(32880)}, Decimal(2740)
    ).holds
    mixed = final_award_items(
        {"unpaid_wages": Decimal(30000), "illegal_termination": Decimal(40000)}, Decimal(2740)
    )
    assert mixed.holds is False and mixed.details["limit"] == Decimal("32880.00")

"""买卖合同 违约金, hand-computed from the statutes (民法典第五百八十五条、第五百八十八条、第六百二十一条;
合同编通则解释第六十四至六十六条; 买卖合同解释第十八条第四款).

LPR used below (parameters/lpr_1y.yaml, verified): 3.45% published 2023-08-21, in force until 2024-07-21.
Period in every case: price due 2024-03-31 → penalty from 2024-04-01 to 2024-12-31, both days counted:
30+31+30+31+31+30+31+30+31 = 275 days.
"""

from datetime import date
from decimal import Decimal

import pytest

from engine.errors import YaosuError
from engine.law.penalty import (
    PenaltyRate,
    breach_lpr,
    cn_number,
    deposit_or_penalty,
    late_payment_loss,
    parse_penalty_rate,
    penalty_claim,
    quality_deemed_accepted,
    reduced_penalty,
)
from engine.registry import get_calculator

DUE, END = date(2024, 3, 31), date(2024, 12, 31)
BASE = Decimal(100000)


@pytest.mark.parametrize(
    ("raw", "kind", "value"),
    [
        ("日万分之五", "day", Decimal("0.05")),
        ("每日千分之一", "day", Decimal("0.1")),
        ("按日万分之三点五计算", "day", Decimal("0.035")),
        ("0.05%/日", "day", Decimal("0.05")),
        ("年利率18%", "year", Decimal("18")),
        ("每月1%", "month", Decimal("1")),
        ("LPR×1.5", "lpr_multiple", Decimal("1.5")),
        ("lpr*1.3", "lpr_multiple", Decimal("1.3")),
        ("1.5倍LPR", "lpr_multiple", Decimal("1.5")),
        ("LPR上浮50%", "lpr_multiple", Decimal("1.5")),
        ("10000元", "fixed", Decimal("10000")),
        ("违约金2万元", "fixed", Decimal("20000")),
    ],
)
def test_parse_penalty_rate(raw: str, kind: str, value: Decimal) -> None:
    rate = parse_penalty_rate(raw)
    assert (rate.kind, rate.value) == (kind, value)


def test_parse_rate_element_and_bad_text() -> None:
    element = {"raw": "日万分之五", "period": "day", "percent": "0.05", "annual_percent": "18.00"}
    assert parse_penalty_rate(element) == PenaltyRate("day", Decimal("0.05"), "日万分之五")
    assert parse_penalty_rate({"raw": "LPR×1.5"}) == PenaltyRate("lpr_multiple", Decimal("1.5"), "LPR×1.5")
    assert cn_number("十五") == 15 and cn_number("三点五") == Decimal("3.5")
    with pytest.raises(YaosuError, match="按日、按月还是按年"):
        parse_penalty_rate("万分之五")
    with pytest.raises(YaosuError, match="无法识别违约金标准"):
        parse_penalty_rate("按约定")


def test_daily_penalty_reduced_to_lpr_times_one_and_a_half() -> None:
    # 民法典第五百八十五条第二款; 合同编通则解释第六十五条第二款.
    # Agreed: 100000 × 0.05% × 275 = 13750.00.
    # Court: LPR at the breach (2024-04-01) 3.45% × 1.5 = 5.175%/年;
    #   loss = 100000 × 5.175% × 275 ÷ 365 = 1423125 ÷ 365 = 3898.972… → 3898.97.
    # 30% test: 3898.97 × 1.3 = 5068.661 → 5068.66 < 13750.00 → 过分高于 → reduced to 3898.97.
    result = penalty_claim(BASE, DUE, END, "日万分之五", "LPR×1.5")
    assert result.amount == Decimal("3898.97")
    assert result.details["agreed_amount"] == Decimal("13750.00")
    assert result.details["threshold"] == Decimal("5068.66")
    assert result.details["excessive"] is True and result.details["reduced"] is True
    assert any("5,068.66元" in s and "百分之三十" in s for s in result.steps)
    assert "《中华人民共和国民法典》第五百八十五条" in result.citations
    assert any("第六十五条" in c for c in result.citations) and any(
        "第六十四条" in c for c in result.citations
    )


def test_reduction_not_requested_or_malicious_keeps_the_agreed_penalty() -> None:
    lpr = breach_lpr(DUE)
    agreed, court = parse_penalty_rate("日万分之五"), parse_penalty_rate("LPR×1.5")
    # 第五百八十五条第二款 "根据当事人的请求": no request → 13750.00 as agreed, and the court must 释明 (第六十六条).
    kept = reduced_penalty(BASE, DUE, END, agreed, court, lpr=lpr, requested=False)
    assert kept.amount == Decimal("13750.00") and any("释明" in w for w in kept.warnings)
    # 第六十五条第三款: a malicious breaching party's request is generally refused.
    assert reduced_penalty(BASE, DUE, END, agreed, court, lpr=lpr, malicious=True).amount == Decimal(
        "13750.00"
    )


def test_penalty_within_thirty_percent_of_the_loss_is_kept() -> None:
    # Loss found 11000.00 → 11000 × 1.3 = 14300.00 ≥ 13750.00: not 过分高于 (第六十五条第二款).
    lpr = breach_lpr(DUE)
    result = reduced_penalty(
        BASE,
        DUE,
        END,
        parse_penalty_rate("日万分之五"),
        parse_penalty_rate("LPR×1.5"),
        lpr=lpr,
        loss=Decimal(11000),
    )
    assert result.amount == Decimal("13750.00") and result.details["excessive"] is False
    assert result.details["threshold"] == Decimal("14300.00") and result.warnings


def test_sale_without_penalty_clause_uses_lpr_plus_thirty_to_fifty_percent() -> None:
    # 买卖合同解释第十八条第四款: LPR at the breach 3.45% × 1.3 = 4.485%/年;
    # 100000 × 4.485% × 275 ÷ 365 = 1233375 ÷ 365 = 3379.109… → 3379.11.
    result = penalty_claim(BASE, DUE, END, None, multiple=Decimal("1.3"))
    assert result.amount == Decimal("3379.11")
    assert result.citations[0].endswith("第十八条第四款")
    # The same through the judge's notation: × 1.5 → 3898.97 (as above).
    assert penalty_claim(BASE, DUE, END, None, "LPR×1.5").amount == Decimal("3898.97")


def test_multiple_outside_the_statutory_range_is_refused() -> None:
    with pytest.raises(YaosuError, match="1.3至1.5"):
        late_payment_loss(BASE, DUE, END, Decimal("1.6"), breach_lpr(DUE))


def test_breach_before_the_lpr_needs_the_benchmark_rate_that_is_not_in_the_table() -> None:
    # Breach on 2019-08-19: 第十八条第四款 points to the PBOC benchmark, not sourced in FACTS.md.
    with pytest.raises(YaosuError) as err:
        penalty_claim(BASE, date(2019, 8, 18), END, None, multiple=Decimal("1.5"))
    assert "基准利率" in err.value.message and "sale_penalty.yaml" in err.value.message
    # A breach on 2019-08-20 uses the first LPR, 4.25%.
    assert breach_lpr(date(2019, 8, 19)).value == Decimal("4.25")


def test_fixed_penalty() -> None:
    assert penalty_claim(BASE, DUE, END, "10000元").amount == Decimal("10000.00")


def test_deposit_or_penalty_not_both() -> None:
    # 民法典第五百八十六条: 定金 30000 on a 100000 price → only 100000 × 20% = 20000 is 定金.
    # 第五百八十八条: the creditor chooses; unchosen → shown at the larger (20000 > 12000) with a 释明 warning.
    both = deposit_or_penalty(Decimal(30000), Decimal(12000), contract_price=BASE)
    assert both.amount == Decimal("20000.00") and both.details["chosen"] == "deposit"
    assert both.warnings and "第五百八十八条" in both.citations[0]
    chose = deposit_or_penalty(Decimal(30000), Decimal(12000), contract_price=BASE, chosen="penalty")
    assert chose.amount == Decimal("12000.00") and not chose.warnings
    # 第五百八十八条第二款: loss 26000 > 定金 20000 → 20000 + 6000 = 26000.
    topped = deposit_or_penalty(
        Decimal(30000), Decimal(12000), contract_price=BASE, chosen="deposit", loss=Decimal(26000)
    )
    assert topped.amount == Decimal("26000.00") and topped.details["extra_loss"] == Decimal("6000.00")
    # 第五百八十七条: no frustration of purpose → no 定金罚则, only the penalty.
    only = deposit_or_penalty(Decimal(30000), Decimal(12000), purpose_frustrated=False)
    assert only.amount == Decimal("12000.00") and only.details["deposit"] is None
    with pytest.raises(YaosuError, match="第五百八十七条"):
        deposit_or_penalty(Decimal(30000), Decimal(12000), purpose_frustrated=False, chosen="deposit")


def test_quality_objection_out_of_time_is_deemed_acceptance() -> None:
    # 民法典第六百二十一条第一款; 第二百零一条: received 2024-05-01, 15 days from 05-02 → ends 2024-05-16.
    late = quality_deemed_accepted(date(2024, 5, 1), date(2024, 6, 20), 15)
    assert late.holds is True and late.details["deadline"] == date(2024, 5, 16)
    assert "《中华人民共和国民法典》第六百二十一条" in late.citations
    assert quality_deemed_accepted(date(2024, 5, 1), date(2024, 5, 16), 15).holds is False
    assert quality_deemed_accepted(date(2024, 5, 1), None, 15).holds is True
    # 第六百二十一条第二款: no agreed period, two years from receipt (2022-01-10 → 2024-01-10) is the outer limit.
    assert quality_deemed_accepted(date(2022, 1, 10), date(2024, 1, 11)).holds is True
    # Within two years, the reasonable time is the judge's finding.
    assert quality_deemed_accepted(date(2022, 1, 10), date(2022, 3, 1)).holds is None
    assert (
        quality_deemed_accepted(date(2022, 1, 10), date(2022, 3, 1), within_reasonable_time=False).holds
        is True
    )
    # 第三款: a seller who knew of the defect cannot rely on the time limits.
    assert quality_deemed_accepted(date(2024, 5, 1), date(2024, 6, 20), 15, seller_knew=True).holds is False


def test_registered() -> None:
    assert get_calculator("sale_late_payment_loss") is late_payment_loss
    assert get_calculator("sale_penalty_reduction") is reduced_penalty
    assert get_calculator("deposit_or_penalty") is deposit_or_penalty
    assert get_calculator("quality_deemed_accepted") is quality_deemed_accepted

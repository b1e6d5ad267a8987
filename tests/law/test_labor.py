from datetime import date
from decimal import Decimal

import pytest

from engine.errors import YaosuError
from engine.law.labor import (
    Service,
    compensation_months,
    double_wage,
    economic_compensation,
    illegal_termination,
    service_length,
)
from engine.registry import get_calculator
from tests.law._golden import golden_params


@golden_params("labor.yaml")
def test_labor_golden(case: dict) -> None:
    wage = Decimal(case["wage"])
    if case["item"] == "double-wage":
        result = double_wage(wage, case["start"], case["end"], case.get("contract_date"))
    else:
        func = economic_compensation if case["item"] == "compensation" else illegal_termination
        avg = Decimal(case["average_wage"]) if "average_wage" in case else None
        result = func(wage, case["start"], case["end"], court=case.get("court"), average_monthly_wage=avg)
    assert result.amount == Decimal(case["amount"])
    assert result.citations


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (date(2020, 1, 15), date(2021, 1, 14), Service(1, 0, 0)),
        (date(2020, 1, 15), date(2021, 1, 13), Service(0, 11, 30)),
        (date(2020, 1, 15), date(2020, 7, 14), Service(0, 6, 0)),
        (date(2020, 1, 15), date(2020, 1, 15), Service(0, 0, 1)),
    ],
)
def test_service_length_counts_both_days(start: date, end: date, expected: Service) -> None:
    assert service_length(start, end) == expected


@pytest.mark.parametrize(
    ("service", "months"),
    [
        (Service(0, 5, 30), Decimal("0.5")),
        (Service(0, 6, 0), Decimal(1)),
        (Service(3, 0, 0), Decimal(3)),
        (Service(3, 0, 1), Decimal("3.5")),
        (Service(3, 11, 0), Decimal(4)),
    ],
)
def test_compensation_months(service: Service, months: Decimal) -> None:
    assert compensation_months(service)[0] == months


def test_missing_average_wage_says_what_and_how() -> None:
    with pytest.raises(YaosuError) as err:
        economic_compensation(Decimal(8000), date(2020, 1, 1), date(2024, 5, 1), court="wujiang")
    message = err.value.message
    assert "苏州市" in message and "2023" in message and "职工月平均工资" in message
    assert "labor_average_wage.yaml" in message and "--average-wage" in message
    with pytest.raises(YaosuError, match="嘉兴市"):
        illegal_termination(Decimal(8000), date(2020, 1, 1), date(2024, 5, 1), court="jiashan")


def test_missing_average_wage_matters_only_when_the_cap_could_apply() -> None:
    # Shanghai's minimum wage on 2026-05-01 is 2740 (沪人社规〔2025〕10号), so 3 × 2740 = 8220: a wage of 8000
    # cannot exceed 3 × the (higher) average wage, and the missing 2025 average is not needed (第四十七条第二款).
    # 6年4个月 → N = 6.5; 8000 × 6.5 = 52000.
    low = economic_compensation(Decimal(8000), date(2020, 1, 1), date(2026, 5, 1), court="qingpu")
    assert low.amount == Decimal("52000.00") and low.details["average_wage"] is None
    assert any("最低工资标准2740元的三倍（8220元）" in s for s in low.steps)
    with pytest.raises(YaosuError, match="上海市2025年度"):
        economic_compensation(Decimal(9000), date(2020, 1, 1), date(2026, 5, 1), court="qingpu")


def test_pre_2008_years_are_flagged_for_compensation_only() -> None:
    n = economic_compensation(Decimal(10000), date(2005, 1, 1), date(2023, 6, 30), court="qingpu")
    assert n.details["months"] == Decimal(16) and n.warnings
    two_n = illegal_termination(Decimal(10000), date(2005, 1, 1), date(2023, 6, 30), court="qingpu")
    assert two_n.details["months"] == Decimal(19) and not two_n.warnings


def test_double_wage_never_exceeds_eleven_months() -> None:
    result = double_wage(Decimal(5000), date(2022, 3, 31), date(2025, 1, 1))
    assert result.details["months"] == 11 and result.details["days"] == 0
    assert result.amount == Decimal("55000.00")


def test_registered() -> None:
    assert get_calculator("economic_compensation") is economic_compensation
    assert get_calculator("illegal_termination") is illegal_termination
    assert get_calculator("double_wage") is double_wage

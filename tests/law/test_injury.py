from datetime import date
from decimal import Decimal

import pytest

from engine.errors import YaosuError
from engine.law.injury import (
    Dependant,
    age_on,
    compensation_years,
    death_compensation,
    dependant_living_expenses,
    disability_coefficient,
    disability_compensation,
    funeral_expenses,
    lost_earnings,
    nursing_fee,
    standard,
)
from engine.registry import get_calculator
from tests.law._golden import golden_params


def _run(case: dict):
    item = case["item"]
    where = {"court": case.get("court")}
    if item == "disability":
        return disability_compensation(case["age"], case["grade"], case["year"], **where)
    if item == "death":
        return death_compensation(case["age"], case["year"], **where)
    if item == "funeral":
        return funeral_expenses(case["year"], **where)
    if item == "dependants":
        people = [Dependant(age, n) for age, n in case["dependants"]]
        coef = Decimal(case.get("coefficient", "100"))
        return dependant_living_expenses(people, case["year"], **where, coefficient_percent=coef)
    if item == "misswork":
        return lost_earnings(
            case["days"],
            daily_income=Decimal(case["daily_income"]) if "daily_income" in case else None,
            annual_income=Decimal(case["annual_income"]) if "annual_income" in case else None,
        )
    return nursing_fee(case["days"], Decimal(case["daily_rate"]))


@golden_params("injury.yaml")
def test_injury_golden(case: dict) -> None:
    result = _run(case)
    assert result.amount == Decimal(case["amount"])
    assert result.steps and result.citations


@pytest.mark.parametrize(
    ("age", "years"), [(0, 20), (59, 20), (60, 20), (61, 19), (74, 6), (75, 5), (76, 5), (99, 5)]
)
def test_age_rule(age: int, years: int) -> None:
    assert compensation_years(age)[0] == years


def test_grade_coefficients() -> None:
    assert [disability_coefficient(g) for g in range(1, 11)] == [Decimal(p) for p in range(100, 0, -10)]
    with pytest.raises(YaosuError):
        disability_coefficient(11)


def test_age_on_birthday_and_leap_day() -> None:
    assert age_on(date(1964, 5, 1), date(2024, 4, 30)) == 59
    assert age_on(date(1964, 5, 1), date(2024, 5, 1)) == 60
    assert age_on(date(1964, 2, 29), date(2024, 2, 28)) == 59
    assert age_on(date(1964, 2, 29), date(2023, 3, 1)) == 59
    assert age_on(date(1964, 2, 29), date(2024, 2, 29)) == 60


def test_steps_name_the_table_year_and_source() -> None:
    steps = disability_compensation(61, 10, 2024, court="qingpu").steps
    assert "上海市2024年度" in steps[0] and "89477" in steps[0] and "choulvs.cn" in steps[0]
    assert "20 − (61 − 60) = 19年" in steps[1]
    assert steps[-1] == "残疾赔偿金 = 89477 × 19 × 10% = 170,006.30元"


def test_missing_figure_names_province_year_figure_and_how_to_add() -> None:
    with pytest.raises(YaosuError) as err:
        disability_compensation(40, 9, 2025, court="jiashan")
    message = err.value.message
    assert "浙江省" in message and "2025" in message and "城镇居民人均可支配收入" in message
    assert "parameters/injury_standards.csv" in message and "未找到" in message


def test_missing_year_row_is_an_error_too() -> None:
    with pytest.raises(YaosuError, match="江苏省2031年度.*城镇居民人均消费支出.*新增"):
        standard("jiangsu", 2031, "urban_consumption")


def test_missing_funeral_basis_and_zhejiang_consumption() -> None:
    with pytest.raises(YaosuError, match="江苏省2024年度.*职工平均工资"):
        funeral_expenses(2024, court="wujiang")
    with pytest.raises(YaosuError, match="浙江省2024年度.*城镇居民人均消费支出"):
        dependant_living_expenses([Dependant(10)], 2024, court="jiashan")


def test_unknown_court() -> None:
    with pytest.raises(YaosuError, match="未知法院"):
        funeral_expenses(2024, court="pudong")


def test_tort_before_unification_warns() -> None:
    result = death_compensation(40, 2021, court="jiashan", tort_date=date(2021, 3, 1))
    assert result.amount == Decimal("1253980.00")  # 62699 × 20
    assert result.warnings and "2022年5月1日" in result.warnings[0]


def test_registered() -> None:
    for name in (
        "disability_compensation",
        "death_compensation",
        "funeral_expenses",
        "dependant_living_expenses",
        "lost_earnings",
        "nursing_fee",
    ):
        assert get_calculator(name) is not None

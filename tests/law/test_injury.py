"""人身损害赔偿 calculators (法释〔2022〕14号) with the figures looked up from parameters/ (FACTS §6.2, §9.2)."""

from datetime import date
from decimal import Decimal

import pytest

from engine.errors import YaosuError
from engine.law.injury import (
    Dependant,
    age_on,
    compensation_years,
    consumption_standard,
    death_compensation,
    dependant_living_expenses,
    disability_coefficient,
    disability_compensation,
    funeral_expenses,
    funeral_wage,
    given_figure,
    income_standard,
    lost_earnings,
    nursing_fee,
    province_of,
    standard,
)
from engine.registry import get_calculator
from tests.law._golden import golden_params


def _run(case: dict):
    item = case["item"]
    prov = province_of(case["court"]) if "court" in case else ""
    year = case.get("year", 0)
    if item == "disability":
        return disability_compensation(income_standard(prov, year), case["age"], case["grade"])
    if item == "death":
        return death_compensation(income_standard(prov, year), case["age"])
    if item == "funeral":
        wage, unit = funeral_wage(prov, year)
        return funeral_expenses(wage, wage_unit=unit)
    if item == "dependants":
        people = [Dependant(age, n) for age, n in case["dependants"]]
        coef = Decimal(case.get("coefficient", "100"))
        return dependant_living_expenses(consumption_standard(prov, year), people, coefficient_percent=coef)
    if item == "misswork":
        period = "day" if "daily_income" in case else "year"
        income = given_figure(case.get("daily_income") or case["annual_income"], "收入")
        return lost_earnings(case["days"], income, period=period)
    return nursing_fee(case["days"], given_figure(case["daily_rate"], "护工日标准"))


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
    steps = disability_compensation(income_standard("shanghai", 2024), 61, 10).steps
    assert "上海市2024年度" in steps[0] and "89477" in steps[0] and "choulvs.cn" in steps[0]
    assert "20 − (61 − 60) = 19年" in steps[1]
    assert steps[-1] == "残疾赔偿金 = 89477 × 19 × 10% = 170,006.30元"


def test_missing_figure_names_province_year_figure_and_how_to_add() -> None:
    with pytest.raises(YaosuError) as err:
        income_standard("zhejiang", 2025)
    message = err.value.message
    assert "浙江省" in message and "2025" in message and "城镇居民人均可支配收入" in message
    assert "parameters/injury_standards.csv" in message and "未找到" in message
    assert "province=zhejiang, use_year=2025, figure=urban_income" in message


def test_missing_year_row_is_an_error_too() -> None:
    with pytest.raises(YaosuError, match="江苏省2031年度.*城镇居民人均消费支出.*新增"):
        standard("jiangsu", 2031, "urban_consumption")


def test_missing_funeral_basis_is_not_filled_from_another_year() -> None:
    # Jiangsu 2024 wage basis: NOT FOUND (FACTS §9.2) although 2025's exists.
    with pytest.raises(YaosuError, match="江苏省2024年度.*职工平均工资"):
        funeral_wage("jiangsu", 2024)
    with pytest.raises(YaosuError, match="浙江省2024年度.*职工平均工资"):
        funeral_wage("zhejiang", 2024)


def test_unknown_court() -> None:
    with pytest.raises(YaosuError, match="未知法院"):
        province_of("pudong")


def test_registered() -> None:
    for name in (
        "disability_compensation",
        "death_compensation",
        "funeral_expenses",
        "dependant_living_expenses",
        "lost_earnings",
        "nursing_fee",
        "daily_item",
        "traffic_allocation",
    ):
        assert get_calculator(name) is not None

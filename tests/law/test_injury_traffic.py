"""Worked examples for 机动车交通事故 personal-injury items, computed by hand from the statute.

Articles: 法释〔2022〕14号 (人身损害赔偿解释) 第七、八、十、十一、十二、十四、十五、十七、二十二条; 城乡 rules
for torts before 2022-05-01 (FACTS §6.1, §9.2); GB 18667-2002 附录B for several disabilities
(traffic_sales_labour.md §A5). Figures: parameters/injury_standards.csv as sourced in FACTS §6.2/§9.2.
"""

from datetime import date
from decimal import Decimal

import pytest

from engine.errors import YaosuError
from engine.law.injury import (
    Dependant,
    consumption_standard,
    daily_item,
    daily_rate,
    death_compensation,
    dependant_living_expenses,
    disability_compensation,
    disability_index,
    funeral_expenses,
    funeral_wage,
    given_figure,
    income_standard,
    lost_earnings,
    nursing_fee,
    standard_items,
    use_year_for,
)

TORT = date(2023, 5, 1)  # after 2022-05-01: one urban standard for everyone


# 十级伤残, victim aged 40 at 定残, hearing in 2024 (2023 statistics), one child of 10 with two parents.
# 残疾赔偿金 (第十二条) = 城镇居民人均可支配收入 × 20 × 10%:
#   上海 89,477 × 20 × 10% = 178,954.00;  江苏 63,211 × 20 × 10% = 126,422.00;  浙江 74,997 × 20 × 10% = 149,994.00
# 被扶养人生活费 (第十七条) = 城镇居民人均消费支出 × 10% ÷ 2 × (18 − 10 = 8年):
#   上海 54,919 × 10% ÷ 2 = 2,745.95 × 8 = 21,967.60;  江苏 40,461 × 10% ÷ 2 = 2,023.05 × 8 = 16,184.40;
#   浙江 47,762 × 10% ÷ 2 = 2,388.10 × 8 = 19,104.80
@pytest.mark.parametrize(
    ("province", "disability", "dependants"),
    [
        ("shanghai", "178954.00", "21967.60"),
        ("jiangsu", "126422.00", "16184.40"),
        ("zhejiang", "149994.00", "19104.80"),
    ],
)
def test_one_accident_in_three_provinces(province: str, disability: str, dependants: str) -> None:
    result = disability_compensation(income_standard(province, 2024, tort_date=TORT), 40, 10, tort_date=TORT)
    assert result.amount == Decimal(disability)
    assert "第十二条" in result.citations[0]
    child = dependant_living_expenses(
        consumption_standard(province, 2024, tort_date=TORT), [Dependant(10, 2)], coefficient_percent=10
    )
    assert child.amount == Decimal(dependants)


def test_death_with_two_dependants_zhejiang_2023() -> None:
    # 嘉善, hearing in 2023 (2022 statistics), victim died aged 50.
    # 死亡赔偿金 (第十五条) 71,268 × 20 = 1,425,360.00
    # 丧葬费 (第十四条) 2022 非私营单位年平均工资 122,309 ÷ 12 × 6 = 61,154.50
    # 被扶养人生活费 (第十七条), 消费支出 44,511:
    #   child 6, two parents: 12 years at 44,511 ÷ 2 = 22,255.50
    #   mother 70, three children: 20 − (70 − 60) = 10 years at 44,511 ÷ 3 = 14,837.00
    #   years 1–10: 22,255.50 + 14,837.00 = 37,092.50 (≤ 44,511) × 10 = 370,925.00
    #   years 11–12: 22,255.50 × 2 = 44,511.00;  total 415,436.00
    death = death_compensation(income_standard("zhejiang", 2023, tort_date=TORT), 50, tort_date=TORT)
    assert death.amount == Decimal("1425360.00")
    wage, unit = funeral_wage("zhejiang", 2023)
    assert funeral_expenses(wage, wage_unit=unit).amount == Decimal("61154.50")
    living = dependant_living_expenses(
        consumption_standard("zhejiang", 2023, tort_date=TORT),
        [Dependant(6, 2, "子"), Dependant(70, 3, "母")],
    )
    assert living.amount == Decimal("415436.00")
    assert "第1至10年：37092.5 × 10年 = 370,925.00元" in living.steps


def test_funeral_shanghai_2025_monthly_basis() -> None:
    # 上海 2025: 6 × 2023 全口径月平均工资 12,307 = 73,842.00 (FACTS §9.2)
    wage, unit = funeral_wage("shanghai", 2025)
    assert unit == "yuan_per_month"
    assert funeral_expenses(wage, wage_unit=unit).amount == Decimal("73842.00")


# --- torts before 2022-05-01 -----------------------------------------------------------------------

OLD_TORT = date(2021, 3, 1)


def test_shanghai_pilot_uses_resident_figures_for_a_rural_victim() -> None:
    # Shanghai pilot, torts 2020-01-01…2022-04-30: 全市居民人均可支配收入 (FACTS §9.2).
    # Hearing 2023 (2022 data): 79,610 × 20 × 10% = 159,220.00; the 2003 text is cited.
    income = income_standard("shanghai", 2023, tort_date=OLD_TORT, residence="rural")
    result = disability_compensation(income, 40, 10, tort_date=OLD_TORT)
    assert result.amount == Decimal("159220.00")
    assert "全体居民" in result.steps[0] and "试点" in result.steps[0]
    assert "法释〔2003〕20号" in result.citations[0]


def test_shanghai_rural_victim_before_the_pilot_gets_the_rural_figure() -> None:
    # Tort 2019-06-01, rural: 2022 农村常住居民人均可支配收入 39,729 × 20 × 10% = 79,458.00
    income = income_standard("shanghai", 2023, tort_date=date(2019, 6, 1), residence="rural")
    assert disability_compensation(income, 40, 10).amount == Decimal("79458.00")
    with pytest.raises(YaosuError, match="victim_residence"):
        income_standard("shanghai", 2023, tort_date=date(2019, 6, 1))


def test_zhejiang_notice_unifies_on_the_urban_figure() -> None:
    # 浙高法明传〔2021〕158号: urban figure for a rural victim; hearing 2023: 71,268 × 20 × 10% = 142,536.00
    income = income_standard("zhejiang", 2023, tort_date=OLD_TORT, residence="rural")
    assert disability_compensation(income, 40, 10).amount == Decimal("142536.00")
    assert "158号" in income.note
    # Death, hearing 2021 (2020 data): 62,699 × 20 = 1,253,980.00
    death = death_compensation(income_standard("zhejiang", 2021, tort_date=OLD_TORT, residence="rural"), 40)
    assert death.amount == Decimal("1253980.00")


def test_jiangsu_rural_victim_before_2022_is_a_named_error() -> None:
    # Jiangsu's 城乡统一试点 existed but its formula is NOT FOUND (FACTS §6.1): no guess.
    with pytest.raises(YaosuError, match="江苏省.*试点.*未找到.*法官认定"):
        income_standard("jiangsu", 2023, tort_date=OLD_TORT, residence="rural")
    # An urban victim gets the urban figure (60,178), with the caveat stated.
    urban = income_standard("jiangsu", 2023, tort_date=OLD_TORT, residence="urban")
    assert urban.value == Decimal(60178) and "须确认" in urban.note


# --- several disabilities (GB 18667-2002 附录B) ------------------------------------------------------


def test_extra_grades_add_at_most_ten_percent() -> None:
    # 九级 20% + 十级 2% + 十级 2% = 24% (not 40%)
    assert disability_index(9, [2, 2])[0] == Decimal(24)
    # 五级 60% + 5% + 5% + 5% = 15% → capped at 10%: 70%
    assert disability_index(5, [5, 5, 5])[0] == Decimal(70)
    # 一级 100% + 5% → at most 100%
    assert disability_index(1, [5])[0] == Decimal(100)
    # 上海 2024, aged 40: 89,477 × 20 × 24% = 429,489.60
    result = disability_compensation(income_standard("shanghai", 2024), 40, 9, extra_indices=[2, 2])
    assert result.amount == Decimal("429489.60")
    with pytest.raises(YaosuError, match="0%至10%"):
        disability_index(9, [12])


# --- which year: 第二十二条 and Jiangsu's switch date -------------------------------------------------


def test_use_year_follows_hearing_end_and_jiangsu_notice_date() -> None:
    assert use_year_for("shanghai", date(2024, 1, 5))[0] == 2024
    # 苏高法电〔2024〕128号 of 2024-03-08: before it the 2023 figures still apply.
    assert use_year_for("jiangsu", date(2024, 3, 7))[0] == 2023
    assert use_year_for("jiangsu", date(2024, 3, 8))[0] == 2024
    with pytest.raises(YaosuError, match="2025年的通知日期未找到.*switch.jiangsu.dates"):
        use_year_for("jiangsu", date(2025, 6, 30))


# --- 误工费, 护理费 and the per-day items ---------------------------------------------------------------


def test_lost_earnings_monthly_and_trade_average() -> None:
    # 第七条: 6,000元/月 × 12 ÷ 365 × 73天 = 14,400.00
    income = given_figure("6000", "月收入（工资流水）")
    assert lost_earnings(73, income, period="month").amount == Decimal("14400.00")
    # Trade average wage (no data in parameters/: the judge's figure): 91,250 ÷ 365 × 40 = 10,000.00
    trade = given_figure("91250", "同行业上一年度职工平均工资", "本院认定（统计公报）")
    result = lost_earnings(40, trade, period="year", basis="trade_average")
    assert result.amount == Decimal("10000.00") and "相同或者相近行业" in result.steps[1]


def test_nursing_by_carer_income() -> None:
    # 第八条: carer earns 80,300元/年: 80,300 ÷ 365 × 30 = 6,600.00
    rate = given_figure("80300", "护理人员年收入")
    assert nursing_fee(30, rate, period="year", basis="carer_income").amount == Decimal("6600.00")


def test_zhejiang_daily_rates_are_data_marked_secondary() -> None:
    # 浙江高院 2022-08-22 指引 [S]: 住院伙食补助费 100元/天 × 15 = 1,500.00; 营养费 30元/天 × 60 = 1,800.00
    meal = daily_rate("zhejiang", "hospital_meal", date(2023, 6, 30))
    assert meal.status == "secondary"
    assert daily_item("hospital_meal", 15, meal).amount == Decimal("1500.00")
    assert daily_item(
        "nutrition", 60, daily_rate("zhejiang", "nutrition", date(2023, 6, 30))
    ).amount == Decimal("1800.00")
    # Before the 指引 there is no rate in the table: an error, not the later figure.
    with pytest.raises(YaosuError, match="2022-08-22"):
        daily_rate("zhejiang", "hospital_meal", date(2022, 8, 1))


@pytest.mark.parametrize(
    ("province", "item"), [("shanghai", "hospital_meal"), ("jiangsu", "nutrition"), ("zhejiang", "nursing")]
)
def test_daily_rate_not_found_requires_the_judges_figure(province: str, item: str) -> None:
    with pytest.raises(YaosuError, match="须由法官认定日标准.*injury_daily_rates.yaml"):
        daily_rate(province, item, date(2024, 6, 30))


def test_unverified_figure_warns_in_the_result() -> None:
    # Shanghai 2026 funeral basis 12,434 is inferred from the two-year lag: flagged unverified.
    with pytest.warns(UserWarning):
        wage, unit = funeral_wage("shanghai", 2026)
    result = funeral_expenses(wage, wage_unit=unit)
    assert result.amount == Decimal("74604.00")  # 12,434 × 6
    assert result.warnings and "未经核实" in result.warnings[0]


def test_standard_items_of_one_case_keep_going_past_a_missing_figure() -> None:
    # 吴江, victim born 1980-07-01 died 2024-05-01 (aged 43), hearing 2024-06-30 (after 苏高法电〔2024〕128号):
    # 死亡赔偿金 63,211 × 20 = 1,264,220.00; 丧葬费: Jiangsu 2024 wage basis NOT FOUND → named error;
    # 被扶养人 child born 2014-05-02 is 9 on 2024-05-01: 9 years × 40,461 ÷ 2 = 20,230.50 → 182,074.50
    items = standard_items(
        province="jiangsu",
        victim_birth=date(1980, 7, 1),
        on=date(2024, 5, 1),
        hearing_end=date(2024, 6, 30),
        tort_date=date(2024, 4, 20),
        death=True,
        dependants=[(date(2014, 5, 2), 2, "子")],
    )
    assert items["death_compensation"].amount == Decimal("1264220.00")
    assert "苏高法电〔2024〕128号" in items["death_compensation"].steps[0]
    assert isinstance(items["funeral_expenses"], YaosuError)
    assert "江苏省2024年度" in items["funeral_expenses"].message
    assert items["dependents_living"].amount == Decimal("182074.50")

"""交强险 → 商业三者险 → 侵权人 allocation, by hand.

Rules: 民法典第一千二百一十三条; 道路交通安全法第七十六条; 道交解释第十三条 (精神损害 first), 第十六条
(未投保), 第十八条 (several vehicles), 第十九条 (several victims); limits by accident date
(traffic_sales_labour.md §A1.2), items by sub-limit (§A1.3).
"""

import json
from datetime import date
from decimal import Decimal as D
from pathlib import Path

import pytest
from typer.testing import CliRunner

from engine.errors import YaosuError
from engine.law.cli import calc_app
from engine.law.compulsory_insurance import (
    Advance,
    Vehicle,
    Victim,
    allocate,
    appraisal_fee_bearer,
    compulsory_limits,
    item_groups,
)

ACCIDENT = date(2023, 5, 1)
GROUPS = item_groups()


def _payer(result, payer: str, victim: str = "李四") -> dict:
    return next(p for p in result.details["payers"] if p["payer"] == payer and p["victim"] == victim)


def _rows(result, role: str) -> list[dict]:
    return [r for r in result.details["rows"] if r["role"] == role]


@pytest.mark.parametrize(
    ("day", "at_fault", "expected"),
    [
        (date(2008, 1, 31), True, (8000, 50000, 2000)),
        (date(2008, 2, 1), True, (10000, 110000, 2000)),
        (date(2020, 9, 18), True, (10000, 110000, 2000)),
        (date(2020, 9, 19), True, (18000, 180000, 2000)),
        (date(2007, 1, 1), False, (1600, 10000, 400)),
        (date(2015, 1, 1), False, (1000, 11000, 100)),
        (date(2023, 1, 1), False, (1800, 18000, 100)),
    ],
)
def test_limits_follow_the_accident_date(day: date, at_fault: bool, expected: tuple[int, int, int]) -> None:
    limits = compulsory_limits(day, at_fault=at_fault).limits
    assert (limits["medical"].value, limits["death_disability"].value, limits["property"].value) == tuple(
        D(x) for x in expected
    )
    assert limits["medical"].status == "secondary"


def test_no_limit_before_the_scheme() -> None:
    with pytest.raises(YaosuError, match="2006-07-01"):
        compulsory_limits(date(2006, 6, 30))


def _case(mental_first: bool, excluded: frozenset[str] = frozenset()) -> tuple[list[Victim], list[Vehicle]]:
    victim = Victim(
        "李四",
        {
            "medical_expenses": D(30000),
            "hospital_meal_allowance": D(1000),
            "disability_compensation": D("178954"),  # 上海 2024 十级, 40岁: 89,477 × 20 × 10%
            "mental_damages": D(10000),
            "lost_income": D(20000),
            "property_damage": D(3000),
        },
        mental_first=mental_first,
    )
    car = Vehicle(
        "沪A12345",
        compulsory_limits(ACCIDENT),
        D(70),
        "张三",
        compulsory_insurer="甲保险公司",
        commercial_insurer="乙保险公司",
        commercial_limit=D(1000000),
        commercial_excluded=excluded,
    )
    return [victim], [car]


def test_over_the_limit_with_mental_damages_first_and_commercial_70_percent() -> None:
    # 交强险 (2023 有责): 医疗 min(30,000 + 1,000, 18,000) = 18,000; 死亡伤残 min(178,954 + 10,000 + 20,000
    # = 208,954, 180,000) = 180,000, of which 精神损害 10,000 first (道交解释第十三条第二款); 财产 min(3,000, 2,000) = 2,000.
    # Excess: 13,000 + 28,954 + 1,000 = 42,954; × 70% = 30,067.80 → 商业三者险 (its exclusion of 精神损害
    # costs nothing: none of it is left over); victim keeps 42,954 − 30,067.80 = 12,886.20.
    # 张三 advanced 5,000 but owes nothing himself: 甲 pays it back to him out of its 200,000.
    victims, cars = _case(True, frozenset({"mental_damages"}))
    result = allocate(victims, cars, GROUPS, advances=[Advance("张三", D(5000))])
    compulsory = {r["sublimit"]: r["amount"] for r in _rows(result, "compulsory")}
    assert compulsory == {
        "medical": D("18000.00"),
        "death_disability": D("180000.00"),
        "property": D("2000.00"),
    }
    assert _payer(result, "乙保险公司")["amount"] == D("30067.80")
    assert result.details["victim_own"]["李四"] == D("12886.20")
    assert not _rows(result, "tortfeasor")
    assert _payer(result, "甲保险公司")["net"] == D("195000.00")
    assert result.details["refunds"] == [
        {"victim": "李四", "payer": "甲保险公司", "to": "张三", "amount": D("5000.00")}
    ]
    # 195,000 + 30,067.80 still owed to the victim
    assert result.amount == D("225067.80")
    assert any("第十三条" in c for c in result.citations)


def test_without_mental_first_the_excluded_part_falls_on_the_tortfeasor() -> None:
    # 死亡伤残 180,000 spread over 178,954 / 10,000 / 20,000 in proportion: 精神损害 gets
    # 180,000 × 10,000 ÷ 208,954 = 8,614.336… → 8,614.34, leaving 1,385.66; × 70% = 969.962 → 969.96, which
    # the policy excludes → 张三. 商业三者险: 30,067.80 − 969.96 = 29,097.84.
    victims, cars = _case(False, frozenset({"mental_damages"}))
    result = allocate(victims, cars, GROUPS)
    assert _payer(result, "乙保险公司")["amount"] == D("29097.84")
    assert _payer(result, "张三")["amount"] == D("969.96")


def test_commercial_limit_caps_the_insurer() -> None:
    # Same case, 商业三者险 limit 20,000: 乙 pays 20,000, 张三 the other 30,067.80 − 20,000 = 10,067.80.
    victims, cars = _case(True)
    capped = [Vehicle(**{**cars[0].__dict__, "commercial_limit": D(20000)})]
    result = allocate(victims, capped, GROUPS)
    assert _payer(result, "乙保险公司")["amount"] == D("20000.00")
    assert _payer(result, "张三")["amount"] == D("10067.80")


def test_two_vehicles_share_the_limits_article_18() -> None:
    # Pedestrian hit by A (60%) and B (40%), both 有责, 2023.
    # 医疗 10,000 < 18,000 + 18,000: pro rata by limit → 5,000 each.
    # 死亡伤残 400,000 > 360,000: each its full 180,000. Excess 40,000:
    # A 60% = 24,000 → A's commercial insurer; B 40% = 16,000 → B has no commercial cover → driver 王五.
    limits = compulsory_limits(ACCIDENT)
    a = Vehicle("车A", limits, D(60), "赵六", compulsory_insurer="甲保险", commercial_insurer="丙保险")
    b = Vehicle("车B", limits, D(40), "王五", compulsory_insurer="乙保险")
    victim = Victim("李四", {"medical_expenses": D(10000), "death_compensation": D(400000)})
    result = allocate([victim], [a, b], GROUPS)
    assert _payer(result, "甲保险")["amount"] == D("185000.00")
    assert _payer(result, "乙保险")["amount"] == D("185000.00")
    assert _payer(result, "丙保险")["amount"] == D("24000.00")
    assert _payer(result, "王五")["amount"] == D("16000.00")
    assert any("第十八条" in c for c in result.citations)


def test_uninsured_vehicle_pays_within_the_limit_itself_article_16() -> None:
    # No 交强险: the 投保义务人 (owner 钱七) pays within the limits: 医疗 min(5,000, 18,000) = 5,000.
    car = Vehicle("车C", compulsory_limits(ACCIDENT), D(100), "孙八", policyholder="钱七")
    result = allocate([Victim("李四", {"medical_expenses": D(5000)})], [car], GROUPS)
    row = _rows(result, "policyholder")[0]
    assert row["payer"] == "钱七" and row["amount"] == D("5000.00")
    assert any("第十六条" in c for c in result.citations)


def test_two_victims_share_pro_rata_article_19() -> None:
    # 死亡伤残 losses 150,000 and 90,000 = 240,000 > 180,000:
    # 180,000 × 150/240 = 112,500 and 180,000 × 90/240 = 67,500; excess 37,500 / 22,500 × 100% → 张三.
    car = Vehicle("沪A1", compulsory_limits(ACCIDENT), D(100), "张三", compulsory_insurer="甲保险公司")
    v1 = Victim("李四", {"disability_compensation": D(150000)})
    v2 = Victim("王五", {"disability_compensation": D(90000)})
    result = allocate([v1, v2], [car], GROUPS)
    assert _payer(result, "甲保险公司", "李四")["amount"] == D("112500.00")
    assert _payer(result, "甲保险公司", "王五")["amount"] == D("67500.00")
    assert _payer(result, "张三", "李四")["amount"] == D("37500.00")
    assert _payer(result, "张三", "王五")["amount"] == D("22500.00")
    with pytest.raises(YaosuError, match="多名受害人"):
        allocate([v1, v2], [car], GROUPS, advances=[Advance("张三", D(100))])


def test_no_fault_vehicle_uses_the_no_fault_limits() -> None:
    # 无责: 医疗 1,800; 10% share of the rest (道路交通安全法第七十六条第一款第（二）项): (5,000 − 1,800) × 10% = 320.
    car = Vehicle("沪B1", compulsory_limits(ACCIDENT, at_fault=False), D(10), "张三", compulsory_insurer="甲")
    result = allocate([Victim("李四", {"medical_expenses": D(5000)})], [car], GROUPS)
    assert _payer(result, "甲")["amount"] == D("1800.00")
    assert _payer(result, "张三")["amount"] == D("320.00")
    assert result.details["victim_own"]["李四"] == D("2880.00")


def test_appraisal_fee_needs_the_courts_choice() -> None:
    victims, cars = _case(True)
    with_fee = [Victim("李四", {**victims[0].items, "appraisal_fee": D(2000)}, True)]
    with pytest.raises(YaosuError, match="鉴定费"):
        allocate(with_fee, cars, GROUPS)
    # No court's practice is known (traffic_sales_labour §A2.4): the lookup says so and names the file.
    with pytest.raises(YaosuError, match="traffic_court_settings.yaml.*qingpu"):
        appraisal_fee_bearer("qingpu")
    # insurer: 乙 bears the whole 2,000 on top of 30,067.80 = 32,067.80 (保险法第六十四条)
    insurer = allocate(with_fee, cars, GROUPS, appraisal_bearer="insurer")
    assert _payer(insurer, "乙保险公司")["amount"] == D("32067.80")
    # by_liability: 2,000 joins the excess: (42,954 + 2,000) × 70% = 31,467.80
    shared = allocate(with_fee, cars, GROUPS, appraisal_bearer="by_liability")
    assert _payer(shared, "乙保险公司")["amount"] == D("31467.80")


def test_bad_input_is_a_clear_error() -> None:
    victims, cars = _case(True)
    with pytest.raises(YaosuError, match="未归入"):
        allocate([Victim("李四", {"lawyer_fee": D(1)})], cars, GROUPS)
    with pytest.raises(YaosuError, match="超过100%"):
        allocate(
            victims, [cars[0], Vehicle(**{**cars[0].__dict__, "name": "X", "liability_share": D(40)})], GROUPS
        )


def test_cli_traffic(tmp_path: Path) -> None:
    case = {
        "accident_date": "2023-05-01",
        "victims": [
            {
                "name": "李四",
                "mental_first": True,
                "items": {
                    "medical_expenses": "30000",
                    "hospital_meal_allowance": "1000",
                    "disability_compensation": "178954",
                    "mental_damages": "10000",
                    "lost_income": "20000",
                    "property_damage": "3000",
                },
            }
        ],
        "vehicles": [
            {
                "plate": "沪A12345",
                "driver": "张三",
                "liability_share": "70",
                "compulsory_insurer": "甲保险公司",
                "commercial_insurer": "乙保险公司",
                "commercial_limit": "1000000",
            }
        ],
        "paid_in_advance": [{"payer": "张三", "amount": "5000"}],
    }
    path = tmp_path / "case.json"
    path.write_text(json.dumps(case, ensure_ascii=False), encoding="utf-8")
    result = CliRunner().invoke(calc_app, ["traffic", "--input", str(path), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["amount"] == "225067.80"
    bad = CliRunner().invoke(calc_app, ["traffic", "--input", str(tmp_path / "none.json")])
    assert bad.exit_code == 2 and "文件不存在" in bad.stderr


def test_cli_injury_hearing_end_and_rural() -> None:
    runner = CliRunner()
    args = [
        "injury",
        "disability",
        "--court",
        "jiashan",
        "--hearing-end",
        "2023-06-30",
        "--age",
        "40",
        "--grade",
        "10",
    ]
    out = runner.invoke(calc_app, [*args, "--tort-date", "2021-03-01", "--residence", "rural", "--json"])
    assert out.exit_code == 0, out.output
    assert json.loads(out.stdout)["amount"] == "142536.00"  # 71,268 × 20 × 10%
    meal = runner.invoke(
        calc_app,
        ["injury", "hospital_meal", "--court", "qingpu", "--hearing-end", "2024-06-30", "--days", "10"],
    )
    assert meal.exit_code == 2 and "须由法官认定" in meal.stderr
    given = runner.invoke(
        calc_app,
        ["injury", "hospital_meal", "--court", "qingpu", "--days", "10", "--daily-rate", "50", "--json"],
    )
    assert json.loads(given.stdout)["amount"] == "500.00"


def test_operating_loss_is_outside_compulsory_insurance() -> None:
    # 交强险条款第十条(三): 停运损失 is an indirect loss: 财产 1,000 within the 2,000 limit; 停运 3,000 × 100% → 张三.
    car = Vehicle("沪A1", compulsory_limits(ACCIDENT), D(100), "张三", compulsory_insurer="甲保险公司")
    result = allocate(
        [Victim("李四", {"property_damage": D(1000), "operating_loss": D(3000)})], [car], GROUPS
    )
    assert _payer(result, "甲保险公司")["amount"] == D("1000.00")
    assert _payer(result, "张三")["amount"] == D("3000.00")

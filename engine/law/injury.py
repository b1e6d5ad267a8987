"""人身损害赔偿 items under 法释〔2022〕14号 (FACTS.md §6.1), with the province standard of the court.

The standards are those of 受诉法院所在地 for the year in which first-instance argument ends
(第二十二条: the figures of the statistical year before it); they come from
parameters/injury_standards.csv. A figure not found is an error that names province, year and
figure and says how to add it — never a guess. Rounding: engine.law.result.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cache

from engine.errors import YaosuError
from engine.law.parameters import KeyedRow, KeyedTable, load_yaml, read_keyed_csv, warn_unverified
from engine.law.result import CalcResult, fmt_money, fmt_plain, money
from engine.paths import PARAMETERS_DIR
from engine.registry import calculator

_I = "《最高人民法院关于审理人身损害赔偿案件适用法律若干问题的解释》"
C_MISSWORK = f"{_I}第七条"
C_NURSING = f"{_I}第八条"
C_DISABILITY = f"{_I}第十二条"
C_FUNERAL = f"{_I}第十四条"
C_DEATH = f"{_I}第十五条"
C_DEPENDANT = f"{_I}第十七条"
C_YEAR = f"{_I}第二十二条"
UNIFIED_FROM = date(2022, 5, 1)  # 法释〔2022〕14号 applies to torts from this day (FACTS §6.1)
NURSING_MAX_YEARS = 20


@dataclass(frozen=True)
class InjuryMeta:
    title: str
    figures: dict[str, str]
    provinces: dict[str, str]
    courts: dict[str, str]
    table: KeyedTable


@cache
def _meta() -> InjuryMeta:
    data = load_yaml(PARAMETERS_DIR / "injury_standards.yaml")
    table = read_keyed_csv(
        PARAMETERS_DIR / str(data["data"]),
        ("province", "use_year", "figure"),
        str(data["name"]),
        str(data["title"]),
        data["last_verified"],
    )
    return InjuryMeta(
        str(data["title"]), dict(data["figures"]), dict(data["provinces"]), dict(data["courts"]), table
    )


def province_of(court: str | None = None, province: str | None = None) -> str:
    meta = _meta()
    if province is None:
        if court is None:
            raise YaosuError("请指定受诉法院（qingpu/wujiang/jiashan）或省份（shanghai/jiangsu/zhejiang）")
        if court not in meta.courts:
            raise YaosuError(f"未知法院 {court!r}，应为 {'/'.join(meta.courts)} 之一")
        province = meta.courts[court]
    if province not in meta.provinces:
        raise YaosuError(f"未收录省份 {province!r} 的人身损害赔偿标准，现有：{'/'.join(meta.provinces)}")
    return province


def standard(province: str, year: int, figure: str) -> KeyedRow:
    """The figure used in ``year`` (the year first-instance argument ends) in ``province``."""
    meta = _meta()
    name = meta.figures.get(figure, figure)
    prov = meta.provinces.get(province, province)
    row = meta.table.get((province, str(year), figure))
    how = (
        f"添加方法：在 parameters/injury_standards.csv 中{'填写' if row else '新增'}一行 "
        f"province={province}, use_year={year}, figure={figure}，value 填该年度适用的官方统计数（通常为{year - 1}年数据，元），"
        "basis 写明统计口径和年度，source 写明发布机关、文号或统计公报及网址，status 填 verified（官方原文）"
        "或 secondary（转载）而不是 not_found；详见 parameters/README.md"
    )
    if row is None:
        raise YaosuError(
            f"缺少{prov}{year}年度适用的“{name}”（{year - 1}年统计数据）：参数表中没有该项。{how}"
        )
    if row.value is None:
        raise YaosuError(
            f"缺少{prov}{year}年度适用的“{name}”（{row.basis}）：已检索未找到（{row.source}）。{how}"
        )
    if row.status == "unverified":
        warn_unverified(f"{prov}{year}年度“{name}”{row.value}元未经核实（{row.source}）")
    return row


def compensation_years(age: int) -> tuple[int, str]:
    """第十二条/第十五条: 20 years; from 60, one year less per year of age; from 75, 5 years."""
    if age < 0:
        raise YaosuError(f"年龄不能为负数（{age}）")
    if age < 60:
        return 20, f"{age}周岁，不满六十周岁，按二十年计算"
    if age < 75:
        years = 20 - (age - 60)
        return years, f"{age}周岁，六十周岁以上的年龄每增加一岁减少一年：20 − ({age} − 60) = {years}年"
    return 5, f"{age}周岁，七十五周岁以上的按五年计算"


def disability_coefficient(grade: int) -> Decimal:
    """伤残等级 一级 100% … 十级 10% (FACTS §6.2, Zhejiang practice tables [V secondary])."""
    if not 1 <= grade <= 10:
        raise YaosuError(f"伤残等级应为1至10级，现为{grade}")
    return Decimal(110 - 10 * grade)


def age_on(birth: date, on: date) -> int:
    """周岁 on ``on`` (the birthday itself completes the year; 29 February counts on 1 March)."""
    years = on.year - birth.year
    if (on.month, on.day) < (birth.month, birth.day):
        years -= 1
    return years


def _basis(row: KeyedRow, prov: str, year: int, name: str) -> str:
    status = "（二手来源）" if row.status == "secondary" else ""
    return (
        f"{prov}{year}年度适用的{name}：{fmt_plain(row.value or Decimal(0))}元/{'年' if 'year' in row.unit else '月'}"
        f"（{row.basis}；来源：{row.source}{status}）"
    )


def _tort_warning(tort_date: date | None) -> list[str]:
    if tort_date is not None and tort_date < UNIFIED_FROM:
        return [
            f"侵权行为发生于{tort_date.isoformat()}，早于2022年5月1日：法释〔2022〕14号不适用，原解释区分城镇、农村标准；"
            "本计算按城镇标准，须确认当地当时是否已统一城乡标准（如浙高法明传〔2021〕158号）"
        ]
    return []


@calculator("disability_compensation", version=1)
def disability_compensation(
    age: int,
    grade: int,
    year: int,
    *,
    court: str | None = None,
    province: str | None = None,
    coefficient_percent: Decimal | None = None,
    tort_date: date | None = None,
) -> CalcResult:
    """残疾赔偿金 (第十二条) = 城镇居民人均可支配收入 × years by age at 定残 × 伤残系数.

    ``coefficient_percent`` overrides the single-grade coefficient (e.g. several disabilities).
    """
    prov_key = province_of(court, province)
    prov = _meta().provinces[prov_key]
    row = standard(prov_key, year, "urban_income")
    years, age_text = compensation_years(age)
    coef = disability_coefficient(grade) if coefficient_percent is None else Decimal(coefficient_percent)
    amount = money(row.value * years * coef / 100)  # type: ignore[operator]
    coef_text = (
        f"{grade}级伤残，赔偿系数{fmt_plain(coef)}%"
        if coefficient_percent is None
        else (f"赔偿系数{fmt_plain(coef)}%（由使用者提供）")
    )
    steps = [
        _basis(row, prov, year, "城镇居民人均可支配收入"),
        f"定残时{age_text}",
        coef_text,
        f"残疾赔偿金 = {fmt_plain(row.value)} × {years} × {fmt_plain(coef)}% = {fmt_money(amount)}",  # type: ignore[arg-type]
    ]
    return CalcResult(
        amount=amount,
        steps=steps,
        citations=[C_DISABILITY, C_YEAR],
        details={
            "province": prov_key,
            "year": year,
            "standard": row.value,
            "years": years,
            "coefficient": coef,
        },
        warnings=_tort_warning(tort_date),
        calculator="disability_compensation.v1",
    )


@calculator("death_compensation", version=1)
def death_compensation(
    age: int,
    year: int,
    *,
    court: str | None = None,
    province: str | None = None,
    tort_date: date | None = None,
) -> CalcResult:
    """死亡赔偿金 (第十五条) = 城镇居民人均可支配收入 × 20 years, with the 60/75 age rule."""
    prov_key = province_of(court, province)
    prov = _meta().provinces[prov_key]
    row = standard(prov_key, year, "urban_income")
    years, age_text = compensation_years(age)
    amount = money(row.value * years)  # type: ignore[operator]
    steps = [
        _basis(row, prov, year, "城镇居民人均可支配收入"),
        f"死亡时{age_text}",
        f"死亡赔偿金 = {fmt_plain(row.value)} × {years} = {fmt_money(amount)}",  # type: ignore[arg-type]
    ]
    return CalcResult(
        amount=amount,
        steps=steps,
        citations=[C_DEATH, C_YEAR],
        details={"province": prov_key, "year": year, "standard": row.value, "years": years},
        warnings=_tort_warning(tort_date),
        calculator="death_compensation.v1",
    )


@calculator("funeral_expenses", version=1)
def funeral_expenses(year: int, *, court: str | None = None, province: str | None = None) -> CalcResult:
    """丧葬费 (第十四条) = 职工月平均工资 × 6 months."""
    prov_key = province_of(court, province)
    prov = _meta().provinces[prov_key]
    row = standard(prov_key, year, "average_wage")
    value: Decimal = row.value  # type: ignore[assignment]
    if row.unit == "yuan_per_month":
        amount = money(value * 6)
        formula = f"{fmt_plain(value)} × 6 = {fmt_money(amount)}"
    else:
        # An annual figure: six months is half of it; no intermediate monthly rounding.
        amount = money(value * 6 / 12)
        formula = f"{fmt_plain(value)} ÷ 12 × 6 = {fmt_money(amount)}"
    steps = [_basis(row, prov, year, "职工平均工资"), f"丧葬费 = 职工月平均工资 × 6个月 = {formula}"]
    return CalcResult(
        amount=amount,
        steps=steps,
        citations=[C_FUNERAL, C_YEAR],
        details={"province": prov_key, "year": year, "standard": value, "unit": row.unit},
        calculator="funeral_expenses.v1",
    )


@dataclass(frozen=True)
class Dependant:
    """A person the victim supported. ``supporters``: how many people owe that support (victim included)."""

    age: int
    supporters: int = 1
    name: str = ""

    def years(self) -> tuple[int, str]:
        # 第十七条: a minor until 18; an adult with no working capacity and no income 20 years (60/75 rule).
        label = self.name or f"{self.age}周岁被扶养人"
        if self.age < 18:
            return 18 - self.age, f"{label}未成年，计算至十八周岁：18 − {self.age} = {18 - self.age}年"
        years, text = compensation_years(self.age)
        return years, f"{label}无劳动能力又无其他生活来源：{text}"


@calculator("dependant_living_expenses", version=1)
def dependant_living_expenses(
    dependants: Iterable[Dependant],
    year: int,
    *,
    court: str | None = None,
    province: str | None = None,
    coefficient_percent: Decimal = Decimal(100),
) -> CalcResult:
    """被扶养人生活费 (第十七条), counted year by year so the yearly cap can be applied.

    Each dependant's yearly amount = 城镇居民人均消费支出 × coefficient ÷ supporters (the victim's share);
    for several dependants the total of any one year may not exceed one year's 消费支出.
    ``coefficient_percent``: the victim's degree of lost working capacity (100 in death cases).
    """
    people = list(dependants)
    if not people:
        raise YaosuError("未提供被扶养人")
    prov_key = province_of(court, province)
    prov = _meta().provinces[prov_key]
    row = standard(prov_key, year, "urban_consumption")
    spend: Decimal = row.value  # type: ignore[assignment]
    coef = Decimal(coefficient_percent)
    steps = [_basis(row, prov, year, "城镇居民人均消费支出")]
    yearly: list[tuple[int, Decimal]] = []
    for person in people:
        if person.supporters < 1:
            raise YaosuError(f"被扶养人的扶养人数至少为1（{person.name or person.age}）")
        years, text = person.years()
        annual = spend * coef / 100 / person.supporters
        steps.append(
            f"{text}；每年 {fmt_plain(spend)} × {fmt_plain(coef)}% ÷ {person.supporters}人 = {fmt_plain(money(annual))}元"
        )
        yearly.append((years, annual))
    total = Decimal(0)
    horizon = max(y for y, _ in yearly)
    # Group consecutive years with the same set of dependants, so each step is one multiplication.
    k = 1
    while k <= horizon:
        active = sum((a for y, a in yearly if y >= k), Decimal(0))
        span_end = min([y for y, _ in yearly if y >= k])
        n = span_end - k + 1
        capped = active > spend
        per_year = spend if capped else active
        part = money(per_year * n)
        total += part
        note = (
            f"（各被扶养人合计{fmt_plain(money(active))}元超过年度上限，按{fmt_plain(spend)}元）"
            if capped
            else ""
        )
        steps.append(f"第{k}至{span_end}年：{fmt_plain(money(per_year))} × {n}年 = {fmt_money(part)}{note}")
        k = span_end + 1
    steps.append(f"被扶养人生活费合计{fmt_money(total)}（计入残疾赔偿金或者死亡赔偿金）")
    return CalcResult(
        amount=total,
        steps=steps,
        citations=[C_DEPENDANT, C_YEAR],
        details={"province": prov_key, "year": year, "standard": spend, "coefficient": coef},
        calculator="dependant_living_expenses.v1",
    )


@calculator("lost_earnings", version=1)
def lost_earnings(
    days: int, *, daily_income: Decimal | None = None, annual_income: Decimal | None = None
) -> CalcResult:
    """误工费 (第七条) = income × 误工时间; an annual income is turned into days as ÷ 365."""
    if days < 0:
        raise YaosuError(f"误工天数不能为负数（{days}）")
    if (daily_income is None) == (annual_income is None):
        raise YaosuError("误工费须且只须提供一种收入：日收入（daily_income）或年收入（annual_income）")
    if daily_income is not None:
        amount = money(Decimal(daily_income) * days)
        step = f"误工费 = {fmt_plain(Decimal(daily_income))}元/天 × {days}天 = {fmt_money(amount)}"
    else:
        amount = money(Decimal(annual_income) * days / 365)  # type: ignore[arg-type]
        step = f"误工费 = {fmt_plain(Decimal(annual_income))}元/年 ÷ 365 × {days}天 = {fmt_money(amount)}"  # type: ignore[arg-type]
    steps = [
        "误工时间根据医疗机构出具的证明确定；收入按实际减少的收入、最近三年平均收入或者同行业上一年度职工平均工资确定",
        step,
    ]
    return CalcResult(
        amount=amount,
        steps=steps,
        citations=[C_MISSWORK],
        details={"days": days},
        calculator="lost_earnings.v1",
    )


@calculator("nursing_fee", version=1)
def nursing_fee(days: int, daily_rate: Decimal, *, carers: int = 1) -> CalcResult:
    """护理费 (第八条) = daily rate × days × carers; a period over 20 years is cut to 20."""
    if days < 0 or carers < 1:
        raise YaosuError(f"护理天数不能为负数、护理人数至少为1（现为{days}天、{carers}人）")
    steps = [
        "护理人员有收入的参照误工费确定，没有收入或者雇佣护工的参照当地护工从事同等级别护理的劳务报酬标准"
    ]
    limit = NURSING_MAX_YEARS * 365
    if days > limit:
        steps.append(f"护理期限最长不超过二十年：{days}天按{NURSING_MAX_YEARS} × 365 = {limit}天计算")
        days = limit
    if carers > 1:
        steps.append("护理人员原则上为一人，多于一人须有医疗机构或者鉴定机构的明确意见")
    amount = money(Decimal(daily_rate) * days * carers)
    steps.append(
        f"护理费 = {fmt_plain(Decimal(daily_rate))}元/天 × {days}天 × {carers}人 = {fmt_money(amount)}"
    )
    return CalcResult(
        amount=amount,
        steps=steps,
        citations=[C_NURSING],
        details={"days": days, "carers": carers},
        calculator="nursing_fee.v1",
    )

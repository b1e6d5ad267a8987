"""人身损害赔偿 items under 法释〔2022〕14号 (FACTS.md §6.1, §9.2), with the province standard of the court.

Two layers:

* **Calculators** (registered, pure): each takes the figures it needs as ``ParameterValue`` objects and
  returns a ``CalcResult`` whose steps state the figure, its year, its source and the article.
* **Lookups** (thin, beside them): fetch those figures from parameters/ — ``use_year_for`` (which
  statistical year: 第二十二条 and the province's switch date), ``income_standard`` /
  ``consumption_standard`` (城镇 / 全体居民 / 农村 by tort date and local unification), ``funeral_wage``,
  ``daily_rate``. A figure not found is a YaosuError naming province, year and data row — never another
  year's or another province's figure. ``given_figure`` wraps a figure the judge supplies.

Rounding: engine.law.result (one rounding per item).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cache
from typing import Any

from engine.errors import E, YaosuError
from engine.law.parameters import (
    STATUS_ZH,
    KeyedRow,
    KeyedTable,
    ParameterValue,
    load_yaml,
    parse_dated_table,
    read_keyed_csv,
    warn_unverified,
)
from engine.law.result import CalcResult, fmt_money, fmt_plain, money
from engine.paths import PARAMETERS_DIR
from engine.registry import calculator

_I = "《最高人民法院关于审理人身损害赔偿案件适用法律若干问题的解释》"
C_MISSWORK = f"{_I}第七条"
C_NURSING = f"{_I}第八条"
C_TRANSPORT = f"{_I}第九条"
C_MEAL = f"{_I}第十条"
C_NUTRITION = f"{_I}第十一条"
C_DISABILITY = f"{_I}第十二条"
C_FUNERAL = f"{_I}第十四条"
C_DEATH = f"{_I}第十五条"
C_DEPENDANT = f"{_I}第十七条"
C_YEAR = f"{_I}第二十二条"
# Torts before 2022-05-01: the 2003 text (城镇/农村 standards). Article numbers of the 2003 text.
_OLD = "《最高人民法院关于审理人身损害赔偿案件适用法律若干问题的解释》（法释〔2003〕20号）"
C_OLD_DISABILITY = f"{_OLD}第二十五条"
C_OLD_DEPENDANT = f"{_OLD}第二十八条"
C_OLD_DEATH = f"{_OLD}第二十九条"
C_TRANSITION = "《最高人民法院关于修改〈最高人民法院关于审理人身损害赔偿案件适用法律若干问题的解释〉的决定》（法释〔2022〕14号）第六项"
C_MULTI_GRADE = "《道路交通事故受伤人员伤残评定》（GB 18667-2002）附录B"
UNIFIED_FROM = date(2022, 5, 1)  # 法释〔2022〕14号 applies to torts from this day (FACTS §6.1)
NURSING_MAX_YEARS = 20
EXTRA_INDEX_CAP = Decimal(10)  # GB 18667-2002 附录B: ∑Ia ≤ 10%, Ih + ∑Ia ≤ 100% (traffic_sales_labour §A5)
GIVEN = "given"  # status of a figure the judge supplies (not from parameters/)
RESIDENCES = {"urban": "城镇", "rural": "农村"}
_KIND_FIGURES = {
    "urban": ("urban_income", "urban_consumption"),
    "resident": ("resident_income", "resident_consumption"),
    "rural": ("rural_income", "rural_consumption"),
}


# --- lookups: parameters/ → ParameterValue ---------------------------------------------------------


@dataclass(frozen=True)
class InjuryMeta:
    title: str
    figures: dict[str, str]
    provinces: dict[str, str]
    switch: dict[str, Any]
    unification: dict[str, list[dict[str, Any]]]
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
        str(data["title"]),
        dict(data["figures"]),
        dict(data["provinces"]),
        dict(data.get("switch") or {}),
        dict(data.get("unification") or {}),
        table,
    )


def province_of(court: str | None = None, province: str | None = None) -> str:
    meta = _meta()
    if province is None:
        if court is None:
            raise YaosuError(E.E571)
        from engine.drafting.courts import court_region

        province = court_region(court, "province")
    if province not in meta.provinces:
        raise YaosuError(E.E553, province=province, join_meta_provinces='/'.join(meta.provinces))
    return province


def province_name(province: str) -> str:
    return _meta().provinces.get(province, province)


def standard(province: str, year: int, figure: str) -> KeyedRow:
    """The row used in ``year`` (the use year) in ``province``; a missing or not-found row is an error."""
    meta = _meta()
    name = meta.figures.get(figure, figure)
    prov = province_name(province)
    row = meta.table.get((province, str(year), figure))
    how = (
        f"添加方法：在 parameters/injury_standards.csv 中{'填写' if row else '新增'}一行 "
        f"province={province}, use_year={year}, figure={figure}，value 填该年度适用的官方统计数（通常为{year - 1}年数据，元），"
        "basis 写明统计口径和年度，source 写明发布机关、文号或统计公报及网址，status 填 verified（官方原文）"
        "或 secondary（转载）而不是 not_found；详见 parameters/README.md"
    )
    if row is None:
        raise YaosuError(
            E.E554, prov=prov, year=year, name=name, year_1=year - 1, how=how
        )
    if row.value is None:
        raise YaosuError(
            E.E555, prov=prov, year=year, name=name, row_basis=row.basis, row_source=row.source, how=how
        )
    if row.status == "unverified":
        warn_unverified(f"{prov}{year}年度“{name}”{row.value}元未经核实（{row.note or row.source}）")
    return row


def figure(province: str, year: int, name: str, *, why: str = "") -> ParameterValue:
    """One keyed figure as a ParameterValue; ``note`` says what it is (and ``why`` it was chosen)."""
    row = standard(province, year, name)
    label = _meta().figures.get(name, name)
    note = f"{province_name(province)}{year}年度适用的{label}（{row.basis}）"
    if row.note:
        note += f"，{row.note}"
    if why:
        note += f"；{why}"
    return ParameterValue(row.value or Decimal(0), None, row.source, row.status, "injury_standards", note)


def given_figure(value: Decimal | int | str, what: str, source: str = "法官认定") -> ParameterValue:
    """A figure the judge supplies where parameters/ has none (e.g. 护工日标准, 同行业平均工资)."""
    try:
        amount = Decimal(str(value).replace(",", ""))
    except ArithmeticError as exc:
        raise YaosuError(E.E573, what=what, value=value) from exc
    if amount < 0:
        raise YaosuError(E.E556, what=what, value=value)
    return ParameterValue(amount, None, source, GIVEN, "judge", what)


def use_year_for(province: str, hearing_end: date) -> tuple[int, str]:
    """The use year for a first-instance argument ending on ``hearing_end`` (第二十二条 + switch date)."""
    rule = _meta().switch.get(province, {"rule": "calendar"})
    prov = province_name(province)
    year = hearing_end.year
    day = hearing_end.isoformat()
    if rule.get("rule") != "notice":
        return year, f"一审法庭辩论终结于{day}，适用{year - 1}年度统计数据（{year}年度标准）"
    dates = rule.get("dates") or {}
    entry = dates.get(year)
    if entry is None:
        known = "；".join(f"{y}年自{v['date']}起（{v['source']}）" for y, v in sorted(dates.items()))
        raise YaosuError(
            E.E557, prov=prov, known=known, year=year, day=day, year_1=year - 1, province=province
        )
    start: date = entry["date"]
    if hearing_end < start:
        return year - 1, (
            f"一审法庭辩论终结于{day}，早于{prov}{year}年度标准的启用日{start.isoformat()}（{entry['source']}），"
            f"仍适用{year - 1}年度标准"
        )
    return year, (
        f"一审法庭辩论终结于{day}，{prov}{year}年度标准自{start.isoformat()}起适用（{entry['source']}）"
    )


def _standard_kind(
    province: str, use_year: int, tort_date: date | None, residence: str | None
) -> tuple[str, str]:
    """Which statistic applies: urban / resident (全体居民) / rural, and why (FACTS §6.1, §9.2)."""
    if tort_date is None:
        return "urban", "未提供侵权行为发生日，按2022年5月1日以后发生的侵权统一适用城镇居民标准计算，须确认"
    day = tort_date.isoformat()
    if tort_date >= UNIFIED_FROM:
        return "urban", f"侵权行为发生于{day}，适用法释〔2022〕14号，城乡统一按城镇居民标准"
    prov = province_name(province)
    for rule in _meta().unification.get(province, []):
        start, end = rule.get("from"), rule.get("to")
        if (start is not None and tort_date < start) or (end is not None and tort_date > end):
            continue
        if rule.get("from_use_year") is not None and use_year < int(rule["from_use_year"]):
            continue
        kind = str(rule["standard"])
        note = f"（{rule['note']}）" if rule.get("note") else ""
        if kind == "not_found":
            if residence == "urban":
                return "urban", (
                    f"侵权行为发生于{day}（2022年5月1日前），受害人为城镇居民，按城镇居民标准；"
                    f"{prov}城乡统一试点的计算方法未找到（{rule['source']}），须确认本案是否适用"
                )
            raise YaosuError(
                E.E574, day=day, if_residence_rural_else='为农村居民' if residence == 'rural' else '户籍性质未定', prov=prov, rule_source=rule['source'], province=province
            )
        label = {"urban": "城镇居民", "resident": "全体居民"}.get(kind, kind)
        return kind, (
            f"侵权行为发生于{day}（2022年5月1日前），依{rule['source']}，城乡统一按{label}标准{note}"
        )
    if residence not in RESIDENCES:
        raise YaosuError(
            E.E558, day=day
        )
    return residence, (
        f"侵权行为发生于{day}（2022年5月1日前），原解释区分城乡，受害人为{RESIDENCES[residence]}居民，"
        f"按{RESIDENCES[residence]}居民标准"
    )


def income_standard(
    province: str, use_year: int, *, tort_date: date | None = None, residence: str | None = None
) -> ParameterValue:
    """残疾赔偿金 / 死亡赔偿金 base: 人均可支配收入 of the applicable kind (urban/resident/rural)."""
    kind, why = _standard_kind(province, use_year, tort_date, residence)
    return figure(province, use_year, _KIND_FIGURES[kind][0], why=why)


def consumption_standard(
    province: str, use_year: int, *, tort_date: date | None = None, residence: str | None = None
) -> ParameterValue:
    """被扶养人生活费 base: 人均消费支出 of the applicable kind (urban/resident/rural)."""
    kind, why = _standard_kind(province, use_year, tort_date, residence)
    return figure(province, use_year, _KIND_FIGURES[kind][1], why=why)


def funeral_wage(province: str, use_year: int) -> tuple[ParameterValue, str]:
    """丧葬费 wage basis and its unit (yuan_per_month or yuan_per_year, as the source publishes it)."""
    row = standard(province, use_year, "average_wage")
    return figure(province, use_year, "average_wage"), row.unit


@cache
def _daily_rates() -> dict[str, Any]:
    return load_yaml(PARAMETERS_DIR / "injury_daily_rates.yaml")


def daily_rate(province: str, item: str, on: date) -> ParameterValue:
    """The per-day rate of ``item`` (hospital_meal / nutrition / local_transport / nursing) on ``on``."""
    data = _daily_rates()
    items = data["items"]
    if item not in items:
        raise YaosuError(E.E559, item=item, join_items='/'.join(items))
    label = items[item]["label"]
    prov = province_name(province)
    entry = (data["rates"].get(province) or {}).get(item)
    where = f"parameters/injury_daily_rates.yaml 的 rates.{province}.{item}"
    if entry is None or "not_found" in entry:
        reason = entry["not_found"] if entry else "参数表中没有该项"
        raise YaosuError(
            E.E560, prov=prov, label=label, reason=reason, where=where
        )
    table = parse_dated_table(
        {
            "name": f"injury_daily_rates.{province}.{item}",
            "title": f"{prov}{label}日标准",
            "unit": data["unit"],
            "last_verified": data["last_verified"],
            "values": entry["values"],
        },
        where,
    )
    value = table.at(on, allow_past_verified=True)
    note = f"{prov}{label}日标准（{value.effective.isoformat() if value.effective else ''}起）"
    if value.note:
        note += f"，{value.note}"
    return ParameterValue(value.value, value.effective, value.source, value.status, value.table, note)


@cache
def _trade_wages() -> dict[str, Any]:
    return load_yaml(PARAMETERS_DIR / "injury_trade_wages.yaml")


def trade_average_wage(province: str, trade: str, use_year: int) -> ParameterValue:
    """第七条第三款: 受诉法院所在地相同或者相近行业上一年度职工的平均工资 (元/年) for ``use_year``.

    Only the row of that province, trade and year: a trade or year that is not in
    parameters/injury_trade_wages.yaml (every row is NOT FOUND today) is an error naming the row to fill
    and the judge's alternative (要素 trade_average_wage) — never another trade's or year's figure.
    """
    data = _trade_wages()
    prov = province_name(province)
    entry = (data.get("provinces") or {}).get(province) or {}
    trades = entry.get("trades") or {}
    row = (trades.get(trade) or {}).get(use_year)
    where = (f"parameters/injury_trade_wages.yaml 的 provinces.{province}.trades.{trade or '（行业）'}."
             f"{use_year}")
    if not trade:
        raise YaosuError(E.E683, trade_id="victim_trade", wage_id="trade_average_wage")
    if row is None or row.get("value") is None:
        reason = (row or {}).get("not_found") or entry.get("not_found") or "参数表中没有该行"
        raise YaosuError(
            E.E684, prov=prov, use_year=use_year, trade=trade, use_year_1=use_year - 1, reason=reason, where=where,
            wage_id="trade_average_wage")
    note = f"{prov}{use_year}年度适用的“{trade}”行业上一年度职工平均工资（{row.get('basis', '')}）"
    return ParameterValue(Decimal(str(row["value"])), None, str(row["source"]), str(row["status"]),
                          "injury_trade_wages", note)


# --- calculators (pure: figures in, CalcResult out) ------------------------------------------------


def _figure_step(pv: ParameterValue, unit: str = "元/年") -> str:
    status = "由法官认定" if pv.status == GIVEN else STATUS_ZH.get(pv.status, pv.status)
    what, _, why = pv.note.partition("；")
    tail = f"；{why}" if why else ""
    return f"{what}为{fmt_plain(pv.value)}{unit}（来源：{pv.source}；{status}）{tail}"


def _figure_warnings(*values: ParameterValue) -> list[str]:
    return [
        f"{pv.note}{fmt_plain(pv.value)}元未经核实（{pv.source}），使用前须核实"
        for pv in values
        if pv.status == "unverified"
    ]


def _old_law(tort_date: date | None) -> bool:
    return tort_date is not None and tort_date < UNIFIED_FROM


def compensation_years(age: int) -> tuple[int, str]:
    """第十二条/第十五条: 20 years; from 60, one year less per year of age; from 75, 5 years."""
    if age < 0:
        raise YaosuError(E.E561, age=age)
    if age < 60:
        return 20, f"{age}周岁，不满六十周岁，按二十年计算"
    if age < 75:
        years = 20 - (age - 60)
        return years, f"{age}周岁，六十周岁以上的年龄每增加一岁减少一年：20 − ({age} − 60) = {years}年"
    return 5, f"{age}周岁，七十五周岁以上的按五年计算"


def disability_coefficient(grade: int) -> Decimal:
    """伤残赔偿指数: 一级 100% … 十级 10% (GB 18667-2002 附录B; FACTS §6.2 [V secondary])."""
    if isinstance(grade, bool) or not isinstance(grade, int) or not 1 <= grade <= 10:
        raise YaosuError(E.E562, grade=grade)
    return Decimal(110 - 10 * grade)


def disability_index(grade: int, extra_indices: Sequence[Decimal | int | str] = ()) -> tuple[Decimal, str]:
    """Ih + min(∑Ia, 10%), at most 100% (traffic_sales_labour §A5). Each Ia is the judge's, 0–10%."""
    base = disability_coefficient(grade)
    if not extra_indices:
        return base, f"{grade}级伤残，伤残赔偿指数{fmt_plain(base)}%"
    extras = [Decimal(str(x)) for x in extra_indices]
    for x in extras:
        if not 0 <= x <= EXTRA_INDEX_CAP:
            raise YaosuError(E.E575, fmt_plain_x=fmt_plain(x))
    added = sum(extras, Decimal(0))
    capped = min(added, EXTRA_INDEX_CAP)
    total = min(base + capped, Decimal(100))
    parts = " + ".join(fmt_plain(x) for x in extras)
    text = f"最高伤残等级{grade}级，指数{fmt_plain(base)}%；其他伤残附加指数 {parts} = {fmt_plain(added)}%"
    if added > capped:
        text += "，附加指数合计不超过10%，按10%"
    text += f"；伤残赔偿指数 = {fmt_plain(base)}% + {fmt_plain(capped)}%"
    if base + capped > total:
        text += "，不超过100%，按100%"
    return total, f"{text} = {fmt_plain(total)}%"


def age_on(birth: date, on: date) -> int:
    """周岁 on ``on`` (the birthday itself completes the year; 29 February counts on 1 March)."""
    years = on.year - birth.year
    if (on.month, on.day) < (birth.month, birth.day):
        years -= 1
    return years


@calculator("disability_compensation", version=2)
def disability_compensation(
    income: ParameterValue,
    age: int,
    grade: int,
    *,
    extra_indices: Sequence[Decimal | int | str] = (),
    coefficient_percent: Decimal | None = None,
    tort_date: date | None = None,
) -> CalcResult:
    """残疾赔偿金 (第十二条) = 人均可支配收入 × years by age at 定残 × 伤残赔偿指数.

    ``extra_indices``: the judge's 附加指数 (percent) for each further disability;
    ``coefficient_percent`` overrides the index altogether (a finding of the court).
    """
    years, age_text = compensation_years(age)
    if coefficient_percent is None:
        coef, coef_text = disability_index(grade, extra_indices)
    else:
        coef = Decimal(str(coefficient_percent))
        if not 0 <= coef <= 100:
            raise YaosuError(E.E576, fmt_plain_coef=fmt_plain(coef))
        coef_text = f"赔偿系数{fmt_plain(coef)}%（本院认定）"
    amount = money(income.value * years * coef / 100)
    steps = [
        _figure_step(income),
        f"定残时{age_text}",
        coef_text,
        f"残疾赔偿金 = {fmt_plain(income.value)} × {years} × {fmt_plain(coef)}% = {fmt_money(amount)}",
    ]
    citations = [C_OLD_DISABILITY, C_TRANSITION] if _old_law(tort_date) else [C_DISABILITY, C_YEAR]
    if extra_indices and coefficient_percent is None:
        citations.append(C_MULTI_GRADE)
    return CalcResult(
        amount=amount,
        steps=steps,
        citations=citations,
        details={"standard": income.value, "source": income.source, "years": years, "coefficient": coef},
        warnings=_figure_warnings(income),
        calculator="disability_compensation.v2",
    )


@calculator("death_compensation", version=2)
def death_compensation(income: ParameterValue, age: int, *, tort_date: date | None = None) -> CalcResult:
    """死亡赔偿金 (第十五条) = 人均可支配收入 × 20 years, with the 60/75 age rule."""
    years, age_text = compensation_years(age)
    amount = money(income.value * years)
    steps = [
        _figure_step(income),
        f"死亡时{age_text}",
        f"死亡赔偿金 = {fmt_plain(income.value)} × {years} = {fmt_money(amount)}",
    ]
    return CalcResult(
        amount=amount,
        steps=steps,
        citations=[C_OLD_DEATH, C_TRANSITION] if _old_law(tort_date) else [C_DEATH, C_YEAR],
        details={"standard": income.value, "source": income.source, "years": years},
        warnings=_figure_warnings(income),
        calculator="death_compensation.v2",
    )


@calculator("funeral_expenses", version=2)
def funeral_expenses(wage: ParameterValue, *, wage_unit: str = "yuan_per_month") -> CalcResult:
    """丧葬费 (第十四条) = 职工月平均工资 × 6 months; an annual figure as published is halved."""
    if wage_unit == "yuan_per_month":
        amount = money(wage.value * 6)
        formula = f"{fmt_plain(wage.value)} × 6 = {fmt_money(amount)}"
        unit = "元/月"
    elif wage_unit == "yuan_per_year":
        # Six months is half the annual figure; no intermediate monthly rounding.
        amount = money(wage.value * 6 / 12)
        formula = f"{fmt_plain(wage.value)} ÷ 12 × 6 = {fmt_money(amount)}"
        unit = "元/年"
    else:
        raise YaosuError(E.E577, wage_unit=wage_unit)
    steps = [_figure_step(wage, unit), f"丧葬费 = 职工月平均工资 × 6个月 = {formula}"]
    return CalcResult(
        amount=amount,
        steps=steps,
        citations=[C_FUNERAL, C_YEAR],
        details={"standard": wage.value, "unit": wage_unit, "source": wage.source},
        warnings=_figure_warnings(wage),
        calculator="funeral_expenses.v2",
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


@calculator("dependant_living_expenses", version=2)
def dependant_living_expenses(
    consumption: ParameterValue,
    dependants: Sequence[Dependant],
    *,
    coefficient_percent: Decimal | int = 100,
    tort_date: date | None = None,
) -> CalcResult:
    """被扶养人生活费 (第十七条), counted year by year so the yearly cap can be applied.

    Each dependant's yearly amount = 人均消费支出 × coefficient ÷ supporters (the victim's share);
    for several dependants the total of any one year may not exceed one year's 消费支出.
    ``coefficient_percent``: the victim's 伤残赔偿指数 (100 in death cases).
    """
    people = list(dependants)
    if not people:
        raise YaosuError(E.E563)
    spend = consumption.value
    coef = Decimal(str(coefficient_percent))
    steps = [_figure_step(consumption)]
    yearly: list[tuple[int, Decimal]] = []
    for person in people:
        if person.supporters < 1:
            raise YaosuError(E.E578, value=person.name or person.age)
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
        citations=[C_OLD_DEPENDANT, C_TRANSITION] if _old_law(tort_date) else [C_DEPENDANT, C_YEAR],
        details={"standard": spend, "source": consumption.source, "coefficient": coef},
        warnings=_figure_warnings(consumption),
        calculator="dependant_living_expenses.v2",
    )


INCOME_BASES = {
    "fixed": "受害人有固定收入，按实际减少的收入计算",
    "average_3y": "受害人无固定收入，按其最近三年的平均收入计算",
    "trade_average": "受害人不能举证证明其最近三年的平均收入状况，参照受诉法院所在地相同或者相近行业上一年度职工的平均工资计算",
}
PERIODS = {"day": "元/天", "month": "元/月", "year": "元/年"}


def _per_day(income: ParameterValue, period: str, days: int) -> tuple[Decimal, str]:
    """income × days for a daily, monthly or annual income; annual ÷ 365 (浙江 formula, §A4 [S])."""
    if period not in PERIODS:
        raise YaosuError(E.E564, period=period)
    value = income.value
    if period == "day":
        amount = money(value * days)
        return amount, f"{fmt_plain(value)}元/天 × {days}天 = {fmt_money(amount)}"
    if period == "month":
        amount = money(value * 12 * days / 365)
        return amount, f"{fmt_plain(value)}元/月 × 12 ÷ 365 × {days}天 = {fmt_money(amount)}"
    amount = money(value * days / 365)
    return amount, f"{fmt_plain(value)}元/年 ÷ 365 × {days}天 = {fmt_money(amount)}"


@calculator("lost_earnings", version=2)
def lost_earnings(
    days: int, income: ParameterValue, *, period: str = "day", basis: str = "fixed"
) -> CalcResult:
    """误工费 (第七条) = income × 误工时间 (calendar days; an annual income ÷ 365)."""
    if days < 0:
        raise YaosuError(E.E565, days=days)
    if basis not in INCOME_BASES:
        raise YaosuError(E.E566, join_income_bases='/'.join(INCOME_BASES), basis=basis)
    amount, formula = _per_day(income, period, days)
    steps = [
        "误工时间根据受害人接受治疗的医疗机构出具的证明确定；受害人因伤致残持续误工的，误工时间可以计算至定残日前一天",
        INCOME_BASES[basis],
        _figure_step(income, PERIODS[period]),
        f"误工费 = {formula}",
    ]
    return CalcResult(
        amount=amount,
        steps=steps,
        citations=[C_MISSWORK],
        details={"days": days, "income": income.value, "period": period, "basis": basis},
        warnings=_figure_warnings(income),
        calculator="lost_earnings.v2",
    )


@calculator("nursing_fee", version=2)
def nursing_fee(
    days: int, rate: ParameterValue, *, period: str = "day", carers: int = 1, basis: str = "hired"
) -> CalcResult:
    """护理费 (第八条) = rate × days × carers; a period over 20 years is cut to 20.

    ``basis``: ``carer_income`` (the carer's lost income, as 误工费) or ``hired`` (护工 rate).
    """
    if days < 0 or carers < 1:
        raise YaosuError(E.E567, days=days, carers=carers)
    bases = {
        "carer_income": "护理人员有收入，参照误工费的规定计算",
        "hired": "护理人员没有收入或者雇佣护工，参照当地护工从事同等级别护理的劳务报酬标准计算",
    }
    if basis not in bases:
        raise YaosuError(E.E568, join_bases='/'.join(bases), basis=basis)
    steps = [bases[basis], _figure_step(rate, PERIODS.get(period, ""))]
    limit = NURSING_MAX_YEARS * 365
    if days > limit:
        steps.append(f"护理期限最长不超过二十年：{days}天按{NURSING_MAX_YEARS} × 365 = {limit}天计算")
        days = limit
    if carers > 1:
        steps.append("护理人员原则上为一人，多于一人须有医疗机构或者鉴定机构的明确意见")
    one, formula = _per_day(rate, period, days)
    amount = money(one * carers) if carers > 1 else one
    if carers > 1:
        formula = f"（{formula}）× {carers}人 = {fmt_money(amount)}"
    steps.append(f"护理费 = {formula}")
    return CalcResult(
        amount=amount,
        steps=steps,
        citations=[C_NURSING],
        details={"days": days, "carers": carers, "rate": rate.value, "period": period},
        warnings=_figure_warnings(rate),
        calculator="nursing_fee.v2",
    )


DAILY_ITEMS = {
    "hospital_meal": (
        "住院伙食补助费",
        C_MEAL,
        "参照当地国家机关一般工作人员的出差伙食补助标准，按住院天数计算",
    ),
    "nutrition": ("营养费", C_NUTRITION, "根据受害人伤残情况参照医疗机构的意见确定营养期"),
    "local_transport": (
        "交通费（同城就医）",
        C_TRANSPORT,
        "交通费以正式票据为凭；同城就医按日标准结合就医天数计算",
    ),
}


@calculator("daily_item", version=1)
def daily_item(item: str, days: int, rate: ParameterValue) -> CalcResult:
    """住院伙食补助费 (第十条) / 营养费 (第十一条) / 同城交通费 (第九条) = daily rate × days."""
    if item not in DAILY_ITEMS:
        raise YaosuError(E.E569, join_daily_items='/'.join(DAILY_ITEMS), item=item)
    if days < 0:
        raise YaosuError(E.E570, days=days)
    label, citation, rule = DAILY_ITEMS[item]
    amount = money(rate.value * days)
    steps = [
        rule,
        _figure_step(rate, "元/天"),
        f"{label} = {fmt_plain(rate.value)}元/天 × {days}天 = {fmt_money(amount)}",
    ]
    return CalcResult(
        amount=amount,
        steps=steps,
        citations=[citation],
        details={"item": item, "days": days, "rate": rate.value, "source": rate.source},
        warnings=_figure_warnings(rate),
        calculator="daily_item.v1",
    )


# --- wiring helper: the standard items of one case -------------------------------------------------


def standard_items(
    *,
    province: str,
    victim_birth: date,
    on: date,
    hearing_end: date | None = None,
    use_year: int | None = None,
    tort_date: date | None = None,
    residence: str | None = None,
    grade: int | None = None,
    extra_indices: Sequence[Decimal | int | str] = (),
    death: bool = False,
    dependants: Sequence[tuple[date, int, str]] = (),
) -> dict[str, CalcResult | YaosuError]:
    """残疾赔偿金 / 死亡赔偿金 + 丧葬费 / 被扶养人生活费 of one victim, keyed by the spec's element ids.

    ``on``: 定残日 (disability) or the day of death — the age and the dependants' ages are taken on it.
    ``dependants``: (birth date, supporters, name). The use year is ``use_year`` or follows ``hearing_end``.
    Each item is computed on its own: a missing figure makes that item a YaosuError (named province,
    year and row) and leaves the others standing, so the draft can show what is still to be filled.
    """
    out: dict[str, CalcResult | YaosuError] = {}
    try:
        if use_year is None:
            if hearing_end is None:
                raise YaosuError(
                    E.E579
                )
            year, why = use_year_for(province, hearing_end)
        else:
            year, why = use_year, f"适用{use_year}年度标准（{use_year - 1}年统计数据，由使用者指定）"
    except YaosuError as exc:
        wanted = ["death_compensation", "funeral_expenses"] if death else ["disability_compensation"]
        return {item: exc for item in wanted + (["dependents_living"] if dependants else [])}
    age = age_on(victim_birth, on)
    where: dict[str, Any] = {"tort_date": tort_date, "residence": residence}

    def run(item: str, compute: Any) -> None:
        try:
            result = compute()
        except YaosuError as exc:
            out[item] = exc
            return
        result.steps.insert(0, why)
        out[item] = result

    coefficient = Decimal(100)
    if death:
        run(
            "death_compensation",
            lambda: death_compensation(income_standard(province, year, **where), age, tort_date=tort_date),
        )

        def funeral() -> CalcResult:
            wage, unit = funeral_wage(province, year)
            return funeral_expenses(wage, wage_unit=unit)

        run("funeral_expenses", funeral)
    elif grade is not None:
        run(
            "disability_compensation",
            lambda: disability_compensation(
                income_standard(province, year, **where),
                age,
                grade,
                extra_indices=extra_indices,
                tort_date=tort_date,
            ),
        )
        try:
            coefficient = disability_index(grade, extra_indices)[0]
        except YaosuError as exc:
            out["dependents_living"] = exc
            return out
    if dependants:
        people = [Dependant(age_on(birth, on), supporters, name) for birth, supporters, name in dependants]
        run(
            "dependents_living",
            lambda: dependant_living_expenses(
                consumption_standard(province, year, **where),
                people,
                coefficient_percent=coefficient,
                tort_date=tort_date,
            ),
        )
    return out

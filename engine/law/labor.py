"""Labour-dispute money under 劳动合同法 and its 实施条例 (FACTS.md §7). Rounding: engine.law.result.

Service length is counted with both the first and the last day of employment included: from the
start day up to and including the end day (a contract from 2020-01-15 to 2021-01-14 is one full year).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from functools import cache

from engine.errors import YaosuError
from engine.law.parameters import load_yaml, to_decimal, warn_unverified
from engine.law.result import CalcResult, fmt_date, fmt_money, fmt_plain, money
from engine.paths import PARAMETERS_DIR
from engine.registry import calculator

_L = "《中华人民共和国劳动合同法》"
_R = "《中华人民共和国劳动合同法实施条例》"
C_N = f"{_L}第四十七条"
C_2N = f"{_L}第八十七条"
C_2N_YEARS = f"{_R}第二十五条"
C_WAGE = f"{_R}第二十七条"
C_1997 = f"{_L}第九十七条"
C_DOUBLE = f"{_L}第八十二条"
C_DOUBLE_FROM = f"{_R}第六条"
C_DOUBLE_TO = f"{_R}第七条"
LAW_IN_FORCE = date(2008, 1, 1)
HALF = Decimal("0.5")


def add_months(day: date, months: int) -> date:
    """Same day ``months`` later; a day missing in the target month becomes its last day."""
    total = day.year * 12 + day.month - 1 + months
    year, month = divmod(total, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


@dataclass(frozen=True)
class Service:
    years: int
    months: int
    days: int

    def text(self) -> str:
        return f"{self.years}年{self.months}个月{self.days}天"


def service_length(start: date, end: date) -> Service:
    """Full years, months and days from ``start`` to ``end``, both included."""
    if end < start:
        raise YaosuError(f"离职日（{end.isoformat()}）早于入职日（{start.isoformat()}）")
    stop = end + timedelta(days=1)  # the first day no longer worked
    months = 0
    while add_months(start, months + 1) <= stop:
        months += 1
    days = (stop - add_months(start, months)).days
    return Service(months // 12, months % 12, days)


def compensation_months(service: Service) -> tuple[Decimal, str]:
    """第四十七条第一款: a month per full year; 6 months up to a year count as one; under 6 months half."""
    n = Decimal(service.years)
    if service.months >= 6:
        return (
            n + 1,
            f"工作{service.text()}：满{service.years}年，剩余六个月以上不满一年的按一年计算，N = {n + 1}",
        )
    if service.months or service.days:
        return (
            n + HALF,
            f"工作{service.text()}：满{service.years}年，剩余不满六个月的支付半个月工资，N = {n + HALF}",
        )
    return n, f"工作{service.text()}：N = {n}"


@cache
def _wage_table() -> dict[str, object]:
    return load_yaml(PARAMETERS_DIR / "labor_average_wage.yaml")


def average_monthly_wage(region: str, year: int) -> tuple[Decimal, str]:
    """上年度职工月平均工资 of a 直辖市/设区的市 for statistical ``year``."""
    data = _wage_table()
    regions: dict = data["regions"]  # type: ignore[assignment]
    if region not in regions:
        raise YaosuError(f"未收录地区 {region!r} 的职工月平均工资，现有：{'/'.join(regions)}")
    entry = regions[region]
    item = (entry.get("values") or {}).get(year)
    if item is None:
        known = entry.get("not_found", "")
        raise YaosuError(
            f"缺少{entry['name']}{year}年度职工月平均工资（劳动合同法第四十七条第二款“三倍封顶”所需）"
            f"{'：' + known if known else '：参数表中没有该年度'}。添加方法：在 parameters/labor_average_wage.yaml 的 "
            f"regions.{region}.values 下新增 {year}: {{value: 月平均工资（元）, basis: 统计口径, source: 发布机关与文件或网址, "
            "status: verified}；或在计算时直接提供该数字（--average-wage / average_monthly_wage）并注明出处"
        )
    where = f"parameters/labor_average_wage.yaml {region} {year}"
    if item.get("status") == "unverified":
        warn_unverified(f"{entry['name']}{year}年度职工月平均工资未经核实（{item.get('source')}）")
    text = f"{entry['name']}{year}年度职工月平均工资{fmt_plain(to_decimal(item['value'], where))}元（{item['basis']}；来源：{item['source']}）"
    return to_decimal(item["value"], where), text


def region_of(court: str | None, region: str | None) -> str:
    if region is not None:
        return region
    courts: dict = _wage_table()["courts"]  # type: ignore[assignment]
    if court is None or court not in courts:
        raise YaosuError(
            f"请指定法院（{'/'.join(courts)}）或地区（shanghai/suzhou/jiaxing）以确定职工月平均工资"
        )
    return courts[court]


def _compensation(
    monthly_wage: Decimal,
    start: date,
    end: date,
    *,
    doubled: bool,
    court: str | None,
    region: str | None,
    wage_year: int | None,
    average_wage: Decimal | None,
) -> CalcResult:
    wage = Decimal(monthly_wage)
    if wage <= 0:
        raise YaosuError(f"月工资须大于0（现为{wage}元）")
    steps = [
        f"月工资{fmt_money(wage)}：解除或者终止前十二个月的平均工资（含计时计件工资、奖金、津贴和补贴；"
        "低于当地最低工资标准的按最低工资标准）"
    ]
    citations = [C_2N, C_N, C_2N_YEARS] if doubled else [C_N]
    warnings: list[str] = []
    counted_from = start
    if doubled:
        # 实施条例第二十五条: years for 赔偿金 count from the start of employment.
        steps.append("违法解除的赔偿金年限自用工之日起计算")
    elif start < LAW_IN_FORCE:
        # 第九十七条第三款: 经济补偿 years under this law run from 2008-01-01; earlier years follow old rules.
        counted_from = LAW_IN_FORCE
        steps.append("2008年1月1日前的工作年限依当时有关规定计算经济补偿，本计算只含2008年1月1日起的年限")
        warnings.append("2008年1月1日前的工作年限未计入，须依当时规定另行计算")
        citations.append(C_1997)
    service = service_length(counted_from, end)
    n, n_text = compensation_months(service)
    steps.append(f"{fmt_date(counted_from)}至{fmt_date(end)}（起止日均计入）" + n_text)
    if average_wage is not None:
        avg = Decimal(average_wage)
        avg_text = f"职工月平均工资{fmt_plain(avg)}元（由使用者提供）"
    else:
        year = wage_year if wage_year is not None else end.year - 1
        avg, avg_text = average_monthly_wage(region_of(court, region), year)
    cap = avg * 3
    base = wage
    if wage > cap:
        # 第四十七条第二款: above 3× the average → paid at 3× the average, for at most 12 years.
        base = cap
        steps.append(
            f"{avg_text}；月工资高于其三倍 {fmt_plain(avg)} × 3 = {fmt_plain(cap)}元，按{fmt_plain(cap)}元计算"
        )
        if n > 12:
            steps.append(f"支付经济补偿的年限最高不超过十二年：N = {n} 按12计算")
            n = Decimal(12)
    else:
        steps.append(f"{avg_text}；月工资未高于其三倍（{fmt_plain(cap)}元），不适用封顶")
    amount = money(base * n)
    steps.append(f"经济补偿 = {fmt_plain(base)} × {n} = {fmt_money(amount)}")
    if doubled:
        double = money(amount * 2)
        steps.append(
            f"违法解除赔偿金 = 经济补偿标准的二倍：{fmt_plain(amount)} × 2 = {fmt_money(double)}（支付赔偿金的，不再支付经济补偿）"
        )
        amount = double
    return CalcResult(
        amount=amount,
        steps=steps,
        citations=citations,
        details={"months": n, "base_wage": base, "service": service.text(), "average_wage": avg},
        warnings=warnings,
        calculator="illegal_termination.v1" if doubled else "economic_compensation.v1",
        money_keys=("base_wage",),
    )


@calculator("economic_compensation", version=1)
def economic_compensation(
    monthly_wage: Decimal,
    start: date,
    end: date,
    *,
    court: str | None = None,
    region: str | None = None,
    wage_year: int | None = None,
    average_monthly_wage: Decimal | None = None,
) -> CalcResult:
    """经济补偿 N (第四十七条). The average wage is the year before ``end`` unless ``wage_year`` is given."""
    return _compensation(
        monthly_wage,
        start,
        end,
        doubled=False,
        court=court,
        region=region,
        wage_year=wage_year,
        average_wage=average_monthly_wage,
    )


@calculator("illegal_termination", version=1)
def illegal_termination(
    monthly_wage: Decimal,
    start: date,
    end: date,
    *,
    court: str | None = None,
    region: str | None = None,
    wage_year: int | None = None,
    average_monthly_wage: Decimal | None = None,
) -> CalcResult:
    """违法解除赔偿金 2N (第八十七条; years from the start of employment, 实施条例第二十五条)."""
    return _compensation(
        monthly_wage,
        start,
        end,
        doubled=True,
        court=court,
        region=region,
        wage_year=wage_year,
        average_wage=average_monthly_wage,
    )


@calculator("double_wage", version=1)
def double_wage(
    monthly_wage: Decimal, start: date, end: date, contract_date: date | None = None
) -> CalcResult:
    """未签书面劳动合同的二倍工资差额 (第八十二条; 实施条例第六条、第七条): at most 11 months.

    ``start``: first day of employment; ``end``: last day worked (or the day the claim is counted to);
    ``contract_date``: the day a written contract was finally signed, if any. The amount is the extra
    one-fold wage (the ordinary wage is presumed paid); a part month is prorated by the calendar days
    of that month.
    """
    wage = Decimal(monthly_wage)
    if wage <= 0:
        raise YaosuError(f"月工资须大于0（现为{wage}元）")
    first = add_months(start, 1)  # 满一个月的次日
    deemed = add_months(start, 12)  # 满一年之日视为已订立无固定期限劳动合同
    last = min(deemed - timedelta(days=1), end)
    steps = [f"用工之日{fmt_date(start)}，自用工之日起满一个月的次日{fmt_date(first)}起算"]
    if contract_date is not None:
        if contract_date < start:
            raise YaosuError(f"补订合同日（{contract_date.isoformat()}）早于用工之日（{start.isoformat()}）")
        last = min(last, contract_date - timedelta(days=1))
        steps.append(f"{fmt_date(contract_date)}补订书面劳动合同，计至其前一日")
    if end >= deemed - timedelta(days=1) and (contract_date is None or contract_date >= deemed):
        steps.append(f"满一年之日{fmt_date(deemed)}视为已订立无固定期限劳动合同，计至其前一日，最长十一个月")
    if last < first:
        steps.append("用工不满一个月或者一个月内已订立书面合同，不支付二倍工资")
        return CalcResult(
            amount=Decimal("0.00"),
            steps=steps,
            citations=[C_DOUBLE, C_DOUBLE_FROM],
            details={"months": 0, "days": 0},
            calculator="double_wage.v1",
        )
    # Whole months are anchored on the start day so month ends cannot add a stray day (31 Mar → 30 Apr …).
    months = 0
    while add_months(start, months + 2) <= last + timedelta(days=1):
        months += 1
    part_start = add_months(start, months + 1)
    part_days = (last - part_start).days + 1
    month_len = (add_months(part_start, 1) - part_start).days
    whole = wage * months
    part = wage * part_days / month_len if part_days else Decimal(0)
    amount = money(whole + part)
    steps.append(f"{fmt_date(first)}至{fmt_date(last)}：{months}个月又{part_days}天")
    formula = f"{fmt_plain(wage)} × {months}"
    if part_days:
        formula += f" + {fmt_plain(wage)} × {part_days} ÷ {month_len}"
    steps.append(f"二倍工资差额（另一倍工资） = {formula} = {fmt_money(amount)}")
    return CalcResult(
        amount=amount,
        steps=steps,
        citations=[C_DOUBLE, C_DOUBLE_FROM, C_DOUBLE_TO],
        details={"months": months, "days": part_days, "from": first, "to": last},
        calculator="double_wage.v1",
    )

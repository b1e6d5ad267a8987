"""Labour-dispute money under 劳动合同法 and its 实施条例 (FACTS.md §7). Rounding: engine.law.result.

Service length is counted with both the first and the last day of employment included: from the
start day up to and including the end day (a contract from 2020-01-15 to 2021-01-14 is one full year).
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from functools import cache

from engine.errors import E, YaosuError
from engine.law.fee import litigation_fee
from engine.law.parameters import ParameterValue, load_yaml, parse_dated_table, to_decimal, warn_unverified
from engine.law.penalty import RuleOutcome
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
C_GROUNDS = f"{_L}第四十六条"
C_REINSTATE = f"{_L}第四十八条"
C_UNPAID = f"{_L}第三十条"
C_LIMIT_CIVIL = "《中华人民共和国民法典》第一百九十三条"
C_LIMIT_LABOR = "《中华人民共和国劳动争议调解仲裁法》第二十七条"
C_FINAL = "《中华人民共和国劳动争议调解仲裁法》第四十七条"
C_FINAL_ITEMS = "《最高人民法院关于审理劳动争议案件适用法律问题的解释（一）》第十九条、第二十条"
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
        raise YaosuError(E.E598, end_isoformat=end.isoformat(), start_isoformat=start.isoformat())
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
        raise YaosuError(E.E599, region=region, join_regions='/'.join(regions))
    entry = regions[region]
    item = (entry.get("values") or {}).get(year)
    if item is None:
        known = entry.get("not_found", "")
        raise YaosuError(
            E.E600, entry_name=entry['name'], year=year, known_if_known_else='：' + known if known else '：参数表中没有该年度', region=region
        )
    where = f"parameters/labor_average_wage.yaml {region} {year}"
    if item.get("status") == "unverified":
        warn_unverified(f"{entry['name']}{year}年度职工月平均工资未经核实（{item.get('source')}）")
    text = f"{entry['name']}{year}年度职工月平均工资{fmt_plain(to_decimal(item['value'], where))}元（{item['basis']}；来源：{item['source']}）"
    return to_decimal(item["value"], where), text


def region_of(court: str | None, region: str | None) -> str:
    if region is not None:
        return region
    from engine.drafting.courts import court_region

    if court is None:
        raise YaosuError(E.E601, join_courts="qingpu/wujiang/jiashan")
    return court_region(court, "city")


@cache
def _minimum_table() -> dict[str, object]:
    return load_yaml(PARAMETERS_DIR / "minimum_wage.yaml")


def minimum_monthly_wage(region: str, on: date) -> ParameterValue:
    """Thin lookup: the local monthly minimum wage in force on ``on`` (parameters/minimum_wage.yaml)."""
    regions: dict = _minimum_table()["regions"]  # type: ignore[assignment]
    if region not in regions:
        raise YaosuError(E.E602, region=region, join_regions='/'.join(regions))
    entry = regions[region]
    if not entry.get("values"):
        raise YaosuError(
            E.E603, entry_name=entry['name'], entry_get_not_found=entry.get('not_found', '参数表中没有数值'), region=region
        )
    table = parse_dated_table(entry, f"parameters/minimum_wage.yaml regions.{region}")
    return table.at(on, allow_past_verified=True)


def _known_minimum(region: str | None, on: date) -> ParameterValue | None:
    """The minimum wage if the table has it; None when it is not known (no figure is guessed)."""
    if region is None:
        return None
    try:
        return minimum_monthly_wage(region, on)
    except YaosuError:
        return None


def wage_base(monthly_wage: Decimal, minimum_wage: Decimal | None) -> tuple[Decimal, str | None]:
    """实施条例第二十七条: a 月工资 below the local minimum wage counts as the minimum wage."""
    if minimum_wage is not None and monthly_wage < minimum_wage:
        return Decimal(minimum_wage), (
            f"月工资{fmt_plain(monthly_wage)}元低于当地最低工资标准{fmt_plain(Decimal(minimum_wage))}元，"
            f"按最低工资标准{fmt_plain(Decimal(minimum_wage))}元计算"
        )
    return monthly_wage, None


def cap_could_apply(monthly_wage: Decimal, minimum_wage: Decimal | None) -> bool:
    """Could the 3× cap of 第四十七条第二款 matter? Not when the wage is at most 3× the minimum wage.

    The average wage is always above the minimum wage, so a wage not above three minimum wages is
    not above three average wages either; without a minimum wage nothing can be ruled out.
    """
    return minimum_wage is None or monthly_wage > Decimal(minimum_wage) * 3


def compute_compensation(
    monthly_wage: Decimal,
    start: date,
    end: date,
    *,
    doubled: bool,
    average_wage: Decimal | None,
    average_text: str = "",
    minimum_wage: Decimal | None = None,
    pre_2008_months: Decimal | None = None,
) -> CalcResult:
    """Pure N / 2N from the figures it needs (第四十七条, 第八十七条, 第九十七条; 实施条例第二十五条、第二十七条).

    ``average_wage``: the 上年度职工月平均工资 of the 设区的市 (None only when :func:`cap_could_apply` is
    False); ``minimum_wage``: the local monthly minimum wage, if known; ``pre_2008_months``: for N only,
    the months owed for service before 2008-01-01 under the rules of that time (0 = none for this
    ground); None = not counted, with a warning (第九十七条第三款).
    """
    wage = Decimal(monthly_wage)
    if wage <= 0:
        raise YaosuError(E.E604, wage=wage)
    steps = [
        f"月工资{fmt_money(wage)}：解除或者终止前十二个月的平均工资（含计时计件工资、奖金、津贴和补贴；"
        "低于当地最低工资标准的按最低工资标准）"
    ]
    citations = [C_2N, C_N, C_2N_YEARS] if doubled else [C_N]
    warnings: list[str] = []
    wage, floor_text = wage_base(wage, minimum_wage)
    if floor_text:
        steps.append(floor_text)
        citations.append(C_WAGE)
    counted_from = start
    pre_amount = Decimal(0)
    if doubled:
        # 实施条例第二十五条: years for 赔偿金 count from the start of employment.
        steps.append("违法解除的赔偿金年限自用工之日起计算")
    elif start < LAW_IN_FORCE:
        # 第九十七条第三款: 经济补偿 years under this law run from 2008-01-01; earlier years follow old rules.
        counted_from = LAW_IN_FORCE
        citations.append(C_1997)
        if pre_2008_months is None:
            steps.append("2008年1月1日前的工作年限依当时有关规定计算经济补偿，本计算只含2008年1月1日起的年限")
            warnings.append("2008年1月1日前的工作年限未计入，须依当时规定另行计算")
        elif Decimal(pre_2008_months) == 0:
            steps.append("2008年1月1日前的工作年限，依当时有关规定不支付经济补偿")
        else:
            months = Decimal(pre_2008_months)
            if months < 0:
                raise YaosuError(E.E612, months=months)
            pre_amount = money(wage * months)
            steps.append(
                f"2008年1月1日前的工作年限依当时有关规定支付{fmt_plain(months)}个月：{fmt_plain(wage)} × "
                f"{fmt_plain(months)} = {fmt_money(pre_amount)}"
            )
            warnings.append("2008年1月1日前部分的月数和基数依当时规定认定，请核对")
    service = service_length(counted_from, end)
    n, n_text = compensation_months(service)
    steps.append(f"{fmt_date(counted_from)}至{fmt_date(end)}（起止日均计入）" + n_text)
    base = wage
    if average_wage is None:
        if cap_could_apply(wage, minimum_wage):
            raise YaosuError(E.E608)
        steps.append(
            f"月工资不高于当地月最低工资标准{fmt_plain(Decimal(minimum_wage or 0))}元的三倍（"
            f"{fmt_plain(Decimal(minimum_wage or 0) * 3)}元），职工月平均工资高于最低工资标准，故月工资"
            "必然不高于职工月平均工资的三倍，不适用封顶"
        )
        avg = None
    else:
        avg = Decimal(average_wage)
        cap = avg * 3
        avg_text = average_text or f"职工月平均工资{fmt_plain(avg)}元"
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
    if pre_amount:
        total = amount + pre_amount
        steps.append(f"合计：{fmt_plain(amount)} + {fmt_plain(pre_amount)} = {fmt_money(total)}")
        amount = total
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
        details={
            "months": n,
            "base_wage": base,
            "service": service.text(),
            "average_wage": avg,
            "minimum_wage": None if minimum_wage is None else Decimal(minimum_wage),
            "pre_2008_amount": pre_amount,
        },
        warnings=warnings,
        calculator="illegal_termination.v1" if doubled else "economic_compensation.v1",
        money_keys=("base_wage", "pre_2008_amount"),
    )


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
    minimum_wage: Decimal | None,
    pre_2008_months: Decimal | None,
) -> CalcResult:
    """Thin lookups around :func:`compute_compensation`: the figures of the employer's 设区的市."""
    wage = Decimal(monthly_wage)
    place: str | None = region
    if place is None and court is not None:
        place = region_of(court, None)
    if minimum_wage is None:
        known = _known_minimum(place, end)
        minimum_wage = None if known is None else known.value
    avg_text = ""
    if average_wage is not None:
        avg: Decimal | None = Decimal(average_wage)
        avg_text = f"职工月平均工资{fmt_plain(Decimal(average_wage))}元（由使用者提供）"
    else:
        year = wage_year if wage_year is not None else end.year - 1
        try:
            avg, avg_text = average_monthly_wage(region_of(court, region), year)
        except YaosuError:
            if cap_could_apply(wage_base(wage, minimum_wage)[0], minimum_wage):
                raise
            avg = None  # the cap cannot matter, so the missing figure does not either
    return compute_compensation(
        wage,
        start,
        end,
        doubled=doubled,
        average_wage=avg,
        average_text=avg_text,
        minimum_wage=minimum_wage,
        pre_2008_months=pre_2008_months,
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
    minimum_wage: Decimal | None = None,
    pre_2008_months: Decimal | None = None,
) -> CalcResult:
    """经济补偿 N (第四十七条). The average wage is the year before ``end`` unless ``wage_year`` is given.

    The minimum wage in force at ``end`` is looked up when not given; a missing average wage is an
    error only when the wage exceeds three minimum wages (or the minimum wage is unknown).
    """
    return _compensation(
        monthly_wage,
        start,
        end,
        doubled=False,
        court=court,
        region=region,
        wage_year=wage_year,
        average_wage=average_monthly_wage,
        minimum_wage=minimum_wage,
        pre_2008_months=pre_2008_months,
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
    minimum_wage: Decimal | None = None,
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
        minimum_wage=minimum_wage,
        pre_2008_months=None,
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
        raise YaosuError(E.E604, wage=wage)
    first = add_months(start, 1)  # 满一个月的次日
    deemed = add_months(start, 12)  # 满一年之日视为已订立无固定期限劳动合同
    last = min(deemed - timedelta(days=1), end)
    steps = [f"用工之日{fmt_date(start)}，自用工之日起满一个月的次日{fmt_date(first)}起算"]
    if contract_date is not None:
        if contract_date < start:
            raise YaosuError(E.E609, contract_date_isoformat=contract_date.isoformat(), start_isoformat=start.isoformat())
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


# --- unpaid wages, what is owed, limitation, fee -------------------------------------------------


@dataclass(frozen=True)
class WageItem:
    period: str  # e.g. "2024年3月"
    due: Decimal
    paid: Decimal = Decimal(0)


@calculator("unpaid_wages", version=1)
def unpaid_wages(items: Iterable[WageItem]) -> CalcResult:
    """拖欠的劳动报酬: the wage due less what was paid, item by item (劳动合同法第三十条)."""
    steps: list[str] = []
    rows: list[dict[str, object]] = []
    total = Decimal(0)
    for item in items:
        due, paid = money(Decimal(item.due)), money(Decimal(item.paid))
        if due < 0 or paid < 0:
            raise YaosuError(E.E610, item_period=item.period)
        owed = max(due - paid, Decimal("0.00"))
        total += owed
        steps.append(f"{item.period}：应发{fmt_money(due)} − 已发{fmt_money(paid)} = 欠发{fmt_money(owed)}")
        rows.append({"period": item.period, "due": str(due), "paid": str(paid), "owed": str(owed)})
    if not rows:
        raise YaosuError(E.E605)
    if len(rows) > 1:
        steps.append("合计欠发：" + " + ".join(str(r["owed"]) for r in rows) + f" = {fmt_money(total)}")
    return CalcResult(
        amount=money(total),
        steps=steps,
        citations=[C_UNPAID],
        details={"items": rows},
        calculator="unpaid_wages.v1",
    )


# Grounds of ending a contract, by who ended it (enum termination_by of the labour table).
GROUNDS = {
    "employer": {
        "fault": "用人单位依第三十九条（劳动者过错）解除",
        "no_fault": "用人单位依第四十条解除",
        "layoff": "用人单位依第四十一条经济性裁员",
    },
    "employee": {
        "employer_fault": "劳动者依第三十八条（用人单位过错）解除",
        "own": "劳动者依第三十七条提前通知解除",
    },
    "mutual": {
        "employer_proposed": "用人单位提出、协商一致解除",
        "employee_proposed": "劳动者提出、协商一致解除",
    },
    "expiry": {
        "not_renewed": "劳动合同期满终止，用人单位不续订或者降低条件续订",
        "renewal_refused": "劳动合同期满，用人单位维持或者提高条件续订而劳动者不同意",
    },
}
OWED_N = {("employer", "no_fault"), ("employer", "layoff"), ("employee", "employer_fault"),
          ("mutual", "employer_proposed"), ("expiry", "not_renewed")}  # fmt: skip


@calculator("compensation_owed", version=1)
def compensation_owed(
    termination_by: str, ground: str | None = None, *, lawful: bool = True, reinstatement: bool = False
) -> RuleOutcome:
    """Which money the ending of the contract gives: "2N", "N" or "none" (details["owed"]).

    ``termination_by``: employer / employee / mutual / expiry; ``ground``: a key of ``GROUNDS``;
    ``lawful``: the court's finding for an employer's termination (False → 第八十七条);
    ``reinstatement``: the employee asks to continue the contract instead (第四十八条).
    ``holds`` True = the employer owes money for the ending.
    """
    if termination_by not in GROUNDS:
        raise YaosuError(E.E606, termination_by=termination_by, join_grounds='/'.join(GROUNDS))
    if termination_by == "employer" and not lawful:
        if reinstatement:
            steps = ["用人单位违法解除劳动合同，劳动者要求继续履行的，用人单位应当继续履行，不支付赔偿金"]
            return RuleOutcome(False, steps, [C_REINSTATE], {"owed": "reinstate"}, "compensation_owed.v1")
        steps = [
            "用人单位违法解除劳动合同，劳动者不要求继续履行，应当依照第四十七条规定的经济补偿标准的二倍支付赔偿金",
            "支付了赔偿金的，不再支付经济补偿",
        ]
        return RuleOutcome(
            True, steps, [C_2N, C_REINSTATE, C_2N_YEARS], {"owed": "2N"}, "compensation_owed.v1"
        )
    if ground not in GROUNDS[termination_by]:
        options = "；".join(f"{k}：{v}" for k, v in GROUNDS[termination_by].items())
        raise YaosuError(E.E607, options=options)
    label = GROUNDS[termination_by][ground]
    if (termination_by, ground) in OWED_N:
        steps = [f"{label}，用人单位应当向劳动者支付经济补偿"]
        return RuleOutcome(True, steps, [C_GROUNDS, C_N], {"owed": "N"}, "compensation_owed.v1")
    steps = [f"{label}，不属于用人单位应当支付经济补偿的情形"]
    return RuleOutcome(False, steps, [C_GROUNDS], {"owed": "none"}, "compensation_owed.v1")


ITEM_ZH = {
    "unpaid_wages": "工资",
    "double_wages": "未签订书面劳动合同二倍工资差额",
    "overtime": "加班费",
    "economic_compensation": "解除劳动合同经济补偿",
    "illegal_termination": "违法解除劳动合同赔偿金",
}


@calculator("award_review", version=1)
def award_review(awarded: Mapping[str, Decimal], found: Mapping[str, Decimal]) -> CalcResult:
    """An employer suing against an award: per item, what the employer still owes and what it need not pay.

    ``awarded``: the arbitration award's items (keys of ``ITEM_ZH``); ``found``: what the court finds
    owed (an item absent = nothing owed). ``amount``: the total the employer owes the employee.
    """
    steps: list[str] = []
    rows: list[dict[str, str]] = []
    total = Decimal(0)
    for key in dict.fromkeys([*awarded, *found]):
        if key not in ITEM_ZH:
            raise YaosuError(E.E611, key=key, join_item_zh='/'.join(ITEM_ZH))
        got = money(Decimal(awarded.get(key, 0)))
        owed = money(Decimal(found.get(key, 0)))
        total += owed
        label = ITEM_ZH[key]
        if owed == 0:
            steps.append(f"{label}：仲裁裁决{fmt_money(got)}，经审理不应支付，原告无需支付")
        elif owed < got:
            steps.append(
                f"{label}：仲裁裁决{fmt_money(got)}，经审理应支付{fmt_money(owed)}，其余{fmt_money(got - owed)}无需支付"
            )
        else:
            steps.append(f"{label}：应支付{fmt_money(owed)}（仲裁裁决{fmt_money(got)}）")
        rows.append(
            {
                "item": key,
                "awarded": str(got),
                "owed": str(owed),
                "not_owed": str(max(got - owed, Decimal(0))),
            }
        )
    return CalcResult(
        amount=money(total), steps=steps, citations=[], details={"items": rows}, calculator="award_review.v1"
    )


def _one_year_after(day: date) -> date:
    return add_months(day, 12)


@calculator("labor_limitation", version=1)
def limitation_bars(
    raised: bool,
    *,
    known: date,
    applied: date,
    employment_end: date | None = None,
    wage_arrears: bool = False,
    interrupted_on: date | None = None,
) -> RuleOutcome:
    """Is the claim time-barred? Only if the other side raised it: the court never applies it itself.

    ``raised``: the limitation defence was raised (民法典第一百九十三条 — the court may not apply
    limitation of its own motion); ``known``: the day the right was, or should have been, known to be
    infringed; ``applied``: the day arbitration was applied for; ``wage_arrears`` with
    ``employment_end``: unpaid wages during employment, limited only from the end of employment;
    ``interrupted_on``: the last interruption, from which the year runs again.
    ``holds`` True = barred.
    """
    citations = [C_LIMIT_CIVIL]
    if not raised:
        steps = ["对方当事人未提出时效抗辩，人民法院不得主动适用诉讼时效的规定"]
        return RuleOutcome(False, steps, citations, {"deadline": None}, "labor_limitation.v1")
    citations.append(C_LIMIT_LABOR)
    steps = ["劳动争议申请仲裁的时效期间为一年，从当事人知道或者应当知道其权利被侵害之日起计算"]
    begin, what = known, f"知道或者应当知道权利被侵害之日{fmt_date(known)}"
    if wage_arrears:
        if employment_end is None:
            steps.append("劳动关系存续期间因拖欠劳动报酬发生争议的，申请仲裁不受一年时效期间的限制")
            return RuleOutcome(False, steps, citations, {"deadline": None}, "labor_limitation.v1")
        begin, what = employment_end, f"劳动关系终止之日{fmt_date(employment_end)}"
        steps.append("拖欠劳动报酬，劳动关系终止的，应当自劳动关系终止之日起一年内提出")
    if interrupted_on is not None:
        begin, what = interrupted_on, f"时效中断之日{fmt_date(interrupted_on)}"
        steps.append("时效中断，从中断时起重新计算")
    deadline = _one_year_after(begin)
    barred = applied > deadline
    steps.append(
        f"自{what}起一年，至{fmt_date(deadline)}届满；{fmt_date(applied)}申请仲裁，"
        + ("已超过仲裁时效" if barred else "未超过仲裁时效")
    )
    return RuleOutcome(barred, steps, citations, {"deadline": deadline}, "labor_limitation.v1")


@calculator("final_award_items", version=1)
def final_award_items(items: Mapping[str, Decimal], minimum_wage: Decimal) -> RuleOutcome:
    """一裁终局 for money items: each item ≤ 12 × the local monthly minimum wage (调解仲裁法第四十七条第（一）项).

    Applied per item (劳动争议解释（一）第十九条); an award mixing final and non-final items is treated
    as non-final (第二十条). ``holds`` True = the whole award is final.
    """
    limit = money(Decimal(minimum_wage) * 12)
    steps = [f"当地月最低工资标准{fmt_plain(Decimal(minimum_wage))}元 × 12 = {fmt_money(limit)}，逐项比较"]
    finals: dict[str, bool] = {}
    for key, value in items.items():
        amount = money(Decimal(value))
        finals[key] = amount <= limit
        label = ITEM_ZH.get(key, key)
        steps.append(f"{label}{fmt_money(amount)}" + ("不超过" if finals[key] else "超过") + "该数额")
    final = bool(finals) and all(finals.values())
    steps.append("各项均不超过，为终局裁决" if final else "有一项超过（或含非终局事项），按非终局裁决处理")
    return RuleOutcome(
        final, steps, [C_FINAL, C_FINAL_ITEMS], {"limit": limit, "items": finals}, "final_award_items.v1"
    )


def labor_case_fee(simple_procedure: bool = False) -> CalcResult:
    """案件受理费 of a labour case: 10元 a case, halved under 简易程序 (诉讼费用交纳办法第十三条第（四）项、第十六条)."""
    return litigation_fee(Decimal(0), "simple" if simple_procedure else "ordinary", "labor")

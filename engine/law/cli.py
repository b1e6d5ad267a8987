"""`yaosu calc …`: the calculators on the command line (mounted by engine/cli.py as `calc`).

Human-readable output by default; `--json` prints the spec's JSON shape (money as "0.00" strings).
A YaosuError is printed on stderr as one Chinese line and the command exits 2; warnings about
unverified figures go to stderr (and into the JSON's "warnings").
"""

from __future__ import annotations

import json
import sys
import warnings
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Any

import typer

from engine.cli_types import decimal_option, int_option
from engine.errors import E, YaosuError
from engine.law.compulsory_insurance import (
    Advance,
    Vehicle,
    Victim,
    allocate,
    appraisal_fee_bearer,
    compulsory_limits,
    item_groups,
)
from engine.law.fee import litigation_fee
from engine.law.injury import (
    Dependant,
    consumption_standard,
    daily_item,
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
    province_of,
    use_year_for,
)
from engine.law.injury import daily_rate as daily_rate_of
from engine.law.interest import Repayment, private_lending_claim, private_lending_interest
from engine.law.labor import double_wage, economic_compensation, illegal_termination
from engine.law.late_performance import doubled_interest
from engine.law.lawdata import LawData
from engine.law.parameters import UnverifiedParameterWarning
from engine.law.penalty import deposit_or_penalty, penalty_claim
from engine.law.result import CalcResult, fmt_money

calc_app = typer.Typer(
    help="计算器：案件受理费、民间借贷利息、迟延履行利息、人身损害赔偿、交通事故赔偿分配、劳动争议、买卖合同违约金。每项结果附计算过程与法条依据。",
    no_args_is_help=True,
    add_completion=False,
)

JsonOpt = Annotated[bool, typer.Option("--json", help="输出JSON（金额为两位小数的字符串）")]


@calc_app.callback()
def calc_options(
    ctx: typer.Context,
    parameters: Annotated[
        Path | None,
        typer.Option(
            "--parameters", help="改用另一参数目录（如起草时 parameters/ 的副本）计算，便于按原稿重算"
        ),
    ] = None,
) -> None:
    """计算器的公共选项。"""
    ctx.obj = parameters


def _law(ctx: typer.Context) -> LawData | None:
    """The LawData of ``--parameters`` (None: the repository's parameters/); loaded inside compute()."""
    path = ctx.obj if isinstance(ctx.obj, Path) else None
    return None if path is None else LawData.load(path)


def _date_or_month(raw: str | None, name: str) -> date | str | None:
    """A date, or YYYY-MM when only the month is known (the calculator then warns)."""
    if raw is not None and len(raw.strip()) == 7:
        return raw.strip()
    return _date(raw, name)


def _dec(raw: str | None, name: str) -> Decimal | None:
    return decimal_option(raw, name)  # NaN, Infinity, 1e400, negatives refused (engine/cli_types.py)


def _need_dec(raw: str | None, name: str) -> Decimal:
    value = _dec(raw, name)
    if value is None:
        raise YaosuError(E.E514, name=name)
    return value


def _date(raw: str | None, name: str) -> date | None:
    if raw is None:
        return None
    try:
        return date.fromisoformat(raw.strip())
    except ValueError as exc:
        raise YaosuError(E.E520, name=name, raw=raw) from exc


def _need_date(raw: str | None, name: str) -> date:
    value = _date(raw, name)
    if value is None:
        raise YaosuError(E.E514, name=name)
    return value


def _need_int(raw: int | None, name: str) -> int:
    if raw is None:
        raise YaosuError(E.E514, name=name)
    return int_option(raw, name)  # type: ignore[return-value]


def _run(
    title: str,
    as_json: bool,
    compute: Callable[[], CalcResult],
    shape: Callable[[CalcResult], dict] | None = None,
) -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", UnverifiedParameterWarning)
        try:
            result = compute()
        except YaosuError as exc:
            typer.echo(f"错误：{exc.shown}", err=True)
            raise typer.Exit(code=exc.exit_code) from None
    notes = list(
        dict.fromkeys(str(w.message) for w in caught if issubclass(w.category, UnverifiedParameterWarning))
    )
    for note in notes:
        typer.echo(f"注意：{note}", err=True)
    if as_json:
        out = shape(result) if shape else result.to_json()
        out["warnings"] = list(dict.fromkeys([*out.get("warnings", []), *notes]))
        sys.stdout.write(json.dumps(out, ensure_ascii=False, indent=2) + "\n")
    else:
        typer.echo(f"{title}：{fmt_money(result.amount)}")
        typer.echo(result.text())


@calc_app.command("fee")
def fee_cmd(
    ctx: typer.Context,
    amount: Annotated[str | None, typer.Option("--amount", help="诉讼请求金额（元）；劳动争议可省略")] = None,
    procedure: Annotated[
        list[str] | None,
        typer.Option(
            "--procedure",
            help="ordinary 普通 / simple 简易 / mediation 调解 / withdrawal 撤诉；可重复，只减半一次",
        ),
    ] = None,
    kind: Annotated[
        str, typer.Option("--kind", help="property 财产案件 / labor 劳动争议 / divorce 离婚")
    ] = "property",
    divorce_base: Annotated[
        str | None,
        typer.Option(
            "--divorce-base", help="离婚案件每件收费（本省标准，须在《诉讼费用交纳办法》规定的幅度内）"
        ),
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """案件受理费（《诉讼费用交纳办法》；条文与标准见 parameters/litigation_fee.yaml）。"""

    def compute() -> CalcResult:
        value = _dec(amount, "--amount")
        if value is None:
            if kind != "labor":
                raise YaosuError(E.E526)
            value = Decimal(0)
        return litigation_fee(
            value,
            procedure or ["ordinary"],
            kind,
            divorce_base=_dec(divorce_base, "--divorce-base"),
            law=_law(ctx),
        )

    def shape(result: CalcResult) -> dict:
        out = result.to_json()
        return {
            "fee": out["fee"],
            "full_fee": out["full_fee"],
            "halved": out["halved"],
            "brackets": out["brackets"],
            **{k: v for k, v in out.items() if k not in ("fee", "full_fee", "halved", "brackets")},
        }

    _run("案件受理费", as_json, compute, shape)


def _repayment(raw: str) -> Repayment:
    day, sep, amount = raw.partition(":")
    if not sep:
        raise YaosuError(E.E515, raw=raw)
    return Repayment(_need_date(day, "--repayment 日期"), _need_dec(amount, "--repayment 金额"))


@calc_app.command("interest")
def interest_cmd(
    ctx: typer.Context,
    principal: Annotated[str, typer.Option("--principal", help="本金（元）")],
    start: Annotated[str, typer.Option("--start", help="起息日 YYYY-MM-DD（计入）")],
    end: Annotated[str, typer.Option("--end", help="截止日 YYYY-MM-DD（计入）")],
    rate: Annotated[
        str | None,
        typer.Option(
            "--rate", help="约定年利率（%），如 15.4；用 --due-date 时为借期内利率，可省略表示未约定"
        ),
    ] = None,
    contract_date: Annotated[
        str | None, typer.Option("--contract-date", help="合同成立日（缺省为起息日；只知年月可写 YYYY-MM）")
    ] = None,
    filing_date: Annotated[
        str | None, typer.Option("--filing-date", help="起诉日（2020-08-20前成立的合同必填）")
    ] = None,
    due_date: Annotated[
        str | None, typer.Option("--due-date", help="还款期限届满日；给出则分借期内与逾期计算")
    ] = None,
    overdue_rate: Annotated[str | None, typer.Option("--overdue-rate", help="约定逾期年利率（%）")] = None,
    penalty_rate: Annotated[
        str | None, typer.Option("--penalty-rate", help="违约金，按逾期本金的年利率（%）")
    ] = None,
    fees: Annotated[
        str | None, typer.Option("--fees", help="其他费用（元），与逾期利息、违约金合计受上限约束")
    ] = None,
    costs: Annotated[str | None, typer.Option("--costs", help="实现债权的费用（元），还款先抵充")] = None,
    repayment: Annotated[list[str] | None, typer.Option("--repayment", help="还款 日期:金额，可重复")] = None,
    as_json: JsonOpt = False,
) -> None:
    """民间借贷利息：计息规则与利率上限见 parameters/private_lending.yaml，按合同成立日与起诉日适用。"""

    def compute() -> CalcResult:
        p = _need_dec(principal, "--principal")
        s, e = _need_date(start, "--start"), _need_date(end, "--end")
        c, f = _date_or_month(contract_date, "--contract-date"), _date(filing_date, "--filing-date")
        law = _law(ctx)
        if due_date is None:
            if overdue_rate or penalty_rate or fees or costs or repayment:
                raise YaosuError(E.E527)
            return private_lending_interest(p, s, e, _need_dec(rate, "--rate"), c, f, law=law)
        return private_lending_claim(
            p,
            s,
            _need_date(due_date, "--due-date"),
            e,
            term_rate=_dec(rate, "--rate"),
            overdue_rate=_dec(overdue_rate, "--overdue-rate"),
            penalty_rate=_dec(penalty_rate, "--penalty-rate"),
            other_fees=_dec(fees, "--fees") or Decimal(0),
            costs=_dec(costs, "--costs") or Decimal(0),
            repayments=[_repayment(r) for r in repayment or []],
            contract_date=c,
            filing_date=f,
            law=law,
        )

    _run("利息" if due_date is None else "截至截止日尚欠合计", as_json, compute)


@calc_app.command("late")
def late_cmd(
    ctx: typer.Context,
    debt: Annotated[str, typer.Option("--debt", help="除一般债务利息外的金钱债务（元）")],
    start: Annotated[str, typer.Option("--start", help="履行期间届满之次日 YYYY-MM-DD")],
    end: Annotated[str, typer.Option("--end", help="截止日 YYYY-MM-DD（计入）")],
    as_json: JsonOpt = False,
) -> None:
    """迟延履行期间的加倍部分债务利息（日利率见 parameters/late_performance.yaml）。"""
    _run(
        "加倍部分债务利息",
        as_json,
        lambda: doubled_interest(
            _need_dec(debt, "--debt"), _need_date(start, "--start"), _need_date(end, "--end"), law=_law(ctx)
        ),
    )


INJURY_ITEMS = {
    "disability": "残疾赔偿金",
    "death": "死亡赔偿金",
    "funeral": "丧葬费",
    "dependants": "被扶养人生活费",
    "misswork": "误工费",
    "nursing": "护理费",
    "hospital_meal": "住院伙食补助费",
    "nutrition": "营养费",
    "local_transport": "交通费（同城就医）",
}


def _injury_year(province: str, year: int | None, hearing_end: date | None) -> tuple[int, str | None]:
    if year is not None:
        return year, None
    if hearing_end is None:
        raise YaosuError(E.E516)
    return use_year_for(province, hearing_end)


@calc_app.command("injury")
def injury_cmd(
    item: Annotated[str, typer.Argument(help=" / ".join(f"{k} {v}" for k, v in INJURY_ITEMS.items()))],
    court: Annotated[str | None, typer.Option("--court", help="受诉法院 qingpu / wujiang / jiashan")] = None,
    province: Annotated[
        str | None, typer.Option("--province", help="或直接指定省份 shanghai / jiangsu / zhejiang")
    ] = None,
    year: Annotated[
        int | None,
        typer.Option("--year", help="适用标准的年度（一审法庭辩论终结的年份，使用其上一年度统计数据）"),
    ] = None,
    hearing_end: Annotated[
        str | None,
        typer.Option("--hearing-end", help="一审法庭辩论终结日 YYYY-MM-DD（据此确定年度，江苏按高院通知日）"),
    ] = None,
    tort_date: Annotated[
        str | None, typer.Option("--tort-date", help="侵权行为（事故）发生日；2022-05-01前的按当时城乡规则")
    ] = None,
    residence: Annotated[
        str | None, typer.Option("--residence", help="2022-05-01前侵权：受害人 urban 城镇 / rural 农村")
    ] = None,
    age: Annotated[int | None, typer.Option("--age", help="受害人定残或死亡时的周岁")] = None,
    grade: Annotated[int | None, typer.Option("--grade", help="最高伤残等级 1–10")] = None,
    extra_index: Annotated[
        list[str] | None,
        typer.Option("--extra-index", help="其他伤残的附加指数（%，法官确定，每处0–10），可重复"),
    ] = None,
    coefficient: Annotated[
        str | None, typer.Option("--coefficient", help="赔偿系数（%），本院认定时覆盖按等级计算的指数")
    ] = None,
    dependant: Annotated[
        list[str] | None, typer.Option("--dependant", help="被扶养人 年龄[:扶养人数]，可重复，如 10:2")
    ] = None,
    days: Annotated[int | None, typer.Option("--days", help="误工、护理、住院或营养天数")] = None,
    daily_income: Annotated[str | None, typer.Option("--daily-income", help="误工：日收入（元）")] = None,
    monthly_income: Annotated[str | None, typer.Option("--monthly-income", help="误工：月收入（元）")] = None,
    annual_income: Annotated[str | None, typer.Option("--annual-income", help="误工：年收入（元）")] = None,
    income_basis: Annotated[
        str,
        typer.Option(
            "--income-basis",
            help="误工收入依据 fixed 固定收入 / average_3y 近三年平均 / trade_average 同行业平均工资",
        ),
    ] = "fixed",
    daily_rate: Annotated[
        str | None,
        typer.Option(
            "--daily-rate", help="每日标准（元，法官认定）；不填则查 parameters/injury_daily_rates.yaml"
        ),
    ] = None,
    carers: Annotated[int, typer.Option("--carers", help="护理人数")] = 1,
    as_json: JsonOpt = False,
) -> None:
    """人身损害赔偿（法释〔2022〕14号），按受诉法院所在省份的上一年度标准。"""

    def compute() -> CalcResult:
        if item not in INJURY_ITEMS:
            raise YaosuError(E.E521, item=item, join_injury_items='/'.join(INJURY_ITEMS))
        prov = province_of(court, province)
        t = _date(tort_date, "--tort-date")
        h = _date(hearing_end, "--hearing-end")
        if item in ("disability", "death", "funeral", "dependants"):
            use_year, why = _injury_year(prov, year, h)
            where: dict[str, Any] = {"tort_date": t, "residence": residence}
            if item == "disability":
                result = disability_compensation(
                    income_standard(prov, use_year, **where),
                    _need_int(age, "--age"),
                    _need_int(grade, "--grade"),
                    extra_indices=[_need_dec(x, "--extra-index") for x in extra_index or []],
                    coefficient_percent=_dec(coefficient, "--coefficient"),
                    tort_date=t,
                )
            elif item == "death":
                result = death_compensation(
                    income_standard(prov, use_year, **where), _need_int(age, "--age"), tort_date=t
                )
            elif item == "funeral":
                wage, unit = funeral_wage(prov, use_year)
                result = funeral_expenses(wage, wage_unit=unit)
            else:
                people = []
                for raw in dependant or []:
                    a, _, n = raw.partition(":")
                    try:
                        people.append(Dependant(int(a), int(n) if n else 1))
                    except ValueError as exc:
                        raise YaosuError(E.E529, raw=raw) from exc
                coef = _dec(coefficient, "--coefficient")
                if coef is None and grade is not None:
                    coef = disability_index(
                        grade, [_need_dec(x, "--extra-index") for x in extra_index or []]
                    )[0]
                result = dependant_living_expenses(
                    consumption_standard(prov, use_year, **where),
                    people,
                    coefficient_percent=coef if coef is not None else Decimal(100),
                    tort_date=t,
                )
            if why:
                result.steps.insert(0, why)
            return result
        day_count = _need_int(days, "--days")
        if item == "misswork":
            given = [
                (v, p)
                for v, p in ((daily_income, "day"), (monthly_income, "month"), (annual_income, "year"))
                if v
            ]
            if len(given) != 1:
                raise YaosuError(
                    E.E528
                )
            raw, period = given[0]
            income = given_figure(_need_dec(raw, "收入"), "受害人收入（本院认定）")
            return lost_earnings(day_count, income, period=period, basis=income_basis)
        rate_item = "nursing" if item == "nursing" else item
        if daily_rate is not None:
            rate = given_figure(
                _need_dec(daily_rate, "--daily-rate"), f"{INJURY_ITEMS[item]}日标准（本院认定）"
            )
        else:
            rate = daily_rate_of(prov, rate_item, _need_date(hearing_end, "--hearing-end（查日标准的日期）"))
        if item == "nursing":
            return nursing_fee(day_count, rate, carers=carers)
        return daily_item(item, day_count, rate)

    _run(INJURY_ITEMS.get(item, item), as_json, compute)


def _traffic_input(path: str) -> dict:
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
    except FileNotFoundError as exc:
        raise YaosuError(E.E522, file=path) from exc
    except json.JSONDecodeError as exc:
        raise YaosuError(E.E523, file=path, exc_lineno=exc.lineno, exc_msg=exc.msg) from exc
    if not isinstance(data, dict):
        raise YaosuError(E.E517, file=path)
    return data


def _traffic_case(data: dict, court: str | None) -> CalcResult:
    accident = _need_date(data.get("accident_date"), "accident_date")
    victims = []
    for i, raw in enumerate(data.get("victims") or [], 1):
        items = {k: _need_dec(str(v), f"victims[{i}].items.{k}") for k, v in (raw.get("items") or {}).items()}
        victims.append(
            Victim(str(raw.get("name") or f"受害人{i}"), items, bool(raw.get("mental_first", False)))
        )
    vehicles = []
    for i, raw in enumerate(data.get("vehicles") or [], 1):
        where = f"vehicles[{i}]"
        limit = raw.get("commercial_limit")
        vehicles.append(
            Vehicle(
                name=str(raw.get("name") or raw.get("plate") or f"车辆{i}"),
                limits=compulsory_limits(accident, at_fault=bool(raw.get("at_fault", True))),
                liability_share=_need_dec(str(raw.get("liability_share", "")), f"{where}.liability_share"),
                tortfeasor=str(raw.get("tortfeasor") or raw.get("driver") or ""),
                compulsory_insurer=raw.get("compulsory_insurer"),
                commercial_insurer=raw.get("commercial_insurer"),
                commercial_limit=None
                if limit is None
                else _need_dec(str(limit), f"{where}.commercial_limit"),
                policyholder=str(raw.get("policyholder") or raw.get("owner") or ""),
                commercial_excluded=frozenset(raw.get("commercial_excluded") or []),
            )
        )
    advances = [
        Advance(
            str(a.get("payer")),
            _need_dec(str(a.get("amount")), "paid_in_advance.amount"),
            str(a.get("victim") or ""),
        )
        for a in data.get("paid_in_advance") or data.get("advances") or []
    ]
    bearer = data.get("appraisal_bearer")
    if bearer is None and court and any("appraisal_fee" in v.items for v in victims):
        bearer = appraisal_fee_bearer(court)
    return allocate(victims, vehicles, item_groups(), advances=advances, appraisal_bearer=bearer)


@calc_app.command("traffic")
def traffic_cmd(
    input_file: Annotated[
        str, typer.Option("--input", help="案件数据JSON：accident_date、victims、vehicles、paid_in_advance")
    ],
    court: Annotated[str | None, typer.Option("--court", help="受诉法院（查鉴定费负担的法院设置）")] = None,
    as_json: JsonOpt = False,
) -> None:
    """机动车交通事故：交强险分项限额、商业三者险、侵权人的赔偿分配（民法典第一千二百一十三条）。"""
    _run("各赔偿义务人尚应支付合计", as_json, lambda: _traffic_case(_traffic_input(input_file), court))


LABOR_ITEMS = ("compensation", "illegal", "double-wage")


@calc_app.command("labor")
def labor_cmd(
    item: Annotated[
        str,
        typer.Argument(
            help="compensation 经济补偿N / illegal 违法解除赔偿金2N / double-wage 未签合同二倍工资"
        ),
    ],
    wage: Annotated[str, typer.Option("--wage", help="月工资（元）：解除前十二个月平均工资")],
    start: Annotated[str, typer.Option("--start", help="入职（用工）日 YYYY-MM-DD")],
    end: Annotated[str, typer.Option("--end", help="劳动关系解除或终止日 / 计算截止日 YYYY-MM-DD（计入）")],
    court: Annotated[
        str | None, typer.Option("--court", help="qingpu / wujiang / jiashan（确定职工月平均工资的地区）")
    ] = None,
    region: Annotated[
        str | None, typer.Option("--region", help="或直接指定 shanghai / suzhou / jiaxing")
    ] = None,
    wage_year: Annotated[
        int | None, typer.Option("--wage-year", help="职工月平均工资的年度（缺省为解除前一年）")
    ] = None,
    average_wage: Annotated[
        str | None, typer.Option("--average-wage", help="直接给出职工月平均工资（元），须注明出处")
    ] = None,
    contract_date: Annotated[
        str | None, typer.Option("--contract-date", help="二倍工资：补订书面合同之日")
    ] = None,
    minimum_wage: Annotated[
        str | None, typer.Option("--minimum-wage", help="当地月最低工资标准（元）；缺省查参数表")
    ] = None,
    pre_2008_months: Annotated[
        str | None,
        typer.Option("--pre-2008-months", help="经济补偿：2008年前工作年限依当时规定应付的月数（0为不支付）"),
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """劳动争议：经济补偿（第四十七条）、违法解除赔偿金（第八十七条）、未签书面合同二倍工资（第八十二条）。"""

    def compute() -> CalcResult:
        w = _need_dec(wage, "--wage")
        s, e = _need_date(start, "--start"), _need_date(end, "--end")
        if item == "double-wage":
            return double_wage(w, s, e, _date(contract_date, "--contract-date"))
        kwargs: dict[str, Any] = {
            "court": court,
            "region": region,
            "wage_year": wage_year,
            "average_monthly_wage": _dec(average_wage, "--average-wage"),
            "minimum_wage": _dec(minimum_wage, "--minimum-wage"),
        }
        if item == "compensation":
            return economic_compensation(
                w, s, e, **kwargs, pre_2008_months=_dec(pre_2008_months, "--pre-2008-months")
            )
        if pre_2008_months is not None:
            raise YaosuError(E.E524)
        if item == "illegal":
            return illegal_termination(w, s, e, **kwargs)
        raise YaosuError(E.E518, item=item, join_labor_items='/'.join(LABOR_ITEMS))

    names = {"compensation": "经济补偿", "illegal": "违法解除赔偿金", "double-wage": "二倍工资差额"}
    _run(names.get(item, item), as_json, compute)


PENALTY_ITEMS = ("penalty", "deposit")


@calc_app.command("penalty")
def penalty_cmd(
    item: Annotated[
        str,
        typer.Argument(help="penalty 逾期付款违约金（含调整、未约定时的LPR加计） / deposit 定金与违约金择一"),
    ] = "penalty",
    outstanding: Annotated[
        str | None, typer.Option("--outstanding", help="欠付价款（元），违约金的计算基数")
    ] = None,
    due_date: Annotated[
        str | None, typer.Option("--due-date", help="付款期限届满日 YYYY-MM-DD（次日起算）")
    ] = None,
    end: Annotated[str | None, typer.Option("--end", help="计算截止日 YYYY-MM-DD（计入）")] = None,
    rate: Annotated[
        str | None,
        typer.Option("--rate", help="约定标准：日万分之五、每日千分之一、年利率18%、10000元；未约定则省略"),
    ] = None,
    adjusted: Annotated[
        str | None, typer.Option("--adjusted", help="法院调整后的标准：如 LPR×1.5、年利率6%")
    ] = None,
    multiple: Annotated[
        str | None, typer.Option("--multiple", help="未约定违约金：一年期LPR的倍数 1.3—1.5")
    ] = None,
    loss: Annotated[
        str | None, typer.Option("--loss", help="法院认定的损失（元）；缺省按调整后的标准计算")
    ] = None,
    not_requested: Annotated[bool, typer.Option("--not-requested", help="违约方未请求调整违约金")] = False,
    malicious: Annotated[bool, typer.Option("--malicious", help="恶意违约")] = False,
    deposit: Annotated[str | None, typer.Option("--deposit", help="定金（元）")] = None,
    penalty: Annotated[str | None, typer.Option("--penalty", help="违约金（元）")] = None,
    price: Annotated[str | None, typer.Option("--price", help="主合同标的额（元），定金不超过其20%")] = None,
    chosen: Annotated[str | None, typer.Option("--chosen", help="守约方的选择 deposit / penalty")] = None,
    as_json: JsonOpt = False,
) -> None:
    """买卖合同违约金（民法典第五百八十五条、第五百八十八条；买卖合同解释第十八条第四款；合同编通则解释第六十五条）。"""

    def compute() -> CalcResult:
        if item == "deposit":
            return deposit_or_penalty(
                _need_dec(deposit, "--deposit"),
                _need_dec(penalty, "--penalty"),
                contract_price=_dec(price, "--price"),
                chosen=chosen,
                loss=_dec(loss, "--loss"),
            )
        if item != "penalty":
            raise YaosuError(E.E525, item=item, join_penalty_items='/'.join(PENALTY_ITEMS))
        return penalty_claim(
            _need_dec(outstanding, "--outstanding"),
            _need_date(due_date, "--due-date"),
            _need_date(end, "--end"),
            rate,
            adjusted,
            multiple=_dec(multiple, "--multiple"),
            loss=_dec(loss, "--loss"),
            requested=not not_requested,
            malicious=malicious,
        )

    _run("定金或违约金" if item == "deposit" else "违约金", as_json, compute)

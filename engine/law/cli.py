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
from typing import Annotated

import typer

from engine.cli_types import decimal_option, int_option
from engine.errors import YaosuError
from engine.law.fee import litigation_fee
from engine.law.injury import (
    Dependant,
    death_compensation,
    dependant_living_expenses,
    disability_compensation,
    funeral_expenses,
    lost_earnings,
    nursing_fee,
)
from engine.law.interest import Repayment, private_lending_claim, private_lending_interest
from engine.law.labor import double_wage, economic_compensation, illegal_termination
from engine.law.late_performance import doubled_interest
from engine.law.parameters import UnverifiedParameterWarning
from engine.law.result import CalcResult, fmt_money

calc_app = typer.Typer(
    help="计算器：案件受理费、民间借贷利息、迟延履行利息、人身损害赔偿、劳动争议。每项结果附计算过程与法条依据。",
    no_args_is_help=True,
    add_completion=False,
)

JsonOpt = Annotated[bool, typer.Option("--json", help="输出JSON（金额为两位小数的字符串）")]


def _dec(raw: str | None, name: str) -> Decimal | None:
    return decimal_option(raw, name)  # NaN, Infinity, 1e400, negatives refused (engine/cli_types.py)


def _need_dec(raw: str | None, name: str) -> Decimal:
    value = _dec(raw, name)
    if value is None:
        raise YaosuError(f"缺少 {name}")
    return value


def _date(raw: str | None, name: str) -> date | None:
    if raw is None:
        return None
    try:
        return date.fromisoformat(raw.strip())
    except ValueError as exc:
        raise YaosuError(f"{name} 应为 YYYY-MM-DD 日期，现为 {raw!r}") from exc


def _need_date(raw: str | None, name: str) -> date:
    value = _date(raw, name)
    if value is None:
        raise YaosuError(f"缺少 {name}")
    return value


def _need_int(raw: int | None, name: str) -> int:
    if raw is None:
        raise YaosuError(f"缺少 {name}")
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
            typer.echo(f"错误：{exc}", err=True)
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
        str | None, typer.Option("--divorce-base", help="离婚案件每件收费（本省标准，50–300元）")
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """案件受理费（《诉讼费用交纳办法》第十三条、第十五条、第十六条）。"""

    def compute() -> CalcResult:
        value = _dec(amount, "--amount")
        if value is None:
            if kind != "labor":
                raise YaosuError("缺少 --amount（诉讼请求金额）")
            value = Decimal(0)
        return litigation_fee(
            value, procedure or ["ordinary"], kind, divorce_base=_dec(divorce_base, "--divorce-base")
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
        raise YaosuError(f"--repayment 应写成 日期:金额，例如 2021-06-30:10000，现为 {raw!r}")
    return Repayment(_need_date(day, "--repayment 日期"), _need_dec(amount, "--repayment 金额"))


@calc_app.command("interest")
def interest_cmd(
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
        str | None, typer.Option("--contract-date", help="合同成立日（缺省为起息日）")
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
    """民间借贷利息：起止日均计入、每年365天；利率上限按合同成立日与起诉日适用的规则。"""

    def compute() -> CalcResult:
        p = _need_dec(principal, "--principal")
        s, e = _need_date(start, "--start"), _need_date(end, "--end")
        c, f = _date(contract_date, "--contract-date"), _date(filing_date, "--filing-date")
        if due_date is None:
            if overdue_rate or penalty_rate or fees or costs or repayment:
                raise YaosuError("逾期利率、违约金、费用和还款须与 --due-date（还款期限届满日）一起使用")
            return private_lending_interest(p, s, e, _need_dec(rate, "--rate"), c, f)
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
        )

    _run("利息" if due_date is None else "截至截止日尚欠合计", as_json, compute)


@calc_app.command("late")
def late_cmd(
    debt: Annotated[str, typer.Option("--debt", help="除一般债务利息外的金钱债务（元）")],
    start: Annotated[str, typer.Option("--start", help="履行期间届满之次日 YYYY-MM-DD")],
    end: Annotated[str, typer.Option("--end", help="截止日 YYYY-MM-DD（计入）")],
    as_json: JsonOpt = False,
) -> None:
    """迟延履行期间的加倍部分债务利息（日万分之一点七五）。"""
    _run(
        "加倍部分债务利息",
        as_json,
        lambda: doubled_interest(
            _need_dec(debt, "--debt"), _need_date(start, "--start"), _need_date(end, "--end")
        ),
    )


INJURY_ITEMS = ("disability", "death", "funeral", "dependants", "misswork", "nursing")


@calc_app.command("injury")
def injury_cmd(
    item: Annotated[
        str,
        typer.Argument(
            help="disability 残疾赔偿金 / death 死亡赔偿金 / funeral 丧葬费 / "
            "dependants 被扶养人生活费 / misswork 误工费 / nursing 护理费"
        ),
    ],
    court: Annotated[str | None, typer.Option("--court", help="受诉法院 qingpu / wujiang / jiashan")] = None,
    province: Annotated[
        str | None, typer.Option("--province", help="或直接指定省份 shanghai / jiangsu / zhejiang")
    ] = None,
    year: Annotated[
        int | None, typer.Option("--year", help="一审法庭辩论终结的年份（使用其上一年度统计数据）")
    ] = None,
    age: Annotated[int | None, typer.Option("--age", help="受害人定残或死亡时的周岁")] = None,
    grade: Annotated[int | None, typer.Option("--grade", help="伤残等级 1–10")] = None,
    coefficient: Annotated[
        str | None, typer.Option("--coefficient", help="赔偿系数（%），多处伤残等情形覆盖按等级的系数")
    ] = None,
    dependant: Annotated[
        list[str] | None, typer.Option("--dependant", help="被扶养人 年龄[:扶养人数]，可重复，如 10:2")
    ] = None,
    days: Annotated[int | None, typer.Option("--days", help="误工或护理天数")] = None,
    daily_income: Annotated[str | None, typer.Option("--daily-income", help="误工：日收入（元）")] = None,
    annual_income: Annotated[str | None, typer.Option("--annual-income", help="误工：年收入（元）")] = None,
    daily_rate: Annotated[str | None, typer.Option("--daily-rate", help="护理：每日护理费标准（元）")] = None,
    carers: Annotated[int, typer.Option("--carers", help="护理人数")] = 1,
    tort_date: Annotated[
        str | None, typer.Option("--tort-date", help="侵权行为发生日（2022-05-01前发生的会提示）")
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """人身损害赔偿（法释〔2022〕14号），按受诉法院所在省份的上一年度标准。"""

    def compute() -> CalcResult:
        if item not in INJURY_ITEMS:
            raise YaosuError(f"项目 {item!r} 无效，应为 {'/'.join(INJURY_ITEMS)} 之一")
        where = {"court": court, "province": province}
        t = _date(tort_date, "--tort-date")
        if item == "disability":
            return disability_compensation(
                _need_int(age, "--age"),
                _need_int(grade, "--grade"),
                _need_int(year, "--year"),
                **where,
                coefficient_percent=_dec(coefficient, "--coefficient"),
                tort_date=t,
            )
        if item == "death":
            return death_compensation(
                _need_int(age, "--age"), _need_int(year, "--year"), **where, tort_date=t
            )
        if item == "funeral":
            return funeral_expenses(_need_int(year, "--year"), **where)
        if item == "dependants":
            people = []
            for raw in dependant or []:
                a, _, n = raw.partition(":")
                try:
                    people.append(Dependant(int(a), int(n) if n else 1))
                except ValueError as exc:
                    raise YaosuError(f"--dependant 应写成 年龄[:扶养人数]，现为 {raw!r}") from exc
            coef = _dec(coefficient, "--coefficient")
            if coef is None and grade is not None:
                coef = Decimal(110 - 10 * grade)
            return dependant_living_expenses(
                people,
                _need_int(year, "--year"),
                **where,
                coefficient_percent=coef if coef is not None else Decimal(100),
            )
        if item == "misswork":
            return lost_earnings(
                _need_int(days, "--days"),
                daily_income=_dec(daily_income, "--daily-income"),
                annual_income=_dec(annual_income, "--annual-income"),
            )
        return nursing_fee(_need_int(days, "--days"), _need_dec(daily_rate, "--daily-rate"), carers=carers)

    names = {
        "disability": "残疾赔偿金",
        "death": "死亡赔偿金",
        "funeral": "丧葬费",
        "dependants": "被扶养人生活费",
        "misswork": "误工费",
        "nursing": "护理费",
    }
    _run(names.get(item, item), as_json, compute)


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
    as_json: JsonOpt = False,
) -> None:
    """劳动争议：经济补偿（第四十七条）、违法解除赔偿金（第八十七条）、未签书面合同二倍工资（第八十二条）。"""

    def compute() -> CalcResult:
        w = _need_dec(wage, "--wage")
        s, e = _need_date(start, "--start"), _need_date(end, "--end")
        if item == "double-wage":
            return double_wage(w, s, e, _date(contract_date, "--contract-date"))
        kwargs = {
            "court": court,
            "region": region,
            "wage_year": wage_year,
            "average_monthly_wage": _dec(average_wage, "--average-wage"),
        }
        if item == "compensation":
            return economic_compensation(w, s, e, **kwargs)
        if item == "illegal":
            return illegal_termination(w, s, e, **kwargs)
        raise YaosuError(f"项目 {item!r} 无效，应为 {'/'.join(LABOR_ITEMS)} 之一")

    names = {"compensation": "经济补偿", "illegal": "违法解除赔偿金", "double-wage": "二倍工资差额"}
    _run(names.get(item, item), as_json, compute)

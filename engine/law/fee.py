"""案件受理费 under 《诉讼费用交纳办法》 (国务院令第481号) and its split between the parties.

Each rule sits next to the article it implements; the figures come from parameters/litigation_fee.yaml.
Rounding: see engine.law.result (half up to the cent at the end of each item).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from engine.errors import E, YaosuError
from engine.law.lawdata import FeeSchedule, LawData, law_or_default
from engine.law.parameters import Bracket, warn_unverified
from engine.law.result import CalcResult, fmt_date, fmt_money, fmt_plain, money, parameter_used
from engine.registry import calculator

PROCEDURES = ("ordinary", "simple", "mediation", "withdrawal")
PROCEDURE_ZH = {
    "ordinary": "普通程序",
    "simple": "简易程序",
    "mediation": "调解结案",
    "withdrawal": "申请撤诉",
}
KINDS = ("property", "labor", "divorce")


def _schedule_used(sched: FeeSchedule, kind: str, reductions: Iterable[str] = ()) -> list[dict[str, Any]]:
    """The figures of ``sched`` a fee of ``kind`` with ``reductions`` relied on (provenance)."""
    table = "litigation_fee"

    def entry(value: Any, source: str, part: str) -> dict[str, Any]:
        return parameter_used(
            table, value, source, sched.status.get(part, "verified"), sched.effective, part=part
        )

    if kind == "property":
        value = "；".join(
            ("≤" + fmt_plain(b.upper) if b.upper is not None else "以上")
            + "："
            + (f"{fmt_plain(b.fixed)}元/件" if b.fixed is not None else f"{fmt_plain(b.rate or Decimal(0))}%")
            for b in sched.property_brackets
        )
        out = [entry(value, sched.property_source, "property")]
    elif kind == "labor":
        out = [entry(sched.labor_per_case, sched.labor_source, "labor")]
    else:
        value = (
            f"{fmt_plain(sched.divorce_min)}–{fmt_plain(sched.divorce_max)}元/件；超过"
            f"{fmt_plain(sched.divorce_free_upto)}元部分{fmt_plain(sched.divorce_rate_above)}%"
        )
        out = [entry(value, sched.divorce_source, "divorce")]
    out += [entry("减半", sched.reductions[reason], reason) for reason in reductions]
    return out


def fee_schedule(
    on: date | None = None, allow_unverified: bool = False, law: LawData | None = None
) -> FeeSchedule:
    """The schedule in force on ``on`` (None: the current, verified one)."""
    fees = law_or_default(law).fees
    schedules = fees.schedules
    if on is None:
        return schedules[-1]
    if on > fees.last_verified:
        message = f"《诉讼费用交纳办法》参数表只核实到{fees.last_verified.isoformat()}，查询日期{on.isoformat()}在其后"
        if not allow_unverified:
            raise YaosuError(E.E000, message=message + f"；请核实后更新 {fees.path} 的 last_verified，或明确允许")
        warn_unverified(message)
    chosen = [s for s in schedules if s.effective <= on]
    if not chosen:
        raise YaosuError(
            E.E543, value=fmt_date(schedules[0].effective), on_isoformat=on.isoformat()
        )
    return chosen[-1]


def _procedures(procedure: str | Iterable[str]) -> list[str]:
    items = procedure.replace(",", "+").split("+") if isinstance(procedure, str) else list(procedure)
    items = [p.strip() for p in items if p.strip()] or ["ordinary"]
    for p in items:
        if p not in PROCEDURES:
            raise YaosuError(
                E.E549, p=p
            )
    # Keep order, drop duplicates.
    return list(dict.fromkeys(items))


def _property_fee(
    amount: Decimal, brackets: tuple[Bracket, ...], steps: list[str]
) -> tuple[Decimal, list[dict[str, Any]]]:
    """第十三条第（一）项: cumulative by bracket on the claimed amount."""
    total = Decimal(0)
    lower = Decimal(0)
    rows: list[dict[str, Any]] = []
    for bracket in brackets:
        if amount <= lower and lower > 0:
            break
        upper = bracket.upper
        top = amount if upper is None else min(amount, upper)
        portion = max(top - lower, Decimal(0))
        if bracket.fixed is not None:
            # The first bracket is a flat fee per case, due even for a small claim.
            part = bracket.fixed
            steps.append(f"不超过{fmt_plain(upper or Decimal(0))}元的部分：每件交纳{fmt_plain(part)}元")
        else:
            assert bracket.rate is not None
            part = portion * bracket.rate / 100
            upper_text = f"{fmt_plain(upper)}元" if upper is not None else "以上"
            steps.append(
                f"超过{fmt_plain(lower)}元至{upper_text}的部分：({fmt_plain(top)} − {fmt_plain(lower)}) × "
                f"{fmt_plain(bracket.rate)}% = {fmt_plain(part)}元"
            )
        rows.append(
            {
                "lower": str(money(lower)),
                "upper": None if upper is None else str(money(upper)),
                "rate": None if bracket.rate is None else fmt_plain(bracket.rate),
                "fixed": None if bracket.fixed is None else str(money(bracket.fixed)),
                "portion": str(money(portion)),
                "amount": str(money(part)),
            }
        )
        if part != money(part):
            rows[-1]["exact"] = fmt_plain(part)  # the unrounded part; only the total is rounded
        total += part
        if upper is None or amount <= upper:
            break
        lower = upper
    return total, rows


@calculator("litigation_fee", version=1, effective_from=date(2007, 4, 1))  # 《诉讼费用交纳办法》施行
def litigation_fee(
    amount: Decimal,
    procedure: str | Iterable[str] = "ordinary",
    kind: str = "property",
    *,
    divorce_base: Decimal | None = None,
    on: date | None = None,
    law: LawData | None = None,
) -> CalcResult:
    """案件受理费. ``procedure`` may combine reasons, e.g. "simple+mediation" (still halved once).

    ``divorce_base``: the per-case divorce fee the province has set within the range of 第十三条第（二）项;
    no provincial amount is sourced, so it must be given for ``kind="divorce"``. ``on``: the filing date
    (None: the current schedule); ``law``: the law data (None: the repository's parameters/).
    """
    amount = Decimal(amount)
    if amount < 0:
        raise YaosuError(E.E544, amount=amount)
    if kind not in KINDS:
        raise YaosuError(
            E.E545, kind=kind
        )
    procs = _procedures(procedure)
    sched = fee_schedule(on, law=law)
    steps: list[str] = []
    citations: list[str] = []
    rows: list[dict[str, Any]] = []

    if kind == "property":
        # 第十三条第（一）项 财产案件根据诉讼请求的金额或者价额，按照下列比例分段累计交纳.
        steps.append(f"财产案件，诉讼请求金额{fmt_money(amount)}，按比例分段累计计算：")
        raw, rows = _property_fee(amount, sched.property_brackets, steps)
        citations.append(sched.property_source)
    elif kind == "labor":
        # 第十三条第（四）项 劳动争议案件每件交纳10元.
        raw = sched.labor_per_case
        steps.append(f"劳动争议案件每件交纳{fmt_plain(raw)}元，与请求金额无关")
        rows = [
            {
                "lower": None,
                "upper": None,
                "rate": None,
                "fixed": str(money(raw)),
                "portion": None,
                "amount": str(money(raw)),
            }
        ]
        citations.append(sched.labor_source)
    else:
        # 第十三条第（二）项 离婚案件每件交纳50元至300元；财产总额超过20万元的部分按0.5%交纳.
        if divorce_base is None:
            raise YaosuError(
                E.E550, value=fmt_plain(sched.divorce_min), value2=fmt_plain(sched.divorce_max), sched_divorce_source=sched.divorce_source
            )
        base = Decimal(divorce_base)
        if not sched.divorce_min <= base <= sched.divorce_max:
            raise YaosuError(
                E.E551, sched_divorce_min=sched.divorce_min, sched_divorce_max=sched.divorce_max, base=base
            )
        above = max(amount - sched.divorce_free_upto, Decimal(0))
        extra = above * sched.divorce_rate_above / 100
        steps.append(f"离婚案件每件交纳{fmt_plain(base)}元（本省标准，由使用者提供）")
        if above > 0:
            steps.append(
                f"涉及财产分割，财产总额超过{fmt_plain(sched.divorce_free_upto)}元的部分：({fmt_plain(amount)} − "
                f"{fmt_plain(sched.divorce_free_upto)}) × {fmt_plain(sched.divorce_rate_above)}% = {fmt_plain(extra)}元"
            )
        else:
            steps.append(
                f"财产总额{fmt_plain(amount)}元不超过{fmt_plain(sched.divorce_free_upto)}元，不另行交纳"
            )
        raw = base + extra
        rows = [
            {
                "lower": "0.00",
                "upper": str(money(sched.divorce_free_upto)),
                "rate": None,
                "fixed": str(money(base)),
                "portion": str(money(min(amount, sched.divorce_free_upto))),
                "amount": str(money(base)),
            },
            {
                "lower": str(money(sched.divorce_free_upto)),
                "upper": None,
                "rate": fmt_plain(sched.divorce_rate_above),
                "fixed": None,
                "portion": str(money(above)),
                "amount": str(money(extra)),
            },
        ]
        citations.append(sched.divorce_source)

    full = money(raw)
    if raw != full:
        steps.append(f"合计{fmt_plain(raw)}元，四舍五入到分：{fmt_money(full)}")
    else:
        steps.append(f"全额受理费：{fmt_money(full)}")

    # 第十五条 (调解、撤诉) and 第十六条 (简易程序) halve the fee; 民诉法解释第二百零六条: only once.
    reasons = [p for p in procs if p != "ordinary"]
    halved = bool(reasons)
    fee = full
    if halved:
        fee = money(full / 2)
        names = "、".join(PROCEDURE_ZH[p] for p in reasons)
        steps.append(f"{names}，减半交纳：{fmt_plain(full)} ÷ 2 = {fmt_money(fee)}")
        for p in reasons:
            source = sched.reductions[p]
            if source not in citations:
                citations.append(source)
        if len(reasons) > 1:
            steps.append(f"虽有{names}多项减半事由，人民法院决定减半收取的只能减半一次")
            if "once_only" not in sched.reductions:
                raise YaosuError(
                    E.E552
                )
            citations.append(sched.reductions["once_only"])
    return CalcResult(
        amount=fee,
        steps=steps,
        citations=citations,
        details={
            "fee": fee,
            "full_fee": full,
            "halved": halved,
            "brackets": rows,
            "kind": kind,
            "procedure": procs,
        },
        calculator="litigation_fee.v1",
        money_keys=("fee", "full_fee"),
    ).record(*_schedule_used(sched, kind, reasons))


# The unit a defendant's share is rounded to: court-profile data (courts.yaml fee_rounding).
_ROUNDING = {"cent": (Decimal("0.01"), "分"), "yuan": (Decimal("1"), "元")}


@calculator("fee_split", version=1, effective_from=date(2007, 4, 1))
def split_fee(
    fee: Decimal,
    claimed: Decimal,
    granted: Decimal,
    *,
    on: date | None = None,
    law: LawData | None = None,
    rounding: str = "cent",
) -> CalcResult:
    """第二十九条: the loser bears the fee; partly successful → by proportion.

    The defendant bears fee × granted / claimed, rounded half up to the cent (``rounding="yuan"``: to
    the yuan, a court's house style); the plaintiff bears the rest, so the two parts always add up to
    the fee exactly. ``on``: the judgment date (None: today), which picks the article from the citation
    catalogue.
    """
    if rounding not in _ROUNDING:
        raise YaosuError(E.E685, rounding=rounding)
    fee, claimed, granted = Decimal(fee), Decimal(claimed), Decimal(granted)
    if claimed <= 0:
        raise YaosuError(E.E546, claimed=claimed)
    if granted < 0 or granted > claimed:
        raise YaosuError(E.E547, granted=granted, claimed=claimed)
    if fee < 0:
        raise YaosuError(E.E548, fee=fee)
    unit, unit_zh = _ROUNDING[rounding]
    defendant = money((fee * granted / claimed).quantize(unit, rounding=ROUND_HALF_UP))
    plaintiff = fee - defendant
    steps = [
        f"诉讼请求{fmt_money(claimed)}，获支持{fmt_money(granted)}，未获支持{fmt_money(claimed - granted)}",
        f"被告负担：{fmt_plain(fee)} × {fmt_plain(granted)} ÷ {fmt_plain(claimed)} = {fmt_money(defendant)}"
        f"（四舍五入到{unit_zh}）",
        f"原告负担：{fmt_plain(fee)} − {fmt_plain(defendant)} = {fmt_money(plaintiff)}（余额由原告负担，两者之和等于受理费）",
    ]
    basis = law_or_default(law).cite("fee_burden", on or date.today())
    return CalcResult(
        amount=money(fee),
        steps=steps,
        citations=[basis.text],
        details={"plaintiff": plaintiff, "defendant": defendant},
        calculator="fee_split.v1",
        money_keys=("plaintiff", "defendant"),
    ).record(basis)

"""买卖合同 违约金: the agreed penalty, its reduction, the statutory late-payment loss, 定金 or 违约金,
and the buyer's quality objection out of time (FACTS.md §9.4; traffic_sales_labour.md §B).

Day count: the penalty runs from the day after the payment due date up to and including the end day.
A daily rate (日万分之五) is applied per day: base × daily rate × days. An annual rate (and a multiple
of the one-year LPR) is applied as in engine.law.interest: base × annual rate × days ÷ 365; a monthly
rate is turned into an annual one (× 12) first. Rounding: engine.law.result (each item to the cent).

Rules:
* 民法典第五百八十五条: the agreed penalty; on request the court may reduce one 过分高于 the loss;
* 合同编通则解释（法释〔2023〕13号）第六十四条 (request by 抗辩/反诉, burden on the breaching party),
  第六十五条 (loss of 民法典第五百八十四条 as the base; over the loss by more than 30% → generally
  excessive; a malicious breaching party's request is generally refused), 第六十六条 (释明);
* 买卖合同解释第十八条第四款: no agreed penalty → the loss is the one-year LPR at the breach × 1.3–1.5,
  from 2019-08-20; before it the PBOC benchmark (not in FACTS.md: a named error);
* 民法典第五百八十六至五百八十八条: 定金 (≤ 20% of the price), 定金罚则, 定金 or 违约金 — not both;
* 民法典第六百二十条、第六百二十一条: a buyer silent past the inspection period is deemed to accept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import Any

from engine.errors import E, YaosuError
from engine.law.parameters import ParameterValue, load_yaml, lpr_1y, to_decimal
from engine.law.result import CalcResult, fmt_date, fmt_money, fmt_plain, fmt_rate, money
from engine.paths import PARAMETERS_DIR
from engine.registry import calculator

_CC = "《中华人民共和国民法典》"
_GI = "《最高人民法院关于适用〈中华人民共和国民法典〉合同编通则若干问题的解释》"
_SI = "《最高人民法院关于审理买卖合同纠纷案件适用法律问题的解释》"
C_PENALTY = f"{_CC}第五百八十五条"
C_LOSS = f"{_CC}第五百八十四条"
C_DEPOSIT = f"{_CC}第五百八十六条"
C_DEPOSIT_RULE = f"{_CC}第五百八十七条"
C_EITHER = f"{_CC}第五百八十八条"
C_INSPECT = f"{_CC}第六百二十条"
C_NOTICE = f"{_CC}第六百二十一条"
C_PERIOD = f"{_CC}第二百零一条"
C_ADJUST = f"{_GI}第六十四条"
C_EXCESSIVE = f"{_GI}第六十五条"
C_EXPLAIN = f"{_GI}第六十六条"
C_NO_CLAUSE = f"{_SI}第十八条第四款"
C_TWO_YEARS = f"{_SI}第十二条"
C_AFTER_PERIOD = f"{_SI}第十四条"
YEAR_DAYS = Decimal(365)
PARAMS = "parameters/sale_penalty.yaml"


@cache
def _params() -> dict[str, Any]:
    return load_yaml(PARAMETERS_DIR / "sale_penalty.yaml")


def _param(section: str, key: str) -> Decimal:
    return to_decimal(_params()[section][key], f"{PARAMS} {section}.{key}")


# --- rates ----------------------------------------------------------------------------------------

PERIOD_ZH = {"day": "日", "month": "月", "year": "年"}


@dataclass(frozen=True)
class PenaltyRate:
    """An agreed or court-set penalty standard.

    ``kind``: "day" / "month" / "year" (``value`` is a percent per that period), "lpr_multiple"
    (``value`` is the multiple of the one-year LPR at the breach), "fixed" (``value`` is a sum in yuan).
    """

    kind: str
    value: Decimal
    raw: str = ""

    def text(self) -> str:
        if self.kind == "fixed":
            return f"固定违约金{fmt_money(self.value)}"
        if self.kind == "lpr_multiple":
            return f"一年期LPR × {fmt_plain(self.value)}"
        return f"{PERIOD_ZH[self.kind]}{fmt_plain(self.value)}%"


_CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}


def cn_number(text: str) -> Decimal:
    """'五' → 5, '三点五' → 3.5, '十五' → 15, '0.5' → 0.5 (the numbers of 万分之五-style rates)."""
    text = text.strip()
    try:
        return Decimal(text)
    except InvalidOperation:
        pass
    whole, _, frac = text.partition("点")
    if (
        not whole
        or any(c not in _CN_DIGITS and c != "十" for c in whole)
        or any(c not in _CN_DIGITS for c in frac)
    ):
        raise YaosuError(E.E645, text=text)
    if "十" in whole:
        tens, _, ones = whole.partition("十")
        value = Decimal((_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[ones] if ones else 0))
    else:
        value = Decimal("".join(str(_CN_DIGITS[c]) for c in whole))
    if frac:
        value += Decimal("0." + "".join(str(_CN_DIGITS[c]) for c in frac))
    return value


_NUM = r"([0-9]+(?:\.[0-9]+)?|[零〇一二两三四五六七八九十点]+)"
_FRACTION = re.compile(rf"(万|千|百)分之{_NUM}")
_PERCENT = re.compile(r"([0-9]+(?:\.[0-9]+)?)\s*[%‰]")
_LPR_TIMES = [
    re.compile(r"LPR\s*[×xX*的]\s*([0-9.]+)\s*倍?", re.IGNORECASE),
    re.compile(r"([0-9.]+)\s*倍\s*(?:的\s*)?(?:一年期)?LPR", re.IGNORECASE),
]
_LPR_PLUS = re.compile(r"LPR\s*(?:上浮|加计|加|\+)\s*([0-9.]+)\s*%", re.IGNORECASE)
_FIXED = re.compile(r"^\s*(?:违约金)?\s*([0-9][0-9,]*(?:\.[0-9]+)?)\s*(万)?\s*元\s*$")
_DENOM = {"万": Decimal(100), "千": Decimal(10), "百": Decimal(1)}  # 万分之一 = 0.01%


def _period_of(text: str) -> str | None:
    if re.search(r"(每日|每天|/日|/天|日|天)", text):
        return "day"
    if re.search(r"(每月|/月|月)", text):
        return "month"
    if re.search(r"(每年|/年|年)", text):
        return "year"
    return None


def parse_penalty_rate(raw: str | dict[str, Any] | PenaltyRate) -> PenaltyRate:
    """A penalty standard from the forms a pleading or a judge uses.

    '日万分之五', '每日千分之一', '0.05%/日', '年利率18%', 'LPR×1.5' (also 'LPR*1.5', '1.5倍LPR',
    'LPR上浮50%'), '10000元'; or a rate element ``{"raw","period","percent",…}``.
    """
    if isinstance(raw, PenaltyRate):
        return raw
    if isinstance(raw, dict) and "lpr" in str(raw.get("raw", "")).lower():
        raw = str(raw["raw"])  # the judge's notation, e.g. {"raw": "LPR×1.5", …}
    if isinstance(raw, dict):
        period, percent = raw.get("period"), raw.get("percent")
        if period not in PERIOD_ZH or percent is None:
            raise YaosuError(E.E656, raw=raw)
        return PenaltyRate(str(period), to_decimal(percent, "违约金标准 percent"), str(raw.get("raw", "")))
    text = str(raw).strip().replace("％", "%").replace("（", "(").replace("）", ")")
    if not text:
        raise YaosuError(E.E646)
    for pattern in _LPR_TIMES:
        found = pattern.search(text)
        if found:
            return PenaltyRate("lpr_multiple", to_decimal(found.group(1), f"违约金标准 {text!r}"), text)
    found = _LPR_PLUS.search(text)
    if found:
        return PenaltyRate("lpr_multiple", 1 + to_decimal(found.group(1), f"违约金标准 {text!r}") / 100, text)
    found = _FIXED.match(text)
    if found:
        amount = to_decimal(found.group(1), f"违约金标准 {text!r}")
        return PenaltyRate("fixed", amount * 10000 if found.group(2) else amount, text)
    period = _period_of(text)
    found = _FRACTION.search(text)
    if found:
        percent = cn_number(found.group(2)) / _DENOM[found.group(1)]
    else:
        found = _PERCENT.search(text)
        if not found:
            raise YaosuError(
                E.E657, text=text
            )
        percent = Decimal(found.group(1)) / (10 if "‰" in found.group(0) else 1)
    if period is None:
        raise YaosuError(E.E647, text=text)
    return PenaltyRate(period, percent, text)


# --- the amount at a rate -----------------------------------------------------------------------


def breach_day(due_date: date) -> date:
    """The first day of the breach: the day after the payment due date."""
    return due_date + timedelta(days=1)


def penalty_days(due_date: date, end: date) -> int:
    start = breach_day(due_date)
    if end < start:
        raise YaosuError(
            E.E648, end_isoformat=end.isoformat(), start_isoformat=start.isoformat()
        )
    return (end - start).days + 1


def annual_percent(rate: PenaltyRate, lpr: ParameterValue | None) -> Decimal:
    """The annual percent of a month, year or LPR-multiple rate."""
    if rate.kind == "year":
        return rate.value
    if rate.kind == "month":
        return rate.value * 12
    if rate.kind == "lpr_multiple":
        if lpr is None:
            raise YaosuError(
                E.E658, rate_raw_or_rate_text=rate.raw or rate.text()
            )
        return lpr.value * rate.value
    raise YaosuError(E.E644, rate_text=rate.text())


def _lpr_text(lpr: ParameterValue, day: date) -> str:
    text = f"违约行为发生时（{fmt_date(day)}）的一年期LPR为{fmt_rate(lpr.value)}（{fmt_date(lpr.effective or day)}公布）"
    return text + ("" if lpr.verified else "，该数值未经核实，须核对")


def amount_at(
    base: Decimal, due_date: date, end: date, rate: PenaltyRate, lpr: ParameterValue | None = None
) -> tuple[Decimal, str, dict[str, Any]]:
    """The penalty at ``rate`` on ``base`` from the day after ``due_date`` to ``end``, with its sum."""
    if rate.kind == "fixed":
        return money(rate.value), f"约定固定违约金{fmt_money(rate.value)}", {"kind": "fixed"}
    start, days = breach_day(due_date), penalty_days(due_date, end)
    period = f"{fmt_date(start)}至{fmt_date(end)}共{days}天"
    if rate.kind == "day":
        amount = money(base * rate.value / 100 * days)
        text = f"{period}：{fmt_plain(base)} × {fmt_plain(rate.value)}% × {days} = {fmt_money(amount)}"
        return amount, text, {"kind": "day", "daily_percent": rate.value, "days": days}
    annual = annual_percent(rate, lpr)
    amount = money(base * annual / 100 * days / YEAR_DAYS)
    how = ""
    if rate.kind == "month":
        how = f"（月{fmt_plain(rate.value)}% × 12 = 年{fmt_plain(annual)}%）"
    elif rate.kind == "lpr_multiple" and lpr is not None:
        how = f"（{_lpr_text(lpr, start)}，× {fmt_plain(rate.value)} = 年{fmt_plain(annual)}%）"
    text = f"{period}：{fmt_plain(base)} × {fmt_plain(annual)}% × {days} ÷ 365 = {fmt_money(amount)}{how}"
    return amount, text, {"kind": rate.kind, "annual_percent": annual, "days": days}


def _check_base(base: Decimal) -> Decimal:
    base = Decimal(base)
    if base <= 0:
        raise YaosuError(E.E649, base=base)
    return base


def breach_lpr(due_date: date) -> ParameterValue:
    """Thin lookup: the one-year LPR in force on the first day of the breach (买卖合同解释第十八条第四款)."""
    start = breach_day(due_date)
    lpr_from = _params()["late_payment_loss"]["lpr_from"]
    if start < lpr_from:
        note = _params()["late_payment_loss"]["before_lpr"]["note"]
        raise YaosuError(
            E.E650, start_isoformat=start.isoformat(), c_no_clause=C_NO_CLAUSE, note=note, params=PARAMS
        )
    return lpr_1y(start)


# --- calculators ---------------------------------------------------------------------------------


@calculator("sale_penalty", version=1)
def sale_penalty(
    outstanding: Decimal, due_date: date, end: date, rate: PenaltyRate, lpr: ParameterValue | None = None
) -> CalcResult:
    """The agreed 逾期付款违约金 on ``outstanding`` from the day after ``due_date`` to ``end`` (民法典第五百八十五条).

    ``lpr``: the one-year LPR at the breach, needed only when the rate is a multiple of it.
    """
    base = _check_base(outstanding)
    amount, text, detail = amount_at(base, due_date, end, rate, lpr)
    steps = [f"约定违约金标准：{rate.raw or rate.text()}", "违约金自付款期限届满次日起算，起止日均计入", text]
    if rate.kind == "fixed":
        steps = [text]
    return CalcResult(
        amount=amount,
        steps=steps,
        citations=[C_PENALTY],
        details={"base": base, "start": breach_day(due_date), "end": end, **detail},
        warnings=[] if lpr is None or lpr.verified else ["所用一年期LPR未经核实，须核对"],
        calculator="sale_penalty.v1",
        money_keys=("base",),
    )


@calculator("sale_penalty_reduction", version=1)
def reduced_penalty(
    outstanding: Decimal,
    due_date: date,
    end: date,
    agreed: PenaltyRate,
    adjusted: PenaltyRate,
    *,
    lpr: ParameterValue | None = None,
    loss: Decimal | None = None,
    requested: bool = True,
    malicious: bool = False,
) -> CalcResult:
    """The agreed penalty weighed against the loss, reduced to the court's ``adjusted`` standard.

    ``loss``: the loss of 民法典第五百八十四条 as the court finds it; None = the loss is measured by the
    ``adjusted`` standard itself (a late payment whose only loss is the use of the money).
    ``requested``: the breaching party asked for a reduction (by 抗辩 or 反诉, 第六十四条);
    ``malicious``: 恶意违约 (第六十五条第三款). ``amount`` is the penalty the court grants.
    """
    base = _check_base(outstanding)
    agreed_amount, agreed_text, _ = amount_at(base, due_date, end, agreed, lpr)
    steps = [f"按约定标准（{agreed.raw or agreed.text()}）计算的违约金：{agreed_text}"]
    citations = [C_PENALTY, C_ADJUST, C_EXCESSIVE]
    warnings: list[str] = []
    if lpr is not None and not lpr.verified:
        warnings.append("所用一年期LPR未经核实，须核对")
    details: dict[str, Any] = {
        "base": base,
        "start": breach_day(due_date),
        "end": end,
        "agreed_amount": agreed_amount,
        "adjusted_amount": None,
        "loss": None,
        "threshold": None,
        "excessive": None,
        "reduced": False,
    }
    money_keys = ("base", "agreed_amount", "adjusted_amount", "loss", "threshold")

    def done(amount: Decimal) -> CalcResult:
        return CalcResult(
            amount=amount,
            steps=steps,
            citations=citations,
            details=details,
            warnings=warnings,
            calculator="sale_penalty_reduction.v1",
            money_keys=money_keys,
        )

    if not requested:
        steps.append(
            "违约方未请求减少违约金，按约定计算（民法典第五百八十五条第二款：根据当事人的请求予以适当减少）"
        )
        warnings.append(f"违约方仅否认合同或违约而未请求调整违约金的，应当就此释明（{C_EXPLAIN}）")
        citations = [C_PENALTY, C_EXPLAIN]
        return done(agreed_amount)
    if malicious:
        steps.append("恶意违约的当事人一方请求减少违约金的，人民法院一般不予支持，按约定计算")
        return done(agreed_amount)
    adjusted_amount, adjusted_text, _ = amount_at(base, due_date, end, adjusted, lpr)
    details["adjusted_amount"] = adjusted_amount
    if loss is None:
        loss_value = adjusted_amount
        steps.append(f"损失以法院确定的标准（{adjusted.raw or adjusted.text()}）计算：{adjusted_text}")
    else:
        loss_value = money(Decimal(loss))
        steps.append(f"法院认定的损失（{C_LOSS}）：{fmt_money(loss_value)}")
    over = _param("excessive_penalty", "over_loss_percent")
    threshold = money(loss_value * (100 + over) / 100)
    details.update(loss=loss_value, threshold=threshold)
    excessive = agreed_amount > threshold
    details["excessive"] = excessive
    comparison = (
        f"约定违约金{fmt_money(agreed_amount)}与损失 × {fmt_plain(100 + over)}% = {fmt_plain(loss_value)} × "
        f"{fmt_plain((100 + over) / 100)} = {fmt_money(threshold)}比较"
    )
    if not excessive:
        steps.append(comparison + "：未超过损失的百分之三十，不属过分高于造成的损失，按约定计算")
        warnings.append("约定违约金未超过损失的百分之三十，一般不认定为过分高于损失；如仍予减少，须另述理由")
        return done(agreed_amount)
    if adjusted_amount >= agreed_amount:
        raise YaosuError(
            E.E651, value=adjusted.raw or adjusted.text(), adjusted_amount=adjusted_amount, agreed_amount=agreed_amount
        )
    steps.append(comparison + "：超过损失的百分之三十，一般可以认定为过分高于造成的损失")
    if loss is None:
        steps.append(
            f"违约金调整为按{adjusted.raw or adjusted.text()}计算的损失数额：{fmt_money(adjusted_amount)}"
        )
    else:
        steps.append(f"违约金调整为按{adjusted.raw or adjusted.text()}计算：{adjusted_text}")
    if loss is not None and adjusted_amount < loss_value:
        warnings.append(
            f"调整后的违约金{fmt_money(adjusted_amount)}低于认定的损失{fmt_money(loss_value)}，请核对"
        )
    details["reduced"] = True
    return done(adjusted_amount)


def late_payment_multiple(multiple: Decimal) -> Decimal:
    """The judge's multiple of the LPR for 第十八条第四款 must lie in 1.3–1.5 (加计30—50%)."""
    multiple = Decimal(multiple)
    low, high = _param("late_payment_loss", "multiple_min"), _param("late_payment_loss", "multiple_max")
    if not low <= multiple <= high:
        raise YaosuError(
            E.E652, fmt_plain_low=fmt_plain(low), fmt_plain_high=fmt_plain(high), multiple=multiple
        )
    return multiple


@calculator("sale_late_payment_loss", version=1)
def late_payment_loss(
    outstanding: Decimal, due_date: date, end: date, multiple: Decimal, lpr: ParameterValue
) -> CalcResult:
    """No agreed penalty: the loss at the one-year LPR at the breach × ``multiple`` (买卖合同解释第十八条第四款)."""
    base = _check_base(outstanding)
    multiple = late_payment_multiple(multiple)
    rate = PenaltyRate("lpr_multiple", multiple, f"LPR×{fmt_plain(multiple)}")
    amount, text, detail = amount_at(base, due_date, end, rate, lpr)
    steps = [
        "买卖合同没有约定逾期付款违约金或者其计算方法，以违约行为发生时的一年期LPR为基础，加计30—50%计算逾期付款损失，"
        f"本案加计{fmt_plain((multiple - 1) * 100)}%",
        "自付款期限届满次日起算，起止日均计入，每年按365天计算",
        text,
    ]
    return CalcResult(
        amount=amount,
        steps=steps,
        citations=[C_NO_CLAUSE, C_LOSS],
        details={"base": base, "start": breach_day(due_date), "end": end, "lpr": lpr.value, **detail},
        warnings=[] if lpr.verified else ["所用一年期LPR未经核实，须核对"],
        calculator="sale_late_payment_loss.v1",
        money_keys=("base",),
    )


def penalty_claim(
    outstanding: Decimal,
    due_date: date,
    end: date,
    agreed: str | dict[str, Any] | PenaltyRate | None,
    adjusted: str | dict[str, Any] | PenaltyRate | None = None,
    *,
    multiple: Decimal | None = None,
    loss: Decimal | None = None,
    requested: bool = True,
    malicious: bool = False,
) -> CalcResult:
    """Thin wrapper: parse the standards, look up the LPR at the breach when needed, pick the calculator.

    * agreed penalty, no reduction asked (``adjusted`` None) → :func:`sale_penalty`;
    * agreed penalty and a court standard → :func:`reduced_penalty`;
    * no agreed penalty → :func:`late_payment_loss` at ``multiple`` (or the multiple of ``adjusted``).
    """
    agreed_rate = None if agreed in (None, "") else parse_penalty_rate(agreed)  # type: ignore[arg-type]
    adjusted_rate = None if adjusted in (None, "") else parse_penalty_rate(adjusted)  # type: ignore[arg-type]
    if agreed_rate is None:
        if multiple is None:
            if adjusted_rate is None or adjusted_rate.kind != "lpr_multiple":
                raise YaosuError(
                    E.E661, c_no_clause=C_NO_CLAUSE
                )
            multiple = adjusted_rate.value
        return late_payment_loss(outstanding, due_date, end, multiple, breach_lpr(due_date))
    uses_lpr = "lpr_multiple" in (agreed_rate.kind, adjusted_rate.kind if adjusted_rate else "")
    lpr = breach_lpr(due_date) if uses_lpr else None
    if adjusted_rate is None:
        return sale_penalty(outstanding, due_date, end, agreed_rate, lpr)
    return reduced_penalty(
        outstanding,
        due_date,
        end,
        agreed_rate,
        adjusted_rate,
        lpr=lpr,
        loss=loss,
        requested=requested,
        malicious=malicious,
    )


# --- 定金 or 违约金 --------------------------------------------------------------------------------

CHOICES = {"deposit": "定金条款", "penalty": "违约金条款"}


@calculator("deposit_or_penalty", version=1)
def deposit_or_penalty(
    deposit: Decimal,
    penalty: Decimal,
    *,
    contract_price: Decimal | None = None,
    chosen: str | None = None,
    loss: Decimal | None = None,
    purpose_frustrated: bool = True,
) -> CalcResult:
    """Both 定金 and 违约金 agreed: the non-breaching party applies one of them (民法典第五百八十八条).

    ``deposit``: the 定金 delivered; ``penalty``: the 违约金 as computed (after any reduction);
    ``contract_price``: 主合同标的额 for the 20% cap (第五百八十六条); ``chosen``: "deposit" / "penalty",
    the non-breaching party's choice (None: not yet made); ``loss``: the loss found, for 第五百八十八条
    第二款; ``purpose_frustrated``: the breach defeats the purpose of the contract (第五百八十七条 —
    otherwise 定金罚则 does not apply). ``amount``: what the non-breaching party gets under the clause
    applied — under 定金罚则 the deposit is forfeited by, or its double returned by, the breaching party,
    so the gain is the deposit itself.
    """
    deposit, penalty = money(Decimal(deposit)), money(Decimal(penalty))
    if deposit < 0 or penalty < 0:
        raise YaosuError(E.E653)
    if chosen is not None and chosen not in CHOICES:
        raise YaosuError(E.E654, chosen=chosen)
    steps = ["当事人既约定违约金，又约定定金的，一方违约时，对方可以选择适用违约金或者定金条款，二者不能并用"]
    citations = [C_EITHER]
    warnings: list[str] = []
    effective = deposit
    if contract_price is not None:
        cap = money(Decimal(contract_price) * _param("deposit", "cap_percent") / 100)
        if deposit > cap:
            effective = cap
            steps.append(
                f"定金{fmt_money(deposit)}超过主合同标的额的百分之二十（{fmt_plain(Decimal(contract_price))} × 20% = "
                f"{fmt_money(cap)}），超过部分不产生定金的效力，定金按{fmt_money(cap)}计"
            )
            citations.append(C_DEPOSIT)
    options: dict[str, Decimal | None] = {"deposit": effective, "penalty": penalty}
    if not purpose_frustrated:
        options["deposit"] = None
        steps.append("违约未致使不能实现合同目的，不适用定金罚则，只能适用违约金条款")
        citations.append(C_DEPOSIT_RULE)
        if chosen == "deposit":
            raise YaosuError(
                E.E659
            )
        chosen_now = "penalty"
    else:
        steps.append(f"适用定金罚则可得{fmt_money(effective)}；适用违约金条款可得{fmt_money(penalty)}")
        citations.append(C_DEPOSIT_RULE)
        if chosen is None:
            chosen_now = "deposit" if effective > penalty else "penalty"
            warnings.append(
                f"守约方同时主张定金和违约金，二者不能并用，应释明由其选择；未选择前按数额较高的{CHOICES[chosen_now]}列示"
            )
        else:
            chosen_now = chosen
    amount = options[chosen_now] or Decimal("0.00")
    steps.append(f"适用{CHOICES[chosen_now]}：{fmt_money(amount)}")
    extra = Decimal("0.00")
    if chosen_now == "deposit" and loss is not None and money(Decimal(loss)) > effective:
        extra = money(Decimal(loss)) - effective
        steps.append(
            f"定金不足以弥补损失：损失{fmt_money(Decimal(loss))} − 定金{fmt_money(effective)} = {fmt_money(extra)}，"
            "可请求赔偿超过定金数额的损失"
        )
        amount = amount + extra
    return CalcResult(
        amount=money(amount),
        steps=steps,
        citations=citations,
        details={
            "chosen": chosen_now,
            "choice_made": chosen is not None,
            "deposit": options["deposit"],
            "penalty": penalty,
            "extra_loss": extra,
        },
        warnings=warnings,
        calculator="deposit_or_penalty.v1",
        money_keys=("deposit", "penalty", "extra_loss"),
    )


# --- rule results (not money) --------------------------------------------------------------------


@dataclass
class RuleOutcome:
    """The answer of a legal rule that yields no amount: ``holds`` True/False, or None = for the judge."""

    holds: bool | None
    steps: list[str] = field(default_factory=list)
    citations: list[str] = field(default_factory=list)
    details: dict[str, Any] = field(default_factory=dict)
    rule: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "holds": self.holds,
            **{k: v.isoformat() if isinstance(v, date) else v for k, v in self.details.items()},
            "steps": list(self.steps),
            "citations": list(self.citations),
            "rule": self.rule,
        }


def _add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February → 28 February
        return day.replace(year=day.year + years, day=28)


@calculator("quality_deemed_accepted", version=1)
def quality_deemed_accepted(
    received: date,
    notice_date: date | None,
    inspection_days: int | None = None,
    *,
    seller_knew: bool = False,
    warranty_end: date | None = None,
    within_reasonable_time: bool | None = None,
) -> RuleOutcome:
    """Is the goods' quantity or quality deemed to conform (民法典第六百二十条、第六百二十一条)?

    ``received``: the day the buyer received the goods; ``notice_date``: the day it notified the seller
    of the defect (None: never); ``inspection_days``: the agreed inspection period in days (None: none
    agreed); ``seller_knew``: the seller knew or should have known of the non-conformity (第三款);
    ``warranty_end``: the last day of a 质量保证期; ``within_reasonable_time``: without an agreed
    period, whether the notice came within a reasonable time (the judge's finding; None = not found).
    ``holds`` True = deemed to conform, the buyer's quality objection fails.
    """
    steps = ["买受人收到标的物时应当在约定的检验期限内检验；没有约定检验期限的，应当及时检验"]
    citations = [C_INSPECT, C_NOTICE]
    details: dict[str, Any] = {"received": received, "notice_date": notice_date, "deadline": None}
    if notice_date is not None and notice_date < received:
        raise YaosuError(
            E.E655, notice_date_isoformat=notice_date.isoformat(), received_isoformat=received.isoformat()
        )
    notice = f"于{fmt_date(notice_date)}通知出卖人" if notice_date else "未通知出卖人"
    if seller_knew:
        steps.append("出卖人知道或者应当知道提供的标的物不符合约定，买受人不受通知时间的限制")
        return RuleOutcome(False, steps, citations, details, "quality_deemed_accepted.v1")
    if inspection_days is not None:
        if inspection_days < 0:
            raise YaosuError(E.E660, inspection_days=inspection_days)
        deadline = received + timedelta(days=inspection_days)  # 第二百零一条: the start day is not counted
        details["deadline"] = deadline
        citations.append(C_PERIOD)
        steps.append(
            f"{fmt_date(received)}收货，约定检验期限{inspection_days}天，自次日起算，至{fmt_date(deadline)}届满；买受人{notice}"
        )
        late = notice_date is None or notice_date > deadline
        if late:
            steps.append("买受人怠于在检验期限内通知，视为标的物的数量或者质量符合约定")
            citations.append(C_AFTER_PERIOD)
        else:
            steps.append("买受人在检验期限内通知了出卖人，不视为符合约定")
        return RuleOutcome(late, steps, citations, details, "quality_deemed_accepted.v1")
    if warranty_end is not None:
        details["deadline"] = warranty_end
        steps.append(
            f"没有约定检验期限，标的物有质量保证期（至{fmt_date(warranty_end)}），适用质量保证期；买受人{notice}"
        )
        late = notice_date is None or notice_date > warranty_end
        if late:
            steps.append("买受人在质量保证期内未通知，视为标的物的数量或者质量符合约定")
            citations.append(C_AFTER_PERIOD)
            return RuleOutcome(True, steps, citations, details, "quality_deemed_accepted.v1")
    else:
        outer = _add_years(received, 2)
        details["deadline"] = outer
        citations.append(C_TWO_YEARS)
        steps.append(
            f"没有约定检验期限，买受人应在合理期限内通知；自收到标的物之日起二年（至{fmt_date(outer)}）为最长的合理期限，"
            f"为不变期间；买受人{notice}"
        )
        if notice_date is None or notice_date > outer:
            steps.append("买受人自收到标的物之日起二年内未通知，视为标的物的数量或者质量符合约定")
            citations.append(C_AFTER_PERIOD)
            return RuleOutcome(True, steps, citations, details, "quality_deemed_accepted.v1")
    if within_reasonable_time is None:
        steps.append("是否在发现或者应当发现不符合约定的合理期限内通知，由法院认定")
        return RuleOutcome(None, steps, citations, details, "quality_deemed_accepted.v1")
    if within_reasonable_time:
        steps.append("法院认定买受人在合理期限内通知了出卖人，不视为符合约定")
        return RuleOutcome(False, steps, citations, details, "quality_deemed_accepted.v1")
    steps.append("法院认定买受人未在合理期限内通知，视为标的物的数量或者质量符合约定")
    citations.append(C_AFTER_PERIOD)
    return RuleOutcome(True, steps, citations, details, "quality_deemed_accepted.v1")

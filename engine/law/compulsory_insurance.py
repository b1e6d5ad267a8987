"""机动车交通事故: who pays what — 交强险 by sub-limit, then 商业三者险, then the tortfeasor.

Order (民法典第一千二百一十三条; 道路交通安全法第七十六条; 道交解释第十三条, traffic_sales_labour.md §A6):

1. group the court's damage items into the 交强险 sub-limits (医疗费用 / 死亡伤残 / 财产损失; 交强险条款
   第八条, parameters/compulsory_insurance_limits.yaml ``groups``);
2. each vehicle's 交强险 pays within each sub-limit for the ACCIDENT date, 有责 or 无责 limits, regardless of
   fault share; several vehicles share per 道交解释第十八条, several victims per 第十九条; 精神损害抚慰金
   first inside 死亡伤残 when the victim asks (第十三条第二款);
3. the excess × each vehicle's liability share goes to its 商业三者险 within the contract limit (items the
   policy excludes go to the tortfeasor), the rest of that share to the tortfeasor; the remainder is the
   victim's own;
4. 鉴定费 per the court's setting (parameters/traffic_court_settings.yaml; practice differs);
5. advances are deducted from the payer who made them.

``allocate`` is pure (limits in as ParameterValue objects); ``compulsory_limits``, ``item_groups`` and
``appraisal_fee_bearer`` are the thin lookups beside it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import cache
from typing import Any

from engine.errors import E, YaosuError
from engine.law.parameters import ParameterValue, load_yaml, parse_dated_table
from engine.law.result import CalcResult, fmt_money, fmt_plain, money
from engine.paths import PARAMETERS_DIR
from engine.registry import calculator

C_CIVIL_1213 = "《中华人民共和国民法典》第一千二百一十三条"
C_ROAD_76 = "《中华人民共和国道路交通安全法》第七十六条"
C_REGULATION_23 = "《机动车交通事故责任强制保险条例》第二十三条"
_J = "《最高人民法院关于审理道路交通事故损害赔偿案件适用法律若干问题的解释》"
C_J13 = f"{_J}第十三条"
C_J16 = f"{_J}第十六条"
C_J18 = f"{_J}第十八条"
C_J19 = f"{_J}第十九条"
C_INSURANCE_64 = "《中华人民共和国保险法》第六十四条"

GROUPS = ("medical", "death_disability", "property")
GROUP_ZH = {
    "medical": "医疗费用赔偿限额",
    "death_disability": "死亡伤残赔偿限额",
    "property": "财产损失赔偿限额",
}
ITEM_ZH = {
    "medical_expenses": "医疗费",
    "hospital_meal_allowance": "住院伙食补助费",
    "nutrition_fee": "营养费",
    "lost_income": "误工费",
    "nursing_fee": "护理费",
    "transport_fee": "交通费",
    "accommodation_fee": "住宿费",
    "disability_compensation": "残疾赔偿金",
    "disability_aids": "残疾辅助器具费",
    "death_compensation": "死亡赔偿金",
    "funeral_expenses": "丧葬费",
    "dependents_living": "被扶养人生活费",
    "mental_damages": "精神损害抚慰金",
    "property_damage": "财产损失",
    "operating_loss": "停运损失",
    "appraisal_fee": "鉴定费",
}
APPRAISAL = "appraisal_fee"
BEARERS = ("insurer", "tortfeasor", "by_liability")
ROLE_ZH = {
    "compulsory": "交强险",
    "policyholder": "交强险投保义务人",
    "commercial": "商业三者险",
    "tortfeasor": "侵权人",
    "victim": "受害人自负",
}
ZERO = Decimal(0)


# --- lookups ---------------------------------------------------------------------------------------


@cache
def _limits_file() -> dict[str, Any]:
    return load_yaml(PARAMETERS_DIR / "compulsory_insurance_limits.yaml")


@dataclass(frozen=True)
class CompulsoryLimits:
    """The three sub-limits of one vehicle's 交强险 for an accident date (有责 or 无责)."""

    accident_date: date
    at_fault: bool
    limits: Mapping[str, ParameterValue]  # group → limit


def compulsory_limits(accident_date: date, *, at_fault: bool = True) -> CompulsoryLimits:
    """The limits in force at the accident date (a date past the table's last_verified warns)."""
    data = _limits_file()
    out: dict[str, ParameterValue] = {}
    for group in GROUPS:
        key = group if at_fault else f"no_fault_{group}"
        sub = data["sublimits"][key]
        table = parse_dated_table(
            {
                "name": f"compulsory_insurance_limits.{key}",
                "title": f"交强险{sub['title']}",
                "unit": data["unit"],
                "last_verified": data["last_verified"],
                "values": sub["values"],
            },
            f"parameters/compulsory_insurance_limits.yaml 的 sublimits.{key}",
        )
        out[group] = table.at(accident_date, allow_past_verified=True)
    return CompulsoryLimits(accident_date, at_fault, out)


def item_groups() -> dict[str, str]:
    """item id → sub-limit group (交强险条款第八条)."""
    groups: dict[str, str] = {}
    for group, items in _limits_file()["groups"].items():
        for item in items:
            groups[str(item)] = str(group)
    return groups


def appraisal_fee_bearer(court: str) -> str:
    """Who bears 鉴定费 in ``court``; not found → an error asking for the judge's choice."""
    data = load_yaml(PARAMETERS_DIR / "traffic_court_settings.yaml")["appraisal_fee"]
    entry = data["courts"].get(court)
    options = "；".join(f"{k}：{v}" for k, v in data["options"].items())
    if entry is None or entry.get("bearer") is None:
        reason = entry["source"] if entry else f"未收录法院 {court!r}"
        raise YaosuError(
            E.E530, reason=reason, options=options, court=court
        )
    return str(entry["bearer"])


# --- the allocation (pure) -------------------------------------------------------------------------


@dataclass(frozen=True)
class Vehicle:
    """One motor vehicle of the liable side.

    ``liability_share``: percent (0–100) of the loss above 交强险 this vehicle's side bears.
    ``compulsory_insurer`` None: no 交强险 — the 投保义务人 (``policyholder``, default the tortfeasor)
    answers within the limits (道交解释第十六条). ``commercial_excluded``: item ids the 商业三者险
    policy does not cover (e.g. ``mental_damages`` without the 附加险) — the judge's finding.
    ``commercial_limit`` None: no limit stated (the insurer pays the whole share).
    """

    name: str
    limits: CompulsoryLimits
    liability_share: Decimal
    tortfeasor: str
    compulsory_insurer: str | None = None
    commercial_insurer: str | None = None
    commercial_limit: Decimal | None = None
    policyholder: str = ""
    commercial_excluded: frozenset[str] = frozenset()

    def compulsory_payer(self) -> str:
        return self.compulsory_insurer or self.policyholder or self.tortfeasor


@dataclass(frozen=True)
class Victim:
    name: str
    items: Mapping[str, Decimal]  # item id → amount the court found
    mental_first: bool = False


@dataclass(frozen=True)
class Advance:
    payer: str
    amount: Decimal
    victim: str = ""  # "" = the only victim


@dataclass
class _Ledger:
    rows: list[dict[str, Any]] = field(default_factory=list)

    def add(
        self, victim: str, payer: str, role: str, vehicle: str, amount: Decimal, group: str | None = None
    ) -> None:
        if amount == 0:
            return
        self.rows.append(
            {
                "victim": victim,
                "payer": payer,
                "role": role,
                "role_zh": ROLE_ZH[role],
                "vehicle": vehicle,
                "sublimit": group,
                "sublimit_zh": GROUP_ZH.get(group or "", ""),
                "amount": money(amount),
            }
        )


def _split(total: Decimal, weights: Sequence[Decimal]) -> list[Decimal]:
    """``total`` in proportion to ``weights``, rounded to the cent; the last share takes the remainder."""
    whole = sum(weights, ZERO)
    if whole == 0:
        return [ZERO for _ in weights]
    shares = [money(total * w / whole) for w in weights[:-1]]
    return [*shares, money(total) - sum(shares, ZERO)]


def _check_inputs(victims: Sequence[Victim], vehicles: Sequence[Vehicle], groups: Mapping[str, str]) -> None:
    if not victims:
        raise YaosuError(E.E531)
    if not vehicles:
        raise YaosuError(E.E532)
    names = [v.name for v in victims]
    if len(set(names)) != len(names):
        raise YaosuError(E.E533)
    for victim in victims:
        for item, amount in victim.items.items():
            if item not in groups and item != APPRAISAL:
                raise YaosuError(
                    E.E540, victim_name=victim.name, item=item
                )
            if Decimal(amount) < 0:
                raise YaosuError(E.E541, victim_name=victim.name, item_zh_get_item_item=ITEM_ZH.get(item, item))
    total_share = sum((Decimal(v.liability_share) for v in vehicles), ZERO)
    for vehicle in vehicles:
        if not 0 <= Decimal(vehicle.liability_share) <= 100:
            raise YaosuError(E.E535, vehicle_name=vehicle.name, vehicle_liability_share=vehicle.liability_share)
        if vehicle.commercial_limit is not None and vehicle.commercial_insurer is None:
            raise YaosuError(E.E536, vehicle_name=vehicle.name)
    if total_share > 100:
        raise YaosuError(E.E534, fmt_plain_total_share=fmt_plain(total_share))


def _compulsory_by_vehicle(
    group: str, total: Decimal, vehicles: Sequence[Vehicle], steps: list[str], citations: list[str]
) -> list[Decimal]:
    """道交解释第十八条: insured vehicles first; over the sum of limits each pays its limit, else pro rata."""
    pay = [ZERO] * len(vehicles)
    remaining = total
    for insured in (True, False):
        idx = [i for i, v in enumerate(vehicles) if (v.compulsory_insurer is not None) == insured]
        if not idx or remaining <= 0:
            continue
        limits = [vehicles[i].limits.limits[group].value for i in idx]
        cap = sum(limits, ZERO)
        if remaining >= cap:
            shares = limits
        else:
            shares = _split(remaining, limits) if len(idx) > 1 else [remaining]
        for i, share in zip(idx, shares, strict=True):
            pay[i] = share
        if len(vehicles) > 1:
            if C_J18 not in citations:
                citations.append(C_J18)
            who = "已投保交强险的" if insured else "未投保交强险的"
            how = (
                "损失超出各机动车交强险责任限额之和，由各自在责任限额范围内赔偿"
                if remaining >= cap
                else "损失未超出责任限额之和，按各自责任限额与限额之和的比例赔偿"
            )
            steps.append(
                f"{GROUP_ZH[group]}：{who}机动车 {'、'.join(vehicles[i].name for i in idx)} 限额合计{fmt_money(cap)}，{how}"
            )
        remaining -= sum(shares, ZERO)
    return pay


def _cover_items(
    victim: Victim, group: str, items: list[str], received: Decimal, steps: list[str]
) -> dict[str, Decimal]:
    """How the 交强险 money of one group is applied to the victim's items of that group."""
    amounts = {i: money(victim.items[i]) for i in items}
    covered = {i: ZERO for i in items}
    left = received
    order = list(items)
    if group == "death_disability" and victim.mental_first and "mental_damages" in amounts:
        first = min(amounts["mental_damages"], left)
        covered["mental_damages"] = first
        left -= first
        order.remove("mental_damages")
        steps.append(
            f"{victim.name}请求精神损害抚慰金在交强险死亡伤残赔偿限额内优先赔偿（道交解释第十三条第二款）："
            f"先赔精神损害抚慰金{fmt_money(first)}"
        )
    rest = [i for i in order if amounts[i] > 0]
    if rest and left > 0:
        # The 条款 gives no order inside a sub-limit: the rest is applied in proportion to the items [D].
        for item, part in zip(rest, _split(left, [amounts[i] for i in rest]), strict=True):
            covered[item] += part
    return covered


@calculator("traffic_allocation", version=1)
def allocate(
    victims: Sequence[Victim],
    vehicles: Sequence[Vehicle],
    groups: Mapping[str, str],
    *,
    advances: Sequence[Advance] = (),
    appraisal_bearer: str | None = None,
) -> CalcResult:
    """Split every victim's loss among 交强险 (per sub-limit), 商业三者险, the tortfeasor and the victim.

    ``groups``: item id → sub-limit (``item_groups()``); ``appraisal_bearer``: insurer / tortfeasor /
    by_liability (``appraisal_fee_bearer(court)``), needed only when an ``appraisal_fee`` is claimed.
    ``amount``: what the payers still owe the victims (after advances). Result ``details``: ``rows`` (one per victim × payer × role × sub-limit), ``payers`` (per victim and
    payer: amount, advance, net to the victim), ``refunds`` (advance paid back to the advancer), ``limits`` (per vehicle and sub-limit), ``victim_own`` (per victim).
    """
    _check_inputs(victims, vehicles, groups)
    steps: list[str] = []
    citations = [C_CIVIL_1213, C_ROAD_76, C_REGULATION_23]
    warnings: list[str] = []
    ledger = _Ledger()
    multi = len(victims) > 1

    for v in vehicles:
        kind = "有责" if v.limits.at_fault else "无责"
        parts = "、".join(
            f"{GROUP_ZH[g] if v.limits.at_fault else '无责任' + GROUP_ZH[g]}{fmt_money(v.limits.limits[g].value)}"
            for g in GROUPS
        )
        src = v.limits.limits["death_disability"].source
        steps.append(
            f"事故发生于{v.limits.accident_date.isoformat()}，{v.name}交强险适用{kind}限额：{parts}（来源：{src}）"
        )
        if v.compulsory_insurer is None:
            steps.append(
                f"{v.name}未投保交强险，由投保义务人{v.compulsory_payer()}在交强险责任限额范围内赔偿（道交解释第十六条）"
            )
            citations.append(C_J16)

    # 1–2. 交强险, per group.
    covered: dict[str, dict[str, Decimal]] = {vic.name: {} for vic in victims}
    for group in GROUPS:
        items_of = {vic.name: [i for i in vic.items if groups.get(i) == group] for vic in victims}
        losses = [sum((money(vic.items[i]) for i in items_of[vic.name]), ZERO) for vic in victims]
        total = sum(losses, ZERO)
        if total == 0:
            continue
        for vic, loss in zip(victims, losses, strict=True):
            if loss:
                listed = " + ".join(
                    f"{ITEM_ZH.get(i, i)}{fmt_plain(money(vic.items[i]))}" for i in items_of[vic.name]
                )
                steps.append(f"{vic.name}属{GROUP_ZH[group]}的项目：{listed} = {fmt_money(loss)}")
        by_vehicle = _compulsory_by_vehicle(group, total, vehicles, steps, citations)
        if multi:
            citations.append(C_J19)
            steps.append(
                f"{GROUP_ZH[group]}：同一事故多个被侵权人同时起诉，按各被侵权人的损失比例确定交强险赔偿数额（道交解释第十九条）"
            )
        received = {vic.name: ZERO for vic in victims}
        for v, paid in zip(vehicles, by_vehicle, strict=True):
            if paid == 0:
                continue
            for vic, part in zip(victims, _split(paid, losses), strict=True):
                role = "compulsory" if v.compulsory_insurer else "policyholder"
                ledger.add(vic.name, v.compulsory_payer(), role, v.name, part, group)
                received[vic.name] += part
                if part:
                    steps.append(
                        f"{v.compulsory_payer()}在{v.name}交强险{GROUP_ZH[group]}内赔偿{vic.name}{fmt_money(part)}"
                        f"（损失{fmt_money(losses[victims.index(vic)])}，限额{fmt_money(v.limits.limits[group].value)}）"
                    )
        for vic in victims:
            covered[vic.name].update(_cover_items(vic, group, items_of[vic.name], received[vic.name], steps))
    if any(vic.mental_first for vic in victims):
        citations.append(C_J13)

    # 3. The excess, by liability share: 商业三者险 within its limit, the rest on the tortfeasor.
    bearer = appraisal_bearer
    if any(money(vic.items.get(APPRAISAL, ZERO)) > 0 for vic in victims):
        if bearer is None:
            raise YaosuError(
                E.E537, join_bearers='/'.join(BEARERS)
            )
        if bearer not in BEARERS:
            raise YaosuError(E.E538, join_bearers='/'.join(BEARERS), bearer=bearer)
    excess: dict[str, dict[str, Decimal]] = {}
    for vic in victims:
        excess[vic.name] = {
            i: money(a) - covered[vic.name].get(i, ZERO)
            for i, a in vic.items.items()
            if i != APPRAISAL or bearer == "by_liability"
        }
        over = sum(excess[vic.name].values(), ZERO)
        steps.append(f"{vic.name}超出交强险部分（含交强险不赔的项目）合计{fmt_money(over)}")

    victim_own: dict[str, Decimal] = {}
    for vic in victims:
        victim_own[vic.name] = sum(excess[vic.name].values(), ZERO)
    for v in vehicles:
        share = Decimal(v.liability_share)
        claims: list[Decimal] = []
        outside: list[Decimal] = []
        for vic in victims:
            part_total = money(sum(excess[vic.name].values(), ZERO) * share / 100)
            excluded = money(
                sum((a for i, a in excess[vic.name].items() if i in v.commercial_excluded), ZERO)
                * share
                / 100
            )
            claims.append(part_total - excluded)
            outside.append(excluded)
            victim_own[vic.name] -= part_total
            steps.append(
                f"{v.name}一方承担{fmt_plain(share)}%：{fmt_plain(sum(excess[vic.name].values(), ZERO))} × "
                f"{fmt_plain(share)}% = {fmt_money(part_total)}"
            )
        if v.commercial_insurer is not None:
            limit = v.commercial_limit
            total_claim = sum(claims, ZERO)
            if limit is not None and total_claim > limit:
                insured_part = _split(money(limit), claims)
                steps.append(
                    f"{v.commercial_insurer}商业三者险限额{fmt_money(limit)}不足{fmt_money(total_claim)}，"
                    f"在限额内赔偿{'（多名受害人按损失比例）' if multi else ''}"
                )
            else:
                insured_part = claims
            for vic, claim, got, out in zip(victims, claims, insured_part, outside, strict=True):
                ledger.add(vic.name, v.commercial_insurer, "commercial", v.name, got)
                ledger.add(vic.name, v.tortfeasor, "tortfeasor", v.name, claim - got + out)
                steps.append(
                    f"{v.commercial_insurer}在{v.name}商业三者险内赔偿{vic.name}{fmt_money(got)}"
                    + (f"；商业三者险不赔的{fmt_money(out)}" if out else "")
                    + (
                        f"；由侵权人{v.tortfeasor}赔偿{fmt_money(claim - got + out)}"
                        if claim - got + out
                        else ""
                    )
                )
        else:
            for vic, claim, out in zip(victims, claims, outside, strict=True):
                ledger.add(vic.name, v.tortfeasor, "tortfeasor", v.name, claim + out)
                steps.append(
                    f"{v.name}未投保商业三者险，由侵权人{v.tortfeasor}赔偿{vic.name}{fmt_money(claim + out)}"
                )
    for vic in victims:
        if victim_own[vic.name]:
            ledger.add(vic.name, vic.name, "victim", "", victim_own[vic.name])
            steps.append(f"其余{fmt_money(victim_own[vic.name])}由{vic.name}自负（道路交通安全法第七十六条）")

    # 4. 鉴定费 outside the excess (insurer / tortfeasor), split among vehicles by share.
    if bearer in ("insurer", "tortfeasor"):
        weights = [Decimal(v.liability_share) for v in vehicles]
        if sum(weights, ZERO) == 0:
            weights = [Decimal(1) for _ in vehicles]
        for vic in victims:
            fee = money(vic.items.get(APPRAISAL, ZERO))
            if fee == 0:
                continue
            for v, part in zip(vehicles, _split(fee, weights), strict=True):
                payer = v.commercial_insurer if bearer == "insurer" and v.commercial_insurer else v.tortfeasor
                role = "commercial" if payer == v.commercial_insurer else "tortfeasor"
                ledger.add(vic.name, payer, role, v.name, part)
                steps.append(f"鉴定费{fmt_money(part)}由{payer}负担（本院对鉴定费负担的认定）")
            if bearer == "insurer":
                citations.append(C_INSURANCE_64)

    # 5. Totals per victim and payer; advances deducted from the payer who made them.
    payers: dict[tuple[str, str], Decimal] = {}
    for row in ledger.rows:
        if row["role"] != "victim":
            key = (row["victim"], row["payer"])
            payers[key] = payers.get(key, ZERO) + row["amount"]
    paid_in: dict[tuple[str, str], Decimal] = {}
    for adv in advances:
        victim = adv.victim or (victims[0].name if not multi else "")
        if not victim:
            raise YaosuError(E.E539, adv_payer=adv.payer)
        key = (victim, adv.payer)
        if key not in payers:
            if adv.payer not in {v.tortfeasor for v in vehicles} | {r["payer"] for r in ledger.rows}:
                raise YaosuError(E.E542, adv_payer=adv.payer)
            payers[key] = ZERO
        paid_in[key] = paid_in.get(key, ZERO) + money(adv.amount)
    summary: list[dict[str, Any]] = [
        {
            "victim": victim,
            "payer": payer,
            "amount": money(amount),
            "advance": money(ZERO),
            "net": money(amount),
        }
        for (victim, payer), amount in payers.items()
    ]
    refunds: list[dict[str, Any]] = []
    for (victim, payer), adv_amount in paid_in.items():
        own = next(s for s in summary if s["victim"] == victim and s["payer"] == payer)
        own["advance"] = adv_amount
        used = min(adv_amount, own["net"])
        own["net"] -= used
        steps.append(
            f"{payer}已垫付{fmt_money(adv_amount)}，在其应付的{fmt_money(own['amount'])}中扣除{fmt_money(used)}"
            if own["amount"]
            else f"{payer}已垫付{fmt_money(adv_amount)}，其本人无应付款"
        )
        left = adv_amount - used
        # An advance above the payer's own share was paid for the others: they pay it back to the
        # advancer instead of to the victim (common practice [D]; the judgment may order it otherwise).
        for other in summary:
            if left == 0:
                break
            if other["victim"] != victim or other is own or other["net"] == 0:
                continue
            part = min(left, other["net"])
            other["net"] -= part
            left -= part
            refunds.append({"victim": victim, "payer": other["payer"], "to": payer, "amount": part})
            steps.append(f"{other['payer']}应付款中的{fmt_money(part)}直接返还垫付人{payer}")
        if left > 0:
            warnings.append(f"{payer}垫付的款项超过各赔偿义务人应付合计，超出的{fmt_money(left)}须另行处理")
    total = sum((s["net"] for s in summary), ZERO)
    steps.append(f"各赔偿义务人尚应支付合计{fmt_money(total)}")
    return CalcResult(
        amount=total,
        steps=steps,
        citations=list(dict.fromkeys(citations)),
        details={
            "rows": ledger.rows,
            "payers": summary,
            "refunds": refunds,
            "limits": {
                v.name: {g: money(v.limits.limits[g].value) for g in GROUPS} | {"at_fault": v.limits.at_fault}
                for v in vehicles
            },
            "victim_own": {k: money(x) for k, x in victim_own.items()},
        },
        warnings=warnings,
        calculator="traffic_allocation.v1",
    )

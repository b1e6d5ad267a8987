"""机动车交通事故责任纠纷 decision rules: each damage item, then who pays it.

Items: items.py (findings, the province's standards, 不告不理). Allocation: engine.law.compulsory_insurance
.allocate — 交强险 per sub-limit for the accident date (精神损害 first when asked, 道交解释第十三条), the
excess × the motor-vehicle side's share to the 商业三者险 within its limit, the rest on the tortfeasor
(民法典第一千二百一十三条; 道路交通安全法第七十六条), advances deducted. The orders name each payer with
the limit it pays within (traffic_sales_labour.md §D4).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, NamedTuple

from engine.casetypes.motor_vehicle_accident.items import BLANK, Item, find_items
from engine.drafting import formatting as fmt
from engine.drafting.build import judgment_day
from engine.drafting.content import AllocationRow, ItemRow
from engine.drafting.rules import CaseView, Decision, cite_in_force, judgment_rules
from engine.elements.value_types import stored_date
from engine.errors import YaosuError
from engine.law.result import CalcResult

CIVIL_CODE = "《中华人民共和国民法典》"
C_PERSONAL_INJURY = f"{CIVIL_CODE}第一千一百七十九条"
C_MENTAL = f"{CIVIL_CODE}第一千一百八十三条"
C_PROPERTY = f"{CIVIL_CODE}第一千一百八十四条"
C_ROAD_76 = "《中华人民共和国道路交通安全法》第七十六条"
C_CIVIL_1213 = f"{CIVIL_CODE}第一千二百一十三条"
COMPULSORY = "机动车交通事故责任强制保险责任限额内"
COMMERCIAL = "第三者责任商业保险限额内"
# 认定书 全部责任 → the motor-vehicle side bears the whole excess; any other share is the court's
# apportionment (道路交通安全法第七十六条; local ratios unverified, traffic_sales_labour.md §A3).
FULL = "full"
SHARE_ZH = {"full": "全部责任", "main": "主要责任", "equal": "同等责任", "secondary": "次要责任", "none": "无责任"}


def _claims_text(view: CaseView, items: list[Item], insurers: list[str]) -> list[str]:
    claims = []
    listed = "、".join(f"{i.label}{fmt.money(i.claimed)}元" for i in items if i.claimed is not None)
    total = view.claimed("claim_total")
    if total or listed:
        amount = f"共计{fmt.money(total)}元" if total else ""
        claims.append(f"判令被告赔偿原告因交通事故造成的各项损失{amount}" + (f"（其中{listed}）" if listed else ""))
    if view.claimed("claim_insurers_within_limits") and insurers:
        claims.append(f"判令被告{fmt.join_names(insurers)}在保险责任限额内直接赔偿原告")
    if view.claimed("mental_damages_first"):
        claims.append("精神损害抚慰金在交强险死亡伤残赔偿限额内优先赔偿")
    if view.claimed("claim_litigation_costs"):
        claims.append("本案诉讼费用由被告负担")
    return [f"{n}.{text}{'；' if n < len(claims) else '。'}" for n, text in enumerate(claims, 1)]


def _facts_text(view: CaseView) -> str:
    parts = []
    for element_id in ("accident_date", "accident_place", "accident_course", "liability_document", "liability",
                       "vehicles"):
        if element_id not in view.table.entries:
            continue
        value = view.claimed(element_id)
        if value is not None:
            parts.append(f"{view.label(element_id)}：{fmt.value_text(view.table.element(element_id), value)}")
    return "事实和理由：" + ("；".join(parts) + "。" if parts else "（原告未写明）")


def _liability_row(view: CaseView, vehicle: dict[str, Any]) -> dict[str, Any] | None:
    liability = view.value("liability") or []
    return next((row for row in liability if row.get("party") in (vehicle.get("driver"), vehicle.get("owner"))),
                None)


def _vehicle_share(view: CaseView, vehicle: dict[str, Any], decision: Decision) -> tuple[Decimal | None, bool]:
    """(share of the excess, at fault for 交强险) for the only vehicle of the case."""
    party = _liability_row(view, vehicle)
    at_fault = party is None or party.get("share") != "none"
    share = vehicle.get("liability_share") or view.value("liability_share")
    if share is not None:
        return Decimal(share), at_fault
    if party is not None and party.get("share") == FULL:
        return Decimal(100), at_fault
    decision.warnings.append(
        "机动车一方承担的赔偿比例（要素 liability_share）未认定：交强险以外部分的分配暂以“____”表示"
    )
    return None, at_fault


def _vehicle_shares(
    view: CaseView, vehicles: list[dict[str, Any]], decision: Decision
) -> tuple[list[Decimal | None], list[bool]]:
    """Several vehicles (道交解释第十八条): each one's share of the excess (vehicles[].liability_share, the
    court's apportionment under 道路交通安全法第七十六条) and whether it is at fault for its 交强险.

    A vehicle found 无责 by the 认定书, or given a 0% share, uses the 无责 limits."""
    shares: list[Decimal | None] = []
    faults: list[bool] = []
    for vehicle in vehicles:
        party = _liability_row(view, vehicle)
        raw = vehicle.get("liability_share")
        share = Decimal(raw) if raw is not None else None
        if share is None and party is not None and party.get("share") == "none":
            share = Decimal(0)
        shares.append(share)
        faults.append(not ((party is not None and party.get("share") == "none") or share == 0))
    missing = [str(v.get("plate") or i) for i, (v, s) in enumerate(zip(vehicles, shares, strict=True), 1)
               if s is None]
    if missing:
        decision.warnings.append(
            "多车事故各车一方承担的赔偿比例（要素 vehicles 的“赔偿比例” liability_share）未认定："
            + "、".join(missing) + "；交强险以外部分的分配暂以“____”表示"
        )
    return shares, faults


class _UseRelation(NamedTuple):
    concept: str  # the parameters/citations.yaml row of the article
    words: str  # how the reasons name the relation
    joint: bool  # user and owner answer jointly (连带)
    user_role: str
    owner_role: str = "驾驶人"  # only named when joint: a thief's co-driver (第一千二百一十五条)


# 所有人与使用人不是同一人: the article, and who answers for the vehicle side — the user alone, or the user
# with the owner jointly. Keys are the vehicles[].use_relation options.
_USE_RELATION = {
    "lease_loan": _UseRelation("motor_user_liable", "租赁、借用", False, "使用人"),
    "transfer_unregistered": _UseRelation("motor_transfer_unregistered", "已转让并交付但未办理登记", False, "受让人"),
    "affiliated": _UseRelation("motor_affiliated", "以挂靠形式从事道路运输经营活动", True, "挂靠人", "被挂靠人"),
    "unauthorised": _UseRelation("motor_unauthorised", "未经允许驾驶他人机动车", False, "使用人"),
    "scrapped_transfer": _UseRelation("motor_scrapped_transfer", "转让拼装或者已经达到报废标准的机动车", True, "受让人",
                                      "转让人"),
    "stolen": _UseRelation("motor_stolen", "盗窃、抢劫或者抢夺的机动车", False, "盗抢人"),
}


def _vehicle_side(view: CaseView, vehicle: dict[str, Any], name: str, decision: Decision) -> tuple[str, bool]:
    """Who pays the vehicle side's part above the insurers, and whether jointly (连带).

    The owner answers alone when it used the vehicle; otherwise the article of 民法典第一千二百零九至
    一千二百一十五条 for the accident date decides: the user (lessee, borrower, transferee, driver without
    permission, thief), or the user and the owner jointly (挂靠, 拼装/报废车转让; a thief with another driver).
    An owner at fault under 第一千二百零九、一千二百一十二条 answers for 相应的赔偿责任, a share the judge sets.
    """
    relation = vehicle.get("use_relation")
    if relation not in _USE_RELATION:
        return _tortfeasor(view, vehicle), False
    rule = _USE_RELATION[str(relation)]
    words, joint = rule.words, rule.joint
    day = stored_date(view.value("accident_date")) or judgment_day(view.meta)
    article = cite_in_force(view, rule.concept, day, decision)
    if article not in decision.citations:
        decision.citations.append(article)
    owner = str(vehicle.get("owner") or "")
    user = str(vehicle.get("actual_user") or vehicle.get("driver") or "")
    driver = str(vehicle.get("driver") or "")
    if relation == "stolen" and driver and user and driver != user:
        joint, owner = True, driver  # 第一千二百一十五条第一款第二句: thief and user jointly
    if not user:
        decision.warnings.append(f"{name}：{words}的，须写明实际使用人（要素 vehicles 的 actual_user 或 driver）")
        user = BLANK
    basis = getattr(article, "text", str(article))
    if joint and owner and owner != user:
        payer = fmt.join_names([user, owner])
        decision.reasoning.append(
            f"关于{name}一方的赔偿责任，该车系{words}，依照{basis}的规定，由{rule.user_role}{user}"
            f"与{rule.owner_role}{owner}承担连带责任。")
        return payer, True
    text = f"关于{name}一方的赔偿责任，该车系{words}，依照{basis}的规定，由{rule.user_role}{user}承担赔偿责任"
    if relation in ("lease_loan", "unauthorised") and owner and owner != user:
        fault = vehicle.get("owner_at_fault")
        if fault is True:
            text += f"；所有人、管理人{owner}对损害的发生有过错，应当承担相应的赔偿责任（份额由本院酌定）"
            decision.warnings.append(f"{name}：所有人、管理人{owner}有过错，其“相应的赔偿责任”份额须由法官认定并写入判项")
        elif fault is False:
            text += f"；所有人、管理人{owner}对损害的发生没有过错，不承担赔偿责任"
        else:
            text += f"；所有人、管理人{owner}对损害的发生有无过错，待认定"
            decision.warnings.append(f"{name}：所有人、管理人{owner}有无过错未认定（要素 vehicles 的 owner_at_fault）")
    elif relation == "transfer_unregistered" and owner and owner != user:
        text += f"，登记所有人{owner}不承担赔偿责任"
    decision.reasoning.append(text + "。")
    return user, False


def _tortfeasor(view: CaseView, vehicle: dict[str, Any]) -> str:
    for who in (vehicle.get("driver"), vehicle.get("owner")):
        if who and who in view.defendants:
            return str(who)
    natural = [p["name"] for p in view.value("defendants") or view.claimed("defendants") or []
               if isinstance(p, dict) and p.get("kind", "natural") == "natural"]
    return natural[0] if natural else str(vehicle.get("driver") or vehicle.get("owner") or BLANK)


def _item_rows(items: list[Item]) -> list[ItemRow]:
    return [
        ItemRow(
            element_id=i.id,
            label=i.label,
            plaintiff=f"{fmt.money(i.claimed)}元" if i.claimed is not None else "未主张",
            defendant=i.answer,
            court=i.how,
            disputed=i.answer.startswith(("认可", "有异议")),
        )
        for i in items
    ]


def _citable(citation: str) -> bool:
    """Articles go into 依照…; a 决定's item (第六项, the transition rule) is stated in the reasoning only."""
    from engine.law.citations import basis_text

    try:
        basis_text([citation])
    except YaosuError:
        return False
    return True


def _dispute_text(view: CaseView, item: Item) -> str:
    """关于误工费，原告主张30,000元，被告认为应为12,000元。 (the result follows in the same paragraph)"""
    state = (view.case.get("elements") or {}).get(item.id) or {}
    if state.get("status") not in ("disputed", "answer_only"):
        return ""
    answer = state.get("answer")
    said = f"被告认为应为{fmt.money(answer)}元" if answer is not None else "被告有异议"
    claimed = f"原告主张{fmt.money(item.claimed)}元" if item.claimed is not None else "原告未主张"
    return f"{claimed}，{said}。"


def _item_reasoning(view: CaseView, items: list[Item], decision: Decision) -> None:
    findings = view.case.get("findings") or {}
    for item in items:
        dispute = _dispute_text(view, item)
        if dispute and item.computed is None and not item.error:
            result = (f"本院根据当事人陈述和经审查确认的证据，认定为{fmt.money(item.award)}元。"
                      if findings.get(item.id) is not None else "该项待认定。")
            decision.reasoning.append(f"关于{item.label}，{dispute}{result}")
            continue
        if item.error:
            # The printed text keeps a blank; what to fill and where goes to the drafter as a warning.
            decision.reasoning.append(f"关于{item.label}，{dispute}其计算标准尚待确定，数额暂以“{BLANK}”表示。")
            decision.warnings.append(f"{item.label}无法计算：{item.error}")
            continue
        if item.computed is None:
            if item.award is None:
                decision.warnings.append(f"{item.label}有争议但尚未认定，判决书中以“待认定”表示")
            continue
        text = f"关于{item.label}，{dispute}" + "；".join(item.computed.steps) + f"（{'、'.join(item.citations)}）。"
        if item.capped:
            text += (f"原告主张{fmt.money(item.claimed)}元，低于上述计算数额，本院在原告主张的范围内"
                     f"予以支持，即{fmt.money(item.award)}元。")
        decision.reasoning.append(text)
        decision.warnings.extend(item.computed.warnings)
        decision.citations.extend(c for c in item.citations if _citable(c))


def _allocation(view: CaseView, items: list[Item], decision: Decision) -> tuple[CalcResult | None, bool]:
    """The allocation, and whether the share of the excess is known (else only 交强险 is final)."""
    from engine.law.compulsory_insurance import (
        Advance,
        Vehicle,
        Victim,
        allocate,
        appraisal_fee_bearer,
        compulsory_limits,
        item_groups,
    )

    vehicles = [v for v in view.value("vehicles") or [] if isinstance(v, dict)]
    accident = stored_date(view.value("accident_date"))
    if not vehicles or accident is None:
        decision.warnings.append("赔偿责任分配需要事故发生时间和肇事机动车（要素 accident_date、vehicles）")
        return None, False
    if len(vehicles) == 1:
        share, at_fault = _vehicle_share(view, vehicles[0], decision)
        shares, faults = [share], [at_fault]
    else:
        shares, faults = _vehicle_shares(view, vehicles, decision)
    known = all(s is not None for s in shares)
    amounts = {i.id: i.award for i in items if i.award is not None}
    bearer = None
    if amounts.get("appraisal_fee") and view.value("appraisal_fee_bearer"):
        bearer = str(view.value("appraisal_fee_bearer"))  # the court's finding
    elif amounts.get("appraisal_fee"):
        try:
            bearer = appraisal_fee_bearer(view.court.id)
        except YaosuError as exc:
            decision.warnings.append(exc.message + "；或在本案认定“鉴定费负担”（appraisal_fee_bearer）")
            decision.reasoning.append(
                f"关于鉴定费{fmt.money(amounts['appraisal_fee'])}元，由{BLANK}负担（须由法官确定）。")
            del amounts["appraisal_fee"]
    advances = [Advance(str(a.get("payer")), Decimal(a["amount"])) for a in view.value("paid_in_advance") or []
                if a.get("amount") and a.get("payer")]
    sides = [_vehicle_side(view, vehicle, _vehicle_name(vehicle, n, len(vehicles)), decision)
             for n, vehicle in enumerate(vehicles, 1)]
    parties = [
        Vehicle(
            name=_vehicle_name(vehicle, n, len(vehicles)),
            limits=compulsory_limits(accident, at_fault=at_fault),
            liability_share=share if share is not None else Decimal(0),
            tortfeasor=sides[n - 1][0],
            compulsory_insurer=vehicle.get("compulsory_insurer") or None,
            commercial_insurer=vehicle.get("commercial_insurer") or None,
            commercial_limit=Decimal(vehicle["commercial_limit"]) if vehicle.get("commercial_limit") else None,
        )
        for n, (vehicle, share, at_fault) in enumerate(zip(vehicles, shares, faults, strict=True), 1)
    ]
    try:
        result = allocate(
            [Victim(fmt.join_names(view.plaintiffs), amounts, bool(view.value("mental_damages_first")))],
            parties,
            item_groups(),
            advances=advances if known else (),
            appraisal_bearer=bearer,
        )
    except YaosuError as exc:
        decision.warnings.append(f"无法分配赔偿责任：{exc.message}")
        return None, False
    result.details["payers_of_excess"] = [
        [p for p in (v.commercial_insurer, v.tortfeasor) if p] for v in parties]
    result.details["commercial_limits"] = {v.name: v.commercial_limit for v in parties}
    result.details["joint_payers"] = [payer for payer, joint in sides if joint]
    if bearer in ("insurer", "tortfeasor"):
        # Borne outside the limits (保险法第六十四条 / the tortfeasor): its own words in the order; with
        # several vehicles each payer's part is booked on its own commercial / tortfeasor line.
        if len(parties) == 1:
            first = parties[0]
            payer = (first.commercial_insurer if bearer == "insurer" else None) or first.tortfeasor
            result.details["appraisal"] = {"payer": payer, "amount": amounts["appraisal_fee"]}
    return result, known


def _vehicle_name(vehicle: dict[str, Any], n: int, count: int) -> str:
    return str(vehicle.get("plate") or (f"第{n}辆肇事车辆" if count > 1 else "肇事车辆"))


def _payer_orders(view: CaseView, result: CalcResult | None, share_known: bool, insurers: list[str]) -> list[str]:
    plaintiffs = fmt.join_names(view.plaintiffs)
    if result is None:
        return [f"被告{name}于本判决生效之日起十日内在{COMPULSORY}赔偿原告{plaintiffs}{BLANK}元" for name in insurers] + [
            f"被告{BLANK}于本判决生效之日起十日内赔偿原告{plaintiffs}{BLANK}元"]
    details = result.details
    by_payer: dict[str, dict[str, Decimal]] = {}
    for row in details["rows"]:
        if row["role"] == "victim":
            continue
        role = "compulsory" if row["role"] in ("compulsory", "policyholder") else row["role"]
        parts = by_payer.setdefault(row["payer"], {})
        parts[role] = parts.get(role, Decimal(0)) + row["amount"]
    summary = {s["payer"]: s for s in details["payers"]}
    orders = []
    known = {"compulsory": True, "commercial": share_known, "tortfeasor": share_known}
    fee = details.get("appraisal") or {}
    for payer, parts in by_payer.items():
        paying_fee = fee.get("payer") == payer
        if paying_fee:
            # The fee is booked on this payer's commercial / tortfeasor line; it is ordered on its own.
            role = next(r for r in ("commercial", "tortfeasor") if r in parts)
            parts[role] -= fee["amount"]
        pieces = []
        for role, where in (("compulsory", COMPULSORY), ("commercial", COMMERCIAL), ("tortfeasor", "")):
            if parts.get(role):
                amount = fmt.money(parts[role]) if known[role] else BLANK
                jointly = "连带" if role == "tortfeasor" and payer in details.get("joint_payers", ()) else ""
                pieces.append(f"{'在' + where if where else ''}{jointly}赔偿原告{plaintiffs}{amount}元")
        if paying_fee:
            pieces.append(f"支付原告{plaintiffs}鉴定费{fmt.money(fee['amount'])}元")
        text = f"被告{payer}于本判决生效之日起十日内" + "；".join(pieces)
        own = summary.get(payer)
        if own and own["advance"] and share_known:
            text += (f"（已垫付{fmt.money(own['advance'])}元，尚需支付{fmt.money(own['net'])}元）" if own["net"]
                     else f"（已垫付{fmt.money(own['advance'])}元，已全部支付）")
        orders.append(text)
    if not share_known:
        # The share of the excess is still to be found: its payers are named with blanks, per vehicle.
        for payers in details.get("payers_of_excess") or [[BLANK]]:
            commercial, *rest = payers or [BLANK]
            excess = [(commercial, f"在{COMMERCIAL}")] if rest else []
            excess.append((rest[0] if rest else commercial, ""))
            for payer, where in excess:
                line = f"{where}赔偿原告{plaintiffs}{BLANK}元"
                index = next((i for i, o in enumerate(orders) if o.startswith(f"被告{payer}于")), None)
                if index is None:
                    orders.append(f"被告{payer}于本判决生效之日起十日内{line}")
                elif line not in orders[index]:
                    orders[index] += "；" + line
    for refund in details["refunds"] if share_known else []:
        orders.append(f"被告{refund['payer']}于本判决生效之日起十日内支付被告{refund['to']}其垫付款{fmt.money(refund['amount'])}元")
    return orders


def _allocation_rows(result: CalcResult, share_known: bool) -> list[AllocationRow]:
    rows = []
    limits = result.details["limits"]
    commercial_limits = result.details.get("commercial_limits") or {}
    several = len(limits) > 1
    for row in result.details["rows"]:
        role = row["role"]
        vehicle = row["vehicle"]
        if role in ("compulsory", "policyholder"):
            basis, limit = f"交强险{row['sublimit_zh']}", f"{fmt.money(limits[vehicle][row['sublimit']])}元"
        elif role == "commercial":
            basis = "商业三者险"
            commercial_limit = commercial_limits.get(vehicle)
            limit = f"{fmt.money(commercial_limit)}元" if commercial_limit else "未载明"
        else:
            basis, limit = ("侵权人" if role == "tortfeasor" else "原告自负"), ""
        if several and vehicle:
            basis = f"{vehicle} {basis}"  # several vehicles: whose 交强险 / 商业三者险 / share
        amount = f"{fmt.money(row['amount'])}元" if share_known or role in ("compulsory", "policyholder") else f"{BLANK}元"
        rows.append(AllocationRow(payer=row["payer"], basis=basis, limit=limit, amount=amount))
    return rows


def _liability_reasoning(view: CaseView, decision: Decision) -> None:
    liability = view.value("liability") or []
    parts = [f"{row.get('party')}负事故{SHARE_ZH.get(row.get('share') or '', '____')}" for row in liability]
    text = "本次交通事故经公安机关交通管理部门认定，" + "，".join(parts) + "。" if parts else ""
    share = view.value("liability_share")
    if share is not None:
        text += f"本院确定机动车一方对交强险责任限额以外的损失承担{fmt.percent(share)}的赔偿责任。"
    if text:
        decision.reasoning.append(text)


def standard_note(view: CaseView) -> str:
    """上海市2024年度标准（2023年统计数据）: the province and use year the standard items are computed with."""
    from engine.law.injury import province_name, use_year_for

    province = province_name(view.province)
    chosen = "（按指定省份）" if view.standard_province else ""
    hearing_end = stored_date(view.meta.get("hearing_end_date"))
    if hearing_end is None:
        return f"{province}标准{chosen}（一审法庭辩论终结日未填写，年度未定）"
    try:
        year, _ = use_year_for(view.province, hearing_end)
    except YaosuError:
        return f"{province}标准{chosen}（{hearing_end.year}年适用年度未定）"
    return f"{province}{year}年度标准（{year - 1}年统计数据）{chosen}"


@judgment_rules.register("motor_vehicle_accident.v1")
def motor_vehicle_accident_rules(view: CaseView) -> Decision:
    decision = Decision(citations=[])
    vehicles = view.value("vehicles") or view.claimed("vehicles") or []
    insurers = list(dict.fromkeys(
        str(v.get(k)) for v in vehicles for k in ("compulsory_insurer", "commercial_insurer") if v.get(k)))
    items = find_items(view)
    decision.standard_note = standard_note(view)
    decision.claims = _claims_text(view, items, insurers)
    decision.facts = _facts_text(view)
    decision.item_rows = _item_rows(items)
    decision.reasoning.append(
        "本院认为，机动车发生交通事故造成人身伤亡、财产损失的，由承保机动车交通事故责任强制保险的保险人在责任限额范围内"
        "予以赔偿；不足部分，由承保机动车商业保险的保险人按照保险合同的约定予以赔偿；仍然不足或者没有投保机动车商业保险的，"
        "由侵权人按照责任比例赔偿。"
    )
    decision.citations += [C_PERSONAL_INJURY, C_CIVIL_1213, C_ROAD_76]
    _liability_reasoning(view, decision)
    _item_reasoning(view, items, decision)
    if any(i.id == "mental_damages" and i.award for i in items):
        decision.citations.append(C_MENTAL)
    if any(i.id == "property_damage" and i.award for i in items):
        decision.citations.append(C_PROPERTY)
    known = [i for i in items if i.award is not None]
    if known:
        listed = "、".join(f"{i.label}{fmt.money(i.award)}元" for i in known)
        total = sum((i.award for i in known if i.award is not None), Decimal(0))
        decision.reasoning.append(f"综上，本院认定原告的损失为：{listed}，合计{fmt.money(total)}元。")
    open_items = [i for i in items if i.award is None]
    result = None
    share_known = False
    if open_items:
        decision.warnings.append(
            "以下损失项目尚未确定，赔偿责任分配暂不计算：" + "、".join(i.label for i in open_items))
    else:
        result, share_known = _allocation(view, items, decision)
    if result is not None:
        decision.reasoning.append("关于赔偿责任的分配：" + "；".join(result.steps) + "。")
        decision.citations += [c for c in result.citations if c not in decision.citations]
        decision.warnings.extend(result.warnings)
        decision.allocation_rows = _allocation_rows(result, share_known)
    orders = _payer_orders(view, result, share_known, insurers)
    claimed = view.claimed("claim_total")
    claimed_amount = Decimal(claimed) if claimed else sum(
        (i.claimed for i in items if i.claimed is not None), Decimal(0))
    granted = sum((i.award for i in known if i.award is not None), Decimal(0))
    if result is not None and share_known:
        granted = result.amount + sum((Decimal(a["advance"]) for a in result.details["payers"]), Decimal(0))
    if claimed_amount and not open_items and share_known and granted < claimed_amount:
        plaintiffs = fmt.join_names(view.plaintiffs)
        orders.append(f"驳回原告{plaintiffs}的其他诉讼请求")
        rule: Any = cite_in_force(view, "burden_of_proof", judgment_day(view.meta), decision)
        decision.citations.append(rule)  # a Citation: basis_text takes both
    decision.orders = orders
    decision.monetary = True
    decision.claimed_amount = claimed_amount or None
    if result is not None and share_known:
        decision.granted_amount = min(granted, claimed_amount) if claimed_amount else granted
    return decision

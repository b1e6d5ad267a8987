"""机动车交通事故: the damage items of one victim, as the court finds them.

Each item the plaintiff claims (or the judge finds) is one `Item`: what was claimed, what the defendant
said, and the court's amount with how it was reached:

- a finding (本院认定) decides;
- a standard item (残疾赔偿金, 死亡赔偿金, 丧葬费, 被扶养人生活费) is computed by engine.law.injury from the
  published figure of the province (the court's, or the one `yaosu compare --standard` names) for the use
  year of meta.hearing_end_date (法释〔2022〕14号第二十二条); a claim below the computed amount caps the
  award (不告不理), and a figure that is NOT FOUND leaves the item open with the calculator's message;
- a daily item (住院伙食补助费, 营养费) is computed the same way where the province publishes a daily rate;
- any other item: the claimed amount when the defendant does not contest it, else open (待认定).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from engine.drafting.rules import CaseView
from engine.elements.value_types import stored_date, stored_decimal
from engine.errors import E, YaosuError
from engine.law.result import CalcResult

STANDARD_ITEMS = ("disability_compensation", "death_compensation", "funeral_expenses", "dependents_living")
# item id → (daily rate item of parameters/injury_daily_rates.yaml, the days element)
DAILY_ITEMS = {"hospital_meal_allowance": ("hospital_meal", "hospital_days"), "nutrition_fee": ("nutrition", "nutrition_days")}
BLANK = "____"


@dataclass
class Item:
    id: str
    label: str
    claimed: Decimal | None
    answer: str  # 被告意见 as printed
    award: Decimal | None = None  # None: still open (待认定 or a figure NOT FOUND)
    how: str = ""  # 本院认定 cell
    computed: CalcResult | None = None
    error: str | None = None  # the calculator's message when a figure is NOT FOUND or an input is missing
    capped: bool = False
    citations: list[str] = field(default_factory=list)


def damage_item_ids(view: CaseView) -> list[str]:
    section = next((s for s in view.table.sections if s.id == "damages"), None)
    return list(section.element_ids) if section else []


def _answer_text(view: CaseView, element_id: str) -> str:
    from engine.drafting import formatting as fmt

    if not view.case.get("answer"):
        return "未答辩"
    state = (view.case.get("elements") or {}).get(element_id) or {}
    if state.get("answer") is not None:
        return f"认可{fmt.money(state['answer'])}元"
    return {"admit": "无异议", "contest": "有异议"}.get(state.get("answer_position") or "", "未发表意见")


def victim_birth(view: CaseView) -> date | None:
    """The victim's birth date; in an injury case with one natural-person plaintiff, the plaintiff's."""
    day = stored_date(view.value("victim_birth_date"))
    if day is not None or view.value("death"):
        return day
    plaintiffs = view.value("plaintiffs") or view.claimed("plaintiffs") or []
    people = [p for p in plaintiffs if isinstance(p, dict) and p.get("kind", "natural") == "natural"]
    return stored_date(people[0].get("birth_date")) if len(people) == 1 else None


def grade_indices(view: CaseView) -> tuple[list[Decimal], str]:
    """多处伤残 (GB 18667-2002 附录B): the 附加指数 of the other grades, and where they come from.

    The judge's indices per extra grade (extra_disability_indices), else the total 伤残赔偿指数 the
    pleading or the court states (disability_index), which must lie between the highest grade's index and
    that index + 10%. Neither: an error naming both elements and the permitted range — the sizes of the
    附加指数 are published nowhere (traffic_sales_labour.md §A5), so none is assumed."""
    from engine.law.injury import EXTRA_INDEX_CAP, disability_coefficient
    from engine.law.result import fmt_plain

    grade = view.value("disability_grade")
    extras = [g for g in view.value("extra_disability_grades") or [] if isinstance(g, int)]
    if not isinstance(grade, int) or not extras:
        return [], ""
    base = disability_coefficient(grade)
    top = min(base + EXTRA_INDEX_CAP, Decimal(100))
    listed = "、".join(f"{g}级" for g in extras)
    indices = view.value("extra_disability_indices")
    if indices:
        if len(indices) != len(extras):
            raise YaosuError(
                E.E163, indices_id="extra_disability_indices", grades_id="extra_disability_grades",
                len_indices=len(indices), listed=listed, len_extras=len(extras))
        return [Decimal(i) for i in indices], f"多处伤残：最高伤残等级{grade}级，其他伤残等级{listed}，附加指数由本院认定"
    total = view.value("disability_index")
    if total is not None:
        index = Decimal(total)
        if not base <= index <= top:
            raise YaosuError(
                E.E164, index_id="disability_index", fmt_percent_total=f"{fmt_plain(index)}%", grade=grade, base=fmt_plain(base), listed=listed,
                top=fmt_plain(top))
        return [index - base], (f"多处伤残：最高伤残等级{grade}级，其他伤残等级{listed}，伤残赔偿指数{fmt_plain(index)}%"
                                f"（附加指数合计{fmt_plain(index - base)}%，不超过10%）")
    raise YaosuError(
        E.E162, indices_id="extra_disability_indices", index_id="disability_index", grade=grade, listed=listed, base=fmt_plain(base), top=fmt_plain(top))


def standard_results(view: CaseView, wanted: set[str]) -> dict[str, CalcResult | YaosuError]:
    """The standard items the case needs, each a result or the error that stops it."""
    from engine.law.injury import standard_items

    if not wanted:
        return {}
    death = bool(view.value("death"))
    hearing_end = stored_date(view.meta.get("hearing_end_date"))
    birth = victim_birth(view)
    on = (stored_date(view.value("death_date")) or stored_date(view.value("accident_date"))) if death else stored_date(
        view.value("appraisal_date"))
    problems = []
    if birth is None:
        problems.append("受害人出生日期（victim_birth_date）")
    if on is None:
        problems.append("死亡日期（death_date）" if death else "定残日（appraisal_date）")
    if hearing_end is None:
        problems.append("一审法庭辩论终结日（meta.hearing_end_date）")
    if problems:
        error = YaosuError(E.E000, message="无法计算：缺少" + "、".join(problems) + "，请在案件文件中填写")
        return {item: error for item in wanted}
    assert birth is not None and on is not None
    dependants: list[tuple[date, int, str]] = []
    dependant_error: YaosuError | None = None
    for person in view.value("dependents") or []:
        born, supporters = stored_date(person.get("birth_date")), person.get("supporters")
        name = person.get("name") or person.get("relation") or ""
        if born is None or not isinstance(supporters, int):
            dependant_error = YaosuError(
                E.E154, name=name
            )
            continue
        dependants.append((born, supporters, name))
    grades_error: YaosuError | None = None
    try:
        extra_indices, grades_note = grade_indices(view)
    except YaosuError as exc:
        extra_indices, grades_note, grades_error = [], "", exc
    out = standard_items(
        province=view.province,
        victim_birth=birth,
        on=on,
        hearing_end=hearing_end,
        tort_date=stored_date(view.value("accident_date")),
        residence=view.value("victim_residence"),
        grade=view.value("disability_grade"),
        extra_indices=extra_indices,
        death=death,
        dependants=dependants,
    )
    disability = out.get("disability_compensation")
    if grades_note and isinstance(disability, CalcResult):
        disability.steps.insert(len(disability.steps) - 2, grades_note)
    if grades_error is not None:  # the index decides both (被扶养人生活费 × the same index)
        for item in ("disability_compensation", "dependents_living"):
            if item in out:
                out[item] = grades_error
    if dependant_error is not None:
        out["dependents_living"] = dependant_error
    for item in wanted:
        if item not in out:
            out[item] = YaosuError(
                E.E000, message="无法计算：" + ("受害人未死亡（要素 death），" if item in ("death_compensation", "funeral_expenses")
                             else "缺少伤残等级（disability_grade）或被扶养人（dependents），")
                + "请核对或直接认定该项数额"
            )
    return out


def daily_result(view: CaseView, item_id: str) -> CalcResult | None:
    """住院伙食补助费 / 营养费 at the province's daily rate, when it publishes one (else None)."""
    from engine.law.injury import daily_item, daily_rate

    rate_item, days_id = DAILY_ITEMS[item_id]
    days = view.value(days_id)
    on = stored_date(view.meta.get("hearing_end_date"))
    if not isinstance(days, int) or on is None:
        return None
    try:
        return daily_item(rate_item, days, daily_rate(view.province, rate_item, on))
    except YaosuError:
        return None  # no published rate: the court decides the amount itself


def _use_year(view: CaseView) -> tuple[int, str]:
    from engine.law.injury import use_year_for

    hearing_end = stored_date(view.meta.get("hearing_end_date"))
    if hearing_end is None:
        raise YaosuError(E.E156)
    return use_year_for(view.province, hearing_end)


def _lost_days(view: CaseView) -> tuple[int, str]:
    """误工时间 (第七条第一款): the 误工期 found, else — a victim disabled — until the day before 定残."""
    days = view.value("lost_work_days")
    if isinstance(days, int):
        return days, f"误工期{days}天"
    accident, appraised = stored_date(view.value("accident_date")), stored_date(view.value("appraisal_date"))
    if view.value("disability_grade") is not None and accident is not None and appraised is not None:
        n = (appraised - accident).days
        return n, (f"受害人因伤致残持续误工，误工时间计算至定残日前一天：自{accident.isoformat()}至"
                   f"{appraised.isoformat()}前一天，共{n}天")
    raise YaosuError(E.E155, days_id="lost_work_days", accident_id="accident_date", appraisal_id="appraisal_date")


def _income(view: CaseView, what: str, value_id: str, period_id: str) -> tuple[Any, str]:
    from engine.law.injury import given_figure

    value, period = view.value(value_id), view.value(period_id)
    if value is None:
        raise YaosuError(E.E157, what=what, value_id=value_id)
    if period is None:
        raise YaosuError(E.E158, what=what, period_id=period_id)
    return given_figure(value, f"{what}收入标准", "原告提交的收入证据，经本院审查采信"), str(period)


def lost_income_result(view: CaseView) -> CalcResult | YaosuError | None:
    """误工费 (第七条) when the court has said how (victim_income_basis); None: not computed (the claim or
    the finding decides, as for any item)."""
    from engine.law.injury import given_figure, lost_earnings, trade_average_wage

    basis = view.value("victim_income_basis")
    if basis is None:
        return None
    try:
        days, days_text = _lost_days(view)
        notes: list[str] = [days_text]
        if basis == "trade_average":
            year, why = _use_year(view)
            notes.insert(0, why)
            judged = view.value("trade_average_wage")
            if judged is not None:
                income = given_figure(judged, f"受诉法院所在地“{view.value('victim_trade') or '相同或者相近'}”行业"
                                      f"上一年度（{year - 1}年）职工平均工资")
            else:
                income = trade_average_wage(view.province, str(view.value("victim_trade") or ""), year)
            period = "year"
        else:
            income, period = _income(view, "误工费", "victim_income", "victim_income_period")
        result = lost_earnings(days, income, period=period, basis=str(basis))
    except YaosuError as exc:
        return exc
    result.steps[1:1] = notes
    return result


def nursing_result(view: CaseView) -> CalcResult | YaosuError | None:
    """护理费 (第八条) = rate × 护理期 × carers, when the court has given a basis or a rate; else None."""
    from engine.law.injury import daily_rate, given_figure, nursing_fee

    basis, rate = view.value("nursing_basis"), view.value("nursing_rate")
    if basis is None and rate is None:
        return None
    basis = str(basis or "hired")
    try:
        days = view.value("nursing_days")
        if not isinstance(days, int):
            raise YaosuError(E.E159, days_id="nursing_days")
        carers = view.value("nursing_carers") or 1
        period = str(view.value("nursing_rate_period") or "day")
        if rate is not None:
            what = "护理人员收入标准" if basis == "carer_income" else "护工劳务报酬标准"
            figure = given_figure(rate, what, "当事人提交的证据，经本院审查采信")
        elif basis == "hired":
            hearing_end = stored_date(view.meta.get("hearing_end_date"))
            if hearing_end is None:
                raise YaosuError(E.E161)
            figure, period = daily_rate(view.province, "nursing", hearing_end), "day"
        else:
            raise YaosuError(E.E160, rate_id="nursing_rate", period_id="nursing_rate_period")
        result = nursing_fee(days, figure, period=period, carers=int(carers), basis=basis)
    except YaosuError as exc:
        return exc
    result.steps.insert(1, f"护理期{days}天，护理人员{carers}人")
    return result


COMPUTED_ITEMS = {"lost_income": lost_income_result, "nursing_fee": nursing_result}


def find_items(view: CaseView) -> list[Item]:
    from engine.drafting import formatting as fmt

    findings = view.case.get("findings") or {}
    ids = [i for i in damage_item_ids(view) if view.claimed(i) is not None or findings.get(i) is not None]
    computed = standard_results(view, {i for i in ids if i in STANDARD_ITEMS and findings.get(i) is None})
    items = []
    for item_id in ids:
        item = Item(item_id, view.label(item_id), stored_decimal(view.claimed(item_id)), _answer_text(view, item_id))
        finding = stored_decimal(findings.get(item_id))
        result: CalcResult | YaosuError | None = computed.get(item_id)
        if item_id in DAILY_ITEMS and finding is None:
            result = daily_result(view, item_id)
        if item_id in COMPUTED_ITEMS and finding is None:
            result = COMPUTED_ITEMS[item_id](view)
        if finding is not None:
            item.award, item.how = finding, f"本院认定{fmt.money(finding)}元"
        elif isinstance(result, YaosuError):
            item.error, item.how = result.message, f"{BLANK}元（标准数据缺失，见说明）"
        elif isinstance(result, CalcResult):
            item.computed = result
            item.citations = list(result.citations)
            if item.claimed is not None and item.claimed < result.amount:
                item.award, item.capped = item.claimed, True
                item.how = f"按标准计算为{fmt.money(result.amount)}元，原告主张{fmt.money(item.claimed)}元，以主张为限"
            else:
                item.award = result.amount
                item.how = f"按标准计算为{fmt.money(result.amount)}元"
        elif view.pending(item_id):
            item.how = "待认定"
        else:
            item.award = item.claimed
            item.how = "被告无异议，本院予以确认" if view.case.get("answer") else "被告未答辩，本院予以确认"
        items.append(item)
    return items

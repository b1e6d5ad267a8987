"""民间借贷 guarantees: the mode, the guarantee period, a company guarantor's resolution, the orders.

* mode: 约定不明 → the default of the law of the guarantee's date (担保法第十九条 before 2021-01-01:
  连带; 民法典第六百八十六条第二款 after: 一般), read from the citation catalogue's ``effect``;
* period (民法典第六百九十二、六百九十三条; 担保法第二十五、二十六条 before 2021): the agreed period, or
  the default months (catalogue ``effect``) counted from the day the main debt fell due; an agreed
  period ending on or before that day counts as none (第六百九十二条第二款); the creditor who did not
  claim within it (连带: against the guarantor; 一般: by suing the debtor) loses the guarantee, and the
  draft dismisses the claim against that guarantor. The claim date is the judge's element
  ``guarantee_claim_date``; without it the filing date serves when it lies within the period. The
  judge's finding ``guarantee_discharged`` overrides the arithmetic;
* a company guarantor: whether a board / shareholder resolution existed (公司法2018年第十六条,
  2023年修订第十五条 from 2024-07-01) and whether the creditor was in good faith (担保制度解释第七、
  八条) are the judge's findings; a creditor not in good faith loses the guarantee against the company.

Returns the orders; the reasoning, citations and warnings go into the Decision.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from engine.casetypes.private_lending.durations import add_months
from engine.drafting import formatting as fmt
from engine.drafting.rules import CaseView, Decision, cite_in_force
from engine.errors import YaosuError
from engine.extraction.numerals import parse_number

_DATE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
_LENGTH = re.compile(r"(\d{1,3}|[一二两三四五六七八九十]{1,3}|半)\s*(个月|年)")
_UNCLEAR = ("还清", "为止", "清偿完毕", "履行完毕", "全部清偿", "直至")
_OTHER_ANCHORS = ("借款之日", "签订之日", "出具之日", "签字之日", "出借之日")


def _day(value: Any) -> date | None:
    if isinstance(value, str) and len(value) == 10:
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return None


def _length_text(months: int) -> str:
    """6 → 六个月, 24 → 二年 (the statute's words)."""
    import cn2an

    if months % 12 == 0:
        return f"{cn2an.an2cn(months // 12)}年"
    return f"{cn2an.an2cn(months)}个月"


@dataclass
class Period:
    end: date | None  # the last day of the guarantee period; None: not determinable
    sentence: str  # how it was found (本院认为)
    citations: list[Any]


def _agreed_months(text: str) -> int | None:
    """二年 / 两年 / 6个月 / 半年 in an agreed period, as months."""
    match = _LENGTH.search(text)
    if not match:
        return None
    if match.group(1) == "半":
        return 6 if match.group(2) == "年" else None
    number = parse_number(match.group(1))
    if number is None or number != number.to_integral_value() or number <= 0:
        return None
    return int(number) * (12 if match.group(2) == "年" else 1)


def guarantee_period(view: CaseView, mode: str, day: date, decision: Decision) -> Period:
    """The guarantee period's last day (see the module docstring). ``day``: the guarantee's date."""
    found = _day(view.value("guarantee_period_end"))
    if found is not None:
        return Period(found, f"本院认定保证期间至{fmt.date_text(found)}届满", [])
    due = _day(view.value("term_end"))
    concept = "guarantee_period_joint" if mode == "joint" else "guarantee_period_general"
    if due is None:
        decision.warnings.append(
            "主债务履行期限未认定，无法推算保证期间，请认定约定还款期限或保证期间届满日（guarantee_period_end）"
        )
        return Period(None, "", [])
    text = str(view.value("guarantee_period") or "").strip()
    default_reason = "双方未约定保证期间"
    if text:
        agreed_end: date | None = None
        explicit = _DATE.search(text)
        if explicit and text[explicit.end():explicit.end() + 1] in ("起", "开"):
            decision.warnings.append(f"约定的保证期间“{text}”自某日起算，届满日请法官认定（guarantee_period_end）")
            return Period(None, "", [])
        if explicit:
            try:
                agreed_end = date(int(explicit.group(1)), int(explicit.group(2)), int(explicit.group(3)))
            except ValueError:
                agreed_end = None
        elif any(w in text for w in _UNCLEAR):
            rule = cite_in_force(view, "guarantee_period_unclear", day, decision)
            try:
                months = int(view.system.law.citations.effect("guarantee_period_unclear", day))
            except (YaosuError, ValueError):
                decision.warnings.append(
                    f"保证期间约定为“{text}”，属约定不明，{rule.text}规定的保证期间请法官认定（guarantee_period_end）"
                )
                return Period(None, "", [rule])
            end = add_months(due, months)
            return Period(
                end,
                f"保证期间约定为“{text}”，属于约定不明确，依照{rule.text}的规定，保证期间为主债务履行期限届满之日起"
                f"{_length_text(months)}，即至{fmt.date_text(end)}届满",
                [rule],
            )
        elif (length := _agreed_months(text)) is not None and not any(w in text for w in _OTHER_ANCHORS):
            agreed_end = add_months(due, length)
        else:
            decision.warnings.append(f"约定的保证期间“{text}”无法推算届满日，请认定保证期间届满日（guarantee_period_end）")
            return Period(None, "", [])
        if agreed_end is not None and agreed_end > due:
            return Period(agreed_end, f"双方约定保证期间为“{text}”，保证期间至{fmt.date_text(agreed_end)}届满", [])
        if agreed_end is not None:
            default_reason = f"约定的保证期间（“{text}”）早于或者等于主债务履行期限，视为没有约定"
    rule = cite_in_force(view, concept, day, decision)
    try:
        months = int(view.system.law.citations.effect(concept, day))
    except (YaosuError, ValueError) as exc:
        decision.warnings.append(f"默认保证期间无法确定：{getattr(exc, 'message', exc)}")
        return Period(None, "", [rule])
    # 主债务履行期限届满之日起六个月: the first day is not counted, the period ends on the
    # corresponding day of the sixth month (the month's last day when it has none).
    end = add_months(due, months)
    return Period(
        end,
        f"{default_reason}，依照{rule.title}{rule.article}的规定，保证期间为主债务履行期限届满之日起{_length_text(months)}，"
        f"主债务履行期限于{fmt.date_text(due)}届满，保证期间至{fmt.date_text(end)}届满",
        [rule],
    )


def defence_raised(view: CaseView, element_id: str) -> bool:
    state = (view.case.get("elements") or {}).get(element_id) or {}
    return view.value(element_id) is True or (
        state.get("status") in ("disputed", "answer_only") and state.get("answer") is not False
    )


def _reason(view: CaseView, *element_ids: str) -> str:
    reasons = view.case.get("reasons") or {}
    for element_id in element_ids:
        text = (reasons.get(element_id) or "").strip().rstrip("。")
        if text:
            return text
    return ""


def period_released(
    view: CaseView, names: str, mode: str, day: date, decision: Decision
) -> bool | None:
    """Whether the guarantors are released by the lapse of the guarantee period (None: undecided, warned);
    the reasoning goes into ``decision``."""
    from engine.drafting.build import REASON_PENDING, answer_words

    filing = _day(view.meta.get("filing_date"))
    claim_day = _day(view.value("guarantee_claim_date"))
    override = view.value("guarantee_discharged")
    raised = defence_raised(view, "guarantee_expired")
    period = guarantee_period(view, mode, day, decision)
    decision.citations += period.citations
    parts = [period.sentence] if period.sentence else []
    if raised:
        words = answer_words(view, "guarantee_expired")
        parts.insert(0, f"被告{names}辩称保证期间已经届满{f'（{words}）' if words else ''}")
    act = "请求保证人承担保证责任" if mode == "joint" else "对债务人提起诉讼或者申请仲裁"
    released: bool | None
    if override is not None:
        released = bool(override)
        reason = _reason(view, "guarantee_discharged", "guarantee_expired")
        if not reason and (raised or period.end is None):
            reason = REASON_PENDING
            decision.warnings.append("保证期间是否届满已认定但未写明理由（yaosu find --reason guarantee_discharged=…）")
        verdict = "保证人不再承担保证责任" if released else "原告在保证期间内主张了权利"
        parts.append(f"本院认为，{reason}，{verdict}" if reason else f"本院认定{verdict}")
    elif period.end is None:
        decision.warnings.append(f"保证期间届满日无法确定，被告{names}的保证责任暂按判项处理，请认定")
        released = None
    elif claim_day is not None:
        released = claim_day > period.end
        parts.append(
            f"原告于{fmt.date_text(claim_day)}{act}，"
            + ("已超过保证期间" if released else "未超过保证期间")
        )
    elif filing is not None and filing <= period.end:
        released = False
        if raised:
            parts.append(f"原告于{fmt.date_text(filing)}提起本案诉讼，未超过保证期间")
    else:
        released = None
        when = f"原告起诉时（{fmt.date_text(filing)}）" if filing else "立案日期未填写，"
        decision.warnings.append(
            f"{when}保证期间已于{fmt.date_text(period.end)}届满，请认定原告是否在保证期间内{act}"
            "（guarantee_claim_date），或认定保证人是否不再承担保证责任（guarantee_discharged）"
        )
    if released:
        try:  # 民法典第六百九十三条; before 2021 the lapse is in the period articles themselves (担保法第二十五、二十六条)
            view.system.law.citations.cite("guarantee_period_lapse", day, warn=False)
            lapse_concept = "guarantee_period_lapse"
        except YaosuError:
            lapse_concept = "guarantee_period_joint" if mode == "joint" else "guarantee_period_general"
        lapse = cite_in_force(view, lapse_concept, day, decision)
        decision.citations.append(lapse)
        if raised:
            parts.append("被告的该项抗辩成立")
        parts.append(
            f"依照{lapse.title}{lapse.article}的规定，被告{names}不再承担保证责任，"
            f"原告要求被告{names}承担保证责任的诉讼请求，本院不予支持"
        )
    elif released is False and raised:
        parts.append("被告的该项抗辩不能成立，本院不予采纳")
    parts = [p for p in parts if p]
    if parts:
        decision.reasoning.append("关于保证期间，" + "；".join(parts) + "。")
    return released


_COMPANY_KINDS = ("legal",)


def company_released(view: CaseView, name: str, day: date, decision: Decision) -> bool | None:
    """A company guarantor: released when no resolution existed and the creditor was not in good faith
    (None: the judge has not found it; the guarantee is ordered and the drafter warned)."""
    resolution = view.value("company_guarantee_resolution")
    good_faith = view.value("creditor_good_faith")
    law_rule = cite_in_force(view, "company_guarantee_resolution", day, decision)
    if resolution is None:
        decision.warnings.append(
            f"保证人{name}为公司，请认定其提供担保是否经公司决议（company_guarantee_resolution）及原告是否善意"
            f"（creditor_good_faith）（{law_rule.text}；担保制度解释第七、八条）"
        )
        return None
    decision.citations.append(law_rule)
    reason = _reason(view, "company_guarantee_resolution", "creditor_good_faith")
    said = f"{reason}，" if reason else ""
    lead = f"关于被告{name}的担保责任，"
    if resolution == "resolved":
        decision.reasoning.append(
            lead + f"{said}被告{name}提供担保经公司董事会或者股东会决议，符合{law_rule.text}的规定，担保合同对其发生效力。"
        )
        return False
    if resolution == "not_needed":
        rule = cite_in_force(view, "company_guarantee_no_resolution_needed", _judgment_day(view), decision)
        decision.citations.append(rule)
        decision.reasoning.append(
            lead + f"{said}被告{name}提供担保依照{rule.text}的规定无须公司决议，担保合同对其发生效力。"
        )
        return False
    rule = cite_in_force(view, "company_guarantee_good_faith", _judgment_day(view), decision)
    decision.citations.append(rule)
    if good_faith is None:
        decision.warnings.append(f"被告{name}提供担保未经公司决议，请认定原告是否善意（creditor_good_faith）")
        return None
    if good_faith:
        decision.reasoning.append(
            lead + f"被告{name}提供担保虽未经公司决议，但{said}原告为善意相对人，依照{law_rule.text}、{rule.text}的规定，"
            f"担保合同对被告{name}发生效力。"
        )
        return False
    decision.reasoning.append(
        lead + f"被告{name}提供担保未经公司董事会或者股东会决议，违反{law_rule.text}的规定；{said}原告非善意相对人，"
        f"依照{rule.text}的规定，担保合同对被告{name}不发生效力，原告要求被告{name}承担保证责任的诉讼请求，本院不予支持。"
    )
    decision.warnings.append(
        f"担保合同对被告{name}不发生效力；原告如请求其承担赔偿责任，参照担保制度解释第十七条处理，赔偿范围请法官认定"
        "（FACTS.md 未收录该条，本系统不计算）"
    )
    return True


def _judgment_day(view: CaseView) -> date:
    from engine.drafting.build import judgment_day

    return judgment_day(view.meta)


def is_company(view: CaseView, name: str, records: dict[str, dict[str, Any]]) -> bool:
    return (records.get(name) or {}).get("kind") in _COMPANY_KINDS


def _ordinal(n: int) -> str:
    import cn2an

    return str(cn2an.an2cn(n))  # 十一, not 11


def guarantee_orders(
    view: CaseView, decision: Decision, orders: list[str], guarantors: list[str], debtors: str, day: date,
    records: dict[str, dict[str, Any]],
) -> list[str]:
    """Append the guarantee orders (and the dismissal of the claim against a released guarantor) to
    ``orders``; returns the guarantors released."""
    from engine.drafting.build import judgment_day

    money_orders = "、".join(_ordinal(i) for i in range(1, len(orders) + 1))
    guarantee_type = view.value("guarantee_type")
    names = fmt.join_names(guarantors)
    catalogue = view.system.law.citations
    reasoning, cite = decision.reasoning, decision.citations
    if guarantee_type in (None, "unclear") and not view.pending("guarantee_type"):
        try:
            guarantee_type = catalogue.effect("guarantee_mode_default", day)
        except YaosuError as exc:  # no guarantee law catalogued for that day: the judge decides
            decision.warnings.append(exc.message)
            guarantee_type = None
        rule = cite_in_force(view, "guarantee_mode_default", day, decision)
        mode = "连带责任保证" if guarantee_type == "joint" else "一般保证"
        reasoning.append(
            f"关于保证方式，双方对保证方式没有约定或者约定不明确，保证合同成立于{fmt.date_text(day)}，"
            f"依照{rule.title}{rule.article}的规定，被告{names}按照{mode}承担保证责任。"
        )
        cite.append(rule)
    released: list[str] = []
    if guarantee_type in ("joint", "general") and period_released(view, names, guarantee_type, day, decision):
        released = list(guarantors)
    for name in guarantors:
        if name not in released and is_company(view, name, records) and company_released(view, name, day, decision):
            released.append(name)
    bound = [g for g in guarantors if g not in released]
    if bound:
        names = fmt.join_names(bound)
        if guarantee_type == "joint":
            orders.append(f"被告{names}对被告{debtors}的上述第{money_orders}项债务承担连带清偿责任")
            cite.append(cite_in_force(view, "joint_guarantee", day, decision))
        elif guarantee_type == "general":
            # 担保制度解释第二十六条: the order itself says the guarantor answers only for what enforcement
            # against the debtor's property leaves unpaid.
            orders.append(
                f"被告{names}对被告{debtors}的上述第{money_orders}项债务，在被告{debtors}的财产依法强制执行后"
                "仍不能履行的部分承担保证责任"
            )
            cite.append(cite_in_force(view, "general_guarantee", day, decision))
            try:
                cite.append(cite_in_force(view, "general_guarantee_order", judgment_day(view.meta), decision))
            except YaosuError:
                pass  # a judgment before 2021: the interpretation was not yet in force
        else:
            orders.append(f"被告{names}对被告{debtors}的上述第{money_orders}项债务承担保证责任（保证方式待认定）")
            decision.warnings.append("保证方式尚待认定")
        orders.append(f"被告{names}承担保证责任后，有权在其承担保证责任的范围内向被告{debtors}追偿")
        cite.append(cite_in_force(view, "guarantor_recourse", day, decision))
    plaintiffs = fmt.join_names(view.plaintiffs)
    for name in released:
        orders.append(f"驳回原告{plaintiffs}对被告{name}的诉讼请求")
    return released

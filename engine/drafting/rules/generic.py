"""Rules for a case type that has only data: claims listed as stated, no money computed."""

from __future__ import annotations

from engine.drafting import formatting as fmt
from engine.drafting.rules import CaseView, Decision, judgment_rules


@judgment_rules.register("generic.v1")
def generic_rules(view: CaseView) -> Decision:
    claims_section = next((s for s in view.table.sections if s.id == "claims"), None)
    claims = []
    for element_id in claims_section.element_ids if claims_section else ():
        value = view.claimed(element_id)
        if value is not None:
            claims.append(f"{view.label(element_id)}：{fmt.value_text(view.table.element(element_id), value)}")
    return Decision(
        claims=claims,
        reasoning=["本院认为，本案事实已如要素认定部分所述，处理结果由审判员根据认定的要素另行写明。"],
        orders=["（判决主文由审判员根据认定的要素写明）"],
        warnings=[f"案件类型 {view.table.label} 尚无判决规则，判决主文需人工填写"],
    )

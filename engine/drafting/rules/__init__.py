"""Case-type decision rules: what the court grants, why, and which articles it cites.

Each case type's package registers its rules in `judgment_rules` (engine/casetypes/<id>/rules.py) and
its table names them ("judgment_rules: private_lending.v1"), in the manner of spaCy's registry, so the
generic drafting code never branches on a case type. A table without rules of its own gets
"generic.v1": element table, findings and no money orders.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import catalogue

from engine.case.effective import PENDING, effective_value
from engine.drafting import formatting as fmt
from engine.drafting.content import AllocationRow, ItemRow
from engine.drafting.courts import Court
from engine.elements.dictionary import ElementTable
from engine.errors import E, YaosuError

if TYPE_CHECKING:
    from engine.system import System

judgment_rules = catalogue.create("yaosu", "judgment_rules", entry_points=False)


@dataclass
class CaseView:
    """Read-only view of a case for the rules: effective values and party names."""

    case: dict[str, Any]
    table: ElementTable
    court: Court
    system: System
    # The province whose published standards the rules use instead of the court's own (`yaosu compare
    # --standard`); None = the court's province.
    standard_province: str | None = None

    def value(self, element_id: str) -> Any:
        """The effective value; None when absent or still in dispute (see `pending`)."""
        value = effective_value(self.case, element_id)
        return None if value is PENDING else value

    def pending(self, element_id: str) -> bool:
        return effective_value(self.case, element_id) is PENDING

    def claimed(self, element_id: str) -> Any:
        """What the complaint asked for (claims are the plaintiff's, whatever the answer says)."""
        state = (self.case.get("elements") or {}).get(element_id) or {}
        return state.get("complaint")

    def parties(self, element_id: str) -> list[str]:
        value = self.value(element_id)
        if value is None:
            value = self.claimed(element_id)
        return fmt.names(value)

    @property
    def plaintiffs(self) -> list[str]:
        return self.parties("plaintiffs")

    @property
    def defendants(self) -> list[str]:
        return self.parties("defendants")

    @property
    def meta(self) -> dict[str, Any]:
        return self.case.get("meta") or {}

    @property
    def province(self) -> str:
        """The province whose published standards apply: the chosen one, else the court's."""
        return self.standard_province or self.court.province_id

    def label(self, element_id: str) -> str:
        return self.table.element(element_id).label


@dataclass
class Decision:
    claims: list[str] = field(default_factory=list)
    facts: str = ""
    reasoning: list[str] = field(default_factory=list)
    orders: list[str] = field(default_factory=list)
    citations: list[Any] = field(default_factory=list)  # article texts or Citation objects
    monetary: bool = False
    claimed_amount: Decimal | None = None
    granted_amount: Decimal | None = None
    warnings: list[str] = field(default_factory=list)
    unverified_citations: list[str] = field(default_factory=list)  # cited, but not yet checked in FACTS.md
    repayments_applied_through: date | None = None  # payments settled interest up to this day
    # Generic hooks with the defaults of a money judgment (a case type's rules may change them):
    document: str = "判决"  # "裁定" for a ruling (民事裁定书, 裁定如下, 十日内上诉)
    procedure_note: str = ""  # printed in 审理经过 after "…一案，" (e.g. the arbitration award sued on)
    element_findings: bool = True  # False: no element table (a ruling that does not reach the merits)
    closing: str | None = None  # the 综上 sentence; None = the generic one, "" = none
    fee_kind: str = "property"  # engine.law.fee kinds: property / labor / divorce
    fee_payer: str | None = None  # who bears the whole fee ("被告某公司"); None = split by the result
    fee_defendants: list[str] | None = None  # the defendants who bear the defendants' share; None = all of them
    # Case types that itemise a claim (damage items) or split it among payers print two more tables;
    # elements listed in item_rows are not repeated in the element table.
    item_rows: list[ItemRow] = field(default_factory=list)
    standard_note: str = ""  # which published standards the amounts use (province, year); `compare` shows it
    allocation_rows: list[AllocationRow] = field(default_factory=list)


BLANK_ARTICLE = "第____条"


def cite_in_force(view: CaseView, concept: str, day: date, decision: Decision) -> Any:
    """The article stating `concept` in force on `day` (parameters/citations.yaml). An article nobody has
    verified is cited and named to the drafter; a day the catalogue has no article for (a date before the
    laws it holds) gives a blank article for the judge to fill and a warning naming the catalogue row,
    never a failed draft."""
    from engine.law.citations import Citation

    try:
        citation = view.system.law.citations.cite(concept, day, warn=False)
    except YaosuError as exc:
        if exc.message not in decision.warnings:
            decision.warnings.append(exc.message)
        return Citation(concept=concept, law="", title="《____》", edition="", article=BLANK_ARTICLE, start=None,
                        end=None, source="", status="not_found")
    if not citation.verified and citation.text not in decision.unverified_citations:
        decision.unverified_citations.append(citation.text)
    return citation


def facts_text(view: CaseView) -> str:
    """事实和理由 in one paragraph, from the complaint's values of the table's facts section."""
    parts = []
    for element_id in view.table.in_section("facts"):
        value = view.claimed(element_id)
        if value is not None:
            parts.append(f"{view.label(element_id)}为{fmt.value_text(view.table.element(element_id), value)}")
    return "事实和理由：" + ("；".join(parts) + "。" if parts else "（原告未写明）")


def rules_for(casetype: Any) -> Any:
    """The judgment rules of a case type (its table's `judgment_rules`, else its package's), resolved once
    per loaded case type: catalogue's lookup scans every registry."""
    return casetype.compiled(
        "judgment_rules", lambda ct: get_rules(ct.table.judgment_rules or ct.package.judgment_rules)
    )


def get_rules(name: str) -> Any:
    """Registered rules by name; the generic ones are registered here, a case type's by its package."""
    from engine.drafting.rules import generic  # noqa: F401 - registers generic.v1

    try:
        return judgment_rules.get(name)
    except catalogue.RegistryError as exc:
        known = "、".join(sorted(judgment_rules.get_all()))
        raise YaosuError(E.E402, name=name, known=known) from exc

"""The judgment as plain data: what every renderer (docx, HTML, text) prints, section by section.

This model is the template's contract: a test checks that every variable the
docx template uses is a field here (docxtpl's get_undeclared_template_variables),
and rendering uses StrictUndefined, so a mismatch fails loudly.
"""

from __future__ import annotations

from pydantic import BaseModel, Field


class ElementRow(BaseModel):
    label: str
    plaintiff: str
    defendant: str
    court: str
    disputed: bool = False


class ItemRow(ElementRow):
    """One claimed item (a damage item …): 项目 · 原告主张 · 被告意见 · 本院认定."""

    element_id: str = ""


class AllocationRow(BaseModel):
    """Who pays what: 赔偿义务人 · 赔偿责任（限额） · 限额 · 金额."""

    payer: str
    basis: str
    limit: str = ""
    amount: str


class Judgment(BaseModel):
    court_id: str
    court_name: str
    doc_title: str = "民事判决书"
    case_number: str
    parties: list[str] = Field(description="当事人及委托诉讼代理人, one paragraph each")
    procedure: str = Field(description="审理经过")
    claims_intro: str
    claims: list[str]
    claims_facts: str
    defence: list[str] = Field(description="答辩意见")
    findings_intro: str
    element_rows: list[ElementRow] = Field(description="要素认定 table")
    findings_outro: str
    item_rows: list[ItemRow] = Field(default_factory=list, description="损失项目 table (empty: not printed)")
    allocation_rows: list[AllocationRow] = Field(default_factory=list, description="赔偿责任分配 table")
    standard_note: str = Field(default="", description="not printed: the published standards the amounts use")
    reasoning: list[str] = Field(description="本院认为, first paragraph starts with 本院认为")
    basis: str = Field(description="依照…规定，判决如下： (a mediation: 当事人自愿达成如下协议：)")
    orders: list[str] = Field(description="判决主文, numbered (a mediation: the agreed terms)")
    late_notice: str = Field(description="迟延履行 notice, empty when nothing is payable")
    fee_text: str
    after_fee: list[str] = Field(default_factory=list, description="after the fee: a mediation's 本院予以确认")
    appeal_text: str = Field(description="上诉 sentence, 本判决为终审判决, a mediation's 生效 sentence, or empty")
    judge: str
    date_cn: str
    clerk: str
    warnings: list[str] = Field(default_factory=list, description="not printed; shown to the drafter")
    notes: list[str] = Field(default_factory=list, description="not printed; what the drafter should check "
                             "(articles cited that nobody has verified yet)")

    def _extra_tables(self) -> list[tuple[str, list[str]]]:
        tables = []
        if self.item_rows:
            rows = [f"{r.label}｜{r.plaintiff}｜{r.defendant}｜{r.court}" for r in self.item_rows]
            tables.append(("items", ["项目｜原告主张｜被告意见｜本院认定", *rows]))
        if self.allocation_rows:
            rows = [f"{r.payer}｜{r.basis}｜{r.limit}｜{r.amount}" for r in self.allocation_rows]
            tables.append(("allocation", ["赔偿义务人｜赔偿责任｜限额｜金额", *rows]))
        return tables

    def section_texts(self) -> list[tuple[str, list[str]]]:
        """(section name, paragraphs) in the order of judgment.md; used by the text and HTML renderers."""
        table = [f"{row.label}｜{row.plaintiff}｜{row.defendant}｜{row.court}" for row in self.element_rows]
        return [
            ("title", [self.court_name, self.doc_title, self.case_number]),
            ("parties", self.parties),
            ("procedure", [self.procedure]),
            ("claims", [p for p in (self.claims_intro, *self.claims, self.claims_facts) if p]),
            ("defence", self.defence),
            ("elements", [self.findings_intro, "要素｜原告主张｜被告意见｜本院认定", *table, self.findings_outro]
             if self.element_rows or self.findings_intro else []),
            *self._extra_tables(),
            ("reasoning", [*self.reasoning, self.basis]),
            ("orders", self.orders),
            ("late_notice", [self.late_notice] if self.late_notice else []),
            ("fee", [self.fee_text, *self.after_fee]),
            ("appeal", [self.appeal_text] if self.appeal_text else []),
            ("signature", [f"审判员　{self.judge}", self.date_cn, f"书记员　{self.clerk}"]),
        ]

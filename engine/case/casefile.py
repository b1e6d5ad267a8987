"""The case file model (case.json), derived per case type from the element table.

Layout of a case file:
  case_type, table_version, court, meta (case number, dates, procedure, who appeared),
  complaint / answer (what extraction read, with evidence and the pleading text),
  elements (per element: both sides' values and agreed/disputed status),
  findings (the judge's value for an element; overrides both sides),
  reasons (the judge's reason for a finding, by element id).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, create_model

from engine.elements.models import DateValue, Money, element_state_model, values_model

if TYPE_CHECKING:
    from engine.system import CaseType

SCHEMA_VERSION = "1"
STATUSES = ("agreed", "disputed", "complaint_only", "answer_only")
STATUS_LABELS = {
    "agreed": "双方一致",
    "disputed": "有争议",
    "complaint_only": "仅原告主张",
    "answer_only": "仅被告主张",
}


class Evidence(BaseModel):
    model_config = ConfigDict(title="证据位置")
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    sentence: str = ""


class ExtractedValue(BaseModel):
    model_config = ConfigDict(title="抽取结果")
    value: Any = None
    evidence: list[Evidence] = Field(default_factory=list)
    confidence: float | None = None
    position: Literal["admit", "contest"] | None = None


class Pleading(BaseModel):
    """One pleading as extraction read it; `text` is kept so evidence can be shown in place."""

    model_config = ConfigDict(title="诉状")
    role: Literal["complaint", "answer"]
    file: str | None = None
    text: str = ""
    elements: dict[str, ExtractedValue] = Field(default_factory=dict)
    missing: list[str] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)


class CaseMeta(BaseModel):
    model_config = ConfigDict(extra="forbid", title="案件信息")
    case_year: int | None = Field(default=None, ge=1990, le=2100, title="收案年度")
    case_seq: int | None = Field(default=None, ge=1, title="案件编号")
    filing_date: DateValue | None = Field(default=None, title="立案日期")
    hearing_end_date: DateValue | None = Field(default=None, title="一审法庭辩论终结日")
    procedure: Literal["simple", "ordinary", "small_claims"] = Field(
        default="simple", title="审理程序",
        json_schema_extra={"x-options": {"simple": "简易程序", "ordinary": "普通程序", "small_claims": "小额诉讼程序"}},
    )
    public_hearing: bool = Field(default=True, title="公开开庭")
    absent: list[str] = Field(default_factory=list, title="经传唤未到庭的当事人")
    judge: str | None = Field(default=None, title="审判员")
    assistant: str | None = Field(default=None, title="法官助理")
    clerk: str | None = Field(default=None, title="书记员")
    judgment_date: DateValue | None = Field(default=None, title="判决日期")
    preservation_fee: Money | None = Field(default=None, title="财产保全费")
    # Who bears the 保全费 (诉讼费用交纳办法第二十九条): by the result (the plaintiff when every claim
    # fails, else the defendants), or the judge's choice; the applicant (the plaintiff) prepaid it.
    preservation_fee_payer: Literal["by_result", "plaintiff", "defendant", "split"] = Field(
        default="by_result", title="财产保全费负担",
        json_schema_extra={"x-options": {"by_result": "按裁判结果", "plaintiff": "原告负担", "defendant": "被告负担",
                                         "split": "按诉讼请求支持比例分担"}},
    )
    # How the case ends: a judgment, a ruling granting the withdrawal (民事裁定书 准许撤诉), or a mediation
    # document (民事调解书) with the terms the parties agreed.
    outcome: Literal["judgment", "withdrawal", "mediation"] = Field(
        default="judgment", title="结案方式",
        json_schema_extra={"x-options": {"judgment": "判决", "withdrawal": "撤诉（民事裁定书）",
                                         "mediation": "调解（民事调解书）"}},
    )
    # x-show-when: the form shows the field only while the case ends that way.
    withdrawal_date: DateValue | None = Field(default=None, title="撤诉申请日期",
                                              json_schema_extra={"x-show-when": {"outcome": "withdrawal"}})
    mediation_terms: list[str] = Field(
        default_factory=list, title="调解协议条款", json_schema_extra={"x-widget": "lines", "x-show-when": {"outcome": "mediation"}},
        description="one agreed term per item, as the parties agreed it (data: never template code)",
    )
    mediation_fee_plaintiff_percent: int | None = Field(
        default=None, ge=0, le=100, title="调解：原告负担受理费的比例（%）",
        json_schema_extra={"x-show-when": {"outcome": "mediation"}},
        description="the rest is borne by the defendants; 0 = the defendants bear it all",
    )
    # 民诉法解释第二百八十条: a small-claims judgment may be simplified (parties, claims, orders).
    simplified: bool = Field(default=False, title="小额诉讼简式裁判文书")


def _case_model(casetype: CaseType) -> type[BaseModel]:
    table, case_type = casetype.table, casetype.id
    return create_model(  # type: ignore[call-overload, no-any-return]
        f"{case_type.title().replace('_', '')}Case",
        __config__=ConfigDict(extra="forbid", title=f"{table.label}案件（要素表 v{table.version}）"),
        schema_version=(Literal["1"], Field(default=SCHEMA_VERSION, title="案件文件格式版本")),  # type: ignore[arg-type]
        case_type=(Literal[case_type], Field(title="案件类型")),  # type: ignore[valid-type, arg-type]
        table_version=(Literal[table.version], Field(title="要素表版本")),  # type: ignore[valid-type, arg-type]
        court=(str | None, Field(default=None, title="法院")),
        meta=(CaseMeta, Field(default_factory=CaseMeta)),
        complaint=(Pleading | None, None),
        answer=(Pleading | None, None),
        elements=(element_state_model(casetype), Field(title="要素")),
        findings=(values_model(casetype), Field(default_factory=values_model(casetype), title="本院认定")),
        # Why the court found a disputed element as it did: the judge's words, printed in 本院认为.
        reasons=(dict[str, str], Field(default_factory=dict, title="认定理由")),
    )


def case_model(casetype: CaseType) -> type[BaseModel]:
    """The pydantic model of a case file of this case type."""
    return casetype.compiled("case_model", _case_model)  # type: ignore[no-any-return]


def _case_schema(casetype: CaseType) -> dict[str, Any]:
    schema = case_model(casetype).model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    table = casetype.table
    schema["x-sections"] = [
        {"id": section.id, "label": section.label, "elements": list(section.element_ids)}
        for section in table.sections
    ]
    return schema


def case_schema(casetype: CaseType) -> dict[str, Any]:
    """JSON Schema of the case file (what `yaosu schema` prints and the web form is built from).

    Built once per loaded case type (generating it takes ~100 ms); callers must not modify it."""
    return casetype.compiled("case_schema", _case_schema)  # type: ignore[no-any-return]

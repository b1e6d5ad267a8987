"""The shapes of the data files (elements/*.yaml, element_tables/*.yaml), checked on load.

Every model forbids unknown keys, so a cue typed `negativ:` or a `pick: maximum` is an error that
names the file and the key instead of being ignored (OpenFisca's `_validate_parameter`, spaCy's
config validation). `yaosu check-data` runs the same models over a whole data tree.
"""

from __future__ import annotations

import re
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

PICKS = ("first", "last", "earliest", "latest", "max", "union", "best", "best_latest")
Words = list[str]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class CueSpec(_Strict):
    """Extraction cues of one element (see engine/extraction/cues.py for what each key does)."""

    keywords: Words = Field(default_factory=list)
    before: Words = Field(default_factory=list)
    after: Words = Field(default_factory=list)
    strong_before: Words = Field(default_factory=list)
    strong_after: Words = Field(default_factory=list)
    negative: Words = Field(default_factory=list)
    negative_after: Words = Field(default_factory=list)
    negative_window: int = Field(default=8, ge=0, le=200)
    negative_after_window: int | None = Field(default=None, ge=0, le=200)
    window: int = Field(default=20, ge=0, le=400)
    gap: int = Field(default=3, ge=0, le=100)
    pick: Literal[PICKS] = "first"  # type: ignore[valid-type]
    values: dict[str, Words] = Field(default_factory=dict)
    priority: Words = Field(default_factory=list)
    mixed: str | None = None
    mixed_of: Words = Field(default_factory=list)
    additional: Words = Field(default_factory=list)
    additional_requires: Words = Field(default_factory=list)  # one of these must be in the lead too (a lending verb)
    outside_brackets: bool = False
    # Keywords after the value count only up to the end of its clause (，；。): 支付借款5万元，借款期间，被告支付利息…
    # is not interest of 5万元, however a full stop was written.
    keywords_after_in_clause: bool = False
    answer_keywords: Words = Field(default_factory=list)
    answer_patterns: Words = Field(default_factory=list)  # regexes that tie a clause like answer_keywords
    answer_value_before: Words = Field(default_factory=list)
    answer_value_after: Words = Field(default_factory=list)
    answer_negative: Words = Field(default_factory=list)
    # Negation / modality scope: these cancel a tie when anywhere before it in its comma-delimited segment
    # (我没有按时, 同意…归还 …), not only in the few characters just before it.
    answer_negative_segment: Words = Field(default_factory=list)
    # Negation of the predicate: these cancel a tie when they stand right before it (没有超过法律规定).
    answer_negated: Words = Field(default_factory=list)
    answer_gap: int = Field(default=8, ge=0, le=100)
    answer_asserts: bool = False
    answer_also: Words = Field(default_factory=list)
    answer_not_when: Words = Field(default_factory=list)
    # answer_not_when read only in the tie's comma-delimited clause and the one either side: a run-on answer
    # (full stops written as commas) puts a spouse's clause in the sentence of a denial.
    answer_not_when_near: Words = Field(default_factory=list)
    answer_requires: Words = Field(default_factory=list)  # one of these must occur in the answer at all
    # Claims (诉讼请求) only: how the generic claim parser treats a money claim.
    claim_sum_items: bool = False  # one value per numbered item, summed (the principal of several loans)
    claim_withdraw_words: Words = Field(default_factory=list)  # 撤回…X元 + word reduces this claim
    claim_amount_not_after: Words = Field(default_factory=list)  # money right after these is not an amount
    claim_start_anchors: Words = Field(default_factory=list)  # 自借款之日起: start at an element's date
    claim_start_anchor_elements: Words = Field(default_factory=list)  # which elements give that date

    @field_validator("answer_patterns")
    @classmethod
    def _patterns_compile(cls, value: Words) -> Words:
        for pattern in value:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise ValueError(f"answer_patterns 中的正则表达式无效：{pattern}（{exc}）") from exc
        return value

    @field_validator("values", mode="before")
    @classmethod
    def _string_codes(cls, value: Any) -> Any:
        # YAML reads `true:` / `false:` keys of bool cues as booleans.
        if isinstance(value, dict):
            return {str(key).lower() if isinstance(key, bool) else str(key): words for key, words in value.items()}
        return value


VALUE_TYPE_NAMES = (
    "money", "date", "rate", "percent", "int", "int_list", "bool", "enum", "text", "party_list", "name_list",
    "interest_claim", "object", "object_list",
)


class FieldSpec(_Strict):
    """One typed field of an object / object_list element (no cues: fields are read as a record)."""

    label: str = Field(min_length=1)
    type: Literal[VALUE_TYPE_NAMES]  # type: ignore[valid-type]
    description: str = ""
    options: dict[str, str] = Field(default_factory=dict)
    min: int | None = None
    max: int | None = None

    @model_validator(mode="after")
    def _shape(self) -> FieldSpec:
        _check_shape(self.type, self.options, None)
        if self.type in ("object", "object_list"):
            raise ValueError("对象的字段不能再是对象")
        return self


class ElementSpec(_Strict):
    label: str = Field(min_length=1)
    type: Literal[VALUE_TYPE_NAMES]  # type: ignore[valid-type]
    description: str = ""
    options: dict[str, str] = Field(default_factory=dict)
    min: int | None = None
    max: int | None = None
    fields: dict[str, FieldSpec] | None = None
    cues: CueSpec = Field(default_factory=CueSpec)

    @model_validator(mode="after")
    def _shape(self) -> ElementSpec:
        _check_shape(self.type, self.options, self.fields)
        return self


def _check_shape(kind: str, options: dict[str, str], fields: dict[str, FieldSpec] | None) -> None:
    if kind == "enum" and not options:
        raise ValueError("枚举类型（enum）须有 options")
    if kind != "enum" and options:
        raise ValueError(f"只有枚举类型可以有 options（本要素类型为 {kind}）")
    if kind in ("object", "object_list") and not fields:
        raise ValueError(f"{kind} 类型须有 fields")
    if kind not in ("object", "object_list") and fields:
        raise ValueError(f"只有 object / object_list 类型可以有 fields（本要素类型为 {kind}）")


class TableEntrySpec(_Strict):
    id: str = Field(min_length=1)
    required: bool = False


class SectionSpec(_Strict):
    id: str = Field(min_length=1)
    label: str = Field(min_length=1)
    decided_by: Literal["findings", "orders"] = "findings"
    elements: list[TableEntrySpec]


class CheckSpec(_Strict):
    kind: Literal["money_not_greater", "date_not_after", "requires"]
    left: str
    right: str
    message: str
    fallback_right: str | None = None
    equals: Any = None


class TableSpec(_Strict):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]{0,63}$")
    version: str
    label: str
    cause: str | None = None
    template: str | None = None
    package: str | None = Field(default=None, description="engine/casetypes/<package>: the case type's Python")
    judgment_rules: str | None = None
    detect_priority: int = 0
    sources: list[str] = Field(default_factory=list)
    detect_keywords: Words = Field(default_factory=list)
    sections: list[SectionSpec]
    checks: list[CheckSpec] = Field(default_factory=list)

    @field_validator("version", mode="before")
    @classmethod
    def _version_text(cls, value: Any) -> Any:
        return str(value) if isinstance(value, int) else value

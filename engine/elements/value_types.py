"""Value types in one registry: what an element's value is, wherever it is used.

Each type says, once: its pydantic type (→ JSON Schema, validation, the web form), how to read what a
judge types (`coerce`: 95000 / 9.5万元 / 2021年6月1日 / 是), when two values say the same thing
(`same`, for the complaint/answer merge), how the judgment prints it (`text`), which recogniser kind
supplies it to extraction (`mention_kind`) and which assignment handler reads it from the facts
(`assign`). The registry is a spaCy-style catalogue; a case type never adds a branch elsewhere.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any, Literal, Protocol

import catalogue
from pydantic import BaseModel, ConfigDict, Field, create_model

from engine.errors import E, YaosuError


class ElementDef(Protocol):
    """What a value type reads of an element definition or of a record's field."""

    @property
    def id(self) -> str: ...
    @property
    def label(self) -> str: ...
    @property
    def type(self) -> str: ...
    @property
    def description(self) -> str: ...
    @property
    def options(self) -> dict[str, str]: ...
    @property
    def min(self) -> int | None: ...
    @property
    def max(self) -> int | None: ...
    @property
    def fields(self) -> Any: ...

    def option_label(self, code: str) -> str: ...

value_types = catalogue.create("yaosu", "value_types", entry_points=False)

MONEY_MAX = Decimal("1e13")  # ten trillion yuan: far above any civil claim, far below float trouble
Money = Annotated[str, Field(pattern=r"^-?\d+\.\d{2}$", description="金额（元），两位小数", examples=["50000.00"])]
DateValue = Annotated[
    str,
    Field(pattern=r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$", description="日期 YYYY-MM-DD（或 YYYY-MM、YYYY）"),
]
Percent = Annotated[str, Field(pattern=r"^\d+(\.\d+)?$")]
PercentValue = Annotated[str, Field(pattern=r"^(100(\.0{1,2})?|\d{1,2}(\.\d{1,2})?)$", description="百分比 0–100")]


class Rate(BaseModel):
    """An interest rate as written, with its period and the annual percent (month × 12, day × 360)."""

    model_config = ConfigDict(extra="forbid", title="利率")
    raw: str = Field(description="原文")
    period: Literal["year", "month", "day"]
    percent: Percent
    annual_percent: Annotated[str, Field(pattern=r"^\d+\.\d{2}$", description="年利率（%）")]


class Party(BaseModel):
    model_config = ConfigDict(extra="forbid", title="当事人")
    name: str = Field(min_length=1, description="姓名或名称")
    kind: Literal["natural", "legal", "other"] = "natural"
    gender: Literal["男", "女"] | None = None
    birth_date: DateValue | None = None
    ethnicity: str | None = None
    id_number: str | None = None
    address: str | None = None
    legal_representative: str | None = None
    agents: list[str] = Field(default_factory=list)


class InterestClaim(BaseModel):
    """Interest (or a penalty) claimed as an amount, or as base × rate from a start date to an end or until paid."""

    model_config = ConfigDict(extra="forbid", title="利息请求")
    amount: Money | None = None
    base: Money | None = None
    rate: Rate | None = None
    start_date: DateValue | None = None
    end: DateValue | Literal["until_paid"] | None = None


def _bad(element: ElementDef, raw: Any, what: str) -> YaosuError:
    return YaosuError(E.E101, element_label=element.label, str_raw_40=str(raw)[:40], what=what, path=element.id)


def _decode_json(raw: Any) -> Any:
    """Judges type JSON for structured values in the CLI (`--set x='{"a":1}'`); plain words stay words."""
    if isinstance(raw, str):
        text = raw.strip()
        if text[:1] in "[{\"" or text in ("true", "false", "null"):
            try:
                return json.loads(text)
            except (json.JSONDecodeError, RecursionError):
                return text
        return text
    return raw


def full_date(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if len(value) == 10 else None
    except ValueError:
        return None


def stored_date(value: Any) -> dt.date | None:
    """A full date as the case file stores it ("2021-06-01") → a date; a month-only date, "until_paid",
    None → None."""
    return full_date(value) if isinstance(value, str) else None


def stored_decimal(value: Any) -> Decimal | None:
    """A money, percent or other decimal as the case file stores it ("95000.00") → a Decimal; None → None."""
    return Decimal(value) if isinstance(value, str) and value else None


def calendar_ok(value: str) -> bool:
    """A schema-valid date that is also on the calendar (2021-02-29 and 2021-04-31 are not)."""
    return len(value) != 10 or full_date(value) is not None


class ValueType:
    """Default behaviour; each registered type overrides what differs."""

    name = ""
    mention_kind: str | None = None  # recogniser kind that supplies values (money, date, rate)
    assign: str | None = None  # assignment handler for the facts (enum, bool, names, text)
    hint = ""  # what a judge may type, shown in form help and messages

    def pydantic_type(self, element: ElementDef) -> Any:
        return str

    def coerce(self, element: ElementDef, raw: Any) -> Any:
        return raw

    def same(self, left: Any, right: Any) -> bool:
        return json.dumps(left, sort_keys=True, ensure_ascii=False) == json.dumps(right, sort_keys=True, ensure_ascii=False)

    def text(self, element: ElementDef, value: Any) -> str:
        return str(value)

    def comparable(self, value: Any) -> Any:
        """The part of a value extraction scoring compares."""
        return value

    def problems(self, element: ElementDef, value: Any) -> list[str]:
        """What the JSON Schema cannot say (calendar dates, bounds): Chinese messages."""
        return []


_BY_NAME: dict[str, ValueType] = {}  # the registry's entries by name (catalogue's get() scans every registry)


def register(name: str) -> Callable[[type[ValueType]], type[ValueType]]:
    def decorate(cls: type[ValueType]) -> type[ValueType]:
        instance = cls()
        instance.name = name
        value_types.register(name, func=instance)
        _BY_NAME[name] = instance
        return cls

    return decorate


def get_value_type(name: str) -> ValueType:
    found = _BY_NAME.get(name)
    if found is not None:
        return found
    try:
        return value_types.get(name)  # type: ignore[no-any-return]
    except catalogue.RegistryError as exc:
        raise YaosuError(E.E104, name=name, value='、'.join(sorted(value_types.get_all()))) from exc


@register("money")
class MoneyType(ValueType):
    mention_kind = "money"
    hint = "金额，如 95000、95,000.00、9.5万元、玖万伍仟元"

    def pydantic_type(self, element: ElementDef) -> Any:
        return Money

    def coerce(self, element: ElementDef, raw: Any) -> Any:
        from engine.extraction.recognisers.money import find_money, format_money

        if isinstance(raw, bool) or raw is None:
            raise _bad(element, raw, "金额")
        text = str(raw).strip().replace("，", ",").replace(" ", "")
        try:
            amount = Decimal(text.replace(",", "").removesuffix("元"))
            if not amount.is_finite():
                raise _bad(element, raw, "金额")
        except InvalidOperation:
            found = find_money(text if text.endswith("元") else text + "元")
            if len(found) != 1 or found[0].end - found[0].start < len(text.removesuffix("元")):
                raise _bad(element, raw, "金额") from None
            amount = Decimal(found[0].value)
        if amount < 0:
            raise YaosuError(E.E105, element_label=element.label, raw=raw, path=element.id)
        if amount >= MONEY_MAX or amount != amount.quantize(Decimal("0.01")):
            raise YaosuError(E.E106, element_label=element.label, str_raw_40=str(raw)[:40], path=element.id)
        return format_money(amount)

    def text(self, element: ElementDef, value: Any) -> str:
        from engine.drafting.formatting import money

        return f"{money(value)}元"


@register("date")
class DateType(ValueType):
    mention_kind = "date"
    hint = "日期，如 2021-06-01、2021年6月1日、2021.6.1、二〇二一年六月一日"

    def pydantic_type(self, element: ElementDef) -> Any:
        return DateValue

    def coerce(self, element: ElementDef, raw: Any) -> Any:
        from engine.extraction.recognisers.dates import find_dates

        text = str(raw).strip()
        if re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", text):
            value = text
        else:
            found = [m for m in find_dates(text.replace(".", "年", 1).replace(".", "月", 1) + ("日" if text.count(".") == 2 else ""))
                     if m.value]
            if len(found) != 1:
                raise _bad(element, raw, "日期（如 2021-06-01）")
            value = found[0].value
        if not calendar_ok(value) or not ("1900" <= value[:4] <= "2100"):
            raise YaosuError(E.E107, element_label=element.label, text=text, path=element.id)
        return value

    def text(self, element: ElementDef, value: Any) -> str:
        from engine.drafting.formatting import date_text

        return date_text(value)

    def problems(self, element: ElementDef, value: Any) -> list[str]:
        return [] if not isinstance(value, str) or calendar_ok(value) else [f"{element.label}：{value} 不是日历上的日期"]


@register("rate")
class RateType(ValueType):
    mention_kind = "rate"
    hint = "利率，如 年利率15.4%、月息2分、日万分之五"

    def pydantic_type(self, element: ElementDef) -> Any:
        return Rate

    def coerce(self, element: ElementDef, raw: Any) -> Any:
        from engine.extraction.recognisers.rates import find_rates

        raw = _decode_json(raw)
        if isinstance(raw, dict):
            return raw
        text = str(raw).strip()
        candidates = [text] if any(ch in text for ch in "年月日") else [f"年利率{text}", text]
        for candidate in candidates:
            found = find_rates(candidate if candidate.endswith(("%", "％", "分", "厘")) or "分之" in candidate
                               else candidate + "%")
            if len(found) == 1:
                return {**found[0].value, "raw": text}
        raise _bad(element, raw, "利率（如 15.4%、月息2分）")

    def same(self, left: Any, right: Any) -> bool:
        if isinstance(left, dict) and isinstance(right, dict):
            return bool(left.get("annual_percent") == right.get("annual_percent"))
        return super().same(left, right)

    def text(self, element: ElementDef, value: Any) -> str:
        from engine.drafting.formatting import rate_text

        return rate_text(value)

    def comparable(self, value: Any) -> Any:
        return value.get("annual_percent") if isinstance(value, dict) else value


@register("percent")
class PercentType(ValueType):
    hint = "百分比，如 70 或 62.5"

    def pydantic_type(self, element: ElementDef) -> Any:
        return PercentValue

    def coerce(self, element: ElementDef, raw: Any) -> Any:
        text = str(raw).strip().removesuffix("%").removesuffix("％")
        try:
            value = Decimal(text)
        except InvalidOperation:
            raise _bad(element, raw, "百分比（0–100）") from None
        if not value.is_finite() or not 0 <= value <= 100 or value != value.quantize(Decimal("0.01")):
            raise YaosuError(E.E108, element_label=element.label, raw=raw, path=element.id)
        return format(value.normalize(), "f")

    def text(self, element: ElementDef, value: Any) -> str:
        return f"{value}%"


def _int_bounds(element: ElementDef) -> dict[str, int]:
    bounds = {}
    if element.min is not None:
        bounds["ge"] = element.min
    if element.max is not None:
        bounds["le"] = element.max
    return bounds


def _coerce_int(element: ElementDef, raw: Any) -> int:
    from engine.extraction.numerals import parse_number

    if isinstance(raw, bool):
        raise _bad(element, raw, "整数")
    if isinstance(raw, int):
        value = raw
    else:
        text = str(raw).strip()
        if len(text) > 20:
            raise _bad(element, raw, "整数")
        number = parse_number(text.removesuffix("级").removesuffix("天").removesuffix("日"))
        if number is None or number != number.to_integral_value():
            raise _bad(element, raw, "整数")
        value = int(number)
    low = element.min if element.min is not None else -(10**9)
    high = element.max if element.max is not None else 10**9
    if not low <= value <= high:
        raise YaosuError(E.E102, element_label=element.label, value=value, low=low, high=high, path=element.id)
    return value


@register("int")
class IntType(ValueType):
    assign = "int"
    hint = "整数"

    def pydantic_type(self, element: ElementDef) -> Any:
        return Annotated[int, Field(ge=element.min if element.min is not None else -(10**9),
                                    le=element.max if element.max is not None else 10**9)]

    def coerce(self, element: ElementDef, raw: Any) -> Any:
        return _coerce_int(element, raw)


@register("int_list")
class IntListType(ValueType):
    hint = "整数，多个用“、”分隔"

    def pydantic_type(self, element: ElementDef) -> Any:
        return list[IntType().pydantic_type(element)]  # type: ignore[misc]

    def coerce(self, element: ElementDef, raw: Any) -> Any:
        raw = _decode_json(raw)
        items = raw if isinstance(raw, list) else [p for p in str(raw).replace("，", "、").replace(",", "、").split("、") if p]
        return [_coerce_int(element, item) for item in items]

    def same(self, left: Any, right: Any) -> bool:
        return sorted(left or []) == sorted(right or [])

    def text(self, element: ElementDef, value: Any) -> str:
        return "、".join(str(v) for v in value)


@register("bool")
class BoolType(ValueType):
    assign = "bool"
    hint = "是 / 否"
    TRUE = ("是", "true", "True", "1", "有", "对")
    FALSE = ("否", "false", "False", "0", "无", "没有", "不是")

    def pydantic_type(self, element: ElementDef) -> Any:
        return bool

    def coerce(self, element: ElementDef, raw: Any) -> Any:
        if isinstance(raw, bool):
            return raw
        text = str(raw).strip()
        if text in self.TRUE:
            return True
        if text in self.FALSE:
            return False
        raise YaosuError(E.E103, element_label=element.label, text_40=text[:40], path=element.id)

    def text(self, element: ElementDef, value: Any) -> str:
        return "是" if value else "否"


@register("enum")
class EnumType(ValueType):
    assign = "enum"
    hint = "选项"

    def pydantic_type(self, element: ElementDef) -> Any:
        return Literal[tuple(element.options)]  # type: ignore[valid-type]

    def coerce(self, element: ElementDef, raw: Any) -> Any:
        text = str(raw).strip()
        by_label = {label: code for code, label in element.options.items()}
        value = by_label.get(text, text)
        if value not in element.options:
            shown = "、".join(element.options.values())
            raise YaosuError(E.E109, element_label=element.label, text_40=text[:40], shown=shown, path=element.id)
        return value

    def text(self, element: ElementDef, value: Any) -> str:
        return element.option_label(value)


@register("text")
class TextType(ValueType):
    assign = "text"
    hint = "文字"

    def coerce(self, element: ElementDef, raw: Any) -> Any:
        return str(raw).strip()

    def comparable(self, value: Any) -> Any:
        return "".join(str(value).split())


def _names(value: Any) -> set[str]:
    return {party["name"] if isinstance(party, dict) else str(party) for party in value or []}


@register("party_list")
class PartyListType(ValueType):
    hint = "当事人"

    def pydantic_type(self, element: ElementDef) -> Any:
        return list[Party]

    def coerce(self, element: ElementDef, raw: Any) -> Any:
        raw = _decode_json(raw)
        if isinstance(raw, str):
            return [{"name": name} for name in NameListType().coerce(element, raw)]
        return raw

    def same(self, left: Any, right: Any) -> bool:
        # An answer usually names only the answering party: agreeing means naming no one new.
        return _names(right) <= _names(left)

    def text(self, element: ElementDef, value: Any) -> str:
        return "、".join(p["name"] if isinstance(p, dict) else str(p) for p in value)

    def comparable(self, value: Any) -> Any:
        return tuple(p.get("name") if isinstance(p, dict) else p for p in value)


@register("name_list")
class NameListType(ValueType):
    assign = "names"
    hint = "姓名或名称，多个用“、”分隔"

    def pydantic_type(self, element: ElementDef) -> Any:
        return list[Annotated[str, Field(min_length=1)]]

    def coerce(self, element: ElementDef, raw: Any) -> Any:
        raw = _decode_json(raw)
        if isinstance(raw, str):
            return [part.strip() for part in raw.replace("，", "、").replace(",", "、").split("、") if part.strip()]
        return raw

    def same(self, left: Any, right: Any) -> bool:
        return set(left or []) == set(right or [])

    def text(self, element: ElementDef, value: Any) -> str:
        return "、".join(str(v) for v in value)

    def comparable(self, value: Any) -> Any:
        return frozenset(value)


@register("interest_claim")
class InterestClaimType(ValueType):
    hint = "金额，或以本金为基数按利率自某日起计算的方式（JSON）"

    def pydantic_type(self, element: ElementDef) -> Any:
        return InterestClaim

    def coerce(self, element: ElementDef, raw: Any) -> Any:
        raw = _decode_json(raw)
        if isinstance(raw, dict):
            return raw
        return {"amount": MoneyType().coerce(element, raw), "base": None, "rate": None, "start_date": None, "end": None}

    def text(self, element: ElementDef, value: Any) -> str:
        from engine.drafting.formatting import interest_claim_text

        return interest_claim_text(value)

    def comparable(self, value: Any) -> Any:
        rate = value.get("rate") if isinstance(value, dict) else None
        return ((rate or {}).get("annual_percent"), value.get("start_date") if isinstance(value, dict) else None)


def _record_model(element: ElementDef) -> type[BaseModel]:
    fields: dict[str, Any] = {}
    for field_id, field in (element.fields or {}).items():
        vtype = get_value_type(field.type)
        fields[field_id] = (vtype.pydantic_type(field) | None, Field(default=None, title=field.label,
                                                                     description=field.description))
    return create_model(  # type: ignore[call-overload, no-any-return]
        f"Record_{element.id}", __config__=ConfigDict(extra="forbid", title=element.label), **fields
    )


def _coerce_record(element: ElementDef, raw: Any) -> dict[str, Any]:
    if not isinstance(raw, dict):
        raise _bad(element, raw, "记录（JSON 对象）")
    record: dict[str, Any] = {}
    fields = element.fields or {}
    for key, value in raw.items():
        if key not in fields:
            raise YaosuError(E.E110, element_label=element.label, key=key, join_fields='、'.join(fields), path=element.id)
        record[key] = None if value in (None, "") else get_value_type(fields[key].type).coerce(fields[key], value)
    return record


def _record_text(element: ElementDef, record: dict[str, Any]) -> str:
    fields = element.fields or {}
    parts = [f"{fields[k].label}{get_value_type(fields[k].type).text(fields[k], v)}"
             for k, v in record.items() if k in fields and v not in (None, "", [])]
    return "，".join(parts)


@register("object")
class ObjectType(ValueType):
    hint = "记录（JSON 对象）"

    def pydantic_type(self, element: ElementDef) -> Any:
        return _record_model(element)

    def coerce(self, element: ElementDef, raw: Any) -> Any:
        return _coerce_record(element, _decode_json(raw))

    def text(self, element: ElementDef, value: Any) -> str:
        return _record_text(element, value)


@register("object_list")
class ObjectListType(ValueType):
    hint = "记录列表（JSON 数组）"

    def pydantic_type(self, element: ElementDef) -> Any:
        return list[_record_model(element)]  # type: ignore[misc]

    def coerce(self, element: ElementDef, raw: Any) -> Any:
        raw = _decode_json(raw)
        if not isinstance(raw, list):
            raise _bad(element, raw, "记录列表（JSON 数组）")
        return [_coerce_record(element, item) for item in raw]

    def text(self, element: ElementDef, value: Any) -> str:
        return "；".join(f"{i}. {_record_text(element, record)}" for i, record in enumerate(value, 1))


def value_text(element: ElementDef, value: Any) -> str:
    """Any element value as judgment text ("—" when empty)."""
    if value is None or value == [] or value == "":
        return "—"
    return get_value_type(element.type).text(element, value)


def coerce_value(element: ElementDef, raw: Any) -> Any:
    """What a judge typed → the stored value, or a YaosuError naming the element."""
    if isinstance(raw, str):
        raw = raw.strip()
        if raw in ("", "null"):
            return None
    if raw is None:
        return None
    return get_value_type(element.type).coerce(element, raw)

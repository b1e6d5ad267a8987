"""The common result of every calculator: an amount, the steps a judge can redo by hand, the articles.

Rounding policy (one place, applies to every calculator in engine.law):
money is kept as exact ``Decimal`` through each item and rounded once, ROUND_HALF_UP to the cent,
at the end of that item (a fee, a segment of interest, one compensation item). Totals are sums of
rounded items, so the printed steps always add up to the printed total.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from engine.law.citations import Citation
    from engine.law.parameters import ParameterValue

CENT = Decimal("0.01")


def money(value: Decimal | int | str) -> Decimal:
    """Round to the cent, half up (the policy stated above)."""
    return Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)


def fmt_money(value: Decimal) -> str:
    """Money for Chinese text: thousands separators, two decimals, e.g. 50,000.00元."""
    return f"{money(value):,.2f}元"


def fmt_plain(value: Decimal) -> str:
    """A plain number without trailing zeros noise, e.g. 2.5, 50000, 0.000175."""
    text = format(value.normalize(), "f")
    return text


def fmt_rate(percent: Decimal) -> str:
    """Annual or other percent with two decimals, e.g. 15.40%."""
    return f"{Decimal(percent).quantize(CENT, rounding=ROUND_HALF_UP)}%"


def fmt_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def money_str(value: Decimal) -> str:
    """Money in the spec's JSON form: yuan, exactly two decimals, no separators."""
    return str(money(value))


def _jsonable(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    return value


def parameter_used(
    table: str, value: Any, source: str, status: str, effective: date | None = None, **extra: Any
) -> dict[str, Any]:
    """One figure a calculator relied on, as recorded in ``CalcResult.parameters_used``.

    ``table`` names the parameter table (or file and key), ``effective`` the first day the figure was in
    force (None for yearly keyed figures), so a draft can be recomputed with exactly these figures.
    """
    out: dict[str, Any] = {
        "table": table,
        "effective": effective,
        "value": value,
        "source": source,
        "status": status,
    }
    out.update(extra)
    return out


def used_parameter(value: ParameterValue) -> dict[str, Any]:
    """``parameter_used`` for a ParameterValue from a dated or keyed table."""
    return parameter_used(value.table, value.value, value.source, value.status, value.effective)


def used_citation(citation: Citation) -> dict[str, Any]:
    """``parameter_used`` for an article taken from the citation catalogue."""
    return parameter_used(
        f"citations:{citation.concept}", citation.text, citation.source, citation.status, citation.start
    )


@dataclass
class CalcResult:
    """What a calculator returns. ``steps`` are Chinese sentences, each base × rate × period = amount."""

    amount: Decimal
    steps: list[str] = field(default_factory=list)
    citations: list[str] = field(default_factory=list)
    details: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    calculator: str = ""  # registry id "name.vN"
    # Every figure relied on: {table, effective, value, source, status} (see parameter_used).
    parameters_used: list[dict[str, Any]] = field(default_factory=list)
    # Keys of ``details`` holding money (serialised with two decimals); other Decimals keep their digits.
    money_keys: tuple[str, ...] = ()

    def record(self, *items: ParameterValue | Citation | dict[str, Any]) -> CalcResult:
        """Add figures to ``parameters_used`` (once each); returns self so calls can be chained."""
        from engine.law.citations import Citation

        for item in items:
            if isinstance(item, dict):
                entry = item
            elif isinstance(item, Citation):
                entry = used_citation(item)
            else:
                entry = used_parameter(item)
            if entry not in self.parameters_used:
                self.parameters_used.append(entry)
        return self

    def provenance(self) -> dict[str, Any]:
        """What a Decision stores to recompute this result as drafted: the calculator id and its figures."""
        return {
            "calculator": self.calculator,
            "parameters_used": [_jsonable(p) for p in self.parameters_used],
        }

    def to_json(self) -> dict[str, Any]:
        details: dict[str, Any] = {}
        for key, value in self.details.items():
            if key in self.money_keys and isinstance(value, Decimal):
                details[key] = money_str(value)
            else:
                details[key] = _jsonable(value)
        out: dict[str, Any] = {"amount": money_str(self.amount)}
        out.update(details)
        out["steps"] = list(self.steps)
        out["citations"] = list(self.citations)
        out["warnings"] = list(self.warnings)
        if self.calculator:
            out["calculator"] = self.calculator
        out["parameters_used"] = [_jsonable(p) for p in self.parameters_used]
        return out

    def text(self) -> str:
        """Human-readable form, as the CLI prints it."""
        lines = ["计算过程："]
        lines += [f"  {i}. {step}" for i, step in enumerate(self.steps, 1)]
        lines.append("依据：" + "；".join(self.citations))
        for warning in self.warnings:
            lines.append(f"注意：{warning}")
        return "\n".join(lines)

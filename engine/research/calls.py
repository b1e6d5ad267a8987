"""Every call the research tools make into the core engine, in one place.

The lead is changing the core's signatures (a loaded `system` object becomes the
first argument); only this module has to follow. Nothing else in engine/research
imports engine.case, engine.extraction, engine.drafting or engine.elements.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path
from typing import Any

PENDING_TEXT = "待认定"
_RATE_IN_ORDER = re.compile(r"按年利率([0-9.]+)%")


def system() -> Any:
    """The loaded system of this process (each Dask worker loads its own once)."""
    from engine.system import default_system

    return default_system()


def warm_up(case_types: tuple[str, ...] | None = None) -> None:
    """Load tables, the extraction pipeline and the templates once in this process."""
    from engine.drafting.render import compiled_template
    from engine.errors import YaosuError

    sys_ = system()
    for case_type in case_types or tuple(sys_.casetypes):
        table = load_table(case_type)
        compiled_template(sys_, table.template)
        case = new_case(case_type, _WARM_UP_TEXT, None, court=None)
        # Drafted for every court: the law data, citations and fee tables load now, not in the first case.
        for court_id in court_ids():
            try:
                judgment, decision = build_judgment(case, court_id)
                decision_figures(case, judgment, decision)
                render_docx(case, judgment)
            except YaosuError:
                break  # a case type this sample cannot draft: its first real case loads the rest


_WARM_UP_TEXT = "原告张三向被告李四出借借款1万元，约定年利率10%。"


def read_pleading(path: str | Path) -> str:
    from engine.extraction.api import read_pleading as _read

    return _read(path)


def decode_pleading(data: bytes, filename: str) -> str:
    """Text of a pleading already read as bytes (.txt UTF-8/BOM/GBK or .docx), as read_pleading gives it."""
    from engine.extraction.api import decode_pleading as _decode

    return _decode(data, filename)


def new_case(
    case_type: str,
    complaint_text: str,
    answer_text: str | None,
    court: str | None,
    complaint_name: str | None = None,
    answer_name: str | None = None,
) -> dict[str, Any]:
    from engine.case.new import new_case_from_texts

    return new_case_from_texts(
        system(), case_type, complaint_text, answer_text, court=court, complaint_name=complaint_name, answer_name=answer_name
    )


def load_table(case_type: str) -> Any:
    return system().table(case_type)


def table_version(case_type: str) -> str:
    return str(load_table(case_type).version)


def court_ids() -> list[str]:
    return list(system().courts)


def check_court(court_id: str) -> None:
    system().court(court_id)


def problems(case: dict[str, Any]) -> list[tuple[str, str]]:
    """(JSON path, Chinese message) of every problem of the case file.

    A case the pydantic model (which the JSON Schema is generated from) accepts in strict mode
    skips the JSON Schema pass (~0.06 ms instead of ~6 ms a case) and gets only the element
    checks; any other case gets the full validation and its Chinese messages."""
    from pydantic import ValidationError

    from engine.case.casefile import case_model
    from engine.case.validate import element_problems, validate_case
    from engine.errors import YaosuError

    try:
        casetype = system().casetype(case["case_type"])
        case_model(casetype).model_validate(case, strict=True)
    except (ValidationError, KeyError, TypeError, YaosuError):
        return [(p.path, p.message) for p in validate_case(system(), case)]
    return [(p.path, p.message) for p in element_problems(casetype, case)]


def effective(case: dict[str, Any], element_id: str) -> tuple[Any, bool]:
    """(value, pending): the value the judgment uses, and whether it is an open dispute."""
    from engine.case.effective import PENDING, effective_value

    value = effective_value(case, element_id)
    return (None, True) if value is PENDING else (value, False)


def pending(case: dict[str, Any]) -> list[str]:
    """Disputed facts still waiting for the judge's finding (the draft shows them as 待认定)."""
    from engine.case.effective import pending_disputes

    return pending_disputes(load_table(case["case_type"]), case)


def load_case(path: str | Path) -> dict[str, Any]:
    from engine.case.files import load_case_file

    return load_case_file(path)


def save_case(path: str | Path, case: dict[str, Any]) -> None:
    from engine.case.files import save_case_file

    save_case_file(path, case)


def build_judgment(case: dict[str, Any], court_id: str) -> tuple[Any, Any]:
    """(the judgment, the rules' decision it was built from): the rules run once a court."""
    from engine.drafting.build import judgment_and_decision

    return judgment_and_decision(system(), case, court_id)


def render_docx(case: dict[str, Any], judgment: Any) -> bytes:
    from engine.drafting.render import render_judgment_docx, template_name

    return render_judgment_docx(system(), judgment, template_name(system(), case))


def judgment_lines(judgment: Any) -> list[str]:
    from engine.drafting.render import judgment_text

    return judgment_text(judgment).splitlines()


def differing_lines(texts: dict[str, str]) -> list[dict[str, Any]]:
    from engine.drafting.compare import differing_lines as _diff

    return _diff(texts)


def _money(value: Decimal | None) -> str | None:
    return None if value is None else f"{value.quantize(Decimal('0.01'))}"


def decision_figures(case: dict[str, Any], judgment: Any, decision: Any) -> dict[str, Any]:
    """The decisive figures of one court's draft: claimed/granted amounts, fee, rates, cap.

    The granted interest rates are read from the orders as printed (按年利率X%), so the
    figure is the one the judgment states."""
    from engine.law.fee import litigation_fee

    fee: str | None = None
    if decision.claimed_amount is not None:
        procedure = (case.get("meta") or {}).get("procedure", "simple")
        fee = _money(litigation_fee(decision.claimed_amount, procedure=procedure, kind="property",
                                    law=system().law).amount)
    granted_rates = [m.group(1) for order in judgment.orders for m in _RATE_IN_ORDER.finditer(order)]
    return {
        "claimed_amount": _money(decision.claimed_amount),
        "granted_amount": _money(decision.granted_amount),
        "fee": fee,
        "granted_rates": granted_rates,
        "cap": _cap(case),
        "orders": list(judgment.orders),
        "warnings": list(judgment.warnings),
    }


def agreed_rate_element(case_type: str) -> str | None:
    """The element holding the rate the parties agreed (the report compares it with the rate granted)."""
    return system().casetype(case_type).package.research_rate_element


def _cap(case: dict[str, Any]) -> str | None:
    """The legal cap on the agreed rate that applied to the case, as its package computes it (None: none)."""
    casetype = system().casetype(case["case_type"])
    cap = casetype.package.research_cap
    return cap(system(), case) if cap is not None else None


def value_text(case_type: str, element_id: str, value: Any) -> str:
    """An element value as the judgment prints it (金额、日期、利率 in Chinese)."""
    from engine.drafting import formatting

    return str(formatting.value_text(load_table(case_type).element(element_id), value))

"""What the researchers' report reads of a 民间借贷 case: the protected annual rate (4 × LPR …)."""

from __future__ import annotations

import warnings
from datetime import date
from typing import Any

from engine.case.effective import PENDING, effective_value
from engine.errors import YaosuError


def _day(value: Any) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) and len(value) == 10 else None


def interest_cap_percent(system: Any, case: dict[str, Any]) -> str | None:
    """The protected annual rate for the case's contract date, or None when unknown."""
    from engine.law.interest import interest_cap

    values = {eid: effective_value(case, eid) for eid in ("contract_date", "delivery_date")}
    contract = next((_day(v) for v in values.values() if v is not PENDING and _day(v)), None)
    if contract is None:
        return None
    filing = _day((case.get("meta") or {}).get("filing_date"))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # unverified LPR rows: the draft's own warnings say so
            return f"{interest_cap(contract, filing, law=system.law).amount:.2f}"
    except YaosuError:
        return None

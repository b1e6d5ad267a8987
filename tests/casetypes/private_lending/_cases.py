"""Building 民间借贷 test cases from the hand-written case file (tests/drafting/data)."""

from __future__ import annotations

from typing import Any

from engine.drafting.build import build_judgment
from engine.drafting.content import Judgment
from engine.system import default_system

SYSTEM = default_system()
RATE_18 = {"raw": "年利率18%", "period": "year", "percent": "18", "annual_percent": "18.00"}


def rate(percent: str) -> dict[str, str]:
    from decimal import Decimal

    annual = f"{Decimal(percent).quantize(Decimal('0.01'))}"
    return {"raw": f"年利率{percent}%", "period": "year", "percent": percent, "annual_percent": annual}


def put(case: dict[str, Any], **values: Any) -> dict[str, Any]:
    """Set complaint values (None removes the element), as if the answer did not touch them."""
    for element_id, value in values.items():
        if value is None:
            case["elements"].pop(element_id, None)
            continue
        case["elements"][element_id] = {
            "status": "complaint_only", "complaint": value, "answer": None, "answer_position": None,
        }
    return case


def draft(case: dict[str, Any], court: str = "qingpu") -> Judgment:
    return build_judgment(SYSTEM, case, court)


def text(judgment: Judgment) -> str:
    return "\n".join(line for _, lines in judgment.section_texts() for line in lines)

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


def two_loans(
    case: dict[str, Any], first: dict[str, Any], second: dict[str, Any], paid: dict[str, str],
    claim_principal: str = "50000.00", **values: Any,
) -> dict[str, Any]:
    """The decided case with two loans, 30,000 on 2021-03-01 and 20,000 on 2021-04-01 (each with the fields
    ``first`` / ``second`` adds: its rate or term), one repayment ``paid``, interest claimed on 50,000 from the
    first day until paid, guarantee findings settled; ``values`` set further complaint elements."""
    put(case, loans=[{"date": "2021-03-01", "amount": "30000.00", **first},
                     {"date": "2021-04-01", "amount": "20000.00", **second}],
        repayments=[paid], delivery_date="2021-03-01", contract_date="2021-03-01", loan_amount="50000.00",
        claim_principal=claim_principal,
        claim_interest={"amount": None, "base": "50000.00", "rate": None, "start_date": "2021-03-01",
                        "end": "until_paid"}, **values)
    case["elements"]["delivered_amount"]["complaint"] = "50000.00"
    case["findings"] = {"delivered_amount": "50000.00", "guarantee_type": "general",
                        "guarantee_claim_date": "2022-05-01", "company_guarantee_resolution": "resolved"}
    return case

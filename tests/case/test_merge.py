"""Complaint + answer → agreed / disputed / complaint_only / answer_only."""

from __future__ import annotations

from engine.case.merge import merge_elements
from engine.system import default_system

SYSTEM = default_system()

RATE = {"raw": "月息2分", "period": "month", "percent": "2", "annual_percent": "24.00"}


def extraction(role: str, elements: dict) -> dict:
    return {"role": role, "elements": elements}


def test_statuses() -> None:
    complaint = extraction("complaint", {
        "loan_amount": {"value": "50000.00"},
        "delivered_amount": {"value": "50000.00"},
        "interest_rate": {"value": RATE},
        "term_end": {"value": "2022-03-04"},
        "defendants": {"value": [{"name": "李四"}, {"name": "王五"}]},
    })
    answer = extraction("answer", {
        "loan_amount": {"value": None, "position": "admit"},
        "delivered_amount": {"value": "40000.00", "position": "contest"},
        "interest_rate": {"value": {**RATE, "raw": "月利率2%"}},
        "repaid_principal": {"value": "20000.00", "position": "contest"},
        "defendants": {"value": [{"name": "李四"}]},
    })
    states = merge_elements(SYSTEM.casetype("private_lending"), complaint, answer)
    assert states["loan_amount"]["status"] == "agreed"
    assert states["delivered_amount"] == {
        "status": "disputed", "complaint": "50000.00", "answer": "40000.00", "answer_position": "contest",
    }
    assert states["interest_rate"]["status"] == "agreed"  # same annual rate, other words
    assert states["term_end"]["status"] == "complaint_only"
    assert states["repaid_principal"]["status"] == "disputed"
    assert states["defendants"]["status"] == "agreed"  # the answer names only its own party
    assert "guarantors" not in states


def test_answer_only_and_no_answer() -> None:
    complaint = extraction("complaint", {"loan_amount": {"value": "50000.00"}})
    answer = extraction("answer", {"repaid_interest": {"value": "3000.00"}})
    states = merge_elements(SYSTEM.casetype("private_lending"), complaint, answer)
    assert states["repaid_interest"]["status"] == "answer_only"
    assert merge_elements(SYSTEM.casetype("private_lending"), complaint, None)["loan_amount"]["status"] == "complaint_only"

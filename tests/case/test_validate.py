"""`validate`: schema problems and the table's cross-field checks, each with a JSON path and Chinese message."""

from __future__ import annotations

from typing import Any

from engine.case.validate import validate_case
from engine.system import default_system

SYSTEM = default_system()


def messages(case: dict[str, Any]) -> dict[str, str]:
    return {p.path: p.message for p in validate_case(SYSTEM, case)}


def test_valid_case_has_no_problems(decided_case: dict[str, Any]) -> None:
    assert validate_case(SYSTEM, decided_case) == []


def test_bad_money_format_names_field(lending_case: dict[str, Any]) -> None:
    lending_case["findings"]["loan_amount"] = "5万"
    problems = messages(lending_case)
    assert "/findings/loan_amount" in problems
    assert problems["/findings/loan_amount"].startswith("约定借款金额（本院认定）：'5万' 格式不正确")


def test_cross_field_checks(lending_case: dict[str, Any]) -> None:
    lending_case["findings"] = {
        "delivered_amount": "120000.00",  # more than agreed 100,000
        "term_end": "2021-05-01",  # before the contract (2021-06-01)
        "repaid_principal": "150000.00",  # more than lent
        "guarantee_type": "joint",
    }
    del lending_case["elements"]["guarantors"]
    problems = messages(lending_case)
    assert problems["/elements/delivered_amount"] == "实际出借金额 120000.00 元大于约定借款金额 100000.00 元"
    assert problems["/elements/repaid_principal"] == "已还本金 150000.00 元超过出借金额 120000.00 元"
    assert problems["/elements/contract_date"] == "合同签订时间 2021-06-01 晚于约定还款期限 2021-05-01"
    assert problems["/elements/guarantee_type"] == "填写了保证方式，但没有保证人"


def test_missing_required_element(lending_case: dict[str, Any]) -> None:
    del lending_case["elements"]["delivery_date"]
    assert messages(lending_case)["/elements/delivery_date"] == "缺少必填要素：出借时间"


def test_open_dispute_is_not_a_cross_field_error(lending_case: dict[str, Any]) -> None:
    lending_case["elements"]["delivered_amount"]["complaint"] = "999999.00"  # disputed, undecided
    assert validate_case(SYSTEM, lending_case) == []


def test_unknown_case_type() -> None:
    assert messages({"case_type": "nope"})["/case_type"].startswith("未知的案件类型：nope")

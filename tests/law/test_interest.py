import warnings
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from engine.errors import YaosuError
from engine.law.interest import (
    Repayment,
    interest_cap,
    private_lending_claim,
    private_lending_interest,
)
from engine.law.late_performance import civil_procedure_article, doubled_interest
from engine.law.parameters import UnverifiedParameterWarning
from engine.registry import get_calculator
from tests.law._golden import golden_params


@golden_params("interest.yaml")
def test_interest_golden(case: dict) -> None:
    result = private_lending_interest(
        Decimal(case["principal"]),
        case["start"],
        case["end"],
        Decimal(case["rate"]),
        case.get("contract_date"),
        case.get("filing_date"),
    )
    assert result.amount == Decimal(case["amount"])
    assert result.details["days"] == case["days"]
    assert result.details["cap"] == Decimal(case["cap"])
    assert result.details["capped"] is case["capped"]
    if "segments" in case:
        assert [str(s["amount"]) for s in result.details["segments"]] == case["segments"]
    assert sum(s["amount"] for s in result.details["segments"]) == result.amount
    assert sum(s["days"] for s in result.details["segments"]) == result.details["days"]
    assert any("365" in s for s in result.steps)  # the day-count rule is stated


@golden_params("claim.yaml")
def test_claim_golden(case: dict) -> None:
    def dec(key: str) -> Decimal | None:
        return Decimal(case[key]) if key in case else None

    result = private_lending_claim(
        Decimal(case["principal"]),
        case["loan_date"],
        case["due_date"],
        case["end"],
        term_rate=dec("term_rate"),
        overdue_rate=dec("overdue_rate"),
        penalty_rate=dec("penalty_rate"),
        other_fees=dec("other_fees") or Decimal(0),
        costs=dec("costs") or Decimal(0),
        repayments=[Repayment(d, Decimal(a)) for d, a in case.get("repayments", [])],
        contract_date=case.get("contract_date"),
        filing_date=case.get("filing_date"),
    )
    assert result.amount == Decimal(case["amount"])
    for key in ("principal_outstanding", "interest_outstanding", "penalty_outstanding", "fees_allowed"):
        assert result.details[key] == Decimal(case[key]), key


@golden_params("late.yaml")
def test_doubled_interest_golden(case: dict) -> None:
    result = doubled_interest(Decimal(case["debt"]), case["start"], case["end"])
    assert result.amount == Decimal(case["amount"])
    assert result.details["days"] == case["days"]
    assert "《中华人民共和国民事诉讼法》第二百六十四条" in result.citations


def test_interest_cap_explains_four_times_lpr() -> None:
    result = interest_cap(date(2020, 9, 1))
    assert result.amount == Decimal("15.40")
    assert "4 × 3.85% = 15.40%" in result.steps[0]
    assert result.citations == ["《最高人民法院关于审理民间借贷案件适用法律若干问题的规定》第二十五条"]


def test_interest_cap_pre_2020_contract_explains_split() -> None:
    result = interest_cap(date(2019, 3, 1), date(2023, 9, 1))
    assert result.amount == Decimal("13.80")  # 4 × 3.45% (LPR 2023-08-21)
    assert "24%" in result.steps[0] and "起诉" in result.steps[1]
    assert [c["rate"] for c in result.details["caps"]] == [Decimal("24.00"), Decimal("13.80")]


def test_pre_2020_contract_without_filing_date_is_an_error() -> None:
    with pytest.raises(YaosuError, match="起诉日期"):
        interest_cap(date(2020, 4, 19), None)
    with pytest.raises(YaosuError, match="起诉日期"):
        private_lending_interest(
            Decimal(1000), date(2020, 1, 1), date(2020, 8, 20), Decimal(10), date(2020, 1, 1)
        )


def test_contract_before_first_lpr_uses_lpr_at_filing() -> None:
    # Loans before 2019-08-20 have no LPR at formation (FACTS §5.4 note): after 2020-08-20, LPR at filing.
    result = interest_cap(date(2018, 5, 1), date(2021, 6, 1))
    assert result.amount == Decimal("15.40")


def test_unverified_lpr_warns_and_is_reported() -> None:
    # 2026-06-22 is a news-only row (FACTS §9.1): 4 × 3.00% = 12.00%, with a warning.
    with pytest.warns(UnverifiedParameterWarning):
        result = interest_cap(date(2026, 7, 1))
    assert result.amount == Decimal("12.00")
    assert result.warnings and "未核实" in result.warnings[0]


def test_machine_copy_lpr_does_not_warn() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error", UnverifiedParameterWarning)
        assert interest_cap(date(2025, 7, 1)).amount == Decimal("12.00")


def test_verified_lpr_does_not_warn() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error", UnverifiedParameterWarning)
        assert interest_cap(date(2025, 5, 20)).amount == Decimal("12.00")


def test_repayment_goes_to_costs_then_interest_then_principal() -> None:
    result = private_lending_claim(
        Decimal(36500),
        date(2022, 1, 10),
        date(2022, 12, 31),
        date(2022, 1, 19),
        term_rate=Decimal(10),
        costs=Decimal(30),
        repayments=[Repayment(date(2022, 1, 14), Decimal(100))],
    )
    pay = result.details["repayments"][0]
    # 5 days × 10.00 = 50 interest; 100 → costs 30, interest 50, principal 20.
    assert (pay["costs"], pay["interest"], pay["principal"]) == (
        Decimal(30),
        Decimal("50.00"),
        Decimal("20.00"),
    )
    assert result.details["principal_outstanding"] == Decimal("36480.00")
    assert any("第五百六十一条" in c for c in result.citations)


def test_bad_interest_input() -> None:
    with pytest.raises(YaosuError):
        private_lending_interest(Decimal(0), date(2021, 1, 1), date(2021, 2, 1), Decimal(10))
    with pytest.raises(YaosuError, match="早于"):
        private_lending_interest(Decimal(100), date(2021, 2, 1), date(2021, 1, 1), Decimal(10))
    with pytest.raises(YaosuError):
        private_lending_claim(
            Decimal(100),
            date(2021, 1, 1),
            date(2021, 6, 1),
            date(2021, 12, 1),
            repayments=[Repayment(date(2022, 1, 1), Decimal(10))],
        )


def test_civil_procedure_article_by_version() -> None:
    assert civil_procedure_article(date(2021, 6, 1)) == "第二百五十三条"
    assert civil_procedure_article(date(2023, 6, 1)) == "第二百六十条"
    assert civil_procedure_article(date(2024, 1, 1)) == "第二百六十四条"


def test_registered() -> None:
    assert get_calculator("private_lending_interest") is private_lending_interest
    assert get_calculator("interest_cap", 1) is interest_cap
    assert get_calculator("doubled_interest") is doubled_interest


@settings(max_examples=60, deadline=None)
@given(
    start=st.dates(min_value=date(2021, 1, 1), max_value=date(2024, 12, 31)),
    length=st.integers(min_value=0, max_value=800),
    cut=st.integers(min_value=0, max_value=800),
)
def test_interest_is_additive_over_periods(start, length: int, cut: int) -> None:
    """Splitting a period in two gives the same total up to one cent of rounding per segment."""
    from datetime import timedelta

    end = start + timedelta(days=length)
    middle = start + timedelta(days=min(cut, length))
    whole = private_lending_interest(Decimal(100000), start, end, Decimal(10), date(2021, 1, 1))
    if middle == end:
        return
    first = private_lending_interest(Decimal(100000), start, middle, Decimal(10), date(2021, 1, 1))
    second = private_lending_interest(
        Decimal(100000), middle + timedelta(days=1), end, Decimal(10), date(2021, 1, 1)
    )
    assert abs(first.amount + second.amount - whole.amount) <= Decimal("0.01")
    assert first.details["days"] + second.details["days"] == whole.details["days"]


def test_doubled_interest_past_last_verified() -> None:
    with pytest.warns(UnverifiedParameterWarning):
        doubled_interest(Decimal(1000), date(2026, 5, 1), date(2026, 5, 10))
    with pytest.raises(YaosuError, match="只核实到"):
        doubled_interest(Decimal(1000), date(2026, 5, 1), date(2026, 5, 10), allow_unverified=False)


def test_filing_before_contract_is_rejected() -> None:
    with pytest.raises(YaosuError, match="早于合同成立日"):
        interest_cap(date(2021, 5, 1), date(2021, 4, 1))

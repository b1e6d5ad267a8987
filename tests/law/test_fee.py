from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from engine.errors import YaosuError
from engine.law.fee import litigation_fee, split_fee
from engine.registry import get_calculator
from tests.law._golden import golden_params


@golden_params("fee.yaml")
def test_fee_golden(case: dict) -> None:
    result = litigation_fee(
        Decimal(case["amount"]),
        case.get("procedure", "ordinary"),
        case.get("kind", "property"),
        divorce_base=Decimal(case["divorce_base"]) if "divorce_base" in case else None,
    )
    assert result.details["full_fee"] == Decimal(case["full_fee"])
    assert result.amount == Decimal(case["fee"])
    assert result.details["fee"] == Decimal(case["fee"])
    assert result.details["halved"] is case.get("halved", False)
    assert result.steps and result.citations


@golden_params("fee_split.yaml")
def test_split_golden(case: dict) -> None:
    result = split_fee(Decimal(case["fee"]), Decimal(case["claimed"]), Decimal(case["granted"]))
    assert result.details["defendant"] == Decimal(case["defendant"])
    assert result.details["plaintiff"] == Decimal(case["plaintiff"])
    assert result.citations == ["《诉讼费用交纳办法》第二十九条"]


def test_json_shape_matches_spec() -> None:
    out = litigation_fee(Decimal("50000"), "simple").to_json()
    assert out["fee"] == "525.00" and out["full_fee"] == "1050.00" and out["halved"] is True
    assert [b["amount"] for b in out["brackets"]] == ["50.00", "1000.00"]
    assert out["brackets"][1] == {
        "lower": "10000.00",
        "upper": "100000.00",
        "rate": "2.5",
        "fixed": None,
        "portion": "40000.00",
        "amount": "1000.00",
    }


def test_steps_show_each_bracket_and_the_halving() -> None:
    steps = litigation_fee(Decimal("50000"), "simple").steps
    assert any("(50000 − 10000) × 2.5% = 1000元" in s for s in steps)
    assert any("1050 ÷ 2 = 525.00元" in s for s in steps)


def test_halved_only_once_cites_206() -> None:
    result = litigation_fee(Decimal("50000"), ["simple", "withdrawal"])
    assert result.amount == Decimal("525.00")
    assert any("第二百零六条" in c for c in result.citations)


def test_divorce_needs_provincial_base() -> None:
    with pytest.raises(YaosuError, match="50元至300元"):
        litigation_fee(Decimal("300000"), kind="divorce")
    with pytest.raises(YaosuError, match="之间"):
        litigation_fee(Decimal("300000"), kind="divorce", divorce_base=Decimal("400"))


@pytest.mark.parametrize(
    "kwargs",
    [
        {"amount": Decimal("-1")},
        {"amount": Decimal("100"), "procedure": "summary"},
        {"amount": Decimal("100"), "kind": "patent"},
    ],
)
def test_bad_input_is_a_yaosu_error(kwargs: dict) -> None:
    with pytest.raises(YaosuError):
        litigation_fee(**kwargs)


@pytest.mark.parametrize(
    ("fee", "claimed", "granted"), [("100", "0", "0"), ("100", "50", "60"), ("100", "50", "-1")]
)
def test_split_rejects_impossible_amounts(fee: str, claimed: str, granted: str) -> None:
    with pytest.raises(YaosuError):
        split_fee(Decimal(fee), Decimal(claimed), Decimal(granted))


def test_registered() -> None:
    assert get_calculator("litigation_fee") is litigation_fee
    assert get_calculator("fee_split", 1) is split_fee


cents = st.decimals(min_value=0, max_value=50_000_000, places=2, allow_nan=False, allow_infinity=False)


@settings(max_examples=150, deadline=None)
@given(a=cents, b=cents)
def test_fee_never_decreases_with_the_amount(a: Decimal, b: Decimal) -> None:
    low, high = sorted((a, b))
    assert litigation_fee(low).amount <= litigation_fee(high).amount


@settings(max_examples=150, deadline=None)
@given(fee=cents, claimed=cents.filter(lambda x: x > 0), share=st.fractions(min_value=0, max_value=1))
def test_split_parts_sum_exactly_to_the_fee(fee: Decimal, claimed: Decimal, share) -> None:
    granted = (claimed * share.numerator / share.denominator).quantize(Decimal("0.01"))
    granted = min(granted, claimed)
    result = split_fee(fee, claimed, granted)
    assert result.details["plaintiff"] + result.details["defendant"] == fee
    assert result.details["plaintiff"] >= 0 and result.details["defendant"] >= 0


def test_fee_schedule_is_dated() -> None:
    from datetime import date

    assert litigation_fee(Decimal("50000"), on=date(2020, 1, 1)).amount == Decimal("1050.00")
    with pytest.raises(YaosuError, match="2007年4月1日"):
        litigation_fee(Decimal("50000"), on=date(2007, 3, 31))
    with pytest.raises(YaosuError, match="只核实到"):
        litigation_fee(Decimal("50000"), on=date(2099, 1, 1))

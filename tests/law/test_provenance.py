"""Every result records its calculator id and the dated figures it used, so a draft can be recomputed."""

import json
from datetime import date
from decimal import Decimal

from typer.testing import CliRunner

from engine.law.cli import calc_app
from engine.law.fee import litigation_fee
from engine.law.interest import interest_cap, private_lending_claim
from engine.law.late_performance import doubled_interest
from engine.law.parameters import lpr_1y
from engine.law.result import CalcResult, parameter_used


def tables(result: CalcResult) -> list[tuple[str, object, object]]:
    return [(p["table"], p["effective"], p["value"]) for p in result.parameters_used]


def test_interest_cap_records_the_lpr_it_used() -> None:
    # 民间借贷规定第二十五条: 4 × the LPR of 2020-08-20 (3.85%) for a contract of 2020-09-01.
    result = interest_cap(date(2020, 9, 1))
    assert result.calculator == "interest_cap.v1"
    assert ("lpr_1y", date(2020, 8, 20), Decimal("3.85")) in tables(result)
    lpr = next(p for p in result.parameters_used if p["table"] == "lpr_1y")
    assert lpr["status"] == "verified" and "LawsDatabase" in lpr["source"]


def test_claim_with_no_rates_records_the_lpr_of_the_time() -> None:
    # 第二十八条第二款第（一）项: overdue from 2022-01-01 at the LPR then in force (2021-12-20: 3.80%).
    result = private_lending_claim(
        Decimal(10000), date(2021, 6, 1), date(2021, 12, 31), date(2022, 1, 31), filing_date=date(2022, 2, 1)
    )
    assert ("lpr_1y", date(2021, 12, 20), Decimal("3.80")) in tables(result)


def test_doubled_interest_records_the_daily_rate() -> None:
    result = doubled_interest(Decimal(10000), date(2024, 3, 1), date(2024, 3, 10))
    assert ("late_performance_rate", date(2014, 8, 1), Decimal("1.75")) in tables(result)


def test_fee_records_the_schedule_and_the_reduction() -> None:
    result = litigation_fee(Decimal(50000), "simple")
    parts = {p["part"]: p for p in result.parameters_used if p["table"] == "litigation_fee"}
    assert set(parts) >= {"property", "simple"}
    assert parts["property"]["effective"] == date(2007, 4, 1)
    assert parts["simple"]["source"] == "《诉讼费用交纳办法》第十六条"


def test_record_keeps_each_figure_once_and_to_json_serialises_it() -> None:
    value = lpr_1y(date(2022, 1, 20))
    result = CalcResult(amount=Decimal(1), calculator="x.v1").record(value, value)
    result.record(parameter_used("t", Decimal("0.5"), "s", "verified"))
    assert len(result.parameters_used) == 2
    out = result.to_json()
    assert out["calculator"] == "x.v1"
    assert out["parameters_used"][0] == {
        "table": "lpr_1y",
        "effective": "2022-01-20",
        "value": "3.70",
        "source": value.source,
        "status": "verified",
    }
    json.dumps(out)  # JSON-safe


def test_cli_json_carries_provenance() -> None:
    result = CliRunner().invoke(
        calc_app, ["late", "--debt", "1000", "--start", "2024-01-01", "--end", "2024-01-10", "--json"]
    )
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert out["calculator"] == "doubled_interest.v1"
    assert out["parameters_used"][0]["table"] == "late_performance_rate"
    assert out["parameters_used"][0]["effective"] == "2014-08-01"


def test_a_recorded_calculator_id_finds_the_same_function() -> None:
    import pytest

    from engine.errors import YaosuError
    from engine.registry import calculator_by_id

    result = interest_cap(date(2021, 3, 1))
    again = calculator_by_id(result.calculator)(date(2021, 3, 1))
    assert again.amount == result.amount == Decimal("15.40")
    assert again.provenance() == result.provenance()
    assert result.provenance()["parameters_used"][0]["table"] == "lpr_1y"
    with pytest.raises(YaosuError, match="名称.v版本号"):
        calculator_by_id("interest_cap")

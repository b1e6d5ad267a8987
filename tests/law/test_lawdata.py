"""LawData: all law data loaded once from a parameters directory; check_parameters for yaosu check-data."""

import warnings
from dataclasses import FrozenInstanceError
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from engine.errors import YaosuError
from engine.law.fee import litigation_fee, split_fee
from engine.law.interest import interest_cap, private_lending_interest
from engine.law.late_performance import doubled_interest
from engine.law.lawdata import LawData, check_parameters, default_law
from engine.law.parameters import UnverifiedParameterWarning, load_yaml
from engine.paths import PARAMETERS_DIR
from tests.law._lawdata import law_dir


def edited(name: str, edit) -> dict:
    data = load_yaml(PARAMETERS_DIR / f"{name}.yaml")
    data = yaml.safe_load(yaml.safe_dump(_plain(data), allow_unicode=True))
    edit(data)
    return data


def _plain(value):
    # Decimals from the strict loader back to YAML-safe text.
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, Decimal):
        return float(value) if value != value.to_integral() else int(value)
    return value


def test_default_law_is_loaded_once_and_frozen() -> None:
    assert default_law() is default_law()
    with pytest.raises(FrozenInstanceError):
        default_law().path = Path("/")  # type: ignore[misc]
    with pytest.raises(TypeError):
        default_law().tables["x"] = None  # type: ignore[index]


def test_repository_parameters_have_no_problems() -> None:
    assert check_parameters(PARAMETERS_DIR) == []


def test_constants_are_dated_and_sourced() -> None:
    law = default_law()
    # FACTS §5.1: 2015 rules 24% to 2020-08-19; 4 × LPR from 2020-08-20.
    old = law.constant("protected_rate_percent", date(2020, 8, 19))
    assert old.value == Decimal(24) and old.status == "verified" and "§5.1" in old.source
    with pytest.raises(YaosuError, match="没有适用于2020-08-20的数值"):
        law.constant("protected_rate_percent", date(2020, 8, 20))
    assert law.constant("lpr_multiple", date(2020, 8, 20)).value == 4
    assert law.first_day("lpr_multiple") == date(2020, 8, 20)
    with warnings.catch_warnings():
        warnings.simplefilter("error", UnverifiedParameterWarning)  # a policy row does not warn
        assert law.constant("year_days").value == 365


def test_calculators_use_the_law_they_are_given(tmp_path: Path) -> None:
    # A LPR multiple of 5 instead of 4 (a made-up table, only to show the data is what is used):
    # contract 2021-03-01, LPR 2021-02-22 3.85% → cap 5 × 3.85% = 19.25%.
    def five(data: dict) -> None:
        data["constants"]["lpr_multiple"][0]["value"] = 5

    law = LawData.load(law_dir(tmp_path, private_lending=edited("private_lending", five)))
    assert interest_cap(date(2021, 3, 1), law=law).amount == Decimal("19.25")
    assert interest_cap(date(2021, 3, 1)).amount == Decimal("15.40")  # default law untouched
    # 100000 × 19.25% × 365 ÷ 365 = 19250.00
    result = private_lending_interest(
        Decimal(100000), date(2021, 3, 1), date(2022, 2, 28), Decimal(24), law=law
    )
    assert result.amount == Decimal("19250.00")


def test_year_days_policy_is_data(tmp_path: Path) -> None:
    def days360(data: dict) -> None:
        data["constants"]["year_days"][0]["value"] = 360

    law = LawData.load(law_dir(tmp_path, private_lending=edited("private_lending", days360)))
    # 36000 × 10% × 36 ÷ 360 = 360.00 (and the step says ÷ 360)
    result = private_lending_interest(
        Decimal(36000), date(2021, 3, 1), date(2021, 4, 5), Decimal(10), date(2021, 3, 1), law=law
    )
    assert result.amount == Decimal("360.00")
    assert "每年按360天" in result.steps[0]


def test_fee_and_late_interest_take_the_law(tmp_path: Path) -> None:
    def cheaper(data: dict) -> None:
        data["schedules"][date(2007, 4, 1)]["labor"]["per_case"] = 20

    def rate(data: dict) -> None:
        data["values"][date(2014, 8, 1)]["value"] = 2

    law = LawData.load(
        law_dir(
            tmp_path,
            litigation_fee=edited("litigation_fee", cheaper),
            late_performance=edited("late_performance", rate),
        )
    )
    assert litigation_fee(Decimal(0), kind="labor", law=law).amount == Decimal("20.00")
    # 10000 × 2/10000 × 10 days = 20.00
    assert doubled_interest(Decimal(10000), date(2024, 1, 1), date(2024, 1, 10), law=law).amount == Decimal(
        "20.00"
    )
    assert split_fee(Decimal(100), Decimal(10), Decimal(5), law=law).citations == [
        "《诉讼费用交纳办法》第二十九条"
    ]


def test_check_parameters_names_file_and_key(tmp_path: Path) -> None:
    def unknown_key(data: dict) -> None:
        data["values"][date(2019, 8, 20)]["valeu"] = 1

    def no_source(data: dict) -> None:
        data["constants"]["lpr_multiple"][0]["source"] = ""

    def wrong_type(data: dict) -> None:
        data["schedules"][date(2007, 4, 1)]["labor"]["per_case"] = "ten"

    directory = law_dir(
        tmp_path,
        lpr_1y=edited("lpr_1y", unknown_key),
        private_lending=edited("private_lending", no_source),
        litigation_fee=edited("litigation_fee", wrong_type),
    )
    problems = check_parameters(directory)
    assert any("lpr_1y.yaml" in p and "values.2019-08-20.valeu" in p and "未知的键" in p for p in problems)
    assert any("private_lending.yaml" in p and "constants.lpr_multiple.0.source" in p for p in problems)
    assert any("litigation_fee.yaml" in p and "labor.per_case" in p for p in problems)
    with pytest.raises(YaosuError, match="未知的键"):
        LawData.load(directory)


def test_check_parameters_checks_other_files_generically(tmp_path: Path) -> None:
    directory = law_dir(tmp_path)
    (directory / "extra.yaml").write_text("figures:\n  a: {value: 1, status: verified}\n", encoding="utf-8")
    (directory / "extra.csv").write_text("key,value,source,status\nx,1,,verified\n", encoding="utf-8")
    problems = check_parameters(directory)
    assert any("extra.yaml" in p and "figures.a" in p and "source" in p for p in problems)
    assert any("extra.csv" in p and "第2条" in p for p in problems)


def test_missing_directory_is_a_chinese_error(tmp_path: Path) -> None:
    with pytest.raises(YaosuError, match="参数目录不存在"):
        LawData.load(tmp_path / "nope")


def test_fee_sources_agree_with_the_citation_catalogue() -> None:
    law = default_law()
    sched = law.fees.schedules[-1]
    day = date(2024, 6, 1)
    assert sched.property_source == law.cite("fee_property", day).text
    assert sched.labor_source == law.cite("fee_labor", day).text
    assert sched.divorce_source == law.cite("fee_divorce", day).text
    assert sched.reductions["simple"] == law.cite("fee_simple_procedure", day).text
    assert sched.reductions["mediation"] == law.cite("fee_mediation_withdrawal", day).text
    assert sched.reductions["once_only"] == law.cite("fee_once_only", day).text


def test_schema_statuses_match_the_loader() -> None:
    from typing import get_args

    from engine.law.parameters import STATUSES
    from engine.law.schemas import Status

    assert set(get_args(Status)) == set(STATUSES)

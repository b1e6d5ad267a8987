import csv
import warnings
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from engine.errors import YaosuError
from engine.law.parameters import (
    UnverifiedParameterWarning,
    dated_table,
    load_yaml,
    lpr_1y,
    parse_brackets,
    parse_dated_table,
    read_keyed_csv,
)
from engine.paths import PARAMETERS_DIR, SHARED_DIR


def test_lpr_on_change_dates() -> None:
    assert lpr_1y(date(2020, 4, 19)).value == Decimal("4.05")
    assert lpr_1y(date(2020, 4, 20)).value == Decimal("3.85")
    assert lpr_1y(date(2020, 4, 20)).effective == date(2020, 4, 20)
    assert lpr_1y(date(2019, 10, 20)).effective == date(2019, 9, 20)  # 10-21 was the next working day
    assert lpr_1y(date(2025, 5, 20)).value == Decimal("3.00")
    assert lpr_1y(date(2025, 5, 20)).status == "verified"


def test_nothing_before_the_first_quotation() -> None:
    with pytest.raises(YaosuError, match="2019-08-20"):
        lpr_1y(date(2019, 8, 19))


def test_past_last_verified_is_an_error_unless_allowed() -> None:
    with pytest.raises(YaosuError, match="只核实到2026-04-20"):
        lpr_1y(date(2026, 5, 20), allow_unverified=False)
    with pytest.warns(UnverifiedParameterWarning) as record:
        value = lpr_1y(date(2026, 5, 20))
    messages = [str(w.message) for w in record]
    assert any("2026-04-20" in m for m in messages)  # past last_verified
    assert any("新闻报道" in m for m in messages)  # and a news-only row (FACTS §9.1)
    assert value.status == "news" and not value.verified


def test_verified_lookup_is_silent() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        lpr_1y(date(2025, 6, 19), allow_unverified=False)
        # The machine copy of the official series (FACTS §9.1) counts as checked: no warning.
        value = lpr_1y(date(2026, 4, 20), allow_unverified=False)
    assert value.value == Decimal("3.00") and value.status == "secondary" and value.verified


def test_unverified_row_warns_even_inside_last_verified(tmp_path: Path) -> None:
    table = parse_dated_table(
        {
            "name": "t",
            "title": "测试",
            "unit": "percent",
            "last_verified": date(2030, 1, 1),
            "values": {
                date(2020, 1, 1): {"value": 1, "source": "s"},
                date(2021, 1, 1): {"value": 2, "source": "s", "status": "unverified"},
            },
        },
        "t.yaml",
    )
    assert table.at(date(2020, 6, 1)).value == 1
    with pytest.warns(UnverifiedParameterWarning, match="未经核实"):
        assert table.at(date(2021, 6, 1)).value == 2


def test_null_ends_validity() -> None:
    table = parse_dated_table(
        {
            "name": "t",
            "title": "测试",
            "unit": "yuan",
            "last_verified": date(2030, 1, 1),
            "values": {
                date(2020, 1, 1): {"value": 5, "source": "s"},
                date(2022, 1, 1): {"value": None, "source": "废止"},
            },
        },
        "t.yaml",
    )
    assert table.at(date(2021, 12, 31)).value == 5
    with pytest.raises(YaosuError, match="失效"):
        table.at(date(2022, 1, 1))


def test_duplicate_dates_are_rejected(tmp_path: Path) -> None:
    path = tmp_path / "dup.yaml"
    path.write_text(
        "name: t\ntitle: t\nunit: x\nlast_verified: 2030-01-01\nvalues:\n"
        "  2020-01-01: {value: 1, source: a}\n  2020-01-01: {value: 2, source: b}\n",
        encoding="utf-8",
    )
    with pytest.raises(YaosuError, match="重复"):
        load_yaml(path)


def test_numbers_are_exact_decimals(tmp_path: Path) -> None:
    path = tmp_path / "n.yaml"
    path.write_text("a: 0.1\nb: 3.85\n", encoding="utf-8")
    data = load_yaml(path)
    assert data["a"] == Decimal("0.1") and data["b"] * 4 == Decimal("15.40")


def test_brackets_must_increase() -> None:
    ok = parse_brackets(
        [{"upper": 10, "fixed": 1}, {"upper": 20, "rate": 2}, {"upper": None, "rate": 1}], "t"
    )
    assert len(ok) == 3
    with pytest.raises(YaosuError, match="单调递增"):
        parse_brackets([{"upper": 20, "fixed": 1}, {"upper": 10, "rate": 2}, {"upper": None, "rate": 1}], "t")
    with pytest.raises(YaosuError, match="没有上限"):
        parse_brackets([{"upper": 20, "fixed": 1}, {"upper": 30, "rate": 2}], "t")
    with pytest.raises(YaosuError, match="有且只有一个"):
        parse_brackets([{"upper": None, "fixed": 1, "rate": 2}], "t")


def test_duplicate_csv_rows_are_rejected(tmp_path: Path) -> None:
    path = tmp_path / "s.csv"
    row = "shanghai,2024,urban_income,1,yuan_per_year,b,s,verified,\n"
    path.write_text(
        "province,use_year,figure,value,unit,basis,source,status,note\n" + row + row, encoding="utf-8"
    )
    with pytest.raises(YaosuError, match="键重复"):
        read_keyed_csv(path, ("province", "use_year", "figure"), "t", "t", date(2030, 1, 1))


def test_not_found_rows_carry_no_value(tmp_path: Path) -> None:
    path = tmp_path / "s.csv"
    path.write_text(
        "province,use_year,figure,value,unit,basis,source,status,note\n"
        "shanghai,2025,urban_income,1,yuan_per_year,b,s,not_found,\n",
        encoding="utf-8",
    )
    with pytest.raises(YaosuError, match="not_found"):
        read_keyed_csv(path, ("province", "use_year", "figure"), "t", "t", date(2030, 1, 1))


# How the shared CSV's statuses map onto the loader's (parameters/README.md, FACTS.md §9.1).
CSV_STATUS = {
    "verified": "verified",
    "verified_machine_copy": "secondary",
    "news_reports": "news",
    "news_reports_date_unsure": "news_date_unsure",
}


def _shared_lpr_csv() -> Path | None:
    # Worktrees sit one level deeper than the main checkout; look beside both.
    for base in (SHARED_DIR, SHARED_DIR.parent.parent / "shared"):
        path = base / "domain" / "lpr_1y_history.csv"
        if path.exists():
            return path
    return None


def test_lpr_table_matches_the_shared_history() -> None:
    source = _shared_lpr_csv()
    if source is None:
        pytest.skip("shared LPR history not present")
    table = dated_table("lpr_1y.yaml")
    entries = {e.start: e for e in table.entries}
    with source.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == len(entries) == 86
    for row in rows:
        entry = entries[date.fromisoformat(row["date"])]
        assert entry.value == Decimal(row["lpr_1y"])
        assert entry.status == CSV_STATUS[row["status"]], row["date"]
        assert entry.source


def test_lpr_statuses_follow_facts_9_1() -> None:
    # FACTS §5.4: source A verified to 2025-05-20; §9.1: machine copy of the official series through
    # 2026-04-20; later months are news-backed only.
    for entry in dated_table("lpr_1y.yaml").entries:
        if entry.start <= date(2025, 5, 20):
            assert entry.status == "verified", entry.start
        elif entry.start <= date(2026, 4, 20):
            assert entry.status == "secondary", entry.start
        else:
            assert entry.status in ("news", "news_date_unsure"), entry.start
    assert dated_table("lpr_1y.yaml").last_verified == date(2026, 4, 20)


def test_every_parameter_file_loads_and_every_value_has_a_source() -> None:
    for path in PARAMETERS_DIR.glob("*.yaml"):
        load_yaml(path)
    table = read_keyed_csv(
        PARAMETERS_DIR / "injury_standards.csv",
        ("province", "use_year", "figure"),
        "i",
        "i",
        date(2030, 1, 1),
    )
    assert all(row.source and row.basis for row in table.rows.values())
    assert table.get(("shanghai", "2024", "urban_income")).value == Decimal(89477)

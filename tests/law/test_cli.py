import json
import re

from typer.testing import CliRunner

from engine.law.cli import calc_app

runner = CliRunner()


def _json(args: list[str]) -> dict:
    result = runner.invoke(calc_app, [*args, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_fee_json_shape() -> None:
    out = _json(["fee", "--amount", "50000", "--procedure", "simple"])
    assert list(out)[:4] == ["fee", "full_fee", "halved", "brackets"]
    assert (out["fee"], out["full_fee"], out["halved"]) == ("525.00", "1050.00", True)
    assert out["citations"] and out["steps"]


def test_fee_repeated_procedure_halves_once() -> None:
    out = _json(["fee", "--amount", "50000", "--procedure", "simple", "--procedure", "mediation"])
    assert out["fee"] == "525.00"


def test_fee_human_output() -> None:
    result = runner.invoke(calc_app, ["fee", "--amount", "842914", "--procedure", "simple"])
    assert result.exit_code == 0
    assert "案件受理费：6,114.57元" in result.stdout and "第十三条" in result.stdout


def test_fee_labor_needs_no_amount() -> None:
    assert _json(["fee", "--kind", "labor"])["fee"] == "10.00"


def test_interest_json_shape() -> None:
    out = _json(
        [
            "interest",
            "--principal",
            "100000",
            "--start",
            "2020-01-01",
            "--end",
            "2020-12-31",
            "--rate",
            "24",
            "--contract-date",
            "2020-01-01",
            "--filing-date",
            "2021-03-01",
        ]
    )
    assert out["amount"] == "20908.49" and out["days"] == 366
    assert out["cap"] == "15.40" and out["capped"] is True
    assert [set(s) >= {"start", "end", "days", "rate", "amount", "rule"} for s in out["segments"]] == [
        True,
        True,
    ]
    assert out["segments"][0]["start"] == "2020-01-01" and out["segments"][1]["rate"] == "15.40"


def test_interest_with_due_date_and_repayment() -> None:
    out = _json(
        [
            "interest",
            "--principal",
            "100000",
            "--start",
            "2021-01-01",
            "--end",
            "2022-06-30",
            "--rate",
            "12",
            "--due-date",
            "2021-12-31",
            "--penalty-rate",
            "10",
            "--fees",
            "2000",
            "--costs",
            "500",
            "--repayment",
            "2021-06-30:10000",
            "--filing-date",
            "2022-07-01",
        ]
    )
    assert out["amount"] == "109650.95"


def test_unverified_lpr_is_reported() -> None:
    # 2026-06-22 is a news-only LPR row (FACTS §9.1), so the cap warns.
    result = runner.invoke(
        calc_app,
        [
            "interest",
            "--principal",
            "1000",
            "--start",
            "2026-07-01",
            "--end",
            "2026-12-31",
            "--rate",
            "20",
            "--json",
        ],
    )
    assert result.exit_code == 0
    out = json.loads(result.stdout)
    assert any("未经核实" in w or "未核实" in w for w in out["warnings"])
    assert "注意" in result.stderr


def test_missing_filing_date_exits_2() -> None:
    result = runner.invoke(
        calc_app,
        ["interest", "--principal", "1000", "--start", "2020-01-01", "--end", "2021-01-01", "--rate", "20"],
    )
    assert result.exit_code == 2 and "起诉日期" in result.stderr and result.stdout == ""


def test_injury_and_missing_figure() -> None:
    out = _json(
        ["injury", "disability", "--court", "qingpu", "--year", "2024", "--age", "61", "--grade", "10"]
    )
    assert out["amount"] == "170006.30"
    # Shanghai's 2026 figures are NOT FOUND (FACTS §9.2): a named error, not another year's figure.
    result = runner.invoke(
        calc_app,
        ["injury", "disability", "--court", "qingpu", "--year", "2026", "--age", "40", "--grade", "10"],
    )
    assert result.exit_code == 2 and "上海市2026年度" in result.stderr


def test_injury_dependants() -> None:
    out = _json(
        [
            "injury",
            "dependants",
            "--court",
            "wujiang",
            "--year",
            "2025",
            "--dependant",
            "10:2",
            "--dependant",
            "70:2",
        ]
    )
    assert out["amount"] == "379773.00"


def test_labor_commands() -> None:
    assert (
        _json(
            [
                "labor",
                "compensation",
                "--wage",
                "10000",
                "--start",
                "2018-03-01",
                "--end",
                "2023-08-31",
                "--court",
                "qingpu",
            ]
        )["amount"]
        == "60000.00"
    )
    assert (
        _json(["labor", "double-wage", "--wage", "6000", "--start", "2023-01-01", "--end", "2024-03-01"])[
            "amount"
        ]
        == "66000.00"
    )
    result = runner.invoke(
        calc_app,
        [
            "labor",
            "illegal",
            "--wage",
            "8000",
            "--start",
            "2020-01-01",
            "--end",
            "2024-05-01",
            "--court",
            "wujiang",
        ],
    )
    assert result.exit_code == 2 and "苏州市" in result.stderr


def test_late_command() -> None:
    assert (
        _json(["late", "--debt", "100000", "--start", "2024-01-01", "--end", "2024-12-31"])["amount"]
        == "6405.00"
    )


def test_bad_number_is_a_clean_error() -> None:
    result = runner.invoke(calc_app, ["fee", "--amount", "五万"])
    assert result.exit_code == 2 and "--amount" in result.stderr


def test_parameters_option_recomputes_with_another_directory(tmp_path) -> None:
    # The same late-interest question under a copy of parameters/ whose daily rate is 2/10000 instead of
    # 1.75 (a made-up edit): 10000 × 2/10000 × 10 days = 20.00 (vs 10000 × 1.75/10000 × 10 = 17.50).
    from tests.law._lawdata import law_dir

    directory = law_dir(tmp_path)
    path = directory / "late_performance.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("value: 1.75", "value: 2"), encoding="utf-8")
    args = ["late", "--debt", "10000", "--start", "2024-01-01", "--end", "2024-01-10", "--json"]
    default = json.loads(runner.invoke(calc_app, args).stdout)
    other = runner.invoke(calc_app, ["--parameters", str(directory), *args])
    assert other.exit_code == 0, other.output
    assert (default["amount"], json.loads(other.stdout)["amount"]) == ("17.50", "20.00")
    missing = runner.invoke(calc_app, ["--parameters", str(tmp_path / "nope"), *args])
    assert missing.exit_code == 2 and re.match(r"错误：\[E\d{3}\] 参数目录不存在", missing.stderr)


def test_month_only_contract_date_on_the_command_line() -> None:
    # 第二十五条, December 2021: lowest cap 4 × 3.80% = 15.20%; 36500 at 24% for 10 days → 15.20 × 10 = 152.00.
    result = runner.invoke(
        calc_app,
        [
            "interest",
            "--principal",
            "36500",
            "--start",
            "2022-01-01",
            "--end",
            "2022-01-10",
            "--rate",
            "24",
            "--contract-date",
            "2021-12",
            "--filing-date",
            "2022-03-01",
            "--json",
        ],
    )
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert out["amount"] == "152.00"
    assert any("只知为2021年12月" in w for w in out["warnings"])

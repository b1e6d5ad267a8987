"""`yaosu calc penalty` and the new `calc labor` options, end to end through typer."""

import json

from typer.testing import CliRunner

from engine.law.cli import calc_app

runner = CliRunner()
SALE = ["--outstanding", "100000", "--due-date", "2024-03-31", "--end", "2024-12-31"]


def _json(args: list[str]) -> dict:
    result = runner.invoke(calc_app, [*args, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_penalty_reduced_json() -> None:
    # Hand sums in tests/law/test_penalty.py: 13750.00 agreed, reduced to 3898.97 (LPR 3.45% × 1.5, 275 days).
    out = _json(["penalty", *SALE, "--rate", "日万分之五", "--adjusted", "LPR×1.5"])
    assert (out["amount"], out["agreed_amount"], out["threshold"]) == ("3898.97", "13750.00", "5068.66")
    assert out["calculator"] == "sale_penalty_reduction.v1"


def test_penalty_without_clause_and_bad_input() -> None:
    assert _json(["penalty", *SALE, "--multiple", "1.3"])["amount"] == "3379.11"
    bad = runner.invoke(calc_app, ["penalty", *SALE, "--multiple", "2"])
    assert bad.exit_code == 2 and "1.3至1.5" in bad.output
    early = runner.invoke(
        calc_app,
        [
            "penalty",
            "--outstanding",
            "1000",
            "--due-date",
            "2019-01-31",
            "--end",
            "2019-12-31",
            "--multiple",
            "1.5",
        ],
    )
    assert early.exit_code == 2 and "sale_penalty.yaml" in early.output


def test_deposit_choice() -> None:
    # 民法典第五百八十六条: 30000 on a 100000 price → 20000; 第五百八十八条: chosen penalty → 12000.
    out = _json(
        [
            "penalty",
            "deposit",
            "--deposit",
            "30000",
            "--penalty",
            "12000",
            "--price",
            "100000",
            "--chosen",
            "penalty",
        ]
    )
    assert out["amount"] == "12000.00" and out["deposit"] == "20000.00"


def test_labor_pre_2008_months_option() -> None:
    # 第九十七条第三款: 9000 × 16 + 9000 × 5 = 189000 (see test_labor_cases.py).
    args = [
        "labor",
        "compensation",
        "--wage",
        "9000",
        "--start",
        "2003-05-01",
        "--end",
        "2023-12-31",
        "--court",
        "qingpu",
    ]
    assert _json([*args, "--pre-2008-months", "5"])["amount"] == "189000.00"
    wrong = runner.invoke(calc_app, ["labor", "illegal", *args[2:], "--pre-2008-months", "5"])
    assert wrong.exit_code == 2 and "compensation" in wrong.output

"""`yaosu eval-real --perturb` end to end on a small team-written passage set (fictional parties, no real text)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from engine.extraction.cli import register

# LawBench-shaped items (a JSON list of {question}); the gold names them by source and index.
PASSAGES = [
    "原告张晓东诉称，2020年3月5日，被告李建平向原告借款50000元，约定2020年9月5日前归还。"
    "被告李建平辩称，借款属实。",
    "原告嘉善某某建材有限公司诉称，2019年7月1日，被告王丽华向原告借款120000元，至今未还。"
    "被告王丽华辩称，已归还。",
    # 王某 is the start of 王某某: the names rewrite must skip this passage, not cut the other name.
    "原告王某诉称，2021年1月8日，被告王某某向原告借款30000元。被告王某某辩称，没有借款。",
]
GOLD = [
    {"plaintiffs": [{"name": "张晓东"}], "defendants": [{"name": "李建平"}], "loan_amount": "50000.00",
     "delivery_date": "2020-03-05"},
    {"plaintiffs": [{"name": "嘉善某某建材有限公司"}], "defendants": [{"name": "王丽华"}], "loan_amount": "120000.00",
     "delivery_date": "2019-07-01"},
    {"plaintiffs": [{"name": "王某"}], "defendants": [{"name": "王某某"}], "loan_amount": "30000.00",
     "delivery_date": "2021-01-08"},
]


@pytest.fixture(scope="module")
def app() -> typer.Typer:
    application = typer.Typer()
    register(application)
    return application


@pytest.fixture()
def gold_set(tmp_path: Path) -> tuple[Path, Path]:
    realdata = tmp_path / "realdata"
    (realdata / "lawbench").mkdir(parents=True)
    items = [{"instruction": "", "question": "句子:" + text, "answer": ""} for text in PASSAGES]
    (realdata / "lawbench" / "team.json").write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
    gold = tmp_path / "team.gold.jsonl"
    lines = [{"source": "lawbench/team.json", "index": index, "part": "complaint", "elements": elements}
             for index, elements in enumerate(GOLD)]
    gold.write_text("\n".join(json.dumps(line, ensure_ascii=False) for line in lines), encoding="utf-8")
    return realdata, gold


def _run(app: typer.Typer, realdata: Path, gold: Path, *options: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["eval-real", "--realdata", str(realdata), "--gold", str(gold), *options])
    return result.exit_code, result.output


def test_perturbed_report_shows_both_scores_flips_and_skips(app: typer.Typer, gold_set: tuple[Path, Path]) -> None:
    realdata, gold = gold_set
    code, output = _run(app, realdata, gold, "--perturb", "names,amounts,dates", "--seed", "7", "--json")
    assert code == 0, output
    report = json.loads(output)
    assert report["files"] == 3
    # Every passage has figures and dates to rewrite; only the 王某 / 王某某 passage cannot take new names.
    assert report["perturbation"] == {"kinds": ["names", "amounts", "dates"], "seed": 7, "items": 3,
                                      "skipped": {"names": 1}}
    rows = report["robustness"]["complaints"]["per_element"]
    assert set(rows) == {"plaintiffs", "defendants", "loan_amount", "delivery_date"}
    # The rules read these plain shapes in every written form: all right before and after, nothing flipped.
    for eid, row in rows.items():
        assert (row["f1"], row["perturbed_f1"], row["broke"], row["fixed"]) == (1.0, 1.0, 0, 0), eid
    assert report["flips"] == []


def test_same_seed_same_report_and_the_table(app: typer.Typer, gold_set: tuple[Path, Path]) -> None:
    realdata, gold = gold_set
    first = _run(app, realdata, gold, "--perturb", "names", "--seed", "3")
    assert first == _run(app, realdata, gold, "--perturb", "names", "--seed", "3")
    code, table = first
    assert code == 0
    assert "扰动：names（seed 3）" in table and "未能改写而保持原样：names 1" in table
    assert "扰动后F1" in table and "对→错" in table and "defendants" in table


def test_unknown_kind_is_a_named_error(app: typer.Typer, gold_set: tuple[Path, Path]) -> None:
    realdata, gold = gold_set
    code, output = _run(app, realdata, gold, "--perturb", "names,shuffle")
    assert code == 2
    assert output.startswith("错误：") and "shuffle" in output and "names" in output

"""The scm_loan answers development set: ids and values only, its answer part cut from the whole judgment,
scored by the evaluator and validated by check_gold.py."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from engine.cli import app
from engine.extraction.realdata import (
    SCM_ANSWERS_DEV_GOLD,
    evaluate_cail2021,
    is_cail2021_gold,
    judgment_answer_part,
    read_jsonl,
)
from engine.system import default_system
from tests.extraction.realdata_source import realdata_with

DEFENCES = default_system().casetype("private_lending").package.blind_defence_elements
SOURCE = realdata_with("scm_loan")
CHECK = Path(__file__).resolve().parents[2] / "corpus" / "realdata_gold" / "check_gold.py"


def test_shapes() -> None:
    lines = read_jsonl(SCM_ANSWERS_DEV_GOLD)
    assert len(lines) == 67 and is_cail2021_gold(SCM_ANSWERS_DEV_GOLD)
    assert len({g["id"] for g in lines}) == len(lines)
    for gold in lines:
        assert set(gold) == {"source", "id", "role", "elements"} and gold["source"] == "scm_loan/docs.jsonl"
        assert set(gold["elements"]) <= set(DEFENCES)
    assert {eid for g in lines for eid in g["elements"]} == set(DEFENCES)


def test_the_answer_part_of_a_judgment_runs_from_the_first_defence_to_the_court() -> None:
    text = ("原告甲诉称，被告借款一万元未还。被告乙辩称，借款已经还清。被告丙未作答辩。"
            "原告为证明其主张提交借条一份。本院经审查认定事实如下：被告乙于某日借款一万元。")
    assert judgment_answer_part(text) == "被告乙辩称，借款已经还清。被告丙未作答辩。原告为证明其主张提交借条一份。"
    assert judgment_answer_part("原告甲诉称，被告借款未还。经审理查明，借款属实。") == ""
    # The court's findings written as 对本案主要事实作如下认定 / 事实认定如下 end the answer too.
    assert judgment_answer_part("被告辩称，没有借款。经庭审认证，对本案主要事实作如下认定：借款属实。") == (
        "被告辩称，没有借款。经庭审认证，对本案主要事实")


def test_check_gold_validates_answerread_jsonl(tmp_path: Path) -> None:
    bad = tmp_path / "bad.gold.jsonl"
    bad.write_text(json.dumps({"source": "scm_loan/docs.jsonl", "id": "scm_x", "role": "answer",
                               "elements": {"loan_denied": {"position": "admit", "value": True},
                                            "not_a_defence": {"position": "contest", "value": True}}}) + "\n",
                   encoding="utf-8")
    result = subprocess.run([sys.executable, str(CHECK), str(bad), "--source", str(tmp_path / "none.jsonl")],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 1
    assert "loan_denied: a raised defence" in result.stdout and "not_a_defence: not a defence" in result.stdout
    good = subprocess.run([sys.executable, str(CHECK), str(SCM_ANSWERS_DEV_GOLD)],
                          capture_output=True, text=True, check=False)
    assert good.returncode == 0, good.stdout


def test_a_missing_source_is_reported_not_crashed(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["eval-real", "--realdata", str(tmp_path), "--gold", str(SCM_ANSWERS_DEV_GOLD)])
    assert result.exit_code == 0 and "未找到真实文书数据" in result.output and "scm_loan" in result.output


@pytest.mark.skipif(not (SOURCE / "scm_loan" / "docs.jsonl").is_file(),
                    reason="../shared/realdata/scm_loan not present: the ids cannot be scored")
def test_the_evaluator_scores_scm_documents(tmp_path: Path) -> None:
    known = {doc["id"] for doc in read_jsonl(SOURCE / "scm_loan" / "docs.jsonl")}
    assert {g["id"] for g in read_jsonl(SCM_ANSWERS_DEV_GOLD)} <= known
    # scm_ade6051616's answer pleads 超过2年的诉讼时效 in so many words; gold also claiming 保证期间 costs one fn.
    item = {"source": "scm_loan/docs.jsonl", "id": "scm_ade6051616", "role": "answer",
            "elements": {"limitation": {"position": "contest", "value": True},
                         "guarantee_expired": {"position": "contest", "value": True}}}
    sample = tmp_path / "scm_answers_sample.gold.jsonl"
    sample.write_text(json.dumps(item, ensure_ascii=False) + "\n", encoding="utf-8")
    report = evaluate_cail2021(default_system(), "private_lending", SOURCE, sample)
    assert report["files"] == 1
    assert report["answers"]["per_element"]["limitation"]["tp"] == 1
    assert report["answers"]["per_element"]["guarantee_expired"]["fn"] == 1

"""Scoring complaints of the CAIL2019 要素识别 loan file (element_loan_dev, README): judgments as lists of
sentences, ids the 0-based line index, the complaint part cut before the answer. Team-written judgments in
the source's shape stand in for the real file, which holds no plain private loan (README)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from engine.errors import YaosuError
from engine.extraction.realdata import ELEMENT_SOURCE, element_judgments, evaluate_cail2021, is_cail2021_gold
from engine.paths import CORPUS_DIR
from engine.system import default_system

CHECKER = CORPUS_DIR / "realdata_gold" / "check_gold.py"
# A complaint, then an answer with other figures (30000, 2020-06-30) that must not be read as the complaint's.
LOAN = [
    {"sentence": "原告张三诉称：2019年3月1日，被告李四向原告借款50000元，约定2019年12月31日前归还。", "labels": ["LN2"]},
    {"sentence": "请求判令被告李四归还借款50000元。", "labels": []},
    {"sentence": "被告李四辩称：实际只借了30000元，约定2020年6月30日前归还。", "labels": []},
    {"sentence": "经审理查明：2019年3月1日，被告李四出具借条。", "labels": []},
]
COSTS_ONLY = [{"sentence": "案件受理费1050元，由被告负担。", "labels": []}]


def _realdata(tmp_path: Path, rows: list[Any]) -> Path:
    source = tmp_path / ELEMENT_SOURCE
    source.parent.mkdir(parents=True)
    source.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")
    return tmp_path


def _gold(tmp_path: Path, elements: dict[str, Any], index: str = "0") -> Path:
    line = {"source": ELEMENT_SOURCE, "id": index, "role": "complaint", "elements": elements, "unscored": []}
    path = tmp_path / "element_sample.gold.jsonl"
    path.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def test_judgments_are_joined_sentences_by_line_index(tmp_path: Path) -> None:
    texts = element_judgments(_realdata(tmp_path, [LOAN, COSTS_ONLY]))
    assert set(texts) == {"0", "1"}
    assert texts["1"] == "案件受理费1050元，由被告负担。"
    assert texts["0"].startswith("原告张三诉称：") and texts["0"].endswith("被告李四出具借条。")


def test_a_line_that_is_not_a_sentence_list_is_a_clear_error(tmp_path: Path) -> None:
    realdata = _realdata(tmp_path, [LOAN, {"sentence": "x"}])
    with pytest.raises(YaosuError, match="第 2 行") as caught:
        element_judgments(realdata)
    assert "loan.jsonl" in caught.value.shown


def test_the_complaint_part_is_scored_not_the_answer(tmp_path: Path) -> None:
    realdata = _realdata(tmp_path, [LOAN, COSTS_ONLY])
    gold = _gold(tmp_path, {"defendants": [{"name": "李四"}], "loan_amount": "50000.00", "term_end": "2019-12-31"})
    assert is_cail2021_gold(gold)
    report = evaluate_cail2021(default_system(), "private_lending", realdata, gold)
    per = report["complaints"]["per_element"]
    assert report["files"] == 1
    assert (per["loan_amount"]["tp"], per["term_end"]["tp"], per["defendants"]["tp"]) == (1, 1, 1)
    # The answer's figure as gold is a miss plus a false positive: it is not in the scored part.
    gold = _gold(tmp_path, {"loan_amount": "30000.00"})
    per = evaluate_cail2021(default_system(), "private_lending", realdata, gold)["complaints"]["per_element"]
    assert (per["loan_amount"]["tp"], per["loan_amount"]["fp"], per["loan_amount"]["fn"]) == (0, 1, 1)


def test_check_gold_knows_the_ids_of_the_source(tmp_path: Path) -> None:
    realdata = _realdata(tmp_path, [LOAN, COSTS_ONLY])
    source = realdata / ELEMENT_SOURCE
    elements = {"plaintiffs": [{"name": "张三"}], "defendants": [{"name": "李四"}]}
    done = subprocess.run([sys.executable, str(CHECKER), str(_gold(tmp_path, elements, "1")), "--source", str(source)],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout
    done = subprocess.run([sys.executable, str(CHECKER), str(_gold(tmp_path, elements, "2")), "--source", str(source)],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 1 and "id 2 not in" in done.stdout

"""The blind CAIL2021 gold: ids and values only, well-formed, and scored by the real evaluator."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

import pytest

from engine.extraction.realdata import CAIL2021_GOLD, evaluate_cail2021, read_jsonl
from engine.system import default_system
from tests.extraction.realdata_source import realdata_with

_PACKAGE = default_system().casetype("private_lending").package
CAIL2021_COMPLAINT_ELEMENTS = _PACKAGE.blind_complaint_elements
CAIL2021_DEFENCES = _PACKAGE.blind_defence_elements

SOURCE = realdata_with("cail2021_focus")
_MULTIPLIER = {"year": 1, "month": 12, "day": 360}


def test_sizes_and_shapes() -> None:
    lines = read_jsonl(CAIL2021_GOLD)
    complaints = [g for g in lines if g["role"] == "complaint"]
    answers = [g for g in lines if g["role"] == "answer"]
    assert len(complaints) >= 60 and len(answers) >= 40
    assert len({(g["id"], g["role"]) for g in lines}) == len(lines)
    for gold in complaints:
        assert re.fullmatch(r"[0-9A-F]{32}", gold["id"])
        assert set(gold["elements"]) <= set(CAIL2021_COMPLAINT_ELEMENTS), gold["id"]
        assert set(gold.get("unscored", [])) <= set(CAIL2021_COMPLAINT_ELEMENTS) - set(gold["elements"])
        for eid, value in gold["elements"].items():
            if eid in ("claim_principal", "loan_amount"):
                assert re.fullmatch(r"\d+\.\d{2}", value)
            elif eid in ("delivery_date", "term_end"):
                assert re.fullmatch(r"\d{4}(?:-\d{2}(?:-\d{2})?)?", value)
            elif eid == "interest_rate":
                # A raw phrase of a few characters, never a passage; the annual figure is the arithmetic.
                assert len(value["raw"]) <= 12
                annual = Decimal(value["percent"]) * _MULTIPLIER[value["period"]]
                assert Decimal(value["annual_percent"]) == annual.quantize(Decimal("0.01"))
            else:
                names = [p["name"] if isinstance(p, dict) else p for p in value]
                assert names and all(0 < len(name) <= 20 for name in names)
    for gold in answers:
        assert set(gold["elements"]) <= set(CAIL2021_DEFENCES)
        assert all(v == {"position": "contest", "value": True} for v in gold["elements"].values())


@pytest.mark.skipif(not (SOURCE / "cail2021_focus" / "train.json").is_file(),
                    reason="../shared/realdata/cail2021_focus not present: the ids cannot be checked or scored")
def test_ids_exist_and_the_evaluator_scores_them(tmp_path: Path) -> None:
    dataset = json.loads((SOURCE / "cail2021_focus" / "train.json").read_text(encoding="utf-8"))["dataset"]
    known = {doc["文书ID"] for doc in dataset}
    lines = read_jsonl(CAIL2021_GOLD)
    assert {g["id"] for g in lines} <= known
    # A two-line gold: one complaint with its claim, one answer raising nothing the extractor can miss.
    first = next(g for g in lines if g["role"] == "complaint" and "claim_principal" in g["elements"])
    sample = tmp_path / "cail2021_sample.gold.jsonl"
    wrong = {**first, "elements": {"claim_principal": "1.00"}, "unscored": list(CAIL2021_COMPLAINT_ELEMENTS[2:3])}
    sample.write_text(json.dumps(wrong, ensure_ascii=False) + "\n", encoding="utf-8")
    report = evaluate_cail2021(default_system(), "private_lending", SOURCE, sample)
    # claim_principal is unscored in this line, so a wrong gold figure costs nothing; the parties still count.
    assert report["files"] == 1
    assert "claim_principal" not in report["complaints"]["per_element"]
    right = {**first, "unscored": []}
    sample.write_text(json.dumps(right, ensure_ascii=False) + "\n", encoding="utf-8")
    report = evaluate_cail2021(default_system(), "private_lending", SOURCE, sample)
    assert report["complaints"]["per_element"]["claim_principal"]["tp"] == 1

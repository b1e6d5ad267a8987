"""`yaosu new` reads the answer with the complaint it replies to: a wife the complaint names denies the joint
debt (民法典第一千零六十四条) in words that name no marriage, and the merged case marks the defence raised. The
complaint is read once: the answer is given that reading (engine/extraction/api.py `extract_pleadings`)."""

from __future__ import annotations

from typing import Any

import pytest

from engine.case.new import new_case_from_texts
from engine.extraction import api, pipeline
from engine.extraction.api import extract_text
from engine.system import default_system

COMPLAINT = "原告张三诉称：被告李四向原告借款5万元，被告王芳系被告李四之妻，该债务系夫妻共同债务。\n"
ANSWER = "被告王芳辩称：对该笔借款不知情，请求驳回原告对我的诉讼请求。\n"


def test_the_answer_is_read_with_its_complaint() -> None:
    case = new_case_from_texts(default_system(), "private_lending", COMPLAINT, ANSWER)
    element = case["answer"]["elements"]["spouse_not_liable"]
    assert (element["position"], element["value"]) == ("contest", True)
    merged = case["elements"]["spouse_not_liable"]
    assert (merged["status"], merged["answer"]) == ("disputed", True)


def test_without_the_marriage_in_the_complaint_no_spouse_defence() -> None:
    complaint = "原告张三诉称：被告李四、王芳向原告借款5万元，请求判令二被告偿还。\n"
    case = new_case_from_texts(default_system(), "private_lending", complaint, ANSWER)
    assert "spouse_not_liable" not in case["answer"]["elements"]


SALE_COMPLAINT = ("原告：甲公司。被告：乙公司。诉讼请求：1.判令被告支付货款80000元；2.判令被告支付违约金5000元。"
                  "事实与理由：原告向被告供应钢材，被告至今未付货款。\n")
SALE_ANSWER = "被告乙公司辩称：原告的诉讼请求没有事实和法律依据，请求驳回。\n"


def test_the_complaint_is_read_once_and_the_answer_reads_the_same_as_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    # A general rejection contests the claims the complaint makes: the answer needs the complaint's reading.
    system = default_system()
    alone = extract_text(system, SALE_ANSWER, "sale_contract", "answer", SALE_COMPLAINT)
    assert alone["elements"]["claim_price"]["position"] == "contest"
    roles: list[str] = []
    real_analyse = pipeline.analyse

    def counting(*args: Any, **kwargs: Any) -> Any:
        roles.append(args[2])
        return real_analyse(*args, **kwargs)

    # The real pipeline runs; the wrapper only records which role each reading was of.
    monkeypatch.setattr(pipeline, "analyse", counting)
    monkeypatch.setattr(api, "analyse", counting)
    case = new_case_from_texts(system, "sale_contract", SALE_COMPLAINT, SALE_ANSWER)
    assert roles == ["complaint", "answer"]  # reading the answer did not read the complaint a second time
    assert case["answer"]["elements"] == alone["elements"]

"""`yaosu new` reads the answer with the complaint it replies to: a wife the complaint names denies the joint
debt (民法典第一千零六十四条) in words that name no marriage, and the merged case marks the defence raised."""

from __future__ import annotations

from engine.case.new import new_case_from_texts
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

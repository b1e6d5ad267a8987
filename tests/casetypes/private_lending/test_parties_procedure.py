"""Parties and procedure: co-borrowers, absent defendants (缺席判决), small claims (小额诉讼), the fee."""

from __future__ import annotations

import copy
from typing import Any

from tests.casetypes.private_lending._cases import draft, put

WANG = {"name": "王二", "kind": "natural", "gender": "男", "birth_date": None, "ethnicity": "汉族", "id_number": None,
        "address": "上海市青浦区某路5号", "legal_representative": None, "agents": []}


def _co_borrowers(case: dict[str, Any], mode: str | None) -> dict[str, Any]:
    defendants = copy.deepcopy(case["elements"]["defendants"]["complaint"]) + [WANG]
    case["elements"]["defendants"] = {"status": "agreed", "complaint": defendants, "answer": defendants,
                                      "answer_position": None}
    return put(case, borrowers=["李四", "王二"], co_borrower_liability=mode)


def test_co_borrowers_jointly_liable_say_so_in_every_order(decided_case: dict[str, Any]) -> None:
    """民法典第五百一十八条: a joint debt — each order names both borrowers and says 连带."""
    judgment = draft(_co_borrowers(decided_case, "joint"))
    money = [o for o in judgment.orders if "归还" in o or "支付" in o]
    assert money and all("被告李四、王二于本判决生效之日起十日内连带" in o for o in money)
    assert "被告李四、王二系共同借款人" in "".join(judgment.reasoning)
    assert "第五百一十八条" in judgment.basis
    assert any("被告李四、王二的上述第一、二、三项债务" in o for o in judgment.orders)


def test_co_borrowers_without_a_mode_are_flagged(decided_case: dict[str, Any]) -> None:
    judgment = draft(_co_borrowers(decided_case, None))
    assert "（责任方式待认定）归还原告张三借款本金" in judgment.orders[0]
    assert any("责任方式" in w for w in judgment.warnings)


def test_an_absent_defendant_is_named_and_default_judgment_cited(decided_case: dict[str, Any]) -> None:
    """民事诉讼法第一百四十七条 (2021、2023年文本, by the judgment date 2025-04-15): default judgment.
    Only 李四 answered; the company was absent and filed nothing."""
    case = decided_case
    case["elements"]["defendants"]["answer"] = [case["elements"]["defendants"]["complaint"][0]]
    case["meta"]["absent"] = ["苏州A&B贸易有限公司"]
    judgment = draft(case)
    assert "被告苏州A&B贸易有限公司经本院传票传唤，无正当理由拒不到庭参加诉讼，本院依法缺席审理。" in judgment.procedure
    assert "原告张三、被告李四到庭参加诉讼" in judgment.procedure
    assert judgment.defence[-1] == "被告苏州A&B贸易有限公司未到庭参加诉讼，亦未提交书面答辩意见。"
    assert not any("苏州A&B贸易有限公司" in p for p in judgment.defence[:-1])
    assert "《中华人民共和国民事诉讼法》第六十七条、第一百四十七条" in judgment.basis
    assert any("视为放弃答辩、举证和质证的权利，本院依法缺席判决" in r for r in judgment.reasoning)


def test_no_answer_means_no_defence_attributed(lending_case: dict[str, Any]) -> None:
    lending_case["answer"] = None
    for state in lending_case["elements"].values():
        state.update(answer=None, answer_position=None, status="complaint_only")
    judgment = draft(lending_case)
    assert judgment.defence == ["被告李四、苏州A&B贸易有限公司未作答辩。"]


def test_a_small_claim_is_final_and_checked_against_the_limit(decided_case: dict[str, Any]) -> None:
    """民事诉讼法第一百六十五条: 小额诉讼, 一审终审; limit 50% of the province's previous-year wage.
    Judgment 2025-04-15 in 上海 → the 2024 wage 12,434 × 12 = 149,208; × 50% = 74,604. The claim
    (100,000 principal + interest + 5,000) is above it: the drafter is warned. The fee is halved as in
    the simple procedure (诉讼费用交纳办法第十六条)."""
    decided_case["meta"]["procedure"] = "small_claims"
    decided_case["meta"]["preservation_fee"] = "1020.00"
    judgment = draft(decided_case)
    assert judgment.appeal_text == "本判决为终审判决。"
    assert "小额诉讼程序" in judgment.procedure
    assert "第一百六十五条" in judgment.basis
    assert any("超过小额诉讼上限74,604元" in w for w in judgment.warnings)
    assert "减半收取" in judgment.fee_text
    # The claims partly succeed: the defendants bear the 保全费 (诉讼费用交纳办法第二十九条), which the
    # applicant prepaid (the house phrase "（原告已预交）", FACTS.md §2.2).
    assert judgment.fee_text.endswith("财产保全费1,020元（原告已预交），由被告李四、苏州A&B贸易有限公司负担。")


def test_a_small_claim_limit_missing_is_named(decided_case: dict[str, Any]) -> None:
    decided_case["meta"]["procedure"] = "small_claims"
    judgment = draft(decided_case, "wujiang")
    assert any("small_claims_limits.yaml" in w and "provinces.jiangsu.years.2024" in w for w in judgment.warnings)

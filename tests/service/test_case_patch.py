"""apply_patch: pure, validated against the case schema, statuses recomputed on corrected values."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from engine.case.patch import PatchError, apply_patch
from engine.system import default_system

SYSTEM = default_system()


def _case() -> dict[str, Any]:
    return {
        "case_type": "private_lending",
        "table_version": "1",
        "court": None,
        "meta": {"procedure": "simple"},
        "elements": {
            "delivered_amount": {
                "status": "disputed",
                "complaint": "100000.00",
                "answer": "95000.00",
                "answer_position": "contest",
            },
        },
        "findings": {"guarantee_type": "joint"},
    }


def test_patch_returns_new_dict_and_leaves_the_old_one() -> None:
    case = _case()
    before = copy.deepcopy(case)
    result = apply_patch(SYSTEM, case, {"delivered_amount": "95000.00", "guarantee_type": None}, {"court": "jiashan"})
    assert case == before
    assert result["findings"] == {"delivered_amount": "95000.00"}
    assert result["court"] == "jiashan"


def test_edit_recomputes_status() -> None:
    result = apply_patch(SYSTEM, _case(), {}, {"elements": {"delivered_amount": {"complaint": "95000.00"}}})
    # The answer contests the element, so it stays disputed even with equal values; the value is kept.
    assert result["elements"]["delivered_amount"]["complaint"] == "95000.00"
    added = apply_patch(SYSTEM, _case(), {}, {"elements": {"loan_amount": {"complaint": "100000.00"}}})
    assert added["elements"]["loan_amount"]["status"] == "complaint_only"
    removed = apply_patch(SYSTEM, 
        _case(),
        {},
        {"elements": {"delivered_amount": {"complaint": None, "answer": None, "answer_position": None}}},
    )
    assert "delivered_amount" not in removed["elements"]


def test_meta_edit_merges() -> None:
    result = apply_patch(SYSTEM, _case(), {}, {"meta": {"judge": "王法官", "case_seq": 12}})
    assert result["meta"] == {"procedure": "simple", "judge": "王法官", "case_seq": 12}


@pytest.mark.parametrize(
    ("findings", "edits", "path", "words"),
    [
        ({"loan_amount": "五斤米"}, {}, "/findings/loan_amount", "约定借款金额"),
        ({"loan_amount": "-50000"}, {}, "/findings/loan_amount", "不能为负数"),
        ({"contract_date": "2021-02-31"}, {}, "/findings/contract_date", "不是日历上的日期"),
        ({"contract_date": "昨天"}, {}, "/findings/contract_date", "合同签订"),
        ({"contract_form": "napkin"}, {}, "/findings/contract_form", "借条"),
        ({"no_such": "1"}, {}, "/findings/no_such", "未知的要素"),
        ({}, {"court": "beijing"}, "/court", "未知的法院"),
        ({}, {"meta": {"procedure": "fast"}}, "/meta/procedure", "审理程序"),
        (
            {},
            {"elements": {"loan_amount": {"complaint": "abc"}}},
            "/elements/loan_amount/complaint",
            "原告主张",
        ),
        ({}, {"parties": {}}, "/parties", "不能修改"),
    ],
)
def test_bad_values_name_the_field_in_chinese(
    findings: dict[str, Any], edits: dict[str, Any], path: str, words: str
) -> None:
    with pytest.raises(PatchError) as info:
        apply_patch(SYSTEM, _case(), findings, edits)
    problem = info.value.problems[0]
    assert problem.path == path
    assert words in problem.message


@pytest.mark.parametrize(
    ("element", "typed", "stored"),
    [
        ("loan_amount", "95000", "95000.00"),
        ("loan_amount", "95,000.00", "95000.00"),
        ("loan_amount", "9.5万元", "95000.00"),
        ("loan_amount", "玖万伍仟元", "95000.00"),
        ("contract_date", "2021年6月1日", "2021-06-01"),
        ("contract_date", "2021.6.1", "2021-06-01"),
        ("contract_date", "二〇二一年六月一日", "2021-06-01"),
        ("costs_agreed", "是", True),
        ("contract_form", "借条", "iou"),
    ],
)
def test_what_a_judge_types_is_stored_normalised(element: str, typed: str, stored: Any) -> None:
    assert apply_patch(SYSTEM, _case(), {element: typed}, {})["findings"][element] == stored


def test_pleadings_share_the_version_and_a_bad_one_is_refused() -> None:
    from engine.case.patch import schema_problems

    casetype = SYSTEM.casetype("private_lending")
    pleading = {"role": "complaint", "text": "原告诉称……", "elements": {}}
    case = {**_case(), "complaint": pleading}
    assert schema_problems(casetype, case) == []
    # the next version shares the pleading: still valid, and a bad finding is still found
    assert apply_patch(SYSTEM, case, {"delivered_amount": "95000.00"}, {})["complaint"] is pleading
    with pytest.raises(PatchError):
        apply_patch(SYSTEM, case, {"loan_amount": "五斤米"}, {})
    bad = {"role": "plaintiff", "text": "", "elements": {}}
    problems = schema_problems(casetype, {**case, "answer": bad})
    assert problems and problems[0].path.startswith("/answer")
    assert schema_problems(casetype, {**case, "complaint": {**pleading, "elements": {"x": {"confidence": "high"}}}})

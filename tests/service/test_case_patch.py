"""apply_patch: pure, validated against the case schema, statuses recomputed on corrected values."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from engine.case.patch import PatchError, apply_patch


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
    result = apply_patch(case, {"delivered_amount": "95000.00", "guarantee_type": None}, {"court": "jiashan"})
    assert case == before
    assert result["findings"] == {"delivered_amount": "95000.00"}
    assert result["court"] == "jiashan"


def test_edit_recomputes_status() -> None:
    result = apply_patch(_case(), {}, {"elements": {"delivered_amount": {"complaint": "95000.00"}}})
    # The answer contests the element, so it stays disputed even with equal values; the value is kept.
    assert result["elements"]["delivered_amount"]["complaint"] == "95000.00"
    added = apply_patch(_case(), {}, {"elements": {"loan_amount": {"complaint": "100000.00"}}})
    assert added["elements"]["loan_amount"]["status"] == "complaint_only"
    removed = apply_patch(
        _case(),
        {},
        {"elements": {"delivered_amount": {"complaint": None, "answer": None, "answer_position": None}}},
    )
    assert "delivered_amount" not in removed["elements"]


def test_meta_edit_merges() -> None:
    result = apply_patch(_case(), {}, {"meta": {"judge": "王法官", "case_seq": 12}})
    assert result["meta"] == {"procedure": "simple", "judge": "王法官", "case_seq": 12}


@pytest.mark.parametrize(
    ("findings", "edits", "path", "words"),
    [
        ({"loan_amount": "5万"}, {}, "/findings/loan_amount", "约定借款金额"),
        ({"contract_date": "2021年3月5日"}, {}, "/findings/contract_date", "格式不正确"),
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
        apply_patch(_case(), findings, edits)
    problem = info.value.problems[0]
    assert problem.path == path
    assert words in problem.message


def test_pleadings_are_checked_once_and_a_bad_one_is_still_refused() -> None:
    from engine.case.patch import schema_problems

    pleading = {"role": "complaint", "text": "原告诉称……", "elements": {}}
    case = {**_case(), "complaint": pleading}
    assert schema_problems(case) == []
    # the next version shares the pleading: still valid, and a bad finding is still found
    assert apply_patch(case, {"delivered_amount": "95000.00"}, {})["complaint"] is pleading
    with pytest.raises(PatchError):
        apply_patch(case, {"loan_amount": "5万"}, {})
    # a pleading never checked is checked, even next to a checked one
    bad = {"role": "plaintiff", "text": "", "elements": {}}
    problems = schema_problems({**case, "answer": bad})
    assert problems and problems[0].path.startswith("/answer")
    assert schema_problems({**case, "complaint": {**pleading, "elements": {"x": {"confidence": "high"}}}})

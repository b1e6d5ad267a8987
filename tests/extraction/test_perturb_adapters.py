"""The real-data adapters of the case types read a traditional-character passage as its simplified form (the
metamorphic `traditional` rewrite found them reading evidence as written)."""

from __future__ import annotations

from typing import Any

import pytest

from engine.extraction.api import extract_text
from engine.extraction.evaluate import values_match
from engine.extraction.perturb import Perturbation
from engine.system import default_system

SYSTEM = default_system()

# Team-written passages, one per adapter rule that reads evidence words.
CASES = [
    # 违约金 claim is no interest claim; a term from a duration (借期一年) is not the gold's; 连带清偿 without
    # 保证 wording makes no guarantor.
    ("private_lending",
     "原告张晓东诉称：2020年1月1日，被告李建平向原告借款50000元，借期一年。被告王丽华对该借款承担连带清偿责任。"
     "诉讼请求：一、判令被告李建平归还借款50000元，并支付违约金（以50000元为基数，按日万分之五计算）；"
     "二、判令被告王丽华承担连带清偿责任。"),
    # The liability rows name the parties: as read (张晓东), the party list as written (張曉東).
    ("motor_vehicle_accident",
     "原告张晓东诉称：2021年5月6日，被告李建平驾驶苏E12345号小型轿车与原告张晓东驾驶的电动自行车发生碰撞，"
     "造成原告受伤。经交警部门认定，李建平负事故全部责任，张晓东无责任。诉讼请求：判令被告赔偿医疗费12000元。"),
]


def _adapted(case_type: str, text: str) -> dict[str, Any]:
    adapt = SYSTEM.casetype(case_type).package.real_conventions
    assert adapt is not None
    return adapt(extract_text(SYSTEM, text, case_type, "complaint"))["elements"]


@pytest.mark.parametrize(("case_type", "text"), CASES)
def test_the_adapters_read_traditional_text_as_simplified(case_type: str, text: str) -> None:
    (traditional,), _, _ = Perturbation(("traditional",), 0).apply("p", (text,), {}, {})
    assert traditional != text
    types = SYSTEM.casetype(case_type).types
    plain, rewritten = _adapted(case_type, text), _adapted(case_type, traditional)
    assert set(plain) == set(rewritten)
    for eid, element in plain.items():
        assert values_match(types.get(eid, "text"), element["value"], rewritten[eid]["value"]), eid

"""The traffic readers run in linear time on long claim lists: each figure finds its item word and its
sentence's start by bisection (a 470,000-character list of demands took 33 s when each figure scanned every
item word and looked for the missing 。 back to the start). Timed as in tests/extraction/test_linear_scans.py,
as a ratio to a plain scan."""

from __future__ import annotations

import pytest

from engine.extraction.api import extract_text
from engine.system import default_system
from tests.extraction.test_linear_scans import _assert_linear

SYSTEM = default_system()
UNITS = {
    "items": "判令被告赔偿医疗费5000元、误工费1000元；",
    "colon_parts": "医疗费：12000元、3000元，合计15000元；护理费（120元/天×30天）3600元；",
}


@pytest.mark.parametrize("unit", list(UNITS))
def test_traffic_claims_are_linear(unit: str) -> None:
    _assert_linear(lambda text: extract_text(SYSTEM, "诉讼请求：" + text, "motor_vehicle_accident", "complaint"),
                   UNITS[unit], 12_500)

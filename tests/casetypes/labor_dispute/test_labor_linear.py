"""The labour readers (facts.py, defences.py) run in linear time: each look for a mark around a mention stays
within a window, so a long text without sentence marks is not scanned once per mention (it was: a 480k-character
text took 10 s). Timed as in tests/extraction/test_linear_scans.py, as a ratio to a plain scan."""

from __future__ import annotations

import pytest

from engine.extraction.api import extract_text
from engine.system import default_system
from tests.extraction.test_linear_scans import _assert_linear

SYSTEM = default_system()
# Dates, wages, endings and signings with only commas between them: no sentence ends for the readers to find.
UNITS = {
    "facts": "2021年3月5日，原告于2021年3月5日入职，月工资5000元，被告将原告辞退，双方未签订书面劳动合同，",
    "answer": "原告系自动离职，本项请求没有依据，原告月工资实际为3000元，已超过仲裁时效，原告于2019年9月29日入职，",
}


@pytest.mark.parametrize("role", ["complaint", "answer"])
@pytest.mark.parametrize("unit", list(UNITS))
def test_labour_extraction_is_linear(role: str, unit: str) -> None:
    _assert_linear(lambda text: extract_text(SYSTEM, text, "labor_dispute", role), UNITS[unit], 12_500)

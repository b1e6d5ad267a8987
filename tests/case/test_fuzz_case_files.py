"""Property-based fuzzing of case files and rendering (hypothesis).

Invariant: a case that `validate_case` accepts renders to a .docx that python-docx reopens and
whose document.xml lxml parses; a case it refuses makes `ensure_valid` raise a YaosuError with a
Chinese message, and `yaosu draft` exit 2 with one `错误：` line and no output file.
"""

from __future__ import annotations

import copy
import io
import json
import re
import zipfile
from pathlib import Path
from typing import Any

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from typer.testing import CliRunner

from engine.case.validate import ensure_valid, validate_case
from engine.cli import app
from engine.drafting.build import build_judgment
from engine.drafting.render import render_judgment_docx, template_name
from engine.errors import YaosuError
from engine.system import default_system

SYSTEM = default_system()

DATA = Path(__file__).resolve().parents[1] / "drafting" / "data" / "case_private_lending.json"
BASE = json.loads(DATA.read_text(encoding="utf-8"))
BASE["findings"] = {"delivered_amount": "95000.00", "guarantee_type": "general"}
TABLE = SYSTEM.table("private_lending")
CHINESE = re.compile(r"[\u4e00-\u9fff]")

# Text over everything that has broken a docx or a parser: controls, surrogates, non-characters,
# bidi and zero-width characters, XML syntax, plus ordinary Chinese.
_nasty_chars = st.sampled_from(list("\x00\x08\x0b\x0c\x1f\x7f\x85\ud800\udfff\ufffe\uffff\u202e\u200b<>&\"'{}%\t\n"))
_text = st.text(alphabet=st.one_of(_nasty_chars, st.characters(codec="utf-8"), st.sampled_from("张三李四借款元年月日")),
                max_size=30)
_dates = st.builds(
    lambda y, m, d: f"{y:04d}-{m:02d}-{d:02d}",
    st.integers(1800, 2300), st.integers(0, 13), st.integers(0, 32),
) | st.builds(lambda y, m: f"{y:04d}-{m:02d}", st.integers(1800, 2300), st.integers(0, 13))
_money = st.builds(lambda n, c: f"{n}.{c:02d}", st.integers(-10**15, 10**15), st.integers(0, 99)) | st.sampled_from(
    ["1e999999999", "NaN", "-0.00", "0.001", "95000.00"]
)
_safe_text = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cc", "Cs")) | st.sampled_from(
    "张三李四借款元年月日<>&\u202e\u200b{}%"), min_size=1, max_size=20)
_numbers = st.integers(-(10**20), 10**20) | st.floats(allow_nan=True, allow_infinity=True)
_values = st.one_of(_text, _dates, _money, _numbers, st.none(), st.booleans(), st.lists(_text, max_size=3))


@st.composite
def mutated_cases(draw: st.DrawFn) -> dict[str, Any]:
    case = copy.deepcopy(BASE)
    for _ in range(draw(st.integers(1, 4))):
        where = draw(st.sampled_from(["finding", "meta", "party", "pleaded"]))
        if where == "finding":
            element_id = draw(st.sampled_from(TABLE.element_ids))
            element_type = TABLE.element(element_id).type
            element = TABLE.element(element_id)
            typed = {
                "money": _money,
                "date": _dates,
                "text": _safe_text,
                "bool": st.booleans(),
                "enum": st.sampled_from(list(element.options) or ["x"]),
                "name_list": st.lists(_safe_text, min_size=1, max_size=3),
                "party_list": st.lists(st.builds(lambda name: {"name": name, "kind": "natural"}, _safe_text),
                                       min_size=1, max_size=2),
            }.get(element_type, _values)
            # Mostly well-typed values (so that many cases are valid and get rendered), some anything.
            case["findings"][element_id] = draw(typed if draw(st.integers(0, 9)) < 7 else _values)
        elif where == "meta":
            key = draw(st.sampled_from(["judge", "clerk", "filing_date", "judgment_date", "case_seq", "case_year"]))
            case["meta"][key] = draw(st.one_of(_safe_text, _text, _dates, _numbers))
        elif where == "party":
            party = case["elements"]["defendants"]["complaint"][draw(st.integers(0, 1))]
            party[draw(st.sampled_from(["name", "address", "legal_representative"]))] = draw(_safe_text | _text)
        else:
            element_id, typed = draw(st.sampled_from([("loan_amount", _money), ("delivery_date", _dates)]))
            state = case["elements"][element_id]
            state["complaint"] = draw(typed if draw(st.booleans()) else _values)
    return case


def _docx_opens(data: bytes) -> None:
    docx.Document(io.BytesIO(data))
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        etree.fromstring(package.read("word/document.xml"))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_cases())
def test_valid_cases_render_and_invalid_ones_are_refused(case: dict[str, Any]) -> None:
    problems = validate_case(SYSTEM, case)
    if not problems:
        _docx_opens(render_judgment_docx(SYSTEM, build_judgment(SYSTEM, case, "qingpu"), template_name(SYSTEM, case)))
        return
    assert all(CHINESE.search(problem.message) for problem in problems), problems
    with pytest.raises(YaosuError) as refused:
        ensure_valid(SYSTEM, case)
    assert CHINESE.search(refused.value.message)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(mutated_cases())
def test_yaosu_draft_writes_an_openable_docx_or_nothing(tmp_path: Path, case: dict[str, Any]) -> None:
    case_path = tmp_path / "case.json"
    case_path.write_text(json.dumps(case), encoding="utf-8")
    out = tmp_path / "out.docx"
    out.unlink(missing_ok=True)
    result = CliRunner().invoke(app, ["draft", str(case_path), "--court", "wujiang", "-o", str(out)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    if result.exit_code == 0:
        _docx_opens(out.read_bytes())
    else:
        assert result.exit_code == 2
        assert result.stderr.startswith("错误：") and result.stderr.count("\n") == 1, result.stderr
        assert not out.exists()
        assert sorted(p.name for p in tmp_path.iterdir()) == ["case.json"]

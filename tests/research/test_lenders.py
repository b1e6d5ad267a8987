"""疑似职业放贷人: the same lender as plaintiff in ≥ N cases within M months, across the courts.

Threshold from parameters/professional_lender.yaml (5 cases in 24 months; 民间借贷规定第十三条第（三）项
is the rule the screen serves). Windows below are counted by hand from the filing dates.
"""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from engine.errors import YaosuError
from engine.research import calls
from engine.research.batch import INLINE, run_batch
from engine.research.lenders import (
    WARNING_PREFIX,
    PlaintiffCase,
    Threshold,
    load_threshold,
    suspected_lenders,
)
from tests.research.batch_inputs import COMPLAINTS, write_manifest

FIVE_IN_24 = Threshold(min_cases=5, window_months=24)
ID_A = "330421198203150019"
ID_B = "330421197711230026"


def _case(stem: str, court: str, filed: str, name: str = "钱多多", id_number: str | None = ID_A) -> PlaintiffCase:
    return PlaintiffCase(stem, court, filed, name, id_number)


def test_the_parameter_file_holds_the_default_screen() -> None:
    assert load_threshold() == FIVE_IN_24


def test_five_cases_in_24_months_across_three_courts_are_flagged() -> None:
    cases = [
        _case("k1", "qingpu", "2022-01-10"), _case("k2", "wujiang", "2022-06-01"),
        _case("k3", "jiashan", "2022-11-20"), _case("k4", "qingpu", "2023-05-05"),
        _case("k5", "jiashan", "2023-12-20"),  # 2022-01-10 → 2023-12-20: 23 months 10 days
        _case("other", "qingpu", "2022-03-01", name="孙小美", id_number=None),
    ]
    [lender] = suspected_lenders(cases, FIVE_IN_24)
    assert lender["name"] == "钱多多" and lender["id_number"] == "…0019"  # masked: last four digits
    assert lender["cases"] == ["k1", "k2", "k3", "k4", "k5"]
    assert lender["courts"] == ["jiashan", "qingpu", "wujiang"]


def test_cases_spread_wider_than_the_window_are_not_flagged() -> None:
    # Any 24-month window holds at most 4: 2021-09-01 … 2023-09-01 (exactly 24 months) holds
    # 2021-09-01, 2022-05-01, 2023-01-02, 2023-09-01; 2021-01-01 is 32 months before the last.
    dates = ["2021-01-01", "2021-09-01", "2022-05-01", "2023-01-02", "2023-09-01"]
    cases = [_case(f"s{i}", "wujiang", d) for i, d in enumerate(dates)]
    assert suspected_lenders(cases, FIVE_IN_24) == []
    # A sixth case inside the last window makes it five.
    flagged = suspected_lenders([*cases, _case("s5", "qingpu", "2022-08-08")], FIVE_IN_24)
    assert [x["cases"] for x in flagged] == [["s1", "s2", "s5", "s3", "s4"]]


def test_identity_by_id_number_and_by_normalised_name() -> None:
    # Same name, two ID numbers: two people with 3 and 2 cases, neither flagged.
    two_people = [_case(f"p{i}", "qingpu", f"2023-0{i + 1}-01", id_number=ID_A if i < 3 else ID_B) for i in range(5)]
    assert suspected_lenders(two_people, FIVE_IN_24) == []
    # One ID number given in 3 cases, the name alone (full-width brackets, a space) in 2: one lender.
    company = "嘉善（丰收）投资有限公司"
    mixed = [_case(f"m{i}", "jiashan", f"2023-0{i + 1}-01", name=company, id_number=ID_B) for i in range(3)]
    mixed += [_case("m3", "wujiang", "2023-05-01", name="嘉善(丰收)投资 有限公司", id_number=None),
              _case("m4", "qingpu", "2023-06-01", name=company, id_number=None)]
    [lender] = suspected_lenders(mixed, FIVE_IN_24)
    assert lender["name"] == company and len(lender["cases"]) == 5
    assert lender["courts"] == ["jiashan", "qingpu", "wujiang"]
    # Cases without a filing date cannot be placed in a window.
    undated = [_case(f"u{i}", "qingpu", None) for i in range(6)]
    assert suspected_lenders(undated, FIVE_IN_24) == []


@pytest.mark.skipif(not COMPLAINTS, reason="team corpus not present")
def test_batch_flags_the_lender_notes_the_cases_and_keeps_the_name_out_of_the_export(tmp_path: Path) -> None:
    template = (COMPLAINTS[0]).read_text(encoding="utf-8")  # pl_c_001: 原告张三 … 320509198001020317
    assert "张三" in template and "320509198001020317" in template
    source = tmp_path / "in"
    source.mkdir()
    rows = []
    courts = ["qingpu", "wujiang", "jiashan", "qingpu", "jiashan", "wujiang"]
    dates = ["2022-01-10", "2022-06-01", "2022-11-20", "2023-05-05", "2023-12-20", "2025-06-01"]
    for i, (court, filed) in enumerate(zip(courts, dates, strict=True)):
        text = template.replace("张三", "钱多多").replace("320509198001020317", ID_A)
        (source / f"loan{i}.txt").write_text(text, encoding="utf-8")
        rows.append([f"in/loan{i}.txt", "", court, filed, "private_lending"])
    rows.append([str(COMPLAINTS[1].resolve()), "", "qingpu", "2023-01-01", "private_lending"])
    out = tmp_path / "out"
    result = run_batch(write_manifest(tmp_path, rows), out, scheduler=INLINE)
    assert result.count("failed") == 0

    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["lenders"][0]["name"] == "钱多多"
    assert report["lenders"][0]["cases"] == ["loan0", "loan1", "loan2", "loan3", "loan4"]  # loan5 is 2025: outside
    assert report["lenders"][0]["courts"] == ["jiashan", "qingpu", "wujiang"]
    assert len(report["lenders"]) == 1
    assert ID_A not in (out / "report.json").read_text(encoding="utf-8")
    for i in range(6):
        case = calls.load_case(out / "cases" / f"loan{i}.json")
        notes = [w for w in case["complaint"]["warnings"] if w.startswith(WARNING_PREFIX)]
        assert bool(notes) == (i < 5)
        assert (out / "notes" / f"loan{i}.json").exists() == (i < 5)
        assert not [p for p in calls.problems(case) if not p[0].startswith("/elements/")]  # still a valid case file
    assert "第十三条第（三）项" in notes_text(out / "notes" / "loan0.json")

    exported = (out / "elements.csv").read_text(encoding="utf-8-sig")
    assert "钱多多" not in exported and ID_A not in exported
    parquet_cells = [str(v) for r in pq.read_table(out / "elements.parquet").to_pylist() for v in r.values()]
    assert not [c for c in parquet_cells if "钱多多" in c]
    # The same lender is one pseudonym across the six cases.
    plaintiffs = {r["complaint_value"] for r in pq.read_table(out / "elements.parquet").to_pylist()
                  if r["element"] == "plaintiffs"}
    assert '[{"kind": "natural", "name": "钱某1"}]' in plaintiffs and len(plaintiffs) == 2

    # A rerun (nothing changed) does not repeat the warning.
    run_batch(write_manifest(tmp_path, rows), out, scheduler=INLINE)
    case = calls.load_case(out / "cases" / "loan0.json")
    assert len([w for w in case["complaint"]["warnings"] if w.startswith(WARNING_PREFIX)]) == 1


def notes_text(path: Path) -> str:
    return "".join(json.loads(path.read_text(encoding="utf-8"))["notes"])


def test_a_threshold_without_its_source_is_refused(tmp_path: Path) -> None:
    from engine.errors import YaosuError

    bad = tmp_path / "professional_lender.yaml"
    bad.write_text("min_cases: {value: 5}\nwindow_months: {value: 24, status: unverified, source: x}\n", encoding="utf-8")
    with pytest.raises(YaosuError, match="min_cases 缺少 source"):
        load_threshold(bad)
    bad.write_text("min_cases: {value: 0, status: unverified, source: x}\n", encoding="utf-8")
    with pytest.raises(YaosuError, match="min_cases.value 应为正整数"):
        load_threshold(bad)


def test_the_lender_warning_reaches_the_draft_notes() -> None:
    """A batch's 疑似职业放贷人 warning, stored in the case file, is shown with every draft of the case."""
    import json as _json

    from engine.drafting.build import build_judgment
    from engine.system import default_system

    system = default_system()
    case = _json.loads((Path(__file__).parents[1] / "drafting" / "data" / "case_private_lending.json").read_text(
        encoding="utf-8"))
    case["findings"] = {"delivered_amount": "95000.00", "guarantee_type": "general"}
    warning = WARNING_PREFIX + "原告顾文杰在24个月内作为原告起诉5件"
    case["complaint"] = {**(case.get("complaint") or {"role": "complaint", "text": "", "elements": {}}),
                         "warnings": [warning]}
    for court in system.courts:
        assert warning in build_judgment(system, case, court).notes


def _flagged_manifest(tmp_path: Path) -> Path:
    template = (COMPLAINTS[0]).read_text(encoding="utf-8")
    (tmp_path / "in").mkdir()
    rows = []
    for i, filed in enumerate(["2022-01-10", "2022-06-01", "2022-11-20", "2023-05-05", "2023-12-20"]):
        (tmp_path / "in" / f"loan{i}.txt").write_text(template.replace("张三", "钱多多"), encoding="utf-8")
        rows.append([f"in/loan{i}.txt", "", "qingpu", filed, "private_lending"])
    return write_manifest(tmp_path, rows)


def test_a_note_that_cannot_be_written_is_a_chinese_error(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "notes").write_text("not a folder", encoding="utf-8")  # the notes cannot go under it
    with pytest.raises(YaosuError, match="无法写入.*notes"):
        run_batch(_flagged_manifest(tmp_path), out, scheduler=INLINE)

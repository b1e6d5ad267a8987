"""The divergence report: figures checked against the case files and by hand; the HTML opens in
a real headless Chromium with no network and shows its inline SVG charts."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from engine.research import calls
from tests.browser import launched_chromium
from tests.research.batch_inputs import COMPLAINTS

pytestmark = pytest.mark.skipif(not COMPLAINTS, reason="team corpus not present")


@pytest.fixture(scope="module")
def batch_out(corpus_batch: Path) -> Path:
    return corpus_batch


@pytest.fixture(scope="module")
def report(batch_out: Path) -> dict:
    return json.loads((batch_out / "report.json").read_text(encoding="utf-8"))


def test_counts_and_dispute_rates_match_the_case_files(batch_out: Path, report: dict) -> None:
    cases = [calls.load_case(p) for p in (batch_out / "cases").glob("*.json")]
    assert report["cases"] == len(cases) == len(COMPLAINTS) + 1  # and dup_c_007
    groups = {g["court"]: g for g in report["groups"]}
    assert set(groups) == {"qingpu", "wujiang", "jiashan"}
    for court, group in groups.items():
        mine = [c for c in cases if c["court"] == court]
        assert group["cases"] == len(mine)
        for element_id in ("claim_principal", "repaid_principal", "guarantee_type"):
            disputed = sum(c["elements"].get(element_id, {}).get("status") in ("disputed", "answer_only") for c in mine)
            assert group["dispute_rates"][element_id]["disputed"] == disputed
            assert group["dispute_rates"][element_id]["rate"] == round(disputed / len(mine), 4)


def test_the_cap_is_applied_to_a_rate_above_four_times_lpr(batch_out: Path, report: dict) -> None:
    # pl_c_001 (qingpu): 月息2分 = 2 % × 12 = 24.00 % a year, 借条 2021-03-05. 民间借贷规定第二十五条:
    # cap = 4 × one-year LPR at formation; LPR from 2020-04-20 to 2021-12-19 was 3.85 % → 4 × 3.85 = 15.40 %.
    state = json.loads((batch_out / "state" / "pl_c_001.json").read_text(encoding="utf-8"))
    assert state["court"] == "qingpu"
    for court in ("qingpu", "wujiang", "jiashan"):
        assert state["by_court"][court]["cap"] == "15.40"
        assert state["by_court"][court]["granted_rates"] == ["15.40"]
    qingpu = next(g for g in report["groups"] if g["court"] == "qingpu")
    assert qingpu["figures"]["capped_cases"] >= 1
    assert qingpu["figures"]["agreed_rate"]["max"] >= 24.0
    # The first rate of each order: pl_c_013 (a 2018 loan, filed 2023) is granted 24% to 2020-08-19 and
    # 4 × LPR at filing from 2020-08-20 (民间借贷规定第三十一条), so the highest first rate is the 2015 line.
    assert qingpu["figures"]["granted_rate"]["max"] <= 24.0


def test_compare_drafts_every_case_for_the_other_two_courts(report: dict) -> None:
    compare = report["compare"]
    assert compare["cases_compared"] == len(COMPLAINTS) + 1
    assert set(compare["pairs"]) == {f"{a}→{b}" for a in ("qingpu", "wujiang", "jiashan")
                                     for b in ("qingpu", "wujiang", "jiashan") if a != b}
    # The court's name, its case number prefix and the appeal court always differ.
    assert compare["differing_lines"]["min"] >= 3
    example = compare["line_examples"]["qingpu"]["lines"]
    assert example[0]["texts"] == {"qingpu": "上海市青浦区人民法院", "wujiang": "江苏省苏州市吴江区人民法院",
                                   "jiashan": "浙江省嘉善县人民法院"}
    assert any("上诉于浙江省嘉兴市中级人民法院" in item["texts"]["jiashan"] for item in example)
    # 民间借贷 law is national: the same case gives the same figures in every court.
    assert compare["cases_with_changes"] == 0
    assert report["divergence"] and all("by_court" in row for row in report["divergence"])


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    yield from launched_chromium()


@pytest.mark.browser
def test_report_html_opens_offline_with_its_charts(batch_out: Path, browser: object, tmp_path: Path) -> None:
    html = (batch_out / "report.html").read_text(encoding="utf-8")
    assert "<script" not in html and "http://" not in html.replace("http://www.w3.org/2000/svg", "")
    assert "https://" not in html
    context = browser.new_context(viewport={"width": 1200, "height": 900}, offline=True)  # type: ignore[attr-defined]
    page = context.new_page()
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on("pageerror", lambda error: errors.append(str(error)))
    url = (batch_out / "report.html").resolve().as_uri()
    page.goto(url)
    page.wait_for_load_state("load")
    charts = page.locator("svg.chart")
    assert charts.count() >= 6
    assert page.locator("svg.chart rect").count() > 20
    box = charts.first.bounding_box()
    assert box and box["width"] > 300 and box["height"] > 50
    assert "要素式审判批量分析报告" in page.inner_text("h1")
    shot = tmp_path / "report.png"
    page.screenshot(path=str(shot), full_page=True)
    context.close()
    assert shot.stat().st_size > 20_000
    assert requests == [url], requests
    assert not errors


def _record(stem: str, court: str, claimed: str, found: str | None) -> dict:
    return {
        "stem": stem, "court": court, "case_type": "private_lending", "status": "ready",
        "states": {"delivered_amount": "disputed", "loan_amount": "agreed"},
        "complaint": {"delivered_amount": claimed, "loan_amount": claimed},
        "findings": {"delivered_amount": found} if found else {},
        "values": {"delivered_amount": found or claimed, "loan_amount": claimed},
        "by_court": {}, "compare": {},
    }


def test_divergence_ranks_the_element_the_courts_decide_differently() -> None:
    from engine.research.report import build_report, render_html

    records = [
        # 青浦 finds less delivered than claimed in both its cases, 吴江 what was claimed in both:
        # departure rates 2/2 = 100 % and 0/2 = 0 %, a spread of 1.0; 嘉善 decided none.
        _record("a", "qingpu", "100000.00", "95000.00"), _record("b", "qingpu", "50000.00", "45000.00"),
        _record("c", "wujiang", "80000.00", "80000.00"), _record("d", "wujiang", "60000.00", "60000.00"),
        _record("e", "jiashan", "70000.00", None),
    ]
    report = build_report(records, [], {"min_cases": 5, "window_months": 24})
    top = report["divergence"][0]
    assert top["element"] == "delivered_amount" and top["finding_spread"] == 1.0
    assert top["by_court"]["qingpu"]["departure_rate"] == 1.0
    assert top["by_court"]["wujiang"]["departure_rate"] == 0.0
    assert top["by_court"]["jiashan"]["departure_rate"] is None and top["by_court"]["jiashan"]["disputed"] == 1
    assert [row["element"] for row in report["divergence"]] == ["delivered_amount"]  # loan_amount: never disputed
    money = {g["court"]: g["figures"]["money"]["delivered_amount"]["stats"] for g in report["groups"]}
    assert money["qingpu"]["median"] == 70000.0  # (95000 + 45000) / 2: the findings, not the claims
    assert "<svg" in render_html({**report, "generated_at": ""})


def test_every_case_file_passes_the_full_json_schema_check(batch_out: Path) -> None:
    """The batch checks cases with the strict pydantic gate; the full `yaosu validate` agrees."""
    from engine.case.validate import jsonschema_problems

    for path in (batch_out / "cases").glob("*.json"):
        case = calls.load_case(path)
        assert jsonschema_problems(calls.system().casetype(case["case_type"]), case) == [], path.name

"""The judges' form, second pass, in Debian's Chromium: what a judge types, refused values, the
unsaved marker, disputes first by keyboard, the 1366×768 and 1024×768 layouts (screenshots kept in
the test's tmp dir), printing (the PDF holds the judgment, not the app), /docs without a CDN."""

from __future__ import annotations

import io
import re
import unicodedata
import urllib.parse
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from service_procs import SAMPLE, Server, create_case

from tests.browser import launched_chromium

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    yield from launched_chromium()


@pytest.fixture
def case(server: Server, sample_pleadings: tuple[bytes, bytes]) -> dict[str, Any]:
    return create_case(server.base, sample_pleadings)


def _open(browser: Any, server: Server, case_id: str, width: int = 1600, height: int = 1000) -> Any:
    context = browser.new_context(viewport={"width": width, "height": height}, locale="en-US")
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.goto(f"{server.base}/#case={case_id}")
    page.wait_for_selector("body[data-ready='1']")
    page.wait_for_selector("#preview[data-version]", state="attached")
    return page


def _close(page: Any) -> None:
    errors = list(page.errors)
    page.context.close()
    assert not errors, errors


def _version(page: Any) -> int:
    return int(page.get_attribute("#case-version", "data-version"))


def _type(page: Any, element_id: str, text: str) -> None:
    selector = f"#row-{element_id} .finding-value"
    page.fill(selector, text)
    page.press(selector, "Tab")


def _saved(page: Any) -> None:
    page.wait_for_function("() => /已保存|没有改动|未保存/.test(document.getElementById('save-status').textContent)")


def _settle(page: Any, version: int) -> None:
    page.wait_for_selector(f"#case-version[data-version='{version}']")


def test_every_value_form_is_read_by_the_server_and_shown_back(browser: Any, server: Server, case: dict) -> None:
    page = _open(browser, server, case["id"])
    try:
        version = _version(page)
        # money: 9.5万元 → 95000.00; 玖万伍仟元 and 95000 are the same amount: no new version
        _type(page, "delivered_amount", "9.5万元")
        version += 1
        _settle(page, version)
        assert page.input_value("#row-delivered_amount .finding-value") == "95000.00"
        assert "95,000元" in page.inner_text("#stored-delivered_amount")  # as the judgment writes it
        for same in ("玖万伍仟元", "95000"):
            page.evaluate("document.getElementById('save-status').textContent = ''")
            _type(page, "delivered_amount", same)
            page.wait_for_selector("#save-status:has-text('没有改动')")
            assert _version(page) == version
            assert page.input_value("#row-delivered_amount .finding-value") == "95000.00"
        # dates in three forms
        for typed, stored in (("2021年6月1日", "2021-06-01"), ("2021.6.2", "2021-06-02"), ("二〇二一年六月三日", "2021-06-03")):
            _type(page, "contract_date", typed)
            version += 1
            _settle(page, version)
            assert page.input_value("#row-contract_date .finding-value") == stored
        # rates: the judge's words stay, the stored value says what they are per year
        _type(page, "interest_rate", "月息2分")
        version += 1
        _settle(page, version)
        assert page.input_value("#row-interest_rate .finding-value") == "月息2分"
        assert re.search(r"折合年利率24(\.00)?%", page.inner_text("#stored-interest_rate"))  # 2% a month × 12
        _type(page, "interest_rate", "15.4%")
        version += 1
        _settle(page, version)
        assert re.search(r"年利率15\.40?%", page.inner_text("#stored-interest_rate"))
        # 是/否
        _type(page, "interest_agreed", "否")
        version += 1
        _settle(page, version)
        assert page.input_value("#row-interest_agreed .finding-value") == "否"
        assert "True" not in page.inner_text("#table-pane") and "False" not in page.inner_text("#table-pane")
        # an enum is chosen by its label; the history says 一般保证, never the code
        page.select_option("#row-guarantee_type .finding-value", label="一般保证")
        version += 1
        _settle(page, version)
        page.click("#history summary")
        page.wait_for_selector("#history-list li")
        page.wait_for_function("() => document.getElementById('history-list').textContent.includes('一般保证')")
        history = page.inner_text("#history-list")
        for code in ("general", "joint", "until_paid", "True", "iou"):
            assert code not in history, code
        # the hint from the schema's x-hint is shown for the selected field
        page.click("#row-delivered_amount .label")
        assert "9.5万元" in page.inner_text("#hint-delivered_amount")
        assert page.get_attribute("#row-delivered_amount .finding-value", "pattern") is None
    finally:
        _close(page)


def test_a_refused_value_keeps_its_error_and_unsaved_mark_until_fixed(
    browser: Any, server: Server, case: dict
) -> None:
    page = _open(browser, server, case["id"])
    try:
        version = _version(page)
        page.fill("#row-contract_date .finding-value", "2021年2月30日")
        assert page.is_visible("#row-contract_date .unsaved-flag")  # typed, not yet stored
        assert page.is_visible("#unsaved-count")
        page.press("#row-contract_date .finding-value", "Tab")
        page.wait_for_selector("#msg-contract_date .err")
        refused = page.inner_text("#msg-contract_date")
        assert "合同签订" in refused and "2021年2月30日" in refused and "不是" in refused, refused  # the field's label
        assert _version(page) == version  # nothing stored
        assert page.is_visible("#row-contract_date .unsaved-flag")
        # Another field is saved: the refused one keeps its value, its error and its mark.
        _type(page, "delivered_amount", "9.6万元")
        version += 1
        _settle(page, version)
        assert page.input_value("#row-contract_date .finding-value") == "2021年2月30日"
        assert page.inner_text("#msg-contract_date") == refused
        assert page.is_visible("#row-contract_date .unsaved-flag")
        assert not page.is_visible("#row-delivered_amount .unsaved-flag")
        # A second bad value replaces the first error, it does not pile up.
        _type(page, "contract_date", "明年")
        page.wait_for_function(
            "() => !document.getElementById('msg-contract_date').textContent.includes('2月30日')"
        )
        assert page.locator("#msg-contract_date .err").count() == 1
        # Fixed: stored, error and mark gone.
        _type(page, "contract_date", "2021年2月28日")
        version += 1
        _settle(page, version)
        assert page.locator("#msg-contract_date .err").count() == 0
        assert not page.is_visible("#row-contract_date .unsaved-flag")
        assert page.is_hidden("#unsaved-count")
        assert page.input_value("#row-contract_date .finding-value") == "2021-02-28"
        # a bad case detail is refused next to its own field
        page.fill("#meta-judgment_date", "2021-13-01")
        page.press("#meta-judgment_date", "Tab")
        page.wait_for_selector("#msg-meta-judgment_date .err")
        assert "判决日期" in page.inner_text("#msg-meta-judgment_date")
        assert _version(page) == version
    finally:
        _close(page)


def test_disputes_first_filters_and_next_pending_by_keyboard(browser: Any, server: Server, case: dict) -> None:
    page = _open(browser, server, case["id"])
    try:
        rows = case["elements"]
        pending = case["pending"]
        assert pending, "the sample has open disputes"
        assert page.inner_text("#count-pending") == str(len(pending))
        assert page.inner_text("#count-disputed") == str(sum(r["status"] == "disputed" for r in rows.values()))
        one_side = sum(r["status"] in ("complaint_only", "answer_only") for r in rows.values())
        assert page.inner_text("#count-one-side") == str(one_side)
        # claims are decided by the orders: disputed, but never flagged 待认定
        for element_id, row in rows.items():
            if row["decided_by_orders"] and row["status"] == "disputed":
                assert page.locator(f"#row-{element_id} .pending-flag").count() == 0
                assert "由判决主文裁判" in page.inner_text(f"#row-{element_id}")

        page.click("#dispute-bar .filter[data-filter='pending']")
        shown = page.eval_on_selector_all("tr.element:not([hidden])", "rows => rows.map(r => r.dataset.element)")
        assert set(shown) == set(pending)
        page.click("#dispute-bar .filter[data-filter='disputed']")
        shown = page.eval_on_selector_all("tr.element:not([hidden])", "rows => rows.map(r => r.dataset.element)")
        assert set(shown) == {eid for eid, r in rows.items() if r["status"] == "disputed"}
        page.click("#dispute-bar .filter[data-filter='all']")
        assert page.locator("tr.element:not([hidden])").count() == len(rows)

        # Alt+N from anywhere: the first element waiting for a finding, its finding field focused.
        page.focus("#court-select")
        page.keyboard.press("Alt+N")
        focused = "() => document.activeElement.closest('tr') && document.activeElement.closest('tr').dataset.element"
        assert page.evaluate(focused) == pending[0]
        page.keyboard.press("Alt+N")
        assert page.evaluate(focused) == pending[1]
        page.keyboard.press("Alt+Shift+N")
        assert page.evaluate(focused) == pending[0]
        # the focus is visible: an outline is drawn on the focused control
        outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
        assert outline != "none"
        # ↑/↓ on a row's label walk through the rows shown, Enter goes to the finding
        page.click("#dispute-bar .filter[data-filter='disputed']")
        disputed = page.eval_on_selector_all("tr.element:not([hidden])", "rows => rows.map(r => r.dataset.element)")
        page.focus(f"#row-{disputed[0]} .label")
        page.keyboard.press("ArrowDown")
        assert page.evaluate(focused) == disputed[1]
        assert page.evaluate("document.activeElement.classList.contains('label')")
        page.keyboard.press("ArrowUp")
        assert page.evaluate(focused) == disputed[0]

        # Deciding one by keyboard: it leaves the count, and Alt+N goes on to the next.
        page.click("#dispute-bar .filter[data-filter='pending']")
        page.keyboard.press("Alt+N")
        first = page.evaluate(focused)
        assert first == pending[0]
        page.keyboard.type("9.5万元" if rows[first]["type"] == "money" else "一般保证")
        page.keyboard.press("Tab")
        page.wait_for_selector(f"#count-pending:text-is('{len(pending) - 1}')")
        page.keyboard.press("Alt+N")
        assert page.evaluate(focused) == [p for p in pending if p != first][0]
    finally:
        _close(page)


def _inside(page: Any, pane: str) -> int:
    """How many element rows are wholly visible inside the pane's scroll box."""
    return page.evaluate(
        """(pane) => {
          const box = document.querySelector(pane).getBoundingClientRect();
          return [...document.querySelectorAll('tr.element:not([hidden])')].filter((tr) => {
            const r = tr.getBoundingClientRect();
            return r.height > 0 && r.top >= box.top && r.bottom <= box.bottom;
          }).length;
        }""",
        pane,
    )


def test_layout_at_1366x768(browser: Any, server: Server, case: dict, tmp_path: Path) -> None:
    page = _open(browser, server, case["id"], 1366, 768)
    try:
        page.screenshot(path=str(tmp_path / "form-1366x768.png"))
        print(f"\nscreenshot: {tmp_path / 'form-1366x768.png'}")
        assert page.evaluate("document.documentElement.scrollWidth") <= 1366  # no sideways scrolling
        table = page.locator("#table-pane").bounding_box()
        preview = page.locator("#preview").bounding_box()
        assert table["width"] >= 600 and preview["width"] >= 380, (table, preview)
        assert _inside(page, "#table-pane") >= 4  # was 3 before the second pass
        # the case details are in plain view, each with its own label
        for key, label in (("filing_date", "立案日期"), ("judgment_date", "判决日期"), ("judge", "审判员"),
                           ("clerk", "书记员"), ("assistant", "法官助理")):
            assert page.is_visible(f"#meta-{key}"), key
            assert page.inner_text(f"label[for='meta-{key}']") == label
        # the disputed rows only: the table is short enough to see them at once
        page.click("#dispute-bar .filter[data-filter='disputed']")
        page.screenshot(path=str(tmp_path / "form-1366x768-disputed.png"))
        shown = page.locator("tr.element:not([hidden])").count()
        assert _inside(page, "#table-pane") >= min(shown, 4)
        # the pleading is a tab beside the preview
        page.click("#pane-tab-pleading")
        assert page.is_visible("#pleading-text") and page.is_hidden("#preview")
    finally:
        _close(page)


def test_layout_at_1024x768_panes_are_tabs(browser: Any, server: Server, case: dict, tmp_path: Path) -> None:
    page = _open(browser, server, case["id"], 1024, 768)
    try:
        page.screenshot(path=str(tmp_path / "form-1024x768-table.png"))
        assert page.evaluate("document.documentElement.scrollWidth") <= 1024
        assert page.is_visible("#pane-tabs")
        assert page.locator("#table-pane").bounding_box()["width"] >= 700
        assert page.is_hidden("#preview")
        page.click("#pane-tab-preview")
        page.screenshot(path=str(tmp_path / "form-1024x768-preview.png"))
        frame = page.locator("#preview").bounding_box()
        assert frame["width"] >= 700 and frame["height"] >= 300, frame
        # the judgment's lines are lines, not one character each
        width = page.frame_locator("#preview").locator("body").evaluate("b => b.clientWidth")
        assert width >= 600
        assert page.is_hidden("#table-pane")
        page.click("#pane-tab-pleading")
        assert page.is_visible("#pleading-text") and page.is_hidden("#preview")
        # Alt+N brings the table back with the dispute in it
        page.keyboard.press("Alt+N")
        assert page.is_visible("#table-pane")
    finally:
        _close(page)


def test_printing_prints_the_judgment_only(browser: Any, server: Server, case: dict, tmp_path: Path) -> None:
    pypdf = pytest.importorskip("pypdf")
    page = _open(browser, server, case["id"], 1366, 768)
    try:
        page.wait_for_function("() => document.getElementById('print-copy').textContent.length > 200")
        pdf = page.pdf(format="A4")
        (tmp_path / "printed.pdf").write_bytes(pdf)
        reader = pypdf.PdfReader(io.BytesIO(pdf))
        # NFKC: the PDF's CJK font maps some characters to radicals (⻘ for 青)
        text = unicodedata.normalize("NFKC", "".join(p.extract_text() for p in reader.pages))
        # and a few to the CJK Radicals Supplement, which NFKC leaves alone
        text = text.translate(str.maketrans("⻘⺠⻓⻅⻔⻛⻜", "青民长见门风飞")).replace(" ", "").replace("\n", "")
        assert "上海市青浦区人民法院" in text and "顾文杰" in text and "判决" in text
        for app_text in ("上传并抽取要素", "案件列表", "下一个待认定", "判决书预览", "诉状原文"):
            assert app_text not in text, app_text
        assert len(reader.pages) >= 1
    finally:
        _close(page)


def test_upload_asks_for_case_details_and_browser_messages_are_chinese(
    browser: Any, server: Server, sample_pleadings: tuple[bytes, bytes]
) -> None:
    context = browser.new_context(viewport={"width": 1600, "height": 1000}, locale="en-US")
    page = context.new_page()
    try:
        page.goto(server.base + "/")
        page.wait_for_selector("body[data-ready='1']")
        page.click("#new-case-submit")  # no complaint chosen: the browser's own check, in Chinese
        message = page.evaluate("document.getElementById('complaint-file').validationMessage")
        assert message == "请选择起诉状文件", message
        unique = sample_pleadings[0] + "\n（上传表单测试）".encode()
        page.set_input_files("#complaint-file", {"name": "起诉状.txt", "mimeType": "text/plain", "buffer": unique})
        page.fill("#new-case_number", "（2024）沪0118民初1234号")
        page.fill("#new-filing_date", "2024年3月5日")
        page.select_option("#new-procedure", "ordinary")
        page.fill("#new-judge", "周审判")
        page.fill("#new-clerk", "吴书记")
        page.fill("#new-assistant", "钱助理")
        page.fill("#new-judgment_date", "2024.6.1")
        page.fill("#new-absent", "沈建华")
        assert page.inner_text("label[for='new-filing_date'] .label-text") == "立案日期"
        assert page.inner_text("label[for='new-judgment_date'] .label-text") == "判决日期"
        page.click("#new-case-submit")
        page.wait_for_selector("#case-view:not([hidden])")
        page.wait_for_selector("#meta-filing_date")
        assert page.input_value("#meta-filing_date") == "2024-03-05"
        assert page.input_value("#meta-judgment_date") == "2024-06-01"
        assert page.input_value("#meta-case_year") == "2024" and page.input_value("#meta-case_seq") == "1234"
        assert page.input_value("#meta-judge") == "周审判" and page.input_value("#meta-assistant") == "钱助理"
        assert page.input_value("#meta-absent") == "沈建华"
        assert page.eval_on_selector("#meta-procedure", "s => s.selectedOptions[0].text") == "普通程序"
    finally:
        context.close()


def test_docs_render_from_this_server_only(browser: Any, server: Server) -> None:
    context = browser.new_context()
    page = context.new_page()
    hosts: set[str] = set()
    page.on("request", lambda request: hosts.add(urllib.parse.urlsplit(request.url).netloc))
    try:
        page.goto(server.base + "/docs")
        page.wait_for_selector(".swagger-ui .opblock", timeout=30_000)
        assert "/api/cases" in page.inner_text(".swagger-ui")
        assert hosts == {urllib.parse.urlsplit(server.base).netloc}, hosts
    finally:
        context.close()
    assert httpx.get(server.base + "/docs").status_code == 200
    assert (SAMPLE / "complaint.txt").exists()


def test_login_form_speaks_chinese_for_empty_fields(browser: Any, server: Server) -> None:
    context = browser.new_context(locale="en-US")
    page = context.new_page()
    try:
        page.goto(server.base + "/login")
        page.wait_for_selector("body[data-ready='1']")
        page.click("#login-submit")
        assert page.evaluate("document.getElementById('login-user').validationMessage") == "请填写用户名"
        page.fill("#login-user", "某人")
        page.click("#login-submit")
        assert page.evaluate("document.getElementById('login-password').validationMessage") == "请填写密码"
    finally:
        context.close()

"""The judge's form in a real headless Chromium (Debian's /usr/bin/chromium) driven by Playwright."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from service_procs import SAMPLE, Server, add_user, create_case, docx_text

from tests.browser import CHROMIUM, launched_chromium

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    yield from launched_chromium()


@pytest.fixture
def page(browser: object, server: Server) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1600, "height": 1000}, accept_downloads=True)  # type: ignore[attr-defined]
    page = context.new_page()
    errors: list[str] = []
    dialogs: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(server.base + "/")
    page.wait_for_selector("body[data-ready='1']")
    yield page
    context.close()
    assert not errors, errors
    assert not dialogs, f"a dialog opened: {dialogs}"


def _preview_text(page: object) -> str:
    return page.frame_locator("#preview").locator("body").inner_text()  # type: ignore[attr-defined, no-any-return]


def _wait_version(page: object, version: int) -> None:
    page.wait_for_selector(f"#case-version[data-version='{version}']")  # type: ignore[attr-defined]
    page.wait_for_selector(f"#preview[data-version='{version}']")  # type: ignore[attr-defined]


def test_upload_settle_a_dispute_preview_and_download(page: object, server: Server) -> None:
    if not (SAMPLE / "complaint.txt").exists():
        pytest.skip("样例诉状尚未就绪")
    page.fill("#user-name", "周法官")
    page.dispatch_event("#user-name", "change")
    # The sample is on the server already (other tests upload it too): the form says so and
    # offers the existing case or a new one.
    create_case(server.base, ((SAMPLE / "complaint.txt").read_bytes(), (SAMPLE / "answer.txt").read_bytes()))
    page.set_input_files("#complaint-file", str(SAMPLE / "complaint.txt"))
    page.set_input_files("#answer-file", str(SAMPLE / "answer.txt"))
    page.select_option("#new-court", "qingpu")
    page.click("#new-case-submit")
    page.wait_for_selector("#create-anyway")
    assert "已经上传过" in page.inner_text("#new-case-error")
    assert page.is_visible("#open-existing")
    page.click("#create-anyway")
    page.wait_for_selector("#case-view:not([hidden])")
    assert "顾文杰" in page.inner_text("#case-title")
    _wait_version(page, 1)

    case_id = page.evaluate("location.hash").split("=", 1)[1]
    view = httpx.get(f"{server.base}/api/cases/{case_id}").json()
    assert view["disputed"]
    # The table is built from the schema: one table per x-section, one row per element.
    assert page.locator("table.elements").count() == 4
    assert page.locator("tr.element").count() == len(view["elements"])
    for element_id in view["disputed"]:
        assert "disputed" in page.get_attribute(f"#row-{element_id}", "class")

    # Evidence: selecting a row highlights where its value was read in the pleading.
    with_evidence = next(eid for eid, row in view["elements"].items() if row["evidence"]["complaint"])
    page.click(f"#row-{with_evidence} .label")
    mark = page.locator("#pleading-text mark.active").first
    mark.wait_for()
    evidence = view["elements"][with_evidence]["evidence"]["complaint"][0]["text"]
    assert (
        mark.inner_text() in evidence
        or evidence in page.locator("#pleading-text mark.active").all_inner_texts()[0]
    )

    before = _preview_text(page)
    if "delivered_amount" in view["disputed"]:
        page.fill("#row-delivered_amount .finding-value", "95000.00")
        page.press("#row-delivered_amount .finding-value", "Tab")
        expected = "95,000"
    else:
        element_id = view["disputed"][0]
        side = "answer" if view["elements"][element_id]["answer"] is not None else "complaint"
        page.click(f"#row-{element_id} .adopt-{side}")
        expected = None
    _wait_version(page, 2)
    after = _preview_text(page)
    assert after != before
    if expected:
        assert expected in after
    # The save's answer leaves the pleadings out; the page keeps them and their evidence.
    evidence_counts = page.locator(".ev-count").count()
    page.click(f"#row-{with_evidence} .label")
    page.locator("#pleading-text mark.active").first.wait_for()
    # A finding typed the way a judge writes it, then cleared by the button (which rebuilds the
    # table from the saved version; clearing nothing would save nothing, so one is set first).
    page.fill("#row-loan_amount .finding-value", "10万元")
    page.press("#row-loan_amount .finding-value", "Tab")
    _wait_version(page, 3)
    assert page.input_value("#row-loan_amount .finding-value") == "100000.00"
    page.click("#row-loan_amount .label")  # a row's finding actions show once it is selected
    page.click("#row-loan_amount .clear-finding")
    _wait_version(page, 4)
    assert page.locator(".ev-count").count() == evidence_counts > 0
    page.click(f"#row-{with_evidence} .label")
    page.locator("#pleading-text mark.active").first.wait_for()

    # A bad value is refused with a Chinese message next to the field; nothing is saved.
    page.fill("#row-loan_amount .finding-value", "五斤米")
    page.press("#row-loan_amount .finding-value", "Tab")
    page.wait_for_selector("#msg-loan_amount .err")
    assert "约定借款金额" in page.inner_text("#msg-loan_amount")
    assert page.get_attribute("#case-version", "data-version") == "4"

    page.click("#history summary")
    page.wait_for_selector("#history-list li")
    assert "周法官" in page.inner_text("#history-list")

    with page.expect_download() as download_info:
        page.click("#download-docx")
    text = docx_text(Path(download_info.value.path()).read_bytes())
    assert "上海市青浦区人民法院" in text and "顾文杰" in text
    if expected:
        assert expected in text

    # Another court: the choice is saved (a new version) and the preview and download follow it.
    page.select_option("#court-select", "jiashan")
    _wait_version(page, 5)
    assert "浙江省嘉善县人民法院" in _preview_text(page)
    assert "court=jiashan" in page.get_attribute("#download-docx", "href")


def test_script_party_name_shows_literally(page: object, server: Server) -> None:
    if not (SAMPLE / "complaint.txt").exists():
        pytest.skip("样例诉状尚未就绪")
    evil = "<script>alert(1)</script>"
    files = {
        "complaint": ("complaint.txt", (SAMPLE / "complaint.txt").read_bytes(), "text/plain"),
        "answer": ("answer.txt", (SAMPLE / "answer.txt").read_bytes(), "text/plain"),
    }
    view = httpx.post(
        server.base + "/api/cases",
        files=files,
        data={"case_type": "private_lending", "court": "wujiang", "allow_duplicate": "true"},
        timeout=60,
    ).json()
    plaintiffs = view["elements"]["plaintiffs"]["complaint"]
    plaintiffs[0]["name"] = evil
    response = httpx.patch(
        f"{server.base}/api/cases/{view['id']}",
        json={
            "version": 1,
            "findings": {"plaintiffs": plaintiffs},
            "edits": {"elements": {"plaintiffs": {"complaint": plaintiffs}}},
        },
    )
    assert response.status_code == 200
    page.goto(f"{server.base}/#case={view['id']}")
    page.wait_for_selector("body[data-ready='1']")
    _wait_version(page, 2)
    assert evil in page.inner_text("#case-title")
    name_input = page.locator("#row-plaintiffs .complaint-value input").first
    assert name_input.input_value() == evil
    assert evil in _preview_text(page)
    page.wait_for_selector(f"#case-list li[data-id='{view['id']}']")  # the list is refreshed after the case opens
    assert evil in page.inner_text("#case-list")
    # nothing was parsed as markup anywhere on the page
    assert page.evaluate("document.querySelectorAll('script').length") == 1
    assert page.frame_locator("#preview").locator("script").count() == 0


def test_chromium_path_is_debian() -> None:
    if not CHROMIUM.exists():
        pytest.skip("没有 /usr/bin/chromium")
    assert os.access(CHROMIUM, os.X_OK)


@pytest.fixture(scope="module")
def accounts_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    url = f"sqlite:///{tmp_path_factory.mktemp('browser-auth') / 'yaosu.db'}"
    add_user(url, "周法官", "judge", BROWSER_PASSWORD, "qingpu")
    add_user(url, "钱助理", "assistant", BROWSER_PASSWORD, "qingpu")
    server = Server(url)
    yield server
    server.stop()


BROWSER_PASSWORD = "browser test password"


def _log_in(page: object, base: str, name: str, password: str) -> None:
    page.goto(base + "/")  # type: ignore[attr-defined]
    page.wait_for_url("**/login")  # type: ignore[attr-defined]
    page.wait_for_selector("body[data-ready='1']")  # type: ignore[attr-defined]
    page.fill("#login-user", name)  # type: ignore[attr-defined]
    page.fill("#login-password", password)  # type: ignore[attr-defined]
    page.click("#login-submit")  # type: ignore[attr-defined]


def test_log_in_work_on_a_case_and_log_out(browser: object, accounts_server: Server) -> None:
    if not (SAMPLE / "complaint.txt").exists():
        pytest.skip("样例诉状尚未就绪")
    base = accounts_server.base
    context = browser.new_context(viewport={"width": 1600, "height": 1000}, accept_downloads=True)  # type: ignore[attr-defined]
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        _log_in(page, base, "周法官", "wrong password!")
        page.wait_for_selector("#login-error:not(:empty)")
        assert "用户名或密码错误" in page.inner_text("#login-error")
        page.fill("#login-password", BROWSER_PASSWORD)
        page.click("#login-submit")
        page.wait_for_url(base + "/")
        page.wait_for_selector("body[data-ready='1']")
        assert "周法官" in page.inner_text("#account-name") and "法官" in page.inner_text("#account-name")
        assert page.is_hidden("#user-label")  # the account names who saves, not a text box
        cookies = {c["name"]: c for c in context.cookies()}
        assert cookies["yaosu_session"]["httpOnly"] and cookies["yaosu_session"]["sameSite"] == "Strict"
        assert page.evaluate("document.cookie") == ""  # invisible to script

        page.set_input_files("#complaint-file", str(SAMPLE / "complaint.txt"))
        page.set_input_files("#answer-file", str(SAMPLE / "answer.txt"))
        page.click("#new-case-submit")
        page.wait_for_selector("#case-view:not([hidden])")
        _wait_version(page, 1)
        page.fill("#row-delivered_amount .finding-value", "95000.00")
        page.press("#row-delivered_amount .finding-value", "Tab")
        _wait_version(page, 2)
        assert "95,000" in _preview_text(page)
        page.click("#history summary")
        page.wait_for_selector("#history-list li")
        assert "周法官" in page.inner_text("#history-list")
        with page.expect_download() as download_info:
            page.click("#download-docx")
        download = download_info.value
        assert "顾文杰" not in download.suggested_filename
        assert "顾文杰" in docx_text(Path(download.path()).read_bytes())
        case_url = page.url

        # An assistant of the same court opens the case, but the finding controls are disabled.
        other = browser.new_context()  # type: ignore[attr-defined]
        assistant = other.new_page()
        _log_in(assistant, base, "钱助理", BROWSER_PASSWORD)
        assistant.wait_for_url(base + "/")
        assistant.goto(case_url)
        assistant.wait_for_selector("body[data-ready='1']")
        _wait_version(assistant, 2)
        assert assistant.get_attribute("#row-loan_amount .finding-box", "disabled") is not None
        assert assistant.eval_on_selector("#row-loan_amount .finding-value", "el => el.matches(':disabled')")
        assert not assistant.eval_on_selector(
            "#row-loan_amount .complaint-value", "el => el.matches(':disabled')"
        )
        other.close()

        page.click("#logout")
        page.wait_for_url("**/login")
        assert page.request.get(base + "/api/cases").status == 401
        page.goto(base + "/")
        page.wait_for_url("**/login")
    finally:
        context.close()
    assert not errors, errors

"""The meta box in Chromium: choosing 调解 shows the terms box (one term per line) and the fee share, the
save stores them, and the preview becomes the 民事调解书; 撤诉申请日期 shows only for a withdrawal."""

from __future__ import annotations

from typing import Any

import pytest
from service_procs import Server, create_case
from test_service_webform_browser import _close, _open, _settle, _version, browser  # noqa: F401 - fixture

pytestmark = pytest.mark.browser


def test_mediation_chosen_in_the_form(browser: Any, server: Server, sample_pleadings: tuple[bytes, bytes]) -> None:  # noqa: F811
    case = create_case(server.base, sample_pleadings)
    page = _open(browser, server, case["id"])
    try:
        assert page.is_hidden("#meta-mediation_terms") and page.is_hidden("#meta-withdrawal_date")
        version = _version(page)
        page.select_option("#meta-outcome", "mediation")
        version += 1
        _settle(page, version)
        assert page.is_visible("#meta-mediation_terms") and page.is_hidden("#meta-withdrawal_date")
        page.fill("#meta-mediation_terms", "被告于2025年6月30日前支付原告90,000元\n双方再无其他争议、纠葛")
        page.press("#meta-mediation_fee_plaintiff_percent", "Tab")  # leave the textarea: change fires
        version += 1
        _settle(page, version)
        page.fill("#meta-mediation_fee_plaintiff_percent", "50")
        page.press("#meta-mediation_fee_plaintiff_percent", "Tab")
        version += 1
        _settle(page, version)
        page.wait_for_selector(f"#preview[data-version='{version}']", state="attached")
        preview = page.frame_locator("#preview").locator("body").inner_text()
        assert "民事调解书" in preview
        assert "一、被告于2025年6月30日前支付原告90,000元；" in preview
        assert "二、双方再无其他争议、纠葛。" in preview
        assert page.input_value("#meta-mediation_terms") == "被告于2025年6月30日前支付原告90,000元\n双方再无其他争议、纠葛"
        page.select_option("#meta-outcome", "withdrawal")
        version += 1
        _settle(page, version)
        assert page.is_visible("#meta-withdrawal_date") and page.is_hidden("#meta-mediation_terms")
    finally:
        _close(page)

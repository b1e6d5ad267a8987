"""GET /api/cases/{id}/draft?anonymise=true against a real server: the 裁判文书上网 edition."""

from __future__ import annotations

import re
from typing import Any

import httpx
from service_procs import Server, create_case, docx_text


def test_draft_route_returns_the_anonymised_docx(server: Server, sample_pleadings: tuple[bytes, bytes]) -> None:
    case: dict[str, Any] = create_case(server.base, sample_pleadings, court="wujiang")
    url = f"{server.base}/api/cases/{case['id']}/draft"
    normal = httpx.get(url, params={"format": "docx"}, timeout=60)
    published = httpx.get(url, params={"format": "docx", "anonymise": "true", "names": "true"}, timeout=60)
    assert normal.status_code == published.status_code == 200
    assert "顾文杰" in docx_text(normal.content)
    text = docx_text(published.content)
    assert "原告：顾某，男，1978年8月16日出生，汉族。" in text
    assert "苏州A&B贸易有限公司" in text
    for private in ("顾文杰", "沈建华", "城中东路158弄8号", "310229197808160313", "320509198004123557"):
        assert private not in text
    assert not re.search(r"(?<!\d)\d{17}[\dXx](?!\d)", text)
    # The file name never carries the parties' names in the published edition, even with names=true.
    disposition = published.headers["content-disposition"]
    assert "%E9%A1%BE" not in disposition and "-public" in disposition  # %E9%A1%BE = 顾
    preview = httpx.get(url, params={"anonymise": "true"}, timeout=60)
    assert preview.status_code == 200 and "顾某" in preview.text and "顾文杰" not in preview.text
    assert "顾文杰" in httpx.get(url, timeout=60).text  # the normal preview is not served from the other cache

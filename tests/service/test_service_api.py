"""The JSON API against a real server process (uvicorn on a free loopback port, temporary SQLite file)."""

from __future__ import annotations

import sys
import threading
import time
import urllib.parse
from pathlib import Path
from typing import Any

import httpx
import pytest
from service_procs import Server, create_case, docx_text, running_server

from engine.service.app import TOO_LARGE


@pytest.fixture
def case(server: Server, sample_pleadings: tuple[bytes, bytes]) -> dict[str, Any]:
    return create_case(server.base, sample_pleadings)


def _patch(server: Server, case_id: str, body: dict[str, Any], **headers: str) -> httpx.Response:
    return httpx.patch(f"{server.base}/api/cases/{case_id}", json=body, headers=headers, timeout=30)


def test_openapi_lists_the_api(server: Server) -> None:
    spec = httpx.get(server.base + "/openapi.json").json()
    for path in (
        "/api/extract",
        "/api/cases",
        "/api/cases/{case_id}",
        "/api/cases/{case_id}/history",
        "/api/cases/{case_id}/draft",
    ):
        assert path in spec["paths"], path
    assert "patch" in spec["paths"]["/api/cases/{case_id}"]
    assert "evidence" in spec["paths"]["/api/cases/{case_id}"]["patch"]["description"]


def test_schema_drives_the_form(server: Server) -> None:
    schema = httpx.get(server.base + "/api/schema/private_lending").json()
    assert [s["id"] for s in schema["x-sections"]] == ["parties", "claims", "facts", "defences"]
    assert httpx.get(server.base + "/api/schema/nope").status_code == 422


def test_extract_returns_spec_json_with_evidence(
    server: Server, sample_pleadings: tuple[bytes, bytes]
) -> None:
    complaint = sample_pleadings[0]
    response = httpx.post(
        server.base + "/api/extract",
        files={"file": ("complaint.txt", complaint, "text/plain")},
        data={"case_type": "private_lending", "role": "complaint"},
        timeout=60,
    )
    assert response.status_code == 200, response.text
    result = response.json()
    assert result["case_type"] == "private_lending" and result["role"] == "complaint"
    assert {"elements", "missing", "warnings"} <= set(result)
    text = complaint.decode("utf-8")
    spans = [ev for item in result["elements"].values() for ev in item.get("evidence", [])]
    assert spans, "extraction should point at the text"
    for ev in spans:
        assert text[ev["start"] : ev["end"]] == ev["text"]


def test_create_case_prefills_table_with_status_and_evidence(case: dict[str, Any]) -> None:
    assert case["id"] and case["version"] == 1
    assert case["court"] == "qingpu"
    assert case["saved_by"] == "测试法官"  # the server's --user
    assert case["disputed"], "the sample answer contests some elements"
    for element_id in case["disputed"]:
        assert case["elements"][element_id]["status"] == "disputed"
    complaint_text = case["case"]["complaint"]["text"]
    with_evidence = [row for row in case["elements"].values() if row["evidence"]["complaint"]]
    assert with_evidence
    for row in with_evidence:
        for ev in row["evidence"]["complaint"]:
            assert complaint_text[ev["start"] : ev["end"]] == ev["text"]
    assert "顾文杰" in case["title"]


def test_get_returns_the_saved_case(server: Server, case: dict[str, Any]) -> None:
    fetched = httpx.get(f"{server.base}/api/cases/{case['id']}").json()
    assert fetched["version"] == 1 and fetched["case"] == case["case"]
    listed = httpx.get(server.base + "/api/cases").json()
    assert case["id"] in [c["id"] for c in listed]


def test_finding_makes_new_version_and_history_records_who(server: Server, case: dict[str, Any]) -> None:
    element_id = case["disputed"][0]
    row = case["elements"][element_id]
    value = row["answer"] if row["answer"] is not None else row["complaint"]
    judge = urllib.parse.quote("李法官")
    response = _patch(
        server, case["id"], {"version": 1, "findings": {element_id: value}}, **{"X-Yaosu-User": judge}
    )
    assert response.status_code == 200, response.text
    updated = response.json()
    assert updated["version"] == 2
    assert updated["elements"][element_id]["finding"] == value
    assert element_id not in updated["pending"]
    # a save cannot change the pleadings: its answer leaves them and their evidence out ...
    assert "complaint" not in updated["case"] and "answer" not in updated["case"]
    assert all("evidence" not in row for row in updated["elements"].values())
    # ... and the full view still has them
    full = httpx.get(f"{server.base}/api/cases/{case['id']}").json()
    assert full["case"]["complaint"] == case["case"]["complaint"]
    assert full["elements"][element_id]["evidence"] == case["elements"][element_id]["evidence"]
    assert {k: v for k, v in full["case"].items() if k not in ("complaint", "answer")} == updated["case"]
    rows = {eid: {k: v for k, v in row.items() if k != "evidence"} for eid, row in full["elements"].items()}
    assert rows == updated["elements"]
    assert {k: v for k, v in full.items() if k not in ("case", "elements")} == {
        k: v for k, v in updated.items() if k not in ("case", "elements")
    }
    # the previous version is still there, unchanged
    old = httpx.get(f"{server.base}/api/cases/{case['id']}", params={"version": 1}).json()
    assert old["case"] == case["case"]
    history = httpx.get(f"{server.base}/api/cases/{case['id']}/history").json()
    assert [(h["version"], h["user"]) for h in history] == [(1, "测试法官"), (2, "李法官")]
    change = history[1]["changes"][0]
    assert change["path"] == f"/findings/{element_id}" and change["new"] == value and change["old"] is None
    assert "本院认定" in change["label"]
    assert history[1]["saved_at"]


def test_stale_version_gets_409_in_chinese(server: Server, case: dict[str, Any]) -> None:
    assert _patch(server, case["id"], {"version": 1, "edits": {"meta": {"judge": "甲"}}}).status_code == 200
    stale = _patch(server, case["id"], {"version": 1, "edits": {"meta": {"judge": "乙"}}})
    assert stale.status_code == 409
    assert stale.json()["detail"] == "案件已被他人修改（当前版本 2），请刷新后重试"
    latest = httpx.get(f"{server.base}/api/cases/{case['id']}").json()
    assert latest["case"]["meta"]["judge"] == "甲" and latest["version"] == 2


def test_concurrent_saves_on_one_version_exactly_one_wins(server: Server, case: dict[str, Any]) -> None:
    barrier = threading.Barrier(10)
    codes: list[int] = []

    def judge(n: int) -> None:
        barrier.wait()
        codes.append(
            _patch(server, case["id"], {"version": 1, "edits": {"meta": {"case_seq": n + 1}}}).status_code
        )

    threads = [threading.Thread(target=judge, args=(n,)) for n in range(10)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(codes) == [200] + [409] * 9
    assert len(httpx.get(f"{server.base}/api/cases/{case['id']}/history").json()) == 2


def test_bad_value_is_422_naming_the_field(server: Server, case: dict[str, Any]) -> None:
    response = _patch(server, case["id"], {"version": 1, "findings": {"contract_date": "2021-02-31"}})
    assert response.status_code == 422
    [problem] = response.json()["detail"]
    assert problem["path"] == "/findings/contract_date"
    assert "合同签订" in problem["message"] and "不是日历上的日期" in problem["message"]
    bad_court = _patch(server, case["id"], {"version": 1, "edits": {"court": "beijing"}})
    assert bad_court.status_code == 422 and "未知的法院" in bad_court.json()["detail"][0]["message"]
    assert _patch(server, case["id"], {"findings": {}}).status_code == 422  # no version
    assert httpx.get(f"{server.base}/api/cases/{case['id']}").json()["version"] == 1


def test_a_judge_types_money_and_dates_as_written(server: Server, case: dict[str, Any]) -> None:
    response = _patch(server, case["id"], {"version": 1, "findings": {"loan_amount": "五万元",
                                                                        "contract_date": "2021年6月1日"}})
    assert response.status_code == 200
    stored = httpx.get(f"{server.base}/api/cases/{case['id']}").json()
    assert stored["case"]["findings"]["loan_amount"] == "50000.00"
    assert stored["case"]["findings"]["contract_date"] == "2021-06-01"


def test_unknown_case_is_404(server: Server) -> None:
    for response in (
        httpx.get(server.base + "/api/cases/nope"),
        httpx.get(server.base + "/api/cases/nope/history"),
        httpx.get(server.base + "/api/cases/nope/draft", params={"court": "qingpu"}),
        _patch(server, "nope", {"version": 1, "findings": {}}),
    ):
        assert response.status_code == 404
        assert response.json()["detail"] == "案件不存在"


def test_preview_follows_the_finding_and_docx_per_court(server: Server, case: dict[str, Any]) -> None:
    url = f"{server.base}/api/cases/{case['id']}/draft"
    before = httpx.get(url, params={"court": "qingpu", "format": "html"})
    assert before.status_code == 200
    assert "text/html" in before.headers["content-type"]
    assert "上海市青浦区人民法院" in before.text
    assert "script-src" not in before.headers["content-security-policy"]  # no script may run in it
    updated = _patch(server, case["id"], {"version": 1, "findings": {"delivered_amount": "95000.00"}}).json()
    after = httpx.get(url, params={"court": "qingpu", "format": "html"})
    assert after.headers["x-yaosu-version"] == str(updated["version"])
    assert after.text != before.text and "95,000" in after.text
    for court, name, appeal in (
        ("qingpu", "上海市青浦区人民法院", "上海市第二中级人民法院"),
        ("wujiang", "江苏省苏州市吴江区人民法院", "江苏省苏州市中级人民法院"),
        ("jiashan", "浙江省嘉善县人民法院", "浙江省嘉兴市中级人民法院"),
    ):
        response = httpx.get(url, params={"court": court, "format": "docx"}, timeout=60)
        assert response.status_code == 200
        assert response.headers["content-disposition"].startswith("attachment;")
        text = docx_text(response.content)
        assert name in text and appeal in text
    assert httpx.get(url, params={"court": "beijing"}).status_code == 422


def test_script_party_name_is_data(server: Server, case: dict[str, Any]) -> None:
    evil = "<script>alert(1)</script>"
    plaintiffs = case["elements"]["plaintiffs"]["complaint"]
    plaintiffs[0]["name"] = evil
    response = _patch(
        server, case["id"], {"version": 1, "edits": {"elements": {"plaintiffs": {"complaint": plaintiffs}}}}
    )
    assert response.status_code == 200, response.text
    assert response.json()["elements"]["plaintiffs"]["complaint"][0]["name"] == evil
    html = httpx.get(f"{server.base}/api/cases/{case['id']}/draft", params={"court": "qingpu"}).text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert evil not in html
    docx_bytes = httpx.get(
        f"{server.base}/api/cases/{case['id']}/draft", params={"court": "qingpu", "format": "docx"}
    ).content
    assert evil in docx_text(docx_bytes)


def test_over_10_mb_is_413_in_chinese(server: Server) -> None:
    big = b"a" * (10 * 1024 * 1024 + 1)
    response = httpx.post(
        server.base + "/api/extract",
        files={"file": ("big.txt", big, "text/plain")},
        data={"role": "complaint"},
        timeout=60,
    )
    assert response.status_code == 413
    assert response.json()["detail"] == TOO_LARGE == "上传的文件超过 10 MB 的上限"
    huge = b"a" * (30 * 1024 * 1024)
    response = httpx.post(
        server.base + "/api/cases",
        files={"complaint": ("huge.txt", huge, "text/plain")},
        data={"case_type": "private_lending"},
        timeout=60,
    )
    assert response.status_code == 413 and response.json()["detail"] == TOO_LARGE


@pytest.mark.parametrize(
    "payload",
    [b"\x00\x01\x02\x03PK\x03\x04" * 100, bytes(range(128, 256)) * 20, b"", b"PK\x03\x04not really a docx"],
)
def test_bad_uploads_are_refused_in_chinese_never_500(server: Server, payload: bytes) -> None:
    for url, files, data in (
        ("/api/extract", {"file": ("bad.docx", payload, "application/octet-stream")}, {"role": "complaint"}),
        (
            "/api/cases",
            {"complaint": ("bad.docx", payload, "application/octet-stream")},
            {"case_type": "private_lending"},
        ),
    ):
        response = httpx.post(server.base + url, files=files, data=data, timeout=60)
        assert response.status_code in (400, 422), response.text
        detail = response.json()["detail"]
        message = detail if isinstance(detail, str) else detail[0]["message"]
        assert any("\u4e00" <= ch <= "\u9fff" for ch in message), message


def test_missing_fields_and_unknown_type_are_chinese_422(
    server: Server, sample_pleadings: tuple[bytes, bytes]
) -> None:
    response = httpx.post(server.base + "/api/cases", data={"case_type": "private_lending"})
    assert response.status_code == 422 and "缺少必填字段" in response.json()["detail"][0]["message"]
    response = httpx.post(
        server.base + "/api/cases",
        files={"complaint": ("c.txt", sample_pleadings[0])},
        data={"case_type": "no_such_type"},
    )
    assert response.status_code == 422 and "未知的案件类型" in response.json()["detail"][0]["message"]


def test_page_and_assets_are_local(server: Server) -> None:
    page = httpx.get(server.base + "/")
    assert page.status_code == 200 and "要素式审判" in page.text
    assert "script-src 'self'" in page.headers["content-security-policy"]
    for asset in ("/static/app.js", "/static/app.css", "/static/preview.css"):
        body = httpx.get(server.base + asset).text
        assert "http://" not in body and "https://" not in body and "cdn" not in body.lower(), asset
    assert "innerHTML" not in httpx.get(server.base + "/static/app.js").text


def test_yaosu_serve_command(tmp_path: Path) -> None:
    """The installed `yaosu serve` (engine/cli.py mounts engine/service/cli.py), two workers."""
    yaosu = Path(sys.executable).parent / "yaosu"
    if not yaosu.exists():
        pytest.skip("yaosu 命令未安装")
    with running_server(f"sqlite:///{tmp_path / 'cli.db'}", entry=[str(yaosu)], workers=2, user=None) as srv:
        assert httpx.get(srv.base + "/api/me").json() == {"user": "匿名用户"}
        assert httpx.get(srv.base + "/api/cases").json() == []
        # No Nagle stall on a kept-alive connection (uvicorn's own worker sockets left TCP_NODELAY
        # off, so every response waited ~40 ms for the client's delayed ACK): 20 requests take
        # a few ms each, not 40 ms each. The fastest of 20 is compared, so a busy machine cannot
        # fail it: with the stall no request is faster than the delayed ACK.
        with httpx.Client(base_url=srv.base) as client:
            client.get("/api/me")
            times = []
            for _ in range(20):
                began = time.perf_counter()
                client.get("/api/me")
                times.append(time.perf_counter() - began)
            assert min(times) < 0.03


def test_draft_needs_a_court(server: Server, sample_pleadings: tuple[bytes, bytes]) -> None:
    case = create_case(server.base, sample_pleadings, court=None)
    response = httpx.get(f"{server.base}/api/cases/{case['id']}/draft")
    assert response.status_code == 422 and response.json()["detail"][0]["message"] == "请先选择法院"
    chosen = _patch(server, case["id"], {"version": 1, "edits": {"court": "wujiang"}})
    assert chosen.status_code == 200 and chosen.json()["court"] == "wujiang"
    assert "江苏省苏州市吴江区人民法院" in httpx.get(f"{server.base}/api/cases/{case['id']}/draft").text


def test_an_uploaded_scan_says_it_was_read_by_ocr(server: Server, sample_pleadings: tuple[bytes, bytes]) -> None:
    """What reading the file noted (a scan read by OCR, its confidence) reaches the judge through the form,
    as it does through `yaosu new`: in /api/extract's warnings and in the created case's complaint."""
    from tests.scans import scanned_png

    scan = scanned_png()
    extracted = httpx.post(server.base + "/api/extract", files={"file": ("scan.png", scan, "image/png")},
                           data={"case_type": "private_lending"}, timeout=180)
    assert extracted.status_code == 200, extracted.text
    assert any("OCR" in w for w in extracted.json()["warnings"]), extracted.json()["warnings"]
    created = httpx.post(server.base + "/api/cases",
                         files={"complaint": ("scan.png", scan, "image/png"),
                                "answer": ("answer.txt", sample_pleadings[1], "text/plain")},
                         data={"case_type": "private_lending", "allow_duplicate": "true", "court": "qingpu"},
                         timeout=180)
    assert created.status_code == 201, created.text
    warnings = created.json()["case"]["complaint"]["warnings"]
    assert any("OCR" in w for w in warnings), warnings
    assert not any("OCR" in w for w in created.json()["case"]["answer"]["warnings"])

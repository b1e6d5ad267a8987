"""The API behind the judges' form, second pass: case details at upload, what a judge types,
no-op saves, duplicate uploads, labels in the history, /docs without a CDN."""

from __future__ import annotations

import re
from typing import Any

import httpx
import pytest
from service_procs import Server, create_case

from engine.service.intake import parse_case_number


def _files(pleadings: tuple[bytes, bytes]) -> dict[str, Any]:
    return {
        "complaint": ("complaint.txt", pleadings[0], "text/plain"),
        "answer": ("answer.txt", pleadings[1], "text/plain"),
    }


def _patch(server: Server, case_id: str, body: dict[str, Any]) -> httpx.Response:
    return httpx.patch(f"{server.base}/api/cases/{case_id}", json=body, timeout=30)


def _versions(server: Server, case_id: str) -> list[int]:
    return [h["version"] for h in httpx.get(f"{server.base}/api/cases/{case_id}/history").json()]


def test_a_save_that_changes_nothing_makes_no_version(
    server: Server, sample_pleadings: tuple[bytes, bytes]
) -> None:
    case = create_case(server.base, sample_pleadings)
    first = _patch(server, case["id"], {"version": 1, "findings": {"delivered_amount": "9.5万元"}})
    assert first.status_code == 200 and first.json()["version"] == 2
    # The same amount in another form is the same stored value: nothing to save.
    for typed in ("95000", "95,000.00元", "玖万伍仟元"):
        again = _patch(server, case["id"], {"version": 2, "findings": {"delivered_amount": typed}})
        assert again.status_code == 200, again.text
        assert again.json()["version"] == 2 and again.json()["unchanged"] is True
    same_meta = _patch(server, case["id"], {"version": 2, "edits": {"meta": {"procedure": "simple"}}})
    assert same_meta.json()["version"] == 2
    assert _versions(server, case["id"]) == [1, 2]
    # A no-op on a stale version is still a conflict: the judge's view is out of date.
    _patch(server, case["id"], {"version": 2, "edits": {"meta": {"judge": "张三"}}})
    stale = _patch(server, case["id"], {"version": 2, "findings": {"delivered_amount": "95000"}})
    assert stale.status_code == 409
    assert _versions(server, case["id"]) == [1, 2, 3]


def test_the_same_complaint_twice_is_refused_with_the_existing_case(
    server: Server, sample_pleadings: tuple[bytes, bytes]
) -> None:
    # A complaint of its own (the session server holds other uploads of the sample).
    complaint = sample_pleadings[0] + "\n（本测试专用副本）".encode()
    files = {"complaint": ("complaint.txt", complaint, "text/plain")}
    data = {"case_type": "private_lending", "court": "qingpu"}
    made = httpx.post(server.base + "/api/cases", files=files, data=data, timeout=60)
    assert made.status_code == 201, made.text
    # The same text again, re-saved with other line breaks and as GBK: the same complaint.
    again_text = complaint.decode("utf-8").replace("\n", "\r\n\r\n").encode("gb18030")
    again = httpx.post(
        server.base + "/api/cases",
        files={"complaint": ("again.txt", again_text, "text/plain")},
        data=data,
        timeout=60,
    )
    assert again.status_code == 409, again.text
    body = again.json()
    assert body["existing_case"] == made.json()["id"]
    assert "已经上传过" in body["detail"] and "顾文杰" in body["existing_title"]
    count = len(httpx.get(server.base + "/api/cases").json())
    forced = httpx.post(
        server.base + "/api/cases", files=files, data={**data, "allow_duplicate": "true"}, timeout=60
    )
    assert forced.status_code == 201 and forced.json()["id"] != made.json()["id"]
    assert len(httpx.get(server.base + "/api/cases").json()) == count + 1


def test_case_details_at_upload_are_normalised(server: Server, sample_pleadings: tuple[bytes, bytes]) -> None:
    data = {
        "case_type": "private_lending",
        "court": "wujiang",
        "allow_duplicate": "true",
        "filing_date": "二〇二四年三月五日",
        "case_number": "（2024）苏0509民初1234号",
        "procedure": "ordinary",
        "judge": "周审判",
        "clerk": "吴书记",
        "assistant": "钱助理",
        "judgment_date": "2024.6.1",
        "absent": "甲公司、乙",
    }
    made = httpx.post(server.base + "/api/cases", files=_files(sample_pleadings), data=data, timeout=60)
    assert made.status_code == 201, made.text
    meta = made.json()["case"]["meta"]
    assert meta["filing_date"] == "2024-03-05" and meta["judgment_date"] == "2024-06-01"
    assert (meta["case_year"], meta["case_seq"]) == (2024, 1234)
    assert meta["procedure"] == "ordinary" and meta["assistant"] == "钱助理"
    assert meta["absent"] == ["甲公司", "乙"]

    count = len(httpx.get(server.base + "/api/cases").json())
    bad = httpx.post(
        server.base + "/api/cases",
        files=_files(sample_pleadings),
        data={**data, "filing_date": "2024年2月30日"},
        timeout=60,
    )
    assert bad.status_code == 422
    assert "立案日期" in bad.json()["detail"][0]["message"]
    assert bad.json()["detail"][0]["path"] == "/meta/filing_date"
    assert len(httpx.get(server.base + "/api/cases").json()) == count  # nothing stored


@pytest.mark.parametrize(
    ("text", "expected"),
    [("（2024）沪0118民初1234号", (2024, 1234)), ("(2023)浙0421民初56号", (2023, 56)), ("（2025）苏0509民初7", (2025, 7))],
)
def test_full_case_numbers_are_read(text: str, expected: tuple[int, int]) -> None:
    assert parse_case_number(text) == expected


def test_meta_and_pleaded_values_typed_in_a_save(server: Server, sample_pleadings: tuple[bytes, bytes]) -> None:
    case = create_case(server.base, sample_pleadings)
    saved = _patch(
        server,
        case["id"],
        {
            "version": 1,
            "edits": {
                "meta": {"filing_date": "2021年6月1日", "case_number": "（2021）沪0118民初88号"},
                "elements": {"loan_amount": {"complaint": "9.5万元"}},
            },
        },
    )
    assert saved.status_code == 200, saved.text
    view = saved.json()
    assert view["case"]["meta"]["filing_date"] == "2021-06-01"
    assert (view["case"]["meta"]["case_year"], view["case"]["meta"]["case_seq"]) == (2021, 88)
    assert view["elements"]["loan_amount"]["complaint"] == "95000.00"
    bad = _patch(server, case["id"], {"version": 2, "edits": {"meta": {"judgment_date": "2021-13-01"}}})
    assert bad.status_code == 422 and "判决日期" in bad.json()["detail"][0]["message"]


def test_history_and_rows_carry_labels_not_codes(server: Server, sample_pleadings: tuple[bytes, bytes]) -> None:
    case = create_case(server.base, sample_pleadings)
    saved = _patch(
        server,
        case["id"],
        {"version": 1, "findings": {"guarantee_type": "一般保证", "contract_form": "iou", "interest_agreed": "是"}},
    )
    assert saved.status_code == 200, saved.text
    rows = saved.json()["elements"]
    assert rows["guarantee_type"]["finding"] == "general"
    assert rows["guarantee_type"]["finding_text"] == "一般保证"
    assert rows["contract_form"]["finding_text"] == "借条"
    assert rows["interest_agreed"]["finding_text"] == "是"
    history = httpx.get(f"{server.base}/api/cases/{case['id']}/history").json()
    shown = [(c["label"], c["new_text"]) for c in history[-1]["changes"]]
    assert ("保证方式（本院认定）", "一般保证") in shown or any(t == "一般保证" for _, t in shown)
    assert any(t == "借条" for _, t in shown) and any(t == "是" for _, t in shown)
    for _label, text in shown:
        assert not re.search(r"\b(general|iou|True|joint)\b", text), text


def test_summary_counts_and_orders_decided_claims(server: Server, sample_pleadings: tuple[bytes, bytes]) -> None:
    case = create_case(server.base, sample_pleadings)
    rows = case["elements"]
    summary = case["summary"]
    assert summary["disputed"] == sum(1 for r in rows.values() if r["status"] == "disputed")
    assert summary["one_side"] == sum(1 for r in rows.values() if r["status"] in ("complaint_only", "answer_only"))
    # claims are decided by the orders: never counted as waiting for a finding
    for element_id in case["pending"]:
        assert not rows[element_id]["decided_by_orders"]
    assert summary["pending"] == len(case["pending"])


def test_docs_are_served_without_a_cdn(server: Server) -> None:
    page = httpx.get(server.base + "/docs")
    assert page.status_code == 200
    sources = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert sources and all(s.startswith("/") and not s.startswith("//") for s in sources), sources
    for source in sources:
        assert httpx.get(server.base + source).status_code == 200, source


def test_history_saved_before_labels_were_recorded_gets_them_when_read() -> None:
    from engine.service.changes import with_labels

    old = {"path": "/findings/guarantee_type", "label": "保证方式（本院认定）", "old": None, "new": "joint"}
    assert with_labels("private_lending", old)["new_text"] == "连带责任保证"
    court = {"path": "/court", "label": "法院", "old": "qingpu", "new": "jiashan"}
    labelled = with_labels("private_lending", court)
    assert (labelled["old_text"], labelled["new_text"]) == ("上海市青浦区人民法院", "浙江省嘉善县人民法院")
    status = {"path": "/elements/delivered_amount/status", "label": "状态", "old": "agreed", "new": "disputed"}
    assert with_labels("private_lending", status)["new_text"] == "有争议"

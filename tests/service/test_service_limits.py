"""Service limits (issue 16): the extraction time limit off the event loop, bounded numbers,
header and body timeouts — against a real server process with short limits."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from service_procs import Server, create_case

EXTRACT_TIMEOUT = 0.4  # seconds; extracting an 8 MB pleading takes about a second here


@pytest.fixture(scope="module")
def limited(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    db = tmp_path_factory.mktemp("limits") / "yaosu.db"
    srv = Server(f"sqlite:///{db}", extra=["--extract-timeout", str(EXTRACT_TIMEOUT)])
    sample = (Path(__file__).resolve().parents[2] / "corpus/private_lending/sample/complaint.txt").read_bytes()
    # warmed up: the pipeline is loaded before the timings are taken
    httpx.post(srv.base + "/api/extract", files={"file": ("c.txt", sample, "text/plain")}, timeout=60)
    yield srv
    srv.stop()


def _huge_complaint(sample: bytes) -> bytes:
    return sample * (8_000_000 // len(sample))  # under the 10 MB upload limit


def _timed_get(url: str, out: list[float]) -> None:
    start = time.monotonic()
    response = httpx.get(url, timeout=30)
    assert response.status_code == 200
    out.append(time.monotonic() - start)


def _case_count(server: Server) -> int:
    return len(httpx.get(server.base + "/api/cases", timeout=10).json())


def _upload_case(server: Server, complaint: bytes, answer: bytes) -> httpx.Response:
    return httpx.post(
        server.base + "/api/cases",
        files={
            "complaint": ("complaint.txt", complaint, "text/plain"),
            "answer": ("answer.txt", answer, "text/plain"),
        },
        data={"case_type": "private_lending", "allow_duplicate": "true"},
        timeout=60,
    )


def test_the_event_loop_answers_while_a_huge_upload_is_extracted(
    limited: Server, sample_pleadings: tuple[bytes, bytes]
) -> None:
    huge = _huge_complaint(sample_pleadings[0])
    before = _case_count(limited)
    result: list[httpx.Response] = []
    took: list[float] = []

    def upload() -> None:
        start = time.monotonic()
        result.append(_upload_case(limited, huge, huge))
        took.append(time.monotonic() - start)

    worker = threading.Thread(target=upload)
    worker.start()
    others: list[float] = []
    while worker.is_alive():
        _timed_get(limited.base + "/api/case-types", others)
    worker.join()
    response = result[0]
    body = response.json()
    assert response.status_code == 503 and body["code"] == "E676" and "秒仍未完成" in body["detail"], body
    # the other requests were answered all along, each in a small part of the upload's own time
    assert len(others) >= 3, others
    assert sorted(others)[len(others) // 2] < took[0] / 5, (others, took)
    time.sleep(2)  # the abandoned extraction finishes; what it returns must not be stored
    assert _case_count(limited) == before


def test_extract_times_out_with_a_coded_503_and_normal_uploads_still_work(
    limited: Server, sample_pleadings: tuple[bytes, bytes]
) -> None:
    response = httpx.post(
        limited.base + "/api/extract",
        files={"file": ("complaint.txt", _huge_complaint(sample_pleadings[0]) * 1, "text/plain")},
        data={"case_type": "private_lending"},
        timeout=60,
    )
    assert response.status_code == 503 and response.json()["code"] == "E676", response.text
    assert create_case(limited.base, sample_pleadings)["version"] == 1

"""Service limits (issue 16): the extraction time limit off the event loop, bounded numbers,
header and body timeouts — against a real server process with short limits."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from service_procs import Server, post_case

EXTRACT_TIMEOUT = 0.4  # seconds; extracting an 8 MB pleading takes about a second here
HEADER_TIMEOUT = 1.0
BODY_TIMEOUT = 6.0  # the 16 MB upload below must arrive within it even on a loaded machine (3 s was not, at load 10)


@pytest.fixture(scope="module")
def limited(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    db = tmp_path_factory.mktemp("limits") / "yaosu.db"
    srv = Server(f"sqlite:///{db}", extra=[
            "--extract-timeout", str(EXTRACT_TIMEOUT),
            "--header-timeout", str(HEADER_TIMEOUT),
            "--body-timeout", str(BODY_TIMEOUT),
        ])
    sample_dir = Path(__file__).resolve().parents[2] / "corpus/private_lending/sample"
    # warmed up: the pipeline and the answer's clause classifier are loaded before the timings are taken
    # (loading the classifier on a case's first answer alone can take longer than the short limit)
    for role in ("complaint", "answer"):
        deadline = time.monotonic() + 30  # a first call cut by the limit still finishes loading in its thread
        while (warm := httpx.post(srv.base + "/api/extract", data={"role": role}, timeout=60, files={
                "file": (f"{role}.txt", (sample_dir / f"{role}.txt").read_bytes(), "text/plain")})).status_code != 200:
            assert warm.status_code == 503 and time.monotonic() < deadline, warm.text
            time.sleep(0.5)
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


def _upload_while_getting(server: Server, huge: bytes) -> tuple[list[float], float]:
    """Upload `huge` as complaint and answer while GETting /api/case-types without pause: the GETs' times
    and the upload's, after checking that the upload was cut by the extraction limit and stored nothing."""
    before = _case_count(server)
    result: list[httpx.Response] = []
    took: list[float] = []

    def upload() -> None:
        start = time.monotonic()
        result.append(_upload_case(server, huge, huge))
        took.append(time.monotonic() - start)

    worker = threading.Thread(target=upload)
    worker.start()
    others: list[float] = []
    while worker.is_alive():
        _timed_get(server.base + "/api/case-types", others)
    worker.join()
    response = result[0]
    body = response.json()
    assert response.status_code == 503 and body["code"] == "E676" and "秒仍未完成" in body["detail"], body
    time.sleep(2)  # the abandoned extraction finishes; what it returns must not be stored
    assert _case_count(server) == before
    return others, took[0]


def test_the_event_loop_answers_while_a_huge_upload_is_extracted(
    limited: Server, sample_pleadings: tuple[bytes, bytes]
) -> None:
    huge = _huge_complaint(sample_pleadings[0])
    others, took = _upload_while_getting(limited, huge)
    # the other requests were answered all along, each in a small part of the upload's own time
    # (a blocked loop would answer one request, after the whole upload); /3, not less, because on a
    # loaded machine the first request also waits for the 16 MB body being parsed
    if len(others) < 3 or sorted(others)[len(others) // 2] >= took / 3:
        # one retry, as in the linear-time tests: a busy neighbour (the other test worker under
        # `pytest -n 2`) can starve this one upload; a blocked loop fails both
        others, took = _upload_while_getting(limited, huge)
    assert len(others) >= 3, others
    assert sorted(others)[len(others) // 2] < took / 3, (others, took)


def test_extract_times_out_with_a_coded_503_and_normal_uploads_still_work(
    limited: Server, sample_pleadings: tuple[bytes, bytes]
) -> None:
    response = httpx.post(
        limited.base + "/api/extract",
        # 2 MB: seconds of extraction, far over the 0.4 s limit, and short enough that the worker thread it leaves
        # running frees the pool well within the wait below even when the other test worker loads the machine.
        files={"file": ("complaint.txt", sample_pleadings[0] * (2_000_000 // len(sample_pleadings[0])), "text/plain")},
        data={"case_type": "private_lending"},
        timeout=60,
    )
    assert response.status_code == 503 and response.json()["code"] == "E676", response.text
    # The timed-out extraction may still hold the CPU for a moment (the limit answers, it does not kill
    # the thread): a normal upload is served within seconds, and until then refused with the same code.
    deadline = time.monotonic() + 20
    while True:
        response = post_case(limited.base, sample_pleadings)
        if response.status_code != 503 or time.monotonic() > deadline:
            break
        assert response.json()["code"] == "E676", response.text
        time.sleep(0.5)
    assert response.status_code == 201 and response.json()["version"] == 1, response.text


@pytest.mark.parametrize("version", [2**63, 2**64 + 5, 2**31, -1, -(2**63)])
def test_a_version_out_of_range_is_a_coded_422(
    limited: Server, sample_pleadings: tuple[bytes, bytes], version: int
) -> None:
    case = _shared_case(limited, sample_pleadings)
    url = f"{limited.base}/api/cases/{case['id']}"
    for response in (
        httpx.patch(url, json={"version": version, "findings": {}}, timeout=10),
        httpx.post(url + "/sign", json={"version": version}, timeout=10),
        httpx.get(url, params={"version": str(version)}, timeout=10),
    ):
        assert response.status_code == 422, (response.request.url, response.text)
        problem = response.json()["detail"][0]
        assert problem["path"].endswith("version") and problem["code"].startswith("E")
        assert any("\u4e00" <= ch <= "\u9fff" for ch in problem["message"]), problem
    # the case is untouched
    assert httpx.get(url, timeout=10).json()["version"] == 1


def test_an_overlong_case_id_is_a_422_not_a_fault(limited: Server) -> None:
    response = httpx.get(f"{limited.base}/api/cases/{'a' * 5000}", timeout=10)
    assert response.status_code == 422 and response.json()["detail"][0]["code"] == "E677"


_CASES: dict[str, dict] = {}


def _shared_case(server: Server, pleadings: tuple[bytes, bytes]) -> dict:
    if server.base not in _CASES:
        # the short extraction limit can cut even the sample on a busy machine (the other test worker):
        # refused with E676 and nothing stored, so try again for a while, as a judge would
        deadline = time.monotonic() + 20
        while (response := post_case(server.base, pleadings)).status_code == 503 and time.monotonic() < deadline:
            assert response.json()["code"] == "E676", response.text
            time.sleep(0.5)
        assert response.status_code == 201, response.text
        _CASES[server.base] = response.json()
    return _CASES[server.base]


def _closed_after(sock: socket.socket, limit: float) -> tuple[float, bytes]:
    """Seconds until the server closes `sock` (reading what it sends), or `limit` if it never does."""
    start = time.monotonic()
    sock.settimeout(limit)
    received = b""
    try:
        while chunk := sock.recv(4096):
            received += chunk
    except TimeoutError:
        return limit, received
    except ConnectionResetError:
        pass
    return time.monotonic() - start, received


def test_slowloris_connections_are_closed_and_normal_clients_served(limited: Server) -> None:
    port = int(limited.base.rsplit(":", 1)[1])
    stalled = []
    for n in range(6):
        sock = socket.create_connection(("127.0.0.1", port))
        if n % 3:  # half a request line, or a request line and half the headers; one says nothing
            sock.sendall(b"GET /api/case-types HT" if n % 3 == 1 else b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-")
        stalled.append(sock)
    # the stalled sockets hold nothing a normal client needs
    normal: list[float] = []
    _timed_get(limited.base + "/api/case-types", normal)
    assert normal[0] < HEADER_TIMEOUT
    for sock in stalled:
        waited, received = _closed_after(sock, HEADER_TIMEOUT + 5)
        sock.close()
        assert waited < HEADER_TIMEOUT + 4, "a stalled request head must be cut off"
        assert received == b""
    _timed_get(limited.base + "/api/case-types", normal)


def test_a_stalled_request_body_is_answered_408_and_closed(limited: Server) -> None:
    port = int(limited.base.rsplit(":", 1)[1])
    sock = socket.create_connection(("127.0.0.1", port))
    head = (
        "POST /api/extract HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        "Content-Type: multipart/form-data; boundary=xyz\r\nContent-Length: 100000\r\n\r\n"
    )
    sock.sendall(head.encode() + b'--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\n')
    start = time.monotonic()
    waited, received = _closed_after(sock, BODY_TIMEOUT + 5)
    sock.close()
    assert waited < BODY_TIMEOUT + 4 and time.monotonic() - start >= BODY_TIMEOUT * 0.9
    status_line, _, rest = received.partition(b"\r\n")
    assert status_line.startswith(b"HTTP/1.1 408"), received[:200]
    assert "E678" in rest.decode("utf-8") and "秒内未发送完毕" in rest.decode("utf-8")


def test_a_full_disk_is_a_507_in_chinese_and_nothing_is_half_stored() -> None:
    """The store's write failing for want of space (SQLite: "database or disk is full") is told apart
    from a server fault: 507, a Chinese message, the code E682."""
    import errno as _errno
    import sqlite3 as _sqlite3

    from engine.service.app import _disk_full

    assert _disk_full(_sqlite3.OperationalError("database or disk is full"))
    assert _disk_full(OSError(_errno.ENOSPC, "No space left on device"))
    wrapped = RuntimeError("commit failed")
    wrapped.__cause__ = _sqlite3.OperationalError("database or disk is full")
    assert _disk_full(wrapped)
    assert not _disk_full(ValueError("something else"))

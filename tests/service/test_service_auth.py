"""Accounts, sessions and court scope against a real server process in accounts mode (SQLite file).

Accounts: 青浦 judge and assistant, a 吴江 judge, a researcher and an admin. The 青浦 case is
created by the 青浦 judge from the sample pleadings.
"""

from __future__ import annotations

import io
import json
import re
import sqlite3
import time
import urllib.parse
from collections.abc import Callable, Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

import httpx
import pytest
from service_procs import SAMPLE, Server, add_user, login

from engine.service.auth import BAD_CSRF, BAD_HOST, BAD_ORIGIN
from engine.service.store import Store

PASSWORD = "correct horse 电池"
USERS = {
    "qingpu_judge": ("judge", "qingpu"),
    "qingpu_assistant": ("assistant", "qingpu"),
    "wujiang_judge": ("judge", "wujiang"),
    "researcher": ("researcher", None),
    "admin": ("admin", None),
}


@pytest.fixture(scope="module")
def accounts_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('auth') / 'yaosu.db'}"
    for name, (role, court) in USERS.items():
        add_user(url, name, role, PASSWORD, court)
    return url


@pytest.fixture(scope="module")
def auth_server(accounts_db: str) -> Iterator[Server]:
    server = Server(accounts_db)
    yield server
    server.stop()


@pytest.fixture(scope="module")
def clients(auth_server: Server) -> Iterator[dict[str, httpx.Client]]:
    made = {name: login(auth_server.base, name, PASSWORD) for name in USERS}
    made["anonymous"] = httpx.Client(base_url=auth_server.base, timeout=60)
    yield made
    for client in made.values():
        client.close()


@pytest.fixture(scope="module")
def qingpu_case(
    auth_server: Server, clients: dict[str, httpx.Client], sample_pleadings: tuple[bytes, bytes]
) -> dict[str, Any]:
    files = {
        "complaint": ("complaint.txt", sample_pleadings[0], "text/plain"),
        "answer": ("answer.txt", sample_pleadings[1], "text/plain"),
    }
    response = clients["qingpu_judge"].post("/api/cases", files=files, data={"case_type": "private_lending", "allow_duplicate": "true"})
    assert response.status_code == 201, response.text
    case = response.json()
    assert case["court"] == "qingpu"  # a scoped user's case is in its own court
    return case  # type: ignore[no-any-return]


def _latest(clients: dict[str, httpx.Client], case_id: str) -> int:
    return int(clients["qingpu_judge"].get(f"/api/cases/{case_id}").json()["version"])


Action = Callable[[httpx.Client, dict[str, httpx.Client], str], httpx.Response]

ACTIONS: dict[str, Action] = {
    "list": lambda c, _all, _id: c.get("/api/cases"),
    "get": lambda c, _all, cid: c.get(f"/api/cases/{cid}"),
    "history": lambda c, _all, cid: c.get(f"/api/cases/{cid}/history"),
    "preview": lambda c, _all, cid: c.get(f"/api/cases/{cid}/draft", params={"court": "qingpu"}),
    "download": lambda c, _all, cid: c.get(f"/api/cases/{cid}/draft", params={"format": "docx"}),
    "edit": lambda c, a, cid: c.patch(
        f"/api/cases/{cid}", json={"version": _latest(a, cid), "edits": {"meta": {"clerk": "书记员"}}}
    ),
    "find": lambda c, a, cid: c.patch(
        f"/api/cases/{cid}", json={"version": _latest(a, cid), "findings": {"delivered_amount": "95000.00"}}
    ),
    "sign": lambda c, a, cid: c.post(f"/api/cases/{cid}/sign", json={"version": _latest(a, cid)}),
    "export": lambda c, _all, _id: c.get("/api/research/export", params={"format": "csv"}),
    "users": lambda c, _all, _id: c.get("/api/users"),
    "purge": lambda c, _all, cid: c.post(f"/api/cases/{cid}/purge", json={"keep": 100}),
    "delete_unknown": lambda c, _all, _id: c.delete("/api/cases/no-such-case"),
}

# Expected status per action, for: 青浦 judge, 青浦 assistant, 吴江 judge, researcher, admin, no session.
# Another court's case is 404 (as if it did not exist); a role the action is not for is 403.
TABLE = {
    "list": (200, 200, 200, 403, 403, 401),
    "get": (200, 200, 404, 403, 403, 401),
    "history": (200, 200, 404, 403, 403, 401),
    "preview": (200, 200, 404, 403, 403, 401),
    "download": (200, 200, 404, 403, 403, 401),
    "edit": (200, 200, 404, 403, 403, 401),
    "find": (200, 403, 404, 403, 403, 401),
    "sign": (200, 403, 404, 403, 403, 401),
    "export": (403, 403, 403, 200, 403, 401),
    "users": (403, 403, 403, 403, 200, 401),
    "purge": (403, 403, 403, 403, 200, 401),
    "delete_unknown": (403, 403, 403, 403, 404, 401),
}
WHO = ("qingpu_judge", "qingpu_assistant", "wujiang_judge", "researcher", "admin", "anonymous")


@pytest.mark.parametrize("action", list(TABLE))
def test_role_by_action(action: str, clients: dict[str, httpx.Client], qingpu_case: dict[str, Any]) -> None:
    got = tuple(ACTIONS[action](clients[who], clients, qingpu_case["id"]).status_code for who in WHO)
    assert got == TABLE[action], dict(zip(WHO, got, strict=True))


def test_other_courts_cases_are_not_listed(
    clients: dict[str, httpx.Client], qingpu_case: dict[str, Any]
) -> None:
    ids = lambda who: {c["id"] for c in clients[who].get("/api/cases").json()}  # noqa: E731
    assert qingpu_case["id"] in ids("qingpu_judge") and qingpu_case["id"] in ids("qingpu_assistant")
    assert qingpu_case["id"] not in ids("wujiang_judge")
    # and the 吴江 judge's own case is not seen in 青浦
    files = {"complaint": ("c.txt", (SAMPLE / "complaint.txt").read_bytes(), "text/plain")}
    made = clients["wujiang_judge"].post("/api/cases", files=files, data={"case_type": "private_lending", "allow_duplicate": "true"})
    assert made.status_code == 201 and made.json()["court"] == "wujiang"
    assert made.json()["id"] not in ids("qingpu_judge")
    assert clients["qingpu_judge"].get(f"/api/cases/{made.json()['id']}/history").status_code == 404


def test_scoped_users_stay_in_their_court(
    clients: dict[str, httpx.Client], qingpu_case: dict[str, Any]
) -> None:
    files = {"complaint": ("c.txt", (SAMPLE / "complaint.txt").read_bytes(), "text/plain")}
    other = clients["qingpu_assistant"].post(
        "/api/cases", files=files, data={"case_type": "private_lending", "court": "wujiang", "allow_duplicate": "true"}
    )
    assert other.status_code == 403 and "本院" in other.json()["detail"]
    move = clients["qingpu_judge"].patch(
        f"/api/cases/{qingpu_case['id']}",
        json={"version": _latest(clients, qingpu_case["id"]), "edits": {"court": "wujiang"}},
    )
    assert move.status_code == 403
    assert clients["qingpu_judge"].get(f"/api/cases/{qingpu_case['id']}").json()["court"] == "qingpu"


def test_history_and_access_log_record_the_account(
    accounts_db: str, clients: dict[str, httpx.Client], qingpu_case: dict[str, Any]
) -> None:
    judge = clients["qingpu_judge"]
    case_id = qingpu_case["id"]
    # In accounts mode the X-Yaosu-User header names nobody: the session does.
    response = judge.patch(
        f"/api/cases/{case_id}",
        json={"version": _latest(clients, case_id), "edits": {"meta": {"judge": "张审判员"}}},
        headers={"X-Yaosu-User": urllib.parse.quote("冒名者")},
    )
    assert response.status_code == 200 and response.json()["saved_by"] == "qingpu_judge"
    history = judge.get(f"/api/cases/{case_id}/history").json()
    assert history[-1]["user"] == "qingpu_judge"
    assert all(entry["user"] != "冒名者" for entry in history)
    clients["qingpu_assistant"].get(f"/api/cases/{case_id}")
    store = Store(accounts_db)
    try:
        # the server writes read entries together, within a fraction of a second
        deadline = time.monotonic() + 10
        while True:
            log = store.access_log(case_id)
            if ("qingpu_assistant", "view") in {
                (e.user, e.action) for e in log
            } or time.monotonic() > deadline:
                break
            time.sleep(0.1)
    finally:
        store.close()
    assert ("qingpu_assistant", "view") in {(entry.user, entry.action) for entry in log}
    assert {"history", "view"} <= {entry.action for entry in log if entry.user == "qingpu_judge"}
    # the 吴江 judge's refused read of this case left no trace of the case being shown
    assert all(entry.user != "wujiang_judge" for entry in log)


def test_csrf_missing_wrong_right(auth_server: Server, qingpu_case: dict[str, Any]) -> None:
    with closing(login(auth_server.base, "qingpu_judge", PASSWORD)) as client:
        token = client.headers.pop("X-CSRF-Token")
        url = f"/api/cases/{qingpu_case['id']}"
        version = client.get(url).json()["version"]
        body = {"version": version, "edits": {"meta": {"clerk": "甲"}}}
        missing = client.patch(url, json=body)
        assert missing.status_code == 403 and missing.json()["detail"] == BAD_CSRF
        wrong = client.patch(url, json=body, headers={"X-CSRF-Token": token[:-2] + "xx"})
        assert wrong.status_code == 403
        assert client.get(url).json()["version"] == version  # nothing was saved
        right = client.patch(url, json=body, headers={"X-CSRF-Token": token})
        assert right.status_code == 200 and right.json()["version"] == version + 1
        # another session's token is not this session's
        with closing(login(auth_server.base, "qingpu_judge", PASSWORD)) as other:
            crossed = client.patch(
                url,
                json={**body, "version": version + 1},
                headers={"X-CSRF-Token": other.headers["X-CSRF-Token"]},
            )
            assert crossed.status_code == 403
        # a GET needs no token, logging out does
        assert client.get("/api/cases").status_code == 200
        assert client.delete("/api/session").status_code == 403
        assert client.delete("/api/session", headers={"X-CSRF-Token": token}).status_code == 204


def test_origin_and_host_checks(auth_server: Server, qingpu_case: dict[str, Any]) -> None:
    base = auth_server.base
    evil = httpx.post(
        base + "/api/session",
        json={"user": "qingpu_judge", "password": PASSWORD},
        headers={"Origin": "http://evil.example"},
    )
    assert evil.status_code == 403 and evil.json()["detail"] == BAD_ORIGIN
    assert "set-cookie" not in evil.headers
    same = httpx.post(
        base + "/api/session",
        json={"user": "qingpu_judge", "password": PASSWORD},
        headers={"Origin": base},
    )
    assert same.status_code == 200
    with closing(login(base, "qingpu_judge", PASSWORD)) as client:
        url = f"/api/cases/{qingpu_case['id']}"
        body = {"version": client.get(url).json()["version"], "edits": {"meta": {"clerk": "乙"}}}
        assert client.patch(url, json=body, headers={"Origin": "http://evil.example"}).status_code == 403
        assert client.patch(url, json=body, headers={"Origin": "null"}).status_code == 403
        assert client.patch(url, json=body, headers={"Origin": base}).status_code == 200
    # DNS rebinding: a page on another name reaching this server is refused before anything runs
    for path in ("/", "/login", "/api/session"):
        rebound = httpx.get(base + path, headers={"Host": "evil.example"})
        assert rebound.status_code == 400 and rebound.json()["detail"] == BAD_HOST
        assert rebound.headers["cache-control"] == "no-store" and rebound.headers["x-frame-options"] == "DENY"
    assert httpx.get(base + "/login", headers={"Host": f"localhost:{auth_server.port}"}).status_code == 200


def test_session_cookie_flags_logout_and_tampering(auth_server: Server) -> None:
    response = httpx.post(
        auth_server.base + "/api/session", json={"user": "qingpu_judge", "password": PASSWORD}
    )
    assert response.status_code == 200
    cookie = response.headers["set-cookie"]
    assert cookie.startswith("yaosu_session=")
    flags = {part.strip().split("=")[0].lower(): part.strip() for part in cookie.split(";")}
    assert "httponly" in flags and flags["samesite"].lower() == "samesite=strict"
    assert flags["path"] == "Path=/" and int(flags["max-age"].split("=")[1]) == 8 * 3600
    assert set(response.json()) == {"mode", "user", "role", "court", "csrf_token"}
    value = response.cookies["yaosu_session"]
    token = response.json()["csrf_token"]
    with httpx.Client(base_url=auth_server.base, cookies={"yaosu_session": value}) as client:
        assert client.get("/api/session").json()["user"] == "qingpu_judge"
        tampered = value[:-3] + ("aaa" if not value.endswith("aaa") else "bbb")
        assert (
            httpx.get(auth_server.base + "/api/cases", cookies={"yaosu_session": tampered}).status_code == 401
        )
        assert client.delete("/api/session", headers={"X-CSRF-Token": token}).status_code == 204
        # the session is revoked in the store: the same cookie no longer opens anything
        assert httpx.get(auth_server.base + "/api/cases", cookies={"yaosu_session": value}).status_code == 401
    wrong = httpx.post(auth_server.base + "/api/session", json={"user": "qingpu_judge", "password": "nope"})
    assert wrong.status_code == 401 and "set-cookie" not in wrong.headers


def test_security_headers_and_no_store(
    auth_server: Server, clients: dict[str, httpx.Client], qingpu_case: dict[str, Any]
) -> None:
    judge = clients["qingpu_judge"]
    case_id = qingpu_case["id"]
    for response in (
        judge.get("/"),
        httpx.get(auth_server.base + "/login"),
        judge.get(f"/api/cases/{case_id}"),
        judge.get(f"/api/cases/{case_id}/history"),
        judge.get(f"/api/cases/{case_id}/draft"),
        judge.get(f"/api/cases/{case_id}/draft", params={"format": "docx"}),
        judge.get("/api/cases"),
        clients["researcher"].get("/api/research/export"),
    ):
        assert response.status_code == 200, response.request.url
        csp = response.headers["content-security-policy"]
        assert "frame-ancestors 'none'" in csp
        assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["referrer-policy"] == "no-referrer"
        assert response.headers["cache-control"] == "no-store"
    page = judge.get("/").text
    assert re.search(r"<script(?![^>]*\bsrc=)[^>]*>", page) is None  # no inline script
    login_page = httpx.get(auth_server.base + "/login").text
    assert "<form" in login_page and re.search(r"<script(?![^>]*\bsrc=)[^>]*>", login_page) is None
    assert re.search(r"\son[a-z]+\s*=", page + login_page) is None  # no inline event handlers
    # the static assets may be cached: they hold no case data
    assert httpx.get(auth_server.base + "/static/app.js").headers.get("cache-control") != "no-store"


def test_without_session_the_form_redirects_to_login(auth_server: Server) -> None:
    response = httpx.get(auth_server.base + "/")
    assert response.status_code == 303 and response.headers["location"] == "/login"
    assert httpx.get(auth_server.base + "/api/courts").status_code == 401
    assert httpx.get(auth_server.base + "/api/session").status_code == 401


def _gold_personal_data() -> tuple[set[str], set[str]]:
    """Party names, and addresses / id numbers, from the sample's gold annotations (not from our code)."""
    names: set[str] = set()
    others: set[str] = set()

    def walk(value: Any, key: str = "") -> None:
        if isinstance(value, dict):
            for k, v in value.items():
                walk(v, k)
        elif isinstance(value, list):
            for item in value:
                walk(item, key)
        elif isinstance(value, str) and value:
            if key in ("name", "legal_representative", "agents"):
                names.add(value)
            elif key in ("address", "id_number"):
                others.add(value)

    for gold in ("complaint.gold.json", "answer.gold.json"):
        data = json.loads((SAMPLE / gold).read_text(encoding="utf-8"))
        walk(data)
        for element_id in ("lenders", "borrowers", "guarantors"):
            walk((data["elements"].get(element_id) or {}).get("value"), "name")
    return names, others


def test_research_export_is_de_identified(
    clients: dict[str, httpx.Client], qingpu_case: dict[str, Any]
) -> None:
    names, others = _gold_personal_data()
    assert {"顾文杰", "沈建华"} <= names and others  # the scan has something to look for
    csv_response = clients["researcher"].get("/api/research/export", params={"format": "csv"})
    assert csv_response.status_code == 200 and "attachment" in csv_response.headers["content-disposition"]
    text = csv_response.content.decode("utf-8-sig")
    parquet = clients["researcher"].get("/api/research/export", params={"format": "parquet"})
    assert parquet.status_code == 200
    import pyarrow.parquet as pq

    table = pq.read_table(io.BytesIO(parquet.content))
    assert table.num_rows >= 20  # one row per case and element: the sample case alone has ~24
    parquet_text = json.dumps(table.to_pylist(), ensure_ascii=False)
    for exported in (text, parquet_text):
        assert "delivered_amount" in exported and "qingpu" in exported  # it is the case data ...
        assert "顾某" in exported and "沈某" in exported  # ... with the parties pseudonymised
        for name in names:
            assert name not in exported, name
        for value in others:
            assert value not in exported, value
        assert re.search(r"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])", exported) is None
        assert re.search(r"(?<!\d)1[3-9]\d{9}(?!\d)", exported) is None
        assert qingpu_case["id"] not in exported  # cases are numbered, not identified


def test_download_name_has_no_party_names(
    clients: dict[str, httpx.Client], qingpu_case: dict[str, Any]
) -> None:
    url = f"/api/cases/{qingpu_case['id']}/draft"
    plain = clients["qingpu_judge"].get(url, params={"format": "docx"})
    disposition = urllib.parse.unquote(plain.headers["content-disposition"])
    assert "顾文杰" not in disposition and "沈建华" not in disposition
    assert qingpu_case["id"][:8] in disposition and "青浦法院" in disposition
    named = clients["qingpu_judge"].get(url, params={"format": "docx", "names": "true"})
    assert "顾文杰" in urllib.parse.unquote(named.headers["content-disposition"])


def test_admin_deletes_and_purges_and_it_is_recorded(
    accounts_db: str, clients: dict[str, httpx.Client], sample_pleadings: tuple[bytes, bytes]
) -> None:
    judge, admin = clients["qingpu_judge"], clients["admin"]
    files = {"complaint": ("c.txt", sample_pleadings[0], "text/plain")}
    case = judge.post("/api/cases", files=files, data={"case_type": "private_lending", "allow_duplicate": "true"}).json()
    url = f"/api/cases/{case['id']}"
    for n in range(3):
        assert (
            judge.patch(url, json={"version": n + 1, "edits": {"meta": {"case_seq": n + 1}}}).status_code
            == 200
        )
    listed = {c["id"]: c for c in admin.get("/api/admin/cases").json()}
    assert listed[case["id"]]["version"] == 4 and "title" not in listed[case["id"]]  # no party names
    assert admin.post(url + "/purge", json={"keep": 2}).json() == {"removed": [1, 2]}
    assert [h["version"] for h in judge.get(url + "/history").json()] == [3, 4]
    assert judge.get(url, params={"version": 1}).status_code == 404
    assert judge.get(url).json()["version"] == 4
    assert admin.delete(url).status_code == 204
    assert judge.get(url).status_code == 404
    store = Store(accounts_db)
    try:
        log = [(e.user, e.action, e.detail) for e in store.access_log(case["id"])]
    finally:
        store.close()
    assert ("admin", "purge", "清除版本 1、2") in log
    assert ("admin", "delete", "删除 2 个版本") in log
    with sqlite3.connect(accounts_db.removeprefix("sqlite:///")) as conn:
        assert conn.execute(
            "SELECT count(*) FROM case_versions WHERE case_id = ?", (case["id"],)
        ).fetchone() == (0,)


def test_passwords_are_argon2_hashes_never_clear(accounts_db: str, auth_server: Server) -> None:
    path = Path(accounts_db.removeprefix("sqlite:///"))
    with sqlite3.connect(path) as conn:
        hashes = [row[0] for row in conn.execute("SELECT password_hash FROM users")]
    assert len(hashes) == len(USERS)
    for value in hashes:
        assert re.fullmatch(r"\$argon2id\$v=19\$m=\d+,t=\d+,p=\d+\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+", value), (
            value
        )
    assert len(set(hashes)) == len(hashes)  # salted: one password, five hashes
    # nowhere in the database files (main file and write-ahead log), in any encoding
    raw = b"".join(p.read_bytes() for p in path.parent.glob(path.name + "*"))
    for encoded in (PASSWORD.encode("utf-8"), PASSWORD.encode("utf-16-le"), b"correct horse"):
        assert encoded not in raw
    assert not any(PASSWORD in line for line in auth_server.output().splitlines())
    assert path.stat().st_mode & 0o777 == 0o600


def test_login_throttled_per_account_and_per_address(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'throttle.db'}"
    add_user(url, "target", "judge", PASSWORD, "qingpu")
    add_user(url, "bystander", "judge", PASSWORD, "jiashan")
    server = Server(url)
    try:
        attempt = lambda name, password: httpx.post(  # noqa: E731
            server.base + "/api/session", json={"user": name, "password": password}, timeout=30
        )
        assert [attempt("target", "wrong-password").status_code for _ in range(5)] == [401] * 5
        locked = attempt("target", PASSWORD)  # the right password does not help now
        assert locked.status_code == 429 and "15 分钟" in locked.json()["detail"]
        assert int(locked.headers["retry-after"]) == 900
        assert attempt("bystander", PASSWORD).status_code == 200  # other accounts are not locked out
        # one address trying many names is stopped too
        codes = [attempt(f"guess{n}", "wrong-password").status_code for n in range(15)]
        assert codes == [401] * 15
        assert attempt("bystander", PASSWORD).status_code == 429
    finally:
        server.stop()

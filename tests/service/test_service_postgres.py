"""The API on a real PostgreSQL server (a temporary cluster on 127.0.0.1), same behaviour as on SQLite."""

from __future__ import annotations

import threading

import httpx
from service_procs import Postgres, add_user, create_case, login, running_server


def test_api_on_postgresql(postgres: Postgres, sample_pleadings: tuple[bytes, bytes]) -> None:
    url = postgres.database("api_test")
    with running_server(url) as server:
        case = create_case(server.base, sample_pleadings)
        base = f"{server.base}/api/cases/{case['id']}"
        ok = httpx.patch(base, json={"version": 1, "findings": {"delivered_amount": "95000.00"}})
        assert ok.status_code == 200 and ok.json()["version"] == 2
        stale = httpx.patch(base, json={"version": 1, "findings": {"delivered_amount": "1.00"}})
        assert stale.status_code == 409 and "当前版本 2" in stale.json()["detail"]

        barrier = threading.Barrier(8)
        codes: list[int] = []

        def judge(n: int) -> None:
            barrier.wait()
            codes.append(
                httpx.patch(base, json={"version": 2, "edits": {"meta": {"case_seq": n + 1}}}).status_code
            )

        threads = [threading.Thread(target=judge, args=(n,)) for n in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert sorted(codes) == [200] + [409] * 7
        history = httpx.get(base + "/history").json()
        assert [h["version"] for h in history] == [1, 2, 3]
        assert (
            httpx.get(base, params={"version": 2}).json()["case"]["findings"]["delivered_amount"]
            == "95000.00"
        )
        preview = httpx.get(base + "/draft", params={"court": "jiashan"})
        assert preview.status_code == 200 and "浙江省嘉善县人民法院" in preview.text


def test_accounts_and_court_scope_on_postgresql(
    postgres: Postgres, sample_pleadings: tuple[bytes, bytes]
) -> None:
    url = postgres.database("auth_test")
    password = "postgres judge password"
    add_user(url, "qingpu_judge", "judge", password, "qingpu")
    add_user(url, "qingpu_assistant", "assistant", password, "qingpu")
    add_user(url, "jiashan_judge", "judge", password, "jiashan")
    add_user(url, "researcher", "researcher", password)
    with running_server(url) as server:
        assert httpx.get(server.base + "/api/cases").status_code == 401
        judge = login(server.base, "qingpu_judge", password)
        files = {"complaint": ("complaint.txt", sample_pleadings[0], "text/plain")}
        case = judge.post("/api/cases", files=files, data={"case_type": "private_lending", "allow_duplicate": "true"}).json()
        url_case = f"/api/cases/{case['id']}"
        assert (
            judge.patch(
                url_case, json={"version": 1, "findings": {"delivered_amount": "95000.00"}}
            ).status_code
            == 200
        )
        assistant = login(server.base, "qingpu_assistant", password)
        assert assistant.get(url_case).status_code == 200
        assert (
            assistant.patch(url_case, json={"version": 2, "findings": {"loan_amount": "1.00"}}).status_code
            == 403
        )
        other = login(server.base, "jiashan_judge", password)
        for response in (
            other.get(url_case),
            other.get(url_case + "/history"),
            other.get(url_case + "/draft", params={"court": "jiashan"}),
            other.patch(url_case, json={"version": 2, "edits": {"meta": {"clerk": "甲"}}}),
        ):
            assert response.status_code == 404
        assert other.get("/api/cases").json() == []
        assert [h["user"] for h in judge.get(url_case + "/history").json()] == ["qingpu_judge"] * 2
        export = login(server.base, "researcher", password).get("/api/research/export")
        assert export.status_code == 200 and "顾文杰" not in export.content.decode("utf-8-sig")
        assert "顾某" in export.content.decode("utf-8-sig")

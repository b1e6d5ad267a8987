"""The API on a real PostgreSQL server (a temporary cluster on 127.0.0.1), same behaviour as on SQLite."""

from __future__ import annotations

import threading

import httpx
from service_procs import Postgres, create_case, running_server


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

"""Operations: durable SQLite commits, the paged case list, and `yaosu store backup` (SQLite and PostgreSQL)."""

from __future__ import annotations

import json
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx
from service_procs import ROOT, Server
from sqlalchemy import text

from engine.service.store import Store


def _case(name: str, court: str = "qingpu") -> dict[str, Any]:
    return {
        "case_type": "private_lending",
        "table_version": "1",
        "court": court,
        "elements": {"plaintiffs": {"status": "complaint_only", "complaint": [{"name": name}]}},
        "findings": {},
    }


def test_sqlite_commits_are_fully_synced(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'store.db'}")
    with store.engine.connect() as conn:
        # 2 = FULL (0 OFF, 1 NORMAL, 3 EXTRA)
        assert conn.execute(text("PRAGMA synchronous")).scalar() == 2
    store.close()


def _backup(db: str, out: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "engine.service", "store", "backup", "--db", db, "-o", str(out)]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=60)


def _filled(url: str) -> tuple[Store, list[str]]:
    store = Store(url)
    ids = [store.create(_case(f"原告{n}"), "王法官", title=f"案{n}").id for n in range(3)]
    store.save(ids[0], 1, {**_case("原告0"), "findings": {"loan_amount": "1.00"}}, "王法官", [])
    return store, ids


def test_backup_copies_every_case_and_version_to_a_new_private_file(store_url: str, tmp_path: Path) -> None:
    store, ids = _filled(store_url)
    out = tmp_path / "backup.out"
    result = _backup(store_url, out)
    assert result.returncode == 0, result.stderr
    assert "3 个案件，4 个版本" in result.stdout
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    if store_url.startswith("sqlite"):
        copy = sqlite3.connect(out)
        versions = copy.execute("SELECT case_id, version, data FROM case_versions ORDER BY case_id, version").fetchall()
        copy.close()
    else:
        lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
        assert [line["table"] for line in lines].count("cases") == 3
        versions = [
            (line["row"]["case_id"], line["row"]["version"], line["row"]["data"])
            for line in lines
            if line["table"] == "case_versions"
        ]
    assert sorted((case_id, version) for case_id, version, _ in versions) == sorted(
        [(ids[0], 1), (ids[0], 2), (ids[1], 1), (ids[2], 1)]
    )
    saved = {(case_id, version): json.loads(data) for case_id, version, data in versions}
    assert saved[(ids[0], 2)]["findings"] == {"loan_amount": "1.00"}
    assert saved[(ids[2], 1)] == store.get(ids[2], 1).data
    # a second backup never overwrites the first
    again = _backup(store_url, out)
    assert again.returncode == 2 and "已存在" in again.stderr and "E679" in again.stderr
    store.close()


def test_backup_of_a_missing_database_is_a_clear_error(tmp_path: Path) -> None:
    result = _backup(f"sqlite:///{tmp_path / 'none.db'}", tmp_path / "b.db")
    assert result.returncode == 2 and result.stderr.startswith("错误：") and "不存在" in result.stderr
    assert not (tmp_path / "b.db").exists()


def test_the_case_list_is_paged_with_the_total_in_a_header(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'paged.db'}"
    store = Store(db)
    made = [store.create(_case(f"原告{n}"), "王法官", title=f"案{n}").id for n in range(7)]
    store.create(_case("外院", court="wujiang"), "李法官", title="外院")
    store.close()
    server = Server(db)
    try:
        first = httpx.get(server.base + "/api/cases", params={"limit": 3}, timeout=10)
        rest = httpx.get(server.base + "/api/cases", params={"offset": 3, "limit": 1000}, timeout=10)
        everything = httpx.get(server.base + "/api/cases", timeout=10)
        too_many = httpx.get(server.base + "/api/cases", params={"limit": 1001}, timeout=10)
        negative = httpx.get(server.base + "/api/cases", params={"offset": -1}, timeout=10)
    finally:
        server.stop()
    assert first.status_code == 200 and isinstance(first.json(), list) and len(first.json()) == 3
    assert first.headers["X-Total-Count"] == "8"  # desk mode sees every court
    assert len(rest.json()) == 5
    # pages neither overlap nor leave a case out; the newest comes first
    paged = [c["id"] for c in first.json() + rest.json()]
    assert paged == [c["id"] for c in everything.json()]
    assert set(made) < set(paged) and paged[-1] == made[0]
    for refused in (too_many, negative):
        assert refused.status_code == 422 and refused.json()["detail"][0]["code"].startswith("E")

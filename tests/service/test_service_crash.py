"""kill -9 the server in the middle of a burst of saves: the database opens, every version is whole."""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from pathlib import Path

import httpx
from service_procs import Server, create_case

from engine.case.patch import schema_problems
from engine.service.store import Store
from engine.system import default_system

SYSTEM = default_system()


def _burst(base: str, case_id: str, stop: threading.Event, n: int,
           acknowledged: dict[int, str] | None = None) -> None:
    """Keep saving findings; a 409 just means another writer got there first. Every save the server
    answered 200 is recorded (version → the clerk written), to check after a crash. The timeout only has to
    outlast a slow save on a loaded machine (a killed server refuses the connection at once)."""
    with httpx.Client(base_url=base, timeout=30) as client:
        seq = 0
        while not stop.is_set():
            seq += 1
            try:
                version = client.get(f"/api/cases/{case_id}").json()["version"]
                amount = f"{90000 + n * 1000 + seq % 1000}.00"
                response = client.patch(
                    f"/api/cases/{case_id}",
                    json={
                        "version": version,
                        "findings": {"delivered_amount": amount},
                        "edits": {"meta": {"clerk": f"书记员{n}-{seq}"}},
                    },
                )
                if acknowledged is not None and response.status_code == 200:
                    acknowledged[response.json()["version"]] = f"书记员{n}-{seq}"
            except (httpx.HTTPError, ValueError):
                return  # the server is gone


def test_kill_9_mid_save_leaves_last_commit_intact(
    tmp_path: Path, sample_pleadings: tuple[bytes, bytes]
) -> None:
    db = tmp_path / "crash.db"
    url = f"sqlite:///{db}"
    server = Server(url)
    try:
        case = create_case(server.base, sample_pleadings)
        stop = threading.Event()
        writers = [threading.Thread(target=_burst, args=(server.base, case["id"], stop, n)) for n in range(6)]
        for writer in writers:
            writer.start()
        # let the burst get going (a loaded machine may be slow), then SIGKILL while saves are in flight
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            # the poll waits as long as a writer does: six writers on one worker may keep it busy past 10 s
            if httpx.get(f"{server.base}/api/cases/{case['id']}", timeout=30).json()["version"] >= 5:
                break
            time.sleep(0.05)
        time.sleep(0.3)
        server.kill()
        stop.set()
        for writer in writers:
            writer.join(timeout=10)
    finally:
        server.stop()

    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        latest = conn.execute("SELECT latest_version FROM cases WHERE id = ?", (case["id"],)).fetchone()[0]
        rows = conn.execute(
            "SELECT version, data FROM case_versions WHERE case_id = ? ORDER BY version", (case["id"],)
        ).fetchall()
    assert latest > 1, "the burst should have saved something before the kill"
    # versions 1..latest, no gaps, no version past the pointer: the save was all or nothing
    assert [version for version, _ in rows] == list(range(1, latest + 1))
    for _version, data in rows:
        parsed = json.loads(data)
        assert schema_problems(SYSTEM.casetype(parsed["case_type"]), parsed) == []
    store = Store(url)
    last = store.get(case["id"])
    assert last.version == latest
    assert last.data["findings"]["delivered_amount"].endswith(".00")
    store.close()

    # and the service carries on from there
    restarted = Server(url)
    try:
        response = httpx.patch(
            f"{restarted.base}/api/cases/{case['id']}",
            json={"version": latest, "findings": {"guarantee_type": "joint"}},
        )
        assert response.status_code == 200 and response.json()["version"] == latest + 1
    finally:
        restarted.stop()


def test_every_acknowledged_save_survives_twenty_kills(
    tmp_path: Path, sample_pleadings: tuple[bytes, bytes]
) -> None:
    """kill -9 twenty times in the middle of concurrent saves: every save answered 200 is in the store,
    with what was saved, and the store is whole after each crash."""
    url = f"sqlite:///{tmp_path / 'kills.db'}"
    server = Server(url)
    case = create_case(server.base, sample_pleadings)
    acknowledged: dict[int, str] = {}
    try:
        for _round in range(20):
            stop = threading.Event()
            writers = [threading.Thread(target=_burst, args=(server.base, case["id"], stop, n, acknowledged))
                       for n in range(3)]
            before = len(acknowledged)
            for writer in writers:
                writer.start()
            deadline = time.monotonic() + 60  # a restarted server's first save loads the system (slow when loaded)
            while len(acknowledged) < before + 2 and time.monotonic() < deadline:
                time.sleep(0.02)
            server.kill()
            stop.set()
            for writer in writers:
                writer.join(timeout=10)
            server.stop()
            server = Server(url)
    finally:
        server.stop()
    assert len(acknowledged) >= 40, "each round should have had saves in flight"
    store = Store(url)
    try:
        for version, clerk in acknowledged.items():
            assert store.get(case["id"], version).data["meta"]["clerk"] == clerk
    finally:
        store.close()

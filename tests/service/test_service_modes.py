"""`yaosu user …`, single-user desk mode on loopback, refusal on other addresses, the 0600 store file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import httpx
import typer
from service_procs import ROOT, Server, add_user, free_port, login
from typer.testing import CliRunner

from engine.service.cli import register
from engine.service.store import Store

PASSWORD = "a long enough password"


def _cli() -> typer.Typer:
    cli = typer.Typer()
    register(cli)
    cli.callback()(lambda: None)
    return cli


def _yaosu(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "engine.service", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )


def test_user_commands(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'users.db'}"
    added = _yaosu(
        "user",
        "add",
        "王法官",
        "--role",
        "judge",
        "--court",
        "qingpu",
        "--db",
        db,
        "--password-stdin",
        stdin=PASSWORD + "\n",
    )
    assert added.returncode == 0, added.stderr
    assert "已添加账户 王法官" in added.stdout and PASSWORD not in added.stdout + added.stderr
    ok = _yaosu(
        "user", "add", "研究员", "--role", "researcher", "--db", db, "--password-stdin", stdin=PASSWORD
    )
    assert ok.returncode == 0, ok.stderr
    for args, stdin, words in (
        (["张三", "--role", "judge", "--db", db, "--password-stdin"], PASSWORD, "必须指定所属法院"),
        (
            ["张三", "--role", "judge", "--court", "beijing", "--db", db, "--password-stdin"],
            PASSWORD,
            "未知的法院",
        ),
        (["张三", "--role", "clerk", "--db", db, "--password-stdin"], PASSWORD, "未知的角色"),
        (
            ["张三", "--role", "admin", "--court", "qingpu", "--db", db, "--password-stdin"],
            PASSWORD,
            "不属于某一法院",
        ),
        (["张三", "--role", "admin", "--db", db, "--password-stdin"], "short", "密码至少"),
        (["王法官", "--role", "admin", "--db", db, "--password-stdin"], PASSWORD, "已存在"),
        (["张三", "--role", "admin", "--db", db], "", "--password-stdin"),
    ):
        # in-process (the same typer commands), so the table costs no interpreter start-ups
        refused = CliRunner().invoke(_cli(), ["user", "add", *args], input=stdin)
        assert refused.exit_code == 2, (args, refused.output)
        assert "错误：" in refused.output and words in refused.output, refused.output
    listed = _yaosu("user", "list", "--db", db, "--json")
    assert json.loads(listed.stdout) == [
        {"name": "王法官", "role": "judge", "court": "qingpu", "disabled": False},
        {"name": "研究员", "role": "researcher", "court": None, "disabled": False},
    ]
    assert PASSWORD not in listed.stdout and "argon2" not in listed.stdout

    server = Server(db)
    try:
        client = login(server.base, "王法官", PASSWORD)
        assert client.get("/api/cases").status_code == 200
        # a new password ends the account's sessions and replaces the old password
        changed = _yaosu(
            "user", "passwd", "王法官", "--db", db, "--password-stdin", stdin="another long password"
        )
        assert changed.returncode == 0, changed.stderr
        assert client.get("/api/cases").status_code == 401
        old = httpx.post(server.base + "/api/session", json={"user": "王法官", "password": PASSWORD})
        assert old.status_code == 401
        client = login(server.base, "王法官", "another long password")
        # disabling does too, and the account cannot log in any more
        assert _yaosu("user", "disable", "王法官", "--db", db).returncode == 0
        assert client.get("/api/cases").status_code == 401
        again = httpx.post(
            server.base + "/api/session", json={"user": "王法官", "password": "another long password"}
        )
        assert again.status_code == 401
        client.close()
    finally:
        server.stop()
    assert json.loads(_yaosu("user", "list", "--db", db, "--json").stdout)[0]["disabled"] is True
    assert _yaosu("user", "disable", "无此人", "--db", db).returncode == 2


def test_desk_mode_on_loopback_until_an_account_exists(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'desk.db'}"
    server = Server(db, user="单机法官")
    try:
        session = httpx.get(server.base + "/api/session").json()
        assert session["mode"] == "desk" and session["user"] == "单机法官"
        assert httpx.get(server.base + "/api/cases").status_code == 200  # no login
        assert httpx.get(server.base + "/").status_code == 200
        # a cross-site page cannot drive the desk either
        evil = httpx.patch(
            server.base + "/api/cases/x", json={"version": 1}, headers={"Origin": "http://evil.example"}
        )
        assert evil.status_code == 403
        # once an account exists, the running server asks everyone to log in
        added = _yaosu(
            "user",
            "add",
            "李法官",
            "--role",
            "judge",
            "--court",
            "jiashan",
            "--db",
            db,
            "--password-stdin",
            stdin=PASSWORD,
        )
        assert added.returncode == 0, added.stderr
        deadline = time.monotonic() + 10  # the server looks again at most once a second
        while httpx.get(server.base + "/api/cases").status_code != 401 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert httpx.get(server.base + "/api/cases").status_code == 401
        assert httpx.get(server.base + "/api/session").status_code == 401
        assert httpx.get(server.base + "/").status_code == 303
        client = login(server.base, "李法官", PASSWORD)
        assert client.get("/api/session").json()["mode"] == "accounts"
        client.close()
    finally:
        server.stop()


def test_any_other_address_without_accounts_refuses_to_start(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'open.db'}"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "engine.service",
            "serve",
            "--host",
            "0.0.0.0",
            "--port",
            str(free_port()),
            "--db",
            db,
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert result.returncode == 2
    assert (
        result.stderr.startswith("错误：")
        and "yaosu user add" in result.stderr
        and "--password-stdin" in result.stderr
    )
    assert "还没有任何账户" in result.stderr


def test_store_file_is_created_owner_only(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.db"
    Store(f"sqlite:///{fresh}").close()
    assert fresh.stat().st_mode & 0o777 == 0o600
    loose = tmp_path / "loose.db"
    loose.touch()
    os.chmod(loose, 0o644)
    store = Store(f"sqlite:///{loose}")
    store.create({"case_type": "private_lending", "court": "qingpu"}, "甲")  # writes the WAL
    try:
        for path in tmp_path.glob("loose.db*"):
            assert path.stat().st_mode & 0o777 == 0o600, path
    finally:
        store.close()


def test_sessions_hold_across_workers(tmp_path: Path) -> None:
    """Two worker processes share the signing key and the sessions through the store."""
    db = f"sqlite:///{tmp_path / 'workers.db'}"
    add_user(db, "吴法官", "judge", PASSWORD, "wujiang")
    server = Server(db, workers=2)
    try:
        # a fresh connection per request, so both workers get some of them
        client = login(server.base, "吴法官", PASSWORD)
        cookie, token = client.cookies["yaosu_session"], client.headers["X-CSRF-Token"]
        client.close()
        for _ in range(12):
            with httpx.Client(base_url=server.base, cookies={"yaosu_session": cookie}) as fresh:
                assert fresh.get("/api/session").json()["user"] == "吴法官"
        with httpx.Client(base_url=server.base, cookies={"yaosu_session": cookie}) as fresh:
            assert fresh.delete("/api/session", headers={"X-CSRF-Token": token}).status_code == 204
        for _ in range(6):
            with httpx.Client(base_url=server.base, cookies={"yaosu_session": cookie}) as fresh:
                assert fresh.get("/api/session").status_code == 401
    finally:
        server.stop()

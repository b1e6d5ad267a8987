"""Real processes for the service tests: a yaosu server (uvicorn) and a throw-away PostgreSQL cluster.

Shared by the tests and benchmarks/load_preview.py; nothing here is mocked.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[2]
PG_BIN = Path("/usr/lib/postgresql/15/bin")
SAMPLE = ROOT / "corpus" / "private_lending" / "sample"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Server:
    """`python -m engine.service serve` on a free loopback port, stopped by its own pid."""

    def __init__(
        self,
        db_url: str,
        user: str | None = "测试法官",
        workers: int = 1,
        cwd: Path | None = None,
        entry: list[str] | None = None,
        extra: list[str] | None = None,
    ):
        self.db_url = db_url
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        command = [*(entry or [sys.executable, "-m", "engine.service"]), "serve", "--host", "127.0.0.1"]
        command += ["--port", str(self.port), "--db", db_url, "--workers", str(workers)]
        if user:
            command += ["--user", user]
        command += extra or []
        self.log = tempfile.NamedTemporaryFile(prefix="yaosu-server-", suffix=".log", delete=False)
        # Own process group: the multi-worker supervisor and its workers are stopped together.
        self.process = subprocess.Popen(
            command, cwd=cwd or ROOT, stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True
        )
        self._wait_ready()

    def _wait_ready(self, timeout: float = 30.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited with {self.process.returncode}:\n{self.output()}")
            try:
                # /login answers in both modes without a session (the API wants one once accounts exist)
                if httpx.get(self.base + "/login", timeout=1.0).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"server did not start in {timeout}s:\n{self.output()}")

    def output(self) -> str:
        return Path(self.log.name).read_text(encoding="utf-8", errors="replace")

    def kill(self) -> None:
        """SIGKILL, as a crash would: no shutdown handlers run."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.kill()
        Path(self.log.name).unlink(missing_ok=True)


@contextmanager
def running_server(db_url: str, **kwargs: object):  # type: ignore[no-untyped-def]
    server = Server(db_url, **kwargs)  # type: ignore[arg-type]
    try:
        yield server
    finally:
        server.stop()


class PostgresUnavailable(Exception):
    pass


class Postgres:
    """A temporary PostgreSQL 15 cluster on 127.0.0.1 only, run as the `postgres` user when we are root."""

    def __init__(self) -> None:
        initdb = PG_BIN / "initdb"
        if not initdb.exists():
            raise PostgresUnavailable(f"{initdb} 不存在（需要 apt-get install postgresql-15）")
        self.port = free_port()
        self.dir = Path(tempfile.mkdtemp(prefix="yaosu-pg-"))
        self.data = self.dir / "data"
        self.prefix: list[str] = []
        if os.geteuid() == 0:
            # PostgreSQL refuses to run as root: hand the folder to the postgres system user.
            if shutil.which("runuser") is None:
                raise PostgresUnavailable("以 root 运行但没有 runuser，无法以 postgres 用户启动数据库")
            shutil.chown(self.dir, "postgres", "postgres")
            self.prefix = ["runuser", "-u", "postgres", "--"]
        self._run(
            [str(initdb), "-D", str(self.data), "-U", "yaosu", "--auth=trust", "-E", "UTF8", "--no-locale"]
        )
        options = f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.dir} -c fsync=off"
        self._run(
            [
                str(PG_BIN / "pg_ctl"),
                "-D",
                str(self.data),
                "-o",
                options,
                "-l",
                str(self.dir / "log"),
                "-w",
                "start",
            ]
        )
        self.started = True
        self.url = f"postgresql://yaosu@127.0.0.1:{self.port}/postgres"

    def _run(self, command: list[str]) -> None:
        result = subprocess.run(self.prefix + command, capture_output=True, text=True, timeout=60)
        if result.returncode != 0:
            log = self.dir / "log"
            extra = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            raise PostgresUnavailable(
                f"{Path(command[0]).name} 失败：{result.stderr.strip()[-2000:]} {extra}"
            )

    def database(self, name: str) -> str:
        """A fresh database on the cluster; its URL."""
        import psycopg

        with psycopg.connect(
            f"host=127.0.0.1 port={self.port} user=yaosu dbname=postgres", autocommit=True
        ) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
            conn.execute(f'CREATE DATABASE "{name}"')
        return f"postgresql://yaosu@127.0.0.1:{self.port}/{name}"

    def stop(self) -> None:
        try:
            self._run([str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop"])
        except PostgresUnavailable:
            pass
        shutil.rmtree(self.dir, ignore_errors=True)


def post_case(
    base: str, pleadings: tuple[bytes, bytes], court: str | None = "qingpu", **headers: str
) -> httpx.Response:
    """POST /api/cases with the sample complaint and answer; the response, whatever it is."""
    files = {
        "complaint": ("complaint.txt", pleadings[0], "text/plain"),
        "answer": ("answer.txt", pleadings[1], "text/plain"),
    }
    # The same sample complaint is uploaded by many tests: each wants a case of its own.
    data = {"case_type": "private_lending", "allow_duplicate": "true"}
    if court:
        data["court"] = court
    return httpx.post(base + "/api/cases", files=files, data=data, headers=headers, timeout=60)


def create_case(
    base: str, pleadings: tuple[bytes, bytes], court: str | None = "qingpu", **headers: str
) -> dict:
    """POST /api/cases with the sample complaint and answer; the created case view."""
    response = post_case(base, pleadings, court, **headers)
    assert response.status_code == 201, response.text
    return response.json()  # type: ignore[no-any-return]


def docx_text(data: bytes) -> str:
    """Every paragraph and table cell of a .docx, one per line (python-docx reads the real file)."""
    import io

    import docx

    document = docx.Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


def add_user(db_url: str, name: str, role: str, password: str, court: str | None = None) -> None:
    """An account, added in-process (the `yaosu user` commands have their own tests)."""
    from engine.service.accounts import Accounts
    from engine.service.store import Store

    store = Store(db_url)
    try:
        Accounts(store.engine).add(name, role, court, password)
    finally:
        store.close()


def login(base: str, name: str, password: str) -> httpx.Client:
    """A client with the session cookie of `name` and its CSRF token on every request."""
    client = httpx.Client(base_url=base, timeout=60)
    response = client.post("/api/session", json={"user": name, "password": password})
    assert response.status_code == 200, response.text
    client.headers["X-CSRF-Token"] = response.json()["csrf_token"]
    return client

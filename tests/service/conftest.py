"""Fixtures for the service tests: real server processes, a real PostgreSQL when one can start."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from service_procs import SAMPLE, Postgres, PostgresUnavailable, Server  # noqa: E402


@pytest.fixture(scope="session")
def sample_pleadings() -> tuple[bytes, bytes]:
    complaint, answer = SAMPLE / "complaint.txt", SAMPLE / "answer.txt"
    if not complaint.exists() or not answer.exists():
        pytest.skip(f"样例诉状尚未就绪：{SAMPLE}")
    return complaint.read_bytes(), answer.read_bytes()


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """One server on a temporary SQLite file for the API tests."""
    db = tmp_path_factory.mktemp("db") / "yaosu.db"
    srv = Server(f"sqlite:///{db}")
    yield srv
    srv.stop()


@pytest.fixture(scope="session")
def postgres() -> Iterator[Postgres]:
    try:
        cluster = Postgres()
    except PostgresUnavailable as exc:
        print(f"\nPostgreSQL 测试跳过：{exc}")
        pytest.skip(f"PostgreSQL 无法启动：{exc}")
    yield cluster
    cluster.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'store.db'}"
    cluster: Postgres = request.getfixturevalue("postgres")
    return cluster.database(f"store_{abs(hash(request.node.name)) % 10**8}")

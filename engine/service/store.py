"""Case storage: every save is a new, immutable version row.

Two tables. `cases` holds one row per case with a pointer to its latest version;
`case_versions` holds every version ever saved (the full case JSON, who saved it,
when, and what changed). A save is one transaction that moves the pointer from
the version the judge was editing to the next one and inserts the new row:

- the UPDATE ... WHERE latest_version = expected is the optimistic lock: if another
  judge saved first, no row matches and the save is a conflict (HTTP 409);
- the UNIQUE (case_id, version) constraint is the last line of defence should two
  saves ever race past the pointer check;
- rows are only inserted, never updated, so an earlier version cannot be lost, and a
  process killed mid-save leaves the database at the last committed transaction.

SQLite (a file, the embedded default) and PostgreSQL (by URL) run the same code.
"""

from __future__ import annotations

import json
import threading
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
    create_engine,
    event,
    insert,
    select,
    update,
)
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class CaseRow(Base):
    __tablename__ = "cases"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    case_type: Mapped[str] = mapped_column(String(64))
    title: Mapped[str] = mapped_column(Text, default="")
    court: Mapped[str | None] = mapped_column(String(32), nullable=True)
    latest_version: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    created_by: Mapped[str] = mapped_column(String(200))


class VersionRow(Base):
    __tablename__ = "case_versions"
    __table_args__ = (UniqueConstraint("case_id", "version", name="uq_case_versions_case_version"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"), index=True)
    version: Mapped[int] = mapped_column(Integer)
    data: Mapped[str] = mapped_column(Text)
    user: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    summary: Mapped[str] = mapped_column(Text, default="[]")


CHECKPOINT_EVERY = 1.0  # seconds between WAL checkpoints while saves are coming in

CASES = CaseRow.__table__
VERSIONS = VersionRow.__table__


class CaseNotFound(Exception):
    pass


class VersionConflict(Exception):
    def __init__(self, current: int) -> None:
        super().__init__(f"stale version, current is {current}")
        self.current = current


@dataclass(frozen=True)
class StoredCase:
    id: str
    version: int
    data: dict[str, Any]
    user: str
    saved_at: datetime


@dataclass(frozen=True)
class CaseSummary:
    id: str
    case_type: str
    title: str
    court: str | None
    version: int
    created_at: datetime
    updated_at: datetime
    created_by: str


@dataclass(frozen=True)
class HistoryEntry:
    version: int
    user: str
    saved_at: datetime
    changes: list[dict[str, Any]]


def normalize_url(url: str) -> str:
    """A bare postgresql:// URL means psycopg 3 here (psycopg2 is not a dependency)."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def _now() -> datetime:
    return datetime.now(UTC)


def _aware(moment: datetime) -> datetime:
    # SQLite hands timestamps back without a zone; they were written in UTC.
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    # WAL: readers never block the writer; a killed process leaves the last commit intact.
    cursor.execute("PRAGMA journal_mode=WAL")
    # NORMAL in WAL mode is durable across process crashes (only an OS crash can lose the
    # last commits, never corrupt the file); FULL would fsync every save for no gain here.
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=15000")
    # Checkpoints (copying the WAL back into the database, with an fsync) are run by the
    # store's background thread, not by whichever save happens to cross the threshold.
    cursor.execute("PRAGMA wal_autocheckpoint=0")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def make_engine(url: str) -> Engine:
    url = normalize_url(url)
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 15}, pool_size=20)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_size=20, max_overflow=10, pool_pre_ping=True)


def _dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


class Store:
    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = make_engine(url)
        Base.metadata.create_all(self.engine)
        self._writes = 0
        self._closing = threading.Event()
        self._checkpointer: threading.Thread | None = None
        if self.engine.dialect.name == "sqlite":
            self._checkpointer = threading.Thread(
                target=self._checkpoint_loop, name="yaosu-checkpoint", daemon=True
            )
            self._checkpointer.start()

    def _checkpoint_loop(self) -> None:
        """Fold the WAL into the database now and then, off the request path (PASSIVE never blocks saves)."""
        done = 0
        while not self._closing.wait(CHECKPOINT_EVERY):
            if self._writes == done:
                continue
            done = self._writes
            try:
                with self.engine.connect() as conn:
                    conn.exec_driver_sql("PRAGMA wal_checkpoint(PASSIVE)")
            except Exception:  # noqa: BLE001 - a skipped checkpoint is retried on the next tick
                continue

    def close(self) -> None:
        self._closing.set()
        if self._checkpointer is not None:
            self._checkpointer.join(timeout=5)
        self.engine.dispose()

    def create(self, data: dict[str, Any], user: str, title: str = "") -> StoredCase:
        case_id = uuid.uuid4().hex
        now = _now()
        changes = [{"path": "/", "label": "新建案件", "old": None, "new": None}]
        with self.engine.begin() as conn:
            conn.execute(
                insert(CASES).values(
                    id=case_id,
                    case_type=data["case_type"],
                    title=title,
                    court=data.get("court"),
                    latest_version=1,
                    created_at=now,
                    updated_at=now,
                    created_by=user,
                )
            )
            conn.execute(
                insert(VERSIONS).values(
                    case_id=case_id,
                    version=1,
                    data=_dumps(data),
                    user=user,
                    created_at=now,
                    summary=_dumps(changes),
                )
            )
        self._writes += 1
        return StoredCase(case_id, 1, data, user, now)

    def latest_version(self, case_id: str) -> int:
        with self.engine.connect() as conn:
            version = conn.execute(select(CASES.c.latest_version).where(CASES.c.id == case_id)).scalar()
        if version is None:
            raise CaseNotFound(case_id)
        return int(version)

    def load_raw(self, case_id: str, version: int | None = None) -> tuple[int, str, str, datetime]:
        """(version, JSON text, user, saved at) of a version, the latest by default."""
        with self.engine.connect() as conn:
            if version is None:
                version = conn.execute(select(CASES.c.latest_version).where(CASES.c.id == case_id)).scalar()
                if version is None:
                    raise CaseNotFound(case_id)
            row = conn.execute(
                select(VERSIONS.c.data, VERSIONS.c.user, VERSIONS.c.created_at).where(
                    VERSIONS.c.case_id == case_id, VERSIONS.c.version == version
                )
            ).first()
        if row is None:
            raise CaseNotFound(case_id)
        return int(version), row.data, row.user, _aware(row.created_at)

    def get(self, case_id: str, version: int | None = None) -> StoredCase:
        number, text, user, saved_at = self.load_raw(case_id, version)
        return StoredCase(case_id, number, json.loads(text), user, saved_at)

    def save(
        self,
        case_id: str,
        expected_version: int,
        data: dict[str, Any],
        user: str,
        changes: list[dict[str, Any]],
        title: str | None = None,
    ) -> StoredCase:
        """Store `data` as the version after `expected_version`; VersionConflict if that is not the latest.

        One short transaction: move the pointer (the optimistic lock), insert the new row, commit.
        The JSON is encoded before the transaction starts, so the write lock is held only for
        the two statements.
        """
        now = _now()
        new_version = expected_version + 1
        text = _dumps(data)
        summary = _dumps(changes)
        move = (
            update(CASES)
            .where(CASES.c.id == case_id, CASES.c.latest_version == expected_version)
            .values(
                latest_version=new_version,
                updated_at=now,
                court=data.get("court"),
                title=CASES.c.title if title is None else title,
            )
        )
        moved = False
        try:
            with self.engine.begin() as conn:
                moved = conn.execute(move).rowcount == 1
                if moved:
                    conn.execute(
                        insert(VERSIONS).values(
                            case_id=case_id,
                            version=new_version,
                            data=text,
                            user=user,
                            created_at=now,
                            summary=summary,
                        )
                    )
        except IntegrityError:
            # the UNIQUE (case_id, version) constraint caught a save racing past the pointer
            moved = False
        if not moved:
            current = self._latest_or_none(case_id)
            if current is None:
                raise CaseNotFound(case_id)
            raise VersionConflict(current)
        self._writes += 1
        return StoredCase(case_id, new_version, data, user, now)

    def _latest_or_none(self, case_id: str) -> int | None:
        with self.engine.connect() as conn:
            version = conn.execute(select(CASES.c.latest_version).where(CASES.c.id == case_id)).scalar()
        return None if version is None else int(version)

    def history(self, case_id: str) -> list[HistoryEntry]:
        with self.engine.connect() as conn:
            exists = conn.execute(select(CASES.c.id).where(CASES.c.id == case_id)).scalar()
            if exists is None:
                raise CaseNotFound(case_id)
            rows = conn.execute(
                select(VERSIONS.c.version, VERSIONS.c.user, VERSIONS.c.created_at, VERSIONS.c.summary)
                .where(VERSIONS.c.case_id == case_id)
                .order_by(VERSIONS.c.version)
            ).all()
        return [
            HistoryEntry(r.version, r.user, _aware(r.created_at), json.loads(r.summary or "[]")) for r in rows
        ]

    def list_cases(self, limit: int = 200) -> list[CaseSummary]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(CASES).order_by(CASES.c.updated_at.desc()).limit(limit)).all()
        return [
            CaseSummary(
                r.id,
                r.case_type,
                r.title,
                r.court,
                r.latest_version,
                _aware(r.created_at),
                _aware(r.updated_at),
                r.created_by,
            )
            for r in rows
        ]

"""Case storage: every save is a new, immutable version row.

`cases` holds one row per case with a pointer to its latest version; `case_versions`
holds every version ever saved (the full case JSON, who saved it, when, and what
changed). A save is one transaction that moves the pointer from the version the judge
was editing to the next one and inserts the new row:

- the UPDATE ... WHERE latest_version = expected is the optimistic lock: if another
  judge saved first, no row matches and the save is a conflict (HTTP 409);
- the UNIQUE (case_id, version) constraint is the last line of defence should two
  saves ever race past the pointer check;
- a process killed mid-save leaves the database at the last committed transaction.

Court scope is enforced here, in the queries: every case method takes `court`, and a
scoped caller (a judge or an assistant) only ever matches rows of that court, so a case
of another court is "not found", exactly like a case that does not exist. Only an
admin's delete and purge remove rows, and both are written to the access log.

SQLite (a file created 0600, the embedded default) and PostgreSQL (by URL) run the same code.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
import uuid
from collections import OrderedDict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, delete, event, func, insert, select, update
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import IntegrityError
from sqlalchemy.sql import Select

from engine.errors import E, YaosuError
from engine.service.tables import ACCESS_LOG, CASES, SIGNATURES, UPLOADS, VERSIONS, Base, CaseRow, VersionRow

__all__ = ["Base", "CaseRow", "VersionRow", "Store", "CaseNotFound", "VersionConflict", "StoredCase"]

CHECKPOINT_EVERY = 1.0  # seconds between WAL checkpoints while saves are coming in
LOG_FLUSH_EVERY = 0.2  # seconds an access-log entry may wait to be written with others
PARSED_CACHE = 256  # parsed versions kept (versions are immutable)
UNSCOPED: str | None = None  # `court=UNSCOPED`: every court (desk mode, admins, researchers)


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


@dataclass(frozen=True)
class AccessEntry:
    user: str
    action: str
    case_id: str | None
    version: int | None
    detail: str
    address: str
    at: datetime


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
    # FULL: every commit is synced to disk, so a power cut or an OS crash cannot lose a save the
    # judge was told had succeeded (NORMAL in WAL mode only survives process crashes).
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA busy_timeout=15000")
    # Checkpoints (copying the WAL back into the database, with an fsync) are run by the
    # store's background thread, not by whichever save happens to cross the threshold.
    cursor.execute("PRAGMA wal_autocheckpoint=0")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def sqlite_path(url: str) -> str | None:
    """The file of a sqlite:/// URL; None for PostgreSQL and in-memory databases."""
    parsed = make_url(normalize_url(url))
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return parsed.database


def restrict_file(path: str) -> None:
    """Create the database file readable by its owner only (case files are personal data);
    an existing file is narrowed to 0600. SQLite gives its -wal and -shm files the same mode."""
    fd = os.open(path, os.O_CREAT | os.O_RDWR, 0o600)
    os.close(fd)
    os.chmod(path, 0o600)


def make_engine(url: str) -> Engine:
    url = normalize_url(url)
    if url.startswith("sqlite"):
        path = sqlite_path(url)
        if path is not None:
            restrict_file(path)
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 15}, pool_size=20)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_size=20, max_overflow=10, pool_pre_ping=True)


def _dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _scoped(statement: Select[Any], court: str | None) -> Select[Any]:
    """The one place a case query is narrowed to a court."""
    return statement if court is None else statement.where(CASES.c.court == court)


class Store:
    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = make_engine(url)
        Base.metadata.create_all(self.engine)
        self._writes = 0
        self._closing = threading.Event()
        self._parsed: OrderedDict[tuple[str, int], dict[str, Any]] = OrderedDict()
        self._parsed_lock = threading.Lock()
        self._log_buffer: list[dict[str, Any]] = []
        self._log_lock = threading.Lock()
        self._log_writer = threading.Thread(target=self._log_loop, name="yaosu-access-log", daemon=True)
        self._log_writer.start()
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
        self._log_writer.join(timeout=5)
        self.flush_log()
        if self._checkpointer is not None:
            self._checkpointer.join(timeout=5)
        self.engine.dispose()

    # --- cases --------------------------------------------------------------------------
    def create(self, data: dict[str, Any], user: str, title: str = "", digest: str | None = None) -> StoredCase:
        """Store a new case as version 1; `digest` (of its pleadings) is what find_upload looks up."""
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
            if digest is not None:
                conn.execute(insert(UPLOADS).values(digest=digest, case_id=case_id))
        self._writes += 1
        return StoredCase(case_id, 1, data, user, now)

    def find_upload(self, digest: str, court: str | None = UNSCOPED) -> str | None:
        """The id of a case in scope made from pleadings with this digest, the newest first."""
        statement = (
            select(CASES.c.id)
            .join(UPLOADS, UPLOADS.c.case_id == CASES.c.id)
            .where(UPLOADS.c.digest == digest)
            .order_by(CASES.c.created_at.desc())
            .limit(1)
        )
        with self.engine.connect() as conn:
            found = conn.execute(_scoped(statement, court)).scalar()
        return None if found is None else str(found)

    def latest_version(self, case_id: str, court: str | None = UNSCOPED) -> int:
        with self.engine.connect() as conn:
            version = conn.execute(
                _scoped(select(CASES.c.latest_version).where(CASES.c.id == case_id), court)
            ).scalar()
        if version is None:
            raise CaseNotFound(case_id)
        return int(version)

    def get(self, case_id: str, version: int | None = None, court: str | None = UNSCOPED) -> StoredCase:
        """A version (the latest by default) of a case visible in `court`; CaseNotFound otherwise."""
        wanted = CASES.c.latest_version if version is None else version
        statement = (
            select(VERSIONS.c.version, VERSIONS.c.data, VERSIONS.c.user, VERSIONS.c.created_at)
            .join(CASES, CASES.c.id == VERSIONS.c.case_id)
            .where(CASES.c.id == case_id, VERSIONS.c.version == wanted)
        )
        with self.engine.connect() as conn:
            row = conn.execute(_scoped(statement, court)).first()
        if row is None:
            raise CaseNotFound(case_id)
        number = int(row.version)
        return StoredCase(
            case_id, number, self._parse(case_id, number, row.data), row.user, _aware(row.created_at)
        )

    def _parse(self, case_id: str, version: int, text: str) -> dict[str, Any]:
        """The parsed JSON of a version, kept: a version never changes, and parsing a case with its
        pleadings costs ~0.5 ms. Only reached after the scoped query found the row, so a cached
        version of a case out of scope, deleted or purged is never handed out."""
        key = (case_id, version)
        with self._parsed_lock:
            data = self._parsed.get(key)
            if data is not None:
                self._parsed.move_to_end(key)
                return data
        data = json.loads(text)
        with self._parsed_lock:
            self._parsed[key] = data
            while len(self._parsed) > PARSED_CACHE:
                self._parsed.popitem(last=False)
        return data

    def save(
        self,
        case_id: str,
        expected_version: int,
        data: dict[str, Any],
        user: str,
        changes: list[dict[str, Any]],
        title: str | None = None,
        court: str | None = UNSCOPED,
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
        if court is not None:
            move = move.where(CASES.c.court == court)
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
            current = self._latest_or_none(case_id, court)
            if current is None:
                raise CaseNotFound(case_id)
            raise VersionConflict(current)
        self._writes += 1
        with self._parsed_lock:
            self._parsed[(case_id, new_version)] = data
        return StoredCase(case_id, new_version, data, user, now)

    def _latest_or_none(self, case_id: str, court: str | None) -> int | None:
        try:
            return self.latest_version(case_id, court)
        except CaseNotFound:
            return None

    def history(self, case_id: str, court: str | None = UNSCOPED) -> list[HistoryEntry]:
        self.latest_version(case_id, court)  # CaseNotFound outside the scope
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(VERSIONS.c.version, VERSIONS.c.user, VERSIONS.c.created_at, VERSIONS.c.summary)
                .where(VERSIONS.c.case_id == case_id)
                .order_by(VERSIONS.c.version)
            ).all()
            signatures = conn.execute(
                select(SIGNATURES.c.version, SIGNATURES.c.user, SIGNATURES.c.signed_at)
                .where(SIGNATURES.c.case_id == case_id)
                .order_by(SIGNATURES.c.id)
            ).all()
        entries = [
            HistoryEntry(r.version, r.user, _aware(r.created_at), json.loads(r.summary or "[]")) for r in rows
        ]
        for s in signatures:
            change = {"path": "/signed", "label": "签发判决书", "old": None, "new": s.version}
            entries.append(HistoryEntry(s.version, s.user, _aware(s.signed_at), [change]))
        entries.sort(key=lambda entry: (entry.version, entry.saved_at))
        return entries

    def list_cases(self, limit: int = 200, court: str | None = UNSCOPED, offset: int = 0) -> list[CaseSummary]:
        """A page of the cases in scope, the most recently saved first."""
        statement = select(CASES).order_by(CASES.c.updated_at.desc(), CASES.c.id).offset(offset).limit(limit)
        with self.engine.connect() as conn:
            rows = conn.execute(_scoped(statement, court)).all()
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

    def latest_cases(self, court: str | None = UNSCOPED) -> Iterator[tuple[str, dict[str, Any]]]:
        """(id, data) of the latest version of every case in scope, oldest first (for exports)."""
        statement = (
            select(CASES.c.id, VERSIONS.c.data)
            .join(
                VERSIONS, (VERSIONS.c.case_id == CASES.c.id) & (VERSIONS.c.version == CASES.c.latest_version)
            )
            .order_by(CASES.c.created_at)
        )
        with self.engine.connect() as conn:
            for row in conn.execute(_scoped(statement, court)):
                yield row.id, json.loads(row.data)

    def sign(self, case_id: str, version: int, user: str, court: str | None = UNSCOPED) -> datetime:
        """Record that `user` signed `version`; it must be the latest (VersionConflict otherwise)."""
        latest = self.latest_version(case_id, court)
        if version != latest:
            raise VersionConflict(latest)
        now = _now()
        with self.engine.begin() as conn:
            conn.execute(
                insert(SIGNATURES).values(case_id=case_id, version=version, user=user, signed_at=now)
            )
        return now

    def delete_case(self, case_id: str) -> int:
        """Remove a case and every version of it; the number of versions removed."""
        with self.engine.begin() as conn:
            exists = conn.execute(select(CASES.c.id).where(CASES.c.id == case_id)).scalar()
            if exists is None:
                raise CaseNotFound(case_id)
            removed = conn.execute(delete(VERSIONS).where(VERSIONS.c.case_id == case_id)).rowcount
            conn.execute(delete(SIGNATURES).where(SIGNATURES.c.case_id == case_id))
            conn.execute(delete(UPLOADS).where(UPLOADS.c.case_id == case_id))
            conn.execute(delete(CASES).where(CASES.c.id == case_id))
        self._writes += 1
        return int(removed)

    def purge_versions(self, case_id: str, keep: int) -> list[int]:
        """Remove all but the newest `keep` (at least 1) versions of a case; the versions removed."""
        keep = max(1, keep)
        latest = self.latest_version(case_id)
        cutoff = latest - keep  # versions <= cutoff go
        with self.engine.begin() as conn:
            gone = (
                conn.execute(
                    select(VERSIONS.c.version)
                    .where(VERSIONS.c.case_id == case_id, VERSIONS.c.version <= cutoff)
                    .order_by(VERSIONS.c.version)
                )
                .scalars()
                .all()
            )
            conn.execute(delete(VERSIONS).where(VERSIONS.c.case_id == case_id, VERSIONS.c.version <= cutoff))
        self._writes += 1
        return [int(v) for v in gone]

    def case_count(self, court: str | None = UNSCOPED) -> int:
        with self.engine.connect() as conn:
            statement = select(func.count()).select_from(CASES)
            if court is not None:
                statement = statement.where(CASES.c.court == court)
            return int(conn.execute(statement).scalar() or 0)

    # --- the access log -------------------------------------------------------------------
    def log_access(
        self,
        user: str,
        action: str,
        case_id: str | None = None,
        version: int | None = None,
        detail: str = "",
        address: str = "",
    ) -> None:
        """Record an access. Reads are frequent (every preview), so entries are written together by
        a background thread within LOG_FLUSH_EVERY seconds, off the request path."""
        entry = {
            "user": user,
            "action": action,
            "case_id": case_id,
            "version": version,
            "detail": detail,
            "address": address[:64],
            "at": _now(),
        }
        with self._log_lock:
            self._log_buffer.append(entry)

    def flush_log(self) -> None:
        with self._log_lock:
            entries, self._log_buffer = self._log_buffer, []
        if not entries:
            return
        try:
            with self.engine.begin() as conn:
                conn.execute(insert(ACCESS_LOG), entries)
        except Exception:
            with self._log_lock:  # kept for the next flush
                self._log_buffer[:0] = entries
            raise
        self._writes += 1

    def _log_loop(self) -> None:
        while not self._closing.wait(LOG_FLUSH_EVERY):
            try:
                self.flush_log()
            except Exception:  # noqa: BLE001 - the entries are lost only if the database is gone
                continue

    def access_log(self, case_id: str | None = None, limit: int = 1000) -> list[AccessEntry]:
        self.flush_log()
        statement = select(ACCESS_LOG).order_by(ACCESS_LOG.c.id.desc()).limit(limit)
        if case_id is not None:
            statement = statement.where(ACCESS_LOG.c.case_id == case_id)
        with self.engine.connect() as conn:
            rows = conn.execute(statement).all()
        return [
            AccessEntry(r.user, r.action, r.case_id, r.version, r.detail, r.address, _aware(r.at))
            for r in reversed(rows)
        ]


def _new_private_file(path: Path) -> int:
    """A new file readable by its owner only; a YaosuError if something is already there."""
    try:
        return os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        raise YaosuError(E.E679, file=path, path=str(path)) from None
    except OSError as exc:
        raise YaosuError(E.E680, file=path, exc_strerror=exc.strerror, path=str(path)) from None


def _json_row(row: Any) -> dict[str, Any]:
    return {key: value.isoformat() if isinstance(value, datetime) else value for key, value in row._mapping.items()}


def backup(url: str, out: Path) -> dict[str, int]:
    """Copy the store at `url` into the new file `out` (0600): SQLite through the sqlite3 backup API
    (a consistent copy while the service runs), PostgreSQL as JSON Lines of the cases and their versions
    ({"table": …, "row": …}, in one transaction). The number of rows copied, by table."""
    path = sqlite_path(url)
    if make_url(normalize_url(url)).get_backend_name() == "sqlite":
        if path is None or not os.path.exists(path):
            raise YaosuError(E.E681, path_or_url=path or url, path="--db")
        os.close(_new_private_file(out))
        source, target = sqlite3.connect(path), sqlite3.connect(out)
        try:
            with target:
                source.backup(target)
            counts = {
                name: int(target.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0])  # noqa: S608 - our table names
                for name in (CASES.name, VERSIONS.name)
            }
        finally:
            source.close()
            target.close()
        return counts
    engine = make_engine(url)
    counts = {CASES.name: 0, VERSIONS.name: 0}
    try:
        with os.fdopen(_new_private_file(out), "w", encoding="utf-8") as handle, engine.begin() as conn:
            for table in (CASES, VERSIONS):
                key = [table.c.id] if table is CASES else [table.c.case_id, table.c.version]
                for row in conn.execute(select(table).order_by(*key)):
                    handle.write(_dumps({"table": table.name, "row": _json_row(row)}) + "\n")
                    counts[table.name] += 1
    finally:
        engine.dispose()
    return counts

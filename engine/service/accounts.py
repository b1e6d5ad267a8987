"""Accounts of the web service, their passwords (argon2id), sessions and the login throttle.

Passwords are only ever hashed (argon2-cffi's PasswordHasher, the RFC 9106 defaults); the
store holds the PHC string `$argon2id$v=19$m=…`, never the password. A session is a random
token: the cookie carries it signed with the store's key (itsdangerous, with its age), the
store keeps its SHA-256 with the expiry, so logging out, disabling an account or changing
its password ends the session on every worker at once.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Literal, get_args

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from itsdangerous import BadSignature, TimestampSigner
from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from engine.errors import E, YaosuError
from engine.service.tables import LOGIN_FAILURES, SECRET, SESSIONS, USERS

Role = Literal["judge", "assistant", "researcher", "admin"]
ROLES: tuple[str, ...] = get_args(Role)
ROLE_LABELS = {"judge": "法官", "assistant": "法官助理", "researcher": "研究人员", "admin": "管理员"}
COURT_ROLES = ("judge", "assistant")  # these belong to one court and see only its cases
MIN_PASSWORD = 10
SESSION_HOURS = 8
THROTTLE_WINDOW = timedelta(minutes=15)
MAX_FAILURES_PER_ACCOUNT = 5
MAX_FAILURES_PER_ADDRESS = 20

_hasher = PasswordHasher()
# Verifying against this when the account does not exist costs the same time as a real check,
# so the response time does not tell which account names exist.
_DUMMY_HASH = _hasher.hash(secrets.token_urlsafe(16))


@dataclass(frozen=True)
class Account:
    id: int
    name: str
    role: str
    court: str | None
    disabled: bool
    created_at: datetime


@dataclass(frozen=True)
class Session:
    account: Account
    csrf_token: str
    expires_at: datetime


class LoginThrottled(Exception):
    """Too many failed logins for this account or from this address."""


def _now() -> datetime:
    return datetime.now(UTC)


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _account(row: object) -> Account:
    return Account(
        row.id,  # type: ignore[attr-defined]
        row.name,  # type: ignore[attr-defined]
        row.role,  # type: ignore[attr-defined]
        row.court,  # type: ignore[attr-defined]
        bool(row.disabled),  # type: ignore[attr-defined]
        _aware(row.created_at),  # type: ignore[attr-defined]
    )


def check_role_and_court(role: str, court: str | None) -> str | None:
    """The court an account of `role` belongs to, validated against courts.yaml."""
    from engine.system import default_system

    if role not in ROLES:
        raise YaosuError(E.E662, role=role, join_roles='、'.join(ROLES), path="--role")
    if role in COURT_ROLES:
        if not court:
            raise YaosuError(E.E665, role_labels_role=ROLE_LABELS[role], path="--court")
        return default_system().court(court).id
    if court:
        raise YaosuError(E.E663, role_labels_role=ROLE_LABELS[role], path="--court")
    return None


def check_password(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise YaosuError(E.E664, min_password=MIN_PASSWORD, path="password")
    return password


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class Accounts:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._signer: TimestampSigner | None = None

    # --- accounts -----------------------------------------------------------------------
    def any_account(self) -> bool:
        with self.engine.connect() as conn:
            return conn.execute(select(USERS.c.id).limit(1)).first() is not None

    def add(self, name: str, role: str, court: str | None, password: str) -> Account:
        name = name.strip()
        if not name or len(name) > 100:
            raise YaosuError(E.E666, path="NAME")
        court = check_role_and_court(role, court)
        password_hash = _hasher.hash(check_password(password))
        try:
            with self.engine.begin() as conn:
                conn.execute(
                    insert(USERS).values(
                        name=name,
                        role=role,
                        court=court,
                        password_hash=password_hash,
                        disabled=False,
                        created_at=_now(),
                    )
                )
        except IntegrityError:
            raise YaosuError(E.E668, name=name, path="NAME") from None
        return self.get(name)

    def get(self, name: str) -> Account:
        with self.engine.connect() as conn:
            row = conn.execute(select(USERS).where(USERS.c.name == name)).first()
        if row is None:
            raise YaosuError(E.E667, name=name, path="NAME")
        return _account(row)

    def list(self) -> list[Account]:
        with self.engine.connect() as conn:
            return [_account(row) for row in conn.execute(select(USERS).order_by(USERS.c.id))]

    def disable(self, name: str) -> Account:
        account = self.get(name)
        with self.engine.begin() as conn:
            conn.execute(update(USERS).where(USERS.c.id == account.id).values(disabled=True))
            conn.execute(update(SESSIONS).where(SESSIONS.c.user_id == account.id).values(revoked=True))
        return self.get(name)

    def set_password(self, name: str, password: str) -> None:
        account = self.get(name)
        password_hash = _hasher.hash(check_password(password))
        with self.engine.begin() as conn:
            conn.execute(update(USERS).where(USERS.c.id == account.id).values(password_hash=password_hash))
            conn.execute(update(SESSIONS).where(SESSIONS.c.user_id == account.id).values(revoked=True))

    # --- login --------------------------------------------------------------------------
    def _throttled(self, name: str, address: str) -> bool:
        since = _now() - THROTTLE_WINDOW
        with self.engine.connect() as conn:
            by_account = conn.execute(
                select(func.count())
                .select_from(LOGIN_FAILURES)
                .where(LOGIN_FAILURES.c.user_name == name, LOGIN_FAILURES.c.at >= since)
            ).scalar()
            by_address = conn.execute(
                select(func.count())
                .select_from(LOGIN_FAILURES)
                .where(LOGIN_FAILURES.c.address == address, LOGIN_FAILURES.c.at >= since)
            ).scalar()
        return (by_account or 0) >= MAX_FAILURES_PER_ACCOUNT or (by_address or 0) >= MAX_FAILURES_PER_ADDRESS

    def authenticate(self, name: str, password: str, address: str) -> Account | None:
        """The account if the password is right and it is enabled; None otherwise (a failure is
        recorded). LoginThrottled, before any check, after too many recent failures."""
        name = name.strip()[:100]
        if self._throttled(name, address):
            raise LoginThrottled()
        with self.engine.connect() as conn:
            row = conn.execute(select(USERS).where(USERS.c.name == name)).first()
        stored = row.password_hash if row is not None else _DUMMY_HASH
        try:
            ok = _hasher.verify(stored, password) and row is not None and not row.disabled
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            ok = False
        if not ok or row is None:
            with self.engine.begin() as conn:
                conn.execute(insert(LOGIN_FAILURES).values(user_name=name, address=address[:64], at=_now()))
            return None
        if _hasher.check_needs_rehash(row.password_hash):
            self._rehash(row.id, password)
        with self.engine.begin() as conn:
            conn.execute(delete(LOGIN_FAILURES).where(LOGIN_FAILURES.c.user_name == name))
        return _account(row)

    def _rehash(self, user_id: int, password: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(
                update(USERS).where(USERS.c.id == user_id).values(password_hash=_hasher.hash(password))
            )

    # --- sessions -----------------------------------------------------------------------
    def signer(self) -> TimestampSigner:
        if self._signer is None:
            with self.engine.connect() as conn:
                key = conn.execute(select(SECRET.c.key).where(SECRET.c.id == 1)).scalar()
            if key is None:
                try:
                    with self.engine.begin() as conn:
                        conn.execute(insert(SECRET).values(id=1, key=secrets.token_hex(32)))
                except IntegrityError:
                    pass  # another worker made it first
                with self.engine.connect() as conn:
                    key = conn.execute(select(SECRET.c.key).where(SECRET.c.id == 1)).scalar()
            self._signer = TimestampSigner(str(key), salt="yaosu-session")
        return self._signer

    def open_session(self, account: Account) -> tuple[str, Session]:
        """(cookie value, session) for a fresh login."""
        token = secrets.token_urlsafe(32)
        csrf = secrets.token_urlsafe(32)
        now = _now()
        expires = now + timedelta(hours=SESSION_HOURS)
        with self.engine.begin() as conn:
            conn.execute(
                insert(SESSIONS).values(
                    token_hash=_token_hash(token),
                    user_id=account.id,
                    csrf_token=csrf,
                    created_at=now,
                    expires_at=expires,
                    revoked=False,
                )
            )
        return self.signer().sign(token).decode(), Session(account, csrf, expires)

    def session(self, cookie: str | None) -> Session | None:
        """The live session of a cookie: signed by this store, not expired, not revoked, account enabled."""
        if not cookie:
            return None
        try:
            token = self.signer().unsign(cookie, max_age=SESSION_HOURS * 3600).decode()
        except (BadSignature, UnicodeDecodeError):
            return None
        with self.engine.connect() as conn:
            row = conn.execute(
                select(SESSIONS.c.csrf_token, SESSIONS.c.expires_at, SESSIONS.c.revoked, USERS)
                .join(USERS, USERS.c.id == SESSIONS.c.user_id)
                .where(SESSIONS.c.token_hash == _token_hash(token))
            ).first()
        if row is None or row.revoked or row.disabled or _aware(row.expires_at) <= _now():
            return None
        return Session(_account(row), row.csrf_token, _aware(row.expires_at))

    def close_session(self, cookie: str | None) -> None:
        if not cookie:
            return
        try:
            token = self.signer().unsign(cookie).decode()
        except (BadSignature, UnicodeDecodeError):
            return
        with self.engine.begin() as conn:
            conn.execute(
                update(SESSIONS).where(SESSIONS.c.token_hash == _token_hash(token)).values(revoked=True)
            )


def same_token(given: str | None, expected: str) -> bool:
    return given is not None and hmac.compare_digest(given.encode(), expected.encode())

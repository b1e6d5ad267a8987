"""Who may do what: the policy table, the request's principal, and the request guards.

Every route declares the one action it performs (`Depends(require("read_case"))`); whether
the caller's role may perform it is decided here, from POLICY, and nowhere else. Court
scope is not a check in the routes either: the principal's `court` is handed to the store,
whose queries only match that court's cases (another court's case is a 404, like one that
does not exist).

Modes: with no account in the store and the server bound to loopback, the service runs as
a single-user desk ("desk" principal, every action, the user's name from X-Yaosu-User or
--user, as before accounts existed). Once an account exists, every request needs a session.
The Host and Origin checks (against DNS rebinding and cross-site requests) apply in both.
"""

from __future__ import annotations

import ipaddress
import time
import urllib.parse
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from typing import Any

from fastapi import HTTPException, Request
from fastapi.responses import JSONResponse

from engine.service.accounts import Accounts, same_token

SESSION_COOKIE = "yaosu_session"
CSRF_HEADER = "x-csrf-token"
USER_HEADER = "x-yaosu-user"
ANONYMOUS = "匿名用户"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
DESK = "desk"
RECHECK = 1.0  # seconds between "does an account exist yet?" queries in desk mode

NOT_LOGGED_IN = "请先登录"
FORBIDDEN = "您的账户无权执行此操作"
BAD_CSRF = "缺少或错误的 CSRF 令牌（X-CSRF-Token），请刷新页面后重试"
BAD_ORIGIN = "跨站请求被拒绝（Origin 与本站不符）"
BAD_HOST = "不认可的主机名（Host），请用服务配置的地址访问（serve --allowed-host）"

# action → roles allowed. "desk" (single-user mode) may do everything.
POLICY: dict[str, frozenset[str]] = {
    "reference": frozenset({"judge", "assistant"}),  # case types, courts, schemas
    "list_cases": frozenset({"judge", "assistant"}),
    "read_case": frozenset({"judge", "assistant"}),  # view, history, preview, download
    "create_case": frozenset({"judge", "assistant"}),
    "extract": frozenset({"judge", "assistant"}),
    "edit_case": frozenset({"judge", "assistant"}),  # pleaded values, case details, court
    "record_findings": frozenset({"judge"}),  # 本院认定
    "sign": frozenset({"judge"}),  # 签发
    "export": frozenset({"researcher"}),  # de-identified research export
    "delete_case": frozenset({"admin"}),
    "purge_versions": frozenset({"admin"}),
    "manage_accounts": frozenset({"admin"}),
}


@dataclass(frozen=True)
class Principal:
    name: str
    role: str
    court: str | None  # the court whose cases this principal sees; None: not court-scoped
    csrf_token: str | None = None

    @property
    def desk(self) -> bool:
        return self.role == DESK


def allowed(principal: Principal, action: str) -> bool:
    return principal.desk or principal.role in POLICY[action]


def authorize(principal: Principal, action: str) -> None:
    if not allowed(principal, action):
        raise HTTPException(status_code=403, detail=FORBIDDEN)


def for_patch(principal: Principal, findings: dict[str, Any], edits: dict[str, Any]) -> Principal:
    """A save: findings need a judge; a court-scoped user cannot move a case to another court."""
    if findings:
        authorize(principal, "record_findings")
    if principal.court is not None and "court" in edits and edits["court"] != principal.court:
        raise HTTPException(status_code=403, detail=f"只能办理本院（{principal.court}）的案件")
    return principal


def court_for_new_case(principal: Principal, court: str | None) -> str | None:
    """The court of a case being created: a scoped user's own court (and no other)."""
    if principal.court is None:
        return court
    if court and court != principal.court:
        raise HTTPException(status_code=403, detail=f"只能办理本院（{principal.court}）的案件")
    return principal.court


def is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def default_allowed_hosts(bind_host: str) -> list[str]:
    return [bind_host, "localhost", "127.0.0.1", "::1"]


def client_address(request: Request) -> str:
    return request.client.host if request.client else ""


class Guard:
    """The principal of a request: from its session, or the desk user in single-user mode."""

    def __init__(self, accounts: Accounts, desk_allowed: bool, default_user: str | None) -> None:
        self.accounts = accounts
        self.desk_allowed = desk_allowed
        self.default_user = default_user
        self._accounts_exist = False  # accounts are never deleted: once True, always True
        self._checked_at = float("-inf")

    def accounts_mode(self) -> bool:
        # An account added while the server runs (`yaosu user add`) is noticed within RECHECK
        # seconds; the desk's requests do not each pay a query for it.
        if not self._accounts_exist and time.monotonic() - self._checked_at >= RECHECK:
            self._accounts_exist = self.accounts.any_account()
            self._checked_at = time.monotonic()
        return self._accounts_exist or not self.desk_allowed

    def principal(self, request: Request) -> Principal | None:
        if not self.accounts_mode():
            return Principal(self._desk_user(request), DESK, None)
        session = self.accounts.session(request.cookies.get(SESSION_COOKIE))
        if session is None:
            return None
        account = session.account
        return Principal(account.name, account.role, account.court, session.csrf_token)

    def _desk_user(self, request: Request) -> str:
        """Who is saving: the X-Yaosu-User header (percent-encoded UTF-8), else --user, else anonymous."""
        raw = request.headers.get(USER_HEADER)
        name = urllib.parse.unquote(raw).strip() if raw else (self.default_user or "")
        return name[:100] or ANONYMOUS


async def current(request: Request) -> Principal:
    """The authenticated principal, CSRF-checked on state-changing requests; 401 without a session."""
    guard: Guard = request.app.state.guard
    principal = guard.principal(request)
    if principal is None:
        raise HTTPException(status_code=401, detail=NOT_LOGGED_IN)
    if (
        not principal.desk
        and request.method not in SAFE_METHODS
        and not same_token(request.headers.get(CSRF_HEADER), principal.csrf_token or "")
    ):
        raise HTTPException(status_code=403, detail=BAD_CSRF)
    return principal


def require(action: str) -> Callable[[Request], Awaitable[Principal]]:
    """A FastAPI dependency: the principal, if its role may perform `action` (POLICY).

    Async, like the hot routes: the session lookup is one indexed query, and a sync dependency
    would cost every request a trip through the thread pool."""
    if action not in POLICY:
        raise KeyError(action)

    async def dependency(request: Request) -> Principal:
        principal = await current(request)
        authorize(principal, action)
        return principal

    dependency.__name__ = f"require_{action}"
    return dependency


def _host_name(value: str) -> str:
    """The host of a Host header or an origin's netloc, without the port, lower-cased."""
    value = value.strip().lower()
    if value.startswith("["):
        return value[1 : value.find("]")] if "]" in value else value
    return value.rsplit(":", 1)[0] if value.count(":") == 1 else value


class RequestChecks:
    """Plain ASGI: refuse an unknown Host (400) and a cross-site Origin on state-changing requests (403)."""

    def __init__(self, app: Any, allowed_hosts: Iterable[str]) -> None:
        self.app = app
        self.allowed = {_host_name(host) for host in allowed_hosts if host}

    async def __call__(self, scope: dict[str, Any], receive: Callable[[], Awaitable[Any]], send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        host = headers.get(b"host", b"").decode("latin-1")
        if _host_name(host) not in self.allowed:
            await JSONResponse(status_code=400, content={"detail": BAD_HOST})(scope, receive, send)
            return
        origin = headers.get(b"origin")
        if origin is not None and scope["method"] not in SAFE_METHODS:
            parsed = urllib.parse.urlsplit(origin.decode("latin-1"))
            if parsed.netloc.lower() != host.lower() or parsed.scheme not in ("http", "https"):
                await JSONResponse(status_code=403, content={"detail": BAD_ORIGIN})(scope, receive, send)
                return
        await self.app(scope, receive, send)

"""The judges' web service: JSON API (OpenAPI at /openapi.json) and the element-table form at /.

Who may call what is decided in engine/service/auth.py (one policy table, one dependency per
route); court scope is enforced by the store's queries. Versions are immutable, so the HTML
preview of a version for a court is cached by (case id, version, court); the case itself is
read from the store on every request, through the scoped query.
"""

from __future__ import annotations

import asyncio
import errno
import functools
import importlib.util
import json
import os
import threading
import urllib.parse
from collections import OrderedDict
from collections.abc import AsyncIterator, Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, File, Form, HTTPException, Query, Request, UploadFile
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, ConfigDict, Field

from engine.case.casefile import case_schema
from engine.case.effective import effective_value, pending_disputes
from engine.case.new import new_case_from_texts
from engine.case.patch import PatchError, apply_patch, schema_problems
from engine.case.validate import element_problems
from engine.drafting.anonymise import render_anonymised_docx, render_anonymised_html
from engine.drafting.build import build_judgment
from engine.drafting.render import render_docx, render_html, render_judgment_html
from engine.errors import E, YaosuError
from engine.extraction.scans import ReadText
from engine.service.accounts import SESSION_HOURS, THROTTLE_WINDOW, Accounts, LoginThrottled
from engine.service.auth import (
    SESSION_COOKIE,
    Guard,
    Principal,
    RequestChecks,
    client_address,
    court_for_new_case,
    current,
    default_allowed_hosts,
    for_patch,
    is_loopback,
    require,
)
from engine.service.changes import _same, summarize_changes, with_labels
from engine.service.intake import (
    field_types,
    normalise_element_edits,
    normalise_findings,
    normalise_meta,
    pleading_digest,
    value_texts,
)
from engine.service.research import export_rows, to_csv, to_parquet
from engine.service.store import CaseNotFound, Store, StoredCase, VersionConflict
from engine.system import default_system

STATIC_DIR = Path(__file__).resolve().parent / "static"
# Swagger UI 5 (it reads OpenAPI 3.1) as shipped in the fastapi-offline wheel, served by us, no CDN.
_SWAGGER_SPEC = importlib.util.find_spec("fastapi_offline")
SWAGGER_DIR = Path(_SWAGGER_SPEC.origin).parent / "static" if _SWAGGER_SPEC and _SWAGGER_SPEC.origin else None
MAX_UPLOAD = 10 * 1024 * 1024  # per file
MAX_BODY = 2 * MAX_UPLOAD + 1024 * 1024  # a complaint and an answer, plus multipart framing
DRAIN_LIMIT = 64 * 1024 * 1024  # past this a too-large body is cut off instead of read and dropped
TOO_LARGE = "上传的文件超过 10 MB 的上限"
NOT_FOUND = "案件不存在"
DEFAULT_COURT = "qingpu"  # warnings need a court; they do not depend on which
PLEADINGS = ("complaint", "answer")  # parts of a case no save can change

PAGE_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "frame-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
# The preview is a document of its own, shown in a sandboxed frame: no script may ever run in it.
PREVIEW_CSP = "default-src 'none'; style-src 'self'; img-src data:; frame-ancestors 'none'"
SESSION_MAX_AGE = SESSION_HOURS * 3600
# Reading and extracting uploads (docx, PDF, OCR, the spaCy pipeline) runs in its own pool, off the
# event loop, within a time limit per request: a huge or hostile file costs one worker, not the service.
EXTRACT_TIMEOUT = float(os.environ.get("YAOSU_EXTRACT_TIMEOUT") or 60.0)
EXTRACT_WORKERS = 2
# Version numbers and counts are 32-bit integer columns: a larger number is a 422, never a database fault.
MAX_VERSION = 2**31 - 1
MAX_ID = 64  # case ids are 32 hex digits
DEFAULT_PAGE, MAX_PAGE = 200, 1000  # cases in one page of the case list
BODY_TIMEOUT = float(os.environ.get("YAOSU_BODY_TIMEOUT") or 60.0)  # seconds to send a whole request body


CaseId = Annotated[str, PathParam(min_length=1, max_length=MAX_ID, description="案件编号")]


class PatchBody(BaseModel):
    model_config = ConfigDict(extra="forbid")
    version: int = Field(ge=1, le=MAX_VERSION, description="正在编辑的版本号；不是最新版本时返回 409")
    findings: dict[str, Any] = Field(default_factory=dict, description="要素 → 本院认定的值；null 表示清除")
    edits: dict[str, Any] = Field(
        default_factory=dict, description='{"meta": {...}, "court": id, "elements": {...}}'
    )


class _TooLarge(HTTPException):
    """Raised from inside body reading; an HTTPException so FastAPI's body parser passes it through."""

    def __init__(self) -> None:
        super().__init__(status_code=413, detail=TOO_LARGE)


class _BodyTimedOut(HTTPException):
    """The body did not arrive in time: 408, and the connection is closed after the answer."""

    def __init__(self, seconds: float) -> None:
        error = YaosuError(E.E678, seconds=f"{seconds:g}")
        super().__init__(
            status_code=408, detail=f"[{error.code}] {error.message}", headers={"Connection": "close"}
        )


class BodyLimit:
    """Refuse request bodies over `limit` with 413 before the multipart parser spools them, and
    bodies not received within `timeout` seconds of the request's start with 408 (a client that
    stalls halfway through an upload holds no worker for ever)."""

    def __init__(self, app: Any, limit: int = MAX_BODY, timeout: float = BODY_TIMEOUT) -> None:
        self.app = app
        self.limit = limit
        self.timeout = timeout

    async def __call__(self, scope: dict[str, Any], receive: Callable[[], Awaitable[Any]], send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.timeout
        length = dict(scope.get("headers") or []).get(b"content-length", b"")
        if length.isdigit() and int(length) > self.limit:
            if int(length) <= DRAIN_LIMIT:
                # Read what the client is sending so it gets the answer instead of a reset connection.
                try:
                    while (await asyncio.wait_for(receive(), deadline - loop.time())).get("more_body"):
                        pass
                except TimeoutError:
                    pass
            await _json(413, {"detail": TOO_LARGE})(scope, receive, send)
            return
        received = 0
        body_done = False

        async def limited_receive() -> Any:
            nonlocal received, body_done
            if body_done:
                return await receive()  # after the body only a disconnect comes: no time limit
            try:
                message = await asyncio.wait_for(receive(), max(deadline - loop.time(), 0.001))
            except TimeoutError:
                raise _BodyTimedOut(self.timeout) from None
            if message.get("type") == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    raise _TooLarge()
                body_done = not message.get("more_body")
            else:
                body_done = True
            return message

        await self.app(scope, limited_receive, send)


class SecurityHeaders:
    """CSP (scripts and styles only from this server, never framed), nosniff, no referrer, and
    Cache-Control: no-store on everything but the static assets (case data must not linger in
    a browser's or a proxy's cache); plain ASGI, no per-request task."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        cacheable = scope.get("path", "").startswith(("/static/", "/swagger-ui/"))

        async def send_with_headers(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers") or [])
                names = {name.lower() for name, _ in headers}
                if b"content-security-policy" not in names:
                    headers.append((b"content-security-policy", PAGE_CSP.encode()))
                if not cacheable:
                    headers = [(k, v) for k, v in headers if k.lower() != b"cache-control"]
                    headers.append((b"cache-control", b"no-store"))
                headers.append((b"x-content-type-options", b"nosniff"))
                headers.append((b"x-frame-options", b"DENY"))
                headers.append((b"referrer-policy", b"no-referrer"))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _json(status: int, body: Any) -> JSONResponse:
    return JSONResponse(status_code=status, content=body)


class _LRU:
    """A small thread-safe LRU for immutable per-version results."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.items: OrderedDict[Any, Any] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key: Any) -> Any:
        with self.lock:
            if key in self.items:
                self.items.move_to_end(key)
                return self.items[key]
        return None

    def put(self, key: Any, value: Any) -> None:
        with self.lock:
            self.items[key] = value
            self.items.move_to_end(key)
            while len(self.items) > self.size:
                self.items.popitem(last=False)


def _names(value: Any) -> list[str]:
    if not isinstance(value, list):
        return []
    return [str(item.get("name")) if isinstance(item, dict) else str(item) for item in value if item]


def case_title(case: dict[str, Any]) -> str:
    """原告X诉被告Y民间借贷纠纷 — for the case list."""

    plaintiffs = effective_value(case, "plaintiffs")
    defendants = effective_value(case, "defendants")
    left = "、".join(_names(plaintiffs)) or "（原告）"
    right = "、".join(_names(defendants)) or "（被告）"
    return f"{left}诉{right}{default_system().table(case['case_type']).cause}"


def _evidence(case: dict[str, Any], side: str, element_id: str) -> list[dict[str, Any]]:
    pleading = case.get(side) or {}
    item = (pleading.get("elements") or {}).get(element_id) or {}
    return list(item.get("evidence") or [])


def _row(table: Any, element_id: str, entry: Any, state: dict[str, Any] | None, finding: Any) -> dict[str, Any]:
    state = state or {}
    fields = entry.element.fields or {}
    return {
        # what the judge reads: labels, formatted money and dates, 是/否 — never a code
        "complaint_text": value_texts(table, element_id, state.get("complaint")),
        "answer_text": value_texts(table, element_id, state.get("answer")),
        "finding_text": value_texts(table, element_id, finding),
        "field_options": {fid: dict(f.options) for fid, f in fields.items() if f.options},
        "field_types": field_types(entry.element),
        "decided_by_orders": table.decided_by_orders(element_id),
        "label": entry.element.label,
        "section": entry.section,
        "type": entry.element.type,
        "required": entry.required,
        "status": state.get("status"),
        "complaint": state.get("complaint"),
        "answer": state.get("answer"),
        "answer_position": state.get("answer_position"),
        "finding": finding,
    }


def element_rows(case: dict[str, Any], evidence: bool = True) -> dict[str, Any]:
    """Every element of the table, in order, with both sides, the finding, the status and
    (with `evidence`) where each value was read in the pleadings."""

    table = default_system().table(case["case_type"])
    states = case.get("elements") or {}
    findings = case.get("findings") or {}
    rows: dict[str, Any] = {}
    for element_id, entry in table.entries.items():
        rows[element_id] = _row(table, element_id, entry, states.get(element_id), findings.get(element_id))
        if evidence:
            rows[element_id]["evidence"] = {
                "complaint": _evidence(case, "complaint", element_id),
                "answer": _evidence(case, "answer", element_id),
            }
    return rows


def open_problems(case: dict[str, Any], schema_checked: bool = False) -> list[dict[str, str]]:
    """What `yaosu validate` reports: schema, then required elements, then the table's cross-field checks.

    After a save the schema was already checked by the fast pydantic check of engine.case.patch.
    """

    problems = [] if schema_checked else [problem.to_json() for problem in schema_problems(default_system().casetype(case['case_type']), case)]
    if problems:
        return problems
    return [problem.to_json() for problem in element_problems(default_system().casetype(case['case_type']), case)]


def _send(data: Any, status: int = 200) -> Response:
    """JSON straight from json.dumps: these payloads are plain dicts, and FastAPI's encoder costs ms."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return Response(text.encode("utf-8"), status_code=status, media_type="application/json")


def _preview_page(fragment: str) -> str:
    return (
        '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>判决书预览</title>'
        '<link rel="stylesheet" href="/static/preview.css"></head>'
        f"<body>{fragment}</body></html>"
    )


def _disk_full(exc: BaseException) -> bool:
    """ENOSPC, or SQLite's "database or disk is full", anywhere in the exception's chain."""
    seen: BaseException | None = exc
    while seen is not None:
        if (isinstance(seen, OSError) and seen.errno == errno.ENOSPC) or "disk is full" in str(seen):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def draft_once(case: dict[str, Any], court_id: str) -> tuple[str | None, list[str]]:
    """The preview page and the drafting warnings from one build of the judgment.

    Building the judgment is the bulk of a save's CPU; a save needs both, so it is built once.
    """

    try:
        judgment = build_judgment(default_system(), case, court_id)
        return _preview_page(render_judgment_html(default_system(), judgment)), list(judgment.warnings)
    except YaosuError as exc:
        return None, [exc.message]


def case_view(
    stored: StoredCase,
    schema_checked: bool = False,
    warnings: list[str] | None = None,
    pleadings: bool = True,
) -> dict[str, Any]:
    """What the form shows of a version. Without `pleadings`, the case leaves out the complaint and
    the answer (their text and extraction) and the rows their evidence: what a save's answer omits.
    """

    case = stored.data
    rows = element_rows(case, evidence=pleadings)
    pending = pending_disputes(default_system().table(case["case_type"]), case)
    return {
        "id": stored.id,
        "version": stored.version,
        "case_type": case["case_type"],
        "court": case.get("court"),
        "title": case_title(case),
        "saved_by": stored.user,
        "saved_at": stored.saved_at.isoformat(),
        "elements": rows,
        "disputed": [eid for eid, row in rows.items() if row["status"] == "disputed"],
        "pending": pending,
        # the form's summary bar: 有争议 N · 待认定 M · 仅一方主张 K
        "summary": {
            "disputed": sum(1 for row in rows.values() if row["status"] == "disputed"),
            "pending": len(pending),
            "one_side": sum(1 for row in rows.values() if row["status"] in ("complaint_only", "answer_only")),
        },
        "problems": open_problems(case, schema_checked),
        "warnings": draft_once(case, case.get("court") or DEFAULT_COURT)[1] if warnings is None else warnings,
        "case": case if pleadings else {k: v for k, v in case.items() if k not in PLEADINGS},
    }


def _content_disposition(filename: str, ascii_name: str) -> str:
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{urllib.parse.quote(filename)}"


async def _read_upload(upload: UploadFile) -> tuple[bytes, str]:
    """The bytes and the name of an uploaded file (413 past MAX_UPLOAD, coded 422 when empty)."""
    data = await upload.read(MAX_UPLOAD + 1)
    if len(data) > MAX_UPLOAD:
        raise HTTPException(status_code=413, detail=TOO_LARGE)
    name = upload.filename or "上传文件"
    if not data:
        raise YaosuError(E.E669, name=name, path=name)
    return data, name


def _decode(data: bytes, name: str) -> ReadText:
    """The text of an upload and what reading it noted (a scan read by OCR, its confidence); run in the
    extraction pool (a PDF or a scan takes seconds)."""
    from engine.extraction.reading import decode_pleading_notes

    try:
        return decode_pleading_notes(data, name)
    except YaosuError as exc:
        raise _BadUpload(exc.message) from exc


def _extract_upload(data: bytes, name: str, case_type: str | None, role: str) -> dict[str, Any]:
    from engine.extraction.api import extract_text

    read = _decode(data, name)
    result: dict[str, Any] = extract_text(default_system(), read.text, case_type=case_type, role=role)
    result["warnings"] = [*read.warnings, *result["warnings"]]
    return result


def _decode_pleadings(
    case_type: str, complaint: tuple[bytes, str], answer: tuple[bytes, str] | None
) -> tuple[ReadText, ReadText | None, str]:
    """The complaint's and the answer's text, and the digest that finds an earlier upload of the complaint."""
    complaint_read = _decode(*complaint)
    answer_read = _decode(*answer) if answer is not None else None
    return complaint_read, answer_read, pleading_digest(case_type, complaint_read.text)


class ExtractionTimeout(YaosuError):
    """An upload whose reading and extraction did not finish within the time limit: 503, nothing stored."""


class _BadUpload(YaosuError):
    """A file that cannot be read as a pleading: 400, the request itself is malformed."""


def _validation_message(error: dict[str, Any]) -> dict[str, str]:
    loc = [str(part) for part in error.get("loc", ())]
    field = loc[-1] if loc else "请求"
    kind = error.get("type", "")
    if kind.startswith(("less_than", "too_long", "string_too_long")) or (
        kind.startswith("greater_than") and isinstance(error.get("input"), int) and error["input"] > 0
    ):
        return YaosuError(E.E677, field=field, path="/" + "/".join(loc)).to_json()
    if kind == "missing":
        message = f"缺少必填字段：{field}"
    elif kind == "extra_forbidden":
        message = f"不认识的字段：{field}"
    elif kind.startswith("int") or kind.startswith("greater_than"):
        message = f"{field}：应为正整数"
    elif kind.startswith("dict"):
        message = f"{field}：应为 JSON 对象"
    elif kind == "literal_error" or kind == "enum":
        message = f"{field}：取值无效"
    elif kind == "json_invalid":
        message = "请求内容不是有效的 JSON"
    else:
        message = f"{field}：格式不正确"
    return {"code": "E000", "path": "/" + "/".join(loc), "message": message}


def _warm_up() -> None:
    """Load the extraction pipeline (spaCy, ~2 s) and the drafting templates before the first judge needs them."""
    try:
        import engine.extraction.api  # noqa: F401

        for casetype in default_system().casetypes.values():
            case_schema(casetype)
    except Exception:  # noqa: BLE001 - a failed warm-up only means the first request is slower
        pass


class LoginBody(BaseModel):
    model_config = ConfigDict(extra="forbid")
    user: str = Field(min_length=1, max_length=100, description="用户名")
    password: str = Field(min_length=1, max_length=1024, description="密码")


class SignBody(BaseModel):
    model_config = ConfigDict(extra="forbid")
    version: int = Field(ge=1, le=MAX_VERSION, description="签发的版本号；须为最新版本")


class PurgeBody(BaseModel):
    model_config = ConfigDict(extra="forbid")
    keep: int = Field(ge=1, le=MAX_VERSION, description="保留最新的几个版本（至少 1 个）")


async def patch_access(
    body: PatchBody, principal: Annotated[Principal, Depends(require("edit_case"))]
) -> Principal:
    """A save's principal: findings need a judge, and a scoped user keeps the case in its court."""
    return for_patch(principal, body.findings, body.edits)


def _principal_json(principal: Principal, mode: str) -> dict[str, Any]:
    return {
        "mode": mode,
        "user": principal.name,
        "role": principal.role,
        "court": principal.court,
        "csrf_token": principal.csrf_token,
    }


def create_app(
    db_url: str,
    user: str | None = None,
    warm: bool = True,
    host: str = "127.0.0.1",
    allowed_hosts: list[str] | None = None,
    extract_timeout: float | None = None,
    body_timeout: float | None = None,
) -> FastAPI:
    """The service on the database at `db_url`, bound to `host`.

    `user` names whoever saves in single-user desk mode when no X-Yaosu-User header says;
    `allowed_hosts` are the names the service answers to (default: `host`, localhost, 127.0.0.1);
    `extract_timeout` is the time limit (seconds) on reading and extracting one request's uploads,
    `body_timeout` the time a client has to send a request body.
    """
    limit = EXTRACT_TIMEOUT if extract_timeout is None else extract_timeout
    pool = ThreadPoolExecutor(max_workers=EXTRACT_WORKERS, thread_name_prefix="yaosu-extract")
    store = Store(db_url)
    accounts = Accounts(store.engine)
    guard = Guard(accounts, desk_allowed=is_loopback(host), default_user=user)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        pool.shutdown(wait=False, cancel_futures=True)
        store.close()  # writes the access-log entries still buffered

    app = FastAPI(
        title="yaosu 要素式审判",
        version="1",
        description="要素式民事判决书：诉状抽取、要素表、争议认定、判决书生成。",
        lifespan=lifespan,
        docs_url=None,  # /docs below: Swagger UI from the fastapi-offline package's files, no CDN
        redoc_url=None,
    )
    app.state.store = store
    app.state.accounts = accounts
    app.state.guard = guard
    if warm:
        threading.Thread(target=_warm_up, name="yaosu-warm-up", daemon=True).start()
    preview_cache = _LRU(256)

    app.add_middleware(BodyLimit, timeout=BODY_TIMEOUT if body_timeout is None else body_timeout)
    app.add_middleware(RequestChecks, allowed_hosts=allowed_hosts or default_allowed_hosts(host))
    app.add_middleware(SecurityHeaders)  # outermost: the Host and Origin refusals carry the headers too

    @app.exception_handler(PatchError)
    async def patch_error(_request: Request, exc: PatchError) -> JSONResponse:
        return _json(422, {"detail": [p.to_json() for p in exc.problems]})

    @app.exception_handler(ExtractionTimeout)
    async def extraction_timeout(_request: Request, exc: ExtractionTimeout) -> JSONResponse:
        return _json(503, {"detail": exc.message, "code": exc.code})

    @app.exception_handler(_BadUpload)
    async def bad_upload(_request: Request, exc: _BadUpload) -> JSONResponse:
        return _json(400, {"detail": exc.message, "code": exc.code})

    @app.exception_handler(YaosuError)
    async def yaosu_error(_request: Request, exc: YaosuError) -> JSONResponse:
        return _json(422, {"detail": [{"code": exc.code, "path": exc.path or "", "message": exc.message}]})

    @app.exception_handler(RequestValidationError)
    async def request_invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        return _json(422, {"detail": [_validation_message(dict(error)) for error in exc.errors()]})

    @app.exception_handler(CaseNotFound)
    async def not_found(_request: Request, _exc: CaseNotFound) -> JSONResponse:
        return _json(404, {"detail": NOT_FOUND})

    @app.exception_handler(VersionConflict)
    async def conflict(_request: Request, exc: VersionConflict) -> JSONResponse:
        message = f"案件已被他人修改（当前版本 {exc.current}），请刷新后重试"
        return _json(409, {"detail": message, "current_version": exc.current})

    @app.exception_handler(Exception)
    async def internal(_request: Request, exc: Exception) -> JSONResponse:
        if _disk_full(exc):
            # Nothing was stored (the transaction rolled back); the judge can retry once space is freed.
            return _json(507, {"detail": "服务器磁盘已满，本次保存未写入；请联系管理员清理空间后重试", "code": "E682"})
        return _json(500, {"detail": "服务器内部错误，请稍后重试或联系管理员"})

    async def in_pool(deadline: float, work: Callable[..., Any], *args: Any) -> Any:
        """`work(*args)` in the extraction pool, given up (503) at `deadline` (loop time). The worker
        thread cannot be stopped; what it returns late is dropped, so nothing is stored."""
        loop = asyncio.get_running_loop()
        try:
            return await asyncio.wait_for(loop.run_in_executor(pool, work, *args), deadline - loop.time())
        except TimeoutError:
            raise ExtractionTimeout(E.E676, seconds=f"{limit:g}", path="/file") from None

    def deadline() -> float:
        return asyncio.get_running_loop().time() + limit

    def audit(request: Request, principal: Principal, action: str, case_id: str, version: int | None) -> None:
        store.log_access(principal.name, action, case_id, version, address=client_address(request))

    # Reads and saves take a few milliseconds of CPU and never wait on anything slow, so they run
    # on the event loop (async def) rather than in the thread pool: under load, twenty threads
    # contending for the GIL made every request as slow as all of them together. Uploads run
    # the extraction pipeline (seconds) in the extraction pool, within the time limit (in_pool).

    # --- the page -------------------------------------------------------------------------
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    if SWAGGER_DIR is not None:
        app.mount("/swagger-ui", StaticFiles(directory=SWAGGER_DIR), name="swagger-ui")

    @app.get("/docs", include_in_schema=False, response_model=None)
    def docs() -> Response:
        if SWAGGER_DIR is None:
            return _json(503, {"detail": "API 文档页需要 fastapi-offline 包（pip install fastapi-offline）；接口说明见 /openapi.json"})
        return FileResponse(STATIC_DIR / "docs.html")

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> FileResponse:
        return FileResponse(STATIC_DIR / "favicon.svg", media_type="image/svg+xml")

    @app.get("/", include_in_schema=False, response_model=None)
    def index(request: Request) -> Response:
        if guard.principal(request) is None:
            return RedirectResponse("/login", status_code=303)
        return FileResponse(STATIC_DIR / "index.html")

    @app.get("/login", include_in_schema=False)
    def login_page() -> FileResponse:
        return FileResponse(STATIC_DIR / "login.html")

    # --- sessions -------------------------------------------------------------------------
    @app.post("/api/session", summary="登录：会话 Cookie 与 CSRF 令牌")
    def login(body: LoginBody, request: Request) -> Response:
        try:
            account = accounts.authenticate(body.user, body.password, client_address(request))
        except LoginThrottled:
            return JSONResponse(
                status_code=429,
                content={"detail": "登录失败次数过多，请 15 分钟后再试"},
                headers={"Retry-After": str(int(THROTTLE_WINDOW.total_seconds()))},
            )
        if account is None:
            return _json(401, {"detail": "用户名或密码错误，或账户已停用"})
        cookie, session = accounts.open_session(account)
        principal = Principal(account.name, account.role, account.court, session.csrf_token)
        response = _json(200, _principal_json(principal, "accounts"))
        response.set_cookie(
            SESSION_COOKIE,
            cookie,
            max_age=SESSION_MAX_AGE,
            path="/",
            httponly=True,
            samesite="strict",
            secure=request.url.scheme == "https",
        )
        return response

    @app.get("/api/session", summary="当前会话（单机模式下为本机用户）")
    async def session_info(request: Request) -> dict[str, Any]:
        principal = await current(request)
        return _principal_json(principal, "desk" if principal.desk else "accounts")

    @app.delete("/api/session", summary="退出登录", status_code=204)
    def logout(request: Request, _principal: Annotated[Principal, Depends(current)]) -> Response:
        accounts.close_session(request.cookies.get(SESSION_COOKIE))
        response = Response(status_code=204)
        response.delete_cookie(SESSION_COOKIE, path="/", httponly=True, samesite="strict")
        return response

    @app.get("/api/me", summary="当前用户")
    async def me(principal: Annotated[Principal, Depends(current)]) -> dict[str, str]:
        return {"user": principal.name}

    # --- reference data -------------------------------------------------------------------
    reference = Depends(require("reference"))

    @app.get("/api/case-types", summary="案件类型", dependencies=[reference])
    async def case_types() -> list[dict[str, str]]:
        return [{"id": cid, "label": ct.table.label} for cid, ct in default_system().casetypes.items()]

    @app.get("/api/courts", summary="法院", dependencies=[reference])
    async def courts() -> list[dict[str, str]]:
        return [{"id": court.id, "name": court.name} for court in default_system().courts.values()]

    @app.get(
        "/api/schema/{case_type}", summary="案件文件的 JSON Schema（表单由此生成）", dependencies=[reference]
    )
    async def schema(case_type: str) -> Response:
        return _send(case_schema(default_system().casetype(case_type)))

    # --- extraction -----------------------------------------------------------------------
    @app.post(
        "/api/extract", summary="诉状 → 要素（规范中的抽取 JSON）", dependencies=[Depends(require("extract"))]
    )
    async def extract(
        file: Annotated[UploadFile, File(description="起诉状或答辩状（文本、docx 等）")],
        case_type: Annotated[str | None, Form(description="案件类型；不填则自动识别")] = None,
        role: Annotated[Literal["complaint", "answer"], Form()] = "complaint",
    ) -> dict[str, Any]:
        data, name = await _read_upload(file)
        return await in_pool(deadline(), _extract_upload, data, name, case_type or None, role)  # type: ignore[no-any-return]

    # --- cases ----------------------------------------------------------------------------
    @app.get("/api/cases", summary="案件列表（本院案件）")
    async def list_cases(
        principal: Annotated[Principal, Depends(require("list_cases"))],
        offset: Annotated[int, Query(ge=0, le=MAX_VERSION, description="跳过前几个案件")] = 0,
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE, description="本页最多几个案件")] = DEFAULT_PAGE,
    ) -> Response:
        page = [
            {
                "id": c.id,
                "case_type": c.case_type,
                "title": c.title,
                "court": c.court,
                "version": c.version,
                "created_by": c.created_by,
                "updated_at": c.updated_at.isoformat(),
            }
            for c in store.list_cases(limit=limit, court=principal.court, offset=offset)
        ]
        # The list stays a JSON list; the number of cases in scope is in a header.
        response = _send(page)
        response.headers["X-Total-Count"] = str(store.case_count(court=principal.court))
        return response

    @app.post("/api/cases", status_code=201, summary="上传诉状新建案件")
    async def create_case(
        principal: Annotated[Principal, Depends(require("create_case"))],
        complaint: Annotated[UploadFile, File(description="起诉状")],
        case_type: Annotated[str, Form(description="案件类型，如 private_lending")],
        answer: Annotated[UploadFile | None, File(description="答辩状（可选）")] = None,
        court: Annotated[str | None, Form(description="法院：qingpu、wujiang、jiashan")] = None,
        filing_date: Annotated[str | None, Form(description="立案日期，如 2024-03-05 或 2024年3月5日")] = None,
        case_number: Annotated[str | None, Form(description="完整案号，如（2024）沪0118民初1234号")] = None,
        case_year: Annotated[str | None, Form(description="收案年度，如 2024")] = None,
        case_seq: Annotated[str | None, Form(description="案件编号（序号），如 1234")] = None,
        procedure: Annotated[Literal["simple", "ordinary"] | None, Form(description="审理程序")] = None,
        judge: Annotated[str | None, Form(description="审判员")] = None,
        clerk: Annotated[str | None, Form(description="书记员")] = None,
        assistant: Annotated[str | None, Form(description="法官助理")] = None,
        judgment_date: Annotated[str | None, Form(description="判决日期")] = None,
        absent: Annotated[str | None, Form(description="经传唤未到庭的当事人，以顿号分隔")] = None,
        allow_duplicate: Annotated[bool, Form(description="同一起诉状已上传过时仍新建案件")] = False,
    ) -> Response:
        court = court_for_new_case(principal, court or None)
        typed = {
            "filing_date": filing_date, "case_number": case_number, "case_year": case_year,
            "case_seq": case_seq, "procedure": procedure, "judge": judge, "clerk": clerk,
            "assistant": assistant, "judgment_date": judgment_date, "absent": absent,
        }
        # the case details are checked before the extraction runs (seconds) on the pleadings
        meta = normalise_meta({key: value for key, value in typed.items() if value not in (None, "")})
        try:
            default_system().casetype(case_type)  # an unknown type is refused before any file is read
        except YaosuError as exc:
            raise YaosuError(E.E000, message=exc.message, path="/case_type") from exc
        until = deadline()  # one time limit for reading both files and extracting them
        complaint_file = await _read_upload(complaint)
        answer_file = await _read_upload(answer) if answer is not None and answer.filename else None
        complaint_read, answer_read, digest = await in_pool(
            until, _decode_pleadings, case_type, complaint_file, answer_file
        )
        complaint_text, answer_text = complaint_read.text, answer_read.text if answer_read else None
        existing = store.find_upload(digest, court=principal.court)
        if existing is not None and not allow_duplicate:
            title = case_title(store.get(existing, court=principal.court).data)
            return _send(
                {
                    "detail": f"这份起诉状已经上传过（{title}）：可打开已有案件，或选择“仍然新建”",
                    "existing_case": existing,
                    "existing_title": title,
                },
                status=409,
            )
        case = await in_pool(
            until,
            functools.partial(
                new_case_from_texts,
                default_system(),
                case_type,
                complaint_text,
                answer_text,
                court=court,
                complaint_name=complaint.filename,
                answer_name=answer.filename if answer_text is not None and answer is not None else None,
                complaint_warnings=complaint_read.warnings,
                answer_warnings=answer_read.warnings if answer_read else None,
            ),
        )
        if meta:
            case["meta"] = {**(case.get("meta") or {}), **meta}
            problems = [p for p in schema_problems(default_system().casetype(case_type), case) if p.path.startswith("/meta")]
            if problems:
                raise PatchError(problems)
        stored = store.create(case, principal.name, title=case_title(case), digest=digest)
        return _send(case_view(stored), status=201)

    @app.get("/api/cases/{case_id}", summary="案件（最新版本，或 ?version=n 的历史版本）")
    async def get_case(
        case_id: CaseId,
        request: Request,
        principal: Annotated[Principal, Depends(require("read_case"))],
        version: Annotated[int | None, Query(ge=1, le=MAX_VERSION)] = None,
    ) -> Response:
        stored = store.get(case_id, version, court=principal.court)
        audit(request, principal, "view", case_id, stored.version)
        return _send(case_view(stored))

    @app.patch(
        "/api/cases/{case_id}",
        summary="保存认定与修改（新版本；版本过期返回 409）",
        description=(
            "保存为新版本，返回新版本的案件视图，但不含保存无法改变的部分：case 中没有 complaint、answer"
            "（诉状原文与抽取结果），elements 各行没有 evidence（原文出处）。"
            "完整视图见 GET /api/cases/{case_id}。只有法官可以保存认定（findings）。"
        ),
    )
    async def patch_case(
        case_id: CaseId, body: PatchBody, principal: Annotated[Principal, Depends(patch_access)]
    ) -> Response:
        # The patch applies to the version the judge was looking at; whether it is still the
        # latest is decided by the store inside the saving transaction.
        try:
            current_version = store.get(case_id, body.version, court=principal.court)
        except CaseNotFound:
            # 404 when the case is unknown (or of another court), 409 when the version is
            raise VersionConflict(store.latest_version(case_id, court=principal.court)) from None
        edits = dict(body.edits)
        if isinstance(edits.get("meta"), dict):
            edits["meta"] = normalise_meta(edits["meta"])
        if "elements" in edits:
            edits["elements"] = normalise_element_edits(
                default_system().table(current_version.data["case_type"]), edits["elements"]
            )
        table = default_system().table(current_version.data["case_type"])
        findings = normalise_findings(table, body.findings)
        updated = apply_patch(default_system(), current_version.data, findings, edits)
        if _same(current_version.data, updated):
            # Nothing changed (the value typed is the one stored): no new version. A stale
            # version is still a conflict, so the judge does not think an old view is current.
            latest = store.latest_version(case_id, court=principal.court)
            if latest != body.version:
                raise VersionConflict(latest)
            view = case_view(current_version, pleadings=False)
            view["unchanged"] = True
            return _send(view)
        changes = summarize_changes(current_version.data, updated)
        # The judge's next request is the refreshed preview: build it before the save commits, so a
        # case that crashes the drafting (a server fault, 500) is never stored; a case that cannot
        # be drafted yet (YaosuError) is saved with the reason among the warnings.
        court_id = updated.get("court") or DEFAULT_COURT
        page, warnings = draft_once(updated, court_id)
        stored = store.save(
            case_id,
            body.version,
            updated,
            principal.name,
            changes,
            title=case_title(updated),
            court=principal.court,
        )
        if page is not None:
            preview_cache.put((stored.id, stored.version, court_id), page)
        # apply_patch checked the schema; the pleadings (most of the bytes) the judge already has.
        return _send(case_view(stored, schema_checked=True, warnings=warnings, pleadings=False))

    @app.get("/api/cases/{case_id}/history", summary="修改记录：谁、何时、改了什么")
    async def history(
        case_id: CaseId, request: Request, principal: Annotated[Principal, Depends(require("read_case"))]
    ) -> Response:
        entries = store.history(case_id, court=principal.court)
        audit(request, principal, "history", case_id, None)
        case_type = store.get(case_id, court=principal.court).data["case_type"]
        return _send(
            [
                {
                    "version": h.version,
                    "user": h.user,
                    "saved_at": h.saved_at.isoformat(),
                    "changes": [with_labels(case_type, change) for change in h.changes],
                }
                for h in entries
            ]
        )

    @app.post("/api/cases/{case_id}/sign", summary="签发判决书（仅法官；须为最新版本）")
    async def sign(
        case_id: CaseId, body: SignBody, principal: Annotated[Principal, Depends(require("sign"))]
    ) -> dict[str, Any]:
        signed_at = store.sign(case_id, body.version, principal.name, court=principal.court)
        return {"version": body.version, "signed_by": principal.name, "signed_at": signed_at.isoformat()}

    @app.get("/api/cases/{case_id}/draft", summary="判决书：HTML 预览或 docx")
    async def draft(
        case_id: CaseId,
        request: Request,
        principal: Annotated[Principal, Depends(require("read_case"))],
        court: Annotated[str | None, Query(description="法院，默认为案件所属法院")] = None,
        format: Annotated[Literal["html", "docx"], Query()] = "html",
        version: Annotated[int | None, Query(ge=1, le=MAX_VERSION)] = None,
        names: Annotated[bool, Query(description="下载文件名中含当事人姓名（默认不含）")] = False,
        anonymise: Annotated[bool, Query(description="上网公布版（自然人姓名改为某，删除住址、证件号、电话、账号）")] = False,
    ) -> Response:
        stored = store.get(case_id, version, court=principal.court)
        court_id = court or stored.data.get("court")
        if not court_id:
            raise YaosuError(E.E670, path="/court")
        court_profile = default_system().court(court_id)
        audit(request, principal, f"draft-{format}{'-anonymised' if anonymise else ''}", case_id, stored.version)
        docx_of, html_of = (
            (render_anonymised_docx, render_anonymised_html) if anonymise else (render_docx, render_html)
        )
        if format == "docx":
            data = docx_of(default_system(), stored.data, court_id)
            # By default the file name says which case and version, not who the parties are.
            short_id = case_id[:8]
            ascii_name = f"judgment-{short_id}-v{stored.version}{'-public' if anonymise else ''}.docx"
            label = case_title(stored.data) if names and not anonymise else f"案件{short_id}"
            ending = str((stored.data.get("meta") or {}).get("outcome") or "judgment")
            edition = "上网版" if anonymise else {"withdrawal": "裁定书", "mediation": "调解书"}.get(ending, "判决书")
            filename = f"{label}-{court_profile.short}-{edition}-第{stored.version}版.docx"
            return Response(
                content=data,
                media_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                headers={"Content-Disposition": _content_disposition(filename, ascii_name)},
            )
        # The PATCH route fills the 3-tuple key; the published edition has its own.
        key: tuple[Any, ...] = (case_id, stored.version, court_id, *(("anonymised",) if anonymise else ()))
        page = preview_cache.get(key)
        if page is None:
            page = _preview_page(html_of(default_system(), stored.data, court_id))
            preview_cache.put(key, page)
        return HTMLResponse(
            page,
            headers={"Content-Security-Policy": PREVIEW_CSP, "X-Yaosu-Version": str(stored.version)},
        )

    # --- administration -------------------------------------------------------------------
    @app.get("/api/admin/cases", summary="案件清单（管理员；不含当事人）")
    async def admin_cases(
        _principal: Annotated[Principal, Depends(require("delete_case"))],
    ) -> list[dict[str, Any]]:
        return [
            {
                "id": c.id,
                "case_type": c.case_type,
                "court": c.court,
                "version": c.version,
                "updated_at": c.updated_at.isoformat(),
            }
            for c in store.list_cases(limit=10_000)
        ]

    @app.delete("/api/cases/{case_id}", status_code=204, summary="删除案件及其全部版本（管理员）")
    async def delete_case(
        case_id: CaseId, request: Request, principal: Annotated[Principal, Depends(require("delete_case"))]
    ) -> Response:
        removed = store.delete_case(case_id)
        store.log_access(
            principal.name,
            "delete",
            case_id,
            None,
            detail=f"删除 {removed} 个版本",
            address=client_address(request),
        )
        store.flush_log()  # a deletion is on record before it is answered
        return Response(status_code=204)

    @app.post("/api/cases/{case_id}/purge", summary="清除旧版本，只留最新的 keep 个（管理员）")
    async def purge(
        case_id: CaseId,
        body: PurgeBody,
        request: Request,
        principal: Annotated[Principal, Depends(require("purge_versions"))],
    ) -> dict[str, Any]:
        removed = store.purge_versions(case_id, body.keep)
        detail = "清除版本 " + ("、".join(map(str, removed)) if removed else "（无）")
        store.log_access(
            principal.name, "purge", case_id, None, detail=detail, address=client_address(request)
        )
        store.flush_log()
        return {"removed": removed}

    @app.get("/api/users", summary="账户列表（管理员）")
    async def users(
        _principal: Annotated[Principal, Depends(require("manage_accounts"))],
    ) -> list[dict[str, Any]]:
        return [
            {
                "name": a.name,
                "role": a.role,
                "court": a.court,
                "disabled": a.disabled,
                "created_at": a.created_at.isoformat(),
            }
            for a in accounts.list()
        ]

    # --- research -------------------------------------------------------------------------
    @app.get("/api/research/export", summary="研究数据导出（去标识化；仅研究人员）")
    def research_export(
        request: Request,
        principal: Annotated[Principal, Depends(require("export"))],
        format: Annotated[Literal["csv", "parquet"], Query()] = "csv",
    ) -> Response:
        rows = export_rows([data for _case_id, data in store.latest_cases(court=principal.court)])
        store.log_access(
            principal.name,
            "export",
            None,
            None,
            detail=f"{format}，{len(rows)} 行",
            address=client_address(request),
        )
        if format == "parquet":
            body, media = to_parquet(rows), "application/vnd.apache.parquet"
        else:
            body, media = to_csv(rows), "text/csv; charset=utf-8"
        name = f"yaosu-research.{format}"
        return Response(
            body, media_type=media, headers={"Content-Disposition": _content_disposition(name, name)}
        )

    return app


def app_from_env() -> FastAPI:
    """Factory for `uvicorn --factory` with several workers (YAOSU_DB, YAOSU_USER, YAOSU_HOST,
    YAOSU_ALLOWED_HOSTS comma-separated)."""
    import os

    allowed = [h for h in os.environ.get("YAOSU_ALLOWED_HOSTS", "").split(",") if h]
    return create_app(
        os.environ.get("YAOSU_DB", "sqlite:///yaosu.db"),
        os.environ.get("YAOSU_USER") or None,
        host=os.environ.get("YAOSU_HOST", "127.0.0.1"),
        allowed_hosts=allowed or None,
    )

"""`yaosu serve` and `yaosu user …`, registered on the main typer app by engine/cli.py."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import typer

from engine.errors import YaosuError

DEFAULT_DB = "sqlite:///yaosu.db"
# uvicorn's httptools protocol (the C parser, a dependency: the pure-Python h11 costs ~0.5 ms of
# CPU per save + preview, httptools ~0.1), with TCP_NODELAY on every connection (see protocol.py).
HTTP = "engine.service.protocol:HttpProtocol"

# Connection limits (issue 16): idle keep-alive connections are closed after KEEP_ALIVE seconds,
# past LIMIT_CONCURRENCY open connections and tasks new requests get a 503, a shutdown waits at most
# GRACEFUL_SHUTDOWN seconds for requests in flight; request heads and bodies have their own limits
# (engine/service/protocol.py, engine/service/app.py BodyLimit).
KEEP_ALIVE = 5
LIMIT_CONCURRENCY = 200
GRACEFUL_SHUTDOWN = 15
MAX_INCOMPLETE_EVENT = 16 * 1024  # h11 only (request head size); httptools caps heads itself

LIMITS: dict[str, Any] = {
    "http": HTTP,
    "timeout_keep_alive": KEEP_ALIVE,
    "limit_concurrency": LIMIT_CONCURRENCY,
    "timeout_graceful_shutdown": GRACEFUL_SHUTDOWN,
    "h11_max_incomplete_event_size": MAX_INCOMPLETE_EVENT,
}

DB_OPTION = typer.Option(DEFAULT_DB, "--db", help="数据库 URL：sqlite:///文件 或 postgresql://用户@主机/库")
ALLOWED_HOST_OPTION = typer.Option(
    None, "--allowed-host", help="浏览器访问用的主机名（可多次给出；默认监听地址、localhost、127.0.0.1）"
)


def _fail(message: str) -> None:
    typer.echo(f"错误：{message}", err=True)
    raise typer.Exit(2)


def _no_account_message(host: str, db: str) -> str:
    return (
        f"服务监听 {host}（不只是本机），但数据库中还没有任何账户，不能以单机模式对外提供服务。"
        f"请先添加账户，例如：\n"
        f"  yaosu user add 王法官 --role judge --court qingpu --db {db} --password-stdin\n"
        f"（从标准输入读入密码），或只监听本机：--host 127.0.0.1"
    )


def serve(
    host: str = typer.Option("127.0.0.1", "--host", help="监听地址（默认只监听本机）"),
    port: int = typer.Option(8000, "--port", help="端口"),
    db: str = DB_OPTION,
    user: str | None = typer.Option(
        None, "--user", help="单机模式下保存时记录的用户名（请求头 X-Yaosu-User 优先）"
    ),
    workers: int = typer.Option(1, "--workers", help="工作进程数（SQLite 与 PostgreSQL 均支持多进程）"),
    allowed_host: list[str] | None = ALLOWED_HOST_OPTION,
    extract_timeout: float = typer.Option(
        60.0, "--extract-timeout", min=0.01, help="每个上传请求读取与抽取诉状的时限（秒），超时返回 503"
    ),
    header_timeout: float = typer.Option(
        10.0, "--header-timeout", min=0.1, help="客户端发送完请求行与请求头的时限（秒），超时即断开连接"
    ),
    body_timeout: float = typer.Option(
        60.0, "--body-timeout", min=0.1, help="客户端发送完请求内容（如上传文件）的时限（秒），超时返回 408"
    ),
) -> None:
    """启动法官使用的要素式审判网页与 JSON API。

    数据库中没有账户且只监听本机时为单机模式；一旦有账户，或监听其他地址，每个请求都须登录。
    """
    import os

    import uvicorn

    from engine.service.accounts import Accounts
    from engine.service.app import create_app
    from engine.service.auth import default_allowed_hosts, is_loopback
    from engine.service.store import Store

    os.environ["YAOSU_HEADER_TIMEOUT"] = str(header_timeout)  # read by the protocol in every worker
    store = Store(db)
    has_accounts = Accounts(store.engine).any_account()
    store.close()
    if not is_loopback(host) and not has_accounts:
        _fail(_no_account_message(host, db))
    hosts = list(allowed_host or []) or default_allowed_hosts(host)
    mode = "账户模式（须登录）" if has_accounts or not is_loopback(host) else "单机模式（无需登录）"
    if workers > 1:
        # Several processes need an import string; the factory reads the settings from the environment.
        os.environ["YAOSU_DB"] = db
        os.environ["YAOSU_USER"] = user or ""
        os.environ["YAOSU_HOST"] = host
        os.environ["YAOSU_ALLOWED_HOSTS"] = ",".join(hosts)
        os.environ["YAOSU_EXTRACT_TIMEOUT"] = str(extract_timeout)
        os.environ["YAOSU_BODY_TIMEOUT"] = str(body_timeout)
        typer.echo(f"yaosu 服务已启动：http://{host}:{port}/  {mode}")
        uvicorn.run(
            "engine.service.app:app_from_env",
            factory=True,
            host=host,
            port=port,
            workers=workers,
            log_level="warning",
            **LIMITS,
        )
        return
    app = create_app(
        db,
        user=user,
        host=host,
        allowed_hosts=hosts,
        extract_timeout=extract_timeout,
        body_timeout=body_timeout,
    )
    # The URL of the database is not printed: a PostgreSQL URL may carry a password.
    typer.echo(f"yaosu 服务已启动：http://{host}:{port}/  {mode}")
    uvicorn.run(app, host=host, port=port, log_level="warning", **LIMITS)


user_app = typer.Typer(help="网页服务的账户：添加、列出、停用、改密码。", add_completion=False)


def _accounts(db: str):  # type: ignore[no-untyped-def]
    from engine.service.accounts import Accounts
    from engine.service.store import Store

    store = Store(db)
    return store, Accounts(store.engine)


def _read_password(password_stdin: bool) -> str:
    if not password_stdin:
        _fail("请用 --password-stdin 从标准输入读入密码（密码不能写在命令行上）")
    line = sys.stdin.readline()
    return line.rstrip("\r\n")


@user_app.command("add")
def user_add(
    name: str = typer.Argument(..., help="用户名（登录名）"),
    role: str = typer.Option(..., "--role", help="角色：judge、assistant、researcher、admin"),
    court: str | None = typer.Option(
        None, "--court", help="所属法院（法官、法官助理必填）：qingpu、wujiang、jiashan"
    ),
    db: str = DB_OPTION,
    password_stdin: bool = typer.Option(False, "--password-stdin", help="从标准输入读入密码"),
) -> None:
    """添加账户（密码以 argon2 散列保存，从不保存明文）。"""
    password = _read_password(password_stdin)
    store, accounts = _accounts(db)
    try:
        account = accounts.add(name, role, court, password)
    except YaosuError as exc:
        _fail(exc.shown)
    finally:
        store.close()
    where = f"，{account.court}" if account.court else ""
    typer.echo(f"已添加账户 {account.name}（{account.role}{where}）")


@user_app.command("list")
def user_list(db: str = DB_OPTION, json_out: bool = typer.Option(False, "--json", help="JSON 输出")) -> None:
    """列出账户。"""
    import json

    store, accounts = _accounts(db)
    try:
        listed = accounts.list()
    finally:
        store.close()
    if json_out:
        rows = [{"name": a.name, "role": a.role, "court": a.court, "disabled": a.disabled} for a in listed]
        typer.echo(json.dumps(rows, ensure_ascii=False))
        return
    if not listed:
        typer.echo("（还没有账户）")
    for a in listed:
        state = "已停用" if a.disabled else "启用"
        typer.echo(f"{a.name}\t{a.role}\t{a.court or '-'}\t{state}\t{a.created_at:%Y-%m-%d}")


@user_app.command("disable")
def user_disable(name: str = typer.Argument(..., help="用户名"), db: str = DB_OPTION) -> None:
    """停用账户（其会话立即失效；账户不删除，修改记录仍指向它）。"""
    store, accounts = _accounts(db)
    try:
        accounts.disable(name)
    except YaosuError as exc:
        _fail(exc.shown)
    finally:
        store.close()
    typer.echo(f"已停用账户 {name}")


@user_app.command("passwd")
def user_passwd(
    name: str = typer.Argument(..., help="用户名"),
    db: str = DB_OPTION,
    password_stdin: bool = typer.Option(False, "--password-stdin", help="从标准输入读入新密码"),
) -> None:
    """修改密码（该账户的会话全部失效）。"""
    password = _read_password(password_stdin)
    store, accounts = _accounts(db)
    try:
        accounts.set_password(name, password)
    except YaosuError as exc:
        _fail(exc.shown)
    finally:
        store.close()
    typer.echo(f"已修改 {name} 的密码")


BACKUP_OUT_OPTION = typer.Option(..., "-o", "--output", help="备份文件（须为新文件，权限 0600）")
store_app = typer.Typer(help="案件数据库的维护：备份。", add_completion=False)


@store_app.command("backup")
def store_backup(
    db: str = DB_OPTION,
    out: Path = BACKUP_OUT_OPTION,
) -> None:
    """备份案件数据库：SQLite 以 sqlite3 在线备份复制为新的数据库文件；PostgreSQL 导出为 JSON Lines（案件与全部版本）。"""
    from engine.service.store import backup

    try:
        counts = backup(db, out)
    except YaosuError as exc:
        _fail(exc.shown)
        return
    typer.echo(f"已备份到 {out}：{counts.get('cases', 0)} 个案件，{counts.get('case_versions', 0)} 个版本")


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
    app.add_typer(user_app, name="user")
    app.add_typer(store_app, name="store")


def main() -> None:
    """`python -m engine.service`: the same commands without the rest of the CLI."""
    cli = typer.Typer(add_completion=False)
    register(cli)

    @cli.callback()
    def _root() -> None:
        """yaosu"""

    cli()

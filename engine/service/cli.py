"""`yaosu serve`, registered on the main typer app by engine/cli.py."""

from __future__ import annotations

import typer

DEFAULT_DB = "sqlite:///yaosu.db"
# uvicorn's httptools protocol (the C parser, a dependency: the pure-Python h11 costs ~0.5 ms of
# CPU per save + preview, httptools ~0.1), with TCP_NODELAY on every connection (see protocol.py).
HTTP = "engine.service.protocol:HttpProtocol"


def serve(
    host: str = typer.Option("127.0.0.1", "--host", help="监听地址（默认只监听本机）"),
    port: int = typer.Option(8000, "--port", help="端口"),
    db: str = typer.Option(
        DEFAULT_DB, "--db", help="数据库 URL：sqlite:///文件 或 postgresql://用户@主机/库"
    ),
    user: str | None = typer.Option(None, "--user", help="保存时记录的用户名（请求头 X-Yaosu-User 优先）"),
    workers: int = typer.Option(1, "--workers", help="工作进程数（SQLite 与 PostgreSQL 均支持多进程）"),
) -> None:
    """启动法官使用的要素式审判网页与 JSON API。"""
    import os

    import uvicorn

    from engine.service.app import create_app

    if workers > 1:
        # Several processes need an import string; the factory reads the settings from the environment.
        os.environ["YAOSU_DB"] = db
        os.environ["YAOSU_USER"] = user or ""
        uvicorn.run(
            "engine.service.app:app_from_env",
            factory=True,
            host=host,
            port=port,
            workers=workers,
            http=HTTP,
            log_level="warning",
        )
        return
    app = create_app(db, user=user)
    typer.echo(f"yaosu 服务已启动：http://{host}:{port}/  数据库：{db}")
    uvicorn.run(app, host=host, port=port, http=HTTP, log_level="warning")


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)


def main() -> None:
    """`python -m engine.service`: the same command without the rest of the CLI."""
    cli = typer.Typer(add_completion=False)
    register(cli)

    @cli.callback()
    def _root() -> None:
        """yaosu"""

    cli()

"""The CLI's one error boundary: every failure is one Chinese line `错误：…` on stderr and exit 2.

`run_cli(app)` runs the Typer app in non-standalone mode, so click's usage errors (missing
option, bad value, unknown command or option) reach this module and are worded in Chinese
here; a YaosuError prints its message; the failures no input check can rule out (disk full,
nesting past the recursion limit, an integer of more than 4,300 digits, an unencodable
character, memory) get a specific message; anything else is reported as an internal error on
one line (set YAOSU_DEBUG=1 to see the traceback).
"""

from __future__ import annotations

import errno
import os
import re
import sys
from typing import Any, NoReturn

from typer._click import exceptions as click_exceptions
from typer.exceptions import Abort

from engine.errors import YaosuError

EXIT_USAGE = 2

# Typer coerces option values with pydantic; its messages, in Chinese.
_VALUE_MESSAGES = (
    (re.compile(r"valid integer"), "应为整数"),
    (re.compile(r"valid number|valid float|finite number"), "应为数字"),
    (re.compile(r"valid boolean"), "应为 true 或 false"),
    (re.compile(r"greater than or equal to (\S+)"), "应不小于 {0}"),
    (re.compile(r"greater than (\S+)"), "应大于 {0}"),
    (re.compile(r"less than or equal to (\S+)"), "应不大于 {0}"),
    (re.compile(r"less than (\S+)"), "应小于 {0}"),
    (re.compile(r"Input should be (.*'.*)$"), "应为 {0} 之一"),
    (re.compile(r"does not exist"), "所指的文件不存在"),
    (re.compile(r"is a directory"), "是文件夹"),
)


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def _write_error(message: str) -> None:
    line = f"错误：{_one_line(message)}\n"
    stream = sys.stderr
    try:
        # A lone surrogate from argv must not turn the error report itself into a traceback.
        stream.buffer.write(line.encode("utf-8", errors="backslashreplace"))
        stream.flush()
    except (AttributeError, ValueError, OSError):
        stream.write(line.encode("utf-8", errors="backslashreplace").decode("utf-8"))


def _is_option(param: Any) -> bool:
    return getattr(param, "param_type_name", "") == "option"


def _param_name(param: Any) -> str:
    if param is None:
        return "参数"
    if _is_option(param) and getattr(param, "opts", None):
        return "/".join(param.opts)
    return str(getattr(param, "display_name_raw", None) or getattr(param, "name", None) or "参数").upper()


def _value_message(message: str) -> str:
    for pattern, chinese in _VALUE_MESSAGES:
        match = pattern.search(message.strip())
        if match:
            return "取值" + chinese.format(*match.groups())
    return f"取值无效（{message}）"


def usage_message(error: click_exceptions.UsageError) -> str:
    """Chinese wording of a click usage error."""
    ctx = error.ctx
    command = f"{ctx.command_path} " if ctx is not None else ""
    if isinstance(error, click_exceptions.NoArgsIsHelpError):
        return ""  # the help text itself, printed by the caller
    if isinstance(error, click_exceptions.MissingParameter):
        kind = "选项" if _is_option(error.param) else "参数"
        return f"{command}缺少必需的{kind} {_param_name(error.param)}（用 --help 查看用法）"
    if isinstance(error, click_exceptions.NoSuchOption):
        hint = f"；是否想用：{'、'.join(sorted(error.possibilities))}" if error.possibilities else ""
        return f"{command}没有选项 {error.option_name}{hint}（用 --help 查看用法）"
    if isinstance(error, click_exceptions.BadOptionUsage):
        if "requires an argument" in error.message:
            return f"{command}选项 {error.option_name} 需要一个值"
        return f"{command}选项 {error.option_name} 用法不正确（{error.message}）"
    if isinstance(error, click_exceptions.BadParameter):
        return f"{command}{_param_name(error.param)} 的{_value_message(error.message)}"
    message = error.message
    if match := re.match(r"No such command '(.*)'\.", message):
        lister = getattr(getattr(ctx, "command", None), "list_commands", None)
        known = "、".join(lister(ctx)) if lister is not None else ""
        return f"未知的命令：{match.group(1)}" + (f"（可用的命令：{known}）" if known else "")
    if match := re.match(r"Got unexpected extra argument(?:s|\(s\))? \((.*)\)", message):
        return f"{command}多余的参数：{match.group(1)}（用 --help 查看用法）"
    if "Missing command" in message:
        return f"{command}缺少子命令（用 --help 查看用法）"
    return f"{command}用法不正确：{message}（用 --help 查看用法）"


def failure_message(exc: BaseException) -> str:
    """Chinese wording of an exception that escaped a command."""
    if isinstance(exc, YaosuError):
        return exc.shown
    if isinstance(exc, RecursionError):
        return "输入嵌套层数过深，无法处理"
    if isinstance(exc, MemoryError):
        return "内存不足：输入过大"
    if isinstance(exc, OSError):
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            return f"磁盘空间不足，未能写完{('：' + str(exc.filename)) if exc.filename else ''}"
        where = f"{exc.filename}：" if exc.filename else ""
        return f"文件操作失败：{where}{exc.strerror or exc}"
    if isinstance(exc, UnicodeError):
        return "输入含有无法编码的字符（如孤立代理项），请检查输入"
    if isinstance(exc, ValueError) and "digits" in str(exc) and "int" in str(exc):
        return "数字过长（超过 4300 位）"
    return f"内部错误（{type(exc).__name__}）：{_one_line(str(exc))[:300]}；请将此信息报告给维护者"


def run_cli(app: Any, args: list[str] | None = None) -> NoReturn:
    """Run the Typer `app` and exit: 0 on success, the command's own code, or 2 with one Chinese line."""
    try:
        code = app(args=args, standalone_mode=False)
    except click_exceptions.NoArgsIsHelpError as exc:
        sys.stdout.write(exc.ctx.get_help() + "\n")
        code = EXIT_USAGE
    except click_exceptions.UsageError as exc:
        _write_error(usage_message(exc))
        code = EXIT_USAGE
    except Abort:
        _write_error("已中断")
        code = EXIT_USAGE
    except click_exceptions.ClickException as exc:
        _write_error(exc.format_message())
        code = EXIT_USAGE
    except KeyboardInterrupt:
        _write_error("已中断")
        code = EXIT_USAGE
    except OSError as exc:
        if exc.errno == errno.EPIPE:  # `yaosu schema … | head`: the reader left; not an error of ours
            _silence_stdout()
            code = 0
        else:
            _write_error(failure_message(exc))
            code = EXIT_USAGE
    except Exception as exc:
        if os.environ.get("YAOSU_DEBUG"):
            raise
        _write_error(failure_message(exc))
        code = getattr(exc, "exit_code", EXIT_USAGE) if isinstance(exc, YaosuError) else EXIT_USAGE
    try:
        sys.stdout.flush()
    except OSError:
        _silence_stdout()
    sys.exit(code if isinstance(code, int) else 0)


def _silence_stdout() -> None:
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)

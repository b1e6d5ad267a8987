"""Reading and writing case files: clear Chinese errors in, atomic writes out."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from engine.atomic import atomic_write_text
from engine.case.bounds import MAX_DEPTH, nesting_depth_exceeds
from engine.errors import YaosuError

MAX_CASE_FILE_BYTES = 50 * 1024 * 1024


def load_case_file(path: str | Path) -> dict[str, Any]:
    source = Path(path)
    try:
        if source.exists() and not source.is_file():  # a FIFO blocks and /dev/zero never ends
            raise YaosuError(f"{source} 不是普通文件，不能作为案件文件读取")
        if source.stat().st_size > MAX_CASE_FILE_BYTES:
            raise YaosuError(f"案件文件 {source.name} 过大（超过 50 MB）")
        raw = source.read_bytes()
    except FileNotFoundError as exc:
        raise YaosuError(f"案件文件不存在：{source}") from exc
    except IsADirectoryError as exc:
        raise YaosuError(f"{source} 是文件夹，不是案件文件") from exc
    except OSError as exc:
        raise YaosuError(f"无法读取案件文件 {source}：{exc.strerror or exc}") from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise YaosuError(f"案件文件 {source.name} 不是 UTF-8 编码的 JSON") from exc
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise YaosuError(f"案件文件 {source.name} 不是有效的 JSON：第{exc.lineno}行第{exc.colno}列，{exc.msg}") from exc
    except ValueError as exc:  # an integer of more than 4,300 digits
        raise YaosuError(f"案件文件 {source.name} 含有过长的数字（超过 4300 位）") from exc
    except RecursionError as exc:
        raise YaosuError(f"案件文件 {source.name} 嵌套层数过深，不是有效的案件文件") from exc
    if not isinstance(data, dict):
        raise YaosuError(f"案件文件 {source.name} 应为 JSON 对象")
    if nesting_depth_exceeds(data):
        raise YaosuError(f"案件文件 {source.name} 嵌套层数过深（超过 {MAX_DEPTH} 层），不是有效的案件文件")
    return data


def save_case_file(path: str | Path, case: dict[str, Any]) -> Path:
    return atomic_write_text(path, json.dumps(case, ensure_ascii=False, indent=2) + "\n")

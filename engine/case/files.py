"""Reading and writing case files: clear Chinese errors in, atomic writes out."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from engine.atomic import atomic_write_text
from engine.case.bounds import MAX_DEPTH, nesting_depth_exceeds
from engine.errors import E, YaosuError
from engine.jsontext import indented_json

MAX_CASE_FILE_BYTES = 50 * 1024 * 1024


def load_case_file(path: str | Path) -> dict[str, Any]:
    source = Path(path)
    try:
        if source.exists() and not source.is_file():  # a FIFO blocks and /dev/zero never ends
            raise YaosuError(E.E315, source=source)
        if source.stat().st_size > MAX_CASE_FILE_BYTES:
            raise YaosuError(E.E301, source_name=source.name)
        raw = source.read_bytes()
    except FileNotFoundError as exc:
        raise YaosuError(E.E302, source=source) from exc
    except IsADirectoryError as exc:
        raise YaosuError(E.E303, source=source) from exc
    except OSError as exc:
        raise YaosuError(E.E304, source=source, exc_strerror_or_exc=exc.strerror or exc) from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise YaosuError(E.E305, source_name=source.name) from exc
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise YaosuError(E.E306, source_name=source.name, exc_lineno=exc.lineno, exc_colno=exc.colno, exc_msg=exc.msg) from exc
    except ValueError as exc:  # an integer of more than 4,300 digits
        raise YaosuError(E.E316, source_name=source.name) from exc
    except RecursionError as exc:
        raise YaosuError(E.E317, source_name=source.name) from exc
    if not isinstance(data, dict):
        raise YaosuError(E.E300, source_name=source.name)
    if nesting_depth_exceeds(data):
        raise YaosuError(E.E314, source_name=source.name, max_depth=MAX_DEPTH)
    return data


def save_case_file(path: str | Path, case: dict[str, Any]) -> Path:
    return atomic_write_text(path, indented_json(case) + "\n")

"""Change a case file in place, safely: lock, read, change, compare-and-swap write.

`update_case_file(path, change)` is what `yaosu find` (and any other in-place edit) calls: the
whole read-modify-write runs under the file's advisory lock (engine/filesafety.py), so parallel
runs are serialised and none of their changes is lost; a change made by a program that does not
take the lock makes the run fail with a Chinese message and nothing written.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from engine.atomic import atomic_write_text, file_identity, resolve_output, write_error
from engine.case.files import load_case_file
from engine.errors import E, YaosuError
from engine.filesafety import exclusive_lock


def case_file_text(case: dict[str, Any]) -> str:
    return json.dumps(case, ensure_ascii=False, indent=2) + "\n"


def update_case_file(path: str | Path, change: Callable[[dict[str, Any]], dict[str, Any]]) -> dict[str, Any]:
    """Apply `change` to the case in `path` under the lock and write the result; returns it."""
    load_case_file(path)  # a missing or non-regular file is refused before a lock file is made beside it
    with exclusive_lock(path):
        before = file_identity(path)
        updated = change(load_case_file(path))
        atomic_write_text(path, case_file_text(updated), expect=before)
    return updated


def create_case_file(
    path: str | Path, case: dict[str, Any], *, force: bool = False, inputs: tuple[str | Path, ...] = ()
) -> Path:
    """Write a new case file; an existing file is only replaced with `force` (checked under the lock)."""
    target = resolve_output(path, inputs)  # /dev/null, a folder or an input: refused before locking
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise write_error(path, exc) from exc
    with exclusive_lock(path):
        before = file_identity(path)
        if before is not None and not force:
            raise YaosuError(E.E318, file=path)
        return atomic_write_text(path, case_file_text(case), forbid=inputs, expect=before)

"""Atomic writes: the finished file has ordinary permissions and a failed write leaves nothing."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from engine.atomic import atomic_write_bytes


def test_written_file_gets_umask_permissions(tmp_path: Path) -> None:
    umask = os.umask(0)
    os.umask(umask)
    path = atomic_write_bytes(tmp_path / "out.docx", b"data")
    assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~umask
    assert path.read_bytes() == b"data"


def test_failure_leaves_old_file_and_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "out.docx"
    target.write_bytes(b"old")

    with pytest.raises(TypeError):
        atomic_write_bytes(target, "not bytes")  # type: ignore[arg-type]
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.docx"]

"""A full disk is a Chinese error, not a traceback, and leaves the previous file and no temp file.

Uses a real 16 kB tmpfs (we are root on the dev and CI machines); skipped where mounting is not
allowed.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

YAOSU = str(Path(sys.executable).parent / "yaosu")


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    mount_point = tmp_path / "small"
    mount_point.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=16k", "tmpfs", str(mount_point)],
                             capture_output=True, check=False)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode(errors='replace').strip()}")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", str(mount_point)], check=False)


def test_disk_full_while_drafting_and_recording(decided_case: dict[str, Any], tmp_path: Path, small_disk: Path) -> None:
    case_path = tmp_path / "case.json"
    case_path.write_text(json.dumps(decided_case, ensure_ascii=False), encoding="utf-8")
    out = small_disk / "judgment.docx"  # a judgment is ~40 kB: it cannot fit
    result = subprocess.run([YAOSU, "draft", str(case_path), "-o", str(out)], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("错误：") and "磁盘空间不足" in result.stderr and result.stderr.count("\n") == 1
    assert list(small_disk.iterdir()) == []
    # A case file on the full disk: the old content stays, the temp file is gone.
    small_case = small_disk / "case.json"
    small_case.write_text(json.dumps({**decided_case, "complaint": None, "answer": None}), encoding="utf-8")
    before = small_case.read_bytes()
    filler = small_disk / "filler"
    with filler.open("wb") as handle:
        try:
            handle.write(b"x" * 64 * 1024)
        except OSError:
            pass  # filled up
    result = subprocess.run([YAOSU, "find", str(small_case), "--set", "penalty_agreed=" + "按日万分之五" * 200],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 2 and "磁盘空间不足" in result.stderr, result.stderr
    assert small_case.read_bytes() == before
    assert sorted(p.name for p in small_disk.iterdir()) == [".case.json.lock", "case.json", "filler"]

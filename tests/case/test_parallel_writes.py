"""Parallel writers of one case file are serialised by its lock: no change is lost.

Three real processes each make 20 changes to the same file at the same time. Through
`update_case_file` (lock, read, change, compare-and-swap write) all 60 land; `yaosu find` runs
in parallel keep every process's findings. A writer that bypasses the lock while a locked
update is in progress makes that update fail loudly instead of overwriting it.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from engine.atomic import atomic_write_text, file_identity
from engine.case.update import update_case_file
from engine.errors import YaosuError

YAOSU = str(Path(sys.executable).parent / "yaosu")
PROCESSES = 3
CHANGES = 20
FIND_RUNS = 4

_APPENDER = textwrap.dedent(
    """
    import sys
    from engine.case.update import update_case_file

    path, who, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    for index in range(count):
        update_case_file(path, lambda data: {**data, "log": [*data["log"], f"{who}-{index}"]})
    """
)


def test_three_processes_times_twenty_updates_all_land(tmp_path: Path) -> None:
    path = tmp_path / "shared.json"
    path.write_text(json.dumps({"log": []}), encoding="utf-8")
    workers = [
        subprocess.Popen([sys.executable, "-c", _APPENDER, str(path), f"p{who}", str(CHANGES)], stderr=subprocess.PIPE)
        for who in range(PROCESSES)
    ]
    for worker in workers:
        _, err = worker.communicate(timeout=120)
        assert worker.returncode == 0, err.decode()
    log = json.loads(path.read_text(encoding="utf-8"))["log"]
    assert sorted(log) == sorted(f"p{who}-{index}" for who in range(PROCESSES) for index in range(CHANGES))
    for who in range(PROCESSES):  # each process's changes in its own order
        assert [entry for entry in log if entry.startswith(f"p{who}-")] == [f"p{who}-{i}" for i in range(CHANGES)]


def test_parallel_yaosu_find_keeps_every_finding(lending_case: dict[str, Any], tmp_path: Path) -> None:
    path = tmp_path / "case.json"
    path.write_text(json.dumps(lending_case, ensure_ascii=False), encoding="utf-8")
    # Each process owns one money element and sets it to 1..FIND_RUNS, one `yaosu find` at a time
    # (a `yaosu` start costs about a second, so fewer runs than the 3 × 20 above).
    owned = ["outstanding_principal", "repaid_principal", "repaid_interest"]
    script = textwrap.dedent(
        """
        import subprocess, sys
        yaosu, path, element, count = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
        for value in range(1, count + 1):
            result = subprocess.run([yaosu, "find", path, "--set", f"{element}={value}"], capture_output=True, text=True)
            if result.returncode != 0:
                sys.exit(result.stderr)
        """
    )
    workers = [
        subprocess.Popen([sys.executable, "-c", script, YAOSU, str(path), element, str(FIND_RUNS)], stderr=subprocess.PIPE)
        for element in owned
    ]
    for worker in workers:
        _, err = worker.communicate(timeout=300)
        assert worker.returncode == 0, err.decode()
    findings = json.loads(path.read_text(encoding="utf-8"))["findings"]
    assert findings == {element: f"{FIND_RUNS}.00" for element in owned}


def test_a_write_that_bypasses_the_lock_makes_the_update_fail(tmp_path: Path) -> None:
    path = tmp_path / "case.json"
    path.write_text(json.dumps({"value": 1}), encoding="utf-8")

    def change(data: dict[str, Any]) -> dict[str, Any]:
        # Another program rewrites the file between our read and our write.
        path.write_text(json.dumps({"value": "theirs", "padding": "x" * 10}), encoding="utf-8")
        return {"value": 2}

    with pytest.raises(YaosuError, match="已被其他程序改动"):
        update_case_file(path, change)
    assert json.loads(path.read_text(encoding="utf-8"))["value"] == "theirs"


def test_compare_and_swap_on_a_file_that_appeared(tmp_path: Path) -> None:
    path = tmp_path / "new.json"
    expected = file_identity(path)
    assert expected is None
    path.write_text("{}", encoding="utf-8")
    with pytest.raises(YaosuError):
        atomic_write_text(path, "{\"x\": 1}", expect=expected)
    assert path.read_text(encoding="utf-8") == "{}"

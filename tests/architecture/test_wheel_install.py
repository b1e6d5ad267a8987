"""A normal (non-editable) install of the built wheel runs from any directory: the data ships inside.

The fresh venv gets the project's dependencies from the test venv's site-packages (a .pth line, which
does not activate the editable install's finder) and the wheel itself with --no-deps, so the test
costs seconds and downloads nothing.
"""

from __future__ import annotations

import json
import site
import subprocess
import sys
import venv
from pathlib import Path

import pytest

REPOSITORY = Path(__file__).resolve().parents[2]
SAMPLE = REPOSITORY / "corpus" / "private_lending" / "sample"


@pytest.mark.slow
def test_the_built_wheel_drafts_from_tmp(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(REPOSITORY), "--no-deps", "-q", "-w", str(wheels)],
        capture_output=True, text=True, timeout=300,
    )
    assert built.returncode == 0, built.stderr[-2000:]
    [wheel] = list(wheels.glob("yaosu-*.whl"))
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=False)
    [target_site] = list(env_dir.glob("lib/python*/site-packages"))
    (target_site / "deps.pth").write_text("\n".join(site.getsitepackages()) + "\n", encoding="utf-8")
    python = env_dir / "bin" / "python"
    installed = subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--no-index", "-q", str(wheel)],
        capture_output=True, text=True, timeout=300,
    )
    assert installed.returncode == 0, installed.stderr[-2000:]
    work = tmp_path / "elsewhere"
    work.mkdir()
    where = subprocess.run([str(python), "-c", "import engine; print(engine.__file__)"], capture_output=True,
                           text=True, cwd=work, timeout=60)
    assert str(env_dir) in where.stdout, where.stdout + where.stderr  # the wheel, not the checkout
    yaosu = env_dir / "bin" / "yaosu"
    new = subprocess.run(
        [str(yaosu), "new", "--type", "private_lending", "--complaint", str(SAMPLE / "complaint.txt"),
         "--answer", str(SAMPLE / "answer.txt"), "--court", "jiashan", "-o", "case.json", "--json"],
        capture_output=True, text=True, cwd=work, timeout=120,
    )
    assert new.returncode == 0, new.stderr
    assert json.loads(new.stdout)["statuses"]["disputed"]
    draft = subprocess.run([str(yaosu), "draft", "case.json", "-o", "judgment.txt"], capture_output=True, text=True,
                           cwd=work, timeout=120)
    assert draft.returncode == 0, draft.stderr
    text = (work / "judgment.txt").read_text(encoding="utf-8")
    assert text.startswith("浙江省嘉善县人民法院\n民事判决书")
    check = subprocess.run([str(yaosu), "check-data"], capture_output=True, text=True, cwd=work, timeout=120)
    assert check.returncode == 0 and str(env_dir) in check.stdout, check.stdout + check.stderr

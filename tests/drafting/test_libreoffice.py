"""The drafts open cleanly in LibreOffice (converted to PDF headless) with a Chinese font available."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from engine.drafting.render import render_docx
from engine.system import default_system

SYSTEM = default_system()

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.slow
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice not installed (make system-deps installs it)")
def test_three_drafts_convert_to_pdf(decided_case: dict[str, Any], tmp_path: Path) -> None:
    fonts = subprocess.run(["fc-list", ":lang=zh"], capture_output=True, text=True).stdout
    if not fonts.strip():
        pytest.skip("no Chinese font installed (fonts-noto-cjk)")
    paths = []
    for court_id in ("qingpu", "wujiang", "jiashan"):
        path = tmp_path / f"{court_id}.docx"
        path.write_bytes(render_docx(SYSTEM, decided_case, court_id))
        paths.append(str(path))
    env = {**os.environ, "HOME": str(tmp_path)}  # a private LibreOffice profile
    result = subprocess.run(
        [SOFFICE, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), *paths],
        capture_output=True, text=True, timeout=240, env=env,
    )
    assert result.returncode == 0, result.stderr
    for court_id in ("qingpu", "wujiang", "jiashan"):
        pdf = tmp_path / f"{court_id}.pdf"
        assert pdf.exists() and pdf.read_bytes().startswith(b"%PDF")
        assert pdf.stat().st_size > 5000

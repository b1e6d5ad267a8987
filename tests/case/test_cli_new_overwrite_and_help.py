"""`yaosu new` never silently overwrites a judge's work; `--update` re-extracts and keeps it;
the CLI's own words (usage, options, errors, --version) are Chinese. Real subprocesses."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from engine.paths import CORPUS_DIR

YAOSU = str(Path(sys.executable).parent / "yaosu")
SAMPLE = CORPUS_DIR / "private_lending" / "sample"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([YAOSU, *args], capture_output=True, text=True, timeout=120)


def _new(out: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return run(
        "new", "--type", "private_lending", "--complaint", str(SAMPLE / "complaint.txt"),
        "--answer", str(SAMPLE / "answer.txt"), "-o", str(out), *extra,
    )


def test_new_refuses_to_overwrite_then_force_and_update(tmp_path: Path) -> None:
    out = tmp_path / "case.json"
    assert _new(out, "--court", "qingpu").returncode == 0
    found = run("find", str(out), "--set", "delivered_amount=9.5万元")
    assert found.returncode == 0, found.stderr
    case = json.loads(out.read_text(encoding="utf-8"))
    case["meta"]["judge"] = "周审判"
    out.write_text(json.dumps(case, ensure_ascii=False), encoding="utf-8")
    before = out.read_bytes()

    refused = _new(out)
    assert refused.returncode == 2
    assert refused.stderr.startswith("错误：") and "--force" in refused.stderr and "--update" in refused.stderr
    assert out.read_bytes() == before  # untouched

    updated = _new(out, "--update", "--case-seq", "77")
    assert updated.returncode == 0, updated.stderr
    kept = json.loads(out.read_text(encoding="utf-8"))
    assert kept["findings"]["delivered_amount"] == "95000.00"
    assert kept["meta"]["judge"] == "周审判" and kept["meta"]["case_seq"] == 77
    assert kept["court"] == "qingpu"
    assert kept["elements"]["delivered_amount"]["status"] == "disputed"  # re-extracted

    forced = _new(out, "--force")
    assert forced.returncode == 0, forced.stderr
    fresh = json.loads(out.read_text(encoding="utf-8"))
    assert not fresh.get("findings") and fresh["meta"].get("judge") is None


def test_help_usage_errors_and_version_are_chinese() -> None:
    top = run("--help")
    assert top.returncode == 0
    for english in ("Usage", "Options", "Commands", "Show this message and exit"):
        assert english not in top.stdout, english
    assert "用法：" in top.stdout and "显示本帮助并退出" in top.stdout
    sub = run("new", "--help")
    assert "用法：yaosu new" in sub.stdout and "[必填]" in sub.stdout and "--force" in sub.stdout
    assert "Show this message" not in sub.stdout
    calc = run("calc", "--help")
    assert "用法：yaosu calc [选项] 命令 [参数]..." in calc.stdout and "COMMAND" not in calc.stdout
    missing = run("new", "--type", "private_lending")
    assert missing.returncode == 2
    assert "缺少" in missing.stderr and "Missing" not in missing.stderr
    unknown = run("validate", "--nope")
    assert "没有选项 --nope" in unknown.stderr and "No such option" not in unknown.stderr
    version = run("--version")
    assert version.returncode == 0 and version.stdout.startswith("yaosu（要素）")
    assert any(ch.isdigit() for ch in version.stdout)

"""`yaosu meta`: the case details that are not elements, validated and written atomically (real subprocesses)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

YAOSU = str(Path(sys.executable).parent / "yaosu")


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([YAOSU, *args], capture_output=True, text=True, timeout=120)


def _case_file(tmp_path: Path, case: dict[str, Any]) -> Path:
    path = tmp_path / "case.json"
    path.write_text(json.dumps(case, ensure_ascii=False), encoding="utf-8")
    return path


def test_meta_sets_every_field(tmp_path: Path, lending_case: dict[str, Any]) -> None:
    path = _case_file(tmp_path, lending_case)
    defendant = lending_case["elements"]["defendants"]["complaint"][0]["name"]
    result = run(
        "meta", str(path), "--filing-date", "2024-03-01", "--hearing-end-date", "2024-04-10",
        "--judgment-date", "2024-04-20", "--procedure", "small_claims", "--absent", defendant,
        "--judge", "王法官", "--clerk", "李书记", "--assistant", "赵助理", "--case-year", "2024", "--case-seq", "77",
    )
    assert result.returncode == 0, result.stderr
    meta = json.loads(path.read_text(encoding="utf-8"))["meta"]
    assert meta["filing_date"] == "2024-03-01"
    assert meta["hearing_end_date"] == "2024-04-10"
    assert meta["judgment_date"] == "2024-04-20"
    assert meta["procedure"] == "small_claims"
    assert meta["absent"] == [defendant]
    assert (meta["judge"], meta["clerk"], meta["assistant"]) == ("王法官", "李书记", "赵助理")
    assert (meta["case_year"], meta["case_seq"]) == (2024, 77)
    assert run("validate", str(path)).returncode == 0


def test_meta_refuses_bad_values_and_leaves_the_file(tmp_path: Path, lending_case: dict[str, Any]) -> None:
    path = _case_file(tmp_path, lending_case)
    before = path.read_bytes()
    cases = [
        (["--judgment-date", "2024-02-30"], "判决日期"),
        (["--procedure", "summary"], "审理程序"),
        (["--absent", "不存在的人"], "不是本案当事人"),
        (["--filing-date", "2024-05-01", "--judgment-date", "2024-04-01"], "早于立案日期"),
        ([], "没有要记录的案件信息"),
    ]
    for args, words in cases:
        result = run("meta", str(path), *args)
        assert result.returncode == 2, args
        assert result.stderr.startswith("错误：") and words in result.stderr, result.stderr
    assert path.read_bytes() == before
    assert {p.name for p in tmp_path.iterdir()} == {"case.json"}

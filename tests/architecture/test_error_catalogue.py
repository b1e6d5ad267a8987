"""One catalogue of coded errors: every YaosuError raised in engine/ names a code of engine/errors.py,
every template's fields are the ones its raise sites pass, and each surface shows the code."""

from __future__ import annotations

import ast
import json
import string
import subprocess
import sys
from pathlib import Path

from engine.errors import E, YaosuError

ENGINE = Path(__file__).resolve().parents[2] / "engine"
YAOSU = str(Path(sys.executable).parent / "yaosu")


def _raise_sites() -> list[tuple[Path, ast.Call]]:
    sites = []
    for path in ENGINE.rglob("*.py"):
        if "data" in path.relative_to(ENGINE).parts[:1]:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "YaosuError":
                sites.append((path, node))
    return sites


def test_every_raise_names_a_catalogue_code_with_its_fields() -> None:
    problems = []
    for path, call in _raise_sites():
        first = call.args[0] if call.args else None
        where = f"{path.relative_to(ENGINE.parent)}:{call.lineno}"
        if not (isinstance(first, ast.Attribute) and isinstance(first.value, ast.Name) and first.value.id == "E"):
            problems.append(f"{where}: not a catalogue code (run scripts/error_codes.py)")
            continue
        template = getattr(E, first.attr)
        needed = {name for _, name, _, _ in string.Formatter().parse(template) if name}
        given = {k.arg for k in call.keywords if k.arg and k.arg != "path"}
        if needed - given:
            problems.append(f"{where}: {first.attr} needs {sorted(needed - given)}")
    assert problems == []
    assert len(_raise_sites()) > 200  # the scan sees the engine's raises


def test_an_error_carries_code_fields_and_message() -> None:
    error = YaosuError(E.E111, shown="divorce", known="private_lending", path="/case_type")
    assert error.code == "E111" and error.fields["shown"] == "divorce"
    assert error.message == "未知的案件类型：divorce（可用的类型：private_lending）"
    assert error.to_json() == {"code": "E111", "path": "/case_type", "message": error.message}


def test_the_command_line_prints_the_code() -> None:
    result = subprocess.run([YAOSU, "schema", "divorce"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert result.stderr.startswith("错误：[E111] 未知的案件类型：divorce"), result.stderr


def test_the_api_answers_code_path_and_message(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from engine.service.app import create_app

    client = TestClient(create_app(f"sqlite:///{tmp_path / 'store.db'}", warm=False), base_url="http://127.0.0.1")
    response = client.post("/api/extract", data={"case_type": "divorce", "role": "complaint"},
                           files={"file": ("a.txt", "原告张三".encode(), "text/plain")})
    assert response.status_code in (400, 422), response.text
    body = json.dumps(response.json(), ensure_ascii=False)
    assert "E111" in body and "未知的案件类型" in body

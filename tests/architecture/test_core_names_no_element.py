"""The core (engine/ outside engine/casetypes/) names no element id of any case type.

What one case type knows lives in its package (engine/casetypes/<id>/) and its data; the core reads
element ids only from tables. The party elements every table has (spec: "Parties (all case types)")
are the one shared vocabulary the core may name.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from engine.system import default_system

ENGINE = Path(__file__).resolve().parents[2] / "engine"
UNIVERSAL = {"plaintiffs", "defendants", "third_parties"}


def _element_ids() -> set[str]:
    return set(default_system().dictionary) - UNIVERSAL


def _core_files() -> list[Path]:
    return [p for p in ENGINE.rglob("*.py") if "casetypes" not in p.relative_to(ENGINE).parts]


def test_no_core_module_names_an_element_id() -> None:
    ids = _element_ids()
    assert {"loan_amount", "claim_principal", "guarantee_type"} <= ids  # the guard guards something
    found = []
    for path in _core_files():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                      if isinstance(node, ast.Module | ast.FunctionDef | ast.ClassDef | ast.AsyncFunctionDef)
                      and node.body and isinstance(node.body[0], ast.Expr)
                      and isinstance(node.body[0].value, ast.Constant)}
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
                words = set(re.findall(r"[a-z][a-z0-9_]*", node.value))
                for hit in sorted(words & ids):
                    found.append(f"{path.relative_to(ENGINE.parent)}:{node.lineno}: {hit}")
    assert found == []


def test_the_web_form_names_no_element_id() -> None:
    ids = _element_ids()
    script = (ENGINE / "service" / "static" / "app.js").read_text(encoding="utf-8")
    assert sorted(set(re.findall(r"[a-z][a-z0-9_]*", script)) & ids) == []


def test_the_guard_catches_a_planted_id(tmp_path: Path) -> None:
    planted = tmp_path / "planted.py"
    planted.write_text('RULE = "loan_amount"\n', encoding="utf-8")
    tree = ast.parse(planted.read_text(encoding="utf-8"))
    constants = [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)]
    assert set(constants) & _element_ids() == {"loan_amount"}

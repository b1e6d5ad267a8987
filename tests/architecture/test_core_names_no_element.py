"""The core (engine/ outside engine/casetypes/) names no element id of any case type.

What one case type knows lives in its package (engine/casetypes/<id>/) and its data; the core reads
element ids only from tables. Three exemptions, each part of a public vocabulary rather than one case
type's knowledge: the party elements every table has (spec: "Parties (all case types)"); `position`,
the answer-position key of the spec's extraction output (劳动争议's 岗位 element shares the word); and
engine/law/, the law layer, whose calculators name the legal items they compute (死亡赔偿金 is a concept
of the 人身损害 law whatever case type drafts it) and are called by the case-type packages — its error
wording (codes E5xx in the catalogue engine/errors.py) included.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from engine.system import default_system

ENGINE = Path(__file__).resolve().parents[2] / "engine"
# `lenders` is also the spec's key of report.json (疑似职业放贷人), not only 民间借贷's element.
UNIVERSAL = {"plaintiffs", "defendants", "third_parties", "position", "lenders"}


def _element_ids() -> set[str]:
    return set(default_system().dictionary) - UNIVERSAL


def _core_files() -> list[Path]:
    return [p for p in ENGINE.rglob("*.py")
            if not {"casetypes", "law", "data"} & set(p.relative_to(ENGINE).parts[:1])]


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
            if (path.name == "errors.py" and isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name)
                    and node.targets[0].id.startswith("E5")):
                docstrings.add(id(node.value))  # the law layer's wording (exempt, see above) lives in the catalogue
            # A constant that is an element id, or a path / key built on one ("/findings/loan_amount").
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
                parts = set(re.split(r"[/.:\s]", node.value))
                for hit in sorted(parts & ids):
                    found.append(f"{path.relative_to(ENGINE.parent)}:{node.lineno}: {hit}")
    assert found == []


def test_the_web_form_names_no_element_id() -> None:
    ids = _element_ids()
    script = (ENGINE / "service" / "static" / "app.js").read_text(encoding="utf-8")
    quoted = set(re.findall(r"[\"'`]([a-z][a-z0-9_]*)[\"'`]", script))
    assert sorted(quoted & ids) == []


def test_the_guard_catches_a_planted_id(tmp_path: Path) -> None:
    planted = tmp_path / "planted.py"
    planted.write_text('RULE = "loan_amount"\n', encoding="utf-8")
    tree = ast.parse(planted.read_text(encoding="utf-8"))
    constants = [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)]
    assert set(constants) & _element_ids() == {"loan_amount"}

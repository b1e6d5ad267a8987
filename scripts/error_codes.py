"""Give every `YaosuError("…")` in engine/ a code in the catalogue (engine/errors.py), in place.

A development tool, re-runnable: a call that already names a code (`YaosuError(E.E123, …)`) is left
alone; a new plain-message call gets the next free code of its module's range and its template is
appended to the catalogue. The f-string's expressions become named fields of the error.
"""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENGINE = ROOT / "engine"
CATALOGUE = ENGINE / "errors.py"
RANGES = {  # first code of each part of the engine
    "system": 100, "elements": 100, "casetypes": 150, "datacheck": 180, "paths": 180,
    "extraction": 200, "case": 300, "drafting": 400, "law": 500, "service": 600,
    "research": 700, "cli": 800, "registry": 900, "atomic": 850, "textsafety": 860, "filesafety": 870,
}
MARK = "    # --- codes appended by scripts/error_codes.py"


def _area(path: Path) -> str:
    parts = path.relative_to(ENGINE).with_suffix("").parts
    return parts[0]


def _name(expr: ast.expr, source: str, used: dict[str, str]) -> str:
    text = ast.get_source_segment(source, expr) or "value"
    base = re.sub(r"[^0-9a-zA-Z]+", "_", text).strip("_").lower()
    if not base or not base[0].isalpha() or len(base) > 24:
        base = "value"
    if base == "path":
        base = "file"  # `path=` is the error's JSON path, not a field
    name, n = base, 1
    while name in used and used[name] != text:
        n += 1
        name = f"{base}{n}"
    used[name] = text
    return name


def _template(arg: ast.expr, source: str) -> tuple[str, dict[str, str]]:
    fields: dict[str, str] = {}
    if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
        return arg.value.replace("{", "{{").replace("}", "}}"), fields
    if isinstance(arg, ast.JoinedStr):
        out = []
        for part in arg.values:
            if isinstance(part, ast.Constant):
                out.append(str(part.value).replace("{", "{{").replace("}", "}}"))
            elif isinstance(part, ast.FormattedValue):
                name = _name(part.value, source, fields)
                conv = {-1: "", 115: "!s", 114: "!r", 97: "!a"}[part.conversion]
                spec = ""
                if part.format_spec is not None:
                    spec = ":" + "".join(str(v.value) for v in part.format_spec.values if isinstance(v, ast.Constant))
                out.append("{" + name + conv + spec + "}")
        return "".join(out), fields
    return "{message}", {"message": ast.get_source_segment(source, arg) or "str(exc)"}


def main() -> int:
    catalogue = CATALOGUE.read_text(encoding="utf-8")
    existing = dict(re.findall(r"^    (E\d{3}) = (\".*?\")$", catalogue, flags=re.M))
    by_template = {eval(v): k for k, v in existing.items()}  # noqa: S307 - our own literals
    used_codes = {int(code[1:]) for code in existing}
    added: list[tuple[str, str]] = []
    changed = 0
    for path in sorted(ENGINE.rglob("*.py")):
        if path == CATALOGUE or "data" in path.relative_to(ENGINE).parts[:1]:
            continue
        source = path.read_text(encoding="utf-8")
        tree = ast.parse(source)
        edits: list[tuple[int, int, str]] = []
        lines = source.splitlines(keepends=True)
        offsets = [0]
        for line in lines:
            offsets.append(offsets[-1] + len(line))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "YaosuError"):
                continue
            if not node.args:
                continue
            arg = node.args[0]
            if isinstance(arg, ast.Attribute) and isinstance(arg.value, ast.Name) and arg.value.id == "E":
                continue
            template, fields = _template(arg, source)
            code = by_template.get(template)
            if code is None:
                number = RANGES.get(_area(path), 990)
                while number in used_codes:
                    number += 1
                used_codes.add(number)
                code = f"E{number:03d}"
                by_template[template] = code
                added.append((code, template))
            replacement = f"E.{code}" + "".join(f", {k}={v}" for k, v in fields.items())
            start = offsets[arg.lineno - 1] + len(lines[arg.lineno - 1][: arg.col_offset].encode()) * 0 + arg.col_offset
            end = offsets[arg.end_lineno - 1] + arg.end_col_offset
            # ast offsets are in UTF-8 bytes; convert on the line
            start = offsets[arg.lineno - 1] + len(lines[arg.lineno - 1].encode()[: arg.col_offset].decode())
            end = offsets[arg.end_lineno - 1] + len(lines[arg.end_lineno - 1].encode()[: arg.end_col_offset].decode())
            edits.append((start, end, replacement))
        if not edits:
            continue
        for start, end, replacement in sorted(edits, reverse=True):
            source = source[:start] + replacement + source[end:]
        source = re.sub(r"from engine\.errors import YaosuError\b(?!,)", "from engine.errors import E, YaosuError", source)
        path.write_text(source, encoding="utf-8")
        changed += len(edits)
    if added:
        block = "".join(f"    {code} = {template!r}\n".replace("'", '"', 0) for code, template in added)
        block = "".join(f"    {code} = {_quoted(template)}\n" for code, template in added)
        catalogue = catalogue.replace(MARK + "\n", MARK + "\n" + block) if MARK in catalogue else catalogue + block
        CATALOGUE.write_text(catalogue, encoding="utf-8")
    print(f"{changed} calls coded, {len(added)} new codes")
    return 0


def _quoted(template: str) -> str:
    return '"' + template.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


if __name__ == "__main__":
    sys.exit(main())

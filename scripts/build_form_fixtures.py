#!/usr/bin/env python3
"""Build the team's element-style form fixtures (corpus/forms/<case type>.yaml) into .docx files.

Each YAML holds a `complaint` and an `answer` form: a title and rows of [label cell, value cell]
(☑ ticked, □ not). Every form becomes one .docx with the title paragraph and a two-column table,
the layout of the 示范文本 of 法〔2025〕82号: <out>/<case type>_complaint.docx and _answer.docx.
Usage: python scripts/build_form_fixtures.py OUT_DIR [--unticked]   (--unticked: every ☑ written as □)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import docx
import yaml

FORMS = Path(__file__).resolve().parent.parent / "corpus" / "forms"


def build_form(path: Path, title: str, rows: list[list[str]], unticked: bool = False) -> Path:
    document = docx.Document()
    document.add_paragraph(title)
    table = document.add_table(rows=len(rows), cols=2)
    for index, (label, value) in enumerate(rows):
        table.cell(index, 0).text = label
        table.cell(index, 1).text = value.replace("☑", "□") if unticked else value
    document.save(path)
    return path


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--unticked", action="store_true")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for source in sorted(FORMS.glob("*.yaml")):
        forms = yaml.safe_load(source.read_text(encoding="utf-8"))
        for role in ("complaint", "answer"):
            form = forms.get(role)
            if form:
                built = build_form(args.out / f"{source.stem}_{role}.docx", form["title"], form["rows"], args.unticked)
                print(built)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

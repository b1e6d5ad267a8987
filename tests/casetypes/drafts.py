"""Reading a case type's drafts back: the docx paragraphs, the lines that start a section, 本院认为."""

from __future__ import annotations

import io
from typing import Any

import docx

from engine.drafting.render import render_docx
from engine.system import default_system


def lines_of(case: dict[str, Any], court: str) -> list[str]:
    document = docx.Document(io.BytesIO(render_docx(default_system(), case, court)))
    return [p.text for p in document.paragraphs if p.text.strip()]


def starting(lines: list[str], prefix: str) -> list[str]:
    return [line for line in lines if line.startswith(prefix)]


def reasoning_text(lines: list[str]) -> str:
    start = next(i for i, line in enumerate(lines) if line.startswith("本院认为"))
    end = next(i for i, line in enumerate(lines) if line.startswith("依照"))
    return "".join(lines[start:end])

"""Rendering one judgment: our compiled renderer vs plain docxtpl loading the template per document.

Both are measured in the same run; the ratio is stored in extra_info and printed.
Run with `make bench`.
"""

from __future__ import annotations

import io
import statistics
import time
from typing import Any

import jinja2
from docxtpl import DocxTemplate

from engine.drafting.build import build_judgment
from engine.drafting.render import compiled_template
from engine.system import default_system

SYSTEM = default_system()
TEMPLATES_DIR = SYSTEM.templates_dir

TEMPLATE = TEMPLATES_DIR / "private_lending.docx"


def plain_docxtpl(context: dict[str, Any]) -> bytes:
    template = DocxTemplate(str(TEMPLATE))
    template.render(context, jinja_env=jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined))
    buffer = io.BytesIO()
    template.save(buffer)
    return buffer.getvalue()


def per_call(func, context: dict[str, Any], rounds: int = 30) -> float:
    timings = []
    for _ in range(rounds):
        start = time.perf_counter()
        func(context)
        timings.append(time.perf_counter() - start)
    return statistics.median(timings)


def test_render_docx_vs_plain_docxtpl(benchmark, decided_case: dict[str, Any]) -> None:
    context = build_judgment(SYSTEM, decided_case, "qingpu").model_dump()
    ours = compiled_template(SYSTEM, "private_lending.docx")
    ours.render(context)  # compile once, as a long-running process does
    benchmark(ours.render, context)
    baseline = per_call(plain_docxtpl, context)
    ratio = baseline / benchmark.stats.stats.median
    benchmark.extra_info["plain_docxtpl_median_ms"] = round(baseline * 1000, 2)
    benchmark.extra_info["speedup_vs_plain_docxtpl"] = round(ratio, 1)
    print(f"\nplain docxtpl {baseline * 1000:.1f} ms/doc, ours {benchmark.stats.stats.median * 1000:.2f} ms/doc, "
          f"ratio {ratio:.1f}x")


def test_build_and_render_end_to_end(benchmark, decided_case: dict[str, Any]) -> None:
    """Whole draft from case file (rules, calculators, template) for context."""
    from engine.drafting.render import render_docx

    benchmark(render_docx, SYSTEM, decided_case, "wujiang")

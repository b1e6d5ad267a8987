"""The template's contract (variables, strictness) and user text kept literal in docx, text and HTML."""

from __future__ import annotations

import io
import zipfile
from typing import Any

import docx
import jinja2
import pytest
from docxtpl import DocxTemplate
from lxml import etree

from engine.drafting.build import build_judgment
from engine.drafting.content import ElementRow, Judgment
from engine.drafting.render import compiled_template, render_docx, render_html, render_text
from engine.system import default_system

SYSTEM = default_system()

TEMPLATE = SYSTEM.templates_dir / "private_lending.docx"
NASTY = '苏州A&B<贸易>"有限"公司{{ court_name }}{% if true %}X{% endif %}'


def test_every_template_variable_is_a_judgment_field() -> None:
    variables = DocxTemplate(str(TEMPLATE)).get_undeclared_template_variables()
    assert variables, "the template declares variables"
    assert variables <= set(Judgment.model_fields), variables - set(Judgment.model_fields)
    # and every field a row uses exists on ElementRow
    assert {"label", "plaintiff", "defendant", "court"} <= set(ElementRow.model_fields)


def test_missing_variable_fails_loudly(decided_case: dict[str, Any]) -> None:
    context = build_judgment(SYSTEM, decided_case, "qingpu").model_dump()
    del context["fee_text"]
    with pytest.raises(jinja2.UndefinedError):
        compiled_template(SYSTEM, "private_lending.docx").render(context)


def test_fast_renderer_matches_plain_docxtpl(decided_case: dict[str, Any]) -> None:
    context = build_judgment(SYSTEM, decided_case, "wujiang").model_dump()
    plain = DocxTemplate(str(TEMPLATE))
    plain.render(context, jinja_env=jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined))
    buffer = io.BytesIO()
    plain.save(buffer)
    ours = docx.Document(io.BytesIO(compiled_template(SYSTEM, "private_lending.docx").render(context)))
    theirs = docx.Document(io.BytesIO(buffer.getvalue()))
    assert [p.text for p in ours.paragraphs] == [p.text for p in theirs.paragraphs]
    assert [[c.text for c in r.cells] for r in ours.tables[0].rows] == [
        [c.text for c in r.cells] for r in theirs.tables[0].rows
    ]


def _with_nasty_names(case: dict[str, Any]) -> dict[str, Any]:
    defendants = case["elements"]["defendants"]["complaint"]
    defendants[1]["name"] = NASTY
    case["elements"]["claim_guarantee"]["complaint"] = [NASTY]
    case["elements"]["guarantors"]["complaint"] = [NASTY]
    case["elements"]["plaintiffs"]["complaint"][0]["name"] = "<script>alert(1)</script>"
    return case


def test_party_names_render_literally_in_docx(decided_case: dict[str, Any]) -> None:
    data = render_docx(SYSTEM, _with_nasty_names(decided_case), "qingpu")
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        etree.fromstring(package.read("word/document.xml"))  # still well-formed XML
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)
    assert f"被告：{NASTY}，住所地" in text
    assert "原告：<script>alert(1)</script>，男" in text
    assert "上海市青浦区人民法院X" not in text  # the tags were not executed


def test_party_names_render_literally_in_text_and_html(decided_case: dict[str, Any]) -> None:
    case = _with_nasty_names(decided_case)
    assert f"被告：{NASTY}，住所地" in render_text(SYSTEM, case, "jiashan")
    html = render_html(SYSTEM, case, "jiashan")
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "苏州A&amp;B&lt;贸易&gt;" in html
    assert "{{ court_name }}" in html and "{% if true %}" in html

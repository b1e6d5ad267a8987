"""Judgment content → .docx, HTML and plain text.

The docx renderer parses and patches the docxtpl template once per process
(CompiledTemplate) and then renders many judgments from the compiled Jinja
template, copying the other parts of the package byte for byte. docxtpl itself
reloads and re-patches the template for every document; the benchmark in
benchmarks/ measures the difference. Escaping is on (autoescape) and undefined
variables are errors (StrictUndefined), so user text stays data.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2
from docxtpl import DocxTemplate

from engine.drafting.build import build_judgment
from engine.drafting.content import Judgment
from engine.textsafety import ensure_xml_safe

if TYPE_CHECKING:
    from engine.system import System

DOCUMENT_PART = "word/document.xml"
XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def jinja_env() -> jinja2.Environment:
    return jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)


class CompiledTemplate:
    """A docxtpl template parsed and patched once, rendered many times."""

    def __init__(self, path: Path) -> None:
        self.path = path
        template = DocxTemplate(str(path))
        template.init_docx()
        xml = template.patch_xml(template.xml_to_string(template.docx._element))
        # docxtpl renders with one paragraph per line so that {%p %} tags strip cleanly.
        self.template = jinja_env().from_string(re.sub(r"<w:p([ >])", r"\n<w:p\1", xml))
        # Every other part (styles alone are ~800 kB) is compressed once, here; a render only
        # appends the new document part to a copy of this archive.
        static = io.BytesIO()
        with zipfile.ZipFile(path) as package, zipfile.ZipFile(static, "w", zipfile.ZIP_DEFLATED) as out:
            for info in package.infolist():
                if info.filename != DOCUMENT_PART:
                    out.writestr(info, package.read(info.filename))
        self.static_package = static.getvalue()

    def render_xml(self, context: dict[str, Any]) -> str:
        xml = self.template.render(context)
        xml = re.sub(r"\n<w:p([ >])", r"<w:p\1", xml)
        return xml.replace("{_{", "{{").replace("}_}", "}}").replace("{_%", "{%").replace("%_}", "%}")

    def render(self, context: dict[str, Any]) -> bytes:
        xml = self.render_xml(context)
        # The last line of defence: a character XML 1.0 forbids makes a docx nothing can open.
        ensure_xml_safe(xml, "判决书文本")
        document = (XML_DECLARATION + xml).encode("utf-8")
        out = io.BytesIO(self.static_package)
        with zipfile.ZipFile(out, "a", zipfile.ZIP_DEFLATED) as package:
            package.writestr(DOCUMENT_PART, document)
        return out.getvalue()


def compiled_template(system: System, name: str) -> CompiledTemplate:
    return system.compiled(f"template:{name}", lambda sys: CompiledTemplate(sys.templates_dir / name))  # type: ignore[no-any-return]


def template_name(system: System, case: dict[str, Any]) -> str:
    return system.table(case.get("case_type")).template


def render_judgment_docx(system: System, judgment: Judgment, template: str) -> bytes:
    return compiled_template(system, template).render(judgment.model_dump())


def render_docx(system: System, case: dict[str, Any], court_id: str) -> bytes:
    return render_judgment_docx(system, build_judgment(system, case, court_id), template_name(system, case))


def render_text(system: System, case: dict[str, Any], court_id: str) -> str:
    return judgment_text(build_judgment(system, case, court_id))


def judgment_text(judgment: Judgment) -> str:
    """Plain text, one paragraph a line: what `compare` diffs."""
    return "\n".join(line for _, paragraphs in judgment.section_texts() for line in paragraphs) + "\n"


def _html_template(system: System) -> jinja2.Template:
    def build(sys: System) -> jinja2.Template:
        return jinja_env().from_string((sys.templates_dir / "judgment.html").read_text(encoding="utf-8"))

    return system.compiled("template:judgment.html", build)  # type: ignore[no-any-return]


def render_judgment_html(system: System, judgment: Judgment) -> str:
    """An HTML fragment for the web preview; every value is escaped by Jinja's autoescape."""
    return _html_template(system).render(j=judgment)


def render_html(system: System, case: dict[str, Any], court_id: str) -> str:
    return render_judgment_html(system, build_judgment(system, case, court_id))

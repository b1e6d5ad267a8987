"""Build the docx templates of this folder from code, so their XML is clean.

Tags written by hand in Word get split across formatting runs, which docxtpl
handles badly (design notes); generating the template keeps every tag in one
run. Run `python judgment_templates/make_templates.py` after editing; the
generated .docx files are committed beside this script.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

HERE = Path(__file__).resolve().parent
BODY_FONT = "仿宋"
TITLE_FONT = "宋体"


def _set_font(style_or_run, name: str, size: float | None = None, bold: bool | None = None) -> None:
    font = style_or_run.font
    font.name = name
    if size:
        font.size = Pt(size)
    if bold is not None:
        font.bold = bold
    rpr = style_or_run.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.append(fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), name)


def _para(doc, text: str, *, center: bool = False, right: bool = False, indent: bool = True,
          font: str | None = None, size: float | None = None, bold: bool = False):
    paragraph = doc.add_paragraph()
    if center:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    elif right:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    elif indent:
        paragraph.paragraph_format.first_line_indent = Pt(28)
    run = paragraph.add_run(text)
    if font or size or bold:
        _set_font(run, font or BODY_FONT, size, bold)
    return paragraph


def _loop(doc, var: str, items: str) -> None:
    """A paragraph per item: docxtpl's {%p %} tags remove their own paragraphs."""
    doc.add_paragraph(f"{{%p for {var} in {items} %}}")
    _para(doc, f"{{{{ {var} }}}}")
    doc.add_paragraph("{%p endfor %}")


def _table(doc, header: tuple[str, ...], rows: str, fields: tuple[str, ...]) -> None:
    """A table with one header row and one docxtpl row loop (`{%tr for row in rows %}`)."""
    table = doc.add_table(rows=4, cols=len(header))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = ""
        _set_font(cell.paragraphs[0].add_run(text), BODY_FONT, 12, True)
    table.rows[1].cells[0].text = f"{{%tr for row in {rows} %}}"
    for cell, field in zip(table.rows[2].cells, fields, strict=True):
        cell.text = ""
        _set_font(cell.paragraphs[0].add_run(f"{{{{ row.{field} }}}}"), BODY_FONT, 12)
    table.rows[3].cells[0].text = "{%tr endfor %}"


def _traffic_tables(doc) -> None:
    """机动车交通事故: the damage items (项目 · 原告主张 · 被告意见 · 本院认定) and who pays what."""
    doc.add_paragraph("{%p if item_rows %}")
    _para(doc, "原告主张的各项损失及本院认定如下：")
    _table(doc, ("项目", "原告主张", "被告意见", "本院认定"), "item_rows", ("label", "plaintiff", "defendant", "court"))
    doc.add_paragraph("{%p endif %}")
    doc.add_paragraph("{%p if allocation_rows %}")
    _para(doc, "赔偿责任分配如下：")
    _table(doc, ("赔偿义务人", "赔偿责任", "限额", "金额"), "allocation_rows", ("payer", "basis", "limit", "amount"))
    doc.add_paragraph("{%p endif %}")


def build_motor_vehicle_accident(path: Path) -> None:
    build_private_lending(path, after_findings=_traffic_tables)


def build_private_lending(path: Path, after_findings=None) -> None:
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)  # A4
    section.left_margin = section.right_margin = Cm(2.8)
    section.top_margin = section.bottom_margin = Cm(2.5)
    normal = doc.styles["Normal"]
    _set_font(normal, BODY_FONT, 14)
    normal.paragraph_format.line_spacing = Pt(26)
    normal.paragraph_format.space_after = Pt(0)

    _para(doc, "{{ court_name }}", center=True, font=TITLE_FONT, size=20, bold=True)
    _para(doc, "{{ doc_title }}", center=True, font=TITLE_FONT, size=22, bold=True)
    _para(doc, "{{ case_number }}", right=True)
    _loop(doc, "p", "parties")
    _para(doc, "{{ procedure }}")
    _para(doc, "{{ claims_intro }}")
    _loop(doc, "c", "claims")
    _para(doc, "{{ claims_facts }}")
    _loop(doc, "d", "defence")
    _para(doc, "{{ findings_intro }}")

    table = doc.add_table(rows=4, cols=4)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, text in zip(table.rows[0].cells, ("要素", "原告主张", "被告意见", "本院认定"), strict=True):
        cell.text = ""
        _set_font(cell.paragraphs[0].add_run(text), BODY_FONT, 12, True)
    table.rows[1].cells[0].text = "{%tr for row in element_rows %}"
    for cell, field in zip(table.rows[2].cells, ("label", "plaintiff", "defendant", "court"), strict=True):
        cell.text = ""
        _set_font(cell.paragraphs[0].add_run(f"{{{{ row.{field} }}}}"), BODY_FONT, 12)
    table.rows[3].cells[0].text = "{%tr endfor %}"

    _para(doc, "{{ findings_outro }}")
    if after_findings is not None:
        after_findings(doc)
    _loop(doc, "r", "reasoning")
    _para(doc, "{{ basis }}")
    _loop(doc, "o", "orders")
    doc.add_paragraph("{%p if late_notice %}")
    _para(doc, "{{ late_notice }}")
    doc.add_paragraph("{%p endif %}")
    _para(doc, "{{ fee_text }}")
    _para(doc, "{{ appeal_text }}")
    _para(doc, "审判员　{{ judge }}", right=True)
    _para(doc, "{{ date_cn }}", right=True)
    _para(doc, "书记员　{{ clerk }}", right=True)
    doc.core_properties.title = "民事判决书"
    doc.core_properties.author = "yaosu"
    doc.save(path)


if __name__ == "__main__":
    # The element-style judgment is one template (吴法〔2022〕40号 item 9); a case type whose judgment
    # needs more tables (交通事故 damage items …) gets its own file here.
    for name in ("private_lending.docx", "element_judgment.docx"):
        build_private_lending(HERE / name)
        print(HERE / name)
    build_motor_vehicle_accident(HERE / "motor_vehicle_accident.docx")
    print(HERE / "motor_vehicle_accident.docx")

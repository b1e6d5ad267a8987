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
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

HERE = Path(__file__).resolve().parent
# 《人民法院民事裁判文书制作规范》(法〔2016〕221号, FACTS.md §9.6 [S]): 法院名称和文书名称 二号小标宋体;
# 案号、正文 三号仿宋体; A4, 版心 156 mm × 225 mm, about 22 lines × 28 characters.
BODY_FONT = "仿宋"
BODY_SIZE = 16  # 三号
TITLE_FONT = "方正小标宋简体"
TITLE_FALLBACK = "宋体"  # named in the font table (w:altName): what Word uses where 小标宋 is not installed
TITLE_SIZE = 22  # 二号
TABLE_SIZE = 12  # 小四: the element table keeps its four columns on the page
LINE_SPACING = 28.9  # 225 mm ÷ 22 lines ≈ 28.9 pt, exact
LANGUAGE = "zh-CN"


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


def _set_language(rpr) -> None:
    """East Asian text is Chinese (proofing, line breaking, punctuation compression)."""
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = rpr.makeelement(qn("w:lang"), {})
        rpr.append(lang)
    for attr in ("w:val", "w:eastAsia"):
        lang.set(qn(attr), LANGUAGE)


def _languages(doc) -> None:
    styles = doc.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is not None:
        rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
        _set_language(rpr)
    _set_language(doc.styles["Normal"].element.get_or_add_rPr())


def _title_fallback(doc) -> None:
    """Declare the title font in fontTable.xml with its fallback (w:altName)."""
    from lxml import etree

    part = doc.part.part_related_by(RT.FONT_TABLE)
    root = etree.fromstring(part.blob)
    font = etree.SubElement(root, qn("w:font"), {qn("w:name"): TITLE_FONT})
    etree.SubElement(font, qn("w:altName"), {qn("w:val"): TITLE_FALLBACK})
    etree.SubElement(font, qn("w:charset"), {qn("w:val"): "86"})  # GB2312
    etree.SubElement(font, qn("w:family"), {qn("w:val"): "roman"})
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _page_numbers(section) -> None:
    """Centred page number in the footer: － 1 － (a PAGE field)."""
    from docx.oxml import OxmlElement

    paragraph = section.footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _set_font(paragraph.add_run("－ "), "宋体", 14)
    run = paragraph.add_run()
    _set_font(run, "宋体", 14)
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "1"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        elif text == "1":
            element = OxmlElement("w:t")
            element.text = text
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._r.append(element)
    _set_font(paragraph.add_run(" －"), "宋体", 14)


def _row_flags(row, *flags: str) -> None:
    """w:tblHeader (repeat on every page) / w:cantSplit (a row is never split across pages)."""
    from docx.oxml import OxmlElement

    trpr = row._tr.get_or_add_trPr()
    for flag in flags:
        element = OxmlElement(flag)
        element.set(qn("w:val"), "true")
        trpr.append(element)


def _para(doc, text: str, *, center: bool = False, right: bool = False, indent: bool = True,
          font: str | None = None, size: float | None = None, bold: bool = False):
    paragraph = doc.add_paragraph()
    if center:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    elif right:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    elif indent:
        paragraph.paragraph_format.first_line_indent = Pt(2 * BODY_SIZE)  # two characters
    run = paragraph.add_run(text)
    if font or size or bold:
        _set_font(run, font or BODY_FONT, size, bold)
    return paragraph


def _optional(doc, var: str) -> None:
    """A paragraph printed only when its text is not empty (a ruling has no claims restated …)."""
    doc.add_paragraph(f"{{%p if {var} %}}")
    _para(doc, f"{{{{ {var} }}}}")
    doc.add_paragraph("{%p endif %}")


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
    # 版心 156 mm × 225 mm: left 28 + right 26 = 54 mm, top 37 + bottom 35 = 72 mm (as in GB/T 9704).
    section.left_margin, section.right_margin = Cm(2.8), Cm(2.6)
    section.top_margin, section.bottom_margin = Cm(3.7), Cm(3.5)
    section.footer_distance = Cm(2.5)
    normal = doc.styles["Normal"]
    _set_font(normal, BODY_FONT, BODY_SIZE)
    normal.paragraph_format.line_spacing = Pt(LINE_SPACING)
    normal.paragraph_format.space_after = Pt(0)
    _languages(doc)
    _title_fallback(doc)
    _page_numbers(section)

    _para(doc, "{{ court_name }}", center=True, font=TITLE_FONT, size=TITLE_SIZE)
    _para(doc, "{{ doc_title }}", center=True, font=TITLE_FONT, size=TITLE_SIZE)
    _para(doc, "{{ case_number }}", right=True)
    _loop(doc, "p", "parties")
    _para(doc, "{{ procedure }}")
    _optional(doc, "claims_intro")
    _loop(doc, "c", "claims")
    _optional(doc, "claims_facts")
    _loop(doc, "d", "defence")
    # The findings and their table: not in a ruling, a mediation or a simplified small-claims judgment.
    doc.add_paragraph("{%p if element_rows or findings_intro %}")
    _para(doc, "{{ findings_intro }}")

    table = doc.add_table(rows=4, cols=4)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, text in zip(table.rows[0].cells, ("要素", "原告主张", "被告意见", "本院认定"), strict=True):
        cell.text = ""
        _set_font(cell.paragraphs[0].add_run(text), BODY_FONT, TABLE_SIZE, True)
    _row_flags(table.rows[0], "w:cantSplit", "w:tblHeader")
    table.rows[1].cells[0].text = "{%tr for row in element_rows %}"
    for cell, field in zip(table.rows[2].cells, ("label", "plaintiff", "defendant", "court"), strict=True):
        cell.text = ""
        _set_font(cell.paragraphs[0].add_run(f"{{{{ row.{field} }}}}"), BODY_FONT, TABLE_SIZE)
    _row_flags(table.rows[2], "w:cantSplit")
    table.rows[3].cells[0].text = "{%tr endfor %}"

    _para(doc, "{{ findings_outro }}")
    doc.add_paragraph("{%p endif %}")
    if after_findings is not None:
        after_findings(doc)
    _loop(doc, "r", "reasoning")
    _para(doc, "{{ basis }}")
    _loop(doc, "o", "orders")
    doc.add_paragraph("{%p if late_notice %}")
    _para(doc, "{{ late_notice }}")
    doc.add_paragraph("{%p endif %}")
    _para(doc, "{{ fee_text }}")
    _loop(doc, "a", "after_fee")
    _optional(doc, "appeal_text")
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

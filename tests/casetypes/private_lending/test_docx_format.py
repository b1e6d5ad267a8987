"""The judgment's format per 《人民法院民事裁判文书制作规范》(法〔2016〕221号; FACTS.md §9.6): asserted in the
docx XML of a rendered judgment, and the draft reopened and read section by section."""

from __future__ import annotations

import io
import zipfile
from typing import Any

import docx
from docx.oxml.ns import qn
from lxml import etree

from engine.drafting.render import render_judgment_docx, template_name
from tests.casetypes.private_lending._cases import SYSTEM, draft

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _render(case: dict[str, Any]) -> tuple[bytes, Any]:
    judgment = draft(case)
    return render_judgment_docx(SYSTEM, judgment, template_name(SYSTEM, case)), judgment


def _xml(data: bytes, part: str) -> Any:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return etree.fromstring(package.read(part))


def test_fonts_sizes_language_in_the_xml(decided_case: dict[str, Any]) -> None:
    data, _ = _render(decided_case)
    styles = _xml(data, "word/styles.xml")
    normal = styles.find(f"{W}style[@{W}styleId='Normal']")
    assert normal.find(f"{W}rPr/{W}rFonts").get(f"{W}eastAsia") == "仿宋"
    assert normal.find(f"{W}rPr/{W}sz").get(f"{W}val") == "32"  # 三号 = 16 pt = 32 half-points
    assert normal.find(f"{W}rPr/{W}lang").get(f"{W}eastAsia") == "zh-CN"
    assert styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang").get(f"{W}eastAsia") == "zh-CN"
    body = _xml(data, "word/document.xml").find(f"{W}body")
    court, title = body.findall(f"{W}p")[:2]
    for paragraph in (court, title):
        run = paragraph.find(f"{W}r")
        assert run.find(f"{W}rPr/{W}rFonts").get(f"{W}eastAsia") == "方正小标宋简体"
        assert run.find(f"{W}rPr/{W}sz").get(f"{W}val") == "44"  # 二号 = 22 pt
        assert paragraph.find(f"{W}pPr/{W}jc").get(f"{W}val") == "center"
    fonts = _xml(data, "word/fontTable.xml")
    title_font = fonts.find(f"{W}font[@{W}name='方正小标宋简体']")
    assert title_font.find(f"{W}altName").get(f"{W}val") == "宋体"


def test_page_margins_numbers_and_table_rows(decided_case: dict[str, Any]) -> None:
    data, _ = _render(decided_case)
    document = docx.Document(io.BytesIO(data))
    section = document.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)
    # 版心 156 × 225 mm: 210 − 28 − 26 = 156, 297 − 37 − 35 = 225.
    assert round(section.left_margin.mm) == 28 and round(section.right_margin.mm) == 26
    assert round(section.top_margin.mm) == 37 and round(section.bottom_margin.mm) == 35
    footer = _xml(data, "word/footer1.xml")
    assert "PAGE" in "".join(footer.itertext())
    assert footer.find(f".//{W}fldChar") is not None
    table = document.tables[0]
    header = table.rows[0]._tr.trPr
    assert header.find(qn("w:tblHeader")) is not None and header.find(qn("w:cantSplit")) is not None
    assert len(table.rows) > 3
    assert all(row._tr.trPr is not None and row._tr.trPr.find(qn("w:cantSplit")) is not None for row in table.rows[1:])


def test_the_draft_reopened_section_by_section(decided_case: dict[str, Any]) -> None:
    data, judgment = _render(decided_case)
    paragraphs = [p.text for p in docx.Document(io.BytesIO(data)).paragraphs if p.text.strip()]
    position = 0
    for name, lines in judgment.section_texts():
        if name == "elements":
            lines = [lines[0], lines[-1]]  # the rows are in the table
        for line in lines:
            assert line in paragraphs[position:], f"{name}: {line[:30]}"
            position = paragraphs.index(line, position) + 1
    assert paragraphs[0] == "上海市青浦区人民法院" and paragraphs[1] == "民事判决书"
    assert any(p.startswith("本院认为，") for p in paragraphs)
    assert paragraphs[-3].startswith("审判员")


def test_orders_past_ten_are_numbered_in_chinese() -> None:
    from engine.drafting.build import _numbered

    numbered = _numbered([f"第{i}项" for i in range(1, 13)])
    assert numbered[9].startswith("十、") and numbered[10].startswith("十一、") and numbered[11] == "十二、第12项。"

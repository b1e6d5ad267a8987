"""PDFs, scans and docx text boxes: each read once, real files built here and read back."""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest

from engine.errors import YaosuError
from engine.extraction.api import extract_path
from engine.extraction.reading import decode_pleading, read_pleading, read_pleading_notes
from engine.system import default_system
from tests.scans import OCR_MISSING, scanned_png

TEXT = "原告：张三，男。\n被告：李四，女。\n诉讼请求：判令被告归还借款人民币50000元。"
needs_ocr = pytest.mark.skipif(OCR_MISSING is not None, reason=f"OCR not available: {OCR_MISSING}")


def test_docx_text_box_is_read_once(tmp_path: Path) -> None:
    # Word writes a text box as DrawingML (mc:Choice) and again as VML (mc:Fallback), inside the
    # paragraph that anchors it; a plain walk over every w:p reads it four times.
    box = "<w:txbxContent><w:p><w:r><w:t>借款金额：50000元</w:t></w:r></w:p></w:txbxContent>"
    xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
        ' xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
        ' xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
        ' xmlns:v="urn:schemas-microsoft-com:vml"><w:body>'
        "<w:p><w:r><w:t>原告：张三</w:t></w:r></w:p>"
        "<w:p><w:r><mc:AlternateContent>"
        f"<mc:Choice Requires=\"wps\"><w:drawing><wps:txbx>{box}</wps:txbx></w:drawing></mc:Choice>"
        f"<mc:Fallback><w:pict><v:shape><v:textbox>{box}</v:textbox></v:shape></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r><w:r><w:t>被告：李四</w:t></w:r></w:p>"
        "</w:body></w:document>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", xml)
    text = decode_pleading(buffer.getvalue(), "box.docx")
    assert text.count("借款金额：50000元") == 1
    assert text.split("\n") == ["原告：张三", "被告：李四", "借款金额：50000元"]


def test_docx_table_row_is_one_line_of_cells(tmp_path: Path) -> None:
    document = docx.Document()
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "借款金额"
    table.cell(0, 1).text = "50000元"
    table.cell(1, 0).text = "交付方式"
    table.cell(1, 1).add_paragraph("现金□")
    table.cell(1, 1).add_paragraph("转账☑")
    path = tmp_path / "form.docx"
    document.save(path)
    assert read_pleading(path).split("\n") == ["借款金额\t50000元", "交付方式\t现金□ 转账☑"]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed: no text PDF to read")
def test_text_pdf_is_read_from_its_text_layer(tmp_path: Path) -> None:
    document = docx.Document()
    for line in TEXT.split("\n"):
        document.add_paragraph(line)
    source = tmp_path / "complaint.docx"
    document.save(source)
    subprocess.run(
        ["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(source)],
        check=True, capture_output=True, timeout=180,
    )
    pdf = tmp_path / "complaint.pdf"
    read = read_pleading_notes(pdf)
    assert read.warnings == []
    assert [line.replace(" ", "") for line in read.text.split("\n") if line.strip()] == TEXT.split("\n")
    result = extract_path(default_system(), pdf, "private_lending")
    assert result["elements"]["claim_principal"]["value"] == "50000.00"
    assert [p["name"] for p in result["elements"]["plaintiffs"]["value"]] == ["张三"]


def test_a_broken_pdf_is_a_clear_error() -> None:
    with pytest.raises(YaosuError, match="不是有效的 PDF"):
        decode_pleading(b"%PDF-1.7\n garbage", "bad.pdf")


@needs_ocr
def test_scan_image_is_read_by_ocr_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "scan.png"
    path.write_bytes(scanned_png(["原告：张三", "被告：李四", "诉讼请求：判令被告归还借款50000元"]))
    read = read_pleading_notes(path)
    assert any("OCR" in warning for warning in read.warnings)
    flat = read.text.replace(" ", "")
    assert "张三" in flat and "李四" in flat and "50000元" in flat
    result = extract_path(default_system(), path, "private_lending")
    assert result["elements"]["claim_principal"]["value"] == "50000.00"
    assert any("OCR" in warning for warning in result["warnings"])


@needs_ocr
def test_scanned_pdf_pages_go_through_ocr(tmp_path: Path) -> None:
    pil = pytest.importorskip("PIL.Image")
    page = pil.open(io.BytesIO(scanned_png(["被告向原告借款50000元"])))
    pdf = tmp_path / "scan.pdf"
    page.save(pdf, format="PDF", resolution=200.0)
    read = read_pleading_notes(pdf)
    assert "50000元" in read.text.replace(" ", "")
    assert any("扫描件" in warning for warning in read.warnings)


def test_scan_without_tesseract_is_refused_with_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    # The one environment we cannot build here is a machine without the binary: hide it from PATH.
    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(YaosuError, match="tesseract-ocr"):
        decode_pleading(b"\x89PNG\r\n\x1a\n" + b"\x00" * 32, "scan.png")

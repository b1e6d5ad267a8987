"""Read pleadings safely: .txt in UTF-8 (BOM or not) / GBK / GB18030, .docx with lxml, and
PDFs and scans (engine/extraction/scans.py: pypdf's text layer, else Tesseract OCR).

In a .docx, a table row is one line with its cells separated by a tab (a form's label | value
cells stay on one line: engine/extraction/forms.py reads them), and a text box is read once,
as its own paragraphs after the paragraph that anchors it (Word stores every text box twice,
as DrawingML and as a VML fallback, inside the anchoring paragraph).

Everything a user can get wrong ends in a YaosuError with a one-line Chinese message that
names the file. Limits are deliberate: a pleading is a few pages, so anything above
MAX_FILE_BYTES (10 MB on disk) or MAX_DOCX_XML_BYTES (20 MB of document.xml once
decompressed) is refused rather than parsed.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from lxml import etree

from engine.errors import E, YaosuError
from engine.extraction.scans import ReadText, is_image, is_pdf, read_image, read_pdf
from engine.textsafety import clean_pleading_text

MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_DOCX_XML_BYTES = 20 * 1024 * 1024
# A pleading runs to a few hundred paragraphs; 100,000 is a document of empty lines built to slow us down.
MAX_DOCX_PARAGRAPHS = 100_000
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# Control characters other than \t \n \r mean the bytes are not text.
_BINARY_BYTES = bytes(range(0, 9)) + bytes((11, 12)) + bytes(range(14, 32))


def _fail(filename: str, reason: str) -> YaosuError:
    return YaosuError(E.E204, filename=filename, reason=reason, path=filename)


def read_pleading(path: str | Path) -> str:
    return read_pleading_notes(path).text


def read_pleading_notes(path: str | Path) -> ReadText:
    """The text and the reading's warnings (a scan read by OCR, its confidence)."""
    target = Path(path)
    name = str(path)
    if not target.exists():
        raise _fail(name, "文件不存在")
    if not target.is_file():
        raise _fail(name, "不是普通文件")
    try:
        size = target.stat().st_size
        if size > MAX_FILE_BYTES:
            raise _fail(name, f"文件过大（{size // (1024 * 1024)} MB，上限 {MAX_FILE_BYTES // (1024 * 1024)} MB）")
        data = target.read_bytes()
    except OSError as exc:
        raise _fail(name, f"无法打开（{exc.strerror or exc}）") from exc
    return decode_pleading_notes(data, name)


def decode_pleading(data: bytes, filename: str) -> str:
    return decode_pleading_notes(data, filename).text


def decode_pleading_notes(data: bytes, filename: str) -> ReadText:
    if is_pdf(data, filename):
        read = read_pdf(data, filename)
        return ReadText(_clean(read.text), read.warnings)
    if is_image(data, filename):
        read = read_image(data, filename)
        return ReadText(_clean(read.text), read.warnings)
    return ReadText(_decode_bytes(data, filename))


def _decode_bytes(data: bytes, filename: str) -> str:
    if len(data) > MAX_FILE_BYTES:
        raise _fail(filename, f"文件过大（上限 {MAX_FILE_BYTES // (1024 * 1024)} MB）")
    # Control characters other than tab/newline are removed here, with a warning (CleanText.warnings).
    if data[:4] == b"PK\x03\x04" or filename.lower().endswith(".docx"):
        return clean_pleading_text(_read_docx(data, filename), Path(filename).name)
    if filename.lower().endswith(".doc") or data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise _fail(filename, "不支持旧版 .doc 格式，请另存为 .docx 或 .txt")
    return clean_pleading_text(_decode_text(data, filename), Path(filename).name)


def _decode_text(data: bytes, filename: str) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return _clean(data.decode("utf-16"))
        except UnicodeDecodeError as exc:
            raise _fail(filename, "无法识别的编码") from exc
    if b"\x00" in data[:4096] or _looks_binary(data):
        raise _fail(filename, "疑似二进制文件，不是文本")
    for encoding in ("utf-8", "gb18030"):
        try:
            return _clean(data.decode(encoding))
        except UnicodeDecodeError:
            continue
    raise _fail(filename, "无法识别的编码（支持 UTF-8、GBK/GB18030）")


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if not sample:
        return False
    controls = sum(sample.count(bytes((b,))) for b in _BINARY_BYTES)
    return controls / len(sample) > 0.01


def _clean(text: str) -> str:
    # Offsets are into the decoded text; keep it as is apart from newline style so
    # \r\n files and \n files give the same offsets for the same content.
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _read_docx(data: bytes, filename: str) -> str:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise _fail(filename, "不是有效的 docx（文件损坏或被截断）") from exc
    with archive:
        try:
            info = archive.getinfo("word/document.xml")
        except KeyError as exc:
            raise _fail(filename, "不是有效的 docx（缺少 word/document.xml）") from exc
        if info.file_size > MAX_DOCX_XML_BYTES:
            raise _fail(filename, "docx 解压后过大，疑似压缩炸弹")
        try:
            # Read one byte past the limit: the declared size in the zip header can lie.
            with archive.open(info) as handle:
                xml = handle.read(MAX_DOCX_XML_BYTES + 1)
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as exc:
            raise _fail(filename, "不是有效的 docx（文件损坏或被截断）") from exc
        except RuntimeError as exc:  # zipfile: "File is encrypted, password required"
            raise _fail(filename, "docx 已加密（设有密码），请另存为未加密的文件") from exc
        if len(xml) > MAX_DOCX_XML_BYTES:
            raise _fail(filename, "docx 解压后过大，疑似压缩炸弹")
    return _docx_text(xml, filename)


def _docx_text(xml: bytes, filename: str) -> str:
    if b"<!DOCTYPE" in xml[:4096] or b"<!ENTITY" in xml:
        # Word never writes a DTD; one in document.xml is an XXE / billion-laughs attempt.
        raise _fail(filename, "docx 含有不允许的 DTD/实体声明")
    if xml.count(b"<w:p>") + xml.count(b"<w:p ") > MAX_DOCX_PARAGRAPHS:
        raise _fail(filename, f"docx 段落数超过 {MAX_DOCX_PARAGRAPHS} 段，不像诉状，拒绝读取")
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False, huge_tree=False
    )
    try:
        root = etree.fromstring(xml, parser=parser)
    except etree.XMLSyntaxError as exc:
        raise _fail(filename, "不是有效的 docx（document.xml 无法解析）") from exc
    body = root.find(f"{_W}body")
    return "\n".join(_lines(body if body is not None else root))


def _lines(container: etree._Element) -> list[str]:
    """Lines of a body, cell, text box or content control, in document order."""
    lines: list[str] = []
    for child in container:
        if child.tag == f"{_W}p":
            own, boxes = _paragraph(child)
            lines.append(own)
            for box in boxes:
                lines.extend(_lines(box))
        elif child.tag == f"{_W}tbl":
            for row in child.iter(f"{_W}tr"):
                if _parent_table(row) is child:
                    cells = [" ".join(_lines(cell)).replace("\t", " ").strip() for cell in row if cell.tag == f"{_W}tc"]
                    lines.append("\t".join(cells))
        elif child.tag != _MC_FALLBACK:
            lines.extend(_lines(child))  # w:sdt / w:sdtContent / w:customXml / mc:AlternateContent …
    return lines


def _parent_table(row: etree._Element) -> etree._Element | None:
    parent = row.getparent()
    while parent is not None and parent.tag != f"{_W}tbl":
        parent = parent.getparent()
    return parent


def _paragraph(paragraph: etree._Element) -> tuple[str, list[etree._Element]]:
    """The paragraph's own text, and the text boxes anchored in it (each once: VML fallbacks skipped)."""
    parts: list[str] = []
    boxes: list[etree._Element] = []
    stack = list(reversed(paragraph))
    while stack:
        node = stack.pop()
        tag = node.tag
        if tag == f"{_W}t":
            parts.append(node.text or "")
        elif tag == f"{_W}tab":
            parts.append("\t")
        elif tag in (f"{_W}br", f"{_W}cr"):
            parts.append("\n")
        elif tag == f"{_W}txbxContent":
            boxes.append(node)
        elif tag != _MC_FALLBACK and isinstance(tag, str):
            stack.extend(reversed(node))
    return "".join(parts), boxes

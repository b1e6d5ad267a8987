"""Input kinds: UTF-8 (with/without BOM), GBK, docx, and the hostile ones."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest

from engine.errors import YaosuError
from engine.extraction.api import decode_pleading, read_pleading
from engine.extraction.reading import MAX_DOCX_XML_BYTES, MAX_FILE_BYTES

TEXT = "原告：张三，男。\n被告：李四，女。\n诉讼请求：判令被告归还借款人民币伍万元整。"
_DOC_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
    "{body}</w:body></w:document>"
)


def _docx_bytes(document_xml: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", document_xml)
    return buffer.getvalue()


def test_utf8_bom_and_gbk(tmp_path: Path) -> None:
    for name, data in (
        ("plain.txt", TEXT.encode("utf-8")),
        ("bom.txt", b"\xef\xbb\xbf" + TEXT.encode("utf-8")),
        ("gbk.txt", TEXT.encode("gbk")),
        ("crlf.txt", TEXT.replace("\n", "\r\n").encode("gb18030")),
    ):
        path = tmp_path / name
        path.write_bytes(data)
        assert read_pleading(path) == TEXT


def test_docx_from_python_docx(tmp_path: Path) -> None:
    document = docx.Document()
    for line in TEXT.split("\n"):
        document.add_paragraph(line)
    path = tmp_path / "complaint.docx"
    document.save(path)
    assert read_pleading(path) == TEXT


def test_xxe_docx_is_refused(tmp_path: Path) -> None:
    xml = (
        b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
        b"<w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>"
    )
    path = tmp_path / "xxe.docx"
    path.write_bytes(_docx_bytes(xml))
    with pytest.raises(YaosuError) as error:
        read_pleading(path)
    assert "xxe.docx" in error.value.message and "root:" not in error.value.message


def test_zip_bomb_docx_is_refused(tmp_path: Path) -> None:
    paragraph = "<w:p><w:r><w:t>" + "借" * 1000 + "</w:t></w:r></w:p>"
    body = paragraph * (MAX_DOCX_XML_BYTES // (len(paragraph.encode()) - 1) + 10)
    data = _docx_bytes(_DOC_XML.format(body=body).encode())
    assert len(data) < MAX_FILE_BYTES  # small on disk, huge once decompressed
    with pytest.raises(YaosuError, match="解压后过大"):
        decode_pleading(data, "bomb.docx")


def test_truncated_docx_binary_and_missing(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph(TEXT)
    buffer = io.BytesIO()
    document.save(buffer)
    with pytest.raises(YaosuError, match="不是有效的 docx"):
        decode_pleading(buffer.getvalue()[:2000], "cut.docx")
    with pytest.raises(YaosuError, match="二进制"):
        decode_pleading(bytes(range(256)) * 20, "blob.bin")
    with pytest.raises(YaosuError, match="文件不存在"):
        read_pleading(tmp_path / "nope.txt")


def test_oversized_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    with path.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)
    with pytest.raises(YaosuError, match="文件过大"):
        read_pleading(path)


def test_empty_file_reads_as_empty_text(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert read_pleading(path) == ""


def test_a_docx_of_too_many_paragraphs_is_refused(tmp_path) -> None:
    """A small docx of empty paragraphs (the kind that once froze the server) is refused by count."""
    import zipfile as _zipfile

    from engine.errors import YaosuError as _Error
    from engine.extraction.reading import MAX_DOCX_PARAGRAPHS
    from engine.extraction.reading import read_pleading as _read

    body = "<w:p/>".replace("/>", "></w:p>") * (MAX_DOCX_PARAGRAPHS + 1)
    xml = ('<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
           f"<w:body>{body}</w:body></w:document>")
    path = tmp_path / "empty.docx"
    with _zipfile.ZipFile(path, "w", _zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", xml)
    assert path.stat().st_size < 100_000
    try:
        _read(path)
    except _Error as exc:
        assert "段落数超过" in exc.message and "empty.docx" in exc.message
    else:
        raise AssertionError("the docx should have been refused")

"""Control characters in a pleading are removed at reading, with a warning naming them, and
everything built from it (case file, docx) opens; the renderer refuses XML-unsafe text itself."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from lxml import etree

from engine.drafting.build import build_judgment
from engine.drafting.render import render_judgment_docx, template_name
from engine.errors import YaosuError
from engine.extraction.api import decode_pleading, extract_text
from engine.system import default_system
from engine.textsafety import XML_UNSAFE, clean_pleading_text, ensure_xml_safe

SYSTEM = default_system()

YAOSU = str(Path(sys.executable).parent / "yaosu")
SAMPLE = Path(__file__).resolve().parents[2] / "corpus" / "private_lending" / "sample"
BAD = "\x0b\x0c\x00\ufffe\x1b\x85"


def _dirty_complaint() -> str:
    text = (SAMPLE / "complaint.txt").read_text(encoding="utf-8")
    # The NUL after the first 4 KB (one there makes the file look binary: refused), one VT in a name.
    filler = "\n" + "以上事实有借条为证。" * 150
    return text.replace("原告", "原\x0b告", 1) + filler + "\n补充\x0c说明\x00。\ufffe\x1b\x85\n"


def test_reading_removes_control_characters_and_says_which(tmp_path: Path) -> None:
    text = decode_pleading(_dirty_complaint().encode("utf-8"), "complaint.txt")
    assert not any(char in text for char in BAD)
    assert "\n" in text and "补充说明。" in text
    result = extract_text(SYSTEM, text)
    warning = next(w for w in result["warnings"] if "控制字符" in w)
    assert "complaint.txt" in warning
    for code in ("U+000B", "U+000C", "U+0000", "U+FFFE", "U+001B", "U+0085"):
        assert code in warning


def test_extract_text_cleans_text_from_anywhere() -> None:
    result = extract_text(SYSTEM, "原告张三\x0b诉称：被告李四向原告借款50000元。")
    assert any("U+000B" in w for w in result["warnings"])
    assert clean_pleading_text("a\tb\nc") == "a\tb\nc"


def test_deceptive_party_name_is_flagged_in_the_extraction() -> None:
    result = extract_text(SYSTEM, "原告：张\u202e三，男。被告：李四，男。诉讼请求：判令被告归还借款50000元。")
    names = [party["name"] for party in result["elements"]["plaintiffs"]["value"]]
    assert names == ["张\u202e三"]
    assert any("U+202E" in warning and "从右到左覆盖" in warning for warning in result["warnings"])


def test_new_then_draft_from_a_dirty_pleading_opens(tmp_path: Path) -> None:
    complaint = tmp_path / "complaint.txt"
    complaint.write_bytes(_dirty_complaint().encode("utf-8"))
    case_path = tmp_path / "case.json"
    result = subprocess.run([YAOSU, "new", "--type", "private_lending", "--complaint", str(complaint), "--court",
                             "qingpu", "--case-year", "2025", "--case-seq", "7", "-o", str(case_path)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    case = json.loads(case_path.read_text(encoding="utf-8"))
    assert not XML_UNSAFE.search(case["complaint"]["text"])
    assert any("控制字符" in w for w in case["complaint"]["warnings"])
    out = tmp_path / "j.docx"
    result = subprocess.run([YAOSU, "draft", str(case_path), "-o", str(out)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    docx.Document(io.BytesIO(out.read_bytes()))
    with zipfile.ZipFile(out) as package:
        etree.fromstring(package.read("word/document.xml"))


def test_renderer_refuses_unsafe_text_that_skipped_validation(decided_case: dict) -> None:
    decided_case["meta"]["judge"] = "王\x0b审判"  # never validated: the renderer is the last check
    judgment = build_judgment(SYSTEM, decided_case, "qingpu")
    with pytest.raises(YaosuError, match="U\\+000B"):
        render_judgment_docx(SYSTEM, judgment, template_name(SYSTEM, decided_case))


@pytest.mark.parametrize("char", ["\x00", "\x08", "\x0b", "\x0c", "\x1f", "\ud800", "\udfff", "\ufffe", "\uffff"])
def test_every_xml_forbidden_character_is_refused(char: str) -> None:
    with pytest.raises(YaosuError):
        ensure_xml_safe(f"前{char}后", "测试")
    # What the check lets through, lxml parses.
    ensure_xml_safe("前\t\n\r后\u202e\u200b", "测试")
    etree.fromstring("<a>前\t\n后\u202e\u200b</a>".encode())

"""Text that can go into a .docx: XML 1.0 allows no C0 control other than tab, newline and
carriage return, no U+FFFE/U+FFFF and no lone surrogates, and Word, LibreOffice and python-docx
refuse a document.xml that holds one.

Three uses, one definition of "unsafe":
- reading a pleading: control characters are removed, with a warning naming them
  (`clean_pleading_text`);
- case-file values: an unsafe character is an error naming the field (`unsafe_characters`,
  used by engine/case/bounds.py);
- rendering: the finished document.xml is checked once more (`ensure_xml_safe`).
Bidirectional overrides and zero-width characters are legal XML but make a name look unlike
what it is; they are reported as warnings (`deceptive_characters`).
"""

from __future__ import annotations

import re
import unicodedata

from engine.errors import E, YaosuError

# Not allowed in XML 1.0 at all: C0 controls but \t \n \r, lone surrogates, U+FFFE, U+FFFF.
XML_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# Removed from pleadings: the above, DEL and the C1 controls (allowed by XML but never text).
# \r is kept here: reading turns it into \n.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
# Legal but deceptive in a name: bidi embeddings/overrides/isolates and marks, zero-width characters.
DECEPTIVE = re.compile("[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")

_NAMES = {
    0x00: "空字符 NUL",
    0x09: "制表符",
    0x0B: "垂直制表符",
    0x0C: "换页符",
    0x1B: "ESC",
    0x7F: "DEL",
    0xFEFF: "零宽不换行空格",
    0x200B: "零宽空格",
    0x200C: "零宽不连字",
    0x200D: "零宽连字",
    0x200E: "从左到右标记",
    0x200F: "从右到左标记",
    0x202A: "从左到右嵌入",
    0x202B: "从右到左嵌入",
    0x202C: "方向格式结束",
    0x202D: "从左到右覆盖",
    0x202E: "从右到左覆盖",
    0x2066: "从左到右隔离",
    0x2067: "从右到左隔离",
    0x2068: "方向隔离",
    0x2069: "方向隔离结束",
    0xFFFE: "非字符 U+FFFE",
    0xFFFF: "非字符 U+FFFF",
}


def describe_character(char: str) -> str:
    """`U+000B（垂直制表符）`: the code point and, where known, a Chinese name."""
    code = ord(char)
    name: str
    if 0xD800 <= code <= 0xDFFF:
        name = "孤立代理项"
    else:
        name = _NAMES.get(code) or str("控制字符" if unicodedata.category(char) == "Cc" else unicodedata.name(char, ""))
    return f"U+{code:04X}（{name}）" if name else f"U+{code:04X}"


def describe_characters(chars: list[str]) -> str:
    """`U+000B（垂直制表符）×2、U+0000（空字符 NUL）`: each distinct character once, with its count."""
    counts: dict[str, int] = {}
    for char in chars:
        counts[char] = counts.get(char, 0) + 1
    return "、".join(
        describe_character(char) + (f"×{count}" if count > 1 else "") for char, count in counts.items()
    )


def unsafe_characters(text: str) -> list[str]:
    """The characters of `text` that XML 1.0 does not allow, or the C1 controls (in order)."""
    return CONTROL.findall(text)


def deceptive_characters(text: str) -> list[str]:
    """Bidi controls and zero-width characters in `text` (in order)."""
    return DECEPTIVE.findall(text)


def deceptive_name_warnings(names: list[str], what: str = "当事人名称") -> list[str]:
    """One warning per name holding bidi controls or zero-width characters (shown escaped)."""
    warnings = []
    for name in names:
        found = deceptive_characters(name)
        if found:
            shown = name.encode("unicode_escape").decode("ascii")
            warnings.append(
                f"{what}“{shown}”含有不可见的方向控制符或零宽字符 {describe_characters(found)}，"
                "显示的名称可能与实际不同，请核对"
            )
    return warnings


class CleanText(str):
    """Pleading text with the control characters removed; `warnings` says what was removed."""

    warnings: tuple[str, ...] = ()


def clean_pleading_text(text: str, filename: str | None = None) -> CleanText:
    """`text` without control characters (tab and newline kept); idempotent on a CleanText."""
    if isinstance(text, CleanText):
        return text
    removed = CONTROL.findall(text)
    cleaned = CleanText(CONTROL.sub("", text) if removed else text)
    if removed:
        where = f"文件 {filename} 中" if filename else "文本中"
        cleaned.warnings = (f"已删除{where}的 {len(removed)} 个控制字符：{describe_characters(removed)}",)
    return cleaned


def ensure_xml_safe(text: str, what: str) -> None:
    """Raise a YaosuError naming the first character XML 1.0 does not allow, and where it is."""
    match = XML_UNSAFE.search(text)
    if match is None:
        return
    around = XML_UNSAFE.sub("", text[max(0, match.start() - 15) : match.end() + 15])
    raise YaosuError(E.E860, what=what, value=describe_character(match.group()), around=around)

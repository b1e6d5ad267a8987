"""A scanned pleading for the OCR tests: lines drawn with Debian's Noto CJK font into a PNG."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from engine.extraction.scans import tesseract_available

FONT = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
OCR_MISSING = tesseract_available()
LINES = ["原告：张三", "被告：李四", "诉讼请求：判令被告归还借款50000元"]


def scanned_png(lines: list[str] = LINES) -> bytes:
    """The PNG bytes, or skip the test saying what is missing."""
    if OCR_MISSING is not None:
        pytest.skip(f"OCR not available: {OCR_MISSING}")
    pil = pytest.importorskip("PIL.Image")
    draw_module = pytest.importorskip("PIL.ImageDraw")
    font_module = pytest.importorskip("PIL.ImageFont")
    if not FONT.exists():
        pytest.skip(f"no CJK font at {FONT} (Debian fonts-noto-cjk)")
    font = font_module.truetype(str(FONT), 48)
    image = pil.new("L", (1800, 120 + 90 * len(lines)), 255)
    draw = draw_module.Draw(image)
    for index, line in enumerate(lines):
        draw.text((60, 60 + 90 * index), line, fill=0, font=font)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()

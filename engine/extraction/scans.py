"""PDF pleadings and scans: the text layer of a PDF (pypdf), else OCR (Tesseract, chi_sim).

A text PDF gives its text page by page. A scanned PDF (pages without a text layer) and an
image file (.png/.jpg/.tif/.bmp) go through the Debian `tesseract` command with the
simplified-Chinese model; its word confidences give a warning when the reading is poor,
because OCR text must be checked against the paper before it becomes a finding.
Tesseract is optional: without it a scan is refused with a message saying what to install.
"""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
from dataclasses import dataclass, field

from engine.errors import E, YaosuError

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp")
IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*", b"BM")
MAX_PDF_PAGES = 200
MAX_OCR_PAGES = 30
OCR_TIMEOUT_SECONDS = 120
# Below this mean word confidence (0-100) the reading is flagged for checking.
LOW_CONFIDENCE = 80.0
# A page with fewer characters than this in its text layer is taken to be a scan.
_MIN_PAGE_CHARS = 10


@dataclass
class ReadText:
    text: str
    warnings: list[str] = field(default_factory=list)


def _fail(filename: str, reason: str) -> YaosuError:
    return YaosuError(E.E204, filename=filename, reason=reason, path=filename)


def is_pdf(data: bytes, filename: str) -> bool:
    return data[:5] == b"%PDF-" or filename.lower().endswith(".pdf")


def is_image(data: bytes, filename: str) -> bool:
    return filename.lower().endswith(IMAGE_SUFFIXES) or data.startswith(IMAGE_MAGIC)


def tesseract_available() -> str | None:
    """None when `tesseract` with chi_sim runs here, else the reason (in Chinese) it does not."""
    binary = shutil.which("tesseract")
    if binary is None:
        return "本机未安装 Tesseract OCR（Debian 包 tesseract-ocr、tesseract-ocr-chi-sim）"
    try:
        listed = subprocess.run([binary, "--list-langs"], capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return "Tesseract OCR 无法运行"
    if "chi_sim" not in (listed.stdout + listed.stderr).split():
        return "Tesseract OCR 缺少简体中文模型（Debian 包 tesseract-ocr-chi-sim）"
    return None


def read_pdf(data: bytes, filename: str) -> ReadText:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise _fail(filename, "PDF 已加密（设有密码），请另存为未加密的文件")
        pages = reader.pages
        if len(pages) > MAX_PDF_PAGES:
            raise _fail(filename, f"PDF 页数过多（{len(pages)} 页，上限 {MAX_PDF_PAGES} 页）")
        texts: list[str] = []
        scanned: list[int] = []
        images: list[bytes] = []
        for number, page in enumerate(pages, start=1):
            text = (page.extract_text() or "").strip()
            if len(text) >= _MIN_PAGE_CHARS:
                texts.append(text)
                continue
            scanned.append(number)
            images.extend(image.data for image in page.images)
    except YaosuError:
        raise
    except (PdfReadError, OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError) as exc:
        raise _fail(filename, "不是有效的 PDF（文件损坏或被截断）") from exc
    if not scanned:
        return ReadText("\n".join(texts))
    if not images:
        if texts:
            return ReadText("\n".join(texts), [f"{filename}：第 {_pages(scanned)} 页没有文字，也没有可识别的图像"])
        raise _fail(filename, "PDF 中没有文字，也没有可识别的图像")
    ocr = ocr_images(images, filename)
    warnings = [f"{filename}：第 {_pages(scanned)} 页为扫描件，已用 OCR 识别，请核对", *ocr.warnings]
    return ReadText("\n".join([*texts, ocr.text]), warnings)


def _pages(numbers: list[int]) -> str:
    return "、".join(str(n) for n in numbers[:10]) + ("……" if len(numbers) > 10 else "")


def read_image(data: bytes, filename: str) -> ReadText:
    ocr = ocr_images([data], filename)
    return ReadText(ocr.text, [f"{filename}：扫描件，已用 OCR 识别，请核对", *ocr.warnings])


def ocr_images(images: list[bytes], filename: str) -> ReadText:
    missing = tesseract_available()
    if missing is not None:
        raise _fail(filename, f"扫描件需要 OCR，但{missing}")
    if len(images) > MAX_OCR_PAGES:
        raise _fail(filename, f"扫描图像过多（{len(images)} 张，上限 {MAX_OCR_PAGES} 张）")
    texts: list[str] = []
    confidences: list[float] = []
    for image in images:
        text, confidence = _ocr_one(image, filename)
        texts.append(text)
        confidences.extend(confidence)
    warnings: list[str] = []
    if not confidences:
        warnings.append(f"{filename}：OCR 未识别出文字")
    else:
        mean = sum(confidences) / len(confidences)
        if mean < LOW_CONFIDENCE:
            warnings.append(f"{filename}：OCR 识别置信度较低（平均 {mean:.0f}/100），请逐项核对原件")
    return ReadText("\n".join(texts), warnings)


def _ocr_one(image: bytes, filename: str) -> tuple[str, list[float]]:
    """Text of one image (lines as Tesseract finds them) and the confidence of every word."""
    try:
        done = subprocess.run(
            ["tesseract", "stdin", "stdout", "-l", "chi_sim", "tsv"],
            input=image, capture_output=True, timeout=OCR_TIMEOUT_SECONDS, check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise _fail(filename, f"OCR 超时（超过 {OCR_TIMEOUT_SECONDS} 秒）") from exc
    except OSError as exc:
        raise _fail(filename, f"OCR 无法运行（{exc}）") from exc
    if done.returncode != 0:
        raise _fail(filename, "OCR 无法识别该图像（格式不支持或文件损坏）")
    lines: dict[tuple[str, str, str, str], list[str]] = {}
    confidences: list[float] = []
    rows = csv.DictReader(io.StringIO(done.stdout.decode("utf-8", "replace")), delimiter="\t", quoting=csv.QUOTE_NONE)
    for row in rows:
        word = (row.get("text") or "").strip()
        if row.get("level") != "5" or not word:
            continue
        key = (row["page_num"], row["block_num"], row["par_num"], row["line_num"])
        lines.setdefault(key, []).append(word)
        try:
            confidences.append(float(row["conf"]))
        except (TypeError, ValueError):
            continue
    return "\n".join(" ".join(words) for words in lines.values()), confidences

"""`yaosu new` keeps what reading said: a scan read by OCR and characters read as other characters inside
numbers and dates land in the case file's pleading warnings. Real subprocesses, real files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from engine.extraction.normalise import ocr_repairs
from tests.scans import scanned_png

YAOSU = str(Path(sys.executable).parent / "yaosu")


def _new(complaint: Path, out: Path) -> dict:
    done = subprocess.run([YAOSU, "new", "--type", "private_lending", "--complaint", str(complaint), "-o", str(out)],
                          capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr
    return json.loads(out.read_text(encoding="utf-8"))


def test_ocr_repairs_in_a_text_file_are_warnings_of_the_case_file(tmp_path: Path) -> None:
    complaint = tmp_path / "complaint.txt"
    complaint.write_text("原告：張三。\n被告：李四。\n诉讼请求：判令被告归还借款5万元。\n"
                         "事实与理由：被告于2O23年3月5曰向原告借款5万元。\n", encoding="utf-8")
    case = _new(complaint, tmp_path / "case.json")
    warnings = case["complaint"]["warnings"]
    assert any("“2O23年3月5曰”读作“2023年3月5日”" in w for w in warnings), warnings
    assert any("繁体字" in w for w in warnings), warnings
    assert case["elements"]["delivery_date"]["complaint"] == "2023-03-05"


def test_a_clean_text_has_no_reading_warning(tmp_path: Path) -> None:
    complaint = tmp_path / "complaint.txt"
    complaint.write_text("原告：张三。\n被告：李四。\n诉讼请求：判令被告归还借款5万元。\n", encoding="utf-8")
    case = _new(complaint, tmp_path / "case.json")
    assert not any("改读" in w or "繁体字" in w or "OCR" in w for w in case["complaint"]["warnings"])


def test_ocr_repairs_name_each_number_or_date_once() -> None:
    assert ocr_repairs("于2O23年3月5曰借款2OO,OOO元，二O二一年") == [
        ("2O23年3月5曰", "2023年3月5日"), ("2OO,OOO", "200,000"), ("二O二一年", "二〇二一年")]
    assert ocr_repairs("借款 2 O O 0 元") == [("2 O O 0", "2000")]
    assert ocr_repairs("2023年3月5日借款20万元") == []


def test_a_scanned_complaint_says_so_in_the_case_file(tmp_path: Path) -> None:
    scan = tmp_path / "scan.png"
    scan.write_bytes(scanned_png())
    case = _new(scan, tmp_path / "case.json")
    assert any("OCR" in w for w in case["complaint"]["warnings"]), case["complaint"]["warnings"]

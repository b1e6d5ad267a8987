"""The CLI refuses bad values, unsafe text and unsafe outputs before writing anything.

Real `yaosu` subprocesses on real files: every refusal is one `错误：` line on stderr with
exit code 2 (validate lists problems with exit 1), and the files involved are unchanged.
"""

from __future__ import annotations

import io
import json
import os
import stat
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import docx
import pytest
from lxml import etree

YAOSU = str(Path(sys.executable).parent / "yaosu")
SAMPLE = Path(__file__).resolve().parents[2] / "corpus" / "private_lending" / "sample"


def run(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run([YAOSU, *args], capture_output=True, text=True, timeout=timeout, errors="replace")


def write_case(tmp_path: Path, case: dict[str, Any], name: str = "case.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(case, ensure_ascii=False), encoding="utf-8")
    return path


def assert_one_error_line(result: subprocess.CompletedProcess[str], *expected: str) -> None:
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert result.stderr.startswith("错误：") and result.stderr.count("\n") == 1, result.stderr
    assert "Traceback" not in result.stderr
    for text in expected:
        assert text in result.stderr, result.stderr


def docx_opens(data: bytes) -> None:
    docx.Document(io.BytesIO(data))
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        etree.fromstring(package.read("word/document.xml"))


# --- find: values are bounded before they are expanded or written ---------------------------

@pytest.mark.parametrize(
    ("assignment", "expected"),
    [
        ("delivered_amount=1e999999999", "实际出借金额"),
        ("repaid_principal=-50000", "已还本金"),
        ("delivered_amount=10000000000000", "实际出借金额"),
        ("delivered_amount=1.005", "两位小数"),
        ("contract_date=2021-02-29", "合同签订（借条出具）时间"),
        ("contract_date=2021-04-31", "不是日历上的日期"),
        ("penalty_agreed=违约金\x0b按日计", "U+000B"),
        ("delivered_amount=[" + "1" * 5000 + "]", "实际出借金额"),
        ("delivered_amount=" + "[" * 5000, "实际出借金额"),
    ],
    ids=["1e999999999", "negative", "too-large", "three-decimals", "feb-29", "apr-31", "vertical-tab",
         "5000-digit-int", "deep-json"],
)
def test_find_refuses_and_keeps_file(lending_case: dict[str, Any], tmp_path: Path, assignment: str, expected: str) -> None:
    case_path = write_case(tmp_path, lending_case)
    before = case_path.read_bytes()
    result = run("find", str(case_path), "--set", assignment, timeout=60)
    assert_one_error_line(result, expected)
    assert case_path.read_bytes() == before


def test_find_accepts_partial_dates_and_keeps_the_files_mode(lending_case: dict[str, Any], tmp_path: Path) -> None:
    case_path = write_case(tmp_path, lending_case)
    os.chmod(case_path, 0o600)
    result = run("find", str(case_path), "--set", "contract_date=2021-02", "--set", "last_repayment_date=2021")
    assert result.returncode == 0, result.stderr
    saved = json.loads(case_path.read_text(encoding="utf-8"))
    assert saved["findings"] == {"contract_date": "2021-02", "last_repayment_date": "2021"}
    assert stat.S_IMODE(case_path.stat().st_mode) == 0o600


# --- validate: calendar dates, amounts, unsafe text, deceptive names ------------------------

@pytest.mark.parametrize(
    ("path", "value", "expected"),
    [
        (("findings", "contract_date"), "2021-02-29", "日期 2021-02-29 不存在"),
        (("meta", "filing_date"), "2021-04-31", "立案日期：日期 2021-04-31 不存在"),
        (("findings", "repaid_principal"), "-50000.00", "金额不能为负数"),
        (("findings", "loan_amount"), "99999999999999.00", "超出上限"),
        (("findings", "penalty_agreed"), "按日\x0c计算", "U+000C"),
        (("findings", "penalty_agreed"), "按日\x00计算", "U+0000"),
        (("findings", "penalty_agreed"), "按日\ufffe计算", "U+FFFE"),
        (("findings", "penalty_agreed"), "按日\ud800计算", "U+D800"),
        (("meta", "case_seq"), 10**15, "案件编号"),
    ],
    ids=["feb-29", "apr-31", "negative", "too-large", "form-feed", "nul", "fffe", "lone-surrogate", "huge-int"],
)
def test_validate_reports_and_draft_refuses(
    lending_case: dict[str, Any], tmp_path: Path, path: tuple[str, str], value: Any, expected: str
) -> None:
    lending_case[path[0]][path[1]] = value
    case_path = tmp_path / "case.json"
    # json.dumps escapes \ud800 as it must; the file is valid UTF-8 holding a lone-surrogate escape.
    case_path.write_text(json.dumps(lending_case), encoding="utf-8")
    result = run("validate", str(case_path))
    assert result.returncode == 1 and expected in result.stdout, (result.stdout, result.stderr)
    out = tmp_path / "out.docx"
    assert_one_error_line(run("draft", str(case_path), "--court", "qingpu", "-o", str(out)), expected)
    assert not out.exists()
    assert_one_error_line(run("compare", str(case_path), "--out-dir", str(tmp_path / "drafts")), expected)
    assert not (tmp_path / "drafts").exists()


def test_deceptive_party_name_is_a_warning(lending_case: dict[str, Any], tmp_path: Path) -> None:
    lending_case["elements"]["defendants"]["complaint"][0]["name"] = "李\u202e四"
    case_path = write_case(tmp_path, lending_case)
    result = run("validate", str(case_path))
    assert result.returncode == 0, result.stdout
    assert "警告：" in result.stderr and "被告" in result.stderr and "U+202E" in result.stderr
    out = tmp_path / "out.docx"
    result = run("draft", str(case_path), "--court", "qingpu", "-o", str(out))
    assert result.returncode == 0 and "U+202E" in result.stderr
    docx_opens(out.read_bytes())


# --- outputs: devices, folders, the input itself, symlinks, existing files ------------------

def test_draft_refuses_dev_null_a_folder_and_the_input(decided_case: dict[str, Any], tmp_path: Path) -> None:
    case_path = write_case(tmp_path, decided_case)
    before = case_path.read_bytes()
    assert_one_error_line(run("draft", str(case_path), "-o", "/dev/null"), "不是普通文件")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    assert_one_error_line(run("draft", str(case_path), "-o", str(tmp_path)), "文件夹")
    assert_one_error_line(run("draft", str(case_path), "-o", str(case_path), "--format", "text"), "输入文件")
    link = tmp_path / "link.json"
    link.symlink_to(case_path)
    assert_one_error_line(run("draft", str(case_path), "-o", str(link), "--format", "text"), "输入文件")
    assert case_path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["case.json", "link.json"]


def test_draft_through_a_symlink_writes_the_real_file(decided_case: dict[str, Any], tmp_path: Path) -> None:
    case_path = write_case(tmp_path, decided_case)
    real = tmp_path / "real.docx"
    real.write_bytes(b"old")
    os.chmod(real, 0o640)
    link = tmp_path / "judgment.docx"
    link.symlink_to(real)
    result = run("draft", str(case_path), "--court", "jiashan", "-o", str(link))
    assert result.returncode == 0, result.stderr
    assert link.is_symlink() and os.readlink(link) == str(real)
    docx_opens(real.read_bytes())
    assert stat.S_IMODE(real.stat().st_mode) == 0o640


def test_new_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    out = tmp_path / "case.json"
    out.write_text("{}", encoding="utf-8")
    args = ["new", "--type", "private_lending", "--complaint", str(SAMPLE / "complaint.txt"), "-o", str(out)]
    assert_one_error_line(run(*args), "已存在", "--force")
    assert out.read_text(encoding="utf-8") == "{}"
    result = run(*args, "--force")
    assert result.returncode == 0, result.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["case_type"] == "private_lending"
    complaint_copy = tmp_path / "complaint.txt"
    complaint_copy.write_bytes((SAMPLE / "complaint.txt").read_bytes())
    result = run("new", "--type", "private_lending", "--complaint", str(complaint_copy), "-o", str(complaint_copy),
                 "--force")
    assert_one_error_line(result, "输入文件")
    assert complaint_copy.read_bytes() == (SAMPLE / "complaint.txt").read_bytes()


# --- inputs that used to end in a traceback ------------------------------------------------

def test_case_file_inputs_that_used_to_crash(lending_case: dict[str, Any], tmp_path: Path) -> None:
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    assert_one_error_line(run("validate", str(deep)), "嵌套")
    nested = tmp_path / "nested.json"
    nested.write_text('{"a":' * 500 + "1" + "}" * 500, encoding="utf-8")
    assert_one_error_line(run("validate", str(nested)), "嵌套")
    digits = tmp_path / "digits.json"
    digits.write_text('{"case_type": ' + "9" * 5000 + "}", encoding="utf-8")
    assert_one_error_line(run("validate", str(digits)), "4300")
    assert_one_error_line(run("validate", "/dev/zero"), "不是普通文件")
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    assert_one_error_line(run("validate", str(fifo), timeout=20), "不是普通文件")
    assert_one_error_line(run("find", str(fifo), "--set", "loan_amount=1", timeout=20), "不是普通文件")
    assert_one_error_line(run("extract", str(fifo), timeout=20), "不是普通文件")
    assert_one_error_line(run("schema", "a" * 300), "未知的案件类型")
    lending_case["meta"]["judgment_date"] = float("inf")
    infinite = tmp_path / "inf.json"
    infinite.write_text(json.dumps(lending_case).replace("Infinity", "1e400"), encoding="utf-8")
    result = run("validate", str(infinite))
    assert result.returncode == 1 and "判决日期" in result.stdout


def test_encrypted_docx_is_refused(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("word/document.xml", "<document/>")
    data = bytearray(buffer.getvalue())
    # Set the "encrypted" flag bit of every entry, in the local and the central headers.
    for signature, flag_offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        position = data.find(signature)
        while position >= 0:
            data[position + flag_offset] |= 0x01
            position = data.find(signature, position + 4)
    path = tmp_path / "locked.docx"
    path.write_bytes(bytes(data))
    assert_one_error_line(run("extract", str(path)), "已加密")


def test_usage_errors_are_chinese() -> None:
    assert_one_error_line(run("nosuchcommand"), "未知的命令：nosuchcommand")
    assert_one_error_line(run("new"), "缺少必需的选项 --type")
    assert_one_error_line(run("find"), "缺少必需的参数")
    assert_one_error_line(run("new", "--bogus"), "没有选项 --bogus")
    assert_one_error_line(run("find", "case.json", "--set"), "需要一个值")
    assert_one_error_line(
        run("new", "--type", "private_lending", "--complaint", "a", "-o", "b", "--case-year", "abc"), "应为整数"
    )
    assert_one_error_line(run("schema", "private_lending", "extra"), "多余的参数")


@pytest.mark.parametrize("value", ["-50", "NaN", "Infinity", "1e400", "1" * 5000])
def test_calculator_refuses_absurd_numbers(value: str) -> None:
    result = run("calc", "injury", "disability", "--court", "qingpu", "--year", "2024", "--age", "40",
                 "--grade", "5", f"--coefficient={value}")
    assert_one_error_line(result, "--coefficient")
    result = run("calc", "interest", f"--principal={value}", "--start", "2021-01-01", "--end", "2021-12-31",
                 "--rate", "10")
    assert_one_error_line(result, "--principal")

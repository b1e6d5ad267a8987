"""`yaosu schema | validate | find | draft | compare` as a user runs them (real subprocesses)."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import docx
import pytest

YAOSU = str(Path(sys.executable).parent / "yaosu")


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([YAOSU, *args], capture_output=True, text=True, cwd=cwd, timeout=120)


def write_case(tmp_path: Path, case: dict[str, Any], name: str = "case.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(case, ensure_ascii=False), encoding="utf-8")
    return path


def leftovers(folder: Path, keep: set[str]) -> set[str]:
    return {p.name for p in folder.iterdir()} - keep


def test_schema_lists_every_element() -> None:
    result = run("schema", "private_lending")
    assert result.returncode == 0, result.stderr
    schema = json.loads(result.stdout)
    values = schema["$defs"]["PrivateLendingValues"]["properties"]
    assert {"loan_amount", "delivered_amount", "guarantee_type", "claim_interest"} <= set(values)
    assert values["loan_amount"]["title"] == "约定借款金额"
    assert [s["id"] for s in schema["x-sections"]] == ["parties", "claims", "facts", "defences"]


def test_draft_writes_docx_and_warns_on_pending(lending_case: dict[str, Any], tmp_path: Path) -> None:
    case_path = write_case(tmp_path, lending_case)
    out = tmp_path / "out.docx"
    result = run("draft", str(case_path), "--court", "wujiang", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert "警告：要素“实际出借金额”有争议但尚未认定" in result.stderr
    document = docx.Document(io.BytesIO(out.read_bytes()))
    assert document.paragraphs[0].text == "江苏省苏州市吴江区人民法院"


def test_find_then_draft_has_no_pending(lending_case: dict[str, Any], tmp_path: Path) -> None:
    case_path = write_case(tmp_path, lending_case)
    result = run("find", str(case_path), "--set", "delivered_amount=95000", "--set", "guarantee_type=连带责任保证")
    assert result.returncode == 0, result.stderr
    saved = json.loads(case_path.read_text(encoding="utf-8"))
    assert saved["findings"] == {"delivered_amount": "95000.00", "guarantee_type": "joint"}
    result = run("draft", str(case_path), "--court", "qingpu", "-o", str(tmp_path / "j.txt"))
    # Found but without reasons: the draft says where the reasons go and warns.
    assert result.returncode == 0 and "未写明认定理由" in result.stderr
    assert "（写明认定理由）" in (tmp_path / "j.txt").read_text(encoding="utf-8")
    result = run("find", str(case_path), "--reason", "delivered_amount=转账凭证显示实际转账95,000元",
                 "--reason", "保证方式=保证合同第八条约定连带责任保证",
                 # the guarantee period (to 2022-11-30) lapsed before filing; the guarantor is a company
                 "--set", "guarantee_claim_date=2022年10月8日", "--set", "company_guarantee_resolution=resolved")
    assert result.returncode == 0, result.stderr
    assert json.loads(case_path.read_text(encoding="utf-8"))["reasons"]["guarantee_type"] == "保证合同第八条约定连带责任保证"
    result = run("draft", str(case_path), "--court", "qingpu", "-o", str(tmp_path / "j.txt"))
    assert result.returncode == 0 and "警告" not in result.stderr
    text = (tmp_path / "j.txt").read_text(encoding="utf-8")
    assert "承担连带清偿责任" in text and "待认定" not in text
    assert "本院认定为连带责任保证，理由如下：保证合同第八条约定连带责任保证。" in text


def test_find_refuses_bad_value_and_keeps_file(lending_case: dict[str, Any], tmp_path: Path) -> None:
    case_path = write_case(tmp_path, lending_case)
    before = case_path.read_bytes()
    result = run("find", str(case_path), "--set", "delivered_amount=很多")
    assert result.returncode == 2
    assert "实际出借金额" in result.stderr and "不是有效的金额" in result.stderr
    assert case_path.read_bytes() == before


def test_compare_shows_only_profile_lines(decided_case: dict[str, Any], tmp_path: Path) -> None:
    result = run("compare", str(write_case(tmp_path, decided_case)), "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["courts"] == ["qingpu", "wujiang", "jiashan"]
    differing = [d["texts"]["wujiang"] for d in report["differences"]]
    assert differing == [
        "江苏省苏州市吴江区人民法院",
        "（2025）苏0509民初1234号",
        "如不服本判决，可以在判决书送达之日起十五日内，向本院递交上诉状，并按对方当事人的人数提出副本，"
        "上诉于江苏省苏州市中级人民法院。",
    ]


# Bad input: one Chinese line naming the problem, non-zero exit, no output file left behind.
@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        (lambda p, c: p.write_text('{"case_type": "private_lending",', encoding="utf-8"), "不是有效的 JSON"),
        (lambda p, c: p.write_text(json.dumps({**c, "case_type": "piracy"}), encoding="utf-8"), "未知的案件类型：piracy"),
        (lambda p, c: p.unlink(), "案件文件不存在"),
        (lambda p, c: p.write_bytes(b"\xff\xfe\x00garbage"), "不是 UTF-8 编码"),
    ],
    ids=["malformed-json", "unknown-case-type", "missing-file", "binary-file"],
)
def test_draft_bad_case_file(lending_case: dict[str, Any], tmp_path: Path, mutate, expected: str) -> None:
    case_path = write_case(tmp_path, lending_case)
    mutate(case_path, lending_case)
    out = tmp_path / "out.docx"
    result = run("draft", str(case_path), "--court", "qingpu", "-o", str(out))
    assert result.returncode != 0
    assert expected in result.stderr
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("错误：")
    assert not out.exists()
    assert leftovers(tmp_path, {"case.json"}) == set()


def test_draft_uses_the_case_files_court_or_asks(lending_case: dict[str, Any], tmp_path: Path) -> None:
    out = tmp_path / "out.txt"
    result = run("draft", str(write_case(tmp_path, lending_case)), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert out.read_text(encoding="utf-8").startswith("上海市青浦区人民法院\n")
    lending_case["court"] = None
    result = run("draft", str(write_case(tmp_path, lending_case, "nocourt.json")), "-o", str(tmp_path / "n.txt"))
    assert result.returncode == 2 and "未指定法院" in result.stderr
    assert not (tmp_path / "n.txt").exists()


def test_draft_unknown_court(lending_case: dict[str, Any], tmp_path: Path) -> None:
    out = tmp_path / "out.docx"
    result = run("draft", str(write_case(tmp_path, lending_case)), "--court", "minhang", "-o", str(out))
    assert result.returncode == 2 and "未知的法院：minhang" in result.stderr
    assert not out.exists()


def test_draft_missing_required_element(lending_case: dict[str, Any], tmp_path: Path) -> None:
    del lending_case["elements"]["loan_amount"]
    out = tmp_path / "out.docx"
    result = run("draft", str(write_case(tmp_path, lending_case)), "--court", "qingpu", "-o", str(out))
    assert result.returncode == 2
    assert "缺少必填要素：约定借款金额" in result.stderr
    assert not out.exists()


def test_failed_render_leaves_previous_output_intact(lending_case: dict[str, Any], tmp_path: Path) -> None:
    out = tmp_path / "out.docx"
    out.write_bytes(b"previous draft")
    lending_case["meta"]["procedure"] = "summary"  # invalid enum value
    result = run("draft", str(write_case(tmp_path, lending_case)), "--court", "qingpu", "-o", str(out))
    assert result.returncode == 2 and "/meta/procedure" in result.stderr
    assert out.read_bytes() == b"previous draft"
    assert leftovers(tmp_path, {"case.json", "out.docx"}) == set()


def test_new_refuses_unknown_type_and_unreadable_file(tmp_path: Path) -> None:
    out = tmp_path / "case.json"
    complaint = tmp_path / "c.txt"
    complaint.write_text("原告张三诉被告李四借款纠纷。", encoding="utf-8")
    result = run("new", "--type", "piracy", "--complaint", str(complaint), "-o", str(out))
    assert result.returncode == 2 and "未知的案件类型：piracy" in result.stderr
    result = run("new", "--type", "private_lending", "--complaint", str(tmp_path / "nope.txt"), "-o", str(out))
    assert result.returncode == 2 and "nope.txt" in result.stderr
    result = run("new", "--type", "private_lending", "--complaint", str(complaint), "--court", "mars", "-o", str(out))
    assert result.returncode == 2 and "未知的法院：mars" in result.stderr
    assert not out.exists()

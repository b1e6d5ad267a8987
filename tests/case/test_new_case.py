"""`yaosu new` → `find` → `draft` on the shipped sample pair, as `make demo` runs it."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import docx

from engine.paths import CORPUS_DIR

YAOSU = str(Path(sys.executable).parent / "yaosu")
SAMPLE = CORPUS_DIR / "private_lending" / "sample"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([YAOSU, *args], capture_output=True, text=True, timeout=120)


def test_sample_pleadings_to_three_judgments(tmp_path: Path) -> None:
    case_path = tmp_path / "case.json"
    result = run(
        "new", "--type", "private_lending", "--complaint", str(SAMPLE / "complaint.txt"),
        "--answer", str(SAMPLE / "answer.txt"), "--filing-date", "2022-09-20", "-o", str(case_path),
    )
    assert result.returncode == 0, result.stderr
    case = json.loads(case_path.read_text(encoding="utf-8"))
    elements = case["elements"]
    # The answer says only 95,000 arrived (砍头息): a dispute with both sides' values.
    assert elements["delivered_amount"]["status"] == "disputed"
    assert elements["delivered_amount"]["complaint"] == "100000.00"
    assert elements["delivered_amount"]["answer"] == "95000.00"
    assert elements["loan_amount"]["status"] == "agreed"
    assert [p["name"] for p in elements["defendants"]["complaint"]] == ["苏州A&B贸易有限公司", "沈建华"]
    # Evidence points at the words in the pleading text kept in the case file.
    evidence = case["complaint"]["elements"]["loan_amount"]["evidence"][0]
    assert case["complaint"]["text"][evidence["start"]:evidence["end"]] == evidence["text"]

    assert run("find", str(case_path), "--from-file", str(SAMPLE / "findings.json")).returncode == 0
    for court_id, court_name in (("qingpu", "上海市青浦区人民法院"), ("jiashan", "浙江省嘉善县人民法院")):
        out = tmp_path / f"{court_id}.docx"
        result = run("draft", str(case_path), "--court", court_id, "-o", str(out))
        assert result.returncode == 0, result.stderr
        text = "\n".join(p.text for p in docx.Document(io.BytesIO(out.read_bytes())).paragraphs)
        assert text.startswith(court_name)
        assert "被告：苏州A&B贸易有限公司" in text
        # 砍头息: principal is the 95,000 actually lent (民间借贷规定第二十六条); the 9,000 paid by
        # 2021-11-30 goes to interest first (民法典第五百六十一条) at the capped 15.40%:
        # 95,000 × 15.40% × 183 / 365 = 7,335.04, so 1,664.96 reduces the principal to 93,335.04.
        assert "借款本金93,335.04元" in text
        assert "以93,335.04元为基数，自2021年12月1日起按年利率15.40%计算至实际清偿之日止" in text
        assert "15.40%" in text  # 18% capped at 4 × 3.85% (LPR of 2021-05-20)
        assert "承担连带清偿责任" in text
        assert "待认定" not in text

"""`yaosu meta` records a withdrawal or a mediation, `yaosu draft` writes the ruling / the mediation document
(real subprocesses, the docx reopened)."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import docx

YAOSU = str(Path(sys.executable).parent / "yaosu")


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([YAOSU, *args], capture_output=True, text=True, timeout=120)


def _case_file(tmp_path: Path, case: dict[str, Any]) -> Path:
    del case["elements"]["claim_interest"]  # claims 100,000 + 5,000: the fee is 2,400元 (第十三条)
    path = tmp_path / "case.json"
    path.write_text(json.dumps(case, ensure_ascii=False), encoding="utf-8")
    return path


def _paragraphs(path: Path) -> list[str]:
    return [p.text for p in docx.Document(io.BytesIO(path.read_bytes())).paragraphs if p.text.strip()]


def test_withdrawal_through_the_cli(tmp_path: Path, lending_case: dict[str, Any]) -> None:
    """2,400元 halved once = 1,200元, borne by the plaintiff (诉讼费用交纳办法第十五条、第三十四条)."""
    path = _case_file(tmp_path, lending_case)
    result = run("meta", str(path), "--outcome", "withdrawal", "--withdrawal-date", "2025-04-01")
    assert result.returncode == 0, result.stderr
    meta = json.loads(path.read_text(encoding="utf-8"))["meta"]
    assert (meta["outcome"], meta["withdrawal_date"]) == ("withdrawal", "2025-04-01")
    out = tmp_path / "ruling.docx"
    result = run("draft", str(path), "--court", "wujiang", "-o", str(out))
    assert result.returncode == 0, result.stderr
    lines = _paragraphs(out)
    assert lines[:2] == ["江苏省苏州市吴江区人民法院", "民事裁定书"]
    assert "准许原告张三撤诉。" in lines
    assert "案件受理费2,400元，减半收取计1,200元，由原告张三负担。" in lines
    assert "第一百四十八条第一款" in result.stderr  # the unverified article is named to the drafter


def test_mediation_through_the_cli(tmp_path: Path, lending_case: dict[str, Any]) -> None:
    """2,400元 halved once = 1,200元; the plaintiff bears 50%: 600元, the defendants 600元."""
    path = _case_file(tmp_path, lending_case)
    result = run("meta", str(path), "--outcome", "mediation",
                 "--mediation-term", "一、被告李四于2025年6月30日前归还原告张三借款本金100,000元；",
                 "--mediation-term", "被告苏州A&B贸易有限公司对上述债务承担连带清偿责任。",
                 "--mediation-fee-plaintiff-percent", "50%")
    assert result.returncode == 0, result.stderr
    meta = json.loads(path.read_text(encoding="utf-8"))["meta"]
    # The numbering and the closing punctuation typed are the document's to add: stored without them.
    assert meta["mediation_terms"] == ["被告李四于2025年6月30日前归还原告张三借款本金100,000元",
                                       "被告苏州A&B贸易有限公司对上述债务承担连带清偿责任"]
    assert meta["mediation_fee_plaintiff_percent"] == 50
    out = tmp_path / "mediation.docx"
    assert run("draft", str(path), "--court", "qingpu", "-o", str(out)).returncode == 0
    lines = _paragraphs(out)
    assert lines[1] == "民事调解书"
    intro = lines.index("本案审理过程中，经本院主持调解，当事人自愿达成如下协议：")
    assert lines[intro + 1:intro + 6] == [
        "一、被告李四于2025年6月30日前归还原告张三借款本金100,000元；",
        "二、被告苏州A&B贸易有限公司对上述债务承担连带清偿责任。",
        "案件受理费2,400元，减半收取计1,200元，由原告张三负担600元，被告李四、苏州A&B贸易有限公司负担600元。",
        "上述协议，不违反法律规定，本院予以确认。",
        "本调解书经各方当事人签收后，即具有法律效力。",
    ]


def test_bad_outcome_values_are_refused(tmp_path: Path, lending_case: dict[str, Any]) -> None:
    path = _case_file(tmp_path, lending_case)
    before = path.read_bytes()
    cases = [
        (["--outcome", "settled"], "结案方式应为"),
        (["--mediation-fee-plaintiff-percent", "150"], "0至100的整数"),
        (["--preservation-fee-payer", "court"], "财产保全费负担应为"),
        (["--withdrawal-date", "2025-02-30"], "撤诉申请日期"),
        (["--withdrawal-date", "2025-01-01"], "早于立案日期"),
    ]
    for args, words in cases:
        result = run("meta", str(path), *args)
        assert result.returncode == 2, args
        assert result.stderr.startswith("错误：") and words in result.stderr, result.stderr
    assert path.read_bytes() == before


def test_simplified_flag_and_preservation_payer_through_the_cli(tmp_path: Path, lending_case: dict[str, Any]) -> None:
    path = _case_file(tmp_path, lending_case)
    result = run("meta", str(path), "--procedure", "small_claims", "--simplified",
                 "--preservation-fee", "1020", "--preservation-fee-payer", "plaintiff")
    assert result.returncode == 0, result.stderr
    meta = json.loads(path.read_text(encoding="utf-8"))["meta"]
    assert (meta["simplified"], meta["preservation_fee_payer"]) == (True, "plaintiff")
    out = tmp_path / "small.txt"
    assert run("draft", str(path), "--court", "qingpu", "-o", str(out)).returncode == 0
    text = out.read_text(encoding="utf-8")
    assert "本判决为终审判决。" in text and "要素｜原告主张" not in text and "本院认为" not in text
    assert "财产保全费1,020元（原告已预交），由原告张三负担。" in text
    assert run("meta", str(path), "--not-simplified").returncode == 0
    assert json.loads(path.read_text(encoding="utf-8"))["meta"]["simplified"] is False

"""The judgment for publication (裁判文书上网): the sample 民间借贷 case drafted with --anonymise.

The sample complaint names 顾文杰 (plaintiff, ID 310229197808160313, phone 13916880000, 住上海市青浦区
盈浦街道城中东路158弄8号), 沈建华 (defendant and legal representative, ID 320509198004123557, phone
13814880000) and the company 苏州A&B贸易有限公司; the answer adds the agent 周宁.
"""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from typing import Any

import docx
import pytest
from typer.testing import CliRunner

from engine.case.findings import set_findings
from engine.case.new import new_case_from_texts
from engine.cli import app
from engine.drafting.anonymise import anonymise, render_anonymised_docx
from engine.drafting.build import build_judgment
from engine.drafting.render import judgment_text
from engine.research.deidentify import publication_pseudonyms
from engine.system import default_system

SYSTEM = default_system()
SAMPLE = Path(__file__).resolve().parents[2] / "corpus" / "private_lending" / "sample"
FULL_NAMES = ("顾文杰", "沈建华", "陆明远", "周宁")
ADDRESSES = ("城中东路158弄8号", "鲈乡北路399号")
COMPANY = "苏州A&B贸易有限公司"


@pytest.fixture(scope="module")
def sample_case() -> dict[str, Any]:
    case = new_case_from_texts(
        SYSTEM,
        "private_lending",
        (SAMPLE / "complaint.txt").read_text(encoding="utf-8"),
        (SAMPLE / "answer.txt").read_text(encoding="utf-8"),
        court="wujiang",
    )
    return set_findings(SYSTEM, case, json.loads((SAMPLE / "findings.json").read_text(encoding="utf-8")))


def docx_text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def amounts(text: str) -> list[str]:
    return re.findall(r"[\d,]+(?:\.\d+)?元", text)


def assert_published(text: str) -> None:
    assert not re.search(r"(?<!\d)\d{17}[\dXx](?!\d)", text), "an 18-character ID number is left"
    assert not re.search(r"(?<!\d)1[3-9]\d{9}(?!\d)", text), "an 11-digit phone number is left"
    for name in FULL_NAMES:
        assert name not in text, name
    for address in ADDRESSES:
        assert address not in text, address
    assert "原告：顾某，男，1978年8月16日出生，汉族。" in text
    assert "被告：沈某，男，1980年4月12日出生，汉族。" in text
    assert "法定代表人：沈某。" in text
    # A legal person keeps its name and 住所地 (only natural persons' addresses are private).
    assert f"被告：{COMPANY}，住所地江苏省苏州市吴江区松陵街道中山北路1688号。" in text
    assert "原告顾某向本院提出诉讼请求" in text


def test_sample_judgment_text_is_anonymised_and_amounts_unchanged(sample_case: dict[str, Any]) -> None:
    judgment = build_judgment(SYSTEM, sample_case, "wujiang")
    plain = judgment_text(judgment)
    assert "310229197808160313" in plain and "顾文杰" in plain  # the normal draft does name them
    published = judgment_text(anonymise(judgment, sample_case))
    assert_published(published)
    # Same amounts in the same order: 100,000 / 95,000 / 93,335.04 … are untouched.
    assert amounts(published) == amounts(plain)
    assert "归还原告顾某借款本金93,335.04元" in published
    # The court's own people and the case number are kept as drafted.
    assert published.splitlines()[:3] == plain.splitlines()[:3]


def test_sample_docx_reopened_is_anonymised(sample_case: dict[str, Any]) -> None:
    text = docx_text(render_anonymised_docx(SYSTEM, sample_case, "wujiang"))
    assert_published(text)
    assert COMPANY in text
    # The element table cells too: 出借人 row reads 顾某.
    assert "顾某" in text and "保证人" in text


def test_cli_draft_anonymise_writes_docx_and_text(sample_case: dict[str, Any], tmp_path: Path) -> None:
    case_file = tmp_path / "case.json"
    case_file.write_text(json.dumps(sample_case, ensure_ascii=False), encoding="utf-8")
    for suffix in (".docx", ".txt", ".html"):
        out = tmp_path / f"published{suffix}"
        result = CliRunner().invoke(app, ["draft", str(case_file), "--anonymise", "-o", str(out)])
        assert result.exit_code == 0, result.output
        if suffix == ".docx":
            assert_published(docx_text(out.read_bytes()))
        elif suffix == ".txt":
            assert_published(out.read_text(encoding="utf-8"))
        else:
            html = out.read_text(encoding="utf-8")
            assert "顾某" in html and not any(name in html for name in FULL_NAMES)
    plain = tmp_path / "plain.txt"
    assert CliRunner().invoke(app, ["draft", str(case_file), "-o", str(plain)]).exit_code == 0
    assert "顾文杰" in plain.read_text(encoding="utf-8")


def test_same_surname_gets_distinct_pseudonyms(lending_case: dict[str, Any]) -> None:
    # The fixture names 张三 (plaintiff), 李四 (defendant), the company's legal representative 王五.
    # Make the representative 张五: two 张 in one document → 张某甲 (first named) and 张某乙.
    for state in ("complaint", "answer"):
        for party in lending_case["elements"]["defendants"][state] or []:
            if party.get("legal_representative") == "王五":
                party["legal_representative"] = "张五"
    text = judgment_text(anonymise(build_judgment(SYSTEM, lending_case, "qingpu"), lending_case))
    assert "原告：张某甲，男，1980年1月2日出生，汉族。" in text
    assert "法定代表人：张某乙。" in text
    assert "被告：李某" in text and "张三" not in text and "张五" not in text
    assert "上海市青浦区某路1号" not in text and "江苏省苏州市吴江区某路2号" not in text
    assert "住所地江苏省苏州市吴江区某路3号" in text  # the company's 住所地 stays


def test_publication_pseudonyms() -> None:
    assert publication_pseudonyms(["张三", "李四", "张五", "欧阳明", "张三"]) == {
        "张三": "张某甲", "李四": "李某", "张五": "张某乙", "欧阳明": "欧阳某",
    }


def test_identifiers_in_the_reasoning_are_removed(decided_case: dict[str, Any]) -> None:
    # A reason the judge typed, naming a phone, a bank account and the plaintiff's address.
    decided_case["reasons"]["delivered_amount"] = (
        "张三（联系电话13916880000）通过银行账号6222021234567890123向李四转账95,000元，"
        "李四当日回转5,000元至张三住上海市青浦区某路1号附近的网点，另见身份证号310229197808160313"
    )
    plain = judgment_text(build_judgment(SYSTEM, decided_case, "qingpu"))
    assert "6222021234567890123" in plain
    text = judgment_text(anonymise(build_judgment(SYSTEM, decided_case, "qingpu"), decided_case))
    reason = next(line for line in text.splitlines() if "回转" in line)
    assert "张某通过向李某转账95,000元，李某当日回转5,000元至张某附近的网点" in reason
    for removed in ("13916880000", "6222021234567890123", "310229197808160313", "某路1号"):
        assert removed not in text
    assert amounts(text) == amounts(plain)

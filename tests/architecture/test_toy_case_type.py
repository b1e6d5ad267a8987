"""A case type that is only data: a table with a money claim, an int and an object list, built in
tmp_path, extracts its money claims and the int and drafts the generic judgment with the claims."""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
import pytest

from engine.case.findings import set_findings
from engine.case.new import new_case_from_texts
from engine.case.validate import validate_case
from engine.drafting.build import build_judgment
from engine.drafting.render import render_docx
from engine.errors import YaosuError
from engine.system import default_system, load_system

ELEMENTS = """
claim_compensation:
  label: 请求赔偿的损失
  type: money
  cues: {keywords: [赔偿损失, 损失]}
claim_fee:
  label: 请求支付的鉴定费
  type: money
  cues: {keywords: [鉴定费]}
injury_grade:
  label: 伤残等级
  type: int
  min: 1
  max: 10
  cues: {keywords: [伤残], after: [级], window: 10}
vehicles:
  label: 肇事车辆
  type: object_list
  fields:
    plate: {label: 车牌号, type: text}
    commercial_limit: {label: 商业险限额, type: money}
"""

TABLE = """
id: toy_damages
version: "1"
label: 测试损害赔偿纠纷
template: private_lending.docx
detect_keywords: [赔偿]
sections:
  - id: parties
    label: 当事人
    elements: [{id: plaintiffs, required: true}, {id: defendants, required: true}]
  - id: claims
    label: 诉讼请求
    decided_by: orders
    elements: [{id: claim_compensation}, {id: claim_fee}]
  - id: facts
    label: 事实与理由
    elements: [{id: injury_grade}, {id: vehicles}]
"""

COMPLAINT = """民事起诉状
原告：王小明，男，1980年1月2日出生，汉族，住上海市青浦区某路1号。
被告：李大伟，男，1975年5月6日出生，汉族，住江苏省苏州市吴江区某路2号。
诉讼请求：
1. 判令被告赔偿损失人民币伍万元整；
2. 判令被告支付鉴定费2,800元。
事实与理由：
2024年3月1日，被告驾车将原告撞伤，经鉴定原告构成十级伤残。
"""


@pytest.fixture
def toy_root(tmp_path: Path) -> Path:
    shipped = default_system().root
    (tmp_path / "elements").mkdir()
    shutil.copy(shipped / "elements" / "parties.yaml", tmp_path / "elements" / "parties.yaml")
    (tmp_path / "elements" / "toy.yaml").write_text(ELEMENTS, encoding="utf-8")
    (tmp_path / "element_tables").mkdir()
    (tmp_path / "element_tables" / "toy_damages.yaml").write_text(TABLE, encoding="utf-8")
    shutil.copytree(shipped / "judgment_templates", tmp_path / "judgment_templates")
    (tmp_path / "parameters").symlink_to(shipped / "parameters")
    return tmp_path


def test_a_data_only_case_type_extracts_and_drafts_its_money_claims(toy_root: Path) -> None:
    system = load_system(toy_root)
    assert list(system.casetypes) == ["toy_damages"]
    case = new_case_from_texts(system, "toy_damages", COMPLAINT, court="wujiang")
    values = {eid: state["complaint"] for eid, state in case["elements"].items()}
    assert values["claim_compensation"] == "50000.00"
    assert values["claim_fee"] == "2800.00"
    assert values["injury_grade"] == 10
    assert [p["name"] for p in values["plaintiffs"]] == ["王小明"]
    assert validate_case(system, case) == []

    case = set_findings(system, case, {"vehicles": '[{"plate": "苏E12345", "commercial_limit": "100万元"}]'})
    assert case["findings"]["vehicles"] == [{"plate": "苏E12345", "commercial_limit": "1000000.00"}]
    judgment = build_judgment(system, case, "wujiang")
    assert judgment.claims == ["请求赔偿的损失：50,000元", "请求支付的鉴定费：2,800元"]
    assert "原告未写明诉讼请求" not in " ".join(judgment.claims)
    rows = {row.label: row for row in judgment.element_rows}
    assert rows["伤残等级"].plaintiff == "10"
    assert "苏E12345" in rows["肇事车辆"].court and "1,000,000元" in rows["肇事车辆"].court

    opened = docx.Document(__import__("io").BytesIO(render_docx(system, case, "wujiang")))
    text = "\n".join(p.text for p in opened.paragraphs)
    assert "请求赔偿的损失：50,000元" in text and "江苏省苏州市吴江区人民法院" in text


def test_an_object_list_finding_is_checked_field_by_field(toy_root: Path) -> None:
    system = load_system(toy_root)
    case = new_case_from_texts(system, "toy_damages", COMPLAINT, court="wujiang")
    with pytest.raises(YaosuError, match="肇事车辆：没有字段 colour"):
        set_findings(system, case, {"vehicles": '[{"colour": "red"}]'})
    with pytest.raises(YaosuError, match="商业险限额"):
        set_findings(system, case, {"vehicles": '[{"commercial_limit": "很多"}]'})
    with pytest.raises(YaosuError, match="伤残等级：11 超出范围"):
        set_findings(system, case, {"injury_grade": "11"})

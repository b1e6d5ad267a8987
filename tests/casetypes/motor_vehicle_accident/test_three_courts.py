"""One accident drafted for the three courts, each with its province's published standard.

Law: 法释〔2022〕14号 第十二条 (残疾赔偿金 = 城镇居民人均可支配收入 × 20年 × 伤残赔偿指数; 十级 10%),
第二十二条 (上一年度 = the statistical year before 一审法庭辩论终结); 民法典第一千二百一十三条 and
道路交通安全法第七十六条 (交强险 first, then 商业三者险, then the tortfeasor); 交强险 limits from
2020-09-19: 医疗费用 18,000 / 死亡伤残 180,000 / 财产损失 2,000 (traffic_sales_labour.md §A1.2).
Figures: parameters/injury_standards.csv, use year 2024 (hearing ends 2024-06-28; Jiangsu's 2024 figures
apply from the 高院 notice of 2024-03-08): 上海 89,477 · 江苏 63,211 · 浙江 74,997 (2023 城镇居民人均可支配收入).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from engine.case.validate import validate_case
from engine.drafting.build import build_judgment
from engine.drafting.render import render_docx
from tests.casetypes.motor_vehicle_accident.helpers import (
    SYSTEM,
    company,
    docx_sections,
    make_case,
    person,
    table_with_header,
    vehicle,
)

INSURER = "甲财产保险股份有限公司某支公司"


def accident() -> dict[str, Any]:
    # Victim born 1983-06-15, 定残 2023-10-10: aged 40 → 20 years (第十二条). Claims as stated.
    return make_case({
        "plaintiffs": [person("李四", "1983-06-15")],
        "defendants": [person("张三"), company(INSURER)],
        "accident_date": "2023-05-01",
        "accident_course": "张三驾驶沪A12345号小型轿车与骑行电动自行车的李四相撞",
        "liability": [{"party": "张三", "share": "full"}, {"party": "李四", "share": "none"}],
        "vehicles": [vehicle("沪A12345", "张三", INSURER, "1000000.00")],
        "victim_birth_date": "1983-06-15",
        "appraisal_date": "2023-10-10",
        "disability_grade": 10,
        "death": False,
        "medical_expenses": "30000.00",
        "lost_income": "20000.00",
        "nursing_fee": "6000.00",
        "disability_compensation": "200000.00",
        "mental_damages": "10000.00",
        "property_damage": "1500.00",
        "claim_total": "267500.00",
    })


# Per court: 残疾赔偿金, 交强险 total, 商业三者险 (liability 100%: 认定书 全部责任).
#   上海 89,477 × 20 × 10% = 178,954.  死亡伤残 group 20,000 + 6,000 + 178,954 + 10,000 = 214,954 → 180,000;
#        交强险 18,000 (of 30,000 医疗费) + 180,000 + 1,500 = 199,500; excess 12,000 + 34,954 = 46,954.
#   江苏 63,211 × 20 × 10% = 126,422.  group 162,422 < 180,000: 交强险 18,000 + 162,422 + 1,500 = 181,922;
#        excess 12,000.
#   浙江 74,997 × 20 × 10% = 149,994.  group 185,994 → 180,000: 交强险 199,500; excess 12,000 + 5,994 = 17,994.
EXPECTED = {
    "qingpu": ("178,954元", "199,500元", "46,954元", "上海市2024年度标准（2023年统计数据）"),
    "wujiang": ("126,422元", "181,922元", "12,000元", "江苏省2024年度标准（2023年统计数据）"),
    "jiashan": ("149,994元", "199,500元", "17,994元", "浙江省2024年度标准（2023年统计数据）"),
}


def test_the_hand_built_case_is_a_valid_case_file() -> None:
    assert validate_case(SYSTEM, accident()) == []


@pytest.mark.parametrize("court", list(EXPECTED))
def test_each_court_uses_its_own_standard(court: str) -> None:
    disability, compulsory, commercial, standard = EXPECTED[court]
    case = accident()
    judgment = build_judgment(SYSTEM, case, court)
    assert judgment.standard_note == standard
    sections = docx_sections(render_docx(SYSTEM, case, court))
    items = {row[0]: row for row in table_with_header(sections, "项目")}
    assert items["残疾赔偿金"][1] == "200,000元"
    assert items["残疾赔偿金"][3] == f"按标准计算为{disability}"
    assert items["医疗费"][3] == "被告未答辩，本院予以确认"
    allocation = table_with_header(sections, "赔偿义务人")
    compulsory_rows = [r for r in allocation if r[1].startswith("交强险")]
    assert [r[2] for r in compulsory_rows] == ["18,000元", "180,000元", "2,000元"]  # 2020-09-19 limits
    orders = [p for p in sections["paragraphs"] if p.startswith(("一、", "二、", "三、"))]
    assert orders[0] == (
        f"一、被告{INSURER}于本判决生效之日起十日内在机动车交通事故责任强制保险责任限额内赔偿原告李四{compulsory}；"
        f"在第三者责任商业保险限额内赔偿原告李四{commercial}；"
    )
    assert orders[1] == "二、驳回原告李四的其他诉讼请求。"
    reasoning = "\n".join(sections["paragraphs"])
    # The computation is shown: figure, year, source, article.
    assert "2024年度适用的城镇居民人均可支配收入" in reasoning
    assert "来源：" in reasoning
    assert "《最高人民法院关于审理人身损害赔偿案件适用法律若干问题的解释》第十二条" in reasoning


def test_a_finding_overrides_the_computed_amount() -> None:
    case = accident()
    case["findings"] = {"disability_compensation": "150000.00"}
    judgment = build_judgment(SYSTEM, case, "qingpu")
    row = next(r for r in judgment.item_rows if r.element_id == "disability_compensation")
    assert row.court == "本院认定150,000元"
    # 死亡伤残 20,000 + 6,000 + 150,000 + 10,000 = 186,000 → 180,000; excess 12,000 + 6,000 = 18,000.
    assert "在第三者责任商业保险限额内赔偿原告李四18,000元" in judgment.orders[0]


def _yaosu(*args: str) -> subprocess.CompletedProcess[str]:
    yaosu = str(Path(sys.executable).parent / "yaosu")
    return subprocess.run([yaosu, *args], capture_output=True, text=True, timeout=120, check=False)


def test_compare_shows_each_courts_amounts_and_the_standard_option(tmp_path: Path) -> None:
    path = tmp_path / "case.json"
    path.write_text(json.dumps(accident(), ensure_ascii=False), encoding="utf-8")
    result = _yaosu("compare", str(path), "--json")
    assert result.returncode == 0, result.stderr
    amounts = {row["label"]: row["courts"] for row in json.loads(result.stdout)["amounts"]}
    assert amounts["适用标准"] == {c: EXPECTED[c][3] for c in EXPECTED}
    assert amounts["残疾赔偿金"] == {c: f"按标准计算为{EXPECTED[c][0]}" for c in EXPECTED}
    # --standard jiangsu: every court drafts with Jiangsu's figure (63,211 × 20 × 10% = 126,422).
    result = _yaosu("compare", str(path), "--json", "--standard", "jiangsu")
    assert result.returncode == 0, result.stderr
    amounts = {row["label"]: row["courts"] for row in json.loads(result.stdout)["amounts"]}
    assert set(amounts["残疾赔偿金"].values()) == {"按标准计算为126,422元"}
    assert set(amounts["适用标准"].values()) == {"江苏省2024年度标准（2023年统计数据）（按指定省份）"}
    text = _yaosu("compare", str(path), "--standard", "jiangsu").stdout
    assert "各法院认定的数额（均按 jiangsu 的标准）：" in text
    bad = _yaosu("compare", str(path), "--standard", "hubei")
    assert bad.returncode == 2
    assert "未知的标准省份 'hubei'" in bad.stderr


def test_the_web_preview_shows_both_tables() -> None:
    from engine.drafting.render import render_html

    html = render_html(SYSTEM, accident(), "jiashan")
    assert '<section class="items">' in html and "<td>残疾赔偿金</td>" in html
    assert '<section class="allocation">' in html and "<td>17,994元</td>" in html


def test_the_qingpu_draft_section_by_section() -> None:
    case = accident()
    case["meta"].update({"filing_date": "2024-03-01", "judge": "审判员甲", "clerk": "书记员乙",
                         "judgment_date": "2024-07-05", "case_year": 2024, "case_seq": 123})
    sections = docx_sections(render_docx(SYSTEM, case, "qingpu"))
    paragraphs = [p for p in sections["paragraphs"] if p]
    # Title: court, document, number (沪0118).
    assert paragraphs[:3] == ["上海市青浦区人民法院", "民事判决书", "（2024）沪0118民初123号"]
    # Parties, then 审理经过 with the cause.
    assert paragraphs[3].startswith("原告：李四") and paragraphs[4] == "被告：张三。"
    procedure = next(p for p in paragraphs if "一案，本院于" in p)
    assert "机动车交通事故责任纠纷一案，本院于2024年3月1日立案后" in procedure
    # 诉讼请求: the items as claimed, with the total.
    claims = paragraphs[paragraphs.index("原告李四向本院提出诉讼请求：") + 1]
    assert claims.startswith("1.判令被告赔偿原告因交通事故造成的各项损失共计267,500元（其中医疗费30,000元")
    # Tables in order: 要素认定, 损失项目, 赔偿责任分配.
    assert [t[0] for t in sections["tables"]] == [
        ["要素", "原告主张", "被告意见", "本院认定"],
        ["项目", "原告主张", "被告意见", "本院认定"],
        ["赔偿义务人", "赔偿责任", "限额", "金额"],
    ]
    element_labels = [row[0] for row in sections["tables"][0][1:]]
    assert "事故发生时间" in element_labels and "残疾赔偿金" not in element_labels  # items are in their own table
    assert [row[0] for row in sections["tables"][1][1:]] == ["医疗费", "护理费", "误工费", "残疾赔偿金",
                                                            "精神损害抚慰金", "财产损失"]
    allocation = sections["tables"][2][1:]
    assert allocation[0] == [INSURER, "交强险医疗费用赔偿限额", "18,000元", "18,000元"]
    assert [INSURER, "交强险死亡伤残赔偿限额", "180,000元", "180,000元"] in allocation
    assert [INSURER, "交强险财产损失赔偿限额", "2,000元", "1,500元"] in allocation
    assert [INSURER, "商业三者险", "1,000,000元", "46,954元"] in allocation
    # 本院认为 … 依照 … 判决如下, the orders, the 迟延履行 notice, the fee, the appeal, the signature.
    basis = next(p for p in paragraphs if p.startswith("依照"))
    assert "《中华人民共和国民法典》第一千一百七十九条、第一千一百八十三条、第一千一百八十四条、第一千二百一十三条" in basis
    assert "《中华人民共和国道路交通安全法》第七十六条" in basis and basis.endswith("判决如下：")
    late = next(p for p in paragraphs if p.startswith("如果未按本判决指定的期间履行"))
    assert "第二百六十四条" in late
    # 受理费 on 267,500 (诉讼费用交纳办法第十三条): 50 + 2,250 + 2,000 + 67,500 × 1.5% = 5,312.50, halved 2,656.25;
    # the plaintiff bears the share not granted (2,656.25 × 21,046 ÷ 267,500 = 208.98), the defendants the rest.
    fee = next(p for p in paragraphs if p.startswith("案件受理费"))
    assert fee.startswith("案件受理费5,312.50元，减半收取计2,656.25元，由原告李四负担208.98元")
    assert "上诉于上海市第二中级人民法院" in next(p for p in paragraphs if p.startswith("如不服本判决"))
    assert paragraphs[-3:] == ["审判员　审判员甲", "二〇二四年七月五日", "书记员　书记员乙"]

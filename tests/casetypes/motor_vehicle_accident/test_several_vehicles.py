"""Two vehicles injure one pedestrian: each 交强险, then each 商业三者险 for its vehicle's share, drafted and reopened.

Articles: 道交解释（2020）第十八条第一款 (several vehicles: over the sum of the 交强险 limits each insurer pays
within its own limit; under it, in proportion of each limit to the sum), 民法典第一千二百一十三条 and
道路交通安全法第七十六条 (交强险 → 商业三者险 within its limit → tortfeasor, by each vehicle's share).
Limits: parameters/compulsory_insurance_limits.yaml, accident after 2020-09-19 (traffic_sales_labour.md §A1.2):
医疗费用 18,000 / 死亡伤残 180,000 / 财产损失 2,000 (无责 1,800 / 18,000 / 100).
残疾赔偿金: 上海 2024 use year (hearing ends 2024-06-28) 城镇居民人均可支配收入 89,477 (FACTS §6.2) × 20
(aged 40 at 定残) × 10% (十级) = 178,954 (人身损害赔偿解释第十二条).
"""

from __future__ import annotations

from typing import Any

from engine.drafting.build import build_judgment
from engine.drafting.render import render_docx
from tests.casetypes.motor_vehicle_accident.helpers import (
    SYSTEM,
    company,
    docx_sections,
    make_case,
    person,
    table_with_header,
)

A = "甲财产保险股份有限公司上海分公司"
B = "乙财产保险股份有限公司苏州分公司"


def _vehicle(plate: str, driver: str, insurer: str, limit: str, share: str | None) -> dict[str, Any]:
    return {"plate": plate, "driver": driver, "owner": driver, "compulsory_insurer": insurer,
            "commercial_insurer": insurer, "commercial_limit": limit, "liability_share": share}


def two_vehicles(share_a: str | None = "60", share_b: str | None = "40") -> dict[str, Any]:
    return make_case({
        "plaintiffs": [person("孙六", "1983-06-15")],
        "defendants": [person("周七"), person("吴八"), company(A), company(B)],
        "accident_date": "2023-05-01",
        "accident_course": "周七驾驶沪A11111号轿车、吴八驾驶苏E22222号货车先后与行人孙六相撞",
        "liability": [{"party": "周七", "share": "main"}, {"party": "吴八", "share": "secondary"}],
        "vehicles": [_vehicle("沪A11111", "周七", A, "1000000.00", share_a),
                     _vehicle("苏E22222", "吴八", B, "5000.00", share_b)],
        "appraisal_date": "2023-10-10",
        "disability_grade": 10,
        "medical_expenses": "50000.00",
        "lost_income": "30000.00",
        "nursing_fee": "10000.00",
        "disability_compensation": "178954.00",
        "mental_damages": "20000.00",
        "property_damage": "3000.00",
        "claim_total": "291954.00",
    })


def _orders(sections: dict[str, Any]) -> list[str]:
    return [p for p in sections["paragraphs"] if p[:2] in ("一、", "二、", "三、", "四、", "五、")]


# 医疗费用: 50,000 > 18,000 + 18,000 = 36,000 → each 交强险 pays its full 18,000; 14,000 is left.
# 死亡伤残: 30,000 + 10,000 + 178,954 + 20,000 = 238,954 < 360,000 → in proportion of the limits
#   (180,000 : 180,000): 119,477 each; nothing left.
# 财产损失: 3,000 < 4,000 → 2,000 : 2,000 → 1,500 each.
# Each 交强险: 18,000 + 119,477 + 1,500 = 138,977.
# Excess 14,000: 沪A11111 60% = 8,400 → 甲 商业三者险 (limit 1,000,000); 苏E22222 40% = 5,600 → 乙 商业三者险
#   limit 5,000, the other 600 on its driver 吴八. Total 138,977 × 2 + 8,400 + 5,000 + 600 = 291,954 = claim.
def test_two_vehicles_60_40_two_compulsory_and_two_commercial_insurers() -> None:
    sections = docx_sections(render_docx(SYSTEM, two_vehicles(), "qingpu"))
    orders = _orders(sections)
    assert orders == [
        f"一、被告{A}于本判决生效之日起十日内在机动车交通事故责任强制保险责任限额内赔偿原告孙六138,977元；"
        "在第三者责任商业保险限额内赔偿原告孙六8,400元；",
        f"二、被告{B}于本判决生效之日起十日内在机动车交通事故责任强制保险责任限额内赔偿原告孙六138,977元；"
        "在第三者责任商业保险限额内赔偿原告孙六5,000元；",
        "三、被告吴八于本判决生效之日起十日内赔偿原告孙六600元。",
    ]
    allocation = table_with_header(sections, "赔偿义务人")
    assert [A, "沪A11111 交强险医疗费用赔偿限额", "18,000元", "18,000元"] in allocation
    assert [B, "苏E22222 交强险死亡伤残赔偿限额", "180,000元", "119,477元"] in allocation
    assert [B, "苏E22222 商业三者险", "5,000元", "5,000元"] in allocation
    assert ["吴八", "苏E22222 侵权人", "", "600元"] in allocation
    text = "\n".join(sections["paragraphs"])
    assert "损失超出各机动车交强险责任限额之和，由各自在责任限额范围内赔偿" in text
    assert "损失未超出责任限额之和，按各自责任限额与限额之和的比例赔偿" in text
    assert "第十八条" in text
    assert "驳回" not in text  # the whole claim is granted


def test_a_missing_share_of_one_vehicle_leaves_the_excess_blank_and_the_compulsory_part_final() -> None:
    judgment = build_judgment(SYSTEM, two_vehicles(share_b=None), "qingpu")
    assert any("苏E22222" in w and "liability_share" in w for w in judgment.warnings)
    assert judgment.orders[0].startswith(
        f"一、被告{A}于本判决生效之日起十日内在机动车交通事故责任强制保险责任限额内赔偿原告孙六138,977元；"
        "在第三者责任商业保险限额内赔偿原告孙六____元")
    assert judgment.orders[2:] == ["三、被告周七于本判决生效之日起十日内赔偿原告孙六____元；",
                                  "四、被告吴八于本判决生效之日起十日内赔偿原告孙六____元。"]


# A vehicle found 无责 uses the 无责 limits (1,800 / 18,000 / 100):
#   医疗费用 50,000 > 18,000 + 1,800 → each pays its own limit, 30,200 left;
#   死亡伤残 238,954 > 180,000 + 18,000 → 180,000 and 18,000, 40,954 left;
#   财产损失 3,000 > 2,000 + 100 → 2,000 and 100, 900 left.
# Excess 30,200 + 40,954 + 900 = 72,054, all on 沪A11111 (100%) → 甲 商业三者险 (limit 1,000,000).
def test_a_no_fault_vehicle_pays_within_the_no_fault_limits() -> None:
    case = two_vehicles(share_a="100", share_b="0")
    case["elements"]["liability"]["complaint"] = [{"party": "周七", "share": "full"},
                                                  {"party": "吴八", "share": "none"}]
    judgment = build_judgment(SYSTEM, case, "qingpu")
    rows = {(r.payer, r.basis): r for r in judgment.allocation_rows}
    assert rows[(B, "苏E22222 交强险死亡伤残赔偿限额")].limit == "18,000元"
    assert rows[(B, "苏E22222 交强险医疗费用赔偿限额")].amount == "1,800元"
    assert rows[(B, "苏E22222 交强险财产损失赔偿限额")].amount == "100元"
    assert rows[(A, "沪A11111 商业三者险")].amount == "72,054元"
    assert not any(r.payer == "吴八" for r in judgment.allocation_rows)


COMPLAINT = """民事起诉状
原告：孙六，男，1983年6月15日出生，汉族，住上海市青浦区某路1号。
被告一：周七，男，1990年1月2日出生，汉族，住上海市青浦区某路2号。
被告二：吴八，男，1988年3月4日出生，汉族，住江苏省苏州市吴江区某路5号。
被告三：甲财产保险股份有限公司上海分公司，住所地上海市黄浦区某路3号，负责人：王某。
被告四：乙财产保险股份有限公司苏州分公司，住所地江苏省苏州市姑苏区某路6号，负责人：赵某。

诉讼请求：
一、判令被告赔偿原告医疗费50000元、误工费30000元，合计80000元；
二、判令被告三、被告四在各自承保的交强险责任限额内先行赔偿，超出部分由沪A11111号车一方承担60%、苏E22222号车一方承担40%，由两保险公司在商业三者险限额内赔偿。

事实与理由：
2023年5月1日8时许，被告一周七驾驶沪A11111号小型轿车、被告二吴八驾驶苏E22222号货车先后与步行的原告相撞，致原告受伤。经交警部门认定，周七负事故主要责任，吴八负事故次要责任，原告无责任。
沪A11111号车在被告三处投保交强险及商业三者险100万元；苏E22222号车在被告四处投保交强险及商业三者险50万元，事故均发生在保险期间内。

此致
上海市青浦区人民法院
"""


def test_each_vehicles_share_is_read_from_the_complaint() -> None:
    from engine.extraction.api import extract_text

    elements = extract_text(SYSTEM, COMPLAINT, "motor_vehicle_accident")["elements"]
    shares = {v["plate"]: v.get("liability_share") for v in elements["vehicles"]["value"]}
    assert shares == {"沪A11111": "60", "苏E22222": "40"}
    assert "liability_share" not in elements  # two vehicles' shares, not one side's


# The same complaint drafted: 医疗费用 50,000 > 18,000 + 18,000 → 18,000 each, 14,000 left; 死亡伤残 (误工费)
# 30,000 < 360,000 → 180,000 : 180,000 → 15,000 each. Excess 14,000: 沪A11111 60% = 8,400 (甲 商业三者险,
# limit 1,000,000), 苏E22222 40% = 5,600 (乙, limit 500,000). Each 交强险 18,000 + 15,000 = 33,000.
def test_the_complaint_with_two_vehicles_is_drafted_per_payer() -> None:
    from engine.case.new import new_case_from_texts

    case = new_case_from_texts(SYSTEM, "motor_vehicle_accident", COMPLAINT, court="qingpu")
    case["meta"]["hearing_end_date"] = "2024-06-28"
    sections = docx_sections(render_docx(SYSTEM, case, "qingpu"))
    assert _orders(sections) == [
        f"一、被告{A}于本判决生效之日起十日内在机动车交通事故责任强制保险责任限额内赔偿原告孙六33,000元；"
        "在第三者责任商业保险限额内赔偿原告孙六8,400元；",
        f"二、被告{B}于本判决生效之日起十日内在机动车交通事故责任强制保险责任限额内赔偿原告孙六33,000元；"
        "在第三者责任商业保险限额内赔偿原告孙六5,600元。",
    ]

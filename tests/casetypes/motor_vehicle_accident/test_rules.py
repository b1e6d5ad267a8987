"""机动车交通事故 judgments, worked by hand from the statute; each draft reopened with python-docx.

Articles: 法释〔2022〕14号 (人身损害赔偿解释) 第十二、十四、十五、十七、二十二条; 法释〔2003〕20号 第二十五条 for
torts before 2022-05-01 (城乡 standards); 道交解释 第十三条第二款 (精神损害 first inside 死亡伤残 when asked);
民法典第一千二百一十三条, 道路交通安全法第七十六条 (交强险 → 商业三者险 within its limit → tortfeasor).
Figures: parameters/injury_standards.csv (FACTS §6.2, §9.2) and compulsory_insurance_limits.yaml (§A1.2).
"""

from __future__ import annotations

from decimal import Decimal
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
    vehicle,
)

INSURER = "乙财产保险股份有限公司上海分公司"


def _orders(sections: dict[str, Any]) -> list[str]:
    return [p for p in sections["paragraphs"] if p[:2] in ("一、", "二、", "三、", "四、", "五、")]


def _items(sections: dict[str, Any]) -> dict[str, list[str]]:
    return {row[0]: row for row in table_with_header(sections, "项目")}


# --- a death, two dependants (Shanghai, use year 2024: hearing ends 2024-06-28) ---------------------
# Victim born 1970-03-01, died 2023-08-01 (aged 53): 死亡赔偿金 (第十五条) 89,477 × 20 = 1,789,540.
# 丧葬费 (第十四条) 12,183 (2022 monthly wage, the 2024 row) × 6 = 73,098.
# 被扶养人生活费 (第十七条), 城镇居民人均消费支出 54,919:
#   child born 2013-08-02, aged 9 on 2023-08-01 → 18 − 9 = 9 years, 2 supporters: 27,459.50 a year;
#   mother born 1953-01-01, aged 70 → 20 − (70 − 60) = 10 years, 3 supporters: 18,306.33… a year;
#   years 1–9: 45,765.83… (below the 54,919 yearly cap) × 9 = 411,892.50; year 10: 18,306.33;
#   total 430,198.83. The claim asks 400,000: below the computed amount, it caps the award (不告不理).
def death_case() -> dict[str, Any]:
    return make_case({
        "plaintiffs": [person("赵一"), person("赵二")],
        "defendants": [person("王五"), company(INSURER)],
        "accident_date": "2023-08-01",
        "accident_course": "王五驾驶沪B54321号货车与赵某相撞",
        "liability": [{"party": "王五", "share": "main"}, {"party": "赵某", "share": "secondary"}],
        "liability_share": "70",
        "vehicles": [vehicle("沪B54321", "王五", INSURER, "1000000.00")],
        "victim_birth_date": "1970-03-01",
        "death": True,
        "death_date": "2023-08-01",
        "dependents": [
            {"name": "赵小", "birth_date": "2013-08-02", "relation": "女儿", "supporters": 2},
            {"name": "钱氏", "birth_date": "1953-01-01", "relation": "母亲", "supporters": 3},
        ],
        "medical_expenses": "10000.00",
        "death_compensation": "1800000.00",
        "funeral_expenses": "80000.00",
        "dependents_living": "400000.00",
        "mental_damages": "50000.00",
    })


def test_death_case_with_two_dependants() -> None:
    case = death_case()
    sections = docx_sections(render_docx(SYSTEM, case, "qingpu"))
    items = _items(sections)
    assert items["死亡赔偿金"][3] == "按标准计算为1,789,540元"
    assert items["丧葬费"][3] == "按标准计算为73,098元"
    assert items["被扶养人生活费"][3] == "按标准计算为430,198.83元，原告主张400,000元，以主张为限"
    text = "\n".join(sections["paragraphs"])
    assert "第1至9年：45765.83 × 9年 = 411,892.50元" in text
    assert "原告主张400,000元，低于上述计算数额，本院在原告主张的范围内予以支持" in text
    # Allocation: 医疗费 10,000 within 18,000; 死亡伤残 1,789,540 + 73,098 + 400,000 + 50,000 = 2,312,638
    # → 180,000; excess 2,312,638 − 180,000 = 2,132,638 × 70% = 1,492,846.60 → 商业三者险 limit 1,000,000,
    # the rest 492,846.60 on 王五; 30% (639,791.40) is the victims' own.
    orders = _orders(sections)
    assert orders[0] == (
        f"一、被告{INSURER}于本判决生效之日起十日内在机动车交通事故责任强制保险责任限额内赔偿原告赵一、赵二190,000元；"
        "在第三者责任商业保险限额内赔偿原告赵一、赵二1,000,000元；"
    )
    assert orders[1] == "二、被告王五于本判决生效之日起十日内赔偿原告赵一、赵二492,846.60元；"
    assert orders[2] == "三、驳回原告赵一、赵二的其他诉讼请求。"
    allocation = table_with_header(sections, "赔偿义务人")
    assert ["赵一、赵二", "原告自负", "", "639,791.40元"] in allocation
    assert ["王五", "侵权人", "", "492,846.60元"] in allocation
    # The fee follows what was granted: 1,682,846.60 of 2,340,000 claimed.
    judgment = build_judgment(SYSTEM, case, "qingpu")
    assert judgment.late_notice.startswith("如果未按本判决指定的期间履行给付金钱义务")


# --- over the 交强险 limit, 精神损害 first, an advance (Shanghai 2024) -----------------------------------
# 残疾赔偿金 89,477 × 20 × 10% = 178,954 (claimed as such). 死亡伤残 group: 误工费 30,000 + 护理费 10,000 +
# 178,954 + 精神损害抚慰金 20,000 = 238,954 > 180,000. Asked first (道交解释第十三条第二款): the 20,000 is paid
# in full inside the 180,000. Excess 238,954 − 180,000 = 58,954 × 60% = 35,372.40 → 商业三者险 limit
# 30,000; 5,372.40 on the driver, who advanced 3,000: 2,372.40 still to pay. 医疗费 5,000 within 18,000.
def over_limit_case() -> dict[str, Any]:
    return make_case({
        "plaintiffs": [person("孙六", "1983-06-15")],
        "defendants": [person("周七"), company(INSURER)],
        "accident_date": "2023-05-01",
        "accident_course": "周七驾驶沪C11111号轿车与孙六相撞",
        "liability": [{"party": "周七", "share": "main"}, {"party": "孙六", "share": "secondary"}],
        "liability_share": "60",
        "vehicles": [vehicle("沪C11111", "周七", INSURER, "30000.00")],
        "appraisal_date": "2023-10-10",
        "disability_grade": 10,
        "mental_damages_first": True,
        "paid_in_advance": [{"payer": "周七", "amount": "3000.00"}],
        "medical_expenses": "5000.00",
        "lost_income": "30000.00",
        "nursing_fee": "10000.00",
        "disability_compensation": "178954.00",
        "mental_damages": "20000.00",
    })


def test_over_the_compulsory_limit_with_mental_damages_first_and_an_advance() -> None:
    sections = docx_sections(render_docx(SYSTEM, over_limit_case(), "qingpu"))
    text = "\n".join(sections["paragraphs"])
    assert "请求精神损害抚慰金在交强险死亡伤残赔偿限额内优先赔偿（道交解释第十三条第二款）：先赔精神损害抚慰金20,000.00元" in text
    orders = _orders(sections)
    assert orders[0] == (
        f"一、被告{INSURER}于本判决生效之日起十日内在机动车交通事故责任强制保险责任限额内赔偿原告孙六185,000元；"
        "在第三者责任商业保险限额内赔偿原告孙六30,000元；"
    )
    assert orders[1] == "二、被告周七于本判决生效之日起十日内赔偿原告孙六5,372.40元（已垫付3,000元，尚需支付2,372.40元）；"
    assert orders[2] == "三、驳回原告孙六的其他诉讼请求。"
    allocation = table_with_header(sections, "赔偿义务人")
    assert [INSURER, "商业三者险", "30,000元", "30,000元"] in allocation
    assert "《最高人民法院关于审理道路交通事故损害赔偿案件适用法律若干问题的解释》第十三条" in text


# --- a rural victim of a tort before 2022-05-01 -----------------------------------------------------
# Accident 2019-06-01, before Shanghai's 城乡统一 pilot (2020-01-01…2022-04-30): the 2003 interpretation
# distinguishes 城镇 / 农村, so a rural victim's 残疾赔偿金 = 农村居民人均可支配收入 (2023 use year: 2022
# figure 39,729) × 20 × 10% = 79,458 (法释〔2003〕20号 第二十五条). In Jiashan the Zhejiang 2021 notice
# (浙高法明传〔2021〕158号) applies the urban standard to everyone: 71,268 × 20 × 10% = 142,536.
# 交强险 limits before 2020-09-19 (2008 limits): 医疗费用 10,000 / 死亡伤残 110,000 / 财产损失 2,000.
def rural_case() -> dict[str, Any]:
    return make_case({
        "plaintiffs": [person("吴八", "1979-01-01")],
        "defendants": [person("郑九"), company(INSURER)],
        "accident_date": "2019-06-01",
        "accident_course": "郑九驾驶沪D22222号轿车撞倒吴八",
        "liability": [{"party": "郑九", "share": "full"}],
        "vehicles": [vehicle("沪D22222", "郑九", INSURER, "500000.00")],
        "victim_residence": "rural",
        "appraisal_date": "2019-12-01",
        "disability_grade": 10,
        "medical_expenses": "12000.00",
        "lost_income": "10000.00",
        "disability_compensation": "150000.00",
    }, hearing_end="2023-03-01")


def test_rural_victim_before_2022_05_01() -> None:
    sections = docx_sections(render_docx(SYSTEM, rural_case(), "qingpu"))
    items = _items(sections)
    assert items["残疾赔偿金"][3] == "按标准计算为79,458元"
    text = "\n".join(sections["paragraphs"])
    assert "农村居民人均可支配收入" in text
    assert "（法释〔2003〕20号）第二十五条" in text
    allocation = table_with_header(sections, "赔偿义务人")
    assert [r[2] for r in allocation if r[1].startswith("交强险")] == ["10,000元", "110,000元"]
    # 医疗费 12,000 → 10,000 交强险 + 2,000 excess; 死亡伤残 10,000 + 79,458 = 89,458 within 110,000.
    assert _orders(sections)[0] == (
        f"一、被告{INSURER}于本判决生效之日起十日内在机动车交通事故责任强制保险责任限额内赔偿原告吴八99,458元；"
        "在第三者责任商业保险限额内赔偿原告吴八2,000元；"
    )
    jiashan = build_judgment(SYSTEM, rural_case(), "jiashan")
    row = next(r for r in jiashan.item_rows if r.element_id == "disability_compensation")
    assert row.court == "按标准计算为142,536元"


# --- a figure NOT FOUND ----------------------------------------------------------------------------
def test_a_missing_figure_is_a_named_message_and_a_blank_never_another_figure() -> None:
    # Jiashan, hearing ends 2025-04-01 → use year 2025; Zhejiang's 2024 城镇居民人均可支配收入 is NOT FOUND.
    case = over_limit_case()
    case["meta"]["hearing_end_date"] = "2025-04-01"
    judgment = build_judgment(SYSTEM, case, "jiashan")
    message = next(w for w in judgment.warnings if w.startswith("残疾赔偿金无法计算"))
    assert "浙江省2025年度" in message and "城镇居民人均可支配收入" in message
    assert "province=zhejiang, use_year=2025, figure=urban_income" in message
    sections = docx_sections(render_docx(SYSTEM, case, "jiashan"))
    items = _items(sections)
    assert items["残疾赔偿金"][3] == "____元（标准数据缺失，见说明）"
    orders = _orders(sections)
    assert orders[0].endswith("赔偿原告孙六____元；")
    assert all("驳回" not in o for o in orders)
    # Neither an older Zhejiang figure nor another province's is used in its place (178,954 is only the claim).
    reasoning = "\n".join(judgment.reasoning)
    for other in ("74997", "74,997", "149,994", "89477", "63211", "178,954"):
        assert other not in reasoning and all(other not in o for o in orders)
    assert not table_with_header_exists(sections, "赔偿义务人")


def table_with_header_exists(sections: dict[str, Any], first: str) -> bool:
    return any(t[0][0] == first for t in sections["tables"])


def test_missing_hearing_end_date_names_the_field() -> None:
    case = over_limit_case()
    del case["meta"]["hearing_end_date"]
    judgment = build_judgment(SYSTEM, case, "qingpu")
    assert any("一审法庭辩论终结日（meta.hearing_end_date）" in w for w in judgment.warnings)
    assert judgment.standard_note == "上海市标准（一审法庭辩论终结日未填写，年度未定）"


def test_claimed_amount_is_the_fee_base() -> None:
    # 案件受理费 on the claimed items (no claim_total): 5,000 + 30,000 + 10,000 + 178,954 + 20,000 = 243,954.
    judgment = build_judgment(SYSTEM, over_limit_case(), "qingpu")
    total = Decimal("243954")
    # 诉讼费用交纳办法第十三条: 10,000–100,000 at 2.5%, 100,000–200,000 at 2%, 200,000–500,000 at 1.5%:
    # 50 + 2,250 + 2,000 + 43,954 × 1.5% = 659.31 → 4,959.31, halved (简易程序) 2,479.66 (rounded).
    assert total and "案件受理费4,959.31元，减半收取计2,479.66元" in judgment.fee_text


def test_the_printed_text_keeps_a_blank_and_the_drafter_gets_the_message() -> None:
    case = over_limit_case()
    case["meta"]["hearing_end_date"] = "2025-04-01"
    judgment = build_judgment(SYSTEM, case, "jiashan")
    paragraph = next(r for r in judgment.reasoning if r.startswith("关于残疾赔偿金"))
    assert paragraph == "关于残疾赔偿金，其计算标准尚待确定，数额暂以“____”表示。"
    assert "parameters/injury_standards.csv" in next(w for w in judgment.warnings if w.startswith("残疾赔偿金无法计算"))


def test_appraisal_fee_follows_the_courts_finding_on_who_bears_it() -> None:
    case = over_limit_case()
    case["elements"]["appraisal_fee"] = {"status": "complaint_only", "complaint": "2000.00", "answer": None,
                                         "answer_position": None}
    # No setting for 青浦 (traffic_court_settings.yaml: NOT FOUND): the fee stays open, the judge is told.
    judgment = build_judgment(SYSTEM, case, "qingpu")
    assert any("appraisal_fee_bearer" in w for w in judgment.warnings)
    assert "在第三者责任商业保险限额内赔偿原告孙六30,000元" in judgment.orders[0]
    # Found: the insurer bears it (保险法第六十四条), outside the commercial limit (still 30,000).
    case["findings"] = {"appraisal_fee_bearer": "insurer"}
    judgment = build_judgment(SYSTEM, case, "qingpu")
    assert judgment.orders[0].endswith(
        "在第三者责任商业保险限额内赔偿原告孙六30,000元；支付原告孙六鉴定费2,000元；")
    # Found: the tortfeasor bears it: 5,372.40 + 2,000 less the 3,000 advance.
    case["findings"] = {"appraisal_fee_bearer": "tortfeasor"}
    judgment = build_judgment(SYSTEM, case, "qingpu")
    assert judgment.orders[1] == (
        "二、被告周七于本判决生效之日起十日内赔偿原告孙六5,372.40元；支付原告孙六鉴定费2,000元"
        "（已垫付3,000元，尚需支付4,372.40元）；")
    case["findings"] = {"appraisal_fee_bearer": "insurer"}
    judgment = build_judgment(SYSTEM, case, "qingpu")
    assert "《中华人民共和国保险法》第六十四条" in judgment.basis


def test_an_unknown_share_leaves_the_excess_blank_and_the_compulsory_part_final() -> None:
    case = over_limit_case()
    del case["elements"]["liability_share"]  # 认定书 主要责任: the share is the court's to set
    judgment = build_judgment(SYSTEM, case, "qingpu")
    assert any("liability_share" in w for w in judgment.warnings)
    assert judgment.orders[0] == (
        f"一、被告{INSURER}于本判决生效之日起十日内在机动车交通事故责任强制保险责任限额内赔偿原告孙六185,000元；"
        "在第三者责任商业保险限额内赔偿原告孙六____元；")
    assert judgment.orders[1] == "二、被告周七于本判决生效之日起十日内赔偿原告孙六____元。"


def test_extra_grades_without_an_index_leave_the_item_to_the_judge() -> None:
    # GB 18667-2002 附录B: Ih + ∑Ia, ∑Ia ≤ 10%; the size of each Ia is published nowhere (§A5): no figure
    # is assumed and the highest grade alone is not used in its place.
    case = over_limit_case()
    case["elements"]["extra_disability_grades"] = {"status": "complaint_only", "complaint": [10], "answer": None,
                                                   "answer_position": None}
    judgment = build_judgment(SYSTEM, case, "qingpu")
    row = next(r for r in judgment.item_rows if r.element_id == "disability_compensation")
    assert row.court == "____元（标准数据缺失，见说明）"
    warning = next(w for w in judgment.warnings if w.startswith("残疾赔偿金无法计算"))
    assert "extra_disability_indices" in warning and "disability_index" in warning
    assert "应在10%至20%之间" in warning

"""多处伤残: 九级 + 十级, computed from the judge's 附加指数 or the index the complaint claims (text written here).

Rule (GB 18667-2002 附录B, traffic_sales_labour.md §A5): 伤残赔偿指数 = Ih (highest grade: 九级 20%) + ∑Ia
(each further disability's 附加指数, together at most 10%), total ≤ 100%. 残疾赔偿金 (人身损害赔偿解释第十二条) =
受诉法院所在地上一年度城镇居民人均可支配收入 × 20 years (under 60 at 定残) × the index. Figure: 上海 2024 use year
(hearing ends 2024-06-28, 第二十二条) 89,477 (FACTS §6.2).
Victim born 1983-06-15, 定残 2023-10-10: aged 40 → 20 years.
九级 + 十级 with Ia = 2%: 20% + 2% = 22% → 89,477 × 20 × 22% = 393,698.80.
"""

from __future__ import annotations

from engine.case.findings import set_findings
from engine.case.new import new_case_from_texts
from engine.drafting.build import build_judgment
from engine.drafting.render import render_docx
from tests.casetypes.motor_vehicle_accident.helpers import SYSTEM, docx_sections, table_with_header
from tests.casetypes.motor_vehicle_accident.test_rules import over_limit_case

COMPLAINT = """民事起诉状
原告：孙六，男，1983年6月15日出生，汉族，住上海市青浦区某路1号。
被告一：周七，男，1990年1月2日出生，汉族，住上海市青浦区某路2号。
被告二：乙财产保险股份有限公司上海分公司，住所地上海市黄浦区某路3号，负责人：王某。

诉讼请求：
一、判令被告赔偿原告医疗费5000元、残疾赔偿金400000元，合计405000元；
二、本案诉讼费由被告负担。

事实与理由：
2023年5月1日8时许，被告一周七驾驶沪C11111号小型轿车沿某路行驶时，与原告驾驶的电动自行车发生碰撞，致原告受伤。经交警部门认定，周七负事故全部责任，原告无责任。
沪C11111号车登记所有人为被告一，该车在被告二处投保交强险及商业三者险100万元，事故发生在保险期间内。
2023年10月10日经司法鉴定，原告构成九级伤残一处、十级伤残一处，赔偿指数22%。

此致
上海市青浦区人民法院
"""


def test_nine_and_ten_with_the_judges_extra_index() -> None:
    case = over_limit_case()
    case["elements"]["disability_grade"]["complaint"] = 9
    case["elements"]["extra_disability_grades"] = {"status": "complaint_only", "complaint": [10], "answer": None,
                                                   "answer_position": None}
    case["elements"]["disability_compensation"]["complaint"] = "400000.00"
    case = set_findings(SYSTEM, case, {"extra_disability_indices": [2]})
    judgment = build_judgment(SYSTEM, case, "qingpu")
    row = next(r for r in judgment.item_rows if r.element_id == "disability_compensation")
    assert row.court == "按标准计算为393,698.80元"
    text = "".join(judgment.reasoning)
    assert "多处伤残：最高伤残等级9级，其他伤残等级10级，附加指数由本院认定" in text
    assert "最高伤残等级9级，指数20%；其他伤残附加指数 2 = 2%；伤残赔偿指数 = 20% + 2% = 22%" in text
    assert "残疾赔偿金 = 89477 × 20 × 22% = 393,698.80元" in text
    assert "《道路交通事故受伤人员伤残评定》（GB 18667-2002）附录B" in text


def test_nine_and_ten_from_the_complaint_drafted_and_reopened() -> None:
    case = new_case_from_texts(SYSTEM, "motor_vehicle_accident", COMPLAINT, court="qingpu")
    elements = case["elements"]
    assert (elements["disability_grade"]["complaint"], elements["extra_disability_grades"]["complaint"],
            elements["disability_index"]["complaint"]) == (9, [10], "22")
    case["meta"]["hearing_end_date"] = "2024-06-28"
    sections = docx_sections(render_docx(SYSTEM, case, "qingpu"))
    items = {row[0]: row for row in table_with_header(sections, "项目")}
    assert items["残疾赔偿金"][3] == "按标准计算为393,698.80元"
    text = "\n".join(sections["paragraphs"])
    assert "伤残赔偿指数22%（附加指数合计2%，不超过10%）" in text
    # 医疗费 5,000 ≤ 18,000; 死亡伤残 393,698.80 → 180,000; excess 213,698.80 × 100% (全部责任) → 商业三者险.
    orders = [p for p in sections["paragraphs"] if p[:2] in ("一、", "二、")]
    assert orders[0] == (
        "一、被告乙财产保险股份有限公司上海分公司于本判决生效之日起十日内在机动车交通事故责任强制保险责任限额内"
        "赔偿原告孙六185,000元；在第三者责任商业保险限额内赔偿原告孙六213,698.80元；")


def test_a_claimed_index_outside_the_rule_is_a_named_message() -> None:
    # 九级 + 十级: the index must lie between 20% and 30% (附加指数 ≤ 10% in total); 35% cannot be used.
    case = new_case_from_texts(SYSTEM, "motor_vehicle_accident", COMPLAINT.replace("赔偿指数22%", "赔偿指数35%"),
                               court="qingpu")
    case["meta"]["hearing_end_date"] = "2024-06-28"
    judgment = build_judgment(SYSTEM, case, "qingpu")
    warning = next(w for w in judgment.warnings if w.startswith("残疾赔偿金无法计算"))
    assert "伤残赔偿指数（disability_index）35%不在多处伤残的范围内" in warning
    assert "应在20%至30%之间" in warning

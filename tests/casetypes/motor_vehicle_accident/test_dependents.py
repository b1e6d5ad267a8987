"""A death case whose two dependants are read from the complaint (text written here), then drafted and reopened.

被扶养人生活费 (人身损害赔偿解释第十七条, 法释〔2022〕14号): 受诉法院所在地上一年度城镇居民人均消费支出; a minor until
18; an adult without working capacity or income 20 years, from 60 one year less per year of age; only the
victim's share where others also owe support (÷ supporters); with several dependants the yearly total may not
exceed one year's 消费支出. Figure: 上海 2024 use year (hearing ends 2024-06-28, 第二十二条) 城镇居民人均消费支出
54,919 (FACTS §6.2, choulvs.cn [V secondary]).
"""

from __future__ import annotations

from engine.case.findings import set_findings
from engine.case.new import new_case_from_texts
from engine.drafting.render import render_docx
from tests.casetypes.motor_vehicle_accident.helpers import SYSTEM, docx_sections, table_with_header

COMPLAINT = """民事起诉状
原告一：钱秀兰，女，1972年5月3日出生，汉族，住上海市青浦区某路8号。
原告二：赵小，女，2013年8月2日出生，汉族，住上海市青浦区某路8号。
被告一：王五，男，1985年2月3日出生，汉族，住上海市青浦区某路9号。
被告二：乙财产保险股份有限公司上海分公司，住所地上海市黄浦区某路3号，负责人：李某。

诉讼请求：
一、判令被告赔偿原告医疗费10000元、死亡赔偿金1789540元、丧葬费73098元、被扶养人生活费600000元、精神损害抚慰金50000元，合计2522638元；
二、本案诉讼费由被告负担。

事实与理由：
2023年8月1日9时许，被告一王五驾驶沪B54321号重型货车沿某路行驶时，与赵某驾驶的电动自行车发生碰撞，致赵某当场死亡。经交警部门认定，王五负事故全部责任，赵某无责任。
沪B54321号车登记所有人为被告一，该车在被告二处投保交强险及商业三者险200万元，事故发生在保险期间内。
赵某，男，1970年3月1日出生，城镇居民。原告一系其妻，原告二系其女。被扶养人赵小系赵某之女，由赵某与原告一共同抚养；被扶养人孙梅系赵某之母，1953年1月1日出生，无劳动能力和生活来源，由赵某一人赡养。

此致
上海市青浦区人民法院
"""


def test_two_dependants_are_read_from_the_complaint() -> None:
    case = new_case_from_texts(SYSTEM, "motor_vehicle_accident", COMPLAINT, court="qingpu")
    assert case["elements"]["dependents"]["complaint"] == [
        {"name": "赵小", "birth_date": "2013-08-02", "relation": "女儿", "supporters": 2},  # birth from the header
        {"name": "孙梅", "birth_date": "1953-01-01", "relation": "母亲", "supporters": 1},
    ]


# Death on 2023-08-01 (the accident day). 赵小 born 2013-08-02 is 9 → 18 − 9 = 9 years, 2 supporters:
#   54,919 ÷ 2 = 27,459.50 a year. 孙梅 born 1953-01-01 is 70 → 20 − (70 − 60) = 10 years, 1 supporter: 54,919.
# Years 1–9: 27,459.50 + 54,919 = 82,378.50 > the 54,919 yearly cap → 54,919 × 9 = 494,271.
# Year 10: 孙梅 alone, 54,919 × 1 = 54,919. Total 549,190 (below the 600,000 claimed).
# 死亡赔偿金 89,477 × 20 = 1,789,540 (第十五条; aged 53); 丧葬费 12,183 × 6 = 73,098 (第十四条).
def test_the_draft_shows_each_dependants_years_and_the_yearly_cap() -> None:
    case = new_case_from_texts(SYSTEM, "motor_vehicle_accident", COMPLAINT, court="qingpu")
    case["meta"]["hearing_end_date"] = "2024-06-28"
    case = set_findings(SYSTEM, case, {"death_date": "2023-08-01", "liability_share": "100"})
    sections = docx_sections(render_docx(SYSTEM, case, "qingpu"))
    items = {row[0]: row for row in table_with_header(sections, "项目")}
    assert items["被扶养人生活费"][1] == "600,000元"
    assert items["被扶养人生活费"][3] == "按标准计算为549,190元"
    assert items["死亡赔偿金"][3] == "按标准计算为1,789,540元"
    assert items["丧葬费"][3] == "按标准计算为73,098元"
    text = "\n".join(sections["paragraphs"])
    assert "赵小未成年，计算至十八周岁：18 − 9 = 9年；每年 54919 × 100% ÷ 2人 = 27459.5元" in text
    assert "孙梅无劳动能力又无其他生活来源：70周岁" in text
    assert "第1至9年：54919 × 9年 = 494,271.00元（各被扶养人合计82378.5元超过年度上限，按54919元）" in text
    assert "第10至10年：54919 × 1年 = 54,919.00元" in text
    assert "被扶养人生活费合计549,190.00元" in text
    assert "第十七条" in text
    # Allocation: 医疗费 10,000 ≤ 18,000; 死亡伤残 549,190 + 1,789,540 + 73,098 + 50,000 = 2,461,828 → 180,000;
    # excess 2,281,828 × 100% → 商业三者险 limit 2,000,000, the other 281,828 on 王五.
    orders = [p for p in sections["paragraphs"] if p[:2] in ("一、", "二、", "三、")]
    assert orders == [
        "一、被告乙财产保险股份有限公司上海分公司于本判决生效之日起十日内在机动车交通事故责任强制保险责任限额内"
        "赔偿原告钱秀兰、赵小190,000元；在第三者责任商业保险限额内赔偿原告钱秀兰、赵小2,000,000元；",
        "二、被告王五于本判决生效之日起十日内赔偿原告钱秀兰、赵小281,828元；",
        "三、驳回原告钱秀兰、赵小的其他诉讼请求。",
    ]

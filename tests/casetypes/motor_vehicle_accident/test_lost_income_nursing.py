"""误工费 and 护理费 computed (人身损害赔偿解释第七、八条, 法释〔2022〕14号), drafted and reopened.

第七条: 误工费 by 误工时间 and income — fixed income: the actual loss; no fixed income: the last three years'
average; income not proved: 受诉法院所在地相同或者相近行业上一年度职工的平均工资. A disabled victim's 误工时间
runs to the day before 定残. 第八条: a carer with income as 误工费; no income or a hired carer: the 护工 rate;
护理人员原则上为一人. Conversion to a day: monthly × 12 ÷ 365, annual ÷ 365 (traffic_sales_labour.md §A4 [S]).
Trade averages: parameters/injury_trade_wages.yaml — NOT FOUND for all three provinces (§A4), so the judge's
figure (要素 trade_average_wage) or a named error.
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
    vehicle,
)

INSURER = "丙财产保险股份有限公司上海分公司"


def injury_case(**extra: Any) -> dict[str, Any]:
    return make_case({
        "plaintiffs": [person("孙六", "1983-06-15")],
        "defendants": [person("周七"), company(INSURER)],
        "accident_date": "2023-05-01",
        "accident_course": "周七驾驶沪C11111号轿车与孙六相撞",
        "liability": [{"party": "周七", "share": "full"}],
        "vehicles": [vehicle("沪C11111", "周七", INSURER, "1000000.00")],
        "medical_expenses": "5000.00",
        "lost_income": "20000.00",
        "nursing_fee": "10000.00",
        "claim_total": "35000.00",
        **extra,
    })


def _items(sections: dict[str, Any]) -> dict[str, list[str]]:
    return {row[0]: row for row in table_with_header(sections, "项目")}


# 误工费, fixed income 6,000 元/月 (第七条第二款 "有固定收入的，误工费按照实际减少的收入计算"), 误工期 90 天:
#   6,000 × 12 ÷ 365 × 90 = 6,480,000 ÷ 365 = 17,753.42 (below the 20,000 claimed).
# 护理费, two carers at the 护工 rate of 150 元/天 (proved), 护理期 30 天 (第八条): 150 × 30 × 2 = 9,000.
# Allocation: 医疗费用 5,000 ≤ 18,000; 死亡伤残 17,753.42 + 9,000 = 26,753.42 ≤ 180,000 → all within 交强险:
#   31,753.42 of 35,000 claimed; the rest is dismissed.
def test_lost_income_from_a_fixed_income_and_nursing_with_two_carers() -> None:
    case = injury_case(victim_income_basis="fixed", victim_income="6000.00", victim_income_period="month",
                       lost_work_days=90, nursing_basis="hired", nursing_rate="150.00", nursing_carers=2,
                       nursing_days=30)
    sections = docx_sections(render_docx(SYSTEM, case, "qingpu"))
    items = _items(sections)
    assert items["误工费"][3] == "按标准计算为17,753.42元"
    assert items["护理费"][3] == "按标准计算为9,000元"
    text = "\n".join(sections["paragraphs"])
    assert "受害人有固定收入，按实际减少的收入计算" in text
    assert "6000元/月 × 12 ÷ 365 × 90天 = 17,753.42元" in text
    assert "护理期30天，护理人员2人" in text
    assert "（150元/天 × 30天 = 4,500.00元）× 2人 = 9,000.00元" in text
    assert "护理人员原则上为一人" in text
    assert "《最高人民法院关于审理人身损害赔偿案件适用法律若干问题的解释》第七条" in text
    assert "《最高人民法院关于审理人身损害赔偿案件适用法律若干问题的解释》第八条" in text
    orders = [p for p in sections["paragraphs"] if p[:2] in ("一、", "二、")]
    assert orders == [
        f"一、被告{INSURER}于本判决生效之日起十日内在机动车交通事故责任强制保险责任限额内赔偿原告孙六31,753.42元；",
        "二、驳回原告孙六的其他诉讼请求。",
    ]


# 误工费 by the trade average (第七条第三款), the judge's figure 120,000 元/年 for 建筑业 (parameters/ has none),
# 误工期 73 天: 120,000 ÷ 365 × 73 = 24,000 — above the 20,000 claimed, so the claim caps it (不告不理).
def test_lost_income_from_the_trade_average_the_judge_gives() -> None:
    case = injury_case(victim_income_basis="trade_average", victim_trade="建筑业", trade_average_wage="120000.00",
                       lost_work_days=73)
    judgment = build_judgment(SYSTEM, case, "qingpu")
    row = next(r for r in judgment.item_rows if r.element_id == "lost_income")
    assert row.court == "按标准计算为24,000元，原告主张20,000元，以主张为限"
    text = "".join(judgment.reasoning)
    assert "一审法庭辩论终结于2024-06-28，适用2023年度统计数据（2024年度标准）" in text
    assert "“建筑业”行业上一年度（2023年）职工平均工资为120000元/年（来源：法官认定；由法官认定）" in text
    assert "120000元/年 ÷ 365 × 73天 = 24,000.00元" in text


def test_a_trade_average_not_found_is_a_named_error_and_a_blank_never_another_figure() -> None:
    case = injury_case(victim_income_basis="trade_average", victim_trade="建筑业", lost_work_days=73)
    judgment = build_judgment(SYSTEM, case, "jiashan")
    row = next(r for r in judgment.item_rows if r.element_id == "lost_income")
    assert row.court == "____元（标准数据缺失，见说明）"
    warning = next(w for w in judgment.warnings if w.startswith("误工费无法计算"))
    assert "浙江省2024年度适用的“建筑业”行业上一年度（2023年）职工平均工资未找到" in warning
    assert "parameters/injury_trade_wages.yaml 的 provinces.zhejiang.trades.建筑业.2024" in warning
    assert "trade_average_wage" in warning
    # Nothing else stands in: no allocation is computed while an item is open.
    assert judgment.allocation_rows == []


# A disabled victim without a 误工期: 误工时间 to the day before 定残 (第七条第一款), 2023-05-01 → 2023-10-09:
#   May 31 + Jun 30 + Jul 31 + Aug 31 + Sep 30 = 153 days to 2023-10-01, + 9 = 162 days;
#   6,000 × 12 ÷ 365 × 162 = 11,664,000 ÷ 365 = 31,956.16 → capped by the 20,000 claimed.
def test_a_disabled_victims_lost_time_runs_to_the_day_before_the_appraisal() -> None:
    case = injury_case(victim_income_basis="fixed", victim_income="6000.00", victim_income_period="month",
                       disability_grade=10, appraisal_date="2023-10-10")
    judgment = build_judgment(SYSTEM, case, "qingpu")
    text = "".join(judgment.reasoning)
    assert "误工时间计算至定残日前一天：自2023-05-01至2023-10-10前一天，共162天" in text
    row = next(r for r in judgment.item_rows if r.element_id == "lost_income")
    assert row.court == "按标准计算为31,956.16元，原告主张20,000元，以主张为限"

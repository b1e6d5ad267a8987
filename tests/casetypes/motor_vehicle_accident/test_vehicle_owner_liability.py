"""Who answers for a vehicle its owner did not drive (民法典第一千二百零九至一千二百一十五条, quoted in
traffic_sales_labour.md A2.2), drafted and reopened.

One vehicle, accident 2023-05-01, full liability (100%). Limits for an accident after 2020-09-19
(parameters/compulsory_insurance_limits.yaml, traffic_sales_labour.md §A1.2): 医疗费用 18,000, 死亡伤残 180,000.
Losses: 医疗费 50,000 and 误工费 30,000 (= the claim, 80,000).
  交强险: 医疗费用 min(50,000, 18,000) = 18,000; 死亡伤残 min(30,000, 180,000) = 30,000 → 48,000.
  Excess 50,000 − 18,000 = 32,000 × 100% → 商业三者险 within its 5,000 limit → 5,000; the rest 27,000 on
  the vehicle side (民法典第一千二百一十三条).
"""

from __future__ import annotations

from typing import Any

from engine.drafting.build import build_judgment
from engine.drafting.render import render_docx
from tests.casetypes.motor_vehicle_accident.helpers import SYSTEM, company, docx_sections, make_case, person

INSURER = "甲财产保险股份有限公司上海分公司"
OWNER = "上海丙物流有限公司"


def _case(relation: str, accident: str = "2023-05-01", **vehicle: Any) -> dict[str, Any]:
    car = {"plate": "沪A33333", "driver": "钱九", "owner": OWNER, "compulsory_insurer": INSURER,
           "commercial_insurer": INSURER, "commercial_limit": "5000.00", "use_relation": relation, **vehicle}
    defendants = [person("钱九"), company(OWNER), company(INSURER)]
    if vehicle.get("actual_user"):
        defendants.insert(1, person(vehicle["actual_user"]))
    return make_case({
        "plaintiffs": [person("孙六", "1983-06-15")],
        "defendants": defendants,
        "accident_date": accident,
        "liability": [{"party": "钱九", "share": "full"}],
        "liability_share": "100",
        "vehicles": [car],
        "medical_expenses": "50000.00",
        "lost_income": "30000.00",
        "claim_total": "80000.00",
    })


def _orders(case: dict[str, Any]) -> list[str]:
    paragraphs = docx_sections(render_docx(SYSTEM, case, "qingpu"))["paragraphs"]
    return [p for p in paragraphs if p[:2] in ("一、", "二、", "三、")]


def test_affiliated_vehicle_the_operator_and_the_company_pay_jointly() -> None:
    # 第一千二百一十一条: 挂靠 → 挂靠人 and 被挂靠人 承担连带责任 for the vehicle side's 27,000.
    case = _case("affiliated")
    assert _orders(case) == [
        f"一、被告{INSURER}于本判决生效之日起十日内在机动车交通事故责任强制保险责任限额内赔偿原告孙六48,000元；"
        "在第三者责任商业保险限额内赔偿原告孙六5,000元；",
        f"二、被告钱九、{OWNER}于本判决生效之日起十日内连带赔偿原告孙六27,000元。",
    ]
    judgment = build_judgment(SYSTEM, case, "qingpu")
    assert "第一千二百一十一条" in judgment.basis
    assert f"由挂靠人钱九与被挂靠人{OWNER}承担连带责任" in "".join(judgment.reasoning)


def test_borrowed_vehicle_the_borrower_pays_and_an_owner_without_fault_does_not() -> None:
    # 第一千二百零九条: 借用 → the user (钱九) answers; the owner only for its own fault, here none.
    judgment = build_judgment(SYSTEM, _case("lease_loan", owner_at_fault=False), "qingpu")
    assert judgment.orders[1] == "二、被告钱九于本判决生效之日起十日内赔偿原告孙六27,000元。"
    assert "第一千二百零九条" in judgment.basis
    assert f"所有人、管理人{OWNER}对损害的发生没有过错，不承担赔偿责任" in "".join(judgment.reasoning)


def test_an_owner_at_fault_is_left_to_the_judge_with_a_warning() -> None:
    judgment = build_judgment(SYSTEM, _case("lease_loan", owner_at_fault=True), "qingpu")
    assert "应当承担相应的赔偿责任" in "".join(judgment.reasoning)
    assert any("相应的赔偿责任" in w and OWNER in w for w in judgment.warnings)


def test_sold_but_not_registered_the_buyer_pays_not_the_registered_owner() -> None:
    # 第一千二百一十条: transferred and delivered, not registered → the transferee (郑十) answers.
    judgment = build_judgment(SYSTEM, _case("transfer_unregistered", actual_user="郑十"), "qingpu")
    assert judgment.orders[1] == "二、被告郑十于本判决生效之日起十日内赔偿原告孙六27,000元。"
    assert f"登记所有人{OWNER}不承担赔偿责任" in "".join(judgment.reasoning)
    assert "第一千二百一十条" in judgment.basis


def test_an_accident_before_2021_does_not_get_the_civil_code_article() -> None:
    # 法释〔2020〕15号第一条: a 2020 accident follows the law of the time (侵权责任法), which the catalogue
    # does not hold: the article is blank and the warning names the catalogue row, never 第一千二百一十一条.
    judgment = build_judgment(SYSTEM, _case("affiliated", accident="2020-06-01"), "qingpu")
    assert "第一千二百一十一条" not in judgment.basis
    assert any("motor_affiliated" in w or "挂靠" in w for w in judgment.warnings), judgment.warnings


HEAD = """民事起诉状
原告：孙六，男，1983年6月15日出生，汉族，住上海市青浦区某路1号。
被告一：钱九，男，1990年1月2日出生，汉族，住上海市青浦区某路2号。
被告二：上海丙汽车租赁有限公司，住所地上海市青浦区某路3号，法定代表人：王某。
被告三：甲财产保险股份有限公司上海分公司，住所地上海市黄浦区某路3号，负责人：王某。
事实与理由：
2023年5月1日，被告钱九驾驶沪A33333号重型货车与原告相撞，致原告受伤，钱九负事故全部责任。该车在被告三处投保交强险。
"""


def _relation(text: str) -> tuple[Any, Any]:
    from engine.extraction.api import extract_text

    vehicle = extract_text(SYSTEM, text, "motor_vehicle_accident")["elements"]["vehicles"]["value"][0]
    return vehicle.get("use_relation"), vehicle.get("owner_at_fault")


def test_how_the_driver_came_to_use_the_vehicle_is_read_from_the_complaint() -> None:
    assert _relation(HEAD + "沪A33333号车登记在被告二名下，实际由被告钱九所有并挂靠被告二从事货物运输经营。") == (
        "affiliated", None)
    assert _relation(HEAD + "事发时沪A33333号车由钱九向被告二租赁使用，被告二明知其无证仍将车辆租给其使用，对损害的发生有过错。") == (
        "lease_loan", True)
    # a company whose name says 租赁, and the victim renting a replacement car, are no lease of this vehicle
    assert _relation(HEAD + "原告为正常经营租用替代车辆，支付租车费3,000元。") == (None, None)

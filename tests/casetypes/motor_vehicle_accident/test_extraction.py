"""机动车交通事故 extraction: damage items, vehicles, shares and the insurer's answer (texts written here)."""

from __future__ import annotations

import json
from pathlib import Path

from engine.extraction.api import extract_text
from engine.extraction.evaluate import evaluate_directory
from engine.extraction.realdata import evaluate_real
from engine.paths import CORPUS_DIR
from tests.casetypes.motor_vehicle_accident.helpers import SYSTEM

COMPLAINT = """民事起诉状
原告：陈某某，女，1980年5月6日出生，汉族，住上海市青浦区某路1号。
被告一：刘某，男，1990年1月2日出生，汉族，住上海市青浦区某路2号。
被告二：丙财产保险股份有限公司上海分公司，住所地上海市黄浦区某路3号，负责人：王某。

诉讼请求：
一、判令被告赔偿原告医疗费人民币壹万贰仟叁佰元、误工费1.5万元、护理费3,000元、残疾赔偿金178954元、精神损害抚慰金10000元、电动自行车损失600元，合计219854元，扣除被告一已支付的5000元，尚需赔偿214854元；
二、本案诉讼费由被告负担。

事实与理由：
2023年7月1日8时许，被告一刘某驾驶沪A7K321号小型轿车沿某路行驶时，与原告驾驶的电动自行车发生碰撞，致原告受伤。经交警部门认定，刘某负事故主要责任，原告负事故次要责任，原告主张超出交强险部分由机动车一方按70%的比例承担。
沪A7K321号车登记所有人为被告一，该车在被告二处投保交强险及商业三者险100万元，事故发生在保险期间内。事故发生后，被告一垫付了5000元。
原告住院治疗12天，2023年11月1日经鉴定构成十级伤残，误工期90日，护理期30日，营养期30日。

此致
上海市青浦区人民法院
"""

ANSWER = """民事答辩状
答辩人：丙财产保险股份有限公司上海分公司，住所地上海市黄浦区某路3号，负责人：王某。
被答辩人：陈某某，女，1980年5月6日出生，汉族，住上海市青浦区某路1号。

一、对事故发生经过及责任认定无异议，超出交强险部分由机动车一方承担70%无异议。
二、医疗费应扣除非医保用药，答辩人认可11000元；误工费过高，应按每月4000元计算三个月，为12000元；护理费、营养费无异议；精神损害抚慰金10000元过高，以5000元为宜。
三、鉴定费、诉讼费不属于保险赔偿范围，答辩人不承担。

此致
上海市青浦区人民法院
"""


def test_complaint_items_vehicle_shares_and_advance() -> None:
    elements = {k: v["value"] for k, v in extract_text(SYSTEM, COMPLAINT, "motor_vehicle_accident")["elements"].items()}
    assert elements["medical_expenses"] == "12300.00"  # 壹万贰仟叁佰元
    assert elements["lost_income"] == "15000.00"  # 1.5万元
    assert elements["property_damage"] == "600.00"  # 电动自行车损失
    assert elements["claim_total"] == "214854.00"  # what is still asked after the advance
    assert elements["defendants"][0]["name"] == "刘某"  # 被告一：刘某
    assert elements["vehicles"] == [{
        "plate": "沪A7K321", "driver": "刘某", "owner": "刘某",
        "compulsory_insurer": "丙财产保险股份有限公司上海分公司",
        "commercial_insurer": "丙财产保险股份有限公司上海分公司", "commercial_limit": "1000000.00",
    }]
    assert elements["liability"] == [{"party": "刘某", "share": "main"}, {"party": "陈某某", "share": "secondary"}]
    assert elements["liability_share"] == "70"
    assert elements["paid_in_advance"] == [{"payer": "刘某", "amount": "5000.00"}]
    assert elements["accident_date"] == "2023-07-01"
    assert (elements["disability_grade"], elements["lost_work_days"], elements["nursing_days"]) == (10, 90, 30)
    assert elements["death"] is False
    assert elements["victim_birth_date"] == "1980-05-06"


def test_insurer_answer_stance_and_counter_figures() -> None:
    elements = extract_text(SYSTEM, ANSWER, "motor_vehicle_accident", "answer")["elements"]
    got = {k: (v.get("position"), v["value"]) for k, v in elements.items() if k not in ("plaintiffs", "defendants")}
    assert got["medical_expenses"] == ("contest", "11000.00")
    assert got["lost_income"] == ("contest", "12000.00")  # not the 4000 a month it is computed from
    assert got["nursing_fee"] == ("admit", None)
    assert got["nutrition_fee"] == ("admit", None)
    assert got["mental_damages"] == ("contest", "5000.00")  # not the 10000 it calls 过高
    assert got["appraisal_fee"] == ("contest", None)
    assert got["liability"] == ("admit", None)
    assert got["liability_share"] == ("admit", None)
    assert got["accident_date"] == ("admit", None)


def test_team_corpus_scores() -> None:
    # Regression guard on the team corpus (20 complaints, 10 answers); figures in the README.
    report = evaluate_directory(SYSTEM, CORPUS_DIR / "motor_vehicle_accident")
    assert report["files"] == 30
    assert report["complaints"]["micro"]["f1"] >= 0.80
    assert report["answers"]["micro"]["f1"] >= 0.80
    per = report["complaints"]["per_element"]
    assert per["medical_expenses"]["f1"] >= 0.9 and per["claim_total"]["f1"] >= 0.9


def test_eval_real_reads_benchmark_passages(tmp_path: Path) -> None:
    # A passage written here in the benchmark's shape (masked names): one complaint and one answer part.
    passage = ("句子:原告诉称：TIME被告PER驾驶车辆与原告相撞，被告PER负事故全部责任，原告无责任。"
               "请求判令被告赔偿医疗费5000元、误工费3000元，合计8000元。"
               "被告ORG辩称：对事故经过无异议；误工费过高，以2000元为宜。经审理查明，…")
    (tmp_path / "bench").mkdir()
    (tmp_path / "bench" / "items.json").write_text(json.dumps([{"question": passage}], ensure_ascii=False),
                                                   encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    lines = [
        {"source": "bench/items.json", "index": 0, "part": "complaint", "elements": {
            "liability": [{"party": "被告", "share": "full"}, {"party": "原告", "share": "none"}],
            "medical_expenses": "5000.00", "lost_income": "3000.00", "claim_total": "8000.00", "death": False}},
        {"source": "bench/items.json", "index": 0, "part": "answer", "elements": {
            "accident_date": {"position": "admit", "value": None},
            "lost_income": {"position": "contest", "value": "2000.00"}}},
    ]
    gold.write_text("\n".join(json.dumps(line, ensure_ascii=False) for line in lines), encoding="utf-8")
    report = evaluate_real(SYSTEM, "motor_vehicle_accident", tmp_path, gold)
    assert report["files"] == 2
    complaint = report["complaints"]["per_element"]
    for element in ("liability", "medical_expenses", "lost_income", "claim_total"):
        assert complaint[element]["tp"] == 1, (element, report["errors"])
    answer = report["answers"]["per_element"]
    assert answer["lost_income"]["tp"] == 1 and answer["accident_date"]["tp"] == 1, report["errors"]

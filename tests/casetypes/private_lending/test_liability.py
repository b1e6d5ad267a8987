"""Liability (issue 9, items 3–4): the guarantee period, a company guarantor's resolution, 夫妻共同债务.

The shared case (tests/drafting/data): loan of 2021-06-01 due 2022-05-31, guarantor 苏州A&B贸易有限公司
(a company), filed 2025-03-03, judgment 2025-04-15. The drafts are rendered to docx and read back.
"""

from __future__ import annotations

import copy
from typing import Any

from tests.casetypes.drafts import lines_of, reasoning_text
from tests.casetypes.private_lending._cases import draft, put

COMPANY = "苏州A&B贸易有限公司"
WANG = {"name": "王二", "kind": "natural", "gender": "女", "birth_date": None, "ethnicity": "汉族", "id_number": None,
        "address": "江苏省苏州市吴江区某路2号", "legal_representative": None, "agents": []}


def orders_of(lines: list[str]) -> list[str]:
    return [line for line in lines if line[:2] in ("一、", "二、", "三、", "四、", "五、", "六、", "七、")]


# --- guarantee period: 民法典第六百九十二、六百九十三条 --------------------------------------------------

def test_six_month_default_period_claimed_too_late_releases_the_guarantor(decided_case: dict[str, Any]) -> None:
    """民法典第六百九十二条: no period agreed → six months from the day the main debt fell due. Due
    2022-05-31; six months later is the corresponding day 2022-11-31, which November lacks, so the period
    ends on the month's last day, 2022-11-30. 一般保证 (found): the creditor sued the debtor on 2022-12-01,
    one day late → 第六百九十三条第一款: the guarantor no longer answers; the claim against it is dismissed."""
    decided_case["findings"].update(guarantee_claim_date="2022-12-01", company_guarantee_resolution="resolved")
    lines = lines_of(decided_case, "qingpu")
    orders = orders_of(lines)
    assert "四、驳回原告张三对被告苏州A&B贸易有限公司的诉讼请求；" in orders
    assert not any("承担保证责任" in o or "追偿" in o for o in orders)
    reasons = reasoning_text(lines)
    assert "保证期间为主债务履行期限届满之日起六个月，主债务履行期限于2022年5月31日届满，保证期间至2022年11月30日届满" in reasons
    assert "原告于2022年12月1日对债务人提起诉讼或者申请仲裁，已超过保证期间" in reasons
    assert "依照《中华人民共和国民法典》第六百九十三条的规定，被告苏州A&B贸易有限公司不再承担保证责任" in reasons
    basis = next(line for line in lines if line.startswith("依照"))
    assert "第六百九十二条、第六百九十三条" in basis


def test_six_month_default_period_claimed_in_time_orders_the_guarantee(decided_case: dict[str, Any]) -> None:
    """The same period, claimed on its last day 2022-11-30: in time, the guarantee is ordered with the
    担保制度解释第二十六条 wording and the 追偿 sentence."""
    decided_case["findings"].update(guarantee_claim_date="2022-11-30", company_guarantee_resolution="resolved")
    judgment = draft(decided_case)
    assert any("在被告李四的财产依法强制执行后仍不能履行的部分承担保证责任" in o for o in judgment.orders)
    assert any("有权在其承担保证责任的范围内向被告李四追偿" in o for o in judgment.orders)
    assert not any("驳回原告张三对被告" in o for o in judgment.orders)
    assert any("原告于2022年11月30日对债务人提起诉讼或者申请仲裁，未超过保证期间" in r for r in judgment.reasoning)


def test_no_claim_date_and_a_late_filing_is_left_to_the_judge(decided_case: dict[str, Any]) -> None:
    """Filed 2025-03-03, long after 2022-11-30, with no claim date found: the guarantee is not dropped
    on arithmetic alone (the creditor may have claimed earlier); the drafter is asked."""
    decided_case["findings"]["company_guarantee_resolution"] = "resolved"
    judgment = draft(decided_case)
    assert any("承担保证责任" in o for o in judgment.orders)
    assert any("保证期间已于2022年11月30日届满" in w and "guarantee_claim_date" in w for w in judgment.warnings)


def test_a_2019_guarantee_runs_under_danbaofa_article_25(decided_case: dict[str, Any]) -> None:
    """法释〔2020〕15号第一条: a 2019 guarantee follows 担保法. 一般保证, no period agreed → 担保法第二十五条:
    six months from the due date 2019-08-31 → the corresponding day 2020-02-31 does not exist; February
    2020 (a leap year) ends on the 29th → the period ends 2020-02-29. Claimed 2020-03-02 → released."""
    case = put(decided_case, contract_date="2019-03-01", delivery_date="2019-03-01", term_end="2019-08-31",
               claim_interest={"amount": None, "base": "100000.00", "rate": {"raw": "年利率18%", "period": "year",
                               "percent": "18", "annual_percent": "18.00"}, "start_date": "2019-03-01",
                               "end": "until_paid"})
    case["findings"].update(guarantee_claim_date="2020-03-02", company_guarantee_resolution="resolved")
    lines = lines_of(case, "wujiang")
    reasons = reasoning_text(lines)
    assert "依照《中华人民共和国担保法》第二十五条的规定，保证期间为主债务履行期限届满之日起六个月" in reasons
    assert "保证期间至2020年2月29日届满" in reasons
    assert "依照《中华人民共和国担保法》第二十五条的规定，被告苏州A&B贸易有限公司不再承担保证责任" in reasons
    assert "四、驳回原告张三对被告苏州A&B贸易有限公司的诉讼请求；" in orders_of(lines)
    in_time = copy.deepcopy(case)
    in_time["findings"]["guarantee_claim_date"] = "2020-02-29"
    assert any("承担保证责任" in o for o in draft(in_time).orders)


def test_an_agreed_two_year_period(decided_case: dict[str, Any]) -> None:
    """Agreed 主债务履行期限届满之日起二年: 2022-05-31 + 24 months = 2024-05-31; claimed 2024-05-31 → in time."""
    case = put(decided_case, guarantee_period="主债务履行期限届满之日起二年")
    case["findings"].update(guarantee_claim_date="2024-05-31", company_guarantee_resolution="resolved")
    judgment = draft(case)
    assert any("双方约定保证期间为“主债务履行期限届满之日起二年”，保证期间至2024年5月31日届满" in r
               for r in judgment.reasoning)
    assert any("承担保证责任" in o for o in judgment.orders)


def test_the_defence_raised_needs_a_reason_when_the_judge_overrides(decided_case: dict[str, Any]) -> None:
    """The guarantor pleads the period expired (guarantee_expired): the judge finds it not discharged
    (e.g. a written demand in 2022) — the finding wins over the arithmetic and needs its reason."""
    case = put(decided_case, guarantee_expired=True)
    case["findings"].update(guarantee_discharged=False, company_guarantee_resolution="resolved")
    judgment = draft(case)
    assert any("保证期间是否届满已认定但未写明理由" in w for w in judgment.warnings)
    text = "".join(judgment.reasoning)
    assert "被告苏州A&B贸易有限公司辩称保证期间已经届满" in text and "（写明认定理由）" in text
    case["reasons"]["guarantee_discharged"] = "原告于2022年10月8日向保证人发出催收函并有签收记录"
    judgment = draft(case)
    assert "本院认为，原告于2022年10月8日向保证人发出催收函并有签收记录，原告在保证期间内主张了权利" in "".join(
        judgment.reasoning)
    assert any("承担保证责任" in o for o in judgment.orders)


# --- company guarantee: 公司法第十六条 (2018) / 第十五条 (2023修订), 担保制度解释第七条 ------------------

def test_company_guarantee_without_resolution_good_faith_creditor_is_bound(decided_case: dict[str, Any]) -> None:
    decided_case["findings"].update(guarantee_claim_date="2022-10-08", company_guarantee_resolution="not_resolved",
                                    creditor_good_faith=True)
    lines = lines_of(decided_case, "jiashan")
    assert any("承担保证责任" in o for o in orders_of(lines))
    reasons = reasoning_text(lines)
    assert "虽未经公司决议，但原告为善意相对人" in reasons
    basis = next(line for line in lines if line.startswith("依照"))
    assert "《中华人民共和国公司法》第十六条" in basis  # guarantee of 2021-06-01: the 2018 text
    assert "有关担保制度的解释》第七条" in basis


def test_company_guarantee_without_resolution_bad_faith_creditor_releases(decided_case: dict[str, Any]) -> None:
    decided_case["findings"].update(guarantee_claim_date="2022-10-08", company_guarantee_resolution="not_resolved",
                                    creditor_good_faith=False)
    lines = lines_of(decided_case, "jiashan")
    orders = orders_of(lines)
    assert "四、驳回原告张三对被告苏州A&B贸易有限公司的诉讼请求；" in orders
    assert not any("追偿" in o for o in orders)
    assert "担保合同对被告苏州A&B贸易有限公司不发生效力" in reasoning_text(lines)
    judgment = draft(decided_case, "jiashan")
    assert any("第十七条" in w for w in judgment.warnings)  # 赔偿责任 is the judge's, not computed


def test_company_law_by_date_2024_guarantee_cites_article_15(decided_case: dict[str, Any]) -> None:
    """公司法2023年修订 in force 2024-07-01: a guarantee signed 2024-08-01 cites 第十五条."""
    case = put(decided_case, contract_date="2024-08-01", delivery_date="2024-08-01", term_end="2025-01-31",
               claim_interest=None)
    case["findings"].update(company_guarantee_resolution="resolved")
    judgment = draft(case)
    assert "《中华人民共和国公司法》第十五条" in judgment.basis
    assert "第十六条" not in judgment.basis.split("公司法》")[1].split("，")[0]


def test_a_company_guarantor_without_findings_is_flagged(decided_case: dict[str, Any]) -> None:
    decided_case["findings"]["guarantee_claim_date"] = "2022-10-08"
    judgment = draft(decided_case)
    assert any("为公司" in w and "company_guarantee_resolution" in w for w in judgment.warnings)


# --- 夫妻共同债务: 民法典第一千零六十四条 ---------------------------------------------------------------

def _spouse_case(case: dict[str, Any], joint: bool | None) -> dict[str, Any]:
    defendants = copy.deepcopy(case["elements"]["defendants"]["complaint"]) + [WANG]
    case["elements"]["defendants"] = {"status": "agreed", "complaint": defendants, "answer": defendants,
                                      "answer_position": None}
    put(case, spouse_joint_debt=True, spouse_defendants=["王二"])
    case["findings"].update(guarantee_claim_date="2022-10-08", company_guarantee_resolution="resolved")
    if joint is not None:
        case["findings"]["joint_marital_debt"] = joint
    return case


def test_a_joint_marital_debt_is_repaid_jointly(decided_case: dict[str, Any]) -> None:
    lines = lines_of(_spouse_case(decided_case, True), "qingpu")
    orders = orders_of(lines)
    assert orders[0] == "一、被告李四、王二于本判决生效之日起十日内共同归还原告张三借款本金95,000元；"
    assert orders[1].startswith("二、被告李四、王二于本判决生效之日起十日内共同支付原告张三利息")
    assert any("对被告李四、王二的上述第一、二、三项债务" in o for o in orders)
    reasons = reasoning_text(lines)
    assert "涉案借款属于夫妻共同债务，依照《中华人民共和国民法典》第一千零六十四条的规定，被告王二应与被告李四共同偿还" in reasons
    basis = next(line for line in lines if line.startswith("依照"))
    assert "第一千零六十四条" in basis


def test_a_debt_found_not_joint_dismisses_the_claim_against_the_spouse(decided_case: dict[str, Any]) -> None:
    case = _spouse_case(decided_case, False)
    put(case, spouse_not_liable=True)
    judgment = draft(case)
    assert judgment.orders[0] == "一、被告李四于本判决生效之日起十日内归还原告张三借款本金95,000元；"
    assert any("驳回原告张三对被告王二的诉讼请求" in o for o in judgment.orders)
    assert not any("王二" in o for o in judgment.orders if "驳回" not in o)
    text = "".join(judgment.reasoning)
    assert "被告王二辩称不属于夫妻共同债务" in text and "（写明认定理由）" in text
    assert "第一千零六十四条第二款" in judgment.basis
    case["reasons"]["joint_marital_debt"] = "借款用于被告李四个人经营，原告未举证证明用于夫妻共同生活"
    judgment = draft(case)
    assert "本院认为，借款用于被告李四个人经营，原告未举证证明用于夫妻共同生活，涉案借款不属于夫妻共同债务" in "".join(
        judgment.reasoning)
    assert not any("joint_marital_debt" in w for w in judgment.warnings)


def test_a_spouse_not_yet_found_is_pending(decided_case: dict[str, Any]) -> None:
    judgment = draft(_spouse_case(decided_case, None))
    assert judgment.orders[0].startswith("一、被告李四于本判决生效之日起十日内归还")
    assert any("王二" in o and "待认定" in o for o in judgment.orders)
    assert any("joint_marital_debt" in w for w in judgment.warnings)


def test_a_released_guarantor_bears_none_of_the_fee(decided_case: dict[str, Any]) -> None:
    """诉讼费用交纳办法第二十九条: the losing party bears the fee; every claim against the released company
    is dismissed, so the defendants' share (1,684.59, as in the fee test of tests/drafting) is 李四's alone."""
    decided_case["findings"].update(guarantee_claim_date="2022-12-01", company_guarantee_resolution="resolved")
    judgment = draft(decided_case)
    assert judgment.fee_text == "案件受理费3,753.21元，减半收取计1,876.61元，由原告张三负担192.02元，被告李四负担1,684.59元。"


SPOUSE_COMPLAINT = """民事起诉状
原告：张三，男，1980年1月2日出生，汉族，住上海市青浦区某路1号。
被告：李四，男，1975年2月2日出生，汉族，住上海市青浦区某路4号。
被告：王二，女，1976年3月3日出生，汉族，住上海市青浦区某路4号。
诉讼请求：
1. 判令两被告共同归还借款本金50000元；
2. 本案诉讼费由被告负担。
事实和理由：
被告王二系被告李四之妻。2021年3月1日，被告李四向原告借款50000元，约定年利率12%，2022年2月28日前归还。\
该借款系两被告夫妻关系存续期间所负，属于夫妻共同债务。
"""
SPOUSE_ANSWER = """民事答辩状
答辩人：王二，女，1976年3月3日出生，汉族，住上海市青浦区某路4号。
答辩意见：该借款不属于夫妻共同债务，借款未用于家庭共同生活，答辩人对借款不知情。
"""


def test_spouse_from_the_pleadings_to_the_signed_order(tmp_path: Any) -> None:
    """The complaint names 王二 as 李四's wife (spouse_defendants, derived); her answer denies a joint debt
    (spouse_not_liable); the judge finds it not joint with a reason: the docx dismisses the claim against
    her and orders 李四 alone (民法典第一千零六十四条第二款)."""
    from engine.case.findings import set_findings, set_reasons
    from engine.case.new import new_case_from_texts
    from tests.casetypes.private_lending._cases import SYSTEM

    case = new_case_from_texts(SYSTEM, "private_lending", SPOUSE_COMPLAINT, SPOUSE_ANSWER, court="qingpu")
    assert case["elements"]["spouse_defendants"]["complaint"] == ["王二"]
    # 向原告借款50000元，…前归还 is the loan and its term, not a repayment of 50,000 on the loan day.
    assert "repayments" not in case["elements"]
    assert case["elements"]["spouse_not_liable"]["status"] in ("disputed", "answer_only")
    case["meta"].update(filing_date="2022-06-01", judgment_date="2022-08-01")
    case = set_findings(SYSTEM, case, {"joint_marital_debt": "否"})
    case = set_reasons(SYSTEM, case, {"joint_marital_debt": "借款用于被告李四个人经营"})
    lines = lines_of(case, "qingpu")
    orders = orders_of(lines)
    assert orders[0].startswith("一、被告李四于本判决生效之日起十日内归还原告张三借款本金50,000元")
    assert any("驳回原告张三对被告王二的诉讼请求" in o for o in orders)
    assert "被告王二辩称不属于夫妻共同债务" in reasoning_text(lines)


DEMAND_COMPLAINT = """民事起诉状
原告：张三，男，1980年1月2日出生，汉族，住上海市青浦区某路1号。
被告：李四，男，1975年2月2日出生，汉族，住上海市青浦区某路4号。
被告：苏州甲乙贸易有限公司，住所地江苏省苏州市吴江区某路3号。
法定代表人：王五。
诉讼请求：
1. 判令被告李四归还借款本金50000元；
2. 判令被告苏州甲乙贸易有限公司对上述债务承担连带清偿责任；
3. 本案诉讼费由被告负担。
事实和理由：
2021年3月1日，被告李四向原告借款50000元，约定年利率12%，2022年2月28日前归还，被告苏州甲乙贸易有限公司提供连带责任保证。\
借款到期后，被告李四未还款。{demand}，原告向被告苏州甲乙贸易有限公司发出律师函，要求其承担保证责任。
"""


def test_a_demand_in_the_complaint_is_the_claim_date(tmp_path: Any) -> None:
    """连带责任保证, no period agreed: 民法典第六百九十二条 → due 2022-02-28 + six months = 2022-08-28.
    The 律师函 of 2022-06-10 (read from the complaint) is within it: the guarantee is ordered; one of
    2022-09-10 is not (第六百九十三条第二款): the company is released."""
    from engine.case.findings import set_findings
    from engine.case.new import new_case_from_texts
    from tests.casetypes.private_lending._cases import SYSTEM

    def drafted(demand: str) -> list[str]:
        case = new_case_from_texts(SYSTEM, "private_lending", DEMAND_COMPLAINT.format(demand=demand), court="wujiang")
        case["meta"].update(filing_date="2023-03-01", judgment_date="2023-05-01")
        return lines_of(set_findings(SYSTEM, case, {"company_guarantee_resolution": "resolved"}), "wujiang")

    lines = drafted("2022年6月10日")
    assert any("被告苏州甲乙贸易有限公司对被告李四的上述第" in o and "承担连带清偿责任" in o for o in orders_of(lines))
    assert "保证期间至2022年8月28日届满；原告于2022年6月10日请求保证人承担保证责任，未超过保证期间" in reasoning_text(lines)
    lines = drafted("2022年9月10日")
    assert any("驳回原告张三对被告苏州甲乙贸易有限公司的诉讼请求" in o for o in orders_of(lines))
    assert "原告于2022年9月10日请求保证人承担保证责任，已超过保证期间" in reasoning_text(lines)


def test_a_2019_guarantee_of_no_stated_mode_is_joint_with_article_26(decided_case: dict[str, Any]) -> None:
    """担保法第十九条: no mode agreed in 2019 → 连带; 第二十六条: six months from 2019-08-31 → 2020-02-29;
    claimed 2020-02-29 → ordered jointly."""
    case = put(decided_case, contract_date="2019-03-01", delivery_date="2019-03-01", term_end="2019-08-31",
               guarantee_type="unclear")
    case["findings"] = {"delivered_amount": "95000.00", "guarantee_claim_date": "2020-02-29",
                        "company_guarantee_resolution": "resolved"}
    case["elements"]["guarantee_type"]["status"] = "agreed"
    judgment = draft(case)
    assert any("承担连带清偿责任" in o for o in judgment.orders)
    assert "《中华人民共和国担保法》第十八条、第十九条、第二十六条" in judgment.basis  # 连带, 约定不明, period


def test_liability_findings_are_cross_checked(decided_case: dict[str, Any]) -> None:
    from engine.case.validate import validate_case
    from tests.casetypes.private_lending._cases import SYSTEM

    decided_case["findings"].update(joint_marital_debt=True, guarantee_period_end="2022-05-01")
    messages = {p.message for p in validate_case(SYSTEM, decided_case)}
    assert "认定了是否属于夫妻共同债务，但没有填写被诉的借款人配偶" in messages
    assert "保证期间届满日 2022-05-01 早于主债务履行期限 2022-05-31" in messages


def test_a_period_counted_from_a_stated_day_is_left_to_the_judge(decided_case: dict[str, Any]) -> None:
    case = put(decided_case, guarantee_period="自2021年6月1日起二年")
    case["findings"].update(company_guarantee_resolution="resolved")
    judgment = draft(case)
    assert any("自某日起算" in w for w in judgment.warnings)
    assert any("承担保证责任" in o for o in judgment.orders)


def test_a_2019_marital_debt_leaves_the_article_to_fill(decided_case: dict[str, Any]) -> None:
    """Before 2021 the 2018 夫妻债务解释 governs; FACTS.md does not hold it, so the article is blank and the
    catalogue row to fill is named — never 民法典第一千零六十四条 for a 2019 debt."""
    case = put(_spouse_case(decided_case, True), contract_date="2019-03-01", delivery_date="2019-03-01",
               term_end="2019-08-31")
    case["findings"]["guarantee_claim_date"] = "2019-12-01"
    judgment = draft(case)
    assert any("依照《____》第____条的规定，被告王二应与被告李四共同偿还" in r for r in judgment.reasoning)
    assert "第一千零六十四条" not in judgment.basis
    assert any("spouse_joint_debt" in w and "citations.yaml" in w for w in judgment.warnings)


def test_the_guarantors_answer_pleading_expiry_is_answered(tmp_path: Any) -> None:
    """The company's answer pleads the period expired (guarantee_expired, read from the answer); the
    律师函 of 2022-09-10 came after 2022-08-28 (due 2022-02-28 + six months): the defence succeeds."""
    from engine.case.findings import set_findings
    from engine.case.new import new_case_from_texts
    from tests.casetypes.private_lending._cases import SYSTEM

    answer = """民事答辩状
答辩人：苏州甲乙贸易有限公司，住所地江苏省苏州市吴江区某路3号。
答辩意见：原告主张保证责任时已超过保证期间，答辩人不再承担保证责任。
"""
    case = new_case_from_texts(SYSTEM, "private_lending", DEMAND_COMPLAINT.format(demand="2022年9月10日"), answer,
                               court="wujiang")
    assert case["elements"]["guarantee_expired"]["status"] in ("disputed", "answer_only")
    case["meta"].update(filing_date="2023-03-01", judgment_date="2023-05-01")
    lines = lines_of(set_findings(SYSTEM, case, {"company_guarantee_resolution": "resolved"}), "wujiang")
    reasons = reasoning_text(lines)
    assert "关于保证期间，被告苏州甲乙贸易有限公司辩称保证期间已经届满" in reasons
    assert "已超过保证期间；被告的该项抗辩成立；依照《中华人民共和国民法典》第六百九十三条的规定" in reasons
    assert any("驳回原告张三对被告苏州甲乙贸易有限公司的诉讼请求" in o for o in orders_of(lines))

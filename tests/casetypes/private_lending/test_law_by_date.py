"""The law in force for each date, worked by hand from the statute (民间借贷规定 = 法释〔2020〕17号).

Day count: both days counted, 365-day year (parameters/private_lending.yaml). LPR rows: parameters/lpr_1y.yaml.
"""

from __future__ import annotations

from typing import Any

from tests.casetypes.private_lending._cases import draft, put, rate


def _claim(base: str | None, percent: str | None, start: str | None, amount: str | None = None,
           end: str = "until_paid") -> dict[str, Any]:
    return {"amount": amount, "base": base, "rate": rate(percent) if percent else None,
            "start_date": start, "end": end if (base or percent) else None}


def test_a_2019_loan_gets_two_segments(decided_case: dict[str, Any]) -> None:
    """民间借贷规定第三十一条: a contract formed 2019-03-01, filed 2021-03-01. Interest to 2020-08-19 under
    the 2015 rule (24% line): the agreed 20% stands. From 2020-08-20: 4 × the one-year LPR at filing
    (2021-03-01 → the 2021-02-22 quotation 3.85%) = 15.40%, so 20% is cut to 15.40%."""
    case = put(decided_case, contract_date="2019-03-01", delivery_date="2019-03-01", term_end="2020-02-28",
               interest_rate=rate("20"), claim_interest=_claim("100000.00", "20", "2019-03-01"))
    case["meta"].update(filing_date="2021-03-01", judgment_date="2021-04-15")
    judgment = draft(case)
    order = next(o for o in judgment.orders if "利息" in o)
    assert "自2019年3月1日起至2020年8月19日止按年利率20.00%计算，自2020年8月20日起按年利率15.40%计算至实际清偿之日止" in order
    assert "第三十一条" in judgment.basis
    reasons = "".join(judgment.reasoning)
    assert "分段计算" in reasons and "15.40%" in reasons


def test_overdue_interest_with_nothing_agreed_is_the_lpr_of_the_time(decided_case: dict[str, Any]) -> None:
    """民间借贷规定第二十八条第二款第（一）项: neither a term nor an overdue rate agreed → overdue interest
    at the one-year LPR of the time. Overdue from 2022-06-01 (term ended 2022-05-31): the 2022-05-20
    quotation, 3.70% — not the 15.40% cap the plaintiff claimed."""
    case = put(decided_case, interest_agreed=False, interest_rate=None, claim_interest=None,
               claim_overdue_interest=_claim("100000.00", "15.4", "2022-06-01"))
    case["meta"].update(filing_date="2022-09-20", judgment_date="2022-11-01")
    judgment = draft(case)
    order = next(o for o in judgment.orders if "逾期利息" in o)
    assert "自2022年6月1日起按年利率3.70%计算至实际清偿之日止" in order
    assert "第二十八条第二款第（一）项" in judgment.basis
    assert any("驳回" in o for o in judgment.orders)


def test_month_only_contract_date_takes_the_lowest_cap_and_says_so(decided_case: dict[str, Any]) -> None:
    """民间借贷规定第二十五条 with the contract day known only as 2021年12月: the LPR was 3.85% to
    2021-12-19 and 3.80% from 2021-12-20, so the lowest cap of the month is 4 × 3.80% = 15.20%."""
    case = put(decided_case, contract_date="2021-12", delivery_date="2021-12", term_end="2022-11-30",
               interest_rate=rate("24"), claim_interest=_claim("100000.00", "24", "2022-01-01"))
    case["meta"].update(filing_date="2022-09-20", judgment_date="2022-11-01")
    judgment = draft(case)
    order = next(o for o in judgment.orders if "利息" in o)
    assert "自2022年1月1日起按年利率15.20%计算" in order
    assert any("只知为2021年12月" in w for w in judgment.warnings)
    assert "只知为2021年12月" in "".join(judgment.reasoning)


def test_a_stated_interest_amount_is_recomputed(decided_case: dict[str, Any]) -> None:
    """利息50,000元 stated, nothing else. Lawful: base 95,000 (the principal found), from delivery
    2021-06-01 to filing 2022-09-20 = 214 + 263 = 477 days, at min(18%, 4 × 3.85% = 15.40%) (第二十五条):
    95,000 × 15.40% × 477 ÷ 365 = 19,119.21. min(50,000, 19,119.21) = 19,119.21 granted."""
    case = put(decided_case, claim_interest=_claim(None, None, None, amount="50000.00"))
    case["meta"].update(filing_date="2022-09-20", judgment_date="2022-11-01")
    judgment = draft(case)
    assert any("支付原告张三利息19,119.21元；" in o for o in judgment.orders)
    reasons = "".join(judgment.reasoning)
    assert "受法律保护的利息为19,119.21元" in reasons and "超过部分本院不予支持" in reasons


def test_natural_persons_contract_formed_on_delivery(decided_case: dict[str, Any]) -> None:
    """民法典第六百七十九条: between natural persons the contract is formed when the money is delivered.
    Signed 2021-12-10 (LPR 3.85% → cap 15.40%), delivered 2021-12-25 (LPR 3.80% → cap 15.20%): 15.20%.
    A company borrower: formed at signing, 15.40%."""
    values = dict(contract_date="2021-12-10", delivery_date="2021-12-25", term_end="2022-12-24",
                  claim_interest=_claim("100000.00", "18", "2021-12-25"))
    case = put(decided_case, **values)
    case["meta"].update(filing_date="2022-09-20", judgment_date="2022-11-01")
    judgment = draft(case)
    assert "按年利率15.20%" in next(o for o in judgment.orders if "利息" in o)
    assert "第六百七十九条" in judgment.basis
    assert "借款于2021年12月25日提供，合同于该日成立" in "".join(judgment.reasoning)

    put(case, borrowers=["苏州A&B贸易有限公司"], guarantors=["李四"], claim_guarantee=["李四"])
    judgment = draft(case)
    assert "按年利率15.40%" in next(o for o in judgment.orders if "利息" in o)
    assert "第六百七十九条" not in judgment.basis


def test_no_start_date_is_visible(decided_case: dict[str, Any]) -> None:
    """An overdue claim with no start and no term end: the order says the start is to be found."""
    case = put(decided_case, term_end=None, claim_interest=None,
               claim_overdue_interest=_claim("100000.00", "15.4", None))
    judgment = draft(case)
    order = next(o for o in judgment.orders if "逾期利息" in o)
    assert "自（起算日待认定）起" in order
    assert any("起算日" in w for w in judgment.warnings)


def test_no_figure_in_the_2020_august_text_is_left_to_the_judge(decided_case: dict[str, Any]) -> None:
    """Filed 2020-12-15: the 2020年8月 text of 第二十九条第二款第（一）项 states no overdue rate when nothing
    was agreed (parameters/citations.yaml, effect not_stated). The order says so; nothing is invented."""
    case = put(decided_case, contract_date="2020-09-01", delivery_date="2020-09-01", term_end="2020-10-31",
               interest_agreed=False, interest_rate=None, claim_interest=None,
               claim_overdue_interest=_claim("100000.00", "15.4", "2020-11-01"))
    case["meta"].update(filing_date="2020-12-15", judgment_date="2021-02-01")
    judgment = draft(case)
    assert any("逾期利息（计算方式待认定）" in o for o in judgment.orders)
    assert any("未写明未约定利率时的逾期利率标准" in w for w in judgment.warnings)


def test_the_duty_to_repay_is_the_law_of_the_loan_date(decided_case: dict[str, Any]) -> None:
    """借款人应当按照约定的期限返还借款: 合同法第二百零六条 for a loan made in 2019 (法释〔2020〕15号第一条:
    facts before 2021-01-01 follow the law of the time), 民法典第六百七十五条 for one made in 2022."""
    old = put(decided_case, contract_date="2019-03-01", delivery_date="2019-03-01", term_end="2020-02-28")
    old["meta"].update(filing_date="2021-03-01", judgment_date="2021-04-15")
    basis = draft(old).basis
    assert "《中华人民共和国合同法》第二百零六条" in basis and "第六百七十五条" not in basis
    new = put(decided_case, contract_date="2022-03-01", delivery_date="2022-03-01", term_end="2023-02-28")
    new["meta"].update(filing_date="2023-06-01", judgment_date="2023-07-15")
    basis = draft(new).basis
    assert "第六百七十五条" in basis and "合同法》第二百零六条" not in basis

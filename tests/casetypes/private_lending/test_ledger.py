"""Ledgers: loans and repayments read from the complaint, editable as findings, applied payment by payment
(民法典第五百六十条、第五百六十一条 via engine.law.interest.lending_ledger)."""

from __future__ import annotations

from typing import Any

from engine.case.findings import set_findings
from engine.extraction.api import extract_text
from tests.casetypes.private_lending._cases import SYSTEM, draft, put, rate

COMPLAINT = """民事起诉状
原告：王五，男，1970年1月1日出生，汉族，住上海市青浦区某路3号。
被告：赵六，男，1975年2月2日出生，汉族，住上海市青浦区某路4号。
诉讼请求：
1. 判令被告归还借款本金50000元；
2. 本案诉讼费由被告负担。
事实和理由：
2021年3月1日，原告出借给被告30000元。2021年4月1日，原告又出借给被告20000元，约定年利率12%。\
2021年5月31日，被告归还5000元。2021年6月30日，被告还款3000元。被告按月支付利息至2021年8月31日，此后再未还款。
"""


def test_ledgers_are_read_from_dated_sentences() -> None:
    elements = extract_text(SYSTEM, COMPLAINT, "private_lending", "complaint")["elements"]
    assert elements["loans"]["value"] == [
        {"date": "2021-03-01", "amount": "30000.00"},
        {"date": "2021-04-01", "amount": "20000.00", "rate": rate("12") | {"raw": "年利率12%"}},
    ]
    # 支付利息至2021年8月31日 is the day payments ran to, not a payment.
    assert elements["repayments"]["value"] == [
        {"date": "2021-05-31", "amount": "5000.00"},
        {"date": "2021-06-30", "amount": "3000.00"},
    ]


def _ledger_case(decided_case: dict[str, Any]) -> dict[str, Any]:
    case = put(decided_case, interest_rate=rate("12"), term_end="2022-05-31",
               claim_interest={"amount": None, "base": "100000.00", "rate": rate("12"), "start_date": "2021-06-01",
                               "end": "until_paid"},
               repaid_principal="10000.00", last_repayment_date="2021-07-31")
    case["findings"] = {"delivered_amount": "100000.00", "guarantee_type": "joint"}
    case["meta"].update(filing_date="2022-09-20", judgment_date="2022-11-01")
    return case


def test_an_early_payment_larger_than_the_interest_goes_to_principal(decided_case: dict[str, Any]) -> None:
    """民法典第五百六十一条: 20,000 paid on 2021-07-31. Interest due: 100,000 × 12% × 61 ÷ 365 = 2,005.48
    (2021-06-01..07-31, both days counted); the rest, 20,000 − 2,005.48 = 17,994.52, reduces the principal
    to 82,005.48, on which interest runs from 2021-08-01 (12% is under the cap 4 × 3.85% = 15.40%)."""
    case = set_findings(SYSTEM, _ledger_case(decided_case), {"repayments": '[{"date": "2021年7月31日", "amount": "2万元"}]'})
    assert case["findings"]["repayments"] == [{"date": "2021-07-31", "amount": "20000.00"}]
    judgment = draft(case)
    assert "借款本金82,005.48元；" in judgment.orders[0]
    assert "以82,005.48元为基数，自2021年8月1日起按年利率12.00%计算至实际清偿之日止" in judgment.orders[1]
    reasons = judgment.reasoning
    assert "2021年7月31日还款20,000元：抵充利息2,005.48元、本金17,994.52元，尚欠本金82,005.48元、利息0元。" in reasons
    assert not any("一次抵充" in w for w in judgment.warnings)


def test_without_a_ledger_the_lump_sum_is_warned(decided_case: dict[str, Any]) -> None:
    judgment = draft(_ledger_case(decided_case))
    assert any("一次抵充" in w for w in judgment.warnings)


def test_a_payment_smaller_than_the_interest_leaves_interest_owed(decided_case: dict[str, Any]) -> None:
    """1,000 paid on 2021-07-31 against 2,005.48 due: all to interest, 1,005.48 still owed on that day,
    ordered with the running interest from 2021-08-01 on the full 100,000."""
    case = set_findings(SYSTEM, _ledger_case(decided_case), {"repayments": [{"date": "2021-07-31", "amount": "1000"}]})
    judgment = draft(case)
    assert "借款本金100,000元；" in judgment.orders[0]
    assert "截至2021年7月31日尚欠的利息1,005.48元，及以100,000元为基数，自2021年8月1日起" in judgment.orders[1]

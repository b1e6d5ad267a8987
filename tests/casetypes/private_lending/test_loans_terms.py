"""Several loans with a term each: the complaint's ledger keeps each loan's term and gives no single
term_end (the real-data conventions leave two terms unscored: corpus/realdata_gold/README.md, rc_loan_dev),
and the judgment applies a payment to the loan already due first (民法典第五百六十条第二款)."""

from __future__ import annotations

from typing import Any

from engine.extraction.api import extract_text
from tests.casetypes.private_lending._cases import SYSTEM, draft, rate, two_loans

COMPLAINT = """原告张三诉称：2021年3月1日，被告李四向原告借款3万元，约定于2021年5月31日前归还；\
2021年4月1日，被告李四向原告借款2万元，约定于2022年2月28日前归还。2021年5月31日，被告归还3000元，此后未再还款。
诉讼请求：判令被告归还借款本金47907.40元。"""


def test_each_loan_keeps_its_own_term_and_there_is_no_single_term() -> None:
    elements = extract_text(SYSTEM, COMPLAINT, "private_lending", "complaint")["elements"]
    assert elements["loans"]["value"] == [
        {"date": "2021-03-01", "amount": "30000.00", "term": "2021-05-31"},
        {"date": "2021-04-01", "amount": "20000.00", "term": "2022-02-28"},
    ]
    assert elements["loan_amount"]["value"] == "50000.00"  # 30,000 + 20,000: no 又/再 needed
    assert "term_end" not in elements
    assert elements["repayments"]["value"] == [{"date": "2021-05-31", "amount": "3000.00"}]


def _case(decided_case: dict[str, Any], terms: tuple[str, str]) -> dict[str, Any]:
    return two_loans(decided_case, {"term": terms[0]}, {"term": terms[1]}, {"date": "2021-05-31", "amount": "3000.00"},
                     term_end=None, interest_rate=rate("12"))


def test_the_payment_goes_to_the_loan_due_on_that_day(decided_case: dict[str, Any]) -> None:
    """12% a year on both loans (under the cap 4 × 3.85% = 15.40%, 民间借贷规定第二十五条), both days counted.
    To 2021-05-31: loan 1, 2021-03-01..05-31 = 31 + 30 + 31 = 92 days: 30,000 × 12% × 92 ÷ 365 = 331,200 ÷ 365
    = 907.40; loan 2, 2021-04-01..05-31 = 61 days: 20,000 × 12% × 61 ÷ 365 = 146,400 ÷ 365 = 401.10.
    The 3,000 paid on 2021-05-31, loan 1's own term day: loan 1 is due, loan 2 is not → loan 1 first
    (民法典第五百六十条第二款: 优先履行已经到期的债务): interest 907.40, principal 3,000 − 907.40 = 2,092.60,
    leaving 30,000 − 2,092.60 = 27,907.40; with loan 2's 20,000: principal 47,907.40, interest 401.10 owed."""
    judgment = draft(_case(decided_case, ("2021-05-31", "2022-02-28")))
    assert "借款本金47,907.40元；" in judgment.orders[0]
    assert "2021年5月31日还款3,000元：抵充利息907.40元、本金2,092.60元，尚欠本金47,907.40元、利息401.10元。" \
        in judgment.reasoning


def test_with_one_term_for_both_the_payment_is_shared(decided_case: dict[str, Any]) -> None:
    """Both due 2022-02-28: on 2021-05-31 neither is due, both unsecured at 12% and due the same day → shared
    by proportion of what each owes (第五百六十条第二款 last sentence): owed 30,907.40 and 20,401.10, total
    51,308.50; loan 1 takes 3,000 × 30,907.40 ÷ 51,308.50 = 1,807.17, loan 2 the rest 1,192.83; each to its
    interest first: loan 1 principal 30,000 − (1,807.17 − 907.40) = 29,100.23, loan 2 20,000 − (1,192.83 −
    401.10) = 19,208.27; together 48,308.50 (= 50,000 − (3,000 − 907.40 − 401.10))."""
    judgment = draft(_case(decided_case, ("2022-02-28", "2022-02-28")))
    assert "借款本金48,308.50元；" in judgment.orders[0]


DESIGNATED = """原告张三诉称：2021年3月1日，被告李四向原告借款3万元，约定于2022年2月28日前归还；\
2021年4月1日，被告李四向原告借款2万元，约定于2022年2月28日前归还。2021年5月31日，被告归还第二笔借款3000元。"""


def test_a_repayment_naming_its_loan_is_read_with_that_loan_s_place() -> None:
    elements = extract_text(SYSTEM, DESIGNATED, "private_lending", "complaint")["elements"]
    assert [row["amount"] for row in elements["loans"]["value"]] == ["30000.00", "20000.00"]
    assert elements["repayments"]["value"] == [{"date": "2021-05-31", "amount": "3000.00", "to_loan": 2}]


def test_the_payment_goes_to_the_loan_the_debtor_named(decided_case: dict[str, Any]) -> None:
    """Both due 2022-02-28 (shared by proportion when nothing is named: the test above), but the 3,000 paid on
    2021-05-31 names loan 2 (民法典第五百六十条第一款: the debt the debtor designates): loan 2's interest
    2021-04-01..05-31 = 61 days, 20,000 × 12% × 61 ÷ 365 = 146,400 ÷ 365 = 401.10 first (第五百六十一条), then
    principal 3,000 − 401.10 = 2,598.90, leaving 17,401.10; loan 1 untouched, 30,000 with its 92 days' interest
    30,000 × 12% × 92 ÷ 365 = 907.40 owed. Principal 30,000 + 17,401.10 = 47,401.10."""
    case = _case(decided_case, ("2022-02-28", "2022-02-28"))
    case["elements"]["repayments"]["complaint"][0]["to_loan"] = 2
    judgment = draft(case)
    assert "借款本金47,401.10元；" in judgment.orders[0]
    assert "2021年5月31日还款3,000元：抵充利息401.10元、本金2,598.90元，尚欠本金47,401.10元、利息907.40元。" \
        in judgment.reasoning


def test_a_ledger_row_without_a_date_is_left_to_the_judge(decided_case: dict[str, Any]) -> None:
    """An undated 又 loan in the ledger (the complaint gives no day): the payments are not applied loan by loan,
    the drafter is told which row to complete, and the judgment is still drafted."""
    case = _case(decided_case, ("2022-02-28", "2022-02-28"))
    del case["elements"]["loans"]["complaint"][1]["date"]
    judgment = draft(case)
    assert any("借款明细第2笔缺少完整的出借日期或金额" in w for w in judgment.warnings)
    assert judgment.orders and "借款本金" in judgment.orders[0]


BY_AMOUNT = """原告张三诉称：2021年3月1日，被告李四向原告借款3万元，约定于2022年2月28日前归还；\
2021年4月1日，被告李四向原告借款2万元，约定于2022年2月28日前归还。2021年5月31日，被告归还上述2万元借款中的3000元。"""


def test_a_repayment_naming_its_loan_by_amount_goes_to_that_loan(decided_case: dict[str, Any]) -> None:
    """归还上述2万元借款中的3000元: the 2万 names the loan (the ledger's second row), 3,000 is the sum paid.
    Read from the text and drafted, the same arithmetic as the test above (民法典第五百六十条第一款: the debt the
    debtor designates): loan 2's interest 2021-04-01..05-31 = 61 days, 20,000 × 12% × 61 ÷ 365 = 401.10 first,
    principal 3,000 − 401.10 = 2,598.90 → 17,401.10; loan 1 30,000 untouched → principal 47,401.10."""
    elements = extract_text(SYSTEM, BY_AMOUNT, "private_lending", "complaint")["elements"]
    assert elements["repayments"]["value"] == [{"date": "2021-05-31", "amount": "3000.00", "to_loan": 2}]
    case = _case(decided_case, ("2022-02-28", "2022-02-28"))
    case["elements"]["repayments"]["complaint"] = elements["repayments"]["value"]
    judgment = draft(case)
    assert "借款本金47,401.10元；" in judgment.orders[0]
    assert "2021年5月31日还款3,000元：抵充利息401.10元、本金2,598.90元，尚欠本金47,401.10元、利息907.40元。" \
        in judgment.reasoning

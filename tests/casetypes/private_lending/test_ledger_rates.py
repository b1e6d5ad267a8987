"""Several loans at different agreed rates: one interest order per loan (issue 9, item 2 of the ledgers),
the payments applied across the loans by 民法典第五百六十条 and within each by 第五百六十一条."""

from __future__ import annotations

from typing import Any

from tests.casetypes.drafts import lines_of, reasoning_text
from tests.casetypes.private_lending._cases import draft, rate, two_loans


def _two_loans(case: dict[str, Any], claim_principal: str = "50000.00") -> dict[str, Any]:
    return two_loans(case, {"rate": rate("12")}, {"rate": rate("15")}, {"date": "2021-06-30", "amount": "3000.00"},
                     claim_principal, term_end="2022-02-28", interest_rate=None)


def test_two_loans_at_12_and_15_percent_get_two_interest_lines(decided_case: dict[str, Any]) -> None:
    """Both lenders natural persons: each loan formed on delivery (民法典第六百七十九条); LPR 3.85% on both
    days → cap 15.40% (民间借贷规定第二十五条): 12% and 15% stand.
    To 2021-06-30 (both days counted): loan 1, 2021-03-01..06-30 = 122 days: 30,000 × 12% × 122 ÷ 365
    = 439,200 ÷ 365 = 1,203.29; loan 2, 2021-04-01..06-30 = 91 days: 20,000 × 15% × 91 ÷ 365 = 273,000 ÷ 365
    = 747.95. The 3,000 paid on 2021-06-30: neither loan due, neither secured → the heavier burden first
    (第五百六十条第二款: 15% > 12%) → loan 2: interest 747.95, principal 3,000 − 747.95 = 2,252.05, leaving
    20,000 − 2,252.05 = 17,747.95. Loan 1 still owes 1,203.29 interest on 30,000. Principal owed
    30,000 + 17,747.95 = 47,747.95."""
    lines = lines_of(_two_loans(decided_case), "qingpu")
    orders = [line for line in lines if line[:2] in ("一、", "二、", "三、", "四、")]
    assert orders[0] == "一、被告李四于本判决生效之日起十日内归还原告张三借款本金47,747.95元；"
    assert orders[1] == (
        "二、被告李四于本判决生效之日起十日内支付原告张三借款1（2021年3月1日出借的30,000元）的利息"
        "（截至2021年6月30日尚欠的利息1,203.29元，及以30,000元为基数，自2021年7月1日起按年利率12.00%计算至实际清偿之日止）；"
    )
    assert orders[2] == (
        "三、被告李四于本判决生效之日起十日内支付原告张三借款2（2021年4月1日出借的20,000元）的利息"
        "（以17,747.95元为基数，自2021年7月1日起按年利率15.00%计算至实际清偿之日止）；"
    )
    reasons = reasoning_text(lines)
    # The ledger stays in the draft, payment by payment.
    assert "2021年6月30日还款3,000元：抵充利息747.95元、本金2,252.05元，尚欠本金47,747.95元、利息1,203.29元。" in reasons
    basis = next(line for line in lines if line.startswith("依照"))
    assert "第五百六十条" in basis and "第五百六十一条" in basis
    assert not any("利息判项按同一利率表述" in w for w in draft(_two_loans(decided_case)).warnings)


def test_a_loan_above_the_cap_is_cut_in_its_own_line(decided_case: dict[str, Any]) -> None:
    """Loan 2 at 18% exceeds the cap 4 × 3.85% = 15.40% (第二十五条): its line says 15.40%, loan 1 keeps 12%."""
    case = _two_loans(decided_case)
    case["elements"]["loans"]["complaint"][1]["rate"] = rate("18")
    judgment = draft(case)
    lines = [o for o in judgment.orders if "的利息" in o]
    assert "按年利率12.00%" in lines[0] and "按年利率15.40%" in lines[1]
    assert any(r.startswith("关于借款2的利息，") and "超过部分本院不予支持" in r for r in judgment.reasoning)


def test_a_claim_below_the_principal_owed_keeps_one_line_and_warns(decided_case: dict[str, Any]) -> None:
    judgment = draft(_two_loans(decided_case, claim_principal="40000.00"))
    assert "借款本金40,000元；" in judgment.orders[0]
    assert not any("借款1（" in o for o in judgment.orders)
    assert any("利息判项按同一利率表述" in w for w in judgment.warnings)

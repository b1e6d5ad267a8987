"""民间借贷 legal depth: transition segments, month-only contract dates, overdue interest with nothing
agreed, and the payment ledger. Every expected figure is computed by hand in the comment; 36500 as
principal makes one day at r% worth exactly r yuan (36500 × r% ÷ 365 = r)."""

import warnings
from datetime import date
from decimal import Decimal

import pytest

from engine.errors import YaosuError
from engine.law.interest import (
    LedgerPayment,
    Loan,
    Repayment,
    interest_cap,
    lending_ledger,
    private_lending_claim,
    resolve_contract_date,
)
from engine.law.parameters import UnverifiedParameterWarning

P = Decimal(36500)


@pytest.fixture(autouse=True)
def _quiet() -> None:
    # Unverified article numbers warn (tested in test_citations); the arithmetic is what is tested here.
    warnings.simplefilter("ignore", UnverifiedParameterWarning)


def test_transition_contract_gives_two_segments() -> None:
    # 民间借贷规定第三十一条 (法释〔2020〕17号; traffic_sales_labour.md §E): contract 2020-08-01, filed 2021-03-01.
    # 2020-08-01..08-19 = 19 days at the 2015 line 24%: 24 × 19 = 456.00.
    # 2020-08-20..12-31 = 12 + 30 + 31 + 30 + 31 = 134 days at 4 × LPR at filing (2021-02-22: 3.85%) = 15.40%:
    # 15.40 × 134 = 2063.60. Interest 2519.60; outstanding 36500 + 2519.60 = 39019.60.
    result = private_lending_claim(
        P,
        date(2020, 8, 1),
        date(2020, 12, 31),
        date(2020, 12, 31),
        term_rate=Decimal(24),
        filing_date=date(2021, 3, 1),
    )
    assert [s["amount"] for s in result.details["segments"]] == [Decimal("456.00"), Decimal("2063.60")]
    assert [s["rate"] for s in result.details["segments"]] == [Decimal("24.00"), Decimal("15.40")]
    assert result.amount == Decimal("39019.60")
    title = "《最高人民法院关于审理民间借贷案件适用法律若干问题的规定》"
    assert f"{title}第三十一条" in result.citations
    assert f"{title}（2015年）第二十六条" in result.citations  # the old line, cited with its edition


def test_nothing_agreed_under_the_2015_rules_is_six_percent() -> None:
    # Filed 2020-06-01, before 2020-08-20: the 2015 rules throughout (FACTS §5.3); 2015 第二十九条: 6% a year
    # (FACTS §9.6). Loan 2019-06-01 due 2019-12-31, no rate at all: no term interest (合同法第二百一十一条,
    # the law of the time, 法释〔2020〕15号第一条); overdue 2020-01-01..03-31 = 31 + 29 + 31 = 91 days × 6 = 546.00.
    result = private_lending_claim(
        P, date(2019, 6, 1), date(2019, 12, 31), date(2020, 3, 31), filing_date=date(2020, 6, 1)
    )
    assert result.details["overdue_interest"] == Decimal("546.00")
    assert result.details["term_interest"] == Decimal(0)
    assert result.amount == Decimal("37046.00")
    assert "《最高人民法院关于审理民间借贷案件适用法律若干问题的规定》第二十九条" in result.citations
    assert "《中华人民共和国合同法》第二百一十一条" in result.citations
    six = [
        p for p in result.parameters_used if p["table"] == "private_lending.overdue_rate_no_agreement_percent"
    ]
    assert six and six[0]["value"] == Decimal(6)


def test_nothing_agreed_across_2020_08_20() -> None:
    # Loan 2020-01-01 due 2020-06-30, no rates, filed 2021-03-01 (第三十一条): overdue from 2020-07-01.
    # 2020-07-01..08-19 = 31 + 19 = 50 days at 6% (2015 第二十九条): 6 × 50 = 300.00.
    # 2020-08-20..12-31 = 134 days at the LPR of the time (第二十八条第二款第（一）项; 2020-08-20: 3.85%):
    # 3.85 × 134 = 515.90. Outstanding 36500 + 300.00 + 515.90 = 37315.90.
    result = private_lending_claim(
        P, date(2020, 1, 1), date(2020, 6, 30), date(2020, 12, 31), filing_date=date(2021, 3, 1)
    )
    overdue = [s for s in result.details["segments"] if s["kind"] == "overdue"]
    assert [(s["rate"], s["amount"]) for s in overdue] == [
        (Decimal("6.00"), Decimal("300.00")),
        (Decimal("3.85"), Decimal("515.90")),
    ]
    assert result.amount == Decimal("37315.90")


def test_nothing_agreed_under_the_2020_08_text_asks_for_the_rate() -> None:
    # FACTS §5.2: the 2020-08 text of (一) names no rate; the engine does not invent one.
    with pytest.raises(YaosuError, match="请明确逾期利率"):
        private_lending_claim(
            P, date(2020, 9, 1), date(2020, 9, 30), date(2020, 10, 31), filing_date=date(2020, 11, 2)
        )


def test_month_only_contract_date_takes_the_lowest_cap_of_the_month() -> None:
    # 第二十五条: 4 × LPR at formation. December 2021: 3.85% (2021-11-22) until 2021-12-19, 3.80% from
    # 2021-12-20 → caps 15.40% and 15.20%; the lowest is 4 × 3.80% = 15.20%, from 2021-12-20.
    result = interest_cap("2021-12", date(2022, 3, 1))
    assert result.amount == Decimal("15.20")
    assert result.warnings and "只知为2021年12月" in result.warnings[0]
    assert resolve_contract_date("2021-12", date(2022, 3, 1)).day == date(2021, 12, 20)
    # A month without a fixing change: its first day, 4 × 3.85% = 15.40%.
    assert interest_cap("2021-06", date(2022, 3, 1)).amount == Decimal("15.40")


def test_month_only_contract_date_errors() -> None:
    with pytest.raises(YaosuError, match="跨越2020年8月20日"):
        interest_cap("2020-08", date(2021, 3, 1))
    with pytest.raises(YaosuError, match="YYYY-MM"):
        interest_cap("2021/12", date(2022, 3, 1))


def test_claim_accepts_a_month_only_contract_date() -> None:
    # Contract "2021-12" → cap 15.20%; agreed 24% for 2022-01-01..01-10 (10 days): 15.20 × 10 = 152.00.
    result = private_lending_claim(
        P,
        date(2022, 1, 1),
        date(2022, 12, 31),
        date(2022, 1, 10),
        term_rate=Decimal(24),
        contract_date="2021-12",
        filing_date=date(2022, 3, 1),
    )
    assert result.details["term_interest"] == Decimal("152.00")
    assert result.warnings


def test_repayment_in_the_old_period_applies_under_the_law_of_the_time() -> None:
    # A 2020 payment is applied under 合同法解释（二）第二十一条 (民法典第五百六十一条 only from 2021-01-01).
    result = private_lending_claim(
        P,
        date(2020, 9, 1),
        date(2021, 8, 31),
        date(2021, 1, 31),
        term_rate=Decimal(10),
        repayments=[Repayment(date(2020, 9, 10), Decimal(100))],
        filing_date=date(2021, 3, 1),
    )
    assert any(c.endswith("（二）》第二十一条") for c in result.citations)


# --- ledger (民法典第五百六十条、第五百六十一条) ----------------------------------------------------------

FILED = date(2021, 12, 1)


def test_ledger_applies_payments_in_statutory_order() -> None:
    # Caps 4 × 3.85% = 15.40% for both (contracts 2021-01-01 / 2021-02-01, 第二十五条); overdue at the term
    # rate (第二十八条第二款第（二）项). A: 36500 at 10% (10/day), due 2021-03-31, unsecured.
    # B: 36500 at 12% (12/day), due 2021-06-30, secured.
    # 2021-04-30 pay 5000: A 2021-01-01..04-30 = 120 days × 10 = 1200.00; B 02-01..04-30 = 89 × 12 = 1068.00.
    #   Only A is due (第五百六十条第二款) → A interest 1200.00, principal 3800.00 → A 32700.00.
    # 2021-07-31 pay 3000: A 05-01..07-31 = 92 days: 32700 × 10% × 92 ÷ 365 = 824.219 → 824.22;
    #   B 05-01..06-30 61 × 12 = 732.00 and 07-01..07-31 31 × 12 = 372.00 → B interest 2172.00.
    #   Both due; A has no security → A first: interest 824.22, principal 2175.78 → A 30524.22.
    # End 2021-08-31: A 31 days: 30524.22 × 10% × 31 ÷ 365 = 259.247 → 259.25; B 31 × 12 = 372.00 → 2544.00.
    # Owed: principal 30524.22 + 36500 = 67024.22; interest 259.25 + 2544.00 = 2803.25; total 69827.47.
    result = lending_ledger(
        [
            Loan("A", P, date(2021, 1, 1), date(2021, 3, 31), Decimal(10)),
            Loan("B", P, date(2021, 2, 1), date(2021, 6, 30), Decimal(12), secured=True),
        ],
        [LedgerPayment(date(2021, 4, 30), Decimal(5000)), LedgerPayment(date(2021, 7, 31), Decimal(3000))],
        date(2021, 8, 31),
        filing_date=FILED,
    )
    rows = [
        (
            r["date"],
            r["payment"],
            r["to_interest"],
            r["to_principal"],
            r["principal_outstanding"],
            r["interest_outstanding"],
        )
        for r in result.details["ledger"]
    ]
    assert rows == [
        (
            date(2021, 4, 30),
            Decimal("5000.00"),
            Decimal("1200.00"),
            Decimal("3800.00"),
            Decimal("69200.00"),
            Decimal("1068.00"),
        ),
        (
            date(2021, 7, 31),
            Decimal("3000.00"),
            Decimal("824.22"),
            Decimal("2175.78"),
            Decimal("67024.22"),
            Decimal("2172.00"),
        ),
    ]
    assert result.amount == Decimal("69827.47")
    assert result.details["loans"]["A"]["principal_outstanding"] == Decimal("30524.22")
    assert "《中华人民共和国民法典》第五百六十条" in result.citations
    assert "《中华人民共和国民法典》第五百六十一条" in result.citations
    assert result.calculator == "lending_ledger.v1"


def test_ledger_heavier_burden_first_then_designation() -> None:
    # Both due and unsecured: the heavier burden (higher rate) first (第五百六十条第二款).
    # A 10%, B 12%, both 2021-01-01..due 01-31; pay 2021-02-09 (40 days): A owes 400.00, B 480.00 interest.
    # 1000 → B: interest 480.00, principal 520.00.
    loans = [
        Loan("A", P, date(2021, 1, 1), date(2021, 1, 31), Decimal(10)),
        Loan("B", P, date(2021, 1, 1), date(2021, 1, 31), Decimal(12)),
    ]
    result = lending_ledger(
        loans, [LedgerPayment(date(2021, 2, 9), Decimal(1000))], date(2021, 2, 9), filing_date=FILED
    )
    assert result.details["ledger"][0]["by_loan"] == {
        "B": {"interest": Decimal("480.00"), "principal": Decimal("520.00")}
    }
    # Designated by the debtor (第五百六十条第一款): all to A — interest 400.00, principal 600.00.
    result = lending_ledger(
        loans, [LedgerPayment(date(2021, 2, 9), Decimal(1000), loan="A")], date(2021, 2, 9), filing_date=FILED
    )
    assert result.details["ledger"][0]["by_loan"] == {
        "A": {"interest": Decimal("400.00"), "principal": Decimal("600.00")}
    }


def test_ledger_equal_debts_share_by_proportion() -> None:
    # Same rate, dates and security: by proportion (第五百六十条第二款). Each owes 36500 + 400.00 on 2021-02-09;
    # 1000 → 500 each: interest 400.00, principal 100.00.
    loans = [
        Loan("A", P, date(2021, 1, 1), date(2021, 1, 31), Decimal(10)),
        Loan("B", P, date(2021, 1, 1), date(2021, 1, 31), Decimal(10)),
    ]
    result = lending_ledger(
        loans, [LedgerPayment(date(2021, 2, 9), Decimal(1000))], date(2021, 2, 9), filing_date=FILED
    )
    assert result.details["ledger"][0]["by_loan"] == {
        "A": {"interest": Decimal("400.00"), "principal": Decimal("100.00")},
        "B": {"interest": Decimal("400.00"), "principal": Decimal("100.00")},
    }
    assert result.details["principal_outstanding"] == Decimal("72800.00")


def test_ledger_costs_first_and_old_law_for_old_payments() -> None:
    # 2020 payments: 合同法解释（二）第二十、二十一条 (the law of the time, 法释〔2020〕15号第一条).
    # One loan 36500 at 10%, 2020-09-01..due 2021-08-31; costs 30; pay 2020-09-10 (10 days: 100.00 interest):
    # 200 → costs 30, interest 100.00, principal 70.00.
    result = lending_ledger(
        [Loan("A", P, date(2020, 9, 1), date(2021, 8, 31), Decimal(10))],
        [LedgerPayment(date(2020, 9, 10), Decimal(200))],
        date(2020, 9, 10),
        filing_date=FILED,
        costs=Decimal(30),
    )
    row = result.details["ledger"][0]
    assert (row["to_costs"], row["to_interest"], row["to_principal"]) == (
        Decimal("30.00"),
        Decimal("100.00"),
        Decimal("70.00"),
    )
    assert any(c.endswith("（二）》第二十一条") for c in result.citations)


def test_ledger_bad_input_is_a_chinese_error() -> None:
    loan = Loan("A", P, date(2021, 1, 1), date(2021, 1, 31), Decimal(10))
    with pytest.raises(YaosuError, match="不存在"):
        lending_ledger(
            [loan],
            [LedgerPayment(date(2021, 2, 1), Decimal(1), loan="Z")],
            date(2021, 3, 1),
            filing_date=FILED,
        )
    with pytest.raises(YaosuError, match="重复"):
        lending_ledger([loan, loan], [], date(2021, 3, 1), filing_date=FILED)
    with pytest.raises(YaosuError, match="没有借款"):
        lending_ledger([], [], date(2021, 3, 1))

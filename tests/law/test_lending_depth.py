"""民间借贷 legal depth: transition segments, month-only contract dates, overdue interest with nothing
agreed, and the payment ledger. Every expected figure is computed by hand in the comment; 36500 as
principal makes one day at r% worth exactly r yuan (36500 × r% ÷ 365 = r)."""

import warnings
from datetime import date
from decimal import Decimal

import pytest

from engine.errors import YaosuError
from engine.law.interest import Repayment, interest_cap, private_lending_claim, resolve_contract_date
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
    assert (
        "《最高人民法院关于审理民间借贷案件适用法律若干问题的规定》第二十九条第二款第（一）项"
        in result.citations
    )
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

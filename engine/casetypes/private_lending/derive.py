"""民间借贷: what a complaint implies beyond what it states (run after the generic resolution).

- a term stated as a duration (借期一年) ends the day before the anniversary of the loan date;
- 到2021年年底归还 / 到2022年3月1日还清 states the term end when the cues found none;
- a fixed interest sum a month (每月利息2000元 on a loan of 100000元) is a monthly rate (2 %, 24 % a year);
- an agreed rate means interest was agreed;
- the defendants asked to bear guarantee liability are the guarantors when the facts name none;
- the plaintiffs are the lenders and the defendants other than the guarantors the borrowers, when the
  facts do not say otherwise;
- a delivery method without a delivered amount delivered the agreed amount;
- a defendant named as another defendant's spouse (王二系李四之妻; 李四与王二系夫妻) is the spouse sued
  for a 夫妻共同债务 (the first-named of a couple is taken as the borrower);
- a dated demand on a guarantor (2022年10月8日向被告某公司发出律师函，要求其承担保证责任) is the day the
  creditor claimed against the guarantor (guarantee_claim_date, for the guarantee period);
- the ledgers: each 还款 clause with its own date and amount is one repayment (a date the payments
  ran to — 支付利息至…, …前 — is not a payment; several in one sentence are read figure by figure);
- several loans stated one by one (loans.py) are summed into the loan amount when no bigger figure was
  chosen, two or more on different days are the `loans` ledger (each with its term and rate), and loans
  with different terms leave no single term_end; undated loans go into the ledger as rows without a date
  (a 又 / 再次 loan after a dated one; counted ones whose terms or rates differ), for the judge to complete;
- a repayment naming its loan (归还第一笔借款 / 归还DATE所借的… / 归还上述20万元借款中的5万元) gets `to_loan`, that
  loan's place in the ledger (none when two loans share the day or the amount);
- the loan amount the cues chose is not an asset's value or a guarantee's ceiling (评估价值800万元的厂房 /
  在1000万元最高余额内);
- a delivery told by a day relative to the date before it (同日 / 当天 / 次日 / 第二天 …) is that day;
- a duration is a term only when its clause is the loan's (not 担保期限为一年, a settlement's or a later promise's).
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any

from engine.casetypes.private_lending.durations import add_term
from engine.casetypes.private_lending.guarantors import (
    claimed_guarantors,
    guarantors_by_phrase,
    without_plaintiffs,
)
from engine.casetypes.private_lending.loans import (
    REPAYING,
    Loan,
    designated_loan,
    ledger_loans,
    loan_named_by,
    paid_by_the_lender,
    several_loans,
    stated_loans,
    stated_repayments,
    total,
)
from engine.casetypes.private_lending.terms import (
    REPAY_BY,
    REPAY_VERBS,
    in_iou_quote,
    states_a_delivery,
    states_the_duration,
    states_the_rate,
    states_the_term,
)
from engine.extraction.document import Candidate, Document
from engine.extraction.mention import Mention
from engine.extraction.recognisers.money import format_money
from engine.extraction.recognisers.rates import make_rate
from engine.extraction.stops import start_of

_CLAUSE = re.compile(r"[^。；;！!？?\n]+")
_REPAY = REPAYING
_NOT_A_PAYMENT = ("至", "止", "前", "之前", "以前", "起", "到期", "届满")


def _ledger_rows(
    doc: Document, words: re.Pattern[str], exclude: tuple[str, ...], lending: bool = False
) -> list[tuple[dict[str, Any], tuple[int, int]]]:
    """One record per clause of the facts with a full date, an amount and one of ``words``."""
    rows = []
    start, end = doc.section("facts")
    for clause in _CLAUSE.finditer(doc.text, start, end):
        text = clause.group()
        if not words.search(text) or not _in_facts(doc, clause.start()):
            continue
        dates = [m for m in doc.mentions_in(clause.start(), clause.end(), "date") if len(str(m.value)) == 10]
        dates = [m for m in dates if not doc.text[m.end:m.end + 2].startswith(_NOT_A_PAYMENT)
                 and doc.text[max(m.start - 1, 0):m.start] not in ("至", "到")]
        money = doc.mentions_in(clause.start(), clause.end(), "money")
        if not lending:
            money = [m for m in money if loan_named_by(doc, m) != "only"]  # 归还上述20万元借款中的5万元: 5万
        if len(dates) > 1 and not lending:
            rows += stated_repayments(doc, clause.start(), clause.end())  # several dated acts in one sentence
            continue
        if len(dates) != 1 or not money:
            continue
        lead = doc.text[clause.start():money[0].end]
        if any(w in lead for w in exclude):
            continue  # 约定借款…, 要求归还…: an agreement or a demand, not a delivery or a payment
        if not lending and not words.search(lead):
            continue  # 向原告借款5万元，…前归还 / 第二笔3万元，约定…归还: a loan and its term, not a payment
        record = {"date": str(dates[0].value), "amount": str(money[0].value)}
        rates = doc.mentions_in(clause.start(), clause.end(), "rate") if lending else []
        if rates:
            record["rate"] = rates[0].value
        rows.append((record, (clause.start(), clause.end())))
    return rows


def _ledgers(doc: Document, results: dict[str, Candidate]) -> None:
    repayments = _ledger_rows(doc, _REPAY, ("约定", "应当", "承诺", "要求", "判令", "尚欠"))
    if repayments and "repayments" not in results:
        rows = sorted(repayments, key=lambda r: r[0]["date"])
        results["repayments"] = Candidate("repayments", [r for r, _ in rows], [s for _, s in rows], 0.7, "derived",
                                          rows[0][1][0])


def _several_loans(doc: Document, results: dict[str, Candidate]) -> None:
    """Several loans stated one by one: the loan amount is their sum when no bigger figure (a stated total)
    was chosen; two or more on different days are the ledger (each with its own term and rate); loans with
    different terms have no single term_end (each loan keeps its own)."""
    start, end = doc.section("facts")
    claims = doc.sections.get("claims")
    if claims and start <= claims[0] < end:
        end = claims[0]
    stated = stated_loans(doc, start, end)
    loans = several_loans(stated)
    if not loans:
        paid = None if stated or "loan_amount" in results else paid_by_the_lender(doc, start, end)
        if paid is not None:
            # no clause lends in words, the plaintiff paid the defendant a figure (原告通过银行向被告转账10万元)
            results["loan_amount"] = Candidate("loan_amount", str(paid.value), [(paid.start, paid.end)], 0.6,
                                               "derived", paid.start)
        return
    chosen = results.get("loan_amount")
    summed = total(loans)
    if chosen is None or Decimal(str(chosen.value)) < summed:
        spans = [loan.span for loan in loans]
        results["loan_amount"] = Candidate("loan_amount", format_money(summed), spans, 0.75, "derived", spans[0][0])
    if len({loan.term for loan in loans if loan.term}) >= 2 and "term_end" in results:
        del results["term_end"]
    dated = sorted((loan for loan in loans if loan.date and len(loan.date) == 10), key=lambda loan: str(loan.date))
    ledger = ledger_loans(loans)
    if ledger and "loans" not in results:
        rows = [_ledger_row(loan) for loan in ledger]
        results["loans"] = Candidate("loans", rows, [loan.span for loan in ledger], 0.6, "derived", ledger[0].span[0])
    if dated and "delivery_date" not in results:
        first = dated[0]
        results["delivery_date"] = Candidate("delivery_date", first.date, [first.span], 0.6, "derived", first.span[0])


def _repayments_to_loans(doc: Document, results: dict[str, Candidate]) -> None:
    """A repayment naming the loan it pays (归还第一笔借款 / 归还DATE所借的…) gets `to_loan`, that loan's place in
    the `loans` ledger (1-based; 民法典第五百六十条第一款: the debt the debtor designates); none without a ledger."""
    ledger, paid = results.get("loans"), results.get("repayments")
    if ledger is None or paid is None or paid.source != "derived":
        return
    rows = []
    for row, span in zip(paid.value, paid.spans, strict=False):
        money = next((m for m in doc.mentions_in(*span, "money") if str(m.value) == row.get("amount")
                      and loan_named_by(doc, m) != "only"), None)
        named = designated_loan(doc, money) if money is not None else None
        place = None
        if named is not None and named[0] == "counted" and 1 <= int(named[1]) <= len(ledger.value):
            place = int(named[1])
        elif named is not None and named[0] in ("date", "amount"):
            places = [i for i, loan in enumerate(ledger.value, 1) if loan.get(named[0]) == named[1]]
            place = places[0] if len(places) == 1 else None  # two loans of that day or amount: none named
        rows.append({**row, "to_loan": place} if place is not None else row)
    results["repayments"] = Candidate("repayments", rows, paid.spans, paid.confidence, paid.source, paid.order)


def _ledger_row(loan: Loan) -> dict[str, Any]:
    row: dict[str, Any] = {"date": loan.date} if loan.date else {}
    row["amount"] = loan.amount
    if loan.rate is not None:
        row["rate"] = loan.rate
    if loan.term is not None:
        row["term"] = loan.term
    return row


def _in_facts(doc: Document, position: int) -> bool:
    start, end = doc.section("facts")
    claims = doc.sections.get("claims")
    if claims and claims[0] <= position < claims[1]:
        return False
    return start <= position < end


# …前 / 以前 / 之前 (一次性) (全部) 归还 …: a repayment by the date before it (terms.py's words).
_REPAY_AFTER = re.compile(rf"{REPAY_BY}(?:{REPAY_VERBS})")


def _term_by_date(doc: Document) -> Candidate | None:
    """到DATE归还: the date a loan is to be repaid by (借到 / 收到 are not 到)."""
    text = doc.text
    for mention in doc.mentions:
        if mention.kind != "date" or mention.value is None or not _in_facts(doc, mention.start):
            continue
        if mention.start < 1 or text[mention.start - 1] != "到" or text[mention.start - 2 : mention.start - 1] in (
            "借", "收", "得", "拿", "转", "汇"
        ):
            continue
        if _REPAY_AFTER.match(text, mention.end):
            return Candidate("term_end", mention.value, [(mention.start - 1, mention.end)], 0.75, "derived",
                             mention.start)
    return None


_LATER_AGREEMENT = re.compile(r"重新|承诺书|还款计划|结算|对账|到期后|逾期后|此后|后来|答应|延期|展期|补充协议")
_STILL_UNPAID = re.compile(r"(?:底|末)?(?:仍|尚|依然|依旧)(?:然)?(?:未|没|不)")
_AGREED_REPAY = _REPAY_AFTER
# 约定DATE / 约定…即DATE / 约定被告最迟于DATE (the borrower named between 约定 and 于) … 归还: the agreed day.
_AGREED_BEFORE = re.compile(
    # (说好 / 讲好 / 商定 / 写明 / 载明 DATE还钱: the same agreement in other words; 答应 is a later promise.)
    r"(?:约定|定于|说好|讲好|商定|写明|载明|注明)(?:[^，,。；;]{0,6}?即)?(?:最迟|最晚|至迟)?(?:于|在|为)?$"
    r"|约定(?:由)?(?:被告|借款人|其|他|她|乙方|甲方)[^，,。；;]{0,6}?(?:应当|应|须|需)?(?:最迟|最晚|至迟)?(?:于|在)$"
)
# DATE到期后一次性还本付息 / DATE借款到期: the day the loan matures.
_MATURES_AFTER = re.compile(r"(?:借款|该借款|上述借款)?(?:到期|期限届满)(?!日)")
# 约定DATE为还款日 / 以DATE为还款期限: the date named as the term after it.
_NAMED_AS_TERM = re.compile(r"(?:为|作为)(?:借款的?)?(?:还款日(?:期)?|还款期限|还款时间|到期日|借款期限届满日)")
_RANGE_START_AFTER = re.compile(r"(?:起)?(?:至|到|—|－|-|～|~)")
_RANGE_JOINS = ("至", "起至", "到", "起到", "—", "——", "－", "-", "～", "~")
# 借款期限截止到DATE / 还款时间为DATE: the date right after a term word is the term.
_TERM_WORD_BEFORE = re.compile(
    r"(?:借款期限|还款期限|借期|到期日|还款日期?|还款时间|期满日|届满日)(?:为|是)?(?:截止|截至)?(?:到|至)?[:：]?$"
)
# 最迟不超过DATE归还 / 不晚于DATE还清: the latest day agreed, with or without 约定 before it.
_LATEST_BEFORE = re.compile(r"(?:最迟|最晚|至迟)(?:不超过|不晚于|不迟于)?(?:于|在)?$|(?:不晚于|不迟于)$")
_RANGE_TERM = re.compile(r"(?:期限|借期|借款自|借款从|借款时间)[为是:：]?(?:自|从)?$")


def _term_by_grammar(doc: Document) -> tuple[Candidate | None, Candidate | None]:
    """(a term stated as a range after a term word — 借款期限自X至Y / 借期为X至Y / 借款自X至Y, which states the
    term outright; a term agreed for a date — 约定DATE(前)归还 / 约定还款之日（DATE）), either None."""
    text = doc.text
    dates = [m for m in doc.mentions if m.kind == "date" and m.value is not None and _in_facts(doc, m.start)]
    ranged = agreed = None
    for first, last in zip(dates, dates[1:], strict=False):
        if ranged is None and text[first.end : last.start] in _RANGE_JOINS \
                and _RANGE_TERM.search(text, max(0, first.start - 8), first.start):
            ranged = Candidate("term_end", last.value, [(last.start, last.end)], 0.9, "derived", last.start)
    for mention in dates:
        if agreed is not None:
            break
        lead = text[max(0, mention.start - 12) : mention.start]
        if _LATER_AGREEMENT.search(text, max(0, mention.start - 15), mention.start):
            continue  # 到期后… / 重新出具借条，约定…: a later promise, not the agreed term
        repay = _AGREED_REPAY.match(text, mention.end)
        if (_AGREED_BEFORE.search(lead) or in_iou_quote(text, mention.start)) and repay \
                and not text.startswith("了", repay.end()):  # 写明DATE归还了150万元: a repayment told, no term
            agreed = Candidate("term_end", mention.value, [(mention.start, mention.end)], 0.8, "derived", mention.start)
        elif _MATURES_AFTER.match(text, mention.end):
            agreed = Candidate("term_end", mention.value, [(mention.start, mention.end)], 0.8, "derived", mention.start)
        elif re.search(r"(?:约定|定于|以)$", lead) and _NAMED_AS_TERM.match(text, mention.end):
            agreed = Candidate("term_end", mention.value, [(mention.start, mention.end)], 0.8, "derived", mention.start)
        elif _LATEST_BEFORE.search(lead) and _AGREED_REPAY.match(text, mention.end):
            agreed = Candidate("term_end", mention.value, [(mention.start, mention.end)], 0.8, "derived", mention.start)
        elif _TERM_WORD_BEFORE.search(lead) and not _RANGE_START_AFTER.match(text, mention.end):
            agreed = Candidate("term_end", mention.value, [(mention.start, mention.end)], 0.8, "derived", mention.start)
        elif re.search(r"还款(?:之)?日(?:期)?(?:为)?[（(]$", lead) and text[mention.end : mention.end + 1] in ("）", ")"):
            agreed = Candidate("term_end", mention.value, [(mention.start, mention.end)], 0.8, "derived", mention.start)
    return ranged, agreed


_TERM_WORDS = ("期", "约定", "还款", "归还", "偿还", "还清", "借款自", "借款从", "借款时间")
# How far a borrowing may follow a date range in its sentence (some sources lose their full stops).
_BORROWING_REACH = 60
_SENTENCE_END = re.compile(r"[。；;！!？?\n]")


def _borrowing_follows(text: str, end: int) -> bool:
    """A borrowing (借) follows in the sentence, with no repayment (还 / 到期) before it."""
    stop = _SENTENCE_END.search(text, end)
    after = text[end : min(stop.start() if stop else len(text), end + _BORROWING_REACH)]
    return "借" in after and not any(word in after[: after.index("借")] for word in ("还", "到期"))


def _lending_period_start(doc: Document) -> Candidate | None:
    """2014年9月18日至2015年11月20日期间，被告…分五次向原告借款: the first loan is on the range's first day,
    however long the clause between the range and 借款 (the cue window does not reach it)."""
    text = doc.text
    dates = [m for m in doc.mentions if m.kind == "date" and m.value is not None and _in_facts(doc, m.start)]
    for first, last in zip(dates, dates[1:], strict=False):
        if text[first.end : last.start].lstrip("起") != "至" and text[first.end : last.start] != "起至":
            continue
        if any(word in text[max(0, first.start - 8) : first.start] for word in _TERM_WORDS):
            continue
        if _borrowing_follows(text, last.end):
            return Candidate("delivery_date", first.value, [(first.start, first.end)], 0.75, "derived", first.start)
    return None


def _lending_period_end(doc: Document, term: Candidate) -> bool:
    """2010年6月29日至2013年3月25日，被告…向原告借款: the end of the span the loans were made in, not a term.

    A range is a term when a term word comes just before it (借期自X至Y / 借款期限为X至Y / 约定X至Y);
    without one, a range followed by a borrowing in its sentence dates the borrowing."""
    text = doc.text
    start, end = term.spans[0]
    ranged = [m for m in doc.mentions if m.kind == "date" and text[m.end : start].lstrip("起") == "至"]
    if not ranged:
        return False
    before = text[max(0, ranged[0].start - 8) : ranged[0].start]
    if any(word in before for word in _TERM_WORDS):
        return False
    # …至Y归还借款 / …至Y到期的借款 repays by Y: a term after all.
    return _borrowing_follows(text, end)


_MONTHLY_SUM_BEFORE = re.compile(r"(?:每月|每个月|按月|月)(?:支付|付|给付|计)?(?:利息|息)(?:为|是|按)?$")
_MONTHLY_SUM_AFTER = re.compile(r"(?:每月|每个月|按月)(?:支付|付|给付)?$")


def _rate_from_monthly_sum(doc: Document, loan: Candidate) -> Candidate | None:
    """每月利息2000元 / 每月支付利息2000元 / 每月付2000元利息 on the agreed amount: a monthly rate."""
    text = doc.text
    try:
        principal = Decimal(loan.value)
    except (InvalidOperation, TypeError):
        return None
    if principal <= 0:
        return None
    for mention in doc.mentions:
        if mention.kind != "money" or mention.value is None or not _in_facts(doc, mention.start):
            continue
        lead = text[max(0, mention.start - 10) : mention.start]
        before = _MONTHLY_SUM_BEFORE.search(lead)
        after = None if before else _MONTHLY_SUM_AFTER.search(lead)
        if before is not None:
            start, end = mention.start - len(before.group()), mention.end
        elif after is not None and text.startswith("利息", mention.end):
            start, end = mention.start - len(after.group()), mention.end + 2  # 每月付1000元利息
        else:
            continue
        percent = (Decimal(mention.value) / principal * 100).quantize(Decimal("0.0001")).normalize()
        if not 0 < percent < 100:
            return None
        o_start, o_end = doc.norm.span(start, end)
        rate = make_rate(doc.norm.original[o_start:o_end], "month", percent)
        return Candidate("interest_rate", rate, [(start, end), *loan.spans], 0.7, "derived", start)
    return None


_SPOUSE_WORDS = r"(?:的|之)?(?:妻子|丈夫|配偶|妻|夫)"


def _spouse(doc: Document, defendants: list[str]) -> Candidate | None:
    """王二系被告李四的妻子 / 被告李四与被告王二系夫妻: the spouse among the defendants, from the facts."""
    start, end = doc.section("facts")
    text = doc.text[start:end]
    for a in defendants:
        for b in defendants:
            if a == b:
                continue
            ea, eb = re.escape(a), re.escape(b)
            named = re.search(rf"{eb}(?:系|是|为)(?:被告)?{ea}{_SPOUSE_WORDS}", text)
            couple = re.search(rf"{ea}(?:与|和)(?:被告)?{eb}(?:原)?(?:系|是|为)夫妻", text)
            if couple and defendants.index(a) > defendants.index(b):
                couple = None  # the first-named of the couple is the borrower
            match = named or couple
            if match:
                span = (start + match.start(), start + match.end())
                return Candidate("spouse_defendants", [b], [span], 0.6, "derived", span[0])
    return None


_DEMAND = ("承担保证责任", "承担担保责任", "承担连带责任", "律师函", "催收函", "催款函", "催告函", "催收", "催告")


def _guarantee_claim_date(doc: Document, guarantors: list[str]) -> Candidate | None:
    """The first dated clause of the facts where the creditor demands payment of a named guarantor."""
    start, end = doc.section("facts")
    for clause in _CLAUSE.finditer(doc.text, start, end):
        text = clause.group()
        if not any(g in text for g in guarantors) or not any(w in text for w in _DEMAND):
            continue
        if any(w in text for w in ("约定", "保证期间为", "保证合同")):
            continue  # the guarantee's terms, not a demand under it
        dates = [m for m in doc.mentions_in(clause.start(), clause.end(), "date") if len(str(m.value)) == 10]
        if len(dates) == 1:
            span = (dates[0].start, dates[0].end)
            return Candidate("guarantee_claim_date", dates[0].value, [span], 0.6, "derived", span[0])
    return None


_SIGNING = re.compile(r"签订|签署|订立|(?:出具|写下|立下|书写|签下|打下)了?(?:一张|一份)?(?:借条|借据|欠条|收条)")
_PAYING = re.compile(r"转账|汇款|汇入|汇至|发放|放款|打款|打入|交付|支付(?:了)?(?:借款|款项|该笔|给|至|到)|转给|转入|划入|划转|划至|划付|划款")
# 该款项于DATE到账: the money arrived on that day (not 自到账之日起, which only counts a term from it).
_ARRIVED = re.compile(r"(?:全部|已|即)?(?:到账|到位)")
_NOT_PAYING = re.compile(r"归还|还款|偿还|利息|催|到期")
# A borrowing asked for or agreed on a date whose sentence pays nothing (…为由向原告借款10000元): the money
# may follow on a later dated day.
_ASKING = re.compile(r"向原告(?:提出)?(?:借款|借钱)|提出(?:借款|借钱)|(?:协商|商定|同意)[^。，,]{0,10}(?:借款|借钱)")


# 次日 / 翌日 / 第二天 after a dated signing, in a clause that pays: delivered the day after.
_NEXT_DAY_PAID = re.compile(r"(?:次日|翌日|第二天|第二日)[^。；;]{0,30}?(?:转账|汇款|汇入|交付|支付|打款|打入|给付|发放)")
# The payment told as following the paper, undated (合同签订后，原告陆续交付了借款): the paper's date is no delivery.
_PAID_AFTER_UNDATED = re.compile(
    r"(?:签订后|签署后|订立后|出具借条后|写下借条后|随后|此后|之后)[^。；;\d]{0,20}?(?:交付|转账|支付|汇款|汇入|出借|打款|给付|发放)"
)
# How far after the signing's sentence the payment is looked for.
_PAYMENT_REACH = 120


def _payment_after_signing(doc: Document, chosen: Candidate) -> Candidate | None | bool:
    """2012年4月1日，原、被告签订借款协议…2012年4月2日，原告按约将300万元转账给被告: the loan was delivered on
    the day the money was paid, when the date found is a signing's, an IOU's or a borrowing's (签订 / 出具借条 /
    向原告借款 right after it, no payment in its sentence) and a payment (转账 / 发放 / 交付 in its clause) follows
    within two months, or 次日 pays it. False when a signing's or an IOU's date is followed only by an undated
    payment (签订后 / 随后 … 交付): the date is the paper's, not the delivery's."""
    text = doc.text
    if not chosen.spans or len(str(chosen.value)) != 10:
        return None
    start, end = chosen.spans[0]
    stop = text.find("。", end)
    sentence = text[end : stop if stop >= 0 else len(text)]
    signing = _SIGNING.search(sentence, 0, 50)
    if signing is not None and _paid_later_undated(sentence[signing.end() :]):
        return False  # 出具借条，借款10万元，此后原告分两次交付: the paper's day, the payment undated
    paying = _PAYING.search(sentence)
    later = next((m.start - end for m in doc.mentions_in(end, end + len(sentence), "date")
                  if len(str(m.value)) == 10), None)
    if not (signing or _ASKING.search(sentence, 0, 60)) or (paying and (later is None or paying.start() < later)):
        return None  # paid in the sentence before any later date: on the paper's day (a later date pays below)
    try:
        signed = dt.date.fromisoformat(str(chosen.value))
    except ValueError:
        return None
    for mention in doc.mentions:
        if mention.kind != "date" or mention.start <= start or not _in_facts(doc, mention.start):
            continue
        value = str(mention.value)
        after = re.split(r"[。；;]", text[mention.end : mention.end + 40])[0]
        if text[mention.start - 1 : mention.start] in ("至", "到") or after.startswith(("止", "前", "之前", "以前", "到期")):
            continue  # 期限自X至Y止: a term's end, not a payment's day (X至Y期间…发放 starts the payments)
        if len(value) != 10 or not (_PAYING.search(after) or _ARRIVED.match(after)) or _NOT_PAYING.search(after):
            continue
        try:
            paid = dt.date.fromisoformat(value)
        except ValueError:
            continue
        if paid == signed:
            return None  # 于X、Y分二次交付: the first payment on the paper's day
        if 0 < (paid - signed).days <= 62:
            return Candidate("delivery_date", value, [(mention.start, mention.end)], 0.75, "derived", mention.start)
    sentence_end = stop + 1 if stop >= 0 else len(text)
    following = text[sentence_end : sentence_end + _PAYMENT_REACH]
    next_day = _NEXT_DAY_PAID.match(following.lstrip("，, "))
    if next_day is not None:
        day = (signed + dt.timedelta(days=1)).isoformat()
        return Candidate("delivery_date", day, [*chosen.spans, (sentence_end, sentence_end + next_day.end())], 0.7,
                         "derived", chosen.order)
    if signing is not None and _paid_later_undated(following) and not _ASKING.search(sentence, 0, signing.start()):
        return False
    return None


# 当即 / 当场 / 同日 …: paid at once, on the paper's day.
_AT_ONCE = re.compile(r"当即|当场|当日|同日|当天|即日|随即|即时")


# 此后，被告并无支付利息及本金: no payment told (denied, or interest paid), the paper's date still the delivery's.
_NO_PAYMENT = re.compile(r"(?:无|未|没有|没|不曾|从未)[^，,。；;]{0,2}(?:交付|转账|支付|汇款|汇入|出借|打款|给付|发放)$")


def _paid_later_undated(text: str) -> bool:
    later = _PAID_AFTER_UNDATED.search(text)
    if later is None or _AT_ONCE.search(later.group()):
        return False
    return not (_NO_PAYMENT.search(later.group()) or text.startswith(("利息", "息"), later.end()))


# 当日 / 同日 / 次日 / 第二天 heading a payment (…签订借款合同，原告于当日将50万元汇入): the day of the date before it.
_RELATIVE_DAY = re.compile(r"(?:于)?(?P<day>当日|同日|当天|即日|次日|翌日|第二天|第二日)")
_NEXT_DAYS = ("次日", "翌日", "第二天", "第二日")
_RELATIVE_PAID = re.compile(r"[^。；;！!？?\n]{0,30}?(?:转账|汇款|汇入|交付|支付|打款|打入|给付|发放|现金)")
_NOT_LENDING_BETWEEN = re.compile(r"归还|还款|偿还|还清|利息|催|起诉|到期")
_RELATIVE_REACH = 120


# (原告)于DATE(前后)(通过银行)交付 / 转账 …: the lender's dated payment, however the clause before it ends.
_DATED_PAYMENT = re.compile(r"[^，,。；;还]{0,12}?(?:转账|汇款|汇入|交付|打款|放款|出借|借给|支付(?:了)?(?:借款|款项|给))")


def _dated_payment(doc: Document) -> Candidate | None:
    """The first date of the facts the plaintiff pays on (原告于2014年6月30日交付 after the term's clause, 2014年6月30日
    前后，被告向原告借款…): for a delivery the cues left out, when nothing in its clause repays or demands."""
    text = doc.text
    start, end = doc.section("facts")
    for date in doc.mentions_in(start, end, "date"):
        if date.value is None or len(str(date.value)) not in (7, 10) or not _in_facts(doc, date.start):
            continue
        paid = _DATED_PAYMENT.match(text, date.end)
        lead = text[max(start, date.start - 6) : date.start]
        about = text.startswith(("前后", "左右"), date.end)  # 2014年6月30日前后，被告向原告借款: about that day
        clause_end = re.search(r"[，,。；;]|$", text[date.end : date.end + 60])
        trail = text[date.end : date.end + (clause_end.start() if clause_end else 60)]
        head = text[max(start, date.start - 20) : date.start]
        head = head[max(head.rfind(c) for c in "，,。；;") + 1 :]
        payer_is_borrower = "被告" in head and "原告" not in head  # 被告于DATE转账: the borrower pays (back)
        if not about and (paid is None or not re.search(r"(?:原告|于|在)$", lead) or _NOT_PAYING.search(trail)
                          or payer_is_borrower):
            continue
        if states_a_delivery(text, date.start, date.end):
            return Candidate("delivery_date", date.value, [(date.start, date.end)], 0.6, "derived", date.start)
    return None


# A date that opens or closes a span (期限自X起至Y止 / X—Y / …前): a term's, not the day 当日 refers to.
_RANGE_AFTER = re.compile(r"(?:起)?(?:至|到|—|－|~|～)|止|(?:之|以)?前")


def _in_a_range(text: str, date: Mention) -> bool:
    return text[date.start - 1 : date.start] in ("至", "到", "—", "－", "~", "～") or bool(_RANGE_AFTER.match(text, date.end))


def _relative_delivery(doc: Document, results: dict[str, Candidate]) -> None:
    """The delivery told by a day relative to the date before it (同日 / 当天 / 次日 …, in its sentence or the
    next): that date, or the day after it; it fills a missing delivery or moves the chosen one from that date
    to the day after."""
    text = doc.text
    start, end = doc.section("facts")
    chosen = results.get("delivery_date")
    for word in _RELATIVE_DAY.finditer(text, start, end):
        paid = _RELATIVE_PAID.match(text, word.end())
        if not _in_facts(doc, word.start()) or paid is None:
            continue
        clause_end = re.search(r"[，,。；;]", text[paid.end() : paid.end() + 30])
        if _NOT_LENDING_BETWEEN.search(text, word.end(), paid.end() + (clause_end.start() if clause_end else 30)):
            continue  # 次日转账归还1万元: a repayment on the day after
        dates = [m for m in doc.mentions_in(max(start, word.start() - _RELATIVE_REACH), word.start(), "date")
                 if m.value is not None and not _in_a_range(text, m)]
        if not dates or len(str(dates[-1].value)) != 10:
            continue
        anchor = dates[-1]
        between = text[anchor.end : word.start()]
        if _NOT_LENDING_BETWEEN.search(between) or len(re.findall(r"[。；;！!？?\n]", between)) > 1:
            continue
        day = dt.date.fromisoformat(str(anchor.value))
        if word.group("day") in _NEXT_DAYS:
            day += dt.timedelta(days=1)
        if chosen is None or (str(chosen.value) == str(anchor.value) and day.isoformat() != str(anchor.value)):
            results["delivery_date"] = Candidate("delivery_date", day.isoformat(), [(anchor.start, anchor.end),
                                                 (word.start(), word.end())], 0.7, "derived", anchor.start)
        return


def _states_the_term(doc: Document, candidate: Candidate | None) -> bool:
    if candidate is None or not candidate.spans:
        return False
    start, end = candidate.spans[0]
    return states_the_term(doc.text, start, end, candidate.value)


# 约定于DATE前归还，(同时约定)如逾期，最迟于DATE2前还清: the later date is a final deadline (for penalties), the
# first the term (corpus/realdata_gold/README.md, term_end).
_FINAL_DEADLINE_BEFORE = re.compile(r"(?:最迟|最晚|至迟)(?:应当?|须|需)?(?:于|在)?$")


def _first_of_two_deadlines(doc: Document, results: dict[str, Candidate]) -> None:
    """The term the cues chose when it is a final deadline after an earlier agreed date of the same sentence:
    the earlier date is the term."""
    chosen = results.get("term_end")
    if chosen is None or chosen.source != "cues" or not chosen.spans:
        return
    text = doc.text
    start = chosen.spans[0][0]
    if not _FINAL_DEADLINE_BEFORE.search(text, max(0, start - 6), start):
        return
    sentence_start = start_of(text, start, max(0, start - _DEADLINE_REACH), "。；;\n")
    earlier = [c for c in doc.candidates if c.element == "term_end" and c.source == "cues" and c.spans
               and sentence_start <= c.spans[0][0] < start and str(c.value) < str(chosen.value)
               and _states_the_term(doc, c)]
    if earlier:
        results["term_end"] = min(earlier, key=lambda c: c.spans[0][0])


_DEADLINE_REACH = 80


def _cued_term(doc: Document, results: dict[str, Candidate]) -> None:
    """The term the cues chose, re-chosen among the cue candidates whose clause states the agreed term (the
    cue pick: the best score, then the latest date); none when no candidate's clause does."""
    _first_of_two_deadlines(doc, results)
    chosen = results.get("term_end")
    if chosen is None or chosen.source != "cues" or _states_the_term(doc, chosen):
        return
    kept = [c for c in doc.candidates if c.element == "term_end" and c.source == "cues" and _states_the_term(doc, c)]
    if not kept:
        del results["term_end"]
        return
    top = max(c.confidence for c in kept)
    results["term_end"] = max((c for c in kept if c.confidence >= top - 1e-9), key=lambda c: (str(c.value), -c.order))


def _cued_delivery(doc: Document, results: dict[str, Candidate]) -> None:
    """The delivery the cues chose (the earliest date by a lending word), re-chosen among the cue candidates
    whose sentence lends on that date; none when no candidate's does."""
    chosen = results.get("delivery_date")
    if chosen is None or chosen.source != "cues":
        return
    starts = sorted(m.start for m in doc.mentions if m.kind == "date")

    def lends(candidate: Candidate) -> bool:
        if not candidate.spans:
            return False
        start, end = candidate.spans[0]
        index = bisect_left(starts, end)  # the next date, looked up once per candidate
        return states_a_delivery(doc.text, start, end, starts[index] if index < len(starts) else None)

    if lends(chosen):
        results["delivery_date"] = _day_of_the_month(doc, chosen, lends)
        return
    kept = [c for c in doc.candidates if c.element == "delivery_date" and c.source == "cues" and lends(c)]
    if not kept:
        del results["delivery_date"]
        return
    results["delivery_date"] = _day_of_the_month(doc, min(kept, key=lambda c: (str(c.value), c.order)), lends)


# 被告于2014年7月31日向原告出具借条: the day a paper was written (the money went in the month before), not a payment.
_PAPER_AFTER = re.compile(r"[^，,。；;]{0,12}?(?:出具|书写|写下|打下|立下|签订|签署|补写)")


def _day_of_the_month(doc: Document, chosen: Candidate, lends: Callable[[Candidate], bool]) -> Candidate:
    """2016年5月，被告多次打电话借款…原告遂于2016年5月18日给被告借款: a month-only (or year-only) delivery that
    another lending clause dates more precisely within that month (year) is that date (the first such): "2015"
    sorts before "2015-08-19" but says less, not earlier."""
    value = str(chosen.value)
    if len(value) not in (4, 7):
        return chosen
    days = [c for c in doc.candidates if c.element == "delivery_date" and c.source == "cues"
            and str(c.value).startswith(value + "-") and lends(c) and c.spans
            and not _PAPER_AFTER.match(doc.text, c.spans[0][1])]
    return min(days, key=lambda c: (str(c.value), c.order)) if days else chosen


# A figure that is a value or a ceiling, not a sum lent: 评估价值800万元的厂房 / 在1000万元最高余额内的借款.
_VALUE_BEFORE = re.compile(r"(?:价值|评估价|估价|市值|作价|最高额|最高余额|最高限额|额度)(?:为|约|达)?(?:人民币)?$")
_CEILING_AFTER = re.compile(r"(?:的)?(?:最高|额度|限额|范围内|以内|之内)")


def _a_value_or_ceiling(text: str, start: int, end: int) -> bool:
    return bool(_VALUE_BEFORE.search(text, max(0, start - 10), start) or _CEILING_AFTER.match(text, end))


def _cued_amount(doc: Document, results: dict[str, Candidate]) -> None:
    """The loan amount the cues chose (the biggest figure by a lending word), re-chosen among the cue candidates
    that are not an asset's value or a guarantee's ceiling; none when every candidate is one."""
    chosen = results.get("loan_amount")
    if chosen is None or chosen.source != "cues" or not chosen.spans:
        return
    if not _a_value_or_ceiling(doc.text, *chosen.spans[0]):
        return
    kept = [c for c in doc.candidates if c.element == "loan_amount" and c.source == "cues" and c.spans
            and not _a_value_or_ceiling(doc.text, *c.spans[0])]
    if not kept:
        del results["loan_amount"]
        return
    results["loan_amount"] = max(kept, key=lambda c: (Decimal(str(c.value)), -c.order))


def _cued_rate(doc: Document, results: dict[str, Candidate]) -> None:
    """The first rate the cues found, re-chosen among the cue candidates that are the term's agreed rate (not a
    penalty's, not one for after the term, not one only asked for); none when no candidate is."""
    chosen = results.get("interest_rate")
    if chosen is None or chosen.source != "cues":
        return

    def agreed(candidate: Candidate) -> bool:
        return bool(candidate.spans) and states_the_rate(doc.text, *candidate.spans[0])

    if agreed(chosen):
        return
    kept = [c for c in doc.candidates if c.element == "interest_rate" and c.source == "cues" and agreed(c)]
    if kept:
        results["interest_rate"] = min(kept, key=lambda c: c.order)
    else:
        del results["interest_rate"]


def derive(doc: Document, results: dict[str, Candidate]) -> None:
    _cued_term(doc, results)
    _cued_delivery(doc, results)
    _cued_rate(doc, results)
    _cued_amount(doc, results)
    delivery = results.get("delivery_date")
    if delivery is not None and delivery.source == "cues":
        paid = _payment_after_signing(doc, delivery)
        if paid is False:
            del results["delivery_date"]
        elif isinstance(paid, Candidate):
            results["delivery_date"] = paid
    _relative_delivery(doc, results)
    if "delivery_date" not in results and delivery is None:
        paid_on = _dated_payment(doc)
        if paid_on is not None:
            results["delivery_date"] = paid_on
    if "interest_rate" not in results and "loan_amount" in results:
        by_sum = _rate_from_monthly_sum(doc, results["loan_amount"])
        if by_sum is not None:
            results["interest_rate"] = by_sum
    period = _lending_period_start(doc)
    delivery = results.get("delivery_date")
    if period is not None and (delivery is None or str(period.value) < str(delivery.value)):
        results["delivery_date"] = period
    term = results.get("term_end")
    if term is not None and term.source == "cues" and _lending_period_end(doc, term):
        del results["term_end"]
    term = results.get("term_end")
    if term is not None and term.spans and _STILL_UNPAID.match(doc.text, term.spans[0][1]):
        del results["term_end"]  # 被告至2016年底仍未归还: the date it was still unpaid, not a term
    ranged, agreed = _term_by_grammar(doc)
    term = results.get("term_end")
    if ranged is not None and _states_the_term(doc, ranged) \
            and (term is None or (term.source == "cues" and term.confidence < 0.9)):
        results["term_end"] = ranged
    elif agreed is not None and term is None and _states_the_term(doc, agreed):
        results["term_end"] = agreed
    if "term_end" not in results:
        by_date = _term_by_date(doc)
        if by_date is not None and _states_the_term(doc, by_date):
            results["term_end"] = by_date
    durations = [m for m in doc.mentions if m.kind == "duration" and _in_facts(doc, m.start)
                 and states_the_duration(doc.text, m.start, m.end)]
    anchor = results.get("delivery_date") or results.get("contract_date")
    if "term_end" not in results and durations and anchor and len(str(anchor.value)) == 10:
        end = add_term(anchor.value, durations[0].value)
        if end:
            spans = [(durations[0].start, durations[0].end), *anchor.spans]
            results["term_end"] = Candidate("term_end", end, spans, 0.8, "derived", durations[0].start)
    if "interest_rate" in results:
        rate = results["interest_rate"]
        results["interest_agreed"] = Candidate("interest_agreed", True, rate.spans, 0.85, "derived", rate.order)
    guarantors = results.get("guarantors")
    if guarantors is None or guarantors.source == "cues":
        # The guarantee phrases say who gives it; the nearest-name cue is the fallback.
        phrased = guarantors_by_phrase(doc)
        if phrased is not None:
            guarantors = results["guarantors"] = phrased
        elif guarantors is not None:
            guarantors = without_plaintiffs(doc, guarantors)
            if guarantors is None:
                del results["guarantors"]
            else:
                results["guarantors"] = guarantors
    if guarantors is None and "claim_guarantee" in results:
        guarantors = claimed_guarantors(doc, results["claim_guarantee"])
        if guarantors is not None:
            results["guarantors"] = guarantors
    # The way of guarantee is a legal consequence, not a fact: it is left to the judge.
    plaintiffs = results.get("plaintiffs")
    defendants = results.get("defendants")
    if plaintiffs is not None and "lenders" not in results:
        names = [p["name"] for p in plaintiffs.value]
        results["lenders"] = Candidate("lenders", names, plaintiffs.spans, 0.75, "derived", plaintiffs.order)
    if defendants is not None and "borrowers" not in results:
        excluded = set(guarantors.value) if guarantors is not None else set()
        kept = [(p["name"], span) for p, span in zip(defendants.value, defendants.spans, strict=False)
                if p["name"] not in excluded]
        if kept:
            results["borrowers"] = Candidate("borrowers", [n for n, _ in kept], [s for _, s in kept], 0.7, "derived",
                                             kept[0][1][0])
    if defendants is not None and "spouse_defendants" not in results and len(defendants.value) >= 2:
        spouse = _spouse(doc, [p["name"] for p in defendants.value][:10])  # pairs: bounded
        if spouse is not None:
            results["spouse_defendants"] = spouse
    if guarantors is not None and guarantors.value and "guarantee_claim_date" not in results:
        demand = _guarantee_claim_date(doc, list(guarantors.value))
        if demand is not None:
            results["guarantee_claim_date"] = demand
    _ledgers(doc, results)
    _several_loans(doc, results)
    _repayments_to_loans(doc, results)
    if "delivered_amount" not in results and "loan_amount" in results and "delivery_method" in results:
        loan = results["loan_amount"]
        results["delivered_amount"] = Candidate("delivered_amount", loan.value, loan.spans, 0.6, "derived", loan.order)

"""民间借贷: the loans a complaint states one by one (each 笔 with its amount, and its date, term and rate
when the complaint gives them), read from the grammar of the clause that lends.

A money figure is a loan when its own clause (back to a comma, a 、 or the figure before it) lends it
(借款 / 借给 / 出借 / 向…借 …) and says nothing else about it: not a repayment, interest, a balance, a
total (共计 / 上述两笔), an IOU restating it (载明借款…), a demand or a guarantee. The plaintiff borrowing
from the defendant (原告向被告借款) is no loan of this case. Its date is the last full date before it in
its sentence, after the figure before it, unless that date is a term's (…前归还, 到期) or something else
is done on it first. Its term and rate are the ones its sentence states after it, before the next loan.

A contract's amount (签订借款合同，约定借款500万元) followed by the payments that add up to it (原告于DATE支付借款500万元 /
放款300万元…放款200万元) is one loan, dated by its first payment, not two or three.

Several loans are the loans of the complaint when they are dated (two loans on different days, or two
amounts on the same day) or counted (第一笔 / 第二次); an undated figure without such a marker is the same
loan told again (被告借款10万元…该借款10万元), not another.

Two loans with two terms have no single term_end (corpus/realdata_gold/README.md, rc_loan_dev: unscored):
derive.py drops it and each ledger loan keeps its own `term`, which rules.py takes as that loan's due date
(民法典第五百六十条: a due loan is paid first).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from engine.casetypes.private_lending.terms import REPAY_BY, REPAY_VERBS, states_the_term
from engine.extraction.document import Document
from engine.extraction.mention import Mention
from engine.extraction.numerals import parse_number
from engine.extraction.stops import end_of, start_of

_SENTENCE_STOPS = "。；;！!？?\n"
_CLAUSE_STOPS = "，,、：:" + _SENTENCE_STOPS
_SENTENCE_REACH = 200  # how far a loan's sentence is read on for its term and rate (some texts lose full stops)
_SENTENCE_STOPS_RE = re.compile(f"[{_SENTENCE_STOPS}]")
_LENDS = re.compile(
    r"借款|借给|借到|借得|出借|借支|借取|借了|借走|借用|借去|拆借|另借|又借|再借|借现金|借人民币|放款|向[^，,。；;]{1,16}?借"
)
# The lender paying the borrower (原告通过银行向被告转账10万元): the loan when no clause lends in words.
_LENDER_PAYS = re.compile(r"原告[^，,。；;]{0,16}?(?:向|给)被告[^，,。；;]{0,12}?(?:转账|汇款|打款|支付|交付)$")
# The clause says something else of the figure: a repayment, interest, a balance, a total, an IOU's text,
# a demand, a guarantee, a deduction.
_NOT_LENT = re.compile(
    r"还|利息|付息|尚欠|仍欠|下欠|欠款|催|共计|合计|总计|累计|共|上述|该笔|此笔|该款|(?<!第)[两二三四五六七八九十几数多]笔|各笔|本息"
    r"|载明|写明|注明|记载|内容为|金额为|确认|结算|担保|保证|违约金|律师费|扣除|剩余|余款|其余|其中本金"
)
# The plaintiff borrowing from a defendant (原告曾向被告借款1万元): no loan of this case (原告向被告提供借款 is).
_FROM_DEFENDANT = re.compile(r"向(?:被告|借款人)[^，,。；;提供出交支转汇]{0,12}?借(?!给)")
# The sentence restates a loan rather than telling it: an IOU's words (载明：“今借到…”), evidence (欲证明…借款X元
# 的事实), an account as of a day (截至…).
_RESTATING = re.compile(r"载明|写明|注明|记载|内容为|“今|证明|证实|查明|认定|截至|截止")
# A date whose next words make it a term's or another act's, not the loan's.
_NOT_LOAN_DATE = re.compile(r"^(?:的|(?:之|以)?(?:前|止|至|到期|届满|起))|归还|还款|偿还|还清|到期|利息|催|担保|保证")
_COUNTED = re.compile(r"第[一二三四五六七八九十\d]{1,2}[笔次]")
_FURTHER = re.compile(r"[又再](?:次|一次)?(?:向|借|从|找)")
_EACH = re.compile(r"[均都各]|一律|全部")
_TERM_BEFORE = re.compile(r"(?:约定|定于|最迟|最晚|期限|借期|到期日|还款日|还款日期|还款时间)[^，,。；;]{0,4}$")
_TERM_AFTER = re.compile(rf"{REPAY_BY}(?:{REPAY_VERBS}|到期)")


@dataclass(frozen=True)
class _Part:
    """The part [start, end) of a document read for loans; its mentions come from Document.mentions_in."""

    doc: Document
    start: int
    end: int

    def between(self, kind: str, lo: int | None = None, hi: int | None = None) -> list[Mention]:
        """The mentions of ``kind`` with a value that start in [lo, hi) and lie inside the part (one may run
        past ``hi``: a sentence read only to its reach)."""
        lo = self.start if lo is None else max(lo, self.start)
        hi = self.end if hi is None else min(hi, self.end)
        return [m for m in self.doc.mentions_in(lo, hi, kind, starting=True)
                if m.end <= self.end and (m.value is not None or kind == "rate")]


@dataclass(frozen=True)
class Loan:
    amount: str
    span: tuple[int, int]
    date: str | None = None
    term: str | None = None
    rate: Any = None
    counted: bool = False
    further: bool = False  # told as another loan (又 / 再次): an undated one still goes into the ledger
    agreed: bool = False  # told as a contract's content (签订借款合同，约定借款500万元), no payment in its clause
    paid: bool = False  # told as a payment (原告向被告支付借款500万元 / 放款300万元)


def _clause_start(text: str, position: int, floor: int) -> int:
    return start_of(text, position, floor, _CLAUSE_STOPS)


def _sentence_start(text: str, position: int, floor: int) -> int:
    return start_of(text, position, floor, _SENTENCE_STOPS)


def _clause_end(text: str, position: int, ceiling: int) -> int:
    return end_of(text, position, min(ceiling, len(text)), _CLAUSE_STOPS)


def _sentence_end(text: str, position: int, ceiling: int) -> int:
    return end_of(text, position, min(ceiling, position + _SENTENCE_REACH), _SENTENCE_STOPS)


def _loan_date(part: _Part, floor: int, money: Mention) -> str | None:
    """The last full date in [floor, the figure) that dates the lending, or None."""
    before = [d for d in part.between("date", floor, money.start) if d.end <= money.start]
    if not before:
        return None
    date = before[-1]
    text = part.doc.text
    between = text[date.end : money.start]
    if len(str(date.value)) not in (7, 10) or _NOT_LOAN_DATE.search(between) or text[date.start - 1 : date.start] in ("至", "到"):
        return None
    return str(date.value)


def _loan_term(part: _Part, start: int, end: int) -> str | None:
    """The agreed repayment date its sentence states after the figure (约定2020年6月1日归还 / 还款期限为…)."""
    text = part.doc.text
    for date in part.between("date", start, end):
        if len(str(date.value)) != 10:
            continue
        lead = text[max(start, date.start - 12) : date.start]
        if (_TERM_BEFORE.search(lead) or _TERM_AFTER.match(text, date.end)) \
                and states_the_term(text, date.start, date.end, date.value):
            return str(date.value)
    return None


_JOINS = ("、", "和", "及", "以及")
_TOTAL_BEFORE = re.compile(r"(?:共计|合计|总计|累计|共)(?:为|是)?$")


def _runs(mentions: list[Mention], text: str) -> list[list[Mention]]:
    """Mentions listed one after another (A、B和C): the runs of two or more."""
    runs: list[list[Mention]] = []
    for mention in mentions:
        if runs and text[runs[-1][-1].end : mention.start] in _JOINS:
            runs[-1].append(mention)
        else:
            runs.append([mention])
    return [run for run in runs if len(run) >= 2]


def _paired(part: _Part) -> dict[int, str]:
    """于DATE1、DATE2两次向原告借款，金额分别为A、B: in a sentence that lends, a list of full dates before a list
    of as many amounts pairs them in order (amount start → date)."""
    text = part.doc.text
    pairs: dict[int, str] = {}
    for run in _runs(part.between("date"), text):
        stop = _sentence_end(text, run[-1].end, len(text))
        after = [m for m in part.between("money", run[-1].end, stop)
                 if not _TOTAL_BEFORE.search(text, max(0, m.start - 4), m.start)]  # …，共计5万元: their total
        listed = _runs(after, text)
        if len(listed) != 1 or len(listed[0]) != len(run) or len(after) != len(run):
            continue
        if any(len(str(d.value)) != 10 for d in run) or not _LENDS.search(text, run[-1].end, listed[0][0].start):
            continue
        if _NOT_LENT.search(text, run[-1].end, listed[0][0].start):
            continue
        pairs.update({m.start: str(d.value) for d, m in zip(run, listed[0], strict=True)})
    return pairs


# 原告将5万元借款交付被告: the figure named before 借款, then handed over.
_LOAN_HANDED_OVER = re.compile(r"(?:的)?借款(?:本金)?[^，,。；;]{0,12}?(?:交付|转账|转给|转入|汇给|汇入|支付|出借|借给|给)")
# 被告提出借款，原告通过银行转账2万元给被告: a borrowing asked for without a figure, paid by a transfer.
_ASKED = re.compile(r"提出借款|要求借款|提出借钱|要求借钱|想借钱|需要借款|借款需求")
_PAID = re.compile(r"转账|转款|汇款|打款|汇入|转入|交付|支付")
_ASKED_REACH = 60
# The sentence tells the IOU being written (被告出具借条一张，借款8万元): the paper of a loan, not another loan.
_IOU_SIGNED = re.compile(r"(?:出具|写下|立下|签下|打了|打下|书写)(?:了)?(?:一张|一份)?(?:借条|借据|欠条)")


def _joined_to(part: _Part, previous: Mention, money: Mention) -> bool:
    text = part.doc.text
    between = text[previous.end : money.start]
    return between[:1] in ("、", "和", "及") and not _SENTENCE_STOPS_RE.search(between) \
        and not part.between("date", previous.end, money.start)


def _asked_then_paid(part: _Part, clause: str, money: Mention, loan_starts: set[int]) -> bool:
    """The figure is paid (转账 / 汇款 …) in its clause after a borrowing asked for with no figure of its own: no
    figure stands between the asking and this one but the ones paid for it (3800元、1200元)."""
    text = part.doc.text
    if not _PAID.search(clause):
        return False
    asked = list(_ASKED.finditer(text, max(0, money.start - _ASKED_REACH), money.start))
    if not asked:
        return False
    asked_end = asked[-1].end()
    if asked_end + 6 < money.start and part.between("money", asked_end, asked_end + 6):
        return False  # 提出借款5万元，…原告转账5万元: the asked figure, paid; not another loan
    return all(m.start in loan_starts for m in part.between("money", asked_end, money.start))


# 借款：第一笔5万元…；第二笔3万元…: a counted item right before its figure, in a list a lending clause opens.
_COUNTED_ITEM = re.compile(r"第[一二三四五六七八九十\d]{1,2}笔(?:借款)?(?:为|是)?$")
_LIST_REACH = 120


def _listed_after_lending(text: str, told: int, money: Mention, floor: int) -> bool:
    if not _COUNTED_ITEM.search(text, told, money.start):
        return False
    head_end = text.rfind("：", max(floor, told - _LIST_REACH), told)
    head_end = max(head_end, text.rfind(":", max(floor, told - _LIST_REACH), told))
    if head_end < 0 or "。" in text[head_end:told]:
        return False
    head_start = max(floor, text.rfind("。", max(floor, head_end - 60), head_end) + 1)
    return bool(_LENDS.search(text, head_start, head_end)) and not _NOT_LENT.search(text, head_start, head_end)


def stated_loans(doc: Document, start: int, end: int) -> list[Loan]:
    """Every figure in [start, end) of the text that a clause lends, in text order."""
    text = doc.text
    part = _Part(doc, start, end)
    loan_starts: set[int] = set()
    loans: list[tuple[Mention, int, str | None, bool, bool]] = []
    paired = _paired(part)
    previous_end = start
    for money in part.between("money"):
        floor = _sentence_start(text, money.start, max(start, previous_end))
        told = _clause_start(text, money.start, floor)  # the loan's own clause: the one before it ends there
        clause = text[told : money.start]
        previous_end = money.end
        if money.start in paired:
            loans.append((money, told, paired[money.start], False, False))
            loan_starts.add(money.start)
            continue
        lent = _LENDS.search(clause) or _LOAN_HANDED_OVER.match(text, money.end) \
            or _asked_then_paid(part, clause, money, loan_starts) or _listed_after_lending(text, told, money, start)
        if not lent or _NOT_LENT.search(clause) or _FROM_DEFENDANT.search(clause) \
                or _RESTATING.search(text, floor, money.start) or _IOU_SIGNED.search(text, floor, money.start):
            continue
        counted = bool(_COUNTED.search(text, _sentence_start(text, money.start, max(start, money.start - 20)), money.start))
        date = _loan_date(part, floor, money)
        if date is None and loans and _joined_to(part, loans[-1][0], money):
            date = loans[-1][2]  # 转账3800元、微信转账1200元: paid with the figure before it, on its day
        loans.append((money, told, date, counted, bool(_FURTHER.search(clause))))
        loan_starts.add(money.start)
    out = []
    shared_rate = None
    for index, (money, told, date, counted, further) in enumerate(loans):
        paid = bool(_PAYS.search(text, told, _clause_end(text, money.end, money.end + 20)))  # …将借款X元支付至…
        agreed = not paid and bool(_AGREED.search(text, _sentence_start(text, money.start, start), money.start))
        stop = _sentence_end(text, money.end, end)
        if index + 1 < len(loans):
            stop = min(stop, loans[index + 1][1])
        rate = next(iter(part.between("rate", money.end, stop)), None)
        if rate is not None and _EACH.search(text, max(money.end, rate.start - 8), rate.start):
            shared_rate = rate.value  # 均约定年利率13.8%: the rate of every loan told before it
        out.append(Loan(str(money.value), (money.start, money.end), date, _loan_term(part, money.end, stop),
                        rate.value if rate is not None else None, counted, further, agreed, paid))
    if shared_rate is not None:
        out = [loan if loan.rate is not None else replace(loan, rate=shared_rate) for loan in out]
    return out


def paid_by_the_lender(doc: Document, start: int, end: int) -> Mention | None:
    """The first figure in [start, end) the plaintiff pays the defendant (原告…向被告转账X元), not a repayment."""
    text = doc.text
    for money in _Part(doc, start, end).between("money"):
        clause = text[_clause_start(text, money.start, max(start, money.start - 40)) : money.start]
        if _LENDER_PAYS.search(clause) and not _NOT_LENT.search(clause):
            return money
    return None


def _same_loan(a: Loan, b: Loan) -> bool:
    return a.amount == b.amount and a.date is not None and b.date is not None \
        and (a.date.startswith(b.date) or b.date.startswith(a.date))


# A contract's content (签订借款合同，约定借款500万元) and a payment (原告向被告支付借款500万元 / 放款300万元).
_AGREED = re.compile(r"约定|签订|签署|订立|合同|协议")
_PAYS = re.compile(r"支付|转账|转款|汇款|汇入|汇至|打款|交付|发放|放款|划款|划付|给付")


def _delivered(loans: list[Loan]) -> list[Loan]:
    """The loans with each agreed loan's payments folded into it: a contract's amount (约定借款500万元) followed by
    payments of it (原告于DATE支付借款500万元 / 于DATE放款300万元，于DATE放款200万元) that add up to it is one loan,
    dated by its first payment, not two or three."""
    out: list[Loan] = []
    index = 0
    while index < len(loans):
        loan = loans[index]
        out.append(loan)
        index += 1
        if not loan.agreed:
            continue
        agreed, paid, end = Decimal(loan.amount), Decimal(0), index
        while end < len(loans) and loans[end].paid and paid + Decimal(loans[end].amount) <= agreed:
            if loan.date and loans[end].date and str(loans[end].date) < str(loan.date):
                break  # paid before the contract: another loan
            paid += Decimal(loans[end].amount)
            end += 1
            if paid == agreed:
                break
        if paid == agreed and end > index:
            out[-1] = replace(loan, date=loans[index].date or loan.date, paid=True)
            index = end
    return out


def several_loans(loans: list[Loan]) -> list[Loan]:
    """The loans of the complaint when it states several (see the module's doc); [] when it states one.

    Either the dated ones (the same date and amount twice is one loan told again), or one dated loan and the
    undated ones told after it as further loans (又 / 再次), or, when fewer than two are dated, the
    counted ones (第一笔 … 第二笔). A contract's amount and the payments that deliver it are one loan."""
    loans = _delivered(loans)
    dated: list[Loan] = []
    for loan in loans:
        if loan.date is None or any(_same_loan(loan, other) for other in dated):
            continue  # the same loan told again (2014年7月份借款8万元 … 2014年7月31日 … 8万元)
        dated.append(loan)
    if len(dated) >= 2:
        return dated
    if dated:
        further = [loan for loan in loans[loans.index(dated[0]) + 1 :] if loan.date is None and loan.further]
        if further:
            return [dated[0], *further]
    counted = [loan for loan in loans if loan.counted]
    return counted if len(counted) >= 2 else []


def ledger_loans(loans: list[Loan]) -> list[Loan]:
    """The loans of ``several_loans`` that are the `loans` ledger, [] when they are not one: two or more on
    different full dates (in date order); one dated loan and further undated ones (in the order told: the judge
    completes their dates); undated counted loans, in the order told, when their terms or rates differ (what
    the ledger is for: each loan's own due date and rate)."""
    full = [loan for loan in loans if loan.date is not None and len(loan.date) == 10]
    undated = [loan for loan in loans if loan.date is None]
    if not undated:
        return sorted(full, key=lambda loan: str(loan.date)) if len({loan.date for loan in full}) >= 2 else []
    if full and len(full) + len(undated) == len(loans) and all(loan.further for loan in undated):
        return loans
    if len(undated) == len(loans) and len({(loan.term, repr(loan.rate)) for loan in loans}) >= 2:
        return loans
    return []


def total(loans: list[Loan]) -> Decimal:
    return sum((Decimal(loan.amount) for loan in loans), Decimal(0))


# A repayment's words (支付第一期利息 pays interest too: 第一期 is an instalment, no loan).
REPAYING = re.compile(r"归还|还款|偿还|还了|还本|(?:支付|给付)(?:了)?(?:第[一二三四五六七八九十\d]{1,2}期|首期|当月|本月)?利息|付息")
_NOT_REPAID = re.compile(r"约定|应当|应于|承诺|要求|判令|尚欠|仍欠|下欠|共计|合计|累计|未|催")
_NOT_PAYMENT_DATE = re.compile(r"^(?:的|(?:之|以)?(?:至|止|前|起|到期|届满))")  # 归还2021年9月1日的借款: the loan's day
# A date after the repayment's verb naming the loan it pays (归还2020年3月1日所借的2万元): that loan's day.
_NAMES_A_LOAN = re.compile(r"所借|借的|的借款|借款|出借")
_AFTER_NAMES = re.compile(
    r"[，,]?(?:系|是|为|用于)(?:归还|偿还|清偿)(?:的)?第(?P<n>[一二三四五六七八九十\d]{1,2})(?:笔|次(?=借|的借|所借))"
)
_PAYS_COUNTED = re.compile(r"第(?P<n>[一二三四五六七八九十\d]{1,2})(?:笔|次(?=借|的借|所借))")


# A figure naming a loan by its amount: 上述20万元借款中的5万元 / 其中10万元借款 / 10万元的那笔借款.
_NAMED_BY_AMOUNT = re.compile(r"(?:的)?(?P<that>那笔|这笔|该笔)?(?:借款|欠款)")
_REFERRED = re.compile(r"(?:上述|其中|前述|前面所述|前面)$")


def loan_named_by(doc: Document, money: Mention) -> str:
    """How a figure names a loan by its amount: "only" when another figure of its clause is the sum paid (归还上述
    20万元借款中的5万元: 20万 names the loan), "itself" when it is that loan, paid in full (归还其中10万元借款 / 将10万元的
    那笔借款还清), "" when it names none (归还10万元借款 is a sum repaid, not a loan named)."""
    text = doc.text
    named = _NAMED_BY_AMOUNT.match(text, money.end)
    if named is None:
        return ""
    stop = _clause_end(text, named.end(), named.end() + 20)
    if doc.mentions_in(named.end(), stop, "money"):
        return "only"
    if named.group("that") or _REFERRED.search(text, max(0, money.start - 6), money.start):
        return "itself"
    return ""


def designated_loan(doc: Document, money: Mention) -> tuple[str, str] | None:
    """The loan a repayment of ``money`` names between its verb and the figure: ("counted", "2") for 归还第二笔借款
    1万元, ("date", "2020-03-01") for 归还2020年3月1日所借的2万元, ("amount", "200000.00") for 归还上述20万元借款中的
    5万元; None when it names none."""
    text = doc.text
    lo = _clause_start(text, money.start, max(0, money.start - 60))
    verbs = list(REPAYING.finditer(text, lo, money.start))
    if not verbs:
        return None
    named = verbs[-1].end()
    counted = _PAYS_COUNTED.search(text, named, money.start)
    if counted is not None:
        number = parse_number(counted.group("n"))
        return ("counted", str(int(number))) if number is not None else None
    for date in doc.mentions_in(named, money.start, "date"):
        if date.value is not None and len(str(date.value)) == 10 and _NAMES_A_LOAN.match(text, date.end):
            return ("date", str(date.value))
    by_amount = [m for m in doc.mentions_in(lo, money.start, "money") if m.end <= money.start
                 and loan_named_by(doc, m) == "only"]  # 归还上述20万元借款中的5万元
    if by_amount:
        return ("amount", str(by_amount[-1].value))
    if loan_named_by(doc, money) == "itself":
        return ("amount", str(money.value))  # 归还其中10万元借款
    after = _AFTER_NAMES.match(text, money.end)  # 归还3万元，系归还第二笔借款: named after the figure
    if after is not None:
        number = parse_number(after.group("n"))
        return ("counted", str(int(number))) if number is not None else None
    return None


def stated_repayments(doc: Document, start: int, end: int) -> list[tuple[dict[str, str], tuple[int, int]]]:
    """The dated repayments told figure by figure in [start, end) (2019年3月1日，被告归还2万元，2019年5月1日，
    被告又借款3万元): a figure whose own clause repays it, dated by the last full date before it after the
    figure before it (a date the payments ran to — 支付利息至… / …前 — dates none)."""
    text = doc.text
    part = _Part(doc, start, end)
    rows = []
    previous_end = start
    for money in part.between("money"):
        if loan_named_by(doc, money) == "only":
            continue  # 归还上述20万元借款中的5万元: the loan's amount, the next figure is the sum paid
        floor = max(start, previous_end)
        clause = text[_clause_start(text, money.start, floor) : money.start]
        previous_end = money.end
        if not REPAYING.search(clause) or _NOT_REPAID.search(text, floor, money.start):
            continue
        before = [d for d in part.between("date", floor, money.start)
                  if d.end <= money.start and not _NAMES_A_LOAN.match(text, d.end)]
        if not before or len(str(before[-1].value)) != 10:
            continue
        date = before[-1]
        if _NOT_PAYMENT_DATE.match(text[date.end : date.end + 4]) or text[date.start - 1 : date.start] in ("至", "到"):
            continue
        rows.append(({"date": str(date.value), "amount": str(money.value)}, (money.start, money.end)))
    return rows

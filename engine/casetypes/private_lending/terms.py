"""民间借贷: whether a date the cues found states the loan's agreed term (or, below, its delivery), by its clause's grammar.

A date next to 前归还 / 至 / 到期 is the agreed term only when the clause is the loan's own agreement. It is
not when the clause is about something else (利息 paid by a day, a guarantee's period, 过户, a condition
如…前未…), when its sentence is a later event (a demand 催 / 律师函 / 限…前, a suit, a settlement 结算 /
对账 / 调解, a repayment plan or agreement or letter made after default, 到期后 / 逾期后 / 后…), when it is
a promise in a sentence that lends nothing (被告承诺于…前还清 on its own: a later promise; 借款…并承诺于…
is the loan's term), when it heads a clause as a time (至DATE，被告尚欠 / DATE以前，被告每月付息) or when
it is only a year that qualifies a noun (2019年春节前: a festival, not a date).
"""

from __future__ import annotations

import re

_SENTENCE_END = "。；;！!？?\n"
_CLAUSE_END = "，," + _SENTENCE_END
# How far back the sentence is read for a later event (sources that lose full stops run sentences on).
_SENTENCE_REACH = 40
# How far back a promise's sentence is read for the loan it belongs to (借款…，并承诺…前归还).
_LOAN_REACH = 150

# The clause's subject is not the loan's repayment (本息 is: 约定本息于…前还清).
# (保证于DATE归还 / 保证按时还款 is the borrower's promise, not a guarantee.)
_OTHER_SUBJECT = re.compile(r"(?<!本)利息|付息|首期|第一期|保证(?!于|在|按)|担保|抵押|质押|开工|过户|违约金|罚息|时效|贷款")
# A term word after the other subject brings the clause back to the loan (担保自约定还款之日（DATE）起).
_TERM_AFTER = re.compile(r"还款之日|还款日|约定还款|借款期限|借期|还款期限|归还期限")
_SUBJECT_REACH = 14
# What follows the date in its clause: only interest paid by it (…前支付第一期利息), not the principal.
_INTEREST_ONLY_AFTER = re.compile(r"利息|付息")
_PRINCIPAL_AFTER = re.compile(r"本金|借款|本息|还本|欠款|全部|还清|结清|还款(?!利息)")  # 还款付息: the loan repaid
# …or something other than a repayment done by it (约定于DATE交付剩余借款 / 前签订合同).
_OTHER_ACT_AFTER = re.compile(r"^(?:之|以)?前?[^，,；;。]{0,4}?(?:交付|出借|借给|放款|签订|签署|出具|办理|汇款|转账|开工|过户)")
_REPAYING = re.compile(r"归还|偿还|还款|还清|付清|结清|清偿|还本|还钱")
_CONDITION = re.compile(r"如果|假如|倘若|一旦|若|如(?!数|期|约)")
# An event after the loan was made: demands, suits, settlements, papers made after default.
_LATER_EVENT = re.compile(
    r"催|函|(?<!期)限(?:期|于|被告|其|他|她)|要求|起诉(?!称)|诉至|诉讼(?!请求)|调解|和解|还款协议|还款计划|还款承诺|还款保证|保证书|承诺书"
    r"|确认书|还款书|结算|对账|到期后|逾期后|届满后|期满后|此后|后来|延期|展期|延长|顺延|补充协议|未还|(?:未|未能|没有|没能)(?:归还|偿还|清偿)"
)
# A settlement or a repayment agreement told earlier in the date's (long) sentence.
_SETTLEMENT = re.compile(r"和解|调解|还款协议|还款计划")
# A clause that is only a date opens a new event in a run-on sentence (…借款共计80000元未还，2016年5月3日，双方签订…):
# the later event is read from it on, unless the clauses before give its reason (由于被告一直未归还借款，DATE，双方达成协议).
_DATE_CLAUSE = re.compile(
    r"[，,](?:于|在)?(?:\d{4}|[〇零一二三四五六七八九○]{4})年[\d〇零一二三四五六七八九十○]{1,3}月(?:[\d〇零一二三四五六七八九十○]{1,3}日)?[，,]"
)
_REASON = re.compile(r"由于|因为|鉴于|^因|[，,]因")
# A renewed IOU is a later paper, unless the same sentence lends more (又借款2500元并重新出具借条，约定…).
_RENEWED = re.compile(r"重新")
_LENT = re.compile(r"借款|借钱|借给|借到|借得|出借")
_LATER_START = re.compile(r"(?:^|[，,])(?:后|之后|其后|嗣后|事后|此后)(?![，,]?(?:由|按|每))")
_PROMISE = re.compile(r"承诺|答应|同意|保证|表示")
_LENDING = re.compile(r"借款|借钱|借到|借给|借得|出借|借条|借据|欠条|借走|借现金|借用")
_AS_OF_LEAD = ("至", "截至", "截止", "截止到", "截止至", "到", "直至")
# A repayment by the date before it (…前一次性归还): REPAY_BY is shared with loans.py.
REPAY_BY = r"(?:之|以)?前?(?:一次性)?(?:全部)?"
REPAY_VERBS = "归还|偿还|还款|还清|付清|结清|清偿|还本付息|还钱"
_REPAY = re.compile(rf"{REPAY_BY}(?:{REPAY_VERBS})")
# A time heading its clause: a comma or, where the comma is lost, the clause's subject follows it.
_TIME_HEAD = re.compile(r"(?:止|底|末|为止)?[，,]|(?:之|以)?前(?:[，,]|被告|原告|其|双方|借款人|二被告|两被告)")
# The clause says the money was still unpaid by the date (…前被告未还分文): a fact, not a term.
_UNPAID_BY = re.compile(r"未还|未归还|未偿还|未清偿|未付|未支付|仍未|尚未|分文未")
# DATE前，被告应归还全部借款: the time heads a clause that binds the borrower to repay by it.
_BOUND_TO_REPAY = re.compile(r"^(?:之|以)?前[，,][^，,。；;]{0,8}?(?:应当|应|须|必须|需)[^，,。；;]{0,4}?(?:归还|偿还|还清|付清|结清|清偿)")
# (未约定利息 / 没有约定 denies an agreement: a run-on sentence's earlier clause, not the date's.)
_AGREEING = re.compile(r"(?<!未)(?<!没有)(?<!无)(?<!没)约定|应当|应于|须|需|必须|承诺|保证|借期|期限|到期|还款期|还款日|还款时间")
# 借款自X至Y: a range of the loan itself ends at its term, whatever follows it (X in any written form:
# 2015年11月24日 / 2015.11.24 / 2015-11-24 / 二〇一五年十一月二十四日).
_LOAN_RANGE = re.compile(r"借[^，,]{0,12}?(?:自|从)?(?:\d{4}[年.．\-/]|[〇零一二三四五六七八九]{4}年)[^，,]{0,12}?(?:起)?至$")
# The first date of a range (借款期限为X至Y): the range's end is the term, not its start.
_RANGE_START = re.compile(r"(?:起)?(?:至|到|—{1,2}|－|-|～|~)(?:同年|当年|次年)?[\d〇零一二三四五六七八九]")
_YEAR_ONLY_THEN = re.compile(r"[前底末内以之]")


def _lead(text: str, start: int, stops: str, reach: int) -> str:
    """The text before ``start`` back to the last of ``stops`` (at most ``reach`` characters)."""
    lo = max(0, start - reach)
    cut = max(text.rfind(stop, lo, start) for stop in stops)
    return text[max(lo, cut + 1) : start]


# An IOU quoted in the complaint (“今借到…，于DATE归还”): its repayment date is the agreed term, not a repayment.
_IOU_QUOTE = re.compile(r"[“\"「]今?(?:借到|借|欠)[^”\"」]{0,80}?[，,](?:并)?(?:于|在)$")


def in_iou_quote(text: str, position: int) -> bool:
    return _IOU_QUOTE.search(text, max(0, position - 100), position) is not None


def _trail(text: str, end: int, stops: str, reach: int) -> str:
    """The text after ``end`` up to the first of ``stops`` (at most ``reach`` characters): `_lead`'s mirror."""
    found = [i for i in (text.find(stop, end, end + reach) for stop in stops) if i >= 0]
    return text[end : min(found, default=min(len(text), end + reach))]


def _after_in_clause(text: str, end: int) -> str:
    return _trail(text, end, _CLAUSE_END, _SENTENCE_REACH)


_ABOUT = ("前后", "左右")


# A range's first date and its joiner, ending the text before the range's last date (…自2016年3月1日起至).
_RANGE_TAIL = re.compile(r"(?:自|从)?(?:\d{4}|[〇零一二三四五六七八九]{4})年[^，,。；;年]{1,8}?日(?:起)?(?:至|到|—|－|~|～)$")


def _from_a_new_dated_clause(text: str, start: int, sentence: str) -> str:
    """The sentence lead (``sentence``, before ``start``) from its last date-only clause on, unless the sentence
    before that clause (read as far back as a loan's) gives the event's reason."""
    opened = list(_DATE_CLAUSE.finditer(sentence))
    if not opened:
        return sentence
    at = start - len(sentence) + opened[-1].start()
    if _REASON.search(_lead(text, at, _SENTENCE_END, _LOAN_REACH)):
        return sentence
    return sentence[opened[-1].end() :]


def states_the_term(text: str, start: int, end: int, value: object, later_papers: bool = True) -> bool:
    """Whether the date at [start, end) of ``text`` (its value ``value``) is the loan's agreed term.

    With ``later_papers`` the due date an IOU quoted in the complaint states is the term even when the IOU
    was written after default (经对账，被告出具欠条：“今欠…，于DATE前还清”: the date the debtor last agreed
    to); without, only the loan's own agreement is (the real-data gold's convention)."""
    if text.startswith(_ABOUT, end):
        return False  # 2014年6月30日前后: about that day, not "before" it
    if later_papers and in_iou_quote(text, start):
        return True
    if _RANGE_START.match(text, end):
        return False
    clause = _lead(text, start, _CLAUSE_END, _SENTENCE_REACH)
    sentence = _lead(text, start, _SENTENCE_END, _SENTENCE_REACH)
    after = text[end : end + 12]
    if len(str(value)) == 4 and after[:1] and not _YEAR_ONLY_THEN.match(after):
        return False  # 2019年春节前归还: the year of a festival, not a date
    # 保证期间自X至Y: the end of a range belongs to what the range's start is attached to.
    ranged = _RANGE_TAIL.search(clause)
    head = clause[: ranged.start()] if ranged is not None else clause
    subjects = list(_OTHER_SUBJECT.finditer(head, max(0, len(head) - _SUBJECT_REACH)))
    if subjects and not _TERM_AFTER.search(clause, subjects[-1].end()):
        return False
    if _CONDITION.search(clause):
        return False
    rest = _after_in_clause(text, end)
    if _INTEREST_ONLY_AFTER.search(rest) and not _PRINCIPAL_AFTER.search(rest):
        return False
    if _OTHER_ACT_AFTER.search(rest) and not _REPAYING.search(rest):
        return False
    unpaid, repaid = _UNPAID_BY.search(rest), _REPAYING.search(rest)
    if unpaid is not None and (repaid is None or unpaid.start() < repaid.start()) and not _TERM_AFTER.search(clause):
        return False  # (自约定还款之日（DATE）起至今未还 names the term before saying it is unpaid)
    event = _from_a_new_dated_clause(text, start, sentence)
    if _LATER_EVENT.search(event) or _LATER_START.search(event.lstrip("，, ")):
        return False
    if _SETTLEMENT.search(_lead(text, start, _SENTENCE_END, _LOAN_REACH)):
        return False  # 签订和解协议一份，约定…，两被告应于DATE前支付2万元: a settlement's instalment, however far back
    if _RENEWED.search(sentence) and not _LENT.search(sentence):
        return False
    if _PROMISE.search(sentence) and not _LENDING.search(_lead(text, start, _SENTENCE_END, _LOAN_REACH)):
        return False  # 被告承诺于…前还清, lending nothing: a promise made later
    if clause.strip() in _AS_OF_LEAD and not _REPAY.match(after.lstrip("止底末")):
        return False  # 至2016年3月31日，被告尚欠…: the day a balance stood, not a term
    if _TIME_HEAD.match(after) and not _AGREEING.search(sentence) and clause.strip() not in _AS_OF_LEAD \
            and not _LOAN_RANGE.search(clause) and not _BOUND_TO_REPAY.match(text, end):
        return False  # 2016年6月以前，被告每月均按时给付利息: a time the clause starts with
    return True



def states_the_duration(text: str, start: int, end: int) -> bool:
    """Whether the duration at [start, end) of ``text`` (借期一年 / 三个月内归还) is the loan's agreed term, by the
    same clause grammar as a date's: not another thing's period (担保期限为一年, 利息…), not a condition, not in a
    later event's sentence (a demand, a settlement, an extension), not a bare promise lending nothing."""
    clause = _lead(text, start, _CLAUSE_END, _SENTENCE_REACH)
    sentence = _lead(text, start, _SENTENCE_END, _SENTENCE_REACH)
    subjects = list(_OTHER_SUBJECT.finditer(clause, max(0, len(clause) - _SUBJECT_REACH)))
    if subjects and not _TERM_AFTER.search(clause, subjects[-1].end()):
        return False
    if _CONDITION.search(clause) or _LATER_EVENT.search(sentence) or _LATER_START.search(sentence.lstrip("，, ")):
        return False
    return not (_PROMISE.search(sentence) and not _LENDING.search(_lead(text, start, _SENTENCE_END, _LOAN_REACH)))


# What a delivery's date is followed by, in its sentence: the lending (借款 / 出借 / 转账 …), not first another
# act (支付利息 / 归还 / 提供担保 / 催 …). 该借款 / 上述借款 name the loan, they do not lend.
_LENDING_ACT = re.compile(
    r"(?<![该述此笔])借款|借给|出借|借到|借得|借走|借支|借取|借了|拆借|借去|转账|汇款|汇入|交付|打款|放款|发放|划入|借用|向[^，,。；;]{1,12}?借"
    r"|借[^，,。；;还]{0,8}?(?:现金|人民币|资金|款项)|调剂资金"
)
# (签订最高额保证合同，为…借款提供保证: the guarantee's paper is signed that day, not the loan's.)
_OTHER_ACT = re.compile(r"归还|还款|偿还|还清|支付利息|付息|催|起诉|诉至|结算|对账|成立|注册|设立"
                        r"|(?:签订|签署|订立|出具)(?:了)?(?:一份)?[《“]?(?:最高额)?(?:连带责任)?(?:保证|担保|抵押|质押)(?:合同|协议|书|函)")
# Acts that may be the means of a loan told in the same sentence (以房产作抵押向原告借款): they rule the date out
# only when nothing is lent after it.
_SIDE_ACT = re.compile(r"利息|担保|保证|抵押|承诺")
_FROM_DEFENDANT = re.compile(r"向(?:被告|借款人)")
_LENDER_ACT = re.compile(r"提供|出借|交付|支付|转|汇|放款")  # 原告向被告提供借款: the plaintiff lends
_TO_PLAINTIFF = re.compile(r"(?:向|给)原告[^，,。；;借]{0,6}$")
# A term's range: its first date follows a term word (借款期限为 / 借期自) and runs on to its last (—Y / 至Y / 起至Y).
_TERM_LEAD = re.compile(r"(?:期限|借期|期间)(?:为|是)?(?:自|从)?$")
_RANGE_ON = re.compile(r"(?:起)?(?:至|到|—|－|-|~|～)")
_JOINED_DATES = ("、", "至", "到", "和", "及", "起至", "或")
_DELIVERY_REACH = 60
# The clause before the date's says "after …" (借款后，… / 出借资金后，…).
_AFTER_CLAUSE = re.compile(r"(?:后|之后|以后)[，,][^，,]*$")


def states_a_delivery(text: str, start: int, end: int, next_date_start: int | None = None) -> bool:
    """Whether the date at [start, end) dates the lending: in the rest of its sentence the lending comes
    before any other act (被告于DATE向原告支付利息 / 被告丙于DATE为该借款提供担保 / 公司成立于DATE are not
    deliveries), and no other date stands between it and the lending unless joined to it (2014年被告因购房需要，
    于2015年3月1日向原告借款: the second date is the loan's; 2014年5月20日、6月20日分两次借给 both are)."""
    rest = _trail(text, end, _SENTENCE_END, _DELIVERY_REACH)
    lead = _lead(text, start, _CLAUSE_END, 8)
    if re.search(r"成立|注册|设立", lead):
        return False
    if _TERM_LEAD.search(lead) and _RANGE_ON.match(text, end):
        return False  # 借款期限为X—Y / 期限自X起至Y: the term's first day, not the day the money was paid
    lending = _LENDING_ACT.search(rest)
    if lending is not None and _FROM_DEFENDANT.match(lending.group()) and not _LENDER_ACT.search(lending.group()):
        return False  # 原告曾向被告借款1万元: the plaintiff borrowed, not a loan of this case
    if lending is not None and _TO_PLAINTIFF.search(rest, max(0, lending.start() - 10), lending.start()) \
            and _LENDER_ACT.search(lending.group()):
        return False  # 银行向原告放款: money lent to the plaintiff, not the loan he sues on
    other = _OTHER_ACT.search(rest)
    if other is not None and (lending is None or other.start() < lending.start()):
        return False
    if lending is None and _SIDE_ACT.search(rest):
        return False
    if lending is None and _AFTER_CLAUSE.search(_lead(text, start, _SENTENCE_END, _DELIVERY_REACH)):
        return False  # 出借资金后，乙于DATE突发疾病死亡: a time after the lending, and nothing lent on it
    if lending is not None and next_date_start is not None and next_date_start < end + lending.start():
        gap = re.sub(r"同年|当年|次年|翌年", "", text[end:next_date_start]).strip()
        if gap not in _JOINED_DATES:
            return False
    return True


# A rate is the agreed term rate unless its clause makes it a penalty (…的标准支付逾期利息 / 作为违约金), its
# sentence places it after the term (到期后…此后按月息2分) or the plaintiff only asks for it (原告要求按…计算).
_PENALTY_AFTER = re.compile(r"逾期|违约金|罚息|滞纳金")
_AFTER_THE_TERM = re.compile(r"到期后|逾期后|届满后|期满后|到期未还|逾期未还|(?:到期|逾期)(?:不|未能)")
_ASKED = re.compile(r"要求|主张|诉请|请求")


def states_the_rate(text: str, start: int, end: int) -> bool:
    """Whether the rate at [start, end) of ``text`` is the rate agreed for the loan's term."""
    if _PENALTY_AFTER.search(_after_in_clause(text, end)):
        return False
    sentence = _lead(text, start, _SENTENCE_END, _SENTENCE_REACH)
    return not (_AFTER_THE_TERM.search(sentence) or _ASKED.search(sentence))

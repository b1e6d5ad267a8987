"""买卖合同: what a complaint implies beyond what it states (run after the generic resolution).

- the plaintiff is the seller when it claims the price (or a penalty), the buyer when it claims a
  refund or the deposit back; the defendants are the other side;
- the outstanding price is the price claimed when not stated; what was paid is the total less what is
  owed (the outstanding price is not derived from total − paid: it is written as stated);
- a stated delivery date means the goods were delivered;
- sums, the penalty standard, the goods and the delivery date are read by facts.py first.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from decimal import Decimal
from functools import lru_cache

from engine.casetypes.sale_contract import facts, grammar
from engine.casetypes.sale_contract.facts import quality_terms, read_sale_facts
from engine.extraction.document import Candidate, Document


def _names(candidate: Candidate) -> list[str]:
    return [p["name"] if isinstance(p, dict) else str(p) for p in candidate.value]


def _money(value: Decimal) -> str:
    return f"{value.quantize(Decimal('0.01'))}"


def _sides(results: dict[str, Candidate]) -> None:
    plaintiffs, defendants = results.get("plaintiffs"), results.get("defendants")
    if plaintiffs is None or defendants is None:
        return
    buyer_plaintiff = ("claim_refund" in results or "claim_deposit" in results) and "claim_price" not in results
    seller, buyer = (defendants, plaintiffs) if buyer_plaintiff else (plaintiffs, defendants)
    if "sellers" not in results:
        results["sellers"] = Candidate("sellers", _names(seller), seller.spans, 0.7, "derived", seller.order)
    if "buyers" not in results:
        results["buyers"] = Candidate("buyers", _names(buyer), buyer.spans, 0.7, "derived", buyer.order)


def _price(results: dict[str, Candidate]) -> None:
    total, paid, owed = (results.get(e) for e in ("total_price", "paid_amount", "outstanding_amount"))
    claim = results.get("claim_price")
    if owed is None and claim is not None:
        owed = Candidate("outstanding_amount", claim.value, claim.spans, 0.6, "derived", claim.order)
        results["outstanding_amount"] = owed
    # The outstanding price is not derived from total − paid: the pleadings' convention writes it as stated
    # (corpus/README.md), and the judgment rules compute total − paid themselves when it is not stated.
    if paid is None and total is not None and owed is not None and Decimal(owed.value) <= Decimal(total.value):
        value = _money(Decimal(total.value) - Decimal(owed.value))
        results["paid_amount"] = Candidate("paid_amount", value, total.spans + owed.spans, 0.6, "derived",
                                           owed.order)


def _refund(doc: Document, results: dict[str, Candidate]) -> None:
    """退还原告货款84000元: a buyer's claim for the price back, not a seller's claim for the price."""
    claim = results.get("claim_price")
    if claim is None or "claim_refund" in results or not claim.spans:
        return
    start = claim.spans[0][0]
    if re.search(r"(退还|返还|退回)[^，。；0-9]{0,8}$", doc.text[max(0, start - 12): start]):
        results["claim_refund"] = Candidate("claim_refund", claim.value, claim.spans, claim.confidence, "derived",
                                            claim.order)
        del results["claim_price"]


_PARTY = r"(?:给)?(?:原告|上诉人|被上诉人|申请人|买受人|PER|ORG|其|我方)?"
_GIVE_BACK = re.compile(rf"(?:双倍)?(?:返还|退还|退回|退)(?:给)?{_PARTY}(?:已付|已支付|已交|已交纳|全部|的)*$")
_COMPENSATE = re.compile(rf"赔偿{_PARTY}(?:全部|各项|经济|的)*$")
_REFUNDED = re.compile(r"^(?:购房首付款|房屋首付款|首付款|首期款|购房款|房屋价款|房价款|房款|货款|价款|款项|已付款)$")
_LOSS_NOUN = re.compile(r"中介劳务费|中介费|劳务费|经济损失|损失|费用")
_LOSS_AFTER = re.compile(r"(?:的)?(?:经济)?损失")
_BEAR = re.compile(rf"(?:承担|赔偿){_PARTY}(?:全部|各项|经济|的)*$")
_ASKED = re.compile(r"请求|要求|诉请|应(?:当)?|判令")
_COURT = re.compile(r"一审|原审|原判|二审|判决")
# The court asked (请求 / 诉请 / 判令 / 诉至法院): the running text's request, whatever mark ends its first item.
_REQUEST = re.compile(r"请求|诉请|判令|诉至(?:贵院|法院|本院)")
_PAY_PENALTY = re.compile(rf"(?:支付|给付|承担|赔偿){_PARTY}(?:逾期[^，。；0-9]{{0,6}}?)?$")


def _claim_items(doc: Document, results: dict[str, Candidate]) -> None:
    """Each claimed sum by the noun it is attached to and the verb over its list: 返还原告定金10000元、
    购房款14000元、中介费1000元 → the 定金, the refund, a loss. Outside a claims section only what is asked
    (请求 / 应赔偿 …), never what a court ordered (一审判决…返还房款300000元)."""
    text = doc.text
    start, end = doc.section("claims")
    in_claims = end > start
    if not in_claims:
        start, end = 0, len(text)
    found: dict[str, Candidate] = {}
    for mention in doc.mentions_in(start, end, "money"):
        sentence = text[grammar.start_before(text, mention.start, "。；;\n：:"): mention.start]
        # 请求撤销原判，改判被上诉人支付…: what follows 改判 is the judgment asked for, not one given.
        asked_for = sentence[sentence.rfind("改判") + 2:] if "改判" in sentence else sentence
        if _COURT.search(asked_for) or (not in_claims and not _ASKED.search(sentence) and not _REQUEST.search(
                text, grammar.start_before(text, mention.start, "。\n"), mention.start)):
            continue  # a running text's request governs its list over the semicolons (诉至法院；请求…；支付…), to the 。
        # 损失暂计190030.87元 / 购房款共计X元: the noun without its linking word.
        noun = grammar.LINK_AFTER.sub("", grammar.item_noun(text, mention.start))
        head = grammar.governing_head(text, mention.start)
        if (noun.endswith("违约金") and _PAY_PENALTY.search(head) and not in_claims and "约定" not in sentence
                and not _GIVE_BACK.search(head)):
            # An appeal's or a running text's request (改判被上诉人支付逾期交房违约金50000元): the amount claimed.
            value = {"amount": mention.value, "base": None, "rate": None, "start_date": None, "end": None}
            found.setdefault("claim_penalty", Candidate("claim_penalty", value, [(mention.start, mention.end)], 0.75,
                                                        "derived", mention.start))
            continue
        if noun.endswith("定金") and _GIVE_BACK.search(head):
            eid = "claim_deposit"
        elif _REFUNDED.match(noun) and _GIVE_BACK.search(head):
            eid = "claim_refund"
        elif _LOSS_NOUN.fullmatch(noun) and (_GIVE_BACK.search(head) or _COMPENSATE.search(head)):
            eid = "claim_losses"
        elif not noun and _LOSS_AFTER.match(text, mention.end) and _BEAR.search(head):
            eid = "claim_losses"  # 承担60000元损失（责任）: the sum before its noun
        else:
            continue
        found.setdefault(eid, Candidate(eid, mention.value, [(mention.start, mention.end)], 0.8, "derived",
                                        mention.start))
    for eid, candidate in found.items():
        if eid in results:
            continue
        results[eid] = candidate
        for other in [e for e, c in results.items() if e != eid and c.spans[:1] == candidate.spans[:1]]:
            del results[other]  # the same sum read by its keyword as something else (a refund is no 货款 claim)


def _claimed_rate(doc: Document, results: dict[str, Candidate]) -> None:
    """按每日房款总价的0.5‰计算支付违约金: the rate of a penalty claim where the generic reader found none
    (the rate is written on a base of its own); the claim itself when only its rate says it is one."""
    text = doc.text
    start, end = doc.section("claims")
    if end <= start:
        start, end = 0, len(text)
    claim = results.get("claim_penalty")
    if claim is not None and isinstance(claim.value, dict) and claim.value.get("rate"):
        return
    for found in facts.PENALTY.finditer(text, start, end):
        sentence = text[grammar.start_before(text, found.start(), "。；;\n"): found.end() + 24]
        if not re.search(r"违约金|逾期付款", sentence) or not _ASKED.search(sentence) or "约定" in sentence:
            continue
        rate = facts.rate_value(found.group(0))
        if rate is None:
            continue
        value = dict(claim.value) if claim is not None and isinstance(claim.value, dict) else {
            "amount": None, "base": None, "rate": None, "start_date": None, "end": None}
        value["rate"] = rate
        spans = [*(claim.spans if claim is not None else []), found.span()]
        results["claim_penalty"] = Candidate("claim_penalty", value, spans, 0.7, "derived", spans[0][0])
        return


_REDUCTION = re.compile(r"违约金[^。；]{0,20}?(?:过高|偏高|畸高)|过分高于|调减|(?:请求|申请)[^。；]{0,30}?(?:调整|减少|调低|酌减)"
                        r"|予以调整|予以减少|调低|酌情减少")


# 未收到函件 / 通知 / 律师函: a letter, not the thing sold.
_NOT_GOODS = re.compile(r"(?:过)?[^，。；]{0,10}?(?:函|通知|信件|来信|邮件|短信|文书|传票|证据)")
_DENIED = re.compile(r"未收到|没有收到|并未收到|从未收到|未交付|未送达|仅收到|实际收到|只收到|未实际交付")
# 只收到原告支付的货款50000元: what was received is money (a payment contested), not the goods.
_MONEY_RECEIVED = re.compile(r"(?:仅|只|实际|共)(?:收到|收取)[^，。；]{0,12}?(?:货款|房款|房价款|购房款|价款|款项|款)")
# A clause that rejects what it names (…均无依据 / 不应支付违约金 / 不存在逾期付款 / 过高).
_REJECTS = re.compile(r"无(?:事实|法律)?(?:和法律)?依据|没有(?:事实|法律)?(?:和法律)?依据|不应|不存在|无需|不予|不同意|不适用|过高|偏高"
                      r"|不能成立|不符合|没有证据|无证据")
# What a rejecting clause names, by its noun: a claim of the table.
_NAMED_CLAIMS = (
    ("claim_penalty", re.compile(r"违约金|逾期付款(?:损失|利息)?")),
    ("claim_losses", re.compile(r"(?<!实际)(?<!资金占用)(?<!逾期付款)(?<!利息)(?:赔偿|经济)?损失")),
    ("claim_refund", re.compile(r"退货|(?:返还|退还|退回)[^，。；]{0,6}?(?:购房款|房价款|房款|货款|价款|已付款)|退款")),
    ("claim_deposit", re.compile(r"(?:双倍)?(?:返还|退还)[^，。；]{0,4}?定金|定金罚则|双倍返还|定金[^，。；]{0,12}?(?:返还|退还)")),
)
# The answer restating the judgment it defends (原审判决…返还房款…正确 / 只是返还房款): no stance on the claim.
_JUDGMENT = re.compile(r"原审|一审|原判")
_OWN_LOSS = re.compile(r"(?:我方|答辩人|被告|被上诉人)(?:的)?(?:经济)?损失|给我方造成|对我方")
_WHO_SIGNED = re.compile(r"(?:系|是|由)[^，。；]{0,16}?(?:共同|亲自|自己)?(?:去)?(?:签(?:订|名|署|字)|订立)")
_ADMITTED_AFTER = re.compile(r"无异议|没有异议|属实|予以认可|均认可")
_OWED_BY_PLAINTIFF = re.compile(r"(?:拒不(?:支付|给付)|尚欠|仍欠|下欠|结欠|未付|欠付|拖欠)(?:剩余|的)?(?:购房款|房价款|房款|货款|价款|余款|尾款)?"
                                r"(?:为|是|仅为|共计|合计)?$")


@lru_cache(maxsize=4)
def _clauses(text: str) -> list[tuple[int, int]]:
    """Comma-level clauses: a rejection reaches the nouns of its own clause (…均无依据), not the clause
    before it (同意返还购房款，但不同意赔偿损失)."""
    spans, begin = [], 0
    for found in re.finditer(r"[。；;，,\n]", text):
        spans.append((begin, found.start()))
        begin = found.end()
    spans.append((begin, len(text)))
    return [(a, b) for a, b in spans if b > a]


def _clause_at(clauses: list[tuple[int, int]], position: int) -> tuple[int, int]:
    """The clause holding `position` (a bisect: answers may be long)."""
    index = bisect_right(clauses, (position, len(clauses) and clauses[-1][1] + 1)) - 1
    if index >= 0 and clauses[index][0] <= position < clauses[index][1]:
        return clauses[index]
    return position, position


def _set_position(doc: Document, results: dict[str, Candidate], eid: str, position: str | None, value: object,
                  span: tuple[int, int]) -> None:
    results[eid] = Candidate(eid, value, [span], 0.7, "derived", span[0])
    if position is None:
        doc.positions.pop(eid, None)
    else:
        doc.positions[eid] = position


def _restated(doc: Document, results: dict[str, Candidate]) -> None:
    """A refund or loss the answer only restates as what the judgment gave (and defends), or a loss that is
    the answerer's own, is no contest of the claim."""
    text = doc.text
    for eid in ("claim_refund", "claim_losses"):
        found = results.get(eid)
        if found is None or doc.positions.get(eid) != "contest" or not found.spans:
            continue
        begin = grammar.start_before(text, found.spans[0][0], "。；;")
        stop = min((i for i in (text.find(mark, found.spans[0][0]) for mark in "。；;") if i >= 0), default=len(text))
        sentence = text[begin:stop]
        restated = _JUDGMENT.search(sentence) and not re.search(r"错误|不当|有误|不服|不应", sentence)
        if restated or (eid == "claim_losses" and _OWN_LOSS.search(sentence)):
            del results[eid]
            doc.positions.pop(eid, None)


_CLAIM_IDS = ("claim_refund", "claim_losses", "claim_deposit", "claim_penalty", "claim_price")


def _deposit_not_price(doc: Document, results: dict[str, Candidate]) -> None:
    """已将定金退还原告: a 返还 / 退还 whose clause names the 定金 and no price is about the deposit claim."""
    text = doc.text
    found = results.get("claim_refund")
    if found is None or not found.spans or "claim_deposit" in results:
        return
    begin, stop = _clause_at(_clauses(text), found.spans[0][0])
    clause = text[begin:stop]
    if "定金" in clause and not re.search(r"购房款|房价款|房款|货款|价款|已付款", clause):
        position = doc.positions.pop("claim_refund", None)
        del results["claim_refund"]
        results["claim_deposit"] = Candidate("claim_deposit", None, found.spans, found.confidence, found.source,
                                             found.order)
        if position is not None:
            doc.positions["claim_deposit"] = position


def _agreed_claims(doc: Document, results: dict[str, Candidate]) -> None:
    """同意…返还购房款 / 对返还房款无异议: a claim its own clause agrees to is admitted, whatever a later
    clause of the sentence contests."""
    text = doc.text
    clauses = _clauses(text)
    for eid in _CLAIM_IDS:
        found = results.get(eid)
        if found is None or doc.positions.get(eid) != "contest" or not found.spans:
            continue
        at = found.spans[0][0]
        begin, stop = _clause_at(clauses, at)
        clause = text[begin:stop]
        if re.search(r"(?<!不)同意|无异议|没有异议|认可", clause) and not _REJECTS.search(clause):
            doc.positions[eid] = "admit"
            results[eid] = Candidate(eid, None, found.spans, found.confidence, found.source, found.order)


def _rejected_claims(doc: Document, results: dict[str, Candidate]) -> None:
    """违约金…无事实依据 / 要求退货、赔偿损失及支付违约金均无依据: each claim a rejecting clause names is
    contested, each one an agreeing clause names (同意…返还购房款) admitted."""
    text = doc.text
    previous = (0, 0)
    for begin, stop in _clauses(text):
        clause = text[begin:stop]
        before, previous = previous, (begin, stop)
        if _JUDGMENT.search(clause):
            continue
        if _REJECTS.search(clause):
            position = "contest"
        elif re.search(r"(?<!不)同意|无异议|没有异议|认可", clause):
            position = "admit"  # 同意解除合同并返还购房款
        else:
            continue
        if position == "contest" and not any(noun.search(clause) for _, noun in _NAMED_CLAIMS) \
                and re.match(r"(?:原告|被答辩人|对方)?(?:再次|又|仍|重复)(?:主张|要求|起诉|请求)", clause) \
                and before[1] and not re.search(r"[。；;\n]", text[before[1]: begin]):
            # 定金已于…退还原告，原告再次主张没有依据: the rejection refers back to its sentence's previous clause.
            begin, clause = before[0], text[before[0]: stop]
        for eid, noun in _NAMED_CLAIMS:
            named = noun.search(clause)
            if named is None:
                continue
            if eid in doc.positions and not (position == "contest" and doc.positions[eid] == "admit"):
                continue  # the first position stands, except an admit against a clause that rejects the claim
            if eid == "claim_losses" and (_OWN_LOSS.search(clause) or "违约金" in named.group(0)):
                continue
            span = (begin + named.start(), begin + named.end())
            _set_position(doc, results, eid, position, None, span)


# The plaintiff's claims as a whole (原告的诉讼请求 / 原告所诉 / 原告对答辩人的诉请 / 原告的起诉) rejected by the
# clause's predicate, or asked to be dismissed (请求驳回原告的全部诉讼请求), or the answerer's liability denied
# (不应承担责任); never an appeal's (驳回上诉 takes none).
_ALL_CLAIMS = (r"(?:原告|起诉人|被答辩人)(?:方)?(?:对[^，。；]{1,8}?)?(?:的)?(?:全部|所有|各项|其他|其余|上述)?"
               r"(?:诉讼请求|诉请|请求|所诉|诉称|起诉|主张)")
_GENERAL_REJECTION = re.compile(
    rf"{_ALL_CLAIMS}[^。；]{{0,12}}?(?:无|没有|缺乏|毫无)(?:任何)?(?:事实|法律)?(?:和|及|与|、)?(?:法律)?(?:依据|根据)"
    rf"|{_ALL_CLAIMS}[^。；，]{{0,8}}?(?:与事实不符|不能成立|不应(?:予以)?支持|应予(?:以)?驳回|不符合|超过(?:了)?(?:法定)?诉讼时效)"
    rf"|驳回{_ALL_CLAIMS}"
    # The relationship behind every claim denied (双方不存在买卖合同关系).
    r"|(?:不存在|没有|并无)(?:任何)?(?:(?:买卖|购销|房屋买卖|商品房买卖)?合同|买卖|购销)(?:法律)?关系"
    # The answerer's liability denied as a whole (不应承担责任 / 不承担任何责任), not a named duty (返还义务).
    r"|(?:不应|不应当|无需|不必|不)(?:再)?(?:承担|负)(?:任何)?(?:民事)?责任(?![^，。；]{0,2}(?:比例|份额))"
    # 责任不在答辩人 / 责任不在PER: the same denial with the answerer after it.
    r"|责任(?:并)?不在(?:于)?(?:答辩人|我方|本人|被告|被上诉人|我|PER|ORG)")
# 同意原告的全部诉讼请求 / 对原告的诉讼请求无异议: a general admission (not of 部分 claims).
_GENERAL_ADMISSION = re.compile(r"(?<!不)(?:同意|认可|接受)原告(?:的)?(?:全部|各项|所有)?(?:诉讼请求|诉请)"
                                r"|对原告(?:的)?(?:全部|各项|所有)?(?:诉讼请求|诉请)(?:无异议|没有异议|均无异议)")
_NAMED_MONEY = re.compile(grammar.NOUNS)
# The claims a general rejection reaches: the money claims the complaint makes.
_REJECTED_WHOLE = ("claim_price", "claim_penalty", "claim_losses", "claim_refund", "claim_deposit")


# The breach denied (不应承担违约责任 / 不存在违约行为): the claims that arise from a breach.
_BREACH_DENIED = re.compile(r"(?:不应|不应当|无需|不必|不)(?:再)?(?:承担|负)(?:任何)?违约(?:赔偿)?责任|不存在(?:任何)?违约(?:行为|情形)?"
                            r"|(?:并未|没有|未)违约")
_BREACH_CLAIMS = ("claim_penalty", "claim_losses")


def _complaint_results(doc: Document) -> dict[str, Candidate]:
    """What the complaint the answer replies to states (read as a complaint of the same case type)."""
    from engine.extraction.pipeline import replied_to  # the pipeline runs this package: imported when used

    complaint = replied_to(doc)
    return complaint.results if complaint is not None else {}


def _general_rejection(doc: Document, results: dict[str, Candidate], claimed: dict[str, Candidate]) -> None:
    """原告的诉讼请求没有事实和法律依据 / 请求驳回原告的诉讼请求: each claim the complaint makes that the answer
    takes no other position on is contested (the complaint is needed: the rejection names none)."""
    text = doc.text
    for begin, stop in _clauses(text):
        clause = text[begin:stop]
        found = _GENERAL_REJECTION.search(clause)
        position = "contest"
        if found is None:
            found, position = _GENERAL_ADMISSION.search(clause), "admit"
        if found is None and (breach := _BREACH_DENIED.search(clause)) is not None and not _JUDGMENT.search(clause):
            span = (begin + breach.start(), begin + breach.end())
            for eid in _BREACH_CLAIMS:
                if eid in claimed and eid not in doc.positions:
                    _set_position(doc, results, eid, "contest", None, span)
            continue
        if found is None or "上诉" in found.group(0) or _JUDGMENT.search(clause) or _NAMED_MONEY.search(found.group(0)):
            continue  # 原告主张的违约金没有依据 names its claim: no rejection of the whole
        if "责任" in found.group(0) and _NAMED_MONEY.search(
                text, grammar.start_before(text, begin + found.start(), "。；;"), begin + found.start()):
            continue  # 对于原告主张的损失，被告不应承担责任: the liability for a named claim
        span = (begin + found.start(), begin + found.end())
        for eid in _REJECTED_WHOLE:
            if eid in claimed and eid not in doc.positions:
                _set_position(doc, results, eid, position, None, span)
        return


def _own_assertions(doc: Document, results: dict[str, Candidate], complained: dict[str, Candidate]) -> None:
    """What the answer states of its own (the complaint part may not): a signed contract, the delivery, a
    sum the plaintiff still owes (原告拒不支付购房款86000元). A fact the complaint states too is admitted
    (双方签订的合同系订购房屋合同 against a complaint that says a contract was signed)."""
    text = doc.text
    _contract(doc, results, complained)
    stated = grammar.delivery_statement(text)
    if stated is not None and not stated[0] and "delivered" not in results:
        # 至今未交付房屋 / 没有通知收楼: the delivery denied (false), whatever lateness it also argues.
        _set_position(doc, results, "delivered", "contest", False, stated[1])
    late = grammar.late_delivery(text)
    if late is not None and "delivered" not in results:
        _set_position(doc, results, "delivered", "contest", None, late)
    if stated is not None and stated[0] and "delivered" not in results:
        _set_position(doc, results, "delivered", None, True, stated[1])
    if "outstanding_amount" not in results:
        for mention in doc.mentions_in(0, len(text), "money"):
            before = text[max(0, mention.start - 12): mention.start]
            sentence = text[grammar.start_before(text, mention.start, "。；;：:"): mention.start]
            if not _OWED_BY_PLAINTIFF.search(before):
                continue
            stop = min((i for i in (text.find(mark, mention.end) for mark in "。；;") if i >= 0), default=len(text))
            if _ADMITTED_AFTER.search(text, mention.end, stop):
                # …尚欠 / 仍欠货款136500元的事实均无异议: the debt listed among the facts admitted.
                _set_position(doc, results, "outstanding_amount", "admit", None, (mention.start, mention.end))
                break
            clause = sentence[max(sentence.rfind("，"), sentence.rfind(",")) + 1:]
            if re.search(r"答辩人|我方|本人|被告|原告|上诉人|买受人|对方", clause):
                sentence = clause  # the owing verb's own subject decides, when its clause names one
            # Who owes: the answerer's own debt (答辩人…尚欠150000元) is a counter-figure to the claim; the
            # plaintiff's (原告拒不支付购房款86000元) is the answer's own assertion.
            if re.search(r"(?<!被)答辩人|我方|本人|(?<!原)被告", sentence):
                _set_position(doc, results, "outstanding_amount", "contest", mention.value, (mention.start, mention.end))
            elif re.search(r"原告|上诉人|买受人|对方", sentence):
                _set_position(doc, results, "outstanding_amount", None, mention.value, (mention.start, mention.end))
            break


# 从未与原告签订任何合同 / 双方没有签订书面合同: the answer denies the written contract.
_NO_CONTRACT = re.compile(r"(?:从未|没有|未曾|未|并未|不曾)(?:与[^，。；]{1,10}?)?(?:签订|签署|订立)(?:过)?(?:任何)?[^，。；]{0,12}?(?:合同|协议)")


# 在签订合同前 / 签订协议后: the signing as a time reference, no statement about the contract.
_AS_TIME = re.compile(r"(?:之|以)?(?:前|后|时|当日|当天)")


def _signing_stated(text: str) -> tuple[int, int] | None:
    """The first signed contract the answer speaks of, not one it only dates something by."""
    offset = 0
    while (found := grammar.signed_contract(text[offset:])) is not None:
        begin, end = offset + found[0], offset + found[1]
        if not _AS_TIME.match(text, end):
            return begin, end
        offset = end
    return None


def _contract(doc: Document, results: dict[str, Candidate], complained: dict[str, Candidate]) -> None:
    """The written contract in an answer: denied (contest false); admitted when the complaint states one and the
    answer speaks of it as signed; asserted (no position) when only the answer states it and says by whom."""
    text = doc.text
    if "written_contract" in results:
        return
    stated = getattr(complained.get("written_contract"), "value", None) is True
    denied = _NO_CONTRACT.search(text) or grammar.UNWRITTEN.search(text)
    if denied is not None:
        if stated or not doc.complaint:
            _set_position(doc, results, "written_contract", "contest", False, denied.span())
        return
    signed = _signing_stated(text)
    if signed is None:
        return
    stop = min((i for i in (text.find(mark, signed[0]) for mark in "。；;") if i >= 0), default=len(text))
    sentence = text[grammar.start_before(text, signed[0], "。；;"): stop]
    if stated:
        _set_position(doc, results, "written_contract", "admit", None, signed)
    elif _WHO_SIGNED.search(sentence) and not re.search(r"无异议|没有异议|属实|认可", sentence) or (
            doc.complaint and "written_contract" not in complained):
        # 《转让协议》系上诉人与PER共同签订: the answer asserts the signing (and by whom); a bare 双方签订了
        # 《…》 in an answer only restates the complaint, unless the complaint (given) states none.
        _set_position(doc, results, "written_contract", None, True, signed)


_RECEIVED_GOODS = re.compile(r"(?:已|确已|均已)?收到[^，。；]{0,10}?(?:货物|货|房屋|标的物)")
_ADMITS = re.compile(r"无异议|没有异议|属实|认可|确认")
# A defect the answer states, with the thing that failed before it in its clause (篮球场地面出现问题); not a denied
# one, nor the question of a heading (关于房屋是否存在…的问题).
_DEFECT = re.compile(r"(?:[^，。；、：:\s]{0,8}?(?<![不没未无否])(?<!是否))(?:存在|出现)(?:了)?[^，。；]{0,12}?"
                     r"(?:质量问题|问题|瑕疵|缺陷|不合格|故障|噪音|漏水|裂缝)")


def _answer_facts(doc: Document, results: dict[str, Candidate]) -> None:
    """The goods received and admitted (对已收到…货物无异议), a defect the answer raises (存在严重噪音问题)."""
    text = doc.text
    clauses = _clauses(text)
    if "delivered" not in results:
        for begin, stop in clauses:
            clause = text[begin:stop]
            got = _RECEIVED_GOODS.search(clause)
            if got is not None and _ADMITS.search(clause) and not re.search(r"未|没有|从未", clause[: got.start()]):
                _set_position(doc, results, "delivered", "admit", None, (begin + got.start(), begin + got.end()))
                break
    raised = results.get("quality_objection")
    bare = raised is not None and "quality_objection" not in doc.positions and len(str(raised.value or "")) <= 4
    if raised is None or bare or (doc.positions.get("quality_objection") == "contest" and raised.value is None):
        # A defect the answer states (存在…问题 / 不符合国家标准) is its own objection, though its clause contests.
        defect = next((d for d in _DEFECT.finditer(text) if not _conditional_or_reported(text, clauses, d.start(), d.end())), None)
        if not _nonconforming_clause(doc, results, clauses, defect.start() if defect else len(text)) and defect:
            _set_position(doc, results, "quality_objection", None, defect.group(0), defect.span())
    found = results.get("quality_objection")
    if found is not None and "quality_objection_date" not in results and found.spans:
        # 已于TIME以书面形式向原告提出质量异议: the date of the objection, in the sentence after the defect.
        stop = _sentence_stop(text, found.spans[0][1])
        said = _RAISED.search(text, found.spans[0][0], stop)
        dates = doc.mentions_in(found.spans[0][0], said.start(), "date") if said else []
        if dates:
            _set_position(doc, results, "quality_objection_date", None, dates[-1].value, (dates[-1].start, dates[-1].end))


def _conditional_or_reported(text: str, clauses: list[tuple[int, int]], start: int, end: int) -> bool:
    """如果上诉人认为存在…问题 / 原告称存在…: the other side's view or a condition, not the answer's own statement."""
    clause = text[_clause_at(clauses, start)[0]: end]
    return bool(re.search(r"如果|假如|倘若|若", clause) or _REPORTED.search(clause))


# The goods do not conform (有1200米绝缘层厚度不符合国家标准 / 部分产品不合格), said of the goods, not denied.
_NONCONFORMING = re.compile(r"不符合(?:国家|行业|合同|约定|双方约定)?(?:的)?(?:质量)?(?:标准|要求|约定)|(?:质量)?不合格")
_RAISED = re.compile(r"提出(?:了)?(?:书面)?(?:质量)?异议|反映(?:了)?质量问题|告知[^，。；]{0,10}?(?:质量|问题)")


def _nonconforming_clause(doc: Document, results: dict[str, Candidate], clauses: list[tuple[int, int]],
                          before: int) -> bool:
    """The first clause (before `before`) that says the goods do not conform, as the answer's own objection."""
    text = doc.text
    for begin, stop in clauses:
        if begin >= before:
            return False
        clause = text[begin:stop]
        found = _NONCONFORMING.search(clause)
        if found is None or re.search(r"并非|不存在|没有|未发现|均符合|不是|无", clause[: found.start()]):
            continue
        sentence = text[grammar.start_before(text, begin, "。；;"): stop]
        if re.match(r"\s*(?:只有|如果|若|凡)", clause) or "规定" in sentence:
            continue  # 根据相关法律规定，只有因房屋主体结构质量不合格…: a rule quoted, not the goods described
        if re.search(r"(?:原告|被答辩人|对方)[^，。；：:]{0,6}?(?:称|认为|主张)", clause[: found.start()]):
            continue  # the other side's words
        own = clause[max(clause.rfind("："), clause.rfind(":")) + 1:]  # without the speaker (被告辩称：)
        words = re.sub(r"^(?:原告|被答辩人)?(?:交付|供应|提供|送达)?的?[\u4e00-\u9fff]{0,6}?中", "", own.strip())
        at = begin + clause.find(words)
        _set_position(doc, results, "quality_objection", None, words, (at, at + len(words)))
        return True
    return False


_ASKED_NOW = re.compile(r"要求|请求|诉请|起诉|主张")
_NOT_DEDUCTED = re.compile(r"(?:未予|未|没有|并未)扣除|未予(?:抵扣|冲抵)|重复(?:主张|计算)")


def _sentence_stop(text: str, position: int) -> int:
    return min((i for i in (text.find(mark, position) for mark in "。；;") if i >= 0), default=len(text))
_PAID_SUM = re.compile(r"(?:已付|已支付|已经支付|已给付|已交)(?:了)?(?:货款|房款|房价款|购房款|价款|款项)?(?:共计|合计|累计|总计)(?:人民币)?$")
# 双方实际交易的货款为60200元 / 实际收到的货物价值为204000元: the total the answer sets against the complaint's.
_ACTUAL_TOTAL = re.compile(r"实际(?:交易|结算|发生|收到|供应|送达|供货)[^，。；]{0,8}?(?:货款|价款|价值|总价|总额|金额)"
                           r"(?:总额|合计)?(?:为|是|共计|合计|仅为|只有)(?:人民币)?$")
# The other side's words reported (原告称被告尚欠货款80000元): a figure in them is not the answer's own.
_REPORTED = re.compile(r"(?:原告|被答辩人|对方|上诉人)(?:方)?(?:所)?(?:称|诉称|声称|主张|陈述|认为)")
_PAID_IN_FULL = re.compile(r"(?:已|已经)(?:全部)?(?:支付|付清|交清)(?:了)?全部(?:的)?(?:购房款|房价款|房款|货款|价款)$|(?:已|已经)付清(?:全部)?(?:购房款|房价款|房款|货款|价款)?$")
_COUNTER = re.compile(r"仅|只|实际|另|还|又|并非|而非|不是")


def _payments(doc: Document, results: dict[str, Candidate]) -> None:
    """Payments the answer states: 已经支付全部购房款650000元 (paid in full, against the claim: contested with
    its figure); a payment or 定金 only restated (由原告支付定金10000元和房款14000元 / 答辩人已付20000元) is
    admitted — unless its clause sets a figure against the complaint's (仅 / 实际 / 另…支付)."""
    text = doc.text
    clauses = _clauses(text)
    for mention in doc.mentions_in(0, len(text), "money"):
        clause = text[_clause_at(clauses, mention.start)[0]: mention.start]
        if _REJECTS.search(clause):
            continue
        noun = grammar.item_noun(text, mention.start)
        head = grammar.governing_head(text, mention.start)
        span = (mention.start, mention.end)
        if _PAID_IN_FULL.search(text[max(0, mention.start - 16): mention.start]):
            _set_position(doc, results, "paid_amount", "contest", mention.value, span)
            continue
        if _ASKED_NOW.search(clause):
            continue  # 原告起诉要求被告支付货款50000元: the claim restated, not a payment
        if _PAID_SUM.search(text, max(0, mention.start - 12), mention.start) and not _REPORTED.search(clause):
            # 答辩人已付货款共计370000元: the answer's own sum of its payments, set against the complaint's.
            _set_position(doc, results, "paid_amount", "contest", mention.value, span)
            continue
        owing = re.search(r"(?:欠付|未付|拖欠|应付)$", head)  # 欠付货款60000元 is owed, not paid
        if re.search(r"(?:同意|愿意|承诺|应当|应|可以|准备)(?:分期|一次性)?(?:向原告)?(?:支付|付清|给付)", head):
            continue  # 同意支付货款85000元: a promise, not a payment
        paying = not owing and facts.PAY_VERB.search(head) or re.search(r"(?:已付|已支付|已交)(?:货款|房款|房价款|购房款|价款)?$", text[
            max(0, mention.start - 8): mention.start])
        if not paying or _COUNTER.search(clause):
            continue
        sentence = text[grammar.start_before(text, mention.start, "。；;"): _sentence_stop(text, mention.end)]
        if _NOT_DEDUCTED.search(sentence) and not _ADMITS.search(sentence):
            # 被告已支付货款35000元，原告未予扣除: the answer's payment against the complaint's figure.
            _set_position(doc, results, "paid_amount", "contest", mention.value, span)
            continue
        if noun.endswith("定金") and "deposit" not in doc.positions:
            _set_position(doc, results, "deposit", "admit", None, span)
        elif facts.PRICE_NOUN.match(noun) and "paid_amount" not in doc.positions:
            _set_position(doc, results, "paid_amount", "admit", None, span)
        elif (facts.PRICE_NOUN.match(noun) and doc.positions.get("paid_amount") == "contest"
              and getattr(results.get("paid_amount"), "value", None) == mention.value):
            _set_position(doc, results, "paid_amount", "admit", None, span)  # the keyword cue's contest


def _admitted_payment(doc: Document, results: dict[str, Candidate]) -> None:
    """对…原告已支付定金50000元、首付款100000元的事实无异议: a payment the answer lists among the facts it admits is
    admitted, though 已支付 alone reads as the answer's own contest."""
    found = results.get("paid_amount")
    if doc.positions.get("paid_amount") != "contest" or found is None or not found.spans:
        return
    text = doc.text
    begin, stop = _clause_at(_clauses(text), found.spans[0][0])
    before, after = text[begin: found.spans[0][0]], text[found.spans[0][1]: stop]
    if _ADMITS.search(after) and not _COUNTER.search(before) and not _REJECTS.search(before + after):
        _set_position(doc, results, "paid_amount", "admit", None, found.spans[0])


def _actual_total(doc: Document, results: dict[str, Candidate]) -> None:
    """双方实际交易的货款为60200元: the total the answer states against the complaint's (contested with it)."""
    text = doc.text
    if doc.positions.get("total_price") == "admit":
        return
    for mention in doc.mentions_in(0, len(text), "money"):
        if _ACTUAL_TOTAL.search(text, max(0, mention.start - 24), mention.start):
            _set_position(doc, results, "total_price", "contest", mention.value, (mention.start, mention.end))
            return


def _received_money(doc: Document, results: dict[str, Candidate]) -> None:
    """只收到货款50000元: the payment is contested with the sum the answer accepts."""
    text = doc.text
    for found in _MONEY_RECEIVED.finditer(text):
        mentions = doc.mentions_in(found.end(), min(len(text), found.end() + 12), "money")
        if not mentions:
            continue
        _set_position(doc, results, "paid_amount", "contest", mentions[0].value, (found.start(), mentions[0].end))
        denied = results.get("delivered")
        if denied is not None and denied.spans and found.start() <= denied.spans[0][0] < found.end():
            del results["delivered"]
            doc.positions.pop("delivered", None)
        return


def derive_answer(doc: Document, results: dict[str, Candidate]) -> None:
    """An answer asks for a reduction (合同编通则解释第六十四条: by 抗辩) or raises a quality objection:
    assertions of its own, written without a position; a reduction contests the penalty claimed; each claim
    a rejecting clause names is contested; what it only restates is not."""
    found = _REDUCTION.search(doc.text)
    if found is not None:
        results["penalty_reduction_requested"] = Candidate("penalty_reduction_requested", True, [found.span()],
                                                           0.8, "derived", found.start())
        doc.positions.pop("penalty_reduction_requested", None)
        if "claim_penalty" not in doc.positions:
            _set_position(doc, results, "claim_penalty", "contest", None, found.span())
    # 不存在未交付的事实: a denial that is itself denied is none.
    denied = next((m for m in _DENIED.finditer(doc.text)
                   if not re.search(r"不存在|并非|不是|并不", doc.text[max(0, m.start() - 4): m.start()])
                   and not _NOT_GOODS.match(doc.text, m.end())), None)
    if denied is not None and "delivered" not in results and not _MONEY_RECEIVED.search(
            doc.text[max(0, denied.start() - 2): denied.end() + 12]):
        # 未收到 / 仅收到部分: the delivery the complaint states is contested (not delivered at all: false).
        flat = not re.match(r"仅|实际|只", denied.group(0)) and not re.search(
            r"部分|其中|有的|一批", doc.text[grammar.start_before(doc.text, denied.start(), "，,。；;"): denied.start()])
        results["delivered"] = Candidate("delivered", False if flat else None, [denied.span()], 0.7, "derived",
                                         denied.start())
        doc.positions["delivered"] = "contest"
    _received_money(doc, results)
    _payments(doc, results)
    _admitted_payment(doc, results)
    _actual_total(doc, results)
    _restated(doc, results)
    _deposit_not_price(doc, results)
    _agreed_claims(doc, results)
    _rejected_claims(doc, results)
    complained = _complaint_results(doc)
    _own_assertions(doc, results, complained)
    _answer_facts(doc, results)
    _general_rejection(doc, results, complained)
    _goods_named(doc, results, complained)
    # A quality objection the complaint never mentioned is the answer's own assertion (no position);
    # one the answer takes a position on keeps it.
    quality_terms(doc, results)
    _reported_figures(doc, results)
    _price_not_payment(doc, results)
    _own_figure_not_admitted(doc, results, complained)
    _owed_is_claimed(doc, results)
    _any_defendant_contests(doc)
    _against_complaint(doc, results, complained)
    _facts_admitted(doc, results, complained)
    _listed_facts_admitted(doc, results, complained)
    _paid_in_full_stated(doc, results, complained)
    _return_not_claimed(doc, results, complained)
    _quality_denied(doc, results, complained)
    _agreed_penalty_too_high(doc, results, complained)


# Facts an answer may state of its own that a complaint states too.
_STATED_FACTS = ("delivered", "outstanding_amount", "paid_amount", "total_price", "deposit")


def _same_value(left: object, right: object) -> bool:
    if isinstance(left, str) and isinstance(right, str):
        try:
            return Decimal(left) == Decimal(right)
        except ArithmeticError:
            return left == right
    return left == right


def _against_complaint(doc: Document, results: dict[str, Candidate], complained: dict[str, Candidate]) -> None:
    """An answer's own statement of a fact the complaint states too: admitted when it says the same (房屋已交付 /
    原告仍欠购房款100000元, as the complaint says), contested with its own value when it says otherwise."""
    if doc.complaint:
        for eid in ("paid_amount", "deposit"):
            own = results.get(eid)
            if doc.positions.get(eid) != "admit" or eid in complained or own is None or not own.spans:
                continue
            # 由原告支付定金10000元 read as a restated payment, but the complaint states none: the answer's own.
            figures = doc.mentions_in(own.spans[0][0], own.spans[0][1], "money")
            if figures:
                _set_position(doc, results, eid, None, figures[0].value, own.spans[0])
    for eid in _STATED_FACTS:
        own, stated = results.get(eid), complained.get(eid)
        if own is None or eid in doc.positions or own.value is None or stated is None or stated.value is None:
            continue
        if _same_value(own.value, stated.value):
            _set_position(doc, results, eid, "admit", None, own.spans[0])
        else:
            _set_position(doc, results, eid, "contest", own.value, own.spans[0])


# 原告所述事实属实 / 对原告陈述的事实无异议 / 原告诉称的事实基本属实: the complaint's facts admitted as a whole.
_FACTS_ADMITTED = re.compile(
    r"(?:原告|被答辩人)(?:所述|陈述|诉称|所诉|起诉)的?(?:基本)?(?:事实|情况)?(?:基本|均)?(?:属实|无异议|没有异议|是事实)"
    r"|对(?:原告|被答辩人)(?:所述|陈述|诉称|所诉|起诉)的?(?:基本)?(?:事实|情况)(?:均)?(?:无异议|没有异议|予以认可|认可)")


def _facts_admitted(doc: Document, results: dict[str, Candidate], complained: dict[str, Candidate]) -> None:
    """A general admission of the complaint's facts admits each fact the complaint states that the answer takes
    no other position on (the complaint is needed: the admission names none)."""
    found = _FACTS_ADMITTED.search(doc.text)
    if found is None or not complained:
        return
    for eid in ("written_contract", *_STATED_FACTS):
        stated = complained.get(eid)
        if stated is not None and stated.value not in (None, False) and eid not in doc.positions:
            _set_position(doc, results, eid, "admit", None, found.span())


# Each defendant's statement opens with its speaker (被告PER辩称 / 被告ORG答辩称 / 答辩人乙称).
_STATEMENT = re.compile(r"(?:辩称|答辩称|答辩意见)")


def _any_defendant_contests(doc: Document) -> None:
    """Several defendants answering: an element one admits and another contests is contested (the convention of
    every answer gold: contest when any defendant contests). One speaker who admits and contests is partial."""
    if len(_STATEMENT.findall(doc.text)) < 2:
        return
    for eid in doc.both_ways:
        if doc.positions.get(eid) == "admit":
            doc.positions[eid] = "contest"


def _price_not_payment(doc: Document, results: dict[str, Candidate]) -> None:
    """被告已支付货款40000元: a payment's figure is not the price the answer accepts when contesting the claim."""
    found = results.get("claim_price")
    if doc.positions.get("claim_price") != "contest" or found is None or found.value is None or not found.spans:
        return
    start = found.spans[0][0]
    if re.search(r"(?:已|已经|共|累计|实际)(?:支付|付|给付|转账|汇款)(?:了)?(?:货款|价款|款项|房款|房价款|购房款)?(?:共计|合计)?$",
                 doc.text[max(0, start - 12): start]):
        results["claim_price"] = Candidate("claim_price", None, found.spans, found.confidence, found.source, found.order)


def _owed_is_claimed(doc: Document, results: dict[str, Candidate]) -> None:
    """尚欠40200元 by the answerer: what it says it still owes is the part of the price claimed it accepts, so
    the price claim is contested with that figure (not with a total or a payment the keyword cue took)."""
    owed = results.get("outstanding_amount")
    if (doc.positions.get("outstanding_amount") != "contest" or owed is None or owed.value is None
            or doc.positions.get("claim_price") == "admit" or "claim_refund" in doc.positions):
        return
    _set_position(doc, results, "claim_price", "contest", owed.value, owed.spans[0])


def _goods_named(doc: Document, results: dict[str, Candidate], complained: dict[str, Candidate]) -> None:
    """What was sold, named by the answer when the complaint it replies to names nothing (房屋买卖合同订立不知情
    → 房屋): the answer's own assertion."""
    if not doc.complaint or "goods" in complained or "goods" in results:
        return
    house = grammar.house_goods(doc.text)
    if house is not None:
        noun, at = house
        _set_position(doc, results, "goods", None, noun, (at, at + len(noun)))


def _reported_figures(doc: Document, results: dict[str, Candidate]) -> None:
    """A contested sum the answer only quotes from the other side (原告称被告尚欠货款80000元，被告不予认可) is the
    complaint's figure, not the one the answer sets against it: the contest keeps no value."""
    text = doc.text
    clauses = _clauses(text)
    for eid, position in list(doc.positions.items()):
        found = results.get(eid)
        if position != "contest" or found is None or not isinstance(found.value, str) or not found.spans:
            continue
        at = found.spans[0][0]
        clause = text[_clause_at(clauses, at)[0]: at]
        if _REPORTED.search(clause) and not _COUNTER.search(clause):
            results[eid] = Candidate(eid, None, found.spans, found.confidence, found.source, found.order)


def derive(doc: Document, results: dict[str, Candidate]) -> None:
    if doc.role != "complaint":
        return
    read_sale_facts(doc, results)
    _claim_items(doc, results)
    _claimed_rate(doc, results)
    _refund(doc, results)
    _sides(results)
    _price(results)
    delivery = results.get("delivery_date")
    if delivery is not None and "delivered" not in results:
        results["delivered"] = Candidate("delivered", True, delivery.spans, 0.7, "derived", delivery.order)
    for eid in doc.form_unticked:
        # An element-style form row with boxes and none ticked stays empty, whatever the text around it says.
        if eid in results and results[eid].source == "derived":
            del results[eid]


# …这些事实没有异议 / …的事实无异议: the facts the sentence lists before the admission.
_LISTED_ADMITTED = re.compile(r"(?:这些|上述|以上|该等|前述)?事实(?:均|都|也)?(?:没有|无)异议|的事实(?:均)?(?:无异议|没有异议|属实|予以认可)")
_LISTED_FACTS = (
    ("written_contract", re.compile(r"签订|签署|订立")),
    # The contract's content (签订契约的时间、内容) admits its terms: the agreed price.
    ("total_price", re.compile(r"(?:合同|协议|契约)[^，。；]{0,10}?内容")),
    ("paid_amount", re.compile(r"(?<![未没不])(?:支付|付清|交清|交纳)(?:了)?[^，。；]{0,8}?(?:购房款|房价款|房款|购买款|货款|价款|款项)")),
    ("delivered", re.compile(r"(?<![未没不])(?:交付|交货|送货|供货|发货)")),
)
# What admitting a listed fact admits with it: the signing its date, a dated delivery the delivery itself.
_ADMITTED_WITH = {"written_contract": ("contract_date",), "delivery_date": ("delivered",)}


def _listed_facts_admitted(doc: Document, results: dict[str, Candidate], complained: dict[str, Candidate]) -> None:
    """原、被告签订契约的时间、内容以及原告已经支付购房款，被告也将房屋交付给了原告，这些事实没有异议: each fact the
    sentence names before its admission is admitted, when the complaint states it and the answer takes no other
    position on it."""
    text = doc.text
    for found in _LISTED_ADMITTED.finditer(text):
        # 这些 / 上述事实 sums up the whole list, over its semicolons; …的事实无异议 admits its own clause's fact.
        marks = "。\n" if re.match(r"这些|上述|以上|该等|前述", found.group(0)) else "。；;"
        sentence = text[grammar.start_before(text, found.start(), marks): found.start()]
        if _REJECTS.search(sentence) or re.search(r"但|除|不认可|有异议", sentence):
            continue
        begin = found.start() - len(sentence)
        for eid, named in _LISTED_FACTS:
            said = named.search(sentence)
            if said is not None and eid == "delivered" and doc.mentions_in(max(begin, begin + said.start() - 14),
                                                                            begin + said.start(), "date"):
                eid = "delivery_date"  # 模具于TIME交付的事实无异议: the admitted delivery is dated (sc_a_008)
            if said is None:
                continue
            for admitted in (eid, *_ADMITTED_WITH.get(eid, ())):
                stated = complained.get(admitted)
                if stated is None or stated.value in (None, False) or admitted in doc.positions:
                    continue
                _set_position(doc, results, admitted, "admit", None, found.span())


# 我也足额支付了购房款 / 已付清全部房款 (no figure): the answer says the price was paid in full.
_FULL_PAYMENT = re.compile(r"(?<![未没不])(?:足额|全额|如数)(?:支付|付清|交纳)(?:了)?(?:全部)?(?:的)?(?:购房款|房价款|房款|货款|价款)"
                           r"|(?:已|已经)(?:全部)?付清(?:了)?(?:全部)?(?:的)?(?:购房款|房价款|房款|货款|价款)(?![0-9])")


def _paid_in_full_stated(doc: Document, results: dict[str, Candidate], complained: dict[str, Candidate]) -> None:
    """A payment in full with no figure, against the complaint's payment: admitted when the complaint's payment is
    its price, contested (no value) when the complaint says less was paid (实际没有支付购房款 → 0)."""
    stated = complained.get("paid_amount")
    found = _FULL_PAYMENT.search(doc.text)
    if found is None or stated is None or stated.value is None or "paid_amount" in doc.positions:
        return
    clause = doc.text[_clause_at(_clauses(doc.text), found.start())[0]: found.start()]
    if _REPORTED.search(clause):
        return
    price = complained.get("total_price")
    full = price is not None and price.value is not None and _same_value(price.value, stated.value)
    _set_position(doc, results, "paid_amount", "admit" if full else "contest", None, found.span())


def _return_not_claimed(doc: Document, results: dict[str, Candidate], complained: dict[str, Candidate]) -> None:
    """只同意退还购房款本金 where the complaint claims no refund (it asks for the interest on it): no refund claim is
    admitted; what the answer agrees to give back is the payment the complaint states, admitted."""
    if not doc.complaint or doc.positions.get("claim_refund") != "admit" or "claim_refund" in complained:
        return
    found = results.pop("claim_refund")
    doc.positions.pop("claim_refund", None)
    stated = complained.get("paid_amount")
    if stated is not None and stated.value is not None and "paid_amount" not in doc.positions and found.spans:
        _set_position(doc, results, "paid_amount", "admit", None, found.spans[0])


# The seller's denial of a defect: 验收合格 / 没有质量问题 / 不存在影响居住的问题.
_NO_DEFECT = re.compile(r"(?:没有|不存在|并无|无)(?:任何)?[^，。；]{0,12}?(?:质量)?问题|(?:验收|质量)合格|符合(?:国家|行业|合同)?(?:质量)?标准")


def _quality_denied(doc: Document, results: dict[str, Candidate], complained: dict[str, Candidate]) -> None:
    """The complaint objects to the quality and the answer denies any defect: the objection is contested (no value)."""
    if "quality_objection" not in complained or "quality_objection" in results:
        return
    found = next((f for f in _NO_DEFECT.finditer(doc.text) if not re.search(r"逾期|迟延|延迟|违约|付款|交付", f.group(0))),
                 None)  # 不存在逾期交付的问题 denies lateness, not a defect
    if found is not None:
        _set_position(doc, results, "quality_objection", "contest", None, found.span())


# 合同约定的违约金过高 / 每日千分之一违约金…明显过高 / 违约金50000元…过分高于: the agreed penalty term is contested
# (not 原告主张的…违约金过高: that is the claim, contested by the reduction already).
_TOO_HIGH = re.compile(r"过高|过分高于|畸高")
_TERM_NAMED = (
    ("penalty_rate", re.compile(r"分之|每日|每天|日息")),
    ("penalty_percent", re.compile(r"\d+(?:\.\d+)?%(?:计算)?(?:的)?违约金|的\d+(?:\.\d+)?%")),
    ("penalty_amount", re.compile(r"违约金\d+(?:\.\d+)?(?:万)?元|\d+(?:\.\d+)?(?:万)?元(?:的)?违约金")),
)


def _agreed_penalty_too_high(doc: Document, results: dict[str, Candidate], complained: dict[str, Candidate]) -> None:
    """A sentence calling the penalty too high contests the complaint's penalty term it names by its figure, or
    its only term when it names none."""
    text = doc.text
    terms = [eid for eid, _ in _TERM_NAMED if complained.get(eid) is not None and eid not in doc.positions]
    if not terms:
        return
    for found in _TOO_HIGH.finditer(text):
        begin = grammar.start_before(text, found.start(), "。；;\n")
        if "违约金" not in text[begin: found.start()] and begin > 0:
            # …按未付货款的20%计算违约金；数额明显过高: the penalty named in the clause before
            begin = grammar.start_before(text, begin - 1, "。；;\n")
        sentence = text[begin: found.start()]
        if "违约金" not in sentence or "主张" in sentence:
            continue
        named = [eid for eid, pattern in _TERM_NAMED if eid in terms and pattern.search(sentence)]
        chosen = named[:1] or (terms if len(terms) == 1 else [])
        for eid in chosen:
            _set_position(doc, results, eid, "contest", None, found.span())
        return


# the owed sum only: a payment the answer admits may be one of several the complaint sums (development 293, 459)
_STATED_SUMS = ("outstanding_amount",)


def _own_figure_not_admitted(doc: Document, results: dict[str, Candidate], complained: dict[str, Candidate]) -> None:
    """…；答辩人已付20000元，尚欠40200元，答辩人愿意支付: a sum of the answer's own that is not the complaint's is a
    contest with it, whatever admitting word (愿意支付) its clause holds once a semicolon cuts it from 扣除…."""
    for eid in _STATED_SUMS:
        own, stated = results.get(eid), complained.get(eid)
        if doc.positions.get(eid) != "admit" or own is None or not own.spans or stated is None or not isinstance(
                stated.value, str):
            continue
        figures = doc.mentions_in(own.spans[0][0], own.spans[0][1], "money")
        if len(figures) == 1 and not _same_value(str(figures[0].value), stated.value):
            _set_position(doc, results, eid, "contest", figures[0].value, own.spans[0])

"""买卖合同 facts read from a complaint's own wording, where the generic keyword cues are too blunt.

A sale complaint names several sums close together (总价款286500元 … 支付货款150000元，余款136500元),
so each money mention is classed by the words right before it, in the facts section; the agreed
penalty standard (每日按未付款金额的万分之五, 每逾期一日按欠款总额的千分之一, 月息2%) is found by its
shape and read by engine.law.penalty.parse_penalty_rate; the goods are the noun after 购买/采购;
the delivery date is the date followed by 送至/交付/送货 (not 前, which is a deadline).
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from engine.casetypes.sale_contract import grammar
from engine.errors import YaosuError
from engine.extraction.document import Candidate, Document
from engine.law.penalty import parse_penalty_rate

_BEFORE = 14  # characters before a sum that say what it is
_TOTAL = re.compile(r"(总价款|总价|合同总价|合同总金额|总金额|货款总额|总货款|合同金额|合同价款|结算金额|货款合计|共计货款|货款共计|对账确认货款"
                    r"|货款总计|供货总额|总计|共计|总房价|总房款|房款(?:共计|合计|总计)|(?:约定|出售|销售|转让|成交|买卖|房屋|房产|商铺)"
                    r"(?:价款|价格|售价|房价|总价)|售价|作价)"
                    r"[为是计共：:人民币约]{0,4}$")
# 以650000元的价格购买 / 以80000元的价格卖给原告: the sum is the price of the sale verb that follows.
# 以63000元的价格将房屋转让给…: the object may stand before the verb with 将.
_PRICE_AFTER = re.compile(r"(?:的)?(?:价格|价款|总价|总价款|房价)?(?:将[^，。；]{0,10}?)?(?:购买|购得|买下|买受|出售|出卖|卖给|售予|转让|成交)")
# 以500000元的价格将房屋出售给案外人: a resale to someone else is not the price of this sale.
_TO_OTHERS = re.compile(r"[^，。；]*?(?:案外人|第三人|他人|别人|其他人)")
# The nouns of the price (none is a prefix of another, so their order in the group does not matter).
_PRICE_NOUNS = r"(?:购房款|房价款|房款|价款|货款)"
_PAID = re.compile(r"(支付|付款|付|给付|转账|汇款)了?(货款|价款|款项|部分货款)?[共计合累人民币]{0,4}$")
_PAID_TOTAL = re.compile(r"(共计|合计|累计)")
_NOT_PAID = re.compile(r"(应|应当|须|需|约定|承诺|同意|要求|请求|判令|按照|按)[^，。；]{0,12}$")
_OWED = re.compile(r"(尚欠|余款|尾款|欠付|拖欠|未付|剩余|尚余|下欠|结欠|仍欠)[^，。；0-9]{0,8}$")
_PAID_IN_FULL = re.compile(r"全额(?:付清|结清)|全部(?:付清|结清)|已(?:付清|结清)|一次性(?:付清|结清)全部|(?:即|当即|当天|当日)一次性(?:全部)?(?:付清|结清)"
                           r"|(?:付清|结清)(?:了)?全部" + _PRICE_NOUNS
                           + r"|(?:当即|当场|当天|当日|随即|即)(?:付清|结清)(?:了)?(?:全部)?" + _PRICE_NOUNS
                           + r"|(?:交付|支付|交纳)(?:了)?全部(?:房屋)?" + _PRICE_NOUNS
                           + r"|(?:全部|全面|依约|按约)履行了?(?:全部)?(?:的)?(?:交款|付款|支付房款|支付价款|支付购房款)义务")
# 实际没有支付购房款 / 分文未付: nothing paid (the corpus convention writes 0.00).
_NOTHING_PAID = re.compile(r"(?:实际)?(?:并)?(?:没有|未|从未)(?:支付|付)(?:过)?(?:任何)?(?:[^，。；]{0,14}?约定的)?"
                           + _PRICE_NOUNS + r"(?=[，。；]|$)|分文未付"
                           # 货款尚未支付 / 房款至今未付: the price noun as the topic of its clause, before the verb.
                           r"|(?<![^，。；：:\n])" + _PRICE_NOUNS + r"(?:均|尚|至今|一直|仍|都)*(?:未|没有)(?:支付|付)(?=[，。；]|$)")
# 协议约定的356000元房款 / 合同中的X元价款: the sum before the price noun, named as the agreement's, is the price.
_AGREEMENT_OF = re.compile(r"(?:合同|协议|契约)(?:中|上|里|约定|载明|所载|确定)?的$")
_PRICE_NOUN_AFTER = re.compile(r"(?:的)?(?:" + _PRICE_NOUNS + r"|总价款|转让款)")
# The seller's receipt of a sum (本公司收到的56400元 / 收到被告货款X元) or a receipt for it (X元的收条).
_RECEIVED = re.compile(r"(?<![未没])(?<!没有)收到(?:了)?(?:的)?(?:[^，。；0-9]{0,6}?" + _PRICE_NOUNS + r")?$")
# 赔偿25万元购房款的资金占用利息: compensation for the use of money the other side holds, so the sum was paid
# (not 支付X元货款的资金占用损失, a seller's claim on a price unpaid: the verb decides).
_HELD_MONEY_AFTER = re.compile(r"(?:的)?(?:已付)?" + _PRICE_NOUNS + r"(?:的)?(?:资金)?占用(?:利息|损失|费)")
_COMPENSATE_FOR = re.compile(r"(?:赔偿|返还|退还)(?:给)?(?:原告|上诉人|被上诉人|PER|ORG|其)?$")
_RECEIPT_AFTER = re.compile(r"(?:的)?" + _PRICE_NOUNS + r"?(?:收到条|收条|收据)")
# A payment by the noun the sum is attached to (grammar.item_noun) and the verb governing its list.
PRICE_NOUN = re.compile(r"^(?:购房首付款|房屋首付款|首付款|首期款|购房款|房屋价款|房价款|房款|货款|价款|款项|款)?$")
PAY_VERB = re.compile(r"(?:支付|付款|付|给付|转账|汇款|交付|交纳|缴纳)(?:了|过)?(?:给)?(?:被告|原告|对方|上诉人|被上诉人|PER|ORG)?$")
# Performance as agreed (原告按约 / 按照合同约定 / 依约支付): a payment made, not a term of the agreement.
_PERFORMED = re.compile(r"按(?:照)?(?:合同|协议)?(?:的)?约定|依约|依照约定|按约")
_TERM = re.compile(r"约定")
# A sum followed by a noun of its own that is not the price (18万元购车款 / 5000元中介费).
_OTHER_MONEY_AFTER = re.compile(r"(?!(?:的)?(?:" + _PRICE_NOUNS + r"|首付款|首期款|定金|款项))(?:的)?[\u4e00-\u9fff]{1,3}(?:款|费)")
_GIVE_BACK = re.compile(r"(?:双倍)?(?:返还|退还|退回)")
# A sentence that asks (请求 / 判令 …) rather than states the agreement: its sums are claims.
_ASKING = re.compile(r"请求|判令|诉请|要求|诉至法院")
# The 定金 is part of the price: 首付定金 / 定金抵作房款.
_DEPOSIT_IN_PRICE = re.compile(r"首付定金|定金(?:抵作|冲抵|折抵|转为|充抵|作为)(?:" + _PRICE_NOUNS + r"|首付款)")
PENALTY = re.compile(
    r"(?:每日|每天|每逾期一[日天]|逾期一[日天]|按日|日)，?[^，。；]{0,16}?"
    r"(?:(?:万|千|百)分之[零〇一二两三四五六七八九十点0-9.]+|[0-9.]+\s*[%‰])"
    r"|(?:月息|月利率|按月)[^，。；]{0,6}?[0-9.]+\s*%"
)
_WRITTEN = re.compile(r"(?:签订|签署|订立)(?:了)?[^，。；]{0,8}?《[^》]{0,20}(?:合同|协议|订单)》|(?:签订|签署|订立)(?:了)?(?:书面)?(?:买卖|购销|采购|供货|销售)合同"
                      # 根据双方的购销合同 / 双方的买卖合同约定: the parties' contract cited for its terms.
                      r"|(?:根据|按照|依据|依照)双方(?:之间)?的(?:买卖|购销|采购|供货|销售)合同"
                      # 依据原、被告双方的房屋买卖合同约定 / 按照原告与被告之间的钢材购销合同约定: the same without 《》.
                      r"|(?:根据|按照|依据|依照)(?:原、被告|原被告|原告与被告|原告和被告|双方)(?:双方)?(?:之间)?(?:签订)?的"
                      r"[\u4e00-\u9fff]{0,6}?(?:买卖|购销|采购|供货|销售|转让)(?:合同|协议)(?:明确)?(?:约定|的约定|第)"
                      # 达成房屋买卖协议 (as 达成《…》), not 达成口头协议.
                      r"|达成(?:了)?(?:一份)?(?!口头)[\u4e00-\u9fff]{0,6}?(?:买卖|购销|转让)(?:合同|协议)"
                      r"|双方(?:之间)?的(?:买卖|购销|采购|供货|销售)合同(?:明确)?(?:约定|第[一二三四五六七八九十0-9]+条)")
_UNWRITTEN = grammar.UNWRITTEN
_GOODS = re.compile(r"(?:购买|采购|订购|订购了|购买了|采购了|定制|供应(?!商)|供应了|销售(?!合同|商|价|额|收入|款|人员)|提供的(?!证据|担保|服务|资料|发票|票据|账户|证明|帮助|劳务|信息|地址|方案|材料|录音|短信)(?![^，。；]{0,10}?(?:证明|许可|证书|文件|手续|合同|协议)))([^0-9，。；,（(“”《》：:]{2,16}?)(?=[0-9]|，|。|；|（|共|一批|若干|合计|总计|$)")
_GOODS_PREDICATE = re.compile(r"是否|存在|属于|出现")
_DUE_AFTER = re.compile(r"(?:货到|收货|交货|送货|到货|验收合格|安装完毕|交付)后(\d+)[日天]内(?:付清|支付|结清|付款|一次性)")
_PENALTY_SUM = re.compile(r"违约金(?:为|人民币)?$|违约金，即$")
_PENALTY_SHARE = re.compile(r"(?:按|为|支付|承担|赔偿)[^，。；]{0,10}?(?:未付货款|未付款|合同总价|总价款|总价|货款总额|欠款|货款|总房款|总房价|已付房款|购房款|房款|房价款|价款)[^，。；0-9]{0,4}?"
                            r"([0-9]+(?:\.[0-9]+)?)\s*%")
_INSPECTION = re.compile(r"(?:收货|到货|交付|送达|货到|交货)后(\d+)[日天]内[^，。；]{0,10}?(?:验收|检验)")
_QUALITY_WORDS = re.compile(r"存在|无法|不合格|质量问题|瑕疵|缺陷|失灵|破损|偏差|色差|隐裂|短少|不符合")
_QUALITY = re.compile(r"(?:发现|提出|反映|以)([^，。；]{2,24}?)(?:为由|，|。|；|$)")
# 存在严重的质量问题：1.地下室墙面渗水…: the defects listed after the heading, the first of them.
_QUALITY_LISTED = re.compile(r"(?:存在|出现|有)(?:严重的?|以下|如下|诸多)?质量问题[：:]\s*(?:[1-9１-９一二三][.、．]\s*)?([^，。；：:]{2,24})")
# Not the buyer's own objection: a denial or a failed proof (未能证明…有质量问题), a rule quoted (以…为由主张权利的，
# 不予支持), a court's ground (原审法院以…为由).
_NOT_OBJECTION = re.compile(r"未能证明|不能证明|无法证明|没有|不存在|并非|不是")
_RULE_OR_COURT = re.compile(r"规定|解释|不予支持|应予支持|法院|原审|一审|原判")
_CLAUSE_PREFIX = re.compile(r"^(?:双方)?(?:合同)?(?:第[一二三四五六七八九十]+条)?(?:还)?约定[：:，,]?“?")
_CLAUSE = re.compile(r"约定[：:]?“([^”]{4,80}?(?:违约金|逾期付款)[^”]{0,40}?)”")
_DELIVERY = re.compile(r"^[^。；]{0,14}?(送至|送达|交付|送货|交货|发货|供货|提货|运至|全部货物|货物送)")


# A price per square metre (每平方米5200元 / 单价4500元/平方米 / 3000元/㎡) and an area (面积96平方米 / 30㎡).
_SQUARE = r"(?:平方米|平米|㎡|m²|m2)"
_NUMBER = r"([0-9][0-9,]*(?:\.[0-9]+)?)"
_UNIT_PRICE = re.compile(rf"(?:单价|每{_SQUARE})[为是：:按计人民币]{{0,4}}(?:每{_SQUARE})?{_NUMBER}(万)?元"
                         rf"|{_NUMBER}(万)?元(?:/|每){_SQUARE}")
_AREA = re.compile(rf"面积[为是共计：:]{{0,3}}{_NUMBER}{_SQUARE}|{_NUMBER}{_SQUARE}(?!的?单价)")
# A price per square metre that is not the agreed one: the market's, a valuation's, today's.
_NOT_AGREED_UNIT = re.compile(r"市场|市价|现价|涨|跌|评估|同地段|周边|目前|现在|损失")


def _facts(doc: Document) -> tuple[int, int]:
    start, end = doc.section("facts")
    return (start, end) if end > start else (0, len(doc.text))


def _sentence_start(text: str, position: int) -> int:
    return grammar.start_before(text, position, "。；\n")


def _money_roles(doc: Document) -> dict[str, list[tuple[Any, Any]]]:
    """Money mentions of the facts section by role: total / paid / paid_total / owed."""
    text = doc.text
    start, end = _facts(doc)
    roles: dict[str, list[tuple[Any, Any]]] = {"total": [], "paid": [], "paid_total": [], "owed": [], "deposit": []}
    for mention in doc.mentions_in(start, end, "money"):
        before = text[max(_sentence_start(text, mention.start), mention.start - _BEFORE): mention.start]
        if _TOTAL.search(before) or (before.endswith("以") and _PRICE_AFTER.match(text, mention.end)
                                     and not _TO_OTHERS.match(text, mention.end, mention.end + 24)) or (
                _AGREEMENT_OF.search(before) and _PRICE_NOUN_AFTER.match(text, mention.end)):
            roles["total"].append((mention, before))
        elif (_RECEIVED.search(before) or _RECEIPT_AFTER.match(text, mention.end)) and not _a_term(text, mention.start):
            roles["paid"].append((mention, before))
        elif _HELD_MONEY_AFTER.match(text, mention.end) and _COMPENSATE_FOR.search(before):
            roles["paid"].append((mention, before))
        elif _OWED.search(before):
            if not _a_term(text, mention.start):
                roles["owed"].append((mention, before))
        elif _PAID.search(before) and not _NOT_PAID.search(_PERFORMED.sub("", before)):
            if not _a_term(text, mention.start):
                roles["paid_total" if _PAID_TOTAL.search(before) else "paid"].append((mention, before))
        elif (noun := grammar.item_noun(text, mention.start)).endswith("定金") and "订金" not in noun:
            if not _GIVE_BACK.search(grammar.governing_head(text, mention.start)):
                roles["deposit"].append((mention, before))  # 双倍返还定金20000元 is the claim, not the 定金
        elif PRICE_NOUN.match(noun) and PAY_VERB.search(head := grammar.governing_head(text, mention.start)):
            if not _NOT_PAID.search(_PERFORMED.sub("", head)) and not _a_term(text, mention.start):
                roles["paid"].append((mention, before))
    return roles


# 余款于交房时一次性付清: a clause that sets a time or a remainder to pay is a term, not a payment made (unless
# it says the payment happened: 尾款已全部付清).
_FULL_TERM = re.compile(r"^(?!.*(?:已|了|实际|当即|即)).*(?:余款|尾款|剩余|应|须|需|[于在][^，。；]{0,10}?(?:时|前|后)$)")


def _clause_before(text: str, position: int) -> str:
    return text[grammar.start_before(text, position, "，,。；;"): position]


# A clause that tells what happened (该款项被告从未支付 / 至今未交货): the sentence has moved on from the agreement.
_TOLD = re.compile(r"从未|并未|至今|始终")
# 约定：A；B；C。 — a list of terms opened by a colon runs over its semicolons to the full stop.
_TERMS_LISTED = re.compile(r"约定[：:]")


def _a_term(text: str, position: int) -> bool:
    """约定…，签约时支付100000元，余款300000元于交房时付清: inside a sentence that states the agreement, a
    payment or a remainder is a term, unless the clause says it happened (已 / 了 / 实际 / 尚 / 至今 / 未, or
    performance as agreed: 按约 / 按照合同约定), or a clause between the 约定 and it tells a fact (从未支付 …): a
    sentence whose full stops are written as commas runs on from the agreement into what happened."""
    sentence = text[_sentence_start(text, position): position]
    clause = sentence[max(sentence.rfind("，"), sentence.rfind(",")) + 1:]
    if re.search(r"已|了|实际|尚|仍|至今|未", clause) or _PERFORMED.search(clause):
        return False
    scope = _agreement_scope(text, position, sentence)
    if scope is None:
        return False
    between = re.split(r"[，,；;]", scope)[:-1]
    return not any(_TOLD.search(part) for part in between)


def _agreed_in(part: str) -> re.Match[str] | None:
    """The last 约定 of a part that is not performance as agreed (按照合同约定)."""
    found = list(_TERM.finditer(_PERFORMED.sub(lambda m: "_" * len(m.group(0)), part)))
    return found[-1] if found else None


# A term of a list (被告应于DATE前交货 / 收货后7日内验收 / 于交房时付清): the list goes on after it over a semicolon.
_TERM_LIKE = re.compile(r"应|须|需|[于在][^，,；;]{0,14}?(?:前|内|时)|以内")


def _agreement_scope(text: str, position: int, sentence: str) -> str | None:
    """The words after the 约定 that governs the sum at `position` (None: no agreement governs it): its own
    sentence's, or one before a semicolon when a list of terms runs over it (约定：A；B / 约定…应于…前交货；…)."""
    agreed = _agreed_in(sentence)
    if agreed is not None:
        return sentence[agreed.end():]
    full = text[grammar.start_before(text, position, "。\n"): position]
    listed = list(_TERMS_LISTED.finditer(full))
    if listed:
        return full[listed[-1].end():]
    parts = re.split(r"[；;]", full)
    for index in range(len(parts) - 2, -1, -1):
        agreed = _agreed_in(parts[index])
        if agreed is not None:
            return "；".join([parts[index][agreed.end():], *parts[index + 1:]])
        if not _TERM_LIKE.search(parts[index]):
            return None
    return None


def _money_candidate(eid: str, mentions: list[tuple[Any, Any]], pick: str = "first") -> Candidate | None:
    if not mentions:
        return None
    if pick == "sum" and len(mentions) > 1:
        total = sum((Decimal(m.value) for m, _ in mentions), Decimal("0"))
        spans = [(m.start, m.end) for m, _ in mentions]
        return Candidate(eid, f"{total:.2f}", spans, 0.7, "derived", mentions[0][0].start)
    mention = mentions[0][0] if pick == "first" else mentions[-1][0]
    return Candidate(eid, mention.value, [(mention.start, mention.end)], 0.8, "derived", mention.start)


def rate_value(raw: str) -> dict[str, Any] | None:
    try:
        rate = parse_penalty_rate(raw)
    except YaosuError:
        return None
    if rate.kind not in ("day", "month", "year"):
        return None
    # The corpus convention (spec): a day rate × 360, a month rate × 12 for the annual figure.
    annual = rate.value * {"day": 360, "month": 12, "year": 1}[rate.kind]
    return {"raw": raw, "period": rate.kind, "percent": f"{rate.value.normalize():f}",
            "annual_percent": f"{annual.quantize(Decimal('0.01'))}"}


def read_sale_facts(doc: Document, results: dict[str, Candidate]) -> None:
    """Overwrite what the generic cues guessed with what the sale wording says (complaints only)."""
    text = doc.text
    start, end = _facts(doc)
    roles = _money_roles(doc)
    for eid, found in (("total_price", _money_candidate("total_price", roles["total"])),
                       ("outstanding_amount", _money_candidate("outstanding_amount", roles["owed"], "last"))):
        if found is not None:
            results[eid] = found
    guessed = results.get("paid_amount")
    if guessed is not None and guessed.spans and _OTHER_MONEY_AFTER.match(text, guessed.spans[0][1]):
        del results["paid_amount"]  # 18万元购车款: the figure is that other money's, not a payment of the price
    totals = {(m.start, m.end) for m, _ in roles["total"]}
    for eid in ("outstanding_amount", "paid_amount"):
        guessed = results.get(eid)
        if guessed is not None and guessed.spans and guessed.spans[0] in totals:
            del results[eid]  # the keyword cue took the price for a payment or a debt
        elif guessed is not None and guessed.source != "derived" and guessed.spans and _a_term(text, guessed.spans[0][0]):
            del results[eid]  # 约定：…；原告签约时付款50000元，余款…: the keyword cue took a term for a payment or a debt
    if not roles["total"]:
        _total_from_unit_price(doc, results, start, end)
    paid = _money_candidate("paid_amount", roles["paid_total"], "last") or _money_candidate(
        "paid_amount", roles["paid"], "sum")
    if paid is not None:
        results["paid_amount"] = paid
    facts = text[start:end]
    for match in PENALTY.finditer(facts):
        sentence = facts[_sentence_start(facts, match.start()): match.end() + 20]
        if not re.search(r"违约金|逾期|迟延|滞纳", sentence):
            continue
        value = rate_value(match.group(0))
        if value is not None:
            spans = [(start + match.start(), start + match.end())]
            results["penalty_rate"] = Candidate("penalty_rate", value, spans, 0.8, "derived", start + match.start())
            break
    if paid is None and "total_price" in results and any(
            not _FULL_TERM.search(_clause_before(facts, m.start())) for m in _PAID_IN_FULL.finditer(facts)):
        total = results["total_price"]
        results["paid_amount"] = Candidate("paid_amount", total.value, total.spans, 0.6, "derived", total.order)
    elif paid is None and (nothing := _NOTHING_PAID.search(facts)) is not None:
        results["paid_amount"] = Candidate("paid_amount", "0.00", [(start + nothing.start(), start + nothing.end())],
                                           0.6, "derived", start + nothing.start())
    _deposit(roles["deposit"], results, facts)
    _penalty_terms(doc, results, start, end)
    quality_terms(doc, results)
    written = _WRITTEN.search(text)
    unwritten = _UNWRITTEN.search(text) or grammar.UNWRITTEN.search(text)
    said = unwritten or written
    if said is not None:
        results["written_contract"] = Candidate("written_contract", not unwritten, [said.span()], 0.8, "derived",
                                                said.start())
    elif (signed := grammar.signed_contract(text)) is not None:
        results["written_contract"] = Candidate("written_contract", True, [signed], 0.75, "derived", signed[0])
    _delivery(text, results)
    _contract_date(doc, results, start, end)
    goods = next((m for m in _GOODS.finditer(facts) if "合同" not in m.group(1) and "货款" not in m.group(1)), None)
    house = grammar.house_goods(facts)
    if house is not None and (goods is None or house[1] <= goods.start(1) + 24):
        span = (start + house[1], start + house[1] + len(house[0]))
        results["goods"] = Candidate("goods", house[0], [span], 0.75, "derived", span[0])
    elif goods is not None:
        name = re.sub(r"^(?:原告|被告|其)?(?:的)?", "", goods.group(1)).strip()
        name = _GOODS_PREDICATE.split(name)[0]  # 稀释剂属于劣质产品 / 油漆是否存在质量问题: the noun only
        if len(name) >= 2:
            span = (start + goods.start(1), start + goods.end(1))
            results["goods"] = Candidate("goods", name, [span], 0.75, "derived", span[0])
    delivered = [m for m in doc.mentions_in(start, end, "date")
                 if _DELIVERY.search(text[m.end: m.end + 16]) and not text[m.end: m.end + 2].startswith(("前", "之前"))]
    if delivered:
        last = max(delivered, key=lambda m: str(m.value))
        results["delivery_date"] = Candidate("delivery_date", last.value, [(last.start, last.end)], 0.75, "derived",
                                             last.start)
    due_after_delivery(doc, results)
    _payment_deadline(doc, results, start, end)


# After a date, in its clause: a payment (前付清货款) or another act (前送货安装 / 交付货物).
_PAY_WORD = re.compile(r"付|款|结清|结算")
_OTHER_ACT = re.compile(r"送货|交货|发货|交付|安装|供货|送达|送至|运至|提货|验收|交房|交楼")
_DEADLINE_PAID = re.compile(r"(?:之|以)?前[^，。；]{0,10}?(?:付清|支付|结清|付款|给付)")


def _clause_after(text: str, position: int) -> str:
    stop = min((i for i in (text.find(mark, position) for mark in "，,。；;\n") if i >= 0), default=len(text))
    return text[position:stop]


def _payment_deadline(doc: Document, results: dict[str, Candidate], start: int, end: int) -> None:
    """The keyword cue's payment deadline is the date of a payment word near it; a date whose own clause tells
    another act (原告于签约当日全额付清，合同约定被告于DATE前送货安装: the delivery's deadline) is not, and the
    deadline is then the date a payment follows in its own clause (被告于DATE前付清货款), if any."""
    found = results.get("payment_due_date")
    if found is None or found.source == "derived" or not found.spans:
        return
    text = doc.text
    after = _clause_after(text, found.spans[0][1])
    if _PAY_WORD.search(after) or not _OTHER_ACT.search(after):
        return
    del results["payment_due_date"]
    for mention in doc.mentions_in(start, end, "date"):
        if _DEADLINE_PAID.match(_clause_after(text, mention.end)):
            results["payment_due_date"] = Candidate("payment_due_date", mention.value, [(mention.start, mention.end)],
                                                    0.7, "derived", mention.start)
            return


def _figure(number: str, wan: str | None) -> Decimal:
    value = Decimal(number.replace(",", ""))
    return value * 10000 if wan else value


def _total_from_unit_price(doc: Document, results: dict[str, Candidate], start: int, end: int) -> None:
    """面积96平方米，单价每平方米5200元 with no total stated: the price is unit × area, when both stand in one
    sentence that states the agreement (not a market price per square metre)."""
    text = doc.text
    units = list(_UNIT_PRICE.finditer(text, start, end))
    for eid in ("total_price", "paid_amount", "outstanding_amount"):
        found = results.get(eid)
        if found is not None and found.spans and any(u.start() <= found.spans[0][0] < u.end() for u in units):
            del results[eid]  # the price per square metre read as the price, a payment or a debt
    for unit in units:
        sentence_start = _sentence_start(text, unit.start())
        stop = min((i for i in (text.find(mark, unit.end(), end) for mark in "。；\n") if i >= 0), default=end)
        sentence = text[sentence_start:stop]
        if _NOT_AGREED_UNIT.search(sentence) or re.search(r"约|左右|大概|大约", text[max(0, unit.start() - 2): unit.end()]):
            continue
        number, wan = (unit.group(1), unit.group(2)) if unit.group(1) else (unit.group(3), unit.group(4))
        areas = [a for a in _AREA.finditer(text, sentence_start, stop)
                 if not (unit.start() <= a.start() < unit.end()) and not re.search(r"约|左右", text[max(0, a.start() - 1): a.start()])]
        if len(areas) != 1:
            continue  # no area, or several (rooms, a yard): no single product
        area = areas[0]
        size = Decimal((area.group(1) or area.group(2)).replace(",", ""))
        total = _figure(number, wan) * size
        guessed = results.get("total_price")
        if guessed is not None and guessed.spans and not sentence_start <= guessed.spans[0][0] < stop:
            return  # a price stated elsewhere
        spans = sorted([unit.span(), area.span()])
        results["total_price"] = Candidate("total_price", f"{total.quantize(Decimal('0.01'))}", spans, 0.7, "derived",
                                           spans[0][0])
        return


def _penalty_terms(doc: Document, results: dict[str, Candidate], start: int, end: int) -> None:
    """The clause (its quoted words), a fixed sum (违约金50000元) or a share (按未付货款的20%)."""
    text = doc.text
    facts = text[start:end]
    clause = _CLAUSE.search(facts)
    if clause is not None:
        span = (start + clause.start(1), start + clause.end(1))
        results["penalty_clause"] = Candidate("penalty_clause", clause.group(1), [span], 0.8, "derived", span[0])
    elif (unquoted := _unquoted_clause(facts)) is not None:
        words, offset = unquoted
        span = (start + offset, start + offset + len(words))
        results["penalty_clause"] = Candidate("penalty_clause", words, [span], 0.7, "derived", span[0])
    elif "penalty_clause" in results and (len(str(results["penalty_clause"].value)) < 8 or (
            results["penalty_clause"].spans and (_claimed(text, results["penalty_clause"].spans[0][0])
                                                 or _court_said(text, results["penalty_clause"].spans[0][0])))):
        del results["penalty_clause"]  # a bare 违约金 is no clause (双方未约定违约金), nor is a penalty asked for
    mentions = doc.mentions_in(start, end, "money")
    claims_start, claims_end = doc.section("claims")
    sums = [m for m in mentions if _PENALTY_SUM.search(text[max(0, m.start - 8): m.start])
            and not _claimed(text, m.start) and not _court_said(text, m.start)
            and not claims_start <= m.start < claims_end]  # 请求判令：…2.被告支付违约金65000元 is claimed
    if sums:
        first = sums[0]
        if re.match(r"\s*[×xX*][^=＝。；]{1,12}[=＝]", text[first.end: first.end + 16]):
            # 违约金112000元×20%=22400元: the sum is the result, not the base.
            first = next((m for m in mentions if m.start > first.end), first)
        results["penalty_amount"] = Candidate("penalty_amount", first.value, [(first.start, first.end)], 0.8,
                                              "derived", first.start)
    else:
        results.pop("penalty_amount", None)
    share = next((m for m in _PENALTY_SHARE.finditer(facts)
                  if "违约金" in facts[_sentence_start(facts, m.start()): m.end() + 20]
                  and not _claimed(facts, m.start())), None)
    if share is not None:
        span = (start + share.start(1), start + share.end(1))
        results["penalty_percent"] = Candidate("penalty_percent", share.group(1), [span], 0.75, "derived", span[0])


def _court_said(text: str, position: int) -> bool:
    """一审判决被上诉人支付违约金15000元: a sum the court gave, not the contract's (unless the sentence says 约定)."""
    sentence = text[_sentence_start(text, position): position]
    return bool(re.search(r"一审|原审|原判|判决", sentence)) and "约定" not in sentence


def _claimed(text: str, position: int) -> bool:
    """支付违约金10000元 inside 请求法院判令…: the claim, not the agreed sum (unless the sentence says 约定)."""
    sentence = text[_sentence_start(text, position): position]
    return bool(_ASKING.search(sentence)) and "约定" not in sentence


def due_after_delivery(doc: Document, results: dict[str, Candidate]) -> None:
    """货到后30日内付清 → the delivery date + 30 days (the corpus convention: day + N)."""
    from datetime import date, timedelta

    found = _DUE_AFTER.search(doc.text)
    delivery = results.get("delivery_date")
    if found is None or delivery is None or len(str(delivery.value)) != 10:
        return
    due = date.fromisoformat(str(delivery.value)) + timedelta(days=int(found.group(1)))
    results["payment_due_date"] = Candidate("payment_due_date", due.isoformat(), [found.span(), *delivery.spans], 0.7,
                                            "derived", found.start())


def _unquoted_clause(facts: str) -> tuple[str, int] | None:
    """The clause holding 违约金 / 逾期付款利息 between ；。“ boundaries, without 合同约定: (words, offset)."""
    for match in re.finditer(r"违约金|逾期付款利息", facts):
        begin = max(facts.rfind(mark, 0, match.start()) for mark in "；。“\n") + 1
        begin += _condition_at(facts[begin: match.start()])
        stop = min((i for i in (facts.find(mark, match.end()) for mark in "。；”") if i >= 0), default=len(facts))
        tail = facts.find("，即", match.end())
        if 0 <= tail < stop:
            stop = tail
        words = facts[begin:stop]
        if re.search(r"未约定|没有约定|并未约定|无约定", words) or len(words) > 80:
            continue
        if _ASKING.search(words) and "约定" not in words:
            continue  # 请求…改判被上诉人支付逾期交房违约金: a claim, not the contract's clause
        prefix = _CLAUSE_PREFIX.match(words)
        if prefix is None and not re.search(r"的，|逾期", words[:20]):
            continue  # a sentence about the claim, not the clause
        cut = prefix.end() if prefix else 0
        if len(words) - cut >= 8:
            return words[cut:], begin + cut
    return None


# A penalty's condition: a clause opened by 如 / 若 … or closed by 的 (买方逾期付款的，…).
_CONDITION = re.compile(r"(?:如果|如|若|倘若|假如|一旦)[^，,]*|[^，,]*的")


def _condition_at(head: str) -> int:
    """Where the penalty's clause starts in the text before its 违约金: at the last condition before it (…前付清全部货款，
    如被告逾期付款，每日按…支付违约金), whatever mark precedes that condition; 0 when there is none."""
    offset, start = 0, 0
    parts = re.split(r"([，,])", head)
    for part, mark in zip(parts[::2], [*parts[1::2], ""], strict=True):
        if mark and _CONDITION.fullmatch(part):
            start = offset
        offset += len(part) + len(mark)
    return start


def quality_terms(doc: Document, results: dict[str, Candidate]) -> None:
    """Inspection period (收货后7日内验收) and the buyer's objection with its date (提出…存在隐裂)."""
    text = doc.text
    start, end = _facts(doc)
    facts = text[start:end]
    period = _INSPECTION.search(facts)
    if period is not None:
        span = (start + period.start(1), start + period.end(1))
        results["inspection_period_days"] = Candidate("inspection_period_days", int(period.group(1)), [span], 0.75,
                                                      "derived", span[0])
    listed = _QUALITY_LISTED.search(facts)
    if listed is not None:
        span = (start + listed.start(1), start + listed.end(1))
        results["quality_objection"] = Candidate("quality_objection", listed.group(1), [span], 0.7, "derived", span[0])
        return
    for match in _QUALITY.finditer(facts):
        words = match.group(1)
        sentence_start = _sentence_start(facts, match.start())
        sentence = facts[sentence_start: match.end()]
        # 未提出 denies an objection in its own clause (a run-on sentence may tell a later one: …未提出任何异议，已投入使用，
        # 被告直至DATE才以…为由提出质量异议); a rule (视为 / 应在 …) stands anywhere in the sentence.
        own_clause = facts[grammar.start_before(facts, match.start(), "，,。；;"): match.end()]
        if not _QUALITY_WORDS.search(words) or re.search(r"未提出|没有提出", own_clause) or re.search(
                r"视为|应在|应当在|有异议的", sentence):
            continue
        if _NOT_OBJECTION.search(words) or _RULE_OR_COURT.search(facts[sentence_start: match.end() + 16]):
            continue
        if re.fullmatch(r"(?:了)?(?:质量)?(?:问题|异议)", words) and "quality_objection" in results:
            continue  # 发现质量问题: the bare keyword says less than the objection already read
        words = re.sub(r"^(?:了|其中)", "", words)
        span = (start + match.start(1), start + match.end(1))
        results["quality_objection"] = Candidate("quality_objection", words, [span], 0.7, "derived", span[0])
        dates = doc.mentions_in(start + sentence_start, start + match.start(), "date")
        if dates:
            results["quality_objection_date"] = Candidate("quality_objection_date", dates[-1].value,
                                                          [(dates[-1].start, dates[-1].end)], 0.7, "derived",
                                                          dates[-1].start)
        return
    found = results.get("quality_objection")
    dated = results.get("quality_objection_date")
    if found is None and dated is not None and dated.source != "derived" and doc.role == "complaint":
        del results["quality_objection_date"]  # no objection told: a date near 通知 is no objection's date
    if found is not None and isinstance(found.value, str) and len(found.value) <= 5:
        del results["quality_objection"]  # 未提出任何质量异议: the keyword alone is no objection
    elif found is not None and isinstance(found.value, str) and found.spans and doc.role == "complaint":
        begin, stop = found.spans[0]
        around = text[_sentence_start(text, begin): stop + 16]
        if _NOT_OBJECTION.search(found.value) or _RULE_OR_COURT.search(around):
            del results["quality_objection"]  # a rule quoted or a court's ground, not the buyer's objection


def _deposit(deposits: list[tuple[Any, Any]], results: dict[str, Candidate], facts: str) -> None:
    """The 定金 is the sum attached to the noun 定金 (not the price the keyword happens to sit near); it is
    part of what was paid only when the text makes it part of the price (首付定金 / 定金抵作房款)."""
    if not deposits:
        generic = results.get("deposit")
        if generic is not None and "定金" in facts and not re.search(r"定金[为是计共：:人民币]{0,4}[0-9]", facts):
            del results["deposit"]  # a sum near the word, not the 定金's
        return
    first = deposits[0][0]
    results["deposit"] = Candidate("deposit", first.value, [(first.start, first.end)], 0.8, "derived", first.start)
    paid = results.get("paid_amount")
    deposit_spans = {(m.start, m.end) for m, _ in deposits}
    if paid is not None and paid.source != "derived" and paid.spans and paid.spans[0] in deposit_spans \
            and not _DEPOSIT_IN_PRICE.search(facts):
        del results["paid_amount"]  # 已付定金20000元: the 定金 is no payment of the price unless the text makes it one
        return
    if paid is not None and paid.source == "derived" and _DEPOSIT_IN_PRICE.search(facts):
        value = f"{Decimal(paid.value) + Decimal(first.value):.2f}"
        results["paid_amount"] = Candidate("paid_amount", value, [*paid.spans, (first.start, first.end)], 0.7,
                                           "derived", paid.order)


# The signing told with its date: 2024年3月12日，原、被告签订 / 订立 / 签署《…合同》 (not 签订合同后, a time reference).
_SIGNING = re.compile(r"(?:签订|签署|订立|签定)(?:了)?[^，。；]{0,14}?(?:合同|协议|契约|订单)")
_SIGNING_AS_TIME = re.compile(r"[^，。；]{0,2}?(?:之|以)?(?:前|后|时|当日|当天)")


def _contract_date(doc: Document, results: dict[str, Candidate], start: int, end: int) -> None:
    """The date of the sentence that tells the signing, before its verb, whatever the verb (签订 / 签署 / 订立)."""
    text = doc.text
    for found in _SIGNING.finditer(text, start, end):
        if grammar.OTHER_KIND.search(found.group(0)) or _SIGNING_AS_TIME.match(text, found.end()):
            continue
        before = text[max(0, found.start() - 6): found.start()]
        if grammar.NOT_SIGNED.search(before):
            continue
        dates = doc.mentions_in(_sentence_start(text, found.start()), found.start(), "date")
        if dates:
            date = dates[-1]
            results["contract_date"] = Candidate("contract_date", date.value, [(date.start, date.end)], 0.8,
                                                 "derived", date.start)
        return


def _delivery(text: str, results: dict[str, Candidate]) -> None:
    """The text's own statement of delivery wins over the keyword cue (交付了全部房屋价款 is a payment)."""
    stated = grammar.delivery_statement(text)
    if stated is not None:
        value, span = stated
        results["delivered"] = Candidate("delivered", value, [span], 0.8, "derived", span[0])
        return
    cue = results.get("delivered")
    if cue is not None and cue.spans:
        begin, end = cue.spans[0]
        if re.search(r"款|价|证|书|资料|发票|逾期交", text[max(0, begin - 4): end + 8]):
            del results["delivered"]

"""The clause grammar of sale and house-sale pleadings: what a sum is attached to, which verb governs it,
what was sold, whether it was delivered, whether a contract was signed.

A sum is read by the noun right before it (定金10000元 / 购房首付款14000元 / 中介费1000元) and by the verb
that governs its list (返还原告定金10000元、购房款14000元、中介费1000元: one 返还 over three items), not by
phrases remembered from one text. Used by facts.py (complaints) and derive.py (claims, answers).
"""

from __future__ import annotations

import re

from engine.extraction.numerals import CN_NUMERAL

# The noun a sum belongs to: the longest money noun right before it (a leftmost match of the
# alternation is the longest suffix), with the linking words that may follow it.
NOUNS = (r"购房首付款|房屋首付款|首付款|首期款|购房款|房屋价款|房价款|房款|尾款|余款|货款|价款|款项|定金|订金|押金|保证金"
         r"|中介劳务费|中介费|劳务费|违约金|经济损失|损失|利息|律师代理费|代理费|律师费|诉讼费|鉴定费|费用|款")
_LINK = r"(?:共计|合计|总计|暂计|计|为|人民币|：|:)*"
_NOUN = re.compile(rf"({NOUNS}){_LINK}$")
LINK_AFTER = re.compile(rf"(?<=[\u4e00-\u9fff]){_LINK}$")  # the linking words after a noun (…暂计 / …共计为)
# An earlier item of the same list (…定金10000元、 / …定金一万元、) that sits between the verb and this sum.
_LIST_ITEM = re.compile(rf"(?:{NOUNS})?{_LINK}(?:[0-9][0-9,.]*|{CN_NUMERAL}+)(?:万)?元(?:整)?[、和及与，,]$")
# Policy housing (集资房 / 成本房 / 房改房 …) is a house noun like 商品房.
_HOUSE = r"集资房|成本房|福利房|房改房|经济适用房|小产权房|拆迁房|回迁安置房|安置房|顶账房|商品房|房屋|房产|商铺|门面房|门面|店面|车库|车位|住宅|住房|楼房|别墅|公寓|厂房"
HOUSE = re.compile(rf"(?:{_HOUSE})(?!预售|销售许可|许可)")
# The object of a sale verb: 购买被告位于…的房屋一套 / 出售车库 / 向被告购买…商铺三间.
_SOLD = re.compile(rf"(?:购买|出售|购得|买受|出卖|售予|卖给|转让给?)[^，。；]{{0,24}}?({_HOUSE})(?!预售|销售许可|许可)")
# A house sale (not goods): any of its own words.
HOUSE_SALE = re.compile(r"房款|购房|交房|过户|网签|首付|商品房|房屋买卖|房产|预售|(?:涉案|案涉|诉争|讼争)(?:房屋|房产)")

_REACH = 300  # characters a sentence or clause start is looked for before a position: no pleading sentence is
# longer, and a bounded look keeps the reading linear on a 1 MB text without the marks.


def start_before(text: str, position: int, marks: str) -> int:
    """Where the sentence or clause holding `position` starts: after the last of `marks` before it."""
    floor = max(0, position - _REACH)
    found = max(text.rfind(mark, floor, position) for mark in marks)
    return found + 1 if found >= 0 else floor


def item_noun(text: str, start: int) -> str:
    """The noun the sum at `start` is attached to ('' when none): 定金 / 购房款 / 中介费 / 损失 …"""
    found = _NOUN.search(text[max(0, start - 12): start])
    return found.group(0) if found else ""


def _without_items(head: str) -> str:
    """A clause before a sum without the sum's own noun and the earlier items of its list."""
    noun = item_noun(head, len(head))
    head = head[: len(head) - len(noun)] if noun and head.endswith(noun) else head
    while (item := _LIST_ITEM.search(head)) is not None:
        head = head[: item.start()]
        noun = item_noun(head, len(head))
        head = head[: len(head) - len(noun)] if noun and head.endswith(noun) else head
    return head


def governing_head(text: str, start: int, width: int = 24) -> str:
    """The clause before the sum at `start`, with the sum's own noun and the earlier items of its list
    removed: what is left ends with the verb that governs the list (…返还原告)."""
    marks = "。；;\n，,：:"
    clause_start = start_before(text, start, marks)
    head = _without_items(text[clause_start:start])
    hops = 0
    while not head and clause_start > 0 and text[clause_start - 1] in "，," and hops < 2:
        # 支付被告定金10000元，购房首付款14000元: a list may also run over a comma (a clause or two back).
        previous = start_before(text, clause_start - 1, marks)
        head = _without_items(text[previous:clause_start])
        clause_start, hops = previous, hops + 1
    return head[-width:]


# A house noun of its own after a sale verb (…砖瓦平房三间 / 瓦屋及院落一处): ends in 房 or 屋, counted or
# closed by punctuation.
_SOLD_NOUN = re.compile(r"(?:购买|出售|购得|出卖|售予|卖给|转让给?)([^，。；]{0,30}?(?:房|屋)(?:及[\u4e00-\u9fff]{1,4})?)"
                        r"(?=一套|一间|一处|一栋|一幢|[两二三四五六七八九十0-9]+(?:间|套|处|栋|幢)|[，。；]|$)")
_NOT_NOUN = re.compile(r"的|给|向|原告|被告|其|所有|位于|PER|ORG|[0-9]")


def house_goods(text: str) -> tuple[str, int] | None:
    """What a house sale sold: the object of a sale verb, else the first house noun of a house-sale text
    (a permit's name — 商品房预售许可证 — is none), else a house noun of its own after a sale verb."""
    sold = _SOLD.search(text)
    first = HOUSE.search(text) if HOUSE_SALE.search(text) else None
    if sold is not None and (first is None or sold.start(1) <= first.start() or _same_sentence(text, first, sold)):
        return sold.group(1), sold.start(1)
    if first is not None:
        return first.group(0), first.start()
    own = _SOLD_NOUN.search(text)
    if own is not None:
        noun = _NOT_NOUN.split(own.group(1))[-1]
        if len(noun) >= 2 and not noun.startswith(("房", "屋")):
            return noun, own.end(1) - len(noun)
    return None


def _same_sentence(text: str, first: re.Match[str], sold: re.Match[str]) -> bool:
    """Both in one sentence, the sale verb in the next clause or the one after: the sale verb's object wins
    (签订商品房买卖合同三份，约定…购买…商铺三间); not a sale verb clauses later in a run-on sentence, an argument
    about the thing (…房产买卖合同…，…，…，某乙仅购买了涉案房屋的使用权)."""
    between = text[first.start(): sold.start(1)]
    return "。" not in between and len(re.findall(r"[，,；;]", between)) <= 2


# Delivery of the thing sold. Lateness (未按约定期限交付) is no statement that it was not delivered.
_DELIVERED = re.compile(
    r"(?:已|已经|早已|依约|按约)?(?:向[^，。；]{0,8}?)?交付(?:了)?(?:涉案|案涉|诉争|讼争)?(?:房屋|商品房|房产|商铺|车库|标的物)(?!权属|产权|证)"
    r"|将(?:涉案|案涉|该|诉争|讼争)?(?:房屋|商品房|房产|商铺|车库|标的物|货物)(?:已)?交(?:付|给)"
    r"|(?:履行|办理)完毕(?:交楼|收楼|交房)手续"
    r"|交付(?:给)?(?:原告|被告|买受人|上诉人|PER|其)使用|已(?:经)?交房|才交房|才(?:交付|交楼)|交付使用|入住|(?:交楼|收楼)手续(?:已)?(?:履行|办理)?完毕|已履行完毕交楼"
    r"|交付的义务(?:也)?已(?:经)?完成|已(?:经)?交付(?=[，。；]|$)"
    # The thing as the subject (涉案房屋已于TIME交付原告), and the buyer living in it since (居住至今).
    r"|(?:房屋|商品房|房产|商铺|车库|标的物|货物)(?:已|已经|早已|均已)(?:于[^，。；]{0,12}?)?(?:交付|交给)|(?:居住|使用)至今"
    # A seller's own performance: 已按约向买方提供了全部货物.
    r"|(?:已|已经)(?:按约|依约|依照约定|按(?:照)?(?:合同|协议)?(?:的)?约定|按合同|按照合同)?(?:向[^，。；]{0,8}?)?(?:提供|供应|发送|交付)(?:了)?[^，。；]{0,6}?货物"
)
_UNDELIVERED = re.compile(
    r"(?:至今|一直|始终)?(?:未|没有|未能|拒不|拒绝)(?:向[^，。；]{0,8}?)?(?:交付|交)(?:房屋|商品房|房产|商铺|房(?![屋产])|楼)(?!权属|产权|证|所有权)"
    r"|(?:至今|一直|始终)(?:未|没有|未能|拒不)(?:向[^，。；]{0,8}?)?交付(?=[，。；]|$)"
    r"|(?:至今|一直)?(?:尚)?(?:未|没有)(?:动工|开工|建成|竣工)"
    # 逾期未完成房屋的交付: the delivery never completed (not the late-but-delivered 未按约定期限交付).
    r"|逾期(?:仍)?(?:未|没有)(?:完成|履行)[^，。；]{0,8}?交付"  # an off-plan flat never built
    # The seller never asked the buyer to take the flat over (根本没有通知原告收楼): no delivery.
    r"|(?:从未|从来没有|没有|未|并未)(?:书面)?(?:通知|告知)[^，。；]{0,10}?(?:收楼|收房|接房|交房|交楼|办理(?:交房|收楼|交接))"
)
_LATE = re.compile(r"未(?:能)?(?:按(?:照)?(?:合同)?约定|按约|按期|按时|如期)(?:的)?(?:期限|时间)?(?:向[^，。；]{0,8}?)?交")


def delivery_statement(text: str) -> tuple[bool, tuple[int, int]] | None:
    """(delivered, span) from the text's own statement of delivery; None when it says nothing (or only
    that delivery was late, or that a certificate was not handed over)."""
    for found in _UNDELIVERED.finditer(text):
        if not _LATE.search(text[max(0, found.start() - 4): found.end()]):
            return False, found.span()
    for delivered in _DELIVERED.finditer(text):
        clause_start = start_before(text, delivered.start(), "，,。；;")
        if re.search(r"未|没|不|拒|无法", text[max(clause_start, delivered.start() - 8): delivered.start()]):
            continue
        if _PROMISED.search(_AS_AGREED.sub("", text[clause_start: delivered.start()])) or _LATE_CLAIM.match(
                text, delivered.end()) or re.search(r"(?:逾期|迟延|延期)$", text[clause_start: delivered.start()]):
            continue  # 承诺…一年内交付房屋 / 逾期交付房屋违约金: a promise or a claim for lateness, no delivery told
        return True, delivered.span()
    return None


# A delivery only promised or set as a term (承诺在签订合同后一年内交付房屋 / 应于…前交付), not one made; the seller's
# performance as agreed (按约定交付) is one made.
_PROMISED = re.compile(r"承诺|保证|答应|应当|应于|应在|须于|须在|需于|约定(?:于|在)|(?:年|月|日|天)内$")
_AS_AGREED = re.compile(r"按(?:照)?(?:合同|协议)?(?:的)?约定|依约|按约|依照约定")
_LATE_CLAIM = re.compile(r"[^，。；]{0,4}?违约金")


def late_delivery(text: str) -> tuple[int, int] | None:
    """未按约定期限交付 / 未按约交付房屋: the delivery as agreed is denied (an answer's defence)."""
    found = _LATE.search(text)
    return found.span() if found else None


# A contract signed (签订 / 签署 / 所签的), or named in 《》; not one asked for, refused or not yet signed.
_SIGNED = re.compile(r"(?:签(?:订|署|定)?(?!收|字|名|章|发)|订立)(?:了)?[^，。；]{0,14}?(?:合同|协议|契约|订单|意向书|认购书|确认书)")
_TITLED = re.compile(r"《[^》]{1,24}(?:合同|协议|契约|订单|意向书|认购书|确认书)》")
NOT_SIGNED = re.compile(r"(?:要求|通知|催促|拒绝|拒不|未|没有|尚未|并未|拟|准备|同意|应当|应|须|需(?!方)|不予|不|无)[^，。；]{0,3}$")
UNWRITTEN = re.compile(r"无书面合同|(?:未|没有|并未|从未)(?:签订|签署|订立)(?:过)?书面|(?:未|没有)(?:签订|订立)(?:买卖|购销)合同|口头约定|口头协议")


# The contract as the subject (合同系被告本人与原告签订 / 协议由双方签署).
_SIGNED_BY = re.compile(r"(?:合同|协议|契约)(?:系|是|由)[^，。；]{0,16}?(?:签(?:订|署)|订立)")


# Not this sale's contract: another kind (a lease, a loan, a works contract) or one signed with others.
OTHER_KIND = re.compile(r"(?:租赁|租房|租用|借款|借贷|施工|劳动|担保|抵押|装修|承包|委托|居间|中介|服务)(?:合同|协议|契约)")
_WITH_OTHERS = re.compile(r"(?:其他|案外人|第三人|他人|别人)[^，。；]{0,8}$")
# 《…买卖合同》示范文本: a model text, not a contract signed.
_MODEL_TEXT = re.compile(r"(?:示范)?(?:文本|范本)")


_FORESEEN = re.compile(r"[^，。；]{0,10}?预见")


def signed_contract(text: str) -> tuple[int, int] | None:
    """The span saying a written contract exists, or None."""
    for found in _SIGNED.finditer(text):
        if OTHER_KIND.search(found.group(0)) or _WITH_OTHERS.search(text[start_before(text, found.start(), "，,。；;"):
                                                                        found.start()]):
            continue
        if _FORESEEN.match(text, found.end()):
            continue  # 在订立合同时应当预见: the foreseeability rule (民法典第五百八十四条) quoted, no contract told
        if not NOT_SIGNED.search(text[max(0, found.start() - 6): found.start()]):
            return found.span()
    for found in _SIGNED_BY.finditer(text):
        if not re.search(r"未|没有|并非|不是", found.group(0)):
            return found.span()
    titled = next((t for t in _TITLED.finditer(text) if not _MODEL_TEXT.match(text, t.end())), None)
    return titled.span() if titled else None

"""机动车交通事故 complaints: what the generic cues cannot read (run after the generic resolution).

- each damage item's claimed amount, from the list in the claims (医疗费38652.40元、误工费4.8万元 …), else
  from the facts; the total after 合计 / 共计;
- the vehicles: plate, driver (…驾驶沪FD2361号…), owner (登记所有人为 / 所有的 / 名下), insurers of 交强险 and
  商业三者险 and the commercial limit, from the sentence that names the plate (or 该车 / 挂车 after it);
- the 认定书 shares (…负事故主要责任，原告负事故次要责任) — in masked text (LawBench: every person PER) by the role
  word before each person, else in the order the account introduced the persons when each one's role is known —,
  the share claimed (按70%的比例), advances (被告一支付了50000元; none inside an exclusion such as 已扣除被告垫付部分),
  精神损害 first, the victim's birth date and 是否死亡 (none for a recourse claim between tortfeasors).
Party references 被告一 / 原告 are resolved to names from the header.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from engine.casetypes.motor_vehicle_accident.vocabulary import (
    ITEM_WORDS,
    NO_ITEM_WORDS,
    PLATE,
    first_name_after,
    fix_numbered_names,
    is_insurer,
    item_words,
    last_name_before,
    names_in,
    party_aliases,
    plain_number,
    ratio_share,
    tidy_parties,
)
from engine.extraction.document import Candidate, Document
from engine.extraction.mention import Mention
from engine.extraction.recognisers.money import format_money
from engine.extraction.stops import OrderedSpans, Stops, end_of

_SEPARATORS = "、，,；;：:（(）)。\n"
_TOTAL = re.compile(r"(?:合计|共计|总计|总额|暂计|合计人民币|共计人民币)")
_RATE_AFTER = re.compile(r"^(?:(?:/|／|每|一)?(?:天|日|月|年)|\s*[×*])")  # 56.26元／天 / 6008元×20年: a factor
_RATE_BEFORE = re.compile(r"(?:每天|每日|每月|每年|日均|月均)[^，,；;。]{0,2}$")
_LIST_TOTAL = re.compile(r"等[^，,；;。]{0,6}?(?:共计|合计|总计|暂计|计)|^[^，,；;。]{0,4}(?:共计|合计|总计|暂计)")
# 判决：一、被告赔偿72553.87元 / 要求…赔偿原告损失450482.8元 / 判令二被告赔偿原告经济损失434829元: the sum asked
# A recourse claim asks back what the plaintiff paid: 判决被告给付原告赔偿款X元 / 被告承担原告因…垫付的赔偿款X元.
_ASKED = re.compile(r"(?:请求|要求|判令|判决)[^。；;\n]{0,36}?(?:连带|共同)?(?:赔偿|支付|给付|赔付|承担)(?:原告(?:[A-Z]{2,}(?=因))?)?(?:的)?"
                    r"(?:因[^，。；;]{0,30}?(?:造成|产生|导致|遭受|垫付|支付|赔付)的?)?"  # 因本次交通事故所造成的损失
                    r"(?:各项|经济)?(?:损失|费用|赔偿款|垫付款)?(?:共计|合计|总计|计)?(?:人民币)?$")
# 变更诉讼请求为 / 将诉讼请求金额增加至 / 变更数额为: a change of the figure asked.
_CHANGED = re.compile(r"(?:变更|增加|减少|调整|增|降)(?:其)?(?:诉讼请求)?(?:数额|金额|总额)?(?:为|至|到)(?:人民币)?$")
# 扣除…，尚需赔偿X元 / 尚欠X元 / 扣除…后为X元: the figure still asked.
_NET = re.compile(r"(?:尚需赔偿|尚需支付|尚需|尚欠|还需|还应赔偿|还应支付|下欠|剩余|实际应赔偿|后为|后余|合计|共计|计)(?:人民币)?$")
_SHARE = {"全部": "full", "主要": "main", "同等": "equal", "次要": "secondary", "无": "none",
          "全": "full", "主": "main", "同": "equal", "次": "secondary"}
# 负事故主要责任 / 承担此次事故的次要责任 / 各负同等责任 / 认定…为全部责任 / 认定…应负全部责任 (应 only inside a
# 认定) / 原告不承担此事故责任 (→ 无责任) / the short forms
# 负主责 / 负全责 / 无责 (not 无责赔偿限额, the insurer's no-fault cap). The match starts at 各 / 均 so that the
# text before it is the subject.
# 周某在事故中无责任: the adverbial belongs to the match, so that the text before it is still the subject.
_IN_ACCIDENT = r"(?:在(?:本次|此次|该起|本起|这起|该次)?(?:交通)?事故中)?"
_LIABILITY = re.compile(
    _IN_ACCIDENT + r"(?:各|均|都|亦|也)?(?P<ought>应当?|应该)?(?:负|承担|为)?(?:此次|本次|该起|本起|这起|该次|此|本|该)?(?:交通)?(?:事故)?的?"
    r"(全部|主要|同等|次要|无)(?:事故)?责任"
    r"|" + _IN_ACCIDENT + r"(?:各|均|都|亦|也)?(?:不承担|不负)(?:此次|本次|该起|本起|这起|该次|此|本|该)?(?:交通)?(?:事故)?的?(责任)"
    r"|" + _IN_ACCIDENT + r"(?:各|均|都|亦|也)?(?:(?:负|承担|为)(全|主|同|次|无)|(无))责(?![任赔限险])")
_PERCENT = re.compile(r"(\d{1,3}(?:\.\d{1,2})?)\s*%")
_PAID_AT = re.compile(r"(?:的比例)?(?:予以)?(?:赔偿|承担|负担)")
# The plaintiff's (or the victim's) own share: 原告自愿承担20%的责任 / 原告自负30%.
_OWN_SHARE = re.compile(r"(?:原告|受害人|死者|伤者)(?:[A-Z]{2,4})?(?:自愿|自行|应|愿意)?(?:承担|负担|自负|负)[^，。；%％\d]{0,4}$")
_ADVANCE = re.compile(r"垫付|已支付|支付了|已付|(?:已|已经|先行)[^，,。；;不]{0,14}?赔付|先行支付|先行给付|已给付|给付了|"
                      r"赔付了|已理赔|理赔了|预付|已赔偿|(?:支付|给付)的(?=(?:人民币)?\d)|"
                      r"留下(?=(?:人民币)?\d)")  # 并留下2000元钱 / 收到被告支付的5000元
# An advance named only to say the figure leaves it out: （已扣除被告垫付部分）/（不含被告垫付的费用）.
_EXCLUDED = re.compile(r"(?:扣除|不含|不包括|除去|减去)[^，。；\d]{0,8}$")
# The subject of an advance's sentence: the last role word that is not the recipient (为原告 / 给原告 / 向原告).
_PAYING_ROLE = re.compile(r"(?<![为给向替对将与和])(原告|被告)([A-Z]{2,4})?")
_DEATH = re.compile(r"死亡(?!伤残|赔偿|补偿|的?限额)|身亡|抢救无效|丧生|遇难|去世|身故|过世")
_DEATH_ITEMS = re.compile(r"死亡赔偿金|丧葬费|死亡补偿|死者|近亲属|继承人|亲属|亲人|遗属|之父|之母|之子|之女|其父|其母|其子|其女|其夫|其妻")
# The plaintiff paid the victim and asks it back: 追偿 / 原告…赔付…赔偿款 / 由原告垫付赔偿款.
_RECOURSE = re.compile(r"追偿|原告[^。；]{0,24}?(?:垫付|赔付|偿还)[^。；]{0,12}?赔偿款")
_DEATH_CLAIMED = re.compile(r"死者|死亡赔偿金|丧葬费")
_INJURY_ITEMS = re.compile(r"残疾赔偿金|伤残赔偿金|级伤残|伤残等级")
_INJURY = re.compile(r"受伤|伤残|致伤|受损伤|住院|治疗|医疗费|骨折|护理费|误工费")
# A clause about the vehicle's policies (投保了 / 购买了交强险及商业三者险 / 投有…), and the act of insuring.
_INSURED = re.compile(r"投保|承保|投有|购买了?(?=[^，。；]{0,16}险)")
_POLICY = re.compile(r"投保|承保|保险|投有|交强险|强制险|三者险|商业险")
# The compulsory policy: 交强险 / 机动车交通事故责任强制保险 / 强制险.
_COMPULSORY = re.compile(r"交强险|强制保险|强制险")
# 精神损害抚慰金（精神抚慰金 / 精神损失费 / 精神损害赔偿金）…在交强险限额内优先赔偿 / 优先赔偿精神损害抚慰金: the
# figure and the long name of the policy may stand between the item and 优先.
_MENTAL_FIRST = re.compile(r"(?:精神损害抚慰金|精神抚慰金|精神损失费|精神损害赔偿金)[^。；]{0,40}优先|优先[^。；]{0,12}精神(?:损害|抚慰|损失)")
_COMMERCIAL = re.compile(r"商业|三者险|第三者责任险|第三者责任保险")
_GRADE_WORD = r"(?:[一二三四五六七八九十]|10|[1-9]|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ])"
# 构成 / 鉴定为 / 评定为 between two grades of one sentence: the list goes on (…构成八级伤残，…鉴定为十级伤残).
_GRADING = re.compile(r"构成|鉴定为|评定为|评定|认定为")
_GRADE = re.compile(rf"(两处|二处|三处|四处|[2-4]处|双)?({_GRADE_WORD})级伤残([一二三四两1-4]处)?")
# 伤残等级分别为九级、十级 / 伤残等级为十级 / 伤残等级为一处九级、一处十级 / 伤残程度一个八级一个十级: the grades after
# the words, without 伤残 behind them, each with its count.
_GRADE_ITEM = rf"(?:[一两二三四1-4](?:处|个))?{_GRADE_WORD}级"
_GRADE_LIST = re.compile(rf"(?:伤残等级|伤残程度)(?:分别)?(?:为|是|评定为|系|均为|构成)?((?:{_GRADE_ITEM})(?:[、，,和及与]?(?:{_GRADE_ITEM}))*)")
_ROMAN = {r: n for n, r in enumerate("ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ", 1)}
_INDEX = re.compile(r"(?:伤残)?(?:赔偿指数|伤残系数|赔偿系数)(?:为|按|是|计)?\s*(\d{1,3}(?:\.\d{1,2})?)\s*%")
_COUNT = {"两": 2, "二": 2, "三": 3, "四": 4, "一": 1, "2": 2, "3": 3, "4": 4, "双": 2}
_DAYS = {
    "lost_work_days": (r"误工期限?", r"误工时间", r"误工"),
    "nursing_days": (r"护理期限?", r"护理时间"),
    "nutrition_days": (r"营养期限?", r"营养时间"),
    "hospital_days": (r"住院治疗", r"住院"),
}
_COURSE = re.compile(r"驾驶|碰撞|相撞|撞倒|撞伤|追尾|刮擦|发生交通事故|发生事故")


def _cut_at(marks: str, text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """text[lo:hi] cut after each of `marks` (a regex class), blank pieces left out."""
    spans, start = [], lo
    for match in re.finditer(marks, text[lo:hi]):
        end = lo + match.end()
        if text[start:end].strip():
            spans.append((start, end))
        start = end
    if text[start:hi].strip():
        spans.append((start, hi))
    return spans


def _sentences(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    return _cut_at(r"[。；;\n]", text, lo, hi)


def _full_sentences(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """Sentences cut at 。 and line breaks only (a ；goes on speaking of the same person)."""
    return _cut_at(r"[。\n]", text, lo, hi)


def _money_in(doc: Document, lo: int, hi: int) -> list[Mention]:
    """Amounts in text[lo:hi], leaving out rates (每天180元, 89,477元/年)."""
    text = doc.text
    found = [m for m in doc.mentions_in(lo, hi, "money")
             if not _RATE_AFTER.match(text[m.end:m.end + 2]) and not _RATE_BEFORE.search(text[max(0, m.start - 4):m.start])]
    # 死亡赔偿金616328（30816.4元／年×20年）元: the figure before its formula, the unit after the bracket
    for match in _BEFORE_FORMULA.finditer(text, lo, hi):
        if not any(m.start <= match.start() < m.end for m in found):
            found.append(Mention("money", match.start(), match.end(), match.group(), format_money(Decimal(match.group()))))
    return sorted(found, key=lambda m: m.start)


_BEFORE_FORMULA = re.compile(r"(?<![\d.,，])\d+(?:\.\d{1,2})?(?=（[^（）。；]{1,40}）元)")


_LINE_TAIL = re.compile(r"[；;][^；;：:\d]{1,20}[：:]")


def _listed_items(doc: Document, lo: int, hi: int) -> tuple[dict[str, Candidate], Candidate | None]:
    """The model text's numbered list (法〔2025〕82号): "1. 医疗费：…累计65,320.50元；…" — one item a line."""
    text = doc.text
    items: dict[str, Candidate] = {}
    total: Candidate | None = None
    for line in re.finditer(r"^[ \t]*\d{1,2}[.．、][ \t]*([^：:\n]{1,24})[：:]([^\n]*)$", text[lo:hi], re.M):
        label_lo, label_hi = lo + line.start(1), lo + line.end(1)
        body_lo, body_hi = lo + line.start(2), lo + line.end(2)
        # the line's evidence tail (；住院证明、医嘱：有☑ 无□) ends it, not every ；of its computation
        tail = _LINE_TAIL.search(text, body_lo, body_hi)
        body_hi = tail.start() if tail else body_hi
        named = {item for _, _, item in item_words(text, label_lo, label_hi) if item}
        amounts = _money_in(doc, body_lo, body_hi)
        if "标的总额" in text[label_lo:label_hi] and amounts:
            first = amounts[0]
            total = Candidate("claim_total", first.value, [(first.start, first.end)], 0.9, "derived", first.start)
        elif len(named) == 1 and amounts:
            inner = {item for _, _, item in item_words(text, body_lo, body_hi) if item} - named
            if inner:
                continue  # "其他费用：鉴定费3,150元" — the inner item is read piece by piece
            item, last = named.pop(), amounts[-1]
            items[item] = Candidate(item, last.value, [(label_lo, last.end)], 0.9, "derived", label_lo)
    return items, total


def _bracket_open(text: str, close: int, lo: int) -> int | None:
    """The 「（」 matching the 「）」 at ``close`` (误工费（按每天200元计算90天）为18000元), None if not within lo."""
    depth = 0
    for at in range(close, lo - 1, -1):
        if text[at] in "）)":
            depth += 1
        elif text[at] in "（(":
            depth -= 1
            if depth == 0:
                return at
    return None


def _piece_start(text: str, end: int, lo: int, window: int) -> int:
    left = end
    while left > max(lo, end - window) and text[left - 1] not in _SEPARATORS:
        left -= 1
    return left


# 交通费及误工费5000元 / 诉讼费及鉴定费1640元: one figure for two things joined by 及 / 和 / 与, not either one's.
# What a formula between an item and its result is written with: figures, operators, units, the standard's words.
_FORMULA = re.compile(r"(?:[按照以计算为共合计：:；;（）()\d.,，×*xX÷/／%％元天日月年个人次=＝\s每+＋\-－]|标准|城镇|农村|居民|"
                      r"人均|可支配收入|消费性?支出|上一|年度|系数|指数|伤残|级)*(?<=[为=＝])")
_JOINED = re.compile(r"(?:及|和|与|以及)$")
_LIMIT_FIGURE = re.compile(r"的?(?:责任|赔偿)?限额")
# 各项损失暂计120000元 / 经济损失共计…: a word for all the losses, its figure the total.
_ALL_LOSSES = re.compile(r"^等|各项|全部|经济|上述|以上|总")  # 医疗费等损失: the listed and the other losses
_TOTAL_GAP = re.compile(r"(?:共计|合计|总计|暂计|暂定|计|共|为)?(?:人民币)?")


_DEMAND = re.compile(r"赔偿|支付|给付|判令|请求|要求|原告|被告")
_PARTS_SUM = re.compile(r"[，,]?(?:合计|共计|总计|小计|共)(?:为)?(?:人民币)?")


def _advanced(text: str, sentence: int, left: int, start: int) -> bool:
    """Whether the item word at ``start`` follows an advance verb in its piece whose payer is not the plaintiff
    (原告已支付医疗费30000元 is the plaintiff's loss)."""
    verb = _ADVANCE.search(text, left, start)
    if verb is None:
        return False
    subjects = list(_PAYING_ROLE.finditer(text, max(sentence, verb.start() - 24), verb.start()))
    return not (subjects and subjects[-1].group(1) == "原告")


def _another_part(first: tuple[int, int, str, bool, Any], then: tuple[int, int, str, bool, Any]) -> bool:
    """Whether a second figure of an item is one more part of it: in the same sentence, not the same figure
    again (a restatement), and either another word of the item (修理费, then 施救费) or the same word where
    the list splits it by qualifiers (住院期间误工费, 出院后误工费) — a bare 交通费 then 鉴定交通费 is a
    different outlay."""
    sentence, start, word, qualified, value = first
    if then[0] != sentence or then[1] == start or then[4] == value:
        return False
    return then[2] != word or (qualified and then[3])


def _plus(item: Candidate, value: Any, span: tuple[int, int]) -> Candidate:
    """The item with one more figure of its own added (and that figure's evidence)."""
    added = format_money(Decimal(str(item.value)) + Decimal(str(value)))
    return Candidate(item.element, added, [*item.spans, span], 0.85, "derived", item.order)


def _items_from(doc: Document, lo: int, hi: int, window: int) -> tuple[dict[str, Candidate], Candidate | None]:
    """Item amounts in text[lo:hi]: a money amount takes the item named just before it in its own piece.

    A formula or a rate in brackets between the item and its figure (护理费（120元/天×30天）3600元) is
    skipped; several figures of one item in one sentence (住院期间误工费…、出院后误工费…; 修理费…、施救费…)
    are added (corpus/realdata_gold/README.md, "Money per item"); a figure of two joined items is nobody's."""
    text = doc.text
    words = item_words(text, lo, hi)
    within = OrderedSpans(words).within  # the item words inside [left, right]: in order, apart

    sentence_stops = Stops(text, "。；;\n", lo, hi)
    # a list numbered by ；(5、赡养费…；6、抚养费…) is one list: its parts of one item are added
    list_stops = Stops(text, "。\n", lo, hi)
    items: dict[str, Candidate] = {}
    first_of: dict[str, tuple[int, int, str, bool, Any]] = {}
    total: Candidate | None = None
    chain: tuple[str, int, int] | None = None  # the item just read, where its last figure ends, how many figures
    for mention in _money_in(doc, lo, hi):
        value = mention.value
        if _LIMIT_FIGURE.match(text, mention.end):
            continue  # 交强险医疗费用10000元限额: the policy's cap, not a part of the item it names
        left = _piece_start(text, mention.start, lo, window)
        if left > lo and text[left - 1] in "）)" and re.fullmatch(r"[为计共]?(?:人民币)?", text[left:mention.start]):
            opened = _bracket_open(text, left - 1, max(lo, left - 60))
            if opened is not None:
                left = _piece_start(text, opened, lo, window)
                pieces = within(left, opened)
            else:
                pieces = []
        else:
            pieces = within(left, mention.start)
        piece = pieces
        if not piece and text[mention.start - 1:mention.start] in ("=", "＝"):
            # 误工费：TIME×56.26元/天=4894.62元 — the result of a formula takes the item before the colon.
            left = _piece_start(text, mention.start, lo, 40)
        if not piece and left > lo and text[left - 1] in "：:" and re.search(r"[=＝]", text[left:mention.start]):
            head = _piece_start(text, left - 1, lo, window)
            piece = within(head, left - 1)
        if not piece and left > lo and text[left - 1] in "：:" and _TOTAL_GAP.fullmatch(text, left, mention.start):
            # 医疗费：12000元 / 误工费为：8000元: the item's word right before the colon.
            head = _piece_start(text, left - 1, lo, window)
            piece = [(s, e, item) for s, e, item in within(head, left - 1)
                     if _TOTAL_GAP.fullmatch(text, e, left - 1)]
        if not piece and chain is not None and chain[1] == mention.start - 1 and text[chain[1]] in "、+＋":
            # 医疗费：12000元、3000元: one more figure of the item before it, with no word of its own.
            items[chain[0]] = _plus(items[chain[0]], value, (mention.start, mention.end))
            chain = (chain[0], mention.end, chain[2] + 1)
            continue
        if (not piece and chain is not None and chain[2] > 1
                and _PARTS_SUM.fullmatch(text, chain[1], mention.start)):
            # …、3000元，合计15000元: the sum of the item's figures as the pleading states it.
            first = items[chain[0]]
            items[chain[0]] = Candidate(chain[0], value, [*first.spans, (mention.start, mention.end)], 0.85,
                                        "derived", first.order)
            chain = None
            continue
        chain = None
        if not piece:
            # 护理费按120元/天计算30天为3600元 / 被扶养人生活费：(24000×5÷2)×10%=6000元: the item before a
            # formula that runs up to its figure, however long
            earlier = within(max(lo, mention.start - 48), mention.start)
            if earlier and earlier[-1][2] is not None and _FORMULA.fullmatch(text, earlier[-1][1], mention.start):
                piece = earlier[-1:]
        if piece and piece[-1][2] is None and not _ALL_LOSSES.search(text[piece[-1][0]:piece[-1][1]]):
            piece = []  # 原告的损失合计50000元: a loss of nobody's item, the figure read as a total below
        if piece:
            start, end, item = piece[-1]
            if _LIST_TOTAL.search(text[end:mention.start]) or (
                    item is None and _ALL_LOSSES.search(text[start:end])
                    and _TOTAL_GAP.fullmatch(text, end, mention.start)):
                # 医疗费、交通费等共计88000元 / 各项损失暂计120000元: the total, not an item's figure.
                if total is None:
                    total = Candidate("claim_total", value, [(mention.start, mention.end)], 0.8, "derived",
                                      mention.start)
                continue
            before = text[max(lo, start - 6):start]
            joined = _JOINED.search(before)
            if re.search(r"(?:诉讼费|律师费|复印费)(?:及|和|与|、)$", before) or (
                    joined and any(e == start - len(joined.group()) for _, e, _ in words)):
                continue  # 诉讼费及鉴定费1640元 / 交通费及误工费5000元: one figure for two things
            if item is None:
                continue
            sentence = sentence_stops.last_before(start)
            if _advanced(text, max(lo, sentence + 1), left, start):
                continue  # 被告PER支付了原告医疗费5000元: what an advance paid, not the item claimed
            # 住院期间误工费 / 出院后误工费: a qualifier of the item itself, not the demand's words before it
            said = [m.end() for m in _DEMAND.finditer(text, left, start)]
            word, qualified = text[start:end], bool(text[max([left, *said]):start].strip("的"))
            listed = list_stops.last_before(start)
            if item not in items:
                items[item] = Candidate(item, value, [(start, mention.end)], 0.85, "derived", start)
                first_of[item] = (listed, start, word, qualified, value)
                chain = (item, mention.end, 1)
            elif _another_part(first_of[item], (listed, start, word, qualified, value)):
                # one more part of the item in the same list (修理费 + 施救费 / 住院期间误工费 + 出院后误工费)
                items[item] = _plus(items[item], value, (start, mention.end))
            continue
        if total is None and _TOTAL.search(text, left, mention.start):
            total = Candidate("claim_total", value, [(mention.start, mention.end)], 0.85, "derived", mention.start)
            total = _net_total(doc, total, hi)
    return items, total


def _drop_no_item_amounts(doc: Document, results: dict[str, Candidate], read: set[str]) -> None:
    """尚需后续治疗费12000元: the generic cue (治疗费 → 医疗费) took the amount of a word that names no item."""
    text = doc.text
    for start, end, item in item_words(text):
        if item is not None or text[start:end] not in NO_ITEM_WORDS:
            continue
        amounts = _money_in(doc, end, min(len(text), end + 8))
        for eid, candidate in list(results.items()):
            if eid not in read and amounts and any(s <= amounts[0].start < e for s, e in candidate.spans):
                del results[eid]


def _drop_figures_of_other_items(doc: Document, results: dict[str, Candidate], read: set[str]) -> None:
    """A figure belongs to the item named just before it in its own piece: the generic cue's window, bounded by
    the sentence, reaches back over a comma where a full stop was (…交通费2000元、车辆损失费345元），精神损害抚慰金
    原告放弃…: the 2000元 is the 交通费's, not the 精神损害抚慰金's)."""
    text = doc.text
    for eid in [e for e in ITEM_WORDS if e in results and e not in read]:
        spans = results[eid].spans
        money = next(iter(doc.mentions_in(spans[0][0], spans[0][1], "money")), None) if spans else None
        if money is None:
            continue
        left = _piece_start(text, money.start, 0, 30)
        named = [item for _, _, item in item_words(text, left, money.start) if item]
        if named and named[-1] != eid:
            del results[eid]


def _sentence_end(text: str, start: int, hi: int) -> int:
    return end_of(text, start, hi, "。\n")


def _net_total(doc: Document, total: Candidate, hi: int) -> Candidate:
    """合计742,603.20元，扣除被告已支付的50,000元…，尚需赔偿682,603.20元: the claim is what is still asked."""
    text = doc.text
    start = total.spans[0][1]
    end = _sentence_end(text, start, hi)
    if re.match(r"[。\s]*(?:扣除|减去|除去)", text[end:hi]):
        end = _sentence_end(text, end + 1, hi)  # 以上合计17000元。扣除被告已垫付的2000元，被告还应赔偿15000元
    deduct = text.find("扣除", start, end)
    if deduct < 0:
        return total
    for mention in reversed(_money_in(doc, deduct, end)):
        if _NET.search(text[max(0, mention.start - 8):mention.start]):
            return Candidate("claim_total", mention.value, [(mention.start, mention.end)], 0.85, "derived",
                             mention.start)
    return total


# 在交强险范围内赔偿原告120000元，在商业三者险范围内赔偿原告35000元: a demand split by the policies.
_LIMIT_PART = re.compile(r"在[^，,。；;]{0,16}?(?:范围|限额)内(?:先行)?(?:连带)?(?:赔偿|支付|给付)(?:原告)?(?:人民币)?$")


def _split_by_limits(text: str, first: Mention, later: list[Mention]) -> Candidate:
    """The sum asked when the demand is split by limits in one sentence (README, claim_total: the 合计 when
    the demand is split without one total)."""
    parts, end = [first], min([i for i in (text.find(c, first.end) for c in "。；;\n") if i >= 0] or [len(text)])
    for mention in later:
        if mention.start >= end:
            break
        if _LIMIT_PART.search(text, max(0, mention.start - 24), mention.start):
            parts.append(mention)
    total = sum((Decimal(str(m.value)) for m in parts), Decimal(0))
    return Candidate("claim_total", format_money(total), [(m.start, m.end) for m in parts], 0.8, "derived",
                     first.start)


def _asked_and_changed(doc: Document, results: dict[str, Candidate]) -> None:
    """The sum the plaintiff finally asks: a figure right after 请求/判令…赔偿 (when it is no item's amount),
    then a change in court (变更诉讼请求为80122元 / 当庭将误工费变更为26049.60元) of the total or of one item."""
    text = doc.text
    items = {c.value for k, c in results.items() if k != "claim_total" and isinstance(c.value, str)}
    amounts = _money_in(doc, 0, len(text))
    summed: set[int] = set()  # the later parts of a demand split by limits, already in its sum
    for index, mention in enumerate(amounts):
        before = text[max(0, mention.start - 60):mention.start]
        if _ASKED.search(before) and mention.value not in items and mention.start not in summed:
            results["claim_total"] = Candidate("claim_total", mention.value, [(mention.start, mention.end)], 0.8,
                                               "derived", mention.start)
            if _LIMIT_PART.search(before):
                results["claim_total"] = _split_by_limits(text, mention, amounts[index + 1:])
                summed.update(s for s, _ in results["claim_total"].spans)
    for mention in _money_in(doc, 0, len(text)):
        before = text[max(0, mention.start - 16):mention.start]
        if not _CHANGED.search(before):
            continue
        named = [item for _, _, item in item_words(text, max(0, mention.start - 16), mention.start) if item]
        target = named[-1] if named else "claim_total"
        results[target] = Candidate(target, mention.value, [(mention.start, mention.end)], 0.8, "derived",
                                    mention.start)


def _damage_items(doc: Document, results: dict[str, Candidate]) -> None:
    claims = doc.sections.get("claims")
    items: dict[str, Candidate] = {}
    total = None
    if claims:
        items, total = _items_from(doc, claims[0], claims[1], 30)
        listed, listed_total = _listed_items(doc, claims[0], claims[1])
        items.update(listed)
        total = listed_total or total
    if not items:
        facts = doc.section("body") if doc.sections.get("body") else (0, len(doc.text))
        items, facts_total = _items_from(doc, facts[0], facts[1], 14)
        total = total or facts_total
    for item, candidate in items.items():
        results[item] = candidate
    _drop_no_item_amounts(doc, results, set(items))
    _drop_figures_of_other_items(doc, results, set(items))
    if total is not None:
        results["claim_total"] = total
        at = total.spans[0][0]
        for eid in [e for e in ITEM_WORDS if e in results and e not in items]:
            # 医疗费等各项损失80000元: the generic cue gave the first item the figure read here as the total
            if results[eid].value == total.value and any(s <= at < e for s, e in results[eid].spans):
                del results[eid]
    elif items and "claim_total" in results:
        stated = results["claim_total"]
        at = stated.spans[0][0]
        if stated.value in {c.value for c in items.values()} or any(
                s <= at < e for c in items.values() for s, e in c.spans):
            # The generic parser took the first item of the list for the total: the total is their sum.
            amount = sum((Decimal(c.value) for c in items.values()), Decimal(0))
            spans = [s for c in items.values() for s in c.spans]
            results["claim_total"] = Candidate("claim_total", format_money(amount), spans, 0.6, "derived", spans[0][0])


def _clauses_of_plates(doc: Document) -> tuple[list[str], dict[str, list[tuple[int, int]]]]:
    """Plates in order of appearance, and the clauses that speak of each (该车 / 挂车 → the plate meant)."""
    text = doc.text
    body = doc.section("body") if doc.sections.get("body") else (0, len(text))
    plates: list[str] = []
    clauses: dict[str, list[tuple[int, int]]] = {}
    current: str | None = None
    for start, end in _sentences(text, body[0], body[1]):
        for lo, hi in _split(text, start, end):
            found = [m.group() for m in PLATE.finditer(text, lo, hi)]
            for plate in found:
                if plate not in plates:
                    plates.append(plate)
            chunk = text[lo:hi]
            if found:
                current = found[0]
                targets = list(dict.fromkeys(found))
            elif "挂车" in chunk and any(p.endswith("挂") for p in plates):
                targets = [next(p for p in plates if p.endswith("挂"))]
            elif "牵引车" in chunk and plates:
                targets = [next((p for p in plates if not p.endswith("挂")), plates[0])]
            elif current and re.search(r"该车|此车|肇事车辆|上述车辆", chunk):
                targets = [current]
            elif current and text[lo - 1:lo] in ("；", ";") and _INSURED.search(chunk) and lo > start:
                targets = [current]  # …号车为被告所有；在被告…投保了交强险: the insuring clause after a ；goes on
            else:
                continue
            for plate in targets:
                clauses.setdefault(plate, []).append((lo, hi))
    return plates, clauses


def _split(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A sentence cut at ；(the vehicles' insurance is often one clause each) and before a clause that opens
    with another vehicle (…商业三者险200万元，苏EG8812号车为被告吴浩所有… / …，挂车在…投保…)."""
    pieces = []
    for lo, hi in _sentences(text, start, end):
        cuts = [lo] + [m.end() for m in _VEHICLE_CLAUSE.finditer(text, lo, hi)] + [hi]
        pieces += [(a, b) for a, b in zip(cuts, cuts[1:], strict=False) if text[a:b].strip()]
    return pieces


_VEHICLE_CLAUSE = re.compile(r"[，,](?=" + PLATE.pattern + r"|挂车|牵引车)")


def _vehicles(doc: Document, results: dict[str, Candidate], names: list[tuple[str, str]]) -> None:
    text = doc.text
    plates, clauses = _clauses_of_plates(doc)
    if not plates:
        return
    insurers = [(w, n) for w, n in names if is_insurer(n)]
    defendants = [p["name"] for p in doc.parties.get("defendants") or []]
    vehicles: list[dict[str, Any]] = []
    spans: list[tuple[int, int]] = []
    for plate in plates:
        vehicle: dict[str, Any] = {"plate": plate, "driver": None, "owner": None, "compulsory_insurer": None,
                                   "commercial_insurer": None, "commercial_limit": None}
        for lo, hi in clauses.get(plate, []):
            chunk = text[lo:hi]
            at = chunk.find(plate)
            drive = chunk.rfind("驾驶", 0, at) if at >= 0 else -1
            if vehicle["driver"] is None and drive >= 0 and at - drive <= 30:
                vehicle["driver"] = last_name_before(text, lo + drive, names, 12)
            if vehicle["owner"] is None:
                vehicle["owner"] = _owner(text, lo, hi, at, names)
            several = len({m.group() for m in PLATE.finditer(chunk)}) > 1
            if _POLICY.search(chunk) and not several:
                # A clause naming several plates (…在各自承保的交强险限额内…) does not say whose insurer is whose.
                _insurance(doc, vehicle, lo, hi, insurers)
            spans.append((lo, hi))
        if (vehicle["compulsory_insurer"] or vehicle["commercial_insurer"]
                or {vehicle["driver"], vehicle["owner"]} & set(defendants)):
            vehicles.append(vehicle)  # the victim's own vehicle is not one of the liable side's
    if len(vehicles) == 1 and len({n for _, n in insurers}) == 1:
        only = insurers[0][1]
        vehicle = vehicles[0]
        if vehicle["compulsory_insurer"] is None and _COMPULSORY.search(text):
            vehicle["compulsory_insurer"] = only
        if vehicle["commercial_insurer"] is None and _COMMERCIAL.search(text):
            vehicle["commercial_insurer"] = only
    if spans:
        results["vehicles"] = Candidate("vehicles", vehicles, spans, 0.7, "derived", spans[0][0])


# How the driver came to use another's vehicle (vehicles[].use_relation, 民法典第一千二百零九至一千二百一十五条):
# the first cue of a sentence that names the vehicle's plate, or of any sentence when there is one vehicle.
_USE_CUES = (
    ("affiliated", re.compile(r"挂靠")),
    ("scrapped_transfer", re.compile(r"(?:拼装|报废)[^。；]{0,20}(?:转让|出售|卖给|购买|买受)|(?:转让|出售|卖给|购买)[^。；]{0,20}(?:拼装|报废)")),
    ("transfer_unregistered", re.compile(r"(?:转让|出售|卖给|购买|买受)[^。；]{0,30}(?:未办理|未|没有)(?:过户|转移登记|变更登记)")),
    ("unauthorised", re.compile(r"未经[^。；]{0,8}(?:允许|同意|许可)[^。；]{0,6}(?:驾驶|开走|使用)")),
    ("stolen", re.compile(r"(?:盗窃|抢劫|抢夺|偷开|盗开)[^。；]{0,8}(?:的)?(?:车|机动车)|(?:车|机动车)[^。；]{0,8}(?:被盗|被抢)")),
    ("lease_loan", re.compile(r"(?:借用|借给|出借|租用|租赁|承租|租给)(?![^。；]{0,4}(?:替代|代步))")),
)
_OWNER_FAULT = re.compile(r"(?<![无没])有过错")


def _use_relation(doc: Document, results: dict[str, Candidate]) -> None:
    found = results.get("vehicles")
    if found is None or not isinstance(found.value, list) or not found.value:
        return
    vehicles = [v for v in found.value if isinstance(v, dict)]
    text = doc.text
    parties = [p["name"] for role in doc.parties.values() for p in role or [] if p.get("name")]
    for lo, hi in _sentences(text, 0, len(text)):
        sentence = text[lo:hi]
        for name in parties:  # 某某汽车租赁有限公司 is a name, not a lease
            sentence = sentence.replace(name, "□" * len(name))
        plates = {m.group() for m in PLATE.finditer(sentence)}
        targets = [v for v in vehicles if v.get("plate") in plates] or (vehicles if len(vehicles) == 1 else [])
        for relation, cue in _USE_CUES:
            match = cue.search(sentence)
            if match is None:
                continue
            for vehicle in targets:
                if not vehicle.get("use_relation"):
                    vehicle["use_relation"] = relation
                    found.spans.append((lo + match.start(), lo + match.end()))
                    if relation in ("lease_loan", "unauthorised") and _OWNER_FAULT.search(sentence):
                        vehicle["owner_at_fault"] = True  # 明知其无证仍将车辆出借，对损害的发生有过错
            break


def _owner(text: str, lo: int, hi: int, at: int, names: list[tuple[str, str]]) -> str | None:
    chunk = text[lo:hi]
    for pattern in (r"(?:登记所有人|登记车主|车辆所有人|所有人|车主)(?:为|系|是)", r"登记在", r"为(?=被告)"):
        match = re.search(pattern, chunk)
        if match:
            name = first_name_after(text, lo + match.end(), names, 6)
            if name:
                return name
    match = re.search(r"所有的", chunk)
    if match and at >= 0 and match.start() < at:
        return last_name_before(text, lo + match.start(), names, 8)
    match = re.search(r"(?:为|系)([^，。；]{0,12}?)所有", chunk)
    if match:
        return last_name_before(text, lo + match.end() - 2, names, 10)
    return None


def _insurance(doc: Document, vehicle: dict[str, Any], lo: int, hi: int, insurers: list[tuple[str, str]]) -> None:
    text = doc.text
    chunk = text[lo:hi]
    found = [(chunk.find(w), n) for w, n in insurers if chunk.find(w) >= 0]
    if not found and len({n for _, n in insurers}) == 1 and _INSURED.search(chunk):
        found = [(0, insurers[0][1])]  # 在被告平安财险苏州分公司投保: a short name of the one insurer sued
    if not found:
        return
    insurer = min(found)[1]
    if _COMPULSORY.search(chunk) and vehicle["compulsory_insurer"] is None:
        vehicle["compulsory_insurer"] = insurer
    commercial = _COMMERCIAL.search(chunk)
    if commercial and vehicle["commercial_insurer"] is None:
        vehicle["commercial_insurer"] = insurer
        amounts = _money_in(doc, lo, hi)
        if amounts:
            # The limit is the amount nearest the words 商业三者险 (保险金额为100万元的商业… / 商业三者险200万元).
            where = lo + commercial.start()
            vehicle["commercial_limit"] = min(amounts, key=lambda m: abs(m.start - where)).value


def _liability(doc: Document, results: dict[str, Candidate], names: list[tuple[str, str]]) -> None:
    text = doc.text
    rows: list[dict[str, str]] = []
    spans: list[tuple[int, int]] = []
    # A person is recorded once per share: an allocation told twice is one, but two defendants of one
    # allocation (被告PER、伏某共同承担次要责任) or one role with two shares (被告PER主要，被告PER次要) are several.
    seen: set[tuple[str, str]] = set()
    masked_rows: set[int] = set()  # rows a role word of masked text gave: no side name replaces it
    body = doc.section("body") if doc.sections.get("body") else (0, len(text))
    plaintiffs = {p.get("name") for p in doc.parties.get("plaintiffs") or []}
    defendants = {p.get("name") for p in doc.parties.get("defendants") or []}
    # LawBench writes every person PER: such a name (or one a plaintiff and a defendant share) is told apart
    # by the role word before it (被告PER承担次要责任).
    masked = (plaintiffs & defendants) | {n for n in plaintiffs | defendants if re.fullmatch(r"[A-Z]{2,4}", str(n))}
    bare_seen: dict[int, int] = {}
    # heirs suing for the deceased: a bare person of the allocation after the defendant is the deceased
    died = _DEATH.search(text, body[0], body[1]) is not None and _DEATH_ITEMS.search(text) is not None
    victim = "受害人" if died else "原告"
    for match in _LIABILITY.finditer(text, body[0], body[1]):
        word = match.group(2) or match.group(4) or match.group(5)
        if match.group("ought") and "认定" not in text[max(text.rfind("。", 0, match.start()), 0):match.start()]:
            continue  # 原告认为被告应负全部责任: what the plaintiff says is due, not the police's 认定
        if word and text[max(0, match.start() - 2):match.start()].endswith(("不负", "不")):
            continue
        share = _SHARE[word] if word else "none"
        if text[max(0, match.start() - 2):match.start()] == "双方":
            # 双方负事故同等责任: the two sides of the collision, the plaintiff's and the defendant's
            for name in (_side_name(doc, "plaintiffs", "原告", masked), _side_name(doc, "defendants", "被告", masked)):
                if (name, share) not in seen:
                    seen.add((name, share))
                    rows.append({"party": name, "share": share})
                    spans.append((match.start(), match.end()))
            continue
        who = last_name_before(text, match.start(), names, 3)
        if who is not None and who not in plaintiffs | defendants and re.search(r"(?:原告|被告)$", text[:match.start()]):
            who = None  # 被告负…责任 with 被告 an alias read from running text (找被告协商处理): the role word decides
        bare = _MASKED_SUBJECT.search(text, max(0, match.start() - 16), match.start())
        if who in masked or (who is None and bare):
            roles = _masked_roles(text, match.start(), body[0], bare_seen, victim)
            if not roles:
                continue
            for role in roles:
                if (role, share) in seen and role != "案外人":  # several others may each have a share
                    continue
                if bare is not None and re.search(r"[A-Z]{2,4}", bare.group()):
                    masked_rows.add(len(rows))  # 被告PER: the role; a bare 原告 may still be the one plaintiff named
                rows.append({"party": role, "share": share})
                spans.append((match.start(), match.end()))
            seen.update((role, share) for role in roles)
            continue
        if who is None and re.search(r"(?:^|[，,；;：:、]|认定)(?:我|本人)$", text[max(0, match.start() - 3):match.start()]):
            who = "原告"  # a complaint in the first person: 我无责任 is the plaintiff's share
        if who is None:
            person = re.search(r"(?:认定|，|,|、|；|案外人|驾驶人|驾驶员|行人)([\u4e00-\u9fa5]{2,3})$",
                               text[max(0, match.start() - 8):match.start()])
            role_word = re.search(r"(原告|被告|死者|受害人|伤者)[^，。；、]{0,8}$", text[max(0, match.start() - 10):match.start()])
            if person is not None and re.search(person.group(1) + r"[，,]?[男女]|死者|受害人", text):
                who = person.group(1)
            elif person is not None and person.group().startswith(("案外人", "驾驶人", "驾驶员", "行人")):
                who = person.group(1)  # 案外人赵刚负次要责任: a person the label says is no party, by name
            elif person is not None and spans and match.start() - len(person.group(1)) - spans[-1][1] <= 1:
                who = person.group(1)  # the next person of the same allocation: 认定PER负主要责任，谢有能负次要责任
            elif role_word is not None:
                who = role_word.group(1)  # a masked or unnamed party: its role (被告PER负主要责任)
            elif (topic := _clause_topic(text, match.start(), body[0], names)) is not None:
                who = topic  # 被告PER驾驶机动车未注意观察，负事故全部责任: the subject of the clause before
            else:
                continue
        together, by_role = [who], 0  # by_role: how many of the first names a role word gave
        before = text[max(0, match.start() - 12):match.start()]
        for written, name in names:  # 王立峰、朱桂英负事故同等责任
            joined = re.search(re.escape(written) + "(?:与|和|、)" + r"[^，。；]{0,6}$", before)
            if joined and name not in together:
                # 被告PER、伏某共同承担: a masked person is known by the role word before it, not by its mask
                word = re.search(r"(原告|被告|死者|受害人|案外人)$", before[:joined.start()]) if name in masked else None
                together.insert(0, _ROLE_WORD.get(word.group(1), word.group(1)) if word else name)
                by_role = by_role + 1 if word else 0
        for place, name in enumerate(together):
            if (name, share) in seen:
                continue
            if place < by_role:
                masked_rows.add(len(rows))
            rows.append({"party": name, "share": share})
            spans.append((match.start(), match.end()))
        seen.update((name, share) for name in together)
    if rows:
        for index, row in enumerate(rows):  # 原告无责任 with one plaintiff named in the header: the party by its name
            if row["party"] in _SIDE_OF and index not in masked_rows:
                row["party"] = _side_name(doc, _SIDE_OF[row["party"]], row["party"], masked)
            elif row["party"] not in plaintiffs | defendants | set(_SIDE_OF) and re.search(
                    re.escape(row["party"]) + r"(?:要求|请求|诉请)[^。；]{0,4}被告[^。；]{0,6}(?:赔偿|支付)", text):
                row["party"] = "原告"  # 李小明要求各被告赔偿其各项损失: the one who claims is the plaintiff
        results["liability"] = Candidate("liability", rows, spans, 0.75, "derived", spans[0][0])
    if "liability_share" not in results:
        for match in _PERCENT.finditer(text, body[0], body[1]):
            around = text[max(0, match.start() - 12):match.end() + 6]
            sentence = next(((a, b) for a, b in _sentences(text, body[0], body[1]) if a <= match.start() < b),
                            (match.start(), match.end()))
            # a share per vehicle has its plate right before it (…号车一方承担70%): a plate elsewhere in a sentence
            # run on from the account (…驾驶吉B65393号车…，请求…车损7600元的40%) makes none
            per_vehicle = len(_PERCENT.findall(text, *sentence)) > 1 and _plate_before(text, match) is not None
            if per_vehicle:
                # 苏E3N6P5号车一方承担70%、苏EG8812号车一方承担30%: shares per vehicle (道交解释第十八条),
                # not one side's: each goes to its vehicle's liability_share.
                _vehicle_share(text, results, match)
                continue
            applied = text[max(0, match.start() - 2):match.start()] == "元的"  # 车损7600元的40%即3040元
            # 超出部分由被告按70%赔偿: the share the side pays, said by the verb right after it.
            applied = applied or _PAID_AT.match(text, match.end()) is not None and text[match.start() - 1] == "按"
            if (re.search(r"比例|责任|承担", around) or applied) and not re.search(r"伤残|指数|系数|利率", around):
                value = match.group(1).rstrip("0").rstrip(".") if "." in match.group(1) else match.group(1)
                if _OWN_SHARE.search(text, max(sentence[0], match.start() - 20), match.start()):
                    value = plain_number(Decimal(100) - Decimal(match.group(1)))  # 原告自愿承担20% → the motor side 80
                results["liability_share"] = Candidate("liability_share", value, [(match.start(), match.end())],
                                                       0.7, "derived", match.start())
                break
    if "liability_share" not in results:
        for lo, hi in _sentences(text, body[0], body[1]):
            # 按照7:3的比例由被告承担 (one side's share; a ratio between two plates is the vehicles')
            ratio = ratio_share(text, lo, hi) if len(set(PLATE.findall(text, lo, hi))) < 2 else None
            if ratio is not None:
                results["liability_share"] = Candidate("liability_share", ratio, [(lo, hi)], 0.65, "derived", lo)
                break


# The subject of an allocation in masked text: 被告PER / PER / 原告和PER / 被告PER与PER, right before 负 / 承担 / 无.
# A label before a masked name: a role (原告 / 被告 / 死者 / 受害人 / 案外人), or only a description of a person
# (乘车人 / 乘客 / 行人), which leaves the name bare.
# The masking may leave a character of the name behind (PER刚, PER聪): still one masked person.
_MASK = r"[A-Z]{2,4}(?:(?<=[A-Z])[\u4e00-\u9fa5](?<![与和及、各均都亦也应不]))?"
_MASKED_SUBJECT = re.compile(
    r"(?:(?:原告|被告|死者|受害人|案外人|乘车人|乘客|行人)?" + _MASK + r"|原告|被告)"
    r"(?:(?:与|和|、|及|以及)(?:(?:原告|被告|案外人|乘车人|乘客|行人)?" + _MASK + r"|原告|被告))*$")
_ROLE_SUBJECT = re.compile(r"(原告|被告|死者|受害人|案外人)(?=(?:[A-Z]{2,4})?(?:与|和|、|及|以及|各|均|负|承担|无|不负|不承担))")


def _allocation_end(text: str, start: int, end: int) -> int:
    """Where a 认定's persons end: the clause of its last share, clause by clause from 认定 while the shares go on
    (two clauses without one end the run), not the next full stop, which a run-on sentence may put far away
    (…被告PER与PER负同等责任，…对原告承担赔偿责任: the later 原告 is no person of the 认定)."""
    last, idle = None, 0
    position = start
    for cut in [*(m.end() for m in re.finditer(r"[，,；;：:]", text[start:end])), end - start]:
        clause_end = start + cut
        if _LIABILITY.search(text, position, clause_end):
            last, idle = clause_end, 0
        elif last is not None:
            idle += 1
            if idle >= 2:
                break
        position = clause_end
    return last if last is not None else end


def _masked_roles(text: str, at: int, lo: int, bare_seen: dict[int, int], victim: str = "原告") -> list[str]:
    """Roles of the persons an allocation names in masked text (LawBench writes every person PER). A role
    word decides (被告PER → 被告); a bare PER is a party the allocation names by no role word, 被告 first
    (the 认定书 of a claim names the defendant's side), then 原告, else someone else (案外人):
    认定PER负主要责任，被告负次要责任，原告不负 → 案外人; PER负全部责任，原告无责任 → 被告."""
    # The 认定's persons may be cut by ；(认定：PER负全部责任；PER无责任): its sentence runs to 。
    sentence_start = max(text.rfind(c, lo, at) for c in "。\n")
    start = text.rfind("认定", max(lo, sentence_start), at)
    end = min([i for i in (text.find(c, at) for c in "。\n") if i >= 0] or [len(text)])
    if start < 0:
        sentence_start = max(text.rfind(c, lo, at) for c in "。；;\n")
        start = max(lo, sentence_start + 1)
        end = min([i for i in (text.find(c, at) for c in "。；;\n") if i >= 0] or [len(text)])
    else:
        end = _allocation_end(text, start, end)
    named = {_ROLE_WORD.get(m.group(1), m.group(1)) for m in _ROLE_SUBJECT.finditer(text, start, end)}
    free = _account_roles(text, lo, start, end, victim) or [r for r in ("被告", victim) if r not in named]
    subject = _MASKED_SUBJECT.search(text, max(start, at - 16), at)
    if subject is None:
        return []
    roles = []
    for part in re.split(r"以及|与|和|、|及", subject.group()):
        role = re.match(r"原告|被告|死者|受害人|案外人", part)
        if role:
            roles.append(_ROLE_WORD.get(role.group(), role.group()))
            continue
        index = bare_seen.get(start, 0)
        bare_seen[start] = index + 1
        roles.append(free[index] if index < len(free) else "案外人")
    return roles


_ROLE_WORD = {"死者": "受害人"}
# The persons of the account before the 认定: each driver (the person named last before 驾驶), then a person
# the injury clause labels (造成…乘车人PER受伤).
_DRIVER = re.compile(r"(原告|被告|案外人)?(?:PER|ORG)+(?=[^，。；PERORG]{0,12}?驾驶)|(原告|被告)(?=驾驶)")
_INJURED = re.compile(r"(?:乘车人|乘客|乘员|行人)(?:PER)+(?=[^，。；]{0,4}(?:受伤|死亡|身亡))")


def _account_roles(text: str, lo: int, start: int, end: int, victim: str) -> list[str] | None:
    """The roles of an allocation's persons when every one of them is a bare PER and the account before it
    introduced as many persons, each of a known role, in its order (the 认定书 names them as the account does):
    a role word; the person the injury clause labels → the victim, the other bare drivers then no party
    (案外人); one bare driver beside drivers of known roles → the victim. None when anything is unsure."""
    subjects = [_MASKED_SUBJECT.search(text, max(start, m.start() - 16), m.start())
                for m in _LIABILITY.finditer(text, start, end)]
    if not subjects or None in subjects:
        return None  # a person named in plain text (谢有能负次要责任): the account's order is not needed
    persons = [part for subject in subjects if subject for part in re.split(r"以及|与|和|、|及", subject.group())]
    if any(re.match(r"原告|被告|死者|受害人|案外人", part) for part in persons):
        return None
    account = text[lo:start]
    drivers = [(m.group(1) or m.group(2)) for m in _DRIVER.finditer(account)]
    injured = [victim for _ in _INJURED.finditer(account)]
    bare = drivers.count(None)
    roles = [r or ("案外人" if injured else victim if bare == 1 else "") for r in drivers] + injured
    if len(roles) != len(persons) or "" in roles or len(set(roles) - {"案外人"}) < len(roles) - roles.count("案外人"):
        return None
    return roles



def _clause_topic(text: str, at: int, lo: int, names: list[tuple[str, str]]) -> str | None:
    """The role that opens the clause before a share written without a subject (…，负事故全部责任), in the
    same 认定 sentence; none when that clause already had its share."""
    if not re.search(r"[，,]$", text[max(lo, at - 1):at]):
        return None
    start = max(lo, max(text.rfind(c, lo, at) for c in "。；;\n") + 1)
    sentence = max(lo, max(text.rfind(c, lo, at) for c in "。\n") + 1)  # the 认定 may open it before a ；
    clauses = re.split(r"[，,：:]", text[start:at - 1])
    if "认定" not in text[sentence:at] and sentence > lo:
        # 认定：原告…负事故主要责任。彭晓军…负事故次要责任: the 认定 goes on in the next sentence
        before = max(lo, max(text.rfind(c, lo, sentence - 1) for c in "。\n") + 1)
        if "认定" in text[before:sentence] and _LIABILITY.search(text, before, sentence):
            sentence = before
    if "认定" not in text[sentence:at] or not clauses:
        return None
    for clause in reversed(clauses):
        if _LIABILITY.search(clause):
            return None
        clause = re.sub(r"^认定", "", clause)
        named = next((name for written, name in names if clause.startswith(written) and written not in ("原告", "被告")),
                     None)
        for size in (3, 2):  # a person the statement calls 被告X / 原告X elsewhere, no party block naming them
            if named is None and re.fullmatch(r"[\u4e00-\u9fa5]+", clause[:size]) and clause[:size] not in ("原告", "被告") \
                    and re.search(r"(?:原告|被告)" + re.escape(clause[:size]), text):
                named = clause[:size]
        if named is not None:
            return named  # 彭晓军未注意观察、避让行人，负事故次要责任
        opened = re.match(r"原告|被告|死者|受害人", clause)
        if opened:
            return _ROLE_WORD.get(opened.group(), opened.group())
    return None


_SIDE_OF = {"原告": "plaintiffs", "被告": "defendants"}


def _side_name(doc: Document, role: str, word: str, masked: set[Any]) -> str:
    """The one natural person of a side (双方 = the plaintiff and the defendant), else its role word."""
    people = [p.get("name") for p in doc.parties.get(role) or [] if p.get("kind", "natural") == "natural"]
    return str(people[0]) if len(people) == 1 and people[0] not in masked else word


def _plate_before(text: str, match: re.Match[str]) -> str | None:
    """The plate named just before a percentage in its own clause (…号车一方承担70%), if any."""
    plate = None
    for found in PLATE.finditer(text, max(0, match.start() - 16), match.start()):
        plate = found.group()
    if plate is None or re.search(r"[、，,；;。]", text[text.rfind(plate, 0, match.start()):match.start()]):
        return None
    return plate


def _vehicle_share(text: str, results: dict[str, Candidate], match: re.Match[str]) -> None:
    """The plate named just before a percentage (…号车一方承担70%) takes it as its share of the excess."""
    vehicles = results.get("vehicles")
    plate = _plate_before(text, match)
    if vehicles is None or plate is None:
        return
    for vehicle in vehicles.value:
        if vehicle.get("plate") == plate and vehicle.get("liability_share") is None:
            value = match.group(1).rstrip("0").rstrip(".") if "." in match.group(1) else match.group(1)
            vehicle["liability_share"] = value
            vehicles.spans.append((match.start(), match.end()))


def _advances(doc: Document, results: dict[str, Candidate], names: list[tuple[str, str]]) -> None:
    text = doc.text
    rows: list[dict[str, Any]] = []
    spans: list[tuple[int, int]] = []
    body = doc.section("body") if doc.sections.get("body") else (0, len(text))
    # a masked name (PER) may be anyone's: only a real name tells the plaintiff
    plaintiffs = {p.get("name") for p in doc.parties.get("plaintiffs") or []
                  if not re.fullmatch(r"[A-Z]{2,}", str(p.get("name")))}  # PERPER: two masks
    for lo, hi in _sentences(text, body[0], body[1]):
        for piece_lo, piece_hi in _pieces(text, lo, hi):
            verb = _ADVANCE.search(text, piece_lo, piece_hi)
            if verb is None:
                continue
            payer = last_name_before(text, verb.start(), names, 24)
            subjects = list(_PAYING_ROLE.finditer(text, max(lo, verb.start() - 24), verb.start()))
            if (subjects and subjects[-1].group(1) == "原告") or payer in plaintiffs:
                continue  # 原告住院治疗，支付了医疗费20000元: what the plaintiff paid is his loss, not an advance
            if payer is None or re.fullmatch(r"[A-Z]{2,}", str(payer)):
                # a masked name (LawBench: every person PER, insurers ORG) is told by the role word before it
                payer = subjects[-1].group(1) if subjects else payer
            after = _money_in(doc, verb.start(), piece_hi)
            if not after and _EXCLUDED.search(text, max(piece_lo, verb.start() - 10), verb.start()):
                continue  # 共计90000元（已扣除被告垫付部分）: the figure is the net demand, not the advance
            amounts = after or _money_in(doc, piece_lo, verb.start())
            if payer is None or not amounts:
                continue
            row = {"payer": payer, "amount": amounts[0].value}
            if row not in rows:
                rows.append(row)
                spans.append((piece_lo, piece_hi))
    if rows:
        results["paid_in_advance"] = Candidate("paid_in_advance", rows, spans, 0.65, "derived", spans[0][0])
        paid = {row["amount"] for row in rows}
        for eid in [e for e in ITEM_WORDS if e in results]:
            # 被告方仅支付了14000元的医疗费用: an advance's figure is no claimed item
            found = results[eid]
            if found.value in paid and found.spans and any(lo <= found.spans[0][0] < hi for lo, hi in spans):
                del results[eid]


def _pieces(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """A sentence cut at its commas."""
    cuts = [lo + m.end() for m in re.finditer(r"，|,(?!\d{3})", text[lo:hi])]  # not 10,000
    return list(zip([lo, *cuts], [*cuts, hi], strict=True))


def _victim(doc: Document, results: dict[str, Candidate]) -> None:
    text = doc.text
    body = doc.section("body") if doc.sections.get("body") else (0, len(text))
    died = _DEATH.search(text, body[0], body[1])
    if died is None and not _INJURY_ITEMS.search(text) and (
            "death_compensation" in results or "funeral_expenses" in results):
        # 死者PER系原告之父 … 死亡赔偿金、丧葬费: the claims tell the death the facts leave unsaid
        died = _DEATH_CLAIMED.search(text, body[0], body[1])
    if died is not None and not _DEATH_ITEMS.search(text) and _INJURY_ITEMS.search(text):
        # 谢有能经抢救无效死亡 (another rider) in a claim for the plaintiff's own 伤残: not a death case
        died = None
        results.pop("death", None)
    if _RECOURSE.search(text, body[0], body[1]):
        # a recourse claim between tortfeasors: the victim's death is not what the plaintiff claims for
        died = None
        results.pop("death", None)
    elif "death" not in results and (died is not None or _INJURY.search(text, body[0], body[1])):
        # a claim for car damage only says nothing of a person's death or injury: no value either way
        results["death"] = Candidate("death", died is not None, [(died.start(), died.end())] if died else [],
                                     0.6, "derived", died.start() if died else 0)
    if died is None:
        results.pop("victim_name", None)  # an injured plaintiff is the victim: the element is for death cases
    plaintiffs = doc.parties.get("plaintiffs") or []
    if died is None and len(plaintiffs) == 1 and plaintiffs[0].get("birth_date") and "victim_birth_date" not in results \
            and not _RECOURSE.search(text, body[0], body[1]):
        spans = (doc.party_spans.get("plaintiffs") or [(0, 0)])[:1]
        results["victim_birth_date"] = Candidate("victim_birth_date", plaintiffs[0]["birth_date"], spans, 0.7,
                                                 "derived", spans[0][0])
        return
    for mention in doc.mentions_in(body[0], body[1], "date"):
        base = max(0, mention.start - 12)
        person = re.search(r"([\u4e00-\u9fa5]{2,4})[，,][男女][，,]$", text[base:mention.start])
        if person is None or not text[mention.end:mention.end + 2].startswith(("出生", "生")):
            continue
        if "victim_birth_date" not in results:
            results["victim_birth_date"] = Candidate("victim_birth_date", mention.value,
                                                     [(mention.start, mention.end)], 0.7, "derived", mention.start)
        if died is not None:
            # 死亡案件中原告为其近亲属: the deceased introduced in the facts is the victim.
            span = (base + person.start(1), base + person.end(1))
            results["victim_name"] = Candidate("victim_name", person.group(1), [span], 0.7, "derived", span[0])
        return


def _int_of(raw: str) -> int | None:
    from engine.extraction.numerals import parse_small

    if raw in _ROMAN:
        return _ROMAN[raw]
    return int(raw) if raw.isdigit() else parse_small(raw)


def _grades(doc: Document, results: dict[str, Candidate]) -> None:
    """构成九级伤残、十级伤残 / 两处十级伤残: the highest grade, and the others (extra_disability_grades)."""
    text = doc.text
    body = doc.section("body") if doc.sections.get("body") else (0, len(text))
    grades: list[int] = []
    spans: list[tuple[int, int]] = []
    for match in _GRADE.finditer(text, body[0], body[1]):
        if re.search(r"未构成|不构成", text[max(0, match.start() - 4):match.start()]):
            continue
        grade = _int_of(match.group(2))
        if grade is None or not 1 <= grade <= 10:
            continue
        count = _COUNT.get((match.group(1) or match.group(3) or "一")[0], 1)
        gap = text[spans[-1][1]:match.start()] if spans else ""
        # a ；may cut the list (构成八级伤残；…构成十级伤残), a full stop ends it
        if grades and len(gap) > 3 and not (len(gap) <= 20 and _GRADING.search(gap) and not re.search(r"[。\n]", gap)):
            break  # the first statement of the grades (a later one restates them)
        grades += [grade] * count
        spans.append((match.start(), match.end()))
    if not grades and (listed := _GRADE_LIST.search(text, body[0], body[1])):
        for count, word in re.findall(rf"(?:([一两二三四1-4])(?:处|个))?({_GRADE_WORD})级", listed.group(1)):
            if (grade := _int_of(word)) is not None and 1 <= grade <= 10:
                grades += [grade] * _COUNT.get(count or "一", 1)
                spans.append(listed.span(1))
    if not grades:
        # a figure the generic cue took near 伤残等级 without 级 behind it (发票1张，证明…伤残等级情况) is no grade
        found = results.get("disability_grade")
        if found is not None and found.spans and not text.startswith("级", found.spans[0][1]):
            del results["disability_grade"]
        return
    grades.sort()
    if index := _INDEX.search(text, body[0], body[1]):  # 赔偿指数22%（九级20%，另一处十级附加2%）
        value = index.group(1).rstrip("0").rstrip(".") if "." in index.group(1) else index.group(1)
        results["disability_index"] = Candidate("disability_index", value, [index.span()], 0.8, "derived",
                                                index.start())
    results["disability_grade"] = Candidate("disability_grade", grades[0], spans, 0.85, "derived", spans[0][0])
    if len(grades) > 1:
        results["extra_disability_grades"] = Candidate("extra_disability_grades", grades[1:], spans, 0.8,
                                                       "derived", spans[0][0])
    elif "extra_disability_grades" in results:
        del results["extra_disability_grades"]


_KIN = {"母亲": "母亲", "父亲": "父亲", "女儿": "女儿", "儿子": "儿子", "母": "母亲", "父": "父亲", "女": "女儿",
        "子": "儿子", "祖母": "祖母", "祖父": "祖父", "外祖母": "外祖母", "外祖父": "外祖父", "孙子": "孙子",
        "孙女": "孙女", "外孙": "外孙", "外孙女": "外孙女"}
_KIN_WORDS = "|".join(sorted(_KIN, key=len, reverse=True))
_SUPPORT = re.compile(r"扶养|抚养|赡养")
_NAME = r"[\u4e00-\u9fa5]{2,3}"
# 朱桂英之母沈小妹 / 原告之女梁子涵 / 其父钱阿三 / 被扶养人钱阿三 (not 被扶养人生活费)
_DEPENDANT = re.compile(rf"(?:之|其)({_KIN_WORDS})[，,]?(?![由系为是已共无])({_NAME})|被[扶抚赡]养人(?!生活费)[：:]?({_NAME})")
_RELATION_AFTER = re.compile(rf"(?:系|是|为)(?:死者|受害人|其)?[^，。；（(]{{0,6}}?之?({_KIN_WORDS})")  # 系赵某之女
_CN_COUNT = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_SUPPORTERS = (
    re.compile(r"共?([一二两三四五六七八九]|\d)人(?:共同)?(?:扶养|抚养|赡养)"),  # 共三人扶养 / 一人赡养
    re.compile(r"(?:负担|承担|分担)([二两三四五六七八九])分之一"),  # 由朱桂英承担三分之一
    re.compile(r"÷\s*(\d)(?!\d)"),  # ×44%÷2
)
_TWO = re.compile(r"由[^，。；]{1,12}?(?:与|和|及)[^，。；]{1,8}?共同(?:扶养|抚养|赡养)")  # 由原告与其妻共同抚养
_TRIM = re.compile(r"(?:已|系|由|生|出|现|年|等|为|无)$")


def _supporters(text: str) -> int | None:
    for pattern in _SUPPORTERS:
        if match := pattern.search(text):
            raw = match.group(1)
            return int(raw) if raw.isdigit() else _CN_COUNT.get(raw)
    return 2 if _TWO.search(text) else None


def _dependent_name(raw: str, names: list[tuple[str, str]]) -> str:
    for written, name in names:  # a party named in full (钱阿三) wins over the three-character guess
        if raw.startswith(written):
            return name
    return _TRIM.sub("", raw) if len(raw) == 3 else raw


def _dependents(doc: Document, results: dict[str, Candidate], names: list[tuple[str, str]]) -> None:
    """被扶养人 (人身损害赔偿解释第十七条): name, relation, birth date and the number of supporters, from the
    facts (…之母沈小妹（1935年3月2日出生）…由朱桂英及其两个兄弟共三人扶养 / 被扶养人钱思雨系未成年人，由…共同抚养).
    A dependant who is a party takes the header's birth date; 原告三系其父 gives a party's relation."""
    text = doc.text
    body = doc.section("body") if doc.sections.get("body") else (0, len(text))
    births = {p["name"]: p.get("birth_date") for role in ("plaintiffs", "defendants", "third_parties")
              for p in doc.parties.get(role) or [] if p.get("name")}
    relations: dict[str, str] = {}
    for written, name in names:  # 原告三系其父 / 钱阿三系死者之父: a party's relation to the victim
        for match in re.finditer(re.escape(written), text[body[0]:body[1]]):
            after = _RELATION_AFTER.match(text, body[0] + match.end())
            if after and name not in relations:
                relations[name] = _KIN[after.group(1)]
    rows: list[dict[str, Any]] = []
    spans: list[tuple[int, int]] = []
    # a dependant's clauses run to the full stop (…已无生活来源；由朱桂英等三人扶养), or to the next dependant
    for lo, hi in _full_sentences(text, body[0], body[1]):
        sentence = text[lo:hi]
        if not _SUPPORT.search(sentence) and "出生" not in sentence:
            continue
        # 系赵某之女 states a relation (kept by _RELATION_AFTER), it does not introduce a dependant.
        found = [m for m in _DEPENDANT.finditer(text, lo, hi)
                 if not (m.group(1) and re.search(r"(?:系|是|为)[^，。；]{0,4}$", text[max(lo, m.start() - 6):m.start()]))]
        for n, match in enumerate(found):
            raw = match.group(2) or match.group(3)
            name = _dependent_name(raw, names)
            after = _RELATION_AFTER.match(text, match.start(3) + len(name)) if match.group(3) else None
            kin = _KIN.get(match.group(1) or "") or (_KIN[after.group(1)] if after else relations.get(name))
            if match.group(1) and not _SUPPORT.search(sentence) and not re.search(r"未成年|无劳动能力|丧失劳动能力",
                                                                                sentence):
                continue  # 原告之女X出生… without a word of support: not said to be a dependant
            if name in ("生活费", "人数"):
                continue
            end = found[n + 1].start() if n + 1 < len(found) else hi
            clause = text[match.end():end]
            born = None
            date = next((m for m in doc.mentions_in(match.end(), min(end, match.end() + 24), "date")
                         if len(str(m.value)) == 10), None)
            if date is not None and text[date.end:date.end + 2].startswith(("出生", "生")):
                born = date.value
            row = {"name": name, "birth_date": born or births.get(name), "relation": kin,
                   "supporters": _supporters(clause)}
            same = next((r for r in rows if r["name"] == name), None)
            if same is None:
                rows.append(row)
                spans.append((match.start(), end))
            else:  # named again (the claims, then the facts): fill what the first mention left open
                same.update({k: v for k, v in row.items() if same[k] is None and v is not None})
    if rows:
        results["dependents"] = Candidate("dependents", rows, spans, 0.7, "derived", spans[0][0])


def _days(doc: Document, results: dict[str, Candidate]) -> None:
    text = doc.text
    for element_id, words in _DAYS.items():
        for word in words:
            match = re.search(word + r"(?:为|共|计|约|按)?(\d{1,4}|[一二三四五六七八九十百零两]{1,6})(?:日|天)", text)
            if match and (value := _int_of(match.group(1))) is not None:
                results[element_id] = Candidate(element_id, value, [match.span()], 0.85, "derived", match.start())
                break


def _accident_date(doc: Document, results: dict[str, Candidate]) -> None:
    """The first full date of the facts in a sentence that tells the accident (…驾驶…与…发生碰撞)."""
    text = doc.text
    facts = doc.sections.get("facts") or doc.sections.get("body") or (0, len(text))
    previous: tuple[int, int] | None = None
    for lo, hi in _sentences(text, facts[0], facts[1]):
        courses = list(_COURSE.finditer(text, lo, hi))
        if not courses:
            previous = (lo, hi)
            continue
        # a date after every course word is a later event (…追尾撞倒，…住院治疗20天，2023年12月1日经鉴定)
        dates = [m for m in doc.mentions_in(lo, courses[-1].start(), "date") if len(str(m.value)) == 10
                 and not text[m.end:m.end + 2].startswith(("出生", "生"))]
        if not dates and previous is not None and text[previous[1] - 1] in "；;":
            # the time written as a clause of its own before a ；(2023年6月12日7时40分许；被告…驾驶…)
            dates = [m for m in doc.mentions_in(*previous, "date") if len(str(m.value)) == 10
                     and not text[m.end:m.end + 2].startswith(("出生", "生"))
                     and not _COURSE.search(text, *previous)][-1:]
        previous = (lo, hi)
        if dates:
            first = dates[0]
            results["accident_date"] = Candidate("accident_date", first.value, [(first.start, first.end)], 0.85,
                                                 "derived", first.start)
            return


_DOC_NUMBER = re.compile(r"[\u4e00-\u9fa5]{1,8}〔\d{4}〕第?\w{1,12}?号|第\d{6,}号(?=《?(?:道路)?(?:交通)?事故(?:责任)?认定书)")
_PLACE = re.compile(r"(?:在|行驶至|途经|通过|穿过|横过|至)([^，。；在至]{2,30}?(?:交叉口|路口处|路口|路段|附近|处))")
_APPRAISED = re.compile(r"^[，,；;]?(?:经|由)[^，。；]{0,20}?(?:司法)?鉴定")
_RESIDENCE = (
    ("urban", re.compile(r"经常居住地(?:在|为)城镇|城镇户口|城镇户籍|非农业?户口|非农业?户籍|城镇(?:居民|常住居民)?(?:标准|人均|可支配收入)|城镇常住居民")),
    ("rural", re.compile(r"(?<!非)农业户口|(?<!非)农业户籍|农村户口|农村户籍|农村(?:居民|常住居民)?(?:标准|人均|可支配收入|纯收入)|农村常住居民")),
)


def _document_number(doc: Document, results: dict[str, Candidate]) -> None:
    """The 认定书's number (吴公交认字〔2023〕第0612号 / 第3101180202400318号); none stated → no element."""
    match = _DOC_NUMBER.search(doc.text)
    if match:
        results["liability_document"] = Candidate("liability_document", match.group(), [match.span()], 0.85,
                                                  "derived", match.start())
    else:
        results.pop("liability_document", None)


def _place_and_appraisal(doc: Document, results: dict[str, Candidate]) -> None:
    text = doc.text
    facts = doc.sections.get("facts") or doc.sections.get("body") or (0, len(text))
    for lo, hi in _sentences(text, facts[0], facts[1]):
        if _COURSE.search(text, lo, hi) and (place := _PLACE.search(text, lo, hi)):
            results["accident_place"] = Candidate("accident_place", place.group(1), [place.span(1)], 0.8, "derived",
                                                  place.start(1))
            break
    body = doc.section("body") if doc.sections.get("body") else (0, len(text))
    for mention in doc.mentions_in(body[0], body[1], "date"):
        if len(str(mention.value)) == 10 and _APPRAISED.match(text[mention.end:mention.end + 24]):
            results["appraisal_date"] = Candidate("appraisal_date", mention.value, [(mention.start, mention.end)],
                                                  0.85, "derived", mention.start)
            break
    for code, pattern in _RESIDENCE:
        if match := pattern.search(text, body[0], body[1]):
            results["victim_residence"] = Candidate("victim_residence", code, [match.span()], 0.75, "derived",
                                                    match.start())
            break


_NOT_A_DEATH_DAY = ("出生", "生", "之前", "以前", "前", "之后", "以后", "后")


def _drop_other_dates_of_death(doc: Document, results: dict[str, Candidate]) -> None:
    """A date near 死亡 that is a birth (1952年5月18日出生) or a cut-off (发生于2022年5月1日之前) is no death date."""
    found = results.get("death_date")
    if found is not None and found.spans and doc.text[found.spans[-1][1]:].lstrip("，, ").startswith(_NOT_A_DEATH_DAY):
        results.pop("death_date")


def derive(doc: Document, results: dict[str, Candidate]) -> None:
    aliases = party_aliases(doc)
    fix_numbered_names(doc, aliases)
    tidy_parties(doc)
    for role in ("plaintiffs", "defendants", "third_parties"):
        if role in results:
            results[role].value = [dict(p) for p in doc.parties.get(role, results[role].value)]
    names = names_in(doc, aliases)
    _damage_items(doc, results)
    _asked_and_changed(doc, results)
    _vehicles(doc, results, names)
    _use_relation(doc, results)
    _liability(doc, results, names)
    _advances(doc, results, names)
    _victim(doc, results)
    _dependents(doc, results, names)
    _grades(doc, results)
    _days(doc, results)
    _accident_date(doc, results)
    _document_number(doc, results)
    _place_and_appraisal(doc, results)
    _drop_other_dates_of_death(doc, results)
    if "mental_damages_first" not in results:
        match = _MENTAL_FIRST.search(doc.text)
        if match:
            results["mental_damages_first"] = Candidate("mental_damages_first", True, [match.span()], 0.8,
                                                        "derived", match.start())

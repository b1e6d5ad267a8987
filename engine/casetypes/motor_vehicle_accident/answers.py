"""机动车交通事故 answers (insurers' mostly): the stance on each damage item and the counter-figure.

"医疗费应扣除非医保用药费用，答辩人认可36000元；住院伙食补助费无异议；营养费按每天30元计算60日，为1800元；
鉴定费、诉讼费不属于保险赔偿范围" → 医疗费 contest 36,000.00, 住院伙食补助费 admit, 营养费 contest 1,800.00,
鉴定费 contest. Units are the answer's points, cut at "；" and "。" alike and before a numbered point whatever
mark precedes it (stop 26: real text varies the marks); a unit's last item runs on into the next unit when that
one names no item before its figure, turns (但是…) or is the item's own predicate (…计算误工费；对…错误); an
item left to the court (鉴定费由法院认定) has no stance, the generic stage's included. Inside a unit each item
word opens a segment up to the next item word (or the end of the court's clause), and a segment without stance
words takes the stance of the next one (营养费、住院伙食补助费、交通费无异议), else of its unit. The counter-figure is an amount introduced as the
answer's own (认可 / 为 / 以…为宜 / 酌定 …), never the claimed amount it calls 过高. Then the accident, the
认定书, the share, the policies, the grades and the periods. Runs after the generic answer stage and
takes precedence over it for what it finds.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from engine.casetypes.motor_vehicle_accident.vocabulary import (
    COMPLAINT_ONLY_WORDS,
    ITEM_WORDS,
    fix_numbered_names,
    item_words,
    last_name_before,
    names_in,
    party_aliases,
    plain_number,
    ratio_share,
    tidy_parties,
)
from engine.extraction.document import Candidate, Document
from engine.extraction.numerals import parse_small

CONTEST = re.compile(
    r"过高|过多|过长|不予认可|不认可|不予支持|不应支持|(?<!没)有异议|(?:没有|无|缺乏)[^，。；]{0,4}依据|(?:应当?|须|需)提供|应按|应扣除|应予扣除|扣除|核减|不属于|不予|不承担|不应|酌定|为宜|缺乏|没有证据|无证据|没有提供|未提供|未能提供|"
    r"没有那么|(?:无|没有|缺少)[^，。；]{0,6}(?:医嘱|医疗机构的?意见)|无[^，。；]{0,4}票据|没有[^，。；]{0,4}票据|无依据|没有依据|依据不足|证据不足|不客观|不公正|不公平|不准确|不当(?!得利)|错误|重新|核实|核定|不合理|不同意|应为|实际|有误|仅|只|拒赔|为准|不符合|与事实不符|不属实|重复|自行负担|不负担|间接损失|非[^，。；]{0,4}(?:保险|赔偿|理赔)[^，。；]{0,4}范围|不在[^，。；]{0,8}范围|过大|偏高|偏多|偏长|计入|并入|应由[^，。；]{0,10}分担|(?:没有|无|未能?|不能)证明|应参照|应当参照|自行承担")
# No objection, in its wordings (无异议 / 没有异议 / 不持异议 / 不持任何异议), and too high (过高 / 偏高).
_NO_OBJECTION = r"(?:无异议|没有异议|不持(?:任何)?异议)"
_TOO_HIGH = r"(?:过高|偏高)"
ADMIT = re.compile(r"无异议|没有异议|不持(?:任何)?异议|认可|同意|属实|无意见|予以确认")
_MARKER = re.compile(r"(?:认可|为|应为|以|酌定|计|合计|共计|仅|只|按|按照|支持|以不超过|以不高于)(?:人民币)?$")
_HIGH_AFTER = re.compile(r"^(?:的?标准)?(?:过高|偏高|过多|不予|不认可|缺乏)")
_RATE_BEFORE = re.compile(r"(?:每天|每日|每月|每年|日均|月均|月收入|年收入)[^，,；;。]{0,2}$")
_PERCENT = re.compile(r"(\d{1,3}(?:\.\d{1,2})?)\s*[%％]")
_DAYS = {"lost_work_days": "误工(?:期|时间)", "nursing_days": "护理(?:期|时间)", "nutrition_days": "营养(?:期|时间)"}


# A numbered point (2、 / 三、 / 3. / （4）) opens a unit whatever mark ends the one before: pleadings write
# ；2、 as often as 。2、 and now and then ，2、 (not 1.5万元: no digit after the dot).
_POINT = re.compile(r"(?<=[，,。；;：:\s])(?:(?:[一二三四五六七八九十]{1,3}|\d{1,2})[、.．](?!\d)|[（(](?:[一二三四五六七八九十]{1,3}|\d{1,2})[）)])")


# Another defendant's statement opens a unit whatever mark ends the one before (…辩称：无异议， 被告保险公司辩称：…).
_SPEAKS = re.compile(r"(?<=[，,。；;\s])(?:被告|答辩人)[^，,。；;：:\s]{0,24}?(?:答辩称|辩称)")


def _units(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """The answer's points: cut at ；and 。 alike (one sentence mark is written for the other), at line
    breaks, and before a numbered point whatever mark precedes it."""
    cuts = {lo, hi} | {lo + m.end() for m in re.finditer(r"[；;。\n]", text[lo:hi])}
    cuts |= {m.start() for m in _POINT.finditer(text, lo, hi)}
    cuts |= {m.start() for m in _SPEAKS.finditer(text, lo, hi)}
    ordered = sorted(cuts)
    return [(a, b) for a, b in zip(ordered, ordered[1:], strict=False) if text[a:b].strip()]


def _reach(doc: Document, units: list[tuple[int, int]], index: int) -> int:
    """How far the unit's last item segment may run: into the next unit, up to that unit's own first item, when
    that unit is no numbered point and no new statement and either the item word closed its own unit
    (…计算误工费；对原告主张的月收入计算错误), the next unit turns (…标准没有异议；但是没有证据…) or holds a figure
    before its own item (医疗费应扣除非医保用药；认可36000元 / …优先赔偿；以30000元为宜，车辆损失无异议): the run-on
    clause's subject is the item before it."""
    text = doc.text
    lo, hi = units[index]
    if index + 1 >= len(units):
        return hi
    next_lo, next_hi = units[index + 1]
    words = item_words(text, lo, hi)
    if not words or words[-1][2] is None:
        return hi
    later = item_words(text, next_lo, next_hi)  # up to the next unit's own item (以30,000元为宜，电动自行车损失…)
    next_hi = later[0][0] if later else next_hi
    if _POINT.match(text, next_lo) or re.search(r"[辩辨]称|称[：:]", text[next_lo:next_hi]):
        return hi
    closes = not re.search(r"[^\s，,。；;：:、]", text[words[-1][1]:hi])
    turn = re.match(r"\s*(?:但是?|然而|可是|却)", text[next_lo:next_hi]) is not None  # 标准没有异议；但是…
    if closes or turn or doc.mentions_in(next_lo, next_hi, "money"):
        return next_hi
    return hi


# 由法院依法酌定 / 请法院依法认定 / 以法院核定为准: the item left to the court is no stance (README, dev2: 424, 497).
_LEFT_TO_COURT = re.compile(r"(?:由|请|交由|望|请求)(?:人民)?(?:法院|贵院|本院)[^，,。；;]{0,6}?(?:酌定|认定|判定|确定|核定|裁决|判决|裁量)"
                            r"|以(?:人民)?(?:法院|贵院)[^，,。；;]{0,4}(?:核定|认定|判定|确定)为准")


def _stance(chunk: str) -> str | None:
    chunk = _LEFT_TO_COURT.sub("", chunk)
    if CONTEST.search(chunk):
        return "contest"
    if ADMIT.search(chunk):
        return "admit"
    return None


def _counter_figure(doc: Document, lo: int, hi: int) -> str | None:
    text = doc.text
    figure = None
    for mention in doc.mentions_in(lo, hi, "money"):
        before = text[max(0, mention.start - 4):mention.start]
        after = text[mention.end:mention.end + 4]
        if _RATE_BEFORE.search(text[max(0, mention.start - 5):mention.start]) or after.startswith(("/", "每")):
            continue
        if _HIGH_AFTER.match(after):
            continue
        if _MARKER.search(before) or after.startswith("为宜"):
            figure = mention.value
    return figure


class _Found:
    def __init__(self) -> None:
        self.positions: dict[str, str] = {}
        self.values: dict[str, Any] = {}
        self.spans: dict[str, list[tuple[int, int]]] = {}
        self.grades_admitted: list[int] = []  # the grades of the clause that admits the appraisal (七级及十级伤残无异议)
        self.left_to_court: set[str] = set()  # items an answer leaves to the court (由法院认定): no stance

    def record(self, eid: str, position: str, value: Any, span: tuple[int, int]) -> None:
        if eid not in self.positions:
            self.positions[eid], self.values[eid], self.spans[eid] = position, value, [span]
        elif self.positions[eid] == "admit" and position == "contest":
            # 医疗费没有异议 (the driver), then 医疗费…应扣除10% (the insurer): contested when any defendant contests
            self.positions[eid], self.values[eid] = position, value
            self.spans[eid].append(span)
        elif (self.positions[eid] == position == "contest" and isinstance(value, list)
              and isinstance(self.values[eid], list)):
            # advances asserted in several statements (the driver's, then the insurer's) make one list
            self.values[eid] = self.values[eid] + [row for row in value if row not in self.values[eid]]
            self.spans[eid].append(span)
        elif self.positions[eid] == "contest" and position == "contest" and value is not None and self.values[eid] is None:
            self.values[eid] = value
            self.spans[eid].append(span)


_ADVANCE_VERB = re.compile(r"垫付|预付|已经?支付|支付了|已付|支付给|给付了?|交纳了|已(?:经)?赔偿了?|"
                           r"(?<![支交给])付了(?=[^，,。；;]{0,10}?\d)|已[^，,。；;]{0,10}?并赔偿(?:了)?原告(?=(?:人民币)?\d)|(?:缴纳|交纳)(?=[^，,。；;]{0,6}(?:押金|保证金))|"
                           r"(?:赔偿|支付)了(?=[^，,。；;]{0,10}?\d)|"
                           r"(?:已|已经|先行)[^，,。；;不]{0,14}?赔付|赔付了|已理赔|理赔了|"
                           r"(?<=[为给向替]原告)(?:支付|给付)(?=[^，,。；;]{0,8}?\d)")  # 为原告支付医疗费5000元
# An advance's own items after its verb: "垫付医疗费30000元，护理费3000元" / "…28061.78元、修理费900元及护理费2520元";
# a 合计 / 共计 closes the list (it repeats the items), so does anything that is not a short item name.
_ADVANCE_NEXT = re.compile(r"[，,、及和]?(?:人民币)?[\u4e00-\u9fa5（）()]{0,14}?(?:人民币)?")
_ADVANCE_STOP = re.compile(r"合计|共计|总计|辩称|认可|应|为宜|[。；;]")
_CLAIM_DENIED = re.compile(
    r"驳回原告的?(?:全部|所有)?诉讼请求|(?<![费金失])(?<!费用)(?:诉请|诉求|诉讼请求|起诉数额|请求数额|索赔数额)[^，。；]{0,4}" + _TOO_HIGH + r"|诉请都不同意|"
    r"原告的?(?:要求|请求|诉请|诉求)[^，。；]{0,2}" + _TOO_HIGH + r"|"
    r"不同意赔偿|不同意原告的?(?:全部|所有)?(?:诉讼请求|诉请)|被告[A-Z\u4e00-\u9fa5]{0,4}不应承担(?:任何)?赔偿责任|不应承担任何|不需要承担任何|"
    r"诉讼请求[^。；]{0,6}(?<!没)有异议|赔偿这么多|各项(?:经济)?(?:损失|费用|赔偿)[^，。；]{0,4}(?:(?<!没)有异议|" + _TOO_HIGH + r")|"
    r"(?:要求|主张|请求|诉请)的?(?:赔偿|给付|支付)?的?(?:金额|数额|损失|费用|赔偿款?|款项)[^，。；]{0,4}" + _TOO_HIGH + r"|"
    r"(?<![^，,。；;：:\s但])(?:赔偿|索赔)的?(?:金额|数额)[^，。；]{0,4}" + _TOO_HIGH + r"|"
    r"驳回(?:原告|其|对方)[^，。；]{0,10}(?:诉讼请求|诉请|起诉)|"
    r"(?:诉请|诉求|诉讼请求|起诉|请求)[^，。；]{0,6}(?:缺乏|没有|无)[^，。；]{0,6}依据|"
    r"(?:诉请|诉求|诉讼请求|请求)[^，。；]{0,4}不合理|损失[^，。；]{0,4}(?:计算)?(?:有误|错误|不实)|(?:我方|我公司|答辩人|本人|我)[^，。；]{0,2}不(?:应当?)?承担(?:任何)?赔偿责任")
# 原告所诉属实 / 认可原告起诉的事实: every fact the complaint states is admitted (README, answer positions).
_BLANKET = re.compile(r"原告(?:所诉|所述|诉称|陈述)的?(?:事实|事故经过)?(?:属实|" + _NO_OBJECTION + ")"
                      r"|(?:认可|对)原告(?:起诉|所诉|陈述|诉称)的?(?:事实|事故经过)(?:" + _NO_OBJECTION + "|属实)?")
# 对原告的诉讼请求没有意见 / 对原告的诉请无异议: the claims admitted, the sum asked with them.
_CLAIMS_ADMITTED = re.compile(r"对原告的?(?:诉讼请求|诉请|起诉)(?:" + _NO_OBJECTION + "|没有意见|无意见)"
                              r"|(?<!不)(?:同意|认可|接受)原告的?(?:全部)?(?:诉讼请求|诉请)")
_GRADE_CONTESTED = re.compile(r"重新鉴定|(?<!没)有异议|不予认定|过高|偏高|不认可|不予认可|没有鉴定结论|鉴定程序不合法|不构成伤残")
# 原告的伤情不构成伤残 / 未达到伤残等级: the grade denied, whatever follows.
_NOT_DISABLED = re.compile(r"(?:不|未|没有)(?:构成|达到|够)(?:任何)?伤残")
# 另一处瘢痕不构成十级伤残: one grade of the appraisal denied (after another admitted: the further grade contested).
_GRADE_DENIED = re.compile(r"(?:不|未|没有)(?:构成|达到|够)[一二三四五六七八九十]{1,2}级伤残")


_CLAUSE_CUT = re.compile(r"[，。；;]|,(?!\d{3})")  # not the comma of 10,000


def _clause(text: str, at: int, lo: int, hi: int) -> tuple[int, int]:
    """The clause around ``at`` (cut at ，。； and a comma that is no thousands separator)."""
    starts = [m.end() for m in _CLAUSE_CUT.finditer(text, lo, at)]
    end = _CLAUSE_CUT.search(text, at, hi)
    return (starts[-1] if starts else lo), (end.start() if end else hi)


def _in_advance(text: str, at: int, lo: int) -> bool:
    """本人垫付给原告医疗费28061.78元、修理费900元: the items named after an advance verb in its clause."""
    start, end = _clause(text, at, lo, len(text))
    verb = _ADVANCE_VERB.search(text, start)  # not bounded at `at`: the verb's lookahead reads past it
    if verb is not None and verb.start() < at:
        return True
    if verb is not None and verb.start() < end and re.search(r"[\d.,]+元" + _PAID_BY.pattern + "$", text[start:verb.start()]):
        return True  # 原告的医疗费27458.20元都是我垫付的: the item before the advance's figure and verb
    # a bare item of the same list in the next clause: 垫付医疗费30000元，护理费3000元
    return start > lo and _BARE_ITEM.fullmatch(text, start, end) is not None and _in_advance(text, start - 1, lo)


_BARE_ITEM = re.compile(r"[\u4e00-\u9fa5（）()]{0,14}?(?:人民币)?[\d.,]+元")


_LIMIT_AFTER = re.compile(r"(?:的)?(?:赔偿|责任)?限额")


# What may stand between an item word and the next one of the same list: separators, its amount, 的.
_LIST_MEMBER = re.compile(r"[、，,及和与以\s的：:]*(?:人民币)?(?:[\d.,]+万?元)?[、，,及和与以\s]*(?:均|都|以上|上述|等)?")
_LOSS_DENIED = re.compile(r"(?:无|没有|不存在|不产生|未产生)(?:任何)?$")
_BETWEEN_ITEMS = "、，,；;：:。及和与以\n 对的"
_PROPOSAL = re.compile(r"按(?:照)?[^，。；]{0,14}(?:计算|计付|赔偿|支付)|(?:每天|每日|每月)[\d.]+元")
# A clause that says something else of the item (鉴定费由法院依法判定 once the court's part is taken out).
_OTHER_PREDICATE = re.compile(r"由|请|应|系|是|为|属|有")
_QUALIFIED_ADMIT = re.compile(r"认可[^，。；]{0,4}?\d+(?:个月|天|日|年|个)")


def _items(doc: Document, found: _Found, lo: int, hi: int, reach: int | None = None) -> None:
    """The items of one unit; the last one's segment runs to `reach` (the run-on clause after, `_reach`)."""
    text = doc.text
    # 财产损失赔偿限额为2000元 names the insurance cap, not the item claimed: no stance, no counter-figure
    words = [(s, e, item) for s, e, item in item_words(text, lo, hi)
             if item and text[s:e] not in COMPLAINT_ONLY_WORDS and not _in_advance(text, s, lo)
             and not _LIMIT_AFTER.match(text, e)]
    segments = []
    for index, (start, end, item) in enumerate(words):
        stop = words[index + 1][0] if index + 1 < len(words) else (reach or hi)
        if court := _LEFT_TO_COURT.match(text, end):
            # 住院伙食费由法院依法判定，原告没有提供…: the court's clause closes the item, a new subject follows
            closed = _CLAUSE_CUT.search(text, court.end(), stop)
            stop = closed.start() if closed else stop
        segments.append((item, start, end, stop, _stance(text[start:stop])))
    unit_stance = _stance(text[lo:hi])
    for index, (item, start, end, stop, stance) in enumerate(segments):
        if index and text[start - 1] not in _BETWEEN_ITEMS and not re.search(r"[，,、；;：:。]", text[segments[index - 1][2]:start]):
            continue  # 被扶养人生活费应计入残疾赔偿金: the word is the object of the item before it
        if stance is None and _LOSS_DENIED.search(text, max(lo, start - 4), start):
            stance = "contest"  # 无误工损失 / 不存在护理费: the loss itself denied
        elif stance is None and _LIST_MEMBER.fullmatch(text, end, stop):
            # 营养费、住院伙食补助费、交通费无异议 / 医疗费10000元，交通费500元，均无异议: a member of the list
            later = next((s for *_, s in segments[index + 1:] if s is not None), None)
            stance = later or unit_stance
        elif stance is None and _PROPOSAL.search(text, end, stop):
            stance = "contest"  # 护理费按每天100元计算: a way of its own to compute the item
        elif stance is None:
            if _LEFT_TO_COURT.match(text, end):
                found.left_to_court.add(item)  # 7、鉴定费由法院认定: no stance, whatever clause the generic stage cut
            stance = unit_stance if not _OTHER_PREDICATE.search(text, end, stop) else None
        elif stance == "admit" and _QUALIFIED_ADMIT.search(text, end, stop):
            stance = "contest"  # 误工费认可3个月: admitted only for a period of its own
        value = _counter_figure(doc, start, stop)
        if stance is None and value is not None:
            stance = "contest"  # 营养费按每天30元计算60日，为1800元
        if stance is None:
            continue
        if stance == "admit" and value is not None:
            stance = "contest"  # 医疗费认可36000元: an amount of its own is a contest of the claimed one
        value = value if stance == "contest" else None
        found.record(item, stance, value, (start, stop))


def _facts(doc: Document, found: _Found, lo: int, hi: int, names: list[tuple[str, str]]) -> None:
    text = doc.text
    chunk = text[lo:hi]
    if re.search(r"投保|承保", chunk) and not re.search(r"未投保", chunk):
        found.record("vehicles", "admit", None, (lo, hi))
    _share(text, found, lo, hi)
    _advances(doc, found, lo, hi, names)
    if _NO_COLLISION.search(chunk):
        found.record("accident_date", "contest", None, (lo, hi))
    if _CLAIM_DENIED.search(chunk):
        found.record("claim_total", "contest", None, (lo, hi))
    claims_admitted = _CLAIMS_ADMITTED.search(chunk) is not None
    bare = any(_BARE_NO_OBJECTION.fullmatch(re.sub(r"^[^，。；：:]{0,30}?[辩辨]称[：:，,]?", "", sentence.strip()))
               for sentence in re.findall(r"[^。]+。?", chunk))  # 被告PER辩称：无异议。 beside another statement
    if (_BLANKET.search(chunk) or claims_admitted or bare) and not _NO_COLLISION.search(chunk):
        stated = _stated_in_complaint(doc, claims_admitted)
        # with its complaint at hand, the total is admitted only when the complaint states one
        total = ("claim_total",) if claims_admitted and stated is None else ()
        for eid in ("accident_date", "liability", *total, *(stated or [])):
            found.record(eid, "admit", None, (lo, hi))
    if _OTHER_ALLOCATION.search(chunk):
        found.record("liability", "contest", None, (lo, hi))  # 其不存在过错: a contest without a stance word
    if _ACCIDENT_ADMITTED.search(chunk):
        found.record("accident_date", "admit", None, (lo, hi))  # 发生事故是事实；… : an admission by itself
    stance = _stance(chunk)
    if stance is None and _RURAL.search(chunk) and re.search(r"应当?(?:按照?|以)", chunk):
        # 且原告户籍是农户，应当按照农民标准进行赔偿 after a ；: the standard asked is a stance by itself
        found.record("victim_residence", "contest", "rural", (lo, hi))
    if stance is None:
        return
    if (re.search(r"农村(?:居民|户籍|户口)?(?:人均|标准)|按(?:照)?农村|农民标准|农村居民", chunk) and re.search(r"应|按照", chunk)) or (
            _URBAN_OBJECTED.search(chunk)):
        found.record("victim_residence", "contest", "rural", (lo, hi))
    if _ACCIDENT_ADMITTED.search(chunk):
        found.record("accident_date", "admit", None, (lo, hi))
    elif re.search(r"事故事实|事故的(?:基本|主要)?事实|事故证明[^，。；]{0,6}" + _NO_OBJECTION + r"|事故发生(?!后|时|在|以后|之后|于|是|系|的(?:时间|日期)[为是])|事故经过|事故的发生(?![^，。；]{0,4}过错|系|是|由)"
                   r"|发生经过", chunk):
        found.record("accident_date", "admit" if ADMIT.search(chunk) else stance, None, (lo, hi))
    if _OTHER_ALLOCATION.search(chunk):
        found.record("liability", "contest", None, (lo, hi))
    elif _ALLOCATION.search(chunk):
        found.record("liability", _allocation_stance(text, lo, hi, stance), None, (lo, hi))
    else:
        said = [_stance(text[slice(*_clause(text, m.start(), lo, hi))]) for m in _BARE_ALLOCATION.finditer(text, lo, hi)]
        if any(said):
            found.record("liability", "contest" if "contest" in said else "admit", None, (lo, hi))
    if re.search(r"优先赔偿|优先支付", chunk) and "精神" in chunk:
        found.record("mental_damages_first", "admit" if re.search(r"同意|" + _NO_OBJECTION, chunk) else stance, None, (lo, hi))
    for eid, word in _DAYS.items():
        match = re.search(word + r"(认可|应为|应按|按|为)?(\d{1,4})(?:日|天)(" + _NO_OBJECTION + ")?", chunk)
        if match and match.group(3):
            found.record(eid, "admit", None, (lo, hi))
        elif match and match.group(1):
            found.record(eid, "contest", int(match.group(2)), (lo, hi))
    grade = re.search(r"伤残等级|级伤残|鉴定意见|伤残", chunk)
    admitted = _GRADE_ADMITTED.search(chunk)
    # 九级伤残无异议，对十级伤残有异议，申请重新鉴定: the admission comes first, the contest is of a further grade
    # (whatever mark joins them: a ；, a 。 or a comma)
    admitted_first = admitted is not None and not _GRADE_CONTEST.search(chunk, 0, admitted.start())
    if grade and admitted_first and "disability_grade" not in found.positions:
        assert admitted is not None
        _grade_admitted(found, chunk, admitted, (lo, hi))
        if _GRADE_CONTEST.search(chunk, admitted.end()):
            found.record("extra_disability_grades", "contest", found.grades_admitted[1:] or None, (lo, hi))
    elif grade and re.search(r"(?:申请|要求)[^，。；]{0,4}重新鉴定", chunk) and not re.search(r"(?:误工|护理|营养)(?:期|时间)", chunk) \
            and "disability_grade" not in found.positions:
        found.record("disability_grade", "contest", None, (lo, hi))  # 因此我公司申请重新鉴定: the grade contested
    elif grade:
        if found.positions.get("disability_grade") == "admit" and (re.search(r"(?<!没)有异议|重新鉴定", chunk)
                                                                  or _GRADE_DENIED.search(chunk)):
            # a further grade denied after an admitted one (a contested grade asked again is the same contest):
            # the further grades the answer itself admits beside the highest (七级及十级伤残无异议 → [10]), if any
            found.record("extra_disability_grades", "contest", found.grades_admitted[1:] or None, (lo, hi))
        elif "disability_grade" in found.positions:
            pass  # the grade already has its position: a contest asked again is the same contest
        elif admitted:
            _grade_admitted(found, chunk, admitted, (lo, hi))
        elif _NOT_DISABLED.search(chunk) or re.search(r"伤残[^。；]{0,16}(?:" + _GRADE_CONTESTED.pattern + ")|(?:" + _GRADE_CONTESTED.pattern
                       + r")[^。；]{0,6}伤残|鉴定意见[^。；]{0,6}(?<!没)有异议", chunk):
            found.record("disability_grade", "contest", None, (lo, hi))
    _advances(doc, found, lo, hi, names)


_GRADE_ADMITTED = re.compile(r"级伤残[^，。；]{0,4}NO|伤残等级[^，。；]{0,8}NO|鉴定(?:意见|结论)NO".replace("NO", _NO_OBJECTION))
_GRADE_CONTEST = re.compile(r"(?<!没)有异议|重新鉴定|不予认可|不认可|(?:不|未|没有)(?:构成|达到|够)[一二三四五六七八九十]{0,2}级?伤残")


def _grade_admitted(found: _Found, chunk: str, admitted: re.Match[str], span: tuple[int, int]) -> None:
    """The grade admitted, and the grades of the admitting clause (七级及十级伤残无异议 → 7, 10)."""
    found.record("disability_grade", "admit", None, span)
    grades = [parse_small(word) for word in re.findall(r"([一二三四五六七八九十]{1,2})级伤残", chunk[:admitted.end()])]
    found.grades_admitted = sorted(grade for grade in grades if grade is not None and 1 <= grade <= 10)


# 被告PER辩称：无异议。 — a statement that is only "no objection" is a blanket admission.
_BARE_NO_OBJECTION = re.compile(r"(?:对此|对原告的?(?:起诉|诉称))?(?:均|都)?" + _NO_OBJECTION + "[。；;，,]?")
# A blanket admits facts the defendant can speak to; whether the victim died is the case's own fact, and no
# gold set annotates a stance on it (lawbench_traffic_dev / dev2 / dev3: none).
_NOT_ADMITTED_BY_BLANKET = ("death",)


def _stated_in_complaint(doc: Document, claims_too: bool) -> list[str] | None:
    """What a blanket admission admits beyond the accident and the allocation: every fact the complaint it
    replies to states (认可原告起诉的事实: its grade, its days, its advances), and with 对原告的诉请无异议 every
    item it claims too. Without the complaint, only the accident and the allocation are known to be admitted."""
    from engine.extraction.pipeline import replied_to  # the pipeline imports spaCy: only when an answer asks

    complaint = replied_to(doc)
    if complaint is None:
        return None
    sections = ("facts", "damages", "claims") if claims_too else ("facts",)
    table = doc.casetype.table
    return [eid for eid in complaint.results if eid in table.entries and table.section_of(eid) in sections
            and eid not in _NOT_ADMITTED_BY_BLANKET]


# 原被告发生交通事故是事实 admits the accident even when the sentence goes on to contest the 认定书.
_ACCIDENT_ADMITTED = re.compile(r"(?:发生(?:了)?)?(?:本次|本起|此次)?(?:道路)?交通事故(?:的发生)?(?:是事实|属实|事实清楚)|事故(?:事实)?属实"
                                r"|发生(?:了)?(?:本次|本起|此次)?事故(?:是事实|属实)"
                                r"|对[^，。；]{0,10}发生(?:了)?(?:交通)?事故[^。；]{0,24}?" + _NO_OBJECTION
                                + r"|对(?:本次|此次|该起|本起|这起)?(?:交通)?事故(?:本身)?(?:" + _NO_OBJECTION + "|认可)"
                                r"|对(?:本次|此次|该起|本起|这起)?(?:交通)?事故的?(?:责任)?事实(?:" + _NO_OBJECTION + "|认可)")
# The answer puts the fault elsewhere than the 认定书 does: the allocation is contested.
_OTHER_ALLOCATION = re.compile(r"应负(?:本次|本起)?事故的?(?:主要|次要|同等)责任|过错在于|责任并不(?:是|全)|分清责任"
                              r"|(?:其|我|我方|本人|答辩人|被告(?:[A-Z]{2,4})?)(?:对[^，。；]{0,8})?不存在(?:任何)?过错"
                              r"|事故(?:的)?发生(?:是|系)由[^，。；]{0,12}(?:原因|过错)(?:所)?造成"
                              r"|应由原告(?:[A-Z]{2,4})?(?:自行)?承担(?:全部|主要)(?:事故)?责任"
                              r"|不应(?:承担|负)(?:本次|本起)?(?:事故)?的?(?:全部|主要|同等)(?:事故)?责任")
_RURAL = re.compile(r"农村(?:居民|户籍|户口)?(?:人均|标准)|按(?:照)?农村|农民标准|农村居民")
_ALLOCATION = re.compile(r"责任认定|认定书|责任划分|的认定|认定的(?:事故)?责任|对[^，。；]{0,8}事故认定")
# 交警部门作出的事故认定不客观: a bare 事故认定 speaks of the allocation only with a stance in its own clause
# (协调事故认定事宜 is none).
_BARE_ALLOCATION = re.compile(r"事故认定")
# 未发生碰撞 / 没有接触 / 系自行摔倒: the accident itself is denied.
# 其主张按城镇居民标准计算…没有依据: the urban standard objected to, the rural one asked.
_URBAN_OBJECTED = re.compile(r"城镇[^，。；]{0,10}(?:标准|人均|可支配)[^。；]{0,16}?(?:没有依据|无依据|不予认可|不认可|不应|缺乏|不符合)")
_NO_COLLISION = re.compile(r"(?:未|没有|并未|并没有|不曾)曾?(?:与[^，,。；;]{0,10})?(?:发生)?(?:碰撞|接触|相撞|刮擦)|自行摔倒|自己摔倒"
                           r"|单方事故|与(?:我|本|被告|答辩人)[^，,。；;]{0,10}(?:车辆|车)无关")  # the vehicle not involved


# 对认定书的真实性无异议，但对其证明内容有异议: the document admitted, what it finds contested.
_BUT_CONTENT = re.compile(r"但(?:是)?对其[^，。；]{0,10}(?<!没)有异议")


def _allocation_stance(text: str, lo: int, hi: int, stance: str) -> str:
    """The stance of the clauses that speak of the 认定书 (对责任认定无异议 / 交警的认定有误), else of the unit:
    发生交通事故属实，但…交警的认定有误 admits the accident, not the allocation."""
    said = [_stance(text[slice(*_clause(text, m.start(), lo, hi))]) for m in _ALLOCATION.finditer(text, lo, hi)]
    if "contest" in said or ("admit" in said and _BUT_CONTENT.search(text, lo, hi)):
        return "contest"
    if "admit" in said:
        return "admit"
    return "admit" if ADMIT.search(text, lo, hi) and not re.search(r"认定.{0,6}(?<!没)有异议", text[lo:hi]) else stance
# A percentage taken off an item (核减10%的非医保用药) is no share of liability.
_DEDUCTION = re.compile(r"扣除|核减|减去|非医保|自费|免赔")
# 自愿承担70%的责任 / 同意承担30%: the share the defendant offers for its own side, a stance by itself.
# 同意 only right before its verb: 同意在商业三者险限额内按70%承担 agrees to the share claimed (team corpus
# mva_a_002: admit), 同意承担30% names its own; so does the insurer saying what it pays (我公司在…内承担70%).
_OWN_OFFER = re.compile(r"(?:(?:自愿|愿意|愿|只|仅)[^，。；]{0,14}?|"
                        r"(?:我公司|本公司|答辩人|我方|保险公司|被告(?:[A-Z]{2,4})?|机动车一方)(?:(?!同意)[^，。；]){0,14}?|同意)"
                        r"(?:按|承担)[^，。；]{0,6}$")
# 原告应自行承担70%的责任 / 原告PER应承担80%: the victim's own share — the defendant's side is the rest.
_VICTIM_SHARE = re.compile(r"(?:原告|受害人|死者|伤者|非机动车一方|行人)(?:[A-Z]{2,4})?(?:自身|本人)?(?:也|亦)?(?:应|应当|应该|需)?"
                           r"(?:自行|自己)?(?:承担|负担|负|自负)[^，。；%％\d]{0,4}$|(?:自负|自担|自行承担)[^，。；%％\d]{0,4}$"
                           # 原告自身也有过错，应承担30%的责任: the subject is the clause before
                           r"|(?:原告|受害人|死者|伤者)(?:[A-Z]{2,4})?[^，。；]{0,8}过错[，,](?:其|故)?(?:也|亦)?(?:应|应当|应该)"
                           r"(?:自行)?(?:承担|负担|自负)[^，。；%％\d]{0,4}$"
                           # 原告无证驾驶…，会车时没有减速存在严重过错，应承担80％: its fault told over several clauses
                           r"|(?:原告|受害人|死者|伤者)(?:[A-Z]{2,4})?(?:(?!被告|我|保险|答辩人|本人)[^。；]){0,48}?过错[，,；;]"
                           r"(?:其|故)?(?:也|亦)?(?:应|应当|应该)(?:自行)?(?:承担|负担|自负)[^，。；%％\d]{0,4}$")
_BEYOND_COMPULSORY = re.compile(r"超[出过](?:了)?(?:交强险|强制险|机动车交通事故责任强制保险)")


def _share_statement(text: str, lo: int, at: int, hi: int) -> str:
    """The share's own statement, from its 超出交强险部分 when one opens it: what the clauses before say (投保…属实,
    两车交强险应按各自责任限额分摊) is said of the policy and of 交强险, not of the share (run on by commas)."""
    opened = [m.start() for m in _BEYOND_COMPULSORY.finditer(text, lo, at)]
    return text[opened[-1] if opened else lo:hi]


def _share(text: str, found: _Found, lo: int, hi: int) -> None:
    chunk = text[lo:hi]
    percents = [m for m in _PERCENT.finditer(text, lo, hi)
                if not re.search(r"伤残|指数|系数", text[max(0, m.start() - 8):m.end() + 4])
                and not _DEDUCTION.search(text[max(lo, m.start() - 8):m.end() + 6])]
    if not percents:
        ratio = ratio_share(text, lo, hi)
        if ratio is not None and (_stance(chunk) or re.search(r"应按|应当按|应以", chunk)):
            found.record("liability_share", "contest", ratio, (lo, hi))
        return
    if not re.search(r"比例|承担|超出交强险|负担|自负", chunk):
        return
    own = next((m for m in percents if not text[m.end():m.end() + 3].startswith("过高")), percents[0])
    capped = next((m for m in percents if re.search(r"(?:不应|不得|不能|不)超过$", text[max(lo, m.start() - 4):m.start()])), None)
    if capped is not None and re.search(r"承担|负", text[max(lo, capped.start() - 12):capped.start()]):
        # 承担责任不应超过15%: the cap the answerer puts on its own share, whatever the other figure says
        found.record("liability_share", "contest", capped.group(1), (lo, hi))
        return
    # the victim's fault may be told in the clause before a ；(存在严重过错；应承担80%): back to the sentence's start
    sentence = max(text.rfind(c, 0, lo) for c in "。\n") + 1 if lo and text[lo - 1] in "；;" else lo
    if _VICTIM_SHARE.search(text, max(sentence, own.start() - 64), own.start()):
        # the victim's share stated as a position of its own: the defendant's side is the rest
        rest = Decimal(100) - Decimal(own.group(1))
        found.record("liability_share", "contest", plain_number(rest), (lo, hi))
        return
    near = text[max(lo, own.start() - 16):own.end() + 6]
    # …由机动车一方承担70%无异议: the share named is agreed to, not offered
    agreed = re.match(r"[^，。；]{0,4}?(?:" + _NO_OBJECTION + "|予以认可)", text[own.end():hi]) is not None
    offered = not agreed and _OWN_OFFER.search(text, max(lo, own.start() - 28), own.start()) is not None
    if not offered and _stance(_share_statement(text, lo, own.start(), hi)) is None:
        return  # 在商业三者险内按30%承担 with no stance: a statement of the policy's share, not a position
    if offered or re.search(r"为宜|过高|偏高|不同意|应按", chunk) or not re.search(_NO_OBJECTION + "|认可|同意", near):
        # 以30%为宜 / 承担责任不应超过15% / 自愿承担70%: the share the defendant proposes for its own side
        found.record("liability_share", "contest", own.group(1), (lo, hi))
    else:
        found.record("liability_share", "admit", None, (lo, hi))


# 医疗费已由被告PER支付 / 其他被告垫付的费用应予扣除: the advance the complaint states relied on (README 90, 117).
_ADVANCE_RELIED_ON = re.compile(r"已由(?:被告|我方|答辩人|保险公司|其他被告)[A-Z]{0,4}[^，。；]{0,4}(?:支付|垫付|赔付|给付)"
                                r"|(?:被告|我方|答辩人|保险公司)[A-Z]{0,4}已经?(?:支付|垫付|赔付|给付)(?![^，。；]{0,10}\d)"
                                r"|垫付的?(?:费用|款项|金额|部分)?(?:应予?|应当)?(?:扣除|抵扣|抵减)")
_PAST_ADVANCE = re.compile(r"已(?:经)?(?:为|给|向)?(?:原告)?垫付|垫付(?:过|了)|曾[^，。；]{0,6}垫付")


# 在交警队交纳了押金5000元: money left with the police is no advance unless the plaintiff got it (README:
# paid_in_advance, 241 vs 2, 96).
_DEPOSIT = re.compile(r"交警(?:队|大队|部门)?[^，。；]{0,8}(?:押金|保证金)|(?:押金|保证金)[^，。；]{0,8}交警|交警(?:队|大队|部门)?(?:处|账户)")
_RECEIVED = re.compile(r"原告[^，。；]{0,6}(?:领取|领走|收到|取走)|(?:转交|转付|交付)(?:给)?原告")


def _paid_to_plaintiff(text: str, at: int, lo: int, hi: int) -> bool:
    """Whether money paid is the plaintiff's: not a deposit left with the police unless the sentence (to its
    。: the receipt may follow a ；, 押金一万元；该押金已由原告领取) says the plaintiff got it."""
    start, end = _clause(text, at, lo, hi)
    if not _DEPOSIT.search(text, start, end):
        return True
    sentence_lo = max(text.rfind(c, 0, at) for c in "。\n") + 1
    stops = [i for i in (text.find(c, at) for c in "。\n") if i >= 0]
    return _RECEIVED.search(text, min(lo, sentence_lo), max([hi, min(stops or [len(text)])])) is not None


def _advances(doc: Document, found: _Found, lo: int, hi: int, names: list[tuple[str, str]]) -> None:
    """An advance is asserted whatever else the unit says (事发当晚…并交纳了21000元的丧葬费 has no stance word)."""
    text = doc.text
    verb = next((v for v in _ADVANCE_VERB.finditer(text, lo, hi) if _paid_to_plaintiff(text, v.start(), lo, hi)),
                None)
    if verb and doc.mentions_in(lo, hi, "money"):
        clause = text[slice(*_clause(text, verb.start(), lo, hi))]
        if ADMIT.search(clause) and not re.search(r"有误|实际|另", clause):
            found.record("paid_in_advance", "admit", None, (lo, hi))
        else:
            found.record("paid_in_advance", "contest", _advance_rows(doc, lo, hi, names) or None, (lo, hi))
    elif _PAST_ADVANCE.search(text, lo, hi):
        found.record("paid_in_advance", "contest", None, (lo, hi))  # 已经给原告垫付过部分医疗费: no figure
    elif _ADVANCE_RELIED_ON.search(text, lo, hi):
        found.record("paid_in_advance", "admit", None, (lo, hi))


def _payer(doc: Document, at: int, lo: int, names: list[tuple[str, str]], answerer: str) -> str:
    """The payer named in the advance's own clause. 原告 there is the recipient (为原告支付了…); a bare 被告 or
    被告PER (a masked name no party block gives) and 本人 / 我方 / 我公司 (no name) are the answering side."""
    text = doc.text
    start = _clause(text, at, lo, at)[0]
    known = {p.get("name") for p in doc.parties.get("defendants") or []}
    near = [(w, n) for w, n in names if w != "原告" and text.rfind(w, start, at) >= 0]
    payer = last_name_before(text, at, near, 24)
    if payer is None:
        return answerer
    written = max((w for w, n in near if n == payer), key=len)
    if payer not in known and (written == "被告" or text[:text.rfind(written, start, at)].endswith("被告")):
        return answerer
    return payer


def _advance_rows(doc: Document, lo: int, hi: int, names: list[tuple[str, str]]) -> list[dict[str, Any]]:
    """Each advance the answer asserts, item by item: the payer named before the verb, else the answering defendant."""
    text = doc.text
    answerer = next((n for w, n in names if w == "答辩人"), None) or "被告"
    rows: list[dict[str, Any]] = []
    victims = {p["name"] for p in doc.parties.get("plaintiffs") or []}
    names = [(w, n) for w, n in names if n not in victims and not set(n.split("、")) & victims]
    used: set[int] = set()
    for verb in _ADVANCE_VERB.finditer(text, lo, hi):
        if not _paid_to_plaintiff(text, verb.start(), lo, hi):
            continue
        payer = _payer(doc, verb.start(), lo, names, answerer)
        last = verb.end()
        start = _clause(text, verb.start(), lo, hi)[0]
        before = [m for m in doc.mentions_in(start, verb.start(), "money")
                  if _PAID_BY.fullmatch(text, m.end, verb.start())]
        if before and before[-1].start not in used:
            # 原告的医疗费27458.20元都是我垫付的: the figure before the verb, the payer after it; what follows the
            # verb is another matter (还给了…拖车费650元)
            used.add(before[-1].start)
            rows.append({"payer": answerer, "amount": before[-1].value})
            continue
        for index, mention in enumerate(doc.mentions_in(verb.end(), hi, "money")):
            gap = text[last:mention.start]
            if index and (_ADVANCE_STOP.search(gap) or not _ADVANCE_NEXT.fullmatch(gap)):
                break
            if mention.start not in used:
                used.add(mention.start)
                rows.append({"payer": payer, "amount": mention.value})
            last = mention.end
    return rows


# Between an advance's figure and its verb: 27458.20元都是我垫付的 / 5000元系被告PER垫付.
_PAID_BY = re.compile(r"(?:都|均|全|全部)?(?:是|系|由)(?:我|我方|本人|被告|答辩人)?(?:[A-Z]{2,4})?(?:已经?|先行)?")
_HEADER_LINE = re.compile(r"(?![^\n]*辩称)(?:(?:民事)?答辩状\s*$|(?:答辩人|被答辩人|委托诉讼代理人|法定代表人|负责人|原告|被告)[^\n]{0,12}[：:])")


def _body(doc: Document) -> tuple[int, int]:
    """From the first line after the header (答辩人：… 被答辩人：… 委托诉讼代理人：…) to 此致."""
    text = doc.text
    start = 0
    for line in re.finditer(r"[^\n]*\n?", text):
        if not line.group().strip():
            start = line.end()
            continue
        if not _HEADER_LINE.match(line.group().strip()):
            break
        start = line.end()
    end = text.find("此致", start)
    return start, end if end >= 0 else len(text)


def _drop_limit_only(doc: Document, found: _Found, body: tuple[int, int]) -> None:
    """An item the answer names only as an insurance cap (财产损失赔偿限额为2000元) or as what an advance
    paid (其已为原告垫付医疗费8000元): the generic stage's stance on it is none."""
    words = item_words(doc.text)
    for eid in [e for e in doc.positions if e not in found.positions]:
        mentions = [(s, e) for s, e, item in words if item == eid]
        if mentions and all(_LIMIT_AFTER.match(doc.text, e) or _in_advance(doc.text, s, body[0])
                            for s, e in mentions):
            del doc.positions[eid]
            doc.results.pop(eid, None)


# 护理期90日无异议，但每天180元标准过高，按每天120元计算为10800元: the period admitted, its daily rate contested —
# a contest of the fee the period and rate make, with the answer's own total.
_PERIOD_FEE = re.compile(r"(?P<nursing_fee>护理(?:期|时间))|(?P<lost_income>误工(?:期|时间))|(?P<nutrition_fee>营养(?:期|时间))")
_DAILY_RATE = re.compile(r"(?:每天|每日|每月)[\d.,]+元")
_PERIOD_STATEMENT_END = re.compile(r"[。；;\n]")


def _period_rate_contested(doc: Document, found: _Found, lo: int, hi: int) -> None:
    text = doc.text
    for period in _PERIOD_FEE.finditer(text, lo, hi):
        eid = period.lastgroup
        if eid is None or eid in found.positions:
            continue
        stop = _PERIOD_STATEMENT_END.search(text, period.end(), hi)
        end = stop.start() if stop else hi
        segment = text[period.end():end]
        if _DAILY_RATE.search(segment) and _stance(segment) == "contest":
            found.record(eid, "contest", _counter_figure(doc, period.end(), end), (period.start(), end))


def derive_answer(doc: Document, results: dict[str, Any] | None = None) -> None:
    aliases = party_aliases(doc)
    fix_numbered_names(doc, aliases)
    body = _body(doc)
    tidy_parties(doc, body[0])
    for role in ("plaintiffs", "defendants", "third_parties"):
        if role in doc.results and not doc.parties.get(role):
            del doc.results[role]  # all read outside the header: no party list rather than an empty one
        elif role in doc.results:
            doc.results[role].value = [dict(p) for p in doc.parties.get(role, [])]
            doc.results[role].spans = list(doc.party_spans.get(role, [])) or doc.results[role].spans
    answerer = (doc.parties.get("defendants") or [{}])[0].get("name")
    if answerer:
        aliases.setdefault("答辩人", answerer)
    names = names_in(doc, aliases)
    found = _Found()
    units = _units(doc.text, body[0], body[1])
    for index, (lo, hi) in enumerate(units):
        _items(doc, found, lo, hi, _reach(doc, units, index))
        _facts(doc, found, lo, hi, names)
        _period_rate_contested(doc, found, lo, hi)
    if "liability" in found.positions and "liability_document" in doc.positions:
        # 对事故认定书无异议 is the stance on the 认定书's allocation (liability), not on the document itself.
        del doc.positions["liability_document"]
        doc.results.pop("liability_document", None)
    _drop_limit_only(doc, found, body)
    dependants = doc.results.get("dependents")
    if dependants is not None and "dependents" not in found.positions and dependants.spans and all(
            doc.text[start:end] in ITEM_WORDS["dependents_living"] for start, end in dependants.spans):
        # 被扶养人生活费不予认可 is the stance on the item (dependents_living), not on who the dependants are
        doc.positions.pop("dependents", None)
        doc.results.pop("dependents", None)
    for eid in found.left_to_court - set(found.positions):
        # the generic stage's clause ran on past the point's end (…由法院认定，8、…不予认可) into another's stance
        doc.positions.pop(eid, None)
        doc.results.pop(eid, None)
    for eid, position in found.positions.items():
        if eid not in doc.casetype.table.entries:
            continue
        doc.positions[eid] = position
        spans = found.spans[eid]
        doc.results[eid] = Candidate(eid, found.values[eid], spans, 0.7, "answer", spans[0][0])

"""诉讼请求: numbered claim items → the claim elements of any table (the generic money-claim parser).

Inside an item every money/rate/date goes to the claim whose keyword owns it: a keyword
right after the value with no clause break in between (…按年利率10%计算的利息), else the
nearest keyword before it in the item (利息（以5万元为基数，按年息一分五…）). What a claim element
takes follows from its value type and its cues (elements/*.yaml), never from its id:

- money: the first amount it owns in the original claims; with `claim_sum_items` one amount per
  numbered item, summed, replaced by a later 变更 passage and reduced by 撤回…X元+`claim_withdraw_words`;
- interest_claim (interest, penalties): amount / base (…为基数) / rate / start (自…起, `claim_start_anchors`
  such as 借款之日, resolved by the case type's derivation) / end (至…止, until paid);
- name_list: the parties named before its keyword (被告王五对上述债务承担连带清偿责任).
Phrases that hold claim keywords without being claims (以借款本金5万元为基数) are masked by the case
type's `claim_masks` (its package).

The items are split here once for every reader: `claim_items` gives their spans to this parser, `numbered_items`
gives a complaint's items by number to an answer that names one (第二项请求, engine/extraction/claimrefs.py).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from engine.elements.value_types import get_value_type
from engine.extraction.cues import Cues, alternation
from engine.extraction.document import Candidate, Document
from engine.extraction.linescan import first_blank_line_start
from engine.extraction.numerals import parse_small
from engine.extraction.recognisers.money import format_money
from engine.extraction.stops import OrderedSpans

if TYPE_CHECKING:
    from engine.system import CaseType

# Same-line blanks only (linear on runs of blank lines); `claim_items` walks back over the blank lines.
_ITEM_BREAKS = "\n；;。:："
# An item's mark at a line or clause start: 1、 / 1. / 一、 / （1） / (一) / 第一、 (its number in a, b or c).
_ITEM = re.compile(
    r"(?:^|(?<=[\n；;。:：]))[^\S\n]*(?:(?P<a>\d{1,2}|[一二三四五六七八九十]{1,3})\s*[、.．]"
    r"|[（(](?P<b>\d{1,2}|[一二三四五六七八九十]{1,3})[）)]|第(?P<c>[一二三四五六七八九十]+)[、，,])"
    r"|(?<=[，,])[（(](?P<d>\d{1,2}|[一二三四五六七八九十]{1,3})[）)]"
)
_LAST_ITEM_END = re.compile(r"[。\n]")  # the last numbered item runs to its sentence's end
_BREAK = re.compile(r"[，,；;（）()。]")
_UNTIL_PAID = re.compile(
    r"(?:至|到|为|计至|算至)(?:借款|款项|款|本息|全部款项|全部欠款|全部借款|债务|三被告|二被告|两被告|被告)?(?:实际)?(?:全部)?"
    r"(?:清偿|还清|付清|偿清|给付|偿还|归还|履行完毕|履行|支付|还款|付款|结清|清)(?:[^，,。；;）)]{0,8}?(?:之日|日|时)(?:止|为止)?|为止)"
)
# Phrases inside an interest claim that hold claim keywords without being a claim of their own:
# 以借款本金5万元为基数, 自借款之日起, and the until-paid phrase (至借款还清之日止, matched above).
_START_BEFORE = re.compile(r"(?:自|从|由)$")
_START_AFTER = re.compile(r"起|开始")  # used with .match: anchored where it starts
_AFTER_DAY = re.compile(r"之后|以后|后(?!来)")
_END_BEFORE = re.compile(r"(?:至|到|截至|截止|计至|算至)$")
_FROM_AFTER = re.compile(r"(?:自|从)")
_CHANGED_TO = re.compile(r"变更为$")
_BASE_AFTER = re.compile(r"(?:为基数|为本金|为计算基数|的基数|为基础)")
_FORMULA_AFTER = re.compile(r"(?:的)?[一二两三四1-4]倍")
_PER_PERIOD = re.compile(r"(?:每日|每天|每月|每年|每)$")
# A later passage that changes or clarifies the claims (变更诉讼请求为…, 原告明确…利息为…, 撤回…).
# (变更利息的诉讼请求为 / 变更其第一项诉请: the claim changed is named between.)
_CHANGE = re.compile(r"(?:变更|增加|调整|减少)(?:了)?其?(?:第?[\d一二三四五六七八九]项?)?(?:[^。；;，,：:]{1,6}?的)?(?:诉讼请求|诉请|请求)"
                     r"|诉讼请求(?:变更|减少|调整)|诉讼请求[\d一二三四五六七八九]变更"
                     # 原告将诉讼请求中的借款本金变更为6万元: the changed claim named before the verb.
                     r"|将(?:其|原)?(?:诉讼请求|诉请|请求)[^。；;]{0,16}?(?:变更|调整|减少)为")
_CLARIFY = re.compile(r"明确[^。；;]{0,16}?(?:诉讼请求|利息)")
_WITHDRAW = re.compile(r"撤回[^。；;，,]{0,8}?")
_BRACKET_AFTER = re.compile(r"[^，,；;。（(）)]{0,12}?[（(]")
ANCHOR = "@anchor"  # start_date placeholder for 自借款之日起, resolved to an element's date by the derivation


def _item_marks(text: str, start: int, end: int) -> Iterator[tuple[int, re.Match[str]]]:
    """Each item mark in text[start:end] with where its item starts (the blank lines before it included)."""
    floor = start
    for match in _ITEM.finditer(text, start, end):
        yield first_blank_line_start(text, match.start(), floor, _ITEM_BREAKS), match
        floor = match.end()


def claim_items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of the items in text[start:end]: one per item mark, and the words before the first (诉讼请求：判令…)
    when there are any; no mark, the whole passage."""
    starts = [item_start for item_start, _ in _item_marks(text, start, end)]
    if not starts:
        return [(start, end)]
    spans = []
    if text[start : starts[0]].strip(" \n：:"):
        spans.append((start, starts[0]))
    for index, item_start in enumerate(starts):
        spans.append((item_start, starts[index + 1] if index + 1 < len(starts) else end))
    return spans


def numbered_items(doc: Document) -> dict[int, str]:
    """A complaint's numbered claims, for an answer that names one by its number (第二项请求,
    engine/extraction/claimrefs.py): number → the item's words, its mark left out. The items are the claims
    section's (a numbered list elsewhere, 理由如下：1、…, is not the claims), numbered 1, 2, … in turn: a mark out of
    turn (a （1） inside item 1) stays in the item before it; the last item runs to its sentence's end."""
    if "claims" not in doc.sections:
        return {}
    text = doc.text
    start, end = doc.section("claims")
    items: dict[int, str] = {}
    expected = 1
    previous: re.Match[str] | None = None
    for _, mark in _item_marks(text, start, end):
        number = _mark_number(mark)
        if previous is None and expected == 1 and number == 2 and text[start: mark.start()].strip():
            # 要求被告支付如下费用，1.工资…；2.防暑降温费…: item 1, its mark not at a clause start, is the words before 2
            items[1], expected = text[start: mark.start()], 2
        if number != expected:
            continue
        if previous is not None:
            items[expected - 1] = text[previous.end(): mark.start()]
        previous, expected = mark, expected + 1
    if previous is not None:
        stop = _LAST_ITEM_END.search(text, previous.end(), end)
        items[expected - 1] = text[previous.end(): stop.start() if stop else end]
    return items


def _mark_number(mark: re.Match[str]) -> int | None:
    raw = mark.group("a") or mark.group("b") or mark.group("c") or mark.group("d") or ""
    return int(raw) if raw.isdigit() else parse_small(raw)


def _bracket_depth_map(text: str) -> list[int]:
    depth, depths = 0, []
    for char in text:
        if char in "（(":
            depth += 1
        depths.append(depth)
        if char in "）)" and depth:
            depth -= 1
    return depths


_Hits = OrderedSpans[tuple[int, int, str]]  # keyword hits (start, end, element)


def _owner(hits: _Hits, start: int, end: int, text: str, adjacent_wins: bool = True) -> str | None:
    """Claim element owning the value at [start, end) among keyword hits (start, end, element)."""
    following = hits.first_from(end)
    preceding = hits.last_until(start)
    if following and not _BREAK.search(text, end, following[0]):
        # 借款3.5万元及利息: the adjacent keyword before still wins a tie.
        if not adjacent_wins or not preceding or following[0] - end < start - preceding[1]:
            return following[2]
    if preceding:
        return preceding[2]
    return following[2] if following else None


class _Claims:
    """What one passage of claims asks for: summed amounts per item, interest slots."""

    def __init__(self) -> None:
        self.sums: dict[str, list[tuple[str, tuple[int, int]]]] = {}
        self.interest: dict[str, dict[str, Any]] = {}
        self.spans: dict[str, list[tuple[int, int]]] = {}
        self.until_paid: set[str] = set()

    def put(self, owner: str, key: str, value: Any, span: tuple[int, int]) -> None:
        slot = self.interest.setdefault(owner, {})
        if key in slot:
            if key == "base" and slot[key] != value:
                slot["_bases"] = True
                slot[key] = None  # several bases (one per loan): no single base
            return
        if key == "base" and slot.get("_bases"):
            return
        slot[key] = value
        self.spans.setdefault(owner, []).append(span)

    def values(self, owner: str) -> dict[str, Any] | None:
        slot = self.interest.get(owner, {})
        value = {key: slot.get(key) for key in ("amount", "base", "rate", "start_date", "end")}
        if owner in self.until_paid:
            value["end"] = "until_paid"  # 暂计至…为X元 dates the amount; the claim runs until paid
        if all(item is None for item in value.values()):
            return None
        return value


class ClaimGrammar:
    """What the parser reads of one case type's claim elements, built once per loaded case type."""

    def __init__(self, casetype: CaseType) -> None:
        table = casetype.table
        cues: dict[str, Cues] = casetype.cues
        self.cues = {eid: cues[eid] for eid in table.in_section("claims")}
        kinds = {eid: get_value_type(cue.element.type) for eid, cue in self.cues.items()}
        self.interest = tuple(eid for eid, cue in self.cues.items() if cue.element.type == "interest_claim")
        self.names = tuple(eid for eid, vt in kinds.items() if vt.assign == "names")
        self.sums = tuple(eid for eid, cue in self.cues.items() if cue.element.cues.claim_sum_items)
        self.money = tuple(eid for eid, vt in kinds.items() if vt.mention_kind == "money")
        keyword_owner: dict[str, str] = {}
        for eid, cue in self.cues.items():
            for word in cue.keywords:
                keyword_owner.setdefault(word, eid)
        self.keyword_owner = keyword_owner
        self.pattern = alternation(list(keyword_owner))
        masks = casetype.package.claim_masks
        self.masks = re.compile("|".join(f"(?:{mask})" for mask in masks)) if masks else None
        anchors = [w for eid in self.interest for w in self.cues[eid].element.cues.claim_start_anchors]
        self.anchors = alternation(anchors)
        self.not_amount_after = {eid: tuple(self.cues[eid].element.cues.claim_amount_not_after) for eid in self.interest}
        self.withdraw_words = {eid: tuple(self.cues[eid].element.cues.claim_withdraw_words) for eid in self.sums}


def grammar(casetype: CaseType) -> ClaimGrammar:
    return casetype.compiled("claims.grammar", ClaimGrammar)  # type: ignore[no-any-return]


def _passages(doc: Document) -> list[tuple[int, int, str]]:
    """The claims, then every later passage that changes or clarifies them, to its sentence end."""
    text = doc.text
    # 庭审中，原告变更诉讼请求为：… with no claims stated before it: the change is the claim.
    stated = "claims" in doc.sections
    start, end = doc.section("claims" if stated else "body")
    body_end = max(doc.section("body")[1], end)
    markers = sorted(
        [(m.start(), "change") for m in _CHANGE.finditer(text, start, body_end)]
        + [(m.start(), "clarify") for m in _CLARIFY.finditer(text, start, body_end)]
    )
    first_cut = (markers[0][0] if markers and markers[0][0] < end else end) if stated else start
    passages = [(start, first_cut, "claims")] if stated else []
    last_end = first_cut
    for position, kind in markers:
        if position < last_end:
            continue
        stop = text.find("。", position, body_end)
        passage_end = stop + 1 if stop >= 0 else body_end
        passages.append((position, passage_end, kind))
        last_end = passage_end
    return passages


def parse_claims(doc: Document) -> None:
    if "claims" not in doc.sections and "body" not in doc.sections:
        return
    claims = grammar(doc.casetype)
    if claims.pattern is None:
        return
    sums: dict[str, list[tuple[str, tuple[int, int]]]] = {}
    interest: dict[str, tuple[dict[str, Any], list[tuple[int, int]]]] = {}
    for p_start, p_end, kind in _passages(doc):
        found = _Claims()
        for item_start, item_end in claim_items(doc.text, p_start, p_end):
            _parse_item(doc, found, claims, item_start, item_end, kind == "claims")
        for eid, items in found.sums.items():
            if items and (kind != "clarify" or not sums.get(eid)):
                sums[eid] = items
        if kind == "change":
            interest = {}  # a changed claim replaces the interest claims it does not repeat
        for owner in claims.interest:
            value = found.values(owner)
            if value is not None:
                interest[owner] = (value, sorted(found.spans.get(owner, [])))
        for eid in claims.sums:
            _withdrawals(doc, sums.get(eid, []), claims.withdraw_words[eid], p_start, p_end)
    for eid, items in sums.items():
        if not items:
            continue
        total = sum((Decimal(value) for value, _ in items), Decimal(0))
        spans = [span for _, span in items]
        doc.add(Candidate(eid, format_money(total), spans, 0.93 if len(spans) == 1 else 0.8, "claims", spans[0][0]))
    for owner, (value, spans) in interest.items():
        doc.add(Candidate(owner, value, spans, 0.85, "claims", spans[0][0] if spans else 0))


def _withdrawals(doc: Document, items: list[tuple[str, tuple[int, int]]], words: tuple[str, ...], start: int,
                 end: int) -> None:
    """撤回其中50000元借款本金: the summed claim is reduced by what is withdrawn."""
    if not words:
        return
    text = doc.text
    for match in _WITHDRAW.finditer(text, start, end):
        for mention in doc.mentions_in(match.start(), min(end, match.end() + 12), "money"):
            following = text[mention.end : mention.end + 6]
            if any(word in following for word in words) and items:
                value, span = items[-1]
                remaining = Decimal(value) - Decimal(mention.value)
                if remaining > 0:
                    items[-1] = (format_money(remaining), span)
                break


def _forced_regions(text: str, hits: list[tuple[int, int, str]], end: int,
                    interest: tuple[str, ...]) -> list[tuple[int, int, str]]:
    """利息（以…为基数，按…计算）/ 利息5980元（…）: the bracket right after an interest keyword is its own."""
    regions = []
    for _, h_end, eid in hits:
        if eid not in interest:
            continue
        match = _BRACKET_AFTER.match(text, h_end, end)
        if not match:
            continue
        depth = 0
        for position in range(match.end() - 1, end):
            if text[position] in "（(":
                depth += 1
            elif text[position] in "）)":
                depth -= 1
                if depth == 0:
                    regions.append((match.end(), position, eid))
                    break
        else:
            regions.append((match.end(), end, eid))
    return regions


def _parse_item(doc: Document, found: _Claims, claims: ClaimGrammar, item_start: int, item_end: int,
                original: bool) -> None:
    text = doc.text
    assert claims.pattern is not None
    depths: list[int] | None = None  # bracket depth per character, built only if a cue asks for it
    until_paid = list(_UNTIL_PAID.finditer(text, item_start, item_end))
    anchors = list(claims.anchors.finditer(text, item_start, item_end)) if claims.anchors is not None else []
    masked = [m.span() for m in until_paid] + [m.span() for m in anchors]
    if claims.masks is not None:
        masked += [m.span() for m in claims.masks.finditer(text, item_start, item_end)]
    hits = []
    for match in claims.pattern.finditer(text, item_start, item_end):
        eid = claims.keyword_owner[match.group()]
        if claims.cues[eid].element.cues.outside_brackets:
            if depths is None:
                depths = _bracket_depth_map(text[item_start:item_end])
            if depths[match.start() - item_start]:
                continue
        if any(lo <= match.start() < hi for lo, hi in masked):
            continue
        hits.append((match.start(), match.end(), eid))
    if not hits:
        return
    interest = claims.interest
    regions = _forced_regions(text, hits, item_end, interest)
    hits = [h for h in hits if not any(lo <= h[0] < hi for lo, hi, _ in regions)]
    if original:
        for eid in claims.names:
            _named(doc, eid, hits, item_start, item_end)

    interest_hits = [h for h in hits if h[2] in interest]
    for h_start, h_end, eid in interest_hits:
        found.spans.setdefault(eid, []).append((h_start, h_end))  # the keyword is part of the evidence
    all_hits, interest_only_hits = _Hits(hits), _Hits(interest_hits)
    name_hits = _Hits([h for h in hits if h[2] in claims.names])

    def owner_of(start: int, end: int, adjacent_wins: bool = True, interest_only: bool = False) -> str | None:
        for lo, hi, eid in regions:
            if lo <= start < hi:
                return eid
        # Rates and dates only ever belong to an interest claim: 归还借款本金5万元，并支付自…起，至…止的利息.
        hits_here = interest_only_hits if interest_only else all_hits
        inside = hits_here.within(start, end)
        if inside:
            return inside[0][2]  # 并承担月利息4%: the keyword is inside the rate it names
        return _owner(hits_here, start, end, text, adjacent_wins)

    item_sums: dict[str, list[tuple[str, tuple[int, int]]]] = {}
    weak_sums: set[str] = set()
    events: list[tuple[int, str, str, Any, tuple[int, int]]] = []
    for mention in doc.mentions_in(item_start, item_end):
        owner = owner_of(mention.start, mention.end, adjacent_wins=mention.kind == "money",
                         interest_only=mention.kind in ("rate", "date"))
        if owner is None:
            continue
        span = (mention.start, mention.end)
        if mention.kind == "money":
            if _PER_PERIOD.search(text, max(item_start, mention.start - 2), mention.start):
                continue  # 按每日100元计算: a rate in money, not an amount
            if _BASE_AFTER.match(text, mention.end):
                if owner in interest:
                    events.append((mention.start, owner, "base", mention.value, span))
                continue
            if owner in interest:
                lead = text[max(item_start, mention.start - 6) : mention.start]
                if not any(word in lead for word in claims.not_amount_after[owner]):
                    events.append((mention.start, owner, "amount", mention.value, span))
            elif owner in claims.sums:
                interest_next = interest_only_hits.first_from(mention.end)
                if interest_next and _FROM_AFTER.match(text, mention.end) \
                        and not _BREAK.search(text, mention.end, interest_next[0]):
                    # 支付借款70万元自2016年10月31日起至实际支付之日的利息: the interest's base, no second principal
                    events.append((mention.start, interest_next[2], "base", mention.value, span))
                    continue
                if owner in item_sums and _CHANGED_TO.search(text, max(item_start, mention.start - 4), mention.start):
                    item_sums[owner] = [(mention.value, span)]  # 偿还借款6053.21元，后变更为4553.21元
                    continue
                named = name_hits.first_from(mention.end)
                if named and not _BREAK.search(text, mention.end, named[0]):
                    continue  # 各自承担归还借款本金计20万元的连带清偿责任: the guaranteed sum, not a claim
                if owner in item_sums and _joined_debt(text, item_sums[owner][-1][1][1], mention.start, mention.end,
                                                       item_end, all_hits, owner):
                    item_sums[owner].append((mention.value, span))  # …借款5万元及…的借款3万元: two debts
                elif owner in weak_sums and all_hits.within(item_start, mention.start):
                    # 已经还了我1000元，现在要求被告返还借款6000元: an amount no keyword came before is only
                    # claimed until one with its keyword before it follows.
                    item_sums[owner] = [(mention.value, span)]
                    weak_sums.discard(owner)
                else:
                    if owner not in item_sums and not all_hits.within(item_start, mention.start):
                        weak_sums.add(owner)
                    item_sums.setdefault(owner, [(mention.value, span)])
            elif owner in claims.money and original:
                doc.add(Candidate(owner, mention.value, [span], 0.85, "claims", mention.start))
        elif owner in interest and mention.kind == "rate":
            if not _FORMULA_AFTER.match(text, mention.end):  # 年利率6%的四倍: a formula, no rate
                events.append((mention.start, owner, "rate", mention.value, span))
        elif owner in interest and mention.kind == "date" and mention.value:
            if text[mention.end : mention.end + 1].isdigit():
                continue  # 2016年9日1日: a typo, not a date
            before = text[max(item_start, mention.start - 4) : mention.start]
            after = text[mention.end : mention.end + 3]
            if _AFTER_DAY.match(after) and len(mention.value) == 10:
                following = dt.date.fromisoformat(mention.value) + dt.timedelta(days=1)
                events.append((mention.start, owner, "start_date", following.isoformat(), span))
            elif _START_BEFORE.search(before) or _START_AFTER.match(after) or (
                    before.endswith(("（", "(")) and after.startswith("按")):
                # 利息（2015年3月1日按照月息2%计算至…）: a date opening the bracket, computed from.
                events.append((mention.start, owner, "start_date", mention.value, span))
            elif _END_BEFORE.search(before):
                events.append((mention.start, owner, "end", mention.value, span))
    for match in anchors:
        before = text[max(item_start, match.start() - 2) : match.start()]
        if _START_BEFORE.search(before) or _START_AFTER.match(text, match.end()):
            owner = owner_of(match.start(), match.end(), interest_only=True)
            if owner in interest:
                events.append((match.start(), owner, "start_date", ANCHOR, match.span()))
    for match in until_paid:
        owner = owner_of(match.start(), match.end(), interest_only=True)
        if owner in interest:
            found.until_paid.add(owner)
            found.spans.setdefault(owner, []).append(match.span())
    for _, owner, key, value, span in sorted(events, key=lambda event: event[0]):
        found.put(owner, key, value, span)
    for eid, items in item_sums.items():
        found.sums.setdefault(eid, []).extend(items)


_JOIN = re.compile(r"\s*(?:及|和|以及|、)")
_JOINED_END = re.compile(r"\s*(?:$|[，,；;。及和、]|以及)")


def _joined_debt(text: str, previous_end: int, start: int, end: int, item_end: int,
                 hits: _Hits, owner: str) -> bool:
    """…归还A日的借款5万元及B日的借款3万元: a second amount of the same summed claim, joined to the first (及 / 和
    / 、) with its own keyword and nothing after it (not …及借款本金5万元的利息: a base)."""
    between = text[previous_end:start]
    if not _JOIN.match(between) or _BREAK.search(between):
        return False
    if not any(h[2] == owner for h in hits.within(previous_end, start)):
        return False
    return _JOINED_END.match(text[end:item_end]) is not None


def _named(doc: Document, eid: str, hits: list[tuple[int, int, str]], start: int, end: int) -> None:
    """被告王五对上述债务承担连带清偿责任: the parties named before the claim's first keyword."""
    keyword = next((h for h in hits if h[2] == eid), None)
    if keyword is None:
        return
    text = doc.text
    names: list[tuple[int, str]] = []
    for name in doc.party_names():
        position = text.find(name, start, keyword[0])
        if position >= 0:
            names.append((position, name))
    if not names:
        return
    names.sort()
    # 判令被告甲偿还借款，被告乙承担连带清偿责任: the names in the keyword's own clause, when it has any.
    clause = max(text.rfind(stop, start, keyword[0]) for stop in "，,；;") + 1
    names = [(p, n) for p, n in names if p >= clause] or names
    # 被告王五对上述债务… / 被告赵六在被告冯雪不能清偿的范围内…: the liable ones come before 对/在.
    first_end = names[0][0] + len(names[0][1])
    cut = min([p for p in (text.find("对", first_end, keyword[0]), text.find("在", first_end, keyword[0])) if p >= 0]
              or [keyword[0]])
    chosen = [(p, n) for p, n in names if p < cut]
    doc.add(Candidate(eid, [n for _, n in chosen], [(p, p + len(n)) for p, n in chosen], 0.85, "claims", chosen[0][0]))

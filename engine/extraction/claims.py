"""诉讼请求: numbered claim items → claim_* elements.

Inside an item every money/rate/date goes to the claim whose keyword owns it: a keyword
right after the value with no clause break in between (…按年利率10%计算的利息), else the
nearest keyword before it in the item (利息（以5万元为基数，按年息一分五…）).
"""

from __future__ import annotations

import re
from typing import Any

from engine.extraction.cues import Cues, alternation, table_cues
from engine.extraction.document import Candidate, Document
from engine.extraction.mention import Mention

_ITEM = re.compile(
    r"(?:^|(?<=[\n；;。:：]))\s*(?:(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[、.．]|[（(](?:\d{1,2}|[一二三四五六七八九十]{1,3})[）)]|第[一二三四五六七八九十]+[、，,])"
)
_BREAK = re.compile(r"[，,；;（）()。]")
_UNTIL_PAID = re.compile(
    r"至(?:借款|款项|本息|全部款项|全部欠款|全部借款|三被告|二被告|两被告|被告)?(?:实际)?(?:全部)?"
    r"(?:清偿|还清|付清|给付|偿还|归还|履行完毕|履行|支付|还款)[^，,。；;）)]{0,8}?之日"
)
_START_BEFORE = re.compile(r"(?:自|从|由)$")
_START_AFTER = re.compile(r"^(?:起|开始)")
_END_BEFORE = re.compile(r"(?:至|到|截至|截止|计至|算至)$")
_BASE_AFTER = re.compile(r"(?:为基数|为本金|为计算基数|的基数)")
_INTEREST_CLAIMS = ("claim_interest", "claim_overdue_interest")


def claim_items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    starts = [m.start() for m in _ITEM.finditer(text, start, end)]
    if not starts:
        return [(start, end)]
    spans = []
    if text[start : starts[0]].strip(" \n：:"):
        spans.append((start, starts[0]))
    for index, item_start in enumerate(starts):
        spans.append((item_start, starts[index + 1] if index + 1 < len(starts) else end))
    return spans


def _bracket_depth_map(text: str) -> list[int]:
    depth, depths = 0, []
    for char in text:
        if char in "（(":
            depth += 1
        depths.append(depth)
        if char in "）)" and depth:
            depth -= 1
    return depths


def _owner(hits: list[tuple[int, int, str]], start: int, end: int, text: str, adjacent_wins: bool = True) -> str | None:
    """Claim element owning the value at [start, end) among keyword hits (start, end, element)."""
    following = [h for h in hits if h[0] >= end]
    preceding = [h for h in hits if h[1] <= start]
    if following and not _BREAK.search(text, end, following[0][0]):
        # 借款3.5万元及利息: the adjacent keyword before still wins a tie.
        if not adjacent_wins or not preceding or following[0][0] - end < start - preceding[-1][1]:
            return following[0][2]
    if preceding:
        return preceding[-1][2]
    return following[0][2] if following else None


def parse_claims(doc: Document) -> None:
    if "claims" not in doc.sections:
        return
    cues = table_cues(doc.case_type)
    claim_cues = {eid: c for eid, c in cues.items() if eid.startswith("claim_")}
    keyword_owner: dict[str, str] = {}
    for eid, cue in claim_cues.items():
        for word in cue.keywords:
            keyword_owner.setdefault(word, eid)
    pattern = alternation(list(keyword_owner))
    if pattern is None:
        return
    text = doc.text
    interest: dict[str, dict[str, Any]] = {}
    interest_spans: dict[str, list[tuple[int, int]]] = {}
    found_principal = False
    for item_start, item_end in claim_items(text, *doc.section("claims")):
        depths = _bracket_depth_map(text[item_start:item_end])
        hits = []
        for match in pattern.finditer(text, item_start, item_end):
            eid = keyword_owner[match.group()]
            if claim_cues[eid].raw.get("outside_brackets") and depths[match.start() - item_start]:
                continue
            hits.append((match.start(), match.end(), eid))
        if not hits:
            continue
        _guarantee(doc, claim_cues.get("claim_guarantee"), hits, item_start, item_end)
        for mention in doc.mentions_in(item_start, item_end):
            owner = _owner(hits, mention.start, mention.end, text, adjacent_wins=mention.kind == "money")
            if owner is None:
                continue
            if mention.kind == "money":
                if _BASE_AFTER.match(text, mention.end):
                    if owner in _INTEREST_CLAIMS:
                        _put(interest, interest_spans, owner, "base", mention)
                    continue
                if owner in _INTEREST_CLAIMS:
                    _put(interest, interest_spans, owner, "amount", mention)
                elif owner == "claim_principal":
                    if not found_principal:
                        doc.add(Candidate(owner, mention.value, [(mention.start, mention.end)], 0.93, "claims",
                                          mention.start))
                        found_principal = True
                elif owner in ("claim_costs", "claim_total"):
                    doc.add(Candidate(owner, mention.value, [(mention.start, mention.end)], 0.85, "claims",
                                      mention.start))
            elif owner in _INTEREST_CLAIMS and mention.kind == "rate":
                _put(interest, interest_spans, owner, "rate", mention)
            elif owner in _INTEREST_CLAIMS and mention.kind == "date" and mention.value:
                before = text[max(item_start, mention.start - 4) : mention.start]
                after = text[mention.end : mention.end + 3]
                if _START_BEFORE.search(before) or _START_AFTER.match(after):
                    _put(interest, interest_spans, owner, "start_date", mention)
                elif _END_BEFORE.search(before):
                    _put(interest, interest_spans, owner, "end", mention)
        for match in _UNTIL_PAID.finditer(text, item_start, item_end):
            owner = _owner(hits, match.start(), match.end(), text)
            if owner in _INTEREST_CLAIMS:
                slot = interest.setdefault(owner, {})
                slot.setdefault("end", "until_paid")
                interest_spans.setdefault(owner, []).append((match.start(), match.end()))
    for owner, slot in interest.items():
        value = {key: slot.get(key) for key in ("amount", "base", "rate", "start_date", "end")}
        if all(item is None for item in value.values()):
            continue
        spans = sorted(interest_spans[owner])
        doc.add(Candidate(owner, value, spans, 0.85, "claims", spans[0][0]))


def _put(
    slots: dict[str, dict[str, Any]], spans: dict[str, list[tuple[int, int]]], owner: str, key: str, mention: Mention
) -> None:
    slot = slots.setdefault(owner, {})
    if key in slot:
        if key == "base" and slot[key] != mention.value:
            slot["_bases"] = True
            slot[key] = None  # several bases (one per loan): no single base
        return
    if key == "base" and slot.get("_bases"):
        return
    slot[key] = mention.value
    spans.setdefault(owner, []).append((mention.start, mention.end))


def _guarantee(doc: Document, cue: Cues | None, hits: list[tuple[int, int, str]], start: int, end: int) -> None:
    keyword = next((h for h in hits if h[2] == "claim_guarantee"), None)
    if cue is None or keyword is None:
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
    # 被告王五对上述债务… / 被告赵六在被告冯雪不能清偿的范围内…: the liable ones come before 对/在.
    first_end = names[0][0] + len(names[0][1])
    cut = min([p for p in (text.find("对", first_end, keyword[0]), text.find("在", first_end, keyword[0])) if p >= 0]
              or [keyword[0]])
    chosen = [(p, n) for p, n in names if p < cut]
    doc.add(
        Candidate("claim_guarantee", [n for _, n in chosen], [(p, p + len(n)) for p, n in chosen], 0.85, "claims",
                  chosen[0][0])
    )

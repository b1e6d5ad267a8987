"""Facts → elements, driven only by the cues in elements/*.yaml (see `engine.extraction.cues`).

Each element of the table that is not a party or a claim looks, sentence by sentence in
the facts, for mentions of its value type that its cues point at; enums, bools, name
lists and text elements use the same keywords on the sentence itself. The result is a
list of candidates; `resolve` turns them into one value per element.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING

from engine.elements.value_types import get_value_type
from engine.extraction import boxes
from engine.extraction.cues import Cues
from engine.extraction.document import Candidate, Document, sentences
from engine.extraction.mention import Mention
from engine.extraction.recognisers.money import format_money

if TYPE_CHECKING:
    from engine.system import CaseType

_CLAUSE_END = re.compile(r"[，,。；;\n]")
_JOINER = re.compile(r"[、和及与]|、?被告|和被告|及被告")
_RULED_OUT = -1.0  # _marker_score: a negative word rules the value out


def _near(spans: list[tuple[int, int]], start: int, end: int) -> int | None:
    """Distance from [start, end) to the nearest keyword span, or None."""
    best: int | None = None
    for k_start, k_end in spans:
        if k_end <= start:
            distance = start - k_end
        elif k_start >= end:
            distance = k_start - end
        else:
            distance = 0
        if best is None or distance < best:
            best = distance
    return best


def _marker_score(cue: Cues, sentence: str, start: int, end: int) -> float | None:
    """Score of the value at [start, end) of the sentence by its negatives and markers: _RULED_OUT,
    0.95 / 0.9 for a strong / plain marker, or None when only the keyword distance can tell."""
    negative = cue.negative_pattern
    if negative is not None and negative.search(sentence, max(0, start - cue.negative_window), start):
        return _RULED_OUT
    negative_after = cue.negative_after_pattern
    if negative_after is not None and negative_after.search(sentence, end, end + cue.negative_after_window):
        return _RULED_OUT
    markers = cue.marker_pattern
    reach = cue.gap + cue.longest_marker
    if markers is not None and (markers.search(sentence, max(0, start - reach), start)
                                or markers.search(sentence, end, end + reach)):
        if cue.strong_before and any(sentence[max(0, start - cue.gap - len(w)) : start].find(w) >= 0
                                     for w in cue.strong_before):
            return 0.95
        if cue.strong_after and any(sentence[end : end + cue.gap + len(w)].find(w) >= 0 for w in cue.strong_after):
            return 0.95
        if cue.before and any(sentence[max(0, start - cue.gap - len(w)) : start].find(w) >= 0 for w in cue.before):
            return 0.9
        if cue.after and any(sentence[end : end + cue.gap + len(w)].find(w) >= 0 for w in cue.after):
            return 0.9
    return None


def _keyword_score(cue: Cues, keyword_spans: list[tuple[int, int]], start: int, end: int) -> float | None:
    distance = _near(keyword_spans, start, end)
    if distance is None or distance > cue.window:
        return None
    return 0.85 - 0.25 * distance / max(cue.window, 1)


def assign_facts(doc: Document) -> None:
    text = doc.text
    start, end = doc.section("facts")
    claims = doc.sections.get("claims")
    spans = _outside(sentences(text, start, end), claims)
    facts = _Facts(doc, spans)
    # The sentences holding a mention of each kind, looked up once for all the value elements:
    # (start, end, the sentence's mentions, indices of those of the kind that have a value, sentence).
    by_kind: dict[str, list[_Sentence]] = {}
    for s_start, s_end in spans:
        mentions = doc.mentions_in(s_start, s_end)
        if not mentions:
            continue
        valued: dict[str, list[int]] = {}
        for index, mention in enumerate(mentions):
            indices = valued.get(mention.kind)
            if indices is None:
                valued[mention.kind] = indices = []
            if mention.value is not None:
                indices.append(index)
        sentence = text[s_start:s_end]
        for kind, indices in valued.items():
            if indices:
                by_kind.setdefault(kind, []).append((s_start, s_end, mentions, indices, sentence))
    plan: tuple[tuple[Callable[..., None], Cues, str | None], ...] = doc.casetype.compiled("assign.plan", _plan)
    for handler, cue, mention_kind in plan:
        if mention_kind is None:
            handler(doc, cue, facts)
        elif mention_kind in by_kind:
            handler(doc, cue, by_kind[mention_kind])


def _plan(casetype: CaseType) -> tuple[tuple[Callable[..., None], Cues, str | None], ...]:
    """(handler, cue, mention kind or None) of each element the facts assign, in table order, once per
    case type: value elements take the sentences holding their kind, the others the facts. Claims are the
    claim parser's; elements whose value type has no extraction hook are left to the judge."""
    plan: list[tuple[Callable[..., None], Cues, str | None]] = []
    table = casetype.table
    for eid, cue in casetype.cues.items():
        if table.section_of(eid) == "claims":
            continue
        vtype = get_value_type(cue.element.type)
        if vtype.mention_kind is not None:
            plan.append((_assign_values, cue, vtype.mention_kind))
        elif vtype.assign in _HANDLERS:
            plan.append((_HANDLERS[vtype.assign], cue, None))
    return tuple(plan)


_Sentence = tuple[int, int, list[Mention], list[int], str]


class _Facts:
    """The sorted sentence spans of the facts, with their starts and ends for bisection."""

    def __init__(self, doc: Document, spans: list[tuple[int, int]]) -> None:
        self.doc = doc
        self.spans = spans
        self.starts = [s_start for s_start, _ in spans]
        self.ends = [s_end for _, s_end in spans]
        self._names: list[str] | None = None

    @property
    def names(self) -> list[str]:
        """The party names (parties are parsed before the facts), read once for all the name cues."""
        if self._names is None:
            self._names = self.doc.party_names()
        return self._names

    def from_first(self, pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
        """The sentences from the one that can hold the first match of `pattern` on (plain words: a
        match inside a sentence is a match in the whole range, so none before the first one)."""
        if not self.spans:
            return []
        match = pattern.search(text, self.starts[0], self.ends[-1])
        if match is None:
            return []
        return self.spans[bisect_right(self.ends, match.start()) :]


def _outside(spans: list[tuple[int, int]], claims: tuple[int, int] | None) -> list[tuple[int, int]]:
    """Sentences with the claims passage cut out (为此诉至法院，请求判令…: the facts part stays)."""
    if not claims:
        return spans
    kept = []
    for s_start, s_end in spans:
        if s_end <= claims[0] or s_start >= claims[1]:
            kept.append((s_start, s_end))
            continue
        if s_start < claims[0]:
            kept.append((s_start, claims[0]))
        if s_end > claims[1]:
            kept.append((claims[1], s_end))
    return kept


def _assign_values(doc: Document, cue: Cues, sentences_with: list[_Sentence]) -> None:
    text = doc.text
    additional = cue.additional_pattern
    pattern = cue.keyword_pattern
    for s_start, _, mentions, indices, sentence in sentences_with:
        keyword_spans: list[tuple[int, int]] | None = None
        for index in indices:
            mention = mentions[index]
            start, end = mention.start - s_start, mention.end - s_start
            score = _marker_score(cue, sentence, start, end)
            if score is None:
                if keyword_spans is None:
                    keyword_spans = [m.span() for m in pattern.finditer(sentence)] if pattern is not None else []
                spans = keyword_spans
                if cue.raw.get("keywords_after_in_clause"):
                    stop = _CLAUSE_END.search(sentence, end)
                    if stop is not None:
                        spans = [span for span in keyword_spans if span[0] < stop.start()]
                score = _keyword_score(cue, spans, start, end)
                if score is None:
                    continue
            elif score == _RULED_OUT:
                continue
            candidate = Candidate(cue.id, mention.value, [(mention.start, mention.end)], score * mention.confidence,
                                  "cues", mention.start)
            if additional is not None:
                # 又向原告借款3万元: a further loan, added to the first (see resolve).
                lead = text[max(s_start, mention.start - 15) : mention.start]
                lead = lead[max(lead.rfind("，"), lead.rfind(","), lead.rfind("。")) + 1 :]
                required = cue.additional_requires_pattern
                if additional.search(lead) and (required is None or required.search(lead)):
                    candidate.extra["additional"] = True
                listed = _listed(text, mentions, index, s_start)
                if listed:
                    # 分别向原告借款3万元、3万元: the listed amounts together.
                    total = sum((Decimal(m.value) for m in listed), Decimal(0))
                    doc.add(Candidate(cue.id, format_money(total), [(m.start, m.end) for m in listed],
                                      candidate.confidence, "cues", mention.start))
            doc.add(candidate)


# Words before a list of values that make them several (分别 3万元、3万元 / 分两次…5万元、3万元).
_LISTING = re.compile(r"分别|分[两二三四五六七八九十\d]{1,2}次|先后")


def _listed(text: str, mentions: list[Mention], index: int, s_start: int) -> list[Mention]:
    """The amounts listed after 分别 / 分两次 / 先后 (A元、B元、C元) starting at mentions[index], or []."""
    first = mentions[index]
    lead = text[max(s_start, first.start - 40) : first.start]
    if not _LISTING.search(lead[max(lead.rfind("，"), lead.rfind(","), lead.rfind("。")) + 1 :]):
        return []
    if index and mentions[index - 1].kind == first.kind and text[mentions[index - 1].end : first.start] in ("、", "和", "及"):
        return []  # not the head of the list
    listed = [first]
    for mention in mentions[index + 1 :]:
        if mention.kind != first.kind:
            continue
        if text[listed[-1].end : mention.start] not in ("、", "和", "及"):
            break
        listed.append(mention)
    return listed if len(listed) > 1 else []


def _matches(pattern: re.Pattern[str], text: str, facts: _Facts) -> list[tuple[re.Match[str], int]]:
    """(match, start of its sentence) for matches lying inside one of the sorted sentence spans."""
    spans = facts.spans
    if not spans:
        return []
    starts = facts.starts
    found = []
    for match in pattern.finditer(text, spans[0][0], spans[-1][1]):
        index = bisect_right(starts, match.start()) - 1
        if index >= 0 and match.end() <= spans[index][1]:
            found.append((match, spans[index][0]))
    return found


def _assign_enum(doc: Document, cue: Cues, facts: _Facts) -> None:
    text = doc.text
    negative = cue.negative_pattern
    pattern, owner = cue.value_pattern
    if pattern is None:
        return
    boxed = boxes.has_boxes(text)
    for match, s_start in _matches(pattern, text, facts):
        if negative is not None and negative.search(text, max(s_start, match.start() - cue.negative_window),
                                                    match.start()):
            continue
        if boxed and boxes.box_state(text, match.start(), match.end()) is False:
            continue  # 现金□ / 一般保证□: an option not ticked says nothing
        doc.add(Candidate(cue.id, owner[match.group()], [(match.start(), match.end())], 0.8, "cues", match.start()))


def _assign_bool(doc: Document, cue: Cues, facts: _Facts) -> None:
    pattern, owner = cue.value_pattern
    if pattern is None:
        return
    boxed = boxes.has_boxes(doc.text)
    for match, _ in _matches(pattern, doc.text, facts):
        if boxed and boxes.box_state(doc.text, match.start(), match.end()) is False:
            continue
        doc.add(Candidate(cue.id, owner[match.group()] == "true", [(match.start(), match.end())], 0.8, "cues",
                          match.start()))


def _assign_names(doc: Document, cue: Cues, facts: _Facts) -> None:
    """The party named closest before the keyword (else closest after), with names joined to it by 、/和."""
    text = doc.text
    pattern = cue.keyword_pattern
    if pattern is None:
        return
    names = facts.names
    if not names:
        return
    for s_start, s_end in facts.from_first(pattern, text):
        for match in pattern.finditer(text, s_start, s_end):
            lead = text[max(s_start, match.start() - cue.negative_window) : match.start()]
            if any(word in lead for word in cue.negative) or _in_a_name(text, names, match.start()):
                continue  # …or the keyword is part of a party's name (某某担保公司)
            lo, hi = max(s_start, match.start() - cue.window), min(s_end, match.end() + cue.window)
            # 在被告冯雪的财产…不能履行时: a name followed by 的 is not the one the keyword is about.
            found = [(p, n) for p, n in _name_positions(text, names, lo, hi) if text[p + len(n) : p + len(n) + 1] != "的"]
            before = [(p, n) for p, n in found if p + len(n) <= match.start()]
            after = [(p, n) for p, n in found if p >= match.end()]
            if before:
                chosen = [before[-1]]
                for position, name in reversed(before[:-1]):
                    if _JOINER.fullmatch(text[position + len(name) : chosen[0][0]]):
                        chosen.insert(0, (position, name))
            elif after:
                chosen = [after[0]]
            else:
                continue
            for position, name in chosen:
                doc.add(Candidate(cue.id, [name], [(position, position + len(name))], 0.8, "cues", position))


def _in_a_name(text: str, names: list[str], position: int) -> bool:
    for name in names:
        start = text.rfind(name, max(0, position - len(name) + 1), position + len(name))
        if 0 <= start <= position < start + len(name):
            return True
    return False


def _name_positions(text: str, names: list[str], lo: int, hi: int) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    for name in sorted(names, key=len, reverse=True):
        position = text.find(name, lo, hi)
        while position >= 0:
            if not any(p <= position < p + len(n) for p, n in found):
                found.append((position, name))
            position = text.find(name, position + len(name), hi)
    return sorted(found)


def _assign_text(doc: Document, cue: Cues, facts: _Facts) -> None:
    text = doc.text
    pattern = cue.keyword_pattern
    if pattern is None:
        return
    for s_start, s_end in facts.from_first(pattern, text):
        match = pattern.search(text, s_start, s_end)
        if match:
            stop = _CLAUSE_END.search(text, match.end(), s_end)
            clause_end = stop.start() if stop else s_end
            value = text[match.start() : clause_end].strip()
            if value:
                doc.add(Candidate(cue.id, value, [(match.start(), clause_end)], 0.7, "cues", match.start()))
            return


_NUMBER = re.compile(r"\d{1,6}|[零〇一二两三四五六七八九十百千]{1,6}")


def _assign_int(doc: Document, cue: Cues, facts: _Facts) -> None:
    """伤残等级为十级 / 住院15天: the number nearest a keyword, followed by one of the `after` words when
    the cue names units (级, 天), within the element's min/max."""
    from engine.extraction.numerals import parse_number

    text = doc.text
    pattern = cue.keyword_pattern
    if pattern is None:
        return
    element = cue.element
    for s_start, s_end in facts.from_first(pattern, text):
        keyword_spans = [m.span() for m in pattern.finditer(text, s_start, s_end)]
        if not keyword_spans:
            continue
        for match in _NUMBER.finditer(text, s_start, s_end):
            following = text[match.end() : match.end() + cue.gap + max((len(w) for w in cue.after), default=0)]
            if cue.after and not any(following.startswith(w) for w in cue.after):
                continue
            lead = text[max(s_start, match.start() - cue.negative_window) : match.start()]
            if any(word in lead for word in cue.negative):
                continue
            score = _keyword_score(cue, [(a - s_start, b - s_start) for a, b in keyword_spans],
                                   match.start() - s_start, match.end() - s_start)
            number = parse_number(match.group())
            if score is None or number is None or number != number.to_integral_value():
                continue
            value = int(number)
            if (element.min is not None and value < element.min) or (element.max is not None and value > element.max):
                continue
            doc.add(Candidate(cue.id, value, [match.span()], score, "cues", match.start()))


_HANDLERS: dict[str, Callable[..., None]] = {
    "int": _assign_int,
    "enum": _assign_enum,
    "bool": _assign_bool,
    "names": _assign_names,
    "text": _assign_text,
}

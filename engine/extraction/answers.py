"""答辩状: per element, does the answer admit it (无异议/属实) or contest it, and what does it assert?

The answer body is cut into clauses (。；, line breaks, numbered items, and a turn such as
…，但… or …，而非…). Each clause gets a polarity from its wording (admit / contest /
neither) and is tied to elements only by their answer cues in elements/*.yaml:

- answer_keywords: words that name the element (借款金额, 保证方式, 尚欠); answer_patterns: regexes that
  do the same where a word list cannot (与…无关, 已于…还清, 超过…保证期间), `{refuted}` in one standing for
  the generic refutation words (`REFUTATIONS`: 不是事实 / 与事实不符 …);
- answer_value_before / answer_value_after: words right before / after a value of the
  element's type (借款 + 5万元, 2021年3月5日 + 向被答辩人借款) that tie that value to it;
- answer_negative: words just before a keyword or value that cancel the tie (愿意归还 is a
  promise, 被答辩人称…X元 is the other side's figure), or between a value and its answer_value_after word;
- answer_negative_segment: words that cancel the tie anywhere before it in its comma-delimited segment
  (the scope of a negation or a modal: 我没有按时…归还, 同意分期…偿还);
- answer_negated: negations that cancel the tie when they stand right before it, an adverb (再 / 都 …)
  between them at most (利率也没有超过法律规定 states the opposite of 超过法律规定);
- answer_asserts: a value the answer states for the element in a neutral clause is itself a
  contest (已归还2万元, 尚欠15000元: an answer states them because the complaint differs);
- answer_also: elements that take the same contested value (尚欠本金2万元 contests the
  principal claimed too, and is the principal the answer accepts);
- answer_not_when: words that keep a clause off the element when they occur in its sentence, the turns
  (…，但…) around the clause included (超过…四倍，超过部分不应支持 argues the legal cap: it objects to the
  interest claimed, not to the rate the parties agreed); answer_not_when_near: the same, read only in the tie's
  comma-delimited clause and the one either side (虽系夫妻，但该借款系被告一单独所借 is a spouse's defence, and a
  run-on answer's 原系夫妻，…离婚… some clauses before a denial does not stop it);
- answer_requires: words one of which must occur somewhere in the answer for the element to be
  tied at all (a spouse's defence needs a marriage: a company's 对借款不知情 is not one);
- additional: words before a further value of the same kind (又于…归还1万元), summed with the first.

A contesting clause asserts the value found for the element in it (its enum code for an enum,
false for a bool); the first clause that takes a position decides it, and a later clause may
still supply the asserted value of an element contested without one.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from engine.elements.value_types import get_value_type
from engine.extraction.cues import Cues, alternation, words_of
from engine.extraction.document import Candidate, Document
from engine.extraction.linescan import first_blank_line_start
from engine.extraction.mention import Mention
from engine.extraction.packagedata import package_yaml
from engine.extraction.recognisers.money import format_money
from engine.extraction.stops import end_of, start_of

if TYPE_CHECKING:
    from engine.system import CaseType

# Generic stance words; a case type adds its own (engine/casetypes/<id>/answers.yaml).
_ADMIT = r"无异议|没有异议|不持异议|属实|予以认可|均认可|认可|确认|一致|是事实|无争议|没有争议|承认|所写|确于|确实"
_CONTEST = (
    r"(?<![没])有异议|不属实|不认可|否认|不同意|并非|而非|不是|与事实不符|过高|不应|不予|从未|没有签|未签|"
    r"不知情|无效|驳回|不承担|不应承担|不存在|不真实|"
    r"隐瞒|有误|不当|事后添加|事后修改|并没有|没有任何|仅为|超过|超出部分|"
    r"应认定|应按|拒绝|不属于"
)
_CLASSIFIED_CLAUSES = 2000
# How an answer refutes what the other side says (…，这不是事实 / 与事实不符). One list: the report cut below, and
# what a case type's answer_patterns write as {refuted} (a denial by refuting the plaintiff's account).
REFUTATIONS = ("不是事实", "并非事实", "不属实", "与事实不符", "纯属捏造", "是捏造的", "没有此事", "没有这回事", "不是这样")
_REFUTED = "|".join(REFUTATIONS)
# 原告说我借钱是为了赌博，这不是事实: the other side's words, refuted in the same breath, are not the
# answer's own; the classifier is not shown them (the rules never tie a cue inside them either way).
_REFUTED_REPORT = re.compile(
    r"(?:原告|被答辩人|对方|起诉人)(?:方)?(?:所)?(?:说|称|讲|主张|声称|诉称|陈述)[^。；]{0,60}?[，,]\s*"
    r"(?:这|此|该|上述|这些|这种)?(?:说法|陈述|主张)?(?:根本|完全|均|都)?"
    rf"(?:{_REFUTED})[，,]?"
)
_SEGMENT_MARKS = ("，", ",", "：", ":", "、")
_SEGMENT_REACH = 40
# Adverbs that may stand between a negation and its predicate (没有再超过, 并未完全届满).
_ADVERB = r"(?:再|都|完全|一直)?"
# Who speaks: a third party's or witness's statement inside an answer (第三人X陈述称 …) is not the
# defendants' answer; it runs until a defendant speaks again (被告Y辩称 / 答辩人称 …).
_OTHER_SPEAKER = re.compile(r"(?:第三人|证人)[^，。；：:]{0,12}?(?:陈述|述|辩|答辩|证|证实)?称")
_DEFENDANT_SPEAKS = re.compile(r"(?:被告|答辩人|被上诉人)[^，。；：:]{0,20}?(?:辩称|答辩称|陈述称|述称|称)")
# Clause ends: sentence punctuation, line breaks, numbered items, and a turn in the argument; also a comma before
# another speaker's statement (…还给了原告，被告乙辩称：…) or the record of the evidence (…已过诉讼时效，原告为支持其
# 诉讼请求提供了…): a full stop written as a comma does not make them part of the clause before.
# (They bound the clause's sentence too: what the next speaker says is not the turn around this one's clause.)
_TURN_OF_VOICE = re.compile(
    r"[，,](?=\s*(?:被告|原告|答辩人|被答辩人|第三人)?[^，,。；;：:\s]{1,20}?(?:答辩称|辩称|陈述称|述称)[：:，,])"
    r"|[，,](?=\s*(?:原告|被告)[^，,。；;：:]{0,12}?(?:为(?:了)?(?:支持|证明)|针对)其)"
)
_CLAUSE_BREAK = re.compile(
    r"[。；;\n]|，(?=但|而非|而不是|却|可是)|(?<=[。；;\n])[^\S\n]*(?:[一二三四五六七八九十]+|\d+)[、.．]|"
    + _TURN_OF_VOICE.pattern
)
_TOTAL_BEFORE = re.compile(r"(?:合计|共计|总计|累计)$")
# Blanks within the line only (linear); `_items` walks back over blank lines before an item.
_ITEM = re.compile(r"(?:^|(?<=\n))[^\S\n]*(?:[一二三四五六七八九十]+|\d+|第[一二三四五六七八九十]+)[、.．，,]")


class _AnswerCue:
    def __init__(self, cue: Cues) -> None:
        raw = cue.raw
        self.cue = cue
        self.keywords = _keyword_pattern(cue.answer_keywords, words_of(raw, "answer_patterns"))
        self.value_before = words_of(raw, "answer_value_before")
        self.value_after = words_of(raw, "answer_value_after")
        self.negative = words_of(raw, "answer_negative")
        self.negative_segment = words_of(raw, "answer_negative_segment")
        negated = alternation(words_of(raw, "answer_negated"))
        self.negated = re.compile(f"(?:{negated.pattern}){_ADVERB}$") if negated is not None else None
        self.gap = int(raw.get("answer_gap", 8))
        self.asserts = bool(raw.get("answer_asserts"))
        self.also = words_of(raw, "answer_also")
        self.additional = alternation(words_of(raw, "additional"))
        self.not_when = alternation(words_of(raw, "answer_not_when"))
        self.not_when_near = alternation(words_of(raw, "answer_not_when_near"))
        self.requires = alternation(words_of(raw, "answer_requires"))

    @property
    def linked(self) -> bool:
        return self.keywords is not None or bool(self.value_before or self.value_after)

    def after_tie(self, after: str) -> bool:
        """A value_after word follows the value, with no answer_negative word between them (2012年12月13日
        借款…同意还款 is a promise, not a repayment on that date)."""
        hits = [at for at in (after.find(word) for word in self.value_after) if at >= 0]
        return bool(hits) and not any(word in after[: min(hits)] for word in self.negative)

    def cancelled(self, text: str, start: int, lo: int) -> bool:
        lead = text[max(lo, start - 6) : start]
        if any(word in lead for word in self.negative):
            return True
        if self.negated is not None and self.negated.search(text, max(lo, start - 8), start):
            return True
        if not self.negative_segment:
            return False
        # The scope of a negation or a modal: the comma-delimited segment the tie is in, up to the tie
        # (at most _SEGMENT_REACH characters back, so that a text without commas stays linear).
        floor = max(lo, start - _SEGMENT_REACH)
        segment = text[max(floor, *(text.rfind(mark, floor, start) + 1 for mark in _SEGMENT_MARKS)) : start]
        return any(word in segment for word in self.negative_segment)


def _keyword_pattern(words: tuple[str, ...], patterns: tuple[str, ...]) -> re.Pattern[str] | None:
    """The answer keywords (longest first) and the answer patterns as one regex ({refuted}: the refutations)."""
    plain = alternation(words)
    parts = ([plain.pattern] if plain is not None else []) + [p.replace("{refuted}", _REFUTED) for p in patterns]
    return re.compile("|".join(f"(?:{part})" for part in parts)) if parts else None


def clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    position = start
    for match in _CLAUSE_BREAK.finditer(text, start, end):
        if text[position : match.start()].strip():
            spans.append((position, match.start()))
        position = match.end() if match.group().startswith(("。", "；", ";", "\n", "，", ",")) else match.start()
    if text[position:end].strip():
        spans.append((position, end))
    return spans


class _Stance:
    """The admit / contest patterns of one case type: the generic words and its package's own."""

    def __init__(self, casetype: CaseType) -> None:
        wording = casetype.package.answer_wording
        self.admit = re.compile("|".join([_ADMIT, *map(re.escape, wording.admit)]))
        self.contest = re.compile("|".join([_CONTEST, *map(re.escape, wording.contest)]))

    def polarity(self, sentence: str) -> str | None:
        if self.contest.search(sentence):
            return "contest"
        if self.admit.search(sentence):
            return "admit"
        return None


def _answer_cues(casetype: CaseType) -> dict[str, _AnswerCue]:
    return {eid: _AnswerCue(cue) for eid, cue in casetype.cues.items() if get_value_type(cue.element.type).name != "party_list"}


def _defences(casetype: CaseType) -> frozenset[str]:
    """The package's defence elements (`defences` in its answers.yaml), those in the table."""
    raw = package_yaml(casetype, "answers.yaml") or {}
    return frozenset(eid for eid in raw.get("defences", []) if eid in casetype.table.element_ids)


def _defence_from(casetype: CaseType) -> dict[str, tuple[str, ...]]:
    """Defence → the elements whose asserted value raises it (`defence_from` in answers.yaml)."""
    raw = package_yaml(casetype, "answers.yaml") or {}
    ids = set(casetype.table.element_ids)
    return {eid: tuple(e for e in sources if e in ids) for eid, sources in (raw.get("defence_from") or {}).items()
            if eid in ids}


def parse_answer(doc: Document) -> None:
    cues: dict[str, _AnswerCue] = doc.casetype.compiled("answers.cues", _answer_cues)
    defences: frozenset[str] = doc.casetype.compiled("answers.defences", _defences)
    stance: _Stance = doc.casetype.compiled("answers.stance", _Stance)
    _polarity = stance.polarity
    text = doc.text
    # The statement, not the body: a first defendant's words may come before the first 辩称.
    body_start, body_end = doc.section("statement")
    values: dict[str, Any] = {}
    spans: dict[str, list[tuple[int, int]]] = {}
    unraised: list[tuple[int, int]] = []  # clauses in which the rules raised no defence
    # Elements whose required context (answer_requires) the answer lacks are not tied anywhere in it. The
    # whole answer, party block included: it is where a marriage is often stated (被告李某，系张某之妻); or
    # the complaint it replies to, in a sentence that names one who answers (被告甲与被告乙系夫妻 … 乙辩称).
    speakers = _speakers(text) if doc.complaint else []
    complaint_sentences = [s for s in _COMPLAINT_SENTENCE.split(doc.complaint) if s] if speakers else []
    cues = {eid: answer_cue for eid, answer_cue in cues.items()
            if answer_cue.requires is None or answer_cue.requires.search(text)
            or _said_of(answer_cue.requires, complaint_sentences, speakers)}
    items = _items(text, body_start, body_end)
    others = _other_speakers(text, body_start, body_end)
    turns = [match.start() for match in _TURN_OF_VOICE.finditer(text, body_start, body_end)]
    item_starts = [lo for lo, _ in items]  # items are sorted and disjoint: a bisect finds a clause's item
    for c_start, c_end in clauses(text, body_start, body_end):
        if any(lo <= c_start < hi for lo, hi in others):
            continue
        polarity = _polarity(text[c_start:c_end])
        if polarity is None:
            # A neutral clause takes the stance of its numbered item (…保证方式系一般保证；…不应承担连带清偿责任).
            index = bisect_right(item_starts, c_start) - 1
            item = items[index] if index >= 0 and c_start < items[index][1] else None
            polarity = _polarity(text[item[0] : item[1]]) if item else None
        mentions = doc.mentions_in(c_start, c_end)
        # From the whole text's start: a sentence may begin with the speaker (被告二（被告一之妻）辩称，…).
        sentence = _sentence(text, c_start, c_end, 0, body_end)
        if turns:
            index = bisect_right(turns, c_start)
            sentence = (max(sentence[0], turns[index - 1] + 1) if index else sentence[0],
                        min(sentence[1], turns[index]) if index < len(turns) and turns[index] >= c_end else sentence[1])
        raised_here = False
        for eid, answer_cue in cues.items():
            if not answer_cue.linked:
                continue
            if answer_cue.not_when is not None and answer_cue.not_when.search(text, *sentence):
                continue
            tie = _tie(doc, answer_cue, mentions, c_start, c_end)
            if tie is None:
                continue
            value, span = tie
            if answer_cue.not_when_near is not None and answer_cue.not_when_near.search(
                    text, *_around(text, *span, sentence, 1)):
                continue  # (虽系夫妻，但该借款系…单独所借: read next to the tie, not across a run-on sentence)
            if eid in defences:
                # 没有借款 / 是他人的债务 / 已过诉讼时效: raising a defence disputes it.
                # An admitting clause raises it too when the admission comes first (借款属实，但约定的利率
                # 已超出法律规定); only 对已还清的事实无异议-style wording (the admission after the cue) does not.
                if (polarity != "admit" or stance.contest.search(text, c_start, c_end)
                        or not stance.admit.search(text, span[1], c_end)):
                    _record(doc, values, spans, eid, "contest", True, span)
                raised_here = True
                continue
            position = polarity
            if position is None:
                if not (answer_cue.asserts and value is not None):
                    continue
                position = "contest"
            asserted = value if position == "contest" else None
            if position == "contest" and asserted is None:
                asserted = _implied(answer_cue.cue, text[c_start:c_end])
            for target in (eid, *answer_cue.also):
                if target not in cues:
                    continue
                if target != eid and position != "contest":
                    continue
                _record(doc, values, spans, target, position, asserted, span, override=target != eid)
        if not raised_here:
            unraised.append((c_start, c_end))
    classifier = doc.casetype.package.clause_classifier
    if classifier is not None and defences and unraised:
        # Where the rules say nothing, the case type's trained clause classifier may still raise a defence.
        # A real answer has a few dozen clauses; the cap keeps a huge text from costing a model call per line.
        unraised = unraised[:_CLASSIFIED_CLAUSES]
        own_words = [_REFUTED_REPORT.sub("", text[a:b]) for a, b in unraised]
        for (c_start, c_end), found in zip(unraised, classifier(own_words), strict=True):
            for eid in sorted(found & defences):
                if eid not in doc.positions:
                    _record(doc, values, spans, eid, "contest", True, (c_start, c_end))
    defence_from: dict[str, tuple[str, ...]] = doc.casetype.compiled("answers.defence_from", _defence_from)
    for defence, sources in defence_from.items():
        asserted = [e for e in sources if doc.positions.get(e) == "contest" and values.get(e) is not None]
        if asserted and defence not in doc.positions:
            _record(doc, values, spans, defence, "contest", True, spans[asserted[0]][0])
    for eid in doc.positions:
        doc.add(Candidate(eid, values.get(eid), spans[eid], 0.6, "answer", spans[eid][0][0]))
    doc.results = {c.element: c for c in doc.candidates if c.element in doc.positions or c.source == "parties"}
    derive_answer = doc.casetype.package.derive_answer
    if derive_answer is not None:
        derive_answer(doc, doc.results)


def _record(doc: Document, values: dict[str, Any], spans: dict[str, list[tuple[int, int]]], eid: str, position: str,
            value: Any, span: tuple[int, int], override: bool = False) -> None:
    """First position wins; a later contest may supply (or, via answer_also, replace) the asserted value."""
    if eid in doc.positions and doc.positions[eid] != position:
        doc.both_ways.add(eid)  # 对借款事实无异议 … 但实际只收到95000元: the element is partly admitted
    if eid not in doc.positions:
        doc.positions[eid] = position
        values[eid] = value
        spans[eid] = [span]
    elif doc.positions[eid] == "contest" and value is not None and position == "contest" and (
        values.get(eid) is None or override
    ):
        # 本金数额有误 … 故尚欠本金仅为30000元: the amount comes a clause later, and what the answer says
        # is still owed is the principal it accepts, whatever other figure it gave before.
        values[eid] = value
        spans[eid].append(span)


# Element-level stance of an answer, for every element of the table (party lists aside).
STANCES = ("admit", "contest", "partial", "not_addressed")
_QUANTITIES = frozenset({"money", "percent", "rate"})
# Words just before a contested figure that make it the part the answer accepts (实际收到…, 仅欠…, 认可…),
# not the complaint's figure objected to (律师费8000元过高).
_PART_BEFORE = re.compile(r"实际|仅|只|尚欠|下欠|还欠|剩余|认可|同意|应为|应按")


def _counter_figure(doc: Document, candidate: Candidate | None) -> bool:
    if candidate is None or candidate.value is None or not candidate.spans:
        return False
    start = candidate.spans[0][0]
    return _PART_BEFORE.search(doc.text, max(0, start - 12), start) is not None


def answer_stances(doc: Document) -> dict[str, str]:
    """admit / contest / partial / not_addressed per element: partial when the answer admits the element in
    one clause and contests it in another, or contests a quantity with the figure it accepts (实际只收到95000元,
    尚欠本金2万元: it accepts part of what the complaint states)."""
    stances = {}
    for eid in doc.casetype.table.element_ids:
        type_name = get_value_type(doc.casetype.table.element(eid).type).name
        if type_name == "party_list":
            continue
        position = doc.positions.get(eid)
        candidate = doc.results.get(eid)
        if position is None:
            stances[eid] = "not_addressed"
        elif eid in doc.both_ways or (position == "contest" and type_name in _QUANTITIES
                                      and _counter_figure(doc, candidate)):
            stances[eid] = "partial"
        else:
            stances[eid] = position
    return stances


_SPEAKER = re.compile(r"(?:^|(?<=[\n。；;，,\s]))(?:被告|答辩人)?(?P<names>[^\s，,。；;：:（(）)]{2,40}?)(?:共同)?(?:答辩称|辩称)")
_SPEAKER_JOIN = re.compile(r"、|和|及|与|(?:被告|答辩人)")


def _speakers(text: str) -> list[str]:
    """The names of those who answer (李某辩称 / 被告张某某答辩称 / 被告甲、乙辩称)."""
    return [name for m in _SPEAKER.finditer(text) for name in _SPEAKER_JOIN.split(m.group("names"))
            if len(name) >= 2]


def _said_of(words: re.Pattern[str], sentences: list[str], names: list[str]) -> bool:
    """Whether a sentence of the complaint holds one of `words` and names one of those who answer."""
    return any(words.search(sentence) and any(name in sentence for name in names) for sentence in sentences)


def _other_speakers(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans where someone other than a defendant speaks: from 第三人…称 / 证人…称 to the next defendant's
    statement (or the end)."""
    spans = []
    position = start
    while (match := _OTHER_SPEAKER.search(text, position, end)) is not None:
        back = _DEFENDANT_SPEAKS.search(text, match.end(), end)
        stop = back.start() if back else end
        spans.append((match.start(), stop))
        position = stop
    return spans


_SENTENCE_STOPS = "。；;\n"
_COMPLAINT_SENTENCE = re.compile(f"[{_SENTENCE_STOPS}]")  # the complaint's sentences, as the answer's are bounded


def _sentence(text: str, start: int, end: int, lo: int, hi: int) -> tuple[int, int]:
    """The sentence (between 。； or line breaks, within lo..hi) that holds the clause start..end."""
    return start_of(text, start, lo, _SENTENCE_STOPS), end_of(text, end, hi, _SENTENCE_STOPS)


def _around(text: str, start: int, end: int, sentence: tuple[int, int], reach: int) -> tuple[int, int]:
    """The comma-delimited clause of start..end with ``reach`` clauses either side, within ``sentence``."""
    lo, hi = start, end
    for _ in range(reach + 1):
        comma = max(text.rfind("，", sentence[0], lo), text.rfind(",", sentence[0], lo))
        if comma < 0:
            lo = sentence[0]
            break
        lo = comma
    for _ in range(reach + 1):
        found = [i for i in (text.find("，", hi, sentence[1]), text.find(",", hi, sentence[1])) if i >= 0]
        if not found:
            hi = sentence[1]
            break
        hi = min(found) + 1
    return lo, hi


def _items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    starts = []
    floor = start
    for match in _ITEM.finditer(text, start, end):
        starts.append(first_blank_line_start(text, match.start(), floor))
        floor = match.end()
    return [(item, starts[i + 1] if i + 1 < len(starts) else end) for i, item in enumerate(starts)]


def _tie(doc: Document, answer_cue: _AnswerCue, mentions: list[Mention], start: int,
         end: int) -> tuple[Any, tuple[int, int]] | None:
    """(value or None, evidence span) when the clause is about the element, else None."""
    text = doc.text
    kind = get_value_type(answer_cue.cue.element.type).mention_kind
    candidates = [m for m in mentions if kind and m.kind == kind and m.value is not None]
    candidates = [m for m in candidates if not answer_cue.cancelled(text, m.start, start)]
    by_value: list[Mention] = []
    for mention in candidates:
        before = text[max(start, mention.start - answer_cue.gap) : mention.start]
        after = text[mention.end : min(end, mention.end + answer_cue.gap)]
        if any(word in before for word in answer_cue.value_before) or answer_cue.after_tie(after):
            by_value.append(mention)
    keyword = None
    if answer_cue.keywords is not None:
        for match in answer_cue.keywords.finditer(text, start, end):
            if not answer_cue.cancelled(text, match.start(), start):
                keyword = match
                break
    if keyword is None and not by_value:
        return None
    chosen: Mention | None = None
    if by_value:
        chosen = _pick(by_value, answer_cue.cue.pick, text)
        further = [m for previous, m in zip(by_value, by_value[1:], strict=False)
                   if answer_cue.additional is not None and answer_cue.additional.search(text, previous.end, m.start)]
        if chosen is by_value[0] and further and chosen.kind == "money":
            # 归还本金40000元后，又于…归还本金20000元: the repayments together.
            total = sum((Decimal(m.value) for m in [chosen, *further]), Decimal(0))
            return format_money(total), (chosen.start, further[-1].end)
    elif keyword is not None and candidates:
        after_keyword = [m for m in candidates if m.start >= keyword.end()]
        totals = [m for m in after_keyword if _TOTAL_BEFORE.search(text, max(0, m.start - 2), m.start)]
        near = [m for m in after_keyword if m.start - keyword.end() <= 12]
        if totals or near:
            chosen = _pick(totals or near, answer_cue.cue.pick, text)
    if chosen is not None:
        return chosen.value, (chosen.start, chosen.end)
    assert keyword is not None
    return None, keyword.span()


def _pick(mentions: list[Mention], rule: str, text: str) -> Mention:
    totals = [m for m in mentions if _TOTAL_BEFORE.search(text, max(0, m.start - 2), m.start)]
    if totals:
        return totals[-1]  # 合计7700元: the stated total, not the instalments before it
    if rule == "latest":
        return max(mentions, key=lambda m: str(m.value))
    if rule == "max" and all(m.kind == "money" for m in mentions):
        return max(mentions, key=lambda m: Decimal(m.value))
    return mentions[0]


def _implied(cue: Cues, sentence: str) -> Any:
    """What a contesting clause asserts for an enum (its code) or a bool (false)."""
    handler = get_value_type(cue.element.type).assign
    if handler == "enum":
        found = [(sentence.find(word), code) for code, words in cue.values.items() for word in words if word in sentence]
        return min(found)[1] if found else None  # the way the answer names first
    if handler == "bool":
        return False
    return None

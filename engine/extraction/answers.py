"""答辩状: per element, does the answer admit it (无异议/属实) or contest it, and what does it assert?

Each clause of the answer body is tied to elements by their cue keywords (plus the
`answer_keywords`); the clause's wording decides the position, and a value of the
element's type found in a contesting clause is what the answer asserts instead.
"""

from __future__ import annotations

import re

from engine.extraction.cues import Cues, alternation, table_cues
from engine.extraction.document import Candidate, Document

_ADMIT = re.compile(r"无异议|没有异议|不持异议|属实|予以认可|均认可|认可|确认|一致|是事实|无争议|没有争议")
_CONTEST = re.compile(
    r"(?<![没])有异议|不属实|不认可|否认|不同意|并非|而非|不是|与事实不符|过高|不应|不予|从未|没有签|未签|"
    r"实际只|实际仅|仅收到|只收到|已经归还|已归还|已还|不知情|无效|驳回|不承担|不应承担"
)
_CLAUSE = re.compile(r"[^。；;\n]+")
_VALUE_KIND = {"money": "money", "date": "date", "rate": "rate"}
_CLAIM_LINK = {"repaid_principal": "claim_principal", "outstanding_principal": "claim_principal"}


def _pattern(cue: Cues) -> re.Pattern[str] | None:
    return alternation(list(cue.keywords) + list(cue.answer_keywords))


def parse_answer(doc: Document) -> None:
    cues = table_cues(doc.case_type)
    text = doc.text
    body_start, body_end = doc.section("body")
    patterns = {eid: _pattern(cue) for eid, cue in cues.items() if cue.element.type != "party_list"}
    for clause in _CLAUSE.finditer(text, body_start, body_end):
        sentence = clause.group()
        contest = bool(_CONTEST.search(sentence))
        admit = bool(_ADMIT.search(sentence)) and not contest
        if not (contest or admit):
            continue
        for eid, pattern in patterns.items():
            if pattern is None or eid in doc.positions:
                continue
            hit = pattern.search(sentence)
            if hit is None:
                continue
            position = "contest" if contest else "admit"
            value = None
            spans = [(clause.start() + hit.start(), clause.start() + hit.end())]
            kind = _VALUE_KIND.get(cues[eid].element.type)
            if contest and kind:
                found = doc.mentions_in(clause.start(), clause.end(), kind)
                if found:
                    value = found[0].value
                    spans.append((found[0].start, found[0].end))
            doc.positions[eid] = position
            doc.add(Candidate(eid, value, spans, 0.6, "answer", spans[0][0]))
    doc.results = {c.element: c for c in doc.candidates if c.element in doc.positions or c.source == "parties"}

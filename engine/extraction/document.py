"""The document-level state the stages share: normalised text, mentions, sections, candidates."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from engine.extraction.mention import Mention
from engine.extraction.normalise import Normalised

if TYPE_CHECKING:
    from engine.system import CaseType

# Sentences end at 。！？； or a line break; a run longer than 400 characters is cut so that
# nothing downstream ever scans an unbounded "sentence" (nonsense or huge input).
_SENTENCE = re.compile(r"[^。！？!?；;\n]{0,400}(?:[。！？!?；;\n]|$)?")


@dataclass
class Candidate:
    """One possible value of an element, with the spans (normalised offsets) it came from."""

    element: str
    value: Any
    spans: list[tuple[int, int]]
    confidence: float
    source: str  # which stage proposed it (parties / claims / cues / derived)
    order: int = 0  # position in the text, for "first" / "earliest" picks
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Document:
    norm: Normalised
    casetype: CaseType
    role: str
    mentions: list[Mention] = field(default_factory=list)
    sections: dict[str, tuple[int, int]] = field(default_factory=dict)
    parties: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    party_spans: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    candidates: list[Candidate] = field(default_factory=list)
    results: dict[str, Candidate] = field(default_factory=dict)
    positions: dict[str, str] = field(default_factory=dict)  # answers: element → admit/contest
    both_ways: set[str] = field(default_factory=set)  # answers: admitted in one clause, contested in another
    # Element-style forms (engine/extraction/forms.py): values read from the form's cells win, and
    # elements whose form row has boxes but none ticked are left empty.
    form: dict[str, Candidate] = field(default_factory=dict)
    form_unticked: set[str] = field(default_factory=set)
    # Names as the user wrote them (張三) for the normalised ones the stages match on (张三).
    written_names: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    # Answers: the complaint they reply to, normalised, when the caller has it ("" otherwise): a spouse the
    # complaint calls one (被告甲与被告乙系夫妻) can deny a joint debt in words that name no marriage.
    complaint: str = ""
    # That complaint read as a complaint of the same case type, once, when a stage asks (`replied_to`).
    complaint_document: Document | None = None
    _starts: list[int] | None = None

    @property
    def text(self) -> str:
        return self.norm.text

    @property
    def case_type(self) -> str:
        return self.casetype.id

    def mentions_in(self, start: int, end: int, kind: str | None = None, starting: bool = False) -> list[Mention]:
        """Mentions inside [start, end) (with ``starting``, those that start there, ending anywhere); a bisect
        on the sorted starts keeps this cheap on big texts."""
        if self._starts is None or len(self._starts) != len(self.mentions):
            self.mentions.sort(key=lambda m: (m.start, -m.end))
            self._starts = [m.start for m in self.mentions]
        found = []
        for index in range(bisect_left(self._starts, start), len(self.mentions)):
            mention = self.mentions[index]
            if mention.start >= end:
                break
            if (starting or mention.end <= end) and (kind is None or mention.kind == kind):
                found.append(mention)
        return found

    def section(self, name: str) -> tuple[int, int]:
        return self.sections.get(name, (0, 0))

    def add(self, candidate: Candidate) -> None:
        self.candidates.append(candidate)

    def party_names(self) -> list[str]:
        names: list[str] = []
        for role in ("plaintiffs", "defendants", "third_parties"):
            names.extend(p["name"] for p in self.parties.get(role, []))
        return names


def sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans (end exclusive, the closing punctuation included) within [start, end)."""
    stop = len(text) if end is None else end
    spans = []
    for match in _SENTENCE.finditer(text, start, stop):
        if match.end() > match.start() and text[match.start() : match.end()].strip("。！？!?；;\n "):
            spans.append((match.start(), match.end()))
        if match.end() >= stop:
            break
    return spans

"""Cue keywords from the element dictionary (elements/*.yaml), compiled once per case type.

Assignment reads only this data: adding a keyword to an element's `cues` in the YAML
changes what the extractor finds, with no Python change. Cue keys:

- keywords: words that, within `window` characters of a value, make it a candidate;
- before / after: words right before / right after the value (within `gap` characters);
- strong_before / strong_after: the same, for words that state the element outright (score higher,
  so the `best` picks prefer them: 还款期限至 / 前归还 over a bare 至 / 止);
- negative: words that, within `negative_window` characters before the value (or after it for
  `negative_after`, within `negative_after_window`, by default the same), rule it out;
- pick: how several candidates become one value (first, last, earliest, latest, max, union, best =
  highest score then first, best_latest = highest score then the latest value);
- values (enums): code → words; bool: true/false → words;
- answer_keywords: extra words that tie an answer's sentence to the element;
- additional (money): words right before a value that make it a further loan (又向原告借款), summed
  with the first one by the resolver; with `additional_requires`, only when one of those words is in
  the same lead too (本院再次向原告核实180万元 is no further loan);
- outside_brackets: keywords inside （…） do not count (claim_total vs 共计 inside a claim);
- keywords_after_in_clause: keywords after the value count only up to the end of its clause (，；。).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, cached_property
from typing import Any

from engine.elements.dictionary import ElementDef, ElementTable


@dataclass(frozen=True)
class Cues:
    element: ElementDef
    keywords: tuple[str, ...]
    before: tuple[str, ...]
    after: tuple[str, ...]
    strong_before: tuple[str, ...]
    strong_after: tuple[str, ...]
    negative: tuple[str, ...]
    negative_after: tuple[str, ...]
    answer_keywords: tuple[str, ...]
    window: int
    gap: int
    negative_window: int
    negative_after_window: int
    pick: str
    values: dict[str, tuple[str, ...]] = field(default_factory=dict)
    raw: dict[str, Any] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return self.element.id

    # Compiled once per cue (the Cues of a table are cached): the assignment runs them per mention.
    @cached_property
    def negative_pattern(self) -> re.Pattern[str] | None:
        return alternation(self.negative)

    @cached_property
    def negative_after_pattern(self) -> re.Pattern[str] | None:
        return alternation(self.negative_after)

    @cached_property
    def keyword_pattern(self) -> re.Pattern[str] | None:
        return alternation(self.keywords)

    @cached_property
    def longest_marker(self) -> int:
        words = self.before + self.after + self.strong_before + self.strong_after
        return max((len(word) for word in words), default=0)

    @cached_property
    def additional_pattern(self) -> re.Pattern[str] | None:
        return alternation(words_of(self.raw, "additional"))

    @cached_property
    def additional_requires_pattern(self) -> re.Pattern[str] | None:
        return alternation(words_of(self.raw, "additional_requires"))

    @cached_property
    def value_pattern(self) -> tuple[re.Pattern[str] | None, dict[str, str]]:
        """One pattern for all the words of an enum/bool's values, and word → value code."""
        owner: dict[str, str] = {}
        for code, words in self.values.items():
            for word in words:
                owner.setdefault(word, code)
        return alternation(list(owner)), owner

    @cached_property
    def marker_pattern(self) -> re.Pattern[str] | None:
        """Any before/after word: a quick test before the exact per-word checks."""
        return alternation(self.before + self.after + self.strong_before + self.strong_after)


def words_of(spec: dict[str, Any], key: str) -> tuple[str, ...]:
    return tuple(str(word) for word in spec.get(key) or ())


def alternation(words: tuple[str, ...] | list[str]) -> re.Pattern[str] | None:
    """A regex matching any of the words, longest first (逾期利息 before 利息)."""
    return _alternation(tuple(words))


@cache
def _alternation(words: tuple[str, ...]) -> re.Pattern[str] | None:
    unique = sorted(set(words), key=len, reverse=True)
    if not unique:
        return None
    return re.compile("|".join(re.escape(word) for word in unique))


def cues_of(element: ElementDef) -> Cues:
    spec = element.cues.model_dump()
    values = {str(code): tuple(words) for code, words in (spec.get("values") or {}).items()}
    after_window = spec["negative_after_window"]
    return Cues(
        element=element,
        keywords=words_of(spec, "keywords"),
        before=words_of(spec, "before"),
        after=words_of(spec, "after"),
        strong_before=words_of(spec, "strong_before"),
        strong_after=words_of(spec, "strong_after"),
        negative=words_of(spec, "negative"),
        negative_after=words_of(spec, "negative_after"),
        answer_keywords=words_of(spec, "answer_keywords"),
        window=int(spec["window"]),
        gap=int(spec["gap"]),
        negative_window=int(spec["negative_window"]),
        negative_after_window=int(spec["negative_window"] if after_window is None else after_window),
        pick=str(spec["pick"]),
        values=values,
        raw=spec,
    )


def compile_cues(table: ElementTable) -> dict[str, Cues]:
    """The cues of every element of a table, compiled once per loaded case type (CaseType.cues)."""
    return {element_id: cues_of(table.element(element_id)) for element_id in table.element_ids}

"""The extraction pipeline on spaCy: `spacy.blank("zh")` (character segmenter, nothing downloaded).

Text is normalised once (offset map kept), cut into chunks of whole lines/sentences and run
through `nlp.pipe`; the registered component `yaosu_recognisers` attaches mentions to each
chunk Doc. Chunking keeps memory flat and avoids the tokenizer's quadratic alignment on
very long strings. Document-level stages (sections, parties, claims, cue assignment,
answers, resolution) then run on the whole document; they are registered by name in
`STAGES` and chosen per role, the way spaCy resolves components from a config.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from engine.extraction.answers import parse_answer
from engine.extraction.assign import assign_facts
from engine.extraction.claims import parse_claims
from engine.extraction.document import Document
from engine.extraction.mention import Mention
from engine.extraction.normalise import Normalised, normalise
from engine.extraction.parties import parse_parties
from engine.extraction.recognisers import RECOGNISERS, recognise
from engine.extraction.recognisers.dates import fill_years
from engine.extraction.resolve import resolve
from engine.extraction.sections import find_sections

CHUNK_CHARS = 2000
_LINE = re.compile(r"[^\n]*\n|[^\n]+$")

if not Doc.has_extension("yaosu_mentions"):
    Doc.set_extension("yaosu_mentions", default=None)


class RecogniserComponent:
    """Runs the configured recognisers on a Doc's text; offsets are into that Doc."""

    def __init__(self, kinds: list[str]) -> None:
        unknown = [kind for kind in kinds if kind not in RECOGNISERS]
        if unknown:
            raise ValueError(f"unknown recognisers: {unknown}")
        self.kinds = tuple(kinds)

    def __call__(self, doc: Doc) -> Doc:
        # doc.text rebuilds the string token by token; the driver passes the chunk along instead.
        text = doc.user_data.get("yaosu_text")
        doc._.yaosu_mentions = recognise(text if text is not None else doc.text, self.kinds)
        return doc


@Language.factory(
    "yaosu_recognisers",
    default_config={"kinds": list(RECOGNISERS)},
    assigns=["doc._.yaosu_mentions"],
)
def make_recognisers(nlp: Language, name: str, kinds: list[str]) -> RecogniserComponent:
    return RecogniserComponent(kinds)


Stage = Callable[[Document], None]
STAGES: dict[str, Stage] = {
    "parties.v1": parse_parties,
    "claims.v1": parse_claims,
    "assign.v1": assign_facts,
    "answers.v1": parse_answer,
    "resolve.v1": resolve,
}
ROLE_STAGES: dict[str, tuple[str, ...]] = {
    "complaint": ("parties.v1", "claims.v1", "assign.v1", "resolve.v1"),
    "answer": ("parties.v1", "answers.v1"),
}


@cache
def get_nlp() -> Language:
    nlp = spacy.blank("zh")  # default segmenter is "char": offline, one token per character
    nlp.add_pipe("yaosu_recognisers")
    return nlp


def chunks(text: str, size: int = CHUNK_CHARS) -> Iterator[tuple[int, str]]:
    """(offset, chunk) pieces of whole lines, each at most `size` characters (long lines cut at 。)."""
    start, current = 0, 0
    for match in _LINE.finditer(text):
        line_end = match.end()
        if line_end - start > size and current > start:
            yield start, text[start:current]
            start = current
        while line_end - start > size:
            cut = text.rfind("。", start, start + size)
            cut = cut + 1 if cut > start else start + size
            yield start, text[start:cut]
            start = cut
        current = line_end
    if current > start:
        yield start, text[start:current]


def recognise_document(norm: Normalised) -> list[Mention]:
    pieces = list(chunks(norm.text))
    nlp = get_nlp()
    mentions: list[Mention] = []
    for (offset, _), doc in zip(pieces, nlp.pipe(_make_docs(nlp, pieces)), strict=True):
        mentions.extend(mention.shifted(offset) for mention in doc._.yaosu_mentions)
    fill_years(mentions)
    for mention in mentions:
        if mention.kind == "rate":
            start, end = norm.span(mention.start, mention.end)
            mention.value = {**mention.value, "raw": norm.original[start:end]}
    return mentions


def _make_docs(nlp: Language, pieces: list[tuple[int, str]]) -> Iterator[Doc]:
    for _, piece in pieces:
        doc = nlp.make_doc(piece)
        doc.user_data["yaosu_text"] = piece
        yield doc


def analyse(text: str, case_type: str, role: str) -> Document:
    norm = normalise(text)
    document = Document(norm, case_type, role, recognise_document(norm))
    document.sections = find_sections(norm.text)
    for stage in ROLE_STAGES[role]:
        STAGES[stage](document)
    return document

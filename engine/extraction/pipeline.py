"""The extraction pipeline on spaCy: a blank Chinese pipeline, nothing downloaded.

The tokenizer is our registered `yaosu.char_tokenizer.v1`: one token per character, like
spaCy's zh "char" segmenter, but built straight from `list(text)`. spaCy's own segmenter
aligns its tokens back onto the text with `get_words_and_spaces`, which is quadratic in the
worst case and costs more than everything else on short pleadings; ours is linear and keeps
every character offset equal to the token index.

Text is normalised once (offset map kept) and cut into chunks of whole lines/sentences (memory
stays flat on a 10 MB file); the registered component `yaosu_recognisers` finds the mentions of
each chunk (on a Doc through `nlp.pipe`, or straight on the chunk's string, which is the
default: see `recognise_document`). Document-level stages (sections,
parties, claims, cue assignment, answers, resolution) then run on the whole document; they
are registered by name in `STAGES` and chosen per role, the way spaCy resolves components
from a config.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from typing import TYPE_CHECKING

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

from engine.extraction.answers import parse_answer
from engine.extraction.assign import assign_facts
from engine.extraction.claims import parse_claims
from engine.extraction.document import Document
from engine.extraction.forms import parse_answer_form, parse_form
from engine.extraction.mention import Mention
from engine.extraction.normalise import Normalised, normalise
from engine.extraction.parties import parse_parties
from engine.extraction.recognisers import BASE_KINDS, RECOGNISERS, recognise
from engine.extraction.recognisers.dates import fill_years
from engine.extraction.resolve import resolve
from engine.extraction.sections import find_sections

if TYPE_CHECKING:
    from engine.system import CaseType

CHUNK_CHARS = 50_000
_LINE = re.compile(r"[^\n]*\n|[^\n]+$")

if not Doc.has_extension("yaosu_mentions"):
    Doc.set_extension("yaosu_mentions", default=None)


class CharTokenizer:
    """Text → Doc with one token per character and no whitespace tokens glued on (linear time).

    The Doc keeps the text it was built from in `user_data["yaosu_text"]`, so components read
    the string without rebuilding it token by token.
    """

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        doc = Doc(self.vocab, words=list(text), spaces=[False] * len(text))
        doc.user_data["yaosu_text"] = text
        return doc

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        for text in texts:
            yield self(text)

    # spaCy serialises the tokenizer with the pipeline; this one has no state of its own.
    def to_bytes(self, **kwargs: object) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kwargs: object) -> CharTokenizer:
        return self

    def to_disk(self, path: object, **kwargs: object) -> None:
        return None

    def from_disk(self, path: object, **kwargs: object) -> CharTokenizer:
        return self


@spacy.registry.tokenizers("yaosu.char_tokenizer.v1")
def create_char_tokenizer() -> Callable[[Language], CharTokenizer]:
    def make(nlp: Language) -> CharTokenizer:
        return CharTokenizer(nlp.vocab)

    return make


class RecogniserComponent:
    """Runs the configured recognisers on a Doc's text; offsets are into that Doc."""

    def __init__(self, kinds: list[str]) -> None:
        unknown = [kind for kind in kinds if kind not in RECOGNISERS]
        if unknown:
            raise ValueError(f"unknown recognisers: {unknown}")
        self.kinds = tuple(kinds)

    def __call__(self, doc: Doc) -> Doc:
        # doc.text rebuilds the string token by token; the tokenizer keeps the string it was given.
        text = doc.user_data.get("yaosu_text")
        doc._.yaosu_mentions = self.recognise_text(text if text is not None else doc.text)
        return doc

    def recognise_text(self, text: str) -> list[Mention]:
        """The mentions the component would attach to a Doc of `text` (offsets = token indices)."""
        return recognise(text, self.kinds)


@Language.factory(
    "yaosu_recognisers",
    default_config={"kinds": list(BASE_KINDS)},
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
    "form.v1": parse_form,
    "answer_form.v1": parse_answer_form,
}
ROLE_STAGES: dict[str, tuple[str, ...]] = {
    "complaint": ("parties.v1", "form.v1", "claims.v1", "assign.v1", "resolve.v1"),
    "answer": ("parties.v1", "form.v1", "answers.v1", "answer_form.v1"),
}


def build_nlp(kinds: tuple[str, ...] = BASE_KINDS) -> Language:
    """The spaCy pipeline: our char tokenizer and the recogniser component configured with `kinds`."""
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"@tokenizers": "yaosu.char_tokenizer.v1"}}})
    nlp.add_pipe("yaosu_recognisers", config={"kinds": list(kinds)})
    return nlp


def casetype_nlp(casetype: CaseType) -> Language:
    """One pipeline per loaded case type: the base recognisers and the ones its package adds."""
    kinds = BASE_KINDS + tuple(k for k in casetype.package.recognisers if k not in BASE_KINDS)
    return casetype.compiled("nlp", lambda _: build_nlp(kinds))  # type: ignore[no-any-return]


@cache
def get_nlp() -> Language:
    """The base pipeline (no case-type recognisers), built once per process for callers without a case type."""
    return build_nlp()


def chunks(text: str, size: int = CHUNK_CHARS) -> Iterator[tuple[int, str]]:
    """(offset, chunk) pieces of whole lines, each at most `size` characters (long lines cut at 。)."""
    if len(text) <= size:  # the common case: one chunk, no line scan
        if text:
            yield 0, text
        return
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


def recognise_document(norm: Normalised, with_docs: bool = False, nlp: Language | None = None) -> list[Mention]:
    """Mentions over the whole normalised text, chunk by chunk.

    The recognisers are pure regex over the text and one token is one character, so by default
    the driver calls the pipeline's component on each chunk's string and builds no Doc (building
    one costs more than all the recognisers on a short pleading). `with_docs=True` runs the full
    `nlp.pipe` instead and gives the same mentions; `get_nlp()(text)` is there for token work.
    """
    pieces = list(chunks(norm.text))
    nlp = nlp if nlp is not None else get_nlp()
    mentions: list[Mention] = []
    if with_docs:
        found = (doc._.yaosu_mentions for doc in nlp.pipe(piece for _, piece in pieces))
    else:
        component: RecogniserComponent = nlp.get_pipe("yaosu_recognisers")  # type: ignore[assignment]
        found = (component.recognise_text(piece) for _, piece in pieces)
    for (offset, _), chunk_mentions in zip(pieces, found, strict=True):
        mentions.extend(mention.shifted(offset) if offset else mention for mention in chunk_mentions)
    fill_years(mentions)
    for mention in mentions:
        if mention.kind == "rate":
            start, end = norm.span(mention.start, mention.end)
            mention.value = {**mention.value, "raw": norm.original[start:end]}
    return mentions


def replied_to(doc: Document) -> Document | None:
    """The complaint an answer replies to, read as a complaint of the same case type (once per answer), or
    None when the caller gave none: what a blanket answer (原告所诉属实 / 原告的诉请没有依据) speaks to."""
    if not doc.complaint:
        return None
    if doc.complaint_document is None:
        doc.complaint_document = analyse(doc.casetype, doc.complaint, "complaint")
    return doc.complaint_document


def analyse(casetype: CaseType, text: str, role: str, complaint: str = "",
            replied: Document | None = None) -> Document:
    """Read `text` as a pleading of `role`; an answer may be given the `complaint` it replies to, and the
    caller's own reading of that complaint (`replied`) when it has one."""
    norm = normalise(text)
    document = Document(norm, casetype, role, recognise_document(norm, nlp=casetype_nlp(casetype)))
    if role == "answer" and complaint:
        document.complaint = normalise(complaint).text
        document.complaint_document = replied
    document.sections = find_sections(norm.text)
    for stage in ROLE_STAGES[role]:
        STAGES[stage](document)
    return document

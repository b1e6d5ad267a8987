"""The citation catalogue (parameters/citations.yaml): the article in force on the day that matters.

A *concept* (e.g. ``late_performance_interest``) has dated rows, each naming a law, an article and the
days it governs. ``cite(concept, on)`` returns the row in force on ``on`` as a ``Citation``;
``basis_text`` joins citations into the sentence before 判决如下, grouped by law in first-use order with
the articles of each law in ascending order. Which day decides is the concept's ``date_basis``
(judgment date for 民事诉讼法, the date of the facts for substantive law, the filing date for the
民间借贷规定 versions). A row whose status is not verified warns (UnverifiedParameterWarning).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import cn2an

from engine.errors import E, YaosuError
from engine.law.parameters import STATUS_ZH, VERIFIED_STATUSES, warn_unverified
from engine.law.schemas import CatalogueFile, validate

if TYPE_CHECKING:
    from engine.law.lawdata import LawData

DATE_BASIS_ZH = {
    "judgment_date": "裁判日期",
    "filing_date": "立案（起诉）日期",
    "fact_date": "法律事实发生日期（合同订立、借款交付、保证、还款或事故发生之日）",
}


@dataclass(frozen=True)
class LawVersion:
    edition: str
    start: date | None
    end: date | None
    source: str
    status: str
    note: str = ""


@dataclass(frozen=True)
class Law:
    id: str
    title: str  # 全称 with 《》
    versions: tuple[LawVersion, ...]

    def version_on(self, on: date) -> LawVersion | None:
        for version in self.versions:
            if _within(on, version.start, version.end):
                return version
        return None


@dataclass(frozen=True)
class ProvisionRow:
    law: str
    article: str | None
    start: date | None  # None: from the law version's own start
    end: date | None
    source: str
    status: str
    note: str = ""
    effect: str | None = None


@dataclass(frozen=True)
class Provision:
    id: str
    label: str
    date_basis: str
    rows: tuple[ProvisionRow, ...]


@dataclass(frozen=True)
class Citation:
    """One article as cited: ``text`` is what a judgment prints, e.g. 《中华人民共和国民法典》第六百八十条."""

    concept: str
    law: str
    title: str
    edition: str
    article: str
    start: date | None
    end: date | None
    source: str
    status: str
    note: str = ""
    effect: str | None = None

    @property
    def text(self) -> str:
        return f"{self.title}{self.article}"

    @property
    def text_with_edition(self) -> str:
        """e.g. 《…规定》（2015年）第二十六条 — for a version no longer in force when the judgment cites it."""
        return f"{self.title}（{self.edition}）{self.article}"

    @property
    def verified(self) -> bool:
        return self.status in VERIFIED_STATUSES

    def to_json(self) -> dict[str, Any]:
        return {
            "concept": self.concept,
            "law": self.law,
            "title": self.title,
            "edition": self.edition,
            "article": self.article,
            "from": None if self.start is None else self.start.isoformat(),
            "to": None if self.end is None else self.end.isoformat(),
            "source": self.source,
            "status": self.status,
            "effect": self.effect,
        }


def _within(on: date, start: date | None, end: date | None) -> bool:
    return (start is None or start <= on) and (end is None or on <= end)


@dataclass(frozen=True)
class CitationCatalogue:
    laws: dict[str, Law]
    provisions: dict[str, Provision]
    path: str
    # Citations already looked up, by (concept, day): the catalogue never changes once loaded.
    _found: dict[tuple[str, date], Citation] = field(default_factory=dict, compare=False, repr=False)

    def law(self, law_id: str) -> Law:
        if law_id not in self.laws:
            raise YaosuError(E.E504, self_path=self.path, law_id=law_id)
        return self.laws[law_id]

    def provision(self, concept: str) -> Provision:
        if concept not in self.provisions:
            raise YaosuError(E.E505, self_path=self.path, concept=concept)
        return self.provisions[concept]

    def law_title(self, law_id: str, on: date | None = None) -> str:
        """The 全称 of ``law_id``; with ``on``, an error if no catalogued version was in force that day."""
        law = self.law(law_id)
        if on is not None and law.version_on(on) is None:
            raise YaosuError(E.E506, self_path=self.path, on_isoformat=on.isoformat(), law_title=law.title)
        return law.title

    def cite(self, concept: str, on: date | None, *, warn: bool = True) -> Citation:
        """The article stating ``concept`` in force on ``on`` (see the module docstring)."""
        found = self._found.get((concept, on)) if on is not None else None
        if found is not None:
            if warn and not found.verified:
                self._warn(found)
            return found
        citation = self._cite(concept, on)
        if on is not None:
            self._found[(concept, on)] = citation
        if warn and not citation.verified:
            self._warn(citation)
        return citation

    def _warn(self, citation: Citation) -> None:
        provision = self.provisions[citation.concept]
        warn_unverified(
            f"引用{citation.text}（{provision.label}）{STATUS_ZH.get(citation.status, citation.status)}："
            f"{citation.note or citation.source}；见 {self.path} 的 {citation.concept}"
        )

    def _cite(self, concept: str, on: date | None) -> Citation:
        provision = self.provision(concept)
        basis = DATE_BASIS_ZH.get(provision.date_basis, provision.date_basis)
        if on is None:
            raise YaosuError(E.E507, provision_label=provision.label, basis=basis)
        for row in provision.rows:
            law = self.law(row.law)
            version = law.version_on(on)
            if version is None or not _within(on, row.start, row.end):
                continue
            if row.article is None or row.status == "not_found":
                raise YaosuError(
                    E.E511, self_path=self.path, provision_label=provision.label, concept=concept, on_isoformat=on.isoformat(), law_title=law.title, row_note_or_row_source=row.note or row.source
                )
            citation = Citation(
                concept=concept,
                law=row.law,
                title=law.title,
                edition=version.edition,
                article=row.article,
                start=row.start if row.start is not None else version.start,
                end=row.end if row.end is not None else version.end,
                source=row.source,
                status=row.status,
                note=row.note,
                effect=row.effect,
            )
            return citation
        raise YaosuError(
            E.E500, self_path=self.path, provision_label=provision.label, concept=concept, on_isoformat=on.isoformat(), basis=basis
        )

    def effect(self, concept: str, on: date | None) -> str:
        """The ``effect`` of the row in force (e.g. guarantee_mode_default → joint / general)."""
        citation = self.cite(concept, on, warn=False)
        if citation.effect is None:
            raise YaosuError(E.E508, self_path=self.path, concept=concept, citation_text=citation.text)
        return citation.effect


def parse_catalogue(data: dict[str, Any], path: str) -> CitationCatalogue:
    model = validate(CatalogueFile, data, path)
    laws = {
        law_id: Law(
            law_id,
            law.title,
            tuple(LawVersion(v.edition, v.from_, v.to, v.source, v.status, v.note) for v in law.versions),
        )
        for law_id, law in model.laws.items()
    }
    provisions: dict[str, Provision] = {}
    for concept, prov in model.provisions.items():
        rows = []
        for i, row in enumerate(prov.rows, 1):
            if row.law not in laws:
                raise YaosuError(E.E512, file=path, concept=concept, i=i, row_law=row.law)
            if row.article is not None:
                article_key(row.article, f"{path}：provisions.{concept} 第{i}行")
            elif row.status != "not_found":
                raise YaosuError(E.E513, file=path, concept=concept, i=i)
            rows.append(
                ProvisionRow(
                    row.law, row.article, row.from_, row.to, row.source, row.status, row.note, row.effect
                )
            )
        _check_no_overlap(concept, rows, laws, path)
        provisions[concept] = Provision(concept, prov.label, prov.date_basis, tuple(rows))
    return CitationCatalogue(laws, provisions, path)


def _check_no_overlap(concept: str, rows: list[ProvisionRow], laws: dict[str, Law], path: str) -> None:
    """Two rows of one concept may not both be in force on a day (cite would pick one silently)."""
    spans = []
    for row in rows:
        versions = laws[row.law].versions
        start = row.start if row.start is not None else min(v.start or date.min for v in versions)
        end = row.end if row.end is not None else max(v.end or date.max for v in versions)
        if end < start:
            raise YaosuError(E.E509, file=path, concept=concept, row_article=row.article)
        spans.append((start, end, row.article))
    spans.sort()
    for (_, low_end, low), (high_start, _, high) in zip(spans, spans[1:], strict=False):
        if high_start <= low_end:
            raise YaosuError(
                E.E510, file=path, concept=concept, low=low, high=high
            )


# --- article numbers and the basis sentence ------------------------------------------------------

_ARTICLE = re.compile(
    r"^第([零〇一二三四五六七八九十百千]+)条(?:第([一二三四五六七八九十]+)款)?(?:第（([一二三四五六七八九十]+)）项)?$"
)
_CITED = re.compile(r"^(《.+》)(?:（([^）]*)）)?(第.+)$")


def article_key(article: str, where: str = "条文序号") -> tuple[int, int, int]:
    """(条, 款, 项) as integers for sorting, e.g. 第二十八条第二款第（一）项 → (28, 2, 1)."""
    key = _article_numbers(article)
    if key is None:
        raise YaosuError(E.E501, where=where, article=article)
    return key


@lru_cache(maxsize=2048)
def _article_numbers(article: str) -> tuple[int, int, int] | None:
    """The numbers of an article reference (pure; cn2an costs ~30 µs a numeral, a judgment cites dozens)."""
    match = _ARTICLE.match(article)
    if not match:
        return None
    parts = [cn2an.cn2an(g, "smart") if g else 0 for g in match.groups()]
    return int(parts[0]), int(parts[1]), int(parts[2])


def _as_citation(item: Citation | str) -> tuple[tuple[str, str], str, str]:
    """(group key, printed title, article) of a Citation or of a plain "《…》第…条" string."""
    if isinstance(item, Citation):
        return (item.title, item.edition), item.title, item.article
    match = _CITED.match(item.strip())
    if not match:
        raise YaosuError(E.E502, item=item)
    title, edition, article = match.group(1), match.group(2) or "", match.group(3)
    return (title, edition), title, article


def basis_text(citations: Iterable[Citation | str], tail: str = "判决如下：") -> str:
    """依照《A》第一条、第三条，《B》第五条之规定，判决如下： — laws in first-use order, articles ascending.

    Two editions of the same law in one list (a transitional case) are told apart by the edition,
    e.g. 《…规定》（2015年）第二十六条.
    """
    groups: dict[tuple[str, str], tuple[str, list[str]]] = {}
    for item in citations:
        if isinstance(item, Citation) and item.status == "not_found":
            continue  # a blank article left for the judge (no article in the catalogue for that day)
        key, title, article = _as_citation(item)
        article_key(article, f"引用 {title}{article}")
        _, articles = groups.setdefault(key, (title, []))
        if article not in articles:
            articles.append(article)
    # A plain "《法》第X条" carries no edition: it belongs with the one edition of that law cited beside it.
    for (title, edition), (_, articles) in list(groups.items()):
        if edition:
            continue
        editions = [key for key in groups if key[0] == title and key[1]]
        if len(editions) == 1:
            target = groups[editions[0]][1]
            target.extend(a for a in articles if a not in target)
            del groups[(title, edition)]
    if not groups:
        raise YaosuError(E.E503)
    titles = [title for title, _ in groups.values()]
    parts = []
    for (_, edition), (title, articles) in groups.items():
        shown = f"{title}（{edition}）" if titles.count(title) > 1 and edition else title
        ordered = sorted(articles, key=article_key)
        parts.append(shown + "、".join(ordered))
    return f"依照{'，'.join(parts)}之规定，{tail}"


# --- module-level helpers on the default law data --------------------------------------------------


def _catalogue(law: LawData | None) -> CitationCatalogue:
    from engine.law.lawdata import default_law

    return (law or default_law()).citations


def cite(concept: str, on: date | None, *, law: LawData | None = None) -> Citation:
    """``concept`` as in force on ``on``, from ``law`` (default: the repository's parameters/)."""
    return _catalogue(law).cite(concept, on)


def law_title(law_id: str, on: date | None = None, *, law: LawData | None = None) -> str:
    return _catalogue(law).law_title(law_id, on)


def effect(concept: str, on: date | None, *, law: LawData | None = None) -> str:
    return _catalogue(law).effect(concept, on)

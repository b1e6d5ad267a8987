"""The judgment for publication (裁判文书上网): the same Judgment with people's identities taken out.

Natural persons (parties, legal representatives, agents) become surname + 某 (顾文杰 → 顾某; two
people sharing a surname → 张某甲 / 张某乙, the same stand-in everywhere in the document).
Legal persons keep their names and 住所地. Natural persons' addresses, and every ID number,
phone number and bank account, are removed. The court, case number, judge and clerk are kept.

It works on the Judgment model (engine/drafting/content.py), before rendering, so the docx,
HTML and text renderers all print the anonymised content; every text field is transformed,
including the element-table cells. The name list comes from the case's party lists (both
pleadings and findings), via the research de-identification helpers.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from engine.drafting.build import build_judgment
from engine.drafting.content import Judgment
from engine.drafting.render import render_judgment_docx, render_judgment_html, template_name
from engine.research.deidentify import (
    NameMatcher,
    is_organisation,
    publication_pseudonyms,
    strip_identifiers,
)

if TYPE_CHECKING:
    from engine.system import System

# Printed as they are: the court and its staff are named in a published judgment.
KEPT_FIELDS = frozenset({"court_id", "court_name", "doc_title", "case_number", "judge", "date_cn", "clerk"})
ADDRESS_LABEL = r"(?:住所地|住址|住所|现住|经常居住地|户籍地|住)[：:]?"


def _party_dicts(value: Any) -> list[dict[str, Any]]:
    return [party for party in value or [] if isinstance(party, dict)] if isinstance(value, list) else []


def _case_parties(case: dict[str, Any]) -> list[dict[str, Any]]:
    """Every party dict the case holds, pleadings first, in the order they appear."""
    sources: list[Any] = []
    for role in ("complaint", "answer"):
        pleading = case.get(role) or {}
        elements = pleading.get("elements") or {}
        sources += [item.get("value") for item in elements.values() if isinstance(item, dict)]
    for state in (case.get("elements") or {}).values():
        if isinstance(state, dict):
            sources += [state.get("complaint"), state.get("answer")]
    sources += list((case.get("findings") or {}).values())
    return [party for value in sources for party in _party_dicts(value)]


def _is_natural(party: dict[str, Any]) -> bool:
    kind = party.get("kind")
    if kind in ("legal", "organisation", "other"):
        return False
    return not is_organisation(str(party.get("name") or ""))


def natural_persons(case: dict[str, Any]) -> tuple[list[str], list[str]]:
    """(names, addresses) of the natural persons a case names: parties, legal representatives, agents."""
    names: list[str] = []
    addresses: list[str] = []
    for party in _case_parties(case):
        if _is_natural(party):
            names.append(str(party.get("name") or ""))
            if party.get("address"):
                addresses.append(str(party["address"]))
        for person in [party.get("legal_representative"), *(party.get("agents") or [])]:
            if isinstance(person, str) and person.strip() and not is_organisation(person):
                names.append(person)
    return [name for name in names if name.strip()], list(dict.fromkeys(a for a in addresses if a.strip()))


class Anonymiser:
    """One document's stand-ins: built from the case, then applied to every text."""

    def __init__(self, case: dict[str, Any]) -> None:
        names, addresses = natural_persons(case)
        self.names = publication_pseudonyms(names)
        self._names = NameMatcher(self.names)  # built once: every text of the document goes through it
        ordered = sorted(addresses, key=len, reverse=True)
        alternatives = "|".join(map(re.escape, ordered))
        # "，住上海市…号" goes with its label and comma; a bare mention elsewhere goes alone.
        self._labelled = re.compile(rf"[，,]?{ADDRESS_LABEL}(?:{alternatives})") if ordered else None
        self._bare = re.compile(alternatives) if ordered else None

    def text(self, text: str) -> str:
        if self._labelled is not None and self._bare is not None:
            text = self._bare.sub("", self._labelled.sub("", text))
        text = strip_identifiers(text)
        return self._names.replace(text, self.names)


def _walk(anonymiser: Anonymiser, value: Any) -> Any:
    if isinstance(value, str):
        return anonymiser.text(value)
    if isinstance(value, list):
        return [_walk(anonymiser, item) for item in value]
    if isinstance(value, dict):
        return {key: _walk(anonymiser, item) for key, item in value.items()}
    return value


def anonymise(judgment: Judgment, case: dict[str, Any]) -> Judgment:
    """The judgment as published: every text field transformed except the court's own."""
    anonymiser = Anonymiser(case)
    data = judgment.model_dump()
    published = {key: value if key in KEPT_FIELDS else _walk(anonymiser, value) for key, value in data.items()}
    return Judgment.model_validate(published)


def render_anonymised_docx(system: System, case: dict[str, Any], court_id: str) -> bytes:
    judgment = anonymise(build_judgment(system, case, court_id), case)
    return render_judgment_docx(system, judgment, template_name(system, case))


def render_anonymised_html(system: System, case: dict[str, Any], court_id: str) -> str:
    return render_judgment_html(system, anonymise(build_judgment(system, case, court_id), case))

"""All law data in one frozen object, loaded once from a parameters directory.

``LawData.load(path)`` reads the dated tables, the fee schedules and the citation catalogue of a
parameters/ directory; the calculators take ``law: LawData | None = None`` and use ``default_law()``
(the repository's parameters/, loaded once) when given None. This is the only cache of law data.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from engine.law.citations import CitationCatalogue, parse_catalogue
from engine.law.parameters import load_yaml
from engine.paths import PARAMETERS_DIR


def _rel(path: Path) -> str:
    try:
        return str(path.relative_to(PARAMETERS_DIR.parent))
    except ValueError:
        return str(path)


@dataclass(frozen=True)
class LawData:
    path: Path
    citations: CitationCatalogue

    @classmethod
    def load(cls, path: Path) -> LawData:
        path = Path(path)
        catalogue_path = path / "citations.yaml"
        return cls(path=path, citations=parse_catalogue(load_yaml(catalogue_path), _rel(catalogue_path)))


@cache
def default_law() -> LawData:
    """The repository's parameters/, loaded on first use."""
    return LawData.load(PARAMETERS_DIR)

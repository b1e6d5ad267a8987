"""One loaded system: dictionary, tables, courts, case-type packages — read once, passed explicitly.

Like OpenFisca's `TaxBenefitSystem` or spaCy's `Language`, a `System` is built from a data root
(`load_system(root)`) and handed to every function that needs data; nothing reads the data folders
behind the caller's back, so a test builds its own system in `tmp_path`. The data ships inside the
package (`engine/data/` holds the repository's `elements/`, `element_tables/`, `judgment_templates/`
and `parameters/`), so an installed wheel finds it with `importlib.resources`.

Reading order for one pleading: engine/extraction/api.py → engine/case/new.py → engine/case/merge.py →
engine/drafting/build.py (+ engine/casetypes/<id>/rules.py) → engine/drafting/render.py.
"""

from __future__ import annotations

import importlib.resources
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from engine.casetypes import CaseTypePackage, load_package
from engine.drafting.courts import Court, read_courts
from engine.elements.dictionary import ElementDef, ElementTable, read_dictionary, read_tables
from engine.errors import E, YaosuError
from engine.paths import DATA_ROOT

if TYPE_CHECKING:
    from engine.law.lawdata import LawData


def packaged_root() -> Path:
    """The data root shipped with the package (a source checkout links it to the repository)."""
    root = Path(str(importlib.resources.files("engine") / "data"))
    return root if (root / "element_tables").is_dir() else DATA_ROOT


@dataclass(frozen=True, eq=False)
class CaseType:
    """Everything one case type is: its table (data) and its package (Python), compiled once."""

    table: ElementTable
    package: CaseTypePackage
    _compiled: dict[str, Any] = field(default_factory=dict, repr=False)

    @property
    def id(self) -> str:
        return self.table.id

    def compiled(self, key: str, build: Callable[[CaseType], Any]) -> Any:
        """A structure derived from this (immutable) case type, built on first use by `build`."""
        if key not in self._compiled:
            self._compiled[key] = build(self)
        return self._compiled[key]

    @cached_property
    def cues(self) -> dict[str, Any]:
        from engine.extraction.cues import compile_cues

        return compile_cues(self.table)

    @cached_property
    def types(self) -> dict[str, str]:
        return {eid: entry.element.type for eid, entry in self.table.entries.items()}


@dataclass(frozen=True, eq=False)
class System:
    root: Path
    dictionary: Mapping[str, ElementDef]
    tables: Mapping[str, ElementTable]
    courts: Mapping[str, Court]
    casetypes: Mapping[str, CaseType]
    _compiled: dict[str, Any] = field(default_factory=dict, repr=False)

    def compiled(self, key: str, build: Callable[[System], Any]) -> Any:
        """A structure derived from this (immutable) system's data, built on first use (templates …)."""
        if key not in self._compiled:
            self._compiled[key] = build(self)
        return self._compiled[key]

    @property
    def templates_dir(self) -> Path:
        return self.root / "judgment_templates"

    @property
    def parameters_dir(self) -> Path:
        return self.root / "parameters"

    @cached_property
    def law(self) -> LawData:
        from engine.law.lawdata import LawData

        return LawData.load(self.parameters_dir)

    def casetype(self, case_type: Any) -> CaseType:
        if isinstance(case_type, str) and case_type in self.casetypes:
            return self.casetypes[case_type]
        known = "、".join(self.casetypes) or "无"
        shown = str(case_type)[:64]
        raise YaosuError(E.E111, shown=shown, known=known, path="/case_type")

    def table(self, case_type: Any) -> ElementTable:
        return self.casetype(case_type).table

    def court(self, court_id: str | None) -> Court:
        if court_id and court_id in self.courts:
            return self.courts[court_id]
        known = "、".join(f"{cid}（{c.name}）" for cid, c in self.courts.items())
        raise YaosuError(E.E112, court_id_or_64=(court_id or '（未指定）')[:64], known=known, path="/court")


def read_system(root: Path) -> tuple[System | None, list[str]]:
    """The system in `root`, and every data problem found (the system is None when there are any)."""
    problems: list[str] = []
    for folder in ("elements", "element_tables", "judgment_templates"):
        if not (root / folder).is_dir():
            problems.append(f"{root}：缺少数据文件夹 {folder}/")
    if problems:
        return None, problems
    dictionary, found = read_dictionary(root / "elements")
    problems += found
    tables, found = read_tables(root / "element_tables", dictionary)
    problems += found
    courts, found = read_courts(root / "judgment_templates" / "courts.yaml")
    problems += found
    casetypes: dict[str, CaseType] = {}
    # The table of the highest detect_priority first: the form's default, and the tie-break of detection.
    for case_type, table in sorted(tables.items(), key=lambda item: (-item[1].detect_priority, item[0])):
        try:
            package = load_package(table)
        except YaosuError as exc:
            problems.append(exc.message)
            continue
        if not (root / "judgment_templates" / table.template).is_file():
            problems.append(f"element_tables/{case_type}.yaml：template：判决书模板 {table.template} 不存在")
        casetypes[case_type] = CaseType(table, package)
    if problems:
        return None, problems
    return System(root, dictionary, tables, courts, casetypes), []


def load_system(root: str | Path | None = None) -> System:
    """Load and check the data under `root` (default: the packaged data); any problem is a YaosuError."""
    system, problems = read_system(Path(root) if root is not None else packaged_root())
    if system is None:
        raise YaosuError(E.E000, message="数据文件有误：" + "；".join(problems[:20]) + ("……" if len(problems) > 20 else ""))
    return system


@cache
def default_system() -> System:
    """The packaged system, loaded once per process: for the command line and the service only."""
    return load_system()

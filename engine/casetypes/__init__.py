"""Case-type packages: what one case type knows in Python, kept out of the generic core.

A case type is data (its table in element_tables/, its elements in elements/, its template in
judgment_templates/) plus, optionally, a package `engine/casetypes/<package>/` whose `__init__.py`
defines `PACKAGE = CaseTypePackage(...)`: extraction derivations, claim-parser settings, answer wording,
judgment rules, evaluation settings. The table names its package (`package: private_lending`); a table
without one gets the generic behaviour (no derivations, the generic judgment). The core never names an
element id of any case type: `tests/test_core_names_no_element.py` enforces it.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from engine.errors import E, YaosuError
from engine.yamltext import load_yaml

if TYPE_CHECKING:
    from engine.elements.dictionary import ElementTable
    from engine.extraction.document import Candidate, Document


@dataclass(frozen=True)
class AnswerWording:
    """Words that give an answer clause its stance (generic ones + the case type's own)."""

    admit: tuple[str, ...] = ()
    contest: tuple[str, ...] = ()


@dataclass(frozen=True)
class CaseTypePackage:
    id: str
    # Extraction: after resolution, fill elements the text implies (term end from loan date + term …).
    derive: Callable[[Document, dict[str, Candidate]], None] | None = None
    # The same for answers, after the stance of each clause is read: what an answer asserts in its own
    # words (a reduction request, a quality objection); it may drop doc.positions for plain assertions.
    derive_answer: Callable[[Document, dict[str, Candidate]], None] | None = None
    # Extra recogniser kinds this case type needs (registered in engine.extraction.recognisers).
    recognisers: tuple[str, ...] = ()
    answer_wording: AnswerWording = field(default_factory=AnswerWording)
    # A trained classifier of answer clauses: per clause, the defence elements it raises. It is asked only
    # about the clauses in which the rules raised no defence (the rules come first).
    clause_classifier: Callable[[list[str]], list[set[str]]] | None = None
    # Judgment rules registered under this name (engine/drafting/rules registry).
    judgment_rules: str = "generic.v1"
    # Claim parser: regexes of phrases inside claims that hold claim keywords without being claims.
    claim_masks: tuple[str, ...] = ()
    # Evaluation: the core elements scored by `yaosu eval --core`, and how predictions are adapted to a
    # real-data gold's conventions.
    core_elements: tuple[str, ...] = ()
    real_conventions: Callable[[dict[str, Any]], dict[str, Any]] | None = None
    # The blind real-text set (corpus/realdata_gold/cail2021_blind.gold.jsonl): what it annotates.
    blind_complaint_elements: tuple[str, ...] = ()
    blind_defence_elements: tuple[str, ...] = ()
    phrases: dict[str, str] = field(default_factory=dict)
    # Research report: the legal cap on the agreed rate that applied to a case, as a percent string.
    research_cap: Callable[[Any, dict[str, Any]], str | None] | None = None
    research_rate_element: str | None = None  # the agreed rate the report sets beside the rate granted
    # Metamorphic testing (`--perturb lexical`): the case type's own wordings of one meaning, after the
    # generic list (engine/extraction/paraphrases.yaml); a file beside the package, read only when used.
    paraphrase_file: Path | None = None


GENERIC = CaseTypePackage(id="generic")


def read_package_yaml(module_file: str, name: str) -> Any:
    """A data file beside a package's module (answer wording, phrases): read once at import."""
    path = Path(module_file).with_name(name)
    try:
        return load_yaml(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise YaosuError(E.E152, path_name=path.name, exc=exc) from exc


def load_package(table: ElementTable) -> CaseTypePackage:
    """The package a table names (its module registers its rules on import), or the generic one."""
    if table.package is None:
        return GENERIC
    if not table.package.replace("_", "").isalnum():
        raise YaosuError(E.E150, table_id=table.id, table_package=table.package)
    try:
        module = importlib.import_module(f"engine.casetypes.{table.package}")
    except ModuleNotFoundError as exc:
        raise YaosuError(
            E.E153, table_id=table.id, table_package=table.package
        ) from exc
    package = getattr(module, "PACKAGE", None)
    if not isinstance(package, CaseTypePackage):
        raise YaosuError(E.E151, table_package=table.package)
    return package

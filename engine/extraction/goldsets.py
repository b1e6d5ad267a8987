"""The registry of gold sets on real text (corpus/realdata_gold/sets.yaml) and their scores side by side.

Each set says which case type it is scored as and whether rules may be tuned on it (`kind`), so that every
figure reported comes with the kind of set it comes from. `score_all` scores each set by the same evaluator
`yaosu eval-real --gold FILE` uses; `summary_table` puts the micro-F1 of every set in one table.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, ValidationError
from rich.cells import cell_len

from engine.elements.dictionary import read_yaml, validation_messages
from engine.errors import E, YaosuError
from engine.paths import CORPUS_DIR

if TYPE_CHECKING:
    from engine.system import System

GOLD_SETS = CORPUS_DIR / "realdata_gold" / "sets.yaml"
KINDS = ("development", "blind", "held_out")
KIND_LABELS = {"development": "开发集", "blind": "盲测集", "held_out": "留出集"}


class GoldSet(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    file: str
    case_type: str
    kind: Literal["development", "blind", "held_out"]
    source: str
    what: str


class _Registry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    sets: tuple[GoldSet, ...]


def load_gold_sets(path: Path = GOLD_SETS) -> tuple[GoldSet, ...]:
    """The registered sets, in file order; a clear error naming the file and the entry at fault."""
    try:
        registry = _Registry.model_validate(read_yaml(path))
    except ValidationError as exc:
        raise YaosuError(E.E290, problems="；".join(validation_messages(exc, path.name))) from exc
    seen: set[str] = set()
    for entry in registry.sets:
        if entry.id in seen:
            raise YaosuError(E.E291, file=path.name, set_id=entry.id)
        seen.add(entry.id)
        if not (path.parent / entry.file).is_file():
            raise YaosuError(E.E292, file=path.name, set_id=entry.id, gold=entry.file)
    return registry.sets


def score_all(system: System, realdata: Path, sets: tuple[GoldSet, ...], folder: Path) -> list[dict[str, Any]]:
    """One row per set: its registry entry and its report, by the evaluator `eval-real --gold` uses (None when
    its source text is not on this machine)."""
    from engine.extraction.realdata import evaluate_gold, missing_source

    rows = []
    for entry in sets:
        gold = folder / entry.file
        report = None if missing_source(realdata, gold) else evaluate_gold(system, entry.case_type, realdata, gold)
        rows.append({"set": entry, "report": report})
    return rows


def _micro(report: dict[str, Any] | None, part: str) -> str:
    if report is None:
        return "—"
    section = report.get(part)
    if not section or not section.get("per_element"):
        return "—"
    micro = section["micro"]
    return f"{micro['f1']:.3f}（P {micro['precision']:.3f} R {micro['recall']:.3f}）"


def summary_table(rows: list[dict[str, Any]], markdown: bool = False) -> str:
    """Every set's complaint and answer micro-F1 on one line each (markdown for the README when asked)."""
    header = ("集合", "类别", "案件类型", "份数", "起诉状 micro-F1", "答辩状 micro-F1")
    lines = []
    for row in rows:
        entry: GoldSet = row["set"]
        report = row["report"]
        files = "未找到真实文书" if report is None else str(report.get("files", 0))
        lines.append((entry.id, KIND_LABELS[entry.kind], entry.case_type, files,
                      _micro(report, "complaints"), _micro(report, "answers")))
    if markdown:
        table = ["| " + " | ".join(header) + " |", "| " + " | ".join("---" for _ in header) + " |"]
        return "\n".join(table + ["| " + " | ".join(line) + " |" for line in lines])
    # Padded by display width: a Chinese character takes two columns of a terminal.
    widths = [max(cell_len(cells[i]) for cells in [header, *lines]) for i in range(len(header))]
    return "\n".join("  ".join(cell + " " * (widths[i] - cell_len(cell)) for i, cell in enumerate(cells)).rstrip()
                     for cells in [header, *lines])

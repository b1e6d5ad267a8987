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
    from engine.extraction.perturb import Perturbation
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


def score_all(system: System, realdata: Path, sets: tuple[GoldSet, ...], folder: Path,
              perturbation: Perturbation | None = None) -> list[dict[str, Any]]:
    """One row per set: its registry entry and its report, by the evaluator `eval-real --gold` uses (None when
    its source text is not on this machine); with a `perturbation`, the robustness report (as written and
    rewritten) instead."""
    from engine.extraction.perturb import robustness
    from engine.extraction.realdata import evaluate_gold, missing_source

    rows = []
    for entry in sets:
        gold = folder / entry.file
        report = None if missing_source(realdata, gold) else evaluate_gold(system, entry.case_type, realdata, gold)
        if report is not None and perturbation is not None:
            report = robustness(report, evaluate_gold(system, entry.case_type, realdata, gold, perturbation))
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


def _robust_micro(report: dict[str, Any] | None, part: str) -> str:
    section = (report or {}).get("robustness", {}).get(part)
    if not section:
        return "—"
    before, after = section["micro"], section["perturbed_micro"]
    return f"{'—' if before is None else format(before, '.3f')} → {'—' if after is None else format(after, '.3f')}"


def _flips(report: dict[str, Any] | None, now: str) -> str:
    return "—" if report is None else str(sum(flip["now"] == now for flip in report.get("flips", [])))


def summary_table(rows: list[dict[str, Any]], markdown: bool = False) -> str:
    """Every set's complaint and answer micro-F1 on one line each (markdown for the README when asked); for
    robustness reports (`--perturb`), the micro-F1 as written → rewritten and the flips both ways."""
    robust = any(row["report"] is not None and "robustness" in row["report"] for row in rows)
    header: tuple[str, ...] = ("集合", "类别", "案件类型", "份数", "起诉状 micro-F1", "答辩状 micro-F1")
    if robust:
        header = ("集合", "类别", "案件类型", "份数", "起诉状 F1 → 扰动后", "答辩状 F1 → 扰动后", "对→错", "错→对")
    lines: list[tuple[str, ...]] = []
    for row in rows:
        entry: GoldSet = row["set"]
        report = row["report"]
        files = "未找到真实文书" if report is None else str(report.get("files", 0))
        if robust:
            lines.append((entry.id, KIND_LABELS[entry.kind], entry.case_type, files,
                          _robust_micro(report, "complaints"), _robust_micro(report, "answers"),
                          _flips(report, "wrong"), _flips(report, "right")))
        else:
            lines.append((entry.id, KIND_LABELS[entry.kind], entry.case_type, files,
                          _micro(report, "complaints"), _micro(report, "answers")))
    if markdown:
        table = ["| " + " | ".join(header) + " |", "| " + " | ".join("---" for _ in header) + " |"]
        return "\n".join(table + ["| " + " | ".join(line) + " |" for line in lines])
    # Padded by display width: a Chinese character takes two columns of a terminal.
    widths = [max(cell_len(cells[i]) for cells in [header, *lines]) for i in range(len(header))]
    return "\n".join("  ".join(cell + " " * (widths[i] - cell_len(cell)) for i, cell in enumerate(cells)).rstrip()
                     for cells in [header, *lines])

"""Score extraction against gold files: P/R/F1 per element and micro-F1 (corpus/README.md rules)."""

from __future__ import annotations

import json
import re
from collections.abc import Collection
from pathlib import Path
from typing import TYPE_CHECKING, Any

from engine.elements.value_types import get_value_type
from engine.errors import E, YaosuError

if TYPE_CHECKING:
    from engine.extraction.perturb import Perturbation
    from engine.system import System

def _ws(text: str) -> str:
    return "".join(str(text).split())


def comparable(element_type: str, value: Any) -> Any:
    """The part of a value the scoring compares (names of parties, annual rate, …): the value type's. A name
    is compared as the rules read it (simplified characters, ASCII digits): 張三 and 李某１ as written name the
    parties 张三 and 李某1 of the gold."""
    if value is None:
        return None
    found = get_value_type(element_type).comparable(value)
    if element_type in ("party_list", "name_list"):
        return type(found)(_read_as(name) if isinstance(name, str) else name for name in found)
    if element_type in ("object", "object_list"):
        return _strings_read_as(found)
    return found


def _read_as(written: str) -> str:
    from engine.extraction.normalise import normalise

    return normalise(written).text


def _strings_read_as(value: Any) -> Any:
    """A record's strings as the rules read them (an award's result quoting 6500元,对… is 6500元，对…)."""
    if isinstance(value, str):
        return _read_as(value)
    if isinstance(value, list):
        return [_strings_read_as(item) for item in value]
    if isinstance(value, dict):
        return {key: _strings_read_as(item) for key, item in value.items()}
    return value


def values_match(element_type: str, gold: Any, predicted: Any) -> bool:
    if element_type == "text" and gold is not None and predicted is not None:
        g, p = _ws(_read_as(str(gold))), _ws(_read_as(str(predicted)))
        return g in p or p in g
    return bool(comparable(element_type, gold) == comparable(element_type, predicted))


class Tally:
    def __init__(self) -> None:
        self.counts: dict[str, list[int]] = {}
        self.errors: list[dict[str, Any]] = []

    def add(self, element: str, tp: int, fp: int, fn: int) -> None:
        row = self.counts.setdefault(element, [0, 0, 0])
        row[0] += tp
        row[1] += fp
        row[2] += fn

    @staticmethod
    def prf(tp: int, fp: int, fn: int) -> dict[str, float | int]:
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {"tp": tp, "fp": fp, "fn": fn, "precision": round(precision, 4), "recall": round(recall, 4),
                "f1": round(f1, 4)}

    def report(self, elements: tuple[str, ...] | None = None) -> dict[str, Any]:
        chosen = {e: c for e, c in self.counts.items() if elements is None or e in elements}
        totals = [sum(c[i] for c in chosen.values()) for i in range(3)]
        return {"per_element": {e: self.prf(*c) for e, c in sorted(chosen.items())}, "micro": self.prf(*totals)}


def score_complaint(tally: Tally, name: str, gold: dict[str, Any], predicted: dict[str, Any],
                    types: dict[str, str], only: tuple[str, ...] | None = None,
                    skip: Collection[str] = ()) -> None:
    """Each element of the gold and the prediction scored (those in `only`, none in `skip`: what a rewrite
    left the text no longer saying)."""
    gold_elements = gold.get("elements", {})
    predicted_elements = predicted.get("elements", {})
    for eid in sorted(set(gold_elements) | set(predicted_elements)):
        if (only is not None and eid not in only) or eid in skip:
            continue
        element_type = types.get(eid, "text")
        g = gold_elements.get(eid, {}).get("value") if eid in gold_elements else None
        p = predicted_elements.get(eid, {}).get("value") if eid in predicted_elements else None
        if eid in gold_elements and eid in predicted_elements and values_match(element_type, g, p):
            tally.add(eid, 1, 0, 0)
            continue
        tally.add(eid, 0, int(eid in predicted_elements), int(eid in gold_elements))
        tally.errors.append({"file": name, "element": eid, "gold": g, "predicted": p, "part": "complaints"})


def score_answer(tally: Tally, name: str, gold: dict[str, Any], predicted: dict[str, Any],
                 types: dict[str, str]) -> None:
    gold_elements = gold.get("elements", {})
    predicted_elements = predicted.get("elements", {})
    for eid in sorted(set(gold_elements) | set(predicted_elements)):
        element_type = types.get(eid, "text")
        g = gold_elements.get(eid)
        p = predicted_elements.get(eid)
        if g is not None and p is not None:
            if element_type == "party_list":
                ok = values_match(element_type, g.get("value"), p.get("value"))
            else:
                ok = g.get("position") == p.get("position") and (
                    g.get("value") is None or values_match(element_type, g.get("value"), p.get("value"))
                )
            if ok:
                tally.add(eid, 1, 0, 0)
                continue
        tally.add(eid, 0, int(p is not None), int(g is not None))
        tally.errors.append({"file": name, "element": eid, "gold": g, "predicted": p and {
            k: p.get(k) for k in ("position", "value")}, "part": "answers"})


_ANSWER_NAME = re.compile(r"(?P<prefix>.+)_a_(?P<number>\d+)$")


def _complaint_of(answer: Path) -> Path | None:
    """The team complaint an answer replies to (corpus/README.md: `pl_a_NNN` answers `pl_c_NNN`, in the
    `complaints/` folder beside `answers/`), read with it as `yaosu new` reads a pair; None when there is none."""
    named = _ANSWER_NAME.match(answer.stem)
    if named is None:
        return None
    folder = answer.parent.parent / "complaints"
    found = sorted(folder.glob(f"{named['prefix']}_c_{named['number']}*.txt")) if folder.is_dir() else []
    return found[0] if found else None


def evaluate_directory(system: System, directory: Path, core_only: bool = False,
                       perturbation: Perturbation | None = None) -> dict[str, Any]:
    """Score every `*.txt` with a `*.gold.json` beside it; `core` uses each case type's core elements. An answer
    is read with the complaint it replies to, when the folder has it; a `perturbation` rewrites each text (and
    that complaint) and its gold first (engine/extraction/perturb.py)."""
    from engine.extraction.api import extract_path, extract_text
    from engine.extraction.perturb import Rewriter
    from engine.extraction.reading import read_pleading_notes

    if not directory.is_dir():
        raise YaosuError(E.E203, directory=directory)
    complaints, answers = Tally(), Tally()
    missing = Tally()
    core_ids: set[str] = set()
    files = 0
    rewrite = Rewriter(perturbation)
    for gold_path in sorted(directory.rglob("*.gold.json")):
        text_path = gold_path.with_name(gold_path.name[: -len(".gold.json")] + ".txt")
        if not text_path.is_file():
            continue
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        role = gold.get("role", "complaint")
        replied = _complaint_of(text_path) if role == "answer" else None
        complaint = read_pleading_notes(replied).text if replied is not None else ""
        if perturbation is None:
            predicted = extract_path(system, text_path, gold.get("case_type"), role, complaint)
        else:
            # The case type's value types say what the rewrite may touch (detected when the gold names none).
            named = gold.get("case_type") or extract_path(system, text_path, None, role)["case_type"]
            casetype = system.casetype(named)
            texts = (read_pleading_notes(text_path).text, *((complaint,) if complaint else ()))
            rewritten, elements = rewrite(text_path.name, texts, gold.get("elements", {}), casetype.types,
                                          casetype.package.paraphrase_file)
            gold = {**gold, "elements": elements}
            predicted = extract_text(system, rewritten[0], named, role, rewritten[1] if complaint else "")
        casetype = system.casetype(predicted["case_type"])
        types = casetype.types
        core = casetype.package.core_elements
        core_ids.update(core)
        files += 1
        if role == "answer":
            score_answer(answers, text_path.name, gold, predicted, types)
        else:
            score_complaint(complaints, text_path.name, gold, predicted, types, core if core_only else None,
                            rewrite.unscored.get(text_path.name, ()))
            g_missing, p_missing = set(gold.get("missing", [])), set(predicted.get("missing", []))
            missing.add("missing", len(g_missing & p_missing), len(p_missing - g_missing), len(g_missing - p_missing))
    return {
        "files": files,
        "complaints": complaints.report(),
        "core": complaints.report(tuple(sorted(core_ids))),
        "answers": answers.report(),
        "missing": missing.report()["micro"],
        "errors": complaints.errors + answers.errors,
        **rewrite.summary(),
    }


def format_report(report: dict[str, Any]) -> str:
    lines = [f"文件数：{report.get('files', 0)}"]
    for key, title in (("complaints", "起诉状"), ("answers", "答辩状")):
        part = report.get(key)
        if not part or not part["per_element"]:
            continue
        lines.append(f"\n{title}  要素              P       R       F1   (tp/fp/fn)")
        for eid, row in part["per_element"].items():
            lines.append(f"  {eid:<24}{row['precision']:>7.3f} {row['recall']:>7.3f} {row['f1']:>7.3f}   "
                         f"({row['tp']}/{row['fp']}/{row['fn']})")
        micro = part["micro"]
        lines.append(f"  micro-F1 = {micro['f1']:.4f}（P {micro['precision']:.4f}，R {micro['recall']:.4f}）")
    if report.get("core"):
        lines.append(f"\n核心要素 micro-F1 = {report['core']['micro']['f1']:.4f}")
    if report.get("missing"):
        lines.append(f"missing 列表 F1 = {report['missing']['f1']:.4f}")
    return "\n".join(lines)

"""Score extraction on real judgments (../shared/realdata/scm_loan): the complaint part only.

Each document is cut before the answer / the court's findings (被告辩称, 经审理查明 …) so that
what is scored is what a complaint says. Gold lives in corpus/realdata_gold/ keyed by
document id; the real text itself never enters the repository. Where the gold's conventions differ
from the team corpus, the case type's package adapts the prediction (`real_conventions`).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from engine.errors import E, YaosuError
from engine.extraction.evaluate import Tally, score_answer, score_complaint
from engine.paths import CORPUS_DIR, SHARED_DIR

if TYPE_CHECKING:
    from engine.system import System

DEFAULT_REALDATA = SHARED_DIR / "realdata"
DEFAULT_GOLD = CORPUS_DIR / "realdata_gold" / "scm_loan.gold.jsonl"
# The complaint part ends where the defence (…辩称, 答辩称) or the court's own findings begin.
_CUT = re.compile(
    r"被告[^。；]{0,40}?辩称|答辩称|辩称|经审理查明|本院经审理|审理查明|本院认定事实如下|本院确认以下事实"
    r"|认定如下(?:案件)?事实|本院认定|经审理，本院"
)


def complaint_part(text: str) -> str:
    match = _CUT.search(text)
    return text[: match.start()] if match else text


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    try:
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    except (OSError, json.JSONDecodeError) as exc:
        raise YaosuError(E.E205, file=path, exc=exc) from exc


def _source_passages(realdata: Path, source: str) -> list[str]:
    """The passages of a JSON-list source named by a gold line's `source` (e.g. lawbench/…json)."""
    path = realdata / source
    try:
        items = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise YaosuError(E.E205, file=path, exc=exc) from exc
    return [re.sub(r"^句子[:：]", "", str(item.get("question", ""))) for item in items]


def _evaluate_passages(system: System, case_type: str, realdata: Path, golds: list[dict[str, Any]]
                       ) -> dict[str, Any]:
    """Gold lines keyed by (`source`, `index`, `part`): the complaint part is scored as a complaint and
    the rest as an answer, on the elements the gold set annotates anywhere (its README says which)."""
    from engine.extraction.api import extract_text

    casetype = system.casetype(case_type)
    types, core = casetype.types, casetype.package.core_elements
    adapt = casetype.package.real_conventions or (lambda predicted: predicted)
    covered = tuple(sorted({eid for gold in golds for eid in gold.get("elements", {})}))
    sources: dict[str, list[str]] = {}
    complaints, answers = Tally(), Tally()
    scored = 0
    for gold in golds:
        passages = sources.setdefault(gold["source"], _source_passages(realdata, gold["source"]))
        index = int(gold["index"])
        if not 0 <= index < len(passages):
            continue
        text = passages[index]
        complaint = complaint_part(text)
        name = f"{gold['source']}#{index}:{gold.get('part', 'complaint')}"
        elements = {e: v if isinstance(v, dict) and set(v) <= {"value", "position"} else {"value": v}
                    for e, v in gold.get("elements", {}).items()}
        if gold.get("part") == "answer":
            predicted = extract_text(system, text[len(complaint):], case_type, "answer")
            kept = {e: v for e, v in predicted.get("elements", {}).items() if e in covered}
            score_answer(answers, name, {"elements": elements}, {"elements": kept}, types)
        else:
            predicted = adapt(extract_text(system, complaint, case_type, "complaint"))
            score_complaint(complaints, name, {"elements": elements}, predicted, types, covered)
        scored += 1
    return {"files": scored, "complaints": complaints.report(), "answers": answers.report(),
            "core": complaints.report(core), "errors": complaints.errors + answers.errors}


def required_data(realdata: Path, gold_path: Path) -> Path:
    """The source file a gold set is scored on: its lines' `source`, else the scm_loan documents."""
    golds = _read_jsonl(gold_path)
    if golds and "source" in golds[0]:
        return realdata / str(golds[0]["source"])
    return realdata / "scm_loan" / "docs.jsonl"


def evaluate_real(system: System, case_type: str, realdata: Path = DEFAULT_REALDATA,
                  gold_path: Path = DEFAULT_GOLD) -> dict[str, Any]:
    from engine.extraction.api import extract_text

    golds = _read_jsonl(gold_path)
    if golds and "source" in golds[0]:
        return _evaluate_passages(system, case_type, realdata, golds)
    casetype = system.casetype(case_type)
    docs = {doc["id"]: doc["text"] for doc in _read_jsonl(realdata / "scm_loan" / "docs.jsonl")}
    tally = Tally()
    types = casetype.types
    core = casetype.package.core_elements
    adapt = casetype.package.real_conventions or (lambda predicted: predicted)
    scored = 0
    for gold in golds:
        text = docs.get(gold["id"])
        if text is None:
            continue
        predicted = adapt(extract_text(system, complaint_part(text), case_type, "complaint"))
        wrapped = {"elements": {eid: {"value": value} for eid, value in gold.get("elements", {}).items()}}
        score_complaint(tally, gold["id"], wrapped, predicted, types, core)
        scored += 1
    return {"files": scored, "complaints": tally.report(), "core": tally.report(core),
            "errors": tally.errors}

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
from engine.extraction.evaluate import Tally, score_complaint
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


def evaluate_real(system: System, case_type: str, realdata: Path = DEFAULT_REALDATA,
                  gold_path: Path = DEFAULT_GOLD) -> dict[str, Any]:
    from engine.extraction.api import extract_text

    casetype = system.casetype(case_type)
    docs = {doc["id"]: doc["text"] for doc in _read_jsonl(realdata / "scm_loan" / "docs.jsonl")}
    tally = Tally()
    types = casetype.types
    core = casetype.package.core_elements
    adapt = casetype.package.real_conventions or (lambda predicted: predicted)
    scored = 0
    for gold in _read_jsonl(gold_path):
        text = docs.get(gold["id"])
        if text is None:
            continue
        predicted = adapt(extract_text(system, complaint_part(text), case_type, "complaint"))
        wrapped = {"elements": {eid: {"value": value} for eid, value in gold.get("elements", {}).items()}}
        score_complaint(tally, gold["id"], wrapped, predicted, types, core)
        scored += 1
    return {"files": scored, "complaints": tally.report(), "core": tally.report(core),
            "errors": tally.errors}

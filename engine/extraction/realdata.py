"""Score extraction on real judgments (../shared/realdata/scm_loan): the complaint part only.

Each document is cut before the answer / the court's findings (被告辩称, 经审理查明 …) so that
what is scored is what a complaint says. Gold lives in corpus/realdata_gold/ keyed by
document id; the real text itself never enters the repository.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from engine.errors import YaosuError
from engine.extraction.evaluate import CORE_ELEMENTS, Tally, element_types, score_complaint
from engine.extraction.recognisers.durations import find_durations
from engine.paths import CORPUS_DIR, SHARED_DIR

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


def adapt_to_real_conventions(predicted: dict[str, Any]) -> dict[str, Any]:
    """The real-data gold (corpus/realdata_gold/README.md) differs from the team corpus in two ways:
    one interest claim whatever it is called (but a 违约金 claim is not interest), and no term end
    computed from a duration."""
    elements = dict(predicted["elements"])
    overdue = elements.get("claim_overdue_interest")
    # A penalty claim (违约金, e.g. so much a day) is not interest in the real-data gold.
    if "claim_interest" not in elements and overdue and not any("违约金" in e["text"] for e in overdue["evidence"]):
        elements["claim_interest"] = overdue
    term = elements.get("term_end")
    if term and any(find_durations(e["text"]) for e in term["evidence"]):
        del elements["term_end"]
    return {**predicted, "elements": elements}


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    try:
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    except (OSError, json.JSONDecodeError) as exc:
        raise YaosuError(f"无法读取 {path}：{exc}") from exc


def evaluate_real(realdata: Path = DEFAULT_REALDATA, gold_path: Path = DEFAULT_GOLD) -> dict[str, Any]:
    from engine.extraction.api import extract_text

    docs = {doc["id"]: doc["text"] for doc in _read_jsonl(realdata / "scm_loan" / "docs.jsonl")}
    tally = Tally()
    types = element_types("private_lending")
    scored = 0
    for gold in _read_jsonl(gold_path):
        text = docs.get(gold["id"])
        if text is None:
            continue
        predicted = adapt_to_real_conventions(extract_text(complaint_part(text), "private_lending", "complaint"))
        wrapped = {"elements": {eid: {"value": value} for eid, value in gold.get("elements", {}).items()}}
        score_complaint(tally, gold["id"], wrapped, predicted, types, CORE_ELEMENTS)
        scored += 1
    return {"files": scored, "complaints": tally.report(), "core": tally.report(CORE_ELEMENTS),
            "errors": tally.errors}

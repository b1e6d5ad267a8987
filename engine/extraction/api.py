"""Public interface of the extraction: read a pleading, extract its elements (spec's JSON)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from pathlib import Path
from typing import TYPE_CHECKING, Any

from engine.errors import E, YaosuError
from engine.extraction.answers import answer_stances
from engine.extraction.document import Document
from engine.extraction.normalise import Normalised, to_simplified
from engine.extraction.pipeline import analyse
from engine.extraction.reading import decode_pleading as _decode
from engine.extraction.reading import read_pleading as _read
from engine.extraction.reading import read_pleading_notes
from engine.textsafety import clean_pleading_text, deceptive_name_warnings

if TYPE_CHECKING:
    from engine.system import System

ROLES = ("complaint", "answer")
# Characters (not bytes) accepted by extract_text; files are capped at 10 MB before decoding.
MAX_TEXT_CHARS = 10_000_000
_SENTENCE_BREAK = re.compile(r"[。！？!?；;\n]")


def read_pleading(path: str | Path) -> str:
    """Decoded text of a .txt/.docx pleading; YaosuError (Chinese, names the file) if unreadable."""
    return _read(path)


def decode_pleading(data: bytes, filename: str) -> str:
    return _decode(data, filename)


def detect_case_type(system: System, text: str) -> tuple[str, bool]:
    """(case type, detected?) by the tables' detect_keywords (occurrences counted); ties go to the higher
    detect_priority, then the first table; with nothing matched, the table of the highest priority."""
    if not system.casetypes:
        raise YaosuError(E.E200)
    tables = [ct.table for ct in system.casetypes.values()]
    # Counting is only needed between tables that have a keyword at all (`in` stops at the first one).
    present = [t for t in tables if any(word in text for word in t.detect_keywords)]
    if len(present) <= 1:
        chosen = present[0] if present else tables[0]
        return chosen.id, bool(present)
    order = {t.id: i for i, t in enumerate(tables)}
    scores = [(sum(text.count(word) for word in t.detect_keywords), t.detect_priority, -order[t.id], t.id)
              for t in present]
    best = max(scores)
    return best[3], best[0] > 0


def extract_text(system: System, text: str, case_type: str | None = None, role: str = "complaint",
                 complaint: str = "") -> dict[str, Any]:
    """The elements of one pleading; an answer may be given the `complaint` it replies to (what the answer
    assumes from it: a marriage the complaint states)."""
    return _extract(system, text, case_type, role, complaint)[0]


def extract_pleadings(system: System, case_type: str, complaint: str,
                      answer: str | None) -> tuple[dict[str, Any], dict[str, Any] | None]:
    """The elements of a complaint and of the answer that replies to it: the complaint is read once, and
    the answer is given that reading instead of reading the complaint again."""
    complaint_result, complaint_doc = _extract(system, complaint, case_type, "complaint")
    if answer is None:
        return complaint_result, None
    return complaint_result, _extract(system, answer, case_type, "answer", complaint, complaint_doc)[0]


def _extract(system: System, text: str, case_type: str | None, role: str, complaint: str = "",
             replied: Document | None = None) -> tuple[dict[str, Any], Document]:
    if role not in ROLES:
        raise YaosuError(E.E201, role=role)
    if len(text) > MAX_TEXT_CHARS:
        raise YaosuError(E.E202, len_text=len(text), max_text_chars=MAX_TEXT_CHARS)
    text = clean_pleading_text(text)  # already clean when read from a file; then its warnings are kept
    warnings: list[str] = list(text.warnings)
    if case_type is None:
        # Keywords are simplified characters: a traditional-character pleading (借條) is detected the same.
        case_type, detected = detect_case_type(system, to_simplified(text))
        if not detected:
            warnings.append(f"未能识别案件类型，按 {system.table(case_type).label}（{case_type}）处理")
    casetype = system.casetype(case_type)
    table = casetype.table
    doc = analyse(casetype, text, role, complaint, replied)
    evidence = _Evidence(doc)
    results = doc.results
    elements = {eid: _element_output(doc, eid, evidence) for eid in table.element_ids if eid in results}
    missing = [] if role == "answer" else [eid for eid in table.required_ids if eid not in elements]
    warnings.extend(deceptive_name_warnings(doc.party_names()))
    warnings.extend(normalisation_warnings(doc.norm))
    if not text.strip():
        warnings.append("文本为空")
    elif not elements:
        warnings.append("未识别出任何要素")
    result = {
        "case_type": case_type,
        "table_version": table.version,
        "role": role,
        "elements": elements,
        "missing": missing,
        "warnings": warnings + doc.warnings,
    }
    if role == "answer":
        # Every element's stance (admit / contest / partial / not_addressed), not only those found.
        result["stances"] = answer_stances(doc)
    return result, doc


def normalisation_warnings(norm: Normalised) -> list[str]:
    """What the reading changed that the judge should check: characters read as other characters inside a
    number or a date (OCR), and a text read in simplified characters."""
    warnings = []
    if norm.repairs:
        shown = "；".join(f"“{written}”读作“{read}”" for written, read in norm.repairs[:10])
        more = f"等 {len(norm.repairs)} 处" if len(norm.repairs) > 10 else ""
        warnings.append(f"数字或日期中疑似识别错误的字符已改读，请核对原文：{shown}{more}")
    if norm.traditional:
        warnings.append("原文含繁体字，已按简体字识别（证据仍显示原文）")
    return warnings


def extract_path(system: System, path: str | Path, case_type: str | None = None,
                 role: str = "complaint", complaint: str = "") -> dict[str, Any]:
    read = read_pleading_notes(path)
    result = extract_text(system, read.text, case_type, role, complaint)
    result["warnings"] = read.warnings + result["warnings"]
    return {"file": str(path), **result}


def _element_output(doc: Document, eid: str, evidence: _Evidence) -> dict[str, Any]:
    candidate = doc.results[eid]
    output: dict[str, Any] = {
        "value": _as_written(doc, candidate.value) if doc.written_names else candidate.value,
        "evidence": [evidence.of(start, end) for start, end in _merge(candidate.spans)],
        "confidence": round(float(candidate.confidence), 2),
    }
    if doc.role == "answer" and eid in doc.positions:
        output["position"] = doc.positions[eid]
    return output


def _as_written(doc: Document, value: Any) -> Any:
    """Names in the characters the user wrote (張三), not the normalised ones the stages matched."""
    names = doc.written_names
    if isinstance(value, list) and value and isinstance(value[0], dict) and "name" in value[0]:
        return [{**party, "name": names.get(party["name"], party["name"])} for party in value]
    if isinstance(value, list) and value and all(isinstance(item, str) for item in value):
        return [names.get(item, item) for item in value]
    return value


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    if len(spans) == 1:
        span = spans[0]
        return [span] if span[1] > span[0] else []
    seen: list[tuple[int, int]] = []
    for span in sorted(set(spans)):
        if span[1] > span[0]:
            seen.append(span)
    return seen


class _Evidence:
    """Evidence entries of one document: sentence breaks found once, each span worked out once
    (elements derived from others share their spans); every entry is a fresh dict."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.breaks = [match.start() for match in _SENTENCE_BREAK.finditer(doc.norm.original)]
        self.seen: dict[tuple[int, int], tuple[int, int, str, str]] = {}

    def of(self, start: int, end: int) -> dict[str, Any]:
        found = self.seen.get((start, end))
        if found is None:
            found = self.seen[(start, end)] = _evidence(self.doc, start, end, self.breaks)
        o_start, o_end, text, sentence = found
        return {"start": o_start, "end": o_end, "text": text, "sentence": sentence}


def _evidence(doc: Document, start: int, end: int, breaks: list[int]) -> tuple[int, int, str, str]:
    """The span in the original text and the sentence around it (at most 300 characters each side)."""
    original = doc.norm.original
    o_start, o_end = doc.norm.span(start, end)
    index = bisect_right(breaks, o_start - 1)
    left = max(0, o_start - 300, breaks[index - 1] + 1 if index else 0)
    following = bisect_left(breaks, o_end)
    right = min(len(original), o_end + 300)
    if following < len(breaks) and breaks[following] < right:
        right = breaks[following] + 1
    return o_start, o_end, original[o_start:o_end], original[left:right].strip()

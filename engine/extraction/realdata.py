"""Score extraction on real judgments (../shared/realdata/scm_loan): the complaint part only.

Each document is cut before the answer / the court's findings (被告辩称, 经审理查明 …) so that
what is scored is what a complaint says. Gold lives in corpus/realdata_gold/ keyed by
document id; the real text itself never enters the repository. Where the gold's conventions differ
from the team corpus, the case type's package adapts the prediction (`real_conventions`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from engine.errors import E, YaosuError
from engine.extraction.evaluate import Tally, score_answer, score_complaint
from engine.extraction.perturb import Perturbation, Rewriter
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


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """The lines of a JSONL file (a gold file, a source) as objects; a clear error naming the file."""
    try:
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    except (OSError, json.JSONDecodeError) as exc:
        raise YaosuError(E.E205, file=path, exc=exc) from exc


def required_data(realdata: Path, gold_path: Path) -> Path:
    """The source file a gold set is scored on: its lines' `source`, else the scm_loan documents."""
    golds = read_jsonl(gold_path)
    if golds and "source" in golds[0]:
        return realdata / str(golds[0]["source"])
    return realdata / "scm_loan" / "docs.jsonl"


@dataclass(frozen=True)
class GoldItem:
    """One scored item of a gold set: its name in reports, `complaint` or `answer`, the texts it is read with
    (a complaint alone; an answer and the complaint it replies to) and its gold line."""

    name: str
    role: str
    texts: tuple[str, ...]
    gold: dict[str, Any]


def _passage(text: str) -> tuple[str, str]:
    """A judgment passage cut into what the plaintiff says and what the defendants answer (before the
    court's own findings)."""
    start = _ANSWER.search(text)
    if start is None and (second := _SECOND_APPELLANT.search(text)) is not None:
        # No one answers, but the other side appeals too (PER亦不服一审判决，上诉称…): its statement is the answer.
        return text[:second.start()], text[second.start():]
    if start is None:
        return complaint_part(text), ""
    rest = text[start.start():]
    end = _COURT.search(rest)
    return text[:start.start()], rest[: end.start()] if end else rest


# The defendant's statement opens with its speaker (被告PER、PER共同辩称 / 被告PER在庭审中辩称), never with a claim
# verb (判令被告赔偿…，被告保险公司先予赔偿 is still the plaintiff's demand); 辨称 is a common misspelling; 答辩认为 is
# the same part as 答辩称; a statement may also open with the defendant's stance on the complaint
# (被告PER对原告主张的…没有异议).
_ANSWER = re.compile(r"被告(?:(?!赔偿|支付|给付|承担|赔付|偿还)[^。；]){0,40}?(?:[辩辨]称|答辩认为)|答[辩辨]称|答辩认为|[辩辨]称"
                     r"|(?<=[。\s])被告[A-Z]{0,4}对原告(?:主张|诉称|所诉|起诉|诉请)")
_SECOND_APPELLANT = re.compile(r"(?<=[。；\s])[^。；，\s]{0,30}?亦不服[^。；]{0,20}?上诉[^。；]{0,10}?称")
_COURT = re.compile(r"经审理查明|本院经审理|审理查明|本院认定事实如下|本院确认以下事实|认定如下(?:案件)?事实|本院认为|经审理，本院")


def _lawbench_items(realdata: Path, source: str) -> list[dict[str, Any]]:
    """LawBench items (a JSON list of {instruction, question, answer}); `source` is its path under realdata/."""
    path = realdata / source
    try:
        items = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise YaosuError(E.E207, file=path, exc=exc) from exc
    if not isinstance(items, list):
        raise YaosuError(E.E206, file=path)
    return items


def _source_parts(realdata: Path, source: str) -> list[tuple[str, str]]:
    """Each text of a passage source as (complaint part, answer part), by the file's shape: a JSONL of
    judgments as sentence lists (CAIL2019 要素识别) is cut as whole judgments (`complaint_part`,
    `judgment_answer_part`); a JSON list of LawBench items as passages (`_passage`; an answer part that finds
    no 辩称 is the whole passage, as before)."""
    if source.endswith(".jsonl"):
        texts = element_judgments(realdata, source)
        return [(complaint_part(text), judgment_answer_part(text)) for text in texts.values()]
    parts = []
    for index in range(len(items := _lawbench_items(realdata, source))):
        text = _lawbench_passage(items, source, index)
        complaint, answer = _passage(text)
        parts.append((complaint, answer or text))
    return parts


def is_part_gold(golds: list[dict[str, Any]]) -> bool:
    """A passage-part gold set (`source`, `index`, `part` on every line: LawBench, CAIL2019 要素识别)."""
    return bool(golds) and all("source" in gold and "part" in gold for gold in golds)


def _wrapped(gold: dict[str, Any]) -> dict[str, Any]:
    """A complaint gold line's values as extraction gives them: most gold files write them plain, the LawBench
    sale and labour files as `{"value": …}` (corpus/realdata_gold/README.md); both are read."""
    return {eid: value if isinstance(value, dict) and set(value) == {"value"} else {"value": value}
            for eid, value in gold.get("elements", {}).items()}


def _passage_items(realdata: Path, golds: list[dict[str, Any]]) -> Iterator[GoldItem]:
    """Gold keyed by (source, index, part): each part with the texts it is read with."""
    sources: dict[str, Any] = {}
    for gold in golds:
        source = str(gold["source"])
        parts = _source(sources, realdata, source, partial(_source_parts, source=source))
        index = int(gold["index"])
        if not 0 <= index < len(parts):
            raise YaosuError(E.E208, source=source, index=index, len_items=len(parts))
        complaint_text, answer_text = parts[index]
        name = f"{source}#{index}:{gold['part']}"
        if gold["part"] == "answer":
            yield GoldItem(name, "answer", (answer_text, complaint_text), gold)
        else:
            yield GoldItem(name, "complaint", (complaint_text,), gold)


def _evaluate_passages(system: System, case_type: str, realdata: Path, golds: list[dict[str, Any]],
                       rewrite: Rewriter) -> dict[str, Any]:
    """Gold keyed by (source, index, part): complaint parts scored as complaints, answer parts as answers."""
    from engine.extraction.api import extract_text

    casetype = system.casetype(case_type)
    types = casetype.types
    paraphrase_file = casetype.package.paraphrase_file
    adapt = casetype.package.real_conventions or (lambda predicted: predicted)
    complaints, answers = Tally(), Tally()
    # Only what the gold set annotates somewhere is scored (its README says which elements it covers).
    covered = {eid for gold in golds for eid in gold.get("elements", {})}
    scored = 0
    for item in _passage_items(realdata, golds):
        texts, elements = rewrite(item.name, item.texts, item.gold.get("elements", {}), types, paraphrase_file)
        gold = {**item.gold, "elements": elements}
        if item.role == "answer":
            answer_text, complaint_text = texts
            predicted = adapt({**extract_text(system, answer_text, case_type, "answer", complaint_text),
                               "role": "answer"})
            predicted = {**predicted, "elements": {e: v for e, v in predicted["elements"].items() if e in covered}}
            score_answer(answers, item.name, gold, predicted, types)
        else:
            predicted = adapt(extract_text(system, texts[0], case_type, "complaint"))
            score_complaint(complaints, item.name, {"elements": _wrapped(gold)}, predicted, types,
                            tuple(sorted(covered)), rewrite.unscored.get(item.name, ()))
        scored += 1
    return {"files": scored, "complaints": complaints.report(), "answers": answers.report(),
            "errors": complaints.errors + answers.errors, **rewrite.summary()}


def _scm_items(realdata: Path, golds: list[dict[str, Any]]) -> Iterator[GoldItem]:
    """Gold keyed by a scm_loan document id: its complaint part (an id the file lacks is skipped)."""
    docs = {doc["id"]: doc["text"] for doc in read_jsonl(realdata / SCM_SOURCE)}
    for gold in golds:
        text = docs.get(gold["id"])
        if text is not None:
            yield GoldItem(str(gold["id"]), "complaint", (complaint_part(text),), gold)


def evaluate_real(system: System, case_type: str, realdata: Path = DEFAULT_REALDATA,
                  gold_path: Path = DEFAULT_GOLD, perturbation: Perturbation | None = None) -> dict[str, Any]:
    """Per-element P/R/F1 on a real development gold set; with a `perturbation`, on its rewritten passages
    scored against the gold rewritten the same way (engine/extraction/perturb.py)."""
    from engine.extraction.api import extract_text

    casetype = system.casetype(case_type)
    golds = read_jsonl(gold_path)
    rewrite = Rewriter(perturbation)
    if is_part_gold(golds):
        # Parts of a source's texts (corpus/realdata_gold/README.md: source, index, part).
        return _evaluate_passages(system, case_type, realdata, golds, rewrite)
    tally = Tally()
    types = casetype.types
    paraphrase_file = casetype.package.paraphrase_file
    core = casetype.package.core_elements
    adapt = casetype.package.real_conventions or (lambda predicted: predicted)
    scored = 0
    for item in _scm_items(realdata, golds):
        (text,), elements = rewrite(item.name, item.texts, item.gold.get("elements", {}), types, paraphrase_file)
        predicted = adapt(extract_text(system, text, case_type, "complaint"))
        score_complaint(tally, item.gold["id"], {"elements": _wrapped({"elements": elements})}, predicted, types,
                        core, rewrite.unscored.get(item.name, ()))
        scored += 1
    return {"files": scored, "complaints": tally.report(), "core": tally.report(core),
            "errors": tally.errors, **rewrite.summary()}


# The blind set on CAIL2021 (corpus/realdata_gold/cail2021_blind.gold.jsonl, conventions in its README):
# complaints are the 诉称段, answers the 辩称段 of cail2021_focus/train.json. The answers development sets
# (answers_dev.gold.jsonl, scm_answers_dev.gold.jsonl) have the same line shape, and their lines may also
# name a LawBench passage (`source` lawbench/…, `index`) or a scm_loan document (`source`
# scm_loan/docs.jsonl, `id`), whose answer part is scored.
CAIL2021_GOLD = CORPUS_DIR / "realdata_gold" / "cail2021_blind.gold.jsonl"
ANSWERS_DEV_GOLD = CORPUS_DIR / "realdata_gold" / "answers_dev.gold.jsonl"
SCM_ANSWERS_DEV_GOLD = CORPUS_DIR / "realdata_gold" / "scm_answers_dev.gold.jsonl"
CAIL2021_SOURCE = "cail2021_focus/train.json"
SCM_SOURCE = "scm_loan/docs.jsonl"
# In a few 辩称段 the cut runs on into the court's account of the evidence and its findings
# (本院经审查认定事实如下, 本院认定如下, 对本案主要事实作如下认定, 事实认定如下).
_COURT_IN_ANSWER = re.compile(
    _COURT.pattern + r"|当事人围绕诉讼请求|当事人为证明|(?:本院经审查)?认定事实如下|本院认定如下|作如下认定|事实认定如下"
    r"|本院确认(?:本案)?(?:以下|如下)?事实"
)


def is_cail2021_gold(path: Path) -> bool:
    """A gold set in the blind-set line shape (`id`, `role`), by its name; a name-alike file whose lines are
    passage parts (`index`, `part`: element_labor_dev) is scored as passages."""
    if not path.name.startswith(("cail2021", "answers_dev", "scm_answers", "rc_", "element_")):
        return False
    return not (path.is_file() and is_part_gold(read_jsonl(path)))


def missing_source(realdata: Path, gold_path: Path) -> Path | None:
    """The first source text a gold set is scored on that this machine lacks (None when it has them all)."""
    if is_cail2021_gold(gold_path):
        return next((source for source in answers_sources(realdata, gold_path) if not source.is_file()), None)
    needed = required_data(realdata, gold_path)
    return None if needed.is_file() else needed


def evaluate_gold(system: System, case_type: str, realdata: Path, gold_path: Path,
                  perturbation: Perturbation | None = None) -> dict[str, Any]:
    """A gold set scored by the evaluator its line shape calls for (blind-set lines, passage parts, scm ids);
    with a `perturbation`, on its rewritten passages."""
    if is_cail2021_gold(gold_path):
        return evaluate_cail2021(system, case_type, realdata, gold_path, perturbation)
    return evaluate_real(system, case_type, realdata, gold_path, perturbation)


def answers_sources(realdata: Path, gold_path: Path) -> list[Path]:
    """The source files a blind-format gold set's lines name (cail2021 when a line names none)."""
    names = {str(gold.get("source", CAIL2021_SOURCE)) for gold in read_jsonl(gold_path)}
    return [realdata / name for name in sorted(names)]


# The complaints development set on CAIL2019 阅读理解 (rc_loan_dev.gold.jsonl): `source` is this file and
# `id` a context's id; what is scored is `rc_complaint_text` of the context (README, rc_loan_dev).
RC_SOURCE = "cail2019_rc/civil_dev.jsonl"
# A context that opens with the plaintiff's own statement; the others are findings only (经审理查明…).
_RC_COMPLAINT_START = re.compile(r"^原告[^，,：:。]{0,40}?(?:诉称|起诉称|向本院提出诉讼请求)")
# The court's lead-in of a findings-only context (根据当事人陈述…，本院认定事实如下：/ 经审理查明，): not the account.
_RC_FINDINGS_LEAD = re.compile(r"^.{0,150}?(?:(?:事实|如下)[:：]|(?:经审理|本院)?查明(?:事实如下)?[:：，,]|事实如下[，,])")


def rc_complaint_text(context: str) -> str:
    """The complaint part of a CAIL2019 阅读理解 context: up to the answer / the court's findings when the
    context opens with the plaintiff's statement, else the whole context after the court's lead-in (the
    court's account of the loan is all the passage says about it)."""
    if _RC_COMPLAINT_START.match(context):
        return complaint_part(context)
    lead = _RC_FINDINGS_LEAD.match(context)
    return context[lead.end():] if lead else context


def _rc_contexts(realdata: Path) -> dict[str, str]:
    return {str(row["id"]): str(row.get("context", "")) for row in read_jsonl(realdata / RC_SOURCE)}


# The complaints development set on CAIL2019 要素识别 (element_loan_dev, README): `source` is this file, `id`
# the 0-based line index as a string; each line is a judgment as a list of {sentence, labels}, and what is
# scored is `complaint_part` of the joined sentences (from the start to the first …辩称 / 经审理查明).
ELEMENT_SOURCE = "cail2019_element/loan.jsonl"


def element_judgments(realdata: Path, name: str = ELEMENT_SOURCE) -> dict[str, str]:
    """The judgments of a CAIL2019 要素识别 file (the loan file by default) by line index, each its sentences
    joined."""
    source = realdata / name
    try:
        rows = [json.loads(line) for line in source.read_text(encoding="utf-8").splitlines() if line.strip()]
    except (OSError, json.JSONDecodeError) as exc:
        raise YaosuError(E.E205, file=source, exc=exc) from exc
    texts: dict[str, str] = {}
    for index, row in enumerate(rows):
        if not isinstance(row, list) or not all(isinstance(item, dict) for item in row):
            raise YaosuError(E.E205, file=source, exc=f"第 {index + 1} 行应为 {{sentence, labels}} 的列表")
        texts[str(index)] = "".join(str(item.get("sentence", "")) for item in row)
    return texts


def answer_part(text: str) -> str:
    """A 辩称段 without the court's text that follows it in some judgments."""
    match = _COURT_IN_ANSWER.search(text)
    return text[: match.start()] if match else text


def judgment_answer_part(text: str) -> str:
    """What the defendants answer in a whole judgment: from the first …辩称 / 答辩称 to the court's text;
    empty when nobody answered."""
    start = _ANSWER.search(text)
    return answer_part(text[start.start():]) if start else ""


def _cail2021_docs(realdata: Path) -> dict[str, dict[str, Any]]:
    source = realdata / CAIL2021_SOURCE
    try:
        dataset = json.loads(source.read_text(encoding="utf-8"))["dataset"]
    except (OSError, json.JSONDecodeError, KeyError) as exc:
        raise YaosuError(E.E212, source=source, exc=exc) from exc
    return {doc["文书ID"]: doc for doc in dataset}


def _lawbench_passage(items: list[dict[str, Any]], source: str, index: int) -> str:
    """The passage of LawBench item `index` (a named error when the file has no such item)."""
    if not 0 <= index < len(items):
        raise YaosuError(E.E208, source=source, index=index, len_items=len(items))
    return str(items[index].get("question", "")).removeprefix("句子:")


def _source(loaded: dict[str, Any], realdata: Path, source: str, load: Callable[[Path], Any]) -> Any:
    """A source file's contents, read once per evaluation (`loaded` keeps what was read)."""
    if source not in loaded:
        loaded[source] = load(realdata)
    return loaded[source]


def _gold_answer_texts(realdata: Path, gold: dict[str, Any], loaded: dict[str, Any]) -> tuple[str, str] | None:
    """The answer text an answer gold line names and the complaint it replies to (the same judgment's or
    passage's); None when the source lacks the id. `loaded` caches each source file read."""
    source = str(gold.get("source", CAIL2021_SOURCE))
    if source == CAIL2021_SOURCE:
        doc = _source(loaded, realdata, source, _cail2021_docs).get(gold["id"])
        return (answer_part(doc.get("辩称段") or ""), doc.get("诉称段") or "") if doc is not None else None
    if source == SCM_SOURCE:
        texts = _source(loaded, realdata, source,
                        lambda root: {doc["id"]: doc["text"] for doc in read_jsonl(root / SCM_SOURCE)})
        text = texts.get(gold["id"])
        return (judgment_answer_part(text), complaint_part(text)) if text is not None else None
    items = _source(loaded, realdata, source, partial(_lawbench_items, source=source))
    text = _lawbench_passage(items, source, int(gold["index"]))
    complaint, answer = _passage(text)
    return answer_part(answer or text), complaint


def _gold_complaint_text(realdata: Path, gold: dict[str, Any], loaded: dict[str, Any]) -> str | None:
    """The complaint text a blind-shaped gold line names (None when the source lacks the id)."""
    source = str(gold.get("source", CAIL2021_SOURCE))
    if source == RC_SOURCE:
        context = _source(loaded, realdata, source, _rc_contexts).get(str(gold["id"]))
        return rc_complaint_text(context) if context is not None else None
    if source == ELEMENT_SOURCE:
        judgment = _source(loaded, realdata, source, element_judgments).get(str(gold["id"]))
        return complaint_part(judgment) if judgment is not None else None
    doc = _source(loaded, realdata, CAIL2021_SOURCE, _cail2021_docs).get(gold["id"])
    return (doc.get("诉称段") or "") if doc is not None else None


def _blind_items(realdata: Path, golds: list[dict[str, Any]]) -> Iterator[GoldItem]:
    """Gold in the blind-set line shape (`id`, `role`): answers with the complaint they reply to, complaints
    alone (a line whose source lacks its id is skipped)."""
    loaded: dict[str, Any] = {}
    for gold in golds:
        if gold.get("role") == "answer":
            texts = _gold_answer_texts(realdata, gold, loaded)
            if texts is not None:
                yield GoldItem(str(gold.get("id") or f"{gold['source']}#{gold['index']}"), "answer", texts, gold)
            continue
        text = _gold_complaint_text(realdata, gold, loaded)
        if text is not None:
            yield GoldItem(str(gold["id"]), "complaint", (text,), gold)


def gold_items(realdata: Path, gold_path: Path) -> Iterator[GoldItem]:
    """Each scored item of a gold set, named as its evaluator names it, with the texts it is read with, by the
    set's line shape (blind-set lines, passage parts, scm ids) as `evaluate_gold` dispatches."""
    golds = read_jsonl(gold_path)
    if is_cail2021_gold(gold_path):
        return _blind_items(realdata, golds)
    if is_part_gold(golds):
        return _passage_items(realdata, golds)
    return _scm_items(realdata, golds)


def evaluate_cail2021(system: System, case_type: str, realdata: Path = DEFAULT_REALDATA,
                      gold_path: Path = CAIL2021_GOLD, perturbation: Perturbation | None = None) -> dict[str, Any]:
    """Per-element P/R/F1 on the blind CAIL2021 set (or the answers development set): complaint elements,
    and the defences answers raise; a `perturbation` as in `evaluate_real`."""
    from engine.extraction.api import extract_text

    casetype = system.casetype(case_type)
    types = casetype.types
    paraphrase_file = casetype.package.paraphrase_file
    adapt = casetype.package.real_conventions or (lambda predicted: predicted)
    # What the blind set annotates is the case type's: its complaint elements and the defences raised.
    complaint_elements = casetype.package.blind_complaint_elements
    defences = casetype.package.blind_defence_elements
    complaints, answers = Tally(), Tally()
    rewrite = Rewriter(perturbation)
    scored = 0
    for item in _blind_items(realdata, read_jsonl(gold_path)):
        scored += 1
        texts, elements = rewrite(item.name, item.texts, item.gold.get("elements", {}), types, paraphrase_file)
        gold = {**item.gold, "elements": elements}
        if item.role == "answer":
            answer, complaint = texts  # the answer is read with the complaint it replies to, as `yaosu new` does
            predicted = extract_text(system, answer, case_type, "answer", complaint)["elements"]
            for eid in defences:
                raised = eid in gold.get("elements", {})
                found = predicted.get(eid, {}).get("position") == "contest" and predicted[eid].get("value") is True
                answers.add(eid, int(raised and found), int(found and not raised), int(raised and not found))
                if raised != found:
                    answers.errors.append({"file": item.name, "element": eid, "gold": raised, "predicted": found,
                                           "part": "answers"})
            continue
        predicted = adapt(extract_text(system, texts[0], case_type, "complaint"))
        only = tuple(eid for eid in complaint_elements if eid not in gold.get("unscored", []))
        score_complaint(complaints, gold["id"], {"elements": _wrapped(gold)}, predicted, types, only,
                        rewrite.unscored.get(item.name, ()))
    return {"files": scored, "complaints": complaints.report(), "answers": answers.report(),
            "errors": complaints.errors + answers.errors, **rewrite.summary()}

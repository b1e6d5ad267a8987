"""One case of a batch, as a worker runs it: read, extract, merge, keep findings, draft, record.

Everything a case produces is written by the worker itself (case file, draft, state file), the
state file last: it is the mark that the case is done, and holds the input key a rerun compares.
A worker process loads the pipeline once (`ensure_warm`), not once per case.
"""

from __future__ import annotations

import hashlib
import json
import pickle
import traceback
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from engine.atomic import atomic_write_bytes, atomic_write_text
from engine.errors import E, YaosuError
from engine.jsontext import indented_json
from engine.research import calls
from engine.research.deidentify import plain_pseudonym
from engine.research.digest import case_digest
from engine.research.held_exports import hold

MAX_PLEADING_BYTES = 10 * 1024 * 1024  # as `yaosu extract`; checked before the file is read
STATE_VERSION = "2"  # a state of another version is redone (and keeps the findings)
READY, PENDING, MISSING, FAILED = "ready", "pending", "missing", "failed"
# Meta fields a judge may have set on an earlier run; the batch only sets filing_date.
KEPT_META = ("case_year", "case_seq", "procedure", "public_hearing", "absent", "judge", "clerk", "judgment_date")


@cache
def ensure_warm() -> bool:
    calls.warm_up()
    return True


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _read_bytes(path: Path, what: str, line: int) -> bytes:
    try:
        if path.is_file() and path.stat().st_size > MAX_PLEADING_BYTES:
            raise YaosuError(E.E714, line=line, what=what, file=path, value=MAX_PLEADING_BYTES // (1024 * 1024))
        return path.read_bytes()
    except FileNotFoundError as exc:
        raise YaosuError(E.E715, line=line, what=what, file=path) from exc
    except IsADirectoryError as exc:
        raise YaosuError(E.E716, line=line, what=what, file=path) from exc
    except OSError as exc:
        raise YaosuError(E.E717, line=line, what=what, file=path, exc_strerror_or_exc=exc.strerror or exc) from exc


def input_key(task: dict[str, Any], complaint: bytes, answer: bytes | None) -> str:
    """Content hash of the pleadings + court + filing date + case type + table version."""
    parts = [
        task["case_type"],
        calls.table_version(task["case_type"]),
        task["court"],
        task.get("filing_date") or "",
        _digest(complaint),
        _digest(answer) if answer is not None else "-",
    ]
    return _digest("\x1f".join(parts).encode("utf-8"))


def draft_name(stem: str, case: dict[str, Any] | None) -> str:
    """The draft's file name: the complaint's stem with any party name replaced (张三 → 张某)."""
    named = []
    if case is not None:
        table = calls.load_table(case["case_type"])
        named = [eid for eid, entry in table.entries.items() if entry.element.type in ("party_list", "name_list")]
    for element_id in named:
        state = ((case or {}).get("elements") or {}).get(element_id) or {}
        for party in (state.get("complaint") or []) + (state.get("answer") or []):
            name = party.get("name") if isinstance(party, dict) else party
            if isinstance(name, str) and len(name) >= 2 and name in stem:
                stem = stem.replace(name, plain_pseudonym(name))
    return f"{stem}.docx"


def paths(out: Path, stem: str) -> dict[str, Path]:
    return {
        "case": out / "cases" / f"{stem}.json",
        "state": out / "state" / f"{stem}.json",
    }


def read_state(path: Path) -> dict[str, Any] | None:
    try:
        state = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return state if isinstance(state, dict) and state.get("state_version") == STATE_VERSION else None


def _carry_over(case: dict[str, Any], previous: dict[str, Any] | None) -> None:
    """The judge's findings (and case details) of an earlier case file survive re-extraction."""
    if not previous:
        return
    if previous.get("findings"):
        case["findings"] = dict(previous["findings"])
    for key in KEPT_META:
        if key in (previous.get("meta") or {}):
            case["meta"][key] = previous["meta"][key]


def _figure_differences(by_court: dict[str, Any], own: str) -> dict[str, list[str]]:
    keys = ("claimed_amount", "granted_amount", "fee", "granted_rates", "cap")
    mine = by_court.get(own) or {}
    return {
        court: [key for key in keys if figures.get(key) != mine.get(key)]
        for court, figures in by_court.items()
        if court != own
    }


def _draft_all(case: dict[str, Any], court: str, stem: str) -> tuple[dict[str, Any], bytes]:
    """Draft for every court (the report's compare); the state's fields and the own court's .docx."""
    by_court: dict[str, Any] = {}
    texts: dict[str, str] = {}
    own_docx = b""
    for court_id in calls.court_ids():
        judgment, decision = calls.build_judgment(case, court_id)
        by_court[court_id] = calls.decision_figures(case, judgment, decision)
        texts[court_id] = "\n".join(calls.judgment_lines(judgment))
        if court_id == court:
            own_docx = calls.render_docx(case, judgment)
    name = draft_name(stem, case)
    diffs = calls.differing_lines(texts)
    return {
        "draft": f"drafts/{name}",
        "by_court": by_court,
        "compare": {
            "total_lines": len(texts[court].splitlines()),
            "differing_lines": len(diffs),
            "lines": diffs,  # [{"line": n, "texts": {court: text}}]: what `yaosu compare` lists
            "differing_figures": _figure_differences(by_court, court),
            "differing_orders": {
                cid: [o for o in fig["orders"] if o not in by_court[court]["orders"]]
                for cid, fig in by_court.items()
                if cid != court
            },
        },
    }, own_docx


def _classify(case: dict[str, Any]) -> tuple[str, list[str], list[str], list[str]]:
    """(status, reasons, missing ids, pending ids) of a freshly built case."""
    problems = calls.problems(case)
    hard = [f"{path}：{message}" for path, message in problems if not path.startswith("/elements/")]
    if hard:
        return FAILED, hard, [], []
    missing = [path.rsplit("/", 1)[-1] for path, message in problems if message.startswith("缺少必填要素")]
    checks = [message for path, message in problems if not message.startswith("缺少必填要素")]
    pending = calls.pending(case)
    table = calls.load_table(case["case_type"])
    if missing:
        labels = "、".join(table.element(eid).label for eid in missing)
        return MISSING, [f"缺少必填要素：{labels}", *checks], missing, pending
    if pending:
        labels = "、".join(table.element(eid).label for eid in pending)
        return PENDING, [f"待认定 {len(pending)} 项：{labels}", *checks], [], pending
    return READY, checks, [], []


@dataclass
class Prepared:
    """A case computed but not yet written: its files, in the order they are written, state last."""

    out: Path
    base: dict[str, Any]
    state: dict[str, Any]
    case: dict[str, Any] | None = None
    docx: bytes | None = None
    skipped: bool = False


def prepare_case(task: dict[str, Any]) -> Prepared:
    """Read, extract, merge, keep findings, draft a manifest row (a plain dict); writes nothing. Never raises."""
    out = Path(task["out"])
    stem, line = task["stem"], task["line"]
    where = paths(out, stem)
    base = {"state_version": STATE_VERSION, "stem": stem, "line": line, "court": task["court"],
            "case_type": task["case_type"], "filing_date": task.get("filing_date")}
    try:
        ensure_warm()
        calls.load_table(task["case_type"])
        calls.check_court(task["court"])
        complaint = _read_bytes(Path(task["complaint"]), "起诉状", line)
        answer = _read_bytes(Path(task["answer"]), "答辩状", line) if task.get("answer") else None
        key = input_key(task, complaint, answer)
        previous_state = read_state(where["state"])
        if (
            previous_state
            and previous_state.get("key") == key
            and previous_state.get("status") != FAILED
            and where["case"].is_file()
        ):
            return Prepared(out, base, previous_state, skipped=True)
        previous_case = calls.load_case(where["case"]) if where["case"].is_file() else None
        # The bytes already hashed are decoded (one read per file, and the key matches what was read).
        complaint_text = calls.decode_pleading(complaint, Path(task["complaint"]).name)
        answer_text = calls.decode_pleading(answer, Path(task["answer"]).name) if answer is not None else None
        case = calls.new_case(
            task["case_type"], complaint_text, answer_text, task["court"],
            complaint_name=Path(task["complaint"]).name,
            answer_name=Path(task["answer"]).name if task.get("answer") else None,
        )
        if task.get("filing_date"):
            case["meta"]["filing_date"] = task["filing_date"]
        _carry_over(case, previous_case)
        status, reasons, missing, pending = _classify(case)
        drafted: dict[str, Any] = {}
        docx: bytes | None = None
        if status != FAILED:
            try:
                drafted, docx = _draft_all(case, task["court"], stem)
            except YaosuError as exc:  # e.g. no plaintiff: a missing element is the reason, not a failure
                status = status if status == MISSING else FAILED
                reasons = [*reasons, f"无法起草：{exc.message}"]
        state = {**base, "key": key, "status": status, "reasons": reasons, "missing": missing,
                 "pending": pending, **drafted}
        return Prepared(out, base, state, case=case, docx=docx)
    except YaosuError as exc:
        return Prepared(out, base, {**base, "key": None, "status": FAILED, "reasons": [_on_line(line, exc)]})
    except Exception as exc:  # noqa: BLE001 — a bug on one case must not stop the batch
        return Prepared(out, base, {**base, "key": None, "status": FAILED, "reasons": [_bug(line, exc)]})


def _on_line(line: int, exc: YaosuError) -> str:
    return exc.message if exc.message.startswith("清单第") else f"清单第{line}行：{exc.message}"


def _bug(line: int, exc: Exception) -> str:
    last = traceback.extract_tb(exc.__traceback__)[-1]
    return f"清单第{line}行：程序错误：{type(exc).__name__}: {exc}（{Path(last.filename).name}:{last.lineno}）"


def _write_files(prepared: Prepared) -> dict[str, Any]:
    """Write a prepared case's draft and case file (each atomically); the state to record. Never raises:
    a file that cannot be written fails the case with the reason (a draft: 无法起草, as a drafting fault)."""
    state = prepared.state
    if prepared.skipped:
        return state
    where = paths(prepared.out, state["stem"])
    try:
        if prepared.docx is not None:
            try:
                atomic_write_bytes(prepared.out / state["draft"], prepared.docx)
            except YaosuError as exc:
                state = {**prepared.base, **{k: state[k] for k in ("key", "missing", "pending")},
                         "status": state["status"] if state["status"] == MISSING else FAILED,
                         "reasons": [*state["reasons"], f"无法起草：{exc.message}"]}
        if prepared.case is not None:
            calls.save_case(where["case"], prepared.case)
    except YaosuError as exc:
        state = {**prepared.base, "key": None, "status": FAILED, "reasons": [_on_line(state["line"], exc)]}
    except Exception as exc:  # noqa: BLE001
        state = {**prepared.base, "key": None, "status": FAILED, "reasons": [_bug(state["line"], exc)]}
    return state


def _write_state(prepared: Prepared, state: dict[str, Any]) -> dict[str, Any]:
    """The state file, the mark that the case is done (written after its other files). Never raises."""
    if prepared.skipped:
        return {**state, "skipped": True}
    try:
        atomic_write_text(paths(prepared.out, state["stem"])["state"], indented_json(state) + "\n")
    except YaosuError as exc:  # the case is not marked done, so the next run redoes it
        state = {**state, "key": None, "status": FAILED, "reasons": [*state["reasons"], _on_line(state["line"], exc)]}
    return {**state, "skipped": False}


def commit_case(prepared: Prepared) -> dict[str, Any]:
    """Write a prepared case: the draft, the case file, the state file last."""
    return _write_state(prepared, _write_files(prepared))


def process_case(task: dict[str, Any]) -> dict[str, Any]:
    """Do one manifest row and write its files. Never raises."""
    return commit_case(prepare_case(task))


GROUP = 16  # cases computed, then written together
WRITER_THREADS = 8


def commit_group(group: list[Prepared]) -> list[dict[str, Any]]:
    """Write several prepared cases at once: every draft and case file, then every state file.

    Each file is still written atomically and fsynced with its folder, and a case's state file only
    after its own files; but the writes run on several threads, so their fsyncs share the file
    system's journal commits: on a disk other jobs are writing to, 96 files took ~0.8 ms each this
    way and ~10 ms each one after the other."""
    if len(group) < 2:
        return [commit_case(p) for p in group]
    pool = _writers()
    states = list(pool.map(_write_files, group))
    return list(pool.map(_write_state, group, states))


@cache
def _writers() -> ThreadPoolExecutor:
    """The writer threads of this process, started once (idle threads cost nothing; starting 8 per group did)."""
    return ThreadPoolExecutor(max_workers=WRITER_THREADS, thread_name_prefix="yaosu-writer")


def run_cases(
    tasks: list[dict[str, Any]], group: int = GROUP, before_last_wait: Callable[[], object] | None = None
) -> Iterator[dict[str, Any]]:
    """The results of `tasks` in order, each once its files are written (`group` cases at a time).

    A case done and written carries its `digest` (engine/research/digest.py) for the batch-wide steps.
    `before_last_wait`: called once the last case is computed, before waiting for the last files."""
    writing: tuple[list[Prepared], Future[list[dict[str, Any]]]] | None = None
    for start in range(0, len(tasks), group):
        prepared = [prepare_case(task) for task in tasks[start:start + group]]
        if writing is not None:
            yield from _reported(*writing)
        if OVERLAP_WRITES and group > 1:
            # This group's files are written in the background while the next group is computed.
            writing = (prepared, _committer().submit(commit_group, prepared))
        else:
            writing = None
            yield from _reported(prepared, _done(commit_group(prepared)))
    if before_last_wait is not None:
        before_last_wait()
    if writing is not None:
        yield from _reported(*writing)


OVERLAP_WRITES = True


def _done(results: list[dict[str, Any]]) -> Future[list[dict[str, Any]]]:
    future: Future[list[dict[str, Any]]] = Future()
    future.set_result(results)
    return future


def _reported(prepared: list[Prepared], written: Future[list[dict[str, Any]]]) -> Iterator[dict[str, Any]]:
    for done, result in zip(prepared, written.result(), strict=True):
        if done.case is not None and result["status"] != FAILED:
            result["digest"] = case_digest(done.case, result)
        yield result


@cache
def _committer() -> ThreadPoolExecutor:
    """One thread that writes a group at a time (through the writer pool), in order."""
    return ThreadPoolExecutor(max_workers=1, thread_name_prefix="yaosu-commit")


def process_chunk(tasks: list[dict[str, Any]], batch: str | None = None) -> bytes:
    """Several manifest rows in one Dask task (the per-task cost of Dask is paid once for them); their
    states (with digests) pickled here: to Dask one opaque block, whose size it need not measure by
    walking every row nor encode field by field (both on the worker's event loop). `batch`: the
    digests' export rows stay in this worker (engine/research/held_exports.py), `rows` None."""
    states = list(run_cases(tasks, before_last_wait=_free_the_worker))
    if batch is not None:
        for state in states:
            digest = state.get("digest")
            if digest is not None:
                hold(batch, state["stem"], digest["rows"])
                digest["rows"] = None
    return pickle.dumps(states, protocol=pickle.HIGHEST_PROTOCOL)


def _free_the_worker() -> None:
    """The chunk leaves the Dask worker's thread slot while its last files are fsynced (25–40 ms a chunk,
    a tenth of its time): the worker starts its next chunk meanwhile; this one returns when written."""
    from distributed import secede

    try:
        secede()
    except ValueError:  # not on a Dask worker (called directly): nothing to free
        pass


def chunk_states(result: bytes) -> list[dict[str, Any]]:
    return pickle.loads(result)  # our own workers' output, over the cluster's own connections

"""`yaosu batch`: a manifest of pleadings → case files, drafts, exports, report, similar index.

The cases run on Dask: a LocalCluster of one process per core by default, or any scheduler by
address — the same code. Each worker process loads the pipeline once (a WorkerPlugin warms it
up; `ensure_warm` is cached per process). Workers write each case's outputs themselves, so the
output folder must be reachable from the workers under the same path. Everything that spans the
batch (pseudonyms, exports, report, lenders, similar index) is then built in manifest order from
each case's digest (engine/research/digest.py), so the results do not depend on which worker did
what; the export rows stay on their worker until the batch's names are known, and each worker
finishes its own (engine/research/held_exports.py).
"""

from __future__ import annotations

import itertools
import json
import logging
import os
import time
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager, nullcontext, suppress
from dataclasses import dataclass, field
from functools import cache, partial
from pathlib import Path
from typing import Any

from distributed.diagnostics.plugin import WorkerPlugin

from engine.atomic import atomic_write_text
from engine.errors import E, YaosuError
from engine.research import calls
from engine.research.digest import case_digest
from engine.research.export import ExportPiece, export_piece, pseudonyms_of, write_exports
from engine.research.held_exports import drop_held, finish_held
from engine.research.lenders import (
    WARNING_PREFIX,
    load_threshold,
    plaintiff_cases,
    suspected_lenders,
    warning_text,
)
from engine.research.manifest import ManifestRow, read_manifest
from engine.research.report import build_report, write_report
from engine.research.similar import INDEX_FILE, build_index
from engine.research.worker import FAILED, GROUP, chunk_states, ensure_warm, paths, process_chunk, run_cases

INLINE = "inline"  # no Dask at all: the plain loop (benchmarks compare against it)


class WarmUp(WorkerPlugin):
    """Loads tables, pipeline and templates when a worker starts, before its first case. `pin`: a
    LocalCluster's worker N is also kept on CPU N (mod the CPUs this process may use) — left to move,
    a worker's compute and writer threads hand the GIL across cores, which costs each case CPU time
    (benchmarks/test_batch_speed.py); a remote cluster's workers are left as their hosts place them."""

    name = "yaosu-warm-up"

    def __init__(self, pin: bool = False) -> None:
        self.pin = pin

    def setup(self, worker: Any) -> None:
        if self.pin:
            pin_to_cpu(worker.name)
        ensure_warm()


def pin_to_cpu(index: object) -> None:
    """This process on one CPU of those it may use, chosen by a worker's index (a non-integer name:
    not pinned)."""
    if not isinstance(index, int) or not hasattr(os, "sched_setaffinity"):
        return
    cpus = sorted(os.sched_getaffinity(0))
    if len(cpus) > 1:
        os.sched_setaffinity(0, {cpus[index % len(cpus)]})


@dataclass
class BatchResult:
    states: list[dict[str, Any]] = field(default_factory=list)
    lenders: list[dict[str, Any]] = field(default_factory=list)
    rows_exported: int = 0
    rows_remade: int = 0  # cases whose export rows were made again from the case file (their worker was lost)
    # Wall seconds: "start" (a LocalCluster started and warmed up, or the connection to a scheduler),
    # "cases" and "finish" (what spans the batch: lenders, exports, report, index, after the last case).
    seconds: dict[str, float] = field(default_factory=dict)

    def count(self, status: str) -> int:
        return sum(s["status"] == status for s in self.states)

    @property
    def skipped(self) -> int:
        return sum(bool(s.get("skipped")) for s in self.states)


def _task(row: ManifestRow, out: Path) -> dict[str, Any]:
    return {
        "out": str(out), "stem": row.stem, "line": row.line, "complaint": str(row.complaint),
        "answer": str(row.answer) if row.answer else None, "court": row.court,
        "filing_date": row.filing_date, "case_type": row.case_type,
    }


@contextmanager
def dask_client(scheduler: str | None, workers: int | None) -> Iterator[Any]:
    import dask
    from distributed import Client, LocalCluster

    if scheduler:
        try:
            client = Client(scheduler, timeout="20s")
        except (OSError, TimeoutError, ValueError) as exc:
            raise YaosuError(E.E700, scheduler=scheduler, exc=exc) from exc
        with client:
            client.register_plugin(WarmUp())
            yield client
        return
    # Dask's own sampling profiler (every 10 ms, on each worker's event loop) is for its dashboard, which
    # a batch does not start; the worker processes take the setting with the rest of the config.
    with dask.config.set({"distributed.worker.profile.enabled": False}), LocalCluster(
        n_workers=workers or os.cpu_count() or 1, threads_per_worker=1, processes=True,
        host="127.0.0.1", dashboard_address=None, silence_logs=logging.ERROR,
    ) as cluster, Client(cluster) as client:
        client.register_plugin(WarmUp(pin=True))
        yield client


def _failed(task: dict[str, Any], reason: str) -> dict[str, Any]:
    return {"stem": task["stem"], "line": task["line"], "court": task["court"], "case_type": task["case_type"],
            "filing_date": task.get("filing_date"), "status": FAILED, "reasons": [reason], "skipped": False}


MAX_CHUNK = 32  # cases per Dask task at most
MIN_CHUNK = 2  # a chunk whose worker dies is retried case by case; a single case is taken to have killed it
GUIDED_SHARE = 4  # each chunk takes 1/(GUIDED_SHARE × workers) of the cases still to hand out


def chunk_sizes(cases: int, workers: int) -> list[int]:
    """Cases per Dask task, in manifest order (guided self-scheduling): up to MAX_CHUNK while much is
    left, so the per-task cost (scheduler, transport, ~ms on a loaded 2-core machine) is paid rarely,
    then smaller and smaller, so the workers finish together instead of one waiting for the other's
    last full chunk (~0.3 s of 32 cases)."""
    sizes: list[int] = []
    left = cases
    while left > 0:
        size = min(left, MAX_CHUNK, max(MIN_CHUNK, -(-left // (GUIDED_SHARE * max(1, workers)))))
        if left - size == 1 and size < MAX_CHUNK:
            size += 1  # no single case left over for a chunk of its own
        sizes.append(size)
        left -= size
    return sizes


def chunks(sizes: list[int]) -> list[list[int]]:
    """The task indices of each chunk."""
    starts = list(itertools.accumulate(sizes, initial=0))
    return [list(range(start, start + size)) for start, size in zip(starts, sizes, strict=False)]


def _cluster_workers(client: Any) -> int:
    return max(1, sum(client.nthreads().values()))


def run_tasks(
    tasks: list[dict[str, Any]], client: Any | None,
    on_done: Callable[[dict[str, Any]], None], keep_going: bool = True, batch: str | None = None,
) -> list[dict[str, Any]]:
    """Run every task (client None: in this process); results in task order. A worker lost mid-case
    fails that case, not the batch. `batch`: the workers keep the export rows under this id."""
    results: dict[int, dict[str, Any]] = {}
    if client is None:
        # --fail-fast: one case at a time, so nothing after the first failure is done
        for i, state in enumerate(run_cases(tasks, group=GROUP if keep_going else 1)):
            results[i] = state
            on_done(state)
            if not keep_going and state["status"] == FAILED:
                break
        return [results[i] for i in sorted(results)]
    from distributed import as_completed

    groups = chunks(chunk_sizes(len(tasks), _cluster_workers(client)))
    futures = _submit(client, tasks, groups, batch)
    by_key = {future.key: group for future, group in zip(futures, groups, strict=True)}
    running = as_completed(futures)
    for future in running:
        group = by_key[future.key]
        try:
            states = chunk_states(future.result())
        except Exception:  # noqa: BLE001 — a worker died in the chunk: its cases again, one a task
            if len(group) > 1:
                retries = _submit(client, tasks, [[i] for i in group], batch)
                by_key.update({retry.key: [i] for retry, i in zip(retries, group, strict=True)})
                running.update(retries)
                continue
            states = [_failed(tasks[group[0]], _lost(tasks[group[0]], future))]
        stop = False
        for i, state in zip(group, states, strict=True):
            results[i] = state
            on_done(state)
            stop = stop or (not keep_going and state["status"] == FAILED)
        if stop:
            client.cancel(futures)
            break
    return [results[i] for i in sorted(results)]


def _submit(client: Any, tasks: list[dict[str, Any]], groups: list[list[int]], batch: str | None) -> list[Any]:
    keys = [f"yaosu-{tasks[g[0]]['stem']}-{len(g)}-{os.getpid()}" for g in groups]
    return list(client.map(process_chunk, [[tasks[i] for i in g] for g in groups], [batch] * len(groups),
                           pure=False, key=keys))


def _lost(task: dict[str, Any], future: Any) -> str:
    exc = future.exception()
    return f"清单第{task['line']}行：处理失败（{type(exc).__name__}: {exc}）"


def _flag_lenders(
    out: Path, done: list[tuple[str, dict[str, Any], dict[str, Any]]]
) -> tuple[list[dict[str, Any]], list[Callable[[], object]]]:
    """report `lenders`, and the writes that put the warning into each flagged case file (complaint
    warnings) and OUT/notes/ (run by the caller); `done`: (stem, digest, state) in manifest order."""
    threshold = load_threshold()
    plaintiffs = []
    for stem, digest, state in done:
        plaintiffs += plaintiff_cases(stem, state["court"], state.get("filing_date"), digest["plaintiffs"])
    lenders = suspected_lenders(plaintiffs, threshold)
    warnings: dict[str, list[str]] = {}
    for lender in lenders:
        for stem in lender["cases"]:
            warnings.setdefault(stem, []).append(warning_text(lender, threshold))
    writes: list[Callable[[], object]] = []
    for stem, digest, _ in done:
        current = digest["warnings"]
        if current is None:
            continue
        kept = [w for w in current if not w.startswith(WARNING_PREFIX)]
        wanted = kept + warnings.get(stem, [])
        if wanted != current:
            writes.append(partial(_set_warnings, paths(out, stem)["case"], wanted))
        note = out / "notes" / f"{stem}.json"
        if stem in warnings:
            text = json.dumps({"case": stem, "notes": warnings[stem]}, ensure_ascii=False, indent=1) + "\n"
            writes.append(partial(atomic_write_text, note, text))
        elif note.exists():
            note.unlink()
    return lenders, writes


def _set_warnings(path: Path, warnings: list[str]) -> None:
    case = calls.load_case(path)
    case["complaint"]["warnings"] = warnings
    calls.save_case(path, case)


WRITER_THREADS = 8


def run_writes(writes: list[Callable[[], object]]) -> YaosuError | None:
    """Independent atomic writes on threads, so that their fsyncs share journal commits; the first
    write's error once all are done, returned (not raised: a Dask worker would log a traceback).
    Runs on a Dask worker (the flagged cases of a batch) or here."""
    with ThreadPoolExecutor(max_workers=WRITER_THREADS, thread_name_prefix="yaosu-notes") as pool:
        futures = [pool.submit(write) for write in writes]
    errors = [future.exception() for future in futures]
    for error in errors:
        if isinstance(error, YaosuError):
            return error
        if error is not None:
            raise error
    return None


def _start_writes(writes: list[Callable[[], object]], client: Any | None) -> list[tuple[Any, list[Callable[[], object]]]]:
    """The writes started in the background, (future, its writes): on the Dask workers, idle once the
    cases are done, so their reading and encoding does not hold this process' GIL; else on a thread here."""
    if not writes:
        return []
    if client is None:
        return [(_background().submit(run_writes, writes), writes)]
    parts = [writes[i::2 * _cluster_workers(client)] for i in range(2 * _cluster_workers(client))]
    parts = [part for part in parts if part]
    return list(zip(client.map(run_writes, parts, pure=False), parts, strict=True))


def _wait_for_writes(started: list[tuple[Any, list[Callable[[], object]]]]) -> None:
    """Raises the first write's (Chinese) error; writes whose Dask worker was lost are done here."""
    for future, writes in started:
        try:
            error = future.result()
        except Exception:  # noqa: BLE001 — the worker died, not the write: do them in this process
            error = run_writes(writes)
        if error is not None:
            raise error


@cache
def _background() -> ThreadPoolExecutor:
    return ThreadPoolExecutor(max_workers=1, thread_name_prefix="yaosu-finish")


def _digest_from_file(out: Path, state: dict[str, Any]) -> dict[str, Any] | None:
    """The digest of a done case from its case file (None: failed, or no case file)."""
    if state["status"] == FAILED:
        return None
    case_path = paths(out, state["stem"])["case"]
    return case_digest(calls.load_case(case_path), state) if case_path.is_file() else None


def _held_pieces(client: Any | None, batch: str | None, names: list[str]) -> list[ExportPiece]:
    """Every worker's parts of the batch, finished there (all workers at once); a worker that fails or
    is gone gives none (its cases' parts are then made here)."""
    if client is None or batch is None:
        return []
    answers = client.run(finish_held, batch, names, on_error="return")
    return [piece for piece in answers.values() if not isinstance(piece, BaseException)]


def finish(
    out: Path, states: list[dict[str, Any]], digests: dict[str, dict[str, Any] | None] | None = None,
    client: Any | None = None, batch: str | None = None,
) -> BatchResult:
    """Everything that spans the batch, in manifest order, from each done case's digest (`digests`:
    those the workers sent, by stem; the others are made from the case files). `client`: the Dask
    client whose workers write the flagged cases' files (None: this process) and, under `batch`, hold
    the export rows of the digests they sent without them."""
    digests = digests or {}
    done = []
    for state in states:
        digest = digests[state["stem"]] if state["stem"] in digests else _digest_from_file(out, state)
        if digest is not None:
            done.append((state["stem"], digest, state))
    lenders, writes = _flag_lenders(out, done)
    # The flagged case files and notes are written in the background while the exports, report and
    # index are built (they do not read the warnings).
    written = _start_writes(writes, client)
    names = [name for _, digest, _ in done for name in digest["names"]]
    pieces = _held_pieces(client, batch, names) if any(d["rows"] is None for _, d, _ in done) else []
    held = {stem for piece in pieces for stem in piece["stems"]}
    here = []
    remade = 0
    for stem, digest, state in done:
        if digest["rows"] is not None:
            here.append((stem, digest["rows"]))
        elif stem not in held:  # the worker that held them was lost
            again = _digest_from_file(out, state)
            if again is not None:
                here.append((stem, again["rows"]))
                remade += 1
    pieces.append(export_piece(here, pseudonyms_of(names)))
    exported = held | {stem for stem, _ in here}
    rows = write_exports(out, [stem for stem, _, _ in done if stem in exported], pieces)
    threshold = load_threshold()
    report = build_report([digest["record"] for _, digest, _ in done], lenders,
                          {"min_cases": threshold.min_cases, "window_months": threshold.window_months})
    write_report(out, report)
    index = build_index([(stem, digest["case_type"], state["court"], digest["features"]) for stem, digest, state in done])
    index.save(out / INDEX_FILE)
    _wait_for_writes(written)
    return BatchResult(states=states, lenders=lenders, rows_exported=rows, rows_remade=remade)


def _warm_client() -> None:
    import pyarrow.parquet  # noqa: F401  # imported by the exports after the last case otherwise

    calls.court_ids()
    load_threshold()


OUTPUT_FOLDERS = ("cases", "drafts", "state", "notes")


def sweep_temp_files(out: Path) -> int:
    """Half-written files (.name.XXXX.tmp of engine.atomic) left by a batch that was killed."""
    swept = 0
    for folder in (out, *(out / name for name in OUTPUT_FOLDERS)):
        for path in folder.glob(".*.tmp*") if folder.is_dir() else ():
            path.unlink(missing_ok=True)
            swept += 1
    return swept


def run_batch(
    manifest: Path, out: Path, scheduler: str | None = None, workers: int | None = None,
    keep_going: bool = True, on_start: Callable[[int], None] | None = None,
    on_done: Callable[[dict[str, Any]], None] | None = None,
) -> BatchResult:
    rows, bad = read_manifest(manifest)
    out.mkdir(parents=True, exist_ok=True)
    sweep_temp_files(out)
    tasks = [_task(row, out) for row in rows]
    if on_start:
        on_start(len(tasks))
    digests: dict[str, dict[str, Any] | None] = {}
    # What the finish needs in this process (tables, courts, the lender threshold) loads while the
    # workers do the cases, not after the last one (the plain loop loads it with its first case).
    warming = _background().submit(_warm_client if scheduler != INLINE else bool)

    def done(state: dict[str, Any]) -> None:
        # A case not redone: its digest from its case file now, while the workers do the next ones.
        digest = state.pop("digest", None)
        if digest is None:
            warming.result()  # the loading is not done twice at once (the system is cached, not locked)
        digests[state["stem"]] = digest if digest is not None else _digest_from_file(out, state)
        if on_done:
            on_done(state)

    bad_states = [
        {"stem": b.stem, "line": b.line, "court": None, "case_type": None, "status": FAILED,
         "reasons": [b.reason], "skipped": False}
        for b in bad
    ]
    clock = [time.perf_counter()]
    batch = None if scheduler == INLINE else uuid.uuid4().hex  # the workers' export rows, kept under this id
    with nullcontext(None) if scheduler == INLINE else dask_client(scheduler, workers) as client:
        clock.append(time.perf_counter())
        try:
            states = run_tasks(tasks, client, done, keep_going, batch)
            clock.append(time.perf_counter())
            warming.result()
            result = finish(out, states, digests, client, batch)
        finally:
            if client is not None:  # a batch stopped before its finish: the workers forget its rows
                with suppress(Exception):  # best effort: a lost scheduler must not hide why the batch stopped
                    client.run(drop_held, batch, on_error="ignore")
        clock.append(time.perf_counter())
    sweep_temp_files(out)  # a worker that died mid-write left its temporary files (its cases were redone)
    result.states = sorted(states + bad_states, key=lambda s: s["line"])
    result.seconds = dict(zip(("start", "cases", "finish"), (b - a for a, b in itertools.pairwise(clock)), strict=True))
    return result

"""A worker killed mid-batch (its process, by PID, on a real LocalCluster): its chunk is retried,
every case is done and written once, nothing is lost, and the exports equal a plain run's."""

from __future__ import annotations

import json
import logging
import os
import signal
from pathlib import Path
from typing import Any

import dask
import pyarrow.parquet as pq
import pytest
from distributed import Client, LocalCluster

from engine.research.batch import INLINE, chunk_sizes, run_batch
from tests.research.batch_inputs import COMPLAINTS, mixed_manifest

pytestmark = pytest.mark.skipif(not COMPLAINTS, reason="team corpus not present")
CASES = 48  # all four case types in turn: 15 chunks of 6 … 2 cases on 2 workers


def _exports(out: Path) -> dict[str, Any]:
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    report.pop("generated_at")
    return {"csv": (out / "elements.csv").read_bytes(), "report": report,
            "cases": {p.name: p.read_bytes() for p in sorted((out / "cases").glob("*.json"))},
            "drafts": sorted(p.name for p in (out / "drafts").iterdir())}


def test_a_killed_workers_chunk_is_retried_and_nothing_is_lost_or_written_twice(tmp_path: Path) -> None:
    # No chunk of a single case, which the batch would not retry (that case is taken to have killed its worker).
    assert 1 not in chunk_sizes(CASES, 2)
    manifest, _ = mixed_manifest(tmp_path, CASES)
    plain = run_batch(manifest, tmp_path / "plain", scheduler=INLINE)
    assert plain.count("failed") == 0

    out = tmp_path / "dask"
    reported: list[str] = []
    killed: dict[str, Any] = {}
    # No second chance from the scheduler: the task on the dead worker fails (KilledWorker) and the
    # batch's own retry (the chunk's cases again, one a task) has to do them.
    with dask.config.set({"distributed.scheduler.allowed-failures": 0}), LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None,
        silence_logs=logging.CRITICAL,
    ) as cluster, Client(cluster) as client:
        pids = client.run(os.getpid)

        def on_done(state: dict[str, Any]) -> None:
            reported.append(state["stem"])
            if killed or len(reported) < 3:
                return
            busy = [address for address, keys in client.processing().items() if keys]
            if not busy:
                return
            os.kill(pids[busy[0]], signal.SIGKILL)
            # What was written before the kill (state files are written last): never rewritten.
            killed.update(pid=pids[busy[0]], written={
                p.name: (p.stat().st_ino, p.stat().st_mtime_ns) for p in (out / "state").glob("*.json")})

        result = run_batch(manifest, out, scheduler=cluster.scheduler_address, on_done=on_done)
        assert killed, "no worker was busy to be killed"
        # The dead worker's chunk failed, and each of its cases was done again as a task of its own.
        ends = [(key, end) for key, _start, end, *_ in cluster.scheduler.transition_log]
        # (task keys: yaosu-<first stem>-<cases>-<client pid>)
        failed = [key.split("-")[1:3] for key, end in ends if end == "erred" and key.split("-")[2] != "1"]
        assert failed, "no chunk failed"
        retried = {key.split("-")[1] for key, end in ends if end == "memory" and key.split("-")[2] == "1"}
        for stem, size in failed:
            assert {f"m{int(stem[1:]) + i:04d}" for i in range(int(size))} <= retried
        assert killed["pid"] not in client.run(os.getpid).values()  # the nanny started a new process

    assert sorted(reported) == sorted(s["stem"] for s in plain.states)  # each case reported once
    assert result.count("failed") == 0, [s["reasons"] for s in result.states if s["status"] == "failed"]
    assert [(s["stem"], s["status"]) for s in result.states] == [(s["stem"], s["status"]) for s in plain.states]
    # Cases the dead worker had finished are not redone by the retry (same file, same inode).
    for name, identity in killed["written"].items():
        path = out / "state" / name
        assert (path.stat().st_ino, path.stat().st_mtime_ns) == identity
    assert len(list((out / "state").glob("*.json"))) == CASES
    assert not list(out.rglob("*.tmp*"))  # what the dead worker was writing is swept at the end
    assert _exports(out) == _exports(tmp_path / "plain")
    assert pq.read_table(out / "elements.parquet").equals(pq.read_table(tmp_path / "plain" / "elements.parquet"))

"""`yaosu batch`'s own LocalCluster keeps worker N on CPU N (engine/research/batch.py WarmUp(pin=True)),
and a batch on it still gives the plain loop's exports."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from engine.research.batch import INLINE, dask_client, pin_to_cpu, run_batch
from tests.research.batch_inputs import copied_manifest

pytestmark = pytest.mark.skipif(
    not hasattr(os, "sched_getaffinity") or len(os.sched_getaffinity(0)) < 2, reason="needs two CPUs to pin to"
)


def _affinity() -> list[int]:
    return sorted(os.sched_getaffinity(0))


def test_each_local_worker_runs_on_its_own_cpu_and_this_process_is_left_alone() -> None:
    before = _affinity()
    with dask_client(None, 2) as client:
        placed = client.run(os.sched_getaffinity, 0)
        names = client.run(lambda dask_worker: dask_worker.name)
    assert _affinity() == before
    by_name = {names[address]: sorted(cpus) for address, cpus in placed.items()}
    assert by_name == {0: [before[0]], 1: [before[1]]}


def test_a_worker_without_an_index_is_not_pinned() -> None:
    before = _affinity()
    pin_to_cpu("tcp://10.0.0.5:40111")  # a remote worker's name: its host decides
    assert _affinity() == before


def test_a_batch_on_the_pinned_cluster_exports_what_the_plain_loop_does(tmp_path: Path) -> None:
    manifest = copied_manifest(tmp_path, 12)
    plain, pinned = tmp_path / "plain", tmp_path / "pinned"
    run_batch(manifest, plain, scheduler=INLINE)
    run_batch(manifest, pinned, workers=2)
    for name in ("elements.csv", "elements.parquet"):
        assert (pinned / name).read_bytes() == (plain / name).read_bytes(), name

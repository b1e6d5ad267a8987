"""The export rows stay on the Dask worker that made them until the finish; a worker restarted in
between (its memory gone) costs nothing but time: those cases' rows are made again from their case
files, and the exports are byte for byte the plain loop's."""

from __future__ import annotations

import csv
import io
import logging
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from distributed import Client, LocalCluster

from engine.research import calls, held_exports
from engine.research.batch import INLINE, _task, finish, run_batch, run_tasks
from engine.research.deidentify import case_names
from engine.research.export import (
    CASES_A_BATCH,
    COLUMNS,
    deidentified,
    export_part,
    export_piece,
    pseudonyms_of,
    raw_rows,
    write_exports,
)
from engine.research.manifest import read_manifest
from tests.research.batch_inputs import COMPLAINTS, mixed_manifest

pytestmark = pytest.mark.skipif(not COMPLAINTS, reason="team corpus not present")
CASES = 16  # all four case types in turn


def _held_counts(client: Client) -> list[int]:
    return sorted(client.run(lambda: sum(map(len, held_exports._HELD.values()))).values())


def test_rows_held_by_a_restarted_worker_are_made_again_from_the_case_files(tmp_path: Path) -> None:
    manifest, _ = mixed_manifest(tmp_path, CASES)
    plain = run_batch(manifest, tmp_path / "plain", scheduler=INLINE)
    assert plain.count("failed") == 0 and plain.rows_exported > 0
    rows, _ = read_manifest(manifest)

    def cases_on(client: Client, out: Path, batch: str) -> tuple[list[dict[str, Any]], dict[str, Any]]:
        digests: dict[str, Any] = {}
        states = run_tasks([_task(row, out) for row in rows], client,
                           lambda s: digests.__setitem__(s["stem"], s.pop("digest")), batch=batch)
        return states, digests

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None, silence_logs=logging.CRITICAL) as cluster, Client(cluster) as client:
        # Kept: the digests came without rows, both workers hold some, and the finish takes them from there.
        kept = tmp_path / "kept"
        states, digests = cases_on(client, kept, "kept")
        assert all(digest["rows"] is None for digest in digests.values())
        assert sum(_held_counts(client)) == CASES and 0 not in _held_counts(client)
        result = finish(kept, states, digests, client, "kept")
        assert result.rows_remade == 0 and _held_counts(client) == [0, 0]

        # Lost: every worker restarted between the last case and the finish.
        lost = tmp_path / "lost"
        states, digests = cases_on(client, lost, "lost")
        client.restart()
        assert _held_counts(client) == [0, 0]
        remade = finish(lost, states, digests, client, "lost")
        assert remade.rows_remade == CASES

    for out, batch in ((kept, result), (lost, remade)):
        assert batch.rows_exported == plain.rows_exported
        assert (out / "elements.csv").read_bytes() == (tmp_path / "plain" / "elements.csv").read_bytes()
        assert pq.read_table(out / "elements.parquet").equals(pq.read_table(tmp_path / "plain" / "elements.parquet"))


def test_a_piece_of_many_cases_keeps_every_row_and_the_manifest_order(tmp_path: Path) -> None:
    # More cases than one Arrow record batch holds (CASES_A_BATCH), written back in another order.
    manifest, _ = mixed_manifest(tmp_path, 8)
    assert run_batch(manifest, tmp_path / "out", scheduler=INLINE).count("failed") == 0
    cases = [(p.stem, calls.load_case(p)) for p in sorted((tmp_path / "out" / "cases").glob("*.json"))]
    copies = [(f"{stem}-{copy}", stem, case) for copy in range(CASES_A_BATCH // 8 + 3) for stem, case in cases]
    assert len(copies) > CASES_A_BATCH
    pseudonyms = pseudonyms_of([name for _, case in cases for name in case_names(case)])
    piece = export_piece(((key, export_part(stem, case)) for key, stem, case in copies), pseudonyms)
    expected = {key: deidentified(raw_rows(stem, case), pseudonyms) for key, stem, case in copies}
    assert pa.ipc.open_stream(piece["arrow"]).read_all().to_pylist() == [r for key, _, _ in copies for r in expected[key]]

    backwards = [key for key, _, _ in reversed(copies)]
    rows = write_exports(tmp_path, backwards, [piece])
    written = list(csv.DictReader(io.StringIO((tmp_path / "elements.csv").read_text(encoding="utf-8-sig"))))
    want = [r for key in backwards for r in expected[key]]
    assert rows == len(want) == len(written)
    assert [r["case_id"] for r in written] == [r["case_id"] for r in want]
    assert written == [{c: "" if r[c] is None else str(r[c]) for c in COLUMNS} for r in want]
    assert pq.read_table(tmp_path / "elements.parquet").to_pylist() == want


def test_a_part_that_arrives_after_its_batch_ended_is_not_kept() -> None:
    # A chunk still running when its batch stopped (or was finished) reaches `hold` afterwards: on a
    # long-lived worker its rows would otherwise stay in memory until the worker restarts.
    part = export_part("a", {"elements": {}, "case_type": "private_lending"})
    held_exports.hold("live", "a", part)
    held_exports.drop_held("dropped")
    held_exports.hold("dropped", "a", part)
    assert held_exports.finish_held("finished", ["甲"])["stems"] == []
    held_exports.hold("finished", "a", part)
    try:
        assert set(held_exports._HELD) == {"live"}
        assert held_exports.finish_held("live", [])["stems"] == ["a"]
        held_exports.hold("live", "b", part)
        assert held_exports._HELD == {}
    finally:
        held_exports._HELD.clear()

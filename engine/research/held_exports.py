"""Export parts kept by the Dask worker that made them, until the batch's pseudonyms are known.

A case's export rows are most of what a worker would send back with the case, and the client could
only store them until the last case was done. So the worker keeps them, per batch, in its process;
after the last case the client sends each worker the batch's names (in manifest order), every worker
finishes its own parts with the same pseudonym table at the same time, and sends them back as an
`ExportPiece` (CSV text and one Arrow stream). A worker lost in between takes its parts with it: the
client then makes those cases' parts again from their case files.
"""

from __future__ import annotations

import pickle

from engine.research.export import ExportPart, ExportPiece, export_piece, pseudonyms_of

# batch id → stem → part, pickled: a part's Python objects took ~12 times the memory of its bytes
_HELD: dict[str, dict[str, bytes]] = {}
# Batches finished or dropped here. A chunk still running when its batch stopped (Dask's cancel does not
# stop a running task) would otherwise leave its parts on a long-lived worker for good. One short id a batch.
_ENDED: set[str] = set()


def hold(batch: str, stem: str, part: ExportPart) -> None:
    if batch in _ENDED:
        return
    _HELD.setdefault(batch, {})[stem] = pickle.dumps(part, protocol=pickle.HIGHEST_PROTOCOL)


def finish_held(batch: str, names: list[str]) -> ExportPiece:
    """This worker's parts of the batch, finished, and forgotten here (run on each worker by the client)."""
    _ENDED.add(batch)
    parts = _HELD.pop(batch, {})
    return export_piece(((stem, pickle.loads(part)) for stem, part in parts.items()), pseudonyms_of(names))


def drop_held(batch: str) -> None:
    """Forget the batch's parts (a batch that stopped before its finish), and any it is still sent."""
    _ENDED.add(batch)
    _HELD.pop(batch, None)

"""What the batch-wide steps need of one done case, computed where the case was done.

The worker that drafted a case has the case in memory: it computes the export rows (as far as
they go without the batch's pseudonyms), the report record, the similarity features, the names to
pseudonymise and the lender screen's plaintiffs there (in parallel across workers), and sends them back with the state. The client then
only joins them in manifest order (pseudonyms, lenders, report, index) instead of re-reading and
re-walking every case file after the last case. A case not redone (resumed) gets its digest from
its case file, on the client: the same function on the same data.
"""

from __future__ import annotations

from typing import Any

from engine.research.deidentify import case_names
from engine.research.export import export_part
from engine.research.report import case_record
from engine.research.similar import case_values, raw_features


def plaintiffs(case: dict[str, Any]) -> list[Any]:
    return ((case.get("elements") or {}).get("plaintiffs") or {}).get("complaint") or []


def case_digest(case: dict[str, Any], state: dict[str, Any]) -> dict[str, Any]:
    """A plain dict (any Dask worker can send it) of everything `finish` reads of the case."""
    complaint = case.get("complaint")
    return {
        "names": case_names(case),
        "rows": export_part(state["stem"], case),
        "record": case_record(case, state),
        "case_type": case["case_type"],
        "features": raw_features(case["case_type"], case_values(case)),
        "plaintiffs": plaintiffs(case),
        # None: no complaint part, so no lender warning can go into the case file
        "warnings": list(complaint.get("warnings") or []) if complaint else None,
    }

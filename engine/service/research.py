"""The researchers' export over HTTP: the stored cases' rows, de-identified by the batch exporter
(engine/research/export.py: 张某1-style pseudonyms consistent within the export; ID, phone, address and
bank-account numbers removed from every value; no evidence sentences), as CSV or Parquet."""

from __future__ import annotations

import csv
import io
from typing import Any

from engine.research.export import export_rows

__all__ = ["COLUMNS", "export_rows", "to_csv", "to_parquet"]

COLUMNS = ["case_id", "court", "case_type", "element", "element_label", "complaint_value", "answer_value", "status",
           "finding", "effective_value", "confidence"]


def to_csv(rows: list[dict[str, Any]]) -> bytes:
    columns = list(rows[0]) if rows else COLUMNS
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")  # BOM: Excel opens the Chinese correctly


def to_parquet(rows: list[dict[str, Any]]) -> bytes:
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.Table.from_pylist(rows) if rows else pa.table({name: pa.array([], pa.string()) for name in COLUMNS})
    sink = io.BytesIO()
    pq.write_table(table, sink)
    return sink.getvalue()

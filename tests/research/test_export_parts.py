"""The export rows the workers prepare (export_part) and the client finishes (finish_part) are the
rows `deidentified` makes from the same cases with the same batch-wide pseudonyms; and the mixed
benchmark manifest varies every party per copy."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from engine.extraction.recognisers.ids import valid_id_number
from engine.research import calls
from engine.research.batch import INLINE, run_batch
from engine.research.deidentify import Pseudonyms
from engine.research.export import COLUMNS, deidentified, export_part, finish_part, raw_rows
from tests.research.batch_inputs import COMPLAINTS, ID_IN_TEXT, LENDERS, mixed_manifest

pytestmark = pytest.mark.skipif(not COMPLAINTS, reason="team corpus not present")


def test_finished_parts_equal_the_reference_de_identification(tmp_path: Path) -> None:
    # All four case types (traffic cases name the drivers in their free text).
    assert run_batch(mixed_manifest(tmp_path, 24)[0], tmp_path / "out", scheduler=INLINE).count("failed") == 0
    cases = [(p.stem, calls.load_case(p)) for p in sorted((tmp_path / "out" / "cases").glob("*.json"))]
    pseudonyms = Pseudonyms()
    for _, case in cases:
        pseudonyms.register_case(case)
    shortcut = reference = 0
    for stem, case in cases:
        expected = deidentified(raw_rows(stem, case), pseudonyms)
        part = export_part(stem, case)
        done = finish_part(part, pseudonyms)
        assert [{c: done["columns"][c][i] for c in COLUMNS} for i in range(len(expected))] == expected
        lines = io.StringIO()
        csv.DictWriter(lines, fieldnames=COLUMNS, lineterminator="\n").writerows(expected)
        assert "".join(done["lines"]) == lines.getvalue()  # type: ignore[arg-type]
        # Both ways are taken: free text kept as the worker scrubbed it, and redone where a name occurs.
        for index, kind, _raw in part["waiting"]:
            if kind not in ("party_list", "name_list"):
                redone = part["lines"][index] != done["lines"][index]
                shortcut, reference = shortcut + (not redone), reference + redone
    assert shortcut > 20 and reference > 20
    assert part["columns"] != done["columns"]  # the worker's part is left as it came


def test_the_mixed_manifest_varies_every_party_per_copy(tmp_path: Path) -> None:
    manifest, lent = mixed_manifest(tmp_path, 160)
    rows = list(csv.DictReader(manifest.read_text(encoding="utf-8").splitlines()))
    assert [r["case_type"] for r in rows[:4]] == ["private_lending", "motor_vehicle_accident", "sale_contract", "labor_dispute"]
    # Copy 0 and copy 128 are both pl_c_001 (32 lending pleadings, every 4th case): same facts, other parties.
    first, again = ((tmp_path / rows[i]["complaint"]).read_text(encoding="utf-8") for i in (0, 128))
    source = COMPLAINTS[0].read_text(encoding="utf-8")
    assert "张三" in source and "张三" not in first and "张三" not in again and first != again
    assert "伍万元" in first and "伍万元" in again
    for text in (first, again):
        numbers = ID_IN_TEXT.findall(text)
        assert numbers and all(valid_id_number(n) for n in numbers) and not set(numbers) & set(ID_IN_TEXT.findall(source))
    # The repeated lenders sue in the cases named, and in no other.
    assert lent and len(lent) < len(rows) / 4
    for row in rows:
        text = (tmp_path / row["complaint"]).read_text(encoding="utf-8", errors="replace")
        named = any(f"原告：{name}" in text for name, _ in LENDERS)
        assert named == (Path(row["complaint"]).stem in lent), row["complaint"]
    # Deterministic: the same copies each run.
    assert mixed_manifest(tmp_path / "again", 160)[0].read_bytes() == manifest.read_bytes()
    assert all((tmp_path / "again" / "in" / p.name).read_bytes() == p.read_bytes() for p in (tmp_path / "in").iterdir())

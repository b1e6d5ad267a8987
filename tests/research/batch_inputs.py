"""Manifests over the team corpus (corpus/private_lending), written into a test's folder."""

from __future__ import annotations

import csv
import json
import os
import shutil
from pathlib import Path

from engine.paths import CORPUS_DIR

LENDING = CORPUS_DIR / "private_lending"
COMPLAINTS = sorted((LENDING / "complaints").glob("*.txt"))
COURTS = ("qingpu", "wujiang", "jiashan")
HEADER = ["complaint", "answer", "court", "filing_date", "case_type"]


def answer_for(complaint: Path) -> Path | None:
    """pl_a_NNN answers pl_c_NNN."""
    number = complaint.stem.split("_")[2]
    answer = LENDING / "answers" / f"pl_a_{number}.txt"
    return answer if answer.exists() else None


def write_manifest(folder: Path, rows: list[list[str]], name: str = "manifest.csv") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        writer.writerows(rows)
    return path


def corpus_manifest(folder: Path, complaints: list[Path] | None = None) -> Path:
    """Every corpus complaint with its answer, courts in turn, one filing date a month (paths relative)."""
    rows = []
    for i, complaint in enumerate(complaints or COMPLAINTS):
        answer = answer_for(complaint)
        rows.append([
            os.path.relpath(complaint, folder),
            os.path.relpath(answer, folder) if answer else "",
            COURTS[i % 3],
            f"2023-{1 + i % 12:02d}-15",
            "private_lending",
        ])
    return write_manifest(folder, rows)


def copied_manifest(folder: Path, copies: int) -> Path:
    """`copies` cases made of the corpus pleadings copied under new stems (c0000 …), into folder/in/."""
    source = folder / "in"
    source.mkdir(parents=True, exist_ok=True)
    rows = []
    for i in range(copies):
        complaint = COMPLAINTS[i % len(COMPLAINTS)]
        answer = answer_for(complaint)
        shutil.copyfile(complaint, source / f"c{i:04d}.txt")
        if answer:
            shutil.copyfile(answer, source / f"a{i:04d}.txt")
        rows.append([f"in/c{i:04d}.txt", f"in/a{i:04d}.txt" if answer else "", COURTS[i % 3],
                     f"2023-{1 + i % 12:02d}-15", "private_lending"])
    return write_manifest(folder, rows)


def gold_names() -> set[str]:
    """Every party name, legal representative and agent the corpus gold files record."""
    names: set[str] = set()
    for gold in LENDING.glob("*/*.gold.json"):
        elements = json.loads(gold.read_text(encoding="utf-8")).get("elements", {})
        for item in elements.values():
            value = item.get("value") if isinstance(item, dict) else None
            for entry in value if isinstance(value, list) else []:
                if isinstance(entry, dict):
                    names.update(n for n in [entry.get("name"), entry.get("legal_representative"), *(entry.get("agents") or [])] if n)
                elif isinstance(entry, str):
                    names.add(entry)
    return names

"""Similar cases by their elements: numbers scaled, enums one-hot, names left out.

Each case becomes a vector: for a money element log(1 + yuan), a date its day number, a rate
its annual percent, an int its value — each standardised over the batch, with a presence flag
so "not stated" differs from "average"; enum and bool elements one-hot; party and name lists
only by their count (never the names); free text is left out. The index is built once per
batch (OUT/similar_index.npz) and a query is one matrix-vector product.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np

from engine.errors import E, YaosuError
from engine.research import calls

INDEX_FILE = "similar_index.npz"
NUMERIC_TYPES = ("money", "date", "rate", "int", "percent")
NAME_TYPES = ("party_list", "name_list")


def _number(kind: str, value: Any) -> float | None:
    try:
        if kind == "money":
            return math.log1p(float(value))
        if kind == "date" and isinstance(value, str):
            parts = [int(p) for p in value.split("-")] + [1, 1]
            return float(date(parts[0], parts[1], parts[2]).toordinal())
        if kind == "rate" and isinstance(value, dict):
            return float(value["annual_percent"])
        if kind in ("int", "percent"):
            return float(value)
    except (TypeError, ValueError, KeyError):
        return None
    return None


def raw_features(case_type: str, values: dict[str, Any]) -> dict[str, float]:
    """Feature name → number for one case's element values (unscaled; absent features omitted)."""
    table = calls.load_table(case_type)
    features: dict[str, float] = {}
    for element_id, entry in table.entries.items():
        value = values.get(element_id)
        if value is None:
            continue
        kind = entry.element.type
        if kind in NUMERIC_TYPES:
            number = _number(kind, value)
            if number is not None:
                features[f"{element_id}"] = number
        elif kind == "enum":
            features[f"{element_id}={value}"] = 1.0
        elif kind == "bool":
            features[f"{element_id}={'true' if value else 'false'}"] = 1.0
        elif kind in NAME_TYPES and isinstance(value, list):
            features[f"{element_id}#count"] = float(len(value))
        elif kind == "interest_claim" and isinstance(value, dict):
            rate = _number("rate", value.get("rate"))
            if rate is not None:
                features[f"{element_id}.rate"] = rate
            amount = value.get("amount") or value.get("base")
            if amount is not None and (number := _number("money", amount)) is not None:
                features[f"{element_id}.amount"] = number
            features[f"{element_id}.until_paid"] = 1.0 if value.get("end") == "until_paid" else 0.0
    return features


def case_values(case: dict[str, Any]) -> dict[str, Any]:
    """The value per element used for similarity: the effective one, the claim while in dispute."""
    values = {}
    for element_id in calls.load_table(case["case_type"]).entries:
        value, pending = calls.effective(case, element_id)
        if pending:
            value = ((case.get("elements") or {}).get(element_id) or {}).get("complaint")
        if value is not None:
            values[element_id] = value
    return values


@dataclass
class Index:
    matrix: np.ndarray  # cases × features, scaled, float32
    stems: np.ndarray
    case_types: np.ndarray
    courts: np.ndarray
    features: list[str]
    center: np.ndarray
    scale: np.ndarray
    numeric: np.ndarray  # bool per feature: standardised (True) or one-hot/flag (False)

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.tmp.npz")
        np.savez_compressed(
            tmp, matrix=self.matrix, stems=self.stems, case_types=self.case_types, courts=self.courts,
            features=np.array(self.features), center=self.center, scale=self.scale, numeric=self.numeric,
        )
        tmp.replace(path)

    @classmethod
    def load(cls, path: Path) -> Index:
        try:
            data = np.load(path, allow_pickle=False)
        except (OSError, ValueError) as exc:
            raise YaosuError(E.E713, file=path) from exc
        return cls(
            matrix=data["matrix"], stems=data["stems"], case_types=data["case_types"], courts=data["courts"],
            features=[str(f) for f in data["features"]], center=data["center"], scale=data["scale"],
            numeric=data["numeric"],
        )

    def vector(self, raw: dict[str, float]) -> np.ndarray:
        column = {name: i for i, name in enumerate(self.features)}
        values = np.zeros(len(self.features), dtype=np.float64)
        present = np.zeros(len(self.features), dtype=bool)
        for name, number in raw.items():
            if name in column:
                values[column[name]] = number
                present[column[name]] = True
        return _scale(values[None, :], present[None, :], self.center, self.scale, self.numeric)[0]

    def nearest(self, vector: np.ndarray, k: int, case_type: str, exclude: str | None = None) -> list[tuple[str, float]]:
        """The k closest cases of the same case type by Euclidean distance, closest first."""
        mask = self.case_types == case_type
        if exclude is not None:
            mask &= self.stems != exclude
        candidates = np.flatnonzero(mask)
        if not len(candidates):
            return []
        rows = self.matrix[candidates]
        distances = np.einsum("ij,ij->i", rows, rows) - 2 * rows @ vector.astype(np.float32) + float(vector @ vector)
        k = min(k, len(candidates))
        top = np.argpartition(distances, k - 1)[:k]
        top = top[np.lexsort((self.stems[candidates[top]], distances[top]))]
        return [(str(self.stems[candidates[i]]), float(math.sqrt(max(distances[i], 0.0)))) for i in top]


def _scale(values: np.ndarray, present: np.ndarray, center: np.ndarray, scale: np.ndarray, numeric: np.ndarray) -> np.ndarray:
    """Numeric columns standardised (absent → 0, the mean); one-hot columns as they are."""
    scaled = np.where(numeric, (values - center) / scale, values)
    return np.where(present | ~numeric, scaled, 0.0).astype(np.float32)


def build_index(entries: list[tuple[str, str, str, dict[str, float]]]) -> Index:
    """Index of (stem, case type, court, raw features) — one pass to find the features, one to fill."""
    features = sorted({name for *_, raw in entries for name in raw})
    column = {name: i for i, name in enumerate(features)}
    values = np.zeros((len(entries), len(features)), dtype=np.float64)
    present = np.zeros_like(values, dtype=bool)
    for row, (*_, raw) in enumerate(entries):
        for name, number in raw.items():
            values[row, column[name]] = number
            present[row, column[name]] = True
    one_hot = np.array(["=" in name or name.endswith(".until_paid") for name in features], dtype=bool)
    numeric = ~one_hot
    counts = np.maximum(present.sum(axis=0), 1)
    center = np.where(numeric, (values * present).sum(axis=0) / counts, 0.0)
    spread = np.sqrt((((values - center) * present) ** 2).sum(axis=0) / counts)
    scale = np.where(numeric & (spread > 0), spread, 1.0)
    matrix = _scale(values, present, center, scale, numeric)
    # Presence flags for numeric features: "stated" vs "not stated" counts as a difference.
    flags = present[:, numeric].astype(np.float32)
    flag_names = [f"{name}?" for name, is_num in zip(features, numeric, strict=True) if is_num]
    return Index(
        matrix=np.hstack([matrix, flags]) if flag_names else matrix,
        stems=np.array([e[0] for e in entries]),
        case_types=np.array([e[1] for e in entries]),
        courts=np.array([e[2] for e in entries]),
        features=features + flag_names,
        center=np.concatenate([center, np.zeros(len(flag_names))]),
        scale=np.concatenate([scale, np.ones(len(flag_names))]),
        numeric=np.concatenate([numeric, np.zeros(len(flag_names), dtype=bool)]),
    )


def with_flags(index: Index, raw: dict[str, float]) -> dict[str, float]:
    """Raw features plus the presence flags the index holds."""
    flagged = dict(raw)
    for name in raw:
        if f"{name}?" in index.features:
            flagged[f"{name}?"] = 1.0
    return flagged


def differing_elements(case: dict[str, Any], other: dict[str, Any]) -> list[dict[str, Any]]:
    """Elements (names excluded) whose values differ between two cases."""
    table = calls.load_table(case["case_type"])
    mine, theirs = case_values(case), case_values(other)
    diffs = []
    for element_id, entry in table.entries.items():
        if entry.element.type in NAME_TYPES or entry.element.type == "text":
            continue
        left, right = mine.get(element_id), theirs.get(element_id)
        if left != right:
            diffs.append({"element": element_id, "label": entry.element.label, "this": left, "other": right})
    return diffs


def similar_cases(case: dict[str, Any], corpus: Path, k: int = 5, exclude: str | None = None) -> list[dict[str, Any]]:
    index = Index.load(corpus / INDEX_FILE)
    raw = with_flags(index, raw_features(case["case_type"], case_values(case)))
    hits = index.nearest(index.vector(raw), k, case["case_type"], exclude=exclude)
    result = []
    for stem, distance in hits:
        other = calls.load_case(corpus / "cases" / f"{stem}.json")
        result.append(
            {"case": stem, "court": other.get("court"), "distance": round(distance, 4),
             "differences": differing_elements(case, other)}
        )
    return result

"""Court profiles, read from judgment_templates/courts.yaml: the only part of a judgment that differs."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from engine.elements.dictionary import read_yaml, validation_messages


class CourtSpec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    name: str = Field(min_length=1)
    short: str = Field(min_length=1)
    case_prefix: str = Field(min_length=1)
    appeal_court: str = Field(min_length=1)
    province: str = Field(min_length=1)
    province_id: str = Field(pattern=r"^[a-z]+$")
    city_id: str = Field(pattern=r"^[a-z]+$")
    appeal_fee_notice: bool = False
    fee_rounding: Literal["cent", "yuan"] = "cent"


@dataclass(frozen=True)
class Court:
    id: str
    name: str
    short: str
    case_prefix: str
    appeal_court: str
    province: str
    province_id: str
    city_id: str
    appeal_fee_notice: bool = False
    fee_rounding: str = "cent"  # the unit a shared fee is rounded to (house style)

    def case_number(self, year: int | None, seq: int | None) -> str:
        """（2025）沪0118民初123号 — unknown parts stay as blanks for the clerk to fill."""
        year_text = str(year) if year else "____"
        seq_text = str(seq) if seq else "____"
        return f"（{year_text}）{self.case_prefix}民初{seq_text}号"


def read_courts(path: Path) -> tuple[dict[str, Court], list[str]]:
    """Every court profile in the file, and every problem found (unknown keys, missing fields)."""
    if not path.is_file():
        return {}, [f"{path.name}：法院配置文件不存在"]
    data = read_yaml(path) or {}
    if not isinstance(data, dict) or not data:
        return {}, [f"{path.name}：应为“法院 id → 配置”的映射"]
    courts: dict[str, Court] = {}
    problems: list[str] = []
    for court_id, raw in data.items():
        try:
            spec = CourtSpec.model_validate(raw)
        except ValidationError as exc:
            problems.extend(validation_messages(exc, f"{path.name}：{court_id}"))
            continue
        courts[str(court_id)] = Court(id=str(court_id), **spec.model_dump())
    return courts, problems


def court_region(court_id: str, level: str, path: Path | None = None) -> str:
    """The province (`province`) or 设区的市 (`city`) of a court, from the one court registry.

    For the law layer, whose lookups take a court id: the court profiles are the only place that says
    which region's published figures a court applies."""
    from engine.errors import E, YaosuError
    from engine.paths import DATA_ROOT

    courts, _ = read_courts(path or DATA_ROOT / "judgment_templates" / "courts.yaml")
    if court_id not in courts:
        raise YaosuError(E.E572, court=court_id, join_meta_courts="/".join(courts))
    court = courts[court_id]
    return court.province_id if level == "province" else court.city_id

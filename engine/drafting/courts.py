"""Court profiles, read from judgment_templates/courts.yaml."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import yaml

from engine.errors import YaosuError
from engine.paths import TEMPLATES_DIR


@dataclass(frozen=True)
class Court:
    id: str
    name: str
    short: str
    case_prefix: str
    appeal_court: str
    province: str
    province_id: str
    appeal_fee_notice: bool = False

    def case_number(self, year: int | None, seq: int | None) -> str:
        """（2025）沪0118民初123号 — unknown parts stay as blanks for the clerk to fill."""
        year_text = str(year) if year else "____"
        seq_text = str(seq) if seq else "____"
        return f"（{year_text}）{self.case_prefix}民初{seq_text}号"


@cache
def load_courts() -> dict[str, Court]:
    data = yaml.safe_load((TEMPLATES_DIR / "courts.yaml").read_text(encoding="utf-8"))
    return {court_id: Court(id=court_id, **profile) for court_id, profile in data.items()}


def get_court(court_id: str | None) -> Court:
    courts = load_courts()
    if not court_id or court_id not in courts:
        known = "、".join(f"{cid}（{c.name}）" for cid, c in courts.items())
        raise YaosuError(f"未知的法院：{court_id or '（未指定）'}。可用的法院：{known}")
    return courts[court_id]

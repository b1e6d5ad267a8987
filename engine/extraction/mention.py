"""A recognised value and where it is: the unit every stage passes along."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class Mention:
    kind: str  # money | date | rate | duration | id_number | phone
    start: int  # offsets into the text the recogniser was given, end exclusive
    end: int
    text: str
    value: Any
    confidence: float = 0.9
    info: dict[str, Any] = field(default_factory=dict)

    def shifted(self, delta: int) -> Mention:
        return Mention(self.kind, self.start + delta, self.end + delta, self.text, self.value, self.confidence, self.info)

"""Load the element dictionary (elements/*.yaml) and the element tables (element_tables/*.yaml).

Both are data; this module only reads and checks them. Everything else (pydantic
models, JSON Schema, the web form, extraction cues) is derived from what is loaded
here, so an element is described exactly once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from engine.errors import YaosuError
from engine.paths import ELEMENTS_DIR, TABLES_DIR

VALUE_TYPES = {"money", "date", "rate", "party_list", "name_list", "enum", "bool", "text", "interest_claim", "int"}


@dataclass(frozen=True)
class ElementDef:
    id: str
    label: str
    type: str
    description: str = ""
    options: dict[str, str] = field(default_factory=dict)
    cues: dict[str, Any] = field(default_factory=dict)

    def option_label(self, code: str) -> str:
        return self.options.get(code, code)


@dataclass(frozen=True)
class TableElement:
    element: ElementDef
    section: str
    required: bool


@dataclass(frozen=True)
class Section:
    id: str
    label: str
    element_ids: tuple[str, ...]
    decided_by: str = "findings"  # "orders": requests the judgment grants or rejects, no finding needed


@dataclass(frozen=True)
class ElementTable:
    id: str
    version: str
    label: str
    cause: str
    template: str
    judgment_rules: str
    sections: tuple[Section, ...]
    entries: dict[str, TableElement]
    checks: tuple[dict[str, Any], ...]
    detect_keywords: tuple[str, ...]
    sources: tuple[str, ...]

    @property
    def element_ids(self) -> list[str]:
        return list(self.entries)

    @property
    def required_ids(self) -> list[str]:
        return [eid for eid, entry in self.entries.items() if entry.required]

    def element(self, element_id: str) -> ElementDef:
        return self.entries[element_id].element

    def decided_by_orders(self, element_id: str) -> bool:
        section = self.entries[element_id].section
        return any(s.id == section and s.decided_by == "orders" for s in self.sections)


def _read_yaml(path: Path) -> Any:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise YaosuError(f"无法读取数据文件 {path.name}：{exc}") from exc


@cache
def load_dictionary(directory: Path = ELEMENTS_DIR) -> dict[str, ElementDef]:
    """All element definitions, keyed by id. An id defined twice is an error."""
    elements: dict[str, ElementDef] = {}
    for path in sorted(directory.glob("*.yaml")):
        for element_id, spec in (_read_yaml(path) or {}).items():
            if element_id in elements:
                raise YaosuError(f"要素 {element_id} 在要素字典中定义了两次（{path.name}）")
            if spec.get("type") not in VALUE_TYPES:
                raise YaosuError(f"要素 {element_id} 的类型 {spec.get('type')!r} 无效（{path.name}）")
            if spec["type"] == "enum" and not spec.get("options"):
                raise YaosuError(f"枚举要素 {element_id} 没有选项（{path.name}）")
            elements[element_id] = ElementDef(
                id=element_id,
                label=spec["label"],
                type=spec["type"],
                description=spec.get("description", ""),
                options=dict(spec.get("options") or {}),
                cues=dict(spec.get("cues") or {}),
            )
    return elements


def table_ids(directory: Path = TABLES_DIR) -> list[str]:
    return sorted(path.stem for path in directory.glob("*.yaml"))


@cache
def load_table(case_type: str, directory: Path = TABLES_DIR) -> ElementTable:
    """The element table of a case type; unknown case types are a user error."""
    path = directory / f"{case_type}.yaml"
    # Length first: is_file() on a 300-character name raises OSError (file name too long).
    if len(case_type) > 64 or not case_type.replace("_", "").isalnum() or not path.is_file():
        known = "、".join(table_ids(directory)) or "无"
        shown = case_type if len(case_type) <= 64 else case_type[:40] + "…"
        raise YaosuError(f"未知的案件类型：{shown}（可用的类型：{known}）")
    data = _read_yaml(path)
    dictionary = load_dictionary()
    sections: list[Section] = []
    entries: dict[str, TableElement] = {}
    for section in data["sections"]:
        ids = []
        for item in section["elements"]:
            element_id = item["id"]
            if element_id not in dictionary:
                raise YaosuError(f"要素表 {case_type} 引用了要素字典中没有的要素 {element_id}")
            if element_id in entries:
                raise YaosuError(f"要素表 {case_type} 重复列出要素 {element_id}")
            entries[element_id] = TableElement(dictionary[element_id], section["id"], bool(item.get("required")))
            ids.append(element_id)
        sections.append(Section(section["id"], section["label"], tuple(ids), section.get("decided_by", "findings")))
    return ElementTable(
        id=data["id"],
        version=str(data["version"]),
        label=data["label"],
        cause=data.get("cause", data["label"]),
        template=data.get("template", f"{case_type}.docx"),
        judgment_rules=data.get("judgment_rules", "generic.v1"),
        sections=tuple(sections),
        entries=entries,
        checks=tuple(data.get("checks") or ()),
        detect_keywords=tuple(data.get("detect_keywords") or ()),
        sources=tuple(data.get("sources") or ()),
    )

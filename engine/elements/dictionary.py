"""Read the element dictionary (elements/*.yaml) and the element tables (element_tables/*.yaml).

Both are data, checked against the models of engine/elements/schema.py (unknown keys, wrong types and
dangling references are errors naming the file and the key). Everything else — pydantic models, JSON
Schema, the web form, extraction cues — is derived from what is read here, so an element is described
exactly once. Nothing is cached at module level: the loaded system (engine/system.py) holds the result.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from engine.elements.schema import CueSpec, ElementSpec, FieldSpec, TableSpec
from engine.errors import E, YaosuError
from engine.yamltext import load_yaml


@dataclass(frozen=True)
class ElementDef:
    id: str
    label: str
    type: str
    description: str = ""
    options: dict[str, str] = field(default_factory=dict)
    cues: CueSpec = field(default_factory=CueSpec)
    min: int | None = None
    max: int | None = None
    fields: dict[str, FieldDef] | None = None

    def option_label(self, code: str) -> str:
        return self.options.get(code, code)


@dataclass(frozen=True)
class FieldDef:
    """A typed field of an object / object_list element; quacks like an ElementDef for the value types."""

    id: str
    label: str
    type: str
    description: str = ""
    options: dict[str, str] = field(default_factory=dict)
    min: int | None = None
    max: int | None = None
    fields: None = None

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
    package: str | None
    judgment_rules: str | None
    detect_priority: int
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

    def section_of(self, element_id: str) -> str:
        return self.entries[element_id].section

    def decided_by_orders(self, element_id: str) -> bool:
        section = self.entries[element_id].section
        return any(s.id == section and s.decided_by == "orders" for s in self.sections)

    def in_section(self, section_id: str) -> list[str]:
        return [eid for eid, entry in self.entries.items() if entry.section == section_id]


def read_yaml(path: Path) -> Any:
    try:
        return load_yaml(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise YaosuError(E.E100, path_name=path.name, exc=exc) from exc


def validation_messages(exc: ValidationError, where: str) -> list[str]:
    """One Chinese line per pydantic problem: the file, the key path and what is wrong."""
    lines = []
    for error in exc.errors():
        key = ".".join(str(part) for part in error["loc"]) or "（顶层）"
        match error["type"]:
            case "extra_forbidden":
                what = "未知的键"
            case "missing":
                what = "缺少必填的键"
            case "literal_error":
                what = f"值 {error.get('input')!r} 不是可选的值（{error.get('ctx', {}).get('expected', '')}）"
            case _:
                what = error["msg"]
        lines.append(f"{where}：{key}：{what}")
    return lines


def _element(element_id: str, spec: ElementSpec) -> ElementDef:
    fields = None
    if spec.fields:
        fields = {fid: _field(fid, f) for fid, f in spec.fields.items()}
    return ElementDef(element_id, spec.label, spec.type, spec.description, dict(spec.options), spec.cues,
                      spec.min, spec.max, fields)


def _field(field_id: str, spec: FieldSpec) -> FieldDef:
    return FieldDef(field_id, spec.label, spec.type, spec.description, dict(spec.options), spec.min, spec.max)


def read_dictionary(directory: Path) -> tuple[dict[str, ElementDef], list[str]]:
    """All element definitions keyed by id, and every problem found (empty when the data is good)."""
    elements: dict[str, ElementDef] = {}
    problems: list[str] = []
    for path in sorted(directory.glob("*.yaml")):
        data = read_yaml(path) or {}
        if not isinstance(data, dict):
            problems.append(f"{path.name}：顶层应为“要素 id → 定义”的映射")
            continue
        for element_id, raw in data.items():
            where = f"{path.name}：{element_id}"
            if element_id in elements:
                problems.append(f"{where}：要素在要素字典中定义了两次")
                continue
            try:
                spec = ElementSpec.model_validate(raw)
            except ValidationError as exc:
                problems.extend(validation_messages(exc, where))
                continue
            elements[str(element_id)] = _element(str(element_id), spec)
    return elements, problems


def read_table(path: Path, dictionary: dict[str, ElementDef]) -> tuple[ElementTable | None, list[str]]:
    """The table in `path` with its elements from the dictionary, and every problem found."""
    data = read_yaml(path)
    try:
        spec = TableSpec.model_validate(data)
    except ValidationError as exc:
        return None, validation_messages(exc, path.name)
    problems: list[str] = []
    if spec.id != path.stem:
        problems.append(f"{path.name}：id {spec.id} 与文件名不一致")
    sections: list[Section] = []
    entries: dict[str, TableElement] = {}
    for section in spec.sections:
        ids = []
        for item in section.elements:
            if item.id not in dictionary:
                problems.append(f"{path.name}：sections.{section.id}：引用了要素字典中没有的要素 {item.id}")
                continue
            if item.id in entries:
                problems.append(f"{path.name}：sections.{section.id}：重复列出要素 {item.id}")
                continue
            entries[item.id] = TableElement(dictionary[item.id], section.id, item.required)
            ids.append(item.id)
        sections.append(Section(section.id, section.label, tuple(ids), section.decided_by))
    for index, check in enumerate(spec.checks):
        for key in ("left", "right", "fallback_right"):
            ref = getattr(check, key)
            if ref is not None and ref not in entries:
                problems.append(f"{path.name}：checks.{index}.{key}：要素 {ref} 不在本表中")
    if problems:
        return None, problems
    table = ElementTable(
        id=spec.id,
        version=spec.version,
        label=spec.label,
        cause=spec.cause or spec.label,
        template=spec.template or f"{spec.id}.docx",
        package=spec.package,
        judgment_rules=spec.judgment_rules,
        detect_priority=spec.detect_priority,
        sections=tuple(sections),
        entries=entries,
        checks=tuple(check.model_dump(exclude_none=True) for check in spec.checks),
        detect_keywords=tuple(spec.detect_keywords),
        sources=tuple(spec.sources),
    )
    return table, []


def read_tables(directory: Path, dictionary: dict[str, ElementDef]) -> tuple[dict[str, ElementTable], list[str]]:
    tables: dict[str, ElementTable] = {}
    problems: list[str] = []
    for path in sorted(directory.glob("*.yaml")):
        table, found = read_table(path, dictionary)
        problems.extend(found)
        if table is not None:
            tables[table.id] = table
    return tables, problems

"""Element-style forms (.docx tables: label cell | value cell, ☑/□ boxes) read as structure.

The reader (engine/extraction/reading.py) writes a table row as one line of tab-separated
cells. A row whose label cell names an item of the case type's form (its package's
`form.yaml`) gives that item's element(s) straight from the value cell: money, dates and
rates are the recognisers' mentions inside the cell, names are the cell's list, an enum or
bool is decided by its ticked box only (现金□ 转账☑ → bank transfer; a row whose boxes are
all unticked leaves the element empty, whatever the text pipeline reads from the words).
In an answer form the ticked 无异议 / 有异议 of a row is the position on its element.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from engine.elements.value_types import get_value_type
from engine.errors import E, YaosuError
from engine.extraction import boxes
from engine.extraction.document import Candidate, Document
from engine.extraction.packagedata import package_yaml
from engine.extraction.parties import _particulars, as_written

if TYPE_CHECKING:
    from engine.system import CaseType

FORM_CONFIDENCE = 0.98
_NUMBERING = re.compile(r"^\s*(?:[（(]?(?:\d{1,2}|[一二三四五六七八九十]{1,3})[）)]?[、.．,，]?\s*)")
_ANSWER_WORDS = re.compile(r"^对|(?:的)?(?:诉请|诉讼请求)?(?:有无异议|是否有异议|有无争议)?[？?：:]*$")
_NAME_SPLIT = re.compile(r"[、，,；;及和\s]+")
_NAME_LABEL = re.compile(r"^(?:姓名|名称|保证人|出借人|借款人)[:：]?")
_NONE = {"无", "没有", "/", "-", "—", "无。"}
_REASONS = re.compile(r"^(?:事实和理由|事实与理由|理由)[:：]")


@dataclass(frozen=True)
class Field:
    element: str
    after: tuple[str, ...] = ()
    options: tuple[tuple[str, Any], ...] = ()
    several: str | None = None
    pick: str = "first"


@dataclass(frozen=True)
class Row:
    labels: tuple[str, ...]
    fields: tuple[Field, ...]


@dataclass(frozen=True)
class FormSpec:
    complaint: tuple[Row, ...]
    answer: tuple[Row, ...]
    positions: tuple[tuple[str, str], ...]


def _field(raw: dict[str, Any], where: str) -> Field:
    if "element" not in raw:
        raise YaosuError(E.E209, where=where)
    options = tuple(sorted(((str(k), v) for k, v in (raw.get("options") or {}).items()), key=lambda kv: -len(kv[0])))
    return Field(str(raw["element"]), tuple(raw.get("after") or ()), options, raw.get("several"),
                 str(raw.get("pick", "first")))


def _rows(raw: list[dict[str, Any]], where: str, known: set[str]) -> tuple[Row, ...]:
    rows = []
    for index, item in enumerate(raw or []):
        place = f"{where} 第 {index + 1} 项"
        fields = [_field(f, place) for f in item["fields"]] if "fields" in item else [_field(item, place)]
        unknown = [f.element for f in fields if f.element not in known]
        if unknown:
            raise YaosuError(E.E210, place=place, join_unknown='、'.join(unknown))
        rows.append(Row(tuple(_label(label) for label in item["label"]), tuple(fields)))
    return tuple(rows)


def load_form(casetype: CaseType) -> FormSpec | None:
    """The package's form.yaml, or None when the case type has no form."""
    raw = package_yaml(casetype, "form.yaml")
    if raw is None:
        return None
    where = f"engine/casetypes/{casetype.package.id}/form.yaml"
    known = set(casetype.table.element_ids)
    return FormSpec(
        _rows(raw.get("complaint", []), where + " complaint", known),
        _rows(raw.get("answer", []), where + " answer", known),
        tuple((str(k), str(v)) for k, v in (raw.get("answer_positions") or {}).items()),
    )


def _label(text: str) -> str:
    label = _NUMBERING.sub("", text.strip())
    return _ANSWER_WORDS.sub("", label).strip()


def _table_rows(doc: Document) -> list[list[tuple[int, int]]]:
    """The normalised spans of the cells of every table row (a line of the original with a tab)."""
    original = doc.norm.original
    if "\t" not in original:
        return []
    rows = []
    position = 0
    for line in original.split("\n"):
        if "\t" in line:
            cells = []
            cell_start = position
            for cell in line.split("\t"):
                cells.append(doc.norm.normalised_span(cell_start, cell_start + len(cell)))
                cell_start += len(cell) + 1
            rows.append(cells)
        position += len(line) + 1
    return rows


def _match_row(spec: tuple[Row, ...], label: str) -> Row | None:
    if not label:
        return None
    for row in spec:
        if label in row.labels:
            return row
    for row in spec:
        if any(label.startswith(known) and len(label) - len(known) <= 6 for known in row.labels):
            return row
    return None


def _sub_spans(doc: Document, row: Row, start: int, end: int) -> list[tuple[Field, int, int]]:
    """Each field's part of the value cell: after its `after` word, up to the next field's word."""
    if len(row.fields) == 1 and not row.fields[0].after:
        return [(row.fields[0], start, end)]
    text = doc.text
    found: list[tuple[int, int, Field]] = []
    for field in row.fields:
        hits = [(text.find(word, start, end), word) for word in field.after]
        hits = [(at, word) for at, word in hits if at >= 0]
        if hits:
            at, word = min(hits)
            found.append((at, at + len(word), field))
    found.sort(key=lambda item: item[0])
    parts = []
    for index, (_, value_start, field) in enumerate(found):
        value_end = found[index + 1][0] if index + 1 < len(found) else end
        parts.append((field, value_start, value_end))
    return parts


def _ticked(doc: Document, field: Field, start: int, end: int) -> tuple[list[Any], bool]:
    """(codes of the ticked options, whether the part has boxes at all)."""
    segment = doc.text[start:end]
    if not boxes.has_boxes(segment):
        return [], False
    codes: list[Any] = []
    for words, ticked, _, _ in boxes.options(segment):
        if not ticked:
            continue
        for option, code in field.options:
            if option in words:
                if code not in codes:
                    codes.append(code)
                break
    return codes, True


def _value(doc: Document, field: Field, start: int, end: int) -> tuple[Any, bool] | None:
    """(value, boxes-without-a-tick) read from the part [start, end); None when it holds none."""
    element = doc.casetype.table.element(field.element)
    value_type = get_value_type(element.type)
    handler = value_type.assign
    if handler in ("enum", "bool"):
        codes, had_boxes = _ticked(doc, field, start, end)
        if not codes:
            return (None, True) if had_boxes else None
        if handler == "bool":
            return (codes[0] in (True, "true", "是"), False)
        if len(codes) > 1 and field.several:
            return field.several, False
        return codes[0], False
    kind = value_type.mention_kind
    if kind:
        mentions = [m for m in doc.mentions_in(start, end, kind) if m.value is not None]
        if not mentions:
            return None
        chosen = mentions[-1] if field.pick == "last" else mentions[0]
        return chosen.value, False
    if handler not in ("names", "text") and value_type.name != "party_list":
        return None  # a structured value (an interest claim) is not read from a cell
    text = doc.text[start:end].strip(" ：:；;，,。")
    if handler == "text":
        # A form separates its items with ；: a text value is its own item (地点：…；经过：… gives the place),
        # without the answer form's 事实和理由： in front.
        text = _REASONS.sub("", re.split(r"[；;]", text, maxsplit=1)[0]).strip(" ：:，,。")
    if not text or text in _NONE:
        return None
    if value_type.name == "name_list":
        names = [_NAME_LABEL.sub("", n) for n in _NAME_SPLIT.split(text)]
        names = [n for n in names if n and n not in _NONE]
        for name in names:
            at = doc.text.find(name, start, end)
            written = as_written(doc, name, (at, at + len(name))) if at >= 0 else name
            if written != name:
                doc.written_names[name] = written
        return (names, False) if names else None
    if value_type.name == "party_list":
        return None  # parties: _party below
    return text, False


def _party(doc: Document, start: int, end: int) -> dict[str, Any] | None:
    text = doc.text[start:end]
    body = _NAME_LABEL.sub("", text.strip())
    name = re.split(r"[，,；;（(：:\s]", body, maxsplit=1)[0].strip()
    if not name or name in _NONE:
        return None
    offset = start + text.find(name)
    # A form separates its items with ；: read them as a party block's ， (same length: offsets hold).
    details = text[text.find(name) + len(name) :].replace("；", "，").replace(";", ",")
    party = _particulars(doc, name, details, offset + len(name), end)
    written = as_written(doc, name, (offset, offset + len(name)))
    if written != name:
        doc.written_names[name] = written
    party.pop("_common_agents", None)
    gender = [w for w, ticked, _, _ in boxes.options(text) if ticked and w in ("男", "女")]
    if gender:
        party["gender"] = gender[0]
    elif boxes.has_boxes(text) and party.get("gender") in ("男", "女"):
        party["gender"] = None  # 男□女□: not stated
    return party


def parse_form(doc: Document) -> None:
    """Complaint forms: the elements of every recognised row (doc.form), before the text stages."""
    spec: FormSpec | None = doc.casetype.compiled("forms.spec", load_form)
    rows = _table_rows(doc) if spec is not None else []
    if not rows or spec is None:
        return
    for cells in rows:
        row = _match_row(spec.complaint, _label(doc.text[cells[0][0] : cells[0][1]]))
        if row is None or len(cells) < 2:
            continue
        start, end = cells[1][0], cells[-1][1]
        for field, f_start, f_end in _sub_spans(doc, row, start, end):
            _record(doc, field, f_start, f_end)


def _record(doc: Document, field: Field, start: int, end: int) -> None:
    eid = field.element
    if get_value_type(doc.casetype.table.element(eid).type).name == "party_list":
        party = _party(doc, start, end)
        if party is None:
            return
        existing = doc.form.get(eid)
        if existing is None:
            doc.form[eid] = Candidate(eid, [party], [(start, end)], FORM_CONFIDENCE, "form", start)
        else:
            existing.value.append(party)
            existing.spans.append((start, end))
        doc.parties[eid] = doc.form[eid].value
        doc.party_spans[eid] = doc.form[eid].spans
        return
    found = _value(doc, field, start, end)
    if found is None:
        return
    value, unticked = found
    if unticked:
        if eid not in doc.form:
            doc.form_unticked.add(eid)
        return
    existing = doc.form.get(eid)
    if existing is not None and isinstance(existing.value, list) and isinstance(value, list):
        existing.value.extend(v for v in value if v not in existing.value)
        existing.spans.append((start, end))
        return
    doc.form[eid] = Candidate(eid, value, [(start, end)], FORM_CONFIDENCE, "form", start)
    doc.form_unticked.discard(eid)


def parse_answer_form(doc: Document) -> None:
    """Answer forms: a row's ticked 无异议 / 有异议 is the position, a contest's value follows it."""
    spec: FormSpec | None = doc.casetype.compiled("forms.spec", load_form)
    rows = _table_rows(doc) if spec is not None else []
    if not rows or spec is None:
        return
    stances = Field("", (), tuple(sorted(spec.positions, key=lambda kv: -len(kv[0]))))
    for cells in rows:
        row = _match_row(spec.answer, _label(doc.text[cells[0][0] : cells[0][1]]))
        if row is None or len(cells) < 2:
            continue
        start, end = cells[1][0], cells[-1][1]
        segment = doc.text[start:end]
        stance_options = [(o_end, code) for words, ticked, _, o_end in boxes.options(segment, start) if ticked
                          for code in [next((c for option, c in stances.options if option in words), None)] if code]
        if not stance_options:
            continue
        position = str(stance_options[0][1])
        field = row.fields[0]
        value = None
        if position == "contest":
            # The contest's reasons follow the 无异议 / 有异议 boxes.
            after = max(o_end for words, _, _, o_end in boxes.options(segment, start)
                        if any(option in words for option, _ in stances.options))
            found = _value(doc, field, after, end)
            if found is not None and not found[1]:
                value = found[0]
            elif get_value_type(doc.casetype.table.element(field.element).type).assign == "bool":
                value = False
        doc.positions[field.element] = position
        doc.results[field.element] = Candidate(field.element, value, [(start, end)], FORM_CONFIDENCE, "form", start)

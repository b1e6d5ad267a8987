"""De-identification for the researcher export: pseudonyms for names, identifiers removed.

Natural persons become surname + 某 + number (张某1, 张某2 … per surname), organisations
某甲公司, 某乙公司 … (the kind word kept: 公司, 经营部, 商行 …). The numbering follows the
order in which names are registered, which the batch makes the manifest order, so the same
batch always gives the same pseudonyms whatever order the workers finished in. ID numbers,
phone numbers, bank accounts, credit codes and addresses are removed from every text value.

Publication (裁判文书上网, engine/drafting/anonymise.py) uses the other style: surname + 某
(张某), with 甲乙丙… only where two people share a surname (张某甲, 张某乙); see
`publication_pseudonyms`, `replace_names` and `strip_identifiers`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

import ahocorasick

COMPOUND_SURNAMES = (
    "欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "长孙", "宇文", "司徒", "夏侯",
    "西门", "南宫", "端木", "独孤", "呼延", "轩辕",
)
ORG_KINDS = (
    "有限责任公司", "股份有限公司", "有限公司", "公司", "经营部", "商行", "商店", "门市部", "合作社", "事务所",
    "中心", "工作室", "厂", "店", "行", "社", "所", "部",
)
ORG_MARKERS = ("公司", "经营部", "商行", "商店", "门市部", "合作社", "事务所", "中心", "工作室", "厂", "银行", "集团")
STEMS = "甲乙丙丁戊己庚辛壬癸"

ID_NUMBER = re.compile(r"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])|(?<!\d)\d{15}(?!\d)")
CREDIT_CODE = re.compile(r"(?<![0-9A-Z])[0-9A-HJ-NP-RTUWXY]{2}\d{6}[0-9A-HJ-NP-RTUWXY]{10}(?![0-9A-Z])")
PHONE = re.compile(r"(?<!\d)(?:\+?86[- ]?)?1[3-9]\d[- ]?\d{4}[- ]?\d{4}(?!\d)|(?<!\d)0\d{2,3}-?\d{7,8}(?!\d)")
BANK_ACCOUNT = re.compile(r"(?<!\d)\d{4}(?:[ -]?\d{4}){2,4}(?:[ -]?\d{1,3})?(?!\d)|(?<!\d)\d{12,19}(?!\d)")
# An address: 住/住址/住所地/经营场所 followed by the place, or a run of place words ending in a door number.
ADDRESS = re.compile(
    r"(?:住所地|住址|住所|经营场所|居住地|户籍地|现住|住)[：:]?[^，。；;,\n]{2,60}?(?:号|室|栋|幢|弄|村|组|楼|单元|小区)"
    r"|[\u4e00-\u9fff]{2,12}(?:省|市|区|县|镇|乡|街道)[\u4e00-\u9fff0-9\-]{0,40}?(?:路|街|道|村|弄|巷)"
    r"[0-9一二三四五六七八九十百\-]+(?:号|弄)(?:[0-9\-]+(?:室|栋|幢|楼|单元|号))*"
)
REMOVED = "［已删除］"


def is_organisation(name: str) -> bool:
    return any(marker in name for marker in ORG_MARKERS)


def surname(name: str) -> str:
    for compound in COMPOUND_SURNAMES:
        if name.startswith(compound):
            return compound
    return name[:1]


def _org_kind(name: str) -> str:
    for kind in ORG_KINDS:
        if name.endswith(kind):
            return "公司" if kind.endswith("公司") else kind
    return "单位"


class Pseudonyms:
    """Stable pseudonyms for one batch: register names in a fixed order, then replace."""

    def __init__(self) -> None:
        self._names: dict[str, str] = {}
        self._per_surname: dict[str, int] = {}
        self._orgs = 0
        self._name_matcher: NameMatcher | None = None

    def register(self, name: str) -> str:
        name = name.strip()
        if not name:
            return name
        if name in self._names:
            return self._names[name]
        if is_organisation(name):
            self._orgs += 1
            label = STEMS[self._orgs - 1] if self._orgs <= len(STEMS) else str(self._orgs)
            pseudonym = f"某{label}{_org_kind(name)}"
        else:
            family = surname(name)
            self._per_surname[family] = self._per_surname.get(family, 0) + 1
            pseudonym = f"{family}某{self._per_surname[family]}"
        self._names[name] = pseudonym
        self._name_matcher = None
        return pseudonym

    def register_case(self, case: dict[str, Any]) -> None:
        for name in case_names(case):
            self.register(name)

    def name(self, name: str) -> str:
        return self._names.get(name.strip()) or self.register(name)

    def text(self, text: str) -> str:
        """Free text with every registered name replaced and identifiers removed."""
        if self._names:
            text = self._matcher().replace(text, self._names)
        return scrub(text)

    def occurs_in(self, raw: Any) -> bool:
        """Whether a registered name occurs in a string of `raw` that `value` would pass to `text`."""
        if not self._names:
            return False
        matcher = self._matcher()
        return any(matcher.occurs_in(text) for text in _texts(raw))

    def _matcher(self) -> NameMatcher:
        if self._name_matcher is None:
            self._name_matcher = NameMatcher(self._names)
        return self._name_matcher


class NameMatcher:
    """Finds any of a set of names in a text, the longest at the leftmost position (张三丰 before 张三),
    with an Aho–Corasick automaton (pyahocorasick): a regex of thousands of names took longer to compile
    than the batch's finish had to spare."""

    def __init__(self, names: Iterable[str]) -> None:
        self._automaton = ahocorasick.Automaton()
        for name in names:
            if name:
                self._automaton.add_word(name, len(name))
        self._empty = len(self._automaton) == 0
        if not self._empty:
            self._automaton.make_automaton()

    def spans(self, text: str) -> Iterator[tuple[int, int]]:
        """(start, end) of each name found, left to right, never overlapping: at the leftmost start
        the longest name. From every match (`iter`), not `iter_long`, which misses 公 in 三公 when
        三公三 is a name too (its longest-match walk does not fall back to a shorter name)."""
        if self._empty:
            return
        longest: dict[int, int] = {}
        for last, length in self._automaton.iter(text):
            start = last + 1 - length
            if length > longest.get(start, 0):
                longest[start] = length
        position = 0
        for start in sorted(longest):
            if start >= position:
                position = start + longest[start]
                yield start, position

    def occurs_in(self, text: str) -> bool:
        return not self._empty and next(self._automaton.iter(text), None) is not None

    def replace(self, text: str, stand_ins: dict[str, str]) -> str:
        """Each name found replaced by its stand-in (a stand-in is never re-read)."""
        parts: list[str] = []
        done = 0
        for start, end in self.spans(text):
            parts += (text[done:start], stand_ins[text[start:end]])
            done = end
        return "".join(parts) + text[done:] if parts else text


def replace_names(text: str, names: dict[str, str]) -> str:
    """Every name in `names` replaced by its stand-in, in one pass (a stand-in is never re-replaced)."""
    if not names:
        return text
    return NameMatcher(names).replace(text, names)


def publication_pseudonyms(names: list[str]) -> dict[str, str]:
    """Natural persons' names → 张某; people sharing a surname → 张某甲, 张某乙 … in the order given.

    The whole list is needed at once: whether 张三 is 张某 or 张某甲 depends on whether
    another 张 appears anywhere in the document."""
    unique = list(dict.fromkeys(name.strip() for name in names if name.strip()))
    by_surname: dict[str, list[str]] = {}
    for name in unique:
        by_surname.setdefault(surname(name), []).append(name)
    mapping: dict[str, str] = {}
    for family, members in by_surname.items():
        for index, name in enumerate(members):
            if len(members) == 1:
                mapping[name] = f"{family}某"
            else:
                label = STEMS[index] if index < len(STEMS) else str(index + 1)
                mapping[name] = f"{family}某{label}"
    return mapping


# An identifier with its label and the comma before it: "，公民身份号码3102…", "，联系电话139…".
IDENTIFIER_LABEL = (
    r"(?:公民身份号码|居民身份证号码|身份证号码|身份证号|身份证|联系电话|联系方式|手机号码|手机号|手机|电话|"
    r"银行账号|银行卡号|账号|卡号|账户)[：:为是]?\s*"
)
LABELLED_IDENTIFIER = re.compile(
    rf"[，,、]?{IDENTIFIER_LABEL}(?:{ID_NUMBER.pattern}|{PHONE.pattern}|{BANK_ACCOUNT.pattern})"
)


def strip_identifiers(text: str, marker: str = "") -> str:
    """ID numbers, phone numbers and bank accounts removed: with their label where they have one
    (the clause goes), otherwise the bare number is replaced by `marker`."""
    text = LABELLED_IDENTIFIER.sub("", text)
    for pattern in (ID_NUMBER, PHONE, BANK_ACCOUNT):
        text = pattern.sub(marker, text)
    return EMPTY_BRACKETS.sub("", text) if not marker else text


EMPTY_BRACKETS = re.compile(r"[（(]\s*[)）]")  # "张某（联系电话…）" once the number has gone


def scrub(text: str) -> str:
    """Identifiers removed: ID numbers, credit codes, phones, bank accounts, addresses."""
    for pattern in (ID_NUMBER, CREDIT_CODE, PHONE, BANK_ACCOUNT, ADDRESS):
        text = pattern.sub(REMOVED, text)
    return text


def _party_names(value: Any) -> list[str]:
    names: list[str] = []
    for party in value or []:
        if isinstance(party, dict):
            names += [party.get("name") or "", party.get("legal_representative") or ""]
            names += [agent for agent in party.get("agents") or [] if isinstance(agent, str)]
        elif isinstance(party, str):
            names.append(party)
    return [name for name in names if name]


TYPED_VALUES = ("money", "date", "rate", "percent", "int", "int_list", "bool", "enum", "interest_claim")


def case_names(case: dict[str, Any]) -> list[str]:
    """Every person or organisation a case names, from both pleadings and the findings."""
    names: list[str] = []
    sources = []
    for role in ("complaint", "answer"):
        pleading = case.get(role) or {}
        sources += [item.get("value") for item in (pleading.get("elements") or {}).values() if isinstance(item, dict)]
    for state in (case.get("elements") or {}).values():
        sources += [state.get("complaint"), state.get("answer")]
    sources += list((case.get("findings") or {}).values())
    for value in sources:
        if isinstance(value, list):
            names += _party_names(value)
    return names


def value(pseudonyms: Pseudonyms, element_type: str, raw: Any) -> Any:
    """One element value, de-identified: parties keep only pseudonym and kind; text is scrubbed."""
    if raw is None:
        return None
    if element_type == "party_list":
        return [
            {"name": pseudonyms.name(p.get("name") or ""), "kind": p.get("kind")}
            if isinstance(p, dict)
            else {"name": pseudonyms.name(str(p)), "kind": None}
            for p in raw
        ]
    if element_type == "name_list":
        return [pseudonyms.name(str(name)) for name in raw]
    if element_type in TYPED_VALUES:
        return raw  # money, dates, rates, codes: no name or identifier can hide in them
    return _deep_text(pseudonyms, raw)


def _deep_text(pseudonyms: Pseudonyms, raw: Any) -> Any:
    if isinstance(raw, str):
        return pseudonyms.text(raw)
    if isinstance(raw, list):
        return [_deep_text(pseudonyms, item) for item in raw]
    if isinstance(raw, dict):
        return {key: _deep_text(pseudonyms, item) for key, item in raw.items()}
    return raw


def _texts(raw: Any) -> Iterator[str]:
    """The strings `_deep_text` replaces in, in its order."""
    if isinstance(raw, str):
        yield raw
    elif isinstance(raw, list):
        for item in raw:
            yield from _texts(item)
    elif isinstance(raw, dict):
        for item in raw.values():
            yield from _texts(item)


def scrubbed_value(raw: Any) -> Any:
    """A free-text value with identifiers removed and names left: what `value` gives for it when
    no registered name occurs in it (then only `scrub` changes the text)."""
    if isinstance(raw, str):
        return scrub(raw)
    if isinstance(raw, list):
        return [scrubbed_value(item) for item in raw]
    if isinstance(raw, dict):
        return {key: scrubbed_value(item) for key, item in raw.items()}
    return raw


def plain_pseudonym(name: str) -> str:
    """A per-case, batch-independent stand-in (张某, 某公司) for file names."""
    return "某" + _org_kind(name) if is_organisation(name) else surname(name) + "某"

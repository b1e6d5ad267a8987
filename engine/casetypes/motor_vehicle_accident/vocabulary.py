"""Words of 机动车交通事故 pleadings: damage items, party references, plates (shared by complaint and answer)."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from engine.extraction.document import Document

# Damage item → the words pleadings use for it (longest first when matched). A bare "…损失" after a thing
# (电动自行车损失, 衣物及手机损失) is property damage unless it is one of the named losses.
ITEM_WORDS: dict[str, tuple[str, ...]] = {
    "hospital_meal_allowance": ("住院伙食补助费", "住院伙食补助", "伙食补助费", "住院伙食费", "住院伙食补贴费", "伙食补贴费",
                                "住院伙食补贴", "伙食费"),
    "medical_expenses": ("医疗费", "医药费", "治疗费", "诊疗费", "抢救费", "医疗费用"),
    "nutrition_fee": ("营养费",),
    "lost_income": ("误工费", "误工损失"),
    "nursing_fee": ("护理费", "护工费", "陪护费"),
    "transport_fee": ("交通费",),
    "accommodation_fee": ("住宿费",),
    "disability_compensation": ("残疾赔偿金", "伤残赔偿金", "残疾补偿金", "伤残补偿金"),
    "dependents_living": ("被扶养人生活费", "被抚养人生活费", "被赡养人生活费", "赡养费", "抚养费", "扶养费"),
    "disability_aids": ("残疾辅助器具费", "辅助器具费"),
    "death_compensation": ("死亡赔偿金",),
    "funeral_expenses": ("丧葬费",),
    # LawBench masks a 金 read as a surname: 精神损害抚慰PER10000元 (development passages).
    "mental_damages": ("精神损害抚慰金", "精神抚慰金", "精神损失费", "精神损害赔偿金", "精神损害抚慰PER", "精神抚慰PER"),
    # 鉴定费 + 评估费 (+ 验资费) are one id (corpus/realdata_gold/README.md, traffic conventions)
    "appraisal_fee": ("鉴定费", "评估费", "验资费"),
    "operating_loss": ("停运损失", "停运费", "营运损失"),
    "property_damage": ("车辆维修费", "车辆损失", "车损", "维修费", "修理费", "施救费", "拖车费", "财产损失", "物品损失"),
}
# Words of a complaint's property loss that an answer's stance is not read on (the development gold holds no
# answer stance from 拖车费: corpus/realdata_gold/README.md, traffic dev3 269).
COMPLAINT_ONLY_WORDS = frozenset({"拖车费"})
# An insurer among the parties: 保险 in its name, or the short names pleadings use for insurers (人保财险 /
# 平安财险 / 国寿财险 / 太保产险 …) on a company's name (a person called 李平安 is no insurer).
_INSURER_SHORT = re.compile(r"财险|产险|人保|太保|国寿|人寿|平安|大地|太平洋|天安|阳光|永安|华安|中华联合")


def is_insurer(name: str) -> bool:
    """Whether a party's name is an insurer's."""
    return "保险" in name or (name.endswith("公司") and _INSURER_SHORT.search(name) is not None)


# Treatment still to come (尚需后续治疗费12000元) has no id and is not 医疗费: the word names no item, so
# its amount is nobody's (corpus/realdata_gold/README.md: 后续治疗费 / 续医费 not annotated).
NO_ITEM_WORDS = ("后续治疗费", "后续医疗费", "后期治疗费", "后续治疗", "续医费")
_WORDS = sorted([(w, item) for item, words in ITEM_WORDS.items() for w in words]
                + [(w, None) for w in NO_ITEM_WORDS], key=lambda p: -len(p[0]))
_KEYWORDS = re.compile("|".join(re.escape(w) for w, _ in _WORDS))
# 按照损失比例 / 受伤者的损失情况: a measure or a state of losses, no item. 各项费用 / 各项经济费用 is all the
# losses, as 各项损失 is (no item word holds it).
_LOSS = re.compile(r"[\u4e00-\u9fa5]{1,8}?损失(?!比例|情况|的比例)|各项(?:经济)?费用")
_ITEM_OF: dict[str, str | None] = dict(_WORDS)
# 超出交强险的损失 / 超过限额的损失: the part of all losses above a policy, no thing's.
_NOT_PROPERTY = re.compile(r"^等|按照|^按|超出|超过|以外|之外|者的?$|各项|全部|经济|上述|其他|总|误工|停运|营运|精神|合计|共计|造成|遭受|损失|间接|原告|被告|受害人|其|产生|实际|所受")

PLATE = re.compile(r"[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-Z]·?[A-Z0-9]{4,6}挂?")
NUMERALS = "一二三四五六七八九十"


def item_words(text: str, lo: int = 0, hi: int | None = None) -> list[tuple[int, int, str | None]]:
    """(start, end, item) of every damage-item word in text[lo:hi], in order; item None = 各项损失 …"""
    hi = len(text) if hi is None else hi
    found = [(m.start(), m.end(), _ITEM_OF[m.group()]) for m in _KEYWORDS.finditer(text, lo, hi)]
    gaps, last = [], lo
    for start, end, _ in found:
        gaps.append((last, start))
        last = end
    gaps.append((last, hi))
    loose: list[tuple[int, int, str | None]] = []
    for a, b in gaps:
        for m in _LOSS.finditer(text, a, b):
            loose.append((m.start(), m.end(), item_of(m.group())))
    return sorted(found + loose)  # type: ignore[arg-type]


def item_of(word: str) -> str | None:
    """The damage item a matched word names (None for 各项损失 and the like)."""
    if word in _ITEM_OF:
        return _ITEM_OF[word]
    if word.endswith("损失"):
        thing = word[:-2]
        if thing and not _NOT_PROPERTY.search(thing):
            return "property_damage"
    return None


def party_aliases(doc: Document) -> dict[str, str]:
    """被告一 / 被告二 / 原告 … → the party's name, as the header introduces them."""
    aliases: dict[str, str] = {}
    text = doc.text
    head_end = doc.section("head")[1] or len(text)
    for match in re.finditer(r"(原告|被告|第三人)([一二三四五六七八九十])[：:]([^，,。；;\s（(]{2,40})", text[:head_end + 1]):
        aliases[match.group(1) + match.group(2)] = match.group(3)
    for role, word in (("plaintiffs", "原告"), ("defendants", "被告")):
        people = doc.parties.get(role) or []
        if len(people) == 1:
            aliases.setdefault(word, people[0]["name"])
    return aliases


def fix_numbered_names(doc: Document, aliases: dict[str, str]) -> None:
    """A header "被告一：何俊杰" read as a party named 一: give the party its name."""
    for role, word in (("plaintiffs", "原告"), ("defendants", "被告"), ("third_parties", "第三人")):
        for party in doc.parties.get(role) or []:
            name = party.get("name") or ""
            if len(name) == 1 and name in NUMERALS and word + name in aliases:
                party["name"] = aliases[word + name]
            elif name.endswith("性别") and len(name) > 3:
                party["name"] = name[:-2]  # the form's table layout: 原告：陶晓雯　性别：女


def names_in(doc: Document, aliases: dict[str, str]) -> list[tuple[str, str]]:
    """(word as written, party name) for every party name and alias, longest first."""
    pairs = [(n, n) for n in doc.party_names() if len(n) > 1] + list(aliases.items())
    return sorted(set(pairs), key=lambda p: -len(p[0]))


def last_name_before(text: str, pos: int, names: list[tuple[str, str]], window: int = 16) -> str | None:
    """The party named closest before `pos` (within `window` characters)."""
    best: tuple[int, str] | None = None
    lo = max(0, pos - window - 40)
    chunk = text[lo:pos]
    for written, name in names:
        at = chunk.rfind(written)
        if at >= 0 and at + len(written) >= len(chunk) - window and (best is None or at + len(written) > best[0]):
            best = (at + len(written), name)
    return best[1] if best else None


def first_name_after(text: str, pos: int, names: list[tuple[str, str]], window: int = 12) -> str | None:
    chunk = text[pos:pos + window + 40]
    best: tuple[int, str] | None = None
    for written, name in names:
        at = chunk.find(written)
        if 0 <= at <= window and (best is None or at < best[0]):
            best = (at, name)
    return best[1] if best else None


def tidy_parties(doc: Document, header_end: int | None = None) -> None:
    """Parties read outside the header (答辩人同意在…) are not parties; 陈建国、陈晓红 are two."""
    for role in ("plaintiffs", "defendants", "third_parties"):
        people = doc.parties.get(role) or []
        spans = doc.party_spans.get(role) or []
        kept: list[dict[str, Any]] = []
        kept_spans: list[tuple[int, int]] = []
        for index, party in enumerate(people):
            span = spans[index] if index < len(spans) else (0, 0)
            name = str(party.get("name") or "")
            if header_end is not None and span[0] >= header_end:
                continue
            names = [n for n in name.split("、") if n] if "、" in name else [name]
            if len(names) > 1 and any(len(n) > 4 or not re.fullmatch(r"[\u4e00-\u9fa5·]{2,4}", n) for n in names):
                continue  # not a list of names (二、原告三系死者…之女、之子）)
            for one in names:
                kept.append({**party, "name": one})
                kept_spans.append(span)
        if role in doc.parties:
            doc.parties[role] = kept
            doc.party_spans[role] = kept_spans


# 按6∶4的比例 / 7:3: two shares of ten (or of a hundred); the side named first takes the first figure.
_RATIO = re.compile(r"(\d{1,2})\s*[:：∶比]\s*(\d{1,2})(?!\d)")
_VICTIM_SIDE = re.compile(r"原告|受害人|死者|伤者|非机动车|行人")
_MOTOR_SIDE = re.compile(r"被告|机动车(?!一方与)|我方|我公司|答辩人|保险公司")


def plain_number(value: Decimal) -> str:
    """70.00 → "70", 66.50 → "66.5" (a percent as the elements store it)."""
    return format(value.normalize(), "f")


def ratio_share(text: str, lo: int, hi: int) -> str | None:
    """The defendant's side's share from a ratio of the clause (按6∶4的比例分担 → 60)."""
    for match in _RATIO.finditer(text, lo, hi):
        first, second = Decimal(match.group(1)), Decimal(match.group(2))
        if first + second not in (Decimal(10), Decimal(100)):
            continue
        cuts = [m.end() for m in re.finditer(r"[，。；;]|,(?!\d{3})", text[lo:match.start()])]
        start = lo + (cuts[-1] if cuts else 0)
        stop = re.search(r"[，。；;]|,(?!\d{3})", text[match.end():hi])
        end = match.end() + stop.start() if stop else hi
        if not re.search(r"比例|分担|承担", text[start:end]):
            continue
        before = text[start:match.start()]
        victim, motor = _VICTIM_SIDE.search(before), _MOTOR_SIDE.search(before)
        victim_first = victim is not None and (motor is None or victim.start() < motor.start())
        own = second if victim_first else first
        return plain_number(own * (Decimal(100) / (first + second)))
    return None

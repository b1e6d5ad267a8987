"""Label-preserving rewrites of a passage and its gold, for metamorphic testing of extraction (issue 10).

Each rewrite takes the texts of one scored item (a complaint; an answer and the complaint it replies to)
and the gold elements, and returns the rewritten texts and the gold rewritten the same way, or None when
the rewrite cannot be made safely (counted as skipped). What a gold value is comes from its value type
(`party_list` / `name_list` names, `text`), never from an element id. Every rewrite is a list of edits
(start, end, replacement) on the text, so nothing outside an edited span changes, and is deterministic by
a seed (`random.Random` keyed by the seed, the kind and the item's name).

Kinds:
- `names`: each party name the gold holds, everywhere in the texts, by a name of another masking style
  (张某 / 张某某 / 张× / 张** / 李某1 / 杨x0 / full names / companies);
- `amounts`: each money figure in another written form (100000元 / 10万元 / 拾万元 / 100,000.00元 / 十万元);
- `dates`: each full date in another form (2014年5月6日 / 2014.5.6 / 2014-05-06 / 二〇一四年五月六日 / 2014年05月06日);
- `width`: digits and punctuation to full width, or full-width ones and Chinese punctuation to ASCII;
- `traditional`: simplified to traditional characters (OpenCC s2t);
- `noblock`: a complaint without its party block (the text before the sentence in which the plaintiff's statement
  or claims begin), the shape of a judgment's 诉称段; a party list (or a list of names) stays in the gold only
  when every name it holds is still written, else it is unscored. Answers are not rewritten.
- `lexical`: a pleading's wording in other words of the same meaning (诉讼请求 / 诉请, 偿还 / 归还 …), from the
  paraphrase lists (engine/extraction/paraphrases.yaml, words of every pleading, and the case type's own
  `paraphrases.yaml`); no word inside a string the gold holds is touched, so the gold is unchanged.
- `punct`: the clause punctuation as pleadings vary it (a full stop as a comma, sentences run on; a semicolon as a
  comma or a full stop; a comma as a semicolon), never at a line's end, between digits, before a heading or a
  statement (事实与理由 / 综上 / 被告辩称), or inside a string the gold holds, so the gold is unchanged; a numbered
  item (；2、) is never run on with a comma.
"""

from __future__ import annotations

import calendar
import random
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

import cn2an
import jsonschema
import opencc

from engine.errors import E, YaosuError
from engine.extraction.normalise import to_simplified
from engine.extraction.parties import is_organisation
from engine.extraction.sections import find_sections, has_party_block
from engine.yamltext import load_yaml

Edit = tuple[int, int, str]
Texts = tuple[str, ...]
Elements = dict[str, Any]
# The value types whose gold strings may hold a party's name (a list of parties, a text, a record such as a
# vehicle's driver or a liability share's party): a new name is put in them. Money, dates and rates keep their
# value.
_NAMED_TYPES = ("party_list", "name_list", "text", "object", "object_list")



def apply_edits(text: str, edits: Sequence[Edit]) -> str:
    """`text` with each (start, end, replacement) made; the edits do not overlap."""
    pieces, last = [], 0
    for start, end, new in sorted(edits):
        pieces.append(text[last:start])
        pieces.append(new)
        last = end
    pieces.append(text[last:])
    return "".join(pieces)


# ---------------------------------------------------------------- names

_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方邹熊白孟秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
_COMPOUND_SURNAMES = ("欧阳", "司马", "上官", "诸葛", "东方", "慕容")
_GIVEN = "建国明华伟芳军敏静丽强磊洋艳勇杰娟涛超秀兰霞平刚桂英玉萍红娥玲芬燕彬斌"
_PLACES = ("上海", "苏州", "嘉善", "青浦", "吴江", "杭州", "南京", "无锡", "嘉兴", "宁波")
_TRADES = ("贸易", "建材", "物流", "电子", "机械", "纺织", "科技", "食品", "装饰", "实业")
_MASK_TAIL = "某×xX*＊○〇0123456789０１２３４５６７８９"


def _person_name(rng: random.Random, index: int) -> str:
    surname = rng.choice(_SURNAMES)
    style = rng.randrange(8)
    if style == 0:
        return surname + "某"
    if style == 1:
        return surname + "某某"
    if style == 2:
        return surname + "×"
    if style == 3:
        return surname + "**"
    if style == 4:
        return f"{surname}某{index + 1}"
    if style == 5:
        return f"{surname}x{index}"
    if style == 6:
        return rng.choice(_COMPOUND_SURNAMES) + rng.choice(_GIVEN) + rng.choice(_GIVEN)
    return surname + rng.choice(_GIVEN) + rng.choice(_GIVEN)


# What leads an organisation's name and does not say what it is: a place (嘉善县, 苏州市吴江区), a masked
# or a brand word (某某, 永宁); the rest (建材有限公司, 财产保险股份有限公司苏州中心支公司) says what it is and stays,
# since the rules may read a party's role from it (an insurer).
_ORG_LEAD = re.compile(r"^(?:[\u4e00-\u9fff]{2,4}?[省市县区])*(?:[\u4e00-\u9fff]*?某某|[\u4e00-\u9fff]{2})")


def _org_name(rng: random.Random, old: str) -> str:
    rest = old[_ORG_LEAD.match(old).end():] if _ORG_LEAD.match(old) else old  # type: ignore[union-attr]
    if not is_organisation(rest):
        rest = rng.choice(_TRADES) + "有限公司"
    if rng.randrange(3) == 0:
        return "某某" + rest
    return f"{rng.choice(_PLACES)}某某{rest}"


def gold_names(elements: Mapping[str, Any], types: Mapping[str, str]) -> list[str]:
    """The party names a gold holds (its `party_list` / `name_list` values; plain or as {"value": …}), in order."""
    names: list[str] = []
    for eid, raw in elements.items():
        if types.get(eid) in ("party_list", "name_list"):
            names.extend(name for name in _names_in(raw) if isinstance(name, str) and name and name not in names)
    return names


def _names_in(value: Any) -> list[Any]:
    """The names one party list or list of names holds (plain or as {"value": …}), in order."""
    value = value.get("value") if isinstance(value, dict) and "value" in value else value
    if not isinstance(value, list):
        return []
    return [party.get("name") if isinstance(party, dict) else party for party in value]


def _occurrences(text: str, name: str) -> list[int]:
    return [match.start() for match in re.finditer(re.escape(name), text)]


def _safe_name(name: str, others: Sequence[str], texts: Texts) -> bool:
    """A name every occurrence of which is the name itself: not part of another gold name, not cut from a
    longer masked name (王某 in 王某某, 李某 in 李某1), not a single character, and written at least once."""
    if len(name) < 2 or any(name != other and name in other for other in others):
        return False
    if not any(name in text for text in texts):
        return False
    for text in texts:
        for start in _occurrences(text, name):
            end = start + len(name)
            if end < len(text) and text[end] in _MASK_TAIL:
                return False
    return True


def name_plan(elements: Mapping[str, Any], types: Mapping[str, str], texts: Texts,
              rng: random.Random) -> dict[str, str] | None:
    """Old name → new name for every gold name; None when one of them cannot be replaced safely."""
    names = gold_names(elements, types)
    if not names or not all(_safe_name(name, names, texts) for name in names):
        return None
    plan: dict[str, str] = {}
    for index, name in enumerate(names):
        for _ in range(50):
            new = _org_name(rng, name) if is_organisation(name) else _person_name(rng, index)
            taken = list(plan.values()) + names
            if not any(new in text for text in texts) and not any(new in t or t in new for t in taken):
                plan[name] = new
                break
        else:
            return None
    return plan


def name_edits(text: str, plan: Mapping[str, str]) -> list[Edit]:
    """Each occurrence of a planned name replaced (longest names first; no overlaps by `_safe_name`)."""
    edits: list[Edit] = []
    taken: list[tuple[int, int]] = []
    for old in sorted(plan, key=len, reverse=True):
        for start in _occurrences(text, old):
            end = start + len(old)
            if not any(s < end and start < e for s, e in taken):
                edits.append((start, end, plan[old]))
                taken.append((start, end))
    return edits


def _rename(value: Any, plan: Mapping[str, str]) -> Any:
    if isinstance(value, str):
        return apply_edits(value, name_edits(value, plan))
    if isinstance(value, list):
        return [_rename(item, plan) for item in value]
    if isinstance(value, dict):
        return {key: _rename(item, plan) for key, item in value.items()}
    return value


def _map_named(elements: Mapping[str, Any], types: Mapping[str, str], change: Callable[[Any], Any]) -> Elements:
    """The gold with the values that may hold a name changed; the others as they are."""
    return {eid: change(value) if types.get(eid) in _NAMED_TYPES else value for eid, value in elements.items()}


def perturb_names(texts: Texts, elements: Elements, types: Mapping[str, str],
                  rng: random.Random) -> tuple[Texts, Elements] | None:
    plan = name_plan(elements, types, texts, rng)
    if plan is None:
        return None
    new_texts = tuple(apply_edits(text, name_edits(text, plan)) for text in texts)
    return new_texts, _map_named(elements, types, lambda value: _rename(value, plan))


# ---------------------------------------------------------------- amounts

# An Arabic money figure: 100000元 / 100,000.00元 / 10万元 / 1.5万元 (not inside a longer number or a date, nor
# after a separator lost as ? in a converted text: 50?000元).
_AMOUNT = re.compile(r"(?<![\d.,．０-９])(?<!\d，)(?<!\d[?？])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(万)?(?=元)")


def _plain(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return text


def amount_forms(value: Decimal) -> list[str]:
    """Ways of writing `value` yuan before 元 that all parse back to it (numerals.parse_number)."""
    forms = [_plain(value), f"{value:,.2f}"]
    if value >= 10000 and (value % 100) == 0:
        forms.append(_plain(value / 10000) + "万")
    if value == value.to_integral_value() and 0 < value < 10**12:
        integer = int(value)
        forms.append(cn2an.an2cn(integer, "up"))
        low = cn2an.an2cn(integer, "low")
        forms.append(low[1:] if low.startswith("一十") else low)
    return forms


def amount_edits(text: str, rng: random.Random, chosen: dict[str, str] | None = None) -> list[Edit]:
    """Each figure in another form; the same figure written the same way takes the same new form (`chosen`,
    shared by the texts of one item), as a passage writes one sum one way."""
    chosen = {} if chosen is None else chosen
    edits = []
    for match in _AMOUNT.finditer(text):
        value = Decimal(match.group(1).replace(",", "") + (match.group(2) or ""))
        if match.group(3):
            value *= 10000
        forms = [form for form in amount_forms(value) if form != match.group(0)]
        if forms:
            new = chosen.setdefault(match.group(0), rng.choice(forms))
            edits.append((match.start(), match.end(), new))
    return edits


_HAN = re.compile(r"[\u4e00-\u9fff]")


def _carried(value: str, texts: Texts, edits: Sequence[Sequence[Edit]]) -> str:
    """A gold string that quotes the passage (a text, an award's result: Chinese words, found verbatim), with
    the edits made inside its first occurrence; a normalised value (50000.00, 2014-05-06) is no quote."""
    if not _HAN.search(value):
        return value
    for text, text_edits in zip(texts, edits, strict=True):
        start = text.find(value)
        if start < 0:
            continue
        end = start + len(value)
        inside = [(s - start, e - start, new) for s, e, new in text_edits if start <= s and e <= end]
        if any(s < end and start < e for s, e, _ in text_edits if not (start <= s and e <= end)):
            return value  # an edit across the quote's edge: the quote has no rewritten form
        return apply_edits(value, inside)
    return value


def _carry(value: Any, texts: Texts, edits: Sequence[Sequence[Edit]]) -> Any:
    if isinstance(value, str):
        return _carried(value, texts, edits)
    if isinstance(value, list):
        return [_carry(item, texts, edits) for item in value]
    if isinstance(value, dict):
        return {key: _carry(item, texts, edits) for key, item in value.items()}
    return value


def _rewrite_all(texts: Texts, elements: Elements, types: Mapping[str, str],
                 edits_of: Callable[[str], list[Edit]]) -> tuple[Texts, Elements] | None:
    """Each text with its edits made, and the gold's quotes of the passage rewritten alike; None when no text
    has anything to rewrite."""
    edits = [edits_of(text) for text in texts]
    if not any(edits):
        return None
    new_texts = tuple(apply_edits(text, text_edits) for text, text_edits in zip(texts, edits, strict=True))
    return new_texts, _map_named(elements, types, lambda value: _carry(value, texts, edits))


def perturb_amounts(texts: Texts, elements: Elements, types: Mapping[str, str],
                    rng: random.Random) -> tuple[Texts, Elements] | None:
    chosen: dict[str, str] = {}
    return _rewrite_all(texts, elements, types, lambda text: amount_edits(text, rng, chosen))


# ---------------------------------------------------------------- dates

_DATE = re.compile(
    r"(?<![\d.\-/])(\d{4})(?:年(\d{1,2})月(\d{1,2})日|\.(\d{1,2})\.(\d{1,2})(?![\d.])|-(\d{1,2})-(\d{1,2})(?![\d\-]))"
)
_CN_DIGIT = "〇一二三四五六七八九"


def _cn_small(number: int) -> str:
    """1-31 as dates write them: 五 / 十 / 十二 / 二十 / 三十一."""
    if number < 10:
        return _CN_DIGIT[number]
    tens, ones = divmod(number, 10)
    return ("" if tens == 1 else _CN_DIGIT[tens]) + "十" + (_CN_DIGIT[ones] if ones else "")


def date_forms(year: int, month: int, day: int) -> list[str]:
    """Ways of writing a full date that the date grammar reads as the same day."""
    cn_year = "".join(_CN_DIGIT[int(d)] for d in str(year))
    return [f"{year}年{month}月{day}日", f"{year}.{month}.{day}", f"{year}-{month:02d}-{day:02d}",
            f"{cn_year}年{_cn_small(month)}月{_cn_small(day)}日", f"{year}年{month:02d}月{day:02d}日"]


def date_edits(text: str, rng: random.Random, chosen: dict[str, str] | None = None) -> list[Edit]:
    """Each full date in another form (the same date written alike takes the same form, as in `amount_edits`)."""
    chosen = {} if chosen is None else chosen
    edits = []
    for match in _DATE.finditer(text):
        year = int(match.group(1))
        month, day = (int(next(g for g in pair if g is not None)) for pair in
                      ((match.group(2), match.group(4), match.group(6)), (match.group(3), match.group(5), match.group(7))))
        if not (1900 <= year <= 2100 and 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]):
            continue
        forms = [form for form in date_forms(year, month, day) if form != match.group(0)]
        before_digit = text[match.end():match.end() + 1].isdigit()
        if before_digit:
            # 2023年6月12日7时: a form ending in a digit would run into the hour (2023-06-127时), not a date.
            forms = [form for form in forms if form.endswith("日")]
        key = match.group(0) + ("#" if before_digit else "")
        edits.append((match.start(), match.end(), chosen.setdefault(key, rng.choice(forms))))
    return edits


def perturb_dates(texts: Texts, elements: Elements, types: Mapping[str, str],
                  rng: random.Random) -> tuple[Texts, Elements] | None:
    chosen: dict[str, str] = {}
    return _rewrite_all(texts, elements, types, lambda text: date_edits(text, rng, chosen))


# ---------------------------------------------------------------- width and characters

_HALF = "0123456789%.,:;()"
_FULL = "０１２３４５６７８９％．，：；（）"
_TO_FULL = str.maketrans(_HALF, _FULL)
# Back to ASCII: full-width digits and signs, and the Chinese comma, colon, semicolon and brackets.
_TO_HALF = str.maketrans("０１２３４５６７８９％．：；（）", "0123456789%.:;()") | str.maketrans({"，": ","})


def _char_edits(text: str, table: Mapping[int, Any]) -> list[Edit]:
    return [(index, index + 1, char.translate(table)) for index, char in enumerate(text)
            if char.translate(table) != char]


def perturb_width(texts: Texts, elements: Elements, types: Mapping[str, str],
                  rng: random.Random) -> tuple[Texts, Elements] | None:
    table = _TO_FULL if rng.randrange(2) == 0 else _TO_HALF
    # Names are scored as read (evaluate.comparable: ASCII digits), quotes of the passage as written.
    return _rewrite_all(texts, elements, types, lambda text: _char_edits(text, table))


@cache
def _s2t() -> opencc.OpenCC:
    return opencc.OpenCC("s2t")


def traditional_edits(text: str) -> list[Edit]:
    """Simplified → traditional character by character, where the character reads back as itself (澄 → 澂 does
    not: 澂 stays 澂 in t2s, a different name); the text as it is where OpenCC changes the length."""
    converted = _s2t().convert(text)
    if len(converted) != len(text):
        return []
    back = to_simplified(converted)
    return [(index, index + 1, new) for index, (old, new) in enumerate(zip(text, converted, strict=True))
            if old != new and back[index] == old]


def perturb_traditional(texts: Texts, elements: Elements, types: Mapping[str, str],
                        rng: random.Random) -> tuple[Texts, Elements] | None:
    # Names are compared in simplified characters (evaluate.comparable), quotes of the passage as written.
    return _rewrite_all(texts, elements, types, traditional_edits)


# ---------------------------------------------------------------- no party block

# What opens the plaintiff's statement or claims (原告张三诉称 / 原告向本院提出诉讼请求 / 诉讼请求：/ 诉请：); an
# answer's 辩称 / 答辩 or a case title's 一案 is not it.
_STATEMENT = re.compile(r"诉称|向本院(?:提出|起诉|提起)|(?<!变更)(?<!增加)诉讼请求|诉请[:：]")
_ANSWER_WORDS = re.compile(r"辩称|答辩|辩解")
_SENTENCE_END = re.compile(r"[。\n]")


def party_block_end(text: str) -> int | None:
    """Where a complaint's party block ends: the start of the sentence in which the plaintiff's statement or
    claims begin, as the section reading finds the head; None for a text with no party block, one whose head
    ends at no statement (an answer, a case title), or nothing before the statement."""
    if not has_party_block(text):
        return None
    head_end = find_sections(text)["head"][1]
    if head_end <= 0 or not text[:head_end].strip():
        return None
    stop = _SENTENCE_END.search(text, head_end)
    statement = _STATEMENT.search(text, head_end, stop.end() if stop else len(text))
    if statement is None or _ANSWER_WORDS.search(text, 0, statement.end()):
        return None
    return head_end


# Right before a name the passage calls by its role: 被告甲 / 被告二：甲 / 被告甲、乙 / 被告甲与被告乙 (a list after one
# role word), 原告丙 alike.
_AS_PARTY = re.compile(r"(?:原告|被告|第三人)(?:[一二三四五六七八九十])?[:：]?"
                       r"(?:[^，,。；;：:\n原被]{1,30}?(?:、|和|及|以及|与)(?:原告|被告|第三人)?)*$")


def _called(text: str, name: str) -> list[int]:
    """Where the passage calls `name` by its role word (被告甲 / 被告乙、甲 / 原告丙)."""
    return [at for at in _occurrences(text, name) if _AS_PARTY.search(text, max(0, at - 80), at)]


def _party_order(text: str, names: Sequence[str]) -> list[str]:
    """The names in the order the passage first calls them by their role word (原告 / 被告), in text order; in the
    诉请's order when none is called so (the CAIL2021 convention, corpus/realdata_gold/README.md, cail2021_blind)."""
    claims = find_sections(text).get("claims")

    def key(name: str) -> tuple[int, int]:
        called = _called(text, name)
        if called:
            return 0, called[0]
        found = _occurrences(text, name)
        listed = [at for at in found if claims is not None and claims[0] <= at < claims[1]]
        return 1, (listed or found or [len(text)])[0]

    return sorted(names, key=key)


def _said(value: Any, text: str) -> bool:
    """Whether the rewritten passage still says who the list's members are: every name written, and of two or more
    none left uncalled by a role word (被告 / 原告) while another is — the CAIL2021 convention: defendants are
    unscored when only some persons are ever called 被告 and the others appear as 借款人 / 担保人 / payees."""
    names = _names_in(value)
    if not all(isinstance(name, str) and name in text for name in names):
        return False
    called = [bool(_called(text, name)) for name in names]
    return len(names) < 2 or all(called) or not any(called)


def _reordered(value: Any, text: str) -> Any:
    """A kept party list in the order the rewritten passage names its members (`_party_order`)."""
    wrapped = isinstance(value, dict) and "value" in value
    parties = value["value"] if wrapped else value
    if not isinstance(parties, list) or len(parties) < 2:
        return value
    names = [party.get("name") if isinstance(party, dict) else party for party in parties]
    if len(set(names)) != len(names) or not all(isinstance(name, str) for name in names):
        return value  # two parties of one masked name: their order is not the text's to say
    order = _party_order(text, [str(name) for name in names])
    new = [parties[names.index(name)] for name in order]
    return {**value, "value": new} if wrapped else new


def perturb_noblock(texts: Texts, elements: Elements, types: Mapping[str, str],
                    rng: random.Random) -> tuple[Texts, Elements] | None:
    if len(texts) != 1:
        return None  # an answer read with its complaint: not rewritten
    end = party_block_end(texts[0])
    if end is None:
        return None
    new = apply_edits(texts[0], [(0, end, "")])
    # A party list whose names are not all written any more is unscored (a 诉称段 that does not say who all the
    # defendants are, the CAIL2021 convention), and so is a list of names (lenders, guarantors) for the same
    # reason: the text no longer says it. Every other element keeps its value.
    kept = {eid: value for eid, value in elements.items()
            if types.get(eid) not in ("party_list", "name_list")
            or (_said(value, new) if types.get(eid) == "party_list"
                else all(isinstance(name, str) and name in new for name in _names_in(value)))}
    # The block's order of the parties is gone with it: a list is ordered as the passage names them.
    return (new,), {eid: _reordered(value, new) if types.get(eid) == "party_list" else value
                    for eid, value in kept.items()}


# ---------------------------------------------------------------- lexical

# A paraphrase: a regex of a wording, and the wordings of the same meaning it may be replaced by.
Paraphrase = tuple[re.Pattern[str], tuple[str, ...]]
_PARAPHRASE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["paraphrases"],
    "additionalProperties": False,
    "properties": {"paraphrases": {"type": "array", "items": {
        "type": "object", "required": ["pattern", "to"], "additionalProperties": False,
        "properties": {"pattern": {"type": "string", "minLength": 1},
                       "to": {"type": "array", "minItems": 1, "items": {"type": "string"}},
                       "why": {"type": "string"}}}}},
}
GENERIC_PARAPHRASES = Path(__file__).with_name("paraphrases.yaml")


@cache
def read_paraphrases(path: Path) -> tuple[Paraphrase, ...]:
    """A paraphrase list (checked by its schema, each pattern compiled); a bad file is an error naming its row."""
    try:
        data = load_yaml(path.read_text(encoding="utf-8"))
        jsonschema.validate(data, _PARAPHRASE_SCHEMA)
    except (OSError, ValueError, jsonschema.ValidationError) as exc:
        raise YaosuError(E.E214, path_name=path.name, exc=getattr(exc, "message", exc)) from exc
    rows: list[Paraphrase] = []
    for row, entry in enumerate(data["paraphrases"], start=1):
        try:
            pattern = re.compile(entry["pattern"])
        except re.error as exc:
            raise YaosuError(E.E215, path_name=path.name, row=row, exc=exc) from exc
        rows.append((pattern, tuple(entry["to"])))
    return tuple(rows)


def _strings(value: Any) -> list[str]:
    """Every string a gold value holds (names, raw rates, contract titles …)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, Mapping):
        return [text for inner in value.values() for text in _strings(inner)]
    if isinstance(value, list | tuple):
        return [text for inner in value for text in _strings(inner)]
    return []


def _kept_spans(text: str, kept: Sequence[str]) -> list[tuple[int, int]]:
    """Where the `kept` strings (of more than one character) stand in `text`: no rewrite edits inside them."""
    return [(start, start + len(word)) for word in kept if len(word) > 1 for start in _occurrences(text, word)]


def _rewrite_keeping_gold(texts: Texts, elements: Elements,
                          edits_of: Callable[[str, Sequence[str]], list[Edit]]) -> tuple[Texts, Elements] | None:
    """Each text with the edits `edits_of(text, kept)` makes outside every string the gold holds (so the gold
    stands as it is); None when no text has anything to rewrite."""
    kept = sorted({text for value in elements.values() for text in _strings(value)}, key=len, reverse=True)
    edits = [edits_of(text, kept) for text in texts]
    if not any(edits):
        return None
    return tuple(apply_edits(text, found) for text, found in zip(texts, edits, strict=True)), dict(elements)


def lexical_edits(text: str, paraphrases: Sequence[Paraphrase], kept: Sequence[str],
                  rng: random.Random) -> list[Edit]:
    """Each wording a paraphrase matches (its group `w` when it has one: `向[^，。]{1,12}?(?P<w>借款)`), outside the
    spans of `kept` strings and of earlier edits, replaced by one of its other wordings (a replacement equal to the
    matched text is not an edit)."""
    taken = _kept_spans(text, kept)
    edits: list[Edit] = []
    for pattern, replacements in paraphrases:
        # A group named `w` is the wording replaced; the rest of the match is context that stays.
        group = "w" if "w" in pattern.groupindex else 0
        for match in pattern.finditer(text):
            start, end = match.span(group)
            if start == end or any(start < right and left < end for left, right in taken):
                continue
            new = rng.choice(replacements)
            if new != match.group(group):
                edits.append((start, end, new))
                taken.append((start, end))
    return edits


def lexical_rewrite(paraphrases: Sequence[Paraphrase]) -> Rewrite:
    """The `lexical` rewrite for these paraphrase lists (the generic one and a case type's)."""
    def rewrite(texts: Texts, elements: Elements, types: Mapping[str, str],
                rng: random.Random) -> tuple[Texts, Elements] | None:
        return _rewrite_keeping_gold(texts, elements, lambda text, kept: lexical_edits(text, paraphrases, kept, rng))
    return rewrite


def perturb_lexical(texts: Texts, elements: Elements, types: Mapping[str, str],
                    rng: random.Random) -> tuple[Texts, Elements] | None:
    """`lexical` with the generic paraphrases only (a case type's are added by `Perturbation.apply`)."""
    return lexical_rewrite(read_paraphrases(GENERIC_PARAPHRASES))(texts, elements, types, rng)


# ---------------------------------------------------------------- punctuation

# Each clause mark and what it may become, with the weights of (left as it is, each replacement): real pleadings
# run sentences on with commas (the LawBench passages hold 2.4 commas per full stop) and use the semicolon either
# way.
_PUNCT_CHOICES: dict[str, tuple[tuple[str, ...], tuple[int, ...]]] = {
    "。": (("。", "，", "；"), (4, 5, 1)),
    "；": (("；", "，", "。"), (4, 4, 2)),
    "，": (("，", "；"), (9, 1)),
}


# Where a full stop or semicolon stays as it is or becomes no comma (real text outside the blind sets: 。事实与理由
# 145 times, ，事实与理由 never; 。综上 431, ，综上 6; 。被告…辩称 289, ，被告…辩称 12; a numbered item after ；/。 1677,
# after ， 6).
_HEADING_AFTER = re.compile(r"事实(?:与|和|及)理由|诉讼请求|请求事项|综上|(?:原告|被告|第三人|上诉人|被上诉人)[^，。；\n]{0,12}?"
                            r"(?:辩称|答辩|诉称|述称)")
# A comma becomes a semicolon only after a clause of its own: real semicolons follow a clause of 12 characters or
# more two times in three and one under 4 almost never; none follows 诉称 or 男 (918 and 213 commas do), 29 follow a
# date against 1740 commas; after 后 / 前 / 时 / 需要 / 法院 none (1315 / 92 / 372 / 39 / 185 commas), after 由 / 下 /
# 书 / 分 one in twenty or fewer. Nor does a comma before a figure or a closing quote become one.
_CLAUSE_MARKS = "。；，：:\n\r\t \u3000"
_ADVERBIAL_END = re.compile(r"(?:TIME|[日时分许称后前由下书]|左右|期间|需要|法院|贵院)\Z")
_MIN_CLAUSE = 8
_ITEM_AFTER = re.compile(r"[（(]?(?:\d{1,2}|[一二三四五六七八九十]{1,3})[、.．)）](?!\d)|第[一二三四五六七八九十]{1,3}[，、,]")


def _own_clause(text: str, index: int) -> bool:
    """Whether the words before the comma at `index` are a clause a semicolon may end (long enough, and no date,
    time or 诉称 heading the next clause)."""
    # Only the last _MIN_CLAUSE characters are needed: the clause is long enough when no mark stands among them.
    words = text[max(0, index - _MIN_CLAUSE):index]
    return (len(words) == _MIN_CLAUSE and not any(mark in words for mark in _CLAUSE_MARKS)
            and not _ADVERBIAL_END.search(words))


def punct_edits(text: str, kept: Sequence[str], rng: random.Random) -> list[Edit]:
    """Clause marks (`_PUNCT_CHOICES`) changed one by one; a mark ending a line or the text, between two digits
    (100，000) or inside a `kept` string is left as written, a full stop or semicolon before a heading or a
    statement (事实与理由 / 综上 / 被告辩称) too; one before a numbered item (；2、) becomes no comma, and a comma
    becomes a semicolon only after a clause of its own (`_own_clause`); when no draw changed a mark, one mark that
    may change does."""
    taken = _kept_spans(text, kept)
    edits: list[Edit] = []
    open_marks: list[tuple[int, tuple[str, ...]]] = []  # each mark that may change, and what it may become
    for index, char in enumerate(text):
        if char not in _PUNCT_CHOICES:
            continue
        after = text[index + 1:index + 2]
        # A mark before a line's end or a paragraph's space (LawBench: 。 then a space 886 times, ， or ； never).
        if after in ("", "\n", "\r", " ", "\u3000") or (after.isdigit() and text[index - 1:index].isdigit()):
            continue
        if any(left <= index < right for left, right in taken):
            continue
        choices, weights = _PUNCT_CHOICES[char]
        # Drawn for every mark, so that narrowing one mark leaves the draws of the others as they were.
        new = rng.choices(choices, weights)[0]
        if char != "，" and _HEADING_AFTER.match(text, index + 1):
            continue
        before_item = _ITEM_AFTER.match(text, index + 1) is not None
        if new == "，" and before_item:
            new = "；" if char == "。" else char
        if char == "，" and (not _own_clause(text, index) or after.isdigit() or after in "”’」』）)"):
            continue
        open_marks.append((index, tuple(c for c in choices if c != char and not (c == "，" and before_item))))
        if new != char:
            edits.append((index, index + 1, new))
    if not edits and (open_marks := [(index, allowed) for index, allowed in open_marks if allowed]):
        # A passage with marks to change is always rewritten (as every other kind rewrites what it finds).
        index, allowed = rng.choice(open_marks)
        edits.append((index, index + 1, rng.choice(allowed)))
    return edits


def perturb_punct(texts: Texts, elements: Elements, types: Mapping[str, str],
                  rng: random.Random) -> tuple[Texts, Elements] | None:
    return _rewrite_keeping_gold(texts, elements, lambda text, kept: punct_edits(text, kept, rng))


Rewrite = Callable[[Texts, Elements, Mapping[str, str], random.Random], "tuple[Texts, Elements] | None"]
KINDS: dict[str, Rewrite] = {
    "names": perturb_names,
    "amounts": perturb_amounts,
    "dates": perturb_dates,
    "width": perturb_width,
    "traditional": perturb_traditional,
    "noblock": perturb_noblock,
    "lexical": perturb_lexical,
    "punct": perturb_punct,
}

def parse_kinds(raw: str) -> tuple[str, ...]:
    """`names,amounts` → the kinds, in order; an unknown kind is a named error."""
    kinds = tuple(part.strip() for part in raw.replace("，", ",").split(",") if part.strip())
    unknown = [kind for kind in kinds if kind not in KINDS]
    if unknown or not kinds:
        raise YaosuError(E.E213, join_unknown_or_raw='、'.join(unknown) or raw, join_kinds='、'.join(KINDS))
    return kinds


@dataclass(frozen=True)
class Perturbation:
    """Rewrites to apply, in order, and the seed that makes them reproducible."""

    kinds: tuple[str, ...]
    seed: int = 0

    def apply(self, key: str, texts: Texts, elements: Elements, types: Mapping[str, str],
              paraphrase_file: Path | None = None) -> tuple[Texts, Elements, tuple[str, ...]]:
        """The rewritten texts and gold, and the kinds skipped for this item (they left it as it was);
        `paraphrase_file` is the case type's own list, read by `lexical` after the generic one."""
        skipped = []
        own = read_paraphrases(paraphrase_file) if paraphrase_file is not None else ()
        rewrites = {**KINDS, "lexical": lexical_rewrite((*read_paraphrases(GENERIC_PARAPHRASES), *own))}
        for kind in self.kinds:
            rng = random.Random(f"{self.seed}:{kind}:{key}")
            result = rewrites[kind](texts, elements, types, rng)
            if result is None:
                skipped.append(kind)
                continue
            texts, elements = result
        return texts, elements, tuple(skipped)


class Rewriter:
    """Applies a perturbation (or none) to each scored item of an evaluation and counts what it did."""

    def __init__(self, perturbation: Perturbation | None) -> None:
        self.perturbation = perturbation
        self.items = 0
        self.skipped: dict[str, int] = {}
        # Per item, the gold elements a rewrite took out (no longer said by the text): not scored either way.
        self.unscored: dict[str, frozenset[str]] = {}

    def __call__(self, key: str, texts: Texts, elements: Elements, types: Mapping[str, str],
                 paraphrase_file: Path | None = None) -> tuple[Texts, Elements]:
        if self.perturbation is None:
            return texts, elements
        self.items += 1
        before = set(elements)
        texts, elements, skipped = self.perturbation.apply(key, texts, elements, types, paraphrase_file)
        if before - set(elements):
            self.unscored[key] = frozenset(before - set(elements))
        for kind in skipped:
            self.skipped[kind] = self.skipped.get(kind, 0) + 1
        return texts, elements

    def summary(self) -> dict[str, Any]:
        if self.perturbation is None:
            return {}
        unscored = {key: sorted(eids) for key, eids in sorted(self.unscored.items())}
        return {"perturbation": {"kinds": list(self.perturbation.kinds), "seed": self.perturbation.seed,
                                 "items": self.items, "skipped": dict(sorted(self.skipped.items())),
                                 **({"unscored": unscored} if unscored else {})}}


def _wrong(report: Mapping[str, Any]) -> set[tuple[str, str, str]]:
    """(part, item, element) of each error of a report (complaints / answers: the scoring functions say which)."""
    return {(str(error.get("part", "complaints")), str(error["file"]), str(error["element"]))
            for error in report.get("errors", [])}


def robustness(before: Mapping[str, Any], after: Mapping[str, Any]) -> dict[str, Any]:
    """Per element of each part (complaints, answers): F1 unperturbed and perturbed, and the items that flipped
    (right → wrong, wrong → right), from the two reports' error lists."""
    wrong_before, wrong_after = _wrong(before), _wrong(after)
    # An element the rewrite left unscored (noblock: a party the text no longer names) flips neither way.
    unscored = {(file, eid) for file, eids in after.get("perturbation", {}).get("unscored", {}).items() for eid in eids}
    wrong_before = {(part, file, eid) for part, file, eid in wrong_before if (file, eid) not in unscored}
    broke: dict[tuple[str, str], int] = {}
    fixed: dict[tuple[str, str], int] = {}
    for part, _, eid in wrong_after - wrong_before:
        broke[part, eid] = broke.get((part, eid), 0) + 1
    for part, _, eid in wrong_before - wrong_after:
        fixed[part, eid] = fixed.get((part, eid), 0) + 1
    parts: dict[str, Any] = {}
    for part in ("complaints", "answers"):
        rows_before = (before.get(part) or {}).get("per_element", {})
        rows_after = (after.get(part) or {}).get("per_element", {})
        rows = {eid: {"f1": rows_before.get(eid, {}).get("f1"), "perturbed_f1": rows_after.get(eid, {}).get("f1"),
                      "broke": broke.get((part, eid), 0), "fixed": fixed.get((part, eid), 0)}
                for eid in sorted(set(rows_before) | set(rows_after))}
        if rows:
            parts[part] = {"per_element": rows, "micro": (before.get(part) or {}).get("micro", {}).get("f1"),
                           "perturbed_micro": (after.get(part) or {}).get("micro", {}).get("f1")}
    flips = [{"part": part, "file": file, "element": eid, "now": "wrong"}
             for part, file, eid in sorted(wrong_after - wrong_before)]
    flips += [{"part": part, "file": file, "element": eid, "now": "right"}
              for part, file, eid in sorted(wrong_before - wrong_after)]
    return {"files": before.get("files", 0), **{k: v for k, v in after.items() if k == "perturbation"},
            "robustness": parts, "flips": flips}


def format_robustness(report: Mapping[str, Any]) -> str:
    """The robustness table: per element F1 before / after the rewrite and the flips both ways."""
    summary = report.get("perturbation", {})
    skipped = "，".join(f"{kind} {count}" for kind, count in summary.get("skipped", {}).items()) or "无"
    lines = [f"文件数：{report.get('files', 0)}；扰动：{','.join(summary.get('kinds', []))}（seed {summary.get('seed')}）；"
             f"未能改写而保持原样：{skipped}"]
    unscored: dict[str, int] = {}
    for eids in summary.get("unscored", {}).values():
        for eid in eids:
            unscored[eid] = unscored.get(eid, 0) + 1
    if unscored:
        lines.append("改写后不再评分（文中不再写出全部当事人）：" + "，".join(f"{e} {n}" for e, n in sorted(unscored.items())))
    for part, title in (("complaints", "起诉状"), ("answers", "答辩状")):
        rows = report.get("robustness", {}).get(part)
        if not rows:
            continue
        lines.append(f"\n{title}  要素                 F1   扰动后F1   对→错  错→对")
        for eid, row in rows["per_element"].items():
            f1 = "-" if row["f1"] is None else f"{row['f1']:.3f}"
            after = "-" if row["perturbed_f1"] is None else f"{row['perturbed_f1']:.3f}"
            lines.append(f"  {eid:<24}{f1:>7} {after:>9} {row['broke']:>7} {row['fixed']:>6}")
        lines.append(f"  micro-F1 = {rows['micro']} → {rows['perturbed_micro']}")
    return "\n".join(lines)

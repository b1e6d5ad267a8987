"""Normalise pleading text for matching, keeping a map back to the characters the user wrote.

Steps, in order (the first four are 1:1, so they keep every offset):

1. Traditional → simplified characters (OpenCC `t2s`, offline dictionaries): 借款人民幣 → 借款人民币.
2. Folding: full-width digits/letters/percent → ASCII, ﹪ → %, ○ → 〇; ASCII , ; : next to a Chinese
   character → ，；： (诉至法院,要求 reads as 诉至法院，要求); capital numerals → common ones inside a numeral
   (壹佰壹拾玖万贰仟元 → 一百一十九万二千元).
3. OCR confusions inside numbers and dates: Latin O/o and 〇 after an Arabic digit → 0
   (2O23年, 2OO,OOO元), l/I between digits → 1, O between Chinese digits → 〇 (二O二一年, and 二0一0年),
   曰 for 日 after a month (3月5曰).
4. Number rewrites (the length changes; the rewritten piece maps as a whole to what was
   written): Chinese decimals (十五点四 → 15.4, so 百分之十五点四 is 15.4 %) and amounts that
   mix Arabic digits with Chinese units (10万零5千 → 105000, 5千元 → 5000元).
5. Deletions: characters that carry no meaning in Chinese prose but break patterns (spaces,
   tabs, carriage returns, zero-width characters, a stray BOM), so "5 0 0 0 0 元" is 50000元; and the
   thousands separators of an Arabic figure (16,000,000.00元 → 16000000.00元).

Chinese numerals are otherwise not rewritten in the text: the recognisers convert the matched
span with cn2an (`engine.extraction.numerals`), which keeps words like 一次性 and 统一 intact
for the cue keywords.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache

import cn2an
import opencc

_FOLD = {code: code - 0xFEE0 for code in range(0xFF10, 0xFF1A)}  # ０-９
_FOLD.update({code: code - 0xFEE0 for code in range(0xFF21, 0xFF3B)})  # Ａ-Ｚ
_FOLD.update({code: code - 0xFEE0 for code in range(0xFF41, 0xFF5B)})  # ａ-ｚ
_FOLD.update(
    {  # str.translate maps code points to code points or strings
        ord("％"): "%",  # type: ignore[dict-item]
        ord("﹪"): "%",  # type: ignore[dict-item]
        ord("．"): ".",  # type: ignore[dict-item]
        ord("＄"): "$",  # type: ignore[dict-item]
        ord("￥"): "¥",  # type: ignore[dict-item]
        ord("／"): "/",  # type: ignore[dict-item]
        ord("－"): "-",  # type: ignore[dict-item]
        ord("＋"): "+",  # type: ignore[dict-item]
        ord("○"): "〇",  # type: ignore[dict-item]
        ord("Ｏ"): "〇",  # type: ignore[dict-item]
        ord("\u00a0"): " ",  # type: ignore[dict-item]
    }
)
# Any character `_FOLD` rewrites: most pleadings have none, and then the (per-character) translate is skipped.
_FOLDABLE = re.compile("[" + "".join(re.escape(chr(code)) for code in _FOLD) + "]")
# ASCII punctuation in Chinese prose (诉至法院,要求被告… / 借款7700元;): the Chinese mark the patterns are written
# with, 1:1. Between digits (50,000 / 10:30) it stays.
_ASCII_PUNCT = re.compile(r"(?<=[\u4e00-\u9fff）》”])[,;:]|[,;:](?=[\u4e00-\u9fff（《“])")
_CJK_PUNCT = {",": "，", ";": "；", ":": "："}
# A numeral in the capital (大写) digits, 壹佰壹拾玖万贰仟元: the common digits, 1:1 (一百一十九万二千元), so a pattern
# written with [一二三…千万] reads it; only inside a run of numeral characters (收拾 keeps its 拾).
_CAPITAL_RUN = re.compile(r"[零〇一二两三四五六七八九十百千万亿壹贰貳叁參肆伍陆陸柒捌玖拾佰仟萬億]{2,}")
_CAPITAL = str.maketrans("壹贰貳叁參肆伍陆陸柒捌玖拾佰仟萬億", "一二二三三四五六六七八九十百千万亿")
_HAS_CAPITAL = re.compile("[壹贰貳叁參肆伍陆陸柒捌玖拾佰仟萬億]")
# Characters removed from the normalised text (never part of a value or a cue), and the thousands separators
# of an Arabic figure (16,000,000.00元 is 16000000.00元: a clause pattern that stops at a comma, 至…偿清之日,
# reads it as it reads 1600万元).
# A group of four digits before the comma is no thousands group (金某1430,000元: a masked name's digit, then 430,000).
_DELETE = re.compile(r"[ \t\r\u3000\u200b\u200c\u200d\u2060\ufeff]+|(?<=\d)(?<!\d{4}),(?=\d{3}(?![\d,]))"
                     r"|(?<=\d)(?<!\d{4}),(?=\d{3},\d{3}(?!\d))")

# An Arabic number as OCR garbles it: a digit, then digits, O/o/〇, separators before a digit-like
# character, l/I between digit-like characters. A letter on either side means it is a word (2Oth, A2O).
_OCR_NUMBER = re.compile(r"(?<![A-Za-z])\d(?:[\dOo〇]|[,，.lI](?=[\dOo〇]))*(?![A-Za-z])")
_OCR_ZERO = str.maketrans({"O": "0", "o": "0", "〇": "0", "l": "1", "I": "1"})
_OCR_SUSPECT = re.compile(r"\d[Oo〇lI?？]|[Oo〇]\d|[〇零一二三四五六七八九][Oo0][〇零一二三四五六七八九Oo0]|曰")
# Latin O / Arabic 0 between Chinese digits (二O二一年), or closing a Chinese year (二0一0年: the fourth year digit, before 年).
_CN_DIGIT_O = re.compile(r"(?<=[〇零一二三四五六七八九])[Oo0]+(?=[〇零一二三四五六七八九])"
                         r"|(?<=[〇零一二三四五六七八九][〇零一二三四五六七八九Oo0]{2})[Oo0](?=年)")
_DAY_TYPO = re.compile(r"(?<=月)(?:\d{1,2}|[一二三四五六七八九十]{1,3})曰")
# A thousands separator lost as ? in converted texts (50?000元): a comma again (1:1).
_LOST_SEPARATOR = re.compile(r"(?<=\d)[?？](?=\d{3}(?!\d))")

_CN_DIGITS = "零〇一二两三四五六七八九"
_DIGIT_VALUE = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
# 十五点四 / 零点五: a Chinese decimal (the fraction digit by digit); 三点二十分 is a time, 一点一滴 prose.
_CN_DECIMAL = re.compile(rf"[{_CN_DIGITS}十百千万]+点[{_CN_DIGITS}]+(?![十百千万滴])")
# 10万零5千 / 3万5千 / 1.5万2千 / 5千元 / 3百元: Arabic digits with Chinese units, largest unit first.
_MIXED_AMOUNT = re.compile(
    r"(?<![\d.])\d+(?:\.\d+)?(?:万(?:零?\d+(?:\.\d+)?[千百十]?)+|[千百](?:零?\d+[百十]?)*(?=[元块]))"
)
_MIXED_PART = re.compile(r"零?(\d+(?:\.\d+)?)([万千百十]?)")
_UNIT_VALUE = {"万": 10000, "千": 1000, "百": 100, "十": 10}
_NEXT_UNIT = {"万": "千", "千": "百", "百": "十"}
_REWRITE_SUSPECT = re.compile(r"点|\d[万千百]")


@dataclass(frozen=True)
class OffsetMap:
    """Maps offsets in the normalised text to offsets in the original text.

    Stored as the start of every segment in both texts, so a lookup is a bisect and the map
    costs memory per deletion or rewrite, not per character. A segment is a run kept 1:1, or a
    rewritten piece (`atom_ends[i]` ≥ 0 is its end in the original): any offset inside it maps
    to the whole piece, since 105000 has no character-by-character tie to 10万零5千.
    """

    norm_starts: tuple[int, ...]
    orig_starts: tuple[int, ...]
    orig_length: int
    # One kept run from 0 to 0 (nothing deleted): every offset maps to itself, no bisect needed.
    identity: bool = False
    atom_ends: tuple[int, ...] = ()

    def _segment(self, position: int) -> int:
        return bisect_right(self.norm_starts, position) - 1

    def _atom_end(self, index: int) -> int:
        return self.atom_ends[index] if self.atom_ends else -1

    def to_original(self, position: int) -> int:
        """Original offset of the normalised character at `position` (a start offset)."""
        if self.identity:
            return position
        if not self.norm_starts:
            return min(position, self.orig_length)
        index = self._segment(position)
        if index < 0:
            return position
        if self._atom_end(index) >= 0:
            return self.orig_starts[index]
        return self.orig_starts[index] + position - self.norm_starts[index]

    def end_to_original(self, end: int) -> int:
        """Original offset just past the normalised character at `end - 1` (an exclusive end)."""
        if self.identity:
            return end
        index = self._segment(end - 1)
        if index >= 0 and self._atom_end(index) >= 0:
            return self.atom_ends[index]
        return self.to_original(end - 1) + 1

    def to_normalised(self, position: int, norm_length: int) -> int:
        """Normalised offset of the original offset `position` (a deleted character: the next kept one)."""
        if self.identity or not self.norm_starts:
            return min(position, norm_length)
        index = bisect_right(self.orig_starts, position) - 1
        if index < 0:
            return 0
        if self._atom_end(index) >= 0:
            return self.norm_starts[index]
        following = self.norm_starts[index + 1] if index + 1 < len(self.norm_starts) else norm_length
        return min(self.norm_starts[index] + position - self.orig_starts[index], following)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original (start, end) of the normalised span [start, end), end exclusive."""
        if self.identity:
            return (start, end) if end > start else (start, start)
        if end <= start:
            original = self.to_original(start)
            return original, original
        return self.to_original(start), self.end_to_original(end)


@dataclass(frozen=True)
class Normalised:
    original: str
    text: str
    offsets: OffsetMap
    # (as written, as read) of the numbers and dates an OCR repair changed (2O23年 → 2023年).
    repairs: tuple[tuple[str, str], ...] = ()
    traditional: bool = False  # step 1 changed characters (a pleading in traditional characters)

    def span(self, start: int, end: int) -> tuple[int, int]:
        return self.offsets.span(start, end)

    def normalised_span(self, start: int, end: int) -> tuple[int, int]:
        """Normalised (start, end) of the original span [start, end)."""
        length = len(self.text)
        return self.offsets.to_normalised(start, length), self.offsets.to_normalised(end, length)

    def original_of(self, start: int, end: int) -> str:
        """The characters the user wrote for the normalised span [start, end)."""
        o_start, o_end = self.span(start, end)
        return self.original[o_start:o_end]


@cache
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional → simplified, character for character (offsets unchanged)."""
    converter = _converter()
    converted = converter.convert(text)
    if len(converted) == len(text):
        return converted
    # A phrase rule changed the length somewhere: convert character by character instead.
    pieces = []
    for char in text:
        single = converter.convert(char)
        pieces.append(single if len(single) == 1 else char)
    return "".join(pieces)


def fix_ocr(text: str) -> str:
    """The 1:1 OCR repairs inside numbers and dates (2O23 → 2023, 二O二一 → 二〇二一, 5曰 → 5日, 50?000 → 50,000)."""
    if not _OCR_SUSPECT.search(text):
        return text
    text = _OCR_NUMBER.sub(lambda m: m.group().translate(_OCR_ZERO), text)
    text = _CN_DIGIT_O.sub(lambda m: "〇" * len(m.group()), text)
    text = _LOST_SEPARATOR.sub(",", text)
    return _DAY_TYPO.sub(lambda m: m.group()[:-1] + "日", text)


def _plain(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return text


def _cn_decimal(raw: str) -> str | None:
    """十五点四 → 15.4, 零点五 → 0.5 (cn2an reads the whole part, the fraction is digit by digit)."""
    whole, fraction = raw.split("点")
    digits = "".join(str(_DIGIT_VALUE[char]) for char in fraction)
    if whole in ("零", "〇"):
        return "0." + digits
    try:
        number = cn2an.cn2an("一" + whole if whole.startswith("十") else whole, "smart")
        return _plain(Decimal(str(number))) + "." + digits
    except (ValueError, KeyError, IndexError, TypeError, InvalidOperation):
        return None


def _mixed_amount(raw: str) -> str | None:
    """10万零5千 → 10.5万; 3万5 → 3.5万; 5千 → 5000 (a bare digit after a unit is the next unit down)."""
    total = Decimal(0)
    previous: str | None = None
    for match in _MIXED_PART.finditer(raw):
        number, unit = Decimal(match.group(1)), match.group(2)
        if not unit:
            if previous is None or match.group().startswith("零") or len(match.group(1)) != 1:
                return None
            unit = _NEXT_UNIT.get(previous, "")
            if not unit:
                return None
        if previous is not None and _UNIT_VALUE[unit] >= _UNIT_VALUE[previous]:
            return None
        total += number * _UNIT_VALUE[unit]
        previous = unit
    if total <= 0:
        return None
    # Keep 万 when the amount had it: 3万5 with no 元 after it is still money (5万 is, 35000 is not).
    first_unit = raw.lstrip("0123456789.")[:1]
    return _plain(total / 10000) + "万" if first_unit == "万" else _plain(total)


def _rewrites(text: str) -> list[tuple[int, int, str]]:
    """(start, end, replacement) of the number rewrites, in text order, not overlapping."""
    if not _REWRITE_SUSPECT.search(text):
        return []
    found: list[tuple[int, int, str]] = []
    for pattern, convert in ((_CN_DECIMAL, _cn_decimal), (_MIXED_AMOUNT, _mixed_amount)):
        for match in pattern.finditer(text):
            replacement = convert(match.group())
            if replacement is not None and replacement != match.group():
                found.append((match.start(), match.end(), replacement))
    found.sort()
    kept: list[tuple[int, int, str]] = []
    for edit in found:
        if not kept or edit[0] >= kept[-1][1]:
            kept.append(edit)
    return kept


def _common_numerals(text: str) -> str:
    """Capital numerals as the common ones inside a numeral, then the OCR repairs again: the OCR repairs may make a
    capital numeral (O贰 → 〇贰), and a common one may make an OCR repair (贰O壹 is 二O一, whose O is 〇)."""
    if not _HAS_CAPITAL.search(text):
        return text
    return fix_ocr(_CAPITAL_RUN.sub(lambda run: run.group().translate(_CAPITAL), text))


def normalise(original: str) -> Normalised:
    text = to_simplified(original)
    traditional = text != original
    text = text.translate(_FOLD) if _FOLDABLE.search(text) else text
    text = _ASCII_PUNCT.sub(lambda mark: _CJK_PUNCT[mark.group()], text)
    kept, offsets = _delete_blanks(text, len(original))
    # OCR repairs and rewrites run on the text without blanks: "2 O O 0" is one number, and a
    # second pass finds nothing more to do (idempotent).
    fixed = fix_ocr(kept)
    repairs = _repairs(original, kept, fixed, offsets)
    text = _common_numerals(fixed)
    # A rewrite can make another one, or put a digit next to an OCR letter (〇点〇O → 0.0O → 0.00): run both
    # until nothing changes, so that a second normalisation changes nothing. Each round shortens or keeps
    # the text's numbers, so a few rounds suffice.
    for _ in range(4):
        rewrites = _rewrites(text)
        if not rewrites:
            break
        text, offsets = _rewrite(text, rewrites, offsets)
        text = _common_numerals(fix_ocr(text))
    return Normalised(original, text, offsets, repairs, traditional)


# The characters a number or a date is written with, to show an OCR repair in its whole token.
_TOKEN_CHAR = re.compile(r"[\dOoIl〇零一二三四五六七八九十百千万亿年月日曰,.]")


def ocr_repairs(original: str) -> list[tuple[str, str]]:
    """(as written, as read) for each number or date the OCR repairs of step 3 changed (2O23年 → 2023年,
    3月5曰 → 3月5日): guesses about what was meant, which the judge should see."""
    return list(normalise(original).repairs)


def _repairs(original: str, kept: str, fixed: str, offsets: OffsetMap) -> tuple[tuple[str, str], ...]:
    if fixed == kept:
        return ()
    changed = [i for i, (a, b) in enumerate(zip(kept, fixed, strict=True)) if a != b]
    runs: list[list[int]] = []
    for index in changed:
        if runs and index - runs[-1][1] <= 1:
            runs[-1][1] = index + 1
        else:
            runs.append([index, index + 1])
    tokens: list[list[int]] = []
    for start, end in runs:
        while start > 0 and end - start < 24 and _TOKEN_CHAR.match(kept[start - 1]):
            start -= 1
        while end < len(kept) and end - start < 24 and _TOKEN_CHAR.match(kept[end]):
            end += 1
        if tokens and start <= tokens[-1][1]:
            tokens[-1][1] = max(end, tokens[-1][1])
        else:
            tokens.append([start, end])
    return tuple((original[slice(*offsets.span(start, end))], fixed[start:end]) for start, end in tokens)


def _delete_blanks(text: str, orig_length: int) -> tuple[str, OffsetMap]:
    norm_parts: list[str] = []
    norm_starts: list[int] = []
    orig_starts: list[int] = []
    position = 0
    norm_length = 0
    for deleted in _DELETE.finditer(text):
        if deleted.start() > position:
            norm_starts.append(norm_length)
            orig_starts.append(position)
            norm_parts.append(text[position : deleted.start()])
            norm_length += deleted.start() - position
        position = deleted.end()
    if position < len(text):
        norm_starts.append(norm_length)
        orig_starts.append(position)
        norm_parts.append(text[position:])
    identity = norm_starts == [0] and orig_starts == [0]
    return "".join(norm_parts), OffsetMap(tuple(norm_starts), tuple(orig_starts), orig_length, identity)


def _rewrite(text: str, rewrites: list[tuple[int, int, str]], inner: OffsetMap) -> tuple[str, OffsetMap]:
    """Apply the rewrites to `text` (whose offsets `inner` maps to the original) and compose the maps."""
    parts: list[str] = []
    norm_starts: list[int] = []
    orig_starts: list[int] = []
    atom_ends: list[int] = []
    inner_starts = inner.norm_starts if not inner.identity else (0,)
    length = 0

    def keep(lo: int, hi: int) -> None:
        # A kept run of `text` can cross deletions: one 1:1 segment per inner segment it overlaps.
        nonlocal length
        index = max(0, bisect_right(inner_starts, lo) - 1)
        position = lo
        while position < hi:
            following = inner_starts[index + 1] if index + 1 < len(inner_starts) else hi
            stop = min(hi, following)
            if stop > position:
                norm_starts.append(length + position - lo)
                orig_starts.append(inner.to_original(position))
                atom_ends.append(-1)
            position = stop
            index += 1
        parts.append(text[lo:hi])
        length += hi - lo

    position = 0
    for start, end, replacement in rewrites:
        if start > position:
            keep(position, start)
        norm_starts.append(length)
        orig_starts.append(inner.to_original(start))
        atom_ends.append(inner.end_to_original(end))
        parts.append(replacement)
        length += len(replacement)
        position = end
    if position < len(text):
        keep(position, len(text))
    return "".join(parts), OffsetMap(tuple(norm_starts), tuple(orig_starts), inner.orig_length, False, tuple(atom_ends))

"""Numbers as pleadings write them: 50,000.00 / 5万 / 3万5千 / 伍万 / 二〇二一 / 俩 → Decimal."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache

import cn2an

CN_DIGITS = "零〇一二两俩三四五六七八九壹贰貳叁參参肆伍陆陸柒捌玖"
CN_UNITS = "十拾百佰千仟万萬亿億"
CN_NUMERAL = f"[{CN_DIGITS}{CN_UNITS}]"
# Variants cn2an does not know, mapped to ones it does.
_VARIANTS = str.maketrans({"俩": "两", "貳": "贰", "參": "叁", "参": "叁", "陸": "陆", "萬": "万", "億": "亿"})
_ARABIC = re.compile(r"\d+(?:\.\d+)?")
_DIGIT_VALUE = {c: i for i, c in enumerate("〇一二三四五六七八九")}
_DIGIT_VALUE.update({"零": 0, "两": 2})


@lru_cache(maxsize=4096)
def parse_number(raw: str) -> Decimal | None:
    """Decimal value of an Arabic, Chinese or mixed numeral; None when it is not one."""
    text = raw.replace(",", "").replace("，", "").translate(_VARIANTS).strip()
    if not text:
        return None
    if _ARABIC.fullmatch(text):
        return Decimal(text)
    if text.startswith("十") or text.startswith("拾"):
        text = "一" + text
    try:
        value = cn2an.cn2an(text, "smart")
    except (ValueError, KeyError, IndexError, TypeError):
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def parse_digit_string(raw: str) -> int | None:
    """二〇二一 → 2021 (digit by digit, as years are written)."""
    digits = []
    for char in raw.translate(_VARIANTS):
        if char.isdigit():
            digits.append(char)
        elif char in _DIGIT_VALUE:
            digits.append(str(_DIGIT_VALUE[char]))
        else:
            return None
    return int("".join(digits)) if digits else None


def parse_small(raw: str) -> int | None:
    """Month/day numbers: 3 / 三 / 十二 / 三十一 / 元 (元月 = January)."""
    if raw in ("元", "正"):
        return 1
    value = parse_number(raw)
    if value is None or value != value.to_integral_value():
        return None
    return int(value)

"""The fast scans of the recognisers find exactly what a plain `finditer` over the text finds.

Dates are tried only at the starts their anchors allow, money only in the runs of money
characters that hold a currency prefix or a unit, and rates behind look-aheads that turn away
hopeless starts; random texts over the characters those patterns care about (plus prose and
punctuation) must give the same matches and mentions either way.
"""

from __future__ import annotations

import random
import re

import pytest

from engine.extraction.recognisers import dates, money, rates

_ALPHABET = (
    "0123456789" * 3 + "〇零一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟萬"
    + "年月日号底末元正份同当本.-/,，。；、" + "人民币RMB¥￥$圆块钱角分整之" + "借款利息原告被告于向\n" + "٣３"
)
_SAMPLES = [
    "2021年3月5日借款5万元，同年5月6日又借3万5千元", "人民币壹拾万元整（100000元）", "¥50,000.00元",
    "2021.3.5还款1,000元", "二〇二一年元月16日", "2012年底", "12月3号", "5万分之一", "3万5千元5角6分",
    "RMB100", "RMB 100", "本年12月31日", "1999/12/31", "20211年3月", "123元4角5分整",
]


def _random_texts(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        pieces = [rng.choice(_SAMPLES) if rng.random() < 0.3 else "".join(rng.choices(_ALPHABET, k=rng.randint(1, 12)))
                  for _ in range(rng.randint(1, 12))]
        texts.append("".join(pieces))
    return texts


@pytest.mark.parametrize("seed", range(4))
def test_date_scan_equals_plain_finditer(seed: int) -> None:
    for text in _SAMPLES + _random_texts(1500, seed):
        assert dates.find_dates(text) == dates.dates_of(text, dates._DATE.finditer(text)), text


@pytest.mark.parametrize("seed", range(4))
def test_money_scan_equals_plain_finditer(seed: int) -> None:
    for text in _SAMPLES + _random_texts(1500, seed):
        assert money.find_money(text) == money.money_of(text, money._MONEY.finditer(text)), text


_RATE_ALPHABET = "0123456789.%％‰" * 2 + "一二两三四五六七八九十百千万分厘之年月日天化利率息标准为是按照约定:：每的/／ \n借款，。"
_RATE_SAMPLES = ["月息2分", "月息2分5厘", "年息一分五", "日万分之五", "年利率15.4%", "月利率百分之二", "每日千分之一",
                 "按年利率6%的四倍", "2%/月", "1.5分/月", "年化利率标准为：24%", "利息按每月2分", "3厘"]


def _plain_rate_pattern() -> re.Pattern[str]:
    """The rate pattern without its two guards (look-aheads), the bare alternation."""
    body = rates._RATE.pattern.split(")(?:", 1)[1]  # both alternatives, behind the guards
    return re.compile("(?:" + body)


@pytest.mark.parametrize("seed", range(4))
def test_rate_guards_change_no_match(seed: int) -> None:
    plain = _plain_rate_pattern()
    assert plain.pattern != rates._RATE.pattern
    rng = random.Random(seed)
    for _ in range(3000):
        text = "".join(rng.choice(_RATE_SAMPLES) if rng.random() < 0.3
                       else "".join(rng.choices(_RATE_ALPHABET, k=rng.randint(1, 10))) for _ in range(rng.randint(1, 8)))
        guarded = [(m.span(), m.groupdict()) for m in rates._RATE.finditer(text)]
        assert guarded == [(m.span(), m.groupdict()) for m in plain.finditer(text)], text

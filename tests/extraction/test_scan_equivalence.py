"""The fast scans of the recognisers find exactly what a plain `finditer` over the text finds.

Dates are tried only at the starts their anchors allow and money only in the runs of money
characters that hold a currency prefix or a unit; random texts over the characters those
patterns care about (plus prose and punctuation) must give the same mentions either way.
"""

from __future__ import annotations

import random

import pytest

from engine.extraction.recognisers import dates, money

_ALPHABET = (
    "0123456789" * 3 + "〇零一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟萬"
    + "年月日号底末元正份同当本.-/,，。；、" + "人民币RMB¥￥$圆块钱角分整之" + "借款利息原告被告于向\n"
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

"""Resident ID numbers (GB 11643): 18 characters, valid birth date, ISO 7064 MOD 11-2 check digit."""

from __future__ import annotations

import datetime as dt
import re

from engine.extraction.mention import Mention

# The look-behind sits after the first digit so the scan only starts at digits.
_ID = re.compile(r"\d(?<![0-9A-Za-z]\d)\d{16}[\dXx](?![0-9A-Za-z])")
_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK = "10X98765432"


def id_check_digit(first17: str) -> str:
    return _CHECK[sum(int(d) * w for d, w in zip(first17, _WEIGHTS, strict=True)) % 11]


def valid_id_number(number: str) -> bool:
    if len(number) != 18 or not number[:17].isdigit():
        return False
    try:
        dt.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return False
    return id_check_digit(number[:17]) == number[17].upper()


def find_id_numbers(text: str) -> list[Mention]:
    found = []
    for match in _ID.finditer(text):
        number = match.group().upper()
        if valid_id_number(number):
            birth = f"{number[6:10]}-{number[10:12]}-{number[12:14]}"
            gender = "男" if int(number[16]) % 2 else "女"
            info = {"birth_date": birth, "gender": gender}
            found.append(Mention("id_number", match.start(), match.end(), match.group(), number, 0.99, info))
    return found

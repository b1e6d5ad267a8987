"""Manifests over the team corpus (all four case types), written into a test's folder."""

from __future__ import annotations

import csv
import json
import os
import random
import re
import shutil
from pathlib import Path
from typing import Any

from engine.paths import CORPUS_DIR

LENDING = CORPUS_DIR / "private_lending"
COMPLAINTS = sorted((LENDING / "complaints").glob("*.txt"))
COURTS = ("qingpu", "wujiang", "jiashan")
HEADER = ["complaint", "answer", "court", "filing_date", "case_type"]


def answer_for(complaint: Path) -> Path | None:
    """pl_a_NNN answers pl_c_NNN."""
    number = complaint.stem.split("_")[2]
    answer = LENDING / "answers" / f"pl_a_{number}.txt"
    return answer if answer.exists() else None


def write_manifest(folder: Path, rows: list[list[str]], name: str = "manifest.csv") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        writer.writerows(rows)
    return path


def corpus_manifest(folder: Path, complaints: list[Path] | None = None) -> Path:
    """Every corpus complaint with its answer, courts in turn, one filing date a month (paths relative)."""
    rows = []
    for i, complaint in enumerate(complaints or COMPLAINTS):
        answer = answer_for(complaint)
        rows.append([
            os.path.relpath(complaint, folder),
            os.path.relpath(answer, folder) if answer else "",
            COURTS[i % 3],
            f"2023-{1 + i % 12:02d}-15",
            "private_lending",
        ])
    return write_manifest(folder, rows)


def copied_manifest(folder: Path, copies: int) -> Path:
    """`copies` cases made of the corpus pleadings copied under new stems (c0000 …), into folder/in/."""
    source = folder / "in"
    source.mkdir(parents=True, exist_ok=True)
    rows = []
    for i in range(copies):
        complaint = COMPLAINTS[i % len(COMPLAINTS)]
        answer = answer_for(complaint)
        shutil.copyfile(complaint, source / f"c{i:04d}.txt")
        if answer:
            shutil.copyfile(answer, source / f"a{i:04d}.txt")
        rows.append([f"in/c{i:04d}.txt", f"in/a{i:04d}.txt" if answer else "", COURTS[i % 3],
                     f"2023-{1 + i % 12:02d}-15", "private_lending"])
    return write_manifest(folder, rows)


def gold_names() -> set[str]:
    """Every party name, legal representative and agent the corpus gold files record."""
    names: set[str] = set()
    for gold in LENDING.glob("*/*.gold.json"):
        elements = json.loads(gold.read_text(encoding="utf-8")).get("elements", {})
        for item in elements.values():
            value = item.get("value") if isinstance(item, dict) else None
            for entry in value if isinstance(value, list) else []:
                if isinstance(entry, dict):
                    names.update(n for n in [entry.get("name"), entry.get("legal_representative"), *(entry.get("agents") or [])] if n)
                elif isinstance(entry, str):
                    names.add(entry)
    return names


# The mixed manifest: every case type of the team corpus, party names and ID numbers varied per copy.
CASE_TYPES = ("private_lending", "motor_vehicle_accident", "sale_contract", "labor_dispute")
PARTY_LISTS = ("plaintiffs", "defendants")
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红梅鹏飞鑫波斌宇浩凯健俊帆帅旭宁琳晶欣婷雪慧颖倩莉佳嘉琪怡悦晨阳昊然睿哲瑞博文远航轩宏志海峰辉龙建国庆春东新"
TRADE = ("鼎恒华永宏金瑞启德锦汇天众嘉联明卓兴福长博新立", "盛泰信安达源丰航润程通合诚和创辉越隆运青远宇")
# An organisation's place words (kept), before its trade name (字号, varied): 苏州市吴江区|鼎盛|纺织有限公司.
ORG_PLACE = re.compile(r"^(?:(?:上海|苏州|嘉兴|嘉善|吴江|青浦|秀洲|松陵|盛泽|惠民|江苏|浙江|姑苏|平湖)(?:省|市|区|县|镇|街道)?)*")
ID_IN_TEXT = re.compile(r"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])")
# The repeated lenders (name, ID): every LENDER_EVERY-th 民间借贷 copy with a natural-person plaintiff sues as one
# of them, so the 疑似职业放贷人 rule fires on those cases and on no other.
LENDERS = (("韩立群", "320509197203150414"), ("钱慧芬", "310118196811230627"), ("潘国栋", "330421197507280315"))
LENDER_EVERY = 8


def corpus_pairs(case_type: str) -> list[tuple[Path, Path | None]]:
    """(complaint, answer or None) of a case type's team corpus: XX_a_NNN answers XX_c_NNN."""
    folder = CORPUS_DIR / case_type
    pairs = []
    for complaint in sorted((folder / "complaints").glob("*.txt")):
        prefix, _, number = complaint.stem.split("_")[:3]
        answer = folder / "answers" / f"{prefix}_a_{number}.txt"
        pairs.append((complaint, answer if answer.exists() else None))
    return pairs


def _decode(data: bytes) -> tuple[str, str]:
    """(text, encoding to write it back in): the corpus holds UTF-8, UTF-8 with BOM and GBK files."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data.decode("utf-8-sig"), "utf-8-sig"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("gbk"), "gbk"


def _gold_parties(pleading: Path | None) -> list[dict[str, Any]]:
    gold = pleading.with_suffix(".gold.json") if pleading else None
    if gold is None or not gold.exists():
        return []
    elements = json.loads(gold.read_text(encoding="utf-8")).get("elements", {})
    parties = []
    for key in PARTY_LISTS:
        value = (elements.get(key) or {}).get("value") if isinstance(elements.get(key), dict) else None
        parties += [p for p in value or [] if isinstance(p, dict) and p.get("name")]
    return parties


def _person(rng: random.Random, name: str) -> str:
    """Another person's name of the same length (surname + given name)."""
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in name[1:])


def _organisation(rng: random.Random, name: str) -> str:
    """The same organisation with another trade name: the place words and the kind stay."""
    place = ORG_PLACE.match(name).group(0)  # type: ignore[union-attr]
    rest = name[len(place):]
    if len(rest) < 4:
        return name
    trade = rest[:2]
    while trade == rest[:2]:
        trade = rng.choice(TRADE[0]) + rng.choice(TRADE[1])
    return place + trade + rest[2:]


def _id_number(rng: random.Random, number: str) -> str:
    """Another valid ID of the same region, birth date and gender (sequence digits and check digit new)."""
    from engine.extraction.recognisers.ids import id_check_digit

    sequence = f"{rng.randrange(100):02d}{rng.randrange(int(number[16]) % 2, 10, 2)}"
    return number[:14] + sequence + id_check_digit(number[:14] + sequence)


def varied_names(copy: int, complaint: Path, answer: Path | None, lender: tuple[str, str] | None) -> dict[str, str]:
    """Old → new for every party name (parties, legal representatives, agents) and ID number of one copy;
    `lender`: the plaintiff becomes this (name, ID)."""
    rng = random.Random(f"{copy}:{complaint.name}")
    mapping: dict[str, str] = {}
    parties = _gold_parties(complaint) + _gold_parties(answer)
    if lender is not None and parties:
        mapping[parties[0]["name"]] = lender[0]
        if parties[0].get("id_number"):
            mapping[parties[0]["id_number"]] = lender[1]
    for party in parties:
        people = [party.get("legal_representative") or "", *(a for a in party.get("agents") or [] if isinstance(a, str))]
        if party["kind"] == "natural":
            people.append(party["name"])
        else:
            mapping.setdefault(party["name"], _organisation(rng, party["name"]))
        for person in people:
            if len(person) >= 2 and person not in mapping:
                mapping[person] = _person(rng, person)
    return mapping


def _rewrite(source: Path, target: Path, mapping: dict[str, str], rng: random.Random) -> None:
    text, encoding = _decode(source.read_bytes())
    names = {old: new for old, new in mapping.items() if not old[:1].isdigit()}
    ids = {old: new for old, new in mapping.items() if old[:1].isdigit()}
    if names:
        pattern = re.compile("|".join(map(re.escape, sorted(names, key=len, reverse=True))))
        text = pattern.sub(lambda m: names[m.group(0)], text)
    # Every other ID number in the text too (a copy's, consistent between its complaint and answer).
    text = ID_IN_TEXT.sub(lambda m: ids.setdefault(m.group(0), _id_number(rng, m.group(0))), text)
    target.write_bytes(text.encode(encoding))


def mixed_manifest(folder: Path, copies: int) -> tuple[Path, list[str]]:
    """`copies` cases of all four case types in turn (each type's corpus in turn), into folder/in/, with
    every party name and ID number varied per copy (deterministic: the same copies each run); returns the
    manifest and the stems of the cases whose plaintiff is one of LENDERS."""
    source = folder / "in"
    source.mkdir(parents=True, exist_ok=True)
    pairs = {case_type: corpus_pairs(case_type) for case_type in CASE_TYPES}
    rows, lent = [], []
    seen = dict.fromkeys(CASE_TYPES, 0)
    for i in range(copies):
        case_type = CASE_TYPES[i % len(CASE_TYPES)]
        complaint, answer = pairs[case_type][seen[case_type] % len(pairs[case_type])]
        seen[case_type] += 1
        plaintiff = next(iter(_gold_parties(complaint)), {})
        lender = None
        if case_type == "private_lending" and plaintiff.get("kind") == "natural" and seen[case_type] % LENDER_EVERY == 1:
            lender = LENDERS[len(lent) % len(LENDERS)]
            lent.append(f"m{i:04d}")
        mapping = varied_names(i, complaint, answer, lender)
        rng = random.Random(f"ids:{i}")
        _rewrite(complaint, source / f"m{i:04d}.txt", mapping, rng)
        if answer:
            _rewrite(answer, source / f"n{i:04d}.txt", mapping, rng)
        rows.append([f"in/m{i:04d}.txt", f"in/n{i:04d}.txt" if answer else "", COURTS[i % 3],
                     f"2023-{1 + i % 12:02d}-{1 + (i // 12) % 28:02d}", case_type])
    return write_manifest(folder, rows), lent

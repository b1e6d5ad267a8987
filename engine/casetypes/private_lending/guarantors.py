"""民间借贷: who guaranteed the loan, read from the phrases complaints use for it.

The generic name cue takes the party named nearest a guarantee word, which in running text is as often
the borrower the guarantee is *for* (甲为乙提供担保), the lender it is given *to*, or the other side of a
guarantee contract. These phrases say who gives the guarantee:

- 由(被告)甲、乙(作/提供/进行)连带责任保证 / 担保;
- 甲(作为/系/为)…担保人 / 保证人;
- 甲…(提供/承担/出具)…保证 / 担保 (甲为乙提供连带责任保证, 甲分别出具了《…保证担保的承诺函》);
- 与(被告)甲签订(了)保证合同 / 担保合同;
- 担保人 / 保证人：甲.

A security in property (抵押 / 质押) is not a guarantee: a phrase holding those words names no guarantor.
Names are the parties the complaint names; a person it names only as a guarantor is not found here.
"""

from __future__ import annotations

import re

from engine.extraction.document import Candidate, Document

_SECURITY = re.compile(r"抵押|质押|质权|抵押权")
# The party a guarantee is given for or to: 为乙 / 对被告乙 / 替乙 / 向乙 right before the names.
_FOR = re.compile(r"(?:[为对替向给](?:被告|原告)?)\Z")
# One name list: names joined by 、 / 和 / 及 / 以及, each optionally after 被告.
_JOIN = r"(?:、|和|及|以及|与)(?:被告)?"


def _phrases(names_alt: str) -> list[re.Pattern[str]]:
    names = rf"(?P<names>(?:{names_alt})(?:{_JOIN}(?:{names_alt}))*)"
    return [
        re.compile(rf"由(?:被告)?{names}(?:个人|自愿)?(?:作为?|做|提供|进行|承担|签字|签名)?[^，,。；;]{{0,12}}?"
                   r"(?P<kw>连带责任保证|连带保证|保证|担保)"),
        re.compile(rf"{names}(?:作为|系|为|是|即)[^，,。；;]{{0,8}}?(?P<kw>担保人|保证人)"),
        # …出具承诺书一份，承诺作为保证人: across a comma, but no other party in between.
        re.compile(rf"{names}(?:(?!被告|{names_alt})[^。；;]){{0,25}}?(?:作为|系)(?P<kw>担保人|保证人)"),
        re.compile(rf"{names}[^，,。；;]{{0,30}}?(?:提供|承担|出具)[^，,。；;]{{0,20}}?(?P<kw>保证|担保)"),
        re.compile(rf"与(?:被告)?{names}签订(?:了)?[^，,。；;]{{0,10}}?(?P<kw>保证|担保)(?:担保)?(?:合同|协议|书)"),
        re.compile(rf"(?P<kw>担保人|保证人)(?:为|是)?[:：]?{names}"),
    ]


def _inside_name(text: str, names: list[str], position: int) -> bool:
    for name in names:
        start = text.rfind(name, max(0, position - len(name) + 1), position + len(name))
        if 0 <= start <= position < start + len(name):
            return True
    return False


def guarantors_by_phrase(doc: Document) -> Candidate | None:
    """The parties the complaint's guarantee phrases name, in text order; None when no phrase names one."""
    names = sorted({n for n in doc.party_names() if len(n) >= 2}, key=len, reverse=True)
    if not names:
        return None
    names_alt = "|".join(re.escape(n) for n in names)
    plaintiffs = {p["name"] for p in doc.parties.get("plaintiffs", [])}
    text = doc.text
    found: dict[str, tuple[int, int]] = {}
    for index, pattern in enumerate(_phrases(names_alt)):
        for match in pattern.finditer(text):
            if _inside_name(text, names, match.start("kw")):
                continue  # 融诚担保公司: the guarantee word is part of a party's name
            if _SECURITY.search(match.group()) or (index >= 2 and _FOR.search(text[max(0, match.start("names") - 3) : match.start("names")])):
                continue  # 甲以房产抵押 / 对被告乙…承担保证: a security in property, or the debtor guaranteed
            listed = match.group("names")
            offset = match.start("names")
            for name in names:
                for hit in re.finditer(re.escape(name), listed):
                    start = offset + hit.start()
                    if name in plaintiffs or name in found or text.startswith("的", start + len(name)):
                        continue  # 在被告乙某的财产…不能履行时承担保证责任: 乙某 is the debtor
                    # 张三丰 holds 张三: a shorter name inside a longer one already found is not another party.
                    if any(s <= start < e for s, e in found.values()):
                        continue
                    found[name] = (start, start + len(name))
    if not found:
        return None
    ordered = sorted(found.items(), key=lambda item: item[1][0])
    return Candidate("guarantors", [n for n, _ in ordered], [s for _, s in ordered], 0.8, "derived", ordered[0][1][0])


def without_plaintiffs(doc: Document, guarantors: Candidate) -> Candidate | None:
    """The cue's guarantors less the plaintiffs (a lender does not guarantee a loan to himself)."""
    plaintiffs = {p["name"] for p in doc.parties.get("plaintiffs", [])}
    kept = [n for n in guarantors.value if n not in plaintiffs]
    if len(kept) == len(guarantors.value):
        return guarantors
    if not kept:
        return None
    spans = [s for s in guarantors.spans if doc.text[s[0] : s[1]] not in plaintiffs]
    return Candidate("guarantors", kept, spans or guarantors.spans, guarantors.confidence, guarantors.source,
                     guarantors.order)

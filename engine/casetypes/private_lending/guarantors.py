"""民间借贷: who guaranteed the loan, read from the phrases complaints use for it.

The generic name cue takes the party named nearest a guarantee word, which in running text is as often
the borrower the guarantee is *for* (甲为乙提供担保), the lender it is given *to*, or the other side of a
guarantee contract. These phrases say who gives the guarantee:

- 由(被告)甲、乙(作/提供/进行)连带责任保证 / 担保;
- 甲(作为/系/为)…担保人 / 保证人;
- 甲…(提供/承担/出具)…保证 / 担保 (甲为乙提供连带责任保证, 甲分别出具了《…保证担保的承诺函》);
- 与(被告)甲签订(了)保证合同 / 担保合同;
- 担保人 / 保证人：甲 / 担保人为(被告)甲 (甲 may be named nowhere else);
- 甲在借条担保人处签名 / 甲在借条上签字担保 / ，甲作为担保人… (甲 may be named nowhere else);
- 由某某有限公司、被告乙提供连带责任保证 (a company named only there).

- 甲、乙为其担保 / 丙为该借款作保 / 丁向原告出具保证书 / 原告与某某公司签订保证合同 (a company named only there).

A security in property (抵押 / 质押) is not a guarantee: a phrase holding those words names no guarantor; nor is a
guarantee of another debt (乙曾为甲的银行贷款提供担保, 为甲欠丙的货款担保, an earlier loan the sentence says was
repaid) or the security for a preservation application.
Names are the parties the complaint names (a defendant the suit was withdrawn against included), and a person who
signed the IOU as guarantor.
"""

from __future__ import annotations

import bisect
import re

from engine.extraction.document import Candidate, Document
from engine.extraction.parties import ORG_NAME, PERSON_NAME, aliases, running_name

_GUARANTEE = re.compile(r"保证|担保|作保")
# 与原告另行签订保证合同 / 亦与原告签订: an adverb between the parties and the signing.
_ALSO = r"(?:另行|另外|另|又|还|亦|也|分别|同时|共同)?"
# 在借条担保人处签名 / 在借条上签字担保 / 在保证人一栏签字 (the paper unsaid) / 以担保人(的)身份(在借条上)签字.
_SIGN = r"(?:签字|签名|捺印|签章|盖章|加盖(?:了)?(?:公章|印章|单位公章))"
_ON_THE_IOU = (r"(?:(?:在|于)(?:(?:借条|借据|欠条|借款合同|合同|担保书|保证书)(?:上)?[^，,。；;]{0,6}?"
               rf"(?:(?P<kw>担保人|保证人)(?:处|一栏|栏|位置)?(?:上)?{_SIGN}|(?:{_SIGN})?(?P<kw2>担保|作保)(?![人方]))"
               rf"|(?P<kw3>担保人|保证人)(?:处|一栏|栏|位置)(?:上)?{_SIGN})"
               rf"|以(?P<kw4>担保人|保证人)的?身份(?:在[^，,。；;]{{0,12}}?)?{_SIGN})")
_KW_GROUPS = ("kw", "kw2", "kw3", "kw4")
# Who a guarantor the complaint names only as such is (案外人 / 其朋友 / 被告甲的弟弟 / 原告的同事), before his name.
_KIN_WORDS = (r"(?:朋友|同事|亲戚|同学|妻子?|丈夫|父亲|母亲|儿子|女儿|哥哥|弟弟|姐姐|妹妹|岳父|岳母|女婿|姐夫|妹夫|舅舅|叔叔"
              r"|表哥|表弟|堂哥|堂弟|侄子|外甥|老乡|战友|友人)")
_WHO = (rf"(?:案外人|第三人|其{_KIN_WORDS}|(?:被告|原告)(?:[\u4e00-\u9fff]{{2,4}}?)?(?:的|之){_KIN_WORDS}"
        # 公司股东甲、乙 / 该公司法定代表人丙 / 其实际控制人丁: who he is in the borrowing company.
        r"|(?:该|其|被告)?(?:公司|单位|企业)?的?(?:股东|法定代表人|负责人|总经理|经理|董事长|实际控制人|员工))?")
# Several such guarantors in one list (甲、乙二人 / 甲和乙夫妇): split by `_outsiders_in`.
_LIST_TAIL = r"(?:[二两三四五]人|等人|夫妇|夫妻)?"
_NAMES = rf"(?:{PERSON_NAME}(?:、|和|及|与))*{PERSON_NAME}"
_SPLIT = re.compile(r"(?:、|和|及|与)")
# A guarantor the complaint names only there, not as a party: two or three characters starting a clause.
_NON_PARTY = re.compile(rf"(?:^|(?<=[，,。；;：:\n]))(?:并|且|另|由)?{_WHO}(?P<name>{ORG_NAME}|(?:[\u4e00-\u9fff]{{2,3}}?、)*[\u4e00-\u9fff]{{2,3}}?)"
                        rf"{_LIST_TAIL}(?:亦|也|还|同时|均|分别)?{_ON_THE_IOU}")
# …，夏某某作为担保人为此次借款提供担保: a guarantor named only there, starting a clause (not a verb:
# …，承诺作为保证人).
_NON_PARTY_AS = re.compile(r"(?:^|(?<=[，,。；;：:\n]))(?:并|且|另|由)?" + _WHO
                           + r"(?!承诺|同意|愿意|自愿|表示|答应|保证|担保)(?P<name>(?:(?![款借债])[\u4e00-\u9fff]){2,3}?)(?:作为|系)"
                           r"(?:本案|该笔|此次|这笔|本次|上述)?(?:借款)?的?(?:担保人|保证人)")
# A guarantor named only where he gives the guarantee, starting a clause, perhaps after who he is (案外人 /
# 其朋友): …，案外人甲为该笔借款提供连带责任保证 / 其朋友乙作为担保人签字 / 丙自愿承担连带保证责任 / 丁作保.
_GIVES = (r"(?:(?:作为|系|是|即)(?:本案|该笔|此次|这笔|本次|上述|该|此)?(?:借款|债务)?的?(?:连带责任)?(?:担保人|保证人)"
          r"|为(?:该|此|其|上述|这|本)?(?:笔|次)?(?:借款|债务|款项)?(?:提供|承担|进行|作)?(?:了)?(?:连带责任|连带)?(?:保证|担保|作保)"
          r"|(?:同意|愿意|自愿)?(?:为(?:该|此|上述|这|本)?(?:笔|次)?(?:借款|债务|款项))?(?:提供|承担|进行)(?:了)?"
          r"(?:连带责任|连带)?(?:保证|担保)"
          r"|(?:具名|签名|签字)?(?:作保|担保)(?=[，,。；;]|$)"  # 丙具名担保: signed as guarantor
          r"|与原告" + _ALSO + r"(?:签订|签署|订立)(?:了)?[^，,。；;]{0,10}?(?:保证|担保)(?:担保)?(?:合同|协议|书)"
          # 向原告出具保证书 / 签署担保函: the guarantor's own paper.
          r"|(?:向原告)?(?:出具|签署|提交|递交)(?:了)?(?:一份)?[《“]?[^，,。；;]{0,10}?(?:保证书|担保书|担保函|保证函))")
_NON_PARTY_GIVES = re.compile(r"(?:^|(?<=[，,。；;：:\n]))(?:并|且|另|还)?(?:由)?" + _WHO + rf"(?P<name>{ORG_NAME}|{_NAMES})"
                              + _LIST_TAIL + r"(?:共同|均|分别)?" + _GIVES)
# …，该借款由甲担保 / 由甲提供连带责任保证 / 由被告甲的朋友乙、丙二人担保: a guarantor after 由 (a company after 由
# is read below).
_NON_PARTY_BY = re.compile(rf"(?:由|经(?!原告|被告|法院|本院|他人|人)){_WHO}(?P<name>{_NAMES}){_LIST_TAIL}(?:个人|自愿|共同)?(?:作为?|做|提供|进行|承担)?(?:了)?"
                           r"(?:连带责任|连带)?(?:保证|担保|作保)(?![\u4e00-\u9fff]{0,4}(?:公司|集团|中心))")  # not 由某某担保公司负担
# 担保人甲在借条上签字 / 担保人甲、乙签名 / 保证人即被告丙: the role word right before the names (not after
# 作为 / 为: 承诺作为保证人督促还款 says what someone is, and a verb follows).
_ROLE_BEFORE = re.compile(rf"(?<!作为)(?<![为是系即当])(?:担保人|保证人|担保方|保证方)(?!式)(?:即|系|为|是|[:：])?\s*(?:被告)?(?P<names>{PERSON_NAME}(?:(?:、|和|及)(?:被告)?{PERSON_NAME})*)")
# What follows the role word when no name does: 担保人处签名 / 担保人位置上 / 担保人落款处 / 担保人亦未….
_NOT_SIGNER = re.compile(r"^(?:签|补|找|提供|落实|盖|捺|身份|姓名|名字|本人|亦|须|需|要|和|与|及|或|均|都|也|同|等|只|仅)|处|栏|位置|落款|一方")
_NOT_A_PERSON = re.compile(r"[告其我他她它该此均也]|(?:借款|出借|担保|保证|介绍|见证|证明|经办|收款|债务|债权|代理|当事|继承|本|个|他|家|亲"
                           r"|别|众|[二两三四]|对|双|一|我|[甲乙丙丁]|贷|借|[被原]告)(?:人|方)$|^(?:人|方)")  # 借款人 / 对方, not 李东方 / 高立人
_PERSON_RE = re.compile(PERSON_NAME)
_CLAUSE_STOP = re.compile(r"[，,。；;]")
# A guarantor named only after the word (保证人：甲 / 担保人为甲), not as a party.
_NAMED_AFTER = re.compile(r"(?:担保人|保证人)(?:为|是|[:：])\s*(?P<name>[\u4e00-\u9fff]{2,3})(?=[，,。；;、\s]|$)")
# A company the complaint names only in a 由…保证 list, not as a party: 由某某有限公司、被告乙提供连带责任保证.
_NON_PARTY_COMPANY = re.compile(
    r"由(?:被告)?(?P<name>(?:(?!被告|的)[\u4e00-\u9fff（）()]){2,30}?(?:有限责任公司|有限公司|公司))"
    r"(?=(?:(?:、|和|及)(?:被告)?[^，,。；;、]{1,30}?)*(?:个人|自愿)?(?:作为?|做|提供|进行|承担)?[^，,。；;]{0,12}?"
    r"(?:连带责任保证|连带保证|保证|担保))"
)
# 原告与某某投资担保有限公司签订保证合同: a guarantor named only as the other side of the guarantee contract.
# (原告另行签订… is the guarantor's own contract with the plaintiff: 原告 is no name.)
_CONTRACTED = re.compile(rf"(?:原告)?与(?!原告|被告)(?P<name>{ORG_NAME}|{PERSON_NAME}){_ALSO}(?:签订|签署|订立)(?:了)?[^，,。；;]{{0,10}}?"
                         r"(?:保证|担保)(?:担保)?(?:合同|协议|书)")
_SECURITY = re.compile(r"抵押|质押|质权|抵押权")
# 以其车辆提供担保 / 以房产作担保: a thing given as security (as 抵押 / 质押), not a person's guarantee.
_WITH_A_THING = re.compile(r"以(?!担保人|保证人|个人|其个人|本人)[^，,。；;]{1,12}?(?:提供|作为?|进行|设定|做)(?:了)?(?:连带)?$")
# 并非担保人 / 未提供担保 / 拒绝担保: a guarantee denied (不能履行时承担保证责任 is no denial).
_NEGATED = re.compile(r"(?:并非|不是|并不是|非|并未|未曾|未|没有|没|拒绝|拒不|不)(?:曾|再|愿|同意)?(?=提供|出具|作为|是|为|系|签|担保|作保)")  # 未承担保证责任 is a guarantor who did not pay
# The party a guarantee is given for or to: 为乙 / 对被告乙 / 替乙 / 向乙 right before the names.
_FOR = re.compile(r"(?:[为对替向给在](?:被告|原告)?)$")  # 在被告甲不能履行时: 甲 is the debtor
# Names joined into one list: 、 / 和 / 及 / 以及 / 与, each optionally followed by 被告 (or a numbered label: 被告三 /
# 第三被告, the next name right after it).
_JOIN = re.compile(r"(?:、|和|及|以及|与)(?:被告[一二三四五六七八九十]{0,2}|第[一二三四五六七八九十]{1,2}被告)?")
# What comes before a name list (matched on the text just before it) and after it (matched at its end):
# (before, after, whether 为乙 / 对乙 in front rules the list out, whether the gap may hold no other party).
_PHRASES: tuple[tuple[re.Pattern[str] | None, re.Pattern[str] | None, bool, bool], ...] = (
    (re.compile(r"(?:由|经|通过)(?:被告)?$"),
     re.compile(r"(?:个人|自愿)?(?:作为?|做|提供|进行|承担|签字|签名)?[^，,。；;]{0,12}?(?P<kw>连带责任保证|连带保证|保证|担保)"),
     False, False),
    # 甲在被告乙(的)担保下向原告借款: the one under whose guarantee the loan was made.
    (re.compile(r"在(?:被告)?$"), re.compile(r"(?:的)?(?:连带责任|连带)?(?P<kw>保证|担保)下"), False, False),
    (None, re.compile(r"(?:作为|系|为|是|即)[^，,。；;]{0,8}?(?P<kw>担保人|保证人)"), False, False),
    # …出具承诺书一份，承诺作为保证人: across a comma, but no other party in between; across a semicolon only into a
    # clause with no subject of its own (…一份；承诺作为保证人: one subject's two predicates).
    (None, re.compile(r"(?:(?!被告)[^。；;]){0,25}?(?:作为|系)(?P<kw>担保人|保证人)"
                      r"|(?:(?!被告)[^。；;]){0,20}?[；;](?:并|又|且|还)?(?:承诺|自愿|同意|愿意)(?:(?!被告)[^。；;]){0,6}?"
                      r"(?:作为|系)(?P<kw2>担保人|保证人)"), True, True),
    (None, re.compile(r"[^，,。；;]{0,30}?(?:提供|承担|出具)[^，,。；;]{0,20}?(?P<kw>保证|担保)"), True, False),
    # 甲、乙为其担保 / 丙为此笔借款作了担保: the guarantee of this loan right after the names, nobody else between.
    (None, re.compile(r"(?:共同|均|分别|也|亦)?为(?:其|此|该|上述|这|本)?(?:笔|次)?(?:借款|债务|款项)?(?:作|进行|提供)?(?:了)?"
                      r"(?:连带责任|连带)?(?P<kw>保证|担保|作保)(?![人方书函合协公])"), False, False),
    (re.compile(r"与(?:被告)?$"), re.compile(r"签订(?:了)?[^，,。；;]{0,10}?(?P<kw>保证|担保)(?:担保)?(?:合同|协议|书)"),
     False, False),
    (None, re.compile(rf"(?:又|还|另)?与原告{_ALSO}(?:签订|签署|订立)(?:了)?[^，,。；;]{{0,10}}?(?P<kw>保证|担保)(?:担保)?(?:合同|协议|书)"),
     False, False),
    (re.compile(r"(?P<kw>担保人|保证人)(?:为|是)?[:：]?(?:被告)?$"), None, False, False),
    # 在借条担保人处签名 / 在借条上签字担保: a signature on the IOU as guarantor.
    (None, re.compile(_ON_THE_IOU), False, False),
)


def _occurrences(text: str, names: list[str]) -> list[tuple[int, int, str]]:
    """Every place a party is named, longest names first (张三丰 is not also 张三), in text order."""
    taken: list[tuple[int, int, str]] = []  # kept in text order, never overlapping: bisect, not a scan
    for name in sorted(names, key=len, reverse=True):
        position = text.find(name)
        while position >= 0:
            end = position + len(name)
            index = bisect.bisect_left(taken, (end,))
            # Only the last occurrence starting before `end` can overlap: the earlier ones end before it starts.
            if index == 0 or taken[index - 1][1] <= position:
                taken.insert(index, (position, end, name))
            position = text.find(name, end)
    return taken


def _lists(text: str, found: list[tuple[int, int, str]]) -> list[tuple[int, int, list[tuple[int, str]]]]:
    """Each name with the names joined after it (甲、乙和被告丙): (start, end, [(position, name)])."""
    by_start = {start: (end, name) for start, end, name in found}
    lists = []
    inner: set[int] = set()  # names inside a list that starts earlier: 对被告甲、乙… is one list
    for start, end, name in found:
        if start in inner:
            continue
        members = [(start, name)]
        while True:
            join = _JOIN.match(text, end)
            nxt = by_start.get(join.end()) if join else None
            if join is not None and nxt is None:
                # 乙公司、丙对甲的债务承担连带担保责任: a person the complaint names only in the list.
                person = _PERSON_RE.match(text, join.end())
                if person is not None and _outsider(person.group()):
                    nxt = (person.end(), person.group())
            if join is None or nxt is None:
                break
            members.append((join.end(), nxt[1]))
            inner.add(join.end())
            end = nxt[0]
        lists.append((start, end, members))
    return lists


def _inside_name(found: list[tuple[int, int, str]], position: int) -> bool:
    index = bisect.bisect_right(found, (position, float("inf"))) - 1
    return index >= 0 and found[index][0] <= position < found[index][1]


def guarantors_by_phrase(doc: Document) -> Candidate | None:
    """The parties the complaint's guarantee phrases name, in text order; None when no phrase names one."""
    # A defendant the suit was later withdrawn against may still have guaranteed the loan.
    names = [n for n in (*doc.party_names(), *(p["name"] for p in doc.parties.get("withdrawn", []))) if len(n) >= 2]
    text = doc.text
    if not _GUARANTEE.search(text):
        return None
    plaintiffs = {p["name"] for p in doc.parties.get("plaintiffs", [])}
    occurrences = _occurrences(text, names)
    chosen: dict[str, tuple[int, int]] = {}
    # Where a guarantor named only as such starts (…，其朋友乙作为担保人): no phrase reaches across him.
    outsiders = sorted(m.start("name") for m in (*_NON_PARTY_AS.finditer(text), *_NON_PARTY_GIVES.finditer(text))
                       if _outsider(m.group("name")))
    for start, end, members in _lists(text, occurrences):
        if _in_aside(text, start):
            continue  # 被告乙公司（甲系该公司法定代表人）为该借款提供保证: the aside only says who 甲 is
        lead = text[max(0, start - 12) : start]
        for before, after, not_for, alone in _PHRASES:
            head = before.search(lead) if before is not None else None
            if before is not None and head is None:
                continue
            if not_for and _FOR.search(lead):
                continue  # 为乙提供担保 / 对被告乙…承担保证责任: 乙 is the debtor
            tail = after.match(text, _past_aside(text, end)) if after is not None else None
            if after is not None and tail is None:
                continue
            if tail is not None:
                keyword = next(tail.start(g) for g in _KW_GROUPS if g in tail.re.groupindex and tail.group(g) is not None)
            elif head is not None:
                keyword = start - len(lead) + head.start("kw")
            else:
                continue
            if _inside_name(occurrences, keyword):
                continue  # 融诚担保公司: the guarantee word is part of a party's name
            gap = text[end:keyword] if tail is not None else ""
            if _by_another(text, occurrences, end, keyword):
                continue  # 被告甲由被告乙提供担保向原告借款: the guarantor follows 由, 甲 is the borrower
            if _SECURITY.search(gap) or _NEGATED.search(gap) or _WITH_A_THING.search(gap) or (alone and (_inside_any(occurrences, end, keyword) or _between(outsiders, end, keyword))) or _subject_in_gap(text, occurrences, end, keyword):
                continue  # 以房产提供抵押担保: a security in property; another party in between
            for position, name in members:
                # 在被告乙某的财产…不能履行时承担保证责任: a name followed by 的 is the debtor's; 丙（甲之兄）为该借款
                # 提供担保: followed by 之, it only says who another is.
                under = head is not None and head.group().startswith("在") and tail is not None  # 在乙的担保下
                if name in plaintiffs or name in chosen or (
                        not under and text.startswith(("的", "之"), position + len(name))):
                    continue
                chosen[name] = (position, position + len(name))
            break
    for match in _NON_PARTY_COMPANY.finditer(text):
        name, stop = match.group("name"), _CLAUSE_STOP.search(text, match.end())
        if name not in chosen and name not in plaintiffs and not _SECURITY.search(
                text, match.end(), stop.start() if stop else len(text)):
            chosen[name] = match.span("name")
    for match in _NAMED_AFTER.finditer(text):
        name = match.group("name")
        if name not in chosen and name not in plaintiffs and not _NOT_A_PERSON.search(name) and not any(
                n.startswith(name) or name.startswith(n) for n in chosen):
            chosen[name] = match.span("name")
    for match in (*_NON_PARTY.finditer(text), *_NON_PARTY_AS.finditer(text), *_NON_PARTY_GIVES.finditer(text),
                  *_NON_PARTY_BY.finditer(text), *_CONTRACTED.finditer(text)):
        if _SECURITY.search(match.group()):
            continue
        for name, span in _outsiders_in(match):
            if name not in chosen and name not in plaintiffs:
                chosen[name] = span
    for match in _ROLE_BEFORE.finditer(text):
        for name in re.split(r"(?:、|和|及)(?:被告)?", match.group("names")):
            if name not in chosen and name not in plaintiffs and _outsider(name) and not _NOT_SIGNER.search(name):
                start = text.find(name, match.start("names"))
                chosen[name] = (start, start + len(name))
    for name, span in _labelled_guarantee(text, occurrences):
        if name not in chosen and name not in plaintiffs:
            chosen[name] = span
    for name, span in _its_guarantee(text, occurrences):
        if name not in chosen and name not in plaintiffs:
            chosen[name] = span
    chosen = {name: span for name, span in chosen.items() if not _of_another_debt(text, span)}
    short = aliases(text, list(chosen))
    # 某某商贸有限公司（以下简称商贸公司）…商贸公司承担保证责任: the short name is the same guarantor.
    chosen = {name: span for name, span in chosen.items() if short.get(name, name) == name or short[name] not in chosen}
    if not chosen:
        return None
    # In the order the complaint first names them (the phrase that makes one a guarantor may come later).
    ordered = sorted(chosen.items(), key=lambda item: min(item[1][0], text.find(item[0])))
    return Candidate("guarantors", [n for n, _ in ordered], [s for _, s in ordered], 0.8, "derived", ordered[0][1][0])


# 被告一甲公司，被告二乙。…被告二提供连带责任担保: a numbered label standing for the name it first headed.
_LABEL = r"(?:被告(?P<a>[一二三四五六七八九十]{1,2})|第(?P<b>[一二三四五六七八九十]{1,2})被告)"
_LABEL_NAMED = re.compile(_LABEL + r"[:：]?")
_LABEL_GIVES = re.compile(r"(?:^|(?<=[，,。；;：:\n]))(?:并|且|另|由)?" + _LABEL + r"(?:共同|均|分别|也|亦|还)?" + _GIVES)


def _labelled_guarantee(text: str, found: list[tuple[int, int, str]]) -> list[tuple[str, tuple[int, int]]]:
    """The party a numbered label stands for where the label alone gives the guarantee (被告二提供担保 /
    第二被告为该借款提供连带责任保证): the name that label first headed (被告二乙 / 第二被告乙)."""
    gives = list(_LABEL_GIVES.finditer(text))
    if not gives:
        return []
    starts = {start: name for start, _, name in found}
    labels: dict[str, tuple[str, tuple[int, int]]] = {}
    for match in _LABEL_NAMED.finditer(text):
        label = match.group("a") or match.group("b")
        name = starts.get(match.end())
        if name is not None and label not in labels:
            labels[label] = (name, (match.end(), match.end() + len(name)))
    out = []
    for match in gives:
        named = labels.get(match.group("a") or match.group("b"))
        if named is not None and not _SECURITY.search(match.group()) and not _NEGATED.search(match.group()):
            out.append(named)
    return out


# …，其向原告出具承诺书，承诺对上述借款承担连带保证责任: 其 gives the guarantee, the clause before names who 其 is.
# (其法定代表人 / 其妻 name another: 其 must be the clause's subject, a verb right after it.)
_ITS = re.compile(r"(?<=[，,])其(?=向|为|自愿|愿意|同意|承诺|亦|也|还|又|并|另|出具|签署|签订|提供|承担|对)(?:[^，,。；;]{0,20}?(?:提供|承担|出具|签署)[^，,。；;]{0,20}?(?:保证|担保)(?![人方])"
                  r"|[^，,。；;]{0,20}?(?:保证书|担保书|承诺书|承诺函)[^。；;]{0,30}?(?:保证责任|担保责任|连带责任保证))")
_SUBJECT_LEAD = re.compile(r"(?:并|且|另|同时)?(?:被告)?$")


def _its_guarantee(text: str, found: list[tuple[int, int, str]]) -> list[tuple[str, tuple[int, int]]]:
    """The party 其 stands for where 其 gives the guarantee: the subject of the clause before, in its sentence (甲系
    该公司实际控制人，其向原告出具承诺书…); none when a security in property is given (以其房产抵押)."""
    out = []
    for match in _ITS.finditer(text):
        if _SECURITY.search(match.group()) or _NEGATED.search(match.group()):
            continue
        comma = match.start() - 1
        begin = max(text.rfind(stop, max(0, comma - 60), comma) for stop in "，,。；;：:\n") + 1
        index = bisect.bisect_left(found, (begin,))
        if index < len(found) and found[index][1] <= comma and _SUBJECT_LEAD.fullmatch(text[begin : found[index][0]]):
            out.append((found[index][2], (found[index][0], found[index][1])))
    return out


# What a guarantee in the sentence is for when it is not the loan sued on: a bank's loan, a goods debt, another
# loan (乙曾为甲在某银行的贷款提供担保 / 为甲欠丙的货款提供担保), or the plaintiff's application for preservation.
_ANOTHER_DEBT = re.compile(r"为[^，,。；;]{0,30}?(?:银行|信用社|农商行|贷款公司|小贷|小额贷款|货款|工程款|租金|另一笔|另外一笔|前一笔|其他债务)"
                           r"[^，,。；;]{0,12}?(?:担保|保证|作保)")
# 申请财产保全，由某保险公司提供担保 (not 担保范围包括…保全费).
_PRESERVATION = re.compile(r"申请[^，,。；;]{0,6}保全|保全(?:申请|措施)|(?:财产|诉讼|证据)保全(?!费)")
_SENTENCE_STOP = re.compile(r"[。；;\n]")
_SENTENCE_REACH = 300
# 该笔借款已经还清: the sentence's loan was settled, so the guarantee in it is not of the loan sued on.
_SETTLED = re.compile(r"(?:该|此|上述|这)(?:笔|次)?借款[^，,。；;]{0,4}(?:已经|已|早已)(?:全部)?(?:还清|结清|清偿完毕|付清)")


def _of_another_debt(text: str, span: tuple[int, int]) -> bool:
    """Whether the sentence naming a guarantor ties his guarantee to a debt other than the loan sued on."""
    floor = max(0, span[0] - _SENTENCE_REACH)  # bounded both ways: a huge text without full stops stays linear
    begin = max(floor - 1, *(text.rfind(mark, floor, span[0]) for mark in "。；;\n")) + 1
    stop = _SENTENCE_STOP.search(text, span[1], span[1] + _SENTENCE_REACH)
    end = stop.start() if stop else min(len(text), span[1] + _SENTENCE_REACH)
    sentence = text[begin:end]
    return bool(_ANOTHER_DEBT.search(text, span[1], min(end, span[1] + 50))
                or _PRESERVATION.search(sentence) or _SETTLED.search(sentence))


def _guarantees_another_debt(text: str, name: str) -> bool:
    """Every guarantee the name gives in the text is of another debt (乙为甲欠丙的货款提供担保)."""
    spans = [(m.start(), m.end()) for m in re.finditer(re.escape(name), text)
             if _GUARANTEE.search(_clause_of(text, m.end(), m.end() + 60))]
    return bool(spans) and all(_of_another_debt(text, span) for span in spans)


def _outsiders_in(match: re.Match[str]) -> list[tuple[str, tuple[int, int]]]:
    """The names of a `name` group that may be a list (甲、乙 / 甲和乙): each piece that is a person's name; the
    whole when it is one name or a company's."""
    whole, start = match.group("name"), match.start("name")
    if re.fullmatch(ORG_NAME, whole) or ("、" not in whole and len(whole) <= 4):  # 李和平 is one name
        return [(whole, (start, start + len(whole)))] if _outsider(whole) or running_name(whole) else []
    found, at = [], start
    for piece in _SPLIT.split(whole):
        if not _outsider(piece):
            return []  # one piece no name: the list was read wrongly
        found.append((piece, (at, at + len(piece))))
        at += len(piece) + 1
    return found


def _outsider(name: str) -> bool:
    """A name read where a guarantor is named only as such: a person's name, not a word (承诺 / 其本人)."""
    return running_name(name) and not _NOT_A_PERSON.search(name)


_ASIDE = re.compile(r"[（(][^（()）]{1,20}[）)]")


def _in_aside(text: str, position: int) -> bool:
    """Whether a position is inside a bracketed aside opened at most 20 characters before it."""
    lead = text[max(0, position - 20) : position]
    opened = max(lead.rfind("（"), lead.rfind("("))
    return opened >= 0 and max(lead.rfind("）"), lead.rfind(")")) < opened


def _past_aside(text: str, end: int) -> int:
    """Where the sentence goes on after a name: past a bracketed aside (乙（系被告甲之父）在借条担保人处签字)."""
    aside = _ASIDE.match(text, end)
    return aside.end() if aside else end


def _between(positions: list[int], start: int, end: int) -> bool:
    """Whether a sorted list holds a position in [start, end)."""
    index = bisect.bisect_left(positions, start)
    return index < len(positions) and positions[index] < end


def _subject_in_gap(text: str, found: list[tuple[int, int, str]], start: int, end: int) -> bool:
    """由甲实际控制的被告乙公司提供担保: a party after 的 (的被告) between a name and the guarantee word is what the
    clause is about; the name before it only describes that party."""
    index = bisect.bisect_left(found, (start,))
    while index < len(found) and found[index][0] < end:
        if re.search(r"的(?:被告)?$", text[max(start, found[index][0] - 3) : found[index][0]]):
            return True
        index += 1
    return False


_BY_LEAD = re.compile(r"(?:由|经|通过|在)(?:被告)?$")


def _by_another(text: str, found: list[tuple[int, int, str]], start: int, end: int) -> bool:
    """甲由乙提供担保: another party right after 由 between a name and the guarantee word gives the guarantee."""
    return any(start < o_start and o_end <= end and _BY_LEAD.search(text, start, o_start)
               for o_start, o_end, _ in found)


def _inside_any(found: list[tuple[int, int, str]], start: int, end: int) -> bool:
    index = bisect.bisect_left(found, (start,))
    return index < len(found) and found[index][0] < end


def _borrows(text: str, name: str) -> bool:
    """甲向原告借款 / 甲以…为由向原告借 / 甲借到: the name is the subject of a borrowing."""
    return re.search(re.escape(name) + r"(?:[^，,。；;]{0,24}?向原告[^，,。；;]{0,10}?借|(?:共同)?借(?:款|到|钱|得))",
                     text) is not None


def _secures_with_a_thing(text: str, name: str) -> bool:
    """甲以其房产作担保 / 甲以车辆提供担保: the name gives a thing as security, not his own guarantee."""
    return re.search(re.escape(name) + r"[^，,。；;]{0,4}?以(?!担保人|保证人|个人|其个人|本人)[^，,。；;]{1,12}?"
                     r"(?:提供|作为?|进行|设定|做)(?:了)?(?:连带)?(?:担保|作保)", text) is not None


def _denied(text: str, name: str) -> bool:
    """甲只是介绍人，并非担保人 / 甲未提供担保: the name's guarantee word is denied, within the sentence."""
    return re.search(re.escape(name) + r"[^。；;]{0,20}?" + _NEGATED.pattern + r"[^，,。；;]{0,6}?(?:担保|保证)",
                     text) is not None


def without_plaintiffs(doc: Document, guarantors: Candidate) -> Candidate | None:
    """The nearest-name cue's guarantors less the plaintiffs (a lender does not guarantee a loan to himself) and
    the borrowers (…向原告借款，借条上另有担保人签字: the name nearest the word is the one guaranteed)."""
    plaintiffs = {p["name"] for p in doc.parties.get("plaintiffs", [])}
    kept = [n for n in guarantors.value if n not in plaintiffs and not _borrows(doc.text, n)
            and not _denied(doc.text, n) and not _secures_with_a_thing(doc.text, n)
            and not _guarantees_another_debt(doc.text, n)]
    if len(kept) == len(guarantors.value):
        return guarantors
    if not kept:
        return None
    spans = [s for s in guarantors.spans if doc.text[s[0] : s[1]] in kept]
    return Candidate("guarantors", kept, spans or guarantors.spans, guarantors.confidence, guarantors.source,
                     guarantors.order)


def claimed_guarantors(doc: Document, claim: Candidate) -> Candidate | None:
    """The guarantors a guarantee claim names when the facts name none, less those the claim holds liable only as
    mortgagors or pledgors (判令乙在抵押物范围内承担担保责任: a security in property is no guarantee)."""
    kept = [(name, span) for name, span in zip(claim.value, claim.spans, strict=False)
            if not _SECURITY.search(_clause_of(doc.text, span[1])) and not _only_repays(doc.text, span[1])
            and not _SHAREHOLDER.search(_clause_of(doc.text, span[1]))]
    if not kept:
        return None
    return Candidate("guarantors", [n for n, _ in kept], [s for _, s in kept], 0.7, "derived", kept[0][1][0])


# 判令甲公司偿还借款500万元，其余被告承担连带清偿责任: the name's own clause repays, the liability is the next
# clause's, whose subject (其余被告 / 其他被告) is unnamed; the name is the debtor, not a guarantor.
_REPAYS = re.compile(r"^[^，,。；;]{0,6}?(?:偿还|归还|返还|支付|清偿)(?!连带)")
_LIABLE = re.compile(r"连带|保证|担保")


# 判令股东乙在未出资范围内承担补充赔偿责任: a shareholder's liability for his unpaid capital, not a guarantee.
_SHAREHOLDER = re.compile(r"未(?:足额|全面)?(?:缴纳)?出资|出资不实|抽逃出资|瑕疵出资|出资范围")


def _only_repays(text: str, position: int) -> bool:
    clause = _clause_of(text, position)
    return bool(_REPAYS.match(clause)) and not _LIABLE.search(clause)


def _clause_of(text: str, position: int, limit: int | None = None) -> str:
    """The text from `position` to the end of its clause (the next ，。；), at most up to `limit`."""
    end = len(text) if limit is None else min(len(text), limit)
    stop = _CLAUSE_STOP.search(text, position, end)
    return text[position : stop.start() if stop else end]

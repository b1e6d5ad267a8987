"""The party block: 原告/被告/第三人 (and 答辩人/被答辩人 in answers) with their particulars.

Each party starts at a role word at the beginning of a line or clause; its particulars
run to the next role word. Values follow the spec's party object.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cached_property, lru_cache
from typing import Any

from engine.extraction.document import Candidate, Document
from engine.extraction.recognisers.money import find_money
from engine.extraction.stops import start_of


class _Lazy:
    """A pattern compiled on first use. The party-list patterns repeat the whole name grammar once per list
    member (tens of KB each); a process that never reads a party (yaosu draft, validate, meta) should not
    compile them when the package is imported."""

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern

    @cached_property
    def compiled(self) -> re.Pattern[str]:
        return re.compile(self.pattern)

    def search(self, text: str, pos: int = 0, endpos: int = 2**63 - 1) -> re.Match[str] | None:
        return self.compiled.search(text, pos, endpos)

    def finditer(self, text: str, pos: int = 0, endpos: int = 2**63 - 1) -> Iterator[re.Match[str]]:
        return self.compiled.finditer(text, pos, endpos)

_ROLE_WORDS = {
    "被答辩人": "plaintiffs",
    "被上诉人": "plaintiffs",
    "被申请人": "defendants",
    "被告": "defendants",
    "被起诉人": "defendants",
    "原告": "plaintiffs",
    "起诉人": "plaintiffs",
    "申请人": "plaintiffs",
    "第三人": "third_parties",
    "答辩人": "defendants",
}
_ROLE_ALT = "|".join(sorted(_ROLE_WORDS, key=len, reverse=True))
# A role word also starts a party right after a job title whose full stop the source lost (法定代表人陈某，公司
# 总经理被告陈某…): 经理 / 董事长 / 主任 / 厂长 / 员工 … end the previous party's particulars.
_AFTER_TITLE = "|".join(f"(?<={title})" for title in ("经理", "董事长", "董事", "监事", "主任", "厂长", "员工", "职工", "职员"))
# A role word with its colon starts a party wherever it stands (原告：甲被告：乙 / …住某市被告：丙, the stop lost).
_ROLE_LABEL = rf"(?:{_ROLE_ALT})[:：]"
_PARTY = re.compile(
    rf"(?:^|(?<=[\n。；;，,×])|{_AFTER_TITLE}|(?={_ROLE_LABEL}))[ \t]*(?P<role>{_ROLE_ALT})(?:[（(](?P<alias>[^）)\n]{{1,12}})[）)])?[:：]?"
    rf"(?P<name>(?:(?!{_ROLE_LABEL})[^，,。；;：:\n（(]){{1,40}}(?:[（(][^）)\n]{{1,12}}[）)][^，,。；;：:\n（(]{{0,30}})?)"
)
_GENDER = re.compile(r"(?:^|[，,:：])(?:性别[:：])?(?P<g>男|女)(?=[，,。；;\n]|$)")
_ETHNIC = re.compile(r"(?:^|[，,])(?:民族[:：])?(?P<e>[\u4e00-\u9fff]{1,5}族)(?=[，,。；;\n]|$)")
_ADDRESS = re.compile(
    r"(?:^|[，,。；;\n])(?:住所地|住址|住所|经营场所|经营地址|地址|户籍地|住)(?:[:：]|在|于)?(?P<a>[^，,。；;\n]{2,80})"
)
_REPRESENTATIVE = re.compile(r"(?:法定代表人|负责人|经营者|投资人)[:：]?(?P<n>[^，,。；;\n（(]{1,20})")
_AGENT = re.compile(r"(?P<common>共同)?委托(?:诉讼)?代理人[:：]?(?P<n>[^，,。；;\n（(]{1,20})")
_BIRTH_AFTER = re.compile(r"^(?:出生|生)")
_BIRTH_BEFORE = re.compile(r"(?:出生日期|出生年月日|出生年月|出生于|生于)[:：]?$")
_OTHER_ORG = re.compile(r"(?:经营部|商行|门市部|个体工商户|分公司|合伙企业|工作室|服务部|加工厂|店|超市|养殖场|农场|林场|种植场|诊所|工程队"
                        r"|经销部|批发部|商场|宾馆|餐厅)$")
_LEGAL_ORG = re.compile(r"(?:公司|银行|合作社|集团|厂|医院|学校|研究所|中心|协会|委员会|信用社|事务所|研究院|基金会)")
# Words that end a name inside it; 向 is the one written three ways: any 向 inside a person's name, not the
# 向 of 向阳 / 向荣 / 向日 inside a company's (江西向阳实业有限公司), and at a name's start only before whom it points at
# (向 is a surname too: 被告向东明).
_STOP_WORDS = r"(?:诉称|辩称|与|因|系|{toward}|诉|的|为|等)"
_TOWARD = (r"向(?:原告|被告|其|法院|法庭|本院|他|她|银行|公司|我|你|该|对方|亲|朋友|别人|外人|社会|多人|个人|案外|第三|上述|小额|贷款"
           r"|信用|农村|民间|网络|平台|单位|同事|债权人|出借人)")
_NAME_STOP = re.compile(_STOP_WORDS.format(toward="向"))
_ORG_STOP = re.compile(_STOP_WORDS.format(toward="向(?!阳|荣|日)"))
_NAME_STOP_START = re.compile(_STOP_WORDS.format(toward=_TOWARD))


_EMBEDDED_ROLE = re.compile(r"(?<=[\u4e00-\u9fff\d、])(?:原告|被告|第三人)(?=[\u4e00-\u9fff])")
_NAME_END = re.compile(r"法定代表人|负责人|经营者|委托(?:诉讼)?代理人")
_ALIAS = re.compile(r"[（(](?:以下简称|以下称|下称|简称)[^）)]*[）)]")
_NOT_A_NAME = re.compile(r"[《》]|的(?!公司)")


_COUPLE_TAIL = re.compile(r"(?<=[\u4e00-\u9fff]{2})(?:夫妇|夫妻|二人|两人|三人)$")


@lru_cache(maxsize=4096)
def _clean_name(raw: str) -> str:
    name = raw.strip(" \t\"“”'")
    name = _ALIAS.sub("", name)  # 某某有限公司（以下简称某某公司） → 某某有限公司
    name = _COUPLE_TAIL.sub("", name)  # 原告甲、乙夫妇 → 乙
    cut = _NAME_END.search(name)
    if cut and cut.start() > 0:
        name = name[: cut.start()]
    # 张三（曾用名张山） → 张三; company names keep their brackets (上海某某（集团）有限公司).
    bracket = re.search(r"[（(]", name)
    if bracket and not _LEGAL_ORG.search(name[bracket.start() :]) and not _OTHER_ORG.search(name):
        name = name[: bracket.start()]
    return name.strip()


def is_organisation(name: str) -> bool:
    """Whether a name is an organisation's (a company, a bank, a shop …) by what its name says it is."""
    return _kind(name, False) != "natural"


def _kind(name: str, has_representative: bool) -> str:
    if _OTHER_ORG.search(name):
        return "other"
    if _LEGAL_ORG.search(name) or has_representative:
        return "legal"
    return "natural"


def _birth_date(doc: Document, start: int, end: int) -> str | None:
    text = doc.text
    for mention in doc.mentions_in(start, end, "date"):
        if _BIRTH_AFTER.match(text[mention.end : mention.end + 2]) or _BIRTH_BEFORE.search(
            text[max(start, mention.start - 8) : mention.start]
        ):
            return mention.value
    return None


_CASE_KIND = re.compile(r"(?<=[\u4e00-\u9fff])(?:民间借贷|金融借款合同|借款合同|借贷|买卖合同|保证合同|追偿权|劳动争议|劳动合同"
                        r"|机动车交通事故责任|合同)纠纷(?:一案)?$")


def parse_parties(doc: Document) -> None:
    text = doc.text
    head_start, head_end = doc.section("head")
    matches = [m for m in _PARTY.finditer(text, head_start, head_end) if _valid(m.group("name"))]
    extra: list[tuple[str, str, int]] = []  # 原告吴某被告吴某被告付某: parties run together with no stop
    parties: dict[str, list[dict[str, Any]]] = {"plaintiffs": [], "defendants": [], "third_parties": []}
    spans: dict[str, list[tuple[int, int]]] = {"plaintiffs": [], "defendants": [], "third_parties": []}
    for index, match in enumerate(matches):
        role = _role(match.group("role"), match.group("alias"))
        # 原告甲诉被告乙、被告丙民间借贷纠纷一案: a case title names both sides, then the kind of dispute.
        name = _CASE_KIND.sub("", _clean_name(match.group("name")))
        if not name:
            continue
        listed = _listed_names(name) if not _EMBEDDED_ROLE.search(name) else []  # 甲诉被告乙、被告丙: roles decide
        if listed:
            # 原告张某、李某: two parties of one role with no particulars of their own.
            name = listed[0]
            offset = match.start("name")
            for piece in listed[1:]:
                extra.append((role, piece, text.find(piece, offset + len(name))))
        pieces = _EMBEDDED_ROLE.split(name)
        if len(pieces) > 1 and all(0 < len(piece) <= 12 for piece in pieces):
            roles = [_ROLE_WORDS[m.group()] for m in _EMBEDDED_ROLE.finditer(name)]
            # 原告甲与原告乙: the word joining two parties belongs to neither.
            pieces = [piece[:-1] if len(piece) > 2 and piece[-1] in "与、诉" else piece for piece in pieces]
            name = pieces[0]
            offset = match.start("name") + match.group("name").find(name[:1])
            for piece, piece_role in zip(pieces[1:], roles, strict=True):
                extra.append((piece_role, piece, text.find(piece, offset + len(name))))
        block_end = matches[index + 1].start() if index + 1 < len(matches) else head_end
        details = text[match.end("name") : block_end]
        party = _particulars(doc, name, details, match.end("name"), block_end)
        if any(p["name"] == name and (p == party or not _has_particulars(party)) for p in parties[role]):
            continue  # the same party named twice; two parties of one masked name (张某1) both stay
        if party.pop("_common_agents", None):
            for earlier in parties[role]:
                earlier["agents"].extend(a for a in party["agents"] if a not in earlier["agents"])
        parties[role].append(party)
        name_start = match.start("name") + match.group("name").find(name[:1])
        spans[role].append((name_start, name_start + len(name)))
    if not parties["plaintiffs"]:
        # No party block: 原告张某向本院提出诉讼请求 / 张某诉称 (how judgments retell a complaint).
        for name, position in _claimants(text):
            if not any(p["name"] == name for p in parties["plaintiffs"]):
                parties["plaintiffs"].append(_particulars(doc, name, "", position, position))
                spans["plaintiffs"].append((position, position + len(name)))
    if not parties["plaintiffs"]:
        # A complaint whose party block is not given (诉讼请求：… to the signature): who signs it is the plaintiff.
        for name, position in _signers(text, doc.section("body")[1] or 0):
            parties["plaintiffs"].append(_particulars(doc, name, "", position, position))
            spans["plaintiffs"].append((position, position + len(name)))
    if not parties["plaintiffs"]:
        # 原告向本院提出诉讼请求…事实与理由：原告王某与被告…: the name comes later, after 原告.
        for name, position in _named_defendants(text, _PLAINTIFF):
            if not any(p["name"] == name for p in parties["plaintiffs"]):
                parties["plaintiffs"].append(_particulars(doc, name, "", position, position))
                spans["plaintiffs"].append((position, position + len(name)))
    for role, name, position in extra:
        if not any(p["name"] == name for p in parties[role]):
            parties[role].append(_particulars(doc, name, "", position, position))
            spans[role].append((position, position + len(name)))
    if not parties["defendants"]:  # none in the party block: 判令被告李某归还… / 判令明辉公司偿还…
        claimants = {p["name"] for p in parties["plaintiffs"]}
        named = _named_defendants(text)
        claims = doc.sections.get("claims")
        # From the claims on (the whole account when it has no claims passage: …，现要求甲、乙共同偿还): a later
        # change of the claims (追加被告, 变更诉讼请求) names parties too.
        claims_start = claims[0] if claims else doc.section("body")[0]
        named += [(n, at) for n, at in _claim_named(text, claims_start, doc.section("body")[1] or len(text))
                  if n not in claimants and all(n != other for other, _ in named)]
        named += [(n, at) for n, at in _sued_as(text) if n not in claimants and all(n != o for o, _ in named)]
        named = _without_run_ons(named)
        named = _without_figures_run_on(text, named)
        # 被告某某有限公司（以下简称某某公司）…某某公司偿还: the short name is the same party.
        short = aliases(text, [n for n, _ in named])
        named = [(n, at) for n, at in named if short.get(n, n) == n or short[n] not in (o for o, _ in named)]
        named.sort(key=lambda item: item[1])
        if not named:  # 各被告为其继承人：妻子乙、长子丙 / 请求判令二被告偿还… with the names only in the account
            named = _heirs(text, claimants) or _from_the_account(text, claimants)
        else:  # 请求判令二被告… with one called 被告 and his spouse only in the account (甲与乙系夫妻)
            named = _count_completed(text, named, claimants)
        for name, position in named:
            if not any(p["name"] == name for p in parties["defendants"]):
                parties["defendants"].append(_particulars(doc, name, "", position, position))
                spans["defendants"].append((position, position + len(name)))
    withdrawn = _withdrawn(text, {p["name"] for p in parties["defendants"]})
    if withdrawn and len(withdrawn) < len(parties["defendants"]):
        # 庭审中原告撤回对被告乙的起诉: the defendants are those finally sued. The withdrawn stay known (a
        # guarantee they gave is still a fact of the loan), under a role no element reads.
        kept = [i for i, p in enumerate(parties["defendants"]) if p["name"] not in withdrawn]
        parties["withdrawn"] = [p for p in parties["defendants"] if p["name"] in withdrawn]
        spans["withdrawn"] = [s for p, s in zip(parties["defendants"], spans["defendants"], strict=True)
                              if p["name"] in withdrawn]
        parties["defendants"] = [parties["defendants"][i] for i in kept]
        spans["defendants"] = [spans["defendants"][i] for i in kept]
    if doc.norm.text != doc.norm.original:
        for role, found in parties.items():
            for party, span in zip(found, spans[role], strict=True):
                written = as_written(doc, party["name"], span)
                if written != party["name"]:
                    doc.written_names[party["name"]] = written
    doc.parties = parties
    doc.party_spans = spans
    _amounts_after_masked_names(doc)
    for role, found in parties.items():
        if found and role != "withdrawn":
            doc.add(Candidate(role, found, spans[role], 0.95, "parties", spans[role][0][0]))


# The signature of a complaint: 具状人：张三 / 起诉人：李四 on its own line after the body (not 代书人 / 代理人).
_SIGNER = re.compile(r"(?m)^[ \t\u3000]*(?:具状人|起诉人)[ \t\u3000]*[:：]?[ \t\u3000]*(?P<name>[^\s：:，,。；;（()）]{2,30})[ \t\u3000]*$")


def _signers(text: str, body_end: int) -> list[tuple[str, int]]:
    """(name, offset) of who signs a complaint, from its signature block on."""
    found: list[tuple[str, int]] = []
    for match in _SIGNER.finditer(text, body_end):
        name = _clean_name(match.group("name"))
        if name and _valid(name) and name not in _ROLE_WORDS and name not in (n for n, _ in found):
            found.append((name, match.start("name")))
    return found


def _amounts_after_masked_names(doc: Document) -> None:
    """借给被告杨某16万元 with the party 杨某1 (and no 杨某16): the figure the recogniser ran into the masked name's
    number starts after the name."""
    names = sorted({n for n in doc.party_names() if "某" in n and n[-1].isdigit()}, key=len, reverse=True)
    if not names:
        return
    text, changed = doc.text, False
    for index, mention in enumerate(doc.mentions):
        if mention.kind != "money":
            continue
        for name in names:
            name_start = text.rfind(name, max(0, mention.start - len(name) + 1), mention.start + len(name))
            name_end = name_start + len(name)
            if name_start < 0 or not name_start < mention.start < name_end < mention.end:
                continue
            if any(other != name and text.startswith(other, name_start) and len(other) > len(name) for other in names):
                continue
            found = find_money(text[name_end : mention.end])
            if len(found) == 1 and found[0].end == mention.end - name_end:
                doc.mentions[index] = found[0].shifted(name_end)
                changed = True
            break
    if changed:
        doc.mentions.sort(key=lambda m: (m.start, -m.end))
        doc._starts = None


# 撤回对被告乙、丙的起诉 / 申请撤回对乙的诉讼: the persons a withdrawal names (not 撤回第二项诉讼请求 / 撤回利息的请求).
_WITHDRAWAL = re.compile(r"撤回(?:了)?(?:其|原告)?(?:对|针对)(?P<who>[^，,。；;]{2,60}?)(?:的|之)?(?:全部)?(?:起诉|诉讼(?!请求))")
_WITHDRAWN_SPLIT = re.compile(r"(?:、|和|及|以及|与)")


def _withdrawn(text: str, defendants: set[str]) -> set[str]:
    """The defendants a withdrawal of the suit against them names, each whole between the list joins."""
    found: set[str] = set()
    for match in _WITHDRAWAL.finditer(text):
        for piece in _WITHDRAWN_SPLIT.split(match.group("who")):
            name = re.sub(r"^(?:被告(?:人|[一二三四五六七八九十])?)", "", piece.strip())
            if name in defendants:
                found.add(name)
    return found


_LIST_SEPARATOR = re.compile(r"[、]")
# An appeal retold (上诉人张三上诉称): 上诉人 is the role word and 上诉称 the verb, not the name's last character.
_CLAIMANT = re.compile(
    r"(?:^|(?<=[\n。]))[ \t]*(?:原告|起诉人|上诉人)?(?P<names>[^，,。；;：:\n（()）]{1,40}?)"
    r"(?:向本院提出诉讼请求|向本院提起诉讼|向本院起诉|起诉称|上诉称|诉称)"
)


# A masked name: 李某, 张某1, 王某某, and as other sources mask them 杨x0, 余x12, 袁2 (a surname and a number
# that is no date, amount or count: 于2015年 / 王2万元 are not names; 于x3 before 2016年 where the source lost
# the full stop between two sentences), 张×, 李××, 赵*, 张**.
_NOT_MASK_NUMBER = r"(?![\d年月日号元万千百.．%％个次笔\-/－])"  # a date (2014-01-08, 2014/1/8), an amount, a count
_MASKED = (r"[\u4e00-\u9fff]{1,3}(?:某[某甲乙丙丁]*(?:\d{1,3}" + _NOT_MASK_NUMBER + r")?|[xX×]{1,2}\d{0,4}" + _NOT_MASK_NUMBER
           + r"|[xX×]{1,2}\d{1,2}(?=(?:19|20)\d\d年)"  # 于x32016年: a sentence run on into a date
           r"|\d{1,4}" + _NOT_MASK_NUMBER + r"|[*＊]{1,3})"
           r"|[×*＊]{2,3}(?![×*＊\d])")  # ×××: the whole name masked
_MASKED_NAME = re.compile(r"[\u4e00-\u9fff](?:某[某甲乙丙丁\d]*|[xX×]{1,2}\d{0,4}|\d{1,4}|[*＊]{1,3})|[×*＊]{2,3}")
# An organisation: up to its first suffix, then the rest of a full name (某某集团股份有限公司, 某某发展中心有限公司,
# 某某银行股份有限公司某某支行).
# (a shop, a farm, an office: 某某五金店 / 某某超市 / 某某养殖场 / 某某律师事务所 are parties as well).
_ORG_SUFFIX = (r"(?:有限公司|公司|厂|合作社|医院|基金会|中心|村委会|委员会|银行|支行|信用社|学校|集团|经营部|商行|门市部"
               r"|商店|五金店|超市|商场|饭店|酒店|宾馆|餐厅|养殖场|农场|林场|种植场|事务所|研究所|诊所|工作室|服务部|经销部|批发部"
               r"|工程队|合伙企业)")
# A branch after the company's name (某某有限公司吴江分公司), its characters not what a sentence says next.
_ORG_BRANCH = r"(?:(?:(?![借还欠付向于与系在的和及从把将对给通、])[\u4e00-\u9fff]){2,8}?(?:分公司|支行|分行|营业部))"
_ORG_REST = (r"(?:(?:股份有限公司|有限责任公司|有限公司|股份公司|公司)" + _ORG_BRANCH + "?|" + _ORG_BRANCH + ")?")
# Its characters do not run over what a sentence says before it (甲通过其公司 / 甲作为乙公司 / 甲系乙公司 / 甲经营乙超市 /
# 甲开办乙养殖场); 向 only as the verb (江西向阳实业 is a name), 于 only first, in a place name (于都县某某公司; 甲于苏州市
# 某某公司工作 is a person at his work).
_ORG = (r"(?:于(?=[\u4e00-\u9fff]{1,2}(?:县|市|区|镇|乡)))?(?:(?![借还欠付于与系其即并对将把由]|向(?!阳|荣|日)|被告|原告|通过|作为|担任|的|经营|开办|开设|承包|成立|注册|设立|名下|入股"
        # 投资 / 管理 as verbs (甲投资乙公司), not inside a name (某某投资担保有限公司 / 某某物业管理有限公司).
        r"|投资(?!有限|管理|发展|咨询|控股|担保|集团|公司|股份|理财|顾问|实业|建设)|管理(?!有限|公司|咨询|服务|集团|股份)"
        r"|控制|任职|就职|工作|上班|所在"
        # …nor over an amount in Chinese numerals (被告甲在壹仟万元限额内为乙公司…), as Arabic digits never are.
        r"|[零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟]+(?:万|亿)?元)[\u4e00-\u9fff（）()]){2,30}?"
        + _ORG_SUFFIX + _ORG_REST)
# What a sentence does right after a name (李四归还 / 王小明于 / 赵六向 / 于龙知情后 / 吴某提出 / 姜文晓的婚姻 /
# 李明华以…为由 / 经营 / 作为 / 收到 / 名下 / 拖欠 / 均未 / 应对 / 表示 / 至今 / 夫妻二人 / 通过 / 同意 / 一直 /
# 分两次 / 第一笔 / 并未 / 就此 / 从原告处 / 找到 / 现下落不明 / 到期 / 当时 / 不还 / 没有, or punctuation and brackets;
# a bare 的 is not enough: 被告驾驶员的车辆).
# 欠 / 遂 / 即 / 亦 / 后 / 确认 / 答应 / 实际 / 亲笔 / 为共同被告 start what the sentence says of the person (被告甲欠原告 /
# 被告甲遂向 / 被告甲后又借款 / 被告甲答应 / 被告甲为借款人), no given name ends in them.
_FOLLOW = (r"(?=[向于因在称借共，,。、与及和归偿支承还等给立对依返赔负用将系未已拒仍多曾又再出是签原做知提以"
           r"并就也则从找却不没现当按到该其每把被今只仅欠遂即亦后经（()）：:；;“”\"\s]|$|作为|收到|名下|拖欠"
           r"|伙同|协同|联合|会同|连同|陪同"
           # …and what a party does in an accident (被告甲驾驶 / 被告乙骑行 / 被告丙所有的车辆 / 在被告丁处投保).
           r"|驾驶|驾车|驾乘|骑行|骑乘|骑着|骑车|乘坐|搭乘|行驶|所有|投保|承保|持有|停放|倒车|超车|逆行|闯"
           r"|确认|答应|承认|声称|实际|亲笔|具名|介绍|联系|经手|见证|在场|口头|书面|手写|开办|开设|承包|投资|成立|注册|设立|入股|控制|管理|任职|就职|工作|上班|居住|打工|务工|继承"
           # …and the time or manner words a sentence goes on with (被告甲陆续 / 被告甲随后 / 被告甲自2015年起 / 被告甲2015年…).
           r"|陆续|累计|分期|按月|逐月|随后|随即|于是|同时|一起|一同|一并|合计|另|屡次|多年|长期|迟迟|始终|依旧"
           r"|自(?=\d|今|此|[一二三四五六七八九十〇零])|(?:19|20)\d\d年"
           # 被告甲为购房向原告借款 / 为做生意需要: 为 with the purpose (李大为向原告借款 keeps its 为).
           r"|为(?![向借])(?=[\u4e00-\u9fff]{1,8}?(?:向原告|向其|借款|借钱|需要|所需|之需))|为(?:共同|借款人|担保人|保证人|债务人|连带)"
           r"|均未|均没|均拒|均同意|均表示|均系|均在|均为|均已|均应|分别|先后|应对|应当|应承担|表示|至今|自愿|愿意|自己|本人|个人|亲自"
           r"|夫妻|夫妇|二人|两人|通过|同意|一直|每月|分[两二三四五六七八九十]次|第[一二三四五六七八九十\d]{1,2}[笔次]|作担保|作保|担保|保证|提供"
           r"|为(?:该|此|其|上述|这|本|借款|被告|原告)|之(?:夫|妻|子|女|父|母)|的(?:婚姻|配偶|妻子|丈夫|夫妻|签名|签字|捺印|名义)"
           # 打入被告乙(的)账户 / 被告乙的银行卡: the payee named before his account.
           r"|的?(?:银行账户|账户|账号|银行卡|卡号|微信|支付宝))")
# A natural person: two to four characters (黄方宇宙), the fewest before what the sentence does next.
_PERSON = r"(?:[\u4e00-\u9fff]{1,6}·[\u4e00-\u9fff]{1,8}?|[\u4e00-\u9fff]{2,4}?)" + _FOLLOW  # 阿不都·热合曼
# A defendant named in running text: a company, a masked name, or a person's name before what a sentence does next.
_NAME = r"(?:" + _ORG + "|" + _MASKED + "|" + _PERSON + ")"
# For the case types' own readings of running text (a guarantor named only where he signs): a person's name,
# an organisation's.
PERSON_NAME = r"(?:" + _MASKED + "|" + _PERSON + ")"
ORG_NAME = _ORG
_LIST_MAX = 12


def _name_list(name: str, join: str, group: str = "names") -> str:
    """A list of up to `_LIST_MAX` names, each in its own group (names0, names1 …): the names as the whole list
    split them (陈家和、李四: the list's own reading, not a split at every 和)."""
    pattern = ""
    for index in reversed(range(1, _LIST_MAX)):
        pattern = f"(?:{join}(?P<{group}{index}>{name}){pattern})?"
    return f"(?P<{group}>(?P<{group}0>{name}){pattern})"


def _list_members(match: re.Match[str], group: str = "names") -> list[tuple[str, int]]:
    return [(match.group(f"{group}{i}"), match.start(f"{group}{i}")) for i in range(_LIST_MAX)
            if match.group(f"{group}{i}") is not None]


# 被告 / 被告人 / 被告一 (a numbered label: 被告一张三 / 被告二李四; not 被告一次性 / 被告二人).
# The numeral of a label, not of a word (被告一直未 / 被告二人 / 被告一次性 / 被告一审).
_NOT_LABEL = r"(?![次人名审方位个并起同直再律概贯定些旦家般致年月天共度切样点下边面手身口])"
# 被告人保财险… / 被告人寿保险公司: an insurer's short name after 被告, not the criminal role word 被告人.
_DEFENDANT_WORD = r"被告(?:人(?![保寿民])|[一二三四五六七八九十]" + _NOT_LABEL + ")?"
# Names joined into one list after one role word: 、 / 和 / 及 / 以及, each optionally with 被告 (被告二) again; 与 only
# before a role word (被告甲与乙公司签订… names a contract's other side, not a party).
_JOIN = r"(?:(?:、|以及|和|及)(?:" + _DEFENDANT_WORD + r")?|与" + _DEFENDANT_WORD + ")"
# 被告一：甲；被告二：乙 — a numbered label may take a colon before its name.
_DEFENDANT = _Lazy(_DEFENDANT_WORD + r"(?:(?<=[一二三四五六七八九十])[:：])?" + _name_list(_NAME, _JOIN))
_PLAINTIFF = _Lazy(r"(?<![、和及与])原告(?:[一二三四五六七八九十]" + _NOT_LABEL + ")?" + _name_list(_NAME, r"、(?:原告)?"))
# 以甲、乙为被告 / 追加甲为被告 / 将甲列为被告: persons the plaintiff sues, named before the role word.
_SUED_AS = _Lazy(r"(?:以|将|追加|把)" + _name_list(_NAME, r"(?:、|和|及)") + r"(?:列)?(?:为|作为)(?:共同)?被告")
# What follows 被告 in a claim when no name does (被告立即归还 / 被告承担 / 被告将上述款项).
_NOT_A_DEFENDANT = re.compile(
    r"^(?:赔偿|赔付|垫付|转账|汇款|付款|交付|清偿|退还|认为|认可|认定|驾驶|驾车|乘坐|立即|承担|将|应(?:当|该|于|按|承担|偿还|归还|支付|向|对|付|在|由|予|返还|给付|将|共同|连带|负|还|立即|依|以|及时|与|和)|归还|偿还|支付|共同|连带|对|在|一次|返还|"
    # 向 / 尚 / 曾 are surnames too (被告向东, 被告尚海燕, 被告曾志强): words only before what they start.
    + _TOWARD + r"|按|自|以|尚(?:欠|未|有|余|差|剩|不|结|需|须|拖|无)|承|确认|认可|还|借|已|未|及|所|给付|负担|偿付|"
    r"人(?![保寿民])|二|三|四|均|等|各|一|再|又|仍|即|并|则|曾(?:经|于|多次|向|借|在|为|以|承诺|表示|出具|答应|[\d])|因|称|系|是|为|"
    r"共|和|与|之|的|本|该|此|其|"
    # 被告于2015年… / 被告方未… but 被告于龙 / 被告方晓军: these two are surnames too.
    r"于(?:[\d０-９〇零一二三四五六七八九十]|当|同|次|上|此|本|借|是|其)|方(?:[，,。]|未|没|拒|应|已|面)|"
    r"至今|仅|没有|签订|签署|申请|多次|经原告|经多次|拒不|拒绝|分别|分[两二三四五六七八九十\d]|每月|到期|不|也|就|把|却|虽|但|"
    r"同意|如|若|要求|可以|被|而|出具|提供|拖欠|逾期|依|请|违约|收到|欠|书写|写|按|总|另|先后|当|无|现|给|"
    r"夫妻|父亲|母亲|儿子|女儿|妻子|丈夫|配偶|公司|"
    # 被告有异议 / 被告方不认可 / 原、被告双方 / 被告屡屡拖延 / 五被告亲属张某 / 被告张某、原告 / 乙方于某甲.
    r"有(?:异议|争议)|方不|双方|一方|全家|全部|全额|"
    # Words that start with a surname (房 / 车 / 门 / 利 / 钱 / 周 / 单 / 陆 / 盖 / 来 / 明 / 解 are surnames too).
    # 向被告索要 / 被告中途 / 中断通讯 / 与被告相识 / 被告合伙 / 被告户籍证明 / 向被告主张 (索 / 中 / 相 / 合 / 户 / 主 are rare
    # surnames: the words only).
    r"索要|索还|索取|中途|中断|相识|合伙|户籍|主张|原(?:在|系|为|是|来)|"
    r"房屋|房产|车辆|门店|门面|利用|利息|钱款|周转|单位|单方|陆续|盖章|来原告|来到|明确|明知|解释|银行|工厂|屡|迟迟|一直|始终|亲属|家属|亲戚|原告|被告|[甲乙丙丁]方)"
)


# A party the claims name with no role word (判令明辉公司偿还… / 四、汇通公司、刘野钊承担连带担保责任):
# a company, or two to four characters, right after 判令/判决/an item number and before what it must do.
_CLAIM_NAME = (r"(?:(?:(?![借还欠付向于与]|判令|被告|原告)[\u4e00-\u9fff（）()]){2,30}?" + _ORG_SUFFIX + _ORG_REST
               + "|" + _MASKED + r"|[\u4e00-\u9fff]{2,4}?)")
_CLAIM_NAMED = _Lazy(
    rf"(?:判令|判决|[：:；;。，,]\s*(?:[一二三四五六七八九十]{{1,2}}|\d{{1,2}})\s*[、.．,，]\s*(?:依法)?(?:判令|判决)?"
    # …，现要求甲、乙共同偿还 / 请求甲立即归还: a claim in running text that names the parties with no role word.
    r"|(?<=[，,。；;：:现故遂并])(?:请求|要求)(?:法院|本院)?(?:依法)?(?:判令|判决)?)[:：]?\s*"
    # …判令借款人甲、乙共同返还 / 担保人丙承担连带责任: the claim names them by their role in the loan.
    rf"(?:由)?(?:被告|借款人|担保人|保证人|债务人)?{_name_list(_CLAIM_NAME, '(?:[、和及]|以及)', 'names')}"
    r"(?=立即|共同|连带|偿还|归还|支付|给付|返还|清偿|偿付|还款|还本|承担|对[^，,。；;]{0,20}承担|依法承担|在[^，,。；;]{0,30}承担"
    # …判令甲于本判决生效之日起十日内偿还 / 判令甲向原告偿还: the time or the lender before what he must do.
    r"|(?:于|在|自)(?:本)?判决[^，,。；;]{0,20}?(?:偿还|归还|支付|给付|返还|清偿)|向原告(?:偿还|归还|支付|给付|返还|清偿|还款))"
    # …，张某承担连带清偿责任 / …；李某对上述借款承担保证责任: a further party of the same claim, after a comma.
    rf"|[，,；;](?:并)?(?:由)?{_name_list(_CLAIM_NAME, '(?:[、和及]|以及)', 'more')}"
    r"(?=承担|对[^，,。；;]{0,20}承担|共同(?:偿还|归还|承担))"
)
_COUNTED = re.compile(r"(?:[二两三四五六七八九十]人|等人|等)$")  # 甲、乙、丙三人对…承担
# (…签订保证合同，约定对上述借款承担…: a verb heading the clause, not a name.)
_NOT_A_CLAIM_NAME = re.compile(r"判令|判决|原告|被告|法院|上述|本案|其余|其他|保证人|担保人|借款人|债务人|申请人|全体|各方|诉讼"
                               r"|^(?:约定|承诺|同意|愿意|自愿|表示)")


def _without_run_ons(named: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """The names without those run on into the next word (陈怡签订 is 陈怡 named again, not another party), each at
    its first naming, run-on or not (被告甲欠原告… before 被告乙… keeps 甲 first). Two masked names are two people
    even when one begins the other (王某 / 王某某, 张× / 张××, 张某1 / 张某12)."""
    def runs_on(longer: str, shorter: str) -> bool:
        both_masked = _MASKED_NAME.fullmatch(longer) is not None and _MASKED_NAME.fullmatch(shorter) is not None
        return longer != shorter and longer.startswith(shorter) and not both_masked

    return [(n, min([at] + [a for m, a in named if runs_on(m, n)])) for n, at in named
            if not any(runs_on(n, o) for o, _ in named)]


def _without_figures_run_on(text: str, named: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """Without a masked name that is a numbered one cut before the figure it ran into (借给被告杨某16万元 with the party
    杨某1: 杨某 is written nowhere but before a digit)."""
    def cut(name: str) -> bool:
        if _MASKED_NAME.fullmatch(name) is None or not any(
                other != name and other.startswith(name) and other[len(name):].isdigit() for other, _ in named):
            return False
        after = [text[m.end():m.end() + 1] for m in re.finditer(re.escape(name), text)]
        return all(char.isdigit() for char in after)

    return [(n, at) for n, at in named if not cut(n)]


def _claim_named(text: str, start: int, end: int) -> list[tuple[str, int]]:
    """(name, offset) of the parties the claims passage names without 被告 in front."""
    found: list[tuple[str, int]] = []
    for match in _CLAIM_NAMED.finditer(text, start, end):
        group = "names" if match.group("names") is not None else "more"
        for raw, position in _list_members(match, group):
            name = _whole_name(text, _COUNTED.sub("", raw))
            # A person starts with a surname (判决实际给付之日 names no one called 实际).
            person = _MASKED_NAME.fullmatch(name) is None and re.search(_ORG_SUFFIX, name) is None
            if (len(name) >= 2 and not _NOT_A_CLAIM_NAME.search(name) and _valid(name)
                    and not _NOT_A_DEFENDANT.match(name) and (not person or _surname_first(name))
                    and name not in (n for n, _ in found)):
                found.append((name, position))
    return found


def _named_defendants(text: str, pattern: _Lazy = _DEFENDANT) -> list[tuple[str, int]]:
    """(name, offset) of the defendants a complaint without a party block names (判令被告李某归还…);
    with `_PLAINTIFF`, of the plaintiffs (原告王某与被告…)."""
    found: list[tuple[str, int]] = []
    for match in pattern.finditer(text):  # a long account may name a defendant first in a late change of claims
        in_claim = match.group("names1") is not None and _CLAIM_WORD.search(
            text, _clause_start(text, match.start()), match.start()) is not None
        previous_end = None
        for name, position in _list_members(match):
            if previous_end is not None and not in_claim and text[previous_end:position] in ("和", "及", "以及"):
                break  # 被告甲和乙系夫妻 in the account joins a person to the defendant; 判令被告甲和乙 sues both
            previous_end = position + len(name)
            cleaned = _whole_name(text, name.strip())
            if cleaned and _running_name(cleaned) and cleaned not in (n for n, _ in found):
                found.append((cleaned, position))
            if text[max(0, match.start() - 1):match.start()] == "、":
                break  # 原告、被告向某、孙某三人: the role word names only the one after it
        if found and pattern is _PLAINTIFF:
            break  # the first naming only: later 原告 are the lender named in passing (偿还原告全部本息)
    return found


_ALIAS_AFTER = re.compile(r"[（(](?:以下简称|以下称|下称|简称)[:：]?[“\"]?(?P<short>[^）)”\"，,]{2,20})[”\"]?[）)]")


def aliases(text: str, names: list[str]) -> dict[str, str]:
    """Short name → the full name it stands for (某某有限公司（以下简称某某公司）)."""
    found: dict[str, str] = {}
    for name in names:
        for occurrence in re.finditer(re.escape(name), text):
            alias = _ALIAS_AFTER.match(text, occurrence.end())
            if alias and alias.group("short") != name:
                found.setdefault(alias.group("short"), name)
    return found


# How many defendants a claim against unnamed ones counts: 二被告 / 两被告 / 三被告 / 被告二人.
_COUNT = {"二": 2, "两": 2, "三": 3, "四": 4, "五": 5}
# 被告夫妻二人 / 被告父子两人: the relation between the counted defendants said with the count.
_COUNTED_DEFENDANTS = re.compile(r"(?P<n>[二两三四五])(?:名|位)?被告|被告(?:夫妻|夫妇|父子|母子|父女|母女|兄弟|姐妹)?(?P<m>[二两三四五])人")
_MANY_DEFENDANTS = re.compile(r"[各诸众]被告|上述被告|全体被告|被告等|等被告|其余被告|被告们")
_BARE_DEFENDANT = re.compile(r"被告(?![\u4e00-\u9fff]{0,3}?(?:有限公司|公司))")
# Who the account names as the borrower (甲向原告借款 / 甲以…为由向原告借款 / 2015年5月，甲因…，向原告借款), and whom
# it joins to him (甲与乙系夫妻 / 其妻乙 / 乙在借条上签字担保): a clause's subject before what it does.
_CLAUSE_START = r"(?:^|(?<=[，,。；;：:\n日月份间]))"
# 甲向原告借款 / 借款人甲向原告借款 (named by his role in the loan) / 甲…向其借款 (a 诉称段 retelling the plaintiff as 其).
_BORROWER = re.compile(_CLAUSE_START + rf"(?:借款人|债务人)?(?P<name>{_NAME})(?:(?:、|与|和|及)(?P<more>{_NAME}))?"
                       r"[^，,。；;：:]{0,24}?[，,]?向(?:原告|其)[^，,。；;]{0,10}?借")  # a heading's colon ends it
_JOINED = _Lazy(
    rf"(?P<a>{_NAME})与(?P<b>{_NAME})(?:系|是|为|二人系|两人系)(?:合法)?(?:夫妻|夫妇)"
    rf"|(?:之妻|之夫|的妻子|的丈夫|其妻子?|其丈夫|其夫|[之其](?:子|女|父|母)|的(?:儿子|女儿|父亲|母亲)|其(?:儿子|女儿|父亲|母亲)"
    rf"|的?合伙人)(?P<c>{_NAME})"
    + "|" + _CLAUSE_START + rf"(?P<d>{_NAME})[^，,。；;]{{0,16}}?(?:担保人|保证人|提供(?:连带责任)?(?:保证|担保)|签字担保|作保)"
)


# 各被告为其第一顺序继承人：妻子乙、长子丙、次女丁: the defendants listed by kinship after what they are.
_KIN = r"(?:父亲|母亲|妻子|丈夫|配偶|长子|次子|三子|幼子|儿子|长女|次女|三女|幼女|女儿|之子|之女|儿媳|女婿|孙子|孙女|弟弟|哥哥|姐姐|妹妹)?"
_HEIRS = _Lazy(r"(?:[各诸众]|上述|[二两三四五六七八九十])?被告(?:均)?(?:系|为|是)[^。；;：:]{0,20}?(?:继承人|亲属|家属|近亲属)"
                    r"(?:分别为|分别是|为|是)?[:：，,]?" + _name_list(_KIN + _NAME, "、")
                    # 其继承人为妻子乙、儿子丙 (the claim counts them: 二被告): the heirs listed with no role word.
                    + r"|(?:其|[\u4e00-\u9fff]{2,4}的)(?:法定|第一顺序)?(?:继承人)(?:分别为|分别是|为|是|有)[:：]?"
                    + _name_list(_KIN + _NAME, "(?:、|和|及)", "listed"))


def _heirs(text: str, claimants: set[str]) -> list[tuple[str, int]]:
    found: list[tuple[str, int]] = []
    match = _HEIRS.search(text)
    if match is None:
        return found
    listed = match.group("names") is None  # only the count the claim gives confirms heirs named without 被告
    members = _list_members(match, "listed" if listed else "names")
    counted = _COUNTED_DEFENDANTS.search(text)
    if listed and (counted is None or _COUNT[counted.group("n") or counted.group("m")] != len(members)):
        return found
    for raw, position in members:
        kin = re.match(_KIN, raw)
        name = raw[kin.end():] if kin else raw
        if name not in claimants and _running_name(name) and name not in (n for n, _ in found):
            found.append((name, position + len(raw) - len(name)))
    return found


def _from_the_account(text: str, claimants: set[str]) -> list[tuple[str, int]]:
    """(name, offset) of the defendants a claim counts (二被告) or names bare (被告) when only the account names
    them: the borrower, then who is joined to him, in text order; none when the count is not met."""
    counted = _COUNTED_DEFENDANTS.search(text)
    if (counted is None and not _BARE_DEFENDANT.search(text)) or _MANY_DEFENDANTS.search(text):
        return []  # 各被告 / 上述被告: a number the account does not give
    wanted = _COUNT[counted.group("n") or counted.group("m")] if counted else 1
    found: list[tuple[str, int]] = []

    def add(name: str, position: int) -> None:
        name = _whole_name(text, name)
        if name in claimants or not _running_name(name):
            return
        for index, (known, at) in enumerate(found):
            if known == name:  # 甲与乙系夫妻…甲向原告借款: 甲 at his first naming
                found[index] = (name, min(at, position))
                return
        found.append((name, position))

    for match in _BORROWER.finditer(text):
        add(match.group("name"), match.start("name"))
        if match.group("more") is not None:  # 甲、乙向原告借款 / 甲与乙共同向原告借款
            add(match.group("more"), match.start("more"))
    if not found:
        return []
    borrowers = len(found)
    for match in _JOINED.finditer(text):
        for group in ("a", "b", "c", "d"):
            if match.group(group) is not None:
                add(match.group(group), match.start(group))
    found.sort(key=lambda item: item[1])
    if counted is None:
        return found[:1] if borrowers == 1 else []
    return found[:wanted] if len(found) >= wanted else []


def _count_completed(text: str, named: list[tuple[str, int]], claimants: set[str]) -> list[tuple[str, int]]:
    """The named defendants, with those the account joins to them when a claim counts more (二被告) than are
    named and the account names exactly the missing ones; unchanged otherwise."""
    counted = _COUNTED_DEFENDANTS.search(text)
    if counted is None or _MANY_DEFENDANTS.search(text):
        return named
    wanted = _COUNT[counted.group("n") or counted.group("m")]
    if len(named) >= wanted:
        return named
    known = {n for n, _ in named}
    extra: list[tuple[str, int]] = []
    # Who the account says borrowed (借款人甲向原告借款) or joins to a borrower (甲之妻乙 / 甲与乙系夫妻).
    joined: list[tuple[re.Match[str], tuple[str, ...]]] = [(m, ("name", "more")) for m in _BORROWER.finditer(text)]
    joined += [(m, ("a", "b", "c", "d")) for m in _JOINED.finditer(text)]
    for match, groups in joined:
        for group in groups:
            name = match.group(group)
            if name is None:
                continue
            name = _whole_name(text, name)
            if (name not in known and name not in claimants and _running_name(name)
                    and not any(name.startswith(k) or k.startswith(name) for k in known)
                    and name not in (n for n, _ in extra)):
                extra.append((name, match.start(group)))
    if len(named) + len(extra) != wanted:
        return named
    return sorted(named + extra, key=lambda item: item[1])


# 甲、乙二被告系夫妻 / 原告与甲、乙两被告系朋友: the names before the role word and its count (which they must meet);
# 甲系本案被告: one name called defendant after it.
_COUNTED_BEFORE = re.compile(r"(?:^|(?<=[，,。；;：:\n与和]))(?P<names>(?:(?:(?!与)[\u4e00-\u9fff·]){2,12}?、)+[\u4e00-\u9fff·]{2,12}?)"
                             r"(?P<n>[二两三四五六七八九十])(?:名|位|个)?被告(?![\u4e00-\u9fff]{0,3}(?:公司|之|的))")
_CALLED_AFTER = re.compile(r"(?:^|(?<=[，,。；;：:\n]))(?P<name>[\u4e00-\u9fff·]{2,12}?)(?:均)?(?:系|为|是)(?:本案)(?:的)?(?:共同)?被告"
                           r"(?=[，,。；;]|$)")
_COUNT_ALL = {"二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


def _sued_as(text: str) -> list[tuple[str, int]]:
    """(name, offset) of the persons sued by name before the role word (以甲、乙为被告 / 追加甲为被告 / 甲、乙二被告 /
    甲系本案被告)."""
    found: list[tuple[str, int]] = []
    for match in _SUED_AS.finditer(text):
        for name, position in _list_members(match):
            cleaned = _whole_name(text, name)
            if _running_name(cleaned) and cleaned not in (n for n, _ in found):
                found.append((cleaned, position))
    for match in _COUNTED_BEFORE.finditer(text):
        pieces = match.group("names").split("、")
        if len(pieces) != _COUNT_ALL[match.group("n")] or not all(_running_name(p) for p in pieces):
            continue
        at = match.start("names")
        for piece in pieces:
            if piece not in (n for n, _ in found):
                found.append((piece, at))
            at += len(piece) + 1
    for match in _CALLED_AFTER.finditer(text):
        name = match.group("name")
        if _running_name(name) and name not in (n for n, _ in found):
            found.append((name, match.start("name")))
    return found


_CLAIM_WORD = re.compile(r"判令|判决|请求|要求|诉请")


def _clause_start(text: str, position: int) -> int:
    """Where the sentence holding `position` starts, looking back at most 200 characters."""
    return start_of(text, position, max(0, position - 200), "。；;\n")


# A person's name starts with a surname. These characters start what a sentence says of a bare 被告 (被告随后 /
# 被告通过微信 / 被告夫妇 / 被告婚后 / 被告谎称 / 被告口头 …) and are no surname, or one too rare to outweigh them.
_NOT_SURNAME = frozenset("夫兄姐妹名手账微身住店签答口迄第次事从委指伙联找欺隐谎声说讲拿取收领核捺担抵去失死离婚购建装看治病投"
                         "借还欠与其即并对将把被所又再仍已未均都也却便就才只仅等及或自各每该此本这那如若虽但而因为以按据亲随"
                         "通同多书下外生开到出结后母父工银经没不无现给总另当写先前之的了着过要想能可会须需请让使叫"
                         "虚保上家老朋俩作证律擅故恶长分超反几数有推躲逃避搬变转用款支信网赌吸做办买急资"
                         "亦遂早迟竟突忽执坚否辩表"
                         # …and what a lender does to a bare 被告 or it does itself (向被告催讨 / 追讨 / 讨要, 被告实际还清 /
                         # 限期归还 / 缺席 / 放弃 / 愿意 / 提出 / 违反).
                         "催讨追实限缺放愿提违"
                         # …and where one works and how one is let go (入职被告处工作 / 被告将原告辞退).
                         "处辞")
_COMPOUND_SURNAMES = ("上官", "司马", "诸葛", "欧阳", "东方", "公孙", "令狐", "西门", "南宫", "夏侯", "司徒", "皇甫", "长孙")


def _surname_first(name: str) -> bool:
    """Whether a person's name read from running text may start with a surname (not 随后 / 通过 / 夫妇)."""
    return name.startswith(_COMPOUND_SURNAMES) or name[:1] not in _NOT_SURNAME


def running_name(name: str) -> bool:
    """Whether a name read from running text is a name and not a word (被告立即归还 / 担保人承担…)."""
    return _running_name(name)


def _running_name(name: str) -> bool:
    """A name read from running text, not a word: 被告立即归还 / 被告方未 are not names, 向2 / 于x3 are."""
    if _MASKED_NAME.fullmatch(name) is not None:
        return _valid(name)
    org = re.search(_ORG_SUFFIX + "$", name) is not None and len(name) >= 3  # 办厂 is a verb, not a factory
    # Inside a person's two or three characters 向 / 为 / 与 are part of the name (李向东, 李大为).
    inner_stop = (_ORG_STOP if org else _NAME_STOP).search(name) if org or len(name) > 4 else _NAME_STOP_START.match(name)
    # A registered name (…有限公司) is a name whatever word its place begins with (无锡 / 现代 / 当涂 …).
    registered = re.search(r"(?:有限公司|有限责任公司|股份公司)$", name) is not None
    person = not org and "·" not in name
    return (_valid(name) and inner_stop is None and (registered or not _NOT_A_DEFENDANT.match(name))
            and (not person or _surname_first(name)))


# Characters the lookahead stops before that also end given names (陈家和, 李大为, 王新立, 张中原, 李依, 王承).
_NAME_FINAL = set("和为立原依多知承用出")


@lru_cache(maxsize=1024)  # a name is looked up at each of its mentions; the text's hash is cached by str
def _whole_name(text: str, name: str) -> str:
    """A two-character name the lookahead cut before a character of the name itself (陈家|和, 李大|为): when every
    occurrence of it goes on with the same character, and the longer name stands before different words, the
    longer one is the name."""
    if len(name) != 2 or _MASKED_NAME.fullmatch(name) or not _running_name(name):
        return name
    after = {text[m.end()] if m.end() < len(text) else "" for m in re.finditer(re.escape(name), text)}
    if len(after) != 1 or next(iter(after)) not in _NAME_FINAL:
        return name  # 李明向原告… / 李明向被告…: 向 goes on the sentence, not the name
    longer = name + next(iter(after))
    following = {text[m.end():m.end() + 1] for m in re.finditer(re.escape(longer), text)}
    return longer if len(following) >= 2 else name


def _listed_names(name: str) -> list[str]:
    """张某、李某 → [张某, 李某] when every piece looks like one name; [] otherwise."""
    if "、" not in name:
        return []
    pieces = [re.sub(r"^(?:原告|被告)", "", piece.strip()) for piece in _LIST_SEPARATOR.split(name)]
    if all(1 < len(piece) <= 12 and _valid(piece) for piece in pieces):
        return pieces
    return []


def _claimants(text: str) -> list[tuple[str, int]]:
    """(name, offset) of the plaintiffs a complaint retold without a party block names first."""
    match = _CLAIMANT.search(text, 0, min(len(text), 600))
    if match is None:
        return []
    raw = match.group("names")
    names = _listed_names(raw) or [raw.strip()]
    found = []
    for name in names:
        cleaned = _clean_name(re.sub(r"^(?:原告|起诉人)", "", name))  # 原告甲、原告乙向本院提出诉讼请求
        if cleaned and _valid(cleaned) and len(cleaned) <= 30 and cleaned not in _ROLE_WORDS:
            found.append((cleaned, match.start("names") + raw.find(name)))
    return found


def as_written(doc: Document, name: str, span: tuple[int, int]) -> str:
    """The name in the characters the user wrote (張三 stays 張三) when it maps 1:1 onto them."""
    if doc.text[span[0] : span[1]] != name:
        return name
    written = doc.norm.original_of(*span)
    return written if len(written) == len(name) else name


def _valid(name: str) -> bool:
    stripped = name.strip()
    return (bool(stripped) and (not _NAME_STOP_START.match(stripped) or _MASKED_NAME.fullmatch(stripped) is not None)
            and "一案" not in stripped
            and not _NOT_A_NAME.search(_clean_name(stripped)))


def _has_particulars(party: dict[str, Any]) -> bool:
    return any(party.get(key) for key in ("gender", "birth_date", "ethnicity", "id_number", "address"))


def _role(word: str, alias: str | None) -> str:
    if alias:
        for key in sorted(_ROLE_WORDS, key=len, reverse=True):
            if alias.startswith(key):
                return _ROLE_WORDS[key]
    return _ROLE_WORDS[word]


def _particulars(doc: Document, name: str, details: str, start: int, end: int) -> dict[str, Any]:
    representative = _REPRESENTATIVE.search(details)
    agent_matches = list(_AGENT.finditer(details))
    agents = [m.group("n").strip() for m in agent_matches]
    common = any(m.group("common") for m in agent_matches)
    # Particulars of the party itself stop where its representative/agents begin.
    first_agent = agent_matches[0] if agent_matches else None
    own_end = min([m.start() for m in (representative, first_agent) if m] or [len(details)])
    own = details[:own_end]
    gender = _GENDER.search(own)
    ethnic = _ETHNIC.search(own)
    address = _ADDRESS.search(own)
    id_numbers = doc.mentions_in(start, start + own_end, "id_number")
    kind = _kind(name, representative is not None)
    party: dict[str, Any] = {
        "name": name,
        "kind": kind,
        "gender": gender.group("g") if gender else None,
        "birth_date": _birth_date(doc, start, start + own_end),
        "ethnicity": ethnic.group("e") if ethnic else None,
        "id_number": id_numbers[0].value if id_numbers else None,
        "address": address.group("a").strip() if address else None,
        "legal_representative": representative.group("n").strip() if representative and kind != "natural" else None,
        "agents": agents,
    }
    if common:
        party["_common_agents"] = True
    return party

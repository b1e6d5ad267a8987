"""劳动争议 answers by the grammar of their clauses: what the answering side asserts against the claims.

An answer restates the claims (关于原告主张的经济补偿金15750元问题 / 原告诉请加班费8000元) and then says what it
holds of them; only the holding is a position. Each claim item is contested where its own sentence denies or
rejects it (不存在加班, 已足额支付, 无需支付, 缺乏依据, 超过时效, 不同意支付, 请予以驳回), admitted where it agrees to pay
(同意支付); a figure the answer sets against a claim (原告应向被告支付…44698元) is the contested value, a restated one
is not. Who ended the employment is contested by the ending the answer asserts (自动离职, 协商解除, 期满不再续签; a
worker defendant's 无故辞退), the start and the wage by the date and figure it gives, the contract by 已签订 / 未签订.
The answering side is the worker when it speaks of 原告公司 / its own dismissal (or, saying nothing of itself, when
its complaint is the employer's suit against an award); then its opposition to the employer's suit is the contest
of `claim_no_payment`.

Given the complaint it replies to (`Document.complaint`), an answer is read against it: 不同意第二项请求 is about the
complaint's item 2 (the complaint Document's items, engine/extraction/claims.py `numbered_items`; the reference,
engine/extraction/claimrefs.py); a start, contract or wage the answer states that is the complaint's own is
admitted, not a counter-value (the complaint's wage named only to deny it is contested without one); the
complaint's ending said again in the answer's own words is admitted. An item nobody claimed takes no position (a worker answering an employer's suit: the items the suit names); the answer's own ending, where the
complaint states none, and a signing the complaint does not state are asserted (contest); the worker defends the
award only against an employer that asks not to pay.
"""

from __future__ import annotations

import re
from decimal import Decimal

from engine.casetypes.labor_dispute.facts import (
    TERMINATION_AGREEMENT,
    WORKER_ACTS,
    claim_nouns,
    comma_clauses,
    employer_sues_in,
    left_mark,
    read_wage,
    right_mark,
)
from engine.extraction.claimrefs import claim_references
from engine.extraction.claims import numbered_items
from engine.extraction.document import Candidate, Document, sentences

# The plaintiff and the answering side as an answer names them (原告 / 被答辩人, 被告 / 答辩人).
P = r"(?:原告|被答辩人|(?<!被)上诉人)"
D = r"(?:被告|(?<!被)答辩人|被上诉人)"
# The claim a sentence speaks of, by its nouns (a wage rate — 月工资, 工资标准 — is no wage claim): claims.yaml.
_CLAIMS = claim_nouns("sentences")
# The insurance loss named as such (the complaint's own nouns, claims.yaml), not the contributions alone.
_LOSS_NAMED = dict(claim_nouns("items"))["claim_social_insurance_loss"]
_CONTEST = re.compile(
    r"不存在|不应|无需|无须|不需|不予|不同意|没有[^，。；]{0,6}?依据|缺乏[^，。；]{0,6}?依据|无[^，。；]{0,6}依据|驳回|已足额|已结清|已经?结清|已(?:经)?(?:与|向)[^，。；]{1,8}?(?:结清|付清)"
    r"|未违法|不违法|并未违法|没有违法|合法解除|依法解除"
    r"|已经?(?:全部|足额|按时|按月)?(?:支付|发放)|不欠|包含在[^，。；]{0,8}?(?:工资|报酬|薪酬)(?:中|内|里)|均已发放|支付完毕|发放完毕|已(?:经)?(?:全部|全额|足额)?付清|未拖欠|不拖欠|不符合|不能成立|不承担|无权|有误|过高|不能主张"
    r"|可(?:以)?不(?:予)?支付|不属于|超过[^，。；]{0,6}?时效|已过[^，。；]{0,6}?时效|已超[^，。；]{0,6}?时效|时效已过|不认可|不成立"
    r"|无义务|没有义务|不该|未经(?:过)?仲裁|仲裁前置|没有[^，。；]{0,4}?证据证明"
)
# A worker answering the employer's suit defends the award: the items it says are owed are contested.
_DEFENDS = re.compile(r"拖欠(?:我|被告|答辩人)|有[^，。；]{0,4}?依据|应(?:当)?[^，。；]{0,8}?(?:支付|赔偿)|(?:裁决|认定)[^，。；]{0,6}?(?:正确|合理|准确)|应予维持|予以维持")
_ADMIT = re.compile(r"同意(?:支付|给付|按|发放|补缴)|(?<!不)同意[^，。；]{0,8}?第[^，。；]{1,6}?项(?:诉讼)?(?:请求|诉请|诉求|主张)|愿意支付|予以支付|予以发放|承诺(?:给予|支付)|认可[^，。；]{0,8}?(?:请求|主张)|无异议")
# A restated claim: the answer repeats what the plaintiff asks before it answers it.
_RESTATED = re.compile(r"关于[^。；]{0,60}?问题|关于[^。；]{0,60}?(?:请求|主张)(?=[，。；])"
                       r"|" + P + r"(?:主张|要求|诉请|请求|提出)[^，。；]{0,40}?\d+(?:\.\d+)?元")
_REFERS = re.compile(r"本项|该项|此项|该请求|此请求|上述请求|该主张|此主张")
# A figure the answer sets against a claim: 应为 / 实际 / 仅 / 应向…支付 in its own clause.
_COUNTER = re.compile(r"应为|应当为|实际|仅为|仅|只|应按|应(?:当)?(?:向[^，。；]{1,6}?)?支付|认可[^，。；]{0,6}?$|(?:其|我|本人)要求")
# The facts an answer admits in so many words (…的事实属实 / 对入职时间、月平均工资均无异议).
_FACT_ADMITTED = re.compile(r"属实|无异议|没有异议|予以认可|予以确认|是事实|不持异议")
_FACT_NOUNS = (("employment_start", re.compile(r"入职|用工时间|工作时间")), ("monthly_wage", re.compile(r"月工资|平均工资|工资标准|月薪")),
               ("position", re.compile(r"岗位|担任|职务")), ("written_contract", re.compile(r"劳动合同(?!期限)")),
               # 劳动合同期限属实: the term, both its ends; 对拖欠工资9600元无异议: the wages owed
               ("contract_start", re.compile(r"合同期限")), ("contract_end", re.compile(r"合同期限")),
               ("unpaid_wages", re.compile(r"(?:拖欠|欠发|欠付|未付|未发)(?:的)?工资|欠薪")))
# 超过仲裁时效 / 已经超过法律规定的提起劳动仲裁的时效 / 提起仲裁的时间…已超过一年 / 提出仲裁时效抗辩
_LIMITATION = re.compile(r"(?:超过|超出|已过|已超)(?:了)?[^，。；]{0,16}?时效|(?:仲裁|诉讼)时效(?:期间)?已(?:过|经届满)|时效抗辩"
                         r"|(?<=仲裁的时间)已(?:经)?超过(?:了)?一年|仲裁[^。；]{0,20}?已(?:经)?超过(?:了)?一年")
_NOT_BARRED = re.compile(r"(?:未|没有|并未|不存在|并没有|不)(?:超过|超出|过)")
_QUITS = re.compile(r"(?<!按)(?<!按照)(?<!作)自动离职(?!处理)|个人原因[^，。；]{0,4}?(?:离职|辞职)|自行离职|自动辞职|主动辞职|主动离职|提出辞职|提出离职|不辞而别|自行离开|主动离开|自己离开|自愿离职|自愿辞职|擅自离岗|属于其单方终止"
                    r"|(?:已|再)?不(?:再)?(?:到|在|来)[^，。；]{0,8}?(?:上班|工作)"
                    r"|(?<![让叫])(?<!要求)(?<!责令)(?<!通知)(?:原告|其|上诉人|被上诉人|PER\d*)(?:(?!让|要求|责令|通知|下班)[^，。；]){0,16}?离开(?:了)?"
                    r"(?:公司|单位|被告处|工作岗位|岗位)(?![时途])")
_MUTUAL = re.compile(r"协商一致(?:后)?[^，。；]{0,4}?解除|协商解除|双方(?:决定|同意|一致同意)解除|双方[^，。；]{0,6}?协商[^。；]{0,20}?解除|"
                     + TERMINATION_AGREEMENT)
_EXPIRY = re.compile(r"(?:期满|到期)(?:后)?[^。；]{0,12}?(?:不再|不予)续(?:签|订)|(?:到期|期满)(?:后)?终止|合同到期终止"
                     r"|合同(?:于[^，。；]{0,12}?)?(?:到期|期满)后")
# The employer's own ending: 辞退 …, or 我公司于…与原告解除了劳动关系.
_DISMISSED = re.compile(r"辞退|开除|解雇|除名|按(?:照)?自动离职处理|(?:依法|有权|予以|决定)[^，。；]{0,4}?解除"
                        r"|(?:我公司|我单位|本公司|我方|" + D + r")[^，。；]{0,16}?与(?:其|" + P + r")[^，。；]{0,4}?解除(?:了)?劳动(?:合同|关系)")
# The answering worker's own ending (我提出离职, 被告有权提出解除劳动合同).
_OWN_QUIT = re.compile(r"(?:我|本人|" + D + r")[^，。；]{0,10}?(?:提出|有权|依法)[^，。；]{0,6}?(?:解除|离职|辞职)")
_SIGNED = re.compile(r"(?:已|已经|均|双方|共)?(?:签订|订立|签署|(?<![续拒])签(?=(?:了|过|有)?(?:书面)?劳动合同))(?:了|过|有)?[^，。；]{0,16}?劳动合同")
_SIGN_NEGATED = re.compile(r"未|没有|没|从未|并未|拒绝|不与")
_START = re.compile(r"入职(?:时间)?(?:是|为)?$|(?:于|自|是|系)$|(?:^|[。；，,])$")
_START_AFTER = re.compile(r"^(?:原告|被告|我|其|本人)?(?:就|便|即|才|起|开始)?(?:通过[^，。；]{1,10}?)?(?:入职|进入|被[^，。；]{0,6}?(?:招聘|聘用|录用)|(?:到|来)[^，。；]{0,12}?(?:工作|上班|做|从事|担任)|在[^，。；]{0,12}?(?:工作|上班)|建立劳动关系|至\d{4}年[^，。；]{0,12}?上班)")
_WORKER_ANSWERS = re.compile(
    D + r"[^，。；]{0,12}?(?:入职|到|进入)" + P + r"|" + P + r"(?:公司|单位)|" + P + r"[^，。；]{0,8}?(?:辞退|开除|解雇|拖欠)[^，。；]{0,4}?" + D
    + r"|公司(?:拖欠|没有发放|未发放)我|" + P + r"(?:应|应当)(?:向" + D + r")?支付|我(?:每天|工作到|提出离职)"
    + r"|" + P + r"向(?:其|我|" + D + r")(?:发放|支付)|" + P + r"[^，。；]{0,4}?应(?:当)?[^，。；]{0,12}?支付" + D)
_UPHOLDS = re.compile(r"不同意[^，。；]{0,10}?诉讼请求|驳回[^，。；]{0,10}?诉讼请求|仲裁(?:裁决|结果)[^。；]{0,20}?(?:正确|合理|准确|合法)"
                      r"|维持[^，。；]{0,12}?(?:仲裁|裁决)|驳回上诉|维持原判|应(?:当)?[^，。；]{0,12}?(?:支付|赔偿)|认可(?:劳动)?仲裁|(?:其|我)(?:要求|请求)"
                      r"|(?:判决|裁决)[^。；]{0,30}?(?:应予|予以)维持|(?:仲裁裁决|裁决书|仲裁)[^。；]{0,12}?事实清楚|(?:同意|服从)(?:劳动)?仲裁")
_LABOUR_IDS = ("termination_by", "written_contract", "employment_start", "employment_end", "limitation_raised", "monthly_wage",
               "position",
               "claim_no_payment", *(eid for eid, _ in _CLAIMS))


# An ending told after its date in the date's own clause (于DATE解除 / DATE自动离职); a date opening a period
# (DATE至DATE期间的工资) or one of another clause (…解除了劳动关系，2016年被告把工厂搬到…) dates no ending.
_ENDS = re.compile(r"解除|终止|离职|辞职|辞退|开除|解雇|除名|离开")


def _dates_an_ending(text: str, spans: list[tuple[int, int]]) -> bool:
    if not spans:
        return False
    end = spans[0][1]
    after = text[end: right_mark(text, end, "，,。；;\n")]
    return not re.match(r"^(?:份)?(?:至|到|－|-|—|~|～)", after) and _ENDS.search(after) is not None


def _put(doc: Document, results: dict[str, Candidate], eid: str, position: str, value: object,
         span: tuple[int, int]) -> None:
    doc.positions[eid] = position
    results[eid] = Candidate(eid, value, [span], 0.75, "derived", span[0])


def read_answer(doc: Document, results: dict[str, Candidate]) -> None:
    """The labour positions of an answer, by its sentences (they replace the generic keyword stances)."""
    text = doc.text
    for eid in _LABOUR_IDS:
        if eid == "employment_end" and results.get(eid) is not None and results[eid].value is not None \
                and _dates_an_ending(text, results[eid].spans):
            continue  # a date the answer gives for the ending is kept
        results.pop(eid, None)
        doc.positions.pop(eid, None)
    worker = _worker_answers(doc, results)
    contested: dict[str, tuple[object, tuple[int, int]]] = {}
    admitted: dict[str, tuple[int, int]] = {}
    previous: list[str] = []  # the claims the sentence before spoke of (本项请求 / 该项主张 refer to them)
    numbered = _numbered_claims(doc)
    for start, end in sentences(text):
        sentence = text[start:end]
        spoken: list[str] = []
        own = _RESTATED.sub(lambda found: "＿" * len(found.group(0)), sentence)  # the answer's own words
        limitation = _LIMITATION.search(own)
        if limitation and not _NOT_BARRED.search(own[max(0, limitation.start() - 4): limitation.start() + 2]):
            contested.setdefault("limitation_raised", (True, (start + limitation.start(), start + limitation.end())))
        sentence_contest = _CONTEST.search(own) or (worker and _DEFENDS.search(own))
        sentence_admit = None if worker else _ADMIT.search(own)  # a worker reports the employer's concessions
        for eid, noun in _CLAIMS:
            found: re.Match[str] | None = noun.search(sentence) or numbered.get(eid, {}).get(start)
            if found is None:
                continue
            if eid == "claim_social_insurance_loss" and not doc.complaint and not _LOSS_NAMED.search(sentence):
                continue  # the contributions alone (缴纳社会保险) name the loss only against a complaint claiming it
            # the noun's own clause decides when it takes a stance; else the sentence does
            left = max(own.rfind(m, 0, found.start()) for m in "，,；：:") + 1
            rights = [i for i in (own.find(m, found.end()) for m in "，,；。") if i >= 0]
            clause = own[left: min(rights, default=len(own))]
            clause_contest = _CONTEST.search(clause) or (worker and _DEFENDS.search(clause))
            clause_admit = None if worker else _ADMIT.search(clause)
            stance_contest = clause_contest if (clause_contest or clause_admit) else sentence_contest
            stance_admit = clause_admit if (clause_contest or clause_admit) else sentence_admit
            if eid == "claim_unpaid_wages" and (any(noun2.search(sentence[max(0, found.start() - 4): found.end()])
                                                    for e2, noun2 in _CLAIMS if e2 != eid)
                                                or re.search(r"包含在[^，。；]{0,4}$", sentence[: found.start()])):
                continue  # 年休假工资 / 加班工资 / 二倍工资 are their own claims; 包含在工资中 holds another
            span = (start + found.start(), start + found.end())
            figure = _counter_figure(doc, start, end, own, found.end())
            if eid == "claim_unpaid_wages" and re.search(r"实际$|\d月(?:份)?(?:实际)?$", sentence[: found.start()]):
                figure = None  # 2015年11月实际工资4445元: a month's earnings, not a counter-figure
            if stance_contest or figure is not None:
                contested.setdefault(eid, (figure, span))
                if figure is not None and contested[eid][0] is None:
                    contested[eid] = (figure, span)
            elif stance_admit:
                admitted.setdefault(eid, span)
            spoken.append(eid)
        if not spoken and previous and _REFERS.search(own) and (sentence_contest or sentence_admit):
            for eid in previous:  # 关于…问题。本项请求没有事实依据: the item named before
                if sentence_contest:
                    contested.setdefault(eid, (None, (start, end)))
                else:
                    admitted.setdefault(eid, (start, end))
        previous = spoken or previous
    claimed = _complaint_claims(doc, worker)
    for eid, span in admitted.items():
        if eid not in contested and (claimed is None or eid in claimed):
            _put(doc, results, eid, "admit", None, span)
    for eid, (value, span) in contested.items():
        if claimed is None or eid in claimed or value is not None or eid == "limitation_raised":
            _put(doc, results, eid, "contest", value, span)
    complaint = _complaint_facts(doc)
    replying = replied_to(doc) is not None
    _ending(doc, results, worker, complaint.get("termination_by"), replying)
    _reason(doc, results, worker)
    _contract(doc, results, worker, complaint if replying else None)
    _term_with_contract(doc, results)
    _start(doc, results, worker, complaint.get("employment_start"))
    wage: dict[str, Candidate] = {}
    read_wage(doc, wage, (0, 0), answer=True)
    if "monthly_wage" in wage:
        at = wage["monthly_wage"].spans[0][0]
        clause = text[left_mark(text, at, "，,。；：:"): at]
        if not re.search(P + r"(?:主张|称|诉称|要求|认为)|诉请|津贴|补贴|奖金|提成", clause):  # restated, or an allowance
            _put(doc, results, "monthly_wage", "contest", wage["monthly_wage"].value, wage["monthly_wage"].spans[0])
    _facts_admitted(doc, results)
    _facts_denied(doc, results)
    _same_as_complaint(doc, results, complaint)
    _position_named(doc, results)
    asked = replied_to(doc)
    if worker and (asked is None or "claim_no_payment" in asked.results):
        # the worker defends the award only against an employer asking not to pay (a suit about the relation alone
        # asks nothing of it)
        upholds = _UPHOLDS.search(text)
        disputed = next((results[eid] for eid in _LABOUR_IDS if doc.positions.get(eid) == "contest" and eid in results), None)
        if upholds is not None:
            _put(doc, results, "claim_no_payment", "contest", None, upholds.span())
        elif disputed is not None:  # the worker sets his account against the employer's suit
            _put(doc, results, "claim_no_payment", "contest", None, disputed.spans[0])


# An organisation's name, or LawBench's mask for one (ORG).
_DENIES_RELATION = re.compile(r"(?:不存在|不具有|没有|未建立|不构成)(?:任何)?(?:事实)?劳动关系|系(?:劳务|挂靠|承包|合作)关系")
_ORGANISATION = re.compile(r"(?:公司|厂|办事处|中心|院|站|局|所|社|店|部|学校|医院|委员会|集团|矿|协会|血站|ORG\d*)$")


def _worker_answers(doc: Document, results: dict[str, Candidate]) -> bool:
    """The answering side is the worker: its party block names a person against an organisation, or, without one,
    it speaks of 原告公司 / being dismissed by the plaintiff."""
    if _DENIES_RELATION.search(doc.text):
        return False  # 不存在劳动关系 / 系劳务关系: the defence of whoever is said to be the employer
    opening = re.match(r"\s*(?:被告|被上诉人)(?P<name>(?!答辩)[^，。：:；]{1,30}?)(?:辩称|答辩称|答辩)", doc.text)
    if opening is not None and re.fullmatch(r"PER\d*|ORG\d*", opening.group("name")):
        return opening.group("name").startswith("PER")  # LawBench's masks say which it is
    if not re.search(r"(?:^|\n)\s*(?:答辩人|被告|被答辩人|原告)[:：]", doc.text) and opening is None:
        # no party block: names read from running text mislead; the answer's words, else the complaint's, say who
        return _WORKER_ANSWERS.search(doc.text) is not None or employer_sues_in(doc.complaint)
    kinds = {}
    for role in ("plaintiffs", "defendants"):
        found = results.get(role)
        parties = found.value if found is not None and isinstance(found.value, list) else []
        kinds[role] = {str(party.get("kind", "natural")) for party in parties if isinstance(party, dict)}
    names = [str(party.get("name", "")) for party in (results["defendants"].value if "defendants" in results
                                                      and isinstance(results["defendants"].value, list) else [])
             if isinstance(party, dict)]
    if any(_ORGANISATION.search(name) for name in names):
        return False
    if kinds["defendants"]:
        # the answering side named as a person is the worker (an employer is an organisation)
        return kinds["defendants"] == {"natural"}
    return _WORKER_ANSWERS.search(doc.text) is not None or employer_sues_in(doc.complaint)


def _claim_of(item: str) -> str | None:
    """The claim a complaint's item names (the first in _CLAIMS order whose noun it holds)."""
    return next((eid for eid, noun in _CLAIMS if noun.search(item)), None)


def _numbered_claims(doc: Document) -> dict[str, dict[int, re.Match[str]]]:
    """不同意原告的第二项诉讼请求: claim → {sentence start: the reference}, by the complaint's numbered items (the answer
    alone does not say which claim its 第二项 is)."""
    complaint = replied_to(doc)
    numbered = numbered_items(complaint) if complaint is not None else {}
    items = {number: eid for number, item in numbered.items() if (eid := _claim_of(item))}
    found: dict[str, dict[int, re.Match[str]]] = {}
    if not items:
        return found
    for start, end in sentences(doc.text):
        for number, ref_start, ref_end in claim_references(doc.text, start, end):
            eid = items.get(number)
            if eid is not None:
                # a match object over the sentence's own offsets, as a noun's would be
                match = re.compile(re.escape(doc.text[ref_start:ref_end])).search(doc.text[start:end], ref_start - start)
                if match is not None:
                    found.setdefault(eid, {}).setdefault(start, match)
    return found


def _counter_figure(doc: Document, start: int, end: int, own: str, after: int) -> str | None:
    """A figure the answer's own words set against the claim after its noun (原告应向被告支付…双倍工资差额44698元,
    平均工资应为5200元); a figure it admits or restates is none."""
    for money in doc.mentions_in(start + after, end, "money"):
        local = money.start - start
        if own[local: local + 1] == "＿":
            continue  # inside a restated claim
        clause_start = max(own.rfind(m, 0, local) for m in "，,：:") + 1
        if not _COUNTER.search(own[clause_start: local]):
            continue
        if re.search(r"^[^，。；]{0,4}?(?:/|／)?(?:月|天)", doc.text[money.end: money.end + 4]):
            continue  # a rate, not the item's figure
        return f"{Decimal(str(money.value)):.2f}"
    return None


def replied_to(doc: Document) -> Document | None:
    """The complaint this answer replies to, read (None when the answer comes alone)."""
    # the pipeline runs this package: imported when used
    from engine.extraction.pipeline import replied_to as read

    return read(doc)


def _complaint_claims(doc: Document, worker: bool) -> set[str] | None:
    """The money claims the complaint makes (None when the answer comes alone): an answer takes no position on an
    item nobody claimed (不应支付任何经济补偿金 to a complaint that asks none), unless it sets a figure against it. A
    worker answering an employer's suit argues the award's items, which the suit names without claiming them: there,
    every item the complaint speaks of."""
    complaint = replied_to(doc)
    if complaint is None:
        return None
    if worker:
        return {eid for eid, noun in _CLAIMS if noun.search(complaint.text)}
    return {eid for eid, _ in _CLAIMS if eid in complaint.results}


def _complaint_facts(doc: Document) -> dict[str, object]:
    """The facts the complaint this answer replies to states (none when the answer comes alone)."""
    complaint = replied_to(doc)
    if complaint is None:
        return {}
    stated = complaint.results
    return {eid: stated[eid].value for eid in _COMPARED if eid in stated and stated[eid].value is not None}


# The facts whose value an answer may set against the complaint's.
_COMPARED = ("employment_start", "written_contract", "monthly_wage", "termination_by")
# Words that deny the figure a sentence names (标准工资不可能是800元, 并非5000元).
_DENIES = re.compile(r"不可能|不是|并非|不属实|否认|不知道|不认可|有误|不符")


def _same_as_complaint(doc: Document, results: dict[str, Candidate], complaint: dict[str, object]) -> None:
    """A value the answer gives that is the complaint's own is no counter-value: the answer agrees with it (admit),
    or, when a sentence naming it denies it, contests it without a value of its own (不可能是800元)."""
    for eid in ("employment_start", "written_contract", "monthly_wage"):
        found = results.get(eid)
        if doc.positions.get(eid) != "contest" or found is None or found.value is None \
                or complaint.get(eid) != found.value:
            continue
        denied = eid == "monthly_wage" and _wage_denied(doc, str(found.value))
        _put(doc, results, eid, "contest" if denied else "admit", None, found.spans[0])
    wage = complaint.get("monthly_wage")
    valueless = doc.positions.get("monthly_wage") == "contest" and "monthly_wage" in results \
        and results["monthly_wage"].value is None  # …不属实 contested it; the figure the answer sets against it counts
    if wage is not None and ("monthly_wage" not in doc.positions or valueless) and (denial := _wage_denied(doc, str(wage))):
        span, own = denial
        _put(doc, results, "monthly_wage", "contest", own, span)


def _position_named(doc: Document, results: dict[str, Candidate]) -> None:
    """The complaint's post named in the answer's own account (被答辩人在品质检验员岗位连续三个月漏检率超标): the
    answer agrees on it, unless the clause denies it (并非品质检验员)."""
    complaint = replied_to(doc)
    post = complaint.results.get("position") if complaint is not None else None
    if "position" in doc.positions or post is None or not isinstance(post.value, str) or len(post.value) < 2:
        return
    text = doc.text
    for found in re.finditer(re.escape(post.value), text):
        clause_start = left_mark(text, found.start(), "，,。；：:\n")
        if not _DENIES.search(text, clause_start, found.end()) and not _RETOLD.search(text, clause_start, found.start()):
            _put(doc, results, "position", "admit", None, found.span())
            return


def _wage_denied(doc: Document, wage: str) -> tuple[tuple[int, int], str | None] | None:
    """Where a sentence of the answer names the complaint's wage figure with a wage word and denies it, and the
    wage the same sentence sets against it (月工资为基本工资5800元…，并非固定6500元), if it gives one."""
    text = doc.text
    for start, end in sentences(text):
        figures = doc.mentions_in(start, end, "money")
        for money in figures:
            if f"{Decimal(str(money.value)):.2f}" == wage and _DENIES.search(text, start, end) \
                    and re.search("工资|月薪|薪资", text[start: money.start]):
                own = next((f"{Decimal(str(other.value)):.2f}" for other in figures
                            if f"{Decimal(str(other.value)):.2f}" != wage
                            and ((other.start < money.start and _OWN_WAGE.search(text, start, other.start))
                                 or (other.start > money.end and _ACTUAL.fullmatch(
                                     text, left_mark(text, other.start, "，,；："), other.start)))
                            and not re.match(r"^(?:加|＋|\+|左右)", text[other.end: other.end + 2])), None)  # 2000元加提成: a part
                return (money.start, money.end), own
    return None


# 月工资为基本工资5800元: the answer's own wage figure, after a wage word and 为 / 是; after the denied one, 实际为2800元.
_OWN_WAGE = re.compile(r"(?:工资(?:标准)?|月薪|薪资)(?:为|是|系)[^，。；]{0,8}$")
_ACTUAL = re.compile(r"(?:而|但)?(?:其)?(?:实际|应当?|仅)(?:月?工资)?(?:为|是|只有)?")


# The words of each ending, to find the complaint's ending said again in the answer: the answer's own and, for a
# worker's leaving, the complaint's verbs (原告从被告处辞职后: 辞职 alone).
_ENDING_WORDS = {"mutual": (_MUTUAL,), "expiry": (_EXPIRY,), "employer": (_DISMISSED,),
                 "employee": (_QUITS, _OWN_QUIT, WORKER_ACTS)}


def _ending(doc: Document, results: dict[str, Candidate], worker: bool, complaint_ending: object = None,
            replying: bool = False) -> None:
    """A side does not contest its own act: the employer saying it dismissed, the worker saying he resigned, admit
    the ending; the other side's act (the worker quit; the employer dismissed me), an agreement or an expiry is
    the ending the answer sets against the complaint. An agreement is asserted first; then the ending the complaint
    states, said again in the answer's own words (双方合同到期终止 to a complaint of expiry), is admitted."""
    text = doc.text

    def stated(found: re.Match[str]) -> bool:
        # not denied (并非自动离职), not someone else's (其他员工…已自行离职: the clause's subject is another worker),
        # not the end of a period (入职至离职从未签订)
        clause_start = left_mark(text, found.start(), "，,。；\n")
        return not re.search(r"并非|不是|不属于|否认|并不是|未|从未|没有", text[max(0, found.start() - 4): found.start()]) \
            and not _OTHER_WORKER.search(text, clause_start, found.start()) \
            and not _RETOLD.search(text, clause_start, found.start()) \
            and not re.search(r"(?:至|到)$", text[max(0, found.start() - 1): found.start()])  # 入职至离职: a period
    own = _OWN_QUIT if worker else _DISMISSED
    other, code = (_DISMISSED, "employer") if worker else (_QUITS, "employee")
    mutual = next((m for m in _MUTUAL.finditer(text) if stated(m)), None)
    if mutual is not None:
        if complaint_ending == "mutual":
            _put(doc, results, "termination_by", "admit", None, mutual.span())
        else:
            _put(doc, results, "termination_by", "contest", "mutual", mutual.span())
        return
    for pattern in _ENDING_WORDS.get(str(complaint_ending), ()):
        same = next((m for m in pattern.finditer(text) if stated(m)), None)
        if same is not None:
            _put(doc, results, "termination_by", "admit", None, same.span())
            return
    found = next((m for m in own.finditer(text) if stated(m)), None)
    if found is not None and replying and complaint_ending is None:
        # its own act, where the complaint states no ending: the ending the answer asserts (已将原告除名)
        _put(doc, results, "termination_by", "contest", "employee" if worker else "employer", found.span())
        return
    if found is not None:  # its own act: the side agrees who ended it
        _put(doc, results, "termination_by", "admit", None, found.span())
        return
    for pattern, value in ((other, code), (_EXPIRY, "expiry")):
        found = next((m for m in pattern.finditer(text) if stated(m)), None)
        if found is not None:
            _put(doc, results, "termination_by", "contest", value, found.span())
            return


# The other side's words retold (原告称… / 原告主张…), up to the clause's words in question.
_RETOLD = re.compile(P + r"[^，。；：:]{0,6}?(?:称|主张|认为|所述)")
_OTHER_WORKER = re.compile(r"(?:其他|其余|别的|另一|另外)(?:的)?(?:员工|职工|工人|同事|人)|同事")


# Words that make an employer's statement of a fact a defence rather than its account of the facts.
_ASSERTS = re.compile(r"已|确实|确已|签订过|订立过|共(?:签订|订立)|实际|应于|应当于|并非|不是|而非|双倍|二倍|2倍|事实上")


# 双方签订的是劳务协议: what was signed is no labour contract (劳务关系).
_SERVICE_AGREEMENT = re.compile(r"签订的(?:是|系|为)(?:劳务|承揽|承包|合作)(?:协议|合同)")
_REFUSED = re.compile(r"^[，,；;]?但[^。；]{0,12}?(?:拒绝|拒不|不愿|不肯|未|没有)(?:签订|签字|签)")
# The worker putting off the signing the employer asked for (…一再拖延 / 拒绝签订).
_DELAYED = re.compile(r"拖延|推脱|推托|拒绝|拒不|不愿|不肯")
# 该《聘用合同》并非自己签署: the contract named first, its signing denied after it.
_SIGNING_DENIED = re.compile(r"《?(?:劳动|聘用)合同》?(?:并非|不是|未经|没有|从未)[^，。；]{0,6}?(?:签署|签订|签字)")


def _contract(doc: Document, results: dict[str, Candidate], worker: bool,
              complaint: dict[str, object] | None = None) -> None:
    """已签订劳动合同 against a double-wage claim is a defence (contest true); an employer's account that a contract
    was signed, without such words, retells what the worker's complaint says (admit); an employer conceding none
    was signed admits it; a worker answering the employer's suit sets what he says against it."""
    text = doc.text
    statements: list[tuple[bool, bool, tuple[int, int]]] = []  # (asserted, negated, span)
    for found in _SIGNED.finditer(text):
        if re.match(r"^(?:的)?(?:二倍|双倍)", text[found.end(): found.end() + 4]):
            continue  # 未签订劳动合同二倍工资: a claim's name
        if re.search(TERMINATION_AGREEMENT, text[found.start(): found.end() + 4]):
            continue  # 签订的《终止（解除）劳动合同协议》: the agreement that ended it
        if re.search(r"要求|协商|是否|如果", text[max(0, found.start() - 8): found.start()]):
            if "要求" in text[max(0, found.start() - 8): found.start()] and not worker \
                    and _DELAYED.search(text, found.end(), right_mark(text, found.end(), "。；\n")):
                statements.append((False, True, found.span()))  # 要求原告签订劳动合同，原告一再拖延: none signed
            continue
        left = left_mark(text, found.start(), "，。；,\n")
        clause = text[left: found.end()]
        whole = text[left_mark(text, found.start(), "。；\n"): right_mark(text, found.end(), "。；\n")]
        if not re.search(P + "|" + D + r"|双方|我|公司|单位|职工|员工", clause) and (
                re.search(r"按|计算|规定|法|条|应当", clause) or re.search(r"计算方法|适用|[^，。；]条规定", whole)):
            continue  # reasoning about the law (按未订立劳动合同所对应时间… / …的计算方法为：…因未签劳动合同), no party's signing
        negated = _SIGN_NEGATED.search(text[max(left, found.start() - 12): found.start()] + found.group(0)) is not None
        sentence = text[left_mark(text, found.start(), "。；\n"): right_mark(text, found.end(), "。；\n")]
        if _REFUSED.match(text[found.end(): right_mark(text, found.end(), "。\n")]):
            negated = True  # 单位与职工签订劳动合同，但原告一直拒绝签订: offered, not signed
        statements.append((worker or (not negated and _ASSERTS.search(sentence) is not None), negated, found.span()))
    statements += [(True, True, found.span()) for found in _SIGNING_DENIED.finditer(text)]
    statements += [(True, True, found.span()) for found in _SERVICE_AGREEMENT.finditer(text)]
    if not statements:
        return
    # a defence anywhere (双方已经签订了劳动合同) outweighs an account of the facts before it
    asserted, negated, span = next((st for st in statements if st[0]), statements[0])
    if complaint is not None:
        # read against the complaint: its own account agrees (admit); a signing it does not state, or the other
        # way round, is the answer's own (contest with it)
        if complaint.get("written_contract") == (not negated):
            _put(doc, results, "written_contract", "admit", None, span)
        else:
            _put(doc, results, "written_contract", "contest", not negated, span)
        return
    if asserted:
        _put(doc, results, "written_contract", "contest", not negated, span)
    else:
        _put(doc, results, "written_contract", "admit", None, span)


# 原告以此为由解除劳动合同不能成立 / 以旷工为由解除劳动合同，事实依据不足: the other side's ground for the ending refuted.
_GROUND_REFUTED = re.compile(r"以[^。；]{0,20}?为由[^。；]{0,10}?(?:解除|终止)[^。；]{0,12}?"
                             r"(?:不能成立|不成立|事实依据不足|缺乏事实依据|没有事实依据|无事实依据|不属实|与事实不符)")


def _reason(doc: Document, results: dict[str, Candidate], worker: bool) -> None:
    """Why the employment ended, as the answer holds it: its own ending against the complaint's is contested with the
    clause that tells it (2024年5月31日系原告自行离职 → 原告自行离职); a ground of the other side refuted is contested
    without a value; the answer's own ground (原告不同意续订, 用工单位因…将原告退回) is contested with its clause; the
    complaint's ground for the answering side's own act, said again, is admitted."""
    text = doc.text
    ended = results.get("termination_by")
    if ended is not None and doc.positions.get("termination_by") == "contest" and ended.spans:
        start, end = ended.spans[0]
        clause = text[left_mark(text, start, "，,。；;\n"): right_mark(text, end, "，,。；;\n")]
        clause = re.sub(r"^\s*(?:\d{4}年)?(?:\d{1,2}月)?(?:\d{1,2}日)?(?:系|是|为|起|，)?", "", clause).strip()
        if clause:
            _put(doc, results, "termination_reason", "contest", clause, (start, end))
            return
    refuted = _GROUND_REFUTED.search(text)
    if refuted is not None:
        _put(doc, results, "termination_reason", "contest", None, refuted.span())
        return
    ground = _OWN_GROUND.search(text)
    if ground is not None:
        clause = text[left_mark(text, ground.start(), "，,。；;：:\n"): ground.end()]
        clause = re.sub(r"^\s*(?:[一二三四五六七八九十]+、|\d+[、.．])?\s*", "", clause)
        _put(doc, results, "termination_reason", "contest", clause, ground.span())
        return
    said = _own_ground_said(doc, worker)
    if said is not None:
        _put(doc, results, "termination_reason", "admit", None, said)


# The answer's own account of why it ended, against the complaint's: the worker refused to renew on the terms
# offered (第四十六条第五项's exception), the host employer returned the worker for a cause it names.
_OWN_GROUND = re.compile(P + r"[^，。；]{0,8}?(?:不同意|拒绝|拒不|不愿)续(?:订|签)"
                         r"|因[^，。；]{2,30}?将(?:" + P + r"|其)退回")
# Words of any ending, which say nothing of its ground (劳动合同, 解除), and the parties' names.
_GROUND_FILLER = re.compile(r"以|为由|" + P + "|" + D + r"[一二]?|劳动合同|劳动关系|解除|终止|与|的")
_GROUND_DENIED = re.compile(r"并非|不是|否认|从未|没有|未|不存在")


def _own_ground_said(doc: Document, worker: bool) -> tuple[int, int] | None:
    """The complaint's ground for an ending by the answering side, said again in the answer (以经济性裁员为由 to
    答辩人…进行经济性裁员): the side admits why it ended the employment. Four characters of the ground, apart from
    the words of any ending, must recur, not denied and not in the other side's words retold."""
    complaint = replied_to(doc)
    if complaint is None:
        return None
    reason, ended = (complaint.results.get(eid) for eid in ("termination_reason", "termination_by"))
    if reason is None or ended is None or not isinstance(reason.value, str) \
            or ended.value != ("employee" if worker else "employer"):
        return None
    text = doc.text
    for part in _GROUND_FILLER.split(reason.value):
        for at in range(len(part) - 3):
            for found in re.finditer(re.escape(part[at: at + 4]), text):
                clause_start = left_mark(text, found.start(), "，,。；\n")
                if not _GROUND_DENIED.search(text, clause_start, found.start()) \
                        and not _RETOLD.search(text, clause_start, found.start()):
                    return found.span()
    return None


def _term_with_contract(doc: Document, results: dict[str, Candidate]) -> None:
    """A written contract the answer denies (从未签订过书面劳动合同) against a complaint that states one with its term:
    the term is contested with it."""
    denied = results.get("written_contract")
    complaint = replied_to(doc)
    if denied is None or doc.positions.get("written_contract") != "contest" or denied.value is not False \
            or complaint is None:
        return
    for eid in ("contract_start", "contract_end"):
        if eid in complaint.results and complaint.results[eid].value is not None:
            _put(doc, results, eid, "contest", None, denied.spans[0])


def _facts_admitted(doc: Document, results: dict[str, Candidate]) -> None:
    """对入职时间、月平均工资7200元均无异议 / 入职、担任仓库管理员的事实属实: the facts named are admitted, unless the
    answer contests them with a value elsewhere."""
    text = doc.text
    for start, end in sentences(text):
        sentence = text[start:end]
        found = _FACT_ADMITTED.search(sentence)
        if found is None or re.search(r"不|有异议", sentence[max(0, found.start() - 2): found.start()]):
            continue
        head = sentence[: found.start()]
        for clause_start in [max(head.rfind(m) for m in "。；，,") + 1]:
            named = head[clause_start:] if "对" not in head[clause_start:] else head[head.rfind("对"):]
            if not named.strip() and clause_start:
                named = head
            for eid, noun in _FACT_NOUNS:
                hit = noun.search(named) or (noun.search(head) if "对" in head else None)
                if hit is None:
                    continue
                if doc.positions.get(eid) == "contest" and results.get(eid) is not None \
                        and results[eid].value is not None and results[eid].spans[0][0] < start + found.start() - 40:
                    continue  # contested with a value elsewhere
                _put(doc, results, eid, "admit", None, (start + hit.start(), start + hit.end()))


_REFUTED_FACT = re.compile(r"不属实|与事实不符|不是事实|并非事实|不真实|有误")


def _facts_denied(doc: Document, results: dict[str, Candidate]) -> None:
    """原告所述的入职时间不属实: a fact named in a clause that refutes it is contested, without a value (a value the
    answer sets against it is read elsewhere and kept)."""
    text = doc.text
    for start, end in sentences(text):
        for clause_start, clause_end in comma_clauses(text, start, end):
            clause = text[clause_start:clause_end]
            refuted = _REFUTED_FACT.search(clause)
            if refuted is None:
                continue
            for eid, noun in _FACT_NOUNS:
                hit = noun.search(clause, 0, refuted.start())
                if hit is None or eid == "written_contract" or eid in doc.positions:
                    continue
                _put(doc, results, eid, "contest", None, (clause_start + hit.start(), clause_start + hit.end()))




def _start(doc: Document, results: dict[str, Candidate], worker: bool, complaint_start: object = None) -> None:
    """The start an answer gives: a defence when it says so (实际入职时间, 应于…建立劳动关系) or when the worker answers
    the employer's suit, or when it is not the complaint's (入职时间是2016年1月1日 to a complaint of 2015年3月); an
    employer's plain account of when the worker began retells the complaint (admit)."""
    text = doc.text
    for mention in doc.mentions_in(0, len(text), "date"):
        if len(str(mention.value)) < 4:
            continue
        before = text[max(0, mention.start - 10): mention.start]
        after = text[mention.end: mention.end + 24]
        if (_START.search(before) and _START_AFTER.match(after)) or re.search(r"入职(?:时间)?(?:是|为)$", before) \
                or re.search(r"(?:入职|工作|用工)(?:的)?(?:时间|日期)(?:即|为|是|应为)$", before) \
                or re.match(r"^(?:至\d{4}年)?[^，。；]{0,4}?(?:建立劳动关系|在原告处上班)", after):
            sentence = text[left_mark(text, mention.start, "。；\n"): right_mark(text, mention.end, "。；\n")]
            other = complaint_start is not None and not (str(mention.value).startswith(str(complaint_start))
                                                         or str(complaint_start).startswith(str(mention.value)))
            if worker or other or _ASSERTS.search(text[left_mark(text, mention.start, "，,。；"): mention.start]) \
                    or re.search(r"实际|应于|应当于|应当从|应从|才(?:到|入职|进入)|并非|而非", sentence):
                _put(doc, results, "employment_start", "contest", mention.value, (mention.start, mention.end))
            else:
                _put(doc, results, "employment_start", "admit", None, (mention.start, mention.end))
            return

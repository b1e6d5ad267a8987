"""劳动争议 complaints by the grammar of their clauses: the employment facts (start, job, monthly wage, written
contract, who ended it and when) and the money claims item by item.

A pleading states each fact in a clause of its own, and what a figure or a date belongs to is said by the words
around it in that clause: 入职 / 到…处工作 after a date make it the start; 担任 / 从事…工作 / 岗位为 frame the job; a
wage word right before a figure (月工资5000元) or a month after it (3000元/月) make it the monthly wage, and 每天,
左右, 加绩效 or a list of wage parts make it no single monthly figure; a claim item's own noun (经济补偿金, 赔偿金,
二倍工资 …) says which claim its figure is. Who ended the employment is told by the verb: some verbs only an
employer does (辞退, 开除, 除名, 按自动离职处理), some only a worker (辞职, 自动离职, 被迫解除), and 解除 / 终止 by
whoever is the subject, or the other party of the one a notice is sent to (向被告寄送解除通知), mapped to employer or
worker by who sues.

A work period (DATE至DATE在被告处工作) opens with the start and closes with the ending's day; a job denied (没有从事…)
or a business scope is no job; a figure inside its item's bracketed breakdown, a surcharge for not paying another sum
(不支付经济补偿的双倍赔偿金) and a 赔偿金 with no ground are no claim of their own; a contract signed after a dated
period without one is a contract; a termination agreement (终止（解除）劳动合同协议) is the agreed ending; a contract the
employer keeps (由被告保管) is one signed.

Clause marks vary (a full stop written as a comma, a semicolon for a comma): the claims begin at the clause that asks,
not its sentence (…辞职，现诉至法院，请求判令…), and end where the plaintiff's statement ends whatever mark closes the
last item.
"""

from __future__ import annotations

import re
from decimal import Decimal

from engine.casetypes import read_package_yaml
from engine.extraction.document import Candidate, Document, sentences
from engine.extraction.mention import Mention

CLAUSE_MARKS = "，,。；;：:\n"
SENTENCE_MARKS = "。；\n"
# Every look for a mark around a position stays within this many characters (a sentence is at most 400 long,
# engine/extraction/document.py), so a text without the mark is not scanned whole once per mention.
WINDOW = 400


def left_mark(text: str, position: int, marks: str) -> int:
    """Just after the last of `marks` before `position` (within WINDOW)."""
    low = max(0, position - WINDOW)
    return max([text.rfind(mark, low, position) + 1 for mark in marks] + [low])


def right_mark(text: str, position: int, marks: str) -> int:
    """The first of `marks` at or after `position` (within WINDOW)."""
    high = min(len(text), position + WINDOW)
    return min([i for i in (text.find(mark, position, high) for mark in marks) if i >= 0], default=high)


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause around [start, end): from the mark before it to the mark after it."""
    return left_mark(text, start, CLAUSE_MARKS), right_mark(text, end, CLAUSE_MARKS)


def _set(results: dict[str, Candidate], eid: str, value: object, span: tuple[int, int], confidence: float = 0.8) -> None:
    results[eid] = Candidate(eid, value, [span], confidence, "derived", span[0])


# --- where the claims are ---------------------------------------------------------------------------------------
# A complaint without headings asks in a sentence of its own: 请求判令… / 诉请判令… / 要求被告支付… / 提出诉讼请求：
_ASKS = re.compile(
    r"(?:请求|诉请|要求|诉至法院|起诉至法院)(?:人民)?(?:法院|贵院|本院)?(?:依法)?(?:判令|判决|裁决|确认|撤销|改判)"
    r"|请求[^，。；]{0,10}?(?:法院|贵院|本院)(?:依法)?(?:判令|判决|裁决|确认|撤销)"
    r"|(?:诉讼请求|诉请|请求如下|请求)[:：]|提出(?:如下)?诉讼请求|现诉请|诉请判令|现(?:原告|我|本人)?(?:起诉)?(?:要求|请求|诉请)"
    r"|要求(?:判令)?(?:被告|原告|[\u4e00-\u9fa5]{2,12}(?:公司|单位|中心|厂))(?:向(?:原告|被告|我)?)?(?:支付|给付|赔偿|补发|补缴|返还)"
)
# Where the claims stop: the facts heading, or the reasons an appeal or application gives after its claims
# (主要理由：1、… / 上诉理由如下).
_FACTS_HEAD = re.compile(r"事实(?:与|和|及)理由[:：]?|(?:主要|上诉|申请|具体)理由(?:如下)?[:：]?|理由如下[:：]?")


# Where the plaintiff's own statement stops in a text that runs on (a judgment's complaint part): the other side's
# written answer, the evidence, the court's reasoning and orders.
_STATEMENT_END = re.compile(
    r"(?:提交|提出|递交)(?:了|的)?(?:书面)?答辩(?:意见|状)|答辩如下|未作答辩|未到庭|本院认为|经审理|判决如下|根据当事人陈述"
    r"|(?:原告|被告)[^，。；]{0,16}?(?:提交|提供)(?:了)?(?:下列|如下|以下)证据|为证明其主张|本院依职权|本院另|本院依据|确认以下(?:案件)?事实"
)


def statement_end(doc: Document) -> int:
    """The end of what the first party itself says."""
    found = _STATEMENT_END.search(doc.text)
    return found.start() if found else len(doc.text)


def claim_region(doc: Document) -> tuple[int, int]:
    """The claims: from the first sentence that asks (请求判令 / 要求被告支付 / 诉讼请求：…) to the facts heading or the
    end of the statement; the claims section of a complaint with headings when it holds more figures."""
    text = doc.text
    stop = statement_end(doc)
    start, end = doc.section("claims")
    if start < stop < end:
        end = stop  # a section running on past the statement (…补缴社会保险；本院依职权调取…)
    asks = _ASKS.search(text, 0, stop)
    if asks is None:
        return (start, end) if end > start else (len(text), len(text))
    # the clause that asks, not its sentence: facts run on into it by a comma (…辞职，现诉至法院，请求判令…)
    begin = max(text.rfind(mark, 0, asks.start()) for mark in CLAUSE_MARKS.replace("：", "").replace(":", "")) + 1
    facts = _FACTS_HEAD.search(text, asks.end(), stop)
    found = (begin, facts.start() if facts else _claims_run_to(doc, asks.end(), stop))
    in_section, in_found = len(doc.mentions_in(start, end, "money")), len(doc.mentions_in(*found, "money"))
    inside = found[0] < start < found[1]
    if end > start and (in_section > in_found or in_section == in_found and (in_section or not inside)):
        return start, end  # (a figureless 诉讼请求 starting inside the asking clause's claims is no section of its own)
    return found


# A sentence that still belongs to the claims: a figure, an item's number, the costs or a verb of asking.
_CLAIM_SENTENCE = re.compile(r"^\s*(?:\d{1,2}[、.．]|[一二三四五六七八九十]、|[（(]\d{1,2}[）)])|诉讼费|受理费|费用|承担|判令|请求|要求|撤销|确认|改判|支付|赔偿")


def _claims_run_to(doc: Document, after: int, stop: int) -> int:
    """Without a facts heading, the claims run from the asking sentence over the sentences that continue them,
    up to the first that does not (申请人…请求撤销该裁决。被申请人于…入职: the facts follow the claims)."""
    text = doc.text
    runs = sentences(text, after, stop)
    if not runs:
        return stop
    for start, end in runs[1:]:
        if not (doc.mentions_in(start, end, "money") or _CLAIM_SENTENCE.search(text[start:end])):
            return start
    return stop


# --- who sues ---------------------------------------------------------------------------------------------------
_ORG_PLAINTIFF = re.compile(
    r"^[^。；]{0,12}?(?:原告|(?<!被)上诉人)[（(]?[^，。：:（(向]{0,30}?(?:公司|厂|院|中心|所|站|局|矿|社|店|部|协会|办事处|医院|学校|集团|银行|ORG\d*)"
    r"[）)]?(?:[^，。：:]{0,6})?(?:诉称|起诉称|上诉称|向本院提出|提出诉讼请求)"
)
_WORKER_IS_DEFENDANT = re.compile(r"被告[^，。；]{0,10}?(?:入职|到)原告|被告(?:系|是|为)原告(?:的|单位|公司)?(?:员工|职工)|原告[^，。；]{0,6}?(?:辞退|开除)(?:了)?被告")


def employer_sues_in(complaint: str) -> bool:
    """Whether a complaint's words alone (no party block read) say the employer sues the worker after an award: its
    claims ask not to pay, or its first party is an organisation (or the worker is the defendant) and it speaks of
    the award."""
    asks = _ASKS.search(complaint)
    if _NO_PAYMENT.search(complaint, asks.start() if asks else len(complaint)):
        return True
    employer_first = _ORG_PLAINTIFF.search(complaint[:80]) or re.match(r"^[^。]{0,6}?原告(?:[^，。]{0,4})?(?:公司|单位)", complaint) \
        or _WORKER_IS_DEFENDANT.search(complaint)
    return bool(employer_first and re.search(r"仲裁|裁决", complaint))


def employer_plaintiff(doc: Document, orgs_sue: bool | None) -> bool:
    """The employer sues (an appeal against an award) when the party block says so; without a party block, when the
    plaintiff's name is an organisation's or the text puts the worker on the defendant's side."""
    if orgs_sue is not None:
        return orgs_sue
    text = doc.text
    if _ORG_PLAINTIFF.search(text[:80]) or re.match(r"^[^。]{0,6}?原告(?:[^，。]{0,4})?(?:公司|单位)", text):
        return True
    start, end = claim_region(doc)
    if _NO_PAYMENT.search(text, start, end):
        return True
    return bool(_WORKER_IS_DEFENDANT.search(text))


# --- claims item by item ----------------------------------------------------------------------------------------
def claim_nouns(use: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """claims.yaml as (claim id, pattern) in its order, for `use` "items" (a complaint's claim items) or
    "sentences" (an answer's sentences): the shared nouns and that use's own."""
    return tuple((row["id"], re.compile("|".join([*row["nouns"], *row.get(use, [])])))
                 for row in read_package_yaml(__file__, "claims.yaml"))


# The claim a figure belongs to, by the nouns of its own item (checked in this order).
_CLAIM_NOUNS = claim_nouns("items")
# Items that hold a claim noun but are not that claim (生活费, allowances, a total of other items).
_NOT_A_CLAIM = re.compile(r"生活费|生活补助|失业金|失业保险金|取暖|防暑|降温|差旅|误工|冬季工资|十三薪|年终|医疗|伙食|护理|丧葬|抚恤|工亡|工伤|精神"
                          r"|伤残|代通知金|押金|抵押金|罚款|利息|诉讼费|受理费")
# A sum added for not paying another one on time (劳部发〔1994〕481号; 劳动合同法第八十五条): 不支付经济补偿的双倍赔偿金,
# 经济补偿金的50%的经济赔偿金 — no termination claim.
_SURCHARGE = re.compile(r"(?:(?:不|未)(?:按时|及时|足额)?(?:支付|发放)[^，。；]{0,10}?(?:经济补偿|补偿金|工资|津贴|加班费|报酬)[^，。；]{0,4}?"
                        r"|\d+(?:\.\d+)?[%％]的?)(?:的)?(?:双倍|二倍|加倍)?(?:的)?(?:额外)?(?:经济)?赔偿金$"
                        r"|\d+(?:\.\d+)?[%％]的?(?:额外)?(?:经济)?补偿金$")
# 一次性补偿金3万元（因停缴保险期间病情加重给予的补偿）: a bare 补偿金 whose bracket gives another ground.
_OTHER_GROUND = re.compile(r"^[（(][^）)]{0,40}?(?:保险|病|伤|医)")
_CHANGED = re.compile(r"变更为|变更至|变更诉讼请求为|减少为|增加为")
_ITEM_BOUNDARY = re.compile(r"[；;。]|(?<![\d.])\d{1,2}[、.．](?!\d)|[一二三四五六七八九十]、|[（(]\d{1,2}[）)]")


def _item_head(text: str, begin: int, money: Mention, previous_end: int) -> str:
    """The words of a figure's own item: back to the previous figure, the item's number or a clause mark."""
    start = max(begin, previous_end)
    head = text[start: money.start]
    boundaries = [found.end() for found in _ITEM_BOUNDARY.finditer(head) if found.end() < len(head)]
    head = head[boundaries[-1]:] if boundaries else head
    cut = max(head.rfind("，"), head.rfind(","))
    # 要求被告支付：双倍工资30379元，经济补偿金8400元: a comma ends the previous item only when a noun follows it.
    if cut >= 0 and any(p.search(head[cut + 1:]) for _, p in _CLAIM_NOUNS):
        head = head[cut + 1:]
    return head


def _item_start(text: str, begin: int, position: int) -> int:
    """Where the claim item holding `position` begins (its number, a semicolon, the region's start)."""
    low = max(begin, position - WINDOW)
    ends = [found.end() for found in _ITEM_BOUNDARY.finditer(text, low, position)]
    return ends[-1] if ends else low


_CLAIM_NOUNS_BY_ID = dict(_CLAIM_NOUNS)
# What makes a 赔偿金 the one for an unlawful ending (else only a separate 经济补偿金 beside it does).
_TERMINATION_GROUND = re.compile(r"违法|解除|终止|辞退|开除|解雇|除名|双倍|二倍|2倍")


def _inside_brackets(between: str) -> bool:
    """Whether a bracket opened since the item's last counted figure is still open (the figure explains it)."""
    return sum(between.count(mark) for mark in "（(［[") > sum(between.count(mark) for mark in "）)］]")


def read_claims(doc: Document, results: dict[str, Candidate], region: tuple[int, int],
                employer_sues: bool = False) -> bool:
    """Each figure of the claims under the claim its item names; several items of one claim add up; a changed
    figure (变更为X元) replaces the claim it changes. When the employer sues, only the figures it asks not to pay
    are claims (判令原告应向被告支付工资4242.26元 is what it concedes). False when there are no claims to read."""
    begin, end = region
    if end <= begin:
        return False
    text = doc.text
    found: dict[str, list[tuple[Decimal, tuple[int, int]]]] = {}
    last: str | None = None
    previous_end = counted_end = begin
    refusing = False  # an employer's 不予支付 carries over to the items after it that have no verb of their own
    for money in doc.mentions_in(begin, end, "money"):
        item = text[_item_start(text, begin, money.start): money.start]
        if _REFUSES.search(item):
            refusing = True
        elif re.search(r"支付|给付|承担|退还|返还|赔偿", item):
            refusing = False
        head = _item_head(text, begin, money, previous_end)
        after = text[money.end: money.end + 3]
        if head.rstrip().endswith(("（", "(", "×", "*", "x", "X", "＋", "+", "-", "－", "÷")) or re.match(r"^\s*[/／×*]", after):
            # a figure inside another's arithmetic (700元/月×27个月, 1630×18×2): the result's item runs back over it
            continue
        previous_end = money.end
        if _CHANGED.search(head) and last is not None and not any(p.search(head) for _, p in _CLAIM_NOUNS):
            found[last] = [(Decimal(str(money.value)), (money.start, money.end))]
            continue
        if _NOT_A_CLAIM.search(head) and ("失业" in head or not _CLAIM_NOUNS_BY_ID["claim_social_insurance_loss"].search(head)):
            continue
        if _SURCHARGE.search(head):
            continue
        if _inside_brackets(text[max(begin, counted_end): money.start]):
            continue  # 工资4500元（其中包括：11月工资500元…）/ ［50天×9年×50元=22500元］: the item's breakdown
        if re.search(r"(?<![经济离职])补偿金$", head) and not re.search(r"经济|离职|解除", head) \
                and _OTHER_GROUND.match(text[money.end: money.end + 42]):
            continue
        if employer_sues and not refusing:
            continue
        eid = next((eid for eid, pattern in _CLAIM_NOUNS if pattern.search(head)), None)
        if eid is None:
            continue
        if eid == "claim_illegal_termination" and not _TERMINATION_GROUND.search(head) \
                and not _CLAIM_NOUNS_BY_ID["claim_economic_compensation"].search(text, begin, end):
            continue  # 经济赔偿金 with no ground and no 经济补偿金 beside it: not said to be for an unlawful ending
        named = {other for other, pattern in _CLAIM_NOUNS if pattern.search(head)} - {"claim_unpaid_wages"} | (
            {"claim_unpaid_wages"} if re.search(r"(?<![倍班假])工资[、和及与]", head) else set())
        if len(named) > 1 and re.search(r"(?:合计|共计|总计|共)(?:为)?$", head):
            continue  # 工资、经济补偿金共计70650元: one figure for several claims is not split
        if _CHANGED.search(head):
            found[eid] = []
        found.setdefault(eid, []).append((Decimal(str(money.value)), (money.start, money.end)))
        last = eid
        counted_end = money.end
    if not found and not doc.mentions_in(begin, end, "money"):
        return False
    # 诉讼中，原告将该项请求变更为15000元: a change stated after the claims replaces the claim it names or the last.
    for start, stop in sentences(text, end):
        if not _CHANGED.search(text[start:stop]):
            continue
        for money in doc.mentions_in(start, stop, "money"):
            head = text[start: money.start]
            eid = next((eid for eid, pattern in _CLAIM_NOUNS if pattern.search(head)), last)
            if eid is not None and _CHANGED.search(head):
                found[eid] = [(Decimal(str(money.value)), (money.start, money.end))]
    for eid, _ in _CLAIM_NOUNS:
        results.pop(eid, None)  # the items decide; a generic cue's pick of a figure near a keyword does not
    for eid, figures in found.items():
        total = sum((value for value, _ in figures), Decimal("0"))
        results[eid] = Candidate(eid, f"{total:.2f}", [span for _, span in figures], 0.85, "derived", figures[0][1][0])
    return True


# …不支付经济补偿的双倍赔偿金: a claim's name (a sum for not paying another), not a refusal to pay.
_SURCHARGE_NAME = r"(?![^，。；]{0,6}?(?:经济补偿|补偿金|工资|津贴|加班费|报酬)[^，。；]{0,2}?(?:的)?(?:双倍|二倍|加倍)?(?:的)?(?:经济)?赔偿金)"
_REFUSES = re.compile(r"(?:无需|无须|不需|勿需|不予|不应|不用|不必|不)(?:再)?(?:承担)?(?:向(?:被告|被上诉人|被申请人)[^，。；]{0,12}?)?(?:支付|给付|返还|退还)" + _SURCHARGE_NAME)
_NO_PAYMENT = re.compile(
    r"(?:原告|(?<!被)上诉人|判令|判决|改判|请求|确认)[^，。；]{0,12}?(?:无需|无须|不需|勿需|不予|不应|不用|不必|免于|不)(?:再)?(?:向(?:被告|被上诉人|被申请人)[^，。；]{0,12}?)?"
    r"(?:支付|给付|返还|退还|承担)" + _SURCHARGE_NAME
)


_SET_ASIDE = re.compile(r"撤销(?:原判|原审|一审|仲裁裁决|[^，。；]{0,16}?(?:判决|裁决))")
# An employer appealing asks the court to dismiss the worker's claims (驳回被上诉人的诉讼请求): it owes nothing.
_DISMISS_WORKER = re.compile(r"驳回(?:被上诉人|被告|被申请人)[^，。；]{0,4}?(?:全部)?(?:诉讼)?请求")


def read_no_payment(doc: Document, results: dict[str, Candidate], region: tuple[int, int],
                    employer_sues: bool = False) -> None:
    """The employer asks not to pay what the award ordered (判令原告无需 / 不 / 不应 / 不用支付…), or, appealing, asks
    that the worker's claims be dismissed."""
    text = doc.text
    found = _NO_PAYMENT.search(text, *region) if region[1] > region[0] else None
    if found is None and employer_sues and region[1] > region[0]:
        found = _DISMISS_WORKER.search(text, *region)
        if found is None and _SET_ASIDE.search(text, *region):
            # 请求撤销原判, with the statement that it owes nothing (上诉人不应承担支付工资的责任)
            found = next((m for m in _NO_PAYMENT.finditer(text, 0, statement_end(doc))
                          if not region[0] <= m.start() < region[1]), None)
    if found is not None:
        _set(results, "claim_no_payment", True, found.span())


# --- the job ----------------------------------------------------------------------------------------------------
_JOB = re.compile(
    r"(?:担任|从事的是|从事|工作岗位为|工作岗位是|岗位为|岗位是|岗位[:：]|职务[:：]|工种[:：]|工种为?|职务为|职务是|职位为|职位是"
    r"|(?<=[，,。；、])任|(?:(?<=公司)|(?<=单位)|(?<=处))任(?![何意务由凭])|(?<=处)做|(?<=[店厂场馆])做(?![出了好过])|(?<=负责)做"
    r"|(?<=[店厂场馆处司])当(?![时天日月年地初])"
    r"|(?:聘(?:请|用)?|招用|招聘|录用|雇用|雇佣)(?:我|原告|被告|其)为(?:其)?(?:公司)?|(?<=被)(?:[^，。；]{0,8}?)聘为|作为(?:被告|原告)(?:公司|单位)?的?"
    r"|(?:原告|被告|我)(?:系|是)(?:被告|原告)?(?:公司|单位)的)"
    r"(?P<job>[^，。；、,（(：:“”\d]{1,16}?)(?:一职|职务|岗位|的工作|等工作|工作)?(?=[，。；,、（(]|$)"
)
_NOT_A_JOB = re.compile(r"(?<!作)业$|^(?:本|该|此|原|其|这|新|过|了)|^[一二三四五六七八九十两几\d]+(?:个|名|人)|劳动|业务活动|经营|租赁|名义|期间|以来|工作时|管理(?!员)|有报酬|职责|义务|活动|事宜|行为|员工|职工|人员|争议|仲裁|调整")


# 竞聘在该单位的理赔岗位工作: the post named before 岗位, after a verb that puts the worker on it.
_POST = re.compile(r"(?:竞聘|调(?:到|至|入|往|任)|安排|分配)[^，。；]{0,12}?的(?P<job>[^，。；、,（(的\d]{1,8}?)岗位")
# A job denied (也没有从事具体的生产岗位, 从未在工地从事…) or the employer's business (营业范围是从事…) is no job.
_JOB_DENIED = re.compile(r"没有|从未|并未|未曾|不曾|从没|经营范围|营业范围|业务范围")


def read_position(doc: Document, results: dict[str, Candidate], outside: tuple[int, int]) -> None:
    """The job noun as written (担任物流中心副经理一职 → 物流中心副经理), the last stated outside the claims (a
    worker moved to another job holds the later one); none when the statement frames no job, whatever a generic
    pick near 岗位 / 从事 found."""
    text, stop = doc.text, statement_end(doc)
    framed = sorted([*_JOB.finditer(text, 0, stop), *_POST.finditer(text, 0, stop)], key=lambda found: found.start())
    jobs = [found for found in framed
            if not outside[0] <= found.start() < outside[1]
            and found.group("job").strip() and not _NOT_A_JOB.search(found.group("job"))
            and not _JOB_DENIED.search(text, left_mark(text, found.start(), CLAUSE_MARKS), found.start())]
    if jobs:
        job = jobs[-1]
        # 任被告公司财务总监: the employer named before the job is not part of it
        lead = re.match(r"^(?:被告|原告)(?:公司|单位|处)?(?:的)?", job.group("job"))
        cut = lead.end() if lead and lead.end() < len(job.group("job").strip()) else 0
        _set(results, "position", job.group("job")[cut:].strip(), (job.start("job") + cut, job.end("job")))
    elif "position" in results and results["position"].source != "form":
        del results["position"]


# --- the start --------------------------------------------------------------------------------------------------
_STARTS = re.compile(
    r"^(?:份|初|底)?(?:起|开始)?[，,]?(?:原告|被告|我|其|本人)?(?:正式)?(?:经[^，。；]{1,8}?介绍)?(?:[^，。；]{0,4})?"
    r"(?:入职|进入|来到|调到|调入|(?:由|从)[^，。；]{1,16}?(?:调到|调入|调至|调往|转到|转入)|应聘(?:到|至|进入)|到(?!期)[^，。；]{0,20}?(?:工作|上班|务工|打工|任职|做|当|从事|担任|参加工作)"
    r"|在[^，。；]{0,20}?(?:工作|上班|务工|打工)"
    r"|在[^，。；]{0,20}?(?:担任|任职|从事)|建立(?:了)?劳动关系|参加工作|被[^，。；]{0,8}?(?:招聘|聘用|录用|聘为|聘请为|雇佣|雇用)"
    r"|开始(?:在|为)[^，。；]{0,12}?(?:工作|上班|提供劳动)|(?<=开始)(?:上班|工作|务工)|(?<=起)(?:上班|工作|务工)"
    r"|[^。；]{0,20}?(?:聘|招用|招聘|录用|雇用|雇佣)(?:请|用)?(?:我|原告|被告)(?:为|担任))"
)
_NOT_A_START = re.compile(r"受伤|死亡|离职|辞职|解除|终止|签订|合同|停薪|待岗|裁决|仲裁|申请")
_PERIOD_JOIN = re.compile(r"^(?:至|到|－|-|—|~|～)$")


def _period_until(text: str, dates: list[Mention], mention: Mention) -> Mention | None:
    """The date that closes a period `mention` opens (DATE至DATE), if one follows right after it."""
    later = next((other for other in dates if other.start >= mention.end), None)
    if later is not None and _PERIOD_JOIN.match(text[mention.end: later.start]):
        return later
    return None


def _range_end_of(text: str, dates: list[Mention], mention: Mention) -> Mention | None:
    """The date that opens the period `mention` closes (…至DATE), if any."""
    earlier = next((other for other in reversed(dates) if other.end <= mention.start), None)
    if earlier is not None and _PERIOD_JOIN.match(text[earlier.end: mention.start]):
        return earlier
    return None


# …至DATE在被告处工作 / …至DATE，总共在被告处工作: the work period the second date closes.
_WORKED = re.compile(r"^[，,]?(?:原告|我|本人|其)?(?:[^，。；]{0,4})?在[^，。；]{0,20}?(?:工作|上班|务工|从事|担任)")


def work_period_end(doc: Document, outside: tuple[int, int]) -> Mention | None:
    """The last day of the work period the statement gives (DATE至DATE在被告处工作), outside the claims."""
    text = doc.text
    dates = doc.mentions_in(0, statement_end(doc), "date")
    found = None
    for mention in dates:
        if outside[0] <= mention.start < outside[1]:
            continue
        opens = _range_end_of(text, dates, mention)
        if opens is not None and _WORKED.match(text[mention.end: mention.end + 30]):
            found = mention
    return found


def read_start(doc: Document, results: dict[str, Candidate], outside: tuple[int, int]) -> None:
    """The first date a clause makes the day work began (DATE入职 / DATE，原告到被告处工作 / 自DATE在被告处务工)."""
    text = doc.text
    dates = doc.mentions_in(0, statement_end(doc), "date")
    for mention in dates:
        if outside[0] <= mention.start < outside[1] or _range_end_of(text, dates, mention) is not None:
            continue
        # DATE至DATE在被告处工作: the period's first date is the start, the clause after the second says so
        until = _period_until(text, dates, mention)
        if until is not None and re.search(r"合同|期限|签订|协议", text[left_mark(text, mention.start, CLAUSE_MARKS): mention.start]):
            continue  # 合同期限自DATE至DATE: the contract's term, not the work's
        rest = text[(until or mention).end: (until or mention).end + 40]
        clause_end = min((i for i in (rest.find(m) for m in "。；") if i >= 0), default=len(rest))
        rest = rest[:clause_end]
        starts = _STARTS.match(rest)
        if starts is None or _NOT_A_START.search(rest[: starts.end()]):
            continue
        if re.search(r"受[^，。；]{0,10}?雇佣", text[max(0, mention.start - 12): mention.end + 12]):
            continue  # hired by a third person, not by the party sued
        _set(results, "employment_start", mention.value, (mention.start, mention.end))
        return
    generic = results.get("employment_start")
    if generic is not None and generic.source == "cues" and generic.spans:
        left, right = _clause(text, *generic.spans[0])
        _, after = _clause(text, right + 1, right + 1) if right < len(text) else (right, right)
        lead = text[left_mark(text, generic.spans[0][0], SENTENCE_MARKS): generic.spans[0][0]]
        if re.search(_NOT_A_START.pattern + r"|退休|雇佣", text[left:right]) or re.search(r"受伤|雇佣|退休", text[right:after]) \
                or lead.count("“") > lead.count("”") or lead.endswith("关于"):
            del results["employment_start"]  # a date near 工作 that a clause makes an injury, a retirement, a title …


# --- the monthly wage -------------------------------------------------------------------------------------------
_WAGE_WORD = re.compile(r"(?:(?<![拖欠发付])工资(?=(?:为|是)?每月)|月工资|每月工资|月均工资|月平均工资|平均工资|月均|月平均|月收入|月薪|工资标准|标准工资|底薪|固定工资|每月(?:税后)?(?:固定)?工资"
                        r"|(?:试用期|转正后|转正)(?:间|期间)?的?工资)"
                        r"(?:由)?(?:为|是|应为|应当为|实际为|仅为|标准为|约定为|核定为|调整为|调至|涨至|达到)?(?:人民币|每月)?$")
_PER_MONTH = re.compile(r"^(?:（?人民币）?)?\s*(?:/|／|每)\s*月|^每月")
_NOT_MONTHLY = re.compile(r"^(?:\s*(?:/|／|每)\s*(?:天|日|小时|时|班)|左右|余|上下|多|加(?!班)|＋|\+|及(?!时))")
_OWED = re.compile(r"拖欠|欠发|欠付|未发|未付|克扣|差额|补发|支付|共计|合计|只发|仅发|工资款")
_ALONE = re.compile(r"核定|约定|月工资|每月|月均|月平均|平均|月收入|月薪|标准|底薪|固定")


def comma_clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The comma-delimited clauses of text[start:end] as spans."""
    spans, at = [], start
    for found in re.finditer(r"[，,]", text[start:end]):
        spans.append((at, start + found.start()))
        at = start + found.end()
    return [*spans, (at, end)]


def read_wage(doc: Document, results: dict[str, Candidate], outside: tuple[int, int], answer: bool = False) -> None:
    """One exact monthly figure, the latest stated: a wage word right before it or a month after it; a figure per
    day, an approximate one, one with more parts (700元加绩效, 基本工资…、工龄工资…) is no monthly wage, unless the
    parts are added up (合计)."""
    text = doc.text
    best: Mention | None = None
    for mention in doc.mentions_in(0, len(text) if answer else statement_end(doc), "money"):
        in_claims = outside[0] <= mention.start < outside[1]
        if in_claims and not re.match(r"^\s*(?:/|／)\s*月(?![×*xX])", text[mention.end: mention.end + 4]):
            continue  # a claim's figure; only a rate per month (按2081.93元/月的标准) says the wage there
        left, right = _clause(text, mention.start, mention.end)
        before = text[left: mention.start]
        after = text[mention.end: right]
        sentence_start = left_mark(text, mention.start, SENTENCE_MARKS)
        sentence = text[sentence_start: right_mark(text, mention.end, SENTENCE_MARKS)]
        total = re.search(r"(?:合计|共计|总计|共)(?:为)?$", before)
        # the wage's parts, in the clauses that state the wage (not one that sums up arrears: 拖欠工资、经济补偿金共计…)
        stated = [(at, to) for at, to in comma_clauses(text, sentence_start, sentence_start + len(sentence))
                  if at <= mention.start < to or not _OWED.search(text, at, to)]
        parts = sum(len(doc.mentions_in(at, to, "money")) for at, to in stated) > 1 and (
            re.search(r"由[^。；]{0,20}(?:构成|组成)", sentence)
            or any(re.search(r"[、加＋+及][^，。；]{0,8}(?:工资|补|津贴|奖金|绩效)", text[at:to]) for at, to in stated))
        if total and parts and re.search(r"工资", sentence) and not re.search(r"拖欠|欠发|欠付|未发|未付|克扣|差额", before):
            best = mention
            continue
        if _NOT_MONTHLY.match(after) or parts or re.match(r"^\s*(?:/|／)\s*月\s*[×*xX]", after):
            continue
        worded = _WAGE_WORD.search(before[-14:]) is not None
        per_month = _PER_MONTH.match(after) is not None
        if not (worded or per_month):
            continue
        word_at = before.rfind("工资") if worded else -1
        if _OWED.search(before[max(0, word_at - 8): word_at + 2] if word_at >= 0 else before[-10:]):
            continue  # 拖欠工资共10124元, 工资差额: money owed, not the wage
        if worded and not per_month and before.endswith(("工资", "工资为", "工资是")) and not _ALONE.search(before[-8:]):
            if re.search(r"期间|月份|\d月", before[-14:]) and not answer:
                continue  # 2016年9月工资5000元: one month's pay claimed, not the monthly wage
        best = mention
    if best is not None:
        _set(results, "monthly_wage", f"{Decimal(str(best.value)):.2f}", (best.start, best.end))
    else:
        results.pop("monthly_wage", None)  # a generic pick near 工资 is one of the figures rejected above


# --- the written contract ---------------------------------------------------------------------------------------
_SIGNED = re.compile(
    r"(?:签订|订立|签署|签)(?:了|过)?(?:[^，。；]{0,16}?|期限[^。；]{0,40}?)"
    r"(?:书面劳动合同|劳动合同|书面合同|《劳动合同[^》]{0,8}》|《?聘用合同》?|任何(?:形式的)?(?:书面)?(?:劳动)?合同|合同(?=[，。；]|$))"
)
_OTHER_CONTRACT = re.compile(r"(?:租赁|供销|买卖|承包|借款|销售|工程|服务|代理|转让|分包|劳务)合同$")
_PARTY_WORDS = ("原告", "被告", "我", "双方", "单位", "公司", "用人单位", "其", "该", "贵", "本人", "之", "劳动者", "员工", "职工",
                "所有", "全体", "包括")
_SIGN_NEGATED = re.compile(r"未|没有|没|不|拒绝|拒不|无|迟迟|从未|并未|尚未")
_CONTRACT_EXISTS = re.compile(r"劳动合同(?:书)?(?:原件|文本)?(?:均|都|一直|现)?(?:由|在)(?:被告|原告|公司|单位|用人单位)[^，。；]{0,4}?(?:保管|处|手中|手里|持有)"
                              r"|(?:被告|原告|公司|单位)(?:一直)?(?:保管|持有|扣留)(?:着)?(?:双方的|原告的|被告的)?(?:书面)?劳动合同"
                              r"|劳动合同(?:中|里)|(?<![未没不])(?:劳动)?合同(?:期限)?(?:于[^，。；]{0,14}?)?(?:到期|期满|届满)|(?:与|同)[^，。；]{0,12}?的劳动合同(?:到期|期满|中)")


def read_contract(doc: Document, results: dict[str, Candidate], outside: tuple[int, int]) -> None:
    """Whether a labour contract was signed, by the statements of it outside the claims: a negation before the
    verb (未 / 没有 / 从来就没和我 / 一直不与之) makes it none; a double-wage claim's name is no statement. The first
    statement decides, unless a later one, dated, says a contract was signed after a period without one
    (2003年至2007年未签订…2008年开始…签订): the worker had one, even if it came late or expired."""
    text = doc.text
    claims = text[outside[0]: outside[1]]
    said: list[tuple[bool, bool, tuple[int, int]]] = []  # (signed, dated, span)
    for found in _SIGNED.finditer(text, 0, statement_end(doc)):
        if outside[0] <= found.start() < outside[1]:
            continue
        if re.match(r"^(?:的)?(?:二倍|双倍)|^(?:期间)?的?(?:二倍|双倍)", text[found.end(): found.end() + 6]):
            continue  # 未签订书面劳动合同二倍工资: the name of a claim
        if re.search(r"要求|协商|请求|是否|如果|若|督促|及时", text[max(0, found.start() - 10): found.start()]):
            continue  # 多次要求签订劳动合同 / 督促…及时签订: asked for, not said to be signed or not
        if _OTHER_CONTRACT.search(found.group(0)) or re.match(r"^(?:签订|订立|签署|签)(?:了)?(?:续|补)", found.group(0)) \
                or re.search(r"续(?:签|订)$", text[max(0, found.start() - 1): found.start() + 2]) \
                or text[max(0, found.start() - 1): found.start()] == "续":
            continue  # a lease or a sale, or a renewal (没有续签 / 继续签订 says nothing of the first contract)
        if _AGREED.search(text, found.start(), found.end() + 4):
            continue  # 签订的终止（解除）劳动合同协议: the agreement that ended it, not the contract
        left, _ = _clause(text, found.start(), found.end())
        before = text[max(left, found.start() - 16): found.start()]
        partner = re.search(r"与(?P<who>[^，。；]{1,12}?)(?:之间)?(?:统一)?(?:一直|均|都|也)?(?:没有|未|没|从未|并未)?$", before)
        who = partner.group("who") if partner else ""
        if partner and not who.startswith(_PARTY_WORDS) and not re.search(r"被告|原告|上诉人", who) and not any(
                who.startswith(name[:2]) for name in doc.party_names() if len(name) >= 2) \
                and not (len(who) >= 4 and who[-4:] in claims):
            continue  # signed with a third company (not a party, nor the one the claims are against)
        negated = _SIGN_NEGATED.search(before) is not None or re.search(r"未|没", found.group(0)) is not None
        dated = bool(doc.mentions_in(left_mark(text, found.start(), SENTENCE_MARKS), found.start(), "date"))
        said.append((not negated, dated, found.span()))
    if said:
        # the first statement, unless a later dated one says a contract was signed after all
        signed, _, span = next((st for st in said[1:] if st[0] and st[1] and not said[0][0]), said[0])
        _set(results, "written_contract", signed, span)
        return
    results.pop("written_contract", None)  # no statement of signing: a generic pick near 劳动合同 is not one
    exists = _CONTRACT_EXISTS.search(text, 0, statement_end(doc))
    if exists is not None and not (outside[0] <= exists.start() < outside[1]):
        _set(results, "written_contract", True, exists.span(), 0.6)


# --- who ended it and when --------------------------------------------------------------------------------------
_EMPLOYER_ACTS = re.compile(
    r"辞退|开除|除名|解雇|解聘|(?<!大量)(?<!进行)(?<!实行)(?<!批量)(?<!集体)裁员|裁(?:了)?下来|裁掉|按(?:照)?自动离职(?:处理|予以)|作自动离职处理|以自动离职[^，。；]{0,6}?(?:处理|除名)"
    r"|不(?:再)?让(?:我|原告|被告|被上诉人|上诉人|其)?(?:再)?(?:来)?上班|不用(?:再)?来上班|违法解除|违法终止|单方[^，。；]{0,8}?解除"
    r"|(?:作出|下达)[^，。；]{0,10}?(?:解除|终止|辞退|开除)[^，。；]{0,8}?(?:决定|通知)"
)
WORKER_ACTS = re.compile(r"辞职|辞去|提出离职|自动离职|自行离职|主动离职|被迫解除|被迫离职|不辞而别|无故离职|自动辞职|自行离开|主动离开|离职(?![证手交前时后])"
                         r"|(?<!下班)(?<!下班后)离开(?:了)?(?:被告处|原告处|被告公司|原告公司|公司|单位)(?![时途])")
# 被告提出要求原告自动离职: a demand that the worker leave is not his leaving.
_DEMANDED = re.compile(r"(?:要求|让|逼|劝|迫使|强迫)[^，。；]{0,6}$")
# 签订的终止（解除）劳动合同协议 / 终止用工协议: the agreement that ended it.
TERMINATION_AGREEMENT = r"(?:终止|解除)(?:[（(](?:解除|终止)[）)])?(?:劳动|用工)(?:合同|关系)?协议"
_AGREED = re.compile(TERMINATION_AGREEMENT)
_MUTUAL = re.compile(r"协商一致(?:后)?(?:[^。；]{0,16}?)(?:解除|终止)|协商解除|双方(?:决定|同意|一致同意)(?:解除|终止)|" + TERMINATION_AGREEMENT)
_EXPIRY = re.compile(r"(?:到期|期满)(?:后)?(?:终止|不再续|不予续|不续)|(?:到期|期满)(?:后)?[^。；]{0,16}?(?:不再|不予|未|没有)(?:[^，。；]{0,8}?)续(?:签|订)(?![，,]?(?:但)?(?:原告|被告|其|我)?(?:继续|仍)(?:在|为|到))|不再续订|不再续签|不予续订|不予续签"
                     r"|(?:到期|期满)后[^。；]{0,6}?(?:不存在|没有|未)[^。；]{0,10}?继续(?:签订|签|订立)")
# 被告以劳动合同期限届满为由，与原告解除劳动合同: an ending for the term's end is an expiry, whoever voices it.
_EXPIRY_REASON = re.compile(r"以[^。；]{0,16}?(?:期限届满|届满|到期|期满)为由[，,]?[^。；]{0,12}?(?:解除|终止)")
# 双方于2014年8月解除劳动合同: the day of an ending that names no party who ended it.
_BOTH_ENDED = re.compile(r"(?<!协商)(?<!一致)双方(?:于[^，。；]{0,14}?)?(?:解除|终止)(?:了)?(?:劳动|雇佣)(?:合同|关系)")
_PARTY_ENDS = re.compile(
    r"(?P<who>原告|被告|被上诉人|上诉人|我公司|我单位|我|公司|单位)(?:[一二三])?(?:(?!原告|被告|上诉人)[^，。；]){0,60}?(?:(?:书面|口头)?(?:通知|告知)[^，。；]{0,10}?)?"
    r"(?P<passive>被)?(?:解除|终止)(?:了)?(?:与[^，。；]{1,8}?的|双方(?:之间)?的?|其)?劳动(?:合同|关系)"
)
_REASON = re.compile(r"以[^。；]{1,40}?为由")
_REASON_OPENS = re.compile(r"(?<![可所予难加足])以(?![上下后前来及])")
# Between a heading date and its act: adverbials that do not change the event (以…为由, 经被告提出，).
_ADVERBIAL = re.compile(r"以[^。；]{1,40}?为由[，,]?|经[^，。；]{1,12}?(?:提出|同意|协商)[，,]")
_NEW_EVENT = re.compile(r"但|现|后来|之后|此后|直至|至今|由于|因为|期间|随后")
_WISH = re.compile(r"同意|要求|请求|申请(?!书)|拟|欲|想|希望|有权|可以|应当")
_SENT_TO = re.compile(r"向(?P<to>原告|被告|被上诉人|上诉人|我|公司|单位)[^，。；]{0,24}?(?:发出|寄送|送达|邮寄|发送|递交|提交|发函|提出)[^，。；]{0,12}?解除")
_NOTIFIES = re.compile(r"(?P<who>原告|被告|被上诉人|上诉人|公司|单位)?[^，。；]{0,6}?(?:通知|告知)(?P<to>原告|被告|被上诉人|上诉人|我|(?:全体)?(?:员工|职工))[^，。；]{0,20}?(?:解除|终止)")
# 双方劳动合同于2025年4月7日终止: the day the ending took effect, when a sentence says it apart from the notice.
_TAKES_EFFECT = re.compile(r"^(?:起)?(?:正式)?(?:终止|解除)")
_NOT_AN_ENDING = re.compile(r"仲裁|裁决|(?<!的)请求|判令|诉请|要求[^，。；]{0,8}?(?:确认|解除)|是否|如果|若|假如|扬言|威胁|打算|准备")
_NEGATED_ACT = re.compile(r"(?:并非|不是|未|没有|否认|不存在)$")


def _worker_side(word: str, employer_sues: bool) -> bool:
    """Whether 原告 / 被告 / 我 / 公司 / 员工 names the worker (an appeal's 上诉人 is the first party, 被上诉人 the other)."""
    word = {"上诉人": "原告", "被上诉人": "被告"}.get(word, word)
    if word in ("公司", "单位", "我公司", "我单位"):
        return False
    if word.endswith(("员工", "职工")):
        return True
    if word == "我":
        return not employer_sues
    return (word == "原告") != employer_sues


def read_ending(doc: Document, results: dict[str, Candidate], outside: tuple[int, int], employer_sues: bool) -> None:
    """Who ended the employment and on which day: mutual and expiry wordings first, then an employer's act, then a
    worker's; the day is 自DATE起 in the act's sentence, else the first date of that sentence before the act."""
    text = doc.text
    stop = statement_end(doc)
    acts: list[tuple[int, str, tuple[int, int]]] = []  # (rank, code, span); lower rank wins
    for start, end in sentences(text, 0, stop):
        if start < outside[0] < end:
            # the facts run on into the asking clause: the sentence up to it, and the claims' part as the claims
            acts += [(0, "mutual", found.span()) for found in _AGREED.finditer(text, outside[0], end)]
            end = outside[0]
        if outside[0] <= start < outside[1]:
            # inside the claims only the agreement that ended it is a fact (签订的终止（解除）劳动合同协议不包含…)
            acts += [(0, "mutual", found.span()) for found in _AGREED.finditer(text, start, end)]
            continue
        # 被告以原告不能胜任工作为由解除: the reason's words are no party to the act (masked, offsets kept)
        for found in _EXPIRY_REASON.finditer(text, start, end):
            acts.append((1, "expiry", found.span()))
        sentence = _REASON.sub(lambda found: "以" + "＿" * (len(found.group(0)) - 3) + "为由", text[start:end])
        for rank, pattern, code in ((0, _MUTUAL, "mutual"), (1, _EXPIRY, "expiry"), (2, _EMPLOYER_ACTS, "employer")):
            for found in pattern.finditer(sentence):
                if _NEGATED_ACT.search(sentence[max(0, found.start() - 3): found.start()]):
                    continue
                acts.append((rank, code, (start + found.start(), start + found.end())))
        for found in _SENT_TO.finditer(sentence):
            code = "employer" if _worker_side(found.group("to"), employer_sues) else "employee"
            acts.append((2, code, (start + found.start(), start + found.end())))
        for found in _NOTIFIES.finditer(sentence):
            code = "employer" if _worker_side(found.group("to"), employer_sues) else "employee"
            acts.append((2, code, (start + found.start(), start + found.end())))
        for found in _PARTY_ENDS.finditer(sentence):
            if "向" in found.group(0) or re.search("通知|告知", found.group(0)) or sentence[found.start() - 1: found.start()] in ("向", "给", "与", "和", "同"):
                continue  # read by the two patterns above; the party after 向 is who received it, after 与 the other
            if re.match(r"^(?:的)?(?:经济)?(?:补偿|赔偿)", sentence[found.end(): found.end() + 4]):
                continue  # 支付原告…解除劳动关系经济补偿金: the name of a claim
            if re.match(r"^(?:前|时|后|之前|之日)", sentence[found.end(): found.end() + 2]) or _WISH.search(found.group(0)):
                continue  # 原告解除劳动合同前十二个月的平均工资: a time; 原告同意解除: a wish, not an act
            worker = _worker_side(found.group("who"), employer_sues)
            code = "employee" if worker != bool(found.group("passive")) else "employer"  # 原告被解除: the employer
            acts.append((2, code, (start + found.start(), start + found.end())))
        for found in WORKER_ACTS.finditer(sentence):
            if _NEGATED_ACT.search(sentence[max(0, found.start() - 3): found.start()]) or _EMPLOYER_ACTS.search(
                    sentence[max(0, found.start() - 2): found.end() + 4]) or _DEMANDED.search(
                    sentence[left_mark(sentence, found.start(), CLAUSE_MARKS): found.start()]):
                continue
            acts.append((3, "employee", (start + found.start(), start + found.end())))
    def ending_clause(span: tuple[int, int]) -> bool:
        left, right = _clause(text, *span)
        return _NOT_AN_ENDING.search(text[left:right]) is None
    acts = [act for act in acts if ending_clause(act[2])]
    period_end = work_period_end(doc, outside)
    if not acts:
        results.pop("employment_end", None)  # no ending is stated: a date near 离职 / 解除 is not its day
        both = next((found for found in _BOTH_ENDED.finditer(text, 0, stop)
                     if not outside[0] <= found.start() < outside[1] and ending_clause(found.span())), None)
        day = _ending_day(doc, both.span()) if both is not None else None
        if day is not None:  # 双方于DATE解除劳动合同: the day, with no party named as the one who ended it
            _set(results, "employment_end", day.value, (day.start, day.end))
        return
    rank, code, span = min(acts, key=lambda act: (act[0], act[2][0]))
    _set(results, "termination_by", code, span, 0.8)
    if period_end is not None:
        # DATE至DATE在被告处工作 and an ending: the period's last day is the ending's, when the act's own day (if it
        # states one) is that day less precisely (2011年7月 合同到期 / 至2011年7月16日)
        own = _ending_day(doc, span)
        if own is None or str(period_end.value).startswith(str(own.value)):
            _set(results, "employment_end", period_end.value, (period_end.start, period_end.end))
            return
    # 劳动合同于DATE终止, after the notice: the day the ending took effect.
    for mention in doc.mentions_in(span[1], stop, "date"):
        if not (outside[0] <= mention.start < outside[1]) and text[mention.start - 1: mention.start] == "于" \
                and _TAKES_EFFECT.match(text[mention.end: mention.end + 4]):
            _set(results, "employment_end", mention.value, (mention.start, mention.end))
            return
    # Else the latest day among the chosen side's acts (a phoned dismissal, then the written decision: the decision's
    # day), else that of another ending act (被告于DATE离职…给予辞退处理).
    same = [day for act in acts if act[1] == code and (day := _ending_day(doc, act[2])) is not None]
    if same:
        last = max(same, key=lambda day: str(day.value))
        _set(results, "employment_end", last.value, (last.start, last.end))
        return
    for other in [span] + [act[2] for act in sorted(acts, key=lambda act: act[2][0]) if act[2] != span]:
        day = _ending_day(doc, other)
        if day is not None:
            _set(results, "employment_end", day.value, (day.start, day.end))
            return
    results.pop("employment_end", None)  # no ending states its day; a date near 离职 elsewhere is not it


def _ending_day(doc: Document, span: tuple[int, int]) -> Mention | None:
    text = doc.text
    sentence_start = left_mark(text, span[0], SENTENCE_MARKS)
    dates = doc.mentions_in(sentence_start, span[1], "date")
    since = [m for m in dates if text[m.start - 1: m.start] == "自" and _TAKES_EFFECT.match(text[m.end: m.end + 4])]
    # a date of the act's own event: at most two clauses before it, no new event between (但 / 现 / 由于 …), not inside
    # a reason (以拖欠2015年10月工资为由)
    def own_date(mention: Mention) -> bool:
        between = _ADVERBIAL.sub("", text[mention.end: max(mention.end, span[0])])
        lead = text[sentence_start: mention.start]
        opens = [found.start() for found in _REASON_OPENS.finditer(lead)]
        # (the act's own words may hold the 为由: 以…拖欠DATE的工资为由书面通知原告解除)
        in_reason = bool(opens) and opens[-1] > lead.rfind("为由") and "为由" in text[mention.end: span[1]]
        # a date heading its sentence (DATE被告要求…，原告不同意，被告…单方办理了解除) dates every clause up to the act
        heads = not re.sub(r"^(?:于|在|自)", "", re.sub(r"^.*[：:]", "", lead).strip()) \
            and not doc.mentions_in(mention.end, span[0], "date")
        return between.count("，") + between.count(",") <= (4 if heads else 2) and not _NEW_EVENT.search(between) \
            and not in_reason
    before = [m for m in dates if m.end <= span[1] and own_date(m)]  # 原告于DATE以…为由解除: inside the act too
    # the nearest date before the act, the first of a list (2015年3月7日、3月12日两次寄送)
    while len(before) > 1 and text[before[-2].end: before[-1].start] in ("、", "和", "及"):
        before.pop()
    return since[-1] if since else (before[-1] if before else None)

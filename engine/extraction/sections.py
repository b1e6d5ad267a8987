"""Find the parts of a pleading: party block (head), 诉讼请求 (claims), 事实与理由 (facts).

Complaints written on the model text have headings; judgments and free-form complaints
say 诉称 … 请求判令 … inline. Both shapes end up as the same three spans. An answer's statement may start inside what the
party block would be (a first defendant's words before the first 辩称): `statement` says where.
"""

from __future__ import annotations

import re

from engine.extraction.linescan import first_blank_break

# 诉讼请求 that ends a sentence (望支持原告的诉讼请求。) is a mention, not the claims; 请求人民法院：1．依法判决
# is; 增加诉讼请求 / 变更诉讼请求 is a later change (read by the claim parser), not where the claims start.
# 请求依法判决。 / 诉讼，请求依法判决。 asks for a judgment and claims nothing: the closing formula, not the claims.
_CLAIMS = re.compile(
    r"(?<!变更)(?<!放弃)(?<!承认)(?<!增加)诉讼请求(?![。的])[:：]?"
    r"|(?:请求|要求|诉请|(?<!申)请)(?:人民法院|法院|贵院|本院)?(?:[:：]\s*(?:(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[、.．])?\s*)?"
    r"(?:依法)?(?:判令|判决(?![。！])|判如所请[:：])"
    r"|(?:起诉|诉至法院|诉至本院|诉至贵院|(?<!变更)(?<!放弃)(?<!增加)诉讼)(?:，)?(?:请求|要求)(?![。的]|依法判决[。！])"
    r"|诉请[:：]"
    r"|(?:请求|要求)[:：]"
    # 请求一、判令被告… / 要求1.被告…: the first item right after the verb, without a colon.
    r"|(?:请求|要求)(?=(?:\d{1,2}|[一二三四五六七八九十]{1,3})[、.．](?:判令|判决|依法|被告|确认|解除|撤销))"
)
# 现原告请求被告归还… / 故要求被告偿还…: a claim stated in running text, when nothing above is found;
# 原告诉称，1．要求被告… / 原告诉称，要求被告… (the claims right after 诉称) and 现原告急需用钱，要求被告… (a sentence of "now",
# its demand after the comma) are that too.
_CLAIMS_INLINE = re.compile(
    r"(?:(?<=[现故遂院])|(?<=为此)|原告(?:现)?|(?<=[\d一二三四五六七八九十][、.．])|(?<=[。；;\n])现[^。；;，,]{0,16}[，,]|(?<=诉称[，,：:]))"
    r"(?:请求|要求)(?=被告|二被告|两被告|各被告|判令)")
# The heading 事实与理由 starts a line or a sentence, or has its colon; 针对其诉讼请求及事实和理由，向本院提交… is
# a mention in the evidence part, not where the facts begin.
# Between commas (…由被告承担，事实与理由，原告…) it is the heading too: the claims' last item run on into it.
_FACTS = re.compile(r"(?<![^\n。；;\s：:])事实(?:与|和|及)?理由[:：]?|事实(?:与|和|及)?理由[:：]"
                    r"|(?<=[，,])事实(?:与|和|及)理由(?=[，,])")
# Where the evidence starts (原告为支持其诉请，向本院提交… / 原告某针对其诉讼请求…提交的证据有): the end of an inline
# claims passage whatever mark precedes it (a comma when the last item runs on into the evidence).
# The court's record (诉讼过程中，… / 审理中，…) ends it the same way.
_EVIDENCE_START = re.compile(
    r"[，,；;。]\s*(?=(?:原告|被告)[^，,。；;：:]{0,12}?(?:为(?:了)?(?:支持|证明)|针对)其"
    r"[^，,。；;：:]{0,12}?(?:诉讼请求|诉请|请求|主张|陈述))"
    r"|[，,；;]\s*(?=(?:诉讼|审理|庭审)(?:过程)?中[，,])")
# 代理权限：…变更诉讼请求… in an agent's mandate is still the party block.
_HEAD_END = re.compile(
    r"(?:起|上|先)?诉称|辩称|向本院提出|向本院起诉|答辩如下|答辩意见|现答辩|提出答辩|一案|(?<!变更)(?<!放弃)(?<!承认)(?<!增加)诉讼请求"
    r"|事实(?:与|和|及)理由|诉请(?=[:：])"  # 原告甲诉请：判令…
)
_NUMBERED = re.compile(r"\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[、.．,，]|\s*[（(](?:\d{1,2}|[一二三四五六七八九十]{1,3})[）)]")
# One line break, then only same-line blanks: `\n\s*` retried the whole run of blank lines at every
# line break in it (quadratic on a file of empty paragraphs). `_signature_start` walks back over
# the blank lines once, which gives the start the old pattern found.
# A party block starts with a role word (被告, 答辩人 …); a passage that starts otherwise (，对…无异议) is
# already a statement. Inside the party block, a speaker's words (询问时称，我…) start the statement too.
_PARTY_ROLE = re.compile(r"[\s，,。:：]*(?:原审|一审|二审)?(?:原告|被告|答辩人|被答辩人|上诉人|被上诉人|申请人|被申请人|第三人|再审)")
# The document's title line (民事答辩状（机动车交通事故责任纠纷）) comes before the party block, not instead of it.
_TITLE = re.compile(r"\s*[^\n。，,；;]{0,24}(?:答辩状|答辩书|答辩意见|起诉状|诉状|申请书)[^\n。，,；;]{0,24}\n")
# A party block has a line that opens with a role word and then a colon (原告：张三), a name and a party detail
# in its first clauses (原告张三，男，… / 被告二某公司，住所地…) or a name alone on the line (被告严晓峰⏎); a text whose
# first lines have none (2015年…，被告向原告借款 / 原告与被告系夫妻…) is an account with no party block.
_PARTY_LINE = re.compile(
    r"(?m)^[ \t\u3000\ufeff]*(?:原审|一审|二审)?(?:原告|被告|答辩人|被答辩人|上诉人|被上诉人|申请人|被申请人|第三人)"
    r"[一二三四五六七八九十\d]{0,2}(?:[（(][^）)\n]{0,12}[）)])?"
    r"(?:[:：]|[ \t\u3000]*[^，,。；;：:\n]{1,40}(?:[，,](?:[^，,。；;\n]{1,12}[，,])?[ \t\u3000]*"
    r"(?:男|女|汉族|[^\s，,。]{1,3}族|住|身份证|公民身份|法定代表人|负责人|统一社会信用代码|组织机构代码|\d{4}年[^，,。]{0,8}生)"
    r"|[ \t\u3000]*$))"
)
_PARTY_BLOCK_REACH = 300
_NARRATIVE = re.compile(r"\d{4}年\d{1,2}月|\d+(?:\.\d+)?万?元")
_SPEECH = re.compile(r"(?<![简诉辩自声])称[，,：:]|(?:答辩|陈述|表示|认为)[，,：:]")
_SIGNATURE = re.compile(r"\n[^\S\n]*(?:此致|具状人|起诉人[:：]|答辩人[:：]|附[:：])")


def has_party_block(text: str) -> bool:
    """Whether the text opens with a party block (a role line near its start), as `find_sections` reads it."""
    return _PARTY_LINE.search(text, 0, min(len(text), _PARTY_BLOCK_REACH)) is not None


def _signature_start(text: str, start: int) -> int | None:
    """Where the signature block starts: the first line break of the blank lines before it."""
    match = _SIGNATURE.search(text, start)
    if match is None:
        return None
    return first_blank_break(text, match.start(), start)


def _claims_end(text: str, start: int, limit: int) -> int:
    """End of an inline claims passage: the sentence end, unless numbered items follow; at the latest where the
    evidence starts."""
    evidence = _EVIDENCE_START.search(text, start, limit)
    if evidence is not None:
        limit = evidence.start() + 1
    position = start
    while True:
        stop = text.find("。", position, limit)
        if stop < 0:
            return limit
        if not _NUMBERED.match(text, stop + 1):
            return stop + 1
        position = stop + 1


def find_sections(text: str) -> dict[str, tuple[int, int]]:
    length = len(text)
    head_end_match = _HEAD_END.search(text)
    head_end = head_end_match.start() if head_end_match else min(length, 400)
    if not has_party_block(text):
        # No party block: what comes before the marker is the account itself from its first dated or
        # money clause on (被告甲系被告乙的母亲2013年…，原告…诉称), and with no marker at all there is no head.
        narrative = _NARRATIVE.search(text, 0, head_end) if head_end_match else None
        if head_end_match is None:
            head_end = 0
        elif narrative:
            head_end = max(text.rfind(stop, 0, narrative.start()) for stop in "，,。；;\n") + 1
    # The head ends at the start of the sentence/line that holds the first non-party word.
    cut = max(text.rfind("\n", 0, head_end), text.rfind("。", 0, head_end))
    if cut > 0 and head_end_match and head_end_match.group() not in ("诉讼请求",):
        head_end = cut + 1
    # The signature block (此致 / 答辩人：…) comes after the body; a header line 答辩人：… is not it.
    signature = _signature_start(text, head_end)
    body_end = signature if signature is not None else length
    claims_from = head_end_match.start() if head_end_match else 0
    claims_match = _CLAIMS.search(text, claims_from) or _CLAIMS_INLINE.search(text, claims_from)
    facts_match = _FACTS.search(text)
    sections = {"head": (0, head_end)}
    if claims_match:
        claims_start = claims_match.start()
        if facts_match and facts_match.start() > claims_start:
            claims_end = facts_match.start()
        else:
            claims_end = _claims_end(text, claims_match.end(), body_end)
        sections["claims"] = (claims_start, claims_end)
    if facts_match:
        sections["facts"] = (facts_match.end(), body_end)
        if "claims" in sections and sections["claims"][0] > facts_match.end():
            sections["facts"] = (facts_match.end(), sections["claims"][0])
            sections["reasons"] = (sections["claims"][1], body_end)
    else:
        # Inline shape: facts are the body outside the claims passage.
        start = head_end
        sections["facts"] = (start, body_end)
    sections["body"] = (head_end, body_end)
    sections["statement"] = (_statement_start(text, head_end), body_end)
    return sections


def _statement_start(text: str, head_end: int) -> int:
    """Where what the speaker says starts: the body, unless the party block already holds it."""
    title = _TITLE.match(text, 0, head_end)
    if not _PARTY_ROLE.match(text, title.end() if title else 0, head_end):
        return 0
    speech = _SPEECH.search(text, 0, head_end)
    return speech.end() if speech else head_end

"""The arbitration award a labour complaint describes: number, date, result, and whether it is final.

仲裁前置 (调解仲裁法第五条): nearly every labour complaint names the award it does not accept, in a
fixed shape — "该委于2024年8月15日作出青劳人仲（2024）办字第1234号裁决书，裁决被申请人支付…。" The
number is the 劳人仲 file number, the date the last date before it in its sentence, the result the
award's operative words after it (as the complaint quotes them, up to the full stop).
"""

from __future__ import annotations

import re

from engine.extraction.document import Candidate, Document

# 青劳人仲（2024）办字第2468号, （湘）劳人仲裁字（2016）17号, 京朝劳仲字（2013）第05756号, 同劳仲委（2016）100号,
# the year in front (（2016）柳劳人仲裁字第29号), 劳裁字（2011）015号; a bare （1999）003号 only when it is named an
# arbitration document right after (…号仲裁决定书).
_NUMBER = re.compile(
    r"(?:[（(](?:[\u4e00-\u9fa5]{1,2}|\d{4})[）)])?[\u4e00-\u9fa5]{0,4}劳人?(?:仲|裁字)[^，。；\s]{0,18}?号"
    r"|[（(](?:19|20)\d{2}[）)]\d{1,5}号(?=《?仲裁(?:裁决书|决定书))"
)
# The issuing body's name in front of the place code is not part of the number (委员会丹劳人仲…, or the end of that
# name when the four characters before the place code cut it: 员会穗荔劳人仲…).
_BODY = re.compile(r"^.*(?:委员会|员会|仲裁院|仲裁委|该委|本委|作出|出具|下发|的|为)")
_AFTER_RESULT = re.compile(r"^(?:裁决)?(?:不当|有误|错误|不服|认定|部分|缺乏|违法|不公)")
_AFTER_NUMBER = re.compile(r"^》?(?:仲裁)?裁决书》?[，,：:]?|^》?(?:仲裁)?裁决(?=[，,：:])[，,：:]|^(?:仲裁)?调解书[，,：:]?|^《?(?:不予受理|终结审理|仲裁)?(?:通知书|决定书)》?[，,：:]?")
# The award's words speak of 申请人 / 被申请人; a clause after them that names 原告 / 被告 or takes the complaint's
# own turn (不服, 现 / 故 / 遂 诉至…, the committee's reasons: 仲裁委以…) is the plaintiff speaking again (…驳回申请人的全部仲裁请求，原告不服).
_COMPLAINT_AGAIN = re.compile(r"[，,](?=(?:原告|被告|上诉人|被上诉人|我|本人|双方|仲裁委(?!员会)|该委|仲裁机构)|[^，。；]{0,16}?不服|(?:现|故|遂|特|因此|为此)[^，。；]{0,6}?(?:诉|起诉))")
_NOT_FINAL = re.compile(r"非终局")
_FINAL = re.compile(r"(?:为|是|系)终局裁决|终局裁决书")


def _sentence_start(text: str, position: int) -> int:
    return max(text.rfind(mark, 0, position) for mark in "。；\n") + 1


def read_award(doc: Document, results: dict[str, Candidate], stop: int | None = None) -> None:
    """The award the statement names (up to `stop`, where the first party's own words end)."""
    text = doc.text
    found = _NUMBER.search(text, 0, len(text) if stop is None else stop)
    if found is not None:
        lead = _BODY.match(found.group(0))
        number_start = found.start() + (lead.end() if lead else 0)
        number = text[number_start: found.end()]
        begin = _sentence_start(text, number_start)
        dates = doc.mentions_in(begin, number_start, "date")
        day = dates[-1].value if dates and len(str(dates[-1].value)) == 10 else None
        rest = text[found.end():].lstrip("）)】]")  # 裁决书（案号：…）裁决…: the bracket around the number
        cut = _AFTER_NUMBER.match(rest)
        rest = rest[cut.end():] if cut else rest
        stop = min((i for i in (rest.find(m) for m in "。；\n") if i >= 0), default=len(rest))
        words = rest[:stop]
        voice = _COMPLAINT_AGAIN.search(words)
        result = (words[: voice.start()] if voice else words).strip() or None
        if result and (not re.search(r"裁决|驳回|支付|不予|确认|撤销", result[:12]) or _AFTER_RESULT.match(result)):
            result = None  # the sentence goes on about something else (原告不服，诉至法院)
        value = {"number": number, "date": day, "result": result}
        results["arbitration_award"] = Candidate("arbitration_award", value, [(number_start, found.end())], 0.8,
                                                 "derived", number_start)
    not_final = _NOT_FINAL.search(text)
    final = _FINAL.search(text)
    if not_final is not None or final is not None:
        match = not_final or final
        assert match is not None
        results["final_award"] = Candidate("final_award", not_final is None, [match.span()], 0.8, "derived",
                                           match.start())

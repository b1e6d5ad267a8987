"""Where an answer's statement starts (sections.find_sections "statement"): after the party block, even when
a title line precedes it; at the start when there is no party block; at a speaker's words inside it."""

from __future__ import annotations

from engine.extraction.sections import find_sections

PARTY_BLOCK = "答辩人：甲财产保险股份有限公司上海分公司，住所地上海市黄浦区某路3号。\n负责人：王某。\n"
SAYS = "答辩人对事故经过及责任认定无异议，误工费过高。\n"


def _statement(text: str) -> str:
    start, end = find_sections(text)["statement"]
    return text[start:end]


def test_a_title_line_does_not_make_the_party_block_a_statement() -> None:
    for title in ("民事答辩状\n", "民事答辩状（机动车交通事故责任纠纷）\n"):
        statement = _statement(title + PARTY_BLOCK + "答辩意见：\n" + SAYS)
        assert "住所地" not in statement and "误工费过高" in statement


def test_a_passage_without_a_party_block_is_all_statement() -> None:
    text = "，对借款事实无异议，但已于2022年3月1日归还5万元。"
    assert _statement(text) == text

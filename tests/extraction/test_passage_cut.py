"""Where a LawBench passage's answer part starts (engine/extraction/realdata.py `_passage`): at the speaker of
the first defendant's statement, not at a 被告 inside the plaintiff's demand; the misspelling 辨称; a defendant's
stance on the complaint without 辩称. Team-written passages in the benchmark's masked shape."""

from __future__ import annotations

from engine.extraction.realdata import _passage

DEMAND = "原告诉称：TIME被告PER驾驶车辆与原告相撞。请求判令被告PER赔偿原告损失8000元，"


def test_a_claim_verb_after_the_defendant_is_still_the_demand() -> None:
    # 被告保险公司先予赔偿 … 被告承担 are what the plaintiff asks; the statement opens at ORG辩称.
    text = DEMAND + "被告保险公司在交强险限额内先予赔偿，本案诉讼费由被告承担ORG辩称，对事故经过无异议。"
    complaint, answer = _passage(text)
    assert "先予赔偿" in complaint and answer.startswith("辩称")
    text = "原告诉称：请求判决被告给付原告赔偿款5000元，并承担案件受理PER被告辩称：驳回原告诉请。"
    complaint, answer = _passage(text)
    assert "5000元" in complaint and answer.startswith("被告辩称")


def test_the_speaker_with_adverbials_still_opens_the_statement() -> None:
    complaint, answer = _passage(DEMAND + "被告PER在法定期限内未作书面答辩，在庭审中辩称，原告诉求过高。")
    assert complaint == DEMAND and answer.startswith("被告PER在法定期限内")


def test_a_misspelt_or_a_stance_opening_starts_the_answer() -> None:
    complaint, answer = _passage(DEMAND + "本案诉讼费由被告承担。 被告PER、PER辨称，认可原告起诉的事实。")
    assert answer.startswith("被告PER、PER辨称") and "认可" not in complaint
    complaint, answer = _passage(DEMAND + "本案诉讼费由被告承担。 被告PER对原告主张的发生交通事故没有异议。")
    assert answer.startswith("被告PER对原告主张") and "没有异议" not in complaint
    # 被告 inside the demand that is no statement: 判令被告对原告的损失承担连带责任 is not preceded by 。
    complaint, answer = _passage("原告诉称：请求判令被告对原告主张的损失承担责任。")
    assert answer == ""

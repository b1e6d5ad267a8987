"""Element-level stances of an answer: admit / contest / partial / not_addressed for every element."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from engine.extraction.answers import STANCES
from engine.extraction.api import extract_text
from engine.paths import CORPUS_DIR
from engine.system import default_system

SAMPLE_ANSWER = CORPUS_DIR / "private_lending" / "sample" / "answer.txt"
YAOSU = str(Path(sys.executable).parent / "yaosu")


def test_every_element_has_a_stance_and_the_sample_answer_reads_as_written() -> None:
    system = default_system()
    result = extract_text(system, SAMPLE_ANSWER.read_text(encoding="utf-8"), "private_lending", "answer")
    stances = result["stances"]
    table = system.casetype("private_lending").table
    parties = {eid for eid in table.element_ids if table.element(eid).type == "party_list"}
    assert set(stances) == set(table.element_ids) - parties
    assert set(stances.values()) <= set(STANCES)
    # Item 一 admits the 壹拾万元 loan, item 二 says 实际收到…95000元，而非100000元: partly admitted.
    assert stances["loan_amount"] == "partial"
    assert stances["delivered_amount"] == "partial"  # 实际收到的借款为95000元: the part it accepts
    assert stances["contract_date"] == "admit"  # 2021年6月1日签订《借款合同》… 无异议
    assert stances["claim_costs"] == "contest"  # 律师费8000元过高: the complaint's figure objected to
    assert stances["guarantee_type"] == "contest"  # 一般保证, not the 连带 the complaint says
    assert stances["amount_excessive"] == "contest"  # 超过…四倍
    assert stances["limitation"] == "not_addressed"  # the answer says nothing of 诉讼时效
    assert stances["spouse_not_liable"] == "not_addressed"
    # The stance and the element's position agree wherever the element was found.
    for eid, element in result["elements"].items():
        if "position" in element:
            assert stances[eid] in (element["position"], "partial"), eid


def test_a_complaint_has_no_stances_and_the_cli_prints_them_for_an_answer(tmp_path: Path) -> None:
    complaint = extract_text(default_system(), "原告张某诉称，被告李某借款5万元未还。", "private_lending", "complaint")
    assert "stances" not in complaint
    answer = tmp_path / "answer.txt"
    answer.write_text("答辩人：李某，男。\n答辩意见：借款已经全部还清，原告的请求已过诉讼时效。\n", encoding="utf-8")
    run = subprocess.run([YAOSU, "extract", str(answer), "--case-type", "private_lending", "--role", "answer", "--json"],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    stances = json.loads(run.stdout.splitlines()[0])["stances"]
    assert stances["already_repaid"] == "contest" and stances["limitation"] == "contest"
    assert stances["loan_denied"] == "not_addressed"

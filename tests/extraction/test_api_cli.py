"""The public API and the commands, on the team corpus and on bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from engine.errors import YaosuError
from engine.extraction.api import extract_path, extract_text
from engine.extraction.cli import register
from engine.extraction.evaluate import evaluate_directory
from engine.paths import CORPUS_DIR
from engine.system import default_system

SYSTEM = default_system()

CORPUS = CORPUS_DIR / "private_lending"
COMPLAINT = (
    "民事起诉状\n原告：张三，男，1980年1月2日出生，汉族，住江苏省苏州市吴江区松陵镇笠泽路88号，"
    "公民身份号码320509198001020317。\n被告：李四，男，汉族，住上海市青浦区。\n"
    "被告：王五，男，住上海市青浦区。\n诉讼请求：\n1. 判令被告李四归还借款本金人民币伍万元整；\n"
    "2. 判令被告李四支付利息（以50000元为基数，按年利率15.4%，自2021年3月5日起计算至实际清偿之日止）；\n"
    "3. 判令被告王五对上述债务承担连带清偿责任。\n事实与理由：\n"
    "2021年3月5日，被告李四向原告借款人民币伍万元整，出具借条一份，约定月息2分，借期一年，被告王五作为保证人签字。"
    "当日原告通过银行转账交付50000元。\n此致\n"
)


@pytest.fixture(scope="module")
def app() -> typer.Typer:
    application = typer.Typer()
    register(application)
    return application


def test_extract_text_values_and_evidence() -> None:
    result = extract_text(SYSTEM, COMPLAINT)
    assert result["case_type"] == "private_lending" and result["role"] == "complaint"
    elements = result["elements"]
    assert [p["name"] for p in elements["defendants"]["value"]] == ["李四", "王五"]
    assert elements["plaintiffs"]["value"][0]["id_number"] == "320509198001020317"
    assert elements["claim_principal"]["value"] == "50000.00"
    assert elements["claim_interest"]["value"]["start_date"] == "2021-03-05"
    assert elements["claim_interest"]["value"]["end"] == "until_paid"
    assert elements["interest_rate"]["value"]["annual_percent"] == "24.00"
    assert elements["term_end"]["value"] == "2022-03-04"
    assert elements["guarantors"]["value"] == ["王五"]
    assert elements["borrowers"]["value"] == ["李四"]
    for element in elements.values():
        assert 0 < element["confidence"] <= 1
        for evidence in element["evidence"]:
            assert COMPLAINT[evidence["start"] : evidence["end"]] == evidence["text"]
            assert evidence["text"] in evidence["sentence"]


def test_evidence_offsets_survive_spaces_and_full_width() -> None:
    text = "原告：张三。被告：李四。\n事实与理由：被告向原告借款 ５ 万 元，约定月息２分。"
    result = extract_text(SYSTEM, text)
    loan = result["elements"]["loan_amount"]
    assert loan["value"] == "50000.00"
    assert loan["evidence"][0]["text"] == "５ 万 元"
    assert result["elements"]["interest_rate"]["value"]["raw"] == "月息２分"


@pytest.mark.parametrize("text", ["", "   \n", "asdkjh qwe 12 !!", "今天天气很好，我们去公园散步。" * 50])
def test_empty_or_nonsense_gives_valid_json_with_everything_missing(text: str) -> None:
    result = extract_text(SYSTEM, text, "private_lending")
    assert result["elements"] == {}
    assert "plaintiffs" in result["missing"] and "claim_principal" in result["missing"]
    json.dumps(result, ensure_ascii=False)


def test_unknown_case_type_and_role() -> None:
    with pytest.raises(YaosuError, match="未知的案件类型"):
        extract_text(SYSTEM, COMPLAINT, "no_such_type")
    with pytest.raises(YaosuError):
        extract_text(SYSTEM, COMPLAINT, role="appeal")


def test_large_nonsense_text_is_fast_enough() -> None:
    result = extract_text(SYSTEM, "原告借款5万元，2021年3月5日，月息2分。" * 60000)  # ~1.5 M characters
    assert result["case_type"] == "private_lending"


def test_answer_positions() -> None:
    answer = (CORPUS / "sample" / "answer.txt")
    result = extract_path(SYSTEM, answer, "private_lending", "answer")
    elements = result["elements"]
    assert result["file"] == str(answer) and result["missing"] == []
    assert elements["delivered_amount"]["position"] == "contest"
    assert elements["delivered_amount"]["value"] == "95000.00"
    assert elements["loan_amount"]["position"] == "admit"
    assert [p["name"] for p in elements["plaintiffs"]["value"]] == ["顾文杰"]


def test_cli_extract_json_lines_in_order(app: typer.Typer, tmp_path: Path) -> None:
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(COMPLAINT, encoding="utf-8")
    second.write_bytes(COMPLAINT.replace("张三", "赵六").encode("gbk"))
    result = CliRunner().invoke(app, ["extract", str(first), str(second), "--json"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["file"] for line in lines] == [str(first), str(second)]
    assert lines[1]["elements"]["plaintiffs"]["value"][0]["name"] == "赵六"


def test_cli_extract_unreadable_file(app: typer.Typer, tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(COMPLAINT, encoding="utf-8")
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"PK\x03\x04 truncated")
    result = CliRunner().invoke(app, ["extract", str(good), str(bad), "--json"])
    assert result.exit_code != 0
    assert result.stdout == ""
    assert "bad.docx" in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_cli_extract_answer_reads_the_complaint_it_replies_to(app: typer.Typer, tmp_path: Path) -> None:
    """The complaint calls 王芳 the borrower's wife; her answer only says she did not know of the loan. With
    --complaint that is the spouse's defence (民法典第一千零六十四条); without it, nothing; an unreadable
    complaint is a named error and no output."""
    complaint, answer = tmp_path / "complaint.txt", tmp_path / "answer.txt"
    complaint.write_text("原告张三诉称：被告李四向原告借款5万元，被告王芳系被告李四之妻，该债务系夫妻共同债务。\n",
                         encoding="utf-8")
    answer.write_text("被告王芳辩称：对该笔借款不知情，请求驳回原告对我的诉讼请求。\n", encoding="utf-8")
    base = ["extract", str(answer), "--role", "answer", "--case-type", "private_lending", "--json"]
    with_complaint = CliRunner().invoke(app, [*base, "--complaint", str(complaint)])
    assert with_complaint.exit_code == 0, with_complaint.output
    element = json.loads(with_complaint.stdout)["elements"]["spouse_not_liable"]
    assert (element["position"], element["value"]) == ("contest", True)
    alone = CliRunner().invoke(app, base)
    assert "spouse_not_liable" not in json.loads(alone.stdout)["elements"]
    missing = CliRunner().invoke(app, [*base, "--complaint", str(tmp_path / "none.txt")])
    assert missing.exit_code == 2 and missing.stdout == "" and "none.txt" in missing.stderr


def test_cli_extract_table_output(app: typer.Typer, tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(COMPLAINT, encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(path)])
    assert result.exit_code == 0 and "张三" in result.stdout


def test_cli_eval_real_without_data(app: typer.Typer, tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["eval-real", "--realdata", str(tmp_path)])
    assert result.exit_code == 0 and "跳过" in result.stdout


@pytest.mark.skipif(not (CORPUS / "complaints").is_dir(), reason="team corpus not present")
def test_team_corpus_core_micro_f1(app: typer.Typer) -> None:
    report = evaluate_directory(SYSTEM, CORPUS)
    assert report["files"] >= 40
    assert report["core"]["micro"]["f1"] >= 0.95, report["core"]
    result = CliRunner().invoke(app, ["eval", str(CORPUS)])
    assert result.exit_code == 0 and "micro-F1" in result.stdout


def test_team_answers_are_scored_with_the_complaint_they_reply_to(tmp_path: Path) -> None:
    # corpus/README.md: `mva_a_NNN` answers `mva_c_NNN`. A blanket admission (原告所诉属实) admits every fact
    # the complaint states: the grade is admitted only when the complaint is read with the answer.
    (tmp_path / "complaints").mkdir()
    (tmp_path / "answers").mkdir()
    (tmp_path / "complaints" / "mva_c_001.txt").write_text(
        "原告韩梅诉称：2021年3月2日，被告周强驾驶小型轿车将步行的原告撞伤。交警认定被告周强负事故全部责任。"
        "原告经鉴定构成十级伤残。请求判令被告赔偿医疗费30000元。\n", encoding="utf-8")
    (tmp_path / "answers" / "mva_a_001.txt").write_text("被告周强辩称：原告所诉属实。\n", encoding="utf-8")
    admitted = {"position": "admit", "value": None}
    gold = {"case_type": "motor_vehicle_accident", "role": "answer",
            "elements": {"accident_date": admitted, "liability": admitted, "disability_grade": admitted}}
    (tmp_path / "answers" / "mva_a_001.gold.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    paired = evaluate_directory(SYSTEM, tmp_path)["answers"]["per_element"]
    assert paired["disability_grade"]["tp"] == 1 and paired["accident_date"]["tp"] == 1
    (tmp_path / "complaints" / "mva_c_001.txt").rename(tmp_path / "complaints" / "mva_c_002.txt")
    alone = evaluate_directory(SYSTEM, tmp_path)["answers"]["per_element"]
    assert alone["disability_grade"]["fn"] == 1 and alone["accident_date"]["tp"] == 1

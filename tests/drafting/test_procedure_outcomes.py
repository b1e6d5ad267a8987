"""Procedure outcomes as their own documents: 撤诉 (民事裁定书), 调解 (民事调解书), the simplified small-claims
judgment, and who bears the 保全费 — drafted, the docx reopened and read section by section.

Fees by hand from 《诉讼费用交纳办法》第十三条第（一）项 (cumulative brackets: ≤10,000 → 50元; 10,000–100,000
at 2.5%; 100,000–200,000 at 2%; 200,000–500,000 at 1.5%), halved ONCE for 撤诉/调解 (第十五条) even in the
simple procedure (民诉法解释第二百零六条). 保全费 by 第十四条第（二）项: 30元 up to 1,000, 1% from 1,000 to 10万.
"""

from __future__ import annotations

import copy
import io
import zipfile
from typing import Any

import docx
import pytest

from engine.drafting.build import build_judgment
from engine.drafting.render import render_docx, render_html, render_text
from engine.system import default_system
from tests.casetypes.labor_dispute.test_labor_judgment import make_case as labor_case
from tests.casetypes.motor_vehicle_accident.test_three_courts import accident
from tests.casetypes.sale_contract.test_sale_judgment import make_case as sale_case
from tests.casetypes.sale_contract.test_sale_judgment import priced

SYSTEM = default_system()
COURTS = {"qingpu": "上海市青浦区人民法院", "wujiang": "江苏省苏州市吴江区人民法院", "jiashan": "浙江省嘉善县人民法院"}
TERMS = ["被告嘉兴乙服饰有限公司于2025年7月31日前支付原告苏州甲纺织有限公司货款90,000元", "原告苏州甲纺织有限公司放弃其余诉讼请求"]


def reopened(case: dict[str, Any], court: str) -> tuple[list[str], list[Any]]:
    document = docx.Document(io.BytesIO(render_docx(SYSTEM, case, court)))
    return [p.text for p in document.paragraphs if p.text.strip()], document.tables


def _lending_without_interest(case: dict[str, Any]) -> dict[str, Any]:
    """The shared 民间借贷 case claiming principal 100,000 and costs 5,000 only (no interest claim)."""
    del case["elements"]["claim_interest"]
    return case


def withdrawn(case: dict[str, Any], day: str = "2025-04-01") -> dict[str, Any]:
    case["meta"].update(outcome="withdrawal", withdrawal_date=day)
    return case


def mediated(case: dict[str, Any], terms: list[str], percent: int | None) -> dict[str, Any]:
    case["meta"].update(outcome="mediation", mediation_terms=terms, mediation_fee_plaintiff_percent=percent)
    return case


def test_withdrawal_ruling_section_by_section(lending_case: dict[str, Any]) -> None:
    """Claimed 100,000 + 5,000 = 105,000: 50 + 90,000 × 2.5% (2,250) + 5,000 × 2% (100) = 2,400元; the case is
    in the simple procedure and withdrawn, halved once: 1,200元, borne by the plaintiff who withdraws
    (诉讼费用交纳办法第三十四条). Ruling dated 2025-04-15: 民事诉讼法 (2023) 第一百四十八条第一款."""
    case = withdrawn(_lending_without_interest(lending_case))
    lines, tables = reopened(case, "qingpu")
    assert lines[:3] == ["上海市青浦区人民法院", "民事裁定书", "（2025）沪0118民初1234号"]
    assert lines[3].startswith("原告：张三") and "被告：李四，男，汉族，住江苏省苏州市吴江区某路2号。" in lines
    procedure = next(line for line in lines if line.startswith("原告张三与被告"))
    assert procedure == ("原告张三与被告李四、苏州A&B贸易有限公司民间借贷纠纷一案，本院于2025年3月3日立案。"
                         "原告张三于2025年4月1日向本院提出撤诉申请。")
    after = lines[lines.index(procedure) + 1:]
    assert after == [
        "本院认为，原告张三在宣判前申请撤诉，系对其诉讼权利的处分，不违反法律规定，本院予以准许。",
        "依照《中华人民共和国民事诉讼法》第一百四十八条第一款之规定，裁定如下：",
        "准许原告张三撤诉。",
        "案件受理费2,400元，减半收取计1,200元，由原告张三负担。",
        "审判员　王审判",
        "二〇二五年四月十五日",
        "书记员　李书记",
    ]
    assert tables == []  # no element table, no claims restated, no appeal (a 准许撤诉 ruling is final)
    judgment = build_judgment(SYSTEM, case, "qingpu")
    assert any("第一百四十八条第一款" in note for note in judgment.notes)  # cited but not yet verified in FACTS


def test_withdrawal_article_follows_the_ruling_date(lending_case: dict[str, Any]) -> None:
    """A ruling of 2021-05-10 falls under the 2017 text (in force 2017-07-01 … 2021-12-31): 第一百四十五条第一款."""
    case = withdrawn(_lending_without_interest(lending_case), "2021-05-06")
    case["meta"].update(filing_date="2021-04-01", judgment_date="2021-05-10")
    judgment = build_judgment(SYSTEM, case, "wujiang")
    assert judgment.basis == "依照《中华人民共和国民事诉讼法》第一百四十五条第一款之规定，裁定如下："


def test_withdrawal_with_a_preservation_fee_and_the_ordinary_procedure(lending_case: dict[str, Any]) -> None:
    """Ordinary procedure: only the withdrawal halves, 2,400 → 1,200. The plaintiff bears the 保全费 too
    (第三十四条), 1,020元 for a 100,000 preservation: 30 + (100,000 − 1,000) × 1% = 1,020."""
    case = withdrawn(_lending_without_interest(lending_case))
    case["meta"].update(procedure="ordinary", preservation_fee="1020")
    judgment = build_judgment(SYSTEM, case, "jiashan")
    assert judgment.fee_text == ("案件受理费2,400元，减半收取计1,200元，由原告张三负担。"
                                 "财产保全费1,020元（原告已预交），由原告张三负担。")
    case["meta"]["preservation_fee_payer"] = "defendant"  # the judge's choice (the defendant paid after suit)
    assert build_judgment(SYSTEM, case, "jiashan").fee_text.endswith(
        "财产保全费1,020元（原告已预交），由被告李四、苏州A&B贸易有限公司负担。")


def test_mediation_document_with_two_terms() -> None:
    """Claimed 100,000: 50 + 90,000 × 2.5% = 2,300元, halved once (simple procedure + mediation) = 1,150元;
    the plaintiff bears 30%: 1,150 × 30% = 345元, the defendant the rest, 805元."""
    case = mediated(sale_case(priced()), TERMS, 30)
    lines, tables = reopened(case, "wujiang")
    assert lines[:3] == ["江苏省苏州市吴江区人民法院", "民事调解书", "（2025）苏0509民初88号"]
    procedure = next(line for line in lines if line.startswith("原告苏州甲纺织有限公司与被告"))
    assert procedure.startswith("原告苏州甲纺织有限公司与被告嘉兴乙服饰有限公司买卖合同纠纷一案，本院于2025年4月19日立案后")
    assert not procedure.endswith("本案现已审理终结。")
    start = lines.index("原告苏州甲纺织有限公司向本院提出诉讼请求：")
    assert lines[start + 1] == "1.判令被告嘉兴乙服饰有限公司支付原告苏州甲纺织有限公司货款100,000元；"
    intro = lines.index("本案审理过程中，经本院主持调解，当事人自愿达成如下协议：")
    assert lines[intro + 1:] == [
        f"一、{TERMS[0]}；",
        f"二、{TERMS[1]}。",
        "案件受理费2,300元，减半收取计1,150元，由原告苏州甲纺织有限公司负担345元，被告嘉兴乙服饰有限公司负担805元。",
        "上述协议，不违反法律规定，本院予以确认。",
        "本调解书经双方当事人签收后，即具有法律效力。",
        "审判员　王审判",
        "二〇二五年六月十日",
        "书记员　李书记",
    ]
    assert tables == []
    assert not [line for line in lines if "本院认为" in line or "判决" in line or "辩称" in line]


def test_mediation_without_terms_or_fee_sharing_is_flagged() -> None:
    judgment = build_judgment(SYSTEM, mediated(sale_case(priced()), [], None), "qingpu")
    assert judgment.orders == ["（调解协议条款待填写）。"]
    assert judgment.fee_text == "案件受理费2,300元，减半收取计1,150元，由____负担。"
    assert any("--mediation-term" in w for w in judgment.warnings)
    assert any("--mediation-fee-plaintiff-percent" in w for w in judgment.warnings)


NASTY_TERM = '被告支付{{ court_name }}{% if true %}X{% endif %}<w:t>A&B</w:t>"款"'


def test_a_term_with_template_syntax_stays_literal() -> None:
    """The terms are the parties' words: docxtpl autoescape keeps them data in docx, HTML and text."""
    case = mediated(sale_case(priced()), [NASTY_TERM, "其余无争议"], 100)
    lines, _ = reopened(case, "jiashan")
    assert f"一、{NASTY_TERM}；" in lines
    assert "案件受理费2,300元，减半收取计1,150元，由原告苏州甲纺织有限公司负担。" in lines
    with zipfile.ZipFile(io.BytesIO(render_docx(SYSTEM, case, "jiashan"))) as package:
        xml = package.read("word/document.xml").decode("utf-8")
    assert "&lt;w:t&gt;A&amp;B&lt;/w:t&gt;" in xml and "{{ court_name }}" in xml
    html = render_html(SYSTEM, case, "jiashan")
    assert "&lt;w:t&gt;A&amp;B&lt;/w:t&gt;" in html and "<w:t>" not in html
    assert f"一、{NASTY_TERM}；" in render_text(SYSTEM, case, "jiashan").splitlines()


def test_preservation_fee_borne_by_the_plaintiff_when_the_claim_fails() -> None:
    """The court finds nothing outstanding: every claim fails, so the loser — the plaintiff — bears the
    受理费 (2,300 halved in the simple procedure = 1,150) and the 保全费 (诉讼费用交纳办法第二十九条):
    1,020元 = 30 + (100,000 − 1,000) × 1% (第十四条第（二）项)."""
    case = sale_case(priced(), findings={"outstanding_amount": "0.00"})
    case["meta"]["preservation_fee"] = "1020.00"
    lines, _ = reopened(case, "wujiang")
    fee = next(line for line in lines if line.startswith("案件受理费"))
    assert fee == ("案件受理费2,300元，减半收取计1,150元，由原告苏州甲纺织有限公司负担1,150元。"
                   "财产保全费1,020元（原告已预交），由原告苏州甲纺织有限公司负担。")


def test_preservation_fee_split_by_the_judges_choice() -> None:
    """Split like the 受理费 (第二十九条, partly successful): claimed 100,000, granted 60,000 → the defendant
    bears 1,020 × 60,000 ÷ 100,000 = 612元, the plaintiff 408元."""
    case = sale_case(priced(), findings={"outstanding_amount": "60000.00"})
    case["meta"].update(preservation_fee="1020.00", preservation_fee_payer="split")
    judgment = build_judgment(SYSTEM, case, "qingpu")
    assert judgment.fee_text.endswith(
        "财产保全费1,020元（原告已预交），由原告苏州甲纺织有限公司负担408元，被告嘉兴乙服饰有限公司负担612元。")


def test_simplified_small_claim_omits_the_table_and_the_reasons() -> None:
    """民诉法解释第二百八十条: 主要记载当事人基本信息、诉讼请求、裁判主文; 一审终审 (民事诉讼法第一百六十五条)."""
    case = sale_case(priced())
    case["meta"].update(procedure="small_claims", simplified=True)
    lines, tables = reopened(case, "qingpu")
    assert tables == []
    assert not [line for line in lines if line.startswith(("本院认为", "当事人围绕诉讼请求", "对当事人无异议", "综上"))]
    assert "原告苏州甲纺织有限公司向本院提出诉讼请求：" in lines
    assert any("依法适用小额诉讼程序" in line for line in lines)
    basis = next(line for line in lines if line.startswith("依照"))
    assert basis.endswith("判决如下：") and "第一百六十五条" in basis
    orders = lines[lines.index(basis) + 1:]
    assert orders[0].startswith("被告嘉兴乙服饰有限公司于本判决生效之日起十日内支付原告苏州甲纺织有限公司")
    assert "本判决为终审判决。" in orders
    # The full form of the same case keeps its element table.
    case["meta"]["simplified"] = False
    assert reopened(case, "qingpu")[1]


def test_simplified_outside_small_claims_is_ignored_with_a_warning() -> None:
    case = sale_case(priced())
    case["meta"]["simplified"] = True
    judgment = build_judgment(SYSTEM, case, "wujiang")
    assert judgment.element_rows and any("仅适用于小额诉讼程序" in w for w in judgment.warnings)


def _four_case_types() -> dict[str, tuple[dict[str, Any], str]]:
    """Each case type with its fee by hand (第十三条): sale 100,000 → 2,300 → 1,150; labour 10元 a case
    (第十三条第（四）项) → 5; traffic 267,500 → 50 + 2,250 + 2,000 + 67,500 × 1.5% (1,012.50) = 5,312.50 →
    2,656.25; lending 105,000 → 2,400 → 1,200."""
    import json
    from pathlib import Path

    lending = json.loads((Path(__file__).parent / "data" / "case_private_lending.json").read_text(encoding="utf-8"))
    return {
        "sale_contract": (sale_case(priced()), "案件受理费2,300元，减半收取计1,150元"),
        "labor_dispute": (labor_case({"claim_unpaid_wages": "12000.00"}), "案件受理费10元，减半收取计5元"),
        "motor_vehicle_accident": (accident(), "案件受理费5,312.50元，减半收取计2,656.25元"),
        "private_lending": (_lending_without_interest(lending), "案件受理费2,400元，减半收取计1,200元"),
    }


@pytest.mark.parametrize("court", sorted(COURTS))
def test_every_case_type_and_court_drafts_both_documents(court: str) -> None:
    for case_type, (case, fee) in _four_case_types().items():
        ruling = withdrawn(copy.deepcopy(case))
        lines, tables = reopened(ruling, court)
        assert lines[:2] == [COURTS[court], "民事裁定书"], case_type
        assert lines[lines.index(next(x for x in lines if x.startswith("依照"))) + 1].startswith("准许原告")
        assert next(x for x in lines if x.startswith("案件受理费")).startswith(fee + "，由原告"), case_type
        assert tables == [], case_type
        mediation = mediated(copy.deepcopy(case), ["被告于2025年12月31日前支付原告10,000元", "双方再无其他争议"], 0)
        lines, tables = reopened(mediation, court)
        assert lines[:2] == [COURTS[court], "民事调解书"], case_type
        assert "二、双方再无其他争议。" in lines and "上述协议，不违反法律规定，本院予以确认。" in lines
        assert next(x for x in lines if x.startswith("案件受理费")).startswith(fee + "，由被告"), case_type
        assert lines[-4].startswith("本调解书经") and lines[-4].endswith("当事人签收后，即具有法律效力。")


def test_terms_typed_with_their_numbering_are_stored_without_it() -> None:
    from engine.case.meta import clean_terms

    assert clean_terms("一、被告支付原告1,000元；\n\n2、原告放弃其余请求。\n1.5万元于2025年6月30日前支付") == [
        "被告支付原告1,000元", "原告放弃其余请求", "1.5万元于2025年6月30日前支付"]

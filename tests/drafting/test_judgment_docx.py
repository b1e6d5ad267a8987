"""The drafted .docx, reopened with python-docx and read section by section, for each court.

Figures are computed by hand from the statute (see each test's docstring).
"""

from __future__ import annotations

import io
from typing import Any

import docx
import pytest
from lxml import etree

from engine.drafting.render import render_docx
from engine.system import default_system

SYSTEM = default_system()

COURTS = {
    "qingpu": ("上海市青浦区人民法院", "（2025）沪0118民初1234号", "上海市第二中级人民法院"),
    "wujiang": ("江苏省苏州市吴江区人民法院", "（2025）苏0509民初1234号", "江苏省苏州市中级人民法院"),
    "jiashan": ("浙江省嘉善县人民法院", "（2025）浙0421民初1234号", "浙江省嘉兴市中级人民法院"),
}


def paragraphs(data: bytes) -> list[str]:
    return [p.text for p in docx.Document(io.BytesIO(data)).paragraphs if p.text.strip()]


def table_rows(data: bytes) -> list[list[str]]:
    document = docx.Document(io.BytesIO(data))
    return [[cell.text for cell in row.cells] for row in document.tables[0].rows]


def index_of(lines: list[str], prefix: str) -> int:
    return next(i for i, line in enumerate(lines) if line.startswith(prefix))


@pytest.mark.parametrize("court_id", list(COURTS))
def test_sections_in_order_for_each_court(decided_case: dict[str, Any], court_id: str) -> None:
    name, number, appeal = COURTS[court_id]
    lines = paragraphs(render_docx(SYSTEM, decided_case, court_id))
    # 1. title
    assert lines[:3] == [name, "民事判决书", number]
    # 2. parties, natural person then organisation with its legal representative
    assert lines[3] == "原告：张三，男，1980年1月2日出生，汉族，住上海市青浦区某路1号。"
    assert lines[4] == "委托诉讼代理人：赵律师。"
    assert "被告：苏州A&B贸易有限公司，住所地江苏省苏州市吴江区某路3号。" in lines
    assert "法定代表人：王五。" in lines
    # 3. 审理经过
    procedure = index_of(lines, "原告张三与被告李四、苏州A&B贸易有限公司民间借贷纠纷一案")
    assert "本院于2025年3月3日立案后，依法适用简易程序，公开开庭进行了审理" in lines[procedure]
    assert lines[procedure].endswith("本案现已审理终结。")
    # 4. 诉讼请求, numbered
    claims = index_of(lines, "原告张三向本院提出诉讼请求")
    assert lines[claims + 1].startswith("1.判令被告李四归还借款本金100,000元")
    assert lines[claims + 2].startswith("2.判令被告李四支付利息")
    # 5. 答辩
    defence = index_of(lines, "被告李四、苏州A&B贸易有限公司辩称")
    assert "实际出借金额应为95,000元" in lines[defence]
    # 7. 本院认为 before 8. 判决如下, 9. 迟延履行, 10. 受理费, 11. 上诉, 12. 落款
    reasoning = index_of(lines, "本院认为")
    basis = index_of(lines, "依照")
    first_order = index_of(lines, "一、")
    late = index_of(lines, "如果未按本判决指定的期间履行给付金钱义务")
    fee = index_of(lines, "案件受理费")
    appeal_line = index_of(lines, "如不服本判决")
    assert procedure < claims < defence < reasoning < basis < first_order < late < fee < appeal_line
    assert lines[basis].endswith("判决如下：")
    assert "第二百六十四条" in lines[late]
    assert lines[appeal_line].endswith(f"上诉于{appeal}。")
    assert lines[-3:] == ["审判员　王审判", "二〇二五年四月十五日", "书记员　李书记"]


def test_element_table_rows(decided_case: dict[str, Any]) -> None:
    rows = table_rows(render_docx(SYSTEM, decided_case, "qingpu"))
    assert rows[0] == ["要素", "原告主张", "被告意见", "本院认定"]
    by_label = {row[0]: row for row in rows[1:]}
    assert by_label["约定借款金额"] == ["约定借款金额", "100,000元", "无异议", "双方无争议，本院予以确认"]
    assert by_label["实际出借金额"] == ["实际出借金额", "100,000元", "95,000元", "本院认定：95,000元"]
    assert by_label["保证方式"][3] == "本院认定：一般保证"
    assert by_label["交付方式"][3] == "被告未提出异议，本院予以确认"


def test_interest_cap_guarantee_and_orders(decided_case: dict[str, Any]) -> None:
    """Cap: contract 2021-06-01; LPR quoted 2021-05-20 was 3.85%; 4 × 3.85% = 15.40%
    (民间借贷规定第二十五条). Principal: 砍头息 → the 95,000 actually lent (第二十六条).
    Guarantee found 一般保证 → 补充 liability wording (民法典第六百八十七条)."""
    lines = paragraphs(render_docx(SYSTEM, decided_case, "wujiang"))
    text = "\n".join(lines)
    assert "15.40%" in text and "3.85%" in text
    assert "第二十六条" in text
    orders = [line for line in lines if line[:2] in ("一、", "二、", "三、", "四、", "五、", "六、")]
    assert orders[0] == "一、被告李四于本判决生效之日起十日内归还原告张三借款本金95,000元；"
    assert orders[1] == (
        "二、被告李四于本判决生效之日起十日内支付原告张三利息（以95,000元为基数，"
        "自2021年6月1日起按年利率15.40%计算至实际清偿之日止）；"
    )
    assert orders[2] == "三、被告李四于本判决生效之日起十日内支付原告张三律师费等实现债权的费用5,000元；"
    assert "在被告李四的财产依法强制执行后仍不能履行的部分承担保证责任" in orders[3]
    assert orders[-1] == "六、驳回原告张三的其他诉讼请求。"


def test_fee_computed_and_split_by_hand(decided_case: dict[str, Any]) -> None:
    """诉讼费用交纳办法第十三条, 第十六条, 第二十九条, worked by hand:
    claimed = 100,000 + 100,000×18%×1372/365 (2021-06-01..2025-03-03, both days counted) + 5,000
            = 100,000 + 67,660.27 + 5,000 = 172,660.27
    fee = 172,660.27 × 2% + 300 = 3,753.21; simple procedure halves it once: 1,876.61 (half-up)
    granted = 95,000 + 95,000×15.40%×1372/365 + 5,000 = 95,000 + 54,992.77 + 5,000 = 154,992.77
    plaintiff bears 1,876.61 × (172,660.27 − 154,992.77) / 172,660.27 = 192.02; defendants 1,684.59."""
    lines = paragraphs(render_docx(SYSTEM, decided_case, "jiashan"))
    fee = next(line for line in lines if line.startswith("案件受理费"))
    assert fee == (
        "案件受理费3,753.21元，减半收取计1,876.61元，由原告张三负担192.02元，"
        "被告李四、苏州A&B贸易有限公司负担1,684.59元。"
    )


def test_pending_dispute_renders_as_pending(lending_case: dict[str, Any]) -> None:
    rows = table_rows(render_docx(SYSTEM, lending_case, "qingpu"))
    by_label = {row[0]: row for row in rows[1:]}
    assert by_label["实际出借金额"][3] == "待认定"
    assert by_label["保证方式"][3] == "待认定"


def test_body_is_identical_across_courts(decided_case: dict[str, Any]) -> None:
    texts = {cid: paragraphs(render_docx(SYSTEM, decided_case, cid)) for cid in SYSTEM.courts}
    profile_lines = {0, 2}  # court name, case number
    qingpu = texts["qingpu"]
    for court_id, lines in texts.items():
        assert len(lines) == len(qingpu)
        for index, (ours, theirs) in enumerate(zip(lines, qingpu, strict=True)):
            if index in profile_lines or theirs.startswith("如不服本判决"):
                continue
            assert ours == theirs, (court_id, index)


def test_docx_is_valid_xml_and_a4(decided_case: dict[str, Any]) -> None:
    import zipfile

    data = render_docx(SYSTEM, decided_case, "qingpu")
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        assert package.testzip() is None
        root = etree.fromstring(package.read("word/document.xml"))
    assert root.tag.endswith("}document")
    section = docx.Document(io.BytesIO(data)).sections[0]
    assert round(section.page_width.cm, 1) == 21.0 and round(section.page_height.cm, 1) == 29.7


def test_contested_request_needs_no_finding(decided_case: dict[str, Any]) -> None:
    """A contested 诉讼请求 is answered by the orders; only disputed facts wait for findings."""
    from engine.drafting.build import UNVERIFIED, build_judgment

    decided_case["elements"]["claim_costs"].update(status="disputed", answer_position="contest")
    # The guarantee period (to 2022-11-30) lapsed before filing and the guarantor is a company: the judge
    # has found both, so the only warning left is the contested request's.
    decided_case["findings"].update(guarantee_claim_date="2022-10-08", company_guarantee_resolution="resolved")
    judgment = build_judgment(SYSTEM, decided_case, "qingpu")
    row = next(r for r in judgment.element_rows if r.label == "实现债权的费用")
    assert row.court == "被告有异议，本院依认定的事实在判决主文中处理"
    # No finding is asked for; the reason for granting a contested request is (issue 9).
    assert judgment.warnings == ["被告对实现债权的费用有异议，请写明处理理由（yaosu find --reason claim_costs=…）"]
    assert all(n.startswith(UNVERIFIED) for n in judgment.notes)
    assert not any(p.startswith("关于实现债权的费用") for p in judgment.reasoning)
    decided_case["reasons"]["claim_costs"] = "律师费有委托代理合同和发票为证"
    assert build_judgment(SYSTEM, decided_case, "qingpu").warnings == []


def test_payments_reduce_principal_after_interest(decided_case: dict[str, Any]) -> None:
    """民法典第五百六十一条: payments go to costs, then interest, then principal. Interest at the
    capped 15.40% (4 × LPR 3.85%) on 95,000 from 2021-06-01 to 2021-12-31, both days counted:
    214 days → 95,000 × 15.40% × 214 / 365 = 3,130,820 / 365 = 8,577.59; paid 10,000 → 1,422.41 to principal
    → principal 93,577.59, interest from 2022-01-01 on it."""
    from engine.drafting.build import build_judgment

    decided_case["elements"]["repaid_interest"] = {
        "status": "agreed", "complaint": "10000.00", "answer": None, "answer_position": "admit",
    }
    decided_case["elements"]["last_repayment_date"] = {
        "status": "agreed", "complaint": "2021-12-31", "answer": None, "answer_position": "admit",
    }
    judgment = build_judgment(SYSTEM, decided_case, "qingpu")
    assert judgment.orders[0] == "一、被告李四于本判决生效之日起十日内归还原告张三借款本金93,577.59元；"
    assert judgment.orders[1] == (
        "二、被告李四于本判决生效之日起十日内支付原告张三利息（以93,577.59元为基数，"
        "自2022年1月1日起按年利率15.40%计算至实际清偿之日止）；"
    )
    assert any("第五百六十一条" in p and "8,577.59" in p for p in judgment.reasoning)
    assert any("请对照还款明细核对本金" in w for w in judgment.warnings)


def test_fee_uses_the_interest_amount_the_complaint_states(decided_case: dict[str, Any]) -> None:
    """诉讼费用交纳办法第十三条、第十六条、第二十九条: the claimed amount is what the complaint asks.
    claimed = 100,000 + 60,000 (interest as stated) + 5,000 = 165,000 → 165,000 × 2% + 300 = 3,600,
    halved 1,800; granted = 95,000 + 54,992.77 + 5,000 = 154,992.77 (see the test above);
    plaintiff bears 1,800 × 10,007.23 / 165,000 = 109.17, defendants 1,690.83."""
    from engine.drafting.build import build_judgment

    decided_case["elements"]["claim_interest"]["complaint"]["amount"] = "60000.00"
    fee = build_judgment(SYSTEM, decided_case, "qingpu").fee_text
    assert fee == (
        "案件受理费3,600元，减半收取计1,800元，由原告张三负担109.17元，"
        "被告李四、苏州A&B贸易有限公司负担1,690.83元。"
    )


def test_fee_split_when_interest_start_is_only_a_month(decided_case: dict[str, Any]) -> None:
    """Stated interest 20,000 at 18% from "2021-06" (no day): the period cannot be counted, so the
    granted interest is the stated amount scaled to the capped rate: 20,000 × 15.40 / 18 = 17,111.11.
    claimed = 100,000 + 20,000 + 5,000 = 125,000 → fee 125,000 × 2% + 300 = 2,800, halved 1,400
    (诉讼费用交纳办法第十三条、第十六条); granted = 95,000 + 17,111.11 + 5,000 = 117,111.11;
    plaintiff bears 1,400 × 7,888.89 / 125,000 = 88.36 (第二十九条), defendants 1,311.64."""
    from engine.drafting.build import build_judgment

    claim = decided_case["elements"]["claim_interest"]["complaint"]
    claim.update(amount="20000.00", start_date="2021-06", end="2022-05-31")
    fee = build_judgment(SYSTEM, decided_case, "qingpu").fee_text
    assert fee == (
        "案件受理费2,800元，减半收取计1,400元，由原告张三负担88.36元，"
        "被告李四、苏州A&B贸易有限公司负担1,311.64元。"
    )

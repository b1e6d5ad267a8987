"""The team's own element-style forms for 民间借贷 (layout of the 示范文本 of 法〔2025〕82号:
label cell | value cell, ☑ ticked, □ not), built as real .docx files with python-docx.

Fictional parties and figures written for these tests; nothing is copied from real cases.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import docx

COMPLAINT_ROWS: list[tuple[str, str]] = [
    ("原告（自然人）", "姓名：王小明；性别：男☑女□；出生日期：1985年6月12日；民族：汉族；住所地：上海市青浦区盈港东路100号"),
    ("被告（自然人）", "姓名：赵大海；性别：男☑女□；出生日期：1979年3月2日；民族：汉族；住所地：江苏省苏州市吴江区中山路8号"),
    ("被告（自然人）", "姓名：钱丽；性别：男□女☑；出生日期：1981年11月30日；民族：汉族；住所地：浙江省嘉善县罗星街道1号"),
    ("1.本金", "截至2024年3月1日止，尚欠本金200,000元"),
    ("2.利息", "截至2024年3月1日止，欠利息12000元；是否请求支付至实际清偿之日止：是☑否□"),
    ("8.标的总额", "212000元"),
    ("1.合同签订情况", "名称：借款合同；签订时间：2023年1月5日；签订地点：上海市青浦区"),
    ("2.签订主体", "出借人：王小明；借款人：赵大海"),
    ("3.借款金额", "约定：200000元；实际提供：200000元；提供方式：现金□ 转账☑ 其他"),
    ("4.借款期限", "是否到期：是☑否□；约定期限：2023年1月6日起至2023年12月31日止"),
    ("5.借款利率", "年利率6%"),
    ("6.借款提供时间", "2023年1月6日，200000元"),
    ("7.还款方式", "到期一次性还本付息☑ 按月计息、到期一次性还本□ 其他"),
    ("8.还款情况", "已还本金：0元；已还利息：0元"),
    ("14.是否签订保证合同", "是☑否□；签订时间：2023年1月5日；保证人：钱丽；保证方式：一般保证□ 连带责任保证☑"),
]
# What the form says, written by hand from the rows above.
COMPLAINT_EXPECTED = {
    "plaintiffs": ["王小明"],
    "defendants": ["赵大海", "钱丽"],
    "claim_principal": "200000.00",
    "claim_total": "212000.00",
    "contract_date": "2023-01-05",
    "lenders": ["王小明"],
    "borrowers": ["赵大海"],
    "loan_amount": "200000.00",
    "delivered_amount": "200000.00",
    "delivery_method": "bank_transfer",
    "term_end": "2023-12-31",
    "interest_rate": "6",
    "delivery_date": "2023-01-06",
    "repayment_method": "lump_sum",
    "guarantors": ["钱丽"],
    "guarantee_type": "joint",
}
# The same form with every box left empty: no enum may be decided from the option words.
UNTICKED_ROWS: list[tuple[str, str]] = [
    ("原告（自然人）", "姓名：王小明；性别：男□女□"),
    ("被告（自然人）", "姓名：赵大海"),
    ("3.借款金额", "约定：50000元；实际提供：50000元；提供方式：现金□ 转账□ 其他"),
    ("7.还款方式", "到期一次性还本付息□ 按月计息、到期一次性还本□ 其他"),
    ("14.是否签订保证合同", "保证人：钱丽；保证方式：一般保证□ 连带责任保证□"),
]

ANSWER_ROWS: list[tuple[str, str]] = [
    ("答辩人（自然人）", "姓名：赵大海；性别：男☑女□"),
    ("1.对本金有无异议", "无异议□ 有异议☑ 事实和理由：尚欠本金仅为150000元"),
    ("3.借款金额有无异议", "无异议☑ 有异议□"),
    ("5.借款利率有无异议", "无异议□ 有异议☑ 事实和理由：双方约定年利率4%"),
    ("6.借款提供时间有无异议", "无异议☑ 有异议□"),
    ("15.保证方式有无异议", "无异议□ 有异议☑ 事实和理由：钱丽承担的是一般保证☑"),
    ("17.有无其他免责/减责事由", "有☑ 无□ 答辩人已于2023年6月1日归还借款5万元"),
]
ANSWER_EXPECTED = {
    "claim_principal": ("contest", "150000.00"),
    "loan_amount": ("admit", None),
    "interest_rate": ("contest", "4"),
    "delivery_date": ("admit", None),
    "guarantee_type": ("contest", "general"),
    # A repayment stated anywhere in the answer raises the repayment defence.
    "already_repaid": ("contest", True),
}


def build_form(path: Path, title: str, rows: list[tuple[str, str]], convert: Callable[[str], str] = str) -> Path:
    """A .docx with a title paragraph and one two-column table of `rows` (texts through `convert`)."""
    document = docx.Document()
    document.add_paragraph(convert(title))
    table = document.add_table(rows=len(rows), cols=2)
    for index, (label, value) in enumerate(rows):
        table.cell(index, 0).text = convert(label)
        table.cell(index, 1).text = convert(value)
    document.save(path)
    return path

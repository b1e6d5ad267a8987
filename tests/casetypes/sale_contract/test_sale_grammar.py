"""The clause grammar of sale pleadings (engine/casetypes/sale_contract/grammar.py), function by function,
and odd input through the whole sale reading (it must not raise)."""

from __future__ import annotations

import pytest

from engine.casetypes.sale_contract import grammar
from engine.extraction.api import extract_text
from engine.system import default_system


def _at(text: str, figure: str) -> int:
    """Where the sum starts (a leading 、 marks the later of two alike: 150000元、50000元)."""
    return text.index(figure) + (1 if figure.startswith("、") else 0)


@pytest.mark.parametrize(("text", "figure", "noun"), [
    ("返还原告定金10000元、购房款14000元、中介费1000元", "14000", "购房款"),
    ("返还原告定金10000元、购房款14000元、中介费1000元", "1000元", "中介费"),
    ("支付被告购房首付款14000元", "14000", "购房首付款"),
    ("赔偿损失暂计190000元", "190000", "损失暂计"),
    ("分别支付100000元、150000元", "150000", ""),
])
def test_the_noun_a_sum_is_attached_to(text: str, figure: str, noun: str) -> None:
    assert grammar.item_noun(text, _at(text, figure)) == noun


@pytest.mark.parametrize(("text", "figure", "head"), [
    # One verb over a list: the earlier items and the sum's own noun are not the head.
    ("请求判令被告返还原告定金10000元、购房款14000元、中介费1000元", "1000元", "请求判令被告返还原告"),
    ("分别支付100000元、150000元、50000元", "、50000元", "分别支付"),
    # A list that runs over a comma: the verb is a clause back.
    ("支付被告定金10000元，购房首付款14000元", "14000", "支付被告"),
])
def test_the_verb_that_governs_a_list(text: str, figure: str, head: str) -> None:
    assert grammar.governing_head(text, _at(text, figure)) == head


@pytest.mark.parametrize(("text", "goods"), [
    ("原告购买被告位于某市幸福路8号的房屋一套，房款已付清", "房屋"),
    ("签订商品房买卖合同三份，约定由原告向被告购买3号商铺三间", "商铺"),  # the sale verb's object wins
    ("双方签订《商品房买卖合同》，约定交房时间", "商品房"),
    ("出卖人已取得商品房预售许可证，买受人所购商铺尚待分割", "商铺"),  # a permit is none
])
def test_what_a_house_sale_sold(text: str, goods: str) -> None:
    found = grammar.house_goods(text)
    assert found is not None and found[0] == goods


def test_a_goods_sale_has_no_house_goods() -> None:
    assert grammar.house_goods("被告向原告采购钢材一批，送至被告厂区") is None


@pytest.mark.parametrize(("text", "delivered"), [
    ("被告已于TIME向原告交付房屋", True),
    ("被告至今未交付房屋", False),
    ("该楼盘至今未动工", False),
    ("房屋已经交付，不存在履行不能", True),
    ("被告未按约定期限交付房屋，直至TIME才交房", True),
    ("出卖人未能按约向买受人交付房屋", None),  # late, not undelivered
    ("被告至今未向原告交付房屋权属证书", None),  # a certificate is not the house
])
def test_delivery_statements(text: str, delivered: bool | None) -> None:
    stated = grammar.delivery_statement(text)
    assert (stated[0] if stated else None) is delivered


@pytest.mark.parametrize(("text", "signed"), [
    ("原、被告签订商品房买卖合同三份", True),
    ("双方所签的《房屋转让协议》应属无效", True),
    ("双方签订合同后三日内交出了钥匙", True),
    ("原告多次要求被告签订书面合同，被告置之不理", False),
    ("被告出具《交房通知书》", False),
    ("被告工作人员签收了送货单", False),
])
def test_signed_contracts(text: str, signed: bool) -> None:
    assert (grammar.signed_contract(text) is not None) is signed


@pytest.mark.parametrize("text", [
    "",
    "，，，，，，，，，，，，，，，，，，，，，，，，，，，，，，1元",
    "、" * 500 + "定金10000元",
    "原告诉称：" + "返还" * 300 + "购房款",
    "被告辩称：" + "。" * 200 + "原告拒不支付",
    "请求判令被告按每日万分之",
])
@pytest.mark.parametrize("role", ["complaint", "answer"])
def test_odd_text_does_not_raise(text: str, role: str) -> None:
    result = extract_text(default_system(), text, "sale_contract", role)
    assert isinstance(result["elements"], dict)

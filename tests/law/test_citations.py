"""The citation catalogue (parameters/citations.yaml): articles by the date that matters."""

import warnings
from datetime import date
from pathlib import Path

import pytest
import yaml

from engine.errors import YaosuError
from engine.law.citations import article_key, basis_text, cite, effect, law_title, parse_catalogue
from engine.law.lawdata import LawData
from engine.law.parameters import UnverifiedParameterWarning, load_yaml
from engine.paths import PARAMETERS_DIR
from tests.law._lawdata import law_dir


def quiet_cite(concept: str, on: date):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UnverifiedParameterWarning)
        return cite(concept, on)


@pytest.mark.parametrize(
    ("judgment_date", "article"),
    [
        # FACTS §2.4 / §9.6: 253 for judgments 2017-07-01…2021-12-31, 260 2022-01-01…2023-12-31, 264 after.
        (date(2017, 7, 1), "第二百五十三条"),
        (date(2021, 12, 31), "第二百五十三条"),
        (date(2022, 1, 1), "第二百六十条"),
        (date(2023, 12, 31), "第二百六十条"),
        (date(2024, 1, 1), "第二百六十四条"),
        (date(2026, 12, 1), "第二百六十四条"),
    ],
)
def test_late_performance_article_by_judgment_date(judgment_date: date, article: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error", UnverifiedParameterWarning)  # all three rows are verified
        citation = cite("late_performance_interest", judgment_date)
    assert citation.text == f"《中华人民共和国民事诉讼法》{article}"
    assert citation.status == "verified" and citation.source


def test_no_version_before_the_catalogue_starts() -> None:
    with pytest.raises(YaosuError, match="没有在2017-06-30（裁判日期）施行的条文"):
        cite("late_performance_interest", date(2017, 6, 30))


def test_missing_date_names_the_date_that_decides() -> None:
    with pytest.raises(YaosuError, match="须先确定裁判日期"):
        cite("late_performance_interest", None)
    with pytest.raises(YaosuError, match="法律事实发生日期"):
        cite("guarantee_mode_default", None)


def test_unknown_concept_is_a_chinese_error() -> None:
    with pytest.raises(YaosuError, match="没有条文概念 'nope'"):
        cite("nope", date(2022, 1, 1))


def test_guarantee_mode_default_is_read_from_data() -> None:
    # FACTS §9.6: a 2019 guarantee with no stated mode is joint (担保法第十九条, via 法释〔2020〕15号第一条);
    # from 2021-01-01 民法典第六百八十六条第二款: general.
    assert effect("guarantee_mode_default", date(2020, 12, 31)) == "joint"
    assert quiet_cite("guarantee_mode_default", date(2019, 5, 1)).text == "《中华人民共和国担保法》第十九条"
    assert effect("guarantee_mode_default", date(2021, 1, 1)) == "general"
    assert quiet_cite("guarantee_mode_default", date(2021, 1, 1)).article == "第六百八十六条第二款"


def test_substantive_law_by_the_date_of_the_facts() -> None:
    assert quiet_cite("no_interest_agreed", date(2020, 12, 31)).title == "《中华人民共和国合同法》"
    assert quiet_cite("no_interest_agreed", date(2021, 1, 1)).text == "《中华人民共和国民法典》第六百八十条"
    assert quiet_cite("payment_order", date(2020, 6, 1)).text.endswith("（二）》第二十一条")
    assert quiet_cite("payment_order", date(2021, 6, 1)).article == "第五百六十一条"
    assert quiet_cite("guarantee_period_joint", date(2019, 1, 1)).article == "第二十六条"


@pytest.mark.parametrize(
    ("filing", "article", "edition"),
    [
        # FACTS §5.1: 2015 rules to 2020-08-19; 2020-08 text 第二十六条; 2020-12 text 第二十五条 from 2021-01-01.
        (date(2020, 8, 19), "第二十六条", "2015年"),
        (date(2020, 8, 20), "第二十六条", "2020年第一次修正"),
        (date(2021, 1, 1), "第二十五条", "2020年第二次修正"),
    ],
)
def test_private_lending_rules_by_filing_date(filing: date, article: str, edition: str) -> None:
    citation = quiet_cite("lending_interest_cap", filing)
    assert (citation.article, citation.edition) == (article, edition)


def test_overdue_rule_effect_by_version() -> None:
    # FACTS §9.6: no rates agreed → LPR of the time (2020-12 text 第二十八条第二款第（一）项); 6% under 2015 第二十九条.
    assert effect("lending_overdue_no_rate_agreed", date(2021, 3, 1)) == "lpr_of_the_time"
    assert effect("lending_overdue_no_rate_agreed", date(2020, 3, 1)) == "six_percent"
    assert (
        quiet_cite("lending_overdue_no_rate_agreed", date(2021, 3, 1)).article == "第二十八条第二款第（一）项"
    )


def test_unverified_rows_warn_and_verified_rows_do_not() -> None:
    with pytest.warns(UnverifiedParameterWarning, match="FACTS.md 只核实了2021、2023年文本"):
        cite("default_judgment", date(2021, 6, 1))
    with warnings.catch_warnings():
        warnings.simplefilter("error", UnverifiedParameterWarning)
        assert cite("default_judgment", date(2024, 6, 1)).article == "第一百四十七条"


def test_not_found_row_is_an_error_naming_the_file() -> None:
    with pytest.raises(YaosuError, match="citations.yaml.*条文未找到"):
        cite("guarantee_period_lapse", date(2019, 6, 1))


def test_law_title() -> None:
    assert law_title("civil_code") == "《中华人民共和国民法典》"
    with pytest.raises(YaosuError, match="未收录2020-06-01施行的《中华人民共和国民法典》"):
        law_title("civil_code", date(2020, 6, 1))


def test_article_key_parses_chinese_numerals() -> None:
    assert article_key("第十九条") == (19, 0, 0)
    assert article_key("第二百零六条") == (206, 0, 0)
    assert article_key("第二十八条第二款第（一）项") == (28, 2, 1)
    assert article_key("第十三条第（四）项") == (13, 0, 4)
    with pytest.raises(YaosuError, match="不是"):
        article_key("第28条")


def test_basis_text_groups_by_law_in_first_use_order_with_ascending_articles() -> None:
    text = basis_text(
        [
            "《中华人民共和国民法典》第六百八十条",
            "《最高人民法院关于审理民间借贷案件适用法律若干问题的规定》第二十八条",
            "《中华人民共和国民法典》第五百六十一条",
            "《中华人民共和国民法典》第六百八十条",  # repeated: printed once
            "《中华人民共和国民法典》第一百条",  # 100 < 561 < 680 (string order would put 一百 last)
            "《最高人民法院关于审理民间借贷案件适用法律若干问题的规定》第二十五条",
        ]
    )
    assert text == (
        "依照《中华人民共和国民法典》第一百条、第五百六十一条、第六百八十条，"
        "《最高人民法院关于审理民间借贷案件适用法律若干问题的规定》第二十五条、第二十八条之规定，判决如下："
    )


def test_basis_text_tells_two_editions_of_one_law_apart() -> None:
    old = quiet_cite("lending_interest_cap", date(2020, 8, 1))
    new = quiet_cite("lending_interest_cap", date(2022, 8, 1))
    transition = quiet_cite("lending_transition", date(2022, 8, 1))
    title = "《最高人民法院关于审理民间借贷案件适用法律若干问题的规定》"
    assert basis_text([transition, old, new]) == (
        f"依照{title}（2020年第二次修正）第二十五条、第三十一条，{title}（2015年）第二十六条之规定，判决如下："
    )
    with pytest.raises(YaosuError):
        basis_text([])


MINI = {
    "last_verified": "2030-01-01",
    "laws": {
        "x": {
            "title": "《测试法》",
            "versions": [
                {"edition": "2020年", "from": "2020-01-01", "to": None, "source": "s", "status": "verified"}
            ],
        }
    },
    "provisions": {
        "c": {
            "label": "测试",
            "date_basis": "judgment_date",
            "rows": [{"law": "x", "article": "第三条", "source": "s", "status": "verified"}],
        }
    },
}


def test_catalogue_from_a_tmp_directory(tmp_path: Path) -> None:
    law = LawData.load(law_dir(tmp_path, citations=MINI))
    assert cite("c", date(2021, 1, 1), law=law).text == "《测试法》第三条"
    with pytest.raises(YaosuError, match="没有在2019-12-31"):
        cite("c", date(2019, 12, 31), law=law)


def test_catalogue_rejects_unknown_keys_and_laws(tmp_path: Path) -> None:
    bad = yaml.safe_load(yaml.safe_dump(MINI))
    bad["provisions"]["c"]["rows"][0]["artcle"] = "第三条"
    with pytest.raises(YaosuError, match=r"citations.yaml：键 provisions\.c\.rows\.0\.artcle：未知的键"):
        LawData.load(law_dir(tmp_path, citations=bad))
    bad = yaml.safe_load(yaml.safe_dump(MINI))
    bad["provisions"]["c"]["rows"][0]["law"] = "y"
    with pytest.raises(YaosuError, match="law 'y' 不在 laws 中"):
        LawData.load(law_dir(tmp_path, citations=bad))


def test_every_row_is_sourced_and_parses() -> None:
    path = PARAMETERS_DIR / "citations.yaml"
    catalogue = parse_catalogue(load_yaml(path), "parameters/citations.yaml")
    assert {
        "late_performance_interest",
        "default_judgment",
        "burden_of_proof",
        "small_claims",
        "guarantee_mode_default",
        "lending_transition",
        "old_law_for_old_facts",
        "fee_burden",
    } <= set(catalogue.provisions)
    for provision in catalogue.provisions.values():
        for row in provision.rows:
            assert row.source and row.status
            if row.status not in ("verified", "secondary", "derived"):
                assert row.note, (provision.id, row.article)  # say why it is not verified


def test_overlapping_rows_are_rejected(tmp_path: Path) -> None:
    bad = yaml.safe_load(yaml.safe_dump(MINI))
    bad["provisions"]["c"]["rows"].append(
        {"law": "x", "article": "第四条", "source": "s", "status": "verified"}
    )
    with pytest.raises(YaosuError, match="第三条 与 第四条 两行的施行期间重叠"):
        LawData.load(law_dir(tmp_path, citations=bad))

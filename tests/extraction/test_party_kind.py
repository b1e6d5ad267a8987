"""What a party's name says it is (engine/extraction/parties.py): the one rule the parties reader and the
`names` rewrite of engine/extraction/perturb.py share. Team-written names."""

from __future__ import annotations

import pytest

from engine.extraction.parties import is_organisation


@pytest.mark.parametrize("name", ["嘉善某某建材有限公司", "中国农业银行股份有限公司嘉善支行", "吴江区某某五金经营部",
                                  "青浦某某商场", "西塘某某宾馆", "某某餐厅", "嘉善县某某村民委员会", "某某律师事务所"])
def test_an_organisation_by_what_its_name_says(name: str) -> None:
    assert is_organisation(name)


@pytest.mark.parametrize("name", ["周晓燕", "王某某", "李某1", "欧阳明华", "张×", "商某"])
def test_a_person(name: str) -> None:
    assert not is_organisation(name)

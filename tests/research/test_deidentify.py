"""The researcher export holds no ID number, phone number or real party name of the corpus."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from engine.research.deidentify import Pseudonyms, scrub
from engine.research.export import case_id
from tests.research.batch_inputs import COMPLAINTS, gold_names

pytestmark = pytest.mark.skipif(not COMPLAINTS, reason="team corpus not present")
ID_18 = re.compile(r"(?<!\d)\d{17}[\dXx](?!\d)")
PHONE_11 = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")


@pytest.fixture(scope="module")
def batch_out(corpus_batch: Path) -> Path:
    return corpus_batch


def _exported_text(out: Path) -> list[str]:
    csv_text = (out / "elements.csv").read_text(encoding="utf-8-sig")
    cells = [str(v) for row in pq.read_table(out / "elements.parquet").to_pylist() for v in row.values() if v is not None]
    return [csv_text, *cells]


def test_export_has_no_id_numbers_phones_or_real_names(batch_out: Path) -> None:
    names = {name for name in gold_names() if len(name) >= 2 and "某" not in name}  # 张某 is anonymous already
    assert len(names) > 40
    cases = "".join(p.read_text(encoding="utf-8") for p in (batch_out / "cases").glob("*.json"))
    # Not a vacuous scan: the case files (not exported) do hold ids, phones and the names.
    assert ID_18.search(cases) and PHONE_11.search(cases)
    assert sum(name in cases for name in names) > 40
    exported = _exported_text(batch_out)
    for text in exported:
        assert not ID_18.search(text), ID_18.search(text)
        assert not PHONE_11.search(text), PHONE_11.search(text)
        leaked = sorted(name for name in names if name in text)
        assert not leaked, leaked
    assert "某" in exported[0]  # pseudonyms took their place


def test_pseudonyms_are_consistent_within_the_batch(batch_out: Path) -> None:
    """Where a complaint's 出借人 is its 原告 (same real name), both get the same pseudonym."""
    rows = pq.read_table(batch_out / "elements.parquet").to_pylist()
    exported: dict[tuple[str, str], str | None] = {(r["case_id"], r["element"]): r["complaint_value"] for r in rows}
    checked = 0
    for path in (batch_out / "cases").glob("*.json"):
        case = json.loads(path.read_text(encoding="utf-8"))
        states = case["elements"]
        real_plaintiffs = [p["name"] for p in states.get("plaintiffs", {}).get("complaint") or []]
        real_lenders = states.get("lenders", {}).get("complaint") or []
        cid = case_id(case["case_type"], path.stem)
        pseudo_plaintiffs = [p["name"] for p in json.loads(exported[(cid, "plaintiffs")] or "[]")]
        pseudo_lenders = json.loads(exported[(cid, "lenders")] or "[]")
        assert len(pseudo_plaintiffs) == len(real_plaintiffs)
        for real, pseudo in zip(real_lenders, pseudo_lenders, strict=True):
            if real in real_plaintiffs:
                assert pseudo == pseudo_plaintiffs[real_plaintiffs.index(real)]
                checked += 1
        for name in pseudo_plaintiffs:
            assert re.fullmatch(r"(.{1,2}某\d+|某[甲乙丙丁戊己庚辛壬癸\d]+.*)", name), name
    assert checked > 10


def test_draft_file_names_hold_no_party_names(batch_out: Path) -> None:
    names = {name for name in gold_names() if len(name) >= 2 and "某" not in name}  # 张某 is anonymous already
    drafts = [p.name for p in (batch_out / "drafts").iterdir()]
    assert len(drafts) == len(COMPLAINTS) + 1  # and dup_c_007
    assert not [d for d in drafts if any(name in d for name in names)]


def test_pseudonym_numbering_and_text_scrubbing_by_hand() -> None:
    pseudonyms = Pseudonyms()
    assert [pseudonyms.register(n) for n in ("张三", "张三丰", "李四", "苏州A&B贸易有限公司", "欧阳娜娜", "张三")] == [
        "张某1", "张某2", "李某1", "某甲公司", "欧阳某1", "张某1",
    ]
    assert pseudonyms.register("吴江区松陵镇小王经营部") == "某乙经营部"
    text = (
        "原告张三丰（公民身份号码32050919800102031X，电话13912345678）住江苏省苏州市吴江区松陵镇笠泽路88号，"
        "通过其尾号账户6222 0212 3456 7890 123向苏州A&B贸易有限公司转账，张三见证。"
    )
    assert pseudonyms.text(text) == (
        "原告张某2（公民身份号码［已删除］，电话［已删除］）［已删除］，"
        "通过其尾号账户［已删除］向某甲公司转账，张某1见证。"
    )
    assert scrub("统一社会信用代码91320509MA1XXXXX0Y，座机0512-63001234") == "统一社会信用代码［已删除］，座机［已删除］"
    assert scrub("借款50000.00元，于2021-03-05交付") == "借款50000.00元，于2021-03-05交付"

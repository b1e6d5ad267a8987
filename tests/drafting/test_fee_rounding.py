"""How a shared 受理费 is rounded is court-profile data (courts.yaml fee_rounding): FACTS.md records no
practice of the three courts, so every court rounds to the cent unless its profile says yuan."""

from __future__ import annotations

import json
import re
import shutil
from decimal import Decimal
from pathlib import Path

from engine.drafting.build import build_judgment
from engine.law.fee import split_fee
from engine.system import default_system, load_system

CASE = Path(__file__).parent / "data" / "case_private_lending.json"


def test_split_to_the_cent_or_to_the_yuan() -> None:
    # 诉讼费用交纳办法第二十九条: the defendant bears 1,150 × 33,333 ÷ 100,000 = 383.3295 → 383.33 to the cent
    # (plaintiff 1,150 − 383.33 = 766.67), or 383 to the yuan (plaintiff 767); the parts add up to the fee.
    cent = split_fee(Decimal("1150"), Decimal("100000"), Decimal("33333"))
    assert (cent.details["defendant"], cent.details["plaintiff"]) == (Decimal("383.33"), Decimal("766.67"))
    yuan = split_fee(Decimal("1150"), Decimal("100000"), Decimal("33333"), rounding="yuan")
    assert (yuan.details["defendant"], yuan.details["plaintiff"]) == (Decimal("383.00"), Decimal("767.00"))
    assert any("四舍五入到元" in step for step in yuan.steps)


def _shares(fee_text: str) -> list[str]:
    return re.findall(r"负担([\d,]+(?:\.\d\d)?)元", fee_text)


def test_a_court_whose_profile_rounds_to_the_yuan_drafts_whole_yuan_shares(tmp_path: Path) -> None:
    shipped = default_system().root
    for name in ("elements", "element_tables", "parameters"):
        (tmp_path / name).symlink_to(shipped / name)
    shutil.copytree(shipped / "judgment_templates", tmp_path / "judgment_templates")
    profiles = tmp_path / "judgment_templates" / "courts.yaml"
    text = profiles.read_text(encoding="utf-8")
    wujiang = text.index("wujiang:")
    end = text.index("fee_rounding: cent", wujiang)
    profiles.write_text(text[:end] + "fee_rounding: yuan" + text[end + len("fee_rounding: cent"):], encoding="utf-8")
    system = load_system(tmp_path)
    case = json.loads(CASE.read_text(encoding="utf-8"))
    case["findings"] = {"delivered_amount": "95000.00", "guarantee_type": "general"}
    # Halved fee 1,876.61; the plaintiff's part 192.02 to the cent in 青浦, the defendants' 1,684.59 → to
    # the yuan in 吴江: defendants round(1,684.59) = 1,685, plaintiff 1,876.61 − 1,685 = 191.61.
    assert _shares(build_judgment(system, case, "qingpu").fee_text) == ["192.02", "1,684.59"]
    assert _shares(build_judgment(system, case, "wujiang").fee_text) == ["191.61", "1,685"]

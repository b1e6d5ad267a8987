"""`yaosu check-data`: the shipped data is clean; every kind of bad data is named by file and key."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from engine.datacheck import check_data_tree
from engine.system import default_system

YAOSU = str(Path(sys.executable).parent / "yaosu")


def test_the_shipped_data_is_clean() -> None:
    result = subprocess.run([YAOSU, "check-data"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "数据文件全部有效" in result.stdout


def _copy_data(tmp_path: Path) -> Path:
    shipped = default_system().root
    for folder in ("elements", "element_tables", "judgment_templates", "parameters"):
        shutil.copytree(shipped / folder, tmp_path / folder)
    return tmp_path


# (file, text to replace, replacement, words the problem must contain)
BAD = [
    ("elements/lending_facts.yaml", '"negative": ["归还", "还款", "偿还", "利息", "尚欠", "仍欠", "下欠"',
     '"negativ": ["归还", "还款", "偿还", "利息", "尚欠", "仍欠", "下欠"', ["lending_facts.yaml", "loan_amount", "negativ", "未知的键"]),
    ("elements/lending_facts.yaml", '"pick": "earliest"', '"pick": "maximum"', ["delivery_date", "cues.pick", "maximum"]),
    ("elements/lending_facts.yaml", "  type: enum\n  options: {joint:", "  type: enmu\n  options: {joint:",
     ["guarantee_type", "type"]),
    ("element_tables/private_lending.yaml", "{id: collateral}", "{id: collateralz}",
     ["private_lending.yaml", "collateralz", "要素字典中没有"]),
    ("element_tables/private_lending.yaml", "    left: guarantee_type", "    left: guarantee_kind",
     ["checks.5.left", "guarantee_kind"]),
    ("element_tables/private_lending.yaml", "package: private_lending", "package: no_such_package",
     ["no_such_package", "不存在"]),
    ("elements/lending_defences.yaml", '"answer_patterns": ["(?:超过|过了|已过|早过)',
     '"answer_patterns": ["(?:超过|过了|已过|早过', ["lending_defences.yaml", "guarantee_expired", "answer_patterns", "正则表达式无效"]),
    ("judgment_templates/courts.yaml", "  appeal_court: 浙江省嘉兴市中级人民法院", "  appeal_cort: 浙江省嘉兴市中级人民法院",
     ["courts.yaml", "jiashan", "appeal_cort"]),
]


@pytest.mark.parametrize(("file", "old", "new", "words"), BAD, ids=[b[2][:20] for b in BAD])
def test_bad_data_is_named_by_file_and_key(tmp_path: Path, file: str, old: str, new: str, words: list[str]) -> None:
    root = _copy_data(tmp_path)
    path = root / file
    text = path.read_text(encoding="utf-8")
    assert old in text, "the fixture must change something"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    problems = check_data_tree(root)
    joined = "\n".join(problems)
    assert problems and all(word in joined for word in words), joined
    result = subprocess.run([YAOSU, "check-data", str(root)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 1 and all(word in result.stdout for word in words[:2])

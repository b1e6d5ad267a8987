"""The registry of real-text gold sets (corpus/realdata_gold/sets.yaml) and `yaosu eval-real --all`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from engine.cli import app
from engine.errors import YaosuError
from engine.extraction.goldsets import GOLD_SETS, load_gold_sets
from engine.system import default_system

# The blind sets as corpus/realdata_gold/README.md names them: nobody tunes on these.
BLIND = {"cail2021_blind", "lawbench_traffic", "lawbench_sale", "lawbench_labor", "element_labor_blind"}

COMPLAINT = (
    "原告：张三，男，1980年1月1日出生，汉族，住上海市青浦区。\n"
    "被告：李四，男，1982年2月2日出生，汉族，住江苏省苏州市吴江区。\n"
    "诉讼请求：1.判令被告归还借款本金50000元。\n"
    "事实与理由：2021年3月5日，被告向原告借款50000元，原告当日以银行转账方式交付。被告至今未还。\n"
)


def test_every_gold_file_is_registered_once_with_a_known_case_type() -> None:
    sets = load_gold_sets()
    files = sorted(path.name for path in GOLD_SETS.parent.glob("*.gold.jsonl"))
    assert sorted(entry.file for entry in sets) == files
    known = set(default_system().casetypes)
    assert all(entry.case_type in known for entry in sets)
    assert {entry.id for entry in sets if entry.kind == "blind"} == BLIND
    assert {entry.id for entry in sets if entry.kind == "held_out"} == {"scm_loan_heldout"}


def _registry(folder: Path, entries: list[dict[str, str]]) -> Path:
    lines = ["sets:"]
    for entry in entries:
        lines.append(f"  - id: {entry['id']}")
        lines += [f"    {key}: {value}" for key, value in entry.items() if key != "id"]
    path = folder / "sets.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _entry(set_id: str, **changes: str) -> dict[str, str]:
    return {"id": set_id, "file": f"{set_id}.gold.jsonl", "case_type": "private_lending", "kind": "development",
            "source": "scm_loan/docs.jsonl", "what": "team-written", **changes}


@pytest.mark.parametrize(("entries", "code", "named"), [
    ([_entry("a", kind="secret")], "E290", "sets.0.kind"),
    ([_entry("a"), _entry("a")], "E291", "a"),
    ([_entry("a", file="gone.gold.jsonl")], "E292", "gone.gold.jsonl"),
    ([{k: v for k, v in _entry("a").items() if k != "case_type"}], "E290", "sets.0.case_type"),
])
def test_a_bad_registry_is_one_clear_error(tmp_path: Path, entries: list[dict[str, str]], code: str,
                                           named: str) -> None:
    (tmp_path / "a.gold.jsonl").write_text("", encoding="utf-8")
    with pytest.raises(YaosuError) as caught:
        load_gold_sets(_registry(tmp_path, entries))
    assert caught.value.code == code
    assert named in caught.value.message and "sets.yaml" in caught.value.message


def _yaosu(*args: str) -> Result:
    return CliRunner().invoke(app, list(args))


def _one_document(tmp_path: Path) -> tuple[Path, Path]:
    """A realdata folder holding COMPLAINT as scm document t1, and an empty gold folder."""
    realdata = tmp_path / "realdata"
    (realdata / "scm_loan").mkdir(parents=True)
    (realdata / "scm_loan" / "docs.jsonl").write_text(
        json.dumps({"id": "t1", "text": COMPLAINT}, ensure_ascii=False) + "\n", encoding="utf-8")
    gold = tmp_path / "gold"
    gold.mkdir()
    return realdata, gold


# What COMPLAINT says; WRONG has its delivery date a day off (4 of 5 values right: P = R = F1 = 4/5).
RIGHT = {"plaintiffs": ["张三"], "defendants": ["李四"], "claim_principal": "50000.00", "loan_amount": "50000.00",
         "delivery_date": "2021-03-05"}
WRONG = {**RIGHT, "delivery_date": "2021-03-06"}


def _gold_file(folder: Path, name: str, elements: dict[str, object]) -> None:
    (folder / f"{name}.gold.jsonl").write_text(json.dumps({"id": "t1", "elements": elements}, ensure_ascii=False)
                                               + "\n", encoding="utf-8")


def test_eval_real_all_scores_each_registered_set(tmp_path: Path) -> None:
    realdata, gold = _one_document(tmp_path)
    _gold_file(gold, "right", RIGHT)
    _gold_file(gold, "wrong", WRONG)
    (gold / "elsewhere.gold.jsonl").write_text(
        json.dumps({"source": "cail2019_element/labor.jsonl", "index": 0, "part": "complaint", "elements": {}}) + "\n",
        encoding="utf-8")
    registry = _registry(gold, [_entry("right"), _entry("wrong", kind="blind"),
                                _entry("elsewhere", case_type="labor_dispute", source="cail2019_element/labor.jsonl")])
    shown = _yaosu("eval-real", "--all", "--sets", str(registry), "--realdata", str(realdata))
    assert shown.exit_code == 0, shown.output
    rows = {line.split()[0]: line for line in shown.stdout.splitlines()[1:]}
    assert "1.000（P 1.000 R 1.000）" in rows["right"] and "开发集" in rows["right"]
    assert "0.800（P 0.800 R 0.800）" in rows["wrong"] and "盲测集" in rows["wrong"]
    assert "未找到真实文书" in rows["elsewhere"]
    blind = _yaosu("eval-real", "--all", "--kind", "blind", "--markdown", "--sets", str(registry),
                   "--realdata", str(realdata))
    lines = blind.stdout.splitlines()
    assert lines[0].startswith("| 集合 |") and len(lines) == 3 and lines[2].startswith("| wrong | 盲测集 |")


def test_eval_real_all_refuses_an_unknown_kind_and_a_gold_file() -> None:
    unknown = _yaosu("eval-real", "--all", "--kind", "secret")
    assert unknown.exit_code == 2 and "E293" in unknown.output and "secret" in unknown.output
    both = _yaosu("eval-real", "--all", "--gold", "x.gold.jsonl")
    assert both.exit_code == 2 and "E294" in both.output


def test_eval_real_all_with_a_perturbation_reports_each_set_as_written_and_rewritten(tmp_path: Path) -> None:
    realdata, gold = _one_document(tmp_path)
    _gold_file(gold, "wrong", WRONG)  # F1 0.8 as written, whatever the rewrite does
    registry = _registry(gold, [_entry("wrong")])
    shown = _yaosu("eval-real", "--all", "--sets", str(registry), "--realdata", str(realdata),
                   "--perturb", "punct", "--seed", "3")
    assert shown.exit_code == 0, shown.output
    header, row = shown.stdout.splitlines()[:2]
    assert "对→错" in header and "错→对" in header
    assert row.split()[0] == "wrong" and "0.800 → " in row
    as_json = _yaosu("eval-real", "--all", "--sets", str(registry), "--realdata", str(realdata),
                     "--perturb", "punct", "--seed", "3", "--json")
    report = json.loads(as_json.stdout)[0]["report"]
    assert report["perturbation"]["kinds"] == ["punct"] and report["perturbation"]["seed"] == 3
    assert report["robustness"]["complaints"]["micro"] == 0.8
    unknown = _yaosu("eval-real", "--all", "--sets", str(registry), "--realdata", str(realdata), "--perturb", "tone")
    assert unknown.exit_code == 2 and "E213" in unknown.output and "tone" in unknown.output

"""The 买卖合同 and 劳动争议 element tables.

Checked against /work/shared/spec/sale_and_labour.md (the ids are the contract) and the data format of
the lead's new core: value types, cue keys, enum options, object fields, one definition per id.
"""

from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
ELEMENT_FILES = sorted((ROOT / "elements").glob("*.yaml"))
TABLES = ROOT / "element_tables"
TYPES = {
    "money", "date", "rate", "percent", "int", "int_list", "bool", "enum", "text", "party_list", "name_list",
    "interest_claim", "object", "object_list",
}  # fmt: skip
CUE_KEYS = {
    "keywords", "before", "after", "strong_before", "strong_after", "negative", "negative_after", "negative_window",
    "negative_after_window", "window", "gap", "pick", "values", "priority", "mixed", "mixed_of", "additional",
    "outside_brackets", "answer_keywords", "answer_value_before", "answer_value_after", "answer_negative",
    "answer_gap", "answer_asserts", "answer_also", "answer_not_when",
}  # fmt: skip
PICKS = {"first", "last", "earliest", "latest", "max", "union", "best", "best_latest"}
SPEC = {
    "sale_contract": {
        "contract_date": "date", "sellers": "name_list", "buyers": "name_list", "goods": "text",
        "total_price": "money", "delivery_date": "date", "delivered": "bool", "inspection_period_days": "int",
        "quality_objection": "text", "paid_amount": "money", "outstanding_amount": "money",
        "payment_due_date": "date", "penalty_clause": "text", "penalty_rate": "rate", "penalty_amount": "money",
        "deposit": "money", "claim_price": "money", "claim_penalty": "interest_claim", "claim_losses": "money",
        "claim_costs": "money", "claim_total": "money", "penalty_adjusted_rate": "rate",
    },
    "labor_dispute": {
        "employer": "name_list", "employee": "name_list", "employment_start": "date", "written_contract": "bool",
        "contract_start": "date", "contract_end": "date", "position": "text", "monthly_wage": "money",
        "employment_end": "date", "termination_by": "enum", "termination_reason": "text",
        "termination_lawful": "bool", "unpaid_wages": "money", "arbitration_award": "object", "final_award": "bool",
        "claim_economic_compensation": "money", "claim_illegal_termination": "money",
        "claim_double_wages": "money", "claim_unpaid_wages": "money", "claim_overtime": "money",
    },
}  # fmt: skip


def _definitions() -> dict[str, dict]:
    found: dict[str, dict] = {}
    for path in ELEMENT_FILES:
        for element_id, spec in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).items():
            assert element_id not in found, f"{element_id} defined twice ({path.name})"
            found[element_id] = spec
    return found


def _table(case_type: str) -> dict:
    return yaml.safe_load((TABLES / f"{case_type}.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case_type", sorted(SPEC))
def test_table_holds_every_spec_id_with_its_type(case_type: str) -> None:
    table, definitions = _table(case_type), _definitions()
    assert table["id"] == case_type and table["version"] == "1"
    # The table names its package (engine/casetypes/<id>/), which registers its judgment rules.
    assert "judgment_rules" not in table and table.get("package") == case_type
    ids = [e["id"] for section in table["sections"] for e in section["elements"]]
    assert len(ids) == len(set(ids)), "an element appears twice"
    assert {"plaintiffs", "defendants", "third_parties"} <= set(ids)
    for element_id in ids:
        assert element_id in definitions, f"{element_id} is not defined"
    for element_id, kind in SPEC[case_type].items():
        assert element_id in ids, f"spec id {element_id} missing"
        assert definitions[element_id]["type"] == kind, element_id
    for check in table["checks"]:
        assert check["left"] in ids and check["right"] in ids, check


def test_enum_and_object_match_the_spec() -> None:
    definitions = _definitions()
    assert set(definitions["termination_by"]["options"]) == {"employer", "employee", "mutual", "expiry"}
    assert set(definitions["arbitration_award"]["fields"]) == {"number", "date", "result"}
    # The grounds are the codes engine.law.labor.compensation_owed takes.
    from engine.law.labor import GROUNDS

    assert set(definitions["termination_ground"]["options"]) == {g for by in GROUNDS.values() for g in by}

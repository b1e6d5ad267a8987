"""The 机动车交通事故 element data:
shape per /work/brief/formats.md, every id of the spec, no id redefined, items consistent with the
交强险 grouping used by the allocation."""

from pathlib import Path

import yaml

from engine.law.compulsory_insurance import APPRAISAL, item_groups

ROOT = Path(__file__).resolve().parents[2]
ELEMENTS = ROOT / "elements" / "traffic_accident.yaml"
TABLE = ROOT / "element_tables" / "motor_vehicle_accident.yaml"
TYPES = {
    "money", "date", "rate", "percent", "int", "int_list", "bool", "enum", "text", "party_list",
    "name_list", "interest_claim", "object", "object_list",
}  # fmt: skip
CUE_KEYS = {
    "keywords", "before", "after", "strong_before", "strong_after", "negative", "negative_after",
    "negative_window", "negative_after_window", "window", "gap", "pick", "values", "priority", "mixed",
    "mixed_of", "additional", "outside_brackets", "answer_keywords", "answer_value_before",
    "answer_value_after", "answer_negative", "answer_gap", "answer_asserts", "answer_also", "answer_not_when",
}  # fmt: skip
PICKS = {"first", "last", "earliest", "latest", "max", "union", "best", "best_latest"}
# The contract: /work/shared/spec/motor_vehicle_accident.md
SPEC_IDS = {
    "accident_date", "accident_place", "vehicles", "liability_document", "liability", "liability_share",
    "victim_birth_date", "victim_residence", "disability_grade", "extra_disability_grades", "appraisal_date",
    "death", "hospital_days", "lost_work_days", "nursing_days", "nutrition_days", "dependents",
    "mental_damages_first", "paid_in_advance", "medical_expenses", "hospital_meal_allowance", "nutrition_fee",
    "lost_income", "nursing_fee", "transport_fee", "accommodation_fee", "disability_compensation",
    "disability_aids", "death_compensation", "funeral_expenses", "dependents_living", "mental_damages",
    "appraisal_fee", "property_damage", "claim_total",
}  # fmt: skip
SPEC_FIELDS = {
    "vehicles": {"plate", "driver", "owner", "compulsory_insurer", "commercial_insurer", "commercial_limit"},
    "liability": {"party", "share"},
    "dependents": {"name", "birth_date", "relation", "supporters"},
    "paid_in_advance": {"payer", "amount"},
}


def _load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_definitions_have_the_format_shape() -> None:
    for eid, spec in _load(ELEMENTS).items():
        assert spec["type"] in TYPES, eid
        assert spec["label"] and spec["description"], eid
        cues = spec["cues"]
        assert cues["keywords"], eid
        assert set(cues) <= CUE_KEYS, (eid, set(cues) - CUE_KEYS)
        assert cues.get("pick", "first") in PICKS, eid
        if spec["type"] == "enum":
            assert spec["options"], eid
        if spec["type"] in ("object", "object_list"):
            for fid, field in spec["fields"].items():
                assert field["type"] in TYPES and field["label"] and "cues" not in field, (eid, fid)
        assert "judgment_rules" not in spec and "package" not in spec


def test_spec_ids_types_and_fields() -> None:
    defined = _load(ELEMENTS)
    table = _load(TABLE)
    listed = {e["id"] for s in table["sections"] for e in s["elements"]}
    assert SPEC_IDS <= listed
    assert defined["disability_grade"]["type"] == "int"
    assert (defined["disability_grade"]["min"], defined["disability_grade"]["max"]) == (1, 10)
    assert defined["extra_disability_grades"]["type"] == "int_list"
    assert defined["liability_share"]["type"] == "percent"
    assert defined["victim_residence"]["options"] == {"urban": "城镇", "rural": "农村"}
    assert set(defined["liability"]["fields"]["share"]["options"]) == {
        "full",
        "main",
        "equal",
        "secondary",
        "none",
    }
    for eid, fields in SPEC_FIELDS.items():
        # The spec's fields are the contract; a table may extend them (vehicles[].liability_share).
        assert defined[eid]["type"] == "object_list" and fields <= set(defined[eid]["fields"])
    assert defined["vehicles"]["fields"]["commercial_limit"]["type"] == "money"
    assert defined["paid_in_advance"]["fields"]["amount"]["type"] == "money"


def test_every_damage_item_has_a_place_in_the_allocation() -> None:
    table = _load(TABLE)
    damages = next(s for s in table["sections"] if s["id"] == "damages")
    groups = item_groups()
    for entry in damages["elements"]:
        assert entry["id"] in groups or entry["id"] == APPRAISAL, entry["id"]

"""机动车交通事故责任纠纷 (`motor_vehicle_accident`): everything this case type knows in Python.

| file | what |
| --- | --- |
| `items.py` | each damage item as the court finds it: finding, the province's standards, 不告不理 |
| `vocabulary.py` | damage-item words, plates, party references (被告一 → name) |
| `derive.py` | complaints: item amounts, vehicles and insurers, 认定书 shares, advances, victim |
| `answers.py` | answers: stance and counter-figure per damage item, 认定书, share, policies, grades, periods |
| `realdata.py` | predictions adapted to the lawbench traffic gold's conventions (role labels) |
| `rules.py` | the judgment rules: items, 交强险 / 商业三者险 / 侵权人 allocation, orders per payer |
| `paraphrases.yaml` | wordings of one meaning for `--perturb lexical` (58, each variant attested) |

Its data: `element_tables/motor_vehicle_accident.yaml`, `elements/traffic_accident.yaml`,
`judgment_templates/motor_vehicle_accident.docx`; the calculators are engine/law/injury.py and
engine/law/compulsory_insurance.py.
"""

from pathlib import Path

from engine.casetypes import CaseTypePackage
from engine.casetypes.motor_vehicle_accident import rules  # noqa: F401 - registers motor_vehicle_accident.v1
from engine.casetypes.motor_vehicle_accident.answers import derive_answer
from engine.casetypes.motor_vehicle_accident.derive import derive
from engine.casetypes.motor_vehicle_accident.realdata import adapt_to_real_conventions

PACKAGE = CaseTypePackage(
    paraphrase_file=Path(__file__).with_name("paraphrases.yaml"),
    id="motor_vehicle_accident",
    derive=derive,
    derive_answer=derive_answer,
    judgment_rules="motor_vehicle_accident.v1",
    real_conventions=adapt_to_real_conventions,
    core_elements=(
        "plaintiffs",
        "defendants",
        "accident_date",
        "liability",
        "vehicles",
        "disability_grade",
        "medical_expenses",
        "lost_income",
        "claim_total",
    ),
)

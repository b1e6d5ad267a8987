"""劳动争议 (`labor_dispute`): everything this case type knows in Python.

| file | what |
| --- | --- |
| `derive.py` | employer and employee from the party block; a contract start means a written contract; runs facts.py |
| `facts.py` | complaints by their clause grammar: start, job, monthly wage, written contract, who ended it and when, the claims item by item, the employer's 无需支付 |
| `defences.py` | answers by their clause grammar: claims contested / admitted item by item (restated claims are no position), the ending, start, wage and contract set against the complaint, the time bar, a worker's defence of the award; an answer read with its complaint (第二项请求 → the complaint's item 2: its items by engine/extraction/claims.py, the reference by claimrefs.py; an employer's suit against an award → the worker answers) |
| `realdata.py` | predictions adapted to the real-data gold's conventions (the award by its number only) |
| `claims.yaml` | the nouns of each money claim, one table read two ways: a complaint's claim items (facts.py) and an answer's sentences (defences.py) |
| `answers.yaml` | answer wording that gives a clause its stance (自行离职, 合法解除 …) for the generic reader |
| `paraphrases.yaml` | this case type's wordings of one meaning for `--perturb lexical` (each variant counted by scripts/attested.py) |
| `rules.py` | the judgment rules: N, 2N, double wages, unpaid wages, limitation, the award sued on, the ruling |

Its data: `element_tables/labor_dispute.yaml`, `elements/labor_dispute.yaml`; the generic template
`judgment_templates/element_judgment.docx`. The law: engine/law/labor.py.
"""

from pathlib import Path

from engine.casetypes import AnswerWording, CaseTypePackage, read_package_yaml
from engine.casetypes.labor_dispute import rules  # noqa: F401 - registers labor_dispute.v1
from engine.casetypes.labor_dispute.derive import derive, derive_answer
from engine.casetypes.labor_dispute.realdata import adapt_to_real_conventions

_WORDING = read_package_yaml(__file__, "answers.yaml")

PACKAGE = CaseTypePackage(
    paraphrase_file=Path(__file__).with_name("paraphrases.yaml"),
    id="labor_dispute",
    derive=derive,
    derive_answer=derive_answer,
    answer_wording=AnswerWording(admit=tuple(_WORDING["admit"]), contest=tuple(_WORDING["contest"])),
    judgment_rules="labor_dispute.v1",
    real_conventions=adapt_to_real_conventions,
    core_elements=(
        "plaintiffs",
        "defendants",
        "employment_start",
        "employment_end",
        "monthly_wage",
        "written_contract",
        "termination_by",
        "arbitration_award",
        "claim_economic_compensation",
        "claim_illegal_termination",
        "claim_double_wages",
    ),
)

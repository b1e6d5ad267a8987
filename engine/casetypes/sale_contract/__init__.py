"""买卖合同纠纷 (`sale_contract`): everything this case type knows in Python.

| file | what |
| --- | --- |
| `facts.py` | a complaint's sums by role (total / paid / owed / 定金; a sum received or receipted, the agreement's X元房款), 单价 × 面积 as the total, terms vs payments (a term's scope from its 约定 over a list's semicolons to a told fact or a performance, not the marks alone), penalty terms (from their condition), the payment deadline vs another act's, goods, quality (a listed defect; not a court's ground or a rule quoted) |
| `grammar.py` | the clause grammar: the noun a sum is attached to and the verb over its list, house goods, delivery, signed contracts |
| `derive.py` | sellers and buyers from who claims what; claims by their nouns; answers: reductions, rejected / agreed / restated claims, own assertions, general rejections read against the complaint's claims (`Document.complaint`), the answer's own figures, several defendants, facts listed as admitted, a payment in full or a defect denied against the complaint's |
| `answers.yaml` | answer wording that gives a clause its stance (违约金过高, 质量问题 …) |
| `rules.py` | the judgment rules: price, penalty and its reduction, LPR loss, 定金 or 违约金, quality objection |
| `paraphrases.yaml` | sale wordings of one meaning (货款 / 价款, 签订 / 订立, 尚欠 / 下欠, 房款 / 房价款 …) for `--perturb lexical`, each variant attested |

Its data: `element_tables/sale_contract.yaml`, `elements/sale_contract.yaml`; the generic template
`judgment_templates/element_judgment.docx`. The law: engine/law/penalty.py.
"""

from pathlib import Path

from engine.casetypes import AnswerWording, CaseTypePackage, read_package_yaml
from engine.casetypes.sale_contract import rules  # noqa: F401 - registers sale_contract.v1
from engine.casetypes.sale_contract.derive import derive, derive_answer

_WORDING = read_package_yaml(__file__, "answers.yaml")

PACKAGE = CaseTypePackage(
    paraphrase_file=Path(__file__).with_name("paraphrases.yaml"),
    id="sale_contract",
    derive=derive,
    derive_answer=derive_answer,
    answer_wording=AnswerWording(admit=tuple(_WORDING["admit"]), contest=tuple(_WORDING["contest"])),
    judgment_rules="sale_contract.v1",
    claim_masks=(
        # 以136500元为基数 / 以未付货款为基数: a base inside a penalty claim, not a claim of its own.
        r"以(?:欠付|未付|尚欠)?(?:货款|价款|欠款)?[^，,；;。（()）]{0,16}?为(?:计算)?基数",
    ),
    core_elements=(
        "plaintiffs",
        "defendants",
        "total_price",
        "paid_amount",
        "outstanding_amount",
        "payment_due_date",
        "penalty_rate",
        "claim_price",
        "claim_penalty",
    ),
)

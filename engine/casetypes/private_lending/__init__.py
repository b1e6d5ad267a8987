"""民间借贷纠纷 (`private_lending`): everything this case type knows in Python.

| file | what |
| --- | --- |
| `durations.py` | the loan-term recogniser (借期一年, 三个月内归还, 一年半) and the term-end rule |
| `derive.py` | what a complaint implies beyond what it states (term end, lenders, borrowers …) |
| `terms.py` | whether a date, a duration or a rate the cues found is the agreed term, the delivery or the agreed rate, by its clause's grammar |
| `loans.py` | several loans read from the grammar of each lending clause: the sum (a contract's amount and the payments delivering it are one loan), and each 笔 with its date, term and rate for the `loans` ledger (undated rows too), and the loan a repayment names by its place, date or amount (`to_loan`) |
| `guarantors.py` | who guarantees the loan: guarantors named as parties or only in the facts, by the guarantee wording around the name (guarantee contracts signed 另行 with the plaintiff, numbered labels in a list, 其 standing for the clause before; not a guarantee of another debt or of a preservation application, not a claimed guarantor whose own clause only repays) |
| `answers.yaml` | answer wording that gives a clause its stance (已归还, 仅收到 …) |
| `rules.py` | the judgment rules: principal, interest within the legal cap (one order per ledger loan when rates differ), costs, co-borrowers, 夫妻共同债务 |
| `interest_orders.py` | interest orders by the law in force for each day (the cap at formation, the 2020-08-20 transition) as order segments |
| `research.py` | what the researchers' report reads of a case (the protected annual rate) |
| `form.yaml` | the element-style complaint and answer forms: label cell → element |
| `guarantee.py` | guarantee mode and period by the guarantee's date, a company guarantor's resolution, the guarantee orders |
| `realdata.py` | how predictions are adapted to the real-data gold's conventions |
| `stance.py`, `stance_model/` | the clause-level defence classifier (textcat_multilabel), asked where the rules say nothing |
| `paraphrases.yaml` | this case type's wordings of one meaning for `--perturb lexical` (借款/借钱, 借条/借据, 月利率/月息 …; each variant counted by scripts/attested.py) |

Its data: `element_tables/private_lending.yaml`, `elements/lending_*.yaml`,
`judgment_templates/private_lending.docx`.
"""

from pathlib import Path

from engine.casetypes import AnswerWording, CaseTypePackage, read_package_yaml
from engine.casetypes.private_lending import rules  # noqa: F401 - registers private_lending.v1
from engine.casetypes.private_lending.derive import derive
from engine.casetypes.private_lending.durations import find_durations
from engine.casetypes.private_lending.realdata import adapt_to_real_conventions
from engine.casetypes.private_lending.research import interest_cap_percent
from engine.casetypes.private_lending.stance import defences_raised
from engine.extraction.recognisers import register_recogniser

register_recogniser("duration", find_durations)
_WORDING = read_package_yaml(__file__, "answers.yaml")

PACKAGE = CaseTypePackage(
    paraphrase_file=Path(__file__).with_name("paraphrases.yaml"),
    id="private_lending",
    derive=derive,
    recognisers=("duration",),
    answer_wording=AnswerWording(admit=tuple(_WORDING["admit"]), contest=tuple(_WORDING["contest"])),
    clause_classifier=defences_raised,
    judgment_rules="private_lending.v1",
    claim_masks=(
        # 以借款本金5万元为基数 / 本金5万元按…: a base inside an interest claim, not a claim of its own.
        r"以(?:借款|欠款)?(?:本金|借款|欠款)?[^，,；;。（()）]{0,16}?为(?:计算)?基数",
        r"本金[^，,；;。（()）]{0,12}?元(?=按)",
        # 以1300万元为标准，按照日千分之二… / 其中借款本金1991000元从…起的利息: bases, not claims of their own
        # (其中本金10万元，利息2万元 inside a 本息合计 is the principal claimed);
        # 拍卖…所得价款优先偿还…借款本金X元: a priority over a security, not another principal.
        r"以[^，,；;。（()）]{0,16}?为(?:计算)?标准",
        r"其中(?:借款)?本金[^，,；;。]{0,16}?元(?=[，,]?[^，,；;。（()）]{0,6}?(?:从|自|起|的利息|为基数|计))",
        r"所得(?:价款|款项)[^。；;]*",
        r"至[^，,；;。（()）]{0,16}?(?:偿清|还清|清偿|付清)之日(?:止)?",
        # 在1000万元限额内为…承担连带偿还责任: a cap on a guarantee (its 偿还 is no principal claim).
        r"在[^，,；;。（()）]{0,12}?元(?:的)?(?:限额|范围)内[^，,；;。]{0,30}?责任",
    ),
    core_elements=(
        "plaintiffs",
        "defendants",
        "claim_principal",
        "loan_amount",
        "delivery_date",
        "term_end",
        "interest_rate",
        "claim_interest",
        "guarantors",
    ),
    real_conventions=adapt_to_real_conventions,
    blind_complaint_elements=("plaintiffs", "defendants", "claim_principal", "loan_amount", "delivery_date",
                              "term_end", "interest_rate", "guarantors"),
    blind_defence_elements=("loan_denied", "already_repaid", "limitation", "interest_not_agreed",
                            "amount_excessive", "guarantee_expired", "spouse_not_liable"),
    research_cap=interest_cap_percent,
    research_rate_element="interest_rate",
)

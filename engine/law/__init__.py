"""Law as data: dated legal parameters (parameters/) and pure calculators returning CalcResult.

Public calculators (each registered in engine.registry as "name.v1"):
  fee.litigation_fee, fee.split_fee                        案件受理费 and its split (第十三、十五、十六、二十九条)
  interest.interest_cap, interest.private_lending_interest 民间借贷 cap and interest (第二十五、三十一条)
  interest.private_lending_claim                           term/overdue interest, 违约金, repayments
  interest.lending_ledger                                  several loans, payments by 民法典第五百六十、五百六十一条
  late_performance.doubled_interest                        迟延履行 加倍部分债务利息
  injury.disability_compensation, death_compensation, funeral_expenses, dependant_living_expenses,
        lost_earnings, nursing_fee, daily_item (v2: figures in as ParameterValue)  人身损害赔偿
  compulsory_insurance.allocate                            交强险 / 商业三者险 / 侵权人 allocation
  labor.economic_compensation, illegal_termination, double_wage   劳动合同法第四十七、八十七、八十二条
Law data: engine.law.lawdata.LawData (LawData.load(path) / default_law()) holds the dated tables,
fee schedules, 民间借贷 constants and the citation catalogue (engine.law.citations.cite); every
calculator takes ``law: LawData | None = None``. See parameters/README.md.
Importing this package registers every calculator.
"""

from engine.law import compulsory_insurance, fee, injury, interest, labor, late_performance  # noqa: F401  (registration)
from engine.law.result import CalcResult

__all__ = ["CalcResult"]

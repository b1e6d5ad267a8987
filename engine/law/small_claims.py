"""小额诉讼 limit: 50% of the province's 上年度就业人员年平均工资 (parameters/small_claims_limits.yaml)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from engine.errors import E, YaosuError
from engine.law.lawdata import LawData, law_or_default
from engine.law.result import CalcResult, fmt_money
from engine.yamltext import load_yaml

FILE = "small_claims_limits.yaml"


def _load(law: LawData) -> dict[str, Any]:
    path = law.path / FILE
    try:
        data = load_yaml(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise YaosuError(E.E674, file=path) from None
    if not isinstance(data, dict) or not isinstance(data.get("provinces"), dict):
        raise YaosuError(E.E671, file=path)
    return data


def small_claims_limit(province_id: str, on: date, *, law: LawData | None = None) -> CalcResult:
    """The limit for a judgment on ``on`` in the province: share × the wage of the year before."""
    law = law_or_default(law)
    data = _load(law)
    province = data["provinces"].get(province_id)
    year = on.year - 1
    if province is None:
        raise YaosuError(E.E672, file=FILE, province_id=province_id)
    row = (province.get("years") or {}).get(year)
    if row is None:
        why = province.get("not_found") or "未填写"
        raise YaosuError(
            E.E673, file=FILE, province_name=province['name'], year=year, province_id=province_id, why=why
        )
    wage = Decimal(str(row["annual_wage"]))
    share = Decimal(str(data["share_percent"]))
    amount = (wage * share / 100).quantize(Decimal("0.01"))
    steps = [f"{province['name']}{year}年就业人员年平均工资{fmt_money(wage)} × {share}% = {fmt_money(amount)}"]
    warnings = [] if row.get("status") in ("verified", "secondary") else [
        f"{province['name']}{year}年就业人员年平均工资{fmt_money(wage)}元为{row.get('status')}数据（{row.get('source')}），须核对"
    ]
    return CalcResult(amount=amount, steps=steps, warnings=warnings, calculator="small_claims_limit.v1",
                      details={"year": year, "wage": wage, "status": row.get("status")})

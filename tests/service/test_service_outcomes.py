"""The web form's case details record a mediation: the terms typed one per line, the fee share as typed,
and the preview is the 民事调解书 (real server over HTTP)."""

from __future__ import annotations

import httpx
from service_procs import Server, create_case


def test_mediation_saved_from_the_form_and_previewed(server: Server, sample_pleadings: tuple[bytes, bytes]) -> None:
    case = create_case(server.base, sample_pleadings)
    meta = {"outcome": "mediation", "mediation_terms": "被告于2025年6月30日前支付原告90,000元\n\n双方再无其他争议、纠葛",
            "mediation_fee_plaintiff_percent": "50%", "preservation_fee_payer": "defendant"}
    saved = httpx.patch(f"{server.base}/api/cases/{case['id']}", json={"version": 1, "edits": {"meta": meta}},
                        timeout=30)
    assert saved.status_code == 200, saved.text
    stored = saved.json()["case"]["meta"]
    assert stored["mediation_terms"] == ["被告于2025年6月30日前支付原告90,000元", "双方再无其他争议、纠葛"]
    assert stored["mediation_fee_plaintiff_percent"] == 50
    assert (stored["outcome"], stored["preservation_fee_payer"]) == ("mediation", "defendant")
    page = httpx.get(f"{server.base}/api/cases/{case['id']}/draft", params={"court": "qingpu", "format": "html"},
                     timeout=60)
    assert page.status_code == 200, page.text
    assert "民事调解书" in page.text and "二、双方再无其他争议、纠葛。" in page.text
    download = httpx.get(f"{server.base}/api/cases/{case['id']}/draft", params={"court": "qingpu", "format": "docx"},
                         timeout=60)
    assert download.status_code == 200 and "%E8%B0%83%E8%A7%A3%E4%B9%A6" in download.headers["content-disposition"]
    bad = httpx.patch(f"{server.base}/api/cases/{case['id']}",
                      json={"version": 2, "edits": {"meta": {"outcome": "settled"}}}, timeout=30)
    assert bad.status_code == 422 and bad.json()["detail"][0]["path"] == "/meta/outcome"

"""Schemathesis against the app's own OpenAPI schema, in process (ASGI): whatever the schema allows a
client to send, the service answers with a 2xx or a 4xx, never a 5xx (issue 16)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

from engine.case.new import new_case_from_texts
from engine.service.app import create_app
from engine.system import default_system

SAMPLE = Path(__file__).resolve().parents[2] / "corpus" / "private_lending" / "sample"


SEEN: list[int] = []  # the status codes answered
FUZZ_SETTINGS = settings(
    max_examples=6,
    deadline=None,
    derandomize=True,  # the same requests every run: a failure is reproducible
    suppress_health_check=list(HealthCheck),
    database=None,
)


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    db = tmp_path_factory.mktemp("fuzz") / "yaosu.db"
    app = create_app(f"sqlite:///{db}", user="测试法官", warm=False, allowed_hosts=["testserver"])
    complaint, answer = (SAMPLE / "complaint.txt").read_text("utf-8"), (SAMPLE / "answer.txt").read_text("utf-8")
    case = new_case_from_texts(default_system(), "private_lending", complaint, answer, court="qingpu")
    app.state.fuzz_case = app.state.store.create(case, "测试法官", title="样例").id
    yield app, schemathesis.openapi.from_asgi("/openapi.json", app)


def test_no_request_the_schema_allows_is_a_server_fault(api_schema: Any) -> None:
    app, api_schema = api_schema
    faults: list[str] = []
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 15  # the whole API, not an empty schema
    SEEN.clear()

    for operation in operations:

        @FUZZ_SETTINGS
        @given(case=operation.as_strategy())
        def call(case: Any) -> None:
            if "case_id" in (case.path_parameters or {}) and case.method != "DELETE" and len(SEEN) % 2:
                # every other request is about a real case, so saves and drafts get past the 404
                case.path_parameters["case_id"] = app.state.fuzz_case
            before = app.state.store.case_count()
            response = case.call()
            SEEN.append(response.status_code)
            if response.status_code >= 400 and app.state.store.case_count() != before:
                faults.append(f"{case.method} {case.formatted_path} → {response.status_code} but a case was stored")
            if response.status_code >= 500:
                faults.append(f"{case.method} {case.formatted_path} {case.body!r:.200} → {response.status_code}")

        call()
    assert not faults, "\n".join(faults)
    assert any(200 <= status < 300 for status in SEEN) and any(400 <= status < 500 for status in SEEN)

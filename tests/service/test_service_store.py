"""The version store on SQLite and on a real PostgreSQL server: versions are immutable, stale saves conflict."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from sqlalchemy import text

from engine.service.store import CaseNotFound, Store, VersionConflict


def _case(name: str = "张三") -> dict[str, Any]:
    return {
        "case_type": "private_lending",
        "table_version": "1",
        "court": "qingpu",
        "elements": {"plaintiffs": {"status": "complaint_only", "complaint": [{"name": name}]}},
        "findings": {},
    }


def test_create_read_roundtrip_keeps_text_exactly(store_url: str) -> None:
    store = Store(store_url)
    name = "<script>alert(1)</script> & {{ x }} {% y %} 顾文杰"
    created = store.create(_case(name), "王法官", title="标题")
    loaded = store.get(created.id)
    assert loaded.version == 1
    assert loaded.data == _case(name)
    assert loaded.user == "王法官"
    store.close()


def test_every_save_is_a_new_version_and_old_versions_stay(store_url: str) -> None:
    store = Store(store_url)
    created = store.create(_case(), "甲")
    second = {**_case(), "findings": {"loan_amount": "1.00"}}
    saved = store.save(created.id, 1, second, "乙", [{"path": "/findings/loan_amount"}])
    assert saved.version == 2
    assert store.get(created.id).data == second
    assert store.get(created.id, 1).data == _case()  # the earlier version is untouched
    history = store.history(created.id)
    assert [(h.version, h.user) for h in history] == [(1, "甲"), (2, "乙")]
    assert history[1].changes == [{"path": "/findings/loan_amount"}]
    with store.engine.connect() as conn:
        rows = conn.execute(
            text("SELECT count(*) FROM case_versions WHERE case_id = :id"), {"id": created.id}
        )
        assert rows.scalar() == 2
    store.close()


def test_stale_version_is_a_conflict(store_url: str) -> None:
    store = Store(store_url)
    created = store.create(_case(), "甲")
    store.save(created.id, 1, _case("李四"), "甲", [])
    with pytest.raises(VersionConflict) as info:
        store.save(created.id, 1, _case("王五"), "乙", [])
    assert info.value.current == 2
    with pytest.raises(VersionConflict):
        store.save(created.id, 7, _case("王五"), "乙", [])  # a version from the future is no better
    assert store.get(created.id).data == _case("李四")
    store.close()


def test_two_judges_saving_at_once_one_wins(store_url: str) -> None:
    store = Store(store_url)
    created = store.create(_case(), "甲")
    barrier = threading.Barrier(8)
    outcomes: list[str] = []

    def judge(n: int) -> None:
        barrier.wait()
        try:
            store.save(created.id, 1, _case(f"法官{n}"), f"法官{n}", [])
            outcomes.append("saved")
        except VersionConflict:
            outcomes.append("conflict")

    threads = [threading.Thread(target=judge, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["conflict"] * 7 + ["saved"]
    assert store.get(created.id).version == 2
    assert len(store.history(created.id)) == 2
    store.close()


def test_unknown_case(store_url: str) -> None:
    store = Store(store_url)
    with pytest.raises(CaseNotFound):
        store.get("nope")
    with pytest.raises(CaseNotFound):
        store.history("nope")
    with pytest.raises(CaseNotFound):
        store.save("nope", 1, _case(), "甲", [])
    store.close()


def test_case_list_newest_first(store_url: str) -> None:
    store = Store(store_url)
    first = store.create(_case("一"), "甲", title="一案")
    second = store.create(_case("二"), "甲", title="二案")
    store.save(first.id, 1, _case("一"), "甲", [], title="一案（改）")
    listed = store.list_cases()
    assert [c.id for c in listed[:2]] == [first.id, second.id]
    assert listed[0].title == "一案（改）" and listed[0].version == 2
    store.close()


def test_court_scope_is_in_every_case_query(store_url: str) -> None:
    store = Store(store_url)
    qingpu = store.create(_case("青浦当事人"), "甲", title="青浦案")
    wujiang = store.create({**_case("吴江当事人"), "court": "wujiang"}, "乙", title="吴江案")
    assert store.get(qingpu.id, court="qingpu").version == 1
    for call in (
        lambda: store.get(qingpu.id, court="wujiang"),
        lambda: store.get(qingpu.id, 1, court="wujiang"),
        lambda: store.latest_version(qingpu.id, court="wujiang"),
        lambda: store.history(qingpu.id, court="wujiang"),
        lambda: store.save(qingpu.id, 1, _case("改"), "乙", [], court="wujiang"),
        lambda: store.sign(qingpu.id, 1, "乙", court="wujiang"),
    ):
        with pytest.raises(CaseNotFound):
            call()
    assert store.get(qingpu.id).data == _case("青浦当事人")  # the refused save changed nothing
    assert [c.id for c in store.list_cases(court="wujiang")] == [wujiang.id]
    assert {c.id for c in store.list_cases()} == {qingpu.id, wujiang.id}
    assert [case_id for case_id, _ in store.latest_cases(court="qingpu")] == [qingpu.id]
    # a scoped save within the court works, and purge / delete remove versions for good
    store.save(qingpu.id, 1, _case("二"), "甲", [], court="qingpu")
    store.save(qingpu.id, 2, _case("三"), "甲", [], court="qingpu")
    assert store.purge_versions(qingpu.id, keep=1) == [1, 2]
    with pytest.raises(CaseNotFound):
        store.get(qingpu.id, 1)
    assert store.delete_case(qingpu.id) == 1
    with pytest.raises(CaseNotFound):
        store.get(qingpu.id)
    store.close()

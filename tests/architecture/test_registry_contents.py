"""What is registered, as spaCy's tests/registry_contents.json: a change to a registry is a change to
this snapshot, made on purpose (and reviewed), never by accident."""

from __future__ import annotations

import json
from pathlib import Path

from engine.drafting.rules import get_rules, judgment_rules
from engine.elements.value_types import value_types
from engine.extraction.recognisers import RECOGNISERS
from engine.system import default_system

SNAPSHOT = Path(__file__).with_name("registry_contents.json")


def current() -> dict[str, list[str]]:
    system = default_system()
    get_rules("generic.v1")  # registers the generic rules
    return {
        "value_types": sorted(value_types.get_all()),
        "judgment_rules": sorted(judgment_rules.get_all()),
        "recognisers": sorted(RECOGNISERS),
        "case_types": sorted(f"{cid}:{ct.package.id}" for cid, ct in system.casetypes.items()),
        "courts": sorted(system.courts),
    }


def test_registries_match_the_snapshot() -> None:
    assert current() == json.loads(SNAPSHOT.read_text(encoding="utf-8"))

"""Parsing the data files' YAML: PyYAML's safe loader, in its libyaml (C) build when PyYAML has one.

Every `yaosu` process reads the element dictionary, the tables and the packages' YAML before it does
anything; the pure-Python parser spent most of that start-up time. Both loaders build the same safe
types from the same YAML."""

from __future__ import annotations

from typing import Any

import yaml

_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str) -> Any:
    """The data of one YAML document (safe types only)."""
    return yaml.load(text, Loader=_LOADER)  # noqa: S506 - a safe loader

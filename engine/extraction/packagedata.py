"""Data files of a case type's package read by extraction (form.yaml, answers.yaml), read once."""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from engine.errors import E, YaosuError
from engine.yamltext import load_yaml

if TYPE_CHECKING:
    from engine.system import CaseType


def package_yaml(casetype: CaseType, name: str) -> Any:
    """The YAML file `name` beside the case type's package, or None when it has none."""
    try:
        module = importlib.import_module(f"engine.casetypes.{casetype.package.id}")
    except ModuleNotFoundError:
        return None
    path = Path(module.__file__ or "").with_name(name)
    if not path.is_file():
        return None
    where = f"engine/casetypes/{casetype.package.id}/{name}"
    try:
        return load_yaml(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise YaosuError(E.E211, where=where, exc=exc, path=where) from exc

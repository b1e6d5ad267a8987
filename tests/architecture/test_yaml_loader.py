"""engine/yamltext.py parses every YAML data file of the repository to exactly what PyYAML's pure-Python safe
loader gives (the libyaml build is only faster)."""

from __future__ import annotations

from pathlib import Path

import yaml

from engine.yamltext import load_yaml

ROOT = Path(__file__).resolve().parents[2]


def test_every_data_file_parses_the_same_with_both_loaders() -> None:
    files = [p for folder in ("elements", "element_tables", "engine", "judgment_templates")
             for p in sorted((ROOT / folder).rglob("*.yaml"))]
    assert len(files) > 10
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert load_yaml(text) == yaml.safe_load(text), path

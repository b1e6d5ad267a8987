"""Build a parameters/ directory in tmp_path: a copy of the repository's, with some files replaced."""

import shutil
from pathlib import Path
from typing import Any

import yaml

from engine.paths import PARAMETERS_DIR


def law_dir(tmp_path: Path, **files: dict[str, Any] | str) -> Path:
    """Copy parameters/ to tmp_path/parameters; each keyword (file stem) replaces that YAML file."""
    target = tmp_path / "parameters"
    if not target.exists():
        shutil.copytree(PARAMETERS_DIR, target)
    for stem, content in files.items():
        text = (
            content
            if isinstance(content, str)
            else yaml.safe_dump(content, allow_unicode=True, sort_keys=False)
        )
        (target / f"{stem}.yaml").write_text(text, encoding="utf-8")
    return target

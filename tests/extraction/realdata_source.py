"""Where these tests find the real texts: ../shared/realdata beside the repository (as on CI), or, from a
helper's git worktree (/work/wt/NAME, with no shared folder beside it), the machine's /work/shared/realdata."""

from __future__ import annotations

from pathlib import Path

from engine.extraction.realdata import DEFAULT_REALDATA

MACHINE_REALDATA = Path("/work/shared/realdata")


def realdata_with(part: str) -> Path:
    """The real-data folder to read `part` (a source folder such as cail2021_focus) from."""
    return DEFAULT_REALDATA if (DEFAULT_REALDATA / part).is_dir() else MACHINE_REALDATA

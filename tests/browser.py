"""Debian's Chromium (/usr/bin/chromium) driven by Playwright, offline: one launcher for every browser test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def launched_chromium() -> Iterator[Any]:
    """Yield a launched browser, or skip the test saying what to install."""
    if not CHROMIUM.exists():
        pytest.skip("没有 /usr/bin/chromium（apt-get install chromium）")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield instance
        instance.close()

"""Benchmarks reuse the test fixtures (the hand-written case file)."""

from tests.conftest import _lending_case, decided_case, lending_case  # noqa: F401

"""`python -m engine.service serve ...` (used by the tests and the benchmark)."""

from engine.service.cli import main

main()

"""Named, versioned functions, in the manner of spaCy's registry (catalogue).

A calculator is registered as "name.vN" (e.g. "litigation_fee.v1"); callers ask for
a name and get the newest version unless they pin one, so an old judgment can be
recomputed with the rule version it was drafted under.
"""

from collections.abc import Callable
from typing import Any, TypeVar

import catalogue

F = TypeVar("F", bound=Callable[..., Any])

calculators = catalogue.create("yaosu", "calculators", entry_points=False)


def calculator(name: str, version: int = 1) -> Callable[[F], F]:
    """Register a pure calculator function under "name.vN"."""

    def decorate(func: F) -> F:
        calculators.register(f"{name}.v{version}", func=func)
        return func

    return decorate


def get_calculator(name: str, version: int | None = None) -> Callable[..., Any]:
    if version is not None:
        return calculators.get(f"{name}.v{version}")
    versions = [key for key in calculators.get_all() if key.rsplit(".v", 1)[0] == name]
    if not versions:
        raise KeyError(f"no calculator named {name!r}")
    newest = max(versions, key=lambda key: int(key.rsplit(".v", 1)[1]))
    return calculators.get(newest)

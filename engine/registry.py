"""Named, versioned, dated calculators, in the manner of spaCy's registry (catalogue).

A calculator is registered as "name.vN" (e.g. "litigation_fee.v1") with the days it applies to
(``effective_from``/``effective_to``, inclusive; None = open). ``get_calculator(name)`` returns the
newest version; ``get_calculator(name, on=day)`` the newest version in force on that day (OpenFisca's
``formula_YYYY_MM_DD``); ``get_calculator(name, version=N)`` pins one, so an old judgment can be
recomputed with the rule version it was drafted under. A miss is a YaosuError in Chinese.
``registry_contents()`` is snapshotted in tests/law/registry_contents.json.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar

import catalogue

from engine.errors import E, YaosuError

F = TypeVar("F", bound=Callable[..., Any])


@dataclass(frozen=True)
class CalculatorInfo:
    name: str
    version: int
    effective_from: date | None
    effective_to: date | None
    func: Callable[..., Any]

    @property
    def id(self) -> str:
        return f"{self.name}.v{self.version}"

    def in_force(self, on: date) -> bool:
        return (self.effective_from is None or self.effective_from <= on) and (
            self.effective_to is None or on <= self.effective_to
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "version": self.version,
            "effective_from": None if self.effective_from is None else self.effective_from.isoformat(),
            "effective_to": None if self.effective_to is None else self.effective_to.isoformat(),
            "function": f"{self.func.__module__}.{self.func.__qualname__}",
        }


def _span(info: CalculatorInfo) -> str:
    start = info.effective_from.isoformat() if info.effective_from else "不限"
    end = info.effective_to.isoformat() if info.effective_to else "不限"
    return f"{info.id}（{start}至{end}）"


class Registry:
    """One namespace of calculators; the module functions below use the default one."""

    def __init__(self, namespace: str = "calculators") -> None:
        self._functions = catalogue.create("yaosu", namespace, entry_points=False)
        self._infos: dict[str, CalculatorInfo] = {}

    def register(
        self,
        name: str,
        version: int = 1,
        effective_from: date | None = None,
        effective_to: date | None = None,
    ) -> Callable[[F], F]:
        if version < 1:
            raise YaosuError(E.E901, name=name, version=version)
        if effective_from and effective_to and effective_to < effective_from:
            raise YaosuError(E.E902, name=name, version=version)

        def decorate(func: F) -> F:
            info = CalculatorInfo(name, version, effective_from, effective_to, func)
            if info.id in self._infos and self._infos[info.id].func is not func:
                raise YaosuError(E.E905, info_id=info.id)
            self._infos[info.id] = info
            self._functions.register(info.id, func=func)
            func.calculator_id = info.id  # type: ignore[attr-defined]  # read by provenance
            return func

        return decorate

    def versions(self, name: str) -> list[CalculatorInfo]:
        return sorted((i for i in self._infos.values() if i.name == name), key=lambda i: i.version)

    def info(self, name: str, version: int | None = None, on: date | None = None) -> CalculatorInfo:
        versions = self.versions(name)
        if not versions:
            known = "、".join(sorted({i.name for i in self._infos.values()})) or "无"
            raise YaosuError(E.E903, name=name, known=known)
        if version is not None:
            chosen = [i for i in versions if i.version == version]
            if not chosen:
                have = "、".join(f"v{i.version}" for i in versions)
                raise YaosuError(E.E906, name=name, version=version, have=have)
            info = chosen[0]
            if on is not None and not info.in_force(on):
                raise YaosuError(E.E907, span_info=_span(info), on_isoformat=on.isoformat())
            return info
        if on is None:
            return versions[-1]
        in_force = [i for i in versions if i.in_force(on)]
        if not in_force:
            spans = "；".join(_span(i) for i in versions)
            raise YaosuError(E.E904, name=name, on_isoformat=on.isoformat(), spans=spans)
        return in_force[-1]

    def get(self, name: str, version: int | None = None, on: date | None = None) -> Callable[..., Any]:
        return self.info(name, version, on).func

    def contents(self) -> list[dict[str, Any]]:
        return [self._infos[key].to_json() for key in sorted(self._infos)]


REGISTRY = Registry()
calculators = REGISTRY._functions  # the catalogue itself, for callers that used it directly


def calculator(
    name: str, version: int = 1, effective_from: date | None = None, effective_to: date | None = None
) -> Callable[[F], F]:
    """Register a pure calculator function under "name.vN", in force from/to the given days."""
    return REGISTRY.register(name, version, effective_from, effective_to)


def get_calculator(name: str, version: int | None = None, on: date | None = None) -> Callable[..., Any]:
    """The calculator ``name``: pinned ``version``, else the newest in force on ``on``, else the newest."""
    return REGISTRY.get(name, version, on)


def calculator_by_id(calculator_id: str) -> Callable[..., Any]:
    """The calculator a result recorded, e.g. "private_lending_claim.v1" (to recompute a draft as drafted)."""
    name, sep, version = calculator_id.rpartition(".v")
    if not sep or not version.isdigit():
        raise YaosuError(E.E900, calculator_id=calculator_id)
    return REGISTRY.get(name, int(version))


def calculator_info(name: str, version: int | None = None, on: date | None = None) -> CalculatorInfo:
    return REGISTRY.info(name, version, on)


def registry_contents() -> list[dict[str, Any]]:
    """Every registered calculator (after importing engine.law), for the snapshot test."""
    import engine.law  # noqa: F401  (registration)

    return REGISTRY.contents()


def registry_snapshot() -> str:
    """The text of tests/law/registry_contents.json (regenerate: YAOSU_UPDATE_SNAPSHOT=1 pytest tests/law)."""
    return json.dumps(registry_contents(), ensure_ascii=False, indent=2) + "\n"

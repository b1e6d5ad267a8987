"""JSON text of a case, reusing the text of parts shared with earlier versions.

A save copies a case on write: the pleadings (their text and evidence, most of the case) and
every element state the save did not touch are the very same objects in every version. Their
JSON is kept, keyed by object identity (the object itself is held so its id cannot be reused),
and spliced into the JSON of each new version and of each API response instead of being
encoded again. Nothing in yaosu modifies a case value in place once built, which is what
makes identity a safe key.
"""

from __future__ import annotations

import json
import threading
from collections import OrderedDict
from typing import Any

SHARED_PARTS = ("complaint", "answer")
SHARED_MAPS = ("elements",)  # element id → state: the states a save did not change are shared
_cache: OrderedDict[int, tuple[Any, str]] = OrderedDict()
_keys: dict[str, str] = {}
_lock = threading.Lock()
_SIZE = 8192  # pleadings and element states of a few hundred recently saved cases


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _key(key: str) -> str:
    text = _keys.get(key)
    if text is None:
        text = dumps(key) + ":"
        if len(_keys) < 10_000:  # case keys and element ids: a small, fixed set
            _keys[key] = text
    return text


def _parts(values: list[Any]) -> list[str]:
    """The JSON of each value: dicts seen before from the cache, the rest encoded (and dicts kept)."""
    texts: list[str | None] = [None] * len(values)
    with _lock:
        for index, value in enumerate(values):
            if isinstance(value, dict):
                hit = _cache.get(id(value))
                if hit is not None and hit[0] is value:
                    _cache.move_to_end(id(value))
                    texts[index] = hit[1]
    new = [index for index, text in enumerate(texts) if text is None]
    for index in new:
        texts[index] = dumps(values[index])
    with _lock:
        for index in new:
            if isinstance(values[index], dict):
                _cache[id(values[index])] = (values[index], texts[index])  # type: ignore[assignment]
        while len(_cache) > _SIZE:
            _cache.popitem(last=False)
    return texts  # type: ignore[return-value]


def _part(value: Any) -> str:
    return _parts([value])[0]


class SharedValues(dict):  # type: ignore[type-arg]
    """A dict whose values are shared with other versions' (e.g. the rows of unchanged elements):
    its JSON reuses theirs, like the element states of a case."""


def _mapping(value: Any) -> str:
    if not isinstance(value, dict) or not all(isinstance(key, str) for key in value):
        return dumps(value)
    texts = _parts(list(value.values()))
    return "{" + ",".join(_key(key) + text for key, text in zip(value, texts, strict=True)) + "}"


def dumps_view(view: dict[str, Any]) -> str:
    """The same JSON as dumps(view) (same key order) for an API answer holding a case and rows:
    a "case" value is encoded as by dumps_case, SharedValues from their shared values' JSON,
    and each run of other fields in one json.dumps call."""
    parts: list[str] = []
    run: dict[str, Any] = {}
    for key, value in view.items():
        if key == "case" and isinstance(value, dict):
            text = dumps_case(value)
        elif isinstance(value, SharedValues):
            text = _mapping(value)
        else:
            run[key] = value
            continue
        if run:
            parts.append(dumps(run)[1:-1])
            run = {}
        parts.append(_key(key) + text)
    if run:
        parts.append(dumps(run)[1:-1])
    return "{" + ",".join(parts) + "}"


def dumps_case(case: dict[str, Any]) -> str:
    """The same JSON as dumps(case) (same key order), faster for cases sharing their parts."""
    parts = []
    for key, value in case.items():
        if key in SHARED_PARTS:
            text = _part(value)
        elif key in SHARED_MAPS:
            text = _mapping(value)
        else:
            text = dumps(value)
        parts.append(_key(key) + text)
    return "{" + ",".join(parts) + "}"

"""Sprig v3's template functions as Helm v4 ships them (``env`` and ``expandenv`` removed).

Each group lives in its own module exporting ``FUNCS: dict[str, GoFunc]``; :func:`funcs`
merges them into one fresh map. Groups follow Sprig's documentation.
"""

from __future__ import annotations

import importlib

from chartist.gotemplate.values import GoFunc

__all__ = ["GROUPS", "funcs"]

# Module names under chartist.sprig, in merge order (a later group wins on a name clash).
GROUPS: tuple[str, ...] = (
    "strings",
    "conversion",
    "regex",
    "lists",
    "dicts",
    "math",
    "defaults",
    "types",
    "encoding",
    "jsonfuncs",
    "hashes",
    "crypto",
    "dates",
    "semverfuncs",
    "uuids",
    "urls",
    "paths",
    "network",
)

_cache: dict[str, GoFunc] | None = None


def funcs() -> dict[str, GoFunc]:
    """A new dict of every Sprig function Helm exposes, by template name."""
    global _cache
    if _cache is None:
        merged: dict[str, GoFunc] = {}
        for group in GROUPS:
            try:
                mod = importlib.import_module(f"chartist.sprig.{group}")
            except ModuleNotFoundError as err:
                if err.name != f"chartist.sprig.{group}":
                    raise
                continue  # group not written yet
            merged.update(mod.FUNCS)
        _cache = merged
    return dict(_cache)

"""Helpers for chart tests: writing chart directories, comparing with Helm's JSON."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

CHART_YAML = "apiVersion: v2\nname: c\nversion: 0.1.0\n"


def write_tree(root: Path, files: dict[str, Any]) -> Path:
    """Write FILES (name -> text, bytes, None for a directory, ("link", target)) under ROOT."""
    root.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        p = root / name
        p.parent.mkdir(parents=True, exist_ok=True)
        if data is None:
            p.mkdir(exist_ok=True)
        elif isinstance(data, tuple):
            os.symlink(data[1], p)
        elif isinstance(data, bytes):
            p.write_bytes(data)
        else:
            p.write_text(data)
    return root


def numbers_as_float(x: Any, drop_empty: frozenset[str] = frozenset()) -> Any:
    """X with every number a float (Helm's JSON gives float64) and the keys in DROP_EMPTY
    left out where their value is empty, for comparing with what helm_python returns."""
    if isinstance(x, dict):
        return {k: numbers_as_float(v, drop_empty) for k, v in x.items() if v or k not in drop_empty}
    if isinstance(x, list):
        return [numbers_as_float(v, drop_empty) for v in x]
    if isinstance(x, int | float) and not isinstance(x, bool):
        return float(x)
    return x

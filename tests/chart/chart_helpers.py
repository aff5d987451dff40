"""Helpers for chart tests: writing chart directories and comparing Go-typed values."""

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


def same(a: Any, b: Any) -> bool:
    """Equal with identical Python types all the way down."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)

"""Deep equality with identical Python types, shared by the table-driven tests."""

from __future__ import annotations

import math
from typing import Any


def same(a: Any, b: Any) -> bool:
    """A equals B with identical types all the way down (Int64 is not int, 1.0 is not 1);
    NaN equals NaN, as a row's NaN means "NaN here"."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, float) and math.isnan(a):
        return math.isnan(b)
    return bool(a == b)

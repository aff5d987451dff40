"""Sprig's ``uuidv4``: a random (version 4) UUID in its canonical lower-case form."""

from __future__ import annotations

import uuid

from chartist.gotemplate.values import STRING, GoFunc, gofunc

__all__ = ["FUNCS"]


@gofunc(result=STRING)
def uuidv4() -> str:
    """uuidv4: e.g. ``3f0c5a1e-8b1d-4c1e-9a53-2f1c0b9e8d7a`` (from the OS random source)."""
    return str(uuid.uuid4())


FUNCS: dict[str, GoFunc] = {"uuidv4": uuidv4}

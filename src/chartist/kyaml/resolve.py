"""yaml.v3's implicit tag of a plain scalar (``resolve("", value)``), as a short tag.

kyaml only needs the tag to decide whether a node is null and whether a programmatically
built ``!!str`` node must be quoted; values are never converted here.
"""

from __future__ import annotations

import re
from typing import Final

__all__ = ["resolve_tag"]

_MAP: Final = {
    **dict.fromkeys(("true", "True", "TRUE", "false", "False", "FALSE"), "!!bool"),
    **dict.fromkeys(("", "~", "null", "Null", "NULL"), "!!null"),
    **dict.fromkeys(
        (
            ".nan",
            ".NaN",
            ".NAN",
            ".inf",
            ".Inf",
            ".INF",
            "+.inf",
            "+.Inf",
            "+.INF",
            "-.inf",
            "-.Inf",
            "-.INF",
        ),
        "!!float",
    ),
    "<<": "!!merge",
}
_FLOAT: Final = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")
# strconv.ParseInt(s, 0, 64) syntax (underscores already removed).
_INT: Final = re.compile(r"[-+]?(0[xX][0-9a-fA-F]+|0[bB][01]+|0[oO]?[0-7]*|[1-9][0-9]*)")
_TIMESTAMP: Final = re.compile(
    r"\d{4}-\d{1,2}-\d{1,2}(([Tt]| )\d{1,2}:\d{1,2}:\d{1,2}(\.\d{1,9})?(Z|[-+]\d{2}:\d{2})?)?"
)
# First characters for which yaml.v3 tries anything but !!str (its resolveTable).
_HINTS: Final = frozenset("+-0123456789yYnNtTfFoO~.")
_INT64_MAX: Final = (1 << 63) - 1


def resolve_tag(value: str) -> str:
    """The short tag yaml.v3 gives a plain scalar with text VALUE."""
    c = value[:1]
    if c and c not in _HINTS:
        return "!!str"
    tag = _MAP.get(value)
    if tag is not None:
        return tag
    if c == ".":
        return "!!float" if _FLOAT.fullmatch(value) else "!!str"
    if not c or not (c.isdigit() or c in "+-"):
        return "!!str"
    if _TIMESTAMP.fullmatch(value) and (value[:1].isdigit()):
        return "!!timestamp"
    plain = value.replace("_", "")
    if _INT.fullmatch(plain):
        try:
            n = int(plain, 0) if not re.fullmatch(r"[-+]?0[0-7]+", plain) else int(plain, 8)
        except ValueError:
            n = None
        if n is not None and -_INT64_MAX - 1 <= n <= (1 << 64) - 1:
            return "!!int"
    if _FLOAT.fullmatch(plain):
        return "!!float"
    return "!!str"

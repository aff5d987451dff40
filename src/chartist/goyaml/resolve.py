"""go-yaml v2's implicit typing of plain scalars (its ``resolve``), shared by loader and emitter.

Hand-written because no Python library types scalars the way go-yaml v2 does: it is YAML 1.1
with go-yaml's own table (``y``/``n``/``on``/``off`` are booleans, no base-60 numbers, integers
parsed by Go's ``strconv.ParseInt`` with base prefixes and ``_`` removed, floats only in a
restricted syntax, timestamps recognised by Go's ``time.Parse`` on four layouts).

:func:`resolve` returns ``(kind, value)`` where kind is one of the ``K_*`` constants; for
``K_INT``/``K_UINT`` the value is a Python int within Go's int64/uint64 range, for ``K_FLOAT``
a float (possibly NaN or ±Inf), for ``K_TIMESTAMP`` the text itself. It raises
:class:`ResolveError` (Go's message without the ``yaml:`` prefix) when an explicit tag does not
fit the text, as go-yaml's ``cannot decode !!str `x` as a !!int``.
"""

from __future__ import annotations

import math
import re
from typing import Any, Final

__all__ = [
    "BINARY_TAG",
    "BOOL_TAG",
    "FLOAT_TAG",
    "INT_TAG",
    "K_BOOL",
    "K_FLOAT",
    "K_INT",
    "K_MERGE",
    "K_NULL",
    "K_STR",
    "K_TIMESTAMP",
    "K_UINT",
    "MERGE_TAG",
    "NULL_TAG",
    "STR_TAG",
    "TIMESTAMP_TAG",
    "ResolveError",
    "is_base60_float",
    "is_timestamp",
    "resolve",
    "resolves_to_str",
    "short_tag",
]

_PREFIX: Final = "tag:yaml.org,2002:"
STR_TAG: Final = _PREFIX + "str"
BOOL_TAG: Final = _PREFIX + "bool"
INT_TAG: Final = _PREFIX + "int"
FLOAT_TAG: Final = _PREFIX + "float"
NULL_TAG: Final = _PREFIX + "null"
TIMESTAMP_TAG: Final = _PREFIX + "timestamp"
BINARY_TAG: Final = _PREFIX + "binary"
MERGE_TAG: Final = _PREFIX + "merge"

K_STR: Final = 0
K_BOOL: Final = 1
K_INT: Final = 2
K_UINT: Final = 3
K_FLOAT: Final = 4
K_NULL: Final = 5
K_TIMESTAMP: Final = 6
K_MERGE: Final = 7

_KIND_TAG: Final = {
    K_STR: STR_TAG,
    K_BOOL: BOOL_TAG,
    K_INT: INT_TAG,
    K_UINT: INT_TAG,
    K_FLOAT: FLOAT_TAG,
    K_NULL: NULL_TAG,
    K_TIMESTAMP: TIMESTAMP_TAG,
    K_MERGE: MERGE_TAG,
}

# Tags go-yaml resolves itself; any other tag keeps the text as a string.
_RESOLVABLE: Final = frozenset({"", STR_TAG, BOOL_TAG, INT_TAG, FLOAT_TAG, NULL_TAG, TIMESTAMP_TAG})


class ResolveError(Exception):
    """An explicitly tagged scalar whose text does not fit the tag (Go's message)."""


def short_tag(tag: str) -> str:
    """``!!int`` for ``tag:yaml.org,2002:int``; other tags unchanged."""
    return "!!" + tag[len(_PREFIX) :] if tag.startswith(_PREFIX) else tag


# go-yaml's resolve map: exact texts with a fixed meaning.
_MAP: Final[dict[str, tuple[int, Any]]] = {}
for _v, _k, _words in (
    (True, K_BOOL, "y Y yes Yes YES true True TRUE on On ON"),
    (False, K_BOOL, "n N no No NO false False FALSE off Off OFF"),
    (None, K_NULL, "~ null Null NULL"),
    (math.nan, K_FLOAT, ".nan .NaN .NAN"),
    (math.inf, K_FLOAT, ".inf .Inf .INF +.inf +.Inf +.INF"),
    (-math.inf, K_FLOAT, "-.inf -.Inf -.INF"),
    ("<<", K_MERGE, "<<"),
):
    for _w in _words.split():
        _MAP[_w] = (_k, _v)
_MAP[""] = (K_NULL, None)

# First-character hints: D digit, S sign, M word in the map, . float; others are strings.
_HINT: Final[dict[str, str]] = {c: "D" for c in "0123456789"}
_HINT.update({"+": "S", "-": "S", ".": "."})
_HINT.update({c: "M" for c in "yYnNtTfFoO~"})

# Go's strconv.ParseInt(s, 0, 64) syntax after go-yaml removed every "_".
_GO_INT: Final = re.compile(
    r"([+-]?)(?:0([bB])([01]+)|0([oO])([0-7]+)|0([xX])([0-9a-fA-F]+)|(0[0-7]*)|([1-9][0-9]*))"
)
_YAML_FLOAT: Final = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?")
_DOT_FLOAT: Final = re.compile(r"\.[0-9]+(?:[eE][-+]?[0-9]+)?")
_BIN: Final = re.compile(r"[+-]?[01]+")
_BASE60: Final = re.compile(r"[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?")

_INT64_MIN: Final = -(1 << 63)
_INT64_MAX: Final = (1 << 63) - 1
_UINT64_MAX: Final = (1 << 64) - 1


def _go_int(plain: str) -> tuple[int, Any] | None:
    """ParseInt(plain, 0, 64), then ParseUint: (K_INT|K_UINT, n) or None."""
    m = _GO_INT.fullmatch(plain)
    if m is None:
        return None
    sign, _, b2, _, b8, _, b16, oct0, dec = m.groups()
    if b2 is not None:
        n = int(b2, 2)
    elif b8 is not None:
        n = int(b8, 8)
    elif b16 is not None:
        n = int(b16, 16)
    elif oct0 is not None:
        n = int(oct0, 8)
    else:
        n = int(dec)
    if sign == "-":
        n = -n
    if _INT64_MIN <= n <= _INT64_MAX:
        return (K_INT, n)
    if not sign and n <= _UINT64_MAX:
        return (K_UINT, n)
    return None


def _go_float(text: str) -> float | None:
    """ParseFloat of a syntactically valid decimal; None when Go reports a range error (±Inf)."""
    f = float(text)
    return None if math.isinf(f) else f


# The four layouts go-yaml v2 tries with time.Parse (date-only, RFC 3339 with T or t, space).
_TS_DATE: Final = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})")
_TS_TZ: Final = re.compile(
    r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})[Tt]([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2})"
    r"(?:[.,][0-9]+)?(?:Z|[+-]([0-9]{2}):([0-9]{2}))"
)
_TS_SPACE: Final = re.compile(
    r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2}) +([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2})(?:[.,][0-9]+)?"
)
_DAYS: Final = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _valid_date(y: str, mo: str, d: str) -> bool:
    year, month, day = int(y), int(mo), int(d)
    if not 1 <= month <= 12:
        return False
    days = _DAYS[month - 1]
    if month == 2 and year % 4 == 0 and (year % 100 != 0 or year % 400 == 0):
        days = 29
    return 1 <= day <= days


def is_timestamp(s: str) -> bool:
    """Whether go-yaml v2's parseTimestamp accepts S (Go's time.Parse range checks included)."""
    if len(s) < 5 or s[4] != "-" or not s[:4].isdigit() or not s[:4].isascii():
        return False
    m = _TS_DATE.fullmatch(s)
    if m is not None:
        return _valid_date(*m.groups())
    m = _TS_TZ.fullmatch(s) or _TS_SPACE.fullmatch(s)
    if m is None:
        return False
    g = m.groups()
    if not _valid_date(g[0], g[1], g[2]):
        return False
    if int(g[3]) >= 24 or int(g[4]) >= 60 or int(g[5]) >= 60:
        return False
    if len(g) > 6 and g[6] is not None and (int(g[6]) > 24 or int(g[7]) > 60):
        return False
    return True


def is_base60_float(s: str) -> bool:
    """go-yaml's isBase60Float: texts the encoder quotes for other YAML 1.1 parsers' sake."""
    return ":" in s and _BASE60.fullmatch(s) is not None


def _resolve_implicit(tag: str, s: str) -> tuple[int, Any]:
    """go-yaml's resolve body for TAG in ("", !!bool, !!int, !!float, !!null, !!timestamp)."""
    hint = _HINT.get(s[0]) if s else "N"
    if hint is None:
        return (K_STR, s)
    item = _MAP.get(s)
    if item is not None:
        return item
    if hint == ".":
        if _DOT_FLOAT.fullmatch(s):
            f = _go_float(s)
            if f is not None:
                return (K_FLOAT, f)
    elif hint == "D" or hint == "S":
        if (tag == "" or tag == TIMESTAMP_TAG) and is_timestamp(s):
            return (K_TIMESTAMP, s)
        plain = s.replace("_", "")
        r = _go_int(plain)
        if r is not None:
            return r
        if _YAML_FLOAT.fullmatch(plain):
            f = _go_float(plain)
            if f is not None:
                return (K_FLOAT, f)
        if plain.startswith("0b") and _BIN.fullmatch(plain, 2):
            n = int(plain[2:], 2)
            if _INT64_MIN <= n <= _INT64_MAX:
                return (K_INT, n)
            if 0 <= n <= _UINT64_MAX and plain[2] != "+":
                return (K_UINT, n)
    return (K_STR, s)


_PLAIN_CACHE: dict[str, tuple[int, Any]] = {}
_PLAIN_CACHE_MAX: Final = 4096


def resolve(tag: str, s: str) -> tuple[int, Any]:
    """go-yaml v2's resolve(TAG, S) for a scalar; TAG is "" for an untagged plain scalar.

    Raises ResolveError when an explicit tag does not fit (``!!int 1.5``). Tags go-yaml does not
    resolve (``!!binary``, ``!foo``, ``!!map`` on a scalar) return the text as a string; the
    caller decodes ``!!binary`` itself.
    """
    if tag == "":
        r = _PLAIN_CACHE.get(s)
        if r is None:
            r = _resolve_implicit("", s)
            if len(_PLAIN_CACHE) < _PLAIN_CACHE_MAX:
                _PLAIN_CACHE[s] = r
        return r
    if tag == STR_TAG or tag not in _RESOLVABLE:
        return (K_STR, s)
    kind, value = _resolve_implicit(tag, s)
    rtag = _KIND_TAG[kind]
    if rtag == tag:
        return (kind, value)
    if tag == FLOAT_TAG and kind in (K_INT, K_UINT):
        return (K_FLOAT, float(value))
    raise ResolveError(f"cannot decode {short_tag(rtag)} `{s}` as a {short_tag(tag)}")


def resolves_to_str(s: str) -> bool:
    """Whether go-yaml v2 reads S, written plain, back as the same string (encoder's test)."""
    return resolve("", s)[0] == K_STR and not is_base60_float(s)

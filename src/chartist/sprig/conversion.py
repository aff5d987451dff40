"""Sprig's type conversion functions and the conversions its other functions share.

``int``, ``int64`` and ``float64`` are spf13/cast v1.7 ``ToInt``/``ToInt64``/``ToFloat64``
with the error dropped (anything cast cannot convert becomes 0); ``atoi`` is ``strconv.Atoi``
with the error dropped (out-of-range input keeps Go's clamped value); ``toDecimal`` parses
``fmt.Sprint(v)`` as octal; ``toString`` is Sprig's ``strval`` and ``toStrings`` its
``strslice``. Hand-written because Python's ``int()``/``float()`` accept other syntax than Go's
``strconv`` (``int("010", 0)`` fails where Go reads octal 8, ``float(" 1")`` succeeds where Go
fails, ``float("1e400")`` is infinity where Go reports a range error) and Python integers do
not wrap around at 64 bits as Go's do.
"""

from __future__ import annotations

import math
import re
from typing import Any

from chartist.gotemplate.fmt import sprint
from chartist.gotemplate.strconv import from_utf8
from chartist.gotemplate.values import GoFunc, Int64, StrSlice, gofunc

__all__ = [
    "FUNCS",
    "MAX_INT64",
    "MIN_INT64",
    "float_to_int64",
    "parse_float",
    "parse_int",
    "strslice",
    "strval",
    "to_float64",
    "to_int",
    "to_int64",
    "wrap64",
]

MIN_INT64 = -(1 << 63)
MAX_INT64 = (1 << 63) - 1
_TWO64 = 1 << 64
_TWO63_F = 9.223372036854775808e18


def wrap64(x: int) -> int:
    """X wrapped around to a 64-bit two's complement integer, as Go's int arithmetic overflows."""
    if MIN_INT64 <= x <= MAX_INT64:
        return x
    return (x - MIN_INT64) % _TWO64 + MIN_INT64


def float_to_int64(f: float) -> int:
    """Go's ``int64(f)`` on amd64: truncation; NaN and out-of-range values give MinInt64."""
    if -_TWO63_F <= f < _TWO63_F:
        return int(f)
    return MIN_INT64


# ---------------------------------------------------------------------------------------------
# strconv.ParseInt / ParseFloat


def _underscore_ok(s: str) -> bool:
    """strconv's underscoreOK: '_' only between digits, or between a base prefix and a digit."""
    saw = "^"
    i = 0
    if s[:1] in ("+", "-"):
        s = s[1:]
    hexa = False
    if len(s) >= 2 and s[0] == "0" and s[1] in "bBoOxX":
        i = 2
        saw = "0"
        hexa = s[1] in "xX"
    for c in s[i:]:
        if "0" <= c <= "9" or (hexa and c in "abcdefABCDEF"):
            saw = "0"
        elif c == "_":
            if saw != "0":
                return False
            saw = "_"
        elif saw == "_":
            return False
        else:
            saw = "!"
    return saw != "_"


def parse_int(s: str, base: int) -> tuple[int, bool]:
    """Go's ``strconv.ParseInt(s, base, 64)``: (value, ok).

    A syntax error gives (0, False); a range error gives the clamped value and False. Base 0
    reads Go's prefixes (``0x``, ``0o``, ``0b``, a leading ``0`` for octal) and underscores.
    """
    if not s:
        return 0, False
    s0 = s
    neg = s[0] == "-"
    if s[0] in "+-":
        s = s[1:]
        if not s:
            return 0, False
    base0 = base == 0
    if base0:
        base = 10
        if s[0] == "0":
            p = s[1:2]
            if len(s) >= 3 and p in "bB":
                base, s = 2, s[2:]
            elif len(s) >= 3 and p in "oO":
                base, s = 8, s[2:]
            elif len(s) >= 3 and p in "xX":
                base, s = 16, s[2:]
            else:
                base, s = 8, s[1:]
    n = 0
    underscores = False
    for c in s:
        if c == "_" and base0:
            underscores = True
            continue
        if "0" <= c <= "9":
            d = ord(c) - 48
        elif "a" <= c <= "z":
            d = ord(c) - 87
        elif "A" <= c <= "Z":
            d = ord(c) - 55
        else:
            return 0, False
        if d >= base:
            return 0, False
        n = n * base + d
        if n >= _TWO64:  # Go stops at the overflow, before looking at the rest
            return (MIN_INT64 if neg else MAX_INT64), False
    if underscores and not _underscore_ok(s0[1:] if s0[0] in "+-" else s0):
        return 0, False
    if neg:
        return (-n, True) if n <= 1 << 63 else (MIN_INT64, False)
    return (n, True) if n < 1 << 63 else (MAX_INT64, False)


_DEC_FLOAT = re.compile(r"[+-]?(?=\.?[0-9])[0-9_]*(?:\.[0-9_]*)?(?:[eE][+-]?[0-9_]+)?")
_HEX_FLOAT = re.compile(r"[+-]?0[xX](?=\.?[0-9a-fA-F_])[0-9a-fA-F_]*(?:\.[0-9a-fA-F_]*)?[pP][+-]?[0-9_]+")
_SPECIAL = {"inf": math.inf, "+inf": math.inf, "-inf": -math.inf, "nan": math.nan}


def parse_float(s: str) -> float | None:
    """Go's ``strconv.ParseFloat(s, 64)``, or None on a syntax or range error."""
    low = s.lower()
    if low.lstrip("+-") in ("inf", "infinity", "nan"):
        # Go accepts a sign on "inf"/"infinity" only; "nan" must stand alone.
        key = low.replace("infinity", "inf")
        return _SPECIAL.get(key)
    if _DEC_FLOAT.fullmatch(s):
        hexa = False
    elif _HEX_FLOAT.fullmatch(s):
        hexa = True
    else:
        return None
    if "_" in s:
        if not _underscore_ok(s):
            return None
        s = s.replace("_", "")
    try:
        f = float.fromhex(s) if hexa else float(s)
    except (ValueError, OverflowError):
        return None
    if math.isinf(f):  # too large: Go reports ErrRange (and cast gives up)
        return None
    return f


def _trim_zero_decimal(s: str) -> str:
    """cast's trimZeroDecimal: "10.00" -> "10" so that a float-looking integer parses."""
    found_zero = False
    for i in range(len(s) - 1, -1, -1):
        c = s[i]
        if c == ".":
            if found_zero:
                return s[:i]
        elif c == "0":
            found_zero = True
        else:
            return s
    return s


# ---------------------------------------------------------------------------------------------
# spf13/cast


def to_int64(v: Any) -> int:
    """cast.ToInt64 with the error dropped (failures are 0); the result is a plain ``int``."""
    t = type(v)
    if t is int or t is Int64:
        return int(v)
    if t is float:
        return float_to_int64(v)
    if t is str:
        n, ok = parse_int(_trim_zero_decimal(v), 0)
        return n if ok else 0
    if t is bool:
        return 1 if v else 0
    if isinstance(v, int) and not isinstance(v, bool):
        return int(v)
    return 0


to_int = to_int64  # Go's int is 64 bits wide; cast.ToInt converts exactly as ToInt64 does.


def to_float64(v: Any) -> float:
    """cast.ToFloat64 with the error dropped (failures are 0)."""
    t = type(v)
    if t is float:
        return v  # type: ignore[no-any-return]
    if t is int or t is Int64:
        return float(v)
    if t is str:
        f = parse_float(v)
        return 0.0 if f is None else f
    if t is bool:
        return 1.0 if v else 0.0
    if isinstance(v, int):
        return float(v)
    return 0.0


# ---------------------------------------------------------------------------------------------
# Sprig's strval and strslice


def strval(v: Any) -> str:
    """Sprig's strval: strings as they are, []byte as text, else ``fmt.Sprintf("%v", v)``."""
    if type(v) is str:
        return v
    if isinstance(v, bytes | bytearray):
        return from_utf8(v)
    return sprint(v)


def strslice(v: Any) -> StrSlice:
    """Sprig's strslice: a []string of V's elements (nil ones dropped), or of V itself."""
    if isinstance(v, StrSlice):
        return v
    if isinstance(v, list | tuple):
        return StrSlice([strval(x) for x in v if x is not None])
    if isinstance(v, bytes | bytearray):
        return StrSlice([str(b) for b in v])
    if v is None:
        return StrSlice()
    return StrSlice([strval(v)])


# ---------------------------------------------------------------------------------------------
# Template functions


@gofunc("string", result="int")
def atoi(s: str) -> int:
    """``strconv.Atoi`` with the error dropped: a syntax error is 0, overflow is clamped."""
    return parse_int(s, 10)[0]


@gofunc("interface {}", result="int")
def int_(v: Any) -> int:
    """cast.ToInt: numbers truncated, strings parsed (Go syntax), bools 0/1, anything else 0."""
    return to_int64(v)


@gofunc("interface {}", result="int64")
def int64_(v: Any) -> Int64:
    """cast.ToInt64, as ``int``."""
    return Int64(to_int64(v))


@gofunc("interface {}", result="float64")
def float64_(v: Any) -> float:
    """cast.ToFloat64: numbers converted, strings parsed (Go syntax), bools 0/1, anything else 0."""
    return to_float64(v)


@gofunc("interface {}", result="int64")
def to_decimal(v: Any) -> Int64:
    """Sprig's toDecimal: ``fmt.Sprint(v)`` read as an octal number, 0 if it is not one."""
    n, ok = parse_int(sprint(v), 8)
    return Int64(n if ok else 0)


@gofunc("interface {}", result="string")
def to_string(v: Any) -> str:
    """Sprig's strval: strings unchanged, []byte as text, anything else as ``%v`` prints it."""
    return strval(v)


@gofunc("interface {}", result="[]string")
def to_strings(v: Any) -> StrSlice:
    """Sprig's strslice: each non-nil element of a list as a string; a non-list as one string."""
    return strslice(v)


FUNCS: dict[str, GoFunc] = {
    "atoi": atoi,
    "float64": float64_,
    "int": int_,
    "int64": int64_,
    "toDecimal": to_decimal,
    "toString": to_string,
    "toStrings": to_strings,
}

"""The few Go number and value formats YAML and JSON need (strconv 'g'/'e'/'f', %#v).

Private to :mod:`chartist.goyaml`: strconv's shortest formatting of float64 and float32
(Python's ``repr`` gives the same shortest digits for float64; float32 digits are searched),
encoding/json's float format, and fmt's ``%#v`` of decoded YAML values for error messages.
"""

from __future__ import annotations

import math
import struct
from functools import lru_cache
from typing import Any

__all__ = [
    "format_float32_key",
    "format_g",
    "format_json_float",
    "go_quote",
    "go_sharp_v",
    "shortest_digits",
]


def shortest_digits(x: float) -> tuple[str, int]:
    """Shortest round-trip decimal digits of finite X >= 0 and the exponent DP (x = 0.DIGITS * 10**DP)."""
    r = repr(x)
    mant, _, exp = r.partition("e")
    e = int(exp) if exp else 0
    intpart, _, frac = mant.partition(".")
    digits = intpart + frac
    dp = len(intpart) + e
    stripped = digits.lstrip("0")
    dp -= len(digits) - len(stripped)
    digits = stripped.rstrip("0")
    if not digits:
        return ("0", 1)
    return (digits, dp)


def _to_float32(x: float) -> float:
    try:
        return float(struct.unpack("f", struct.pack("f", x))[0])
    except OverflowError:
        return math.copysign(math.inf, x)


def _shortest_digits32(x: float) -> tuple[str, int]:
    """Shortest decimal digits that read back as the float32 X (X already a float32 value)."""
    for prec in range(1, 10):
        s = f"{x:.{prec - 1}e}"
        if _to_float32(float(s)) == x:
            return shortest_digits(float(s))
    return shortest_digits(x)


def _fmt_e(neg: bool, digits: str, dp: int) -> str:
    exp = dp - 1
    mant = digits[0] + ("." + digits[1:] if len(digits) > 1 else "")
    sign = "-" if exp < 0 else "+"
    exp = abs(exp)
    return ("-" if neg else "") + mant + "e" + sign + (f"{exp:02d}")


def _fmt_f(neg: bool, digits: str, dp: int) -> str:
    if dp <= 0:
        s = "0." + "0" * (-dp) + digits
    elif dp >= len(digits):
        s = digits + "0" * (dp - len(digits))
    else:
        s = digits[:dp] + "." + digits[dp:]
    return ("-" if neg else "") + s


def _special(x: float) -> str | None:
    if math.isnan(x):
        return "NaN"
    if math.isinf(x):
        return "+Inf" if x > 0 else "-Inf"
    return None


def format_g(x: float) -> str:
    """strconv.FormatFloat(x, 'g', -1, 64), which is also fmt's %v of a float64."""
    sp = _special(x)
    if sp is not None:
        return sp
    neg = math.copysign(1.0, x) < 0
    if x == 0:
        return "-0" if neg else "0"
    digits, dp = shortest_digits(abs(x))
    # strconv's shortest 'g' switches to %e when the exponent is < -4 or >= 6.
    if not -4 <= dp - 1 < 6:
        return _fmt_e(neg, digits, dp)
    return _fmt_f(neg, digits, dp)


@lru_cache(maxsize=1024)
def format_float32_key(x: float) -> str:
    """sigs.k8s.io/yaml's string of a float map key: FormatFloat(x, 'g', -1, 32), .inf/.nan."""
    if math.isnan(x):
        return ".nan"
    f = _to_float32(x)
    if math.isinf(f):
        return ".inf" if f > 0 else "-.inf"
    neg = math.copysign(1.0, f) < 0
    if f == 0:
        return "-0" if neg else "0"
    digits, dp = _shortest_digits32(abs(f))
    if not -4 <= dp - 1 < 6:
        return _fmt_e(neg, digits, dp)
    return _fmt_f(neg, digits, dp)


def format_json_float(x: float) -> str:
    """encoding/json's text of a finite float64: 'f' format, 'e' below 1e-6 or from 1e21 on."""
    if x == 0:
        return "-0" if math.copysign(1.0, x) < 0 else "0"
    neg = x < 0
    a = -x if neg else x
    digits, dp = shortest_digits(a)
    if a < 1e-6 or a >= 1e21:
        s = _fmt_e(neg, digits, dp)
        # encoding/json writes e-7, not e-07
        if s[-4] == "e" and s[-3] == "-" and s[-2] == "0":
            s = s[:-2] + s[-1]
        return s
    return _fmt_f(neg, digits, dp)


def go_quote(s: str) -> str:
    """strconv.Quote: a double-quoted Go string literal (printable runes kept as they are)."""
    out = ['"']
    for ch in s:
        c = ord(ch)
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch.isprintable() or ch == " ":
            out.append(ch)
        elif c == 7:
            out.append("\\a")
        elif c == 8:
            out.append("\\b")
        elif c == 12:
            out.append("\\f")
        elif c == 10:
            out.append("\\n")
        elif c == 13:
            out.append("\\r")
        elif c == 9:
            out.append("\\t")
        elif c == 11:
            out.append("\\v")
        elif c < 0x80:
            out.append(f"\\x{c:02x}")
        elif c < 0x10000:
            out.append(f"\\u{c:04x}")
        else:
            out.append(f"\\U{c:08x}")
    out.append('"')
    return "".join(out)


def go_sharp_v(v: Any, top: bool = True) -> str:
    """fmt's %#v of a go-yaml decoded value given as (kind, value) scalars, lists and dicts."""
    # Local import: resolve's kind constants, kept out of this module's import graph.
    from chartist.goyaml.resolve import K_BOOL, K_FLOAT, K_INT, K_NULL, K_UINT

    if isinstance(v, tuple):
        kind, x = v
        if kind == K_NULL:
            return "<nil>" if top else "interface {}(nil)"
        if kind == K_BOOL:
            return "true" if x else "false"
        if kind == K_INT:
            return str(x)
        if kind == K_UINT:
            return hex(x)
        if kind == K_FLOAT:
            return format_g(x)
        if kind == "repr":
            return str(x)
        return go_quote(str(x))
    if isinstance(v, list):
        return "[]interface {}{" + ", ".join(go_sharp_v(x, False) for x in v) + "}"
    if isinstance(v, dict):
        items = sorted((go_sharp_v(k, False), go_sharp_v(x, False)) for k, x in v.items())
        return "map[interface {}]interface {}{" + ", ".join(f"{k}:{x}" for k, x in items) + "}"
    return str(v)

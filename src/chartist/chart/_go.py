"""Small pieces of Go's formatting that chart messages need: ``%q`` and ``%v`` of floats.

Kept private to the chart package (and strvals): the engine's ``fmt`` lives in gotemplate,
which the chart layer must not depend on for its error texts.
"""

from __future__ import annotations

import math
import struct

_ESCAPES = {
    "\a": "\\a",
    "\b": "\\b",
    "\f": "\\f",
    "\n": "\\n",
    "\r": "\\r",
    "\t": "\\t",
    "\v": "\\v",
    "\\": "\\\\",
}


def go_quote(s: str, quote: str = '"') -> str:
    """Go's ``strconv.Quote`` (``%q`` of a string); QUOTE ``'`` gives ``QuoteRune`` style."""
    if s.isascii() and s.isprintable() and quote not in s and "\\" not in s:
        return quote + s + quote
    out = [quote]
    for c in s:
        if c == quote:
            out.append("\\" + c)
        elif c in _ESCAPES:
            out.append(_ESCAPES[c])
        elif c.isprintable():
            out.append(c)
        else:
            n = ord(c)
            if n < 0x20 or n == 0x7F:
                out.append(f"\\x{n:02x}")
            elif 0xD800 <= n < 0xE000:
                out.append("\\ufffd")
            elif n < 0x10000:
                out.append(f"\\u{n:04x}")
            else:
                out.append(f"\\U{n:08x}")
    out.append(quote)
    return "".join(out)


def _digits(f: float) -> tuple[str, int]:
    """Shortest round-trip decimal digits of abs(F) and the decimal point position."""
    r = repr(abs(f))
    mant, _, exp = r.partition("e")
    intpart, _, frac = mant.partition(".")
    digits = (intpart + frac).lstrip("0")
    lead = len(intpart + frac) - len((intpart + frac).lstrip("0"))
    point = len(intpart) - lead + (int(exp) if exp else 0)
    digits = digits.rstrip("0") or "0"
    if digits == "0":
        point = 1
    return digits, point


def _format_g(neg: bool, digits: str, point: int) -> str:
    """strconv 'g' with shortest precision from DIGITS (d1d2... x 10^(point-len))."""
    sign = "-" if neg else ""
    exp = point - 1
    # Go uses %e when exp < -4 || exp >= eprec, and eprec is 6 for shortest formatting.
    eprec = 6
    if exp < -4 or exp >= eprec:
        mant = digits[0] + ("." + digits[1:] if len(digits) > 1 else "")
        es = "-" if exp < 0 else "+"
        return f"{sign}{mant}e{es}{abs(exp):02d}"
    if point <= 0:
        return f"{sign}0.{'0' * -point}{digits}"
    if point >= len(digits):
        return sign + digits + "0" * (point - len(digits))
    return f"{sign}{digits[:point]}.{digits[point:]}"


def go_float(f: float) -> str:
    """Go's ``%v`` of a float64 (``strconv.FormatFloat(f, 'g', -1, 64)``): ``1e+06``, ``0.5``."""
    if math.isnan(f):
        return "NaN"
    if math.isinf(f):
        return "+Inf" if f > 0 else "-Inf"
    neg = math.copysign(1.0, f) < 0
    digits, point = _digits(f)
    return _format_g(neg, digits, point)


def go_float32(f: float) -> str:
    """``strconv.FormatFloat(f, 'g', -1, 32)``: F rounded to float32, shortest digits."""
    if math.isnan(f):
        return "NaN"
    try:
        x = struct.unpack("<f", struct.pack("<f", f))[0]
    except OverflowError:
        x = math.copysign(math.inf, f)
    if math.isinf(x):
        return "+Inf" if x > 0 else "-Inf"
    neg = math.copysign(1.0, x) < 0
    if x == 0:
        return "-0" if neg else "0"
    for prec in range(1, 10):
        text = f"{abs(x):.{prec - 1}e}"
        if struct.unpack("<f", struct.pack("<f", float(text)))[0] == abs(x):
            break
    mant, _, exp = text.partition("e")
    digits = mant.replace(".", "").rstrip("0") or "0"
    return _format_g(neg, digits, int(exp) + 1)


def go_v(v: object) -> str:
    """Go's ``%v`` of a value of the values model (maps print with sorted keys)."""
    if v is None:
        return "<nil>"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float):
        return go_float(v)
    if isinstance(v, int | str):
        return str(v)
    if isinstance(v, dict):
        return "map[" + " ".join(f"{k}:{go_v(v[k])}" for k in sorted(v)) + "]"
    if isinstance(v, list | tuple):
        return "[" + " ".join(go_v(x) for x in v) + "]"
    if isinstance(v, bytes):
        return "[" + " ".join(str(b) for b in v) + "]"
    return str(v)


def go_bad_t(v: object) -> str:
    """Go's ``%t`` of V: booleans print, anything else is ``%!t(TYPE=VALUE)``."""
    if isinstance(v, bool):
        return "true" if v else "false"
    if v is None:
        return "%!t(<nil>)"
    if isinstance(v, list | tuple):
        return "[" + " ".join(_bad_t_elem(x) for x in v) + "]"
    if isinstance(v, dict):
        return "map[" + " ".join(f"{go_bad_t(k)}:{_bad_t_elem(v[k])}" for k in sorted(v)) + "]"
    if isinstance(v, float):
        return f"%!t(float64={go_float(v)})"
    if isinstance(v, int):
        kind = "int64" if type(v).__name__ == "Int64" else "int"
        return f"%!t({kind}={int(v)})"
    if isinstance(v, str):
        return f"%!t(string={v})"
    return f"%!t({type(v).__name__}={v})"


def _bad_t_elem(v: object) -> str:
    # fmt prints a nil element of a slice or map as <nil>, whatever the verb.
    return "<nil>" if v is None else go_bad_t(v)

"""Go's ``strconv.Quote`` for messages that Go formats with ``%q`` (url and time errors).

Strings are Go strings seen through surrogateescape: a lone byte of invalid UTF-8 is kept as
U+DC80..U+DCFF and quoted as ``\\xNN``, as Go quotes the byte. (``chartist.semver`` carries
its own copy so that it does not depend on sprig; gotemplate's fmt may replace both.)
"""

from __future__ import annotations

__all__ = ["quote"]

_ESCAPES = {"\a": "\\a", "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\v": "\\v"}


def quote(s: str) -> str:
    """``strconv.Quote(s)``: double-quoted, printable runes kept, the rest escaped."""
    if s.isascii() and s.isprintable() and '"' not in s and "\\" not in s:
        return '"' + s + '"'
    out = ['"']
    for ch in s:
        o = ord(ch)
        if ch == '"' or ch == "\\":
            out.append("\\" + ch)
        elif 0xDC80 <= o <= 0xDCFF:
            out.append(f"\\x{o - 0xDC00:02x}")
        elif ch.isprintable():
            out.append(ch)
        elif ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif o < 0x20 or o == 0x7F:
            out.append(f"\\x{o:02x}")
        elif o < 0x10000:
            out.append(f"\\u{o:04x}")
        else:
            out.append(f"\\U{o:08x}")
    out.append('"')
    return "".join(out)


def format_float_g(v: float) -> str:
    """``strconv.FormatFloat(v, 'g', -1, 64)``, which is also ``%v`` of a float64: the
    shortest digits that round-trip, in exponent form when the decimal exponent is below -4
    or at least 6 (``1e+06``, ``123456``, ``1e-05``, ``0.0001``)."""
    if v != v:
        return "NaN"
    if v in (float("inf"), float("-inf")):
        return "+Inf" if v > 0 else "-Inf"
    if v == 0:
        return "-0" if str(v).startswith("-") else "0"
    sign = "-" if v < 0 else ""
    mantissa, _, exp_text = f"{abs(v)!r}".partition("e")
    digits = mantissa.replace(".", "")
    point = mantissa.find(".") if "." in mantissa else len(mantissa)
    exp = point - 1 + (int(exp_text) if exp_text else 0)
    stripped = digits.lstrip("0")
    exp -= len(digits) - len(stripped)
    digits = stripped.rstrip("0") or "0"
    if exp < -4 or exp >= 6:
        body = digits[0] + ("." + digits[1:] if len(digits) > 1 else "")
        return f"{sign}{body}e{'-' if exp < 0 else '+'}{abs(exp):02d}"
    if exp < 0:
        return f"{sign}0.{'0' * (-exp - 1)}{digits}"
    if exp + 1 >= len(digits):
        return sign + digits + "0" * (exp + 1 - len(digits))
    return f"{sign}{digits[: exp + 1]}.{digits[exp + 1 :]}"

"""Go literal syntax as text/template reads it: string and character constants, numbers.

Hand-written because Python's ``ast.literal_eval`` and ``int``/``float`` accept another syntax
(Python escapes, ``0777`` rejected, ``1__0`` and ``_`` placements differ, no ``0x1p-2``) and know
nothing of Go's quirks that templates can see: ``089`` is an "integer overflow", ``'\\xff'`` is a
byte, ``1e400`` is illegal, complex constants go through ``fmt.Sscan``.

:func:`unquote` and :func:`unquote_char` are ``strconv.Unquote`` and ``strconv.UnquoteChar``;
:func:`number_node` is the parser's ``newNumber``. Go strings are ``str`` with stray bytes as
surrogate escapes (``errors="surrogateescape"``), so ``"\\xff"`` unquotes to ``"\\udcff"``.
"""

from __future__ import annotations

import re
from typing import Final

from chartist.gotemplate.lex import CHAR_CONSTANT, COMPLEX
from chartist.gotemplate.nodes import NumberNode
from chartist.gotemplate.strconv import from_utf8, quote, to_utf8

__all__ = ["NumberError", "number_node", "unquote", "unquote_char"]

_SIMPLE_ESCAPES: Final = {
    "a": 7,
    "b": 8,
    "f": 12,
    "n": 10,
    "r": 13,
    "t": 9,
    "v": 11,
    "\\": 92,
}
_HEX_DIGITS: Final = frozenset("0123456789abcdefABCDEF")
_ESCAPE_LEN: Final = {"x": 2, "u": 4, "U": 8}
_STRAY_BYTE = re.compile("[\udc80-\udcff]")  # invalid UTF-8, as surrogateescape keeps it


def unquote_char(s: str, quote_char: str) -> tuple[int, bool, str] | None:
    """Go's strconv.UnquoteChar: (value, multibyte, tail), or None for invalid syntax.

    A ``\\x`` or octal escape gives a byte value (multibyte false); the caller decides how to
    store it.
    """
    if not s:
        return None
    c = s[0]
    if c == quote_char and quote_char in "'\"":
        return None
    if c != "\\":
        if "\udc80" <= c <= "\udcff":  # a stray byte decodes as utf8.RuneError
            return 0xFFFD, True, s[1:]
        return ord(c), ord(c) >= 0x80, s[1:]
    if len(s) <= 1:
        return None
    c = s[1]
    rest = s[2:]
    if c in _SIMPLE_ESCAPES:
        return _SIMPLE_ESCAPES[c], False, rest
    if c in _ESCAPE_LEN:
        size = _ESCAPE_LEN[c]
        digits = rest[:size]
        if len(digits) < size or not all(h in _HEX_DIGITS for h in digits):
            return None
        v = int(digits, 16)
        if c == "x":
            return v, False, rest[size:]
        if v > 0x10FFFF or 0xD800 <= v <= 0xDFFF:
            return None
        return v, True, rest[size:]
    if "0" <= c <= "7":
        digits = rest[:2]
        if len(digits) < 2 or not all("0" <= o <= "7" for o in digits):
            return None
        v = int(c + digits, 8)
        if v > 255:
            return None
        return v, False, rest[2:]
    if c in "'\"":
        if c != quote_char:
            return None
        return ord(c), False, rest
    return None


def unquote(s: str) -> str | None:
    """Go's strconv.Unquote for ``"..."`` and ```...``` literals; None for invalid syntax."""
    if len(s) < 2 or s[0] != s[-1]:
        return None
    q = s[0]
    body = s[1:-1]
    if q == "`":
        if "`" in body:
            return None
        return body.replace("\r", "") if "\r" in body else body
    if q != '"':
        return None
    if "\\" not in body and (body.isascii() or not _STRAY_BYTE.search(body)):
        if '"' in body or "\n" in body:
            return None
        return body
    buf = bytearray()
    rest = body
    while rest:
        # The text up to the next escape in one piece (what unquote_char would give per character).
        i = rest.find("\\")
        if i != 0:
            seg = rest if i < 0 else rest[:i]
            if '"' in seg or "\n" in seg:
                return None
            buf += seg.encode() if seg.isascii() else to_utf8(_STRAY_BYTE.sub("\ufffd", seg))
            if i < 0:
                break
            rest = rest[i:]
        r = unquote_char(rest, '"')
        if r is None:
            return None
        value, multibyte, rest = r
        if multibyte:
            buf += to_utf8(chr(value))
        else:
            buf.append(value)  # ASCII, or a byte from \x or octal
    return from_utf8(buf)


class NumberError(ValueError):
    """A literal Go rejects; str() is Go's message."""


_INT64_MIN = -(1 << 63)
_INT64_LIMIT = 1 << 63
_UINT64_LIMIT = 1 << 64
_BASE_DIGITS = {2: frozenset("01"), 8: frozenset("01234567"), 10: frozenset("0123456789")}
_BASE_DIGITS[16] = frozenset("0123456789abcdefABCDEF")
_DECIMAL = frozenset("0123456789")


def number_node(text: str, typ: int, pos: int, line: int, col: int) -> NumberNode:
    """Go's Tree.newNumber for a NUMBER, COMPLEX or CHAR_CONSTANT item: every reading of the
    literal (int64, uint64, float64, complex128). Raises NumberError with Go's message."""
    if typ == CHAR_CONSTANT:
        r = unquote_char(text[1:], text[0])
        if r is None:
            raise NumberError("invalid syntax")
        if r[2] != "'":
            raise NumberError(f"malformed character constant: {text}")
        v = r[0]
        return NumberNode(text, True, True, True, False, v, v, float(v), pos=pos, line=line, col=col)
    if typ == COMPLEX:
        return _complex_node(text, _scan_complex(text), pos, line, col)
    if text.endswith("i"):  # imaginary: only complex, unless zero
        f, _ = _parse_float(text[:-1])
        if f is not None:
            return _complex_node(text, complex(0, f), pos, line, col)
    u = _parse_uint(text)
    i = _parse_int(text)
    is_uint = u is not None
    is_int = i is not None
    if i == 0:
        is_uint = True  # -0
    fv = 0.0
    is_float = False
    if i is not None:
        is_float, fv = True, float(i)
    elif u is not None:
        is_float, fv = True, float(u)
    else:
        f, _ = _parse_float(text)
        if f is not None:
            if not any(c in text for c in ".eEpP"):
                raise NumberError(f"integer overflow: {quote(text)}")
            is_float, fv = True, f
            if _fits_int64(f):
                is_int, i = True, int(f)
            if _fits_uint64(f):
                is_uint, u = True, int(f)
    if not (is_int or is_uint or is_float):
        raise NumberError(f"illegal number syntax: {quote(text)}")
    return NumberNode(text, is_int, is_uint, is_float, False, i or 0, u or 0, fv, pos=pos, line=line, col=col)


def _complex_node(text: str, c: complex, pos: int, line: int, col: int) -> NumberNode:
    """Go's simplifyComplex: a zero imaginary part also makes it a float (and maybe integer)."""
    if c.imag != 0:
        return NumberNode(text, is_complex=True, complex_value=c, pos=pos, line=line, col=col)
    f = c.real
    is_int, is_uint = _fits_int64(f), _fits_uint64(f)
    return NumberNode(
        text,
        is_int,
        is_uint,
        True,
        True,
        int(f) if is_int else 0,
        int(f) if is_uint else 0,
        f,
        c,
        pos=pos,
        line=line,
        col=col,
    )


def _fits_int64(f: float) -> bool:
    """float64(int64(f)) == f, as Go computes it on amd64."""
    return f.is_integer() and _INT64_MIN <= f < _INT64_LIMIT


def _fits_uint64(f: float) -> bool:
    """float64(uint64(f)) == f, as Go computes it on amd64 (-0 included)."""
    return f.is_integer() and 0 <= f < _UINT64_LIMIT


def _underscore_ok(s: str) -> bool:
    """Go's underscoreOK: underscores only between digits (or after a base prefix)."""
    saw = "^"
    i = 0
    if s[:1] in ("+", "-"):
        s = s[1:]
    hexa = False
    if len(s) >= 2 and s[0] == "0" and s[1] in "bBoOxX":
        i, saw, hexa = 2, "0", s[1] in "xX"
    for c in s[i:]:
        if c in _DECIMAL or (hexa and c in "abcdefABCDEF"):
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


def _parse_uint(s: str) -> int | None:
    """strconv.ParseUint(s, 0, 64), None on any error."""
    if not s:
        return None
    s0 = s
    base = 10
    if s[0] == "0":
        if len(s) >= 3 and s[1] in "bBoOxX":
            base = {"b": 2, "o": 8, "x": 16}[s[1].lower()]
            s = s[2:]
        else:
            base, s = 8, s[1:]
    digits = _BASE_DIGITS[base]
    if not all(c in digits or c == "_" for c in s):
        return None
    if "_" in s:
        if not _underscore_ok(s0):
            return None
        s = s.replace("_", "")
    v = int(s, base) if s else 0
    return v if v < _UINT64_LIMIT else None


def _parse_int(s: str) -> int | None:
    """strconv.ParseInt(s, 0, 64), None on any error."""
    neg = s[:1] == "-"
    if s[:1] in ("+", "-"):
        s = s[1:]
    u = _parse_uint(s)
    if u is None:
        return None
    if neg:
        return -u if u <= _INT64_LIMIT else None
    return u if u < _INT64_LIMIT else None


def _parse_float(s: str) -> tuple[float | None, str]:
    """strconv.ParseFloat(s, 64) for Go literal syntax: (value, "") or (None, reason)."""
    n = len(s)
    i = 1 if s[:1] in ("+", "-") else 0
    hexa = i + 2 < n and s[i] == "0" and s[i + 1] in "xX"
    if hexa:
        i += 2
    saw_dot = saw_digits = False
    while i < n:
        c = s[i]
        if c == ".":
            if saw_dot:
                break
            saw_dot = True
        elif c in _DECIMAL or (hexa and c in "abcdefABCDEF"):
            saw_digits = True
        elif c != "_":
            break
        i += 1
    if not saw_digits:
        return None, "invalid syntax"
    if i < n and s[i] in ("pP" if hexa else "eE"):
        i += 1
        if i < n and s[i] in "+-":
            i += 1
        if i >= n or s[i] not in _DECIMAL:
            return None, "invalid syntax"
        while i < n and (s[i] in _DECIMAL or s[i] == "_"):
            i += 1
    elif hexa:
        return None, "invalid syntax"  # a hex mantissa needs a p exponent
    if i != n or ("_" in s and not _underscore_ok(s)):
        return None, "invalid syntax"
    clean = s.replace("_", "")
    try:
        f = float.fromhex(clean) if hexa else float(clean)
    except OverflowError:
        return None, "value out of range"
    if f in (float("inf"), float("-inf")):
        return None, "value out of range"
    return f, ""


def _float_token(s: str, i: int) -> int:
    """End of fmt's floatToken from i (fmt.Sscan's scanner, partial accepts included)."""
    n = len(s)

    def accept(chars: str) -> bool:
        nonlocal i
        if i < n and s[i] in chars:
            i += 1
            return True
        return False

    if accept("nN") and accept("aA") and accept("nN"):
        return i
    accept("+-")
    if accept("iI") and accept("nN") and accept("fF"):
        return i
    digits, exp = "0123456789_", "eEpP"
    if accept("0") and accept("xX"):
        digits, exp = "0123456789abcdefABCDEF_", "pP"
    while accept(digits):
        pass
    if accept("."):
        while accept(digits):
            pass
    if accept(exp):
        accept("+-")
        while accept("0123456789_"):
            pass
    return i


def _scan_complex(text: str) -> complex:
    """fmt.Sscan(text, &complex128), as newNumber uses it for ``1+2i``."""
    e = _float_token(text, 0)
    real = text[:e]
    if e >= len(text) or text[e] not in "+-":
        raise NumberError("syntax error scanning complex number")
    e2 = _float_token(text, e + 1)
    imag = text[e:e2]
    if text[e2 : e2 + 1] != "i":
        raise NumberError("syntax error scanning complex number")
    parts = []
    for part in (real, imag):
        f, why = _parse_float(part)
        if f is None:
            raise NumberError(f"strconv.ParseFloat: parsing {quote(part)}: {why}")
        parts.append(f)
    return complex(parts[0], parts[1])

"""Go's ``strconv`` formatting, as ``fmt``, ``encoding/json`` and the YAML emitters use it.

Hand-written because Python's float formatting picks other layouts than Go's (``1e+06`` not
``1000000.0``, ``+Inf``, shortest ``%e``), its ``repr`` escapes differently from Go's ``Quote``,
and ``str.isprintable`` is not Go's ``IsPrint``. Digits come from Python (``repr`` is the same
shortest round-trip as Go's Ryu; ``%.Ne``/``%.Nf`` round exactly, half to even, as Go does);
the layout around them is Go's.

A Go string is a ``str`` in which bytes that are not valid UTF-8 appear as surrogate escapes
(``errors="surrogateescape"``), so they quote as ``\\xHH`` as in Go.
"""

from __future__ import annotations

import math
import re
import struct
import unicodedata

__all__ = [
    "can_backquote",
    "format_float",
    "format_int",
    "from_utf8",
    "is_print",
    "json_float",
    "quote",
    "quote_rune",
    "quote_rune_to_ascii",
    "quote_to_ascii",
    "to_utf8",
    "valid_rune",
]

MAX_RUNE = 0x10FFFF
RUNE_ERROR = 0xFFFD
_MASK64 = (1 << 64) - 1

# Code points Go 1.26 (Unicode 15.0) prints but Python 3.11's unicodedata (14.0) does not know:
# measured by printing every rune with %q through Helm v4.
_UNICODE15_PRINT = (
    (0x0CF3, 0x0CF3), (0x0ECE, 0x0ECE), (0x10EFD, 0x10EFF), (0x1123F, 0x11241),
    (0x11B00, 0x11B09), (0x11F00, 0x11F10), (0x11F12, 0x11F3A), (0x11F3E, 0x11F59),
    (0x1342F, 0x1342F), (0x13440, 0x13455), (0x1B132, 0x1B132), (0x1B155, 0x1B155),
    (0x1D2C0, 0x1D2D3), (0x1DF25, 0x1DF2A), (0x1E030, 0x1E06D), (0x1E08F, 0x1E08F),
    (0x1E4D0, 0x1E4F9), (0x1F6DC, 0x1F6DC), (0x1F774, 0x1F776), (0x1F77B, 0x1F77F),
    (0x1F7D9, 0x1F7D9), (0x1FA75, 0x1FA77), (0x1FA87, 0x1FA88), (0x1FAAD, 0x1FAAF),
    (0x1FABB, 0x1FABD), (0x1FABF, 0x1FABF), (0x1FACE, 0x1FACF), (0x1FADA, 0x1FADB),
    (0x1FAE8, 0x1FAE8), (0x1FAF7, 0x1FAF8), (0x2B739, 0x2B739), (0x31350, 0x323AF),
)  # fmt: skip


# ---------------------------------------------------------------------------------------------
# IsPrint, Quote, CanBackquote


def is_print(r: int) -> bool:
    """Go's ``strconv.IsPrint``: letters, marks, numbers, punctuation, symbols and ASCII space."""
    if r <= 0xFF:
        return 0x20 <= r <= 0x7E or (0xA1 <= r <= 0xFF and r != 0xAD)
    if r > MAX_RUNE or 0xD800 <= r <= 0xDFFF:
        return False
    cat = unicodedata.category(chr(r))
    if cat[0] in "LMNPS":
        return True
    return cat == "Cn" and any(lo <= r <= hi for lo, hi in _UNICODE15_PRINT)


_SIMPLE_ESCAPES = {7: "\\a", 8: "\\b", 12: "\\f", 10: "\\n", 13: "\\r", 9: "\\t", 11: "\\v"}
_ASCII_NEEDS_QUOTING = re.compile(r'[\x00-\x1f"\\\x7f]')


def _raw_bytes(ch: str) -> bytes:
    """The bytes a lone surrogate stands for (surrogate escapes are invalid UTF-8 bytes)."""
    if "\udc80" <= ch <= "\udcff":
        return bytes((ord(ch) - 0xDC00,))
    return ch.encode("utf-8", "surrogatepass")


def _quote_with(s: str, q: str, ascii_only: bool) -> str:
    out = [q]
    for ch in s:
        c = ord(ch)
        if ch == q or ch == "\\":
            out.append("\\" + ch)
        elif 0xD800 <= c <= 0xDFFF:  # invalid UTF-8: each byte as \xHH
            out.extend(f"\\x{b:02x}" for b in _raw_bytes(ch))
        elif (c < 0x80 or not ascii_only) and is_print(c):
            out.append(ch)
        elif c in _SIMPLE_ESCAPES:
            out.append(_SIMPLE_ESCAPES[c])
        elif c < 0x20 or c == 0x7F:
            out.append(f"\\x{c:02x}")
        elif c < 0x10000:
            out.append(f"\\u{c:04x}")
        else:
            out.append(f"\\U{c:08x}")
    out.append(q)
    return "".join(out)


def quote(s: str) -> str:
    """Go's ``strconv.Quote``: a double-quoted Go literal, non-printables escaped."""
    if s.isascii() and not _ASCII_NEEDS_QUOTING.search(s):
        return f'"{s}"'
    return _quote_with(s, '"', False)


def quote_to_ascii(s: str) -> str:
    """Go's ``strconv.QuoteToASCII``: like :func:`quote` with every non-ASCII rune escaped."""
    if s.isascii() and not _ASCII_NEEDS_QUOTING.search(s):
        return f'"{s}"'
    return _quote_with(s, '"', True)


def valid_rune(r: int) -> int:
    """R if it is a Unicode scalar value, else U+FFFD (as Go encodes invalid runes)."""
    return RUNE_ERROR if r < 0 or r > MAX_RUNE or 0xD800 <= r <= 0xDFFF else r


def quote_rune(r: int) -> str:
    """Go's ``strconv.QuoteRune``: a single-quoted Go character literal (invalid -> U+FFFD)."""
    return _quote_with(chr(valid_rune(r)), "'", False)


def quote_rune_to_ascii(r: int) -> str:
    """Go's ``strconv.QuoteRuneToASCII``."""
    return _quote_with(chr(valid_rune(r)), "'", True)


def can_backquote(s: str) -> bool:
    """Go's ``strconv.CanBackquote``: one line, no control characters but tab, no BOM, valid UTF-8."""
    for ch in s:
        c = ord(ch)
        if (c < 0x20 and c != 9) or c == 0x60 or c == 0x7F or c == 0xFEFF or 0xD800 <= c <= 0xDFFF:
            return False
    return True


def to_utf8(s: str) -> bytes:
    """The bytes of Go string S (surrogate escapes back to the invalid bytes they stand for)."""
    try:
        return s.encode("utf-8")
    except UnicodeEncodeError:
        return b"".join(_raw_bytes(ch) if "\ud800" <= ch <= "\udfff" else ch.encode() for ch in s)


def from_utf8(b: bytes | bytearray) -> str:
    """Go's ``string(b)``: invalid UTF-8 bytes become surrogate escapes."""
    return bytes(b).decode("utf-8", "surrogateescape")


# ---------------------------------------------------------------------------------------------
# FormatFloat, FormatInt, encoding/json's float


def _shortest(a: float) -> tuple[str, int]:
    """Shortest round-tripping decimal digits of finite A >= 0 and the decimal point position.

    Python's repr() picks the same digits as Go's Ryu shortest; value = 0.DIGITS * 10**dp.
    """
    mant, _, e = repr(a).partition("e")
    ip, _, fp = mant.partition(".")
    digits = ip + fp
    dp = len(ip) + (int(e) if e else 0)
    stripped = digits.lstrip("0")
    dp -= len(digits) - len(stripped)
    digits = stripped.rstrip("0")
    return digits, (dp if digits else 0)


def _fmt_e(neg: bool, digits: str, dp: int, prec: int, ech: str) -> str:
    first = digits[0] if digits else "0"
    frac = ("." + digits[1 : prec + 1].ljust(prec, "0")) if prec > 0 else ""
    exp = dp - 1 if digits else 0
    sign = "-" if exp < 0 else "+"
    return f"{'-' if neg else ''}{first}{frac}{ech}{sign}{abs(exp):02d}"


def _fmt_f(neg: bool, digits: str, dp: int, prec: int) -> str:
    ip = (digits[:dp].ljust(dp, "0")) if dp > 0 else "0"
    if prec > 0:
        fp = (("0" * -dp + digits) if dp < 0 else digits[dp:])[:prec].ljust(prec, "0")
        return f"{'-' if neg else ''}{ip}.{fp}"
    return f"{'-' if neg else ''}{ip}"


def _fmt_b(f: float, bitsize: int) -> str:
    if bitsize == 32:
        bits = struct.unpack("<I", struct.pack("<f", f))[0]
        neg, exp, mant, mbits, bias = bits >> 31, (bits >> 23) & 0xFF, bits & 0x7FFFFF, 23, -127
    else:
        bits = struct.unpack("<Q", struct.pack("<d", f))[0]
        neg, exp, mant, mbits, bias = bits >> 63, (bits >> 52) & 0x7FF, bits & ((1 << 52) - 1), 52, -1023
    if exp == 0:
        exp += 1
    else:
        mant |= 1 << mbits
    e = exp + bias - mbits
    return f"{'-' if neg else ''}{mant}p{'+' if e >= 0 else ''}{e}"


def _fmt_x(f: float, prec: int, fmt: str) -> str:
    neg = math.copysign(1.0, f) < 0
    mant, exp = 0, 0
    if f != 0:
        m, e = math.frexp(abs(f))
        mant, exp = int(m * (1 << 53)) << 8, e - 1  # leading 1 at bit 60, value = 1.x * 2**exp
    if 0 <= prec < 15:
        shift = prec * 4
        extra = (mant << shift) & ((1 << 60) - 1)
        mant >>= 60 - shift
        if extra | (mant & 1) > 1 << 59:  # round half to even
            mant += 1
        mant <<= 60 - shift
        if mant & (1 << 61):
            mant >>= 1
            exp += 1
    hexd = "0123456789ABCDEF" if fmt == "X" else "0123456789abcdef"
    out = ["-" if neg else "", "0", fmt, str((mant >> 60) & 1)]
    mant = (mant << 4) & _MASK64
    if (prec < 0 and mant) or prec > 0:
        out.append(".")
        n = 0
        while (prec < 0 and mant) or n < prec:
            out.append(hexd[(mant >> 60) & 15])
            mant = (mant << 4) & _MASK64
            n += 1
    out.append("P" if fmt == "X" else "p")
    out.append(f"{'-' if exp < 0 else '+'}{abs(exp):02d}")
    return "".join(out)


def _to_float32(x: float) -> float:
    """Go's ``float32(x)``: round to the nearest float32, overflowing to an infinity."""
    try:
        return float(struct.unpack("<f", struct.pack("<f", x))[0])
    except OverflowError:
        return math.copysign(math.inf, x)


def _shortest32(a: float) -> tuple[str, int]:
    """Shortest digits that read back as the same float32 (A >= 0, already a float32 value)."""
    if a == 0:
        return "", 0
    for p in range(1, 10):
        s = f"{a:.{p - 1}e}"
        if _to_float32(float(s)) == a:
            return _shortest(float(s))
    return _shortest(a)  # pragma: no cover - 9 digits always suffice


def format_float(f: float, fmt: str = "g", prec: int = -1, bitsize: int = 64) -> str:
    """Go's ``strconv.FormatFloat(f, fmt, prec, bitsize)``.

    FMT is one of ``b e E f g G x X``; PREC -1 means the fewest digits that read back exactly.
    NaN and infinities give ``NaN``, ``+Inf``, ``-Inf``; an unknown FMT gives ``%`` + FMT.
    """
    if bitsize == 32:
        f = _to_float32(f)
    if f != f:
        return "NaN"
    if f in (math.inf, -math.inf):
        return "+Inf" if f > 0 else "-Inf"
    if fmt == "b":
        return _fmt_b(f, bitsize)
    if fmt in ("x", "X"):
        return _fmt_x(f, prec, fmt)
    if prec >= 0:
        if fmt in ("e", "E", "f", "g", "G"):
            return f"%.{prec}{fmt}" % f  # Python rounds correctly, half to even, like Go
        return "%" + fmt
    neg = math.copysign(1.0, f) < 0
    digits, dp = _shortest32(abs(f)) if bitsize == 32 else _shortest(abs(f))
    nd = len(digits)
    if fmt in ("e", "E"):
        return _fmt_e(neg, digits, dp, max(nd - 1, 0), fmt)
    if fmt == "f":
        return _fmt_f(neg, digits, dp, max(nd - dp, 0))
    if fmt in ("g", "G"):
        exp = dp - 1
        if exp < -4 or exp >= 6:  # shortest %g switches to %e at the precision of 6
            return _fmt_e(neg, digits, dp, max(nd - 1, 0), "e" if fmt == "g" else "E")
        return _fmt_f(neg, digits, dp, max(nd - dp, 0))
    return "%" + fmt


def format_int(i: int, base: int = 10) -> str:
    """Go's ``strconv.FormatInt``: lower-case digits, ``-`` for negatives, base 2 to 36."""
    if base == 10:
        return str(i)
    if not 2 <= base <= 36:
        raise ValueError("strconv: illegal AppendInt/FormatInt base")
    n, out = abs(i), []
    while True:
        n, d = divmod(n, base)
        out.append("0123456789abcdefghijklmnopqrstuvwxyz"[d])
        if not n:
            break
    return ("-" if i < 0 else "") + "".join(reversed(out))


def json_float(f: float) -> str:
    """A float64 as Go's ``encoding/json`` writes it.

    Shortest digits in ``f`` layout, or in ``e`` layout when ``|f| < 1e-6`` or ``|f| >= 1e21``,
    with a one-digit negative exponent written without its leading zero (``1e-07`` -> ``1e-7``):
    ``1`` -> ``1``, ``1e6`` -> ``1000000``, ``1e21`` -> ``1e+21``, ``-0.0`` -> ``-0``.
    Raises ValueError(``json: unsupported value: NaN``) for NaN and infinities, as Go fails.
    """
    if f != f or f in (math.inf, -math.inf):
        raise ValueError("json: unsupported value: " + format_float(f))
    a = abs(f)
    if a != 0 and (a < 1e-6 or a >= 1e21):
        s = format_float(f, "e")
        if s[-4:-1] == "e-0":
            s = s[:-2] + s[-1]
        return s
    return format_float(f, "f")

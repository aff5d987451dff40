"""Go's ``time.Duration``: printing (``1h2m3.5s``), ``ParseDuration`` and ``Round``.

Hand-written because Python has no Go-compatible duration syntax; Sprig's ``duration``,
``durationRound``, ``dateModify`` and ``ago`` expose Go's exactly.
"""

from __future__ import annotations

from chartist.gotemplate.values import INT64, STRING, GoObject, Int64, method

__all__ = [
    "HOUR",
    "MICROSECOND",
    "MILLISECOND",
    "MINUTE",
    "SECOND",
    "Duration",
    "DurationError",
    "format_duration",
    "parse_duration",
    "round_duration",
    "tquote",
]

NANOSECOND = 1
MICROSECOND = 1000
MILLISECOND = 1000 * MICROSECOND
SECOND = 1000 * MILLISECOND
MINUTE = 60 * SECOND
HOUR = 60 * MINUTE
MIN_DURATION = -(1 << 63)
MAX_DURATION = (1 << 63) - 1


# --- printing and parsing ------------------------------------------------------------------------------


def _fmt_frac(v: int, prec: int) -> tuple[str, int]:
    digits = []
    printed = False
    for _ in range(prec):
        digit = v % 10
        printed = printed or digit != 0
        if printed:
            digits.append(str(digit))
        v //= 10
    frac = "." + "".join(reversed(digits)) if printed else ""
    return frac, v


def format_duration(d: int) -> str:
    """Go's Duration.String: ``1h2m3.5s``, ``1.5ms``, ``0s``."""
    neg = d < 0
    u = -d if neg else d
    if u < SECOND:
        if u == 0:
            return "0s"
        if u < MICROSECOND:
            prec, unit = 0, "ns"
        elif u < MILLISECOND:
            prec, unit = 3, "µs"
        else:
            prec, unit = 6, "ms"
        frac, u = _fmt_frac(u, prec)
        out = f"{u}{frac}{unit}"
    else:
        frac, u = _fmt_frac(u, 9)
        out = f"{u % 60}{frac}s"
        u //= 60
        if u > 0:
            out = f"{u % 60}m{out}"
            u //= 60
            if u > 0:
                out = f"{u}h{out}"
    return "-" + out if neg else out


_UNITS = {"ns": 1, "us": MICROSECOND, "µs": MICROSECOND, "μs": MICROSECOND, "ms": MILLISECOND, "s": SECOND}
_UNITS.update({"m": MINUTE, "h": HOUR})


class DurationError(ValueError):
    """ParseDuration failed; ``str()`` is Go's message (``time: invalid duration "x"``)."""


def tquote(s: str) -> str:
    """The time package's own quoting: non-ASCII and control bytes as \\x escapes."""
    out = ['"']
    for ch in s:
        o = ord(ch)
        if o < 0x20 or o >= 0x80:
            raw = ch.encode("utf-8", "surrogateescape")
            out.extend(f"\\x{b:02x}" for b in raw)
        else:
            out.append("\\" + ch if ch in '"\\' else ch)
    out.append('"')
    return "".join(out)


def parse_duration(text: str) -> int:
    """Go's ParseDuration: ``[-+]?([0-9]*(\\.[0-9]*)?[a-z]+)+`` -> nanoseconds.

    Raises DurationError with Go's messages (invalid duration, missing unit, unknown unit).
    """
    s = text
    invalid = DurationError("time: invalid duration " + tquote(text))
    neg = False
    if s and s[0] in "+-":
        neg = s[0] == "-"
        s = s[1:]
    if s == "0":
        return 0
    if not s:
        raise invalid
    total = 0
    while s:
        if not (s[0] == "." or "0" <= s[0] <= "9"):
            raise invalid
        i = 0
        while i < len(s) and "0" <= s[i] <= "9":
            i += 1
        whole = int(s[:i]) if i else 0
        if whole > 1 << 63:
            raise invalid
        pre = i > 0
        s = s[i:]
        frac, scale, post = 0, 1, False
        if s.startswith("."):
            s = s[1:]
            j = 0
            while j < len(s) and "0" <= s[j] <= "9":
                # Digits beyond int64 precision are read but ignored, as Go does.
                if frac <= ((1 << 63) - 1) // 10:
                    frac, scale = frac * 10 + int(s[j]), scale * 10
                j += 1
            post = j > 0
            s = s[j:]
        if not pre and not post:
            raise invalid
        j = 0
        while j < len(s) and not (s[j] == "." or "0" <= s[j] <= "9"):
            j += 1
        if j == 0:
            raise DurationError("time: missing unit in duration " + tquote(text))
        unit_name, s = s[:j], s[j:]
        unit = _UNITS.get(unit_name)
        if unit is None:
            raise DurationError(f"time: unknown unit {tquote(unit_name)} in duration {tquote(text)}")
        if whole > (1 << 63) // unit:
            raise invalid
        v = whole * unit
        if frac:
            # float64 keeps fractions of hours nanosecond-accurate, as in Go.
            v += int(float(frac) * (float(unit) / scale))
            if v > 1 << 63:
                raise invalid
        total += v
        if total > 1 << 63:
            raise invalid
    if neg:
        return -total
    if total > (1 << 63) - 1:
        raise invalid
    return total


def round_duration(d: int, m: int) -> int:
    """Go's Duration.Round: to the nearest multiple of M, halves away from zero."""
    if m <= 0:
        return d
    r = abs(d) % m
    if d < 0:
        if r + r < m:
            return d + r
        d1 = d - m + r
        return d1 if d1 < d and d1 >= MIN_DURATION else MIN_DURATION
    if r + r < m:
        return d - r
    d1 = d + m - r
    return d1 if d1 <= MAX_DURATION else MAX_DURATION


class Duration(GoObject):
    """A Go ``time.Duration`` (int64 nanoseconds); prints as ``1h0m0s``."""

    go_type = "time.Duration"
    go_kind = "int64"
    __slots__ = ("ns",)

    def __init__(self, ns: int) -> None:
        self.ns = ns

    def __int__(self) -> int:
        return self.ns

    def __index__(self) -> int:
        return self.ns

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Duration) and other.ns == self.ns

    def __hash__(self) -> int:
        return hash(self.ns)

    def __str__(self) -> str:
        return format_duration(self.ns)

    def __repr__(self) -> str:
        return f"Duration({self.ns})"

    @method(result=STRING)
    def String(self) -> str:
        return format_duration(self.ns)

    @method(result="float64")
    def Seconds(self) -> float:
        return self.ns / SECOND

    @method(result="float64")
    def Minutes(self) -> float:
        return self.ns / MINUTE

    @method(result="float64")
    def Hours(self) -> float:
        return self.ns / HOUR

    @method(result=INT64)
    def Nanoseconds(self) -> Int64:
        return Int64(self.ns)

    @method(result=INT64)
    def Milliseconds(self) -> Int64:
        return Int64(int(self.ns / MILLISECOND))

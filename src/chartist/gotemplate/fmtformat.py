"""The flags-and-padding half of Go's fmt (format.go): one directive's state and basic values.

:class:`Printer` holds the output and the flags of the directive being printed, and formats
integers, floats, strings and bytes under them exactly as Go's ``fmt`` type does (zero padding
only on the left, sign before zeros, ``%.0d`` of 0 prints nothing, NaN never zero padded, ``%#g``
keeps trailing zeros). Deciding what to print for an operand is :mod:`.fmt`'s part.
"""

from __future__ import annotations

from chartist.gotemplate.strconv import can_backquote, format_float, is_print, quote, quote_to_ascii

__all__ = ["Printer"]


class Printer:
    """Output buffer and the flags of the directive being printed (Go's ``pp`` + ``fmt``)."""

    __slots__ = (
        "buf",
        "erroring",
        "minus",
        "plus",
        "plus_v",
        "prec",
        "prec_present",
        "sharp",
        "sharp_v",
        "space",
        "wid",
        "wid_present",
        "zero",
    )

    def __init__(self) -> None:
        self.buf: list[str] = []
        self.erroring = False
        self.clear_flags()

    def clear_flags(self) -> None:
        self.wid = self.prec = 0
        self.wid_present = self.prec_present = False
        self.minus = self.plus = self.sharp = self.space = self.zero = False
        self.plus_v = self.sharp_v = False

    # -- padding ----------------------------------------------------------------------------

    def write_padding(self, n: int) -> None:
        if n > 0:
            self.buf.append(("0" if self.zero else " ") * n)

    def pad(self, s: str) -> None:
        """Append S padded to the width with spaces (zeros under ``0``), left unless ``-``."""
        if not self.wid_present or self.wid == 0:
            self.buf.append(s)
            return
        n = self.wid - len(s)
        if n <= 0:
            self.buf.append(s)
        elif self.minus:
            self.buf.append(s + " " * n)
        else:
            self.buf.append(("0" if self.zero else " ") * n + s)

    # -- basic kinds (Go's fmt methods) -----------------------------------------------------

    def fmt_integer(self, v: int, base: int, verb: str, upper: bool = False) -> None:
        neg = v < 0
        u = int(-v if neg else v)  # a plain int: Int64's str() is its repr
        prec = 0
        if self.prec_present:
            prec = self.prec
            if prec == 0 and u == 0:  # %.0d of 0 prints nothing but the padding
                zero, self.zero = self.zero, False
                self.write_padding(self.wid)
                self.zero = zero
                return
        elif self.zero and self.wid_present:
            prec = self.wid - (1 if neg or self.plus or self.space else 0)
        if base == 10:
            s = str(u)
        elif base == 16:
            s = f"{u:X}" if upper else f"{u:x}"
        elif base == 8:
            s = f"{u:o}"
        else:
            s = f"{u:b}"
        if len(s) < prec:
            s = "0" * (prec - len(s)) + s
        if self.sharp:
            if base == 16:
                s = ("0X" if upper else "0x") + s
            elif base == 8:
                if s[0] != "0":
                    s = "0" + s
            elif base == 2:
                s = "0b" + s
        if verb == "O":
            s = "0o" + s
        if neg:
            s = "-" + s
        elif self.plus:
            s = "+" + s
        elif self.space:
            s = " " + s
        zero, self.zero = self.zero, False
        self.pad(s)
        self.zero = zero

    def fmt_0x64(self, v: int, leading0x: bool) -> None:
        sharp, self.sharp = self.sharp, leading0x
        self.fmt_integer(v, 16, "v")
        self.sharp = sharp

    def fmt_unicode(self, u: int) -> None:
        prec = self.prec if self.prec_present and self.prec > 4 else 4
        s = "U+" + f"{u:X}".rjust(prec, "0")
        if self.sharp and is_print(u):
            s += f" '{chr(u)}'"
        zero, self.zero = self.zero, False
        self.pad(s)
        self.zero = zero

    def fmt_s(self, s: str) -> None:
        if self.prec_present:
            s = s[: self.prec]
        self.pad(s)

    def fmt_q(self, s: str) -> None:
        if self.prec_present:
            s = s[: self.prec]
        if self.sharp and can_backquote(s):
            self.pad("`" + s + "`")
        else:
            self.pad(quote_to_ascii(s) if self.plus else quote(s))

    def fmt_sbx(self, b: bytes, upper: bool) -> None:
        """Hex of the bytes B: ``%x``, ``% x`` (spaced), ``%#x`` (0x prefix)."""
        n = len(b)
        if self.prec_present and self.prec < n:
            n = self.prec
        width = 2 * n
        if width <= 0:
            if self.wid_present:
                self.write_padding(self.wid)
            return
        if self.space:
            if self.sharp:
                width *= 2
            width += n - 1
        elif self.sharp:
            width += 2
        if self.wid_present and self.wid > width and not self.minus:
            self.write_padding(self.wid - width)
        h = b[:n].hex()
        if upper:
            h = h.upper()
        prefix = ("0X" if upper else "0x") if self.sharp else ""
        if self.space:
            self.buf.append(" ".join(prefix + h[i : i + 2] for i in range(0, 2 * n, 2)))
        else:
            self.buf.append(prefix + h)
        if self.wid_present and self.wid > width and self.minus:
            self.write_padding(self.wid - width)

    def fmt_float(self, v: float, verb: str, prec: int) -> None:
        if self.prec_present:
            prec = self.prec
        num = format_float(v, verb, prec)
        if num[0] in "+-":
            sign, body = num[0], num[1:]
        else:
            sign, body = "+", num
        if self.space and sign == "+" and not self.plus:
            sign = " "
        if body[0] in "IN":  # Inf and NaN are never zero padded; NaN has no sign unless asked
            zero, self.zero = self.zero, False
            self.pad(body if body[0] == "N" and not self.space and not self.plus else sign + body)
            self.zero = zero
            return
        if self.sharp and verb != "b":
            body = _sharp_float(body, verb, prec)
        if self.plus or sign != "+":
            if self.zero and self.wid_present and self.wid > len(body) + 1:
                self.buf.append(sign)
                self.write_padding(self.wid - len(body) - 1)
                self.buf.append(body)
            else:
                self.pad(sign + body)
            return
        self.pad(body)


def _sharp_float(body: str, verb: str, prec: int) -> str:
    """``%#``: keep a decimal point, and for %g/%#x restore trailing zeros to the precision."""
    digits = 0
    if verb in ("v", "g", "G", "x"):
        digits = 6 if prec == -1 else prec
    tail = ""
    has_point = saw_nonzero = False
    for i, ch in enumerate(body):
        if ch == ".":
            has_point = True
        elif ch in "pP" or (ch in "eE" and verb not in ("x", "X")):
            tail, body = body[i:], body[:i]
            break
        else:
            if ch != "0":
                saw_nonzero = True
            if saw_nonzero:  # Go counts every character after the first non-zero one
                digits -= 1
    if not has_point:
        if body == "0":
            digits -= 1
        body += "."
    if digits > 0:
        body += "0" * digits
    return body + tail

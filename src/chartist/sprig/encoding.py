"""Sprig's encoding functions (docs/encoding.md): b64enc, b64dec, b32enc, b32dec.

Strings are encoded as their UTF-8 bytes. Decoding follows Go's ``StdEncoding``: ``\\r`` and
``\\n`` are skipped, padding is required, and on bad input Sprig returns Go's error text
(``illegal base64 data at input byte 4``) as the result instead of failing. Decoded bytes that
are not UTF-8 are kept as surrogate escapes, as Go keeps them in a string.
"""

from __future__ import annotations

import base64
import binascii

from chartist.gotemplate.strconv import from_utf8, to_utf8
from chartist.gotemplate.values import GoFunc, gofunc
from chartist.sprig.gobase64 import Base64Error, std_decode

__all__ = ["FUNCS", "b32_decode"]

_B32 = {c: i for i, c in enumerate(b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")}
_PAD = 0x3D


class Base32Error(ValueError):
    """Go's base32 CorruptInputError."""

    def __init__(self, offset: int) -> None:
        super().__init__(f"illegal base32 data at input byte {offset}")


@gofunc("string", result="string")
def b64enc(s: str) -> str:
    """Standard base64 (with padding) of the UTF-8 bytes of S."""
    return base64.b64encode(to_utf8(s)).decode("ascii")


@gofunc("string", result="string")
def b64dec(s: str) -> str:
    """The text base64 S encodes, or Go's error message when S is not valid base64."""
    data = to_utf8(s)
    try:
        # Fast path: Python's strict decoder accepts exactly what Go accepts once newlines go.
        return from_utf8(binascii.a2b_base64(data.replace(b"\n", b"").replace(b"\r", b""), strict_mode=True))
    except binascii.Error:
        pass
    try:
        return from_utf8(std_decode(data))
    except Base64Error as err:
        return str(err)


@gofunc("string", result="string")
def b32enc(s: str) -> str:
    """Standard base32 (with padding) of the UTF-8 bytes of S."""
    return base64.b32encode(to_utf8(s)).decode("ascii")


def b32_decode(data: bytes) -> bytes:
    """Go's ``base32.StdEncoding.DecodeString``; raises Base32Error at Go's offset."""
    src = data.replace(b"\n", b"").replace(b"\r", b"")
    olen = len(src)
    out = bytearray()
    i = 0
    end = False
    while i < olen and not end:
        vals: list[int] = []
        while len(vals) < 8:
            if i == olen:  # input ends inside a quantum: padding is missing
                raise Base32Error(olen - len(vals))
            c = src[i]
            i += 1
            left = olen - i
            j = len(vals)
            if c == _PAD and j >= 2 and left < 8:
                if left + j < 7:
                    raise Base32Error(olen)  # not enough padding
                for k in range(7 - j):
                    if left > k and src[i + k] != _PAD:
                        raise Base32Error(olen - left + k - 1)  # incorrect padding
                end = True
                if j in (1, 3, 6):
                    raise Base32Error(olen - left - 1)
                break
            v = _B32.get(c)
            if v is None:
                raise Base32Error(olen - left - 1)
            vals.append(v)
        acc = 0
        for v in vals:
            acc = acc << 5 | v
        acc <<= 5 * (8 - len(vals))
        nbytes = {8: 5, 7: 4, 5: 3, 4: 2, 2: 1}.get(len(vals), 0)
        out += acc.to_bytes(5, "big")[:nbytes]
    return bytes(out)


@gofunc("string", result="string")
def b32dec(s: str) -> str:
    """The text base32 S encodes, or Go's error message when S is not valid base32."""
    try:
        return from_utf8(b32_decode(to_utf8(s)))
    except Base32Error as err:
        return str(err)


FUNCS: dict[str, GoFunc] = {
    "b32dec": b32dec,
    "b32enc": b32enc,
    "b64dec": b64dec,
    "b64enc": b64enc,
}

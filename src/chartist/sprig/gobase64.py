"""Go's ``base64.StdEncoding.DecodeString``, with its error positions.

Go skips ``\\r`` and ``\\n`` anywhere, requires padding, accepts non-zero trailing bits, and
reports ``illegal base64 data at input byte N`` at a position Python's ``binascii`` cannot
tell; Sprig returns that message to templates (``decryptAES``, ``b64dec``).
"""

from __future__ import annotations

__all__ = ["Base64Error", "std_decode", "std_decoded_len"]

_ALPHABET = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
_DECODE = {c: i for i, c in enumerate(_ALPHABET)}
_NL = (0x0A, 0x0D)


class Base64Error(ValueError):
    """Go's CorruptInputError; ``str()`` is ``illegal base64 data at input byte N``."""

    def __init__(self, offset: int) -> None:
        super().__init__(f"illegal base64 data at input byte {offset}")
        self.offset = offset


def std_decoded_len(n: int) -> int:
    """DecodedLen of N input bytes (the capacity Go allocates for the result)."""
    return n // 4 * 3


def _quantum(src: bytes, si: int) -> tuple[int, list[int], int | None]:
    """Decode one quantum from SI: (next index, sextets read, error offset or None)."""
    n = len(src)
    vals: list[int] = []
    while len(vals) < 4:
        if si == n:
            if not vals:
                return si, vals, None
            # Padding is required, so a short final quantum is corrupt.
            return si, vals, si - len(vals)
        c = src[si]
        si += 1
        v = _DECODE.get(c)
        if v is not None:
            vals.append(v)
            continue
        if c in _NL:
            continue
        if c != 0x3D:  # '='
            return si, vals, si - 1
        j = len(vals)
        if j in (0, 1):
            return si, vals, si - 1
        if j == 2:
            while si < n and src[si] in _NL:
                si += 1
            if si == n:
                return si, vals, n
            if src[si] != 0x3D:
                return si, vals, si - 1
            si += 1
        while si < n and src[si] in _NL:
            si += 1
        if si < n:
            return si, vals, si
        return si, vals, None
    return si, vals, None


def std_decode(text: str | bytes) -> bytes:
    """Decode TEXT as Go's StdEncoding; raises Base64Error like Go's CorruptInputError."""
    src = text.encode("utf-8", "surrogateescape") if isinstance(text, str) else text
    out = bytearray()
    si = 0
    while si < len(src):
        si, vals, err = _quantum(src, si)
        if err is not None:
            raise Base64Error(err)
        if not vals:
            break
        acc = 0
        for v in vals:
            acc = acc << 6 | v
        acc <<= 6 * (4 - len(vals))
        out += acc.to_bytes(3, "big")[: len(vals) - 1]
    return bytes(out)

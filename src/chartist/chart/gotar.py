"""Tar streams written as Go's ``archive/tar`` Writer writes them for ``helm package``.

Helm writes each chart file with a header holding only name, mode 0644, size and modification
time; Go rounds the time to the second, promotes the type to a regular file and picks USTAR
(splitting a long name at the last slash that fits the 155-byte prefix) or, for names USTAR
cannot hold (non-ASCII, too long), a PAX extended header named ``DIR/PaxHeaders.0/FILE``.
Numeric fields are zero-padded octal (device numbers included), and the stream ends with two
zero blocks and no record padding. Python's tarfile differs in each of these points (empty
device fields, ``././@PaxHeader`` names, shortest prefix split, 10 KiB records), hence this
writer.
"""

from __future__ import annotations

import math

__all__ = ["GoTarWriter", "round_mtime"]

_BLOCK = 512
_NAME, _PREFIX = 100, 155
_MAX_OCTAL_MTIME = 8**11  # what fits the 12-byte field


def round_mtime(mtime: float) -> int:
    """Go's ``Time.Round(time.Second)`` of a time in seconds (halves round up)."""
    return math.floor(mtime + 0.5)


def _octal(width: int, value: int) -> bytes:
    """Go's formatter.formatOctal: zero-padded octal leaving room for a NUL."""
    s = format(value, "o")
    pad = width - len(s) - 1
    if pad > 0:
        s = "0" * pad + s
    return s.encode().ljust(width, b"\0")[:width]


def _string(width: int, s: bytes) -> bytes:
    """Go's formatter.formatString: copied, NUL-terminated when shorter, cut when longer."""
    if len(s) > width:
        out = bytearray(s[:width])
        if out[-1:] == b"/":
            n = len(s[: width - 1].rstrip(b"/"))
            out[n] = 0
        return bytes(out)
    return s.ljust(width, b"\0")


def _split_ustar(name: bytes) -> tuple[bytes, bytes] | None:
    """Go's splitUSTARPath: (prefix, suffix) for a long ASCII name, or None."""
    length = len(name)
    if length <= _NAME or not name.isascii():
        return None
    if length > _PREFIX + 1:
        length = _PREFIX + 1
    elif name[length - 1 : length] == b"/":
        length -= 1
    i = name.rfind(b"/", 0, length)
    nlen = len(name) - i - 1
    if i <= 0 or nlen > _NAME or nlen == 0 or i > _PREFIX:
        return None
    return name[:i], name[i + 1 :]


def _to_ascii(s: bytes) -> bytes:
    return s if s.isascii() else bytes(c for c in s if 0 < c < 0x80)


def _pax_record(key: str, value: bytes) -> bytes:
    size = len(key) + len(value) + 3
    size += len(str(size))
    record = str(size).encode() + b" " + key.encode() + b"=" + value + b"\n"
    if len(record) != size:
        record = str(len(record)).encode() + b" " + key.encode() + b"=" + value + b"\n"
    return record


def _header(
    name: bytes, size: int, mtime: int, typeflag: bytes, mode: int, prefix: bytes = b"", raw: bool = False
) -> bytes:
    """One header block. RAW is writeRawFile's header (PAX records): no user or device fields."""
    blk = bytearray(_BLOCK)
    blk[0:100] = _string(100, name)
    blk[100:108] = _octal(8, mode)
    blk[108:116] = _octal(8, 0)
    blk[116:124] = _octal(8, 0)
    blk[124:136] = _octal(12, size)
    blk[136:148] = _octal(12, mtime)
    blk[156:157] = typeflag
    if not raw:
        blk[329:337] = _octal(8, 0)
        blk[337:345] = _octal(8, 0)
        blk[345:500] = _string(155, prefix)
    blk[257:263] = b"ustar\0"
    blk[263:265] = b"00"
    blk[148:156] = b" " * 8
    chksum = sum(blk)
    blk[148:155] = _octal(7, chksum)
    blk[155] = 0x20
    return bytes(blk)


def _pad(n: int) -> bytes:
    return b"\0" * (-n % _BLOCK)


class GoTarWriter:
    """Collects regular files into a tar stream Go's tar.Writer would produce."""

    def __init__(self) -> None:
        self._parts: list[bytes] = []

    def add(self, name: str, data: bytes, mtime: int, mode: int = 0o644) -> None:
        """A regular file NAME (slash-separated) with DATA and MTIME (whole seconds)."""
        raw = name.encode("utf-8", "surrogateescape")
        ustar_name = raw.isascii() and (len(raw) <= _NAME or _split_ustar(raw) is not None)
        ustar_time = 0 <= mtime < _MAX_OCTAL_MTIME
        if ustar_name and ustar_time:
            prefix, suffix = b"", raw
            split = _split_ustar(raw)
            if split is not None:
                prefix, suffix = split
            self._parts.append(_header(suffix, len(data), mtime, b"0", mode, prefix))
        else:
            records: dict[str, bytes] = {}
            if not raw.isascii() or len(raw) > _NAME:
                records["path"] = raw
            if not ustar_time:
                records["mtime"] = str(mtime).encode()
            body = b"".join(_pax_record(k, records[k]) for k in sorted(records))
            head, _, tail = raw.rpartition(b"/")
            pax_name = (head + b"/" if head else b"") + b"PaxHeaders.0/" + tail
            pax_name = _to_ascii(pax_name)[:_NAME].rstrip(b"/")
            self._parts.append(_header(pax_name, len(body), 0, b"x", 0, raw=True))
            self._parts.append(body + _pad(len(body)))
            self._parts.append(_header(_to_ascii(raw), len(data), mtime if ustar_time else 0, b"0", mode))
        self._parts.append(data + _pad(len(data)))

    def getvalue(self) -> bytes:
        """The stream, closed: two zero blocks after the last file."""
        return b"".join(self._parts) + b"\0" * (2 * _BLOCK)

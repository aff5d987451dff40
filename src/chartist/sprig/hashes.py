"""Sprig's hash functions: ``sha1sum``, ``sha256sum``, ``sha512sum`` (lower-case hex) and
``adler32sum`` (the checksum in decimal), each over the UTF-8 bytes of its string argument."""

from __future__ import annotations

import hashlib
import zlib

from chartist.gotemplate.values import STRING, GoFunc, gofunc

__all__ = ["FUNCS"]


def _bytes(s: str) -> bytes:
    # surrogateescape keeps the bytes of strings that were not valid UTF-8 in Go.
    return s.encode("utf-8", "surrogateescape")


@gofunc(STRING, result=STRING)
def sha1sum(input: str) -> str:
    """sha1sum STRING: hex SHA-1 digest."""
    return hashlib.sha1(_bytes(input)).hexdigest()


@gofunc(STRING, result=STRING)
def sha256sum(input: str) -> str:
    """sha256sum STRING: hex SHA-256 digest."""
    return hashlib.sha256(_bytes(input)).hexdigest()


@gofunc(STRING, result=STRING)
def sha512sum(input: str) -> str:
    """sha512sum STRING: hex SHA-512 digest."""
    return hashlib.sha512(_bytes(input)).hexdigest()


@gofunc(STRING, result=STRING)
def adler32sum(input: str) -> str:
    """adler32sum STRING: the Adler-32 checksum as a decimal number."""
    return str(zlib.adler32(_bytes(input)))


FUNCS: dict[str, GoFunc] = {
    "adler32sum": adler32sum,
    "sha1sum": sha1sum,
    "sha256sum": sha256sum,
    "sha512sum": sha512sum,
}

"""Go's ``unicode`` package as Sprig's string functions see it: classes and simple case mapping.

Hand-written because Python's ``str.upper()``/``lower()``/``title()`` apply Unicode's *full*
case mappings (``"ß".upper() == "SS"``, ``"İ".lower() == "i̇"``, final sigma becomes ``ς``)
where Go maps one rune to one rune (``unicode.ToUpper('ß') == 'ß'``), ``str.isspace()`` and
``str.isupper()`` use other properties than Go's ``unicode.IsSpace``/``IsUpper``, and Go turns
each invalid UTF-8 byte into U+FFFD when it walks a string by runes.

A Go string is a ``str`` in which bytes that are not valid UTF-8 appear as surrogate escapes
(U+DC80..U+DCFF), as in :mod:`chartist.gotemplate.strconv`.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = [
    "RUNE_ERROR",
    "SPACES",
    "go_runes",
    "is_digit",
    "is_letter",
    "is_lower",
    "is_number",
    "is_punct",
    "is_space",
    "is_title",
    "is_upper",
    "lower",
    "to_lower",
    "to_title",
    "to_upper",
    "upper",
]

RUNE_ERROR = "\ufffd"

# unicode.IsSpace: the Latin-1 spaces plus the White_Space property above Latin-1. Python's
# str.isspace() also counts U+001C..U+001F, which Go does not.
SPACES = (
    "\t\n\v\f\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
    "\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
_SPACE_SET = frozenset(SPACES)
_INVALID = re.compile("[\udc80-\udcff]")
_category = unicodedata.category


def go_runes(s: str) -> str:
    """S as Go's ``[]rune(s)`` sees it: each invalid UTF-8 byte becomes U+FFFD."""
    if s.isascii() or not _INVALID.search(s):
        return s
    return _INVALID.sub(RUNE_ERROR, s)


def is_space(c: str) -> bool:
    """``unicode.IsSpace``."""
    return c in _SPACE_SET


def is_upper(c: str) -> bool:
    """``unicode.IsUpper``: general category Lu."""
    if c < "\x80":
        return "A" <= c <= "Z"
    return _category(c) == "Lu"


def is_lower(c: str) -> bool:
    """``unicode.IsLower``: general category Ll."""
    if c < "\x80":
        return "a" <= c <= "z"
    return _category(c) == "Ll"


def is_title(c: str) -> bool:
    """``unicode.IsTitle``: general category Lt."""
    return c >= "\x80" and _category(c) == "Lt"


def is_letter(c: str) -> bool:
    """``unicode.IsLetter``: general category L."""
    if c < "\x80":
        return "a" <= c <= "z" or "A" <= c <= "Z"
    return _category(c)[0] == "L"


def is_digit(c: str) -> bool:
    """``unicode.IsDigit``: general category Nd."""
    if c < "\x80":
        return "0" <= c <= "9"
    return _category(c) == "Nd"


def is_number(c: str) -> bool:
    """``unicode.IsNumber``: general category N."""
    if c < "\x80":
        return "0" <= c <= "9"
    return _category(c)[0] == "N"


def is_punct(c: str) -> bool:
    """``unicode.IsPunct``: general category P."""
    return _category(c)[0] == "P"


_UPPER: dict[str, str] = {}
_LOWER: dict[str, str] = {}
_TITLE: dict[str, str] = {}


def to_upper(c: str) -> str:
    """``unicode.ToUpper``: the simple (one rune) upper-case mapping."""
    if c < "\x80":
        return c.upper()
    r = _UPPER.get(c)
    if r is None:
        r = c.upper()
        if len(r) != 1:
            # A full mapping of several runes (ß -> SS, ᾳ -> ΑΙ): the simple mapping, when
            # there is one, is the title-case rune (ᾳ -> ᾼ); otherwise the rune stays.
            t = c.title()
            r = t if len(t) == 1 else c
        _UPPER[c] = r
    return r


def to_lower(c: str) -> str:
    """``unicode.ToLower``: the simple (one rune) lower-case mapping."""
    if c < "\x80":
        return c.lower()
    r = _LOWER.get(c)
    if r is None:
        r = c.lower()
        if len(r) != 1:  # only U+0130 İ has a longer full mapping; its simple one is 'i'
            r = "i" if c == "\u0130" else c
        _LOWER[c] = r
    return r


def to_title(c: str) -> str:
    """``unicode.ToTitle``: the simple (one rune) title-case mapping."""
    if c < "\x80":
        return c.upper()
    r = _TITLE.get(c)
    if r is None:
        r = c.title()
        if len(r) != 1:
            r = c
        _TITLE[c] = r
    return r


def upper(s: str) -> str:
    """``strings.ToUpper``: every rune through :func:`to_upper`."""
    if s.isascii():
        return s.upper()
    s = go_runes(s)
    r = s.upper()
    # One output rune per input rune means no full mapping was used (all of them expand).
    if len(r) == len(s):
        return r
    return "".join(map(to_upper, s))


def lower(s: str) -> str:
    """``strings.ToLower``: every rune through :func:`to_lower` (no final-sigma rule)."""
    if s.isascii():
        return s.lower()
    s = go_runes(s)
    r = s.lower()
    if len(r) == len(s) and "\u03a3" not in s:
        return r
    return "".join(map(to_lower, s))

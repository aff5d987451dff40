"""Go's ``unicode`` package as Sprig's string functions see it: classes and simple case mapping.

Hand-written because Python's ``str.upper()``/``lower()``/``title()`` apply Unicode's *full*
case mappings (``"ß".upper() == "SS"``, ``"İ".lower() == "i̇"``, final sigma becomes ``ς``)
where Go maps one rune to one rune (``unicode.ToUpper('ß') == 'ß'``), ``str.isspace()`` and
``str.isupper()`` use other properties than Go's ``unicode.IsSpace``/``IsUpper``, and Go turns
each invalid UTF-8 byte into U+FFFD when it walks a string by runes.

Categories come from Python's unicodedata (Unicode 14.0) plus :data:`UNICODE15`, the code
points Go 1.26's Unicode 15.0 added. A Go string is a ``str`` in which bytes that are not valid
UTF-8 appear as surrogate escapes (U+DC80..U+DCFF), as in :mod:`chartist.gotemplate.strconv`.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right

__all__ = [
    "RUNE_ERROR",
    "SPACES",
    "UNICODE15",
    "category",
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

# General categories of the code points Unicode 15.0 (Go 1.26) assigned and Python 3.11's
# unicodedata (Unicode 14.0) calls unassigned, measured by matching each \p{..} class of
# these code points through Helm v4.2.3.
UNICODE15: dict[str, tuple[tuple[int, int], ...]] = {
    "Ll": ((0x1DF25, 0x1DF2A),),
    "Lm": ((0x1E030, 0x1E06D), (0x1E4EB, 0x1E4EB)),
    "Lo": (
        (0x1123F, 0x11240), (0x11F02, 0x11F02), (0x11F04, 0x11F10), (0x11F12, 0x11F33), (0x1342F, 0x1342F),
        (0x13441, 0x13446), (0x1B132, 0x1B132), (0x1B155, 0x1B155), (0x1E4D0, 0x1E4EA), (0x2B739, 0x2B739),
        (0x31350, 0x323AF),
    ),
    "Mn": (
        (0xECE, 0xECE), (0x10EFD, 0x10EFF), (0x11241, 0x11241), (0x11F00, 0x11F01), (0x11F36, 0x11F3A),
        (0x11F40, 0x11F40), (0x11F42, 0x11F42), (0x13440, 0x13440), (0x13447, 0x13455), (0x1E08F, 0x1E08F),
        (0x1E4EC, 0x1E4EF),
    ),
    "Mc": ((0xCF3, 0xCF3), (0x11F03, 0x11F03), (0x11F34, 0x11F35), (0x11F3E, 0x11F3F), (0x11F41, 0x11F41)),
    "Nd": ((0x11F50, 0x11F59), (0x1E4F0, 0x1E4F9)),
    "No": ((0x1D2C0, 0x1D2D3),),
    "Po": ((0x11B00, 0x11B09), (0x11F43, 0x11F4F)),
    "So": (
        (0x1F6DC, 0x1F6DC), (0x1F774, 0x1F776), (0x1F77B, 0x1F77F), (0x1F7D9, 0x1F7D9), (0x1FA75, 0x1FA77),
        (0x1FA87, 0x1FA88), (0x1FAAD, 0x1FAAF), (0x1FABB, 0x1FABD), (0x1FABF, 0x1FABF), (0x1FACE, 0x1FACF),
        (0x1FADA, 0x1FADB), (0x1FAE8, 0x1FAE8), (0x1FAF7, 0x1FAF8),
    ),
    "Cf": ((0x13439, 0x1343F),),
}  # fmt: skip
_U15 = sorted((lo, hi, cat) for cat, ranges in UNICODE15.items() for lo, hi in ranges)
_U15_STARTS = [r[0] for r in _U15]


def category(c: str) -> str:
    """The general category of C as Go 1.26 (Unicode 15.0) has it."""
    cat = _category(c)
    if cat == "Cn":
        i = bisect_right(_U15_STARTS, ord(c)) - 1
        if i >= 0 and ord(c) <= _U15[i][1]:
            return _U15[i][2]
    return cat


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
    return category(c) == "Lu"


def is_lower(c: str) -> bool:
    """``unicode.IsLower``: general category Ll."""
    if c < "\x80":
        return "a" <= c <= "z"
    return category(c) == "Ll"


def is_title(c: str) -> bool:
    """``unicode.IsTitle``: general category Lt."""
    return c >= "\x80" and category(c) == "Lt"


def is_letter(c: str) -> bool:
    """``unicode.IsLetter``: general category L."""
    if c < "\x80":
        return "a" <= c <= "z" or "A" <= c <= "Z"
    return category(c)[0] == "L"


def is_digit(c: str) -> bool:
    """``unicode.IsDigit``: general category Nd."""
    if c < "\x80":
        return "0" <= c <= "9"
    return category(c) == "Nd"


def is_number(c: str) -> bool:
    """``unicode.IsNumber``: general category N."""
    if c < "\x80":
        return "0" <= c <= "9"
    return category(c)[0] == "N"


def is_punct(c: str) -> bool:
    """``unicode.IsPunct``: general category P."""
    return category(c)[0] == "P"


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

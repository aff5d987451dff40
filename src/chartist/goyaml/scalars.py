"""How go-yaml writes a string: libyaml's scalar analysis and style selection.

go-yaml's encoder asks for a plain scalar when the text would read back as a string
(:func:`~chartist.goyaml.resolve.resolves_to_str`), a literal block for text with newlines and
double quotes otherwise; libyaml's emitter then demotes plain to single-quoted and
single-quoted or literal to double-quoted when the characters require it
(yaml_emitter_analyze_scalar, yaml_emitter_select_scalar_style). Hand-written: no Python
library makes these decisions the way go-yaml does (go-yaml treats characters above U+FFFF as
unprintable, for one). Results are cached per text.
"""

from __future__ import annotations

import re
from typing import Final

from chartist.goyaml.resolve import resolves_to_str

__all__ = ["BREAKS", "DOUBLE", "LITERAL", "PLAIN", "SINGLE", "printable", "style"]

# Scalar styles after go-yaml's stringv and libyaml's select_scalar_style.
PLAIN: Final = 0
SINGLE: Final = 1
DOUBLE: Final = 2
LITERAL: Final = 3


def printable(c: str) -> bool:
    o = ord(c)
    if o < 0x80:
        return o == 0x0A or 0x20 <= o <= 0x7E
    if o < 0xA0:
        return False
    if o < 0x10000:
        return not (0xD800 <= o <= 0xDFFF) and o not in (0xFEFF, 0xFFFE, 0xFFFF)
    return False  # go-yaml's is_printable rejects 4-byte UTF-8 sequences


BREAKS: Final = frozenset("\r\n\x85\u2028\u2029")


_BREAK_CHARS: Final = "\r\n\x85\u2028\u2029"
# Characters go-yaml's is_printable refuses (tab included; v3 treats tab on its own).
_UNPRINTABLE: Final = re.compile("[^\n\x20-\x7e\xa0-\ud7ff\ue000-\ufefe\uff00-\ufffd]")
_UNPRINTABLE_NO_TAB: Final = re.compile("[^\t\n\x20-\x7e\xa0-\ud7ff\ue000-\ufefe\uff00-\ufffd]")
_BREAK: Final = re.compile("[\r\n\x85\u2028\u2029]")
_BREAK_SPACE: Final = re.compile("[\r\n\x85\u2028\u2029] ")
_SPACE_BREAK: Final = re.compile(" [\r\n\x85\u2028\u2029]")
# ": " (or ":" at the end) anywhere, "#" after a blank, break or NUL: block indicators.
_BLOCK_IND: Final = re.compile("(?::(?=[ \t]|$))|(?:(?<=[ \t\r\n\x85\u2028\u2029\x00])#)")
_FIRST_IND: Final = frozenset("#,[]{}&*!|>'\"%@`")
# Texts the analysis passes at once: no indicator, quote, break or unprintable character.
_SIMPLE: Final = re.compile(
    r"[A-Za-z0-9_/()=+~$^;<\\](?:[A-Za-z0-9 _./()=+~$^;<>\\-]*[A-Za-z0-9_./()=+~$^;<>\\-])?"
)


def _analyze(s: str, v3: bool) -> tuple[bool, bool, bool, bool]:
    """(multiline, block_plain_allowed, single_quoted_allowed, block_allowed) for non-empty S.

    libyaml's yaml_emitter_analyze_scalar in block context, written with regular expressions.
    """
    if _SIMPLE.fullmatch(s):
        return (False, True, True, True)
    c0 = s[0]
    follow0 = len(s) == 1 or s[1] in " \t"
    block_ind = (
        s.startswith(("---", "..."))
        or c0 in _FIRST_IND
        or ((c0 == "?" or c0 == "-") and follow0)
        or _BLOCK_IND.search(s) is not None
    )
    tabs = False
    if v3:
        special = _UNPRINTABLE_NO_TAB.search(s) is not None
        tabs = "\t" in s
    else:
        special = _UNPRINTABLE.search(s) is not None
    line_breaks = _BREAK.search(s) is not None
    leading = c0 == " " or c0 in _BREAK_CHARS
    last = s[-1]
    trailing_space = last == " "
    trailing = trailing_space or last in _BREAK_CHARS
    break_space = line_breaks and _BREAK_SPACE.search(s) is not None
    space_break = line_breaks and _SPACE_BREAK.search(s) is not None
    plain = single = block = True
    if leading or trailing:
        plain = False
    if trailing_space:
        block = False
    if break_space:
        plain = single = False
    if space_break or special or tabs:
        plain = single = False
    if space_break or special:
        block = False
    if line_breaks or block_ind:
        plain = False
    return line_breaks, plain, single, block


_STYLE_CACHE: dict[tuple[str, bool, bool], tuple[int, bool]] = {}
_STYLE_CACHE_MAX: Final = 8192


def style(s: str, simple_key: bool, v3: bool = False) -> tuple[int, bool]:
    """(style, multiline) go-yaml writes the string S with (v3: tabs allowed in literals)."""
    r = _STYLE_CACHE.get((s, simple_key, v3))
    if r is not None:
        return r
    if not s:
        r = (DOUBLE, False)
    else:
        multiline, plain_ok, single_ok, block_ok = _analyze(s, v3)
        if "\n" in s:
            kind = LITERAL
        elif resolves_to_str(s):
            kind = PLAIN
        else:
            kind = DOUBLE
        if simple_key and multiline:
            kind = DOUBLE
        if kind == PLAIN and not plain_ok:
            kind = SINGLE
        if kind == SINGLE and not single_ok:
            kind = DOUBLE
        if kind == LITERAL and (not block_ok or simple_key):
            kind = DOUBLE
        r = (kind, multiline)
    if len(_STYLE_CACHE) < _STYLE_CACHE_MAX:
        _STYLE_CACHE[(s, simple_key, v3)] = r
    return r

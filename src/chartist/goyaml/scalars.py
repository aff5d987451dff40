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
_FLOW_FIRST: Final = frozenset("#,[]{}&*!|>'\"%@`")


def _analyze(s: str) -> tuple[bool, bool, bool, bool]:
    """(multiline, block_plain_allowed, single_quoted_allowed, block_allowed) for non-empty S."""
    block_ind = False
    line_breaks = special = False
    leading_space = leading_break = trailing_space = trailing_break = False
    break_space = space_break = False
    previous_space = previous_break = False
    if s.startswith(("---", "...")):
        block_ind = True
    preceded_by_ws = True
    n = len(s)
    for i, c in enumerate(s):
        followed_by_ws = i + 1 >= n or s[i + 1] in " \t\r\n\x85\u2028\u2029"
        if i == 0:
            if c in _FLOW_FIRST:
                block_ind = True
            elif c == "?" or c == ":":
                if followed_by_ws:
                    block_ind = True
            elif c == "-" and followed_by_ws:
                block_ind = True
        elif c == ":":
            if followed_by_ws:
                block_ind = True
        elif c == "#" and preceded_by_ws:
            block_ind = True
        if not printable(c):
            special = True
        if c == " ":
            if i == 0:
                leading_space = True
            if i == n - 1:
                trailing_space = True
            if previous_break:
                break_space = True
            previous_space, previous_break = True, False
        elif c in BREAKS:
            line_breaks = True
            if i == 0:
                leading_break = True
            if i == n - 1:
                trailing_break = True
            if previous_space:
                space_break = True
            previous_space, previous_break = False, True
        else:
            previous_space = previous_break = False
        preceded_by_ws = c in " \t\r\n\x85\u2028\u2029"
    plain = single = block = True
    if leading_space or leading_break or trailing_space or trailing_break:
        plain = False
    if trailing_space:
        block = False
    if break_space:
        plain = single = False
    if space_break or special:
        plain = single = block = False
    if line_breaks:
        plain = False
    if block_ind:
        plain = False
    return line_breaks, plain, single, block


_STYLE_CACHE: dict[tuple[str, bool], tuple[int, bool]] = {}
_STYLE_CACHE_MAX: Final = 8192


def style(s: str, simple_key: bool) -> tuple[int, bool]:
    """(style, multiline) go-yaml v2 writes the string S with (empty S: double-quoted)."""
    r = _STYLE_CACHE.get((s, simple_key))
    if r is not None:
        return r
    if not s:
        r = (DOUBLE, False)
    else:
        multiline, plain_ok, single_ok, block_ok = _analyze(s)
        if "\n" in s:
            style = LITERAL
        elif resolves_to_str(s):
            style = PLAIN
        else:
            style = DOUBLE
        if simple_key and multiline:
            style = DOUBLE
        if style == PLAIN and not plain_ok:
            style = SINGLE
        if style == SINGLE and not single_ok:
            style = DOUBLE
        if style == LITERAL and (not block_ok or simple_key):
            style = DOUBLE
        r = (style, multiline)
    if len(_STYLE_CACHE) < _STYLE_CACHE_MAX:
        _STYLE_CACHE[(s, simple_key)] = r
    return r

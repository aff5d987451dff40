"""Sprig's case-changing string functions: title, untitle, swapcase, snakecase, kebabcase, camelcase.

Each reproduces the Go code Sprig calls, rune by rune: ``title`` is Go's ``strings.Title``,
``untitle`` and ``swapcase`` are Masterminds/goutils ``Uncapitalize`` and ``SwapCase``,
``snakecase``/``kebabcase`` are huandu/xstrings v1.5 ``ToSnakeCase``/``ToKebabCase`` (a word
scanner with rules for acronyms and digits) and ``camelcase`` is xstrings ``ToPascalCase``.
Hand-written because no Python library splits words by these rules; case mapping comes from
:mod:`.gounicode` (Go's one-rune mappings). These functions never fail. They are merged into
the ``strings`` group.
"""

from __future__ import annotations

from chartist.gotemplate.values import GoFunc, gofunc
from chartist.sprig.gounicode import (
    RUNE_ERROR,
    go_runes,
    is_digit,
    is_letter,
    is_lower,
    is_number,
    is_punct,
    is_space,
    is_title,
    is_upper,
    to_lower,
    to_title,
    to_upper,
)

__all__ = ["FUNCS"]


def _is_separator(r: str) -> bool:
    """strings.Title's word separator: not an ASCII alphanumeric or '_', not a letter or digit, or a space."""
    if r < "\x80":
        return not (r.isalnum() or r == "_")
    if is_letter(r) or is_digit(r):
        return False
    return is_space(r)


@gofunc("string", result="string")
def title(s: str) -> str:
    """``strings.Title``: title-case the first rune of every word."""
    if s.isascii():
        # The common case, without the per-rune loop: ASCII words upper-case their first letter.
        out = []
        prev_sep = True
        for c in s:
            out.append(c.upper() if prev_sep else c)
            prev_sep = not (c.isalnum() or c == "_")
        return "".join(out)
    out = []
    prev = " "
    for c in go_runes(s):
        out.append(to_title(c) if _is_separator(prev) else c)
        prev = c
    return "".join(out)


@gofunc("string", result="string")
def untitle(s: str) -> str:
    """goutils ``Uncapitalize``: lower-case the first rune of every space-separated word."""
    out = []
    start = True
    for c in go_runes(s):
        if is_space(c):
            start = True
            out.append(c)
        elif start:
            out.append(to_lower(c))
            start = False
        else:
            out.append(c)
    return "".join(out)


@gofunc("string", result="string")
def swapcase(s: str) -> str:
    """goutils ``SwapCase``: upper and title to lower; lower to title after a space, else upper."""
    out = []
    after_space = True
    for c in go_runes(s):
        if is_upper(c) or is_title(c):
            out.append(to_lower(c))
            after_space = False
        elif is_lower(c):
            out.append(to_title(c) if after_space else to_upper(c))
            after_space = False
        else:
            out.append(c)
            after_space = is_space(c)
    return "".join(out)


# xstrings word kinds, in its order.
_INVALID, _NUMBER, _UPPER, _ALPHA, _CONNECTOR, _PUNCT, _OTHER = range(7)


def _is_connector(r: str) -> bool:
    return r == "-" or r == "_" or is_space(r)


def _is_alphabet(r: str) -> bool:
    """xstrings isAlphabet: a letter, but not a common CJK ideograph."""
    if not is_letter(r):
        return False
    o = ord(r)
    return not (0x4E00 <= o <= 0x9FCC or 0x3400 <= o <= 0x4D85 or 0x20000 <= o <= 0x2B81D)


def _invalid(c: str) -> bool:
    # Go decodes both an invalid byte and a real U+FFFD as utf8.RuneError.
    return c == RUNE_ERROR or "\udc80" <= c <= "\udcff"


def _next_valid(s: str, i: int, prev: str) -> tuple[str, int]:
    """The next rune at or after I that is not RuneError, and the index after it (PREV at the end)."""
    n = len(s)
    while i < n:
        c = s[i]
        i += 1
        if not _invalid(c):
            return c, i
    return prev, i


def _next_word(s: str, start: int) -> tuple[int, int]:
    """xstrings nextWord: the kind of the word starting at START and the index where it ends."""
    n = len(s)
    if start >= n:
        return _INVALID, start
    r, off = _next_valid(s, start, RUNE_ERROR)
    if r == RUNE_ERROR:
        return _INVALID, off
    if _is_connector(r) or is_punct(r):
        same = _is_connector if _is_connector(r) else is_punct
        kind = _CONNECTOR if same is _is_connector else _PUNCT
        while off < n:
            r, nxt = _next_valid(s, off, r)
            if not same(r):
                break
            off = nxt
        return kind, off
    if is_upper(r):
        if off >= n:
            return _UPPER, off
        r, nxt = _next_valid(s, off, r)
        if is_upper(r):
            prev_size = nxt - off
            off = nxt
            while off < n:
                r, nxt = _next_valid(s, off, r)
                if not is_upper(r):
                    break
                prev_size = nxt - off
                off = nxt
            # "HTTPStatus" is "HTTP" + "Status": the last capital starts the next word.
            if off < n and _is_alphabet(r):
                off -= prev_size
        elif _is_alphabet(r):
            off = nxt
            while off < n:
                r, nxt = _next_valid(s, off, r)
                if not _is_alphabet(r) or is_upper(r):
                    break
                off = nxt
        return _UPPER, off
    if _is_alphabet(r):
        while off < n:
            r, nxt = _next_valid(s, off, r)
            if not _is_alphabet(r) or is_upper(r):
                break
            off = nxt
        return _ALPHA, off
    if is_number(r):
        while off < n:
            r, nxt = _next_valid(s, off, r)
            if not is_number(r):
                break
            off = nxt
        return _NUMBER, off
    while off < n:
        r, nxt = _next_valid(s, off, r)
        if nxt == off or _is_connector(r) or _is_alphabet(r) or is_number(r) or is_punct(r):
            break
        off = nxt
    return _OTHER, off


def _write_lower(buf: list[str], kind: int, word: str, connector: str) -> None:
    """xstrings toLower: upper-case and connector words are lowered rune by rune."""
    if kind != _UPPER and kind != _CONNECTOR:
        buf.append(word)
        return
    for r in word:
        if _is_connector(r):
            buf.append(connector)
        elif is_upper(r):
            buf.append(to_lower(r))
        elif "\udc80" <= r <= "\udcff":
            buf.append(RUNE_ERROR)
        else:
            buf.append(r)


def _to_lower_case(s: str, connector: str) -> str:
    """xstrings camelCaseToLowerCase: words joined by CONNECTOR, acronyms and digits kept together."""
    if not s:
        return ""
    buf: list[str] = []
    n = len(s)
    kind, end = _next_word(s, 0)
    word, pos = s[:end], end
    while pos < n:
        if kind != _CONNECTOR:
            _write_lower(buf, kind, word, connector)
        prev, last = kind, word
        kind, end = _next_word(s, pos)
        word, pos = s[pos:end], end
        if prev == _NUMBER:
            while kind in (_ALPHA, _NUMBER):
                _write_lower(buf, kind, word, connector)
                kind, end = _next_word(s, pos)
                word, pos = s[pos:end], end
            if kind not in (_INVALID, _PUNCT, _CONNECTOR):
                buf.append(connector)
        elif prev == _CONNECTOR:
            _write_lower(buf, prev, last, connector)
        elif prev == _PUNCT:
            pass
        elif kind != _NUMBER:
            if kind not in (_CONNECTOR, _PUNCT):
                buf.append(connector)
        elif pos < n:
            last = word
            kind, end = _next_word(s, pos)
            word, pos = s[pos:end], end
            if kind != _ALPHA:
                # A number after a word belongs to it: "Bld4Floor" -> "bld4_floor".
                _write_lower(buf, _NUMBER, last, connector)
                if kind not in (_CONNECTOR, _PUNCT):
                    buf.append(connector)
            else:
                # Letters after the number start a new word with it: "HTTP2xx" -> "http_2xx".
                buf.append(connector)
                _write_lower(buf, _NUMBER, last, connector)
                while kind in (_ALPHA, _NUMBER):
                    _write_lower(buf, kind, word, connector)
                    kind, end = _next_word(s, pos)
                    word, pos = s[pos:end], end
                if kind not in (_INVALID, _CONNECTOR, _PUNCT):
                    buf.append(connector)
    _write_lower(buf, kind, word, connector)
    return "".join(buf)


@gofunc("string", result="string")
def snakecase(s: str) -> str:
    """xstrings ``ToSnakeCase``: ``HTTPServer`` -> ``http_server``."""
    return _to_lower_case(s, "_")


@gofunc("string", result="string")
def kebabcase(s: str) -> str:
    """xstrings ``ToKebabCase``: ``HTTPServer`` -> ``http-server``."""
    return _to_lower_case(s, "-")


@gofunc("string", result="string")
def camelcase(s: str) -> str:
    """xstrings ``ToPascalCase``: ``some_words`` -> ``SomeWords``, ``GOLANG_IS_GREAT`` -> ``GolangIsGreat``."""
    if not s:
        return ""
    runes = go_runes(s)
    n = len(runes)
    buf: list[str] = []
    first_upper = False
    i = 0
    r0 = ""
    while i < n:  # leading connectors are kept
        r0 = runes[i]
        i += 1
        if not _is_connector(r0):
            first_upper = is_upper(r0)
            r0 = to_upper(r0)
            break
        buf.append(r0)
    if i >= n:
        # xstrings writes the last rune again here, so "_" becomes "__".
        buf.append(r0)
        return "".join(buf)
    while i < n:
        r1, r0 = r0, runes[i]
        i += 1
        if _is_connector(r0) and _is_connector(r1):
            buf.append(r1)
            continue
        if _is_connector(r1):
            first_upper = is_upper(r0)
            r0 = to_upper(r0)
        else:
            if first_upper:
                if is_upper(r0):
                    r0 = to_lower(r0)
                else:
                    first_upper = False
            buf.append(r1)
    buf.append(r0)
    return "".join(buf)


FUNCS: dict[str, GoFunc] = {
    "camelcase": camelcase,
    "kebabcase": kebabcase,
    "snakecase": snakecase,
    "swapcase": swapcase,
    "title": title,
    "untitle": untitle,
}

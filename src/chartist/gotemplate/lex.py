"""The lexer of Go's text/template, and the Go literal syntax its tokens use.

Hand-written because the behaviour must be Go's to the byte: which text a trim marker eats, where
``{{-3}}`` is a number, which character ends an identifier, which message and line each malformed
action reports. It follows Go's ``text/template/parse/lex.go`` state by state, but scans with
``str.find`` and compiled regexes instead of one rune at a time.

:func:`lex` turns a whole template into a list of items ``(type, pos, value, line)``. ``pos`` is
the offset in characters; ``line`` is the line the item starts on, counted as Go counts it
(newlines inside action delimiters are not counted). Lexing stops at the first error: the last
item is then an ``ERROR`` item whose value is Go's message, otherwise it is ``EOF``. Trim markers
are handled here only; the parser never sees them.

What the literals in the items mean (strings, numbers) is :mod:`.literals`' business.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from enum import IntEnum
from typing import Final

from chartist.gotemplate.strconv import is_print, quote, to_utf8


class ItemType(IntEnum):
    """Kinds of items, in Go's order: every kind after KEYWORD is a keyword."""

    ERROR = 0  # value is the error message
    BOOL = 1
    CHAR = 2  # printable ASCII character; grab bag for comma etc.
    CHAR_CONSTANT = 3
    COMMENT = 4
    COMPLEX = 5  # 1+2i
    ASSIGN = 6  # =
    DECLARE = 7  # :=
    EOF = 8
    FIELD = 9  # .Name
    IDENTIFIER = 10
    LEFT_DELIM = 11
    LEFT_PAREN = 12
    NUMBER = 13  # also imaginary
    PIPE = 14
    RAW_STRING = 15  # quotes included
    RIGHT_DELIM = 16
    RIGHT_PAREN = 17
    SPACE = 18
    STRING = 19  # quotes included
    TEXT = 20
    VARIABLE = 21  # $, $x
    KEYWORD = 22  # only delimits the keywords
    BLOCK = 23
    BREAK = 24
    CONTINUE = 25
    DOT = 26
    DEFINE = 27
    ELSE = 28
    END = 29
    IF = 30
    NIL = 31
    RANGE = 32
    TEMPLATE = 33
    WITH = 34


# Plain ints for the hot paths (items hold ints, not enum members).
ERROR: Final = 0
BOOL: Final = 1
CHAR: Final = 2
CHAR_CONSTANT: Final = 3
COMMENT: Final = 4
COMPLEX: Final = 5
ASSIGN: Final = 6
DECLARE: Final = 7
EOF: Final = 8
FIELD: Final = 9
IDENTIFIER: Final = 10
LEFT_DELIM: Final = 11
LEFT_PAREN: Final = 12
NUMBER: Final = 13
PIPE: Final = 14
RAW_STRING: Final = 15
RIGHT_DELIM: Final = 16
RIGHT_PAREN: Final = 17
SPACE: Final = 18
STRING: Final = 19
TEXT: Final = 20
VARIABLE: Final = 21
KEYWORD: Final = 22
BLOCK: Final = 23
BREAK: Final = 24
CONTINUE: Final = 25
DOT: Final = 26
DEFINE: Final = 27
ELSE: Final = 28
END: Final = 29
IF: Final = 30
NIL: Final = 31
RANGE: Final = 32
TEMPLATE: Final = 33
WITH: Final = 34

Item = tuple[int, int, str, int]
"""(type, pos in characters, value, line)."""
_Emit = Callable[[Item], None]

_KEYWORDS: Final = {
    "block": BLOCK,
    "break": BREAK,
    "continue": CONTINUE,
    "define": DEFINE,
    "else": ELSE,
    "end": END,
    "if": IF,
    "range": RANGE,
    "nil": NIL,
    "template": TEMPLATE,
    "with": WITH,
}

_SPACE: Final = frozenset(" \t\r\n")  # Go's isSpace inside actions and for trim markers
_TERMINATORS: Final = frozenset(" \t\r\n.,|:)(")
_NUMBER_START: Final = frozenset("+-.0123456789")
_SPACE_RUN = re.compile(r"[ \t\r\n]*")
_WORD = re.compile(r"\w*")  # a superset of Go's alphanumerics, narrowed when not ASCII
_QUOTED = re.compile(r'"(?:[^"\\\n]|\\[^\n])*"')
_CHAR_CONST = re.compile(r"'(?:[^'\\\n]|\\[^\n])*'")
_DEC_RUN = re.compile(r"[0-9_]*")
_HEX_RUN = re.compile(r"[0-9a-fA-F_]*")
_OCT_RUN = re.compile(r"[0-7_]*")
_BIN_RUN = re.compile(r"[01_]*")


def is_alnum(c: str) -> bool:
    """Go's isAlphaNumeric: underscore, a Unicode letter, or a decimal digit (Nd)."""
    if c.isascii():
        return c == "_" or c.isalnum()
    return c.isalpha() or unicodedata.category(c) == "Nd"


def format_rune(c: str) -> str:
    """Go's ``%#U``: ``U+0041 'A'`` (the character only when printable)."""
    if "\udc80" <= c <= "\udcff":  # a stray byte: Go decodes it as utf8.RuneError
        c = "\ufffd"
    code = f"U+{ord(c):04X}"
    return f"{code} '{c}'" if is_print(ord(c)) else code


def _word_end(text: str, p: int) -> int:
    """End of the run of Go alphanumerics starting at p."""
    e = _WORD.match(text, p).end()  # type: ignore[union-attr]  # \w* always matches
    if not text[p:e].isascii():
        for i in range(p, e):
            if not is_alnum(text[i]):
                return i
    return e


def _scan_number(text: str, p: int, n: int) -> tuple[int, bool]:
    """Go's scanNumber from p: (end, ok). Deliberately loose; strconv judges the text later."""
    if p < n and text[p] in "+-":
        p += 1
    run, base = _DEC_RUN, 10
    if p < n and text[p] == "0":
        p += 1
        if p < n:
            c = text[p]
            if c in "xX":
                run, base, p = _HEX_RUN, 16, p + 1
            elif c in "oO":
                run, base, p = _OCT_RUN, 8, p + 1
            elif c in "bB":
                run, base, p = _BIN_RUN, 2, p + 1
    p = run.match(text, p).end()  # type: ignore[union-attr]
    if p < n and text[p] == ".":
        p = run.match(text, p + 1).end()  # type: ignore[union-attr]
    if p < n and ((base == 10 and text[p] in "eE") or (base == 16 and text[p] in "pP")):
        p += 1
        if p < n and text[p] in "+-":
            p += 1
        p = _DEC_RUN.match(text, p).end()  # type: ignore[union-attr]
    if p < n and text[p] == "i":
        p += 1
    if p < n and is_alnum(text[p]):
        return p + 1, False  # Go consumes the offending character into the message
    return p, True


# The common tokens of an action in one regex per right delimiter (one group per alternative,
# numbered by _FAST_*), tried before the general code. Each alternative matches only where the
# general code would produce the same item: words end possessively and must be followed by a
# terminator, so anything unusual (non-ASCII letters, odd numbers, errors) is left to it.
_FAST_RTRIM, _FAST_RD, _FAST_SPACE, _FAST_IDENT, _FAST_LPAREN, _FAST_RPAREN = range(1, 7)
_FAST_TYPES: Final = (FIELD, DOT, VARIABLE, STRING, PIPE, DECLARE, ASSIGN, CHAR, NUMBER)
_FAST_SIMPLE: Final = {7 + i: typ for i, typ in enumerate(_FAST_TYPES)}
_fast_cache: dict[str, Callable[[str, int], re.Match[str] | None] | None] = {}


def _fast_matcher(rd: str) -> Callable[[str, int], re.Match[str] | None] | None:
    """The token regex's match for right delimiter RD; None when RD could be part of a token."""
    try:
        return _fast_cache[rd]
    except KeyError:
        pass
    match = None
    if not (rd[0].isalnum() or rd[0] in "._+-$\"'`"):
        r = re.escape(rd)
        term = rf"(?=[ \t\r\n.,|:)(]|{r})"
        word = r"[A-Za-z0-9_]*+"
        match = re.compile(
            "|".join(
                (
                    rf"([ \t\r\n]-{r})",  # _FAST_RTRIM
                    rf"({r})",  # _FAST_RD
                    r"([ \t\r\n]++)",  # _FAST_SPACE
                    rf"([A-Za-z_]{word}{term})",  # _FAST_IDENT
                    r"(\()",  # _FAST_LPAREN
                    r"(\))",  # _FAST_RPAREN
                    rf"(\.[A-Za-z_]{word}{term})",  # FIELD
                    rf"(\.{term})",  # DOT
                    rf"(\${word}{term})",  # VARIABLE
                    r'("(?:[^"\\\n]|\\[^\n])*+")',  # STRING
                    r"(\|)",  # PIPE
                    r"(:=)",  # DECLARE
                    r"(=)",  # ASSIGN
                    r"(,)",  # CHAR
                    rf"((?:0|[1-9][0-9]*+)(?=[ \t\r\n,|:)(]|{r}))",  # NUMBER
                )
            )
        ).match
    _fast_cache[rd] = match
    return match


def lex(
    text: str,
    left_delim: str = "{{",
    right_delim: str = "}}",
    *,
    emit_comments: bool = False,
    break_ok: bool = True,
    continue_ok: bool = True,
) -> list[Item]:
    """Scan the whole template into items; the last is EOF or ERROR.

    ``break_ok``/``continue_ok`` false make those words plain identifiers (Go does so when the
    function map defines them). Comments are skipped unless ``emit_comments``.
    """
    ld = left_delim or "{{"
    rd = right_delim or "}}"
    ldn, rdn = len(ld), len(rd)
    n = len(text)
    items: list[Item] = []
    emit = items.append
    count = text.count
    startswith = text.startswith
    fast = _fast_matcher(rd)
    simple = _FAST_SIMPLE
    pos = 0
    line = 1
    while True:
        # Text up to the next left delimiter.
        x = text.find(ld, pos)
        if x < 0:
            if pos < n:
                emit((TEXT, pos, text[pos:], line))
                line += count("\n", pos, n)
            emit((EOF, n, "", line))
            return items
        d = x + ldn
        trim = d + 1 < n and text[d] == "-" and text[d + 1] in _SPACE
        if x > pos:
            end = x
            if trim:
                end = pos + len(text[pos:x].rstrip(" \t\r\n"))
            if end > pos:
                emit((TEXT, pos, text[pos:end], line))
            line += count("\n", pos, x)
        p = d + 2 if trim else d
        if startswith("/*", p):
            # A comment: skipped (or emitted), then back to text.
            cline = line + count("\n", x, p)
            e = text.find("*/", p + 2)
            if e < 0:
                emit((ERROR, p, "unclosed comment", cline))
                return items
            q = e + 2
            if q + 1 < n and text[q] in _SPACE and text[q + 1] == "-" and startswith(rd, q + 2):
                after = _SPACE_RUN.match(text, q + 2 + rdn).end()  # type: ignore[union-attr]
            elif startswith(rd, q):
                after = q + rdn
            else:
                emit((ERROR, p, "comment ends before closing delimiter", cline))
                return items
            if emit_comments:
                emit((COMMENT, p, text[p:q], cline))
            line = cline + count("\n", p, after)
            pos = after
            continue
        emit((LEFT_DELIM, x, ld, line))
        line += count("\n", d, p)  # Go counts the trim marker's newline, not the delimiter's
        pos = p
        depth = 0
        # Inside the action.
        while True:
            m = fast(text, pos) if fast is not None else None
            if m is not None:
                k = m.lastindex
                e = m.end()
                if k == _FAST_SPACE:
                    if startswith("-", e) and startswith(rd, e + 1):
                        e -= 1  # the last space belongs to a trim-marked right delimiter
                    val = text[pos:e]
                    emit((SPACE, pos, val, line))
                    if "\n" in val:
                        line += val.count("\n")
                    pos = e
                    continue
                typ = simple.get(k)  # type: ignore[arg-type]
                if typ is not None:
                    emit((typ, pos, text[pos:e], line))
                    pos = e
                    continue
                if k == _FAST_IDENT:
                    word = text[pos:e]
                    typ = _KEYWORDS.get(word, IDENTIFIER)
                    if (typ == BREAK and not break_ok) or (typ == CONTINUE and not continue_ok):
                        typ = IDENTIFIER
                    elif word == "true" or word == "false":
                        typ = BOOL
                    emit((typ, pos, word, line))
                    pos = e
                    continue
                if k == _FAST_LPAREN:
                    depth += 1
                    emit((LEFT_PAREN, pos, "(", line))
                    pos = e
                    continue
                if k == _FAST_RPAREN and depth:
                    depth -= 1
                    emit((RIGHT_PAREN, pos, ")", line))
                    pos = e
                    continue
                # Delimiters and the unbalanced paren: the general code below.
            if pos >= n:
                emit((ERROR, pos, "unclosed action", line))
                return items
            c = text[pos]
            if c in _SPACE and pos + 1 < n and text[pos + 1] == "-" and startswith(rd, pos + 2):
                rtrim = True
            elif startswith(rd, pos):
                rtrim = False
            else:
                rtrim = None
            if rtrim is not None:
                if depth:
                    emit((ERROR, pos, "unclosed left paren", line))
                    return items
                if rtrim:
                    if c == "\n":
                        line += 1
                    pos += 2
                emit((RIGHT_DELIM, pos, rd, line))
                pos += rdn
                if rtrim:
                    after = _SPACE_RUN.match(text, pos).end()  # type: ignore[union-attr]
                    line += count("\n", pos, after)
                    pos = after
                break
            if c in _SPACE:
                e = _SPACE_RUN.match(text, pos).end()  # type: ignore[union-attr]
                if e + 1 < n and text[e] == "-" and startswith(rd, e + 1):
                    e -= 1  # the last space belongs to a trim-marked right delimiter
                emit((SPACE, pos, text[pos:e], line))
                line += count("\n", pos, e)
                pos = e
            elif c == ".":
                if pos + 1 < n and text[pos + 1] not in "0123456789":
                    start = pos
                    pos = _lex_word(text, pos + 1, n, rd, FIELD, DOT, start, line, emit)
                    if pos < 0:
                        return items
                else:
                    pos = _lex_number(text, pos, n, line, emit)
                    if pos < 0:
                        return items
            elif c == "$":
                pos = _lex_word(text, pos + 1, n, rd, VARIABLE, VARIABLE, pos, line, emit)
                if pos < 0:
                    return items
            elif c == "|":
                emit((PIPE, pos, "|", line))
                pos += 1
            elif c == '"':
                m = _QUOTED.match(text, pos)
                if m is None:
                    emit((ERROR, pos, "unterminated quoted string", line))
                    return items
                emit((STRING, pos, m.group(), line))
                pos = m.end()
            elif c in _NUMBER_START:
                pos = _lex_number(text, pos, n, line, emit)
                if pos < 0:
                    return items
            elif c == "(":
                depth += 1
                emit((LEFT_PAREN, pos, "(", line))
                pos += 1
            elif c == ")":
                depth -= 1
                if depth < 0:
                    emit((ERROR, pos, "unexpected right paren", line))
                    return items
                emit((RIGHT_PAREN, pos, ")", line))
                pos += 1
            elif c == "=":
                emit((ASSIGN, pos, "=", line))
                pos += 1
            elif c == ":":
                if not startswith("=", pos + 1):
                    emit((ERROR, pos, "expected :=", line))
                    return items
                emit((DECLARE, pos, ":=", line))
                pos += 2
            elif c == "`":
                e = text.find("`", pos + 1)
                if e < 0:
                    emit((ERROR, pos, "unterminated raw quoted string", line))
                    return items
                emit((RAW_STRING, pos, text[pos : e + 1], line))
                line += count("\n", pos, e)
                pos = e + 1
            elif c == "'":
                m = _CHAR_CONST.match(text, pos)
                if m is None:
                    emit((ERROR, pos, "unterminated character constant", line))
                    return items
                emit((CHAR_CONSTANT, pos, m.group(), line))
                pos = m.end()
            elif is_alnum(c):
                e = _word_end(text, pos)
                if not _at_terminator(text, e, n, rd):
                    emit((ERROR, pos, "bad character " + format_rune(text[e]), line))
                    return items
                word = text[pos:e]
                typ = _KEYWORDS.get(word, IDENTIFIER)
                if (typ == BREAK and not break_ok) or (typ == CONTINUE and not continue_ok):
                    typ = IDENTIFIER
                elif word == "true" or word == "false":
                    typ = BOOL
                emit((typ, pos, word, line))
                pos = e
            elif " " < c < "\x7f":
                emit((CHAR, pos, c, line))
                pos += 1
            else:
                emit((ERROR, pos, "unrecognized character in action: " + format_rune(c), line))
                return items


def _at_terminator(text: str, p: int, n: int, rd: str) -> bool:
    """Go's atTerminator: may an identifier, field or variable end before p?"""
    return p >= n or text[p] in _TERMINATORS or text.startswith(rd, p)


def _lex_word(
    text: str, p: int, n: int, rd: str, typ: int, bare: int, start: int, line: int, emit: _Emit
) -> int:
    """A field (``.Name``) or variable (``$name``) whose sigil is at start; p is just after it.

    A lone sigil before a terminator is ``bare`` (DOT or ``$``). Returns the end, or -1 after
    emitting an error.
    """
    if _at_terminator(text, p, n, rd):
        emit((bare, start, text[start:p], line))
        return p
    e = _word_end(text, p)
    if not _at_terminator(text, e, n, rd):
        emit((ERROR, start, "bad character " + format_rune(text[e]), line))
        return -1
    emit((typ, start, text[start:e], line))
    return e


def _lex_number(text: str, start: int, n: int, line: int, emit: _Emit) -> int:
    """A number or a complex constant ``1+2i`` at start; the end, or -1 after an error."""
    e, ok = _scan_number(text, start, n)
    if not ok:
        emit((ERROR, start, "bad number syntax: " + quote(text[start:e]), line))
        return -1
    if e < n and text[e] in "+-":
        e, ok = _scan_number(text, e, n)
        if not ok or text[e - 1] != "i":
            emit((ERROR, start, "bad number syntax: " + quote(text[start:e]), line))
            return -1
        emit((COMPLEX, start, text[start:e], line))
        return e
    emit((NUMBER, start, text[start:e], line))
    return e


def item_str(item: Item) -> str:
    """Go's item.String(), as it appears in ``unexpected X in Y`` messages."""
    typ, _, val, _ = item
    if typ == EOF:
        return "EOF"
    if typ == ERROR:
        return val
    if typ > KEYWORD:
        return f"<{val}>"
    if (len(val) if val.isascii() else len(to_utf8(val))) > 10:  # Go measures bytes, cuts runes
        return quote(val[:10]) + "..."
    return quote(val)

"""Go's encoding/json Decoder: one value from the start of a text, with Go's error texts.

``--set-json`` decodes a JSON value from the middle of a flag and continues after it, and
values.schema.json errors are printed with Go's messages (``invalid character 'x' looking
for beginning of value``, ``unexpected EOF``, ``exceeded max depth``). Python's json module
neither reports where a prefix value ends with Go's rules nor uses those texts, hence this
small iterative scanner (iterative so that Go's nesting limit of 10000 cannot overflow the
Python stack).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

MAX_DEPTH = 10000  # Go's scanner refuses deeper nesting
_WS = " \t\r\n"
_ESC = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}
_HEX = frozenset("0123456789abcdefABCDEF")


class GoJSONError(Exception):
    """A decoding failure; str() is Go's message."""


def _bad(c: str, context: str) -> GoJSONError:
    """Go's error for the first byte of character C in CONTEXT."""
    from chartist.gotemplate.strconv import to_utf8
    from chartist.goyaml.jsonload import quote_char

    return GoJSONError(f"invalid character {quote_char(to_utf8(c)[0])} {context}")


_EOF = GoJSONError("unexpected EOF")


def _string(text: str, i: int) -> tuple[str, int]:
    """The string literal starting after the quote at I-1; returns (value, index after)."""
    n = len(text)
    out: list[str] = []
    start = i
    while True:
        if i >= n:
            raise _EOF
        c = text[i]
        if c == '"':
            out.append(text[start:i])
            return "".join(out), i + 1
        if c == "\\":
            out.append(text[start:i])
            i += 1
            if i >= n:
                raise _EOF
            e = text[i]
            if e in _ESC:
                out.append(_ESC[e])
                i += 1
            elif e == "u":
                code, i = _hex4(text, i + 1)
                if 0xD800 <= code < 0xDC00:
                    # A high surrogate must be followed by an escaped low one.
                    if text.startswith("\\u", i):
                        low, j = _hex4(text, i + 2)
                        if 0xDC00 <= low < 0xE000:
                            out.append(chr(0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)))
                            i = j
                            start = i
                            continue
                    out.append("\ufffd")
                elif 0xDC00 <= code < 0xE000:
                    out.append("\ufffd")
                else:
                    out.append(chr(code))
            else:
                raise _bad(e, "in string escape code")
            start = i
            continue
        if c < " ":
            raise _bad(c, "in string literal")
        if "\ud800" <= c <= "\udfff":  # undecodable bytes read as U+FFFD, as Go does
            out.append(text[start:i] + "\ufffd")
            start = i + 1
        i += 1


def _hex4(text: str, i: int) -> tuple[int, int]:
    for k in range(4):
        if i + k >= len(text):
            raise _EOF
        if text[i + k] not in _HEX:
            raise _bad(text[i + k], "in \\u hexadecimal character escape")
    return int(text[i : i + 4], 16), i + 4


def _number(text: str, i: int) -> tuple[str, int]:
    """The number literal at I (Go's grammar); returns (text, index after)."""
    n = len(text)
    start = i
    if text[i] == "-":
        i += 1
        if i >= n:
            raise _EOF
        if not "0" <= text[i] <= "9":
            raise _bad(text[i], "in numeric literal")
    if text[i] == "0":
        i += 1
    else:
        while i < n and "0" <= text[i] <= "9":
            i += 1
    if i < n and text[i] == ".":
        i += 1
        if i >= n:
            raise _EOF
        if not "0" <= text[i] <= "9":
            raise _bad(text[i], "after decimal point in numeric literal")
        while i < n and "0" <= text[i] <= "9":
            i += 1
    if i < n and text[i] in "eE":
        i += 1
        if i < n and text[i] in "+-":
            i += 1
        if i >= n:
            raise _EOF
        if not "0" <= text[i] <= "9":
            raise _bad(text[i], "in exponent of numeric literal")
        while i < n and "0" <= text[i] <= "9":
            i += 1
    return text[start:i], i


def _literal(text: str, i: int) -> tuple[Any, int]:
    for word, value in (("true", True), ("false", False), ("null", None)):
        if text[i] == word[0]:
            for k in range(1, len(word)):
                if i + k >= len(text):
                    raise _EOF
                if text[i + k] != word[k]:
                    raise _bad(text[i + k], f"in literal {word} (expecting '{word[k]}')")
            return value, i + len(word)
    raise AssertionError("unreachable")


def _ws(text: str, i: int) -> int:
    n = len(text)
    while i < n and text[i] in _WS:
        i += 1
    return i


def decode(text: str, pos: int = 0, *, number: Callable[[str], Any] | None = None) -> tuple[Any, int]:
    """Decode one JSON value of TEXT starting at POS, as Go's json.Decoder.Decode does.

    Returns the value and the index just after it (Decoder.InputOffset). Numbers become
    floats, or NUMBER(text) when given (Decoder.UseNumber). Raises GoJSONError: ``EOF``
    when only whitespace is left, ``unexpected EOF`` for a truncated value, Go's syntax
    messages, ``json: cannot unmarshal number X into Go value of type float64``.
    """
    n = len(text)
    i = _ws(text, pos)
    if i >= n:
        raise GoJSONError("EOF")
    overflow: list[str] = []

    def num(t: str) -> Any:
        if number is not None:
            return number(t)
        f = float(t)
        if math.isinf(f) and not overflow:
            overflow.append(t)
        return f

    # Frames: [container, pending key] for objects, [list] for arrays.
    stack: list[list[Any]] = []
    while True:
        # A value starts at i.
        i = _ws(text, i)
        if i >= n:
            raise _EOF
        c = text[i]
        value: Any
        if c == "{" or c == "[":
            if len(stack) >= MAX_DEPTH:
                raise _bad(c, "exceeded max depth")
            i = _ws(text, i + 1)
            if i >= n:
                raise _EOF
            if c == "[":
                if text[i] == "]":
                    value, i = [], i + 1
                else:
                    stack.append([[]])
                    continue
            elif text[i] == "}":
                value, i = {}, i + 1
            else:
                if text[i] != '"':
                    raise _bad(text[i], "looking for beginning of object key string")
                key, i = _string(text, i + 1)
                i = _ws(text, i)
                if i >= n:
                    raise _EOF
                if text[i] != ":":
                    raise _bad(text[i], "after object key")
                stack.append([{}, key])
                i += 1
                continue
        elif c == '"':
            value, i = _string(text, i + 1)
        elif c == "-" or "0" <= c <= "9":
            t, i = _number(text, i)
            value = num(t)
        elif c in "tfn":
            value, i = _literal(text, i)
        else:
            raise _bad(c, "looking for beginning of value")
        # The value is complete: store it and close finished containers.
        while True:
            if not stack:
                if overflow:
                    raise GoJSONError(
                        f"json: cannot unmarshal number {overflow[0]} into Go value of type float64"
                    )
                return value, i
            frame = stack[-1]
            i = _ws(text, i)
            if i >= n:
                raise _EOF
            c = text[i]
            if len(frame) == 2:
                frame[0][frame[1]] = value
                if c == ",":
                    i = _ws(text, i + 1)
                    if i >= n:
                        raise _EOF
                    if text[i] != '"':
                        raise _bad(text[i], "looking for beginning of object key string")
                    frame[1], i = _string(text, i + 1)
                    i = _ws(text, i)
                    if i >= n:
                        raise _EOF
                    if text[i] != ":":
                        raise _bad(text[i], "after object key")
                    i += 1
                    break
                if c == "}":
                    value = frame[0]
                    stack.pop()
                    i += 1
                    continue
                raise _bad(c, "after object key:value pair")
            frame[0].append(value)
            if c == ",":
                i += 1
                break
            if c == "]":
                value = frame[0]
                stack.pop()
                i += 1
                continue
            raise _bad(c, "after array element")

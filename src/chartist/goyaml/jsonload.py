"""JSON read as Go's ``json.Unmarshal`` into ``interface{}`` does: numbers are float64.

Parsing is the stdlib's C scanner (``json.loads``), which accepts the same grammar as Go once
NaN/Infinity are refused. Go's error texts come from a hand-written port of encoding/json's
scanner states, run only when a text fails (no library reports Go's messages), and from
encoding/json's number conversion (``json: cannot unmarshal number 1e400 into Go value of
type float64``). Invalid surrogate escapes become U+FFFD as in Go.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any, Final

from chartist.gotemplate.strconv import quote
from chartist.goyaml.errors import YAMLError

__all__ = ["go_json_syntax_error", "load_json", "quote_char"]

_MAX_DEPTH: Final = 10000


class _Reject(Exception):
    """A text the stdlib accepts but Go does not (NaN, Infinity)."""


def _reject_constant(name: str) -> Any:
    raise _Reject(name)


_DECODER: Final = json.JSONDecoder(parse_int=float, parse_constant=_reject_constant, strict=True)
_SURROGATE_ESC: Final = re.compile(r"\\u[dD][89a-fA-F]")
_LONE: Final = re.compile("[\ud800-\udfff]")


def _fix_surrogates(v: Any) -> Any:
    if isinstance(v, str):
        return _LONE.sub("\ufffd", v)
    if isinstance(v, dict):
        return {_fix_surrogates(k): _fix_surrogates(x) for k, x in v.items()}
    if isinstance(v, list):
        return [_fix_surrogates(x) for x in v]
    return v


def _bad_number(v: Any) -> str | None:
    """The text of the first out-of-range number Go would refuse, else None."""
    if isinstance(v, float):
        return "" if math.isinf(v) else None
    if isinstance(v, dict):
        for x in v.values():
            r = _bad_number(x)
            if r is not None:
                return r
    elif isinstance(v, list):
        for x in v:
            r = _bad_number(x)
            if r is not None:
                return r
    return None


_NUMBER: Final = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?")


def load_json(text: str | bytes) -> Any:
    """Decode TEXT as Go's json.Unmarshal into interface{}.

    Raises YAMLError with Go's message, e.g. ``invalid character 'a' looking for beginning of
    value``, ``unexpected end of JSON input`` or ``json: cannot unmarshal number 1e400 into Go
    value of type float64``.
    """
    s = text.decode("utf-8", "replace") if isinstance(text, bytes) else text
    try:
        value = _DECODER.decode(s)
    except (ValueError, _Reject, RecursionError):
        raise YAMLError(go_json_syntax_error(s) or "unexpected end of JSON input") from None
    if _SURROGATE_ESC.search(s) or (not s.isascii() and _LONE.search(s)):
        value = _fix_surrogates(value)
    if _bad_number(value) is not None:
        for m in _NUMBER.finditer(s):
            if math.isinf(float(m.group(0))):
                raise YAMLError(f"json: cannot unmarshal number {m.group(0)} into Go value of type float64")
    return value


def quote_char(c: int) -> str:
    """encoding/json's quoteChar, which its syntax errors print: byte C as a rune in single
    quotes (``'x'``, ``'\\''``, ``'\\x01'``; 0xE9 prints as ``'é'``)."""
    if c == 0x27:
        return "'\\''"
    if c == 0x22:
        return "'\"'"
    return "'" + quote(chr(c))[1:-1] + "'"


_WS: Final = frozenset(b" \t\r\n")
_DIGITS: Final = frozenset(b"0123456789")
_HEX: Final = frozenset(b"0123456789abcdefABCDEF")


def go_json_syntax_error(text: str) -> str | None:
    """encoding/json's syntax error for TEXT (its scanner's message), or None if TEXT is valid."""
    data = text.encode("utf-8", "surrogateescape")
    n = len(data)
    stack: list[str] = []  # "k" object key, "v" object value, "a" array
    i = 0

    def err(c: int, ctx: str) -> str:
        return f"invalid character {quote_char(c)} {ctx}"

    state = "value"
    while True:
        if state == "value" or state == "value_or_close":
            while i < n and data[i] in _WS:
                i += 1
            if i >= n:
                return "unexpected end of JSON input"
            c = data[i]
            if state == "value_or_close" and c == 0x5D:  # ]
                stack.pop()
                i += 1
                state = "end"
                continue
            if c == 0x7B:  # {
                stack.append("k")
                if len(stack) > _MAX_DEPTH:
                    return "exceeded max depth"
                i += 1
                state = "key_or_close"
                continue
            if c == 0x5B:  # [
                stack.append("a")
                if len(stack) > _MAX_DEPTH:
                    return "exceeded max depth"
                i += 1
                state = "value_or_close"
                continue
            if c == 0x22:
                i += 1
                r = _string(data, i)
                if isinstance(r, str):
                    return r
                i = r
                state = "end"
                continue
            if c == 0x2D or c in _DIGITS:
                r = _number_end(data, i)
                if isinstance(r, str):
                    return r
                i = r
                state = "end"
                continue
            for word in (b"true", b"false", b"null"):
                if c == word[0]:
                    for k in range(1, len(word)):
                        got = data[i + k] if i + k < n else 0x20  # Go steps a space at EOF
                        if got != word[k]:
                            lit = word.decode()
                            return err(got, f"in literal {lit} (expecting {quote_char(word[k])})")
                    i += len(word)
                    state = "end"
                    break
            else:
                return err(c, "looking for beginning of value")
            continue
        if state == "key_or_close" or state == "key":
            while i < n and data[i] in _WS:
                i += 1
            if i >= n:
                return "unexpected end of JSON input"
            c = data[i]
            if state == "key_or_close" and c == 0x7D:
                stack.pop()
                i += 1
                state = "end"
                continue
            if c != 0x22:
                return err(c, "looking for beginning of object key string")
            i += 1
            r = _string(data, i)
            if isinstance(r, str):
                return r
            i = r
            state = "end"
            continue
        # state == "end": after a value
        while i < n and data[i] in _WS:
            i += 1
        if not stack:
            if i < n:
                return err(data[i], "after top-level value")
            return None
        if i >= n:
            return "unexpected end of JSON input"
        c = data[i]
        top = stack[-1]
        i += 1
        if top == "k":
            if c != 0x3A:
                return err(c, "after object key")
            stack[-1] = "v"
            state = "value"
        elif top == "v":
            if c == 0x2C:
                stack[-1] = "k"
                state = "key"
            elif c == 0x7D:
                stack.pop()
            else:
                return err(c, "after object key:value pair")
        else:
            if c == 0x2C:
                state = "value"
            elif c == 0x5D:
                stack.pop()
            else:
                return err(c, "after array element")


def _string(data: bytes, i: int) -> int | str:
    """Index after the closing quote of the string starting at I, or Go's error."""
    n = len(data)
    while i < n:
        c = data[i]
        if c == 0x22:
            return i + 1
        if c == 0x5C:
            i += 1
            e = data[i] if i < n else 0x20  # Go steps a space at EOF
            if e == 0x75:  # u
                for k in range(1, 5):
                    h = data[i + k] if i + k < n else 0x20
                    if h not in _HEX:
                        return f"invalid character {quote_char(h)} in \\u hexadecimal character escape"
                i += 5
                continue
            if e not in b'bfnrt\\/"':
                return f"invalid character {quote_char(e)} in string escape code"
            i += 1
            continue
        if c < 0x20:
            return f"invalid character {quote_char(c)} in string literal"
        i += 1
    return "unexpected end of JSON input"


def _number_end(data: bytes, i: int) -> int | str:
    """Index after the number starting at I, or Go's error."""
    n = len(data)

    def at(k: int) -> int:
        return data[k] if k < n else -1

    def bad(k: int, ctx: str) -> str:
        # at the end of input Go's scanner steps a space
        return f"invalid character {quote_char(data[k] if k < n else 0x20)} {ctx}"

    if at(i) == 0x2D:
        i += 1
        if at(i) not in _DIGITS:
            return bad(i, "in numeric literal")
    if at(i) == 0x30:
        i += 1
    else:
        while at(i) in _DIGITS:
            i += 1
    if at(i) == 0x2E:
        i += 1
        if at(i) not in _DIGITS:
            return bad(i, "after decimal point in numeric literal")
        while at(i) in _DIGITS:
            i += 1
    if at(i) in (0x65, 0x45):
        i += 1
        if at(i) in (0x2B, 0x2D):
            i += 1
        if at(i) not in _DIGITS:
            return bad(i, "in exponent of numeric literal")
        while at(i) in _DIGITS:
            i += 1
    return i

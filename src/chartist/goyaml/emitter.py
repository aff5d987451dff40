"""Helm's ``toYaml`` bytes: sigs.k8s.io/yaml.Marshal, i.e. encoding/json then go-yaml v2's emitter.

Hand-written because no library emits go-yaml v2's bytes. Helm marshals a value to JSON, reads
the JSON back with go-yaml v2 (so integral numbers become ints, map keys are sorted by go-yaml's
"natural" key order, raw U+0085 inside strings is folded like a line break) and emits it with
go-yaml's port of libyaml's emitter: block style, 2-space indentation, sequences inside mappings
not indented, strings quoted when they would read back as another type, plain and quoted
scalars folded at column 80, multi-line strings as literal block scalars.

This module keeps the emitter's state (column, indentation stack, the whitespace/indention
flags) exactly as libyaml does for the events such a document produces, and takes fast paths
where the state machine's outcome is known (short scalars, no folding possible).
"""

from __future__ import annotations

import base64
import math
import re
from collections.abc import Mapping
from functools import cmp_to_key
from typing import Any, Final

from chartist.gotemplate.values import GoObject
from chartist.goyaml.errors import YAMLError
from chartist.goyaml.gofmt import format_g, format_json_float
from chartist.goyaml.resolve import resolves_to_str

__all__ = ["dump", "json_value", "key_order"]

_BEST_WIDTH: Final = 80
_BEST_INDENT: Final = 2

# Scalar styles after go-yaml's stringv and libyaml's select_scalar_style.
_PLAIN: Final = 0
_SINGLE: Final = 1
_DOUBLE: Final = 2
_LITERAL: Final = 3

_UINT64_MAX: Final = (1 << 64) - 1
_INT64_MIN: Final = -(1 << 63)


class _MarshalError(Exception):
    """encoding/json refused the value (str() is Go's message without the prefix)."""


class _YAMLReadError(Exception):
    """go-yaml could not read the JSON back (str() is Go's message)."""


# -- encoding/json, then go-yaml reading the JSON text back ---------------------------------------

# Characters encoding/json leaves raw that go-yaml's reader refuses.
_CONTROL: Final = re.compile("[\x7f-\x84\x86-\x9f\ufffe\uffff]")
_SURROGATE: Final = re.compile("[\ud800-\udfff]")
_NEL_RUN: Final = re.compile(" *\x85[ \x85]*")


def _fold_nel(m: re.Match[str]) -> str:
    # go-yaml's double-quoted scanner: spaces before a break vanish, the first break folds to a
    # space (or to the following breaks), blanks starting a continuation line vanish.
    k = m.group(0).count("\x85")
    return " " if k == 1 else "\n" * (k - 1)


_DOC_INDICATOR: Final = re.compile("\x85[ \x85]*(?<=\x85)(?:---|\\.\\.\\.)(?=[ \x85])")


def _json_string(s: str) -> str:
    """S after json.Marshal and go-yaml's reading of the quoted JSON string."""
    if s.isascii():
        if "\x7f" in s:
            raise _YAMLReadError("yaml: control characters are not allowed")
        return s
    if _SURROGATE.search(s):
        s = _SURROGATE.sub("\ufffd", s)  # invalid UTF-8 becomes U+FFFD in encoding/json
    if _CONTROL.search(s):
        raise _YAMLReadError("yaml: control characters are not allowed")
    if "\x85" in s:
        if _DOC_INDICATOR.search(s):
            raise _YAMLReadError("yaml: found unexpected document indicator")
        s = _NEL_RUN.sub(_fold_nel, s)
    return s


def _json_key(s: str) -> str:
    """A map key after the JSON round trip; a raw U+0085 makes the JSON key span two lines,
    which go-yaml refuses for an implicit key."""
    k = _json_string(s)
    if "\x85" in s:
        raise _YAMLReadError("yaml: did not find expected ',' or '}'")
    return k


def _number(f: float) -> str:
    """The plain scalar go-yaml writes for a float64 that went through JSON."""
    if math.isnan(f) or math.isinf(f):
        raise _MarshalError("json: unsupported value: " + format_g(f))
    if f == int(f) and abs(f) < 1e21:
        text = format_json_float(f)
        n = int(text)
        if _INT64_MIN <= n <= _UINT64_MAX:
            return str(n)
    return format_g(f)


def _int(n: int) -> str:
    if _INT64_MIN <= n <= _UINT64_MAX:
        return str(n)
    return format_g(float(n))


def json_value(v: GoObject) -> Any:
    """What encoding/json marshals for the struct V: ``v.go_json()`` if defined, else its fields."""
    hook = getattr(v, "go_json", None)
    if hook is not None:
        return hook()
    if isinstance(v, Mapping):
        return dict(v)
    return {name: getattr(v, name) for name in v.go_fields}


# -- go-yaml's key order ----------------------------------------------------------------------------


def _go_less(a: str, b: str) -> bool:
    """go-yaml v2 sorter keyList.Less for two string keys (letters after others, digit runs numeric)."""
    n = min(len(a), len(b))
    for i in range(n):
        ca, cb = a[i], b[i]
        if ca == cb:
            continue
        al, bl = ca.isalpha(), cb.isalpha()
        if al and bl:
            return ca < cb
        if al or bl:
            return bl
        an = bn = 0
        if ca == "0" or cb == "0":
            j = i - 1
            while j >= 0 and a[j].isdecimal():
                if a[j] != "0":
                    an = bn = 1
                    break
                j -= 1
        ai = i
        while ai < len(a) and a[ai].isdecimal():
            an = _wrap64(an * 10 + ord(a[ai]) - 48)
            ai += 1
        bi = i
        while bi < len(b) and b[bi].isdecimal():
            bn = _wrap64(bn * 10 + ord(b[bi]) - 48)
            bi += 1
        if an != bn:
            return an < bn
        if ai != bi:
            return ai < bi
        return ca < cb
    return len(a) < len(b)


def _wrap64(n: int) -> int:
    n &= _UINT64_MAX
    return n - (1 << 64) if n >= 1 << 63 else n


def _cmp(a: str, b: str) -> int:
    if _go_less(a, b):
        return -1
    return 1 if _go_less(b, a) else 0


_CMP_KEY: Final = cmp_to_key(_cmp)
_ASCII_KEY: Final = str.maketrans({c: chr(ord(c) + 128) for c in map(chr, range(128)) if c.isalpha()})
_DIGIT: Final = re.compile(r"\d")


def key_order(keys: list[str]) -> list[str]:
    """KEYS in the order go-yaml v2 emits map keys."""
    if all(k.isascii() for k in keys) and not any(_DIGIT.search(k) for k in keys):
        # Without digits the order is rune order with letters after every other rune.
        return sorted(keys, key=lambda k: k.translate(_ASCII_KEY))
    # go-yaml's comparison is not a consistent order for some keys (leading zeros next to
    # letters); Go then sorts the map's random key order, so Helm's own output varies there.
    return sorted(keys, key=_CMP_KEY)


# -- scalar analysis (libyaml's yaml_emitter_analyze_scalar + select_scalar_style) -------------------


def _printable(c: str) -> bool:
    o = ord(c)
    if o < 0x80:
        return o == 0x0A or 0x20 <= o <= 0x7E
    if o < 0xA0:
        return False
    if o < 0x10000:
        return not (0xD800 <= o <= 0xDFFF) and o not in (0xFEFF, 0xFFFE, 0xFFFF)
    return False  # go-yaml's is_printable rejects 4-byte UTF-8 sequences


_BREAKS: Final = frozenset("\r\n\x85\u2028\u2029")
_FLOW_FIRST: Final = frozenset("#,[]{}&*!|>'\"%@`")
_FLOW_ANY: Final = frozenset(",?[]{}")


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
        if not _printable(c):
            special = True
        if c == " ":
            if i == 0:
                leading_space = True
            if i == n - 1:
                trailing_space = True
            if previous_break:
                break_space = True
            previous_space, previous_break = True, False
        elif c in _BREAKS:
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
_SAFE_PLAIN: Final = re.compile(r"[A-Za-z_/][A-Za-z0-9_./-]*")


def _style(s: str, simple_key: bool) -> tuple[int, bool]:
    """(style, multiline) go-yaml v2 writes the string S with (empty S: double-quoted)."""
    r = _STYLE_CACHE.get((s, simple_key))
    if r is not None:
        return r
    if not s:
        r = (_DOUBLE, False)
    else:
        multiline, plain_ok, single_ok, block_ok = _analyze(s)
        if "\n" in s:
            style = _LITERAL
        elif resolves_to_str(s):
            style = _PLAIN
        else:
            style = _DOUBLE
        if simple_key and multiline:
            style = _DOUBLE
        if style == _PLAIN and not plain_ok:
            style = _SINGLE
        if style == _SINGLE and not single_ok:
            style = _DOUBLE
        if style == _LITERAL and (not block_ok or simple_key):
            style = _DOUBLE
        r = (style, multiline)
    if len(_STYLE_CACHE) < _STYLE_CACHE_MAX:
        _STYLE_CACHE[(s, simple_key)] = r
    return r


# -- the emitter ---------------------------------------------------------------------------------------

_ESCAPES: Final = {
    "\x00": "0",
    "\x07": "a",
    "\x08": "b",
    "\t": "t",
    "\n": "n",
    "\x0b": "v",
    "\x0c": "f",
    "\r": "r",
    "\x1b": "e",
    '"': '"',
    "\\": "\\",
    "\x85": "N",
    "\xa0": "_",
    "\u2028": "L",
    "\u2029": "P",
}


class _Emitter:
    """libyaml's emitter state for one document of block collections and scalars."""

    __slots__ = ("column", "indent", "indention", "out", "whitespace")

    def __init__(self) -> None:
        self.out: list[str] = []
        self.column = 0
        self.indent = -1
        self.whitespace = True
        self.indention = True

    # primitive writes

    def put_break(self) -> None:
        self.out.append("\n")
        self.column = 0

    def write_indent(self) -> None:
        indent = self.indent if self.indent >= 0 else 0
        if not self.indention or self.column > indent or (self.column == indent and not self.whitespace):
            self.out.append("\n")
            self.column = 0
        if self.column < indent:
            self.out.append(" " * (indent - self.column))
            self.column = indent
        self.whitespace = True
        self.indention = True

    def indicator(self, text: str, need_ws: bool, is_ws: bool, is_indention: bool) -> None:
        if need_ws and not self.whitespace:
            self.out.append(" ")
            self.column += 1
        self.out.append(text)
        self.column += len(text)
        self.whitespace = is_ws
        self.indention = self.indention and is_indention

    # nodes

    def node(self, v: Any, mapping_ctx: bool) -> None:
        if isinstance(v, str):
            self.scalar(_json_string(v), False)
        elif isinstance(v, dict):
            if v:
                self.mapping(v)
            else:
                self.indicator("{", True, True, False)
                self.indicator("}", False, False, False)
        elif isinstance(v, list | tuple):
            if v:
                self.sequence(v, mapping_ctx)
            else:
                self.indicator("[", True, True, False)
                self.indicator("]", False, False, False)
        elif v is None:
            self.plain("null", False)
        elif v is True:
            self.plain("true", False)
        elif v is False:
            self.plain("false", False)
        elif isinstance(v, float):
            self.plain(_number(v), False)
        elif isinstance(v, int):
            self.plain(_int(v), False)
        elif isinstance(v, bytes | bytearray):
            self.scalar(base64.b64encode(v).decode("ascii"), False)
        elif isinstance(v, GoObject):
            self.node(json_value(v), mapping_ctx)
        elif isinstance(v, Mapping):
            self.node(dict(v), mapping_ctx)
        else:
            raise _MarshalError(f"json: unsupported type: {type(v).__name__}")

    def mapping(self, d: dict[str, Any]) -> None:
        saved = self.indent
        self.indent = 0 if saved < 0 else saved + _BEST_INDENT
        items = {_json_key(k if isinstance(k, str) else str(k)): v for k, v in d.items()}
        for k in key_order(list(items)):
            self.write_indent()
            # libyaml's check_simple_key: one line and at most 128 bytes, else "? key"
            if (len(k) > 32 and len(k.encode("utf-8")) > 128) or _style(k, True)[1]:
                self.indicator("?", True, False, True)
                self.scalar(k, False)
                self.write_indent()
                self.indicator(":", True, False, True)
            else:
                self.scalar(k, True)
                self.indicator(":", False, False, False)
            self.node(items[k], True)
        self.indent = saved

    def sequence(self, items: Any, mapping_ctx: bool) -> None:
        saved = self.indent
        if saved < 0:
            self.indent = 0
        elif not (mapping_ctx and not self.indention):
            self.indent = saved + _BEST_INDENT
        for item in items:
            self.write_indent()
            self.indicator("-", True, False, True)
            self.node(item, False)
        self.indent = saved

    def plain(self, text: str, simple_key: bool) -> None:
        # A number, bool or null: plain, never folded (no spaces).
        if not self.whitespace:
            self.out.append(" ")
            self.column += 1
        self.out.append(text)
        self.column += len(text)
        self.whitespace = False
        self.indention = False

    def scalar(self, s: str, simple_key: bool) -> None:
        style, _ = _style(s, simple_key)
        saved = self.indent
        self.indent = _BEST_INDENT if saved < 0 else saved + _BEST_INDENT
        allow_breaks = not simple_key
        if style == _PLAIN:
            if not self.whitespace:
                self.out.append(" ")
                self.column += 1
            if not allow_breaks or " " not in s or self.column + len(s) <= _BEST_WIDTH + 1:
                self.out.append(s)
                self.column += len(s)
            else:
                self.folded_plain(s)
            self.whitespace = False
            self.indention = False
        elif style == _SINGLE:
            self.single_quoted(s, allow_breaks)
        elif style == _DOUBLE:
            self.double_quoted(s, allow_breaks)
        else:
            self.literal(s)
        self.indent = saved

    def folded_plain(self, s: str) -> None:
        spaces = False
        n = len(s)
        out = self.out
        i = 0
        while i < n:
            c = s[i]
            if c == " ":
                if not spaces and self.column > _BEST_WIDTH and not (i + 1 < n and s[i + 1] == " "):
                    self.write_indent()
                else:
                    out.append(c)
                    self.column += 1
                spaces = True
            else:
                out.append(c)
                self.column += 1
                self.indention = False
                spaces = False
            i += 1

    def single_quoted(self, s: str, allow_breaks: bool) -> None:
        self.indicator("'", True, False, False)
        out = self.out
        spaces = breaks = False
        n = len(s)
        for i, c in enumerate(s):
            if c == " ":
                if (
                    allow_breaks
                    and not spaces
                    and self.column > _BEST_WIDTH
                    and 0 < i < n - 1
                    and s[i + 1] != " "
                ):
                    self.write_indent()
                else:
                    out.append(c)
                    self.column += 1
                spaces = True
            elif c in _BREAKS:
                if not breaks and c == "\n":
                    self.put_break()
                if c == "\n":
                    self.put_break()
                else:
                    out.append(c)
                    self.column = 0
                self.indention = True
                breaks = True
            else:
                if breaks:
                    self.write_indent()
                if c == "'":
                    out.append("'")
                    self.column += 1
                out.append(c)
                self.column += 1
                self.indention = False
                spaces = breaks = False
        self.indicator("'", False, False, False)
        self.whitespace = False
        self.indention = False

    def double_quoted(self, s: str, allow_breaks: bool) -> None:
        self.indicator('"', True, False, False)
        out = self.out
        spaces = False
        escape_all = s.startswith("\ufeff")  # go-yaml's is_bom looks at the value's start
        n = len(s)
        for i, c in enumerate(s):
            if escape_all or not _printable(c) or c in _BREAKS or c == '"' or c == "\\":
                e = _ESCAPES.get(c)
                if e is None:
                    o = ord(c)
                    if o <= 0xFF:
                        e = f"x{o:02X}"
                    elif o <= 0xFFFF:
                        e = f"u{o:04X}"
                    else:
                        e = f"U{o:08X}"
                out.append("\\" + e)
                self.column += 1 + len(e)
                spaces = False
            elif c == " ":
                if allow_breaks and not spaces and self.column > _BEST_WIDTH and 0 < i < n - 1:
                    self.write_indent()
                    if s[i + 1] == " ":
                        out.append("\\")
                        self.column += 1
                else:
                    out.append(c)
                    self.column += 1
                spaces = True
            else:
                out.append(c)
                self.column += 1
                spaces = False
        self.indicator('"', False, False, False)
        self.whitespace = False
        self.indention = False

    def literal(self, s: str) -> None:
        self.indicator("|", True, False, False)
        # block scalar hints: indentation when the text starts with a space or break, chomping
        if s[0] == " " or s[0] in _BREAKS:
            self.indicator(str(_BEST_INDENT), False, False, False)
        if s[-1] not in _BREAKS:
            self.indicator("-", False, False, False)
        elif len(s) == 1 or s[-2] in _BREAKS:
            self.indicator("+", False, False, False)
        self.put_break()
        self.indention = True
        self.whitespace = True
        out = self.out
        indent = " " * self.indent
        lines = s.split("\n")
        # Fast path: only "\n" breaks. Each non-empty line is indented; empty lines stay empty.
        if not any(b in s for b in "\r\x85\u2028\u2029"):
            last = len(lines) - 1
            for i, line in enumerate(lines):
                if line:
                    out.append(indent + line)
                    self.column = self.indent + len(line)
                    self.indention = False
                if i < last:
                    out.append("\n")
                    self.column = 0
                    self.indention = True
            return
        breaks = True
        for c in s:
            if c in _BREAKS:
                if c == "\n":
                    self.put_break()
                else:
                    out.append(c)
                    self.column = 0
                self.indention = True
                breaks = True
            else:
                if breaks:
                    self.write_indent()
                out.append(c)
                self.column += 1
                self.indention = False
                breaks = False


def dump(value: Any) -> str:
    """VALUE as Helm's toYaml writes it before trimming the final newline (sigs.k8s.io/yaml.Marshal).

    Raises YAMLError with Go's text when encoding/json refuses the value
    (``error marshaling into JSON: json: unsupported value: NaN``) or go-yaml cannot read the
    JSON back (``yaml: control characters are not allowed``); toYaml then renders "".
    """
    e = _Emitter()
    try:
        e.node(value, False)
    except _MarshalError as err:
        raise YAMLError("error marshaling into JSON: " + str(err)) from None
    except _YAMLReadError as err:
        raise YAMLError(_locate(str(err), value)) from None
    # document end: write_indent at indentation 0
    if not e.indention or e.column > 0 or not e.whitespace:
        e.out.append("\n")
    return "".join(e.out)


def _locate(msg: str, value: Any) -> str:
    """The error go-yaml reports first while reading VALUE's JSON text, with its line.

    Raw U+0085 are the only line breaks in the compact JSON text, so lines are counted by them,
    walking the value in encoding/json's order (sorted keys).
    """
    found: list[str] = []
    nels = 0

    def text(s: str, is_key: bool) -> bool:
        nonlocal nels
        try:
            _json_string(s)
        except _YAMLReadError as err:
            if "document indicator" not in str(err):
                return False  # reader errors are reported without a line
            m = _DOC_INDICATOR.search(s)
            assert m is not None
            line = nels + s[: m.start() + m.group(0).rfind("\x85") + 1].count("\x85") + 1
            found.append(f"yaml: line {line}: found unexpected document indicator")
            return True
        nels += s.count("\x85")
        if is_key and "\x85" in s:
            found.append(f"yaml: line {nels}: did not find expected ',' or '}}'")
            return True
        return False

    def walk(v: Any) -> bool:
        if isinstance(v, str):
            return text(v, False)
        if isinstance(v, GoObject):
            return walk(json_value(v))
        if isinstance(v, Mapping):
            for k in sorted(v, key=str):
                if text(str(k), True) or walk(v[k]):
                    return True
        elif isinstance(v, list | tuple):
            return any(walk(x) for x in v)
        return False

    if "control characters" in msg:
        return msg
    walk(value)
    return found[0] if found else msg

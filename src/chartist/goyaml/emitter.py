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
from collections.abc import Mapping
from typing import Any, Final

from chartist.gotemplate.values import NILS, GoObject
from chartist.goyaml.errors import YAMLError
from chartist.goyaml.keyorder import key_order
from chartist.goyaml.roundtrip import (
    DOC_INDICATOR,
    MarshalError,
    YAMLReadError,
    json_int,
    json_key,
    json_number,
    json_string,
    json_value,
    key_text,
)
from chartist.goyaml.scalars import BREAKS, DOUBLE, PLAIN, SINGLE, printable, style

__all__ = ["Emitter", "dump", "finish"]

_BEST_WIDTH: Final = 80
_BEST_INDENT: Final = 2


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


class Emitter:
    """libyaml's emitter state for one document of block collections and scalars.

    This class writes what go-yaml v2 writes for a value after the JSON round trip (toYaml);
    :class:`chartist.goyaml.pretty.PrettyEmitter` overrides the value hooks for go-yaml v3.
    """

    __slots__ = ("column", "indent", "indention", "out", "whitespace")

    # go-yaml v2 folds long scalars at 80 columns and does not indent sequences in mappings.
    width: int = _BEST_WIDTH
    indentless: bool = True
    v3_keys: bool = False

    def __init__(self) -> None:
        self.out: list[str] = []
        self.column = 0
        self.indent = -1
        self.whitespace = True
        self.indention = True

    # value hooks: the scalar text of each kind of Go value

    def string(self, s: str) -> str:
        return json_string(s)

    def key(self, k: Any) -> str:
        return json_key(key_text(k))

    def number(self, f: float) -> str:
        return json_number(f)

    def integer(self, n: int) -> str:
        return json_int(n)

    def blob(self, b: bytes | bytearray, mapping_ctx: bool) -> None:
        self.scalar(base64.b64encode(b).decode("ascii"), False)

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
            self.scalar(self.string(v), False)
        elif isinstance(v, dict):
            if v:
                self.mapping(v)
            elif isinstance(v, NILS):
                self.plain("null", False)
            else:
                self.indicator("{", True, True, False)
                self.indicator("}", False, False, False)
        elif isinstance(v, list | tuple):
            if v:
                self.sequence(v, mapping_ctx)
            elif isinstance(v, NILS):
                self.plain("null", False)
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
            self.plain(self.number(v), False)
        elif isinstance(v, int):
            self.plain(self.integer(v), False)
        elif isinstance(v, bytes | bytearray):
            self.blob(v, mapping_ctx)
        elif isinstance(v, GoObject):
            self.node(json_value(v), mapping_ctx)
        elif isinstance(v, Mapping):
            self.node(dict(v), mapping_ctx)
        else:
            raise MarshalError(f"json: unsupported type: {type(v).__name__}")

    def mapping(self, d: dict[str, Any], ordered: bool = False) -> None:
        """D as a block mapping, keys sorted (as the given order when ORDERED: a struct's fields)."""
        saved = self.indent
        self.indent = 0 if saved < 0 else saved + _BEST_INDENT
        key = self.key
        items = {key(k): v for k, v in d.items()}
        for k in list(items) if ordered else key_order(list(items), self.v3_keys):
            self.write_indent()
            # libyaml's check_simple_key: one line and at most 128 bytes, else "? key"
            if (len(k) > 32 and len(k.encode("utf-8")) > 128) or style(k, True, self.v3_keys)[1]:
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
        elif not (self.indentless and mapping_ctx and not self.indention):
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
        kind, _ = style(s, simple_key, self.v3_keys)
        saved = self.indent
        self.indent = _BEST_INDENT if saved < 0 else saved + _BEST_INDENT
        allow_breaks = not simple_key
        if kind == PLAIN:
            if not self.whitespace:
                self.out.append(" ")
                self.column += 1
            if not allow_breaks or " " not in s or self.column + len(s) <= self.width + 1:
                self.out.append(s)
                self.column += len(s)
            else:
                self.folded_plain(s)
            self.whitespace = False
            self.indention = False
        elif kind == SINGLE:
            self.single_quoted(s, allow_breaks)
        elif kind == DOUBLE:
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
                if not spaces and self.column > self.width and not (i + 1 < n and s[i + 1] == " "):
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
                    and self.column > self.width
                    and 0 < i < n - 1
                    and s[i + 1] != " "
                ):
                    self.write_indent()
                else:
                    out.append(c)
                    self.column += 1
                spaces = True
            elif c in BREAKS:
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
            if escape_all or not printable(c) or c in BREAKS or c == '"' or c == "\\":
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
                if allow_breaks and not spaces and self.column > self.width and 0 < i < n - 1:
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
        if s[0] == " " or s[0] in BREAKS:
            self.indicator(str(_BEST_INDENT), False, False, False)
        if s[-1] not in BREAKS:
            self.indicator("-", False, False, False)
        elif len(s) == 1 or s[-2] in BREAKS:
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
            if c in BREAKS:
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
    e = Emitter()
    try:
        e.node(value, False)
    except MarshalError as err:
        raise YAMLError("error marshaling into JSON: " + str(err)) from None
    except YAMLReadError as err:
        raise YAMLError(_locate(str(err), value)) from None
    except RecursionError:
        raise YAMLError(
            "error marshaling into JSON: json: unsupported value: encountered a cycle via map[string]interface {}"
        ) from None
    return finish(e)


def finish(e: Emitter) -> str:
    """The document end (write_indent at indentation 0) and the text written."""
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
            json_string(s)
        except YAMLReadError as err:
            if "document indicator" not in str(err):
                return False  # reader errors are reported without a line
            m = DOC_INDICATOR.search(s)
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
                if text(key_text(k), True) or walk(v[k]):
                    return True
        elif isinstance(v, list | tuple):
            return any(walk(x) for x in v)
        return False

    if "control characters" in msg:
        return msg
    walk(value)
    return found[0] if found else msg

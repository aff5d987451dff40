"""JSON written byte for byte as Go's encoding/json writes it (Marshal, MarshalIndent, Encoder).

Hand-written around the stdlib's C string quoting, because the stdlib's encoder formats floats
the Python way (``100.0``, ``1e-05``) and does not escape ``<``, ``>``, ``&``, U+2028 and
U+2029 as Go does. Map keys are sorted, ``[]byte`` is base64, ``int``/``Int64`` are integers,
floats use Go's format (:func:`chartist.gotemplate.strconv.json_float`), NaN and infinities are
errors. A :class:`~chartist.gotemplate.values.GoObject` is written as ``obj.go_json()`` if it
defines that method, else as the map of its exported fields.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Mapping
from json.encoder import encode_basestring
from typing import Any, Final

from chartist.gotemplate.strconv import json_float
from chartist.gotemplate.values import NIL_MAPS, NIL_SLICES, GoFunc, GoObject
from chartist.goyaml.errors import YAMLError
from chartist.goyaml.roundtrip import MarshalError, Struct, json_value, key_text

__all__ = ["dump_json"]

_HTML: Final = re.compile("[<>&\u2028\u2029]")
_LS: Final = re.compile("[\u2028\u2029]")
_SURROGATE: Final = re.compile("[\ud800-\udfff]")
_HTML_ESC: Final = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def _html_sub(m: re.Match[str]) -> str:
    return _HTML_ESC[m.group(0)]


class _Unsupported(Exception):
    pass


def _quoter(escape_html: bool) -> Any:
    special = _HTML if escape_html else _LS

    def quote(s: str) -> str:
        q: str = encode_basestring(s)
        if not q.isascii() and _SURROGATE.search(q):
            # Invalid UTF-8 (held as surrogate escapes) is written as the escape \ufffd, as Go does.
            q = _SURROGATE.sub(lambda _: "\\ufffd", q)
        if special.search(q):
            q = special.sub(_html_sub, q)
        return q

    return quote


_QUOTE_HTML: Final = _quoter(True)
_QUOTE_RAW: Final = _quoter(False)


def _encode(v: Any, quote: Any, out: list[str]) -> None:
    if isinstance(v, str):
        out.append(quote(v))
    elif v is None:
        out.append("null")
    elif v is True:
        out.append("true")
    elif v is False:
        out.append("false")
    elif isinstance(v, float):
        try:
            out.append(json_float(v))
        except ValueError as err:
            raise _Unsupported(str(err)) from None
    elif isinstance(v, int):
        out.append(str(int(v)))
    elif isinstance(v, dict | Mapping) and not isinstance(v, GoObject):
        if not v:
            out.append("null" if isinstance(v, NIL_MAPS) else "{}")
            return
        sep = "{"
        for k in v if type(v) is Struct else sorted(v, key=key_text):
            out.append(sep)
            out.append(quote(key_text(k)))
            out.append(":")
            _encode(v[k], quote, out)
            sep = ","
        out.append("}")
    elif isinstance(v, list | tuple):
        if not v:
            out.append("null" if isinstance(v, NIL_SLICES) else "[]")
            return
        sep = "["
        for x in v:
            out.append(sep)
            _encode(x, quote, out)
            sep = ","
        out.append("]")
    elif isinstance(v, bytes | bytearray):
        out.append('"' + base64.b64encode(v).decode("ascii") + '"')
    elif isinstance(v, GoObject):
        try:
            jv = json_value(v)
        except MarshalError as err:
            raise _Unsupported(str(err)) from None
        _encode(jv, quote, out)
    elif isinstance(v, GoFunc) or callable(v):
        raise _Unsupported("json: unsupported type: func(...interface {}) interface {}")
    else:
        raise _Unsupported(f"json: unsupported type: {type(v).__name__}")


def _indent(compact: str, prefix: str, indent: str) -> str:
    """encoding/json's Indent of a compact JSON text (strings copied verbatim)."""
    out: list[str] = []
    depth = 0
    need_indent = False
    i, n = 0, len(compact)
    while i < n:
        c = compact[i]
        if c == '"':
            j = i + 1
            while compact[j] != '"':
                j += 2 if compact[j] == "\\" else 1
            if need_indent:
                out.append("\n" + prefix + indent * depth)
                need_indent = False
            out.append(compact[i : j + 1])
            i = j + 1
            continue
        if need_indent and c not in "]}":
            need_indent = False
            out.append("\n" + prefix + indent * depth)
        if c in "[{":
            out.append(c)
            need_indent = True
            depth += 1
        elif c == ",":
            out.append(",\n" + prefix + indent * depth)
        elif c == ":":
            out.append(": ")
        elif c in "]}":
            if need_indent:
                need_indent = False  # empty collection stays "{}" / "[]"
                depth -= 1
            else:
                depth -= 1
                out.append("\n" + prefix + indent * depth)
            out.append(c)
        else:
            out.append(c)
        i += 1
    return "".join(out)


def dump_json(value: Any, *, indent: str | None = None, prefix: str = "", escape_html: bool = True) -> str:
    """VALUE as Go's json.Marshal writes it (json.MarshalIndent when INDENT is given).

    ``escape_html=False`` is json.Encoder with SetEscapeHTML(false), without its final newline.
    Raises YAMLError (also a ValueError) with Go's message: ``json: unsupported value: NaN``,
    ``json: unsupported value: encountered a cycle via map[string]interface {}``.
    """
    out: list[str] = []
    try:
        _encode(value, _QUOTE_HTML if escape_html else _QUOTE_RAW, out)
    except _Unsupported as err:
        raise YAMLError(str(err)) from None
    except RecursionError:
        raise YAMLError("json: unsupported value: encountered a cycle via map[string]interface {}") from None
    text = "".join(out)
    if indent is not None:
        return _indent(text, prefix, indent)
    return text

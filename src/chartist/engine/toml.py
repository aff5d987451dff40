"""``toToml`` / ``mustToToml`` / ``fromToml`` as Helm provides them (BurntSushi/toml).

Reading uses the standard library's ``tomllib``. Writing is ours: no Python TOML writer lays
out tables, indentation and floats the way BurntSushi's encoder does (``1.0``, nested tables
indented by two spaces, a blank line before top-level tables and arrays of tables).
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import Any

from chartist.gotemplate.values import INTERFACE, MAP, STRING, FuncError, GoFunc, Int64, gofunc

__all__ = ["FUNCS", "TomlError", "dumps"]

_BARE = re.compile(r"[A-Za-z0-9_-]+\Z")
_INDENT = "  "


class TomlError(ValueError):
    """A value TOML cannot hold."""


def _quote(s: str) -> str:
    out = ['"']
    for ch in s:
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\b":
            out.append("\\b")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\f":
            out.append("\\f")
        elif ch == "\r":
            out.append("\\r")
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04X}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def _key(k: str) -> str:
    return k if _BARE.match(k) else _quote(k)


def _float(f: float) -> str:
    if math.isnan(f):
        return "nan"
    if math.isinf(f):
        return "inf" if f > 0 else "-inf"
    from chartist.gotemplate.fmt import format_float

    s = format_float(f, "f", -1)
    return s if "." in s else s + ".0"


def _is_table(v: Any) -> bool:
    return isinstance(v, Mapping)


def _is_table_array(v: Any) -> bool:
    return isinstance(v, list) and len(v) > 0 and all(_is_table(x) or x is None for x in v)


def _element(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(int(v))
    if isinstance(v, float):
        return _float(v)
    if isinstance(v, str):
        return _quote(v)
    if isinstance(v, bytes):
        return _quote(v.decode("utf-8", errors="replace"))
    if isinstance(v, list | tuple):
        return "[" + ", ".join(_element(x) for x in v if x is not None) + "]"
    if isinstance(v, Mapping):
        items = [f"{_key(str(k))} = {_element(x)}" for k, x in sorted(v.items()) if x is not None]
        return "{" + ", ".join(items) + "}"
    raise TomlError(f"toml: cannot encode a value of type {type(v).__name__}")


class _Writer:
    def __init__(self) -> None:
        self.parts: list[str] = []

    def newline(self) -> None:
        if self.parts:
            self.parts.append("\n")

    def table(self, key: list[str], m: Mapping[str, Any]) -> None:
        direct = sorted(k for k, v in m.items() if v is not None and not _is_table(v) and not _is_table_array(v))
        sub = sorted(k for k, v in m.items() if v is not None and (_is_table(v) or _is_table_array(v)))
        for k in direct:
            full = [*key, k]
            self.parts.append(f"{_INDENT * (len(full) - 1)}{_key(k)} = {_element(m[k])}\n")
        for k in sub:
            full = [*key, k]
            v = m[k]
            dotted = ".".join(_key(x) for x in full)
            if _is_table(v):
                if len(full) == 1:
                    self.newline()
                self.parts.append(f"{_INDENT * (len(full) - 1)}[{dotted}]\n")
                self.table(full, v)
            else:
                for item in v:
                    if item is None:
                        continue
                    self.newline()
                    self.parts.append(f"{_INDENT * (len(full) - 1)}[[{dotted}]]\n")
                    self.table(full, item)


def dumps(v: Any) -> str:
    """Encode V as BurntSushi/toml's Encoder does; raises TomlError."""
    if isinstance(v, Mapping):
        w = _Writer()
        w.table([], v)
        return "".join(w.parts)
    if v is None:
        return ""
    return _element(v)


def _convert(v: Any) -> Any:
    if isinstance(v, dict):
        return {k: _convert(x) for k, x in v.items()}
    if isinstance(v, list):
        return [_convert(x) for x in v]
    if isinstance(v, bool) or isinstance(v, float | str):
        return v
    if isinstance(v, int):
        return Int64(v)
    return str(v)


@gofunc(INTERFACE, result=STRING)
def to_toml(v: Any) -> str:
    try:
        return dumps(v)
    except TomlError as err:
        return str(err)


@gofunc(INTERFACE, result=STRING)
def must_to_toml(v: Any) -> str:
    try:
        return dumps(v)
    except TomlError as err:
        raise FuncError(str(err)) from err


@gofunc(STRING, result=MAP)
def from_toml(s: str) -> dict[str, Any]:
    import tomllib

    try:
        return dict(_convert(tomllib.loads(s)))
    except tomllib.TOMLDecodeError as err:
        return {"Error": f"toml: {err}"}


FUNCS: dict[str, GoFunc] = {"toToml": to_toml, "mustToToml": must_to_toml, "fromToml": from_toml}

"""``toToml`` / ``mustToToml`` / ``fromToml`` as Helm v4.2.3 provides them (BurntSushi/toml v1.6.0).

Writing is hand-written: no Python TOML writer lays documents out as BurntSushi's ``Encoder``
does (keys without sub-tables first, both groups sorted; sub-tables indented two spaces per
level; a blank line before every top-level table and every ``[[array]]`` entry; floats in Go's
shortest ``%g`` with ``.0`` added; ``[]byte`` as an array of integers; its own string escapes).
Its errors are Go's too: an array holding nil fails with ``toml: cannot encode array with nil
element``; a nil document is Go's reflect panic, which fails the template even in ``toToml``.

Reading uses the standard library's ``tomllib`` and converts its values to the Go types
BurntSushi decodes into ``map[string]interface{}``: ``int64``, ``float64``, ``time.Time``
(offset date-times as Go's ``time.ParseInLocation`` places them; local date-times, dates and
times in BurntSushi's ``datetime-local``/``date-local``/``time-local`` zones). Syntax errors
give ``toml: line N: MESSAGE`` with tomllib's message (BurntSushi's lexer words them differently).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from chartist.gotemplate.values import INTERFACE, MAP, STRING, FuncError, GoFunc, GoObject, Int64, gofunc

__all__ = ["FUNCS", "TomlError", "dumps", "loads"]

_INDENT = "  "
_BARE = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")
_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r"}
for _c in [*range(0x20), 0x7F]:
    _ESCAPES.setdefault(chr(_c), f"\\u{_c:04x}")
_QUOTE_TABLE = str.maketrans(_ESCAPES)

# BurntSushi's TOML types, as far as the layout needs them.
_HASH, _ARRAY_HASH, _OTHER = "hash", "array-hash", "other"


class TomlError(ValueError):
    """BurntSushi's encode error (``toml: ...``): toToml returns its text, mustToToml fails."""


class _GoPanic(Exception):
    """A Go runtime panic inside the encoder: the template call fails whichever function ran."""


def _quote(s: str) -> str:
    return '"' + s.translate(_QUOTE_TABLE) + '"'


def _key_part(k: str) -> str:
    if not k:
        return '""'
    return k if all(c in _BARE for c in k) else _quote(k)


def _key(path: list[str]) -> str:
    return ".".join(_key_part(k) for k in path)


def _is_list(v: Any) -> bool:
    return isinstance(v, list | tuple | bytes | bytearray)


def _kind(v: Any) -> str | None:
    """tomlTypeOfGo, reduced to what decides the layout; None for nil. Raises TomlError."""
    from chartist.sprig.gotime import Time

    if v is None:
        return None
    if isinstance(v, Mapping):
        return _HASH
    if _is_list(v):
        return _ARRAY_HASH if _is_table_array(v) else _OTHER
    if isinstance(v, GoObject) and not isinstance(v, Time) and v.go_kind == "struct":
        return _HASH
    return _OTHER


def _is_table_array(arr: Any) -> bool:
    if not arr:
        return False
    if isinstance(arr, bytes | bytearray):
        return False
    ret = True
    for x in arr:
        tt = _kind(x)
        if tt is None:
            raise TomlError("toml: cannot encode array with nil element")
        if tt != _HASH:
            ret = False
    return ret


def _float(f: float) -> str:
    from chartist.gotemplate.strconv import format_float

    if math.isnan(f):
        return "-nan" if math.copysign(1.0, f) < 0 else "nan"
    if math.isinf(f):
        return "-inf" if f < 0 else "inf"
    s = format_float(f, "g", -1, 64)
    return s if ("." in s or "e" in s) else s + ".0"


def _fields(v: Any) -> dict[str, Any]:
    """A map's entries or a struct's exported fields."""
    if isinstance(v, Mapping):
        return dict(v)
    return {name: getattr(v, name) for name in v.go_fields}


class _Encoder:
    """BurntSushi's Encoder: ``parts`` collects the output."""

    def __init__(self) -> None:
        self.parts: list[str] = []

    def write(self, s: str) -> None:
        self.parts.append(s)

    def newline(self) -> None:
        if self.parts:
            self.parts.append("\n")

    def encode(self, key: list[str], v: Any) -> None:
        kind = _kind(v)
        if kind is None:
            return
        if kind == _HASH:
            self.table(key, v)
        elif kind == _ARRAY_HASH:
            self.array_of_tables(key, v)
        else:
            self.key_value(key, v, False)

    def key_value(self, key: list[str], v: Any, inline: bool) -> None:
        if not key:
            self.element(v)
            return
        self.write(f"{_INDENT * (len(key) - 1)}{_key_part(key[-1])} = ")
        self.element(v)
        if not inline:
            self.newline()

    def element(self, v: Any) -> None:
        from chartist.sprig.goduration import Duration
        from chartist.sprig.gotime import Time

        if isinstance(v, str):
            self.write(_quote(v))
        elif isinstance(v, bool):
            self.write("true" if v else "false")
        elif isinstance(v, Duration):
            self.write(_quote(str(v)))
        elif isinstance(v, int):
            self.write(str(int(v)))
        elif isinstance(v, float):
            self.write(_float(v))
        elif isinstance(v, Time):
            self.write(_format_time(v))
        elif _is_list(v):
            self.write("[")
            n = len(v)
            for i, x in enumerate(v):
                self.element(x)
                if i != n - 1:
                    self.write(", ")
            self.write("]")
        elif isinstance(v, Mapping) or (isinstance(v, GoObject) and v.go_kind == "struct"):
            self.table_body(None, v, True)
        elif v is None:
            raise _GoPanic("reflect: call of reflect.Value.Interface on zero Value")
        else:
            raise TomlError(f"toml: unexpected primitive type: {_type_name(v)}")

    def array_of_tables(self, key: list[str], arr: Any) -> None:
        if not key:
            raise TomlError("toml: top-level values must be Go maps or structs")
        for item in arr:
            if item is None:
                continue
            self.newline()
            self.write(f"{_INDENT * (len(key) - 1)}[[{_key(key)}]]")
            self.newline()
            self.table_body(key, item, False)

    def table(self, key: list[str], v: Any) -> None:
        if len(key) == 1:
            self.newline()  # a blank line before each top-level table
        if key:
            self.write(f"{_INDENT * (len(key) - 1)}[{_key(key)}]")
            self.newline()
        self.table_body(key, v, False)

    def table_body(self, key: list[str] | None, v: Any, inline: bool) -> None:
        items = _fields(v)
        direct: list[str] = []
        sub: list[str] = []
        for k, x in items.items():
            (sub if _kind(x) in (_HASH, _ARRAY_HASH) else direct).append(k)
        if isinstance(v, Mapping):
            direct.sort()
            sub.sort()
        if inline:
            self.write("{")
        for group, trail in ((direct, bool(sub)), (sub, False)):
            last = len(group) - 1
            for i, k in enumerate(group):
                x = items[k]
                if x is None:
                    continue
                if inline:
                    self.key_value([k], x, True)
                    if trail or i != last:
                        self.write(", ")
                else:
                    self.encode([*(key or []), k], x)
        if inline:
            self.write("}")


def _type_name(v: Any) -> str:
    from chartist.gotemplate.values import type_name

    return type_name(v)


def _format_time(t: Any) -> str:
    name = t.loc.name
    if name == "datetime-local":
        return str(t.format("2006-01-02T15:04:05.999999999"))
    if name == "date-local":
        return str(t.format("2006-01-02"))
    if name == "time-local":
        return str(t.format("15:04:05.999999999"))
    return str(t.format("2006-01-02T15:04:05.999999999Z07:00"))


def dumps(v: Any) -> str:
    """Encode V as BurntSushi/toml's Encoder does; raises TomlError (and _GoPanic for nil)."""
    if v is None:
        raise _GoPanic("reflect: call of reflect.Value.Type on zero Value")
    enc = _Encoder()
    enc.encode([], v)
    return "".join(enc.parts)


# --- reading ---------------------------------------------------------------------------------


def _convert(v: Any) -> Any:
    import datetime as dt

    if isinstance(v, dict):
        return {k: _convert(x) for k, x in v.items()}
    if isinstance(v, list):
        return [_convert(x) for x in v]
    if isinstance(v, bool | float | str):
        return v
    if isinstance(v, int):
        return Int64(v)
    if isinstance(v, dt.datetime | dt.date | dt.time):
        return _go_time(v)
    return v


def _go_time(v: Any) -> Any:
    """A tomllib date/time as the time.Time BurntSushi decodes."""
    import datetime as dt

    from chartist.sprig.gotime import UTC, date, fixed_zone, local

    if isinstance(v, dt.datetime):
        nsec = v.microsecond * 1000
        off = v.utcoffset()
        if off is None:
            zone = fixed_zone("datetime-local", 0)
            return date(v.year, v.month, v.day, v.hour, v.minute, v.second, nsec, zone)
        offset = int(off.total_seconds())
        t = date(v.year, v.month, v.day, v.hour, v.minute, v.second, nsec, UTC)
        if offset == 0:
            return t
        # Go's ParseInLocation(..., time.Local): the local zone if it has this offset then.
        t = t.add(-offset * 1_000_000_000)
        if local.lookup(t.unix)[1] == offset:
            return t.in_location(local)
        return t.in_location(fixed_zone("", offset))
    if isinstance(v, dt.date):
        return date(v.year, v.month, v.day, 0, 0, 0, 0, fixed_zone("date-local", 0))
    nsec = v.microsecond * 1000
    return date(0, 1, 1, v.hour, v.minute, v.second, nsec, fixed_zone("time-local", 0))


def loads(s: str) -> dict[str, Any]:
    """Decode a TOML document into Go values; raises TomlError ``toml: line N: ...``."""
    import tomllib

    try:
        doc = tomllib.loads(s)
    except tomllib.TOMLDecodeError as err:
        msg = str(err)
        line = 1
        cut = msg.rfind(" (at ")
        if cut != -1:
            where = msg[cut + 5 : -1]
            msg = msg[:cut]
            if where.startswith("line "):
                line = int(where[5:].split(",", 1)[0])
            elif where == "end of document":
                line = s.count("\n") + 1
        raise TomlError(f"toml: line {line}: {msg}") from None
    out: dict[str, Any] = _convert(doc)
    return out


@gofunc(INTERFACE, result=STRING)
def to_toml(v: Any) -> str:
    try:
        return dumps(v)
    except TomlError as err:
        return str(err)
    except _GoPanic as err:
        raise FuncError(str(err)) from None


@gofunc(INTERFACE, result=STRING)
def must_to_toml(v: Any) -> str:
    try:
        return dumps(v)
    except (TomlError, _GoPanic) as err:
        raise FuncError(str(err)) from None


@gofunc(STRING, result=MAP)
def from_toml(s: str) -> dict[str, Any]:
    try:
        return loads(s)
    except TomlError as err:
        return {"Error": str(err)}


FUNCS: dict[str, GoFunc] = {"toToml": to_toml, "mustToToml": must_to_toml, "fromToml": from_toml}

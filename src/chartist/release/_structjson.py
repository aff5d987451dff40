"""Go's encoding/json for Helm's structs: writing fields in order, reading them with Go's checks.

Private helpers of :mod:`chartist.release.codec` and :mod:`chartist.release.chartjson`. A struct
is written as the text of its fields (callers apply Helm's ``omitempty`` rules and keep struct
order); scalars, maps and ``interface{}`` values go through :func:`chartist.goyaml.dump_json`,
Go's encoder (sorted keys, HTML escaping, Go's float format). Readers take a value decoded by
:func:`chartist.goyaml.load_json` and raise :class:`CodecError` with Go's ``cannot unmarshal``
message when its JSON type does not fit the Go field.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Mapping, Sequence
from typing import Any, Final

from chartist.errors import ChartistError
from chartist.goyaml import YAMLError, dump_json
from chartist.release.times import GoTime, TimeFormatError, parse_time

_B64_ALPHABET: Final = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=")


class CodecError(ChartistError):
    """A stored release cannot be decoded (bad base64, gzip or JSON) or a release cannot be encoded."""


def quote(s: str) -> str:
    return dump_json(s)


def go_json(v: Any) -> str:
    try:
        return dump_json(v)
    except YAMLError as err:
        raise CodecError(str(err)) from None


def b64(data: bytes) -> str:
    return '"' + base64.b64encode(data).decode("ascii") + '"'


def strings(items: Sequence[str]) -> str:
    return "[" + ",".join(quote(s) for s in items) + "]"


def time_json(t: GoTime) -> str:
    try:
        return '"' + t.rfc3339nano() + '"'
    except TimeFormatError as err:
        raise CodecError(str(err)) from None


def struct(parts: list[str]) -> str:
    return "{" + ",".join(parts) + "}"


def ordered_json(v: Any) -> str:
    """A decoded JSON document written back in its own key order (Go wrote it sorted already)."""
    if isinstance(v, dict):
        return "{" + ",".join(quote(k) + ":" + ordered_json(x) for k, x in v.items()) + "}"
    if isinstance(v, list):
        return "[" + ",".join(ordered_json(x) for x in v) + "]"
    return go_json(v)


def kind(v: Any) -> str:
    if isinstance(v, bool):
        return "bool"
    if isinstance(v, int | float):
        return "number"
    if isinstance(v, str):
        return "string"
    if isinstance(v, list):
        return "array"
    return "object"


def bad_type(v: Any, where: str, go_type: str) -> CodecError:
    return CodecError(f"json: cannot unmarshal {kind(v)} into Go struct field {where} of type {go_type}")


def get_str(d: Mapping[str, Any], key: str, where: str) -> str:
    v = d.get(key)
    if v is None:
        return ""
    if not isinstance(v, str):
        raise bad_type(v, f"{where}.{key}", "string")
    return v


def get_int(d: Mapping[str, Any], key: str, where: str) -> int:
    v = d.get(key)
    if v is None:
        return 0
    if isinstance(v, bool) or not isinstance(v, int | float) or v != int(v):
        raise bad_type(v, f"{where}.{key}", "int")
    return int(v)


def get_bool(d: Mapping[str, Any], key: str, where: str) -> bool:
    v = d.get(key)
    if v is None:
        return False
    if not isinstance(v, bool):
        raise bad_type(v, f"{where}.{key}", "bool")
    return v


def get_strs(d: Mapping[str, Any], key: str, where: str) -> list[str]:
    v = d.get(key)
    if v is None:
        return []
    if not isinstance(v, list):
        raise bad_type(v, f"{where}.{key}", "[]string")
    out: list[str] = []
    for x in v:
        if x is not None and not isinstance(x, str):
            raise bad_type(x, f"{where}.{key}", "string")
        out.append(x or "")
    return out


def get_obj(d: Mapping[str, Any], key: str, where: str, go_type: str) -> dict[str, Any] | None:
    v = d.get(key)
    if v is None:
        return None
    if not isinstance(v, dict):
        raise bad_type(v, f"{where}.{key}", go_type)
    return v


def get_list(d: Mapping[str, Any], key: str, where: str, go_type: str) -> list[Any] | None:
    v = d.get(key)
    if v is None:
        return None
    if not isinstance(v, list):
        raise bad_type(v, f"{where}.{key}", go_type)
    return v


def get_time(d: Mapping[str, Any], key: str, where: str) -> GoTime | None:
    # Helm's Info and HookExecution read "" (older Helm wrote it) as the zero time.
    v = d.get(key)
    if v is None or v == "":
        return None
    if not isinstance(v, str):
        raise bad_type(v, f"{where}.{key}", "time.Time")
    try:
        return parse_time(v)
    except TimeFormatError as err:
        raise CodecError(str(err)) from None


def get_bytes(d: Mapping[str, Any], key: str, where: str) -> bytes | None:
    v = d.get(key)
    if v is None:
        return None
    if not isinstance(v, str):
        raise bad_type(v, f"{where}.{key}", "[]uint8")
    try:
        return base64.b64decode(v, validate=True)
    except (binascii.Error, ValueError):
        raise CodecError(base64_error(v.encode("ascii", "replace"))) from None


def base64_error(data: bytes) -> str:
    """Go's ``illegal base64 data at input byte N`` for DATA (newlines already removed)."""
    for i, c in enumerate(data):
        if c not in _B64_ALPHABET:
            return f"illegal base64 data at input byte {i}"
    pad = data.find(b"=")
    if pad >= 0:
        return f"illegal base64 data at input byte {pad}"
    return f"illegal base64 data at input byte {len(data) - len(data) % 4}"

"""What a Go value looks like after encoding/json and go-yaml v2 reading the JSON text back.

Helm's toYaml (sigs.k8s.io/yaml.Marshal) marshals to JSON and decodes that JSON with go-yaml
before emitting YAML. The round trip changes values in ways a YAML writer must reproduce:
integral float64s come back as ints (``1e+06`` -> ``1000000``), ``-0`` as ``0``, a raw U+0085
inside a string is folded like a line break by go-yaml's double-quoted scanner, characters
encoding/json leaves raw but go-yaml's reader refuses (DEL, C1 controls, U+FFFE/U+FFFF) make
the whole call fail, and invalid UTF-8 becomes U+FFFD. Hand-written: these are the semantics of
two Go libraries chained together, which no Python library has.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import Any, Final

from chartist.gotemplate.strconv import format_float, json_float
from chartist.gotemplate.values import NIL_MAPS, GoObject

__all__ = [
    "DOC_INDICATOR",
    "MarshalError",
    "Struct",
    "YAMLReadError",
    "json_int",
    "json_key",
    "json_number",
    "json_string",
    "json_value",
    "key_text",
]

_UINT64_MAX: Final = (1 << 64) - 1
_INT64_MIN: Final = -(1 << 63)


class MarshalError(Exception):
    """encoding/json refused the value (str() is Go's message without the prefix)."""


class YAMLReadError(Exception):
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


DOC_INDICATOR: Final = re.compile("\x85[ \x85]*(?<=\x85)(?:---|\\.\\.\\.)(?=[ \x85])")


def json_string(s: str) -> str:
    """S after json.Marshal and go-yaml's reading of the quoted JSON string."""
    if s.isascii():
        if "\x7f" in s:
            raise YAMLReadError("yaml: control characters are not allowed")
        return s
    if _SURROGATE.search(s):
        s = _SURROGATE.sub("\ufffd", s)  # invalid UTF-8 becomes U+FFFD in encoding/json
    if _CONTROL.search(s):
        raise YAMLReadError("yaml: control characters are not allowed")
    if "\x85" in s:
        if DOC_INDICATOR.search(s):
            raise YAMLReadError("yaml: found unexpected document indicator")
        s = _NEL_RUN.sub(_fold_nel, s)
    return s


def json_key(s: str) -> str:
    """A map key after the JSON round trip; a raw U+0085 makes the JSON key span two lines,
    which go-yaml refuses for an implicit key."""
    k = json_string(s)
    if "\x85" in s:
        raise YAMLReadError("yaml: did not find expected ',' or '}'")
    return k


def json_number(f: float) -> str:
    """The plain scalar go-yaml writes for a float64 that went through JSON."""
    if math.isnan(f) or math.isinf(f):
        raise MarshalError("json: unsupported value: " + format_float(f))
    if f == int(f) and abs(f) < 1e21:
        text = json_float(f)
        n = int(text)
        if _INT64_MIN <= n <= _UINT64_MAX:
            return int.__repr__(n)
    return format_float(f)


def json_int(n: int) -> str:
    if _INT64_MIN <= n <= _UINT64_MAX:
        return int.__repr__(n)
    return format_float(float(n))


def key_text(k: Any) -> str:
    """A map key as text (keys are strings in chartist's value model; ints print in decimal)."""
    if isinstance(k, str):
        return k
    if isinstance(k, int) and not isinstance(k, bool):
        return int.__repr__(k)
    return str(k)


class Struct(dict[str, Any]):
    """A struct's fields as encoding/json writes them: in declaration order, not sorted."""

    __slots__ = ()


def json_value(v: GoObject) -> Any:
    """What encoding/json marshals for V: ``v.go_json()`` if defined, else the JSON its Go
    method ``MarshalJSON`` returns (time.Time, semver), else its fields (a :class:`Struct`)."""
    hook = getattr(v, "go_json", None)
    if hook is not None:
        out = hook()
        # a struct's json tags, in declaration order
        return Struct(out) if type(out) is dict and not isinstance(v, Mapping) else out
    if isinstance(v, Mapping):
        return None if isinstance(v, NIL_MAPS) else dict(v)
    if isinstance(v, list):
        return list(v)
    marshal = v.go_method("MarshalJSON")
    if marshal is not None and not marshal.params:
        from chartist.goyaml.jsonload import load_json

        try:
            data = marshal.fn()
        except Exception as err:
            raise MarshalError(f"json: error calling MarshalJSON for type {v.go_type}: {err}") from None
        return load_json(data)
    return Struct((name, getattr(v, name)) for name in v.go_fields)

"""Helm's ``toYamlPretty``: go-yaml v3's Encoder with SetIndent(2), no JSON round trip.

The same libyaml emitter as :mod:`chartist.goyaml.emitter` with v3's choices: values are
written as they are (a float64 with strconv's ``%g``, so ``1e+06`` and ``-0`` stay, NaN is
``.nan``; ``[]byte`` is a sequence of numbers), sequences inside mappings are indented, long
scalars are never folded, and keys follow v3's sorter. String quoting is the same as v2's:
v3 quotes the YAML 1.1 booleans (``yes``, ``on``, ``n``...) it no longer reads as booleans.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from chartist.gotemplate.strconv import format_float
from chartist.gotemplate.values import GoObject
from chartist.goyaml.emitter import Emitter, finish
from chartist.goyaml.errors import YAMLError
from chartist.goyaml.roundtrip import MarshalError, key_text

__all__ = ["PrettyEmitter", "dump_pretty"]


class PrettyEmitter(Emitter):
    """go-yaml v3's encoder: values as they are, indented sequences, no folding."""

    __slots__ = ()

    width = 1 << 62
    indentless = False
    v3_keys = True

    def string(self, s: str) -> str:
        return s

    def key(self, k: Any) -> str:
        return key_text(k)

    def number(self, f: float) -> str:
        if math.isnan(f):
            return ".nan"
        if math.isinf(f):
            return ".inf" if f > 0 else "-.inf"
        return format_float(f)

    def integer(self, n: int) -> str:
        return str(int(n))

    def blob(self, b: bytes | bytearray, mapping_ctx: bool) -> None:
        self.node(list(b), mapping_ctx)

    def node(self, v: Any, mapping_ctx: bool) -> None:
        if isinstance(v, GoObject) and not isinstance(v, Mapping | list | tuple | str):
            self.go_object(v, mapping_ctx)
        else:
            super().node(v, mapping_ctx)

    def go_object(self, v: GoObject, mapping_ctx: bool) -> None:
        """v3 writes a time.Time as a plain RFC 3339 timestamp, uses MarshalText when a type has
        it, and writes other structs as maps of their lowercased field names, in order."""
        if v.go_type in ("time.Time", "*time.Time"):
            self.plain(v.go_method("Format").fn("2006-01-02T15:04:05.999999999Z07:00"), False)  # type: ignore[union-attr]
            return
        text = v.go_method("MarshalText")
        if text is not None and not text.params:
            try:
                data = text.fn()
            except Exception as err:
                raise MarshalError(str(err)) from None
            self.node(
                data.decode("utf-8", "surrogateescape") if isinstance(data, bytes) else data, mapping_ctx
            )
            return
        fields = {name.lower(): getattr(v, name) for name in v.go_fields}
        if fields:
            self.mapping(fields, ordered=True)
        else:
            self.indicator("{", True, True, False)
            self.indicator("}", False, False, False)


def dump_pretty(value: Any) -> str:
    """VALUE as Helm's toYamlPretty writes it before trimming the final newline.

    Raises YAMLError for values go-yaml v3 cannot encode (toYamlPretty then renders "").
    """
    e = PrettyEmitter()
    try:
        e.node(value, False)
    except MarshalError as err:
        raise YAMLError(str(err)) from None
    except RecursionError:
        raise YAMLError("yaml: value too deeply nested") from None
    return finish(e)

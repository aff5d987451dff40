"""From a composed YAML node graph to Go's values, as sigs.k8s.io/yaml.Unmarshal produces them.

Helm decodes YAML in three stages and this module does all three in one walk:

1. go-yaml v2 decodes the node tree into ``interface{}`` (scalars typed by
   :mod:`chartist.goyaml.resolve`, merge keys, aliases expanded afresh each time with its
   billion-laughs limit, ``!!binary`` decoded);
2. sigs.k8s.io/yaml turns map keys into strings (ints in decimal, floats with float32 ``%g``,
   booleans as ``true``/``false``; nil and uint64 keys are errors);
3. encoding/json marshals the result and unmarshals it into ``interface{}``, so every number
   becomes a float64 and NaN/±Inf are errors.

Errors of a later stage are raised only once the earlier stage finished, as in Go. Nodes come
from PyYAML's composer (see :mod:`chartist.goyaml.loader`); plain untagged scalars carry the
tag :data:`PLAIN`.
"""

from __future__ import annotations

import base64
import binascii
import codecs
import math
from typing import Any, Final, NoReturn

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from chartist.goyaml.gofmt import float32_key, go_sharp_v
from chartist.goyaml.resolve import (
    BINARY_TAG,
    K_BOOL,
    K_FLOAT,
    K_INT,
    K_NULL,
    K_STR,
    K_UINT,
    MERGE_TAG,
    STR_TAG,
    ResolveError,
    resolve,
)

__all__ = ["PLAIN", "DecodeError", "decode_node", "go_string"]

PLAIN: Final = "!chartist/plain"

# go-yaml v2's alias-expansion limits (decode.go allowedAliasRatio).
_RATIO_LOW: Final = 400_000
_RATIO_HIGH: Final = 4_000_000


class DecodeError(Exception):
    """A decode-stage failure; str() is Go's message (``yaml: ...`` or ``json: ...``)."""


def _go_replace(err: UnicodeError) -> tuple[str, int]:
    # Go replaces each byte of an invalid sequence with U+FFFD (utf8.DecodeRune width 1).
    assert isinstance(err, UnicodeDecodeError)
    return ("\ufffd", err.start + 1)


codecs.register_error("chartist-go-replace", _go_replace)


def go_string(data: bytes) -> str:
    """A Go string of DATA as encoding/json writes it: invalid UTF-8 bytes become U+FFFD."""
    return data.decode("utf-8", "chartist-go-replace")


def _allowed_ratio(count: int) -> float:
    if count <= _RATIO_LOW:
        return 0.99
    if count >= _RATIO_HIGH:
        return 0.10
    return 0.99 - 0.89 * ((count - _RATIO_LOW) / (_RATIO_HIGH - _RATIO_LOW))


def _fail(msg: str) -> NoReturn:
    raise DecodeError("yaml: " + msg)


class _Decoder:
    """One decode; ``track`` enables alias bookkeeping (only needed when the text has anchors)."""

    __slots__ = (
        "active",
        "alias_count",
        "alias_depth",
        "anchors",
        "bad_float",
        "decode_count",
        "key_error",
        "seen",
        "track",
    )

    def __init__(self, track: bool, anchors: Any) -> None:
        self.track = track
        self.anchors = anchors  # callable node -> anchor name, for messages only
        self.seen: set[int] = set()
        self.active: set[int] = set()
        self.decode_count = 0
        self.alias_count = 0
        self.alias_depth = 0
        self.bad_float = False
        self.key_error: str | None = None

    # -- bookkeeping -------------------------------------------------------------------------

    def _count(self) -> None:
        self.decode_count += 1
        if self.alias_depth:
            self.alias_count += 1
        if (
            self.alias_count > 100
            and self.decode_count > 1000
            and self.alias_count / self.decode_count > _allowed_ratio(self.decode_count)
        ):
            _fail("document contains excessive aliasing")

    def _enter(self, n: Node) -> bool:
        """Count a visit of N; True when it is an alias expansion (call _leave after)."""
        nid = id(n)
        if nid not in self.seen:
            self.seen.add(nid)
            self._count()
            return False
        if nid in self.active:
            _fail(f"anchor '{self.anchors(n)}' value contains itself")
        self._count()  # the alias node
        self.active.add(nid)
        self.alias_depth += 1
        self._count()  # its target
        return True

    def _leave(self, n: Node) -> None:
        self.alias_depth -= 1
        self.active.discard(id(n))

    # -- scalars -----------------------------------------------------------------------------

    def scalar(self, n: ScalarNode) -> tuple[int, Any]:
        tag = n.tag
        if tag == PLAIN:
            if n.style:  # quoted text with the non-specific tag "!" (plain style is "" or None)
                return (K_STR, n.value)
            return resolve("", n.value)
        if tag == STR_TAG:
            return (K_STR, n.value)
        if tag == BINARY_TAG:
            text = n.value.replace("\n", "").replace("\r", "")
            try:
                data = base64.b64decode(text.encode("ascii"), validate=True)
            except (binascii.Error, ValueError, UnicodeEncodeError):
                _fail("!!binary value contains invalid base64 data")
            return (K_STR, go_string(data))
        try:
            return resolve(tag, n.value)
        except ResolveError as err:
            _fail(str(err))

    def scalar_value(self, n: ScalarNode) -> Any:
        kind, v = self.scalar(n)
        if kind == K_INT or kind == K_UINT:
            return float(v)
        if kind == K_FLOAT:
            if math.isnan(v) or math.isinf(v):
                self.bad_float = True
            return v
        return v

    # -- nodes -------------------------------------------------------------------------------

    def value(self, n: Node) -> Any:
        if self.track:
            if self._enter(n):
                try:
                    return self._value(n)
                finally:
                    self._leave(n)
        return self._value(n)

    def _value(self, n: Node) -> Any:
        if isinstance(n, ScalarNode):
            return self.scalar_value(n)
        if isinstance(n, MappingNode):
            out: dict[str, Any] = {}
            self.mapping_into(n, out)
            return out
        assert isinstance(n, SequenceNode)
        value = self.value
        return [value(c) for c in n.value]

    def mapping_into(self, n: MappingNode, out: dict[str, Any]) -> None:
        for k, v in n.value:
            if (
                isinstance(k, ScalarNode)
                and k.value == "<<"
                and ((k.tag == PLAIN and not k.style) or k.tag == MERGE_TAG or k.tag == "!")
            ):
                self.merge(v, out)
                continue
            key = self.key(k)
            val = self.value(v)
            if key is not None:
                out[key] = val

    def merge(self, v: Node, out: dict[str, Any]) -> None:
        if isinstance(v, MappingNode):
            self.merge_one(v, out)
        elif isinstance(v, SequenceNode) and not (self.track and id(v) in self.seen):
            for c in reversed(v.value):
                if not isinstance(c, MappingNode):
                    _fail("map merge requires map or sequence of maps as the value")
                self.merge_one(c, out)
        else:
            _fail("map merge requires map or sequence of maps as the value")

    def merge_one(self, v: MappingNode, out: dict[str, Any]) -> None:
        if self.track and self._enter(v):
            try:
                self.mapping_into(v, out)
            finally:
                self._leave(v)
        else:
            self.mapping_into(v, out)

    def key(self, k: Node) -> str | None:
        """The JSON key of node K (None after recording a key error)."""
        if not isinstance(k, ScalarNode):
            self.value(k)  # go-yaml decodes the key (merges and aliases fail first)
            _fail(f"invalid map key: {go_sharp_v(_raw(self, k))}")
        alias = self.track and self._enter(k)
        try:
            kind, v = self.scalar(k)
        finally:
            if alias:
                self._leave(k)
        if kind == K_STR:
            return v  # type: ignore[no-any-return]
        if kind == K_INT:
            return str(v)
        if kind == K_BOOL:
            return "true" if v else "false"
        if kind == K_FLOAT:
            return float32_key(v)
        if kind == K_NULL or kind == K_UINT:
            if self.key_error is None:
                what = "%!s(<nil>)" if kind == K_NULL else "uint64"
                shown = "<nil>" if kind == K_NULL else hex(v)
                self.key_error = (
                    f"unsupported map key of type: {what}, key: {shown}, value: {{VALUE:{id(k)}}}"
                )
            return None
        return str(v)  # timestamp and merge texts


def _raw(d: _Decoder, n: Node) -> Any:
    """N decoded as go-yaml's interface{} value (typed scalars), for error messages only."""
    if isinstance(n, ScalarNode):
        try:
            return d.scalar(n)
        except DecodeError:
            return (K_STR, n.value)
    if isinstance(n, SequenceNode):
        return [_raw(d, c) for c in n.value]
    return {_key_tuple(_raw(d, k)): _raw(d, v) for k, v in n.value}


def _key_tuple(v: Any) -> Any:
    return v if isinstance(v, tuple) else ("repr", go_sharp_v(v))


def _first_bad_float(v: Any) -> float | None:
    """The first NaN/±Inf in encoding/json's order (map keys sorted), or None."""
    if isinstance(v, float):
        return v if math.isnan(v) or math.isinf(v) else None
    if isinstance(v, dict):
        for k in sorted(v):
            r = _first_bad_float(v[k])
            if r is not None:
                return r
    elif isinstance(v, list):
        for x in v:
            r = _first_bad_float(x)
            if r is not None:
                return r
    return None


def _find_key_value(d: _Decoder, n: Node, kid: int) -> Any:
    """The raw value paired with key node id KID somewhere under N (error path only)."""
    if isinstance(n, MappingNode):
        for k, v in n.value:
            if id(k) == kid:
                return _raw(d, v)
            r = _find_key_value(d, v, kid)
            if r is not _MISSING:
                return r
    elif isinstance(n, SequenceNode):
        for c in n.value:
            r = _find_key_value(d, c, kid)
            if r is not _MISSING:
                return r
    return _MISSING


_MISSING: Final = object()


def decode_node(node: Node | None, *, track: bool, anchors: Any) -> Any:
    """Go's value of the document NODE (None for an empty document).

    Raises DecodeError with Go's message: go-yaml's (``yaml: ...``), sigs.k8s.io/yaml's
    (``unsupported map key of type: ...``) or encoding/json's (``json: unsupported value: NaN``).
    """
    if node is None:
        return None
    d = _Decoder(track, anchors)
    result = d.value(node)
    if d.key_error is not None:
        msg = d.key_error
        start = msg.index("{VALUE:")
        kid = int(msg[start + 7 : -1])
        d.track = False
        shown = go_sharp_v(_find_key_value(d, node, kid))
        raise DecodeError(msg[:start] + shown)
    if d.bad_float:
        f = _first_bad_float(result)
        if f is not None:
            text = "NaN" if math.isnan(f) else ("+Inf" if f > 0 else "-Inf")
            raise DecodeError(f"json: unsupported value: {text}")
    return result

"""Rendered manifests read as Helm's linter reads them: apimachinery's YAMLOrJSONDecoder
decoding each document into Helm's ``k8sYamlStruct`` (apiVersion, kind, metadata name and
namespace).

Hand-written because the linter's messages are those of that decoder and no library has its
rules: a stream whose first non-space character is ``{`` is read as a JSON stream, and a JSON
failure falls back to YAML (keeping the JSON error if YAML fails too) unless two objects were
already read; YAML is split into documents at ``---`` lines (anything but a comment after the
dashes is an error); each YAML document becomes JSON as sigs.k8s.io/yaml makes it (scalars
bound for string fields become strings), then encoding/json fills the struct, keeping its
first type error.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

__all__ = ["DecodeFailure", "K8sObject", "decode_objects", "first_document", "json_kind", "to_struct"]

_UNMARSHAL = "error unmarshaling JSON: while decoding JSON: "
_STRUCT = "rules.k8sYamlStruct"
_GUESS_BYTES = 4096  # the decoder's look-ahead when guessing JSON
# Go's unicode.IsSpace
_GO_SPACE = "\t\n\v\f\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"


class DecodeFailure(Exception):
    """A document could not be decoded; str() is the decoder's message."""


@dataclass(frozen=True, slots=True)
class K8sObject:
    """Helm's k8sYamlStruct: the fields the linter looks at."""

    api_version: str = ""
    kind: str = ""
    name: str = ""
    namespace: str = ""


def json_kind(v: Any) -> str:
    """The JSON kind encoding/json names in a type error."""
    if isinstance(v, bool):
        return "bool"
    if isinstance(v, int | float):
        return "number"
    if isinstance(v, str):
        return "string"
    if isinstance(v, list):
        return "array"
    return "object"


def _string(v: Any, where: str, coerce: bool) -> str | None:
    """The value of a Go string field, or None for null; raises DecodeFailure."""
    if coerce:
        from chartist.chart.chartfile import scalar_to_string

        v = scalar_to_string(v)
    if v is None or isinstance(v, str):
        return v
    raise DecodeFailure(f"json: cannot unmarshal {json_kind(v)} into Go struct field {where} of type string")


def _field(doc: dict[str, Any], names: tuple[str, ...]) -> list[tuple[str, Any]]:
    """(field, value) pairs of DOC in key order, matched to NAMES as encoding/json matches."""
    folded = {n.lower(): n for n in names}
    out = []
    for key, value in doc.items():
        name = key if key in names else folded.get(key.lower())
        if name is not None:
            out.append((name, value))
    return out


def to_struct(doc: Any, *, coerce: bool) -> K8sObject | None:
    """DOC (a decoded JSON value) as a k8sYamlStruct; None for null; DecodeFailure on a type error.

    COERCE turns YAML scalars into strings for string fields (the YAML path); keys are visited
    in sorted order there, as json.Marshal wrote them.
    """
    if doc is None:
        return None
    if not isinstance(doc, dict):
        raise DecodeFailure(f"json: cannot unmarshal {json_kind(doc)} into Go value of type {_STRUCT}")
    items = sorted(doc.items()) if coerce else list(doc.items())
    fields: dict[str, Any] = {}
    first: DecodeFailure | None = None
    for name, value in _field(dict(items), ("apiVersion", "Kind", "Metadata")):
        try:
            if name == "Metadata":
                fields[name] = _metadata(value, coerce)
            else:
                s = _string(value, f"k8sYamlStruct.{name}", coerce)
                if s is not None:
                    fields[name] = s
        except DecodeFailure as err:
            first = first or err
    if first is not None:
        raise first
    md = fields.get("Metadata") or ("", "")
    return K8sObject(fields.get("apiVersion", ""), fields.get("Kind", ""), md[1], md[0])


def _metadata(value: Any, coerce: bool) -> tuple[str, str] | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise DecodeFailure(
            f"json: cannot unmarshal {json_kind(value)} into Go struct field k8sYamlStruct.Metadata "
            "of type rules.k8sYamlMetadata"
        )
    items = sorted(value.items()) if coerce else list(value.items())
    out = {"Namespace": "", "Name": ""}
    first: DecodeFailure | None = None
    for name, v in _field(dict(items), ("Namespace", "Name")):
        try:
            s = _string(v, f"k8sYamlStruct.Metadata.{name}", coerce)
        except DecodeFailure as err:
            first = first or err
            continue
        if s is not None:
            out[name] = s
    if first is not None:
        raise first
    return out["Namespace"], out["Name"]


# --- the stream ------------------------------------------------------------------------------------


def _looks_like_json(text: str) -> bool:
    head = text.encode("utf-8", "surrogateescape")[:_GUESS_BYTES].decode("utf-8", "ignore")
    return head.lstrip(_GO_SPACE).startswith("{")


def decode_objects(content: str) -> Iterator[K8sObject | None]:
    """Every document of CONTENT as the linter decodes it; raises DecodeFailure at the first
    document that cannot be decoded (after yielding those before it)."""
    if _looks_like_json(content):
        yield from _json_stream(content)
    else:
        yield from _yaml_stream(content)


def _json_stream(text: str) -> Iterator[K8sObject | None]:
    """JSON objects from the start of TEXT, then YAML after a failure (as the decoder switches)."""
    from chartist.chart._gojson import GoJSONError, decode

    pos = 0
    count = 0
    while True:
        try:
            value, end = decode(text, pos)
            obj = to_struct(value, coerce=False)
        except GoJSONError as err:
            msg = str(err)
            if msg == "EOF":
                return
            if count > 1:
                raise DecodeFailure(msg) from None
            syntax = msg.startswith("invalid character")
            yield from _fallback(
                text, pos, f"json: offset {_error_offset(text, pos)}: {msg}" if syntax else msg
            )
            return
        except DecodeFailure as err:
            if count > 1:
                raise
            yield from _fallback(text, pos, str(err))
            return
        count += 1
        pos = end
        yield obj


def _fallback(text: str, pos: int, first: str) -> Iterator[K8sObject | None]:
    """The switch to YAML at POS after a JSON failure whose message is FIRST: white space up to
    the first newline is skipped, and if the next YAML document fails too, FIRST is the error."""
    i, n = pos, len(text)
    while True:
        if i >= n:
            raise DecodeFailure(first)
        c = text[i]
        if c not in _GO_SPACE:
            break
        i += 1
        if c == "\n":
            break
    docs = _yaml_stream(text[i:])
    try:
        obj = next(docs)
    except StopIteration:
        return
    except DecodeFailure:
        raise DecodeFailure(first) from None
    yield obj
    yield from docs


def _error_offset(text: str, pos: int) -> int:
    """The byte offset Go's scanner reports for the syntax error in the value at POS."""
    from chartist.chart._gojson import GoJSONError, decode

    lo, hi = pos, len(text)  # the shortest prefix that fails is in (lo, hi]
    while lo + 1 < hi:
        mid = (lo + hi) // 2
        try:
            decode(text[:mid], pos)
            failed = False
        except GoJSONError as err:
            failed = str(err).startswith("invalid character")
        if failed:
            hi = mid
        else:
            lo = mid
    return len(text[: hi - 1].encode("utf-8", "surrogateescape")) + 1


def _yaml_stream(text: str) -> Iterator[K8sObject | None]:
    from chartist import goyaml

    data = text.encode("utf-8", "surrogateescape")
    docs = goyaml.split_documents(data)
    while True:
        try:
            doc = next(docs)
        except StopIteration:
            return
        except goyaml.YAMLError as err:
            raise DecodeFailure(str(err)) from None
        try:
            value = goyaml.load(doc)
        except goyaml.YAMLError as err:
            raise DecodeFailure(str(err)) from None
        try:
            yield to_struct(value, coerce=True)
        except DecodeFailure as err:
            raise DecodeFailure(_UNMARSHAL + str(err)) from None


def first_document(content: str) -> Any:
    """sigs.k8s.io/yaml's view of CONTENT: its first YAML document; raises DecodeFailure."""
    from chartist import goyaml

    try:
        return goyaml.load(content)
    except goyaml.YAMLError as err:
        raise DecodeFailure(str(err)) from None

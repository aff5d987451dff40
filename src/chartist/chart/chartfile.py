"""Chart.yaml, requirements.yaml and lock files decoded into the model, the way Helm does.

Helm reads these with sigs.k8s.io/yaml: YAML becomes JSON (scalars bound for string fields
are turned into strings first: ``version: 1.10`` is ``"1.1"``, ``appVersion: 20230101`` is
``"20230101"``), then encoding/json fills the struct: field names match case-insensitively,
unknown keys are ignored, ``null`` leaves a field alone, and the first type mismatch (in
sorted key order, as json.Marshal wrote the map) is reported with Go's message, e.g.
``json: cannot unmarshal string into Go struct field Metadata.deprecated of type bool``.
No library reproduces that, hence this small decoder over the parsed YAML tree.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable
from typing import Any

from chartist.chart.model import Dependency, Lock, Maintainer, Metadata


class DecodeError(Exception):
    """Go's json.UnmarshalTypeError text; callers add Helm's context."""


def _json_kind(v: Any) -> str:
    if isinstance(v, bool):
        return "bool"
    if isinstance(v, int | float):
        return "number"
    if isinstance(v, str):
        return "string"
    if isinstance(v, list):
        return "array"
    return "object"


class _Ctx:
    """encoding/json's error context: innermost struct type and the JSON field path."""

    __slots__ = ("path", "struct")

    def __init__(self, struct: str, path: tuple[str, ...]) -> None:
        self.struct, self.path = struct, path

    def fail(self, value: Any, go_type: str) -> DecodeError:
        where = f"Go struct field {self.struct}.{'.'.join(self.path)}" if self.struct else "Go value"
        return DecodeError(f"json: cannot unmarshal {_json_kind(value)} into {where} of type {go_type}")


def scalar_to_string(v: Any) -> Any:
    """sigs.k8s.io/yaml's conversion of a YAML scalar bound for a Go string field.

    YAML integers print in decimal, floats as float32 shortest ``%g`` and booleans as
    ``true``/``false``; the YAML loader gives every number as float, so integral values are
    taken to be the integers they were written as.
    """
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(int(v))
    if isinstance(v, float):
        if math.isfinite(v) and v.is_integer() and abs(v) < 2**63:
            return str(int(v))
        from chartist.gotemplate.strconv import format_float  # here: gotemplate loads slowly

        return format_float(v, "g", -1, 32)
    return v


def _string(v: Any, ctx: _Ctx) -> str | None:
    v = scalar_to_string(v)
    if v is None:
        return None
    if not isinstance(v, str):
        raise ctx.fail(v, "string")
    return v


def _bool(v: Any, ctx: _Ctx) -> bool | None:
    if v is None:
        return None
    if not isinstance(v, bool):
        raise ctx.fail(v, "bool")
    return v


def _strings(v: Any, ctx: _Ctx) -> tuple[str, ...] | None:
    if v is None:
        return ()
    if not isinstance(v, list):
        raise ctx.fail(v, "[]string")
    return tuple(_string(x, ctx) or "" for x in v)


def _string_map(v: Any, ctx: _Ctx) -> dict[str, str] | None:
    if v is None:
        return {}
    if not isinstance(v, dict):
        raise ctx.fail(v, "map[string]string")
    return {str(k): _string(x, ctx) or "" for k, x in sorted(v.items())}


def _any_list(v: Any, ctx: _Ctx) -> tuple[Any, ...] | None:
    if v is None:
        return ()
    if not isinstance(v, list):
        raise ctx.fail(v, "[]interface {}")
    return tuple(v)


_Decoder = Callable[[Any, _Ctx], Any]

_MAINTAINER_FIELDS: dict[str, tuple[str, _Decoder]] = {
    "name": ("name", _string),
    "email": ("email", _string),
    "url": ("url", _string),
}

_DEPENDENCY_FIELDS: dict[str, tuple[str, _Decoder]] = {
    "name": ("name", _string),
    "version": ("version", _string),
    "repository": ("repository", _string),
    "condition": ("condition", _string),
    "tags": ("tags", _strings),
    "enabled": ("enabled", _bool),
    "import-values": ("import_values", _any_list),
    "alias": ("alias", _string),
}


# A decoder's way of saying "set this field to nil" (JSON null into a Go slice).
_NIL = object()


def _struct(
    v: Any, ctx: _Ctx, cls: type[Any], struct: str, fields: dict[str, tuple[str, _Decoder]], base: Any
) -> Any:
    """Decode mapping V into a copy of BASE (an instance of CLS) field by field."""
    if v is None:
        return base
    if not isinstance(v, dict):
        raise ctx.fail(v, f"v2.{struct}")
    folded = {k.lower(): k for k in fields}
    changes: dict[str, Any] = {}
    for key in sorted(v, key=str):
        name = key if key in fields else folded.get(str(key).lower())
        if name is None:
            continue
        attr, decode = fields[name]
        value = decode(v[key], _Ctx(struct, (*ctx.path, name)))
        if value is _NIL:
            changes[attr] = None
        elif value is not None:
            changes[attr] = value
    return dataclasses.replace(base, **changes) if changes else base


def _struct_list(
    v: Any, ctx: _Ctx, cls: type[Any], struct: str, fields: dict[str, tuple[str, _Decoder]]
) -> tuple[Any, ...] | None:
    if v is None:
        return ()
    if not isinstance(v, list):
        raise ctx.fail(v, f"[]*v2.{struct}")
    # A null element stays a nil pointer, which validation rejects later.
    return tuple(None if x is None else _struct(x, ctx, cls, struct, fields, cls()) for x in v)


def _maintainers(v: Any, ctx: _Ctx) -> Any:
    return _struct_list(v, ctx, Maintainer, "Maintainer", _MAINTAINER_FIELDS)


def _dependencies(v: Any, ctx: _Ctx) -> Any:
    if v is None:
        return _NIL
    return _struct_list(v, ctx, Dependency, "Dependency", _DEPENDENCY_FIELDS)


_METADATA_FIELDS: dict[str, tuple[str, _Decoder]] = {
    "name": ("name", _string),
    "home": ("home", _string),
    "sources": ("sources", _strings),
    "version": ("version", _string),
    "description": ("description", _string),
    "keywords": ("keywords", _strings),
    "maintainers": ("maintainers", _maintainers),
    "icon": ("icon", _string),
    "apiVersion": ("api_version", _string),
    "condition": ("condition", _string),
    "tags": ("tags", _string),
    "appVersion": ("app_version", _string),
    "deprecated": ("deprecated", _bool),
    "annotations": ("annotations", _string_map),
    "kubeVersion": ("kube_version", _string),
    "dependencies": ("dependencies", _dependencies),
    "type": ("type", _string),
}

_LOCK_FIELDS: dict[str, tuple[str, _Decoder]] = {
    "generated": ("generated", _string),
    "digest": ("digest", _string),
    "dependencies": ("dependencies", _dependencies),
}


def decode_metadata(doc: Any, base: Metadata | None = None) -> Metadata:
    """Fill a Metadata (a copy of BASE, or an empty one) from the parsed YAML DOC.

    Raises DecodeError with Go's message when a value has the wrong shape.
    """
    md: Metadata = _struct(doc, _Ctx("", ()), Metadata, "Metadata", _METADATA_FIELDS, base or Metadata())
    return md


def decode_lock(doc: Any) -> Lock:
    """A Lock from the parsed YAML of Chart.lock / requirements.lock; raises DecodeError."""
    lock: Lock = _struct(doc, _Ctx("", ()), Lock, "Lock", _LOCK_FIELDS, Lock())
    return lock


def decode_api_version(doc: Any) -> str:
    """Only ``apiVersion`` of a Chart.yaml, as Helm reads it to pick a chart loader."""
    if isinstance(doc, dict):
        for key in sorted(doc, key=str):
            if str(key).lower() == "apiversion":
                return _string(doc[key], _Ctx("chartBase", ("apiVersion",))) or ""
    return ""


def metadata_to_json(md: Metadata) -> dict[str, Any]:
    """Metadata as encoding/json writes it (json tags, ``omitempty``); for Chart.yaml output."""
    out: dict[str, Any] = {}

    def put(key: str, value: Any) -> None:
        if value:
            out[key] = value

    put("name", md.name)
    put("home", md.home)
    put("sources", list(md.sources))
    put("version", md.version)
    put("description", md.description)
    put("keywords", list(md.keywords))
    put(
        "maintainers",
        [
            None
            if m is None
            else {k: v for k, v in (("name", m.name), ("email", m.email), ("url", m.url)) if v}
            for m in md.maintainers
        ],
    )
    put("icon", md.icon)
    put("apiVersion", md.api_version)
    put("condition", md.condition)
    put("tags", md.tags)
    put("appVersion", md.app_version)
    put("deprecated", md.deprecated)
    put("annotations", dict(md.annotations))
    put("kubeVersion", md.kube_version)
    put("dependencies", [None if d is None else dependency_to_json(d) for d in md.dependencies or ()])
    put("type", md.type)
    return out


def dependency_to_json(d: Dependency) -> dict[str, Any]:
    """A Dependency as encoding/json writes it (``name`` and ``repository`` always present)."""
    out: dict[str, Any] = {"name": d.name}
    if d.version:
        out["version"] = d.version
    out["repository"] = d.repository
    for key, value in (
        ("condition", d.condition),
        ("tags", list(d.tags)),
        ("enabled", d.enabled),
        ("import-values", list(d.import_values)),
        ("alias", d.alias),
    ):
        if value:
            out[key] = value
    return out


def lock_to_json(lock: Lock) -> dict[str, Any]:
    """A Lock as encoding/json writes it."""
    return {
        "generated": lock.generated,
        "digest": lock.digest,
        "dependencies": [None if d is None else dependency_to_json(d) for d in lock.dependencies or ()],
    }

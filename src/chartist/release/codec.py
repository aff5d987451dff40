"""Releases as Helm stores them: Go's JSON of ``release/v1.Release``, gzipped, base64-encoded.

Hand-written because the bytes must be the ones Helm's Go structs give: fields in struct
order with Helm's ``omitempty``/``omitzero`` rules, maps with sorted keys, ``<``, ``>`` and
``&`` escaped, ``[]byte`` as base64, times as RFC 3339 with nanoseconds
(:mod:`chartist.release.times`). Scalars and maps go through
:func:`chartist.goyaml.dump_json`, Go's encoder; the struct layer is here.

The chart part is Helm's ``chart/v2.Chart`` JSON: metadata, lock, templates, values, schema,
schemamodtime, files, modtime (subcharts are not stored, as in Helm). When a release is read,
the chart's JSON document is kept beside the decoded chart (``Release.chart_source``) and
written back as it was, so rewriting a revision (e.g. marking it superseded) loses nothing.

:func:`encode_release` is Helm's ``encodeRelease``: gzip at best compression (level 9, no
name, mtime 0: the header Go writes) then standard base64. The deflate stream comes from zlib,
not Go's compress/flate, so the compressed bytes differ from Helm's while the JSON inside is
identical. :func:`decode_release` accepts gzipped and plain JSON, as Helm does (the gzip
magic ``1f 8b 08`` decides).
"""

from __future__ import annotations

import base64
import binascii
import gzip
import zlib
from collections.abc import Mapping, Sequence
from typing import Any, Final

from chartist.chart.model import Chart, Dependency, File, Lock, Maintainer, Metadata
from chartist.errors import ChartistError
from chartist.goyaml import YAMLError, dump_json, load_json
from chartist.release.model import Hook, HookExecution, Info, Release
from chartist.release.times import GoTime, TimeFormatError, format_time, parse_time

__all__ = [
    "MAGIC_GZIP",
    "CodecError",
    "chart_from_json",
    "chart_to_json",
    "decode_release",
    "encode_release",
    "release_from_json",
    "release_to_json",
]

MAGIC_GZIP: Final = b"\x1f\x8b\x08"
_B64_ALPHABET: Final = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=")


class CodecError(ChartistError):
    """A stored release cannot be decoded (bad base64, gzip or JSON) or a release cannot be encoded."""


# --- writing ---------------------------------------------------------------------------------


def _q(s: str) -> str:
    return dump_json(s)


def _value(v: Any) -> str:
    try:
        return dump_json(v)
    except YAMLError as err:
        raise CodecError(str(err)) from None


def _b64(data: bytes) -> str:
    return '"' + base64.b64encode(data).decode("ascii") + '"'


def _strings(items: Sequence[str]) -> str:
    return "[" + ",".join(_q(s) for s in items) + "]"


def _time(t: GoTime) -> str:
    try:
        return '"' + t.rfc3339nano() + '"'
    except TimeFormatError as err:
        raise CodecError(str(err)) from None


def _struct(parts: list[str]) -> str:
    return "{" + ",".join(parts) + "}"


def _info_json(info: Info) -> str:
    p: list[str] = []
    if info.first_deployed is not None:
        p.append('"first_deployed":' + _time(info.first_deployed))
    if info.last_deployed is not None:
        p.append('"last_deployed":' + _time(info.last_deployed))
    if info.deleted is not None:
        p.append('"deleted":' + _time(info.deleted))
    if info.description:
        p.append('"description":' + _q(info.description))
    if info.status:
        p.append('"status":' + _q(str(info.status)))
    if info.rollback_revision:
        p.append(f'"rollback_revision":{int(info.rollback_revision)}')
    if info.notes:
        p.append('"notes":' + _q(info.notes))
    if info.resources:
        p.append('"resources":' + _value(info.resources))
    return _struct(p)


def _hook_json(h: Hook) -> str:
    p: list[str] = []
    for key, text in (("name", h.name), ("kind", h.kind), ("path", h.path), ("manifest", h.manifest)):
        if text:
            p.append(f'"{key}":' + _q(text))
    if h.events:
        p.append('"events":' + _strings(h.events))
    run: list[str] = []
    if h.last_run.started_at is not None:
        run.append('"started_at":' + _time(h.last_run.started_at))
    if h.last_run.completed_at is not None:
        run.append('"completed_at":' + _time(h.last_run.completed_at))
    run.append('"phase":' + _q(h.last_run.phase))
    p.append('"last_run":' + _struct(run))
    if h.weight:
        p.append(f'"weight":{int(h.weight)}')
    if h.delete_policies:
        p.append('"delete_policies":' + _strings(h.delete_policies))
    if h.output_log_policies:
        p.append('"output_log_policies":' + _strings(h.output_log_policies))
    return _struct(p)


def _maintainer_json(m: Maintainer | None) -> str:
    if m is None:
        return "null"
    return _struct(
        [f'"{k}":' + _q(v) for k, v in (("name", m.name), ("email", m.email), ("url", m.url)) if v]
    )


def _dependency_json(d: Dependency | None) -> str:
    if d is None:
        return "null"
    p = ['"name":' + _q(d.name)]
    if d.version:
        p.append('"version":' + _q(d.version))
    p.append('"repository":' + _q(d.repository))
    if d.condition:
        p.append('"condition":' + _q(d.condition))
    if d.tags:
        p.append('"tags":' + _strings(d.tags))
    if d.enabled:
        p.append('"enabled":true')
    if d.import_values:
        p.append('"import-values":' + _value(list(d.import_values)))
    if d.alias:
        p.append('"alias":' + _q(d.alias))
    return _struct(p)


def _metadata_json(md: Metadata) -> str:
    p: list[str] = []

    def text(key: str, value: str) -> None:
        if value:
            p.append(f'"{key}":' + _q(value))

    text("name", md.name)
    text("home", md.home)
    if md.sources:
        p.append('"sources":' + _strings(md.sources))
    text("version", md.version)
    text("description", md.description)
    if md.keywords:
        p.append('"keywords":' + _strings(md.keywords))
    if md.maintainers:
        p.append('"maintainers":[' + ",".join(_maintainer_json(m) for m in md.maintainers) + "]")
    text("icon", md.icon)
    text("apiVersion", md.api_version)
    text("condition", md.condition)
    text("tags", md.tags)
    text("appVersion", md.app_version)
    if md.deprecated:
        p.append('"deprecated":true')
    if md.annotations:
        p.append('"annotations":' + _value(dict(md.annotations)))
    text("kubeVersion", md.kube_version)
    if md.dependencies:
        p.append('"dependencies":[' + ",".join(_dependency_json(d) for d in md.dependencies) + "]")
    text("type", md.type)
    return _struct(p)


def _lock_json(lock: Lock) -> str:
    try:
        generated = parse_time(lock.generated) if lock.generated else None
    except TimeFormatError:
        generated = None  # Helm cannot load such a lock at all; write Go's zero time
    deps = "null"
    if lock.dependencies is not None:
        deps = "[" + ",".join(_dependency_json(d) for d in lock.dependencies) + "]"
    return _struct(
        [
            '"generated":"' + format_time(generated) + '"',
            '"digest":' + _q(lock.digest),
            '"dependencies":' + deps,
        ]
    )


def _file_json(f: File) -> str:
    p = ['"name":' + _q(f.name), '"data":' + _b64(f.data)]
    if f.mod_time:
        p.append('"modtime":' + _time(GoTime.from_timestamp(f.mod_time)))
    return _struct(p)


def _files_json(files: Sequence[File]) -> str:
    # The loader appends to a nil slice: no files is null, as Helm writes it.
    if not files:
        return "null"
    return "[" + ",".join(_file_json(f) for f in files) + "]"


def chart_to_json(chart: Chart) -> str:
    """The chart as Helm's ``json.Marshal(chart)`` writes it (no subcharts: Helm stores none).

    ``values`` is null when the chart has no values.yaml and no values (a nil map in Go);
    ``schemamodtime`` is the values.schema.json file's time, Go's zero time without a schema.
    """
    has_values_file = any(f.name == "values.yaml" for f in chart.raw)
    values = _value(chart.values) if chart.values or has_values_file else "null"
    schema_time: GoTime | None = None
    if chart.schema is not None:
        mtime = next((f.mod_time for f in chart.raw if f.name == "values.schema.json"), 0.0)
        schema_time = GoTime.from_timestamp(mtime) if mtime else None
    p = [
        '"metadata":' + _metadata_json(chart.metadata),
        '"lock":' + ("null" if chart.lock is None else _lock_json(chart.lock)),
        '"templates":' + _files_json(chart.templates),
        '"values":' + values,
        '"schema":' + ("null" if chart.schema is None else _b64(chart.schema)),
        '"schemamodtime":' + ('"' + format_time(schema_time) + '"'),
        '"files":' + _files_json(chart.files),
    ]
    if chart.mod_time:
        p.append('"modtime":' + _time(GoTime.from_timestamp(chart.mod_time)))
    return _struct(p)


def _ordered_json(v: Any) -> str:
    """A decoded JSON document written back in its own key order (Go wrote it sorted already)."""
    if isinstance(v, dict):
        return "{" + ",".join(_q(k) + ":" + _ordered_json(x) for k, x in v.items()) + "}"
    if isinstance(v, list):
        return "[" + ",".join(_ordered_json(x) for x in v) + "]"
    return _value(v)


def release_to_json(rel: Release) -> str:
    """REL as Helm's ``json.Marshal(release)``; raises CodecError for unencodable values (NaN)."""
    p: list[str] = []
    if rel.name:
        p.append('"name":' + _q(rel.name))
    p.append('"info":' + _info_json(rel.info))
    if rel.chart is not None:
        src = rel.chart_source
        if src is not None and src[0] is rel.chart:
            p.append('"chart":' + _ordered_json(src[1]))
        else:
            p.append('"chart":' + chart_to_json(rel.chart))
    if rel.config:
        p.append('"config":' + _value(rel.config))
    if rel.manifest:
        p.append('"manifest":' + _q(rel.manifest))
    if rel.hooks:
        p.append('"hooks":[' + ",".join(_hook_json(h) for h in rel.hooks) + "]")
    if rel.version:
        p.append(f'"version":{int(rel.version)}')
    if rel.namespace:
        p.append('"namespace":' + _q(rel.namespace))
    if rel.apply_method:
        p.append('"apply_method":' + _q(rel.apply_method))
    return _struct(p)


def encode_release(rel: Release) -> str:
    """Helm's ``encodeRelease``: base64(gzip(JSON)), the text stored in a Secret, ConfigMap or row."""
    raw = release_to_json(rel).encode("utf-8")
    return base64.b64encode(gzip.compress(raw, compresslevel=9, mtime=0)).decode("ascii")


# --- reading ---------------------------------------------------------------------------------


def _kind(v: Any) -> str:
    if isinstance(v, bool):
        return "bool"
    if isinstance(v, int | float):
        return "number"
    if isinstance(v, str):
        return "string"
    if isinstance(v, list):
        return "array"
    return "object"


def _bad(v: Any, where: str, go_type: str) -> CodecError:
    return CodecError(f"json: cannot unmarshal {_kind(v)} into Go struct field {where} of type {go_type}")


def _get_str(d: Mapping[str, Any], key: str, where: str) -> str:
    v = d.get(key)
    if v is None:
        return ""
    if not isinstance(v, str):
        raise _bad(v, f"{where}.{key}", "string")
    return v


def _get_int(d: Mapping[str, Any], key: str, where: str) -> int:
    v = d.get(key)
    if v is None:
        return 0
    if isinstance(v, bool) or not isinstance(v, int | float) or v != int(v):
        raise _bad(v, f"{where}.{key}", "int")
    return int(v)


def _get_bool(d: Mapping[str, Any], key: str, where: str) -> bool:
    v = d.get(key)
    if v is None:
        return False
    if not isinstance(v, bool):
        raise _bad(v, f"{where}.{key}", "bool")
    return v


def _get_strs(d: Mapping[str, Any], key: str, where: str) -> list[str]:
    v = d.get(key)
    if v is None:
        return []
    if not isinstance(v, list):
        raise _bad(v, f"{where}.{key}", "[]string")
    out: list[str] = []
    for x in v:
        if x is not None and not isinstance(x, str):
            raise _bad(x, f"{where}.{key}", "string")
        out.append(x or "")
    return out


def _get_obj(d: Mapping[str, Any], key: str, where: str, go_type: str) -> dict[str, Any] | None:
    v = d.get(key)
    if v is None:
        return None
    if not isinstance(v, dict):
        raise _bad(v, f"{where}.{key}", go_type)
    return v


def _get_list(d: Mapping[str, Any], key: str, where: str, go_type: str) -> list[Any] | None:
    v = d.get(key)
    if v is None:
        return None
    if not isinstance(v, list):
        raise _bad(v, f"{where}.{key}", go_type)
    return v


def _get_time(d: Mapping[str, Any], key: str, where: str) -> GoTime | None:
    # Helm's Info and HookExecution read "" (older Helm wrote it) as the zero time.
    v = d.get(key)
    if v is None or v == "":
        return None
    if not isinstance(v, str):
        raise _bad(v, f"{where}.{key}", "time.Time")
    try:
        return parse_time(v)
    except TimeFormatError as err:
        raise CodecError(str(err)) from None


def _get_bytes(d: Mapping[str, Any], key: str, where: str) -> bytes | None:
    v = d.get(key)
    if v is None:
        return None
    if not isinstance(v, str):
        raise _bad(v, f"{where}.{key}", "[]uint8")
    try:
        return base64.b64decode(v, validate=True)
    except (binascii.Error, ValueError):
        raise CodecError(_base64_error(v.encode("ascii", "replace"))) from None


def _info_from(d: dict[str, Any]) -> Info:
    w = "Info"
    resources = _get_obj(d, "resources", w, "map[string][]runtime.Object")
    return Info(
        first_deployed=_get_time(d, "first_deployed", w),
        last_deployed=_get_time(d, "last_deployed", w),
        deleted=_get_time(d, "deleted", w),
        description=_get_str(d, "description", w),
        status=_get_str(d, "status", w),
        rollback_revision=_get_int(d, "rollback_revision", w),
        notes=_get_str(d, "notes", w),
        resources=resources,
    )


def _hook_from(d: Any) -> Hook:
    w = "Hook"
    if not isinstance(d, dict):
        raise _bad(d, "Release.hooks", "v1.Hook")
    run = _get_obj(d, "last_run", w, "v1.HookExecution") or {}
    return Hook(
        name=_get_str(d, "name", w),
        kind=_get_str(d, "kind", w),
        path=_get_str(d, "path", w),
        manifest=_get_str(d, "manifest", w),
        events=_get_strs(d, "events", w),
        weight=_get_int(d, "weight", w),
        delete_policies=_get_strs(d, "delete_policies", w),
        output_log_policies=_get_strs(d, "output_log_policies", w),
        last_run=HookExecution(
            started_at=_get_time(run, "started_at", "HookExecution"),
            completed_at=_get_time(run, "completed_at", "HookExecution"),
            phase=_get_str(run, "phase", "HookExecution"),
        ),
    )


def _dependency_from(d: Any, where: str) -> Dependency | None:
    if d is None:
        return None
    if not isinstance(d, dict):
        raise _bad(d, where, "v2.Dependency")
    w = "Dependency"
    imports = _get_list(d, "import-values", w, "[]interface {}")
    return Dependency(
        name=_get_str(d, "name", w),
        version=_get_str(d, "version", w),
        repository=_get_str(d, "repository", w),
        condition=_get_str(d, "condition", w),
        tags=tuple(_get_strs(d, "tags", w)),
        enabled=_get_bool(d, "enabled", w),
        import_values=tuple(imports or ()),
        alias=_get_str(d, "alias", w),
    )


def _maintainer_from(d: Any) -> Maintainer | None:
    if d is None:
        return None
    if not isinstance(d, dict):
        raise _bad(d, "Metadata.maintainers", "v2.Maintainer")
    w = "Maintainer"
    return Maintainer(_get_str(d, "name", w), _get_str(d, "email", w), _get_str(d, "url", w))


def _metadata_from(d: dict[str, Any]) -> Metadata:
    w = "Metadata"
    annotations = _get_obj(d, "annotations", w, "map[string]string") or {}
    for v in annotations.values():
        if not isinstance(v, str):
            raise _bad(v, f"{w}.annotations", "string")
    deps = _get_list(d, "dependencies", w, "[]*v2.Dependency")
    return Metadata(
        name=_get_str(d, "name", w),
        home=_get_str(d, "home", w),
        sources=tuple(_get_strs(d, "sources", w)),
        version=_get_str(d, "version", w),
        description=_get_str(d, "description", w),
        keywords=tuple(_get_strs(d, "keywords", w)),
        maintainers=tuple(
            _maintainer_from(m) for m in _get_list(d, "maintainers", w, "[]*v2.Maintainer") or ()
        ),
        icon=_get_str(d, "icon", w),
        api_version=_get_str(d, "apiVersion", w),
        condition=_get_str(d, "condition", w),
        tags=_get_str(d, "tags", w),
        app_version=_get_str(d, "appVersion", w),
        deprecated=_get_bool(d, "deprecated", w),
        annotations=dict(annotations),
        kube_version=_get_str(d, "kubeVersion", w),
        dependencies=None if deps is None else tuple(_dependency_from(x, f"{w}.dependencies") for x in deps),
        type=_get_str(d, "type", w),
    )


def _files_from(d: dict[str, Any], key: str) -> tuple[File, ...]:
    out: list[File] = []
    for item in _get_list(d, key, "Chart", "[]*common.File") or ():
        if item is None:
            continue
        if not isinstance(item, dict):
            raise _bad(item, f"Chart.{key}", "common.File")
        mtime = _get_time(item, "modtime", "File")
        out.append(
            File(
                _get_str(item, "name", "File"),
                _get_bytes(item, "data", "File") or b"",
                mtime.timestamp() if mtime is not None else 0.0,
            )
        )
    return tuple(out)


def chart_from_json(doc: dict[str, Any]) -> Chart:
    """The Chart of a release's decoded ``chart`` document; raises CodecError for wrong shapes."""
    md = _get_obj(doc, "metadata", "Chart", "v2.Metadata")
    lock_doc = _get_obj(doc, "lock", "Chart", "v2.Lock")
    lock: Lock | None = None
    if lock_doc is not None:
        generated = lock_doc.get("generated")
        if generated is not None and not isinstance(generated, str):
            raise _bad(generated, "Lock.generated", "time.Time")
        deps = _get_list(lock_doc, "dependencies", "Lock", "[]*v2.Dependency")
        lock = Lock(
            generated=generated or "",
            digest=_get_str(lock_doc, "digest", "Lock"),
            dependencies=None
            if deps is None
            else tuple(_dependency_from(x, "Lock.dependencies") for x in deps),
        )
    mtime = _get_time(doc, "modtime", "Chart")
    return Chart(
        metadata=_metadata_from(md) if md is not None else Metadata(),
        values=_get_obj(doc, "values", "Chart", "map[string]interface {}") or {},
        templates=_files_from(doc, "templates"),
        files=_files_from(doc, "files"),
        schema=_get_bytes(doc, "schema", "Chart"),
        lock=lock,
        mod_time=mtime.timestamp() if mtime is not None else 0.0,
    )


def release_from_json(data: str | bytes) -> Release:
    """A Release from Helm's JSON; unknown fields are ignored, wrong shapes raise CodecError.

    Numbers inside config and chart values are floats, as Go decodes them.
    """
    try:
        doc = load_json(data)
    except YAMLError as err:
        raise CodecError(str(err)) from None
    if not isinstance(doc, dict):
        raise CodecError(f"json: cannot unmarshal {_kind(doc)} into Go value of type v1.Release")
    w = "Release"
    info = _get_obj(doc, "info", w, "v1.Info")
    chart_doc = _get_obj(doc, "chart", w, "v2.Chart")
    rel = Release(
        name=_get_str(doc, "name", w),
        info=_info_from(info) if info is not None else Info(),
        config=_get_obj(doc, "config", w, "map[string]interface {}") or {},
        manifest=_get_str(doc, "manifest", w),
        hooks=[_hook_from(h) for h in _get_list(doc, "hooks", w, "[]*v1.Hook") or () if h is not None],
        version=_get_int(doc, "version", w),
        namespace=_get_str(doc, "namespace", w),
        apply_method=_get_str(doc, "apply_method", w),
    )
    if chart_doc is not None:
        rel.chart = chart_from_json(chart_doc)
        rel.chart_source = (rel.chart, chart_doc)
    return rel


def _base64_error(data: bytes) -> str:
    """Go's ``illegal base64 data at input byte N`` for DATA (newlines already removed)."""
    for i, c in enumerate(data):
        if c not in _B64_ALPHABET:
            return f"illegal base64 data at input byte {i}"
    pad = data.find(b"=")
    if pad >= 0:
        return f"illegal base64 data at input byte {pad}"
    return f"illegal base64 data at input byte {len(data) - len(data) % 4}"


def decode_release(data: str | bytes) -> Release:
    """Helm's ``decodeRelease``: base64, then gunzip when the gzip magic is there, then JSON.

    Raises CodecError with Go's base64 message or the gzip/JSON failure.
    """
    raw = data.encode("ascii", "replace") if isinstance(data, str) else bytes(data)
    if b"\n" in raw or b"\r" in raw:
        raw = raw.replace(b"\n", b"").replace(b"\r", b"")  # Go's decoder skips them
    try:
        b = base64.b64decode(raw, validate=True)
    except (binascii.Error, ValueError):
        raise CodecError(_base64_error(raw)) from None
    if len(b) > 3 and b[:3] == MAGIC_GZIP:
        try:
            b = gzip.decompress(b)
        except (OSError, EOFError, zlib.error) as err:
            raise CodecError(f"gzip: {err}") from None
    return release_from_json(b)

"""A chart as Helm stores it inside a release: the JSON of ``chart/v2.Chart``.

Fields in Go's order: metadata, lock, templates, values, schema, schemamodtime, files,
modtime. Subcharts are not stored (Helm's ``dependencies`` field is unexported), ``Raw`` is
not stored either. File data is base64; file and chart times are RFC 3339 with the local
offset (``omitzero``); ``schemamodtime`` and the lock's ``generated`` are always written, as
Go's zero time when unset.

chartist's chart model keeps file times as float seconds, so times written from it have
microsecond precision where Helm's have nanoseconds; a chart read from storage is written back
from its own document instead (see :mod:`chartist.release.codec`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from chartist.chart.model import Chart, Dependency, File, Lock, Maintainer, Metadata
from chartist.release._structjson import (
    b64,
    bad_type,
    get_bool,
    get_bytes,
    get_list,
    get_obj,
    get_str,
    get_strs,
    get_time,
    go_json,
    quote,
    strings,
    struct,
    time_json,
)
from chartist.release.times import GoTime, TimeFormatError, format_time, parse_time

__all__ = ["chart_from_json", "chart_to_json"]


def _maintainer_json(m: Maintainer | None) -> str:
    if m is None:
        return "null"
    return struct(
        [f'"{k}":' + quote(v) for k, v in (("name", m.name), ("email", m.email), ("url", m.url)) if v]
    )


def _dependency_json(d: Dependency | None) -> str:
    if d is None:
        return "null"
    p = ['"name":' + quote(d.name)]
    if d.version:
        p.append('"version":' + quote(d.version))
    p.append('"repository":' + quote(d.repository))
    if d.condition:
        p.append('"condition":' + quote(d.condition))
    if d.tags:
        p.append('"tags":' + strings(d.tags))
    if d.enabled:
        p.append('"enabled":true')
    if d.import_values:
        p.append('"import-values":' + go_json(list(d.import_values)))
    if d.alias:
        p.append('"alias":' + quote(d.alias))
    return struct(p)


def _metadata_json(md: Metadata) -> str:
    p: list[str] = []

    def text(key: str, value: str) -> None:
        if value:
            p.append(f'"{key}":' + quote(value))

    text("name", md.name)
    text("home", md.home)
    if md.sources:
        p.append('"sources":' + strings(md.sources))
    text("version", md.version)
    text("description", md.description)
    if md.keywords:
        p.append('"keywords":' + strings(md.keywords))
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
        p.append('"annotations":' + go_json(dict(md.annotations)))
    text("kubeVersion", md.kube_version)
    if md.dependencies:
        p.append('"dependencies":[' + ",".join(_dependency_json(d) for d in md.dependencies) + "]")
    text("type", md.type)
    return struct(p)


def _lock_json(lock: Lock) -> str:
    try:
        generated = parse_time(lock.generated) if lock.generated else None
    except TimeFormatError:
        generated = None  # Helm cannot load such a lock at all; write Go's zero time
    deps = "null"
    if lock.dependencies is not None:
        deps = "[" + ",".join(_dependency_json(d) for d in lock.dependencies) + "]"
    return struct(
        [
            '"generated":"' + format_time(generated) + '"',
            '"digest":' + quote(lock.digest),
            '"dependencies":' + deps,
        ]
    )


def _file_json(f: File) -> str:
    p = ['"name":' + quote(f.name), '"data":' + b64(f.data)]
    if f.mod_time:
        p.append('"modtime":' + time_json(GoTime.from_timestamp(f.mod_time)))
    return struct(p)


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
    values = go_json(chart.values) if chart.values or has_values_file else "null"
    schema_time: GoTime | None = None
    if chart.schema is not None:
        mtime = next((f.mod_time for f in chart.raw if f.name == "values.schema.json"), 0.0)
        schema_time = GoTime.from_timestamp(mtime) if mtime else None
    p = [
        '"metadata":' + _metadata_json(chart.metadata),
        '"lock":' + ("null" if chart.lock is None else _lock_json(chart.lock)),
        '"templates":' + _files_json(chart.templates),
        '"values":' + values,
        '"schema":' + ("null" if chart.schema is None else b64(chart.schema)),
        '"schemamodtime":' + ('"' + format_time(schema_time) + '"'),
        '"files":' + _files_json(chart.files),
    ]
    if chart.mod_time:
        p.append('"modtime":' + time_json(GoTime.from_timestamp(chart.mod_time)))
    return struct(p)


def _dependency_from(d: Any, where: str) -> Dependency | None:
    if d is None:
        return None
    if not isinstance(d, dict):
        raise bad_type(d, where, "v2.Dependency")
    w = "Dependency"
    imports = get_list(d, "import-values", w, "[]interface {}")
    return Dependency(
        name=get_str(d, "name", w),
        version=get_str(d, "version", w),
        repository=get_str(d, "repository", w),
        condition=get_str(d, "condition", w),
        tags=tuple(get_strs(d, "tags", w)),
        enabled=get_bool(d, "enabled", w),
        import_values=tuple(imports or ()),
        alias=get_str(d, "alias", w),
    )


def _maintainer_from(d: Any) -> Maintainer | None:
    if d is None:
        return None
    if not isinstance(d, dict):
        raise bad_type(d, "Metadata.maintainers", "v2.Maintainer")
    w = "Maintainer"
    return Maintainer(get_str(d, "name", w), get_str(d, "email", w), get_str(d, "url", w))


def _metadata_from(d: dict[str, Any]) -> Metadata:
    w = "Metadata"
    annotations = get_obj(d, "annotations", w, "map[string]string") or {}
    for v in annotations.values():
        if not isinstance(v, str):
            raise bad_type(v, f"{w}.annotations", "string")
    deps = get_list(d, "dependencies", w, "[]*v2.Dependency")
    return Metadata(
        name=get_str(d, "name", w),
        home=get_str(d, "home", w),
        sources=tuple(get_strs(d, "sources", w)),
        version=get_str(d, "version", w),
        description=get_str(d, "description", w),
        keywords=tuple(get_strs(d, "keywords", w)),
        maintainers=tuple(
            _maintainer_from(m) for m in get_list(d, "maintainers", w, "[]*v2.Maintainer") or ()
        ),
        icon=get_str(d, "icon", w),
        api_version=get_str(d, "apiVersion", w),
        condition=get_str(d, "condition", w),
        tags=get_str(d, "tags", w),
        app_version=get_str(d, "appVersion", w),
        deprecated=get_bool(d, "deprecated", w),
        annotations=dict(annotations),
        kube_version=get_str(d, "kubeVersion", w),
        dependencies=None if deps is None else tuple(_dependency_from(x, f"{w}.dependencies") for x in deps),
        type=get_str(d, "type", w),
    )


def _files_from(d: dict[str, Any], key: str) -> tuple[File, ...]:
    out: list[File] = []
    for item in get_list(d, key, "Chart", "[]*common.File") or ():
        if item is None:
            continue
        if not isinstance(item, dict):
            raise bad_type(item, f"Chart.{key}", "common.File")
        mtime = get_time(item, "modtime", "File")
        out.append(
            File(
                get_str(item, "name", "File"),
                get_bytes(item, "data", "File") or b"",
                mtime.timestamp() if mtime is not None else 0.0,
            )
        )
    return tuple(out)


def chart_from_json(doc: dict[str, Any]) -> Chart:
    """The Chart of a release's decoded ``chart`` document; raises CodecError for wrong shapes."""
    md = get_obj(doc, "metadata", "Chart", "v2.Metadata")
    lock_doc = get_obj(doc, "lock", "Chart", "v2.Lock")
    lock: Lock | None = None
    if lock_doc is not None:
        generated = lock_doc.get("generated")
        if generated is not None and not isinstance(generated, str):
            raise bad_type(generated, "Lock.generated", "time.Time")
        deps = get_list(lock_doc, "dependencies", "Lock", "[]*v2.Dependency")
        lock = Lock(
            generated=generated or "",
            digest=get_str(lock_doc, "digest", "Lock"),
            dependencies=None
            if deps is None
            else tuple(_dependency_from(x, "Lock.dependencies") for x in deps),
        )
    mtime = get_time(doc, "modtime", "Chart")
    return Chart(
        metadata=_metadata_from(md) if md is not None else Metadata(),
        values=get_obj(doc, "values", "Chart", "map[string]interface {}") or {},
        templates=_files_from(doc, "templates"),
        files=_files_from(doc, "files"),
        schema=get_bytes(doc, "schema", "Chart"),
        lock=lock,
        mod_time=mtime.timestamp() if mtime is not None else 0.0,
    )

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
import dataclasses
import gzip
import zlib
from typing import Any, Final

from chartist.goyaml import YAMLError, load_json
from chartist.release._structjson import (
    CodecError,
    bad_type,
    base64_error,
    get_int,
    get_list,
    get_obj,
    get_str,
    get_strs,
    get_time,
    go_json,
    kind,
    ordered_json,
    quote,
    strings,
    struct,
    time_json,
)
from chartist.release.chartjson import chart_from_json, chart_to_json
from chartist.release.model import Hook, HookExecution, Info, Release

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


def _info_json(info: Info) -> str:
    p: list[str] = []
    if info.first_deployed is not None:
        p.append('"first_deployed":' + time_json(info.first_deployed))
    if info.last_deployed is not None:
        p.append('"last_deployed":' + time_json(info.last_deployed))
    if info.deleted is not None:
        p.append('"deleted":' + time_json(info.deleted))
    if info.description:
        p.append('"description":' + quote(info.description))
    if info.status:
        p.append('"status":' + quote(str(info.status)))
    if info.rollback_revision:
        p.append(f'"rollback_revision":{int(info.rollback_revision)}')
    if info.notes:
        p.append('"notes":' + quote(info.notes))
    if info.resources:
        p.append('"resources":' + go_json(info.resources))
    return struct(p)


def _hook_json(h: Hook) -> str:
    p: list[str] = []
    for key, text in (("name", h.name), ("kind", h.kind), ("path", h.path), ("manifest", h.manifest)):
        if text:
            p.append(f'"{key}":' + quote(text))
    if h.events:
        p.append('"events":' + strings(h.events))
    run: list[str] = []
    if h.last_run.started_at is not None:
        run.append('"started_at":' + time_json(h.last_run.started_at))
    if h.last_run.completed_at is not None:
        run.append('"completed_at":' + time_json(h.last_run.completed_at))
    run.append('"phase":' + quote(h.last_run.phase))
    p.append('"last_run":' + struct(run))
    if h.weight:
        p.append(f'"weight":{int(h.weight)}')
    if h.delete_policies:
        p.append('"delete_policies":' + strings(h.delete_policies))
    if h.output_log_policies:
        p.append('"output_log_policies":' + strings(h.output_log_policies))
    return struct(p)


def release_to_json(rel: Release) -> str:
    """REL as Helm's ``json.Marshal(release)``; raises CodecError for unencodable values (NaN)."""
    p: list[str] = []
    if rel.name:
        p.append('"name":' + quote(rel.name))
    p.append('"info":' + _info_json(rel.info))
    if rel.chart is not None:
        src = rel.chart_source
        if src is not None and src[0] is rel.chart:
            p.append('"chart":' + ordered_json(src[1]))
        else:
            p.append('"chart":' + chart_to_json(rel.chart))
    if rel.config:
        p.append('"config":' + go_json(rel.config))
    if rel.manifest:
        p.append('"manifest":' + quote(rel.manifest))
    if rel.hooks:
        p.append('"hooks":[' + ",".join(_hook_json(h) for h in rel.hooks) + "]")
    if rel.version:
        p.append(f'"version":{int(rel.version)}')
    if rel.namespace:
        p.append('"namespace":' + quote(rel.namespace))
    if rel.apply_method:
        p.append('"apply_method":' + quote(rel.apply_method))
    return struct(p)


def encode_release(rel: Release) -> str:
    """Helm's ``encodeRelease``: base64(gzip(JSON)), the text stored in a Secret, ConfigMap or row.

    ``info.resources`` (live objects shown by ``status``) is never stored: Helm cannot decode
    it back (its Go type is an interface) and never stores it either.
    """
    if rel.info.resources:
        rel = dataclasses.replace(rel, info=dataclasses.replace(rel.info, resources=None))
    raw = release_to_json(rel).encode("utf-8")
    return base64.b64encode(_gzip(raw)).decode("ascii")


# Go's gzip header: no name, no mtime, XFL 2 (best compression), OS 255 ("unknown").
_GZIP_HEADER: Final = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff"


def _gzip(data: bytes) -> bytes:
    deflate = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    body = deflate.compress(data) + deflate.flush()
    trailer = (zlib.crc32(data) & 0xFFFFFFFF).to_bytes(4, "little") + (len(data) & 0xFFFFFFFF).to_bytes(
        4, "little"
    )
    return _GZIP_HEADER + body + trailer


def _info_from(d: dict[str, Any]) -> Info:
    w = "Info"
    resources = get_obj(d, "resources", w, "map[string][]runtime.Object")
    return Info(
        first_deployed=get_time(d, "first_deployed", w),
        last_deployed=get_time(d, "last_deployed", w),
        deleted=get_time(d, "deleted", w),
        description=get_str(d, "description", w),
        status=get_str(d, "status", w),
        rollback_revision=get_int(d, "rollback_revision", w),
        notes=get_str(d, "notes", w),
        resources=resources,
    )


def _hook_from(d: Any) -> Hook:
    w = "Hook"
    if not isinstance(d, dict):
        raise bad_type(d, "Release.hooks", "v1.Hook")
    run = get_obj(d, "last_run", w, "v1.HookExecution") or {}
    return Hook(
        name=get_str(d, "name", w),
        kind=get_str(d, "kind", w),
        path=get_str(d, "path", w),
        manifest=get_str(d, "manifest", w),
        events=get_strs(d, "events", w),
        weight=get_int(d, "weight", w),
        delete_policies=get_strs(d, "delete_policies", w),
        output_log_policies=get_strs(d, "output_log_policies", w),
        last_run=HookExecution(
            started_at=get_time(run, "started_at", "HookExecution"),
            completed_at=get_time(run, "completed_at", "HookExecution"),
            phase=get_str(run, "phase", "HookExecution"),
        ),
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
        raise CodecError(f"json: cannot unmarshal {kind(doc)} into Go value of type v1.Release")
    w = "Release"
    info = get_obj(doc, "info", w, "v1.Info")
    chart_doc = get_obj(doc, "chart", w, "v2.Chart")
    rel = Release(
        name=get_str(doc, "name", w),
        info=_info_from(info) if info is not None else Info(),
        config=get_obj(doc, "config", w, "map[string]interface {}") or {},
        manifest=get_str(doc, "manifest", w),
        hooks=[_hook_from(h) for h in get_list(doc, "hooks", w, "[]*v1.Hook") or () if h is not None],
        version=get_int(doc, "version", w),
        namespace=get_str(doc, "namespace", w),
        apply_method=get_str(doc, "apply_method", w),
    )
    if chart_doc is not None:
        rel.chart = chart_from_json(chart_doc)
        rel.chart_source = (rel.chart, chart_doc)
    return rel


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
        raise CodecError(base64_error(raw)) from None
    if len(b) > 3 and b[:3] == MAGIC_GZIP:
        try:
            b = gzip.decompress(b)
        except (OSError, EOFError, zlib.error) as err:
            raise CodecError(f"gzip: {err}") from None
    return release_from_json(b)

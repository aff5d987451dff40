"""A Kubernetes API test server that also accepts client-go's protobuf request bodies for the
kinds Helm's storage writes (Secret, ConfigMap) and for DeleteOptions.

Helm v4 (through helm_python) writes its release Secrets with client-go's typed client, which
sends ``application/vnd.kubernetes.protobuf``; the shared test server (tests/apiserver) reads
JSON and YAML only. This subclass decodes those few messages into the JSON the server expects,
so Helm and chartist can share one test cluster. Responses stay JSON (Helm's Accept header
allows it).
"""

from __future__ import annotations

import base64
from typing import Any

from apiserver.server import APIServer

PROTOBUF = "application/vnd.kubernetes.protobuf"
MAGIC = b"k8s\x00"


def _varint(buf: bytes, i: int) -> tuple[int, int]:
    shift = result = 0
    while True:
        b = buf[i]
        i += 1
        result |= (b & 0x7F) << shift
        if not b & 0x80:
            return result, i
        shift += 7


def fields(buf: bytes) -> list[tuple[int, Any]]:
    """(field number, value) pairs of one protobuf message: ints for varints, bytes otherwise."""
    out: list[tuple[int, Any]] = []
    i = 0
    while i < len(buf):
        key, i = _varint(buf, i)
        num, wire = key >> 3, key & 7
        if wire == 0:
            value, i = _varint(buf, i)
        elif wire == 2:
            n, i = _varint(buf, i)
            value, i = buf[i : i + n], i + n
        elif wire == 1:
            value, i = buf[i : i + 8], i + 8
        elif wire == 5:
            value, i = buf[i : i + 4], i + 4
        else:
            raise ValueError(f"unsupported wire type {wire}")
        out.append((num, value))
    return out


def _map_entry(buf: bytes) -> tuple[str, bytes]:
    key, value = "", b""
    for num, v in fields(buf):
        if num == 1:
            key = v.decode()
        elif num == 2:
            value = v
    return key, value


def _object_meta(buf: bytes) -> dict[str, Any]:
    meta: dict[str, Any] = {}
    names = {1: "name", 2: "generateName", 3: "namespace", 5: "uid", 6: "resourceVersion"}
    for num, v in fields(buf):
        if num in names:
            meta[names[num]] = v.decode()
        elif num in (11, 12):
            k, val = _map_entry(v)
            meta.setdefault("labels" if num == 11 else "annotations", {})[k] = val.decode()
    return meta


def decode_object(kind: str, api_version: str, raw: bytes) -> dict[str, Any]:
    """The JSON form of a Secret, ConfigMap or DeleteOptions protobuf message."""
    obj: dict[str, Any] = {"apiVersion": api_version, "kind": kind}
    for num, v in fields(raw):
        if kind == "DeleteOptions":
            if num == 4:
                obj["propagationPolicy"] = v.decode()
            continue
        if num == 1:
            obj["metadata"] = _object_meta(v)
        elif kind == "Secret" and num == 2:
            k, val = _map_entry(v)
            obj.setdefault("data", {})[k] = base64.b64encode(val).decode()
        elif kind == "Secret" and num == 3:
            obj["type"] = v.decode()
        elif kind == "Secret" and num == 4:
            k, val = _map_entry(v)
            obj.setdefault("stringData", {})[k] = val.decode()
        elif kind == "ConfigMap" and num == 2:
            k, val = _map_entry(v)
            obj.setdefault("data", {})[k] = val.decode()
        elif kind == "ConfigMap" and num == 3:
            k, val = _map_entry(v)
            obj.setdefault("binaryData", {})[k] = base64.b64encode(val).decode()
    return obj


def decode_envelope(raw: bytes) -> dict[str, Any]:
    if not raw.startswith(MAGIC):
        raise ValueError("not a Kubernetes protobuf envelope")
    api_version = kind = ""
    body = b""
    for num, v in fields(raw[len(MAGIC) :]):
        if num == 1:
            for n, tv in fields(v):
                if n == 1:
                    api_version = tv.decode()
                elif n == 2:
                    kind = tv.decode()
        elif num == 2:
            body = v
    return decode_object(kind, api_version, body)


class ShimServer(APIServer):
    """The test server, plus protobuf request bodies (see the module docstring)."""

    @staticmethod
    def _decode(h: Any, raw: bytes) -> Any:
        content_type = (h.headers.get("Content-Type") or "").split(";")[0].strip()
        if content_type == PROTOBUF:
            return decode_envelope(raw)
        return APIServer._decode(h, raw)

    def start(self) -> ShimServer:
        super().start()
        return self

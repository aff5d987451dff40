"""Watch streams of the test server: initial ADDED events (``resourceVersion`` unset or 0, or
``sendInitialEvents``), then every change after the requested resourceVersion as chunked JSON
lines, with label/field selectors turning MODIFIED into ADDED or DELETED when an object enters or
leaves the selection, BOOKMARK events every ``bookmark_interval`` seconds when allowed, an
``ERROR`` event with a 410 Status for a compacted resourceVersion, and an end after
``timeoutSeconds`` or when the test calls ``APIServer.end_watches`` (cleanly or abruptly)."""

from __future__ import annotations

import json
import socket
import ssl
import time
from typing import TYPE_CHECKING, Any

from . import errors
from .registry import Resource
from .store import Store

if TYPE_CHECKING:
    from .server import APIServer, _Handler


def serve_watch(api: APIServer, h: _Handler, res: Resource, ns: str, params: dict[str, str]) -> None:
    """Answer a watch request with a chunked stream of JSON events (see the module docstring)."""
    from chartist.kube.selectors import field_matcher, label_matcher

    try:
        labels = label_matcher(params.get("labelSelector", ""))
        fields = field_matcher(params.get("fieldSelector", ""))
    except ValueError as err:
        raise errors.bad_request(str(err)) from None
    rv = params.get("resourceVersion", "")
    bookmarks = params.get("allowWatchBookmarks") in ("true", "1")
    initial_events = params.get("sendInitialEvents") == "true"
    timeout = float(params.get("timeoutSeconds") or api.watch_timeout)
    deadline = time.monotonic() + timeout
    store = api.store

    def wanted(obj: dict[str, Any] | None) -> bool:
        if obj is None:
            return False
        if ns and obj["metadata"].get("namespace") != ns:
            return False
        return labels(obj) and fields(obj)

    def shaped(obj: dict[str, Any]) -> dict[str, Any]:
        return Store._out(res, obj)

    with api._watch_lock:
        epoch = api._watch_epoch
    initial: list[dict[str, Any]] = []
    with store.cond:
        if rv in ("", "0") or initial_events:
            initial = [shaped(o) for o in store.matching(res, ns, "", "") if wanted(o)]
            last = store.rv
        else:
            try:
                last = int(rv)
            except ValueError:
                raise errors.bad_request(f'invalid resource version "{rv}"') from None
            if last < store.compacted_rv:
                status = errors.expired(f"too old resource version: {last} ({store.compacted_rv})").body()
                api._send_raw(
                    h,
                    200,
                    json.dumps({"type": "ERROR", "object": status}).encode() + b"\n",
                    "application/json",
                )
                return
    h.send_response(200)
    h.send_header("Content-Type", "application/json")
    h.send_header("Transfer-Encoding", "chunked")
    h.end_headers()

    def write(event: dict[str, Any]) -> None:
        data = json.dumps(event).encode() + b"\n"
        h.wfile.write(f"{len(data):x}\r\n".encode() + data + b"\r\n")
        h.wfile.flush()

    def bookmark(at: int, initial_end: bool = False) -> dict[str, Any]:
        meta: dict[str, Any] = {"resourceVersion": str(at)}
        if initial_end:
            meta["annotations"] = {"k8s.io/initial-events-end": "true"}
        return {
            "type": "BOOKMARK",
            "object": {"kind": res.kind, "apiVersion": res.api_version, "metadata": meta},
        }

    try:
        for obj in initial:
            write({"type": "ADDED", "object": obj})
        if initial_events and bookmarks:
            write(bookmark(last, True))
        last_bookmark = time.monotonic()
        while True:
            with store.cond:
                pending = [
                    e for e in store.events if e[0] > last and e[1] == res.group and e[2] == res.resource
                ]
                if not pending:
                    store.cond.wait(0.1)
                    pending = [
                        e for e in store.events if e[0] > last and e[1] == res.group and e[2] == res.resource
                    ]
                caught_up = store.rv
            with api._watch_lock:
                if api._watch_epoch != epoch:
                    if api._abrupt:
                        h.close_connection = True
                        h.connection.shutdown(socket.SHUT_RDWR)
                        return
                    break
            for rv_, _, _, etype, obj, old in pending:
                last = rv_
                now_in, was_in = wanted(obj), wanted(old)
                if etype == "MODIFIED" and now_in and not was_in:
                    etype = "ADDED"
                elif etype == "MODIFIED" and was_in and not now_in:
                    etype = "DELETED"
                elif etype == "DELETED":
                    now_in = was_in or now_in
                if etype == "MODIFIED" and not now_in:
                    continue
                if etype in ("ADDED",) and not now_in:
                    continue
                if etype == "DELETED" and not (now_in or was_in):
                    continue
                write({"type": etype, "object": shaped(obj)})
            if not pending:
                last = max(last, caught_up)
            if time.monotonic() >= deadline:
                break
            if bookmarks and time.monotonic() - last_bookmark >= api.bookmark_interval:
                write(bookmark(last))
                last_bookmark = time.monotonic()
        h.wfile.write(b"0\r\n\r\n")
        h.wfile.flush()
    except (BrokenPipeError, ConnectionResetError, ssl.SSLError, OSError):
        h.close_connection = True

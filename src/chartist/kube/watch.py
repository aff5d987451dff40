"""Watch streams that survive the server: reconnects, bookmarks, and re-lists after expiry.

:func:`watch_stream` sends ``GET ...?watch=true`` and yields one :class:`WatchEvent` per line of
the chunked JSON stream. When the server ends the request (its ``timeoutSeconds`` passed) or the
connection drops, it reconnects from the last resourceVersion seen (BOOKMARK events move it on
without an object change). When that resourceVersion has expired (410 Gone, as a status or as an
ERROR event), it lists again and yields the differences to what it had seen as ADDED, MODIFIED
and DELETED events — the consumer never misses a state, as with client-go's informers.
"""

from __future__ import annotations

import json
import math
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from chartist.kube.errors import Gone, KubeConnectionError
from chartist.kube.transport import RequestInfo, error_from_response, import_httpx

if TYPE_CHECKING:
    from chartist.kube.transport import Transport

#: Longest single watch request; the stream reconnects after it (servers close earlier anyway).
WATCH_REQUEST_SECONDS = 300


@dataclass(frozen=True, slots=True)
class WatchEvent:
    """One watch event: ``type`` is ADDED, MODIFIED, DELETED or BOOKMARK."""

    type: str
    object: dict[str, Any]


@dataclass(slots=True)
class _State:
    resource_version: str
    known: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict)

    def remember(self, etype: str, obj: Mapping[str, Any]) -> None:
        key = _key(obj)
        if etype == "DELETED":
            self.known.pop(key, None)
            return
        meta = obj.get("metadata") or {}
        self.known[key] = {
            "apiVersion": obj.get("apiVersion"),
            "kind": obj.get("kind"),
            "metadata": {k: meta[k] for k in ("name", "namespace", "uid", "resourceVersion") if k in meta},
        }


def _key(obj: Mapping[str, Any]) -> tuple[str, str]:
    meta = obj.get("metadata") or {}
    return str(meta.get("namespace") or ""), str(meta.get("name") or "")


def _relist(state: _State, relist: Callable[[], tuple[list[dict[str, Any]], str]]) -> Iterator[WatchEvent]:
    items, resource_version = relist()
    seen = set()
    for obj in items:
        key = _key(obj)
        seen.add(key)
        old = state.known.get(key)
        if old is None:
            etype = "ADDED"
        elif (old.get("metadata") or {}).get("resourceVersion") != (obj.get("metadata") or {}).get(
            "resourceVersion"
        ):
            etype = "MODIFIED"
        else:
            continue
        state.remember(etype, obj)
        yield WatchEvent(etype, obj)
    for key in [k for k in state.known if k not in seen]:
        yield WatchEvent("DELETED", state.known.pop(key))
    state.resource_version = resource_version


def watch_stream(
    transport: Transport,
    path: str,
    params: Mapping[str, str],
    info: RequestInfo,
    *,
    relist: Callable[[], tuple[list[dict[str, Any]], str]],
    resource_version: str = "",
    deadline: float | None = None,
    bookmarks: bool = False,
    clock: Callable[[], float] = time.monotonic,
    sleep: Callable[[float], None] = time.sleep,
) -> Iterator[WatchEvent]:
    """Yield the events of ``path`` until ``deadline`` (``clock`` time) or forever.

    Raises the APIError of a failed request or ERROR event (other than 410), and
    KubeConnectionError when the stream cannot be re-established after ``retries`` attempts.
    """
    httpx = import_httpx()
    state = _State(resource_version)
    failures = 0
    while True:
        remaining = WATCH_REQUEST_SECONDS if deadline is None else deadline - clock()
        if remaining <= 0:
            return
        request_params = dict(
            params, timeoutSeconds=str(max(1, math.ceil(min(remaining, WATCH_REQUEST_SECONDS))))
        )
        if state.resource_version:
            request_params["resourceVersion"] = state.resource_version
        try:
            response = transport.request(
                "GET", path, params=request_params, info=info, stream=True, timeout=remaining + 30
            )
        except Gone:
            yield from _relist(state, relist)
            continue
        expired = False
        try:
            for line in response.iter_lines():
                if not line.strip():
                    continue
                event = json.loads(line)
                etype = event.get("type", "")
                obj = event.get("object") or {}
                if etype == "ERROR":
                    if obj.get("code") == 410:
                        expired = True
                        break
                    status = httpx.Response(int(obj.get("code") or 500), content=json.dumps(obj).encode())
                    raise error_from_response(status, info)
                rv = (obj.get("metadata") or {}).get("resourceVersion")
                if rv:
                    state.resource_version = str(rv)
                failures = 0
                if etype == "BOOKMARK":
                    if bookmarks:
                        yield WatchEvent(etype, obj)
                    continue
                state.remember(etype, obj)
                yield WatchEvent(etype, obj)
                if deadline is not None and clock() >= deadline:
                    return
        except (httpx.TransportError, ValueError) as err:
            # A dropped stream: reconnect from the last resourceVersion seen, with backoff.
            failures += 1
            if failures > transport.config.retries:
                raise KubeConnectionError(f"watch {info.resource}: connection lost: {err}") from err
            sleep(transport.backoff(failures - 1))
        finally:
            response.close()
        if expired:
            yield from _relist(state, relist)

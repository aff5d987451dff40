"""The cluster seam: the :class:`KubeClient` protocol and :class:`Client`, its HTTP implementation.

Objects are plain JSON dicts (``KubeObject``) addressed by ``apiVersion``, ``kind``, name and
namespace; the client maps kinds to REST paths through discovery (CRDs included), so higher
layers never build URLs. :mod:`chartist.kube.fake` holds an in-memory ``KubeClient`` for unit
tests of the layers above.

Dependency choice (measured with ``bench/kube_import.py``, Python 3.11, median of 5 fresh
interpreters, each library alone in a virtualenv; 2-core machine):

============================  ===========  ================================================
candidate                     import (ms)  verdict
============================  ===========  ================================================
stdlib http.client + ssl        ~20        no pooling across threads, proxies, HTTP/2: hand-written
httpx 0.28 (HTTP/1.1)           34-54      chosen: keep-alive pool, streaming for watches,
                                           proxies, injectable transports for tests
  + h2 (``http2=True``)         +23        optional (``KubeSettings.http2``), not a dependency
lightkube 1.0                   88-92      typed models we do not need; KUBECONFIG read as
                                           one file and from os.environ; no discovery mapper
kr8s                            141-162    async core with sync wrappers, heavier still
kubernetes (official)           153-180    generated models, urllib3, slow watches
============================  ===========  ================================================

With click and rich installed beside it, httpx imports its own CLI and costs 67-77 ms;
:func:`chartist.kube.transport.import_httpx` avoids that (34 ms). ``import chartist.kube``
costs 37 ms without httpx (mostly stdlib shared with the rest of chartist); importing it and
httpx together 61 ms. httpx is imported at the first request only, and only commands that reach
a cluster import this package (``chartist template`` never does). Kubeconfig handling,
discovery, server-side apply and watches are plain HTTP on top and are written here.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable

from chartist.kube import readiness
from chartist.kube.config import KubeSettings, RestConfig, load_config
from chartist.kube.discovery import Discovery, ResourceMapping
from chartist.kube.errors import KubeError, NotFound
from chartist.kube.transport import RequestInfo, Transport
from chartist.kube.watch import WatchEvent, watch_stream

KubeObject = dict[str, Any]

MERGE_PATCH = "application/merge-patch+json"
STRATEGIC_MERGE_PATCH = "application/strategic-merge-patch+json"
JSON_PATCH = "application/json-patch+json"
APPLY_PATCH = "application/apply-patch+yaml"

#: Page size of :meth:`Client.list` (kubectl's ``--chunk-size`` default).
LIST_CHUNK = 500


@dataclass(frozen=True, slots=True)
class ObjectList:
    """One page of a list: its items, the list's resourceVersion and the continue token."""

    items: list[KubeObject]
    resource_version: str = ""
    continue_token: str = ""
    remaining: int | None = None


@dataclass(frozen=True, slots=True)
class ObjectRef:
    """An object's address: enough to get, wait for, or delete it."""

    api_version: str
    kind: str
    name: str
    namespace: str = ""

    @classmethod
    def of(cls, obj: Mapping[str, Any]) -> ObjectRef:
        """The reference of a manifest or server object."""
        meta = obj.get("metadata") or {}
        return cls(
            str(obj.get("apiVersion", "")),
            str(obj.get("kind", "")),
            meta.get("name", ""),
            meta.get("namespace") or "",
        )


@runtime_checkable
class KubeClient(Protocol):
    """Everything the layers above do with a cluster.

    Namespaces: an empty ``namespace`` means the object's own ``metadata.namespace``, then the
    client's default namespace; it is ignored for cluster-scoped kinds. Every method raises
    :class:`~chartist.kube.errors.ResourceNotMapped` for kinds the cluster does not serve and the
    :class:`~chartist.kube.errors.APIError` subclass matching the server's answer.
    """

    @property
    def namespace(self) -> str:
        """The default namespace (``-n``, the context's namespace, or ``default``)."""
        ...

    def mapping(self, api_version: str, kind: str) -> ResourceMapping:
        """The REST mapping of a kind (re-discovering once when unknown)."""
        ...

    def server_version(self) -> dict[str, Any]:
        """``GET /version``."""
        ...

    def api_versions(self) -> list[str]:
        """Served ``group/version`` and ``group/version/Kind`` strings (Helm's Capabilities)."""
        ...

    def get(self, api_version: str, kind: str, name: str, namespace: str = "") -> KubeObject:
        """The object, or NotFound."""
        ...

    def list(
        self,
        api_version: str,
        kind: str,
        namespace: str = "",
        *,
        label_selector: str = "",
        field_selector: str = "",
        all_namespaces: bool = False,
    ) -> list[KubeObject]:
        """Every matching object, fetched page by page."""
        ...

    def create(
        self, obj: Mapping[str, Any], *, namespace: str = "", field_manager: str = "", dry_run: bool = False
    ) -> KubeObject:
        """POST the object; AlreadyExists when it exists."""
        ...

    def apply(
        self,
        obj: Mapping[str, Any],
        *,
        field_manager: str,
        force: bool = False,
        namespace: str = "",
        dry_run: bool = False,
    ) -> KubeObject:
        """Server-side apply; Conflict lists fields owned by other managers unless ``force``."""
        ...

    def patch(
        self,
        api_version: str,
        kind: str,
        name: str,
        patch: Any,
        *,
        patch_type: str = MERGE_PATCH,
        namespace: str = "",
        field_manager: str = "",
        subresource: str = "",
    ) -> KubeObject:
        """JSON merge, strategic merge or JSON patch of an existing object."""
        ...

    def replace(self, obj: Mapping[str, Any], *, namespace: str = "", field_manager: str = "") -> KubeObject:
        """PUT the whole object; Conflict when its resourceVersion is stale."""
        ...

    def delete(
        self,
        api_version: str,
        kind: str,
        name: str,
        namespace: str = "",
        *,
        propagation_policy: str = "",
        grace_period_seconds: int | None = None,
        missing_ok: bool = False,
    ) -> KubeObject | None:
        """Delete; returns the object when it lingers (finalizers, Foreground), else None."""
        ...

    def watch(
        self,
        api_version: str,
        kind: str,
        namespace: str = "",
        *,
        name: str = "",
        label_selector: str = "",
        field_selector: str = "",
        resource_version: str = "",
        all_namespaces: bool = False,
        timeout: float | None = None,
        bookmarks: bool = False,
    ) -> Iterator[WatchEvent]:
        """Events from ``resource_version`` (or the current state as ADDED events) until ``timeout``."""
        ...

    def wait_ready(
        self, objects: Iterable[Mapping[str, Any]], *, timeout: float, mode: str = "ready"
    ) -> None:
        """Wait until every object is ready (mode ``ready``, ``jobs`` or ``hooks``); WaitError otherwise."""
        ...

    def wait_deleted(self, objects: Iterable[Mapping[str, Any]], *, timeout: float) -> None:
        """Wait until every object is gone; WaitError otherwise."""
        ...


def _decode(content: bytes) -> Any:
    try:
        return json.loads(content)
    except ValueError as err:
        raise KubeError(f"the server sent a body that is not JSON: {content[:200]!r}") from err


def _name_of(obj: Mapping[str, Any]) -> str:
    return str((obj.get("metadata") or {}).get("name") or "")


class Client:
    """A :class:`KubeClient` over HTTP; thread-safe, one connection pool per client.

    ``http_transport`` replaces the network with an httpx transport (tests).
    """

    def __init__(
        self,
        config: RestConfig,
        *,
        http_transport: Any = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.config = config
        self.transport = Transport(config, http_transport=http_transport, sleep=sleep)
        self.discovery = Discovery(
            self._fetch_discovery, server=config.server, cache_dir=config.discovery_cache_dir
        )
        self._sleep = sleep
        self._clock = clock
        self._version: dict[str, Any] | None = None
        self._lock = threading.Lock()

    @classmethod
    def from_settings(cls, settings: KubeSettings, env: Mapping[str, str], **kwargs: Any) -> Client:
        """Resolve the kubeconfig (see :func:`chartist.kube.config.load_config`) and connect lazily."""
        return cls(load_config(settings, env), **kwargs)

    def close(self) -> None:
        """Close pooled connections."""
        self.transport.close()

    def __enter__(self) -> Client:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def namespace(self) -> str:
        return self.config.namespace

    # -- plumbing ---------------------------------------------------------------------------
    def _fetch_discovery(self, path: str, accept: str) -> Any:
        response = self.transport.request(
            "GET", path, headers={"Accept": accept}, info=RequestInfo(verb="get", resource=path)
        )
        return _decode(response.content)

    def _json(
        self,
        method: str,
        path: str,
        info: RequestInfo,
        *,
        params: Mapping[str, str] | None = None,
        body: Any = None,
        content_type: str = "application/json",
        idempotent: bool | None = None,
    ) -> Any:
        content = None if body is None else json.dumps(body, separators=(",", ":")).encode()
        headers = {"Accept": "application/json"}
        if content is not None:
            headers["Content-Type"] = content_type
        response = self.transport.request(
            method, path, params=params, content=content, headers=headers, info=info, idempotent=idempotent
        )
        return _decode(response.content)

    def _namespace_for(
        self, mapping: ResourceMapping, namespace: str, obj: Mapping[str, Any] | None = None
    ) -> str:
        if not mapping.namespaced:
            return ""
        if namespace:
            return namespace
        if obj is not None:
            ns = (obj.get("metadata") or {}).get("namespace")
            if ns:
                return str(ns)
        return self.namespace

    def mapping(self, api_version: str, kind: str) -> ResourceMapping:
        return self.discovery.mapping(api_version, kind)

    def invalidate_discovery(self) -> None:
        """Forget discovered resources (after installing CRDs)."""
        self.discovery.invalidate()

    def server_version(self) -> dict[str, Any]:
        with self._lock:
            if self._version is None:
                doc = self._json("GET", "/version", RequestInfo(verb="get", resource="version"))
                self._version = doc if isinstance(doc, dict) else {}
            return dict(self._version)

    def api_versions(self) -> list[str]:
        return self.discovery.api_versions()

    # -- reads -----------------------------------------------------------------------------
    def get(self, api_version: str, kind: str, name: str, namespace: str = "") -> KubeObject:
        m = self.mapping(api_version, kind)
        ns = self._namespace_for(m, namespace)
        info = RequestInfo("get", m.resource, ns, name)
        result: KubeObject = self._json("GET", m.path(ns, name), info)
        return result

    def list_page(
        self,
        api_version: str,
        kind: str,
        namespace: str = "",
        *,
        label_selector: str = "",
        field_selector: str = "",
        limit: int = 0,
        continue_token: str = "",
        all_namespaces: bool = False,
    ) -> ObjectList:
        """One page of a list (``limit`` items at most, 0 for all), resuming at ``continue_token``."""
        m = self.mapping(api_version, kind)
        ns = "" if all_namespaces else self._namespace_for(m, namespace)
        params = {}
        if label_selector:
            params["labelSelector"] = label_selector
        if field_selector:
            params["fieldSelector"] = field_selector
        if limit:
            params["limit"] = str(limit)
        if continue_token:
            params["continue"] = continue_token
        doc = self._json("GET", m.path(ns), RequestInfo("list", m.resource, ns), params=params)
        meta = doc.get("metadata") or {}
        items = doc.get("items") or []
        for item in items:  # list items carry neither apiVersion nor kind on the wire
            item.setdefault("apiVersion", m.api_version)
            item.setdefault("kind", m.kind)
        remaining = meta.get("remainingItemCount")
        return ObjectList(
            items=items,
            resource_version=str(meta.get("resourceVersion") or ""),
            continue_token=str(meta.get("continue") or ""),
            remaining=int(remaining) if isinstance(remaining, int) else None,
        )

    def list(
        self,
        api_version: str,
        kind: str,
        namespace: str = "",
        *,
        label_selector: str = "",
        field_selector: str = "",
        all_namespaces: bool = False,
    ) -> list[KubeObject]:
        return self._list_all(
            api_version, kind, namespace, label_selector, field_selector, all_namespaces
        ).items

    def _list_all(
        self,
        api_version: str,
        kind: str,
        namespace: str,
        label_selector: str,
        field_selector: str,
        all_ns: bool,
    ) -> ObjectList:
        items: list[KubeObject] = []
        token = ""
        while True:
            page = self.list_page(
                api_version,
                kind,
                namespace,
                label_selector=label_selector,
                field_selector=field_selector,
                limit=LIST_CHUNK,
                continue_token=token,
                all_namespaces=all_ns,
            )
            items.extend(page.items)
            token = page.continue_token
            if not token:
                return ObjectList(items=items, resource_version=page.resource_version)

    # -- writes ----------------------------------------------------------------------------
    @staticmethod
    def _write_params(field_manager: str, dry_run: bool, force: bool = False) -> dict[str, str]:
        params = {}
        if field_manager:
            params["fieldManager"] = field_manager
        if dry_run:
            params["dryRun"] = "All"
        if force:
            params["force"] = "true"
        return params

    def create(
        self, obj: Mapping[str, Any], *, namespace: str = "", field_manager: str = "", dry_run: bool = False
    ) -> KubeObject:
        m = self.mapping(str(obj.get("apiVersion", "")), str(obj.get("kind", "")))
        ns = self._namespace_for(m, namespace, obj)
        info = RequestInfo("create", m.resource, ns, _name_of(obj))
        result: KubeObject = self._json(
            "POST", m.path(ns), info, params=self._write_params(field_manager, dry_run), body=obj
        )
        return result

    def apply(
        self,
        obj: Mapping[str, Any],
        *,
        field_manager: str,
        force: bool = False,
        namespace: str = "",
        dry_run: bool = False,
    ) -> KubeObject:
        m = self.mapping(str(obj.get("apiVersion", "")), str(obj.get("kind", "")))
        ns = self._namespace_for(m, namespace, obj)
        name = _name_of(obj)
        info = RequestInfo("patch", m.resource, ns, name)
        result: KubeObject = self._json(
            "PATCH",
            m.path(ns, name),
            info,
            params=self._write_params(field_manager, dry_run, force),
            body=obj,  # JSON is YAML: the apply content type accepts it as is
            content_type=APPLY_PATCH,
            idempotent=True,
        )
        return result

    def patch(
        self,
        api_version: str,
        kind: str,
        name: str,
        patch: Any,
        *,
        patch_type: str = MERGE_PATCH,
        namespace: str = "",
        field_manager: str = "",
        subresource: str = "",
    ) -> KubeObject:
        m = self.mapping(api_version, kind)
        ns = self._namespace_for(m, namespace)
        info = RequestInfo("patch", m.resource, ns, name)
        result: KubeObject = self._json(
            "PATCH",
            m.path(ns, name, subresource),
            info,
            params=self._write_params(field_manager, False),
            body=patch,
            content_type=patch_type,
            idempotent=patch_type == APPLY_PATCH,
        )
        return result

    def replace(self, obj: Mapping[str, Any], *, namespace: str = "", field_manager: str = "") -> KubeObject:
        m = self.mapping(str(obj.get("apiVersion", "")), str(obj.get("kind", "")))
        ns = self._namespace_for(m, namespace, obj)
        name = _name_of(obj)
        info = RequestInfo("update", m.resource, ns, name)
        result: KubeObject = self._json(
            "PUT", m.path(ns, name), info, params=self._write_params(field_manager, False), body=obj
        )
        return result

    def delete(
        self,
        api_version: str,
        kind: str,
        name: str,
        namespace: str = "",
        *,
        propagation_policy: str = "",
        grace_period_seconds: int | None = None,
        missing_ok: bool = False,
    ) -> KubeObject | None:
        m = self.mapping(api_version, kind)
        ns = self._namespace_for(m, namespace)
        options: dict[str, Any] = {"kind": "DeleteOptions", "apiVersion": "v1"}
        if propagation_policy:
            options["propagationPolicy"] = propagation_policy
        if grace_period_seconds is not None:
            options["gracePeriodSeconds"] = grace_period_seconds
        try:
            doc = self._json(
                "DELETE", m.path(ns, name), RequestInfo("delete", m.resource, ns, name), body=options
            )
        except NotFound:
            if missing_ok:
                return None
            raise
        if isinstance(doc, dict) and doc.get("kind") != "Status":
            return doc
        return None

    # -- watch -----------------------------------------------------------------------------
    def watch(
        self,
        api_version: str,
        kind: str,
        namespace: str = "",
        *,
        name: str = "",
        label_selector: str = "",
        field_selector: str = "",
        resource_version: str = "",
        all_namespaces: bool = False,
        timeout: float | None = None,
        bookmarks: bool = False,
    ) -> Iterator[WatchEvent]:
        """Stream events (see :func:`chartist.kube.watch.watch_stream` for reconnects and re-lists)."""
        m = self.mapping(api_version, kind)
        ns = "" if all_namespaces else self._namespace_for(m, namespace)
        selectors = [field_selector] if field_selector else []
        if name:
            selectors.append(f"metadata.name={name}")
        params = {"watch": "true", "allowWatchBookmarks": "true"}
        if label_selector:
            params["labelSelector"] = label_selector
        if selectors:
            params["fieldSelector"] = ",".join(selectors)

        def relist() -> tuple[list[KubeObject], str]:
            page = self._list_all(
                m.api_version, m.kind, ns, label_selector, params.get("fieldSelector", ""), not ns
            )
            return page.items, page.resource_version

        return watch_stream(
            self.transport,
            m.path(ns),
            params,
            RequestInfo("watch", m.resource, ns, name),
            relist=relist,
            resource_version=resource_version,
            deadline=None if timeout is None else self._clock() + timeout,
            bookmarks=bookmarks,
            clock=self._clock,
            sleep=self._sleep,
        )

    # -- waiting ---------------------------------------------------------------------------
    def wait_ready(
        self, objects: Iterable[Mapping[str, Any]], *, timeout: float, mode: str = "ready"
    ) -> None:
        from chartist.kube.wait import wait_for

        compute = {
            "ready": readiness.compute,
            "jobs": readiness.compute_with_jobs,
            "hooks": readiness.compute_hook,
        }[mode]
        wait_for(self, list(objects), timeout=timeout, compute=compute, sleep=self._sleep, clock=self._clock)

    def wait_deleted(self, objects: Iterable[Mapping[str, Any]], *, timeout: float) -> None:
        from chartist.kube.wait import wait_for

        wait_for(
            self,
            list(objects),
            timeout=timeout,
            compute=readiness.compute,
            desired=readiness.NOT_FOUND,
            sleep=self._sleep,
            clock=self._clock,
        )


__all__ = [
    "APPLY_PATCH",
    "JSON_PATCH",
    "MERGE_PATCH",
    "STRATEGIC_MERGE_PATCH",
    "Client",
    "KubeClient",
    "KubeObject",
    "ObjectList",
    "ObjectRef",
    "WatchEvent",
]

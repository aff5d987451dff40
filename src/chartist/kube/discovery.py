"""API discovery and REST mapping: which resource (plural, scope, verbs) serves a kind.

:class:`Discovery` asks the server once for everything it serves — the aggregated documents
(``/api`` and ``/apis`` with ``Accept: application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList``,
two requests), or, from servers older than 1.30 that answer with the legacy lists, ``/api/v1``
and every ``/apis/<group>/<version>``. The result is kept in memory and, when a cache directory is
given, on disk for :data:`CACHE_TTL` (kubectl: ``~/.kube/cache/discovery/<host_port>/``, six hours).

A kind that is not found triggers one fresh discovery before :class:`ResourceNotMapped` is raised,
so kinds added by CRDs created earlier in the same operation are found (kubectl's deferred
mapper does the same). Building paths is pure: :meth:`ResourceMapping.path`.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any
from urllib.parse import quote, urlsplit

from chartist.kube.errors import NotFound, ResourceNotMapped

#: How long an on-disk discovery cache is trusted (kubectl's default).
CACHE_TTL = 6 * 3600.0
#: Accept header preferring the aggregated discovery documents, falling back to legacy lists.
AGGREGATED_ACCEPT = (
    "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,"
    "application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,"
    "application/json"
)
_CACHE_FILE = "chartist-discovery.json"
_CACHE_VERSION = 1


@dataclass(frozen=True, slots=True)
class ResourceMapping:
    """One served resource: ``group``/``version`` ``kind`` is ``resource`` (plural) at a scope."""

    group: str
    version: str
    kind: str
    resource: str
    namespaced: bool
    verbs: tuple[str, ...] = ()
    singular: str = ""
    short_names: tuple[str, ...] = ()
    #: Position of ``version`` in its group's preference order (0 = preferred).
    priority: int = 0

    @property
    def api_version(self) -> str:
        """``apps/v1`` or ``v1`` for the core group."""
        return f"{self.group}/{self.version}" if self.group else self.version

    def path(self, namespace: str = "", name: str = "", subresource: str = "") -> str:
        """The REST path: ``/apis/apps/v1/namespaces/ns/deployments/web/status``.

        ``namespace`` is ignored for cluster-scoped resources; an empty one on a namespaced
        resource addresses every namespace (lists and watches).
        """
        base = f"/apis/{self.group}/{self.version}" if self.group else f"/api/{self.version}"
        if self.namespaced and namespace:
            base += f"/namespaces/{quote(namespace, safe='')}"
        base += f"/{self.resource}"
        if name:
            base += f"/{quote(name, safe='')}"
            if subresource:
                base += f"/{subresource}"
        return base


def split_api_version(api_version: str) -> tuple[str, str]:
    """``apps/v1`` -> (``apps``, ``v1``); ``v1`` -> (``""``, ``v1``)."""
    group, _, version = api_version.rpartition("/")
    return group, version


def parse_aggregated(doc: dict[str, Any]) -> list[ResourceMapping]:
    """Mappings of an ``APIGroupDiscoveryList`` (subresources left out)."""
    out = []
    for item in doc.get("items") or []:
        group = (item.get("metadata") or {}).get("name", "") or ""
        for priority, ver in enumerate(item.get("versions") or []):
            version = ver.get("version", "")
            for res in ver.get("resources") or []:
                kind = (res.get("responseKind") or {}).get("kind", "")
                if not kind:
                    continue
                out.append(
                    ResourceMapping(
                        group=group,
                        version=version,
                        kind=kind,
                        resource=res.get("resource", ""),
                        namespaced=res.get("scope") == "Namespaced",
                        verbs=tuple(res.get("verbs") or ()),
                        singular=res.get("singularResource", "") or "",
                        short_names=tuple(res.get("shortNames") or ()),
                        priority=priority,
                    )
                )
    return out


def parse_resource_list(doc: dict[str, Any], priority: int = 0) -> list[ResourceMapping]:
    """Mappings of a legacy ``APIResourceList`` (subresources left out)."""
    group, version = split_api_version(doc.get("groupVersion", ""))
    out = []
    for res in doc.get("resources") or []:
        name = res.get("name", "")
        if "/" in name:
            continue
        out.append(
            ResourceMapping(
                group=group,
                version=version,
                kind=res.get("kind", ""),
                resource=name,
                namespaced=bool(res.get("namespaced")),
                verbs=tuple(res.get("verbs") or ()),
                singular=res.get("singularName", "") or "",
                short_names=tuple(res.get("shortNames") or ()),
                priority=priority,
            )
        )
    return out


#: Fetches a discovery path with an Accept header; returns the decoded JSON document.
Fetch = Callable[[str, str], Any]


def cache_dir_for(base: str, server: str) -> str:
    """kubectl's per-server cache directory: scheme dropped, odd characters replaced by ``_``."""
    parts = urlsplit(server)
    host = parts.netloc + parts.path
    return os.path.join(base, re.sub(r"[^\w/.]", "_", host).replace("/", "_"))


class Discovery:
    """Discovered resources of one server, cached; safe to share between threads."""

    def __init__(
        self,
        fetch: Fetch,
        *,
        server: str = "",
        cache_dir: str = "",
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._fetch = fetch
        self._cache_path = os.path.join(cache_dir_for(cache_dir, server), _CACHE_FILE) if cache_dir else ""
        self._clock = clock
        self._lock = threading.Lock()
        self._resources: list[ResourceMapping] | None = None
        self._by_gvk: dict[tuple[str, str, str], ResourceMapping] = {}
        self.fetches = 0  # how many times the server was asked (tests, debugging)

    # -- loading ---------------------------------------------------------------------------
    def _discover(self) -> list[ResourceMapping]:
        self.fetches += 1
        out: list[ResourceMapping] = []
        core = self._fetch("/api", AGGREGATED_ACCEPT)
        if core.get("kind") == "APIGroupDiscoveryList":
            out.extend(parse_aggregated(core))
        else:
            for priority, version in enumerate(core.get("versions") or []):
                out.extend(parse_resource_list(self._fetch(f"/api/{version}", "application/json"), priority))
        groups = self._fetch("/apis", AGGREGATED_ACCEPT)
        if groups.get("kind") == "APIGroupDiscoveryList":
            out.extend(parse_aggregated(groups))
            return out
        for group in groups.get("groups") or []:
            preferred = (group.get("preferredVersion") or {}).get("groupVersion", "")
            versions = [v.get("groupVersion", "") for v in group.get("versions") or []]
            versions.sort(key=lambda gv: gv != preferred)  # preferred first, the rest in server order
            for priority, gv in enumerate(versions):
                try:
                    doc = self._fetch(f"/apis/{gv}", "application/json")
                except NotFound:  # a group version that went away between the two requests
                    continue
                out.extend(parse_resource_list(doc, priority))
        return out

    def _read_cache(self) -> list[ResourceMapping] | None:
        if not self._cache_path:
            return None
        try:
            with open(self._cache_path, encoding="utf-8") as f:
                doc = json.load(f)
            if doc.get("version") != _CACHE_VERSION or self._clock() - float(doc["time"]) > CACHE_TTL:
                return None
            return [
                ResourceMapping(**{**r, "verbs": tuple(r["verbs"]), "short_names": tuple(r["short_names"])})
                for r in doc["resources"]
            ]
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def _write_cache(self, resources: list[ResourceMapping]) -> None:
        if not self._cache_path:
            return
        doc = {"version": _CACHE_VERSION, "time": self._clock(), "resources": [asdict(r) for r in resources]}
        try:
            os.makedirs(os.path.dirname(self._cache_path), mode=0o750, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=os.path.dirname(self._cache_path), prefix=".discovery-")
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(doc, f)
            os.replace(tmp, self._cache_path)
        except OSError:
            pass  # a cache that cannot be written only costs speed

    def _load(self, *, fresh: bool) -> list[ResourceMapping]:
        with self._lock:
            if self._resources is not None and not fresh:
                return self._resources
            resources = None if fresh else self._read_cache()
            if resources is None:
                resources = self._discover()
                self._write_cache(resources)
            self._resources = resources
            by_gvk: dict[tuple[str, str, str], ResourceMapping] = {}
            for r in resources:
                by_gvk.setdefault((r.group, r.version, r.kind), r)
            self._by_gvk = by_gvk
            return resources

    def invalidate(self) -> None:
        """Forget what was discovered (memory and disk); the next lookup asks the server."""
        with self._lock:
            self._resources = None
            self._by_gvk = {}
            if self._cache_path:
                try:
                    os.remove(self._cache_path)
                except OSError:
                    pass

    # -- lookups ---------------------------------------------------------------------------
    def resources(self) -> list[ResourceMapping]:
        """Every served resource of every group version."""
        return list(self._load(fresh=False))

    def api_versions(self) -> list[str]:
        """Served ``group/version`` strings plus ``group/version/Kind`` ones, as Helm's Capabilities."""
        seen: dict[str, None] = {}
        for r in self._load(fresh=False):
            seen.setdefault(r.api_version, None)
            seen.setdefault(f"{r.api_version}/{r.kind}", None)
        return list(seen)

    def mapping(self, api_version: str, kind: str) -> ResourceMapping:
        """The resource serving ``kind`` in ``api_version``; re-discovers once on a miss.

        Raises ResourceNotMapped when the server does not serve it even after re-discovery.
        """
        group, version = split_api_version(api_version)
        self._load(fresh=False)
        found = self._by_gvk.get((group, version, kind))
        if found is None:
            self._load(fresh=True)
            found = self._by_gvk.get((group, version, kind))
        if found is None:
            raise ResourceNotMapped(api_version, kind)
        return found

    def mapping_for_resource(self, group: str, resource: str, version: str = "") -> ResourceMapping:
        """Look a resource up by plural, singular or short name (preferred version unless given)."""
        for fresh in (False, True):
            candidates = [
                r
                for r in self._load(fresh=fresh)
                if r.group == group
                and (not version or r.version == version)
                and resource in (r.resource, r.singular, *r.short_names)
            ]
            if candidates:
                return min(candidates, key=lambda r: r.priority)
        raise ResourceNotMapped(f"{group}/{version}" if group else version or "v1", resource)

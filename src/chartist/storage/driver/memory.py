"""Releases kept in process memory (Helm's ``storage/driver/memory.go``), for dry runs and tests.

Like Helm's driver it is scoped to a namespace (``""`` lists every namespace), and ``create``
and ``update`` switch that namespace to the release's own (``default`` when unset), which is
how a later ``get`` by key finds it. Unlike Helm's it stores copies (a caller mutating a release
after storing it does not change the stored revision, as with every other driver) and keeps
the labels a Secret would carry (custom labels, name, owner, status, version, createdAt,
modifiedAt), so that queries and list selectors behave as with the Secret driver.
"""

from __future__ import annotations

import builtins
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass

from chartist.release.model import Release
from chartist.storage.driver.base import (
    ReleaseExists,
    ReleaseFilter,
    ReleaseNotFound,
    filter_system_labels,
    parse_key,
    system_labels,
)

__all__ = ["DEFAULT_NAMESPACE", "MemoryDriver"]

DEFAULT_NAMESPACE = "default"


@dataclass(slots=True)
class _Record:
    key: str
    labels: dict[str, str]
    release: Release

    def out(self, *, all_labels: bool) -> Release:
        rls = self.release.copy()
        rls.labels = dict(self.labels) if all_labels else filter_system_labels(self.labels)
        return rls


def _labels(rls: Release, stamp: str) -> dict[str, str]:
    labels = dict(rls.labels)
    labels[stamp] = str(int(time.time()))
    labels.update(system_labels(rls))
    return labels


class MemoryDriver:
    """In-memory Driver; thread-safe."""

    def __init__(self, namespace: str = DEFAULT_NAMESPACE) -> None:
        self.namespace = namespace
        # namespace -> release name -> records sorted by version
        self._cache: dict[str, dict[str, list[_Record]]] = {}
        self._lock = threading.RLock()

    @property
    def name(self) -> str:
        return "Memory"

    def _namespaces(self) -> builtins.list[str]:
        return [self.namespace] if self.namespace else sorted(self._cache)

    def get(self, key: str) -> Release:
        name, _ = parse_key(key)
        with self._lock:
            for rec in self._cache.get(self.namespace, {}).get(name, ()):
                if rec.key == key:
                    return rec.out(all_labels=False)
        raise ReleaseNotFound()

    def list(self, filter: ReleaseFilter | None = None) -> builtins.list[Release]:
        out: builtins.list[Release] = []
        with self._lock:
            for ns in self._namespaces():
                for _, recs in sorted(self._cache.get(ns, {}).items()):
                    for rec in recs:
                        rls = rec.out(all_labels=True)
                        if filter is None or filter(rls):
                            out.append(rls)
        return out

    def query(self, labels: Mapping[str, str]) -> builtins.list[Release]:
        out: builtins.list[Release] = []
        with self._lock:
            for ns in self._namespaces():
                for _, recs in sorted(self._cache.get(ns, {}).items()):
                    out.extend(
                        rec.out(all_labels=True)
                        for rec in recs
                        if all(rec.labels.get(k) == v for k, v in labels.items())
                    )
        if not out:
            raise ReleaseNotFound()
        return out

    def create(self, key: str, rls: Release) -> None:
        ns = rls.namespace or DEFAULT_NAMESPACE
        with self._lock:
            self.namespace = ns
            recs = self._cache.setdefault(ns, {}).setdefault(rls.name, [])
            if any(r.key == key for r in recs):
                raise ReleaseExists()
            recs.append(_Record(key, _labels(rls, "createdAt"), rls.copy()))
            recs.sort(key=lambda r: r.release.version)

    def update(self, key: str, rls: Release) -> None:
        ns = rls.namespace or DEFAULT_NAMESPACE
        with self._lock:
            self.namespace = ns
            recs = self._cache.get(ns, {}).get(rls.name, [])
            for i, rec in enumerate(recs):
                if rec.key == key:
                    labels = _labels(rls, "modifiedAt")
                    if "createdAt" in rec.labels:
                        labels.setdefault("createdAt", rec.labels["createdAt"])
                    recs[i] = _Record(key, labels, rls.copy())
                    return
        raise ReleaseNotFound()

    def delete(self, key: str) -> Release:
        name, _ = parse_key(key)
        with self._lock:
            recs = self._cache.get(self.namespace, {}).get(name, [])
            for i, rec in enumerate(recs):
                if rec.key == key:
                    del recs[i]
                    return rec.out(all_labels=False)
        raise ReleaseNotFound()

"""An in-memory :class:`~chartist.kube.client.KubeClient` for unit tests of the layers above.

:class:`FakeKubeClient` stores objects in a dict, stamps uid, resourceVersion, generation and
creationTimestamp, and keeps an event log for :meth:`~FakeKubeClient.watch`. It is deliberately
simpler than a server (the Kubernetes API test server in ``tests/apiserver`` is the faithful one):

* every kind is served unless ``served_kinds`` restricts them; CRDs created through it add their
  kinds; the plural is the lowercase kind plus ``s`` (``es`` after s/x/ch/sh, ``ies`` after a
  consonant and y), cluster scope comes from a table of built-in cluster-scoped kinds;
* apply deep-merges maps and replaces lists (no field ownership, never a conflict);
  strategic merge patch is applied as a JSON merge patch; JSON patch is not supported;
* delete removes at once (finalizers ignored); watches replay the log and stop when caught up;
* waits never sleep: they compute readiness of the stored objects once.

``calls`` records ``(method, apiVersion, kind, namespace, name)``; ``fail[method] = error`` makes
that method raise ``error`` (Helm's FailingKubeClient).
"""

from __future__ import annotations

import builtins
import copy
import itertools
import uuid
from collections.abc import Iterable, Iterator, Mapping
from datetime import UTC, datetime
from typing import Any

from chartist.kube import readiness
from chartist.kube.client import MERGE_PATCH, STRATEGIC_MERGE_PATCH, KubeObject, WatchEvent
from chartist.kube.discovery import ResourceMapping, split_api_version
from chartist.kube.errors import (
    AlreadyExists,
    Conflict,
    KubeError,
    NotFound,
    ResourceNotMapped,
    UnsupportedMediaType,
    WaitError,
)
from chartist.kube.selectors import field_matcher, label_matcher

CLUSTER_SCOPED_KINDS = frozenset(
    {
        "APIService",
        "CertificateSigningRequest",
        "ClusterRole",
        "ClusterRoleBinding",
        "ComponentStatus",
        "CSIDriver",
        "CSINode",
        "CustomResourceDefinition",
        "DeviceClass",
        "FlowSchema",
        "IngressClass",
        "MutatingWebhookConfiguration",
        "Namespace",
        "Node",
        "PersistentVolume",
        "PriorityClass",
        "PriorityLevelConfiguration",
        "RuntimeClass",
        "StorageClass",
        "ValidatingAdmissionPolicy",
        "ValidatingAdmissionPolicyBinding",
        "ValidatingWebhookConfiguration",
        "VolumeAttachment",
    }
)


def plural(kind: str) -> str:
    """English plural of a kind, lowercased, as most resources name themselves."""
    low = kind.lower()
    if low.endswith(("s", "x", "ch", "sh")):
        return low + "es"
    if low.endswith("y") and len(low) > 1 and low[-2] not in "aeiou":
        return low[:-1] + "ies"
    return low + "s"


def merge_patch(target: Any, patch: Any) -> Any:
    """RFC 7386 JSON merge patch: maps merge, ``null`` deletes, anything else replaces."""
    if not isinstance(patch, Mapping):
        return copy.deepcopy(patch)
    result = dict(target) if isinstance(target, Mapping) else {}
    for key, value in patch.items():
        if value is None:
            result.pop(key, None)
        else:
            result[key] = merge_patch(result.get(key), value)
    return result


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class FakeKubeClient:
    """In-memory KubeClient (see the module docstring)."""

    def __init__(
        self,
        objects: Iterable[Mapping[str, Any]] = (),
        *,
        namespace: str = "default",
        served_kinds: Iterable[tuple[str, str]] | None = None,
    ) -> None:
        self._namespace = namespace
        self._served = None if served_kinds is None else set(served_kinds)
        self._crd_kinds: dict[tuple[str, str], bool] = {}
        self._objects: dict[tuple[str, str, str, str], KubeObject] = {}
        self._rv = itertools.count(1)
        self._log: list[tuple[int, str, KubeObject]] = []
        self.calls: list[tuple[str, str, str, str, str]] = []
        self.fail: dict[str, KubeError] = {}
        for obj in objects:
            self.create(obj)
        self.calls.clear()

    # -- helpers ---------------------------------------------------------------------------
    @property
    def namespace(self) -> str:
        return self._namespace

    def _record(self, method: str, api_version: str, kind: str, namespace: str, name: str) -> None:
        self.calls.append((method, api_version, kind, namespace, name))
        if method in self.fail:
            raise self.fail[method]

    def mapping(self, api_version: str, kind: str) -> ResourceMapping:
        group, version = split_api_version(api_version)
        if (group, kind) in self._crd_kinds:
            namespaced = self._crd_kinds[(group, kind)]
        elif self._served is not None and (api_version, kind) not in self._served:
            raise ResourceNotMapped(api_version, kind)
        else:
            namespaced = kind not in CLUSTER_SCOPED_KINDS
        return ResourceMapping(group, version, kind, plural(kind), namespaced, verbs=("get", "list", "watch"))

    def server_version(self) -> dict[str, Any]:
        return {"major": "1", "minor": "36", "gitVersion": "v1.36.0"}

    def api_versions(self) -> list[str]:
        seen = {o["apiVersion"]: None for o in self._objects.values()}
        return list(seen)

    def _key(self, api_version: str, kind: str, name: str, namespace: str) -> tuple[str, str, str, str]:
        m = self.mapping(api_version, kind)
        ns = (namespace or self._namespace) if m.namespaced else ""
        return (m.group, kind, ns, name)

    def _emit(self, etype: str, obj: KubeObject) -> None:
        self._log.append((int(obj["metadata"]["resourceVersion"]), etype, copy.deepcopy(obj)))

    def _store(self, key: tuple[str, str, str, str], obj: KubeObject, etype: str) -> KubeObject:
        obj["metadata"]["resourceVersion"] = str(next(self._rv))
        self._objects[key] = obj
        if obj.get("kind") == "CustomResourceDefinition":
            spec = obj.get("spec") or {}
            names = spec.get("names") or {}
            self._crd_kinds[(spec.get("group", ""), names.get("kind", ""))] = spec.get("scope") != "Cluster"
        self._emit(etype, obj)
        return copy.deepcopy(obj)

    # -- KubeClient ------------------------------------------------------------------------
    def get(self, api_version: str, kind: str, name: str, namespace: str = "") -> KubeObject:
        key = self._key(api_version, kind, name, namespace)
        self._record("get", api_version, kind, key[2], name)
        if key not in self._objects:
            raise NotFound(f'{plural(kind)} "{name}" not found', code=404, reason="NotFound")
        return copy.deepcopy(self._objects[key])

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
        m = self.mapping(api_version, kind)
        ns = "" if all_namespaces or not m.namespaced else (namespace or self._namespace)
        self._record("list", api_version, kind, ns, "")
        labels = label_matcher(label_selector)
        fields = field_matcher(field_selector)
        return [
            copy.deepcopy(obj)
            for (group, k, ons, _), obj in sorted(self._objects.items())
            if group == m.group and k == kind and (not ns or ons == ns) and labels(obj) and fields(obj)
        ]

    def create(
        self, obj: Mapping[str, Any], *, namespace: str = "", field_manager: str = "", dry_run: bool = False
    ) -> KubeObject:
        api_version, kind = str(obj.get("apiVersion", "")), str(obj.get("kind", ""))
        name = str((obj.get("metadata") or {}).get("name", ""))
        key = self._key(
            api_version, kind, name, namespace or (obj.get("metadata") or {}).get("namespace", "")
        )
        self._record("create", api_version, kind, key[2], name)
        if key in self._objects:
            raise AlreadyExists(
                f'{plural(kind)} "{name}" already exists', code=409, reason="AlreadyExists", name=name
            )
        new = copy.deepcopy(dict(obj))
        meta = new.setdefault("metadata", {})
        if key[2]:
            meta["namespace"] = key[2]
        meta.setdefault("uid", str(uuid.uuid4()))
        meta.setdefault("creationTimestamp", _now())
        if "spec" in new:
            meta["generation"] = 1
        if dry_run:
            return new
        return self._store(key, new, "ADDED")

    def apply(
        self,
        obj: Mapping[str, Any],
        *,
        field_manager: str,
        force: bool = False,
        namespace: str = "",
        dry_run: bool = False,
    ) -> KubeObject:
        api_version, kind = str(obj.get("apiVersion", "")), str(obj.get("kind", ""))
        name = str((obj.get("metadata") or {}).get("name", ""))
        key = self._key(
            api_version, kind, name, namespace or (obj.get("metadata") or {}).get("namespace", "")
        )
        self._record("apply", api_version, kind, key[2], name)
        if key not in self._objects:
            self.calls.pop()
            return self.create(obj, namespace=namespace, field_manager=field_manager, dry_run=dry_run)
        old = self._objects[key]
        new = _deep_merge(old, obj)
        if new.get("spec") != old.get("spec"):
            new["metadata"]["generation"] = int(old["metadata"].get("generation", 0)) + 1
        if dry_run:
            return new
        return self._store(key, new, "MODIFIED")

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
        key = self._key(api_version, kind, name, namespace)
        self._record("patch", api_version, kind, key[2], name)
        if patch_type not in (MERGE_PATCH, STRATEGIC_MERGE_PATCH):
            raise UnsupportedMediaType(f"the fake does not support {patch_type}", code=415)
        if key not in self._objects:
            raise NotFound(f'{plural(kind)} "{name}" not found', code=404, reason="NotFound")
        old = self._objects[key]
        new = merge_patch(old, patch)
        if new.get("spec") != old.get("spec") and "generation" in old["metadata"]:
            new["metadata"]["generation"] = int(old["metadata"]["generation"]) + 1
        return self._store(key, new, "MODIFIED")

    def replace(self, obj: Mapping[str, Any], *, namespace: str = "", field_manager: str = "") -> KubeObject:
        api_version, kind = str(obj.get("apiVersion", "")), str(obj.get("kind", ""))
        meta = obj.get("metadata") or {}
        name = str(meta.get("name", ""))
        key = self._key(api_version, kind, name, namespace or meta.get("namespace", ""))
        self._record("replace", api_version, kind, key[2], name)
        if key not in self._objects:
            raise NotFound(f'{plural(kind)} "{name}" not found', code=404, reason="NotFound")
        old = self._objects[key]
        if meta.get("resourceVersion") and meta["resourceVersion"] != old["metadata"]["resourceVersion"]:
            raise Conflict(
                f'Operation cannot be fulfilled on {plural(kind)} "{name}": the object has been modified; '
                "please apply your changes to the latest version and try again",
                code=409,
                reason="Conflict",
            )
        new = copy.deepcopy(dict(obj))
        new_meta = new.setdefault("metadata", {})
        for field in ("uid", "creationTimestamp", "namespace"):
            if field in old["metadata"]:
                new_meta[field] = old["metadata"][field]
        if "generation" in old["metadata"]:
            changed = new.get("spec") != old.get("spec")
            new_meta["generation"] = int(old["metadata"]["generation"]) + (1 if changed else 0)
        return self._store(key, new, "MODIFIED")

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
        key = self._key(api_version, kind, name, namespace)
        self._record("delete", api_version, kind, key[2], name)
        if key not in self._objects:
            if missing_ok:
                return None
            raise NotFound(f'{plural(kind)} "{name}" not found', code=404, reason="NotFound")
        obj = self._objects.pop(key)
        obj["metadata"]["resourceVersion"] = str(next(self._rv))
        self._emit("DELETED", obj)
        return None

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
        m = self.mapping(api_version, kind)
        ns = "" if all_namespaces or not m.namespaced else (namespace or self._namespace)
        self._record("watch", api_version, kind, ns, name)
        labels = label_matcher(label_selector)
        fields = field_matcher(field_selector)

        def wanted(obj: Mapping[str, Any]) -> bool:
            meta = obj.get("metadata") or {}
            return (
                obj.get("kind") == kind
                and split_api_version(str(obj.get("apiVersion", "")))[0] == m.group
                and (not ns or meta.get("namespace") == ns)
                and (not name or meta.get("name") == name)
                and labels(obj)
                and fields(obj)
            )

        if not resource_version:
            initial = [o for o in self._objects.values() if wanted(o)]
            for obj in initial:
                yield WatchEvent("ADDED", copy.deepcopy(obj))
            start = max((rv for rv, _, _ in self._log), default=0)
        else:
            start = int(resource_version)
        for rv, etype, obj in list(self._log):
            if rv > start and wanted(obj):
                yield WatchEvent(etype, copy.deepcopy(obj))

    def wait_ready(
        self, objects: Iterable[Mapping[str, Any]], *, timeout: float, mode: str = "ready"
    ) -> None:
        compute = {
            "ready": readiness.compute,
            "jobs": readiness.compute_with_jobs,
            "hooks": readiness.compute_hook,
        }[mode]
        lines = []
        for obj in objects:
            meta = obj.get("metadata") or {}
            self._record(
                "wait",
                str(obj.get("apiVersion", "")),
                str(obj.get("kind", "")),
                meta.get("namespace", ""),
                meta.get("name", ""),
            )
            key = self._key(
                str(obj.get("apiVersion", "")),
                str(obj.get("kind", "")),
                meta.get("name", ""),
                meta.get("namespace", ""),
            )
            current = self._objects.get(key)
            result = (
                compute(current)
                if current is not None
                else readiness.Result(readiness.NOT_FOUND, "Resource not found")
            )
            if result.status != readiness.CURRENT:
                lines.append(readiness.describe(current or obj, result))
        if lines:
            raise WaitError(lines, timed_out=True)

    def wait_deleted(self, objects: Iterable[Mapping[str, Any]], *, timeout: float) -> None:
        lines = []
        for obj in objects:
            meta = obj.get("metadata") or {}
            key = self._key(
                str(obj.get("apiVersion", "")),
                str(obj.get("kind", "")),
                meta.get("name", ""),
                meta.get("namespace", ""),
            )
            if key in self._objects:
                current = self._objects[key]
                lines.append(readiness.describe(current, readiness.compute(current), deleting=True))
        if lines:
            raise WaitError(lines, timed_out=True)

    # -- test helpers ----------------------------------------------------------------------
    def set_status(
        self, api_version: str, kind: str, name: str, status: Mapping[str, Any], namespace: str = ""
    ) -> None:
        """Replace an object's ``status`` as its controller would."""
        key = self._key(api_version, kind, name, namespace)
        obj = self._objects[key]
        obj["status"] = copy.deepcopy(dict(status))
        self._store(key, obj, "MODIFIED")

    def objects(self) -> builtins.list[KubeObject]:
        """Every stored object (copies), sorted by group, kind, namespace, name."""
        return [copy.deepcopy(o) for _, o in sorted(self._objects.items())]


def _deep_merge(base: Mapping[str, Any], overlay: Mapping[str, Any]) -> KubeObject:
    out: KubeObject = copy.deepcopy(dict(base))
    for key, value in overlay.items():
        if isinstance(value, Mapping) and isinstance(out.get(key), Mapping):
            out[key] = _deep_merge(out[key], value)
        else:
            out[key] = copy.deepcopy(value)
    return out

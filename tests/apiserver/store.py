"""Object storage and lifecycle: resourceVersions, uids, generation, managedFields, status
subresources, optimistic concurrency (409 on a stale resourceVersion), finalizers and
deletionTimestamp, garbage collection by ownerReferences (Background, Foreground, Orphan),
namespace deletion cascading, label/field selectors, pagination and the event log watches read.

One re-entrant lock guards everything; ``cond`` is notified after every change so watches wake.
"""

from __future__ import annotations

import base64
import collections
import copy
import json
import threading
import time
import uuid
from typing import Any

from chartist.kube.selectors import field_matcher, label_matcher

from . import apply as ssa
from . import defaults, errors
from .lifecycle import Deletion
from .patch import PatchError, json_patch, merge_patch, strategic_merge
from .registry import Registry, Resource

Key = tuple[str, str]  # (namespace, name)
MERGE = "application/merge-patch+json"
STRATEGIC = "application/strategic-merge-patch+json"
JSON_PATCH = "application/json-patch+json"
APPLY = "application/apply-patch+yaml"
BASE_NAMESPACES = ("default", "kube-system", "kube-public", "kube-node-lease")


_META_ORDER = (
    "name",
    "generateName",
    "namespace",
    "uid",
    "resourceVersion",
    "generation",
    "creationTimestamp",
    "deletionTimestamp",
    "deletionGracePeriodSeconds",
    "labels",
    "annotations",
    "ownerReferences",
    "finalizers",
    "managedFields",
)


def now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


def _strip_volatile(obj: dict[str, Any]) -> dict[str, Any]:
    out = copy.deepcopy(obj)
    meta = out.get("metadata") or {}
    for k in ("resourceVersion", "managedFields", "generation"):
        meta.pop(k, None)
    return out


def _untimed(obj: dict[str, Any]) -> list[dict[str, Any]]:
    return [{k: v for k, v in e.items() if k != "time"} for e in obj["metadata"].get("managedFields") or []]


def _spec_part(obj: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in obj.items() if k not in ("metadata", "status", "apiVersion", "kind")}


class Store(Deletion):
    def __init__(self, registry: Registry, *, max_events: int = 50000) -> None:
        self.registry = registry
        self.cond = threading.Condition(threading.RLock())
        self.max_events = max_events
        self.reset()

    # -- state -----------------------------------------------------------------------------
    def reset(self) -> None:
        with self.cond:
            self.rv = 100
            self.objects: dict[tuple[str, str], dict[Key, dict[str, Any]]] = {}
            self.uids: dict[str, tuple[str, str, Key]] = {}
            self.events: collections.deque[
                tuple[int, str, str, str, dict[str, Any], dict[str, Any] | None]
            ] = collections.deque()
            self.compacted_rv = self.rv
            self.generation = getattr(self, "generation", 0) + 1  # bumped so running watches end
            self.registry.clear_crds()
            ns = self.registry.lookup("", "v1", "namespaces")
            assert ns is not None
            for name in BASE_NAMESPACES:
                self.create(
                    ns,
                    "",
                    {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": name}},
                    manager="kube-apiserver",
                )
            self.cond.notify_all()

    def compact(self) -> None:
        """Forget the event log: watches from older resourceVersions get 410 Expired."""
        with self.cond:
            self.events.clear()
            self.compacted_rv = self.rv
            self.generation += 1
            self.cond.notify_all()

    def _next_rv(self) -> str:
        self.rv += 1
        return str(self.rv)

    def _bucket(self, res: Resource) -> dict[Key, dict[str, Any]]:
        return self.objects.setdefault((res.group, res.resource), {})

    def _emit(self, res: Resource, etype: str, obj: dict[str, Any], old: dict[str, Any] | None) -> None:
        self.events.append(
            (
                self.rv,
                res.group,
                res.resource,
                etype,
                copy.deepcopy(obj),
                copy.deepcopy(old) if old is not None else None,
            )
        )
        while len(self.events) > self.max_events:
            self.compacted_rv = self.events.popleft()[0]
        self.cond.notify_all()

    @staticmethod
    def _out(res: Resource, obj: dict[str, Any]) -> dict[str, Any]:
        """A copy in the real server's key order, with the apiVersion asked for."""
        meta = obj.get("metadata") or {}
        ordered_meta = {k: copy.deepcopy(meta[k]) for k in _META_ORDER if k in meta}
        ordered_meta.update({k: copy.deepcopy(v) for k, v in meta.items() if k not in ordered_meta})
        out: dict[str, Any] = {"kind": res.kind, "apiVersion": res.api_version, "metadata": ordered_meta}
        for k, v in obj.items():
            if k not in out and k != "status":
                out[k] = copy.deepcopy(v)
        if "status" in obj:
            out["status"] = copy.deepcopy(obj["status"])
        return out

    def namespace_phase(self, ns: str) -> str | None:
        found = self.objects.get(("", "namespaces"), {}).get(("", ns))
        if found is None:
            return None
        return "Terminating" if found["metadata"].get("deletionTimestamp") else "Active"

    # -- reads -----------------------------------------------------------------------------
    def get(self, res: Resource, ns: str, name: str) -> dict[str, Any]:
        with self.cond:
            obj = self._bucket(res).get((ns if res.namespaced else "", name))
            if obj is None:
                raise errors.not_found(res, name)
            return self._out(res, obj)

    def matching(
        self, res: Resource, ns: str, label_selector: str, field_selector: str
    ) -> list[dict[str, Any]]:
        try:
            labels = label_matcher(label_selector)
            fields = field_matcher(field_selector)
        except ValueError as err:
            raise errors.bad_request(str(err)) from err
        with self.cond:
            out = []
            for (ons, _), obj in sorted(self._bucket(res).items()):
                if res.namespaced and ns and ons != ns:
                    continue
                if labels(obj) and fields(obj):
                    out.append(obj)
            return out

    def list(
        self,
        res: Resource,
        ns: str,
        *,
        label_selector: str = "",
        field_selector: str = "",
        limit: int = 0,
        continue_token: str = "",
    ) -> dict[str, Any]:
        with self.cond:
            items = self.matching(res, ns, label_selector, field_selector)
            rv = self.rv
            start = ""
            if continue_token:
                try:
                    token = json.loads(
                        base64.urlsafe_b64decode(continue_token + "=" * (-len(continue_token) % 4))
                    )
                    start, rv = token["start"], int(token["rv"])
                except (ValueError, KeyError, TypeError):
                    raise errors.bad_request("continue key is not valid: illegal base64 data") from None
                if rv < self.compacted_rv:
                    raise errors.expired(
                        "The provided continue parameter is too old to display a consistent list result. "
                        "You can start a new list without the continue parameter."
                    )
                items = [o for o in items if self._sort_key(o) >= start]
            meta: dict[str, Any] = {"resourceVersion": str(rv)}
            if limit and len(items) > limit:
                nxt = self._sort_key(items[limit - 1]) + "\x00"
                token = {"v": "meta.k8s.io/v1", "rv": rv, "start": nxt}
                meta["continue"] = (
                    base64.urlsafe_b64encode(json.dumps(token, separators=(",", ":")).encode())
                    .decode()
                    .rstrip("=")
                )
                if not label_selector and not field_selector:
                    meta["remainingItemCount"] = len(items) - limit
                items = items[:limit]
            out_items = []
            for obj in items:
                item = copy.deepcopy(obj)
                item.pop("apiVersion", None)
                item.pop("kind", None)
                out_items.append(item)
            return {
                "kind": f"{res.kind}List",
                "apiVersion": res.api_version,
                "metadata": meta,
                "items": out_items,
            }

    @staticmethod
    def _sort_key(obj: dict[str, Any]) -> str:
        meta = obj.get("metadata") or {}
        return f"{meta.get('namespace', '')}/{meta.get('name', '')}"

    # -- writes ----------------------------------------------------------------------------
    def _check_body(self, res: Resource, ns: str, body: Any, name: str = "") -> dict[str, Any]:
        if not isinstance(body, dict):
            raise errors.bad_request("the body of the request is not a JSON object")
        api_version, kind = body.get("apiVersion"), body.get("kind")
        if api_version and api_version != res.api_version and api_version.rpartition("/")[0] == res.group:
            pass  # another served version of the same group: stored as sent, no conversion
        elif api_version and api_version != res.api_version:
            raise errors.bad_request(
                f"the API version in the data ({api_version}) does not match the expected API version ({res.api_version})"
            )
        if kind and kind != res.kind:
            raise errors.bad_request(
                f"the kind in the data ({kind}) does not match the expected kind ({res.kind})"
            )
        body = copy.deepcopy(body)
        body["apiVersion"], body["kind"] = res.api_version, res.kind
        meta = body.setdefault("metadata", {})
        if not isinstance(meta, dict):
            raise errors.bad_request("metadata must be an object")
        if res.namespaced:
            if meta.get("namespace") and meta["namespace"] != ns:
                raise errors.bad_request(
                    "the namespace of the provided object does not match the namespace sent on the request"
                )
            meta["namespace"] = ns
        else:
            meta.pop("namespace", None)
        if name and meta.get("name") and meta["name"] != name:
            raise errors.bad_request(
                "the name of the object ({}) does not match the name on the URL ({})".format(
                    meta["name"], name
                )
            )
        if name:
            meta["name"] = name
        return body

    def _finish(
        self,
        res: Resource,
        obj: dict[str, Any],
    ) -> None:
        defaults.apply_defaults(obj, res.group, res.schema())
        causes = defaults.data_errors(obj)
        if causes:
            raise errors.invalid(res, obj["metadata"].get("name", ""), causes)

    def create(
        self,
        res: Resource,
        ns: str,
        body: Any,
        *,
        manager: str,
        dry_run: bool = False,
        apply_force: bool | None = None,
    ) -> dict[str, Any]:
        """POST (or an apply that creates): returns the stored object."""
        with self.cond:
            obj = self._check_body(res, ns, body)
            meta = obj["metadata"]
            if not meta.get("name") and meta.get("generateName"):
                meta["name"] = meta["generateName"] + uuid.uuid4().hex[:5]
            name = meta.get("name", "")
            causes = defaults.name_errors(res.kind, name)
            if causes:
                raise errors.invalid(res, name, causes)
            if res.namespaced:
                phase = self.namespace_phase(ns)
                if phase is None:
                    ns_res = self.registry.lookup("", "v1", "namespaces")
                    assert ns_res is not None
                    raise errors.not_found(ns_res, ns)
                if phase == "Terminating":
                    raise errors.StatusError(
                        403,
                        "Forbidden",
                        f'{errors.qualified(res)} "{name}" is forbidden: unable to create new content in namespace '
                        f"{ns} because it is being terminated",
                        {
                            "name": name,
                            "kind": res.resource,
                            "causes": [
                                {
                                    "reason": "NamespaceTerminating",
                                    "message": f"namespace {ns} is being terminated",
                                    "field": "metadata.namespace",
                                }
                            ],
                        },
                    )
            bucket = self._bucket(res)
            key = (ns if res.namespaced else "", name)
            if key in bucket:
                raise errors.already_exists(res, name)
            stamp = now()
            for k in (
                "uid",
                "resourceVersion",
                "creationTimestamp",
                "deletionTimestamp",
                "generation",
                "managedFields",
                "selfLink",
            ):
                meta.pop(k, None)
            meta["uid"] = str(uuid.uuid4())
            meta["creationTimestamp"] = stamp
            if res.tracks_generation:
                meta["generation"] = 1
            if "status" in res.subresources:
                obj["status"] = {}
            if apply_force is not None:
                config = obj
                obj = ssa.apply(
                    None,
                    config,
                    res.schema(),
                    manager=manager,
                    api_version=res.api_version,
                    force=apply_force,
                    now=stamp,
                )
                for k in ("uid", "creationTimestamp", "generation", "namespace", "name"):
                    if k in config["metadata"]:
                        obj["metadata"][k] = config["metadata"][k]
                obj["apiVersion"], obj["kind"] = res.api_version, res.kind
                if "status" in res.subresources:
                    obj["status"] = {}
                self._finish(res, obj)
            else:
                self._finish(res, obj)
                ssa.record_update(
                    None, obj, res.schema(), manager=manager, api_version=res.api_version, now=stamp
                )
            self._on_create(res, obj)
            meta = obj["metadata"]
            if dry_run:
                return self._out(res, obj)
            meta["resourceVersion"] = self._next_rv()
            bucket[key] = obj
            self.uids[meta["uid"]] = (res.group, res.resource, key)
            self._emit(res, "ADDED", obj, None)
            if res.group == "apiextensions.k8s.io" and res.kind == "CustomResourceDefinition":
                self.registry.add_crd(obj)
            return self._out(res, obj)

    def _on_create(self, res: Resource, obj: dict[str, Any]) -> None:
        # What controllers living inside kube-apiserver set at once.
        if res.group == "apiextensions.k8s.io" and res.kind == "CustomResourceDefinition":
            spec = obj.get("spec") or {}
            stamp = now()
            storage = [v["name"] for v in spec.get("versions") or [] if v.get("storage")]
            obj["status"] = {
                "conditions": [
                    {
                        "type": "NamesAccepted",
                        "status": "True",
                        "lastTransitionTime": stamp,
                        "reason": "NoConflicts",
                        "message": "no conflicts found",
                    },
                    {
                        "type": "Established",
                        "status": "True",
                        "lastTransitionTime": stamp,
                        "reason": "InitialNamesAccepted",
                        "message": "the initial names have been accepted",
                    },
                ],
                "acceptedNames": copy.deepcopy(spec.get("names") or {}),
                "storedVersions": storage,
            }
        elif res.group == "apiregistration.k8s.io" and res.kind == "APIService":
            obj["status"] = {
                "conditions": [
                    {
                        "type": "Available",
                        "status": "True",
                        "lastTransitionTime": now(),
                        "reason": "Local",
                        "message": "Local APIServices are always available",
                    }
                ]
            }

    def _existing(self, res: Resource, ns: str, name: str) -> tuple[Key, dict[str, Any]]:
        key = (ns if res.namespaced else "", name)
        obj = self._bucket(res).get(key)
        if obj is None:
            raise errors.not_found(res, name)
        return key, obj

    def update(
        self,
        res: Resource,
        ns: str,
        name: str,
        body: Any,
        *,
        manager: str,
        subresource: str = "",
        dry_run: bool = False,
        check_rv: bool = True,
    ) -> dict[str, Any]:
        """PUT: replace the object (or its status); 409 when ``metadata.resourceVersion`` is stale."""
        with self.cond:
            key, old = self._existing(res, ns, name)
            new = self._check_body(res, ns, body, name)
            rv = new["metadata"].get("resourceVersion")
            if check_rv and rv and rv != old["metadata"]["resourceVersion"]:
                raise errors.conflict(res, name)
            if check_rv and not rv and res.custom:
                raise errors.invalid(
                    res,
                    name,
                    [("metadata.resourceVersion", "Invalid value: 0x0: must be specified for an update")],
                )
            return self._commit(res, key, old, new, manager=manager, subresource=subresource, dry_run=dry_run)

    def _commit(
        self,
        res: Resource,
        key: Key,
        old: dict[str, Any],
        new: dict[str, Any],
        *,
        manager: str,
        subresource: str = "",
        dry_run: bool = False,
        applied: bool = False,
    ) -> dict[str, Any]:
        meta = new.setdefault("metadata", {})
        for k in (
            "uid",
            "creationTimestamp",
            "deletionTimestamp",
            "deletionGracePeriodSeconds",
            "namespace",
            "name",
            "generation",
        ):
            if k in old["metadata"]:
                meta[k] = old["metadata"][k]
            else:
                meta.pop(k, None)
        meta.pop("selfLink", None)
        if "status" in res.subresources or subresource == "status":
            if subresource == "status":
                status = new.get("status")
                new = {**copy.deepcopy(old), "status": status}
                if status is None:
                    new.pop("status")
                meta = new["metadata"]
                meta["managedFields"] = copy.deepcopy(old["metadata"].get("managedFields") or [])
            elif "status" in old:
                new["status"] = copy.deepcopy(old["status"])
            else:
                new.pop("status", None)
        if old["metadata"].get("deletionTimestamp"):
            # Finalizers may only be removed once deletion started; other changes are accepted.
            pass
        self._finish(res, new)
        if res.tracks_generation and _spec_part(new) != _spec_part(old):
            meta["generation"] = int(old["metadata"].get("generation", 1)) + 1
        if _strip_volatile(new) == _strip_volatile(old):
            # A write that changes nothing keeps the resourceVersion (and the managedFields times).
            if not applied or _untimed(new) == _untimed(old):
                return self._out(res, old)
        if not applied:
            ssa.record_update(
                old,
                new,
                res.schema(),
                manager=manager,
                api_version=res.api_version,
                now=now(),
                subresource=subresource,
            )
        if dry_run:
            return self._out(res, new)
        meta["resourceVersion"] = self._next_rv()
        self._bucket(res)[key] = new
        self._emit(res, "MODIFIED", new, old)
        if res.kind == "CustomResourceDefinition" and res.group == "apiextensions.k8s.io":
            self.registry.add_crd(new)
        if meta.get("deletionTimestamp") and not meta.get("finalizers"):
            self._gc()
        return self._out(res, new)

    def patch(
        self,
        res: Resource,
        ns: str,
        name: str,
        content_type: str,
        body: Any,
        *,
        manager: str,
        force: bool = False,
        subresource: str = "",
        dry_run: bool = False,
    ) -> tuple[dict[str, Any], bool]:
        """PATCH in any of the four formats; returns (object, created). Apply creates missing objects."""
        with self.cond:
            key = (ns if res.namespaced else "", name)
            old = self._bucket(res).get(key)
            if content_type == APPLY:
                if not manager:
                    raise errors.bad_request(
                        'PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: '
                        "is required for apply patch"
                    )
                config = self._check_body(res, ns, body, name)
                if old is None:
                    return self.create(
                        res, ns, config, manager=manager, dry_run=dry_run, apply_force=force
                    ), True
                try:
                    new = ssa.apply(
                        old,
                        config,
                        res.schema(),
                        manager=manager,
                        api_version=res.api_version,
                        force=force,
                        now=now(),
                    )
                except ssa.ApplyConflict as err:
                    message, causes = ssa.conflict_message(err.conflicts)
                    details = {"name": name, "kind": res.resource, "causes": causes}
                    if res.group:
                        details = {"name": name, "group": res.group, "kind": res.resource, "causes": causes}
                    raise errors.StatusError(409, "Conflict", message, details) from None
                return self._commit(
                    res,
                    key,
                    old,
                    new,
                    manager=manager,
                    subresource=subresource,
                    dry_run=dry_run,
                    applied=True,
                ), False
            if old is None:
                raise errors.not_found(res, name)
            current = self._out(res, old)
            try:
                if content_type == MERGE:
                    new = merge_patch(current, body)
                elif content_type == JSON_PATCH:
                    new = json_patch(current, body)
                elif content_type == STRATEGIC:
                    if res.custom:
                        raise errors.unsupported_media(content_type, ", ".join((JSON_PATCH, MERGE, APPLY)))
                    new = strategic_merge(current, body, res.schema())
                else:
                    raise errors.unsupported_media(
                        content_type, ", ".join((JSON_PATCH, MERGE, APPLY, STRATEGIC))
                    )
            except PatchError as err:
                raise errors.StatusError(422, "Invalid", str(err)) from err
            if not isinstance(new, dict):
                raise errors.bad_request("the patch produced something that is not an object")
            rv = (body.get("metadata") or {}).get("resourceVersion") if isinstance(body, dict) else None
            if rv and rv != old["metadata"]["resourceVersion"]:
                raise errors.conflict(res, name)
            new = self._check_body(res, ns, new, name)
            return self._commit(
                res, key, old, new, manager=manager, subresource=subresource, dry_run=dry_run
            ), False

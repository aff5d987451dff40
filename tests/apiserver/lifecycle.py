"""Deletion as the API server and kube-controller-manager do it: preconditions, propagation
policies (Background, Foreground, Orphan; Jobs orphan by default), finalizers and
deletionTimestamp, the garbage collector following ownerReferences, and the namespace controller
that empties a terminating namespace before removing it. Mixed into :class:`~apiserver.store.Store`
(it uses the store's lock, buckets and event log); runs synchronously, to a fixed point."""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any

from . import errors
from .registry import Registry, Resource

if TYPE_CHECKING:
    import threading

Key = tuple[str, str]


def now() -> str:
    import time

    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


class Deletion:
    # provided by Store
    cond: threading.Condition
    registry: Registry
    objects: dict[tuple[str, str], dict[Key, dict[str, Any]]]
    uids: dict[str, tuple[str, str, Key]]

    def _bucket(self, res: Resource) -> dict[Key, dict[str, Any]]: ...
    def _next_rv(self) -> str: ...
    def _emit(self, res: Resource, etype: str, obj: dict[str, Any], old: dict[str, Any] | None) -> None: ...
    def _existing(self, res: Resource, ns: str, name: str) -> tuple[Key, dict[str, Any]]: ...
    @staticmethod
    def _out(res: Resource, obj: dict[str, Any]) -> dict[str, Any]: ...

    def _dependents(self, uid: str) -> list[tuple[Resource, Key, dict[str, Any]]]:
        out = []
        for (group, resource), bucket in self.objects.items():
            for key, obj in bucket.items():
                if any(ref.get("uid") == uid for ref in obj["metadata"].get("ownerReferences") or []):
                    res = self._resource(group, resource)
                    if res is not None:
                        out.append((res, key, obj))
        return out

    def _resource(self, group: str, resource: str) -> Resource | None:
        for r in self.registry.all():
            if r.group == group and r.resource == resource:
                return r
        return None

    def delete(self, res: Resource, ns: str, name: str, options: dict[str, Any] | None) -> dict[str, Any]:
        """DELETE: the Status of a removed object, or the object when finalizers keep it."""
        with self.cond:
            key, obj = self._existing(res, ns, name)
            options = options or {}
            pre = options.get("preconditions") or {}
            if pre.get("uid") and pre["uid"] != obj["metadata"]["uid"]:
                raise errors.conflict(
                    res,
                    name,
                    f"Precondition failed: UID in precondition: {pre['uid']}, "
                    f"UID in object meta: {obj['metadata']['uid']}",
                )
            if pre.get("resourceVersion") and pre["resourceVersion"] != obj["metadata"]["resourceVersion"]:
                raise errors.conflict(
                    res,
                    name,
                    "Precondition failed: ResourceVersion in precondition: "
                    f"{pre['resourceVersion']}, ResourceVersion in object meta: "
                    f"{obj['metadata']['resourceVersion']}",
                )
            policy = options.get("propagationPolicy") or ""
            if not policy and options.get("orphanDependents") is not None:
                policy = "Orphan" if options["orphanDependents"] else "Background"
            if not policy:
                policy = "Orphan" if (res.group, res.kind) == ("batch", "Job") else "Background"
            if options.get("dryRun"):
                return self._out(res, obj)
            result = self._delete(res, key, obj, policy)
            self._gc()
            return result

    def _delete(self, res: Resource, key: Key, obj: dict[str, Any], policy: str) -> dict[str, Any]:
        meta = obj["metadata"]
        finalizers = list(meta.get("finalizers") or [])
        has_dependents = bool(self._dependents(meta["uid"]))
        if policy == "Foreground" and "foregroundDeletion" not in finalizers:
            finalizers.append("foregroundDeletion")
        if policy == "Orphan" and has_dependents and "orphan" not in finalizers:
            finalizers.append("orphan")
        namespace_pending = res.kind == "Namespace" and bool((obj.get("spec") or {}).get("finalizers"))
        if finalizers or namespace_pending:
            if meta.get("deletionTimestamp") and finalizers == list(meta.get("finalizers") or []):
                return self._out(res, obj)
            new = copy.deepcopy(obj)
            new["metadata"].setdefault("deletionTimestamp", now())
            new["metadata"].setdefault("deletionGracePeriodSeconds", 0)
            if finalizers:
                new["metadata"]["finalizers"] = finalizers
            if res.kind == "Namespace":
                new.setdefault("status", {})["phase"] = "Terminating"
            new["metadata"]["resourceVersion"] = self._next_rv()
            self._bucket(res)[key] = new
            self._emit(res, "MODIFIED", new, obj)
            return self._out(res, new)
        self._remove(res, key, obj)
        details: dict[str, Any] = {"name": meta["name"]}
        if res.group:
            details["group"] = res.group
        details.update({"kind": res.resource, "uid": meta["uid"]})
        return {"kind": "Status", "apiVersion": "v1", "metadata": {}, "status": "Success", "details": details}

    def _remove(self, res: Resource, key: Key, obj: dict[str, Any]) -> None:
        self._bucket(res).pop(key, None)
        self.uids.pop(obj["metadata"]["uid"], None)
        gone = copy.deepcopy(obj)
        gone["metadata"]["resourceVersion"] = self._next_rv()
        self._emit(res, "DELETED", gone, obj)
        if res.group == "apiextensions.k8s.io" and res.kind == "CustomResourceDefinition":
            self.registry.remove_crd(obj["metadata"]["name"])
            spec = obj.get("spec") or {}
            self.objects.pop((spec.get("group", ""), (spec.get("names") or {}).get("plural", "")), None)

    def _set(self, res: Resource, key: Key, old: dict[str, Any], new: dict[str, Any]) -> None:
        new["metadata"]["resourceVersion"] = self._next_rv()
        self._bucket(res)[key] = new
        self._emit(res, "MODIFIED", new, old)

    def _gc(self) -> None:
        """Garbage collector and namespace controller, run to a fixed point after deletions."""
        for _ in range(1000):
            changed = False
            for (group, resource), bucket in list(self.objects.items()):
                res = self._resource(group, resource)
                if res is None:
                    continue
                for key in list(bucket):
                    obj = bucket.get(key)  # earlier steps of this pass may have changed or removed it
                    if obj is None:
                        continue
                    meta = obj["metadata"]
                    if meta.get("deletionTimestamp"):
                        changed |= self._finalize(res, key, obj)
                    elif meta.get("ownerReferences") and not any(
                        ref.get("uid") in self.uids for ref in meta["ownerReferences"]
                    ):
                        self._delete(res, key, obj, "Background")
                        changed = True
            if not changed:
                return

    def _finalize(self, res: Resource, key: Key, obj: dict[str, Any]) -> bool:
        meta = obj["metadata"]
        finalizers = list(meta.get("finalizers") or [])
        uid = meta["uid"]
        if "foregroundDeletion" in finalizers:
            deps = self._dependents(uid)
            if deps:
                for dres, dkey, dobj in deps:
                    if not dobj["metadata"].get("deletionTimestamp"):
                        self._delete(dres, dkey, dobj, "Background")
                return bool([d for d in deps if not d[2]["metadata"].get("deletionTimestamp")])
            finalizers.remove("foregroundDeletion")
        elif "orphan" in finalizers:
            for dres, dkey, dobj in self._dependents(uid):
                new = copy.deepcopy(dobj)
                new["metadata"]["ownerReferences"] = [
                    r for r in dobj["metadata"]["ownerReferences"] if r.get("uid") != uid
                ]
                if not new["metadata"]["ownerReferences"]:
                    del new["metadata"]["ownerReferences"]
                self._set(dres, dkey, dobj, new)
            finalizers.remove("orphan")
        elif res.kind == "Namespace" and (obj.get("spec") or {}).get("finalizers"):
            ns = meta["name"]
            acted = False
            for (group, resource), bucket in list(self.objects.items()):
                r = self._resource(group, resource)
                if r is None or not r.namespaced:
                    continue
                for k, o in list(bucket.items()):
                    if k[0] == ns and not o["metadata"].get("deletionTimestamp"):
                        self._delete(r, k, o, "Background")
                        acted = True
            if any(k[0] == ns for b in self.objects.values() for k in b):
                return acted  # objects held by finalizers keep the namespace terminating
            new = copy.deepcopy(obj)
            new["spec"]["finalizers"] = []
            self._set(res, key, obj, new)
            obj = new
        if finalizers != list(meta.get("finalizers") or []):
            new = copy.deepcopy(obj)
            new["metadata"]["finalizers"] = finalizers
            if not finalizers:
                del new["metadata"]["finalizers"]
            self._set(res, key, obj, new)
            obj = new
        if not obj["metadata"].get("finalizers") and not (
            res.kind == "Namespace" and (obj.get("spec") or {}).get("finalizers")
        ):
            self._remove(res, key, obj)
            return True
        return finalizers != list(meta.get("finalizers") or [])

"""What the test server serves: every built-in resource of the reference discovery documents,
plus the kinds of established CustomResourceDefinitions, and the discovery documents for both
(legacy ``/api``, ``/apis``, ``/apis/<g>/<v>`` and the aggregated v2 lists)."""

from __future__ import annotations

import copy
import re
import threading
from dataclasses import dataclass, field
from typing import Any

from . import refdata, schema


@dataclass
class Resource:
    group: str
    version: str
    resource: str
    kind: str
    namespaced: bool
    verbs: list[str]
    singular: str = ""
    short_names: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    subresources: dict[str, list[str]] = field(default_factory=dict)  # name -> verbs
    crd: dict[str, Any] | None = None  # the CRD version entry for custom resources
    _schema: schema.Node | None = None

    @property
    def api_version(self) -> str:
        return f"{self.group}/{self.version}" if self.group else self.version

    @property
    def custom(self) -> bool:
        return self.crd is not None

    @property
    def tracks_generation(self) -> bool:
        """metadata.generation is kept for custom resources and non-core kinds with a status."""
        return self.custom or (self.group != "" and "status" in self.subresources)

    def schema(self) -> schema.Node:
        if self._schema is None:
            if self.crd is not None:
                self._schema = schema.custom((self.crd.get("schema") or {}).get("openAPIV3Schema"))
            else:
                self._schema = schema.builtin(self.group, self.version, self.kind)
        return self._schema


def _version_rank(version: str) -> tuple[int, int, int]:
    m = re.fullmatch(r"v(\d+)(?:(alpha|beta)(\d+))?", version)
    if not m:
        return (0, 0, 0)
    stage = {"alpha": 1, "beta": 2, None: 3}[m.group(2)]
    return (stage, int(m.group(1)), int(m.group(3) or 0))


class Registry:
    """Resources by group/version/plural; CRDs add and remove theirs. Thread-safe."""

    def __init__(self) -> None:
        self._lock = threading.RLock()
        self._builtin: dict[tuple[str, str, str], Resource] = {}
        self._custom: dict[str, list[Resource]] = {}  # CRD name -> resources (one per served version)
        self._load_builtin()

    def _load_builtin(self) -> None:
        docs = [refdata.load("discovery/api_v1.json")]
        for group in refdata.load("discovery/apis.json")["groups"]:
            for ver in group["versions"]:
                docs.append(refdata.load(refdata.discovery_file("apis/" + ver["groupVersion"])))
        for doc in docs:
            group, _, version = doc["groupVersion"].rpartition("/")
            subs: dict[str, dict[str, list[str]]] = {}
            for res in doc["resources"]:
                if "/" in res["name"]:
                    parent, sub = res["name"].split("/", 1)
                    subs.setdefault(parent, {})[sub] = list(res.get("verbs") or [])
            for res in doc["resources"]:
                if "/" in res["name"]:
                    continue
                self._builtin[(group, version, res["name"])] = Resource(
                    group=group,
                    version=version,
                    resource=res["name"],
                    kind=res["kind"],
                    namespaced=res["namespaced"],
                    verbs=list(res.get("verbs") or []),
                    singular=res.get("singularName", ""),
                    short_names=list(res.get("shortNames") or []),
                    categories=list(res.get("categories") or []),
                    subresources=subs.get(res["name"], {}),
                )

    # -- CRDs ------------------------------------------------------------------------------
    def add_crd(self, crd: dict[str, Any]) -> None:
        spec = crd.get("spec") or {}
        names = spec.get("names") or {}
        out = []
        for ver in spec.get("versions") or []:
            if not ver.get("served", True):
                continue
            subs = {}
            if (ver.get("subresources") or {}).get("status") is not None:
                subs["status"] = ["get", "patch", "update"]
            if (ver.get("subresources") or {}).get("scale") is not None:
                subs["scale"] = ["get", "patch", "update"]
            out.append(
                Resource(
                    group=spec.get("group", ""),
                    version=ver.get("name", ""),
                    resource=names.get("plural", ""),
                    kind=names.get("kind", ""),
                    namespaced=spec.get("scope") == "Namespaced",
                    verbs=["delete", "deletecollection", "get", "list", "patch", "create", "update", "watch"],
                    singular=names.get("singular", "") or names.get("kind", "").lower(),
                    short_names=list(names.get("shortNames") or []),
                    categories=list(names.get("categories") or []),
                    subresources=subs,
                    crd=copy.deepcopy(ver),
                )
            )
        out.sort(key=lambda r: _version_rank(r.version), reverse=True)
        with self._lock:
            self._custom[crd["metadata"]["name"]] = out

    def clear_crds(self) -> None:
        with self._lock:
            self._custom.clear()

    def remove_crd(self, name: str) -> None:
        with self._lock:
            self._custom.pop(name, None)

    # -- lookups ---------------------------------------------------------------------------
    def all(self) -> list[Resource]:
        with self._lock:
            return list(self._builtin.values()) + [r for rs in self._custom.values() for r in rs]

    def lookup(self, group: str, version: str, resource: str) -> Resource | None:
        with self._lock:
            found = self._builtin.get((group, version, resource))
            if found:
                return found
            for rs in self._custom.values():
                for r in rs:
                    if (r.group, r.version, r.resource) == (group, version, resource):
                        return r
        return None

    def by_kind(self, group: str, kind: str) -> Resource | None:
        for r in self.all():
            if r.group == group and r.kind == kind:
                return r
        return None

    def group_served(self, group: str, version: str) -> bool:
        return any(r.group == group and r.version == version for r in self.all())

    # -- discovery documents ---------------------------------------------------------------
    def _custom_groups(self) -> dict[str, dict[str, list[Resource]]]:
        groups: dict[str, dict[str, list[Resource]]] = {}
        with self._lock:
            for rs in self._custom.values():
                for r in rs:
                    groups.setdefault(r.group, {}).setdefault(r.version, []).append(r)
        return groups

    def apis(self) -> dict[str, Any]:
        doc = copy.deepcopy(refdata.load("discovery/apis.json"))
        for group, versions in self._custom_groups().items():
            ordered = sorted(versions, key=_version_rank, reverse=True)
            gvs = [{"groupVersion": f"{group}/{v}", "version": v} for v in ordered]
            doc["groups"].append({"name": group, "versions": gvs, "preferredVersion": gvs[0]})
        return doc

    def resource_list(self, group: str, version: str) -> dict[str, Any] | None:
        custom = self._custom_groups().get(group, {}).get(version)
        if custom:
            resources = []
            for r in custom:
                resources.append(
                    {
                        "name": r.resource,
                        "singularName": r.singular,
                        "namespaced": r.namespaced,
                        "kind": r.kind,
                        "verbs": r.verbs,
                        **({"shortNames": r.short_names} if r.short_names else {}),
                        **({"categories": r.categories} if r.categories else {}),
                    }
                )
                for sub, verbs in r.subresources.items():
                    resources.append(
                        {
                            "name": f"{r.resource}/{sub}",
                            "singularName": "",
                            "namespaced": r.namespaced,
                            "kind": r.kind,
                            "verbs": verbs,
                        }
                    )
            return {
                "kind": "APIResourceList",
                "apiVersion": "v1",
                "groupVersion": f"{group}/{version}",
                "resources": resources,
            }
        path = f"api/{version}" if not group else f"apis/{group}/{version}"
        try:
            return refdata.load(refdata.discovery_file(path))
        except FileNotFoundError:
            return None

    def aggregated(self, core: bool) -> dict[str, Any]:
        doc = copy.deepcopy(
            refdata.load("discovery/aggregated_api.json" if core else "discovery/aggregated_apis.json")
        )
        if core:
            return doc
        for group, versions in self._custom_groups().items():
            item = {"metadata": {"name": group}, "versions": []}
            for version in sorted(versions, key=_version_rank, reverse=True):
                resources = []
                for r in versions[version]:
                    entry: dict[str, Any] = {
                        "resource": r.resource,
                        "responseKind": {"group": "", "version": "", "kind": r.kind},
                        "scope": "Namespaced" if r.namespaced else "Cluster",
                        "singularResource": r.singular,
                        "verbs": r.verbs,
                    }
                    if r.short_names:
                        entry["shortNames"] = r.short_names
                    if r.categories:
                        entry["categories"] = r.categories
                    if r.subresources:
                        entry["subresources"] = [
                            {
                                "subresource": s,
                                "responseKind": {"group": "", "version": "", "kind": r.kind},
                                "verbs": v,
                            }
                            for s, v in r.subresources.items()
                        ]
                    resources.append(entry)
                item["versions"].append({"version": version, "resources": resources, "freshness": "Current"})
            doc["items"].append(item)
        return doc

"""Structural schema lookups for server-side apply and strategic merge patch.

Built-in kinds use the OpenAPI v3 documents of the reference data (``openapi-v3/``): a kind's
root schema carries ``x-kubernetes-group-version-kind``; properties point at other schemas with
``$ref`` or ``allOf: [{$ref}]`` and keep the list extensions (``x-kubernetes-list-type``,
``x-kubernetes-list-map-keys``, ``x-kubernetes-patch-merge-key``, ``x-kubernetes-patch-strategy``)
beside the reference. Custom resources use their CRD's ``openAPIV3Schema`` with the built-in
ObjectMeta for ``metadata``.

A :class:`Node` is a resolved schema position; ``Node(None)`` stands for "no schema" (maps are
granular, lists atomic, as structured-merge-diff deduces for untyped values).
"""

from __future__ import annotations

import functools
from typing import Any

from . import refdata

_META = "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"


class Node:
    """One position of a schema, with ``$ref`` / ``allOf`` resolved lazily."""

    __slots__ = ("_components", "raw")

    def __init__(self, raw: dict[str, Any] | None, components: dict[str, Any] | None = None) -> None:
        self._components = components or {}
        self.raw = self._resolve(raw) if raw is not None else None

    def _resolve(self, raw: dict[str, Any]) -> dict[str, Any]:
        out = dict(raw)
        refs = []
        if "$ref" in raw:
            refs.append(raw["$ref"])
        for sub in raw.get("allOf") or []:
            if isinstance(sub, dict) and "$ref" in sub:
                refs.append(sub["$ref"])
        for ref in refs:
            target = self._components.get(ref.rsplit("/", 1)[-1], {})
            target = self._resolve(target) if ("$ref" in target or "allOf" in target) else target
            for k, v in target.items():
                out.setdefault(k, v)
        out.pop("$ref", None)
        out.pop("allOf", None)
        return out

    def _child(self, raw: Any) -> Node:
        return Node(raw if isinstance(raw, dict) else None, self._components)

    def field(self, name: str) -> Node:
        """The schema of map key / struct field ``name``."""
        if self.raw is None:
            return Node(None)
        props = self.raw.get("properties") or {}
        if name in props:
            return self._child(props[name])
        extra = self.raw.get("additionalProperties")
        if isinstance(extra, dict):
            return self._child(extra)
        return Node(None)

    def items(self) -> Node:
        """The schema of list items."""
        return self._child(self.raw.get("items")) if self.raw else Node(None)

    @property
    def list_type(self) -> str:
        """``atomic`` (default), ``set`` or ``map``."""
        if self.raw is None:
            return "atomic"
        return str(
            self.raw.get("x-kubernetes-list-type")
            or ("map" if self.raw.get("x-kubernetes-list-map-keys") else "atomic")
        )

    @property
    def list_keys(self) -> list[str]:
        return list((self.raw or {}).get("x-kubernetes-list-map-keys") or [])

    @property
    def atomic_map(self) -> bool:
        return bool(self.raw and self.raw.get("x-kubernetes-map-type") == "atomic")

    @property
    def is_struct(self) -> bool:
        """A struct (fixed properties) rather than a map of arbitrary keys."""
        return bool(
            self.raw
            and self.raw.get("properties")
            and not isinstance(self.raw.get("additionalProperties"), dict)
        )

    @property
    def patch_merge_key(self) -> str:
        return str((self.raw or {}).get("x-kubernetes-patch-merge-key") or "")

    @property
    def patch_strategy(self) -> str:
        return str((self.raw or {}).get("x-kubernetes-patch-strategy") or "")

    @property
    def default(self) -> Any:
        return (self.raw or {}).get("default")


@functools.cache
def _components(doc_path: str) -> dict[str, Any]:
    try:
        doc = refdata.load(doc_path)
    except FileNotFoundError:
        return {}
    return doc.get("components", {}).get("schemas", {})


@functools.cache
def _gvk_index(doc_path: str) -> dict[tuple[str, str, str], str]:
    out = {}
    for name, schema in _components(doc_path).items():
        for gvk in schema.get("x-kubernetes-group-version-kind") or []:
            out[(gvk.get("group", ""), gvk.get("version", ""), gvk.get("kind", ""))] = name
    return out


def builtin(group: str, version: str, kind: str) -> Node:
    """The root schema of a built-in kind, or ``Node(None)`` when the documents do not have it."""
    doc = refdata.openapi_v3_file(f"apis/{group}/{version}" if group else f"api/{version}")
    comps = _components(doc)
    name = _gvk_index(doc).get((group, version, kind))
    if name is None:
        return Node(None)
    return Node(comps[name], comps)


def custom(openapi_v3_schema: dict[str, Any] | None) -> Node:
    """The root schema of a custom resource from its CRD version's ``openAPIV3Schema``."""
    core = _components(refdata.openapi_v3_file("api/v1"))
    raw = dict(openapi_v3_schema or {})
    props = dict(raw.get("properties") or {})
    props["metadata"] = {"$ref": f"#/components/schemas/{_META}"}
    raw["properties"] = props
    return Node(raw, core)

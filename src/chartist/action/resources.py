"""Kubernetes objects of a release: building them from manifests, ownership, adoption, diffs.

What Helm does with ``KubeClient.Build`` and ``pkg/action/validate.go``, over plain dicts:

* :func:`build` turns a manifest stream into :class:`Resource` objects as kubectl's builder
  does: documents split on ``---`` lines, ``List`` kinds flattened, every kind mapped through
  discovery (an unserved kind is Helm's "resource mapping not found" error), the default
  namespace filled in for namespaced kinds and removed from cluster-scoped ones. Numbers come
  back as Go's JSON writes them (a YAML ``3`` is sent as ``3``, never ``3.0``).
* :func:`set_ownership` stamps ``app.kubernetes.io/managed-by: Helm`` and the
  ``meta.helm.sh/release-name`` / ``release-namespace`` annotations (Helm's setMetadataVisitor).
* :func:`existing_resource_conflict` refuses objects that exist and belong to someone else
  (Helm's wording); :func:`require_adoption` (``--take-ownership``) returns them to adopt.
* :func:`difference` and :func:`keep_policy` are the pieces of the create/update/delete diff
  between two revisions; :mod:`chartist.action.apply` sends the changes.

Hand-written: the kubectl builder and Helm's visitors are Go; no Python library reads
manifests with Helm's namespace and ownership rules.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from chartist.errors import ChartistError
from chartist.kube.client import KubeClient
from chartist.kube.errors import KubeError, NotFound, ResourceNotMapped

__all__ = [
    "MANAGED_BY_LABEL",
    "RELEASE_NAMESPACE_ANNOTATION",
    "RELEASE_NAME_ANNOTATION",
    "RESOURCE_POLICY_ANNOTATION",
    "BuildError",
    "OwnershipError",
    "Resource",
    "build",
    "check_ownership",
    "difference",
    "existing_resource_conflict",
    "from_json",
    "keep_policy",
    "require_adoption",
    "set_ownership",
    "to_json",
]

MANAGED_BY_LABEL = "app.kubernetes.io/managed-by"
MANAGED_BY_HELM = "Helm"
RELEASE_NAME_ANNOTATION = "meta.helm.sh/release-name"
RELEASE_NAMESPACE_ANNOTATION = "meta.helm.sh/release-namespace"
RESOURCE_POLICY_ANNOTATION = "helm.sh/resource-policy"
KEEP_POLICY = "keep"

# Go's JSON writes integral float64 values without a fraction below 1e21 (then in e-notation).
_INT_FLOAT_LIMIT = 1e21


class BuildError(ChartistError):
    """A manifest could not be turned into Kubernetes objects."""


class OwnershipError(ChartistError):
    """An object exists in the cluster and does not belong to this release."""


@dataclass(slots=True)
class Resource:
    """One object of a release: the body to send and where it lives.

    ``namespace`` is empty for cluster-scoped kinds. ``group`` and ``version`` come from the
    object's apiVersion (what discovery resolved it to).
    """

    obj: dict[str, Any]
    api_version: str
    kind: str
    name: str
    namespace: str
    namespaced: bool
    group: str

    @property
    def key(self) -> tuple[str, str, str, str]:
        """Helm's isMatchingInfo identity: group, kind, namespace, name (the version is ignored)."""
        return (self.group, self.kind, self.namespace, self.name)

    @property
    def versioned_key(self) -> tuple[str, str, str, str]:
        """Helm's objectKey for the upgrade diff: apiVersion, kind, namespace, name."""
        return (self.api_version, self.kind, self.namespace, self.name)

    @property
    def gvk(self) -> str:
        """Go's GroupVersionKind.String(): ``apps/v1, Kind=Deployment``, ``/v1, Kind=ConfigMap``."""
        version = self.api_version.rpartition("/")[2]
        return f"{self.group}/{version}, Kind={self.kind}"

    @property
    def generate_name(self) -> str:
        return str((self.obj.get("metadata") or {}).get("generateName") or "")

    def describe(self) -> str:
        """Helm's resourceString: ``Deployment "web" in namespace "default"``."""
        return f"{self.kind} {_q(self.name)} in namespace {_q(self.namespace)}"

    def ref(self) -> dict[str, Any]:
        """A minimal object (apiVersion, kind, name, namespace) for waits and deletes."""
        meta: dict[str, Any] = {"name": self.name}
        if self.namespace:
            meta["namespace"] = self.namespace
        return {"apiVersion": self.api_version, "kind": self.kind, "metadata": meta}


def _q(s: str) -> str:
    from chartist.storage.driver.base import go_quote

    return go_quote(s)


def to_json(v: Any) -> Any:
    """V (a YAML value as Helm reads values: every number a float) as Go's JSON text carries it.

    Integral floats become ints, so ``replicas: 3`` is sent as ``3``; Kubernetes refuses
    ``3.0`` for integer fields.
    """
    if isinstance(v, float):
        if v.is_integer() and abs(v) < _INT_FLOAT_LIMIT:
            return int(v)
        return v
    if isinstance(v, dict):
        return {k: to_json(x) for k, x in v.items()}
    if isinstance(v, list):
        return [to_json(x) for x in v]
    return v


def from_json(v: Any) -> Any:
    """A server object in Go's value model, as Helm's ``lookup`` hands it to templates.

    Unstructured decoding makes every JSON integer an ``int64`` and keeps other numbers
    ``float64``.
    """
    from chartist.gotemplate.values import Int64

    if isinstance(v, bool) or v is None or isinstance(v, str):
        return v
    if isinstance(v, int):
        return Int64(v)
    if isinstance(v, dict):
        return {k: from_json(x) for k, x in v.items()}
    if isinstance(v, list):
        return [from_json(x) for x in v]
    return v


def _documents(text: str) -> list[str]:
    from chartist.goyaml import YAMLError, split_documents

    try:
        return [
            d.decode("utf-8", "surrogateescape")
            for d in split_documents(text.encode("utf-8", "surrogateescape"))
        ]
    except YAMLError as err:
        raise BuildError(str(err)) from err


def _flatten(obj: Any, out: list[dict[str, Any]]) -> None:
    if not isinstance(obj, dict):
        return
    kind = obj.get("kind")
    items = obj.get("items")
    if isinstance(kind, str) and kind.endswith("List") and isinstance(items, list):
        for item in items:
            _flatten(item, out)
        return
    out.append(obj)


def _check_shape(obj: dict[str, Any]) -> None:
    missing = [f for f in ("apiVersion", "kind") if not isinstance(obj.get(f), str) or not obj.get(f)]
    if missing:
        from chartist.goyaml import dump_json

        what = "Kind" if "kind" in missing else "apiVersion"
        raise BuildError(f"Object '{what}' is missing in '{dump_json(obj)}'")


def build(kube: KubeClient, manifest: str, namespace: str) -> list[Resource]:
    """The objects of MANIFEST (a ``---`` separated stream), in order, mapped through discovery.

    NAMESPACE is filled in for namespaced kinds without one. Raises BuildError for YAML that
    does not parse, objects without apiVersion/kind, and kinds the cluster does not serve
    (``resource mapping not found for name: ...``); other API errors propagate.
    """
    from chartist.goyaml import YAMLError, load

    out: list[Resource] = []
    for doc in _documents(manifest):
        try:
            value = load(doc)
        except YAMLError as err:
            raise BuildError(f"error parsing : {err}") from err
        objs: list[dict[str, Any]] = []
        _flatten(value, objs)
        for raw in objs:
            obj = to_json(raw)
            _check_shape(obj)
            out.append(_resource(kube, obj, namespace))
    return out


def _resource(kube: KubeClient, obj: dict[str, Any], namespace: str) -> Resource:
    api_version, kind = str(obj["apiVersion"]), str(obj["kind"])
    meta = obj.get("metadata")
    if not isinstance(meta, dict):
        meta = {}
        obj["metadata"] = meta
    name = meta.get("name")
    name = name if isinstance(name, str) else ""
    own_ns = meta.get("namespace")
    own_ns = own_ns if isinstance(own_ns, str) else ""
    try:
        mapping = kube.mapping(api_version, kind)
    except ResourceNotMapped as err:
        raise BuildError(
            f"resource mapping not found for name: {_q(name)} namespace: {_q(own_ns)} from {_q('')}: "
            f"no matches for kind {_q(kind)} in version {_q(api_version)}\nensure CRDs are installed first"
        ) from err
    if mapping.namespaced:
        ns = own_ns or namespace
        meta["namespace"] = ns
    else:
        ns = ""
        meta.pop("namespace", None)
    return Resource(obj, api_version, kind, name, ns, mapping.namespaced, mapping.group)


def set_ownership(resources: Iterable[Resource], release_name: str, release_namespace: str) -> None:
    """Stamp Helm's ownership label and annotations on every object (overwriting other values)."""
    for r in resources:
        meta = r.obj.setdefault("metadata", {})
        labels = meta.get("labels")
        if not isinstance(labels, dict):
            labels = {}
        labels[MANAGED_BY_LABEL] = MANAGED_BY_HELM
        meta["labels"] = labels
        ann = meta.get("annotations")
        if not isinstance(ann, dict):
            ann = {}
        ann[RELEASE_NAME_ANNOTATION] = release_name
        ann[RELEASE_NAMESPACE_ANNOTATION] = release_namespace
        meta["annotations"] = ann


def _require(values: Mapping[str, Any], key: str, want: str) -> str | None:
    if key not in values:
        return f"missing key {_q(key)}: must be set to {_q(want)}"
    actual = values[key]
    if actual != want:
        return f"key {_q(key)} must equal {_q(want)}: current value is {_q(str(actual))}"
    return None


def check_ownership(obj: Mapping[str, Any], release_name: str, release_namespace: str) -> None:
    """Raise OwnershipError (Helm's ``invalid ownership metadata; ...``) unless OBJ is this release's."""
    meta = obj.get("metadata") or {}
    labels = meta.get("labels") or {}
    ann = meta.get("annotations") or {}
    errs: list[str] = []
    problem = _require(labels, MANAGED_BY_LABEL, MANAGED_BY_HELM)
    if problem:
        errs.append(f"label validation error: {problem}")
    for key, want in (
        (RELEASE_NAME_ANNOTATION, release_name),
        (RELEASE_NAMESPACE_ANNOTATION, release_namespace),
    ):
        problem = _require(ann, key, want)
        if problem:
            errs.append(f"annotation validation error: {problem}")
    if errs:
        raise OwnershipError("invalid ownership metadata; " + "; ".join(errs))


def _uses_generate_name(r: Resource) -> bool:
    """Helm's validateNameAndGenerateName: True for generateName objects (never conflicting)."""
    if r.generate_name:
        if r.name:
            raise BuildError("metadata.name and metadata.generateName cannot both be set")
        return True
    return False


def _live(kube: KubeClient, r: Resource) -> dict[str, Any] | None:
    try:
        return kube.get(r.api_version, r.kind, r.name, r.namespace)
    except NotFound:
        return None
    except KubeError as err:
        raise BuildError(f"could not get information about the resource {r.describe()}: {err}") from err


def existing_resource_conflict(
    kube: KubeClient, resources: Iterable[Resource], release_name: str, release_namespace: str
) -> list[Resource]:
    """The RESOURCES that already exist and belong to this release (to update, not create).

    Raises OwnershipError ``KIND "NAME" in namespace "NS" exists and cannot be imported into
    the current release: invalid ownership metadata; ...`` at the first foreign object.
    """
    found: list[Resource] = []
    for r in resources:
        if _uses_generate_name(r):
            continue
        live = _live(kube, r)
        if live is None:
            continue
        try:
            check_ownership(live, release_name, release_namespace)
        except OwnershipError as err:
            raise OwnershipError(
                f"{r.describe()} exists and cannot be imported into the current release: {err}"
            ) from err
        found.append(r)
    return found


def require_adoption(kube: KubeClient, resources: Iterable[Resource]) -> list[Resource]:
    """``--take-ownership``: the RESOURCES that already exist, whoever owns them."""
    found: list[Resource] = []
    for r in resources:
        if _uses_generate_name(r):
            continue
        if _live(kube, r) is not None:
            found.append(r)
    return found


def difference(a: Iterable[Resource], b: Iterable[Resource]) -> list[Resource]:
    """Objects of A with no match (group, kind, namespace, name) in B, in A's order."""
    keys = {r.key for r in b}
    return [r for r in a if r.key not in keys]


def keep_policy(annotations: Mapping[str, Any] | None) -> bool:
    """True when ``helm.sh/resource-policy`` says ``keep`` (Helm trims and lowercases it)."""
    if not annotations:
        return False
    value = annotations.get(RESOURCE_POLICY_ANNOTATION)
    return isinstance(value, str) and value.strip().lower() == KEEP_POLICY

"""Sending a release's objects to the cluster: create, update (diff) and delete, as Helm v4 does.

:class:`Applier` is Helm's ``kube.Client`` Create/Update/Delete over a :class:`KubeClient`:

* **server-side apply** (Helm v4's default): every object is applied with field manager
  ``helm``; ``force_conflicts`` takes over fields other managers own. When a release recorded
  with client-side apply moves to server-side apply, the ``helm`` Update entries of each live
  object's managedFields are first turned into its Apply entry (client-go's csaupgrade), so
  fields Helm set before are not left owned twice.
* **client-side apply** (releases recorded with ``apply_method: csa``, ``--server-side=false``):
  creation is a POST; an update is a three-way JSON merge patch computed from the previous
  manifest, the new manifest and the live object (fields the chart stopped setting are
  removed, fields it sets are restored, fields it never set are left alone). Helm sends a
  strategic merge patch for built-in kinds; chartist sends a JSON merge patch, so lists are
  replaced rather than merged by key (a list entry added by someone else is dropped when the
  chart changes that list). Custom resources get Helm's two-way patch unless ``three_way_merge``.
* ``force_replace``: objects are replaced (PUT) instead of patched.

Objects of one kind are sent concurrently, kinds one after another in the order given
(Helm's batchPerform). Updates are sequential, deletions of objects the new revision dropped
come last and spare objects marked ``helm.sh/resource-policy: keep``.
"""

from __future__ import annotations

import concurrent.futures
import copy
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from chartist.action.resources import Resource, difference, keep_policy
from chartist.errors import ChartistError
from chartist.kube.client import JSON_PATCH, MERGE_PATCH, KubeClient
from chartist.kube.errors import AlreadyExists, Conflict, KubeError, NotFound, UnsupportedMediaType

__all__ = [
    "FIELD_MANAGER",
    "Applier",
    "ApplyError",
    "ApplyOptions",
    "UpdateResult",
    "three_way_merge_patch",
    "two_way_merge_patch",
]

#: Helm's field manager (``kube.ManagedFieldsManager`` set by the helm binary).
FIELD_MANAGER = "helm"
#: Most objects of one kind sent at once (Helm starts a goroutine per object; the client
#: throttles). Bounded here so a 1,000-object chart does not start 1,000 threads.
MAX_PARALLEL = 16
#: client-go's retry.DefaultRetry: 5 attempts, 10 ms apart, growing.
_CONFLICT_RETRIES = 5

# Groups whose kinds client-go's scheme knows: Helm patches them with a strategic merge patch
# computed three ways; everything else (custom resources, CRDs) is "unstructured".
_BUILTIN_GROUPS = frozenset(
    """ admissionregistration.k8s.io internal.apiserver.k8s.io apps authentication.k8s.io
    authorization.k8s.io autoscaling batch certificates.k8s.io coordination.k8s.io discovery.k8s.io
    events.k8s.io extensions flowcontrol.apiserver.k8s.io networking.k8s.io node.k8s.io policy
    rbac.authorization.k8s.io resource.k8s.io scheduling.k8s.io storage.k8s.io
    storagemigration.k8s.io""".split()
) | {""}

T = TypeVar("T")


class ApplyError(ChartistError):
    """Sending objects failed; ``result`` holds what was created/updated/deleted before."""

    def __init__(self, message: str, result: UpdateResult | None = None) -> None:
        super().__init__(message)
        self.result = result or UpdateResult()


@dataclass(slots=True)
class UpdateResult:
    """What an update did (Helm's kube.Result)."""

    created: list[Resource] = field(default_factory=list)
    updated: list[Resource] = field(default_factory=list)
    deleted: list[Resource] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class ApplyOptions:
    """How objects are written (see the module docstring)."""

    server_side: bool = True
    force_conflicts: bool = False
    force_replace: bool = False
    three_way_merge: bool = False
    upgrade_csa_manager: bool = False

    def check(self) -> None:
        """Raise ApplyError for combinations Helm refuses, with Helm's messages."""
        if self.force_conflicts and not self.server_side:
            raise ApplyError(
                "invalid client update option(s): forceConflicts enabled when serverSideApply disabled"
            )
        if self.three_way_merge and self.server_side:
            raise ApplyError(
                "invalid operation: cannot use three-way merge for unstructured and server-side apply together"
            )
        if self.force_conflicts and self.force_replace:
            raise ApplyError("invalid operation: cannot use force conflicts and force replace together")
        if self.server_side and self.force_replace:
            raise ApplyError("invalid operation: cannot use server-side apply and force replace together")


def _batches(items: Sequence[Resource]) -> list[list[Resource]]:
    """Runs of consecutive objects of one kind."""
    out: list[list[Resource]] = []
    for r in items:
        if out and out[-1][0].kind == r.kind:
            out[-1].append(r)
        else:
            out.append([r])
    return out


def _perform(
    items: Sequence[Resource], fn: Callable[[Resource], T]
) -> list[tuple[Resource, T | BaseException]]:
    """FN on every item, one kind at a time, items of a kind concurrently; results in item order."""
    results: list[tuple[Resource, T | BaseException]] = []
    for batch in _batches(items):
        if len(batch) == 1:
            try:
                results.append((batch[0], fn(batch[0])))
            except ChartistError as err:
                results.append((batch[0], err))
            continue
        with concurrent.futures.ThreadPoolExecutor(max_workers=min(MAX_PARALLEL, len(batch))) as pool:
            futures = [pool.submit(fn, r) for r in batch]
            for r, fut in zip(batch, futures, strict=True):
                try:
                    results.append((r, fut.result()))
                except ChartistError as err:
                    results.append((r, err))
    return results


def _retry_on_conflict(fn: Callable[[], T]) -> T:
    delay = 0.01
    for attempt in range(_CONFLICT_RETRIES):
        try:
            return fn()
        except AlreadyExists:
            raise
        except Conflict:
            if attempt == _CONFLICT_RETRIES - 1:
                raise
            time.sleep(delay)
            delay *= 1.5
    raise AssertionError("unreachable")


# -- merge patches --------------------------------------------------------------------------------
def two_way_merge_patch(original: Any, modified: Any) -> Any:
    """RFC 7386 merge patch turning ORIGINAL into MODIFIED (keys removed become ``None``)."""
    if not isinstance(original, dict) or not isinstance(modified, dict):
        return copy.deepcopy(modified)
    patch: dict[str, Any] = {}
    for key, value in modified.items():
        if key not in original:
            patch[key] = copy.deepcopy(value)
        elif original[key] != value:
            if isinstance(value, dict) and isinstance(original[key], dict):
                patch[key] = two_way_merge_patch(original[key], value)
            else:
                patch[key] = copy.deepcopy(value)
    for key in original:
        if key not in modified:
            patch[key] = None
    return patch


def _keep_nulls(patch: Any, keep: bool) -> Any:
    """Only the deletions (KEEP) or only the additions and changes (not KEEP) of a merge patch."""
    out: dict[str, Any] = {}
    for key, value in patch.items():
        if value is None:
            if keep:
                out[key] = None
        elif isinstance(value, dict):
            sub = _keep_nulls(value, keep)
            if sub or (not keep and not value):
                out[key] = sub
        elif not keep:
            out[key] = value
    return out


def _merge(base: dict[str, Any], overlay: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in overlay.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = value
    return out


def three_way_merge_patch(
    original: dict[str, Any], modified: dict[str, Any], current: dict[str, Any]
) -> dict[str, Any]:
    """apimachinery's CreateThreeWayJSONMergePatch: changes from CURRENT to MODIFIED (no
    deletions) plus the deletions from ORIGINAL to MODIFIED."""
    changes = _keep_nulls(two_way_merge_patch(current, modified), keep=False)
    deletions = _keep_nulls(two_way_merge_patch(original, modified), keep=True)
    return _merge(deletions, changes)


# -- client-side field manager upgrade -----------------------------------------------------------
def _union(a: Any, b: Any) -> Any:
    if not isinstance(a, dict) or not isinstance(b, dict):
        return copy.deepcopy(b if b is not None else a)
    out = copy.deepcopy(a)
    for key, value in b.items():
        out[key] = _union(out.get(key), value)
    return out


def csa_upgrade_patch(live: dict[str, Any], manager: str) -> list[dict[str, Any]] | None:
    """client-go's UpgradeManagedFieldsPatch: a JSON patch moving MANAGER's client-side
    (``Update``) field ownership into its ``Apply`` entry; None when there is nothing to move."""
    meta = live.get("metadata") or {}
    entries = meta.get("managedFields") or []
    csa = [
        e
        for e in entries
        if e.get("manager") == manager and e.get("operation") == "Update" and not e.get("subresource")
    ]
    if not csa:
        return None
    ssa = next((e for e in entries if e.get("manager") == manager and e.get("operation") == "Apply"), None)
    fields: Any = copy.deepcopy(ssa.get("fieldsV1") or {}) if ssa else {}
    for e in csa:
        fields = _union(fields, e.get("fieldsV1") or {})
    new_entry = (
        dict(ssa)
        if ssa
        else {
            "manager": manager,
            "operation": "Apply",
            "apiVersion": csa[0].get("apiVersion") or live.get("apiVersion"),
            "fieldsType": "FieldsV1",
        }
    )
    new_entry["fieldsV1"] = fields
    if "time" in csa[0] and "time" not in new_entry:
        new_entry["time"] = csa[0]["time"]
    kept = [e for e in entries if e not in csa and e is not ssa]
    return [
        {"op": "test", "path": "/metadata/resourceVersion", "value": meta.get("resourceVersion", "")},
        {"op": "replace", "path": "/metadata/managedFields", "value": [new_entry, *kept]},
    ]


# -- the applier -----------------------------------------------------------------------------------
@dataclass
class Applier:
    """Creates, updates and deletes release objects through KUBE (see the module docstring)."""

    kube: KubeClient
    field_manager: str = FIELD_MANAGER

    # one object ------------------------------------------------------------------------------
    def _apply(self, r: Resource, force: bool) -> None:
        try:
            self.kube.apply(r.obj, field_manager=self.field_manager, force=force, namespace=r.namespace)
        except UnsupportedMediaType as err:
            raise ApplyError(f"server-side apply not available on the server: {err}") from err
        except Conflict as err:
            raise ApplyError(
                f"conflict occurred while applying object {r.namespace}/{r.name} {r.gvk}: {err}"
            ) from err
        except KubeError as err:
            raise ApplyError(
                f"server-side apply failed for object {r.namespace}/{r.name} {r.gvk}: {err}"
            ) from err

    def _create_csa(self, r: Resource) -> None:
        _retry_on_conflict(
            lambda: self.kube.create(r.obj, namespace=r.namespace, field_manager=self.field_manager)
        )

    def _creator(self, opts: ApplyOptions) -> Callable[[Resource], None]:
        if opts.server_side:
            return lambda r: self._apply(r, opts.force_conflicts)
        return self._create_csa

    def _replace(self, r: Resource, live: dict[str, Any]) -> None:
        obj = copy.deepcopy(r.obj)
        rv = (live.get("metadata") or {}).get("resourceVersion")
        if rv and not (obj.get("metadata") or {}).get("resourceVersion"):
            obj.setdefault("metadata", {})["resourceVersion"] = rv
        try:
            self.kube.replace(obj, namespace=r.namespace, field_manager=self.field_manager)
        except KubeError as err:
            raise ApplyError(f"failed to replace object: {err}") from err

    def _upgrade_csa(self, r: Resource) -> None:
        def attempt() -> None:
            try:
                live = self.kube.get(r.api_version, r.kind, r.name, r.namespace)
            except KubeError as err:
                raise ApplyError(f"failed to get object {r.namespace}/{r.name} {r.gvk}: {err}") from err
            patch = csa_upgrade_patch(live, self.field_manager)
            if patch is None:
                return
            self.kube.patch(
                r.api_version, r.kind, r.name, patch, patch_type=JSON_PATCH, namespace=r.namespace,
                field_manager=self.field_manager,
            )  # fmt: skip

        try:
            _retry_on_conflict(attempt)
        except KubeError as err:
            raise ApplyError(
                f"failed to patch object to upgrade CSA field manager {r.namespace}/{r.name} {r.gvk}: {err}"
            ) from err

    def _patch_csa(self, original: Resource, r: Resource, live: dict[str, Any], three_way: bool) -> None:
        if r.group in _BUILTIN_GROUPS or three_way:
            if three_way and r.group not in _BUILTIN_GROUPS:
                for key in ("apiVersion", "kind"):
                    if original.obj.get(key) != r.obj.get(key):
                        raise ApplyError(
                            "failed to create patch: precondition failed: at least one field was changed: "
                            "apiVersion, kind or name"
                        )
            patch = three_way_merge_patch(original.obj, r.obj, live)
        else:
            patch = two_way_merge_patch(original.obj, r.obj)
        if not patch:
            return
        try:
            self.kube.patch(
                r.api_version, r.kind, r.name, patch, patch_type=MERGE_PATCH, namespace=r.namespace,
                field_manager=self.field_manager,
            )  # fmt: skip
        except KubeError as err:
            raise ApplyError(f"cannot patch {_q(r.name)} with kind {r.kind}: {err}") from err

    # Helm's Create / Update / Delete ----------------------------------------------------------
    def create(self, resources: Sequence[Resource], opts: ApplyOptions) -> None:
        """Create (or apply) every object; raises ApplyError joining every failure."""
        opts.check()
        creator = self._creator(opts)
        errors = [res for _, res in _perform(resources, creator) if isinstance(res, BaseException)]
        if errors:
            raise ApplyError("\n".join(str(e) for e in errors))

    def update(
        self, originals: Sequence[Resource], targets: Sequence[Resource], opts: ApplyOptions
    ) -> UpdateResult:
        """Bring the cluster from ORIGINALS to TARGETS: create the new, update the rest, delete
        what TARGETS dropped (unless kept). Raises ApplyError carrying the partial result."""
        opts.check()
        result = UpdateResult()
        creator = self._creator(opts)
        by_key = {o.key: o for o in originals}
        errors: list[str] = []
        for target in targets:
            try:
                live = self.kube.get(target.api_version, target.kind, target.name, target.namespace)
            except NotFound:
                result.created.append(target)
                try:
                    creator(target)
                except (ApplyError, KubeError) as err:
                    raise ApplyError(f"failed to create resource: {err}", result) from err
                continue
            except KubeError as err:
                raise ApplyError(f"could not get information about the resource: {err}", result) from err
            original = by_key.get(target.key)
            if (
                original is None
            ):  # on the cluster but not in the old revision: the live object is the baseline
                original = Resource(live, target.api_version, target.kind, target.name, target.namespace,
                                    target.namespaced, target.group)  # fmt: skip
            try:
                self._update_one(original, target, live, opts)
            except (ApplyError, KubeError) as err:
                errors.append(str(err))
            result.updated.append(target)
        if errors:
            raise ApplyError(" && ".join(errors), result)
        for gone in difference(originals, targets):
            try:
                live = self.kube.get(gone.api_version, gone.kind, gone.name, gone.namespace)
            except KubeError:
                continue
            if keep_policy((live.get("metadata") or {}).get("annotations")):
                continue
            try:
                _retry_on_conflict(
                    lambda g=gone: self.kube.delete(  # type: ignore[misc]
                        g.api_version, g.kind, g.name, g.namespace, propagation_policy="Background"
                    )
                )
            except NotFound:
                continue
            except KubeError as err:
                errors.append(
                    f"failed to delete resource namespace={gone.namespace}, name={gone.name}, kind={gone.kind}: {err}"
                )
                continue
            result.deleted.append(gone)
        if errors:
            raise ApplyError(" && ".join(errors), result)
        return result

    def _update_one(
        self, original: Resource, target: Resource, live: dict[str, Any], opts: ApplyOptions
    ) -> None:
        if opts.force_replace:
            self._replace(target, live)
        elif opts.server_side:
            if opts.upgrade_csa_manager:
                self._upgrade_csa(original)
            self._apply(target, opts.force_conflicts)
        else:
            self._patch_csa(original, target, live, opts.three_way_merge)

    def delete(
        self, resources: Sequence[Resource], policy: str = "Background"
    ) -> tuple[list[Resource], list[str]]:
        """Delete every object with propagation POLICY; returns (deleted or already gone, errors)."""

        def one(r: Resource) -> None:
            _retry_on_conflict(
                lambda: self.kube.delete(
                    r.api_version, r.kind, r.name, r.namespace, propagation_policy=policy, missing_ok=True
                )
            )

        deleted: list[Resource] = []
        errors: list[str] = []
        for r, res in _perform(resources, one):
            if isinstance(res, BaseException):
                errors.append(str(res))
            else:
                deleted.append(r)
        return deleted, errors


def _q(s: str) -> str:
    from chartist.storage.driver.base import go_quote

    return go_quote(s)


def matching(resources: Iterable[Resource], keys: Iterable[tuple[str, str, str, str]]) -> list[Resource]:
    """The RESOURCES whose identity is in KEYS."""
    wanted = set(keys)
    return [r for r in resources if r.key in wanted]

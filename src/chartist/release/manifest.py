"""Splitting rendered templates into manifests and hooks, in Helm's install order.

Mirrors Helm's ``releaseutil``: files in path order, documents split on ``---`` lines, each
document's head (apiVersion, kind, metadata.name/annotations) read as Helm reads it (a
non-string annotation is an error, as in Go's JSON decoding), hooks recognised by
``helm.sh/hook``, then a stable sort by kind.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from chartist.errors import ChartistError
from chartist.release.model import HOOK_EVENTS, Hook

__all__ = [
    "INSTALL_ORDER",
    "UNINSTALL_ORDER",
    "Manifest",
    "ManifestError",
    "SimpleHead",
    "sort_manifests",
    "split_manifests",
]

HOOK_ANNOTATION = "helm.sh/hook"
HOOK_WEIGHT_ANNOTATION = "helm.sh/hook-weight"
HOOK_DELETE_ANNOTATION = "helm.sh/hook-delete-policy"
HOOK_OUTPUT_LOG_ANNOTATION = "helm.sh/hook-output-log-policy"

INSTALL_ORDER: tuple[str, ...] = (
    "PriorityClass", "Namespace", "NetworkPolicy", "ResourceQuota", "LimitRange",
    "PodSecurityPolicy", "PodDisruptionBudget", "ServiceAccount", "Secret", "SecretList",
    "ConfigMap", "StorageClass", "PersistentVolume", "PersistentVolumeClaim",
    "CustomResourceDefinition", "ClusterRole", "ClusterRoleList", "ClusterRoleBinding",
    "ClusterRoleBindingList", "Role", "RoleList", "RoleBinding", "RoleBindingList", "Service",
    "DaemonSet", "Pod", "ReplicationController", "ReplicaSet", "Deployment",
    "HorizontalPodAutoscaler", "StatefulSet", "Job", "CronJob", "IngressClass", "Ingress",
    "APIService", "MutatingWebhookConfiguration", "ValidatingWebhookConfiguration",
)  # fmt: skip

UNINSTALL_ORDER: tuple[str, ...] = (
    "ValidatingWebhookConfiguration", "MutatingWebhookConfiguration", "APIService", "Ingress",
    "IngressClass", "Service", "CronJob", "Job", "StatefulSet", "HorizontalPodAutoscaler",
    "Deployment", "ReplicaSet", "ReplicationController", "Pod", "DaemonSet", "RoleBindingList",
    "RoleBinding", "RoleList", "Role", "ClusterRoleBindingList", "ClusterRoleBinding",
    "ClusterRoleList", "ClusterRole", "CustomResourceDefinition", "PersistentVolumeClaim",
    "PersistentVolume", "StorageClass", "ConfigMap", "SecretList", "Secret", "ServiceAccount",
    "PodDisruptionBudget", "PodSecurityPolicy", "LimitRange", "ResourceQuota", "NetworkPolicy",
    "Namespace", "PriorityClass",
)  # fmt: skip

_ATOI = re.compile(r"[+-]?[0-9]+\Z")  # what Go's strconv.Atoi accepts
# Helm v4.2's separator: "---" at the start or after a newline, with the whitespace around it
# (Go's \s is [\t\n\f\r ]); "---apiVersion: v1" is split too, as Helm does.
_SEP = re.compile(r"(?:^|[\t\n\f\r ]*\n)---[\t\n\f\r ]*")
# Go's unicode.IsSpace set, for TrimLeftFunc.
_GO_SPACE = "\t\n\v\f\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"


class ManifestError(ChartistError):
    """A rendered manifest is not valid YAML or its head has the wrong shape."""


@dataclass(frozen=True, slots=True)
class SimpleHead:
    """The parts of a document Helm reads before installing it."""

    version: str = ""
    kind: str = ""
    name: str | None = None
    annotations: Mapping[str, str] | None = None


@dataclass(frozen=True, slots=True)
class Manifest:
    """One document of a rendered template (``name`` is the template path)."""

    name: str
    content: str
    head: SimpleHead


def split_manifests(big: str) -> list[str]:
    """Documents of a rendered file, in order, left-trimmed, empty ones dropped."""
    docs = _SEP.split(big.lstrip(_GO_SPACE))
    return [d.lstrip(_GO_SPACE) for d in docs if d.strip(_GO_SPACE)]


def _go_json_type(v: Any) -> str:
    if isinstance(v, bool):
        return "bool"
    if isinstance(v, int | float):
        return "number"
    if isinstance(v, str):
        return "string"
    if isinstance(v, list):
        return "array"
    return "object"


def _want_str(v: Any, field: str) -> str:
    """A string field of SimpleHead as sigs.k8s.io/yaml fills it: YAML numbers and booleans
    are coerced to strings (floats as Go's 32-bit %g), lists and maps are JSON errors."""
    if v is None:
        return ""
    if isinstance(v, str):
        return v
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        # YAML integers reach us as floats (Helm's number model); print them as Go's ints.
        if v.is_integer() and abs(v) < 2**63:
            return str(int(v))
        from chartist.gotemplate.strconv import format_float

        return format_float(v, "g", -1, 32)
    raise ManifestError(
        "error unmarshaling JSON: while decoding JSON: json: cannot unmarshal "
        f"{_go_json_type(v)} into Go struct field {field} of type string"
    )


def parse_head(doc: str) -> SimpleHead:
    """Read apiVersion, kind and metadata name/annotations as Helm's SimpleHead; ManifestError."""
    from chartist.goyaml import YAMLError, load

    try:
        obj = load(doc)
    except YAMLError as err:
        raise ManifestError(str(err)) from err
    if obj is None:
        return SimpleHead()
    if not isinstance(obj, dict):
        raise ManifestError(
            "error unmarshaling JSON: while decoding JSON: json: cannot unmarshal "
            f"{_go_json_type(obj)} into Go value of type util.SimpleHead"
        )
    version = _want_str(obj.get("apiVersion"), "SimpleHead.apiVersion")
    kind = _want_str(obj.get("kind"), "SimpleHead.kind")
    meta = obj.get("metadata")
    if meta is None:
        return SimpleHead(version, kind)
    if not isinstance(meta, dict):
        raise ManifestError(
            "error unmarshaling JSON: while decoding JSON: json: cannot unmarshal "
            f"{_go_json_type(meta)} into Go struct field SimpleHead.metadata of type struct {{ Name string "
            '"json:\\"name\\""; Annotations map[string]string "json:\\"annotations\\"" }'
        )
    name = _want_str(meta.get("name"), ".metadata.name")
    ann = meta.get("annotations")
    annotations: dict[str, str] | None = None
    if ann is not None:
        if not isinstance(ann, dict):
            raise ManifestError(
                "error unmarshaling JSON: while decoding JSON: json: cannot unmarshal "
                f"{_go_json_type(ann)} into Go struct field .metadata.annotations of type map[string]string"
            )
        annotations = {}
        for k, v in ann.items():
            annotations[k] = _want_str(v, ".metadata.annotations")
    return SimpleHead(version, kind, name, annotations)


def _kind_key(order: Sequence[str]) -> Any:
    index = {k: i for i, k in enumerate(order)}
    unknown = len(order)

    def key(kind: str) -> tuple[int, str]:
        i = index.get(kind)
        return (i, "") if i is not None else (unknown, kind)

    return key


def sort_manifests(
    files: Mapping[str, str], order: Sequence[str] = INSTALL_ORDER
) -> tuple[list[Hook], list[Manifest]]:
    """Helm's SortManifests: (hooks, manifests), each stably sorted by kind in ORDER.

    Partials and blank files are skipped; a document that does not parse raises
    ManifestError ``YAML parse error on PATH: ...``; documents with an unknown hook type are
    dropped, as Helm drops them.
    """
    hooks: list[Hook] = []
    generic: list[Manifest] = []
    for path in sorted(files):
        content = files[path]
        if posixpath.basename(path).startswith("_") or not content.strip(_GO_SPACE):
            continue
        for doc in split_manifests(content):
            try:
                head = parse_head(doc)
            except ManifestError as err:
                raise ManifestError(f"YAML parse error on {path}: {err}") from err
            ann = head.annotations
            if not ann or HOOK_ANNOTATION not in ann:
                generic.append(Manifest(path, doc, head))
                continue
            events: list[str] = []
            unknown = False
            for t in ann[HOOK_ANNOTATION].split(","):
                ev = HOOK_EVENTS.get(t.strip().lower())
                if ev is None:
                    unknown = True
                    break
                events.append(ev)
            if unknown:
                continue
            w = ann.get(HOOK_WEIGHT_ANNOTATION, "")
            weight = int(w) if _ATOI.match(w) and -(2**63) <= int(w) < 2**63 else 0
            hooks.append(
                Hook(
                    name=head.name or "",
                    kind=head.kind,
                    path=path,
                    manifest=doc,
                    events=events,
                    weight=weight,
                    delete_policies=_values(ann, HOOK_DELETE_ANNOTATION),
                    output_log_policies=_values(ann, HOOK_OUTPUT_LOG_ANNOTATION),
                )
            )
    key = _kind_key(order)
    hooks.sort(key=lambda h: key(h.kind))
    generic.sort(key=lambda m: key(m.head.kind))
    return hooks, generic


def _values(ann: Mapping[str, str], name: str) -> list[str]:
    if name not in ann:
        return []
    return [p.strip().lower() for p in ann[name].split(",")]

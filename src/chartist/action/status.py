"""``helm status``: a stored revision and the live objects of its manifest (Helm's ``Status``).

The objects are read as Helm's ``KubeClient.Get(resources, related=true)`` reads them: every
object of the manifest is fetched (one that cannot be fetched is silently left out, as Helm
does), grouped under ``VERSION/KIND`` (``v1/Deployment``), and the pods selected by each
Deployment, ReplicaSet, StatefulSet, DaemonSet, Job (``spec.selector.matchLabels``) or
ReplicationController (``spec.selector``) are listed under ``v1/Pod(related)``, once per
distinct selector. With ``show_resources_table`` (the table output) objects are asked for as
server-side ``Table`` documents, which a server may decline (plain objects come back then).

Errors: ActionError ``kubernetes cluster unreachable: ...``, the name check of
:func:`~chartist.action.get.release_content`, storage errors, and ActionError when the manifest
names kinds the cluster does not serve (Helm's build error).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final

from chartist.action.configuration import ActionError, Configuration
from chartist.action.get import release_content
from chartist.kube.client import KubeClient
from chartist.release.model import Release

__all__ = ["RELATED_PODS", "TABLE_ACCEPT", "Status", "live_resources"]

RELATED_PODS: Final = "v1/Pod(related)"
# kubectl's transformRequests: a Table if the server can, else the object.
TABLE_ACCEPT: Final = "application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json"
_SELECTOR_KINDS: Final = frozenset({"ReplicaSet", "Deployment", "StatefulSet", "DaemonSet", "Job"})


def _selector(obj: Mapping[str, Any]) -> dict[str, str] | None:
    """The pod selector of a manifest object (unstructured.NestedStringMap); None when absent."""
    kind = obj.get("kind")
    if kind in _SELECTOR_KINDS:
        path: tuple[str, ...] = ("spec", "selector", "matchLabels")
    elif kind == "ReplicationController":
        path = ("spec", "selector")
    else:
        return None
    cur: Any = obj
    for key in path:
        if not isinstance(cur, Mapping):
            return None
        cur = cur.get(key)
    if not isinstance(cur, Mapping) or not all(isinstance(v, str) for v in cur.values()):
        return None
    return {str(k): v for k, v in cur.items()}


def _label_selector(sel: Mapping[str, str]) -> str:
    """labels.Set(sel).AsSelector().String(): ``k=v`` pairs sorted by key."""
    return ",".join(f"{k}={sel[k]}" for k in sorted(sel))


def _get(client: KubeClient, api_version: str, kind: str, name: str, namespace: str, table: bool) -> Any:
    if table:
        raw = _raw_json(client, api_version, kind, namespace, name, {})
        if raw is not None:
            return raw
    return client.get(api_version, kind, name, namespace)


def _list_pods(client: KubeClient, namespace: str, selector: str, table: bool) -> Any:
    if table:
        raw = _raw_json(client, "v1", "Pod", namespace, "", {"labelSelector": selector} if selector else {})
        if raw is not None:
            return raw
    list_page = getattr(client, "list_page", None)
    if list_page is None:
        items = client.list("v1", "Pod", namespace, label_selector=selector)
        return {"apiVersion": "v1", "items": items, "kind": "PodList", "metadata": {}}
    page = list_page("v1", "Pod", namespace, label_selector=selector)
    meta = {"resourceVersion": page.resource_version} if page.resource_version else {}
    return {"apiVersion": "v1", "items": page.items, "kind": "PodList", "metadata": meta}


def _raw_json(
    client: KubeClient, api_version: str, kind: str, namespace: str, name: str, params: dict[str, str]
) -> Any:
    """GET with kubectl's Table Accept header, through the HTTP client's transport.

    None when the client has no transport (the in-memory fake): the caller reads plainly.
    """
    transport = getattr(client, "transport", None)
    if transport is None:
        return None
    import json

    from chartist.kube.transport import RequestInfo

    m = client.mapping(api_version, kind)
    ns = (namespace or client.namespace) if m.namespaced else ""
    verb = "get" if name else "list"
    response = transport.request(
        "GET",
        m.path(ns, name) if name else m.path(ns),
        params={**params, "includeObject": "Object"},
        headers={"Accept": TABLE_ACCEPT},
        info=RequestInfo(verb, m.resource, ns, name),
    )
    return json.loads(response.content)


def live_resources(
    client: KubeClient, manifest: str, namespace: str, *, table: bool = False
) -> dict[str, list[Any]]:
    """The objects of MANIFEST as they are in the cluster (see the module docstring).

    Raises ActionError when the manifest does not build; read failures skip the object.
    """
    from chartist.action.resources import BuildError, build
    from chartist.kube.errors import KubeError

    try:
        resources = build(client, manifest, namespace)
    except BuildError as err:
        raise ActionError(str(err)) from err
    out: dict[str, list[Any]] = {}
    seen: list[dict[str, str]] = []
    for r in resources:
        version = r.api_version.rpartition("/")[2]
        try:
            obj = _get(client, r.api_version, r.kind, r.name, r.namespace, table)
        except (KubeError, ValueError):
            continue
        out.setdefault(f"{version}/{r.kind}", []).append(obj)
        sel = _selector(r.obj)
        if sel is None or sel in seen:
            continue
        seen.append(sel)
        try:
            pods = _list_pods(client, r.namespace or namespace, _label_selector(sel), table)
        except (KubeError, ValueError):
            continue
        out.setdefault(RELATED_PODS, []).append(pods)
    return out


@dataclass
class Status:
    """``helm status``: revision ``version`` (0: the newest) with its live objects.

    ``show_resources_table`` asks the server for Tables (what the table output prints).
    """

    cfg: Configuration
    version: int = 0
    show_resources_table: bool = False

    def run(self, name: str) -> Release:
        """A copy of the stored revision whose ``info.resources`` holds the live objects."""
        self.cfg.check_reachable()
        rel = release_content(self.cfg, name, self.version).copy()
        rel.info.resources = live_resources(
            self.cfg.client, rel.manifest, self.cfg.namespace, table=self.show_resources_table
        )
        return rel

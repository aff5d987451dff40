"""Defaulting and validation the real API server does on write, reduced to what clients notice:
pod template defaults (as in the reference Deployment), workload replicas/strategies, Service
cluster IPs and ports, Namespace finalizers and label, Secret ``stringData``, list-map key
defaults from the schema, object names (RFC 1123 / 1035 messages verbatim) and the 1 MiB limit
of ConfigMaps and Secrets."""

from __future__ import annotations

import base64
import itertools
import re
from typing import Any

from .schema import Node

_SUBDOMAIN = re.compile(r"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")
_LABEL = re.compile(r"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")
_DNS1035 = re.compile(r"^[a-z]([-a-z0-9]*[a-z0-9])?$")
SUBDOMAIN_MSG = (
    "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must "
    "start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is "
    "'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"
)
LABEL_MSG = (
    "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and "
    "end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is "
    "'[a-z0-9]([-a-z0-9]*[a-z0-9])?')"
)
DNS1035_MSG = (
    "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic "
    "character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for "
    "validation is '[a-z]([-a-z0-9]*[a-z0-9])?')"
)
MAX_DATA = 1024 * 1024
_cluster_ips = itertools.count(10)
_node_ports = itertools.count(30000)


def name_errors(kind: str, name: str) -> list[tuple[str, str]]:
    """(field, message) pairs for an invalid object name."""
    if not name:
        return [("metadata.name", "Required value: name or generateName is required")]
    if kind in ("Namespace",):
        ok, msg, limit = _LABEL.match(name), LABEL_MSG, 63
    elif kind == "Service":
        ok, msg, limit = _DNS1035.match(name), DNS1035_MSG, 63
    else:
        ok, msg, limit = _SUBDOMAIN.match(name), SUBDOMAIN_MSG, 253
    if len(name) > limit:
        return [("metadata.name", f'Invalid value: "{name}": must be no more than {limit} characters')]
    if not ok:
        return [("metadata.name", f'Invalid value: "{name}": {msg}')]
    return []


def data_errors(obj: dict[str, Any]) -> list[tuple[str, str]]:
    if obj.get("kind") not in ("ConfigMap", "Secret"):
        return []
    size = 0
    for section in ("data", "binaryData"):
        for key, value in (obj.get(section) or {}).items():
            size += len(key) + len(
                str(value) if obj["kind"] == "ConfigMap" else base64.b64decode(str(value) or "")
            )
    if size > MAX_DATA:
        return [("[]", f"Too long: must have at most {MAX_DATA} bytes")]
    return []


def _pod_spec(spec: dict[str, Any], *, template: bool) -> None:
    for c in itertools.chain(spec.get("initContainers") or [], spec.get("containers") or []):
        if not isinstance(c, dict):
            continue
        image = str(c.get("image", ""))
        tag = image.rsplit("/", 1)[-1]
        latest = "@" not in tag and (":" not in tag or tag.endswith(":latest"))
        for port in c.get("ports") or []:
            if isinstance(port, dict):
                port.setdefault("protocol", "TCP")
        c.setdefault("resources", {})
        c.setdefault("terminationMessagePath", "/dev/termination-log")
        c.setdefault("terminationMessagePolicy", "File")
        c.setdefault("imagePullPolicy", "Always" if latest else "IfNotPresent")
    spec.setdefault("restartPolicy", "Always")
    spec.setdefault("terminationGracePeriodSeconds", 30)
    spec.setdefault("dnsPolicy", "ClusterFirst")
    spec.setdefault("securityContext", {})
    spec.setdefault("schedulerName", "default-scheduler")


def _template(obj: dict[str, Any]) -> None:
    tmpl = (obj.get("spec") or {}).get("template")
    if isinstance(tmpl, dict) and isinstance(tmpl.get("spec"), dict):
        _pod_spec(tmpl["spec"], template=True)


def key_defaults(value: Any, node: Node) -> None:
    """Fill list-map keys that have a schema default in place (``ports[].protocol``)."""
    if isinstance(value, dict):
        for k, v in value.items():
            key_defaults(v, node.field(k))
    elif isinstance(value, list):
        item_node = node.items()
        keys = node.list_keys if node.list_type == "map" else []
        for item in value:
            if isinstance(item, dict):
                for k in keys:
                    default = item_node.field(k).default
                    if k not in item and default is not None:
                        item[k] = default
            key_defaults(item, item_node)


def apply_defaults(obj: dict[str, Any], group: str, node: Node) -> None:
    """Default ``obj`` in place as the real server would on create and update."""
    kind = obj.get("kind")
    spec = obj.get("spec")
    key_defaults(obj, node)
    if group == "apps" and isinstance(spec, dict):
        if kind in ("Deployment", "StatefulSet", "ReplicaSet"):
            spec.setdefault("replicas", 1)
        if kind == "Deployment":
            spec.setdefault(
                "strategy",
                {"type": "RollingUpdate", "rollingUpdate": {"maxUnavailable": "25%", "maxSurge": "25%"}},
            )
            spec.setdefault("revisionHistoryLimit", 10)
            spec.setdefault("progressDeadlineSeconds", 600)
        if kind == "StatefulSet":
            spec.setdefault("podManagementPolicy", "OrderedReady")
            spec.setdefault("updateStrategy", {"type": "RollingUpdate", "rollingUpdate": {"partition": 0}})
            spec.setdefault("revisionHistoryLimit", 10)
        if kind == "DaemonSet":
            spec.setdefault(
                "updateStrategy",
                {"type": "RollingUpdate", "rollingUpdate": {"maxUnavailable": 1, "maxSurge": 0}},
            )
            spec.setdefault("revisionHistoryLimit", 10)
        _template(obj)
    elif group == "batch" and kind == "Job" and isinstance(spec, dict):
        spec.setdefault("parallelism", 1)
        spec.setdefault("completions", 1)
        spec.setdefault("backoffLimit", 6)
        spec.setdefault("completionMode", "NonIndexed")
        spec.setdefault("suspend", False)
        _template(obj)
    elif group == "" and kind == "Pod" and isinstance(spec, dict):
        _pod_spec(spec, template=False)
        obj.setdefault("status", {}).setdefault("phase", "Pending")
    elif group == "" and kind == "Service":
        spec = obj.setdefault("spec", {})
        spec.setdefault("type", "ClusterIP")
        if spec.get("type") != "ExternalName" and not spec.get("clusterIP"):
            n = next(_cluster_ips)
            spec["clusterIP"] = f"10.96.{n // 250}.{n % 250 + 1}"
        if spec.get("clusterIP") and spec.get("clusterIP") != "None":
            spec.setdefault("clusterIPs", [spec["clusterIP"]])
        for port in spec.get("ports") or []:
            if isinstance(port, dict):
                port.setdefault("protocol", "TCP")
                port.setdefault("targetPort", port.get("port"))
                if spec["type"] in ("NodePort", "LoadBalancer"):
                    port.setdefault("nodePort", next(_node_ports))
        spec.setdefault("sessionAffinity", "None")
        if spec["type"] != "ExternalName":
            spec.setdefault("ipFamilies", ["IPv4"])
            spec.setdefault("ipFamilyPolicy", "SingleStack")
            spec.setdefault("internalTrafficPolicy", "Cluster")
        obj.setdefault("status", {}).setdefault("loadBalancer", {})
    elif group == "" and kind == "Namespace":
        obj.setdefault("spec", {}).setdefault("finalizers", ["kubernetes"])
        obj.setdefault("status", {}).setdefault("phase", "Active")
        meta = obj.setdefault("metadata", {})
        meta.setdefault("labels", {})["kubernetes.io/metadata.name"] = meta.get("name", "")
    elif group == "" and kind == "Secret":
        obj.setdefault("type", "Opaque")
        string_data = obj.pop("stringData", None)
        if isinstance(string_data, dict):
            data = obj.setdefault("data", {})
            for k, v in string_data.items():
                data[k] = base64.b64encode(str(v).encode()).decode()
    elif group == "" and kind == "PersistentVolumeClaim":
        if isinstance(spec, dict):
            spec.setdefault("volumeMode", "Filesystem")
        obj.setdefault("status", {}).setdefault("phase", "Pending")

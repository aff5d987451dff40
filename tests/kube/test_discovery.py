"""Discovery: aggregated and legacy documents, the disk cache, re-discovery, REST paths."""

from __future__ import annotations

import json

import httpx
import pytest

from apiserver import refdata
from apiserver.fixtures import connect
from chartist.kube import Client, ResourceNotMapped, RestConfig
from chartist.kube.discovery import CACHE_TTL, Discovery, ResourceMapping, cache_dir_for


@pytest.mark.parametrize(
    "mapping,args,want",
    [
        (
            ResourceMapping("", "v1", "ConfigMap", "configmaps", True),
            ("ns", "a"),
            "/api/v1/namespaces/ns/configmaps/a",
        ),
        (ResourceMapping("", "v1", "ConfigMap", "configmaps", True), ("", ""), "/api/v1/configmaps"),
        (
            ResourceMapping("apps", "v1", "Deployment", "deployments", True),
            ("ns", "web", "status"),
            "/apis/apps/v1/namespaces/ns/deployments/web/status",
        ),
        (
            ResourceMapping("", "v1", "Namespace", "namespaces", False),
            ("ignored", "x"),
            "/api/v1/namespaces/x",
        ),
        (
            ResourceMapping("rbac.authorization.k8s.io", "v1", "ClusterRole", "clusterroles", False),
            ("ns", "a:b"),
            "/apis/rbac.authorization.k8s.io/v1/clusterroles/a%3Ab",
        ),
    ],
    ids=["namespaced", "all-namespaces", "subresource", "cluster-scoped", "escaped-name"],
)
def test_paths(mapping: ResourceMapping, args: tuple, want: str) -> None:
    assert mapping.path(*args) == want


def fetcher(aggregated: bool, calls: list[str]):
    def fetch(path: str, accept: str):
        calls.append(path)
        if aggregated and path in ("/api", "/apis"):
            return refdata.load(
                "discovery/aggregated_api.json" if path == "/api" else "discovery/aggregated_apis.json"
            )
        if path == "/api":
            return refdata.load("discovery/api.json")
        if path == "/apis":
            return refdata.load("discovery/apis.json")
        return refdata.load(refdata.discovery_file(path))

    return fetch


@pytest.mark.parametrize("aggregated", [True, False], ids=["aggregated", "legacy"])
def test_every_builtin_kind_is_mapped(aggregated: bool) -> None:
    calls: list[str] = []
    d = Discovery(fetcher(aggregated, calls))
    legacy = {}
    for doc in [refdata.load("discovery/api_v1.json")] + [
        refdata.load(refdata.discovery_file("apis/" + v["groupVersion"]))
        for g in refdata.load("discovery/apis.json")["groups"]
        for v in g["versions"]
    ]:
        for r in doc["resources"]:
            if "/" not in r["name"]:
                legacy[(doc["groupVersion"], r["kind"])] = (r["name"], r["namespaced"])
    for (gv, kind), (plural, namespaced) in legacy.items():
        m = d.mapping(gv, kind)
        assert (m.resource, m.namespaced, m.api_version) == (plural, namespaced, gv)
    assert calls[:2] == ["/api", "/apis"] if aggregated else len(calls) > 2
    if aggregated:
        assert len(calls) == 2


def test_preferred_version_first() -> None:
    d = Discovery(fetcher(True, []))
    hpa = d.mapping_for_resource("autoscaling", "horizontalpodautoscalers")
    assert hpa.version == "v2"
    assert d.mapping_for_resource("", "cm").kind == "ConfigMap"
    assert d.mapping_for_resource("apps", "deploy").resource == "deployments"


def test_unknown_kind_rediscovers_once() -> None:
    calls: list[str] = []
    d = Discovery(fetcher(True, calls))
    d.mapping("v1", "ConfigMap")
    with pytest.raises(ResourceNotMapped, match=r'no matches for kind "Nope" in version "v1"$'):
        d.mapping("v1", "Nope")
    assert calls == ["/api", "/apis", "/api", "/apis"]


def test_disk_cache(tmp_path) -> None:
    now = [1000.0]
    calls: list[str] = []
    first = Discovery(
        fetcher(True, calls), server="https://h:6443", cache_dir=str(tmp_path), clock=lambda: now[0]
    )
    first.mapping("apps/v1", "Deployment")
    assert (tmp_path / "h_6443" / "chartist-discovery.json").is_file()
    second = Discovery(
        fetcher(True, calls), server="https://h:6443", cache_dir=str(tmp_path), clock=lambda: now[0]
    )
    assert second.mapping("apps/v1", "Deployment").resource == "deployments"
    assert calls == ["/api", "/apis"]
    now[0] += CACHE_TTL + 1
    third = Discovery(
        fetcher(True, calls), server="https://h:6443", cache_dir=str(tmp_path), clock=lambda: now[0]
    )
    third.mapping("apps/v1", "Deployment")
    assert calls == ["/api", "/apis", "/api", "/apis"]


def test_corrupt_cache_is_ignored(tmp_path) -> None:
    path = tmp_path / "h_6443" / "chartist-discovery.json"
    path.parent.mkdir()
    path.write_text("{not json")
    calls: list[str] = []
    d = Discovery(fetcher(True, calls), server="https://h:6443", cache_dir=str(tmp_path))
    assert d.mapping("v1", "Pod").resource == "pods"
    assert calls == ["/api", "/apis"]


@pytest.mark.parametrize(
    "server,want",
    [
        ("https://10.0.0.1:6443", "10.0.0.1_6443"),
        ("https://k8s.example.com/prefix", "k8s.example.com_prefix"),
    ],
    ids=["ip-port", "path"],
)
def test_cache_dir_naming(server: str, want: str) -> None:
    assert cache_dir_for("/c", server) == f"/c/{want}"


def test_client_uses_aggregated_discovery(test_server, tmp_path) -> None:
    client = connect(test_server, tmp_path / "kc")
    client.mapping("apps/v1", "Deployment")
    paths = [r.path for r in test_server.requests]
    assert paths == ["/api", "/apis"]
    assert "as=APIGroupDiscoveryList" in test_server.requests[0].header("accept")


def test_legacy_server_through_a_mock_transport() -> None:
    served: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        served.append(request.url.path)
        path = request.url.path
        if path == "/api":
            return httpx.Response(200, json=refdata.load("discovery/api.json"))
        if path == "/apis":
            return httpx.Response(200, json=refdata.load("discovery/apis.json"))
        if path == "/apis/batch/v1/namespaces/default/jobs/j":
            return httpx.Response(
                200, json={"kind": "Job", "apiVersion": "batch/v1", "metadata": {"name": "j"}}
            )
        return httpx.Response(200, content=json.dumps(refdata.load(refdata.discovery_file(path))).encode())

    client = Client(
        RestConfig(server="https://k8s.test", qps=-1), http_transport=httpx.MockTransport(handler)
    )
    assert client.get("batch/v1", "Job", "j")["metadata"]["name"] == "j"
    assert "/api/v1" in served and "/apis/apps/v1" in served


def test_crd_added_during_operation(test_server, server_client) -> None:
    c = server_client
    c.mapping("v1", "ConfigMap")
    crd = {
        "apiVersion": "apiextensions.k8s.io/v1",
        "kind": "CustomResourceDefinition",
        "metadata": {"name": "gadgets.example.com"},
        "spec": {
            "group": "example.com",
            "scope": "Cluster",
            "names": {"plural": "gadgets", "singular": "gadget", "kind": "Gadget"},
            "versions": [
                {
                    "name": "v1beta1",
                    "served": True,
                    "storage": False,
                    "schema": {
                        "openAPIV3Schema": {"type": "object", "x-kubernetes-preserve-unknown-fields": True}
                    },
                },
                {
                    "name": "v1",
                    "served": True,
                    "storage": True,
                    "schema": {
                        "openAPIV3Schema": {"type": "object", "x-kubernetes-preserve-unknown-fields": True}
                    },
                },
            ],
        },
    }
    c.create(crd)
    m = c.mapping("example.com/v1", "Gadget")
    assert (m.resource, m.namespaced, m.priority) == ("gadgets", False, 0)
    assert c.mapping("example.com/v1beta1", "Gadget").priority == 1
    g = c.create(
        {"apiVersion": "example.com/v1", "kind": "Gadget", "metadata": {"name": "g"}, "spec": {"x": 1}}
    )
    assert "namespace" not in g["metadata"]
    c.delete("apiextensions.k8s.io/v1", "CustomResourceDefinition", "gadgets.example.com")
    c.invalidate_discovery()
    with pytest.raises(ResourceNotMapped):
        c.mapping("example.com/v1", "Gadget")

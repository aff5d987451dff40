"""The in-memory FakeKubeClient that higher layers test against."""

from __future__ import annotations

import pytest

from chartist.kube import (
    AlreadyExists,
    Conflict,
    FakeKubeClient,
    Forbidden,
    KubeClient,
    NotFound,
    ResourceNotMapped,
    UnsupportedMediaType,
    WaitError,
)
from chartist.kube.client import JSON_PATCH
from chartist.kube.fake import plural


def cm(name: str, **labels: str) -> dict:
    return {
        "apiVersion": "v1",
        "kind": "ConfigMap",
        "metadata": {"name": name, "labels": labels},
        "data": {"a": "1"},
    }


def test_is_a_kube_client() -> None:
    assert isinstance(FakeKubeClient(), KubeClient)


@pytest.mark.parametrize(
    "kind,want",
    [
        ("ConfigMap", "configmaps"),
        ("Ingress", "ingresses"),
        ("NetworkPolicy", "networkpolicies"),
        ("Gateway", "gateways"),
        ("Endpoints", "endpointses"),
        ("Mesh", "meshes"),
    ],
)
def test_plural(kind: str, want: str) -> None:
    assert plural(kind) == want


def test_crud() -> None:
    fake = FakeKubeClient(namespace="ns")
    created = fake.create(cm("a", app="x"))
    assert created["metadata"]["namespace"] == "ns" and created["metadata"]["resourceVersion"] == "1"
    with pytest.raises(AlreadyExists, match='configmaps "a" already exists'):
        fake.create(cm("a"))
    assert fake.get("v1", "ConfigMap", "a")["data"] == {"a": "1"}
    assert [o["metadata"]["name"] for o in fake.list("v1", "ConfigMap", label_selector="app=x")] == ["a"]
    assert fake.list("v1", "ConfigMap", namespace="other") == []
    patched = fake.patch("v1", "ConfigMap", "a", {"data": {"b": "2"}})
    assert patched["data"] == {"a": "1", "b": "2"}
    stale = dict(created, data={"c": "3"})
    with pytest.raises(Conflict):
        fake.replace(stale)
    fake.delete("v1", "ConfigMap", "a")
    with pytest.raises(NotFound):
        fake.get("v1", "ConfigMap", "a")
    assert fake.delete("v1", "ConfigMap", "a", missing_ok=True) is None
    assert [c[0] for c in fake.calls] == [
        "create",
        "create",
        "get",
        "list",
        "list",
        "patch",
        "replace",
        "delete",
        "get",
        "delete",
    ]


def test_apply_creates_then_merges_and_bumps_generation() -> None:
    fake = FakeKubeClient()
    d = {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "w"}, "spec": {"replicas": 1}}
    assert fake.apply(d, field_manager="helm")["metadata"]["generation"] == 1
    d["spec"]["replicas"] = 2
    out = fake.apply(d, field_manager="helm")
    assert (out["spec"]["replicas"], out["metadata"]["generation"]) == (2, 2)


def test_served_kinds_and_crds() -> None:
    fake = FakeKubeClient(served_kinds=[("apiextensions.k8s.io/v1", "CustomResourceDefinition")])
    with pytest.raises(ResourceNotMapped):
        fake.mapping("example.com/v1", "Widget")
    fake.create(
        {
            "apiVersion": "apiextensions.k8s.io/v1",
            "kind": "CustomResourceDefinition",
            "metadata": {"name": "widgets.example.com"},
            "spec": {
                "group": "example.com",
                "scope": "Cluster",
                "names": {"kind": "Widget", "plural": "widgets"},
            },
        }
    )
    assert fake.mapping("example.com/v1", "Widget").namespaced is False


def test_unsupported_patch() -> None:
    fake = FakeKubeClient([cm("a")])
    with pytest.raises(UnsupportedMediaType):
        fake.patch("v1", "ConfigMap", "a", [], patch_type=JSON_PATCH)


def test_failures_can_be_injected() -> None:
    fake = FakeKubeClient()
    fake.fail["create"] = Forbidden("nope", code=403)
    with pytest.raises(Forbidden):
        fake.create(cm("a"))


def test_watch_replays_log() -> None:
    fake = FakeKubeClient([cm("a")])
    rv = fake.get("v1", "ConfigMap", "a")["metadata"]["resourceVersion"]
    fake.create(cm("b"))
    fake.delete("v1", "ConfigMap", "a")
    assert [
        (e.type, e.object["metadata"]["name"]) for e in fake.watch("v1", "ConfigMap", resource_version=rv)
    ] == [("ADDED", "b"), ("DELETED", "a")]
    assert [(e.type, e.object["metadata"]["name"]) for e in fake.watch("v1", "ConfigMap")] == [("ADDED", "b")]


def test_waits_use_readiness() -> None:
    d = {
        "apiVersion": "apps/v1",
        "kind": "Deployment",
        "metadata": {"name": "w", "namespace": "default"},
        "spec": {"replicas": 1},
    }
    fake = FakeKubeClient([d])
    with pytest.raises(
        WaitError,
        match=r"resource Deployment/default/w not ready\. status: InProgress, message: Replicas: 0/1",
    ):
        fake.wait_ready([d], timeout=1)
    fake.set_status(
        "apps/v1",
        "Deployment",
        "w",
        {
            "replicas": 1,
            "updatedReplicas": 1,
            "readyReplicas": 1,
            "availableReplicas": 1,
            "conditions": [{"type": "Available", "status": "True"}],
        },
    )
    fake.wait_ready([d], timeout=1)
    with pytest.raises(WaitError, match="still exists"):
        fake.wait_deleted([d], timeout=1)
    fake.delete("apps/v1", "Deployment", "w")
    fake.wait_deleted([d], timeout=1)

"""Every operation of chartist.kube.Client against a cluster: the API test server, or a real
cluster when CHARTIST_TEST_KUBECONFIG is set (each test gets a fresh namespace)."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from chartist.kube import (
    JSON_PATCH,
    MERGE_PATCH,
    STRATEGIC_MERGE_PATCH,
    AlreadyExists,
    BadRequest,
    Conflict,
    Invalid,
    KubeClient,
    NotFound,
    ResourceNotMapped,
    UnsupportedMediaType,
)
from chartist.kube.client import ObjectRef


def cm(
    name: str, data: dict[str, str] | None = None, labels: dict[str, str] | None = None, **meta: Any
) -> dict[str, Any]:
    metadata: dict[str, Any] = {"name": name, **meta}
    if labels:
        metadata["labels"] = labels
    return {"apiVersion": "v1", "kind": "ConfigMap", "metadata": metadata, "data": data or {"a": "1"}}


def deployment(
    name: str = "web", replicas: int = 2, image: str = "nginx:1.27", **extra: Any
) -> dict[str, Any]:
    return {
        "apiVersion": "apps/v1",
        "kind": "Deployment",
        "metadata": {"name": name, **extra},
        "spec": {
            "replicas": replicas,
            "selector": {"matchLabels": {"app": name}},
            "template": {
                "metadata": {"labels": {"app": name}},
                "spec": {"containers": [{"name": "web", "image": image, "ports": [{"containerPort": 80}]}]},
            },
        },
    }


def test_client_is_a_kube_client(cluster) -> None:
    assert isinstance(cluster.client, KubeClient)


def test_server_version_and_api_versions(cluster) -> None:
    version = cluster.client.server_version()
    assert version["major"] == "1"
    versions = cluster.client.api_versions()
    assert {"v1", "apps/v1", "apps/v1/Deployment", "batch/v1/Job"} <= set(versions)


def test_create_get(cluster) -> None:
    c = cluster.client
    created = c.create(cm("demo", labels={"app": "demo"}))
    assert created["metadata"]["namespace"] == cluster.namespace
    assert (
        created["metadata"]["uid"]
        and created["metadata"]["resourceVersion"]
        and created["metadata"]["creationTimestamp"]
    )
    assert created["metadata"]["managedFields"][0]["operation"] == "Update"
    got = c.get("v1", "ConfigMap", "demo")
    assert got["data"] == {"a": "1"} and got["metadata"]["uid"] == created["metadata"]["uid"]
    assert (got["kind"], got["apiVersion"]) == ("ConfigMap", "v1")


def test_create_in_explicit_namespace_and_cluster_scoped(cluster) -> None:
    c = cluster.client
    c.create(cm("x"), namespace=cluster.namespace)
    ns = c.get("v1", "Namespace", cluster.namespace, namespace="ignored-for-cluster-scope")
    assert ns["metadata"]["name"] == cluster.namespace
    assert "namespace" not in ns["metadata"]


def test_already_exists(cluster) -> None:
    cluster.client.create(cm("demo"))
    with pytest.raises(AlreadyExists) as info:
        cluster.client.create(cm("demo"))
    err = info.value
    assert str(err) == 'configmaps "demo" already exists'
    assert (err.code, err.reason, err.verb, err.resource, err.namespace, err.name) == (
        409,
        "AlreadyExists",
        "create",
        "configmaps",
        cluster.namespace,
        "demo",
    )


def test_not_found(cluster) -> None:
    with pytest.raises(NotFound) as info:
        cluster.client.get("v1", "ConfigMap", "nope")
    assert str(info.value) == 'configmaps "nope" not found'
    assert info.value.details == {"name": "nope", "kind": "configmaps"}
    with pytest.raises(NotFound, match=r'deployments\.apps "nope" not found'):
        cluster.client.get("apps/v1", "Deployment", "nope")


def test_invalid_name(cluster) -> None:
    with pytest.raises(Invalid) as info:
        cluster.client.create(cm("Bad_Name"))
    assert str(info.value).startswith(
        'ConfigMap "Bad_Name" is invalid: metadata.name: Invalid value: "Bad_Name": '
        "a lowercase RFC 1123 subdomain must consist of"
    )
    assert info.value.details["causes"][0]["field"] == "metadata.name"


def test_namespace_mismatch(cluster) -> None:
    with pytest.raises(BadRequest, match="does not match the namespace sent on the request"):
        cluster.client.create(cm("x", namespace="other"), namespace=cluster.namespace)


def test_unknown_kind(cluster) -> None:
    with pytest.raises(
        ResourceNotMapped, match=r'no matches for kind "Widget" in version "example\.com/v1"; ensure CRDs'
    ):
        cluster.client.create({"apiVersion": "example.com/v1", "kind": "Widget", "metadata": {"name": "w"}})


def test_list_label_and_field_selectors(cluster) -> None:
    c = cluster.client
    c.create(cm("a1", labels={"app": "a", "tier": "web"}))
    c.create(cm("a2", labels={"app": "a", "tier": "db"}))
    c.create(cm("b1", labels={"app": "b"}))

    def names(items):
        return sorted(i["metadata"]["name"] for i in items if i["metadata"]["name"] != "kube-root-ca.crt")

    assert names(c.list("v1", "ConfigMap", label_selector="app=a")) == ["a1", "a2"]
    assert names(c.list("v1", "ConfigMap", label_selector="app in (a,b),tier!=db")) == ["a1", "b1"]
    assert names(c.list("v1", "ConfigMap", label_selector="!tier")) == ["b1"]
    assert names(c.list("v1", "ConfigMap", field_selector="metadata.name=a2")) == ["a2"]
    items = c.list("v1", "ConfigMap", label_selector="app=b")
    assert (items[0]["kind"], items[0]["apiVersion"]) == ("ConfigMap", "v1")


def test_list_pagination(cluster) -> None:
    c = cluster.client
    for i in range(5):
        c.create(cm(f"p{i}", labels={"page": "yes"}))
    page = c.list_page("v1", "ConfigMap", label_selector="page=yes", limit=2)
    assert len(page.items) == 2 and page.continue_token and page.resource_version
    seen = [i["metadata"]["name"] for i in page.items]
    while page.continue_token:
        page = c.list_page(
            "v1", "ConfigMap", label_selector="page=yes", limit=2, continue_token=page.continue_token
        )
        seen += [i["metadata"]["name"] for i in page.items]
    assert seen == [f"p{i}" for i in range(5)]


def test_list_all_namespaces(cluster) -> None:
    cluster.client.create(cm("here", labels={"mark": cluster.namespace}))
    found = cluster.client.list(
        "v1", "ConfigMap", label_selector=f"mark={cluster.namespace}", all_namespaces=True
    )
    assert [(i["metadata"]["namespace"], i["metadata"]["name"]) for i in found] == [
        (cluster.namespace, "here")
    ]


def test_replace_and_stale_conflict(cluster) -> None:
    c = cluster.client
    created = c.create(cm("demo"))
    updated = copy.deepcopy(created)
    updated["data"] = {"a": "2"}
    replaced = c.replace(updated)
    assert replaced["data"] == {"a": "2"}
    assert int(replaced["metadata"]["resourceVersion"]) > int(created["metadata"]["resourceVersion"])
    stale = copy.deepcopy(created)
    stale["data"] = {"a": "3"}
    with pytest.raises(Conflict) as info:
        c.replace(stale)
    assert str(info.value) == (
        'Operation cannot be fulfilled on configmaps "demo": the object has been modified; '
        "please apply your changes to the latest version and try again"
    )


def test_merge_patch(cluster) -> None:
    c = cluster.client
    c.create(cm("demo", {"a": "1", "b": "2"}))
    patched = c.patch("v1", "ConfigMap", "demo", {"data": {"b": None, "c": "3"}}, patch_type=MERGE_PATCH)
    assert patched["data"] == {"a": "1", "c": "3"}


def test_json_patch(cluster) -> None:
    c = cluster.client
    c.create(cm("demo", {"a": "1"}))
    ops = [{"op": "add", "path": "/data/b", "value": "2"}, {"op": "remove", "path": "/data/a"}]
    assert c.patch("v1", "ConfigMap", "demo", ops, patch_type=JSON_PATCH)["data"] == {"b": "2"}


def test_strategic_merge_patch_merges_containers_by_name(cluster) -> None:
    c = cluster.client
    d = deployment()
    d["spec"]["template"]["spec"]["containers"].append({"name": "side", "image": "busybox:1"})
    c.create(d)
    patch = {"spec": {"template": {"spec": {"containers": [{"name": "web", "image": "nginx:1.28"}]}}}}
    out = c.patch("apps/v1", "Deployment", "web", patch, patch_type=STRATEGIC_MERGE_PATCH)
    containers = {x["name"]: x["image"] for x in out["spec"]["template"]["spec"]["containers"]}
    assert containers == {"web": "nginx:1.28", "side": "busybox:1"}
    assert out["metadata"]["generation"] == 2
    delete = {"spec": {"template": {"spec": {"containers": [{"name": "side", "$patch": "delete"}]}}}}
    out = c.patch("apps/v1", "Deployment", "web", delete, patch_type=STRATEGIC_MERGE_PATCH)
    assert [x["name"] for x in out["spec"]["template"]["spec"]["containers"]] == ["web"]
    # the same change with a JSON merge patch replaces the whole list
    out = c.patch(
        "apps/v1",
        "Deployment",
        "web",
        {"spec": {"template": {"spec": {"containers": [{"name": "other", "image": "busybox:2"}]}}}},
        patch_type=MERGE_PATCH,
    )
    assert [x["name"] for x in out["spec"]["template"]["spec"]["containers"]] == ["other"]


def test_server_side_apply(cluster) -> None:
    c = cluster.client
    first = c.apply(deployment(), field_manager="helm")
    assert first["metadata"]["generation"] == 1
    entry = first["metadata"]["managedFields"][0]
    assert (entry["manager"], entry["operation"], entry["apiVersion"]) == ("helm", "Apply", "apps/v1")
    containers = entry["fieldsV1"]["f:spec"]["f:template"]["f:spec"]["f:containers"]
    assert containers['k:{"name":"web"}']["f:ports"] == {
        'k:{"containerPort":80,"protocol":"TCP"}': {".": {}, "f:containerPort": {}}
    }
    # re-applying the same configuration changes nothing (the controller may have written status)
    again = c.apply(deployment(), field_manager="helm")
    assert again["metadata"]["generation"] == 1 and again["spec"] == first["spec"]
    # a field dropped from the configuration is removed
    smaller = deployment()
    del smaller["spec"]["replicas"]
    smaller["metadata"]["labels"] = {"x": "y"}
    out = c.apply(smaller, field_manager="helm")
    assert out["spec"]["replicas"] == 1  # back to the default
    assert out["metadata"]["labels"] == {"x": "y"}


def test_apply_conflict_and_force(cluster) -> None:
    c = cluster.client
    c.apply(deployment(replicas=2), field_manager="helm")
    c.patch(
        "apps/v1",
        "Deployment",
        "web",
        {"spec": {"replicas": 5}},
        patch_type=MERGE_PATCH,
        field_manager="kubectl-edit",
    )
    with pytest.raises(Conflict) as info:
        c.apply(deployment(replicas=3), field_manager="helm")
    assert (
        str(info.value)
        == 'Apply failed with 1 conflict: conflict with "kubectl-edit" using apps/v1: .spec.replicas'
    )
    assert info.value.details["causes"][0]["field"] == ".spec.replicas"
    forced = c.apply(deployment(replicas=3), field_manager="helm", force=True)
    assert forced["spec"]["replicas"] == 3
    managers = {e["manager"]: e for e in forced["metadata"]["managedFields"]}
    assert "f:replicas" in managers["helm"]["fieldsV1"]["f:spec"]
    assert "kubectl-edit" not in managers or "f:replicas" not in managers["kubectl-edit"]["fieldsV1"].get(
        "f:spec", {}
    )


def test_apply_same_value_shared_without_conflict(cluster) -> None:
    c = cluster.client
    c.apply(deployment(replicas=2), field_manager="a")
    out = c.apply(deployment(replicas=2), field_manager="b")
    appliers = [e["manager"] for e in out["metadata"]["managedFields"] if e["operation"] == "Apply"]
    assert sorted(appliers) == ["a", "b"]


def test_apply_dry_run(cluster) -> None:
    out = cluster.client.apply(cm("dry"), field_manager="helm", dry_run=True)
    assert out["metadata"]["name"] == "dry"
    with pytest.raises(NotFound):
        cluster.client.get("v1", "ConfigMap", "dry")


def test_delete_plain(cluster) -> None:
    c = cluster.client
    c.create(cm("demo"))
    assert c.delete("v1", "ConfigMap", "demo") is None
    with pytest.raises(NotFound):
        c.get("v1", "ConfigMap", "demo")
    with pytest.raises(NotFound):
        c.delete("v1", "ConfigMap", "demo")
    assert c.delete("v1", "ConfigMap", "demo", missing_ok=True) is None


def test_delete_with_finalizer(cluster) -> None:
    c = cluster.client
    c.create(cm("held", finalizers=["example.com/hold"]))
    lingering = c.delete("v1", "ConfigMap", "held")
    assert lingering is not None and lingering["metadata"]["deletionTimestamp"]
    got = c.get("v1", "ConfigMap", "held")
    assert got["metadata"]["deletionTimestamp"] and got["metadata"]["finalizers"] == ["example.com/hold"]
    c.patch("v1", "ConfigMap", "held", {"metadata": {"finalizers": None}})
    c.wait_deleted([got], timeout=10)


def test_delete_propagation(cluster) -> None:
    c = cluster.client
    owner = c.create(cm("owner"))
    ref = {"apiVersion": "v1", "kind": "ConfigMap", "name": "owner", "uid": owner["metadata"]["uid"]}
    c.create(cm("child", ownerReferences=[ref]))
    out = c.delete("v1", "ConfigMap", "owner", propagation_policy="Foreground")
    assert out is None or "foregroundDeletion" in out["metadata"]["finalizers"]
    c.wait_deleted([cm("owner"), cm("child")], timeout=30)
    # Orphan keeps the dependent and drops its owner reference
    owner = c.create(cm("owner2"))
    ref = {"apiVersion": "v1", "kind": "ConfigMap", "name": "owner2", "uid": owner["metadata"]["uid"]}
    c.create(cm("child2", ownerReferences=[ref]))
    c.delete("v1", "ConfigMap", "owner2", propagation_policy="Orphan")
    c.wait_deleted([cm("owner2")], timeout=30)
    assert c.get("v1", "ConfigMap", "child2")


def test_crd_kinds_are_mapped_after_creation(cluster) -> None:
    c = cluster.client
    group = f"{cluster.namespace}.example.com"
    crd = {
        "apiVersion": "apiextensions.k8s.io/v1",
        "kind": "CustomResourceDefinition",
        "metadata": {"name": f"widgets.{group}"},
        "spec": {
            "group": group,
            "scope": "Namespaced",
            "names": {"plural": "widgets", "singular": "widget", "kind": "Widget", "shortNames": ["wd"]},
            "versions": [
                {
                    "name": "v1",
                    "served": True,
                    "storage": True,
                    "schema": {
                        "openAPIV3Schema": {
                            "type": "object",
                            "properties": {
                                "spec": {
                                    "type": "object",
                                    "properties": {
                                        "size": {"type": "integer"},
                                        "items": {
                                            "type": "array",
                                            "x-kubernetes-list-type": "map",
                                            "x-kubernetes-list-map-keys": ["name"],
                                            "items": {
                                                "type": "object",
                                                "properties": {
                                                    "name": {"type": "string"},
                                                    "v": {"type": "string"},
                                                },
                                            },
                                        },
                                    },
                                }
                            },
                        }
                    },
                    "subresources": {"status": {}},
                }
            ],
        },
    }
    with pytest.raises(ResourceNotMapped):
        c.mapping(f"{group}/v1", "Widget")
    c.create(crd)
    try:
        c.wait_ready([crd], timeout=30)
        widget = {
            "apiVersion": f"{group}/v1",
            "kind": "Widget",
            "metadata": {"name": "w"},
            "spec": {"size": 1, "items": [{"name": "a", "v": "1"}]},
        }
        created = c.apply(widget, field_manager="helm")
        assert created["metadata"]["generation"] == 1
        widget["spec"]["items"] = [{"name": "b", "v": "2"}]
        out = c.apply(widget, field_manager="other")
        assert sorted(i["name"] for i in out["spec"]["items"]) == ["a", "b"]
        with pytest.raises(UnsupportedMediaType):
            c.patch(f"{group}/v1", "Widget", "w", {"spec": {"size": 2}}, patch_type=STRATEGIC_MERGE_PATCH)
        assert c.patch(f"{group}/v1", "Widget", "w", {"spec": {"size": 2}})["metadata"]["generation"] == 3
    finally:
        c.delete("apiextensions.k8s.io/v1", "CustomResourceDefinition", f"widgets.{group}")


def test_namespace_deletion_cascades(cluster) -> None:
    c = cluster.client
    ns = f"{cluster.namespace}-gone"
    c.create({"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": ns}})
    c.create(cm("inside"), namespace=ns)
    out = c.delete("v1", "Namespace", ns)
    assert out is not None and out["status"]["phase"] == "Terminating"
    c.wait_deleted([{"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": ns}}], timeout=60)
    with pytest.raises(NotFound):
        c.get("v1", "ConfigMap", "inside", namespace=ns)


def test_object_ref() -> None:
    assert ObjectRef.of(cm("x", namespace="n")) == ObjectRef("v1", "ConfigMap", "x", "n")

"""The test server answers in the shapes the real server used in shared/kube/examples."""

from __future__ import annotations

import json
from typing import Any

import httpx

from apiserver import refdata

from .test_client import deployment


def raw(
    server, method: str, path: str, body: Any = None, content_type: str = "application/json", **params: str
):
    with httpx.Client(
        base_url=server.url, verify=False, headers={"Authorization": f"Bearer {server.admin_token}"}
    ) as h:
        content = None if body is None else json.dumps(body).encode()
        return h.request(method, path, params=params, content=content, headers={"Content-Type": content_type})


def keys(obj: dict) -> list[str]:
    return list(obj)


def test_create_response(test_server) -> None:
    want = refdata.example("create-201.json")
    body = {
        "apiVersion": "v1",
        "kind": "ConfigMap",
        "metadata": {"name": "demo", "labels": {"app": "demo"}},
        "data": {"a": "1"},
    }
    r = raw(test_server, "POST", "/api/v1/namespaces/default/configmaps", body)
    got = r.json()
    assert r.status_code == 201
    assert keys(got) == keys(want) and keys(got["metadata"]) == keys(want["metadata"])
    assert got["metadata"]["managedFields"][0]["fieldsV1"] == want["metadata"]["managedFields"][0]["fieldsV1"]
    assert got["metadata"]["managedFields"][0]["manager"] == "python-httpx"


def test_error_bodies(test_server) -> None:
    body = {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "demo"}, "data": {"a": "1"}}
    assert raw(test_server, "POST", "/api/v1/namespaces/default/configmaps", body).status_code == 201
    exists = raw(test_server, "POST", "/api/v1/namespaces/default/configmaps", body)
    assert (exists.status_code, exists.json()) == (409, refdata.example("create-409-alreadyexists.json"))
    missing = raw(test_server, "GET", "/api/v1/namespaces/default/configmaps/nope")
    assert (missing.status_code, missing.json()) == (404, refdata.example("get-404-notfound.json"))
    stale = dict(body, metadata={"name": "demo", "resourceVersion": "1"})
    conflict = raw(test_server, "PUT", "/api/v1/namespaces/default/configmaps/demo", stale)
    assert (conflict.status_code, conflict.json()) == (409, refdata.example("update-409-conflict.json"))
    bad = dict(body, metadata={"name": "Bad_Name"})
    invalid = raw(test_server, "POST", "/api/v1/namespaces/default/configmaps", bad)
    assert (invalid.status_code, invalid.json()) == (422, refdata.example("create-422-invalid.json"))


def test_apply_response_and_managed_fields(test_server) -> None:
    want = refdata.example("apply-deployment-200.json")
    r = raw(
        test_server,
        "PATCH",
        "/apis/apps/v1/namespaces/default/deployments/web",
        deployment(),
        content_type="application/apply-patch+yaml",
        fieldManager="helm",
        force="true",
    )
    got = r.json()
    assert r.status_code == 201
    assert keys(got["metadata"]) == keys(want["metadata"])
    assert got["metadata"]["managedFields"][0]["fieldsV1"] == want["metadata"]["managedFields"][0]["fieldsV1"]
    assert got["spec"] == want["spec"]
    assert got["status"] == want["status"] == {}


def test_strategic_patch_moves_ownership(test_server) -> None:
    raw(
        test_server,
        "PATCH",
        "/apis/apps/v1/namespaces/default/deployments/web",
        deployment(),
        content_type="application/apply-patch+yaml",
        fieldManager="helm",
        force="true",
    )
    patch = {"spec": {"template": {"spec": {"containers": [{"name": "web", "image": "nginx:1.28"}]}}}}
    r = raw(
        test_server,
        "PATCH",
        "/apis/apps/v1/namespaces/default/deployments/web",
        patch,
        content_type="application/strategic-merge-patch+json",
        fieldManager="curl",
    )
    got = r.json()
    managers = {e["manager"]: e["fieldsV1"] for e in got["metadata"]["managedFields"]}
    helm_container = managers["helm"]["f:spec"]["f:template"]["f:spec"]["f:containers"]['k:{"name":"web"}']
    assert "f:image" not in helm_container
    assert managers["curl"] == {
        "f:spec": {"f:template": {"f:spec": {"f:containers": {'k:{"name":"web"}': {"f:image": {}}}}}}
    }
    assert got["metadata"]["generation"] == 2


def test_list_with_limit(test_server) -> None:
    want = refdata.example("list-configmaps-selector.json")
    for name in ("demo", "other"):
        raw(
            test_server,
            "POST",
            "/api/v1/namespaces/default/configmaps",
            {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": name, "labels": {"app": "demo"}}},
        )
    got = raw(
        test_server, "GET", "/api/v1/namespaces/default/configmaps", labelSelector="app=demo", limit="1"
    ).json()
    assert keys(got) == keys(want) and keys(got["metadata"]) == keys(want["metadata"])
    assert keys(got["items"][0]) == [
        "metadata"
    ]  # no data given; kind and apiVersion are dropped as in the real list


def test_delete_bodies(test_server) -> None:
    raw(
        test_server,
        "POST",
        "/api/v1/namespaces/default/configmaps",
        {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "demo"}},
    )
    got = raw(test_server, "DELETE", "/api/v1/namespaces/default/configmaps/demo").json()
    want = refdata.example("delete-200.json")
    assert keys(got) == keys(want) and keys(got["details"]) == keys(want["details"])
    raw(test_server, "POST", "/apis/apps/v1/namespaces/default/deployments", deployment())
    got = raw(
        test_server,
        "DELETE",
        "/apis/apps/v1/namespaces/default/deployments/web",
        {"kind": "DeleteOptions", "apiVersion": "v1", "propagationPolicy": "Foreground"},
    ).json()
    want = refdata.example("delete-foreground-200.json")
    assert got["metadata"]["finalizers"] == ["foregroundDeletion"]
    assert [k for k in keys(want["metadata"]) if k in got["metadata"]] == keys(got["metadata"])


def test_watch_stream_lines(test_server) -> None:
    raw(
        test_server,
        "POST",
        "/api/v1/namespaces/default/configmaps",
        {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "w1"}, "data": {"a": "1"}},
    )
    with httpx.Client(
        base_url=test_server.url, verify=False, headers={"Authorization": f"Bearer {test_server.admin_token}"}
    ) as h:
        params = {
            "watch": "true",
            "sendInitialEvents": "true",
            "allowWatchBookmarks": "true",
            "resourceVersionMatch": "NotOlderThan",
            "timeoutSeconds": "1",
        }
        with h.stream("GET", "/api/v1/namespaces/default/configmaps", params=params) as r:
            events = [json.loads(line) for line in r.iter_lines() if line]
    want = refdata.example("watch-configmaps-stream.jsonl")
    assert [e["type"] for e in events[:2]] == ["ADDED", "BOOKMARK"]
    assert events[1]["object"]["metadata"]["annotations"] == want[2]["object"]["metadata"]["annotations"]
    assert keys(events[0]["object"]) == keys(want[3]["object"])


def test_discovery_documents(test_server) -> None:
    agg = raw(test_server, "GET", "/apis")
    assert agg.json()["kind"] == "APIGroupList"
    with httpx.Client(
        base_url=test_server.url,
        verify=False,
        headers={
            "Authorization": f"Bearer {test_server.admin_token}",
            "Accept": "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList",
        },
    ) as h:
        r = h.get("/apis")
    assert r.headers["content-type"].startswith("application/json;g=apidiscovery.k8s.io;v=v2")
    assert r.json() == refdata.load("discovery/aggregated_apis.json")
    assert raw(test_server, "GET", "/apis/apps/v1").json() == refdata.load("discovery/apis_apps_v1.json")
    assert raw(test_server, "GET", "/openapi/v3").json() == refdata.load("openapi-v3/index.json")
    assert raw(test_server, "GET", "/version").json() == refdata.load("version.json")

"""A user limited to one namespace gets clear Forbidden errors elsewhere (RBAC)."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest
import yaml

from apiserver import refdata
from apiserver.fixtures import FAST, connect
from chartist.kube import Client, Forbidden, KubeSettings


def restricted_kubeconfig(cluster, tmp_path: Path, token: str) -> str:
    """The admin kubeconfig with its user swapped for ``token``."""
    doc = yaml.safe_load(Path(cluster.kubeconfig).read_text())
    current = doc.get("current-context")
    context = next(c["context"] for c in doc["contexts"] if c["name"] == current)
    doc["users"] = [{"name": context["user"], "user": {"token": token}}]
    path = tmp_path / "restricted"
    path.write_text(yaml.safe_dump(doc))
    return str(path)


@pytest.fixture
def restricted(cluster, tmp_path) -> tuple[Client, str]:
    """A service account that may only read and create ConfigMaps in the test namespace."""
    c, ns = cluster.client, cluster.namespace
    c.create({"apiVersion": "v1", "kind": "ServiceAccount", "metadata": {"name": "limited"}})
    c.create(
        {
            "apiVersion": "rbac.authorization.k8s.io/v1",
            "kind": "Role",
            "metadata": {"name": "cm"},
            "rules": [{"apiGroups": [""], "resources": ["configmaps"], "verbs": ["get", "list", "create"]}],
        }
    )
    c.create(
        {
            "apiVersion": "rbac.authorization.k8s.io/v1",
            "kind": "RoleBinding",
            "metadata": {"name": "cm"},
            "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "Role", "name": "cm"},
            "subjects": [{"kind": "ServiceAccount", "name": "limited", "namespace": ns}],
        }
    )
    mapping = c.mapping("v1", "ServiceAccount")
    response = c.transport.request(
        "POST",
        mapping.path(ns, "limited", "token"),
        content=b'{"apiVersion":"authentication.k8s.io/v1","kind":"TokenRequest","spec":{"expirationSeconds":600}}',
        headers={"Content-Type": "application/json"},
    )
    token = response.json()["status"]["token"]
    client = Client.from_settings(
        KubeSettings(kubeconfig=restricted_kubeconfig(cluster, tmp_path, token), namespace=ns, **FAST), {}
    )
    yield client, f"system:serviceaccount:{ns}:limited"
    client.close()


def test_allowed_in_its_namespace(cluster, restricted) -> None:
    client, _ = restricted
    client.create({"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "mine"}, "data": {"a": "1"}})
    assert "mine" in [i["metadata"]["name"] for i in client.list("v1", "ConfigMap")]


def test_forbidden_in_another_namespace(cluster, restricted) -> None:
    client, user = restricted
    with pytest.raises(Forbidden) as info:
        client.list("v1", "ConfigMap", namespace="default")
    err = info.value
    assert str(err) == (
        f'configmaps is forbidden: User "{user}" cannot list resource "configmaps" '
        'in API group "" in the namespace "default"'
    )
    assert (err.code, err.verb, err.resource, err.namespace) == (403, "list", "configmaps", "default")


def test_forbidden_verb_and_kind(cluster, restricted) -> None:
    client, user = restricted
    ns = cluster.namespace
    with pytest.raises(
        Forbidden,
        match=f'configmaps "x" is forbidden: User "{user}" cannot delete resource '
        f'"configmaps" in API group "" in the namespace "{ns}"',
    ):
        client.delete("v1", "ConfigMap", "x")
    with pytest.raises(
        Forbidden,
        match=f'deployments.apps is forbidden: User "{user}" cannot list resource '
        f'"deployments" in API group "apps" in the namespace "{ns}"',
    ):
        client.list("apps/v1", "Deployment")
    with pytest.raises(
        Forbidden,
        match=f'namespaces is forbidden: User "{user}" cannot list resource "namespaces" '
        'in API group "" at the cluster scope',
    ):
        client.list("v1", "Namespace")


def test_cluster_role_binding_grants_everywhere(test_server, tmp_path) -> None:
    token = test_server.add_user("reader", ("readers",))
    admin = connect(test_server, tmp_path / "admin")
    admin.create(
        {
            "apiVersion": "rbac.authorization.k8s.io/v1",
            "kind": "ClusterRole",
            "metadata": {"name": "read"},
            "rules": [{"apiGroups": ["*"], "resources": ["*"], "verbs": ["get", "list", "watch"]}],
        }
    )
    admin.create(
        {
            "apiVersion": "rbac.authorization.k8s.io/v1",
            "kind": "ClusterRoleBinding",
            "metadata": {"name": "read"},
            "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole", "name": "read"},
            "subjects": [{"kind": "Group", "name": "readers"}],
        }
    )
    reader = connect(test_server, tmp_path / "reader", {"token": token})
    assert reader.list("v1", "Namespace")
    assert reader.list("apps/v1", "Deployment", namespace="kube-system") == []
    with pytest.raises(Forbidden, match='cannot create resource "configmaps"'):
        reader.create({"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "x"}})


def test_resource_names_rule(test_server, tmp_path) -> None:
    token = test_server.add_user("one-secret")
    admin = connect(test_server, tmp_path / "admin")
    admin.create(
        {
            "apiVersion": "rbac.authorization.k8s.io/v1",
            "kind": "Role",
            "metadata": {"name": "s"},
            "rules": [
                {"apiGroups": [""], "resources": ["secrets"], "verbs": ["get"], "resourceNames": ["ok"]}
            ],
        }
    )
    admin.create(
        {
            "apiVersion": "rbac.authorization.k8s.io/v1",
            "kind": "RoleBinding",
            "metadata": {"name": "s"},
            "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "Role", "name": "s"},
            "subjects": [{"kind": "User", "name": "one-secret"}],
        }
    )
    for name in ("ok", "no"):
        admin.create(
            {
                "apiVersion": "v1",
                "kind": "Secret",
                "metadata": {"name": name},
                "data": {"k": base64.b64encode(b"v").decode()},
            }
        )
    user = connect(test_server, tmp_path / "user", {"token": token})
    assert user.get("v1", "Secret", "ok")["data"]["k"] == "dg=="
    with pytest.raises(Forbidden, match='secrets "no" is forbidden'):
        user.get("v1", "Secret", "no")


def test_status_body_matches_the_real_server(test_server, tmp_path) -> None:
    token = test_server.add_user("restricted")
    client = connect(test_server, tmp_path / "kc", {"token": token})
    with pytest.raises(Forbidden) as info:
        client.list("v1", "ConfigMap")
    want = refdata.example("list-403-forbidden.json")
    err = info.value
    assert (str(err), err.reason, dict(err.details), err.code) == (
        want["message"],
        want["reason"],
        want["details"],
        want["code"],
    )

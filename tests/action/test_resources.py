"""Building objects from manifests, ownership, merge patches, hook order: pure logic, no server."""

from __future__ import annotations

import pytest

from chartist.action.apply import (
    ApplyError,
    ApplyOptions,
    csa_upgrade_patch,
    three_way_merge_patch,
    two_way_merge_patch,
)
from chartist.action.configuration import ActionError, Configuration, new_storage
from chartist.action.hooks import hooks_for
from chartist.action.resources import (
    BuildError,
    OwnershipError,
    build,
    check_ownership,
    difference,
    from_json,
    keep_policy,
    set_ownership,
    to_json,
)
from chartist.gotemplate.values import Int64
from chartist.kube import FakeKubeClient
from chartist.release.model import Hook, Release

# -- three-way merge patch (apimachinery's CreateThreeWayJSONMergePatch) -----------------------------
THREE_WAY = [
    ("changed", {"a": 1}, {"a": 2}, {"a": 1}, {"a": 2}),
    ("removed-from-chart", {"a": 1, "b": 2}, {"a": 1}, {"a": 1, "b": 2, "c": 3}, {"b": None}),
    ("drift-restored", {"a": 1}, {"a": 1}, {"a": 5}, {"a": 1}),
    ("live-only-kept", {}, {"a": 1}, {"a": 1, "z": 9}, {}),
    ("nested", {"m": {"x": 1, "y": 2}}, {"m": {"x": 1}}, {"m": {"x": 1, "y": 2, "z": 3}}, {"m": {"y": None}}),
    ("list-replaced", {"l": [1]}, {"l": [1, 2]}, {"l": [1]}, {"l": [1, 2]}),
    ("unchanged", {"a": {"b": 1}}, {"a": {"b": 1}}, {"a": {"b": 1}, "s": {}}, {}),
    ("new-map", {}, {"m": {"x": 1}}, {}, {"m": {"x": 1}}),
    ("map-to-scalar", {"m": {"x": 1}}, {"m": "s"}, {"m": {"x": 1}}, {"m": "s"}),
]


@pytest.mark.parametrize("name, original, modified, current, want", THREE_WAY, ids=[r[0] for r in THREE_WAY])
def test_three_way_merge_patch(name, original, modified, current, want) -> None:
    assert three_way_merge_patch(original, modified, current) == want


@pytest.mark.parametrize(
    "original, modified, want",
    [
        ({"a": 1, "b": 2}, {"a": 1, "c": 3}, {"b": None, "c": 3}),
        ({"m": {"x": 1}}, {"m": {"x": 2}}, {"m": {"x": 2}}),
        ({"l": [1, 2]}, {"l": [2]}, {"l": [2]}),
        ({"a": 1}, {"a": 1}, {}),
    ],
    ids=["add-remove", "nested", "list", "same"],
)
def test_two_way_merge_patch(original, modified, want) -> None:
    assert two_way_merge_patch(original, modified) == want


def test_csa_upgrade_patch_moves_update_ownership_to_apply() -> None:
    live = {
        "apiVersion": "v1",
        "metadata": {
            "resourceVersion": "7",
            "managedFields": [
                {"manager": "helm", "operation": "Update", "apiVersion": "v1", "fieldsType": "FieldsV1",
                 "fieldsV1": {"f:data": {"f:a": {}}}, "time": "t1"},
                {"manager": "kubectl", "operation": "Update", "fieldsV1": {"f:data": {"f:z": {}}}},
                {"manager": "helm", "operation": "Apply", "apiVersion": "v1", "fieldsType": "FieldsV1",
                 "fieldsV1": {"f:data": {"f:b": {}}}, "time": "t2"},
            ],
        },
    }  # fmt: skip
    patch = csa_upgrade_patch(live, "helm")
    assert patch is not None and patch[0] == {"op": "test", "path": "/metadata/resourceVersion", "value": "7"}
    entries = patch[1]["value"]
    assert entries[0]["operation"] == "Apply" and entries[0]["fieldsV1"] == {"f:data": {"f:a": {}, "f:b": {}}}
    assert [e["manager"] for e in entries] == ["helm", "kubectl"]
    assert csa_upgrade_patch({"metadata": {"managedFields": entries}}, "helm") is None


@pytest.mark.parametrize(
    "opts, message",
    [
        (
            ApplyOptions(server_side=True, force_replace=True),
            "cannot use server-side apply and force replace together",
        ),
        (
            ApplyOptions(server_side=False, force_conflicts=True),
            "forceConflicts enabled when serverSideApply disabled",
        ),
        (
            ApplyOptions(server_side=True, three_way_merge=True),
            "cannot use three-way merge for unstructured and server-side apply",
        ),
        (ApplyOptions(server_side=False, force_replace=True, force_conflicts=True), "forceConflicts enabled"),
    ],
    ids=["ssa-replace", "csa-force", "ssa-three-way", "csa-force-replace"],
)
def test_apply_options_refused(opts: ApplyOptions, message: str) -> None:
    with pytest.raises(ApplyError, match=message):
        opts.check()


# -- building objects ------------------------------------------------------------------------------------
def test_build_fills_namespaces_and_flattens_lists() -> None:
    kube = FakeKubeClient()
    manifest = """\
---
apiVersion: v1
kind: ConfigMap
metadata: {name: a}
data: {n: "1"}
---
# Source: x
apiVersion: v1
kind: List
items:
- {apiVersion: v1, kind: Secret, metadata: {name: s, namespace: other}}
- {apiVersion: rbac.authorization.k8s.io/v1, kind: ClusterRole, metadata: {name: r, namespace: ignored}}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: d}
spec: {replicas: 3, ratio: 1.5}
"""
    res = build(kube, manifest, "team")
    assert [(r.kind, r.name, r.namespace, r.group) for r in res] == [
        ("ConfigMap", "a", "team", ""),
        ("Secret", "s", "other", ""),
        ("ClusterRole", "r", "", "rbac.authorization.k8s.io"),
        ("Deployment", "d", "team", "apps"),
    ]
    assert res[0].obj["metadata"]["namespace"] == "team" and "namespace" not in res[2].obj["metadata"]
    spec = res[3].obj["spec"]
    assert spec == {"replicas": 3, "ratio": 1.5} and type(spec["replicas"]) is int
    assert res[3].gvk == "apps/v1, Kind=Deployment" and res[0].gvk == "/v1, Kind=ConfigMap"
    assert res[3].describe() == 'Deployment "d" in namespace "team"'


@pytest.mark.parametrize(
    "manifest, message",
    [
        ("apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\n",
         'resource mapping not found for name: "w" namespace: "" from "": no matches for kind "Widget" in version '
         '"example.com/v1"\nensure CRDs are installed first'),
        ("apiVersion: v1\nmetadata: {name: w}\n", "Object 'Kind' is missing in"),
        ("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x, generateName: y}\n", "cannot both be set"),
    ],
    ids=["unserved-kind", "no-kind", "name-and-generate-name"],
)  # fmt: skip
def test_build_errors(manifest: str, message: str) -> None:
    from chartist.action.resources import existing_resource_conflict

    kube = FakeKubeClient(served_kinds=[("v1", "ConfigMap")])
    with pytest.raises(BuildError) as err:
        existing_resource_conflict(kube, build(kube, manifest, "default"), "r", "default")
    assert message in str(err.value)


def test_ownership() -> None:
    kube = FakeKubeClient()
    [r] = build(kube, "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a, labels: {x: z}}\n", "ns")
    set_ownership([r], "rel", "ns")
    meta = r.obj["metadata"]
    assert meta["labels"] == {"x": "z", "app.kubernetes.io/managed-by": "Helm"}
    assert meta["annotations"] == {"meta.helm.sh/release-name": "rel", "meta.helm.sh/release-namespace": "ns"}
    check_ownership(r.obj, "rel", "ns")
    with pytest.raises(OwnershipError) as err:
        check_ownership(r.obj, "other", "ns")
    assert str(err.value) == (
        'invalid ownership metadata; annotation validation error: key "meta.helm.sh/release-name" must equal '
        '"other": current value is "rel"'
    )


@pytest.mark.parametrize(
    "annotations, want",
    [({"helm.sh/resource-policy": "keep"}, True), ({"helm.sh/resource-policy": " Keep "}, True),
     ({"helm.sh/resource-policy": "delete"}, False), ({}, False), (None, False)],
    ids=["keep", "case-space", "other", "empty", "none"],
)  # fmt: skip
def test_keep_policy(annotations, want) -> None:
    assert keep_policy(annotations) is want


def test_difference_ignores_the_version() -> None:
    kube = FakeKubeClient()
    old = build(kube, "apiVersion: apps/v1beta1\nkind: Deployment\nmetadata: {name: a}\n---\n"
                      "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\n", "ns")  # fmt: skip
    new = build(kube, "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: a}\n", "ns")
    assert [r.name for r in difference(old, new)] == ["b"]


def test_json_conversions() -> None:
    assert to_json({"a": [1.0, 2.5, {"b": 3.0}], "c": 1e22}) == {"a": [1, 2.5, {"b": 3}], "c": 1e22}
    got = from_json({"n": 3, "f": 1.5, "l": [1, True, None]})
    assert type(got["n"]) is Int64 and got["f"] == 1.5 and type(got["l"][0]) is Int64 and got["l"][1] is True


# -- hooks -----------------------------------------------------------------------------------------------
def test_hooks_order_by_weight_then_name_keeping_kind_order() -> None:
    hooks = [
        Hook("b", "ServiceAccount", "t1", "", ["pre-install"], weight=1),
        Hook("a", "Job", "t2", "", ["pre-install"], weight=1),
        Hook("z", "Job", "t3", "", ["pre-install"], weight=-5),
        Hook("same", "Secret", "t4", "", ["pre-install"], weight=0),
        Hook("same", "Job", "t5", "", ["pre-install", "post-install"], weight=0),
        Hook("other", "Job", "t6", "", ["post-install"], weight=0),
    ]
    rel = Release(name="r", hooks=hooks)
    assert [h.path for h in hooks_for(rel, "pre-install")] == ["t3", "t4", "t5", "t2", "t1"]
    assert [h.path for h in hooks_for(rel, "post-install")] == ["t6", "t5"]


# -- configuration -----------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "name, driver",
    [("secret", "Secret"), ("secrets", "Secret"), ("", "Secret"), ("configmap", "ConfigMap"),
     ("configmaps", "ConfigMap"), ("memory", "Memory")],
    ids=["secret", "secrets", "empty", "configmap", "configmaps", "memory"],
)  # fmt: skip
def test_new_storage(name: str, driver: str) -> None:
    assert new_storage(name, FakeKubeClient(), "ns").driver.name == driver


def test_new_storage_unknown() -> None:
    with pytest.raises(ActionError, match=r'^unknown driver "etcd"$'):
        new_storage("etcd", FakeKubeClient(), "ns")


def test_capabilities_and_lookup_from_the_cluster() -> None:
    kube = FakeKubeClient([
        {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "c", "namespace": "default"}, "data": {"k": "v"}},
        {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "d", "namespace": "default"},
         "spec": {"replicas": 2}},
    ])  # fmt: skip
    cfg = Configuration.create(kube, driver="memory")
    caps = cfg.get_capabilities()
    assert (
        caps.KubeVersion.Version == "v1.36.0"
        and caps.KubeVersion.Major == "1"
        and caps.KubeVersion.Minor == "36"
    )
    assert caps.KubeVersion.String.fn() == "v1.36.0"
    assert "apps/v1" in caps.APIVersions and "batch/v1beta1" not in caps.APIVersions
    lookup = cfg.lookup()
    dep = lookup("apps/v1", "Deployment", "default", "d")
    assert type(dep["spec"]["replicas"]) is Int64
    assert lookup("v1", "ConfigMap", "default", "missing") == {}
    listed = lookup("v1", "ConfigMap", "", "")
    assert listed["kind"] == "ConfigMapList" and [i["metadata"]["name"] for i in listed["items"]] == ["c"]

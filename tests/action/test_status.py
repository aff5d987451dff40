"""The Status action: a stored revision with the live objects of its manifest (Helm's
KubeClient.Get with related pods, pkg/kube/client.go at v4.2.3)."""

from __future__ import annotations

import pytest

from chartist.action.configuration import ActionError
from chartist.action.status import RELATED_PODS, Status, live_resources
from chartist.kube.fake import FakeKubeClient

from .read_support import memory_cfg, mock

MANIFEST = """\
---
# Source: demo/templates/cm.yaml
apiVersion: v1
kind: ConfigMap
metadata:
  name: cm
data: {a: b}
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: gone
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata: {labels: {app: web}}
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  selector:
    matchLabels: {app: web}
---
apiVersion: batch/v1
kind: Job
metadata:
  name: job
spec:
  selector: {}
"""

LIVE = [
    {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "cm", "namespace": "default"}, "data": {"a": "b"}},
    {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "web", "namespace": "default"},
     "spec": {"selector": {"matchLabels": {"app": "web"}}}},
    {"apiVersion": "apps/v1", "kind": "StatefulSet", "metadata": {"name": "db", "namespace": "default"}},
    {"apiVersion": "batch/v1", "kind": "Job", "metadata": {"name": "job", "namespace": "default"}},
    {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "web-1", "namespace": "default", "labels": {"app": "web"}}},
    {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "other", "namespace": "default", "labels": {"app": "x"}}},
]  # fmt: skip


def test_live_resources_groups_by_version_and_kind() -> None:
    kube = FakeKubeClient(LIVE)
    got = live_resources(kube, MANIFEST, "default")
    assert sorted(got) == ["v1/ConfigMap", "v1/Deployment", "v1/Job", "v1/Pod(related)", "v1/StatefulSet"]
    # The missing ConfigMap is left out, as Helm's Get does.
    assert [o["metadata"]["name"] for o in got["v1/ConfigMap"]] == ["cm"]
    # One pod list per distinct selector (the StatefulSet repeats the Deployment's); the Job's
    # selector has no matchLabels, so it has no related pods.
    pods = got[RELATED_PODS]
    assert len(pods) == 1 and pods[0]["kind"] == "PodList"
    assert [p["metadata"]["name"] for p in pods[0]["items"]] == ["web-1"]


def test_status_returns_a_copy_with_resources() -> None:
    rel = mock("r")
    rel.manifest = MANIFEST
    cfg = memory_cfg(rel, kube=FakeKubeClient(LIVE))
    got = Status(cfg).run("r")
    assert sorted(got.info.resources or {}) == ["v1/ConfigMap", "v1/Deployment", "v1/Job", "v1/Pod(related)",
                                                 "v1/StatefulSet"]  # fmt: skip
    assert cfg.releases.get("r", 1).info.resources is None  # never stored
    # Table mode against a client without Table support reads plain objects.
    assert Status(cfg, show_resources_table=True).run("r").info.resources == got.info.resources


def test_status_unserved_kind_fails() -> None:
    rel = mock("r")
    rel.manifest = "apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n"
    kube = FakeKubeClient(served_kinds={("v1", "ConfigMap")})
    with pytest.raises(ActionError):
        Status(memory_cfg(rel, kube=kube)).run("r")


def test_status_revision() -> None:
    cfg = memory_cfg(mock("r", 1, "superseded"), mock("r", 2, "deployed"))
    assert Status(cfg).run("r").version == 2
    assert Status(cfg, version=1).run("r").info.status == "superseded"

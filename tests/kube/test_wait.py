"""Waiting for readiness per kind, driven by the test server's simulated controller."""

from __future__ import annotations

import time
from typing import Any

import pytest

from chartist.kube import Client, WaitError

from .test_client import deployment


@pytest.fixture
def client(server_client: Client) -> Client:
    return server_client


def template(name: str, **annotations: str) -> dict[str, Any]:
    meta: dict[str, Any] = {"labels": {"app": name}}
    if annotations:
        meta["annotations"] = annotations
    return {
        "metadata": meta,
        "spec": {"containers": [{"name": "c", "image": "busybox:1"}], "restartPolicy": "Never"},
    }


def workload(kind: str, name: str, **annotations: str) -> dict[str, Any]:
    meta: dict[str, Any] = {"name": name}
    if annotations:
        meta["annotations"] = annotations
    if kind == "Job":
        return {
            "apiVersion": "batch/v1",
            "kind": "Job",
            "metadata": meta,
            "spec": {"template": template(name)},
        }
    if kind == "Pod":
        return {
            "apiVersion": "v1",
            "kind": "Pod",
            "metadata": meta,
            "spec": {"containers": [{"name": "c", "image": "busybox:1"}]},
        }
    if kind == "PersistentVolumeClaim":
        return {
            "apiVersion": "v1",
            "kind": kind,
            "metadata": meta,
            "spec": {"accessModes": ["ReadWriteOnce"], "resources": {"requests": {"storage": "1Gi"}}},
        }
    if kind == "Service":
        return {
            "apiVersion": "v1",
            "kind": kind,
            "metadata": meta,
            "spec": {"type": "LoadBalancer", "selector": {"app": name}, "ports": [{"port": 80}]},
        }
    tmpl = template(name)
    tmpl["spec"]["restartPolicy"] = "Always"
    spec: dict[str, Any] = {"selector": {"matchLabels": {"app": name}}, "template": tmpl}
    if kind != "DaemonSet":
        spec["replicas"] = 2
    if kind == "StatefulSet":
        spec["serviceName"] = name
    return {"apiVersion": "apps/v1", "kind": kind, "metadata": meta, "spec": spec}


@pytest.mark.parametrize(
    "kind",
    [
        "Deployment",
        "StatefulSet",
        "DaemonSet",
        "ReplicaSet",
        "Job",
        "Pod",
        "PersistentVolumeClaim",
        "Service",
    ],
)
def test_becomes_ready(client: Client, kind: str) -> None:
    obj = workload(kind, kind.lower())
    client.create(obj)
    client.wait_ready([obj], timeout=10)


@pytest.mark.parametrize(
    "kind,want",
    [
        (
            "Deployment",
            "resource Deployment/default/deployment not ready. status: InProgress, message: Replicas: 0/2",
        ),
        (
            "StatefulSet",
            "resource StatefulSet/default/statefulset not ready. status: InProgress, message: Replicas: 0/2",
        ),
        (
            "DaemonSet",
            "resource DaemonSet/default/daemonset not ready. status: InProgress, "
            "message: DaemonSet status.observedGeneration not found",
        ),
        (
            "PersistentVolumeClaim",
            "resource PersistentVolumeClaim/default/persistentvolumeclaim not ready. "
            "status: InProgress, message: PVC is not Bound. phase: Pending",
        ),
        (
            "Pod",
            "resource Pod/default/pod not ready. status: InProgress, message: Pod is in the Pending phase",
        ),
    ],
    ids=["deployment", "statefulset", "daemonset", "pvc", "pod"],
)
def test_timeout_names_each_resource(test_server, client: Client, kind: str, want: str) -> None:
    test_server.controller.enabled = False
    obj = workload(kind, kind.lower())
    client.create(obj)
    with pytest.raises(WaitError) as info:
        client.wait_ready([obj], timeout=0.3)
    assert str(info.value) == f"{want}\ncontext deadline exceeded"
    assert info.value.timed_out


def test_progressing_deployment_message(test_server, client: Client) -> None:
    test_server.controller.delay = 30
    obj = deployment(replicas=3)
    client.create(obj)
    deadline = time.monotonic() + 5
    while "observedGeneration" not in client.get("apps/v1", "Deployment", "web").get("status", {}):
        assert time.monotonic() < deadline
        time.sleep(0.02)
    with pytest.raises(WaitError, match="message: Available: 0/3"):
        client.wait_ready([obj], timeout=0.2)


def test_failed_job_ends_wait_early(client: Client) -> None:
    job = workload("Job", "bad", **{"apiserver.test/job-result": "fail"})
    ok = workload("Deployment", "good")
    client.create(job)
    client.create(ok)
    started = time.monotonic()
    with pytest.raises(WaitError) as info:
        client.wait_ready([job, ok], timeout=30, mode="jobs")
    assert time.monotonic() - started < 10
    assert (
        str(info.value)
        == "resource Job/default/bad not ready. status: Failed, message: Job Failed. failed: 1/1"
    )
    assert not info.value.timed_out


def test_failed_deployment(client: Client) -> None:
    obj = workload("Deployment", "broken", **{"apiserver.test/fail": "true"})
    client.create(obj)
    with pytest.raises(WaitError, match="status: Failed, message: Progress deadline exceeded"):
        client.wait_ready([obj], timeout=10)


def test_running_job_is_ready_unless_waiting_for_jobs(test_server, client: Client) -> None:
    test_server.controller.delay = 30
    job = workload("Job", "slow")
    client.create(job)
    client.wait_ready([job], timeout=5)  # started is enough for kstatus
    with pytest.raises(WaitError, match="message: Job in progress"):
        client.wait_ready([job], timeout=0.3, mode="jobs")


@pytest.mark.parametrize(
    "annotation,ok",
    [("Succeeded", True), ("Failed", False), ("CrashLoopBackOff", False)],
    ids=["succeeded", "failed", "crashloop"],
)
def test_hook_pods(client: Client, annotation: str, ok: bool) -> None:
    pod = workload("Pod", "hook", **{"apiserver.test/pod-phase": annotation})
    client.create(pod)
    if ok:
        client.wait_ready([pod], timeout=10, mode="hooks")
    else:
        with pytest.raises(WaitError):
            client.wait_ready([pod], timeout=2, mode="hooks")


def test_paused_deployment_is_not_waited_for(test_server, client: Client) -> None:
    test_server.controller.enabled = False
    obj = deployment()
    obj["spec"]["paused"] = True
    client.create(obj)
    client.wait_ready([obj], timeout=0.2)


def test_missing_object_is_not_ready(client: Client) -> None:
    with pytest.raises(WaitError, match="status: NotFound, message: Resource not found"):
        client.wait_ready([workload("Deployment", "ghost")], timeout=0.2)


def test_wait_deleted(test_server, client: Client) -> None:
    cm = {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "held", "finalizers": ["x/y"]}}
    client.create(cm)
    client.delete("v1", "ConfigMap", "held")
    with pytest.raises(WaitError) as info:
        client.wait_deleted([cm], timeout=0.2)
    assert str(info.value).startswith(
        "resource ConfigMap/default/held still exists. status: Terminating, message: Resource scheduled for deletion"
    )
    client.patch("v1", "ConfigMap", "held", {"metadata": {"finalizers": None}})
    client.wait_deleted([cm], timeout=5)
    client.wait_deleted([workload("Pod", "never-existed")], timeout=1)

"""kstatus rules as Helm v4 applies them, one row per rule (expected values from cli-utils'
status/core.go and Helm's custom Job and Pod readers)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest

from chartist.kube import readiness
from chartist.kube.readiness import CURRENT, FAILED, IN_PROGRESS, TERMINATING, UNKNOWN


@dataclass
class Case:
    name: str
    obj: dict[str, Any]
    status: str
    message: str
    fn: Any = field(default=readiness.compute)


def obj(api_version: str, kind: str, *, spec=None, status=None, meta=None) -> dict[str, Any]:
    out: dict[str, Any] = {
        "apiVersion": api_version,
        "kind": kind,
        "metadata": {"name": "x", "namespace": "ns", **(meta or {})},
    }
    if spec is not None:
        out["spec"] = spec
    if status is not None:
        out["status"] = status
    return out


def cond(type_: str, status: str, reason: str = "", message: str = "") -> dict[str, str]:
    return {"type": type_, "status": status, "reason": reason, "message": message}


AVAILABLE = [cond("Available", "True"), cond("Progressing", "True", "NewReplicaSetAvailable")]
DEPLOY_META = {"generation": 1}

CASES = [
    # -- generic rules
    Case(
        "terminating",
        obj("v1", "ConfigMap", meta={"deletionTimestamp": "2026-01-01T00:00:00Z"}),
        TERMINATING,
        "Resource scheduled for deletion",
    ),
    Case(
        "generation-not-observed",
        obj("apps/v1", "Deployment", meta={"generation": 2}, status={"observedGeneration": 1}),
        IN_PROGRESS,
        "Deployment generation is 2, but latest observed generation is 1",
    ),
    Case(
        "reconciling-condition",
        obj("example.com/v1", "Widget", status={"conditions": [cond("Reconciling", "True", "R", "working")]}),
        IN_PROGRESS,
        "working",
    ),
    Case(
        "stalled-condition",
        obj("example.com/v1", "Widget", status={"conditions": [cond("Stalled", "True", "S", "stuck")]}),
        FAILED,
        "stuck",
    ),
    Case("custom-resource-default", obj("example.com/v1", "Widget"), CURRENT, "Resource is current"),
    Case("configmap", obj("v1", "ConfigMap"), CURRENT, "Resource is always ready"),
    Case("secret", obj("v1", "Secret"), CURRENT, "Resource is always ready"),
    Case("cronjob", obj("batch/v1", "CronJob"), CURRENT, "Resource is always ready"),
    Case(
        "apiservice-unavailable-is-current",
        obj("apiregistration.k8s.io/v1", "APIService", status={"conditions": [cond("Available", "False")]}),
        CURRENT,
        "Resource is current",
    ),
    # -- Deployment
    Case(
        "deployment-no-status",
        obj("apps/v1", "Deployment", meta=DEPLOY_META, spec={"replicas": 3}),
        IN_PROGRESS,
        "Replicas: 0/3",
    ),
    Case(
        "deployment-default-replicas",
        obj("apps/v1", "Deployment", meta=DEPLOY_META, spec={}),
        IN_PROGRESS,
        "Replicas: 0/1",
    ),
    Case(
        "deployment-less-updated",
        obj(
            "apps/v1",
            "Deployment",
            meta=DEPLOY_META,
            spec={"replicas": 3},
            status={"observedGeneration": 1, "replicas": 3, "updatedReplicas": 1},
        ),
        IN_PROGRESS,
        "Updated: 1/3",
    ),
    Case(
        "deployment-extra-pods",
        obj(
            "apps/v1",
            "Deployment",
            meta=DEPLOY_META,
            spec={"replicas": 2},
            status={"replicas": 3, "updatedReplicas": 2},
        ),
        IN_PROGRESS,
        "Pending termination: 1",
    ),
    Case(
        "deployment-less-available",
        obj(
            "apps/v1",
            "Deployment",
            meta=DEPLOY_META,
            spec={"replicas": 3},
            status={"replicas": 3, "updatedReplicas": 3, "availableReplicas": 1, "readyReplicas": 1},
        ),
        IN_PROGRESS,
        "Available: 1/3",
    ),
    Case(
        "deployment-less-ready",
        obj(
            "apps/v1",
            "Deployment",
            meta=DEPLOY_META,
            spec={"replicas": 3},
            status={"replicas": 3, "updatedReplicas": 3, "availableReplicas": 3, "readyReplicas": 2},
        ),
        IN_PROGRESS,
        "Ready: 2/3",
    ),
    Case(
        "deployment-rs-not-available",
        obj(
            "apps/v1",
            "Deployment",
            meta=DEPLOY_META,
            spec={"replicas": 1, "progressDeadlineSeconds": 600},
            status={
                "replicas": 1,
                "updatedReplicas": 1,
                "availableReplicas": 1,
                "readyReplicas": 1,
                "conditions": [cond("Available", "True"), cond("Progressing", "True", "ReplicaSetUpdated")],
            },
        ),
        IN_PROGRESS,
        "ReplicaSet not Available",
    ),
    Case(
        "deployment-not-available",
        obj(
            "apps/v1",
            "Deployment",
            meta=DEPLOY_META,
            spec={"replicas": 1, "progressDeadlineSeconds": 600},
            status={
                "replicas": 1,
                "updatedReplicas": 1,
                "availableReplicas": 1,
                "readyReplicas": 1,
                "conditions": [
                    cond("Available", "False"),
                    cond("Progressing", "True", "NewReplicaSetAvailable"),
                ],
            },
        ),
        IN_PROGRESS,
        "Deployment not Available",
    ),
    Case(
        "deployment-no-deadline-means-progressing",
        obj(
            "apps/v1",
            "Deployment",
            meta=DEPLOY_META,
            spec={"replicas": 1},
            status={
                "replicas": 1,
                "updatedReplicas": 1,
                "availableReplicas": 1,
                "readyReplicas": 1,
                "conditions": [cond("Available", "True")],
            },
        ),
        CURRENT,
        "Deployment is available. Replicas: 1",
    ),
    Case(
        "deployment-ready",
        obj(
            "apps/v1",
            "Deployment",
            meta=DEPLOY_META,
            spec={"replicas": 2, "progressDeadlineSeconds": 600},
            status={
                "observedGeneration": 1,
                "replicas": 2,
                "updatedReplicas": 2,
                "availableReplicas": 2,
                "readyReplicas": 2,
                "conditions": AVAILABLE,
            },
        ),
        CURRENT,
        "Deployment is available. Replicas: 2",
    ),
    Case(
        "deployment-deadline-exceeded",
        obj(
            "apps/v1",
            "Deployment",
            meta=DEPLOY_META,
            spec={"replicas": 2},
            status={"conditions": [cond("Progressing", "False", "ProgressDeadlineExceeded")]},
        ),
        FAILED,
        "Progress deadline exceeded",
    ),
    # -- StatefulSet
    Case(
        "sts-ondelete",
        obj("apps/v1", "StatefulSet", spec={"updateStrategy": {"type": "OnDelete"}}),
        CURRENT,
        "StatefulSet is using the ondelete update strategy",
    ),
    Case(
        "sts-less-ready",
        obj("apps/v1", "StatefulSet", spec={"replicas": 3}, status={"replicas": 3, "readyReplicas": 1}),
        IN_PROGRESS,
        "Ready: 1/3",
    ),
    Case(
        "sts-partition",
        obj(
            "apps/v1",
            "StatefulSet",
            spec={"replicas": 3, "updateStrategy": {"rollingUpdate": {"partition": 1}}},
            status={"replicas": 3, "readyReplicas": 3, "updatedReplicas": 1},
        ),
        IN_PROGRESS,
        "updated: 1/2",
    ),
    Case(
        "sts-partition-done",
        obj(
            "apps/v1",
            "StatefulSet",
            spec={"replicas": 3, "updateStrategy": {"rollingUpdate": {"partition": 1}}},
            status={"replicas": 3, "readyReplicas": 3, "updatedReplicas": 2},
        ),
        CURRENT,
        "Partition rollout complete. updated: 2",
    ),
    Case(
        "sts-less-current",
        obj(
            "apps/v1",
            "StatefulSet",
            spec={"replicas": 2},
            status={"replicas": 2, "readyReplicas": 2, "currentReplicas": 1},
        ),
        IN_PROGRESS,
        "current: 1/2",
    ),
    Case(
        "sts-revision",
        obj(
            "apps/v1",
            "StatefulSet",
            spec={"replicas": 1},
            status={
                "replicas": 1,
                "readyReplicas": 1,
                "currentReplicas": 1,
                "currentRevision": "a",
                "updateRevision": "b",
            },
        ),
        IN_PROGRESS,
        "Waiting for updated revision to match current",
    ),
    Case(
        "sts-ready",
        obj(
            "apps/v1",
            "StatefulSet",
            spec={"replicas": 1},
            status={
                "replicas": 1,
                "readyReplicas": 1,
                "currentReplicas": 1,
                "currentRevision": "a",
                "updateRevision": "a",
            },
        ),
        CURRENT,
        "All replicas scheduled as expected. Replicas: 1",
    ),
    # -- DaemonSet
    Case(
        "ds-no-generation",
        obj("apps/v1", "DaemonSet"),
        IN_PROGRESS,
        "DaemonSet metadata.generation not found",
    ),
    Case(
        "ds-no-observed",
        obj("apps/v1", "DaemonSet", meta={"generation": 1}, status={}),
        IN_PROGRESS,
        "DaemonSet status.observedGeneration not found",
    ),
    Case(
        "ds-no-desired",
        obj("apps/v1", "DaemonSet", meta={"generation": 1}, status={"observedGeneration": 1}),
        IN_PROGRESS,
        "Missing .status.desiredNumberScheduled",
    ),
    Case(
        "ds-less-available",
        obj(
            "apps/v1",
            "DaemonSet",
            meta={"generation": 1},
            status={
                "observedGeneration": 1,
                "desiredNumberScheduled": 2,
                "currentNumberScheduled": 2,
                "updatedNumberScheduled": 2,
                "numberAvailable": 1,
            },
        ),
        IN_PROGRESS,
        "Available: 1/2",
    ),
    Case(
        "ds-ready",
        obj(
            "apps/v1",
            "DaemonSet",
            meta={"generation": 1},
            status={
                "observedGeneration": 1,
                "desiredNumberScheduled": 2,
                "currentNumberScheduled": 2,
                "updatedNumberScheduled": 2,
                "numberAvailable": 2,
                "numberReady": 2,
            },
        ),
        CURRENT,
        "All replicas scheduled as expected. Replicas: 2",
    ),
    # -- ReplicaSet
    Case(
        "rs-failure",
        obj("apps/v1", "ReplicaSet", status={"conditions": [cond("ReplicaFailure", "True")]}),
        IN_PROGRESS,
        "Replica Failure condition. Check Pods",
    ),
    Case(
        "rs-labelled",
        obj("apps/v1", "ReplicaSet", spec={"replicas": 2}, status={"fullyLabeledReplicas": 1}),
        IN_PROGRESS,
        "Labelled: 1/2",
    ),
    Case(
        "rs-ready",
        obj(
            "apps/v1",
            "ReplicaSet",
            spec={"replicas": 2},
            status={"replicas": 2, "fullyLabeledReplicas": 2, "availableReplicas": 2, "readyReplicas": 2},
        ),
        CURRENT,
        "ReplicaSet is available. Replicas: 2",
    ),
    # -- Pod
    Case("pod-no-phase", obj("v1", "Pod"), IN_PROGRESS, "Pod phase not available"),
    Case(
        "pod-pending",
        obj("v1", "Pod", status={"phase": "Pending"}),
        IN_PROGRESS,
        "Pod is in the Pending phase",
    ),
    Case(
        "pod-unschedulable-long",
        obj(
            "v1",
            "Pod",
            meta={"creationTimestamp": "2020-01-01T00:00:00Z"},
            status={"phase": "Pending", "conditions": [cond("PodScheduled", "False", "Unschedulable")]},
        ),
        FAILED,
        "Pod could not be scheduled",
    ),
    Case(
        "pod-running-not-ready",
        obj("v1", "Pod", status={"phase": "Running"}),
        IN_PROGRESS,
        "Pod is running but is not Ready",
    ),
    Case(
        "pod-crashloop",
        obj(
            "v1",
            "Pod",
            status={
                "phase": "Running",
                "containerStatuses": [
                    {"name": "a", "state": {"waiting": {"reason": "CrashLoopBackOff"}}},
                    {"name": "b", "state": {"running": {}}},
                ],
            },
        ),
        FAILED,
        "Containers in CrashLoop state: a",
    ),
    Case(
        "pod-ready",
        obj("v1", "Pod", status={"phase": "Running", "conditions": [cond("Ready", "True")]}),
        CURRENT,
        "Pod is Ready",
    ),
    Case(
        "pod-succeeded",
        obj("v1", "Pod", status={"phase": "Succeeded"}),
        CURRENT,
        "Pod has completed successfully",
    ),
    Case(
        "pod-failed",
        obj("v1", "Pod", status={"phase": "Failed"}),
        CURRENT,
        "Pod has completed, but not successfully",
    ),
    Case("pod-unknown-phase", obj("v1", "Pod", status={"phase": "Weird"}), UNKNOWN, "unknown phase Weird"),
    # -- Job
    Case("job-not-started", obj("batch/v1", "Job"), IN_PROGRESS, "Job not started"),
    Case(
        "job-running",
        obj("batch/v1", "Job", status={"startTime": "t", "active": 1}),
        CURRENT,
        "Job in progress. success:0, active: 1, failed: 0",
    ),
    Case(
        "job-complete",
        obj(
            "batch/v1",
            "Job",
            spec={"completions": 2},
            status={"succeeded": 2, "conditions": [cond("Complete", "True")]},
        ),
        CURRENT,
        "Job Completed. succeeded: 2/2",
    ),
    Case(
        "job-failed",
        obj("batch/v1", "Job", status={"failed": 1, "conditions": [cond("Failed", "True")]}),
        FAILED,
        "Job Failed. failed: 1/1",
    ),
    Case(
        "job-suspended",
        obj("batch/v1", "Job", status={"conditions": [cond("Suspended", "True")]}),
        CURRENT,
        "Job is suspended",
    ),
    # -- PVC, Service, PDB, CRD
    Case(
        "pvc-pending",
        obj("v1", "PersistentVolumeClaim", status={"phase": "Pending"}),
        IN_PROGRESS,
        "PVC is not Bound. phase: Pending",
    ),
    Case(
        "pvc-no-status", obj("v1", "PersistentVolumeClaim"), IN_PROGRESS, "PVC is not Bound. phase: unknown"
    ),
    Case("pvc-bound", obj("v1", "PersistentVolumeClaim", status={"phase": "Bound"}), CURRENT, "PVC is Bound"),
    Case(
        "svc-lb-no-ip",
        obj("v1", "Service", spec={"type": "LoadBalancer"}),
        IN_PROGRESS,
        "ClusterIP not set. Service type: LoadBalancer",
    ),
    Case(
        "svc-lb",
        obj("v1", "Service", spec={"type": "LoadBalancer", "clusterIP": "10.0.0.1"}),
        CURRENT,
        "Service is ready",
    ),
    Case("svc-clusterip", obj("v1", "Service", spec={}), CURRENT, "Service is ready"),
    Case("pdb", obj("policy/v1", "PodDisruptionBudget"), CURRENT, "AllowedDisruptions has been computed."),
    Case(
        "crd-installing",
        obj("apiextensions.k8s.io/v1", "CustomResourceDefinition"),
        IN_PROGRESS,
        "Install in progress",
    ),
    Case(
        "crd-established",
        obj(
            "apiextensions.k8s.io/v1",
            "CustomResourceDefinition",
            status={"conditions": [cond("NamesAccepted", "True"), cond("Established", "True")]},
        ),
        CURRENT,
        "CRD is established",
    ),
    Case(
        "crd-names-conflict",
        obj(
            "apiextensions.k8s.io/v1",
            "CustomResourceDefinition",
            status={"conditions": [cond("NamesAccepted", "False", "X", "names conflict")]},
        ),
        FAILED,
        "names conflict",
    ),
    Case(
        "crd-not-established",
        obj(
            "apiextensions.k8s.io/v1",
            "CustomResourceDefinition",
            status={"conditions": [cond("Established", "False", "Broken", "bad")]},
        ),
        FAILED,
        "bad",
    ),
    # -- --wait-for-jobs and hooks
    Case(
        "jobs-running-job",
        obj("batch/v1", "Job", status={"startTime": "t", "active": 1}),
        IN_PROGRESS,
        "Job in progress",
        readiness.compute_with_jobs,
    ),
    Case(
        "jobs-failed-job",
        obj("batch/v1", "Job", status={"failed": 2, "conditions": [cond("Failed", "True")]}),
        FAILED,
        "Job Failed. failed: 2/1",
        readiness.compute_with_jobs,
    ),
    Case(
        "jobs-deployment-unchanged",
        obj("apps/v1", "Deployment", meta=DEPLOY_META, spec={"replicas": 3}),
        IN_PROGRESS,
        "Replicas: 0/3",
        readiness.compute_with_jobs,
    ),
    Case(
        "hook-job-complete",
        obj("batch/v1", "Job", status={"succeeded": 1, "conditions": [cond("Complete", "True")]}),
        CURRENT,
        "Job Completed. succeeded: 1/1",
        readiness.compute_hook,
    ),
    Case(
        "hook-pod-running",
        obj("v1", "Pod", status={"phase": "Running", "conditions": [cond("Ready", "True")]}),
        IN_PROGRESS,
        "Pod in progress",
        readiness.compute_hook,
    ),
    Case(
        "hook-pod-succeeded",
        obj("v1", "Pod", status={"phase": "Succeeded"}),
        CURRENT,
        "pod x succeeded",
        readiness.compute_hook,
    ),
    Case(
        "hook-pod-failed",
        obj("v1", "Pod", status={"phase": "Failed"}),
        FAILED,
        "pod x failed",
        readiness.compute_hook,
    ),
    Case(
        "hook-other-kind",
        obj("apps/v1", "Deployment", spec={"replicas": 3}),
        CURRENT,
        "Resource is current",
        readiness.compute_hook,
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_compute(case: Case) -> None:
    result = case.fn(case.obj)
    assert (result.status, result.message) == (case.status, case.message)


def test_pod_unschedulable_within_window() -> None:
    pod = obj(
        "v1",
        "Pod",
        meta={"creationTimestamp": "2026-01-01T00:00:00Z"},
        status={"phase": "Pending", "conditions": [cond("PodScheduled", "False", "Unschedulable")]},
    )
    created = 1767225600.0  # 2026-01-01T00:00:00Z
    assert readiness._pod(pod, now=created + 5) == readiness.Result(IN_PROGRESS, "Pod has not been scheduled")
    assert readiness._pod(pod, now=created + 16) == readiness.Result(FAILED, "Pod could not be scheduled")


@pytest.mark.parametrize(
    "deleting,want",
    [
        (False, "resource Deployment/ns/x not ready. status: InProgress, message: Ready: 1/3"),
        (True, "resource Deployment/ns/x still exists. status: InProgress, message: Ready: 1/3"),
    ],
    ids=["ready", "delete"],
)
def test_describe(deleting: bool, want: str) -> None:
    result = readiness.Result(IN_PROGRESS, "Ready: 1/3")
    assert readiness.describe(obj("apps/v1", "Deployment"), result, deleting=deleting) == want

"""Readiness of one object as Helm v4's status watcher computes it (kstatus rules).

Pure functions over the object as the server returns it (with ``status``):

* :func:`compute` — kstatus ``Compute``: generic checks first (deletionTimestamp -> Terminating;
  ``metadata.generation`` not yet observed -> InProgress; a ``Reconciling`` / ``Stalled`` condition
  that is True), then the per-kind rules for Deployment, StatefulSet, DaemonSet, ReplicaSet, Pod,
  Job, PersistentVolumeClaim, Service, PodDisruptionBudget, CustomResourceDefinition; any other
  kind (APIService and custom resources included) is Current unless a generic rule said otherwise.
* :func:`compute_with_jobs` — ``helm install --wait --wait-for-jobs``: a Job is Current only once
  it completed (Helm's custom Job reader).
* :func:`compute_hook` — hooks (``WatchUntilReady``): Jobs must complete, Pods must succeed,
  everything else is ready at once.

The messages are kstatus's own ("Ready: 1/3", "Job Failed. failed: 1/1"); :func:`describe` puts
one into Helm's line ``resource Deployment/default/web not ready. status: InProgress, message: Ready: 1/3``.
Hand-written: kstatus is Go; no Python package implements it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

CURRENT = "Current"
IN_PROGRESS = "InProgress"
FAILED = "Failed"
TERMINATING = "Terminating"
NOT_FOUND = "NotFound"
UNKNOWN = "Unknown"

#: How long a Pod may stay unschedulable before it counts as Failed (kstatus ScheduleWindow).
SCHEDULE_WINDOW = 15.0
_MAX_INT32 = 2**31 - 1


@dataclass(frozen=True, slots=True)
class Result:
    """A status (one of the constants above) and kstatus's message for it."""

    status: str
    message: str


def _field(obj: Mapping[str, Any], path: str) -> Any:
    cur: Any = obj
    for part in path.split("."):
        if not isinstance(cur, Mapping):
            return None
        cur = cur.get(part)
    return cur


def _int(obj: Mapping[str, Any], path: str, default: int) -> int:
    value = _field(obj, path)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return default
    return int(value)


def _str(obj: Mapping[str, Any], path: str, default: str) -> str:
    value = _field(obj, path)
    return value if isinstance(value, str) else default


def _conditions(obj: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    conds = _field(obj, "status.conditions")
    return [c for c in conds if isinstance(c, Mapping)] if isinstance(conds, list) else []


def _group(obj: Mapping[str, Any]) -> str:
    api_version = str(obj.get("apiVersion") or "")
    return api_version.rpartition("/")[0]


def _generic(obj: Mapping[str, Any]) -> Result | None:
    if _str(obj, "metadata.deletionTimestamp", ""):
        return Result(TERMINATING, "Resource scheduled for deletion")
    generation = _field(obj, "metadata.generation")
    observed = _field(obj, "status.observedGeneration")
    if isinstance(generation, int) and isinstance(observed, int) and observed != generation:
        kind = obj.get("kind", "")
        return Result(
            IN_PROGRESS, f"{kind} generation is {generation}, but latest observed generation is {observed}"
        )
    for cond in _conditions(obj):
        if cond.get("type") == "Reconciling" and cond.get("status") == "True":
            return Result(IN_PROGRESS, str(cond.get("message") or ""))
        if cond.get("type") == "Stalled" and cond.get("status") == "True":
            return Result(FAILED, str(cond.get("message") or ""))
    return None


def _always(_: Mapping[str, Any]) -> Result:
    return Result(CURRENT, "Resource is always ready")


def _deployment(obj: Mapping[str, Any]) -> Result:
    progressing = _int(obj, "spec.progressDeadlineSeconds", _MAX_INT32) == _MAX_INT32
    available = False
    for c in _conditions(obj):
        if c.get("type") == "Progressing":
            if c.get("reason") == "ProgressDeadlineExceeded":
                return Result(FAILED, "Progress deadline exceeded")
            if c.get("status") == "True" and c.get("reason") == "NewReplicaSetAvailable":
                progressing = True
        elif c.get("type") == "Available" and c.get("status") == "True":
            available = True
    spec = _int(obj, "spec.replicas", 1)
    replicas = _int(obj, "status.replicas", 0)
    updated = _int(obj, "status.updatedReplicas", 0)
    ready = _int(obj, "status.readyReplicas", 0)
    avail = _int(obj, "status.availableReplicas", 0)
    if spec > replicas:
        return Result(IN_PROGRESS, f"Replicas: {replicas}/{spec}")
    if spec > updated:
        return Result(IN_PROGRESS, f"Updated: {updated}/{spec}")
    if replicas > spec:
        return Result(IN_PROGRESS, f"Pending termination: {replicas - spec}")
    if updated > avail:
        return Result(IN_PROGRESS, f"Available: {avail}/{updated}")
    if spec > ready:
        return Result(IN_PROGRESS, f"Ready: {ready}/{spec}")
    if not progressing:
        return Result(IN_PROGRESS, "ReplicaSet not Available")
    if not available:
        return Result(IN_PROGRESS, "Deployment not Available")
    return Result(CURRENT, f"Deployment is available. Replicas: {replicas}")


def _statefulset(obj: Mapping[str, Any]) -> Result:
    if _str(obj, "spec.updateStrategy.type", "") == "OnDelete":
        return Result(CURRENT, "StatefulSet is using the ondelete update strategy")
    spec = _int(obj, "spec.replicas", 1)
    ready = _int(obj, "status.readyReplicas", 0)
    current = _int(obj, "status.currentReplicas", 0)
    updated = _int(obj, "status.updatedReplicas", 0)
    replicas = _int(obj, "status.replicas", 0)
    partition = _int(obj, "spec.updateStrategy.rollingUpdate.partition", -1)
    if spec > replicas:
        return Result(IN_PROGRESS, f"Replicas: {replicas}/{spec}")
    if spec > ready:
        return Result(IN_PROGRESS, f"Ready: {ready}/{spec}")
    if replicas > spec:
        return Result(IN_PROGRESS, f"Pending termination: {replicas - spec}")
    if partition != -1:
        if updated < spec - partition:
            return Result(IN_PROGRESS, f"updated: {updated}/{spec - partition}")
        return Result(CURRENT, f"Partition rollout complete. updated: {updated}")
    if spec > current:
        return Result(IN_PROGRESS, f"current: {current}/{spec}")
    if _str(obj, "status.currentRevision", "") != _str(obj, "status.updateRevision", ""):
        return Result(IN_PROGRESS, "Waiting for updated revision to match current")
    return Result(CURRENT, f"All replicas scheduled as expected. Replicas: {replicas}")


def _daemonset(obj: Mapping[str, Any]) -> Result:
    kind = obj.get("kind", "")
    if not isinstance(_field(obj, "metadata.generation"), int):
        return Result(IN_PROGRESS, f"{kind} metadata.generation not found")
    if not isinstance(_field(obj, "status.observedGeneration"), int):
        return Result(IN_PROGRESS, f"{kind} status.observedGeneration not found")
    desired = _int(obj, "status.desiredNumberScheduled", -1)
    current = _int(obj, "status.currentNumberScheduled", 0)
    updated = _int(obj, "status.updatedNumberScheduled", 0)
    available = _int(obj, "status.numberAvailable", 0)
    ready = _int(obj, "status.numberReady", 0)
    if desired == -1:
        return Result(IN_PROGRESS, "Missing .status.desiredNumberScheduled")
    if desired > current:
        return Result(IN_PROGRESS, f"Current: {current}/{desired}")
    if desired > updated:
        return Result(IN_PROGRESS, f"Updated: {updated}/{desired}")
    if desired > available:
        return Result(IN_PROGRESS, f"Available: {available}/{desired}")
    if desired > ready:
        return Result(IN_PROGRESS, f"Ready: {ready}/{desired}")
    return Result(CURRENT, f"All replicas scheduled as expected. Replicas: {desired}")


def _replicaset(obj: Mapping[str, Any]) -> Result:
    for c in _conditions(obj):
        if c.get("type") == "ReplicaFailure" and c.get("status") == "True":
            return Result(IN_PROGRESS, "Replica Failure condition. Check Pods")
    spec = _int(obj, "spec.replicas", 1)
    replicas = _int(obj, "status.replicas", 0)
    ready = _int(obj, "status.readyReplicas", 0)
    available = _int(obj, "status.availableReplicas", 0)
    labelled = _int(obj, "status.fullyLabeledReplicas", 0)
    if spec > labelled:
        return Result(IN_PROGRESS, f"Labelled: {labelled}/{spec}")
    if spec > available:
        return Result(IN_PROGRESS, f"Available: {available}/{spec}")
    if spec > ready:
        return Result(IN_PROGRESS, f"Ready: {ready}/{spec}")
    if replicas > spec:
        return Result(IN_PROGRESS, f"Pending termination: {replicas - spec}")
    return Result(CURRENT, f"ReplicaSet is available. Replicas: {replicas}")


def _pvc(obj: Mapping[str, Any]) -> Result:
    phase = _str(obj, "status.phase", "unknown")
    if phase != "Bound":
        return Result(IN_PROGRESS, f"PVC is not Bound. phase: {phase}")
    return Result(CURRENT, "PVC is Bound")


def _created_seconds_ago(obj: Mapping[str, Any], now: float) -> float:
    stamp = _str(obj, "metadata.creationTimestamp", "")
    try:
        created = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return 0.0
    if created.tzinfo is None:
        created = created.replace(tzinfo=UTC)
    return now - created.timestamp()


def _pod(obj: Mapping[str, Any], now: float | None = None) -> Result:
    phase = _str(obj, "status.phase", "")
    conds = _conditions(obj)
    if phase == "Succeeded":
        return Result(CURRENT, "Pod has completed successfully")
    if phase == "Failed":
        return Result(CURRENT, "Pod has completed, but not successfully")
    if phase == "Running":
        if any(c.get("type") == "Ready" and c.get("status") == "True" for c in conds):
            return Result(CURRENT, "Pod is Ready")
        looping = [
            str(cs.get("name"))
            for cs in _field(obj, "status.containerStatuses") or []
            if isinstance(cs, Mapping) and _str(cs, "state.waiting.reason", "") == "CrashLoopBackOff"
        ]
        if looping:
            return Result(FAILED, f"Containers in CrashLoop state: {','.join(looping)}")
        return Result(IN_PROGRESS, "Pod is running but is not Ready")
    if phase == "Pending":
        for c in conds:
            if (
                c.get("type") == "PodScheduled"
                and c.get("status") == "False"
                and c.get("reason") == "Unschedulable"
            ):
                current = datetime.now(UTC).timestamp() if now is None else now
                if _created_seconds_ago(obj, current) < SCHEDULE_WINDOW:
                    return Result(IN_PROGRESS, "Pod has not been scheduled")
                return Result(FAILED, "Pod could not be scheduled")
        return Result(IN_PROGRESS, "Pod is in the Pending phase")
    if phase == "":
        return Result(IN_PROGRESS, "Pod phase not available")
    return Result(UNKNOWN, f"unknown phase {phase}")


def _job(obj: Mapping[str, Any]) -> Result:
    parallelism = _int(obj, "spec.parallelism", 1)
    completions = _int(obj, "spec.completions", parallelism)
    succeeded = _int(obj, "status.succeeded", 0)
    active = _int(obj, "status.active", 0)
    failed = _int(obj, "status.failed", 0)
    for c in _conditions(obj):
        if c.get("status") != "True":
            continue
        if c.get("type") == "Complete":
            return Result(CURRENT, f"Job Completed. succeeded: {succeeded}/{completions}")
        if c.get("type") == "Failed":
            return Result(FAILED, f"Job Failed. failed: {failed}/{completions}")
        if c.get("type") == "Suspended":
            return Result(CURRENT, "Job is suspended")
    if not _str(obj, "status.startTime", ""):
        return Result(IN_PROGRESS, "Job not started")
    return Result(CURRENT, f"Job in progress. success:{succeeded}, active: {active}, failed: {failed}")


def _service(obj: Mapping[str, Any]) -> Result:
    if _str(obj, "spec.type", "ClusterIP") == "LoadBalancer" and not _str(obj, "spec.clusterIP", ""):
        return Result(IN_PROGRESS, "ClusterIP not set. Service type: LoadBalancer")
    return Result(CURRENT, "Service is ready")


def _crd(obj: Mapping[str, Any]) -> Result:
    for c in _conditions(obj):
        if c.get("type") == "NamesAccepted" and c.get("status") == "False":
            return Result(FAILED, str(c.get("message") or ""))
        if c.get("type") == "Established":
            if c.get("status") == "False" and c.get("reason") != "Installing":
                return Result(FAILED, str(c.get("message") or ""))
            if c.get("status") == "True":
                return Result(CURRENT, "CRD is established")
    return Result(IN_PROGRESS, "Install in progress")


_RULES: dict[str, Callable[[Mapping[str, Any]], Result]] = {
    "Service": _service,
    "Pod": _pod,
    "Secret": _always,
    "PersistentVolumeClaim": _pvc,
    "apps/StatefulSet": _statefulset,
    "apps/DaemonSet": _daemonset,
    "extensions/DaemonSet": _daemonset,
    "apps/Deployment": _deployment,
    "extensions/Deployment": _deployment,
    "apps/ReplicaSet": _replicaset,
    "extensions/ReplicaSet": _replicaset,
    "policy/PodDisruptionBudget": lambda _: Result(CURRENT, "AllowedDisruptions has been computed."),
    "batch/CronJob": _always,
    "ConfigMap": _always,
    "batch/Job": _job,
    "apiextensions.k8s.io/CustomResourceDefinition": _crd,
}


def _key(obj: Mapping[str, Any]) -> str:
    group = _group(obj)
    kind = str(obj.get("kind") or "")
    return f"{group}/{kind}" if group else kind


def compute(obj: Mapping[str, Any]) -> Result:
    """kstatus ``Compute``: the status of ``obj`` (see the module docstring)."""
    generic = _generic(obj)
    if generic is not None:
        return generic
    rule = _RULES.get(_key(obj))
    if rule is not None:
        return rule(obj)
    return Result(CURRENT, "Resource is current")


def _job_completion(obj: Mapping[str, Any]) -> Result:
    parallelism = _int(obj, "spec.parallelism", 1)
    completions = _int(obj, "spec.completions", parallelism)
    for c in _conditions(obj):
        if c.get("type") == "Complete" and c.get("status") == "True":
            return Result(
                CURRENT, f"Job Completed. succeeded: {_int(obj, 'status.succeeded', 0)}/{completions}"
            )
        if c.get("type") == "Failed" and c.get("status") == "True":
            return Result(FAILED, f"Job Failed. failed: {_int(obj, 'status.failed', 0)}/{completions}")
    return Result(IN_PROGRESS, "Job in progress")


def _pod_completion(obj: Mapping[str, Any]) -> Result:
    phase = _str(obj, "status.phase", "")
    name = _str(obj, "metadata.name", "")
    if phase == "Succeeded":
        return Result(CURRENT, f"pod {name} succeeded")
    if phase == "Failed":
        return Result(FAILED, f"pod {name} failed")
    return Result(IN_PROGRESS, "Pod in progress")


def compute_with_jobs(obj: Mapping[str, Any]) -> Result:
    """Like :func:`compute`, but a Job is Current only when it completed (``--wait-for-jobs``)."""
    if _key(obj) == "batch/Job":
        return _job_completion(obj)
    return compute(obj)


def compute_hook(obj: Mapping[str, Any]) -> Result:
    """Hook readiness: Jobs complete, Pods succeed, any other kind is ready at once."""
    key = _key(obj)
    if key == "batch/Job":
        return _job_completion(obj)
    if key == "Pod":
        return _pod_completion(obj)
    return Result(CURRENT, "Resource is current")


def describe(obj: Mapping[str, Any], result: Result, *, deleting: bool = False) -> str:
    """Helm's line for a resource that did not reach the wanted state."""
    kind = obj.get("kind", "")
    meta = obj.get("metadata") or {}
    what = "still exists" if deleting else "not ready"
    return (
        f"resource {kind}/{meta.get('namespace', '')}/{meta.get('name', '')} {what}. "
        f"status: {result.status}, message: {result.message}"
    )

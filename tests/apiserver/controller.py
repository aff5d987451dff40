"""A simulated kube-controller-manager/kubelet, switchable per test.

While ``enabled``, every ``tick`` seconds it moves workloads towards their final state, writing
``status`` through the store as ``kube-controller-manager`` does (a status subresource update):

* Deployments, StatefulSets, DaemonSets, ReplicaSets: first "progressing" (replicas created, none
  available, as in ``examples/get-deployment-after-controller.json``), then, ``delay`` seconds after
  the last spec change, all replicas ready. Annotation ``apiserver.test/fail: "true"`` makes a
  Deployment end with ``ProgressDeadlineExceeded`` instead.
* Jobs start at once and, after ``delay``, succeed — or fail with annotation
  ``apiserver.test/job-result: fail``.
* Pods become Running and Ready after ``delay``; annotation ``apiserver.test/pod-phase`` picks
  ``Succeeded``, ``Failed``, ``Pending`` (stays) or ``CrashLoopBackOff``.
* PersistentVolumeClaims become Bound; LoadBalancer Services get an ingress IP.

``apiserver.test/delay: "<seconds>"`` overrides ``delay`` for one object.
"""

from __future__ import annotations

import copy
import threading
import time
from typing import Any

from .store import Store, now

FAIL = "apiserver.test/fail"
JOB_RESULT = "apiserver.test/job-result"
POD_PHASE = "apiserver.test/pod-phase"
DELAY = "apiserver.test/delay"
MANAGER = "kube-controller-manager"


def _cond(
    type_: str, status: str, reason: str, message: str, stamp: str, update: bool = False
) -> dict[str, Any]:
    out = {"type": type_, "status": status}
    if update:
        out["lastUpdateTime"] = stamp
    out.update({"lastTransitionTime": stamp, "reason": reason, "message": message})
    return out


class Controller:
    def __init__(self, store: Store, *, tick: float = 0.02) -> None:
        self.store = store
        self.tick = tick
        self.enabled = True
        self.delay = 0.1
        self._seen: dict[str, tuple[int, float]] = {}  # uid -> (generation, first seen)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def reset(self) -> None:
        self.enabled = True
        self.delay = 0.1
        self._seen.clear()

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="apiserver-controller", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread:
            self._thread.join(5)

    def _run(self) -> None:
        while not self._stop.wait(self.tick):
            if self.enabled:
                try:
                    self.step()
                except Exception:  # a test server must not die from one odd object
                    pass

    def _delay_for(self, obj: dict[str, Any]) -> float:
        value = (obj["metadata"].get("annotations") or {}).get(DELAY)
        try:
            return float(value) if value is not None else self.delay
        except ValueError:
            return self.delay

    def _age(self, obj: dict[str, Any]) -> float:
        """Seconds since this generation of the object was first seen."""
        meta = obj["metadata"]
        gen = int(meta.get("generation", 0))
        seen = self._seen.get(meta["uid"])
        if seen is None or seen[0] != gen:
            self._seen[meta["uid"]] = (gen, time.monotonic())
            return 0.0
        return time.monotonic() - seen[1]

    def step(self) -> None:
        """One pass over every workload (also callable directly from tests)."""
        registry = self.store.registry
        handlers = {
            ("apps", "deployments"): self._deployment,
            ("apps", "statefulsets"): self._statefulset,
            ("apps", "daemonsets"): self._daemonset,
            ("apps", "replicasets"): self._replicaset,
            ("batch", "jobs"): self._job,
            ("", "pods"): self._pod,
            ("", "persistentvolumeclaims"): self._pvc,
            ("", "services"): self._service,
        }
        with self.store.cond:
            work = [
                (gr, copy.deepcopy(o)) for gr in handlers for o in self.store.objects.get(gr, {}).values()
            ]
        for (group, resource), obj in work:
            if obj["metadata"].get("deletionTimestamp"):
                continue
            status = handlers[(group, resource)](obj)
            if status is None or status == obj.get("status"):
                continue
            res = next((r for r in registry.all() if (r.group, r.resource) == (group, resource)), None)
            if res is None:
                continue
            body = copy.deepcopy(obj)
            body["status"] = status
            meta = obj["metadata"]
            try:
                self.store.update(
                    res,
                    meta.get("namespace", ""),
                    meta["name"],
                    body,
                    manager=MANAGER,
                    subresource="status" if "status" in res.subresources else "",
                    check_rv=True,
                )
            except Exception:
                continue  # changed meanwhile: next tick

    # -- per kind --------------------------------------------------------------------------
    def _deployment(self, obj: dict[str, Any]) -> dict[str, Any] | None:
        spec = obj.get("spec") or {}
        meta = obj["metadata"]
        replicas = int(spec.get("replicas", 1))
        gen = int(meta.get("generation", 1))
        age = self._age(obj)
        stamp = now()
        rs_name = f"{meta['name']}-{abs(hash(str(spec.get('template')))) % 10**10:010d}"
        old = obj.get("status") or {}
        if old.get("observedGeneration") == gen and any(
            c.get("reason") in ("NewReplicaSetAvailable", "ProgressDeadlineExceeded")
            for c in old.get("conditions") or []
        ):
            return None
        if age < self._delay_for(obj):
            if old.get("observedGeneration") == gen:
                return None
            return {
                "observedGeneration": gen,
                "replicas": replicas,
                "updatedReplicas": replicas,
                "unavailableReplicas": replicas,
                "conditions": [
                    _cond(
                        "Available",
                        "False",
                        "MinimumReplicasUnavailable",
                        "Deployment does not have minimum availability.",
                        stamp,
                        True,
                    ),
                    _cond(
                        "Progressing",
                        "True",
                        "ReplicaSetUpdated",
                        f'ReplicaSet "{rs_name}" is progressing.',
                        stamp,
                        True,
                    ),
                ],
            }
        if (meta.get("annotations") or {}).get(FAIL) == "true":
            return {
                "observedGeneration": gen,
                "replicas": replicas,
                "updatedReplicas": replicas,
                "unavailableReplicas": replicas,
                "conditions": [
                    _cond(
                        "Available",
                        "False",
                        "MinimumReplicasUnavailable",
                        "Deployment does not have minimum availability.",
                        stamp,
                        True,
                    ),
                    _cond(
                        "Progressing",
                        "False",
                        "ProgressDeadlineExceeded",
                        f'ReplicaSet "{rs_name}" has timed out progressing.',
                        stamp,
                        True,
                    ),
                ],
            }
        return {
            "observedGeneration": gen,
            "replicas": replicas,
            "updatedReplicas": replicas,
            "readyReplicas": replicas,
            "availableReplicas": replicas,
            "conditions": [
                _cond(
                    "Available",
                    "True",
                    "MinimumReplicasAvailable",
                    "Deployment has minimum availability.",
                    stamp,
                    True,
                ),
                _cond(
                    "Progressing",
                    "True",
                    "NewReplicaSetAvailable",
                    f'ReplicaSet "{rs_name}" has successfully progressed.',
                    stamp,
                    True,
                ),
            ],
        }

    def _scaled(
        self, obj: dict[str, Any], ready: dict[str, Any], pending: dict[str, Any]
    ) -> dict[str, Any] | None:
        gen = int(obj["metadata"].get("generation", 1))
        old = obj.get("status") or {}
        target = ready if self._age(obj) >= self._delay_for(obj) else pending
        target = {"observedGeneration": gen, **target}
        return None if old == target else target

    def _statefulset(self, obj: dict[str, Any]) -> dict[str, Any] | None:
        n = int((obj.get("spec") or {}).get("replicas", 1))
        rev = f"{obj['metadata']['name']}-{int(obj['metadata'].get('generation', 1)):08d}"
        return self._scaled(
            obj,
            {
                "replicas": n,
                "readyReplicas": n,
                "currentReplicas": n,
                "updatedReplicas": n,
                "availableReplicas": n,
                "currentRevision": rev,
                "updateRevision": rev,
                "collisionCount": 0,
            },
            {
                "replicas": n,
                "currentReplicas": n,
                "updatedReplicas": n,
                "availableReplicas": 0,
                "currentRevision": rev,
                "updateRevision": rev,
                "collisionCount": 0,
            },
        )

    def _daemonset(self, obj: dict[str, Any]) -> dict[str, Any] | None:
        return self._scaled(
            obj,
            {
                "currentNumberScheduled": 1,
                "numberMisscheduled": 0,
                "desiredNumberScheduled": 1,
                "numberReady": 1,
                "updatedNumberScheduled": 1,
                "numberAvailable": 1,
            },
            {
                "currentNumberScheduled": 1,
                "numberMisscheduled": 0,
                "desiredNumberScheduled": 1,
                "numberReady": 0,
                "updatedNumberScheduled": 1,
                "numberUnavailable": 1,
            },
        )

    def _replicaset(self, obj: dict[str, Any]) -> dict[str, Any] | None:
        n = int((obj.get("spec") or {}).get("replicas", 1))
        return self._scaled(
            obj,
            {"replicas": n, "fullyLabeledReplicas": n, "readyReplicas": n, "availableReplicas": n},
            {"replicas": n, "fullyLabeledReplicas": n},
        )

    def _job(self, obj: dict[str, Any]) -> dict[str, Any] | None:
        old = obj.get("status") or {}
        if any(c.get("type") in ("Complete", "Failed") for c in old.get("conditions") or []):
            return None
        stamp = now()
        start = old.get("startTime") or stamp
        if self._age(obj) < self._delay_for(obj):
            return None if old.get("startTime") else {"startTime": start, "active": 1, "ready": 0}
        completions = int((obj.get("spec") or {}).get("completions", 1))
        if (obj["metadata"].get("annotations") or {}).get(JOB_RESULT) == "fail":
            return {
                "startTime": start,
                "failed": 1,
                "ready": 0,
                "conditions": [
                    _cond(
                        "FailureTarget",
                        "True",
                        "BackoffLimitExceeded",
                        "Job has reached the specified backoff limit",
                        stamp,
                    ),
                    _cond(
                        "Failed",
                        "True",
                        "BackoffLimitExceeded",
                        "Job has reached the specified backoff limit",
                        stamp,
                    ),
                ],
            }
        return {
            "startTime": start,
            "completionTime": stamp,
            "succeeded": completions,
            "ready": 0,
            "conditions": [
                _cond(
                    "SuccessCriteriaMet",
                    "True",
                    "CompletionsReached",
                    "Reached expected number of succeeded pods",
                    stamp,
                ),
                _cond(
                    "Complete",
                    "True",
                    "CompletionsReached",
                    "Reached expected number of succeeded pods",
                    stamp,
                ),
            ],
        }

    def _pod(self, obj: dict[str, Any]) -> dict[str, Any] | None:
        old = obj.get("status") or {}
        wanted = (obj["metadata"].get("annotations") or {}).get(POD_PHASE, "Running")
        if self._age(obj) < self._delay_for(obj) or wanted == "Pending":
            return None
        stamp = now()
        names = [c.get("name", "") for c in (obj.get("spec") or {}).get("containers") or []]
        if wanted == "CrashLoopBackOff":
            target = {
                "phase": "Running",
                "conditions": [
                    _cond("Ready", "False", "ContainersNotReady", "containers with unready status", stamp)
                ],
                "containerStatuses": [
                    {
                        "name": n,
                        "ready": False,
                        "restartCount": 3,
                        "state": {
                            "waiting": {"reason": "CrashLoopBackOff", "message": "back-off restarting"}
                        },
                    }
                    for n in names
                ],
            }
        elif wanted in ("Succeeded", "Failed"):
            target = {"phase": wanted, "conditions": [_cond("Ready", "False", "PodCompleted", "", stamp)]}
        else:
            target = {
                "phase": "Running",
                "conditions": [_cond("Ready", "True", "", "", stamp)],
                "containerStatuses": [
                    {"name": n, "ready": True, "restartCount": 0, "state": {"running": {}}} for n in names
                ],
            }
        if old.get("phase") == target["phase"] and [c.get("status") for c in old.get("conditions") or []] == [
            c["status"] for c in target["conditions"]
        ]:
            return None
        return target

    def _pvc(self, obj: dict[str, Any]) -> dict[str, Any] | None:
        if (obj.get("status") or {}).get("phase") == "Bound" or self._age(obj) < self._delay_for(obj):
            return None
        size = (((obj.get("spec") or {}).get("resources") or {}).get("requests") or {}).get("storage", "1Gi")
        modes = (obj.get("spec") or {}).get("accessModes") or ["ReadWriteOnce"]
        return {"phase": "Bound", "accessModes": modes, "capacity": {"storage": size}}

    def _service(self, obj: dict[str, Any]) -> dict[str, Any] | None:
        if (obj.get("spec") or {}).get("type") != "LoadBalancer":
            return None
        status = obj.get("status") or {}
        if (status.get("loadBalancer") or {}).get("ingress") or self._age(obj) < self._delay_for(obj):
            return None
        return {"loadBalancer": {"ingress": [{"ip": "192.0.2.10", "ipMode": "VIP"}]}}

"""Waiting for objects to become ready or gone, as Helm v4's status waiter decides it.

:func:`wait_for` reads each object that has not yet reached the wanted status (the status of an
object is :mod:`chartist.kube.readiness`'s), every ``poll`` seconds, growing to
:data:`MAX_POLL`, until all have reached it or the deadline passes. Helm's rules kept:

* a resource that is Failed stops being waited for (intervention is needed) and is reported;
* a paused Deployment is not waited for;
* when waiting for deletion, NotFound is the goal and Unknown counts as gone.

Polling (GET per pending object) rather than one watch per kind: with HTTP/1.1 every watch holds
a connection, and a release rarely waits on more than a few dozen objects.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from chartist.kube import readiness
from chartist.kube.errors import NotFound, WaitError

if TYPE_CHECKING:
    from chartist.kube.client import KubeClient

#: First and longest pause between two rounds of reads, in seconds.
FIRST_POLL = 0.05
MAX_POLL = 2.0


def _ref(obj: Mapping[str, Any]) -> tuple[str, str, str, str]:
    meta = obj.get("metadata") or {}
    return (
        str(obj.get("apiVersion", "")),
        str(obj.get("kind", "")),
        str(meta.get("name", "")),
        str(meta.get("namespace") or ""),
    )


def wait_for(
    client: KubeClient,
    objects: list[Mapping[str, Any]],
    *,
    timeout: float,
    compute: Callable[[Mapping[str, Any]], readiness.Result],
    desired: str = readiness.CURRENT,
    sleep: Callable[[float], None] = time.sleep,
    clock: Callable[[], float] = time.monotonic,
) -> None:
    """Block until every object has status ``desired``.

    Raises WaitError (lines in Helm's wording) when the deadline passes or an object failed;
    API errors other than NotFound (Forbidden, for instance) propagate at once.
    """
    deleting = desired == readiness.NOT_FOUND
    pending: dict[tuple[str, str, str, str], Mapping[str, Any]] = {}
    for obj in objects:
        if not deleting and obj.get("kind") == "Deployment" and (obj.get("spec") or {}).get("paused") is True:
            continue
        pending[_ref(obj)] = obj
    deadline = clock() + timeout
    failed: list[str] = []
    last: dict[tuple[str, str, str, str], tuple[Mapping[str, Any], readiness.Result]] = {}
    pause = FIRST_POLL
    while True:
        for ref in list(pending):
            api_version, kind, name, namespace = ref
            try:
                current: Mapping[str, Any] = client.get(api_version, kind, name, namespace)
                result = compute(current)
            except NotFound:
                current = pending[ref]
                result = readiness.Result(readiness.NOT_FOUND, "Resource not found")
            last[ref] = (current, result)
            if result.status == desired or (deleting and result.status == readiness.UNKNOWN):
                del pending[ref]
            elif result.status == readiness.FAILED and not deleting:
                failed.append(readiness.describe(current, result))
                del pending[ref]
        if not pending:
            if failed:
                raise WaitError(failed, timed_out=False)
            return
        now = clock()
        if now >= deadline:
            lines = list(failed)
            for ref in pending:
                obj, result = last[ref]
                if not (obj.get("metadata") or {}).get("namespace") and ref[3]:
                    obj = {**obj, "metadata": {**(obj.get("metadata") or {}), "namespace": ref[3]}}
                lines.append(readiness.describe(obj, result, deleting=deleting))
            raise WaitError(lines, timed_out=True)
        sleep(min(pause, max(0.0, deadline - now)))
        pause = min(MAX_POLL, pause * 1.6)

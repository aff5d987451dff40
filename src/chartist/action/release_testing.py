"""``helm test``: run a release's ``test`` hooks and record how each ran (Helm's ReleaseTesting).

The newest revision of the release is taken, whatever its status. Filters narrow the hooks
that run: ``!name`` values are dropped first, then, when ``name`` values are given, only those
run. The hooks that run are executed as every hook event is (ordered by weight then name;
the previous copy deleted first under ``before-hook-creation``; Pods must succeed and Jobs
complete within ``timeout``), except that the clean-up after success (``hook-succeeded``) or
failure (``hook-failed``, and ``hook-succeeded`` of the tests that passed before) is delayed to
:meth:`TestRun.cleanup`, so that the command can print the pods' logs first. Helm then stores
the revision again with the skipped hooks first and the executed ones after them, whether the
tests passed or not.

Errors of :meth:`ReleaseTesting.run`: ActionError ``kubernetes cluster unreachable: ...``,
ActionError ``releaseTest: Release name is invalid: NAME`` and storage errors, raised; a test
that fails is reported in :attr:`TestRun.error` with the release as recorded.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import IO, Final

from chartist.action.configuration import WAIT_WATCHER, ActionError, Configuration
from chartist.errors import ChartistError
from chartist.kube.client import KubeClient
from chartist.release.model import APPLY_METHOD_SSA, Hook, HookExecution, Release

__all__ = [
    "EXCLUDE_NAME_FILTER",
    "INCLUDE_NAME_FILTER",
    "ReleaseTesting",
    "TestRun",
    "parse_filters",
]

EXCLUDE_NAME_FILTER: Final = "!name"
INCLUDE_NAME_FILTER: Final = "name"
HOOK_TEST: Final = "test"
_NOT_NAME: Final = re.compile(r"^!\s?name=")


def parse_filters(values: list[str]) -> dict[str, list[str]]:
    """The command's ``--filter`` values (``name=x``, ``!name=x``) as the action's filters;
    anything else is ignored, as Helm does."""
    filters: dict[str, list[str]] = {}
    for f in values:
        if f.startswith("name="):
            filters.setdefault(INCLUDE_NAME_FILTER, []).append(f[len("name=") :])
        elif _NOT_NAME.match(f):
            filters.setdefault(EXCLUDE_NAME_FILTER, []).append(_NOT_NAME.sub("", f, count=1))
    return filters


@dataclass
class TestRun:
    """The outcome of :meth:`ReleaseTesting.run`: the recorded revision, the test failure (None
    when every test passed) and the deferred clean-up."""

    __test__ = False  # not a pytest test class

    release: Release
    error: ActionError | None
    _cleanup: Callable[[], None] = field(default=lambda: None, repr=False)

    def cleanup(self) -> None:
        """Delete the test objects their delete policies name; raises ActionError on failure."""
        self._cleanup()


def _by_weight(hooks: list[Hook]) -> list[Hook]:
    return sorted(hooks, key=lambda h: (h.weight, h.name))


@dataclass
class ReleaseTesting:
    """``helm test`` (see the module docstring). ``namespace`` is where pod logs are read."""

    cfg: Configuration
    timeout: float = 300.0
    namespace: str = ""
    filters: dict[str, list[str]] = field(default_factory=dict)

    def run(self, name: str) -> TestRun:
        """Run the tests of NAME's newest revision and record the outcome."""
        from chartist.action.template import validate_release_name

        self.cfg.check_reachable()
        try:
            validate_release_name(name)
        except ChartistError:
            raise ActionError(f"releaseTest: Release name is invalid: {name}") from None
        rel = self.cfg.releases.last(name)
        skipped: list[Hook] = []
        excluded = self.filters.get(EXCLUDE_NAME_FILTER) or []
        included = self.filters.get(INCLUDE_NAME_FILTER) or []
        if excluded:
            skipped = [h for h in rel.hooks if h.name in excluded]
            rel.hooks = [h for h in rel.hooks if h.name not in excluded]
        if included:
            skipped += [h for h in rel.hooks if h.name not in included]
            rel.hooks = [h for h in rel.hooks if h.name in included]
        error: ActionError | None = None
        cleanup: Callable[[], None] = lambda: None  # noqa: E731
        try:
            cleanup = self._execute(rel)
        except _HooksFailed as failed:
            error, cleanup = failed.error, failed.cleanup
        except ActionError as err:
            error = err
        except ChartistError as err:  # a deletion or wait error of the clean-up before a hook
            error = ActionError(str(err))
        rel.hooks = skipped + rel.hooks
        if error is not None:
            self.cfg.record_release(rel)
            return TestRun(rel, error, cleanup)
        try:
            self.cfg.releases.update(rel)
        except ChartistError as err:
            return TestRun(rel, ActionError(str(err), rel), cleanup)
        return TestRun(rel, None, cleanup)

    # -- running the hooks ------------------------------------------------------------------
    def _execute(self, rel: Release) -> Callable[[], None]:
        """Helm's execHookWithDelayedShutdown for the test event; returns the clean-up."""
        from chartist.action.apply import ApplyError, ApplyOptions
        from chartist.action.resources import BuildError, build
        from chartist.kube.errors import KubeError, WaitError

        cfg = self.cfg
        hooks = _by_weight([h for h in rel.hooks for e in h.events if e == HOOK_TEST])
        server_side = rel.apply_method == APPLY_METHOD_SSA
        for i, hook in enumerate(hooks):
            if not hook.delete_policies:
                hook.delete_policies = ["before-hook-creation"]
            self._delete(hook, "before-hook-creation")
            try:
                resources = build(cfg.client, hook.manifest, cfg.namespace)
            except BuildError as err:
                raise ActionError(
                    f"unable to build kubernetes object for test hook {hook.path}: {err}"
                ) from err
            hook.last_run = HookExecution(started_at=cfg.now(), phase="Running")
            cfg.record_release(rel)
            hook.last_run.phase = "Unknown"
            try:
                cfg.applier().create(resources, ApplyOptions(server_side=server_side))
            except (ApplyError, KubeError) as err:
                hook.last_run.completed_at = cfg.now()
                hook.last_run.phase = "Failed"
                raise ActionError(f"warning: Hook test {hook.path} failed: {err}") from err
            try:
                cfg.wait_hooks([r.obj for r in resources], self.timeout)
            except (WaitError, KubeError) as err:
                hook.last_run.completed_at = cfg.now()
                hook.last_run.phase = "Failed"
                raise _HooksFailed(ActionError(str(err)), self._after_failure(hooks[:i], hook)) from err
            hook.last_run.completed_at = cfg.now()
            hook.last_run.phase = "Succeeded"

        def after_success() -> None:
            for h in reversed(hooks):
                self._delete(h, "hook-succeeded")

        return after_success

    def _after_failure(self, passed: list[Hook], failed: Hook) -> Callable[[], None]:
        def cleanup() -> None:
            try:
                self._delete(failed, "hook-failed")
            except ChartistError as err:
                self.cfg.log.warning("error deleting the hook resource on hook failure: %s", err)
            for h in passed:
                self._delete(h, "hook-succeeded")

        return cleanup

    def _delete(self, hook: Hook, policy: str) -> None:
        """Delete HOOK's objects when it has POLICY (never a CRD) and wait until they are gone."""
        from chartist.action.resources import BuildError, build

        if hook.kind == "CustomResourceDefinition" or policy not in hook.delete_policies:
            return
        cfg = self.cfg
        try:
            resources = build(cfg.client, hook.manifest, cfg.namespace)
        except BuildError as err:
            raise ActionError(
                f"unable to build kubernetes object for deleting hook {hook.path}: {err}"
            ) from err
        _, errors = cfg.applier().delete(resources)
        if errors:
            raise ActionError("; ".join(errors))
        cfg.wait_deleted([r.ref() for r in resources], WAIT_WATCHER, self.timeout)

    # -- logs ---------------------------------------------------------------------------------
    def write_pod_logs(self, out: IO[str], rel: Release) -> None:
        """Helm's GetPodLogs: ``POD LOGS: NAME``, the log of the pod named as each test hook
        (weight order, filters applied), a newline. ActionError when a log cannot be read."""
        excluded = self.filters.get(EXCLUDE_NAME_FILTER) or []
        included = self.filters.get(INCLUDE_NAME_FILTER) or []
        client = self.cfg.client
        for h in _by_weight(list(rel.hooks)):
            for e in h.events:
                if e != HOOK_TEST or h.name in excluded or (included and h.name not in included):
                    continue
                try:
                    text = pod_logs(client, h.name, self.namespace or self.cfg.namespace)
                except ChartistError as err:
                    raise ActionError(f"unable to get pod logs for {h.name}: {err}") from err
                out.write(f"POD LOGS: {h.name}\n{text}\n")


class _HooksFailed(Exception):
    def __init__(self, error: ActionError, cleanup: Callable[[], None]) -> None:
        super().__init__(str(error))
        self.error = error
        self.cleanup = cleanup


def pod_logs(client: KubeClient, name: str, namespace: str) -> str:
    """The log of every container of pod NAME (``GET .../pods/NAME/log``), as text.

    Uses the client's ``pod_logs`` when it has one (fakes), else its HTTP transport. Raises the
    client's KubeError (``pods "x" not found``).
    """
    own = getattr(client, "pod_logs", None)
    if callable(own):
        return str(own(name, namespace))
    transport = getattr(client, "transport", None)
    if transport is None:
        raise ActionError("the cluster client cannot read pod logs")
    from urllib.parse import quote

    from chartist.kube.transport import RequestInfo

    path = f"/api/v1/namespaces/{quote(namespace, safe='')}/pods/{quote(name, safe='')}/log"
    response = transport.request(
        "GET", path, headers={"Accept": "*/*"}, info=RequestInfo("get", "pods", namespace, name)
    )
    return bytes(response.content).decode("utf-8", "surrogateescape")

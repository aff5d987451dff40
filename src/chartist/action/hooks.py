"""Running a release's hooks for one lifecycle event, as Helm v4's ``execHook`` does.

For an event (``pre-install``, ``post-upgrade``, ...): the hooks registered for it, ordered by
weight, then name (hooks arrive sorted by kind, and that order is kept for equal weight and
name); for each in turn:

1. no delete policy means ``before-hook-creation``; with that policy the previous copy of the
   hook's objects is deleted first (and waited for, unless the wait strategy is ``hookOnly``);
2. ``last_run`` becomes Running and the release is recorded, so ``status`` shows the hook;
3. the objects are created (server-side applied unless the release uses client-side apply);
4. they are watched until ready: a Job must complete, a Pod must succeed, anything else is
   ready at once; ``last_run`` records the end and the phase.

A failing hook stops the event: its ``hook-failed`` objects and the ``hook-succeeded`` objects of
the hooks that ran before it are deleted, and the error names the hook. When every hook
succeeded, ``hook-succeeded`` objects are deleted, last hook first. CustomResourceDefinitions
are never deleted by a policy.

``helm.sh/hook-output-log-policy`` (copying pod logs) is not supported: chartist logs that it
skipped it.
"""

from __future__ import annotations

from chartist.action.apply import ApplyError, ApplyOptions
from chartist.action.configuration import ActionError, Configuration
from chartist.action.resources import BuildError, build
from chartist.kube.errors import KubeError, WaitError
from chartist.release.model import Hook, HookExecution, Release

__all__ = [
    "HOOK_BEFORE_CREATION",
    "HOOK_FAILED",
    "HOOK_SUCCEEDED",
    "execute_hooks",
    "hooks_for",
]

HOOK_BEFORE_CREATION = "before-hook-creation"
HOOK_SUCCEEDED = "hook-succeeded"
HOOK_FAILED = "hook-failed"


def hooks_for(rel: Release, event: str) -> list[Hook]:
    """The hooks of REL that run at EVENT, in execution order (weight, then name; stable)."""
    chosen = [h for h in rel.hooks if event in h.events]
    chosen.sort(key=lambda h: (h.weight, h.name))
    return chosen


def _delete_by_policy(cfg: Configuration, hook: Hook, policy: str, strategy: str, timeout: float) -> None:
    """Delete HOOK's objects when it carries POLICY (never CRDs); wait for them to go."""
    if hook.kind == "CustomResourceDefinition" or policy not in hook.delete_policies:
        return
    try:
        resources = build(cfg.client, hook.manifest, cfg.namespace)
    except BuildError as err:
        raise ActionError(f"unable to build kubernetes object for deleting hook {hook.path}: {err}") from err
    _, errors = cfg.applier().delete(resources)
    if errors:
        raise ActionError("; ".join(errors))
    cfg.wait_deleted([r.ref() for r in resources], strategy, timeout)


def execute_hooks(
    cfg: Configuration,
    rel: Release,
    event: str,
    *,
    strategy: str,
    timeout: float,
    server_side: bool,
) -> None:
    """Run REL's hooks for EVENT (see the module docstring); raises ActionError on failure.

    REL is updated in place (``last_run`` of each hook) and recorded as hooks start.
    """
    hooks = hooks_for(rel, event)
    for i, hook in enumerate(hooks):
        if not hook.delete_policies:
            hook.delete_policies = [HOOK_BEFORE_CREATION]
        _delete_by_policy(cfg, hook, HOOK_BEFORE_CREATION, strategy, timeout)
        try:
            resources = build(cfg.client, hook.manifest, cfg.namespace)
        except BuildError as err:
            raise ActionError(
                f"unable to build kubernetes object for {event} hook {hook.path}: {err}"
            ) from err
        hook.last_run = HookExecution(started_at=cfg.now(), phase="Running")
        cfg.record_release(rel)
        # Whatever happens next, Running must not stay recorded: Unknown until we know.
        hook.last_run.phase = "Unknown"
        try:
            cfg.applier().create(resources, ApplyOptions(server_side=server_side))
        except (ApplyError, KubeError) as err:
            hook.last_run.completed_at = cfg.now()
            hook.last_run.phase = "Failed"
            raise ActionError(f"warning: Hook {event} {hook.path} failed: {err}") from err
        try:
            cfg.wait_hooks([r.obj for r in resources], timeout)
        except (WaitError, KubeError) as err:
            hook.last_run.completed_at = cfg.now()
            hook.last_run.phase = "Failed"
            if hook.output_log_policies:
                cfg.log.debug("hook %s: output log policies are not supported; logs not copied", hook.name)
            _cleanup_after_failure(cfg, hooks[:i], hook, strategy, timeout)
            raise ActionError(str(err)) from err
        hook.last_run.completed_at = cfg.now()
        hook.last_run.phase = "Succeeded"
    for hook in reversed(hooks):
        _delete_by_policy(cfg, hook, HOOK_SUCCEEDED, strategy, timeout)


def _cleanup_after_failure(
    cfg: Configuration, succeeded: list[Hook], failed: Hook, strategy: str, timeout: float
) -> None:
    try:
        _delete_by_policy(cfg, failed, HOOK_FAILED, strategy, timeout)
    except (ActionError, KubeError) as err:
        cfg.log.warning("error deleting the hook resource on hook failure: %s", err)
    for hook in succeeded:
        try:
            _delete_by_policy(cfg, hook, HOOK_SUCCEEDED, strategy, timeout)
        except (ActionError, KubeError) as err:
            cfg.log.warning("error deleting hook %s: %s", hook.name, err)
            return

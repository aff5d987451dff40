"""``helm rollback``: a new revision carrying an earlier revision's chart, values and manifest.

Helm v4's order (``pkg/action/rollback.go``): the target revision (the previous one by
default) must exist; revision N+1 is stored ``pending-rollback`` with description
``Rollback to M``; pre-rollback hooks, the update from the last revision's objects to the
target's, waiting and post-rollback hooks run; every previously deployed revision becomes
``superseded`` and the new one ``deployed``.

Rollback does not refuse a pending last revision: it is how a release stuck in
``pending-*`` (another client killed mid-way) is repaired. Where Helm leaves the new revision
``pending-rollback`` after a failing hook, chartist records it ``failed``, so the release can
be upgraded again.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NoReturn

from chartist.action.apply import ApplyError, ApplyOptions
from chartist.action.configuration import (
    DRY_RUN_NONE,
    RECORD_ATTEMPTS,
    WAIT_HOOK_ONLY,
    ActionError,
    Configuration,
    OperationCancelled,
    ReleaseFailed,
    is_dry_run,
)
from chartist.action.hooks import execute_hooks
from chartist.action.install import apply_method
from chartist.action.resources import BuildError, build, set_ownership
from chartist.action.upgrade import upgrade_server_side
from chartist.errors import ChartistError
from chartist.kube.errors import KubeError
from chartist.release.model import Info, Release
from chartist.release.status import Status
from chartist.storage.driver.base import NoDeployedReleases

__all__ = ["Rollback"]


@dataclass
class Rollback:
    """Roll a release back to revision ``version`` (0: the previous one)."""

    cfg: Configuration
    version: int = 0
    timeout: float = 300.0
    wait: str = WAIT_HOOK_ONLY
    wait_for_jobs: bool = False
    disable_hooks: bool = False
    dry_run: str = DRY_RUN_NONE
    force_replace: bool = False
    force_conflicts: bool = False
    server_side: str = "auto"
    cleanup_on_fail: bool = False
    max_history: int = 0

    def run(self, name: str) -> Release:
        """Roll NAME back; returns the new revision. Raises ActionError / ReleaseFailed."""
        cfg = self.cfg
        cfg.check_reachable()
        cfg.releases.max_history = self.max_history
        current, target, ssa = self._prepare(name)
        opts = ApplyOptions(
            server_side=ssa, force_conflicts=self.force_conflicts, force_replace=self.force_replace,
            upgrade_csa_manager=True,
        )  # fmt: skip
        try:
            opts.check()
        except ApplyError as err:
            raise ActionError(str(err)) from err
        if is_dry_run(self.dry_run):
            return target
        try:
            cfg.store_new(target)
        except KeyboardInterrupt:  # held until the write ended: the revision is stored
            self._fail(current, target, "context canceled", cancelled=True)
        try:
            self._perform(current, target, ssa, opts)
        except KeyboardInterrupt:
            self._fail(current, target, "context canceled", cancelled=True)
        return target

    def _prepare(self, name: str) -> tuple[Release, Release, bool]:
        from chartist.action.uninstall import _valid_name

        cfg = self.cfg
        if not _valid_name(name):
            raise ActionError(f"prepareRollback: Release name is invalid: {name}")
        if self.version < 0:
            raise ActionError("invalid release revision")
        current = cfg.releases.last(name)
        previous = self.version or current.version - 1
        history = cfg.releases.history(name)
        if not any(r.version == previous for r in history):
            raise ActionError(f"release has no {previous} version")
        target_of = cfg.releases.get(name, previous)
        ssa = upgrade_server_side(self.server_side, target_of.apply_method)
        target = Release(
            name=name,
            namespace=current.namespace,
            chart=target_of.chart,
            config=target_of.config,
            info=Info(
                first_deployed=current.info.first_deployed,
                last_deployed=cfg.now(),
                status=Status.PENDING_ROLLBACK,
                notes=target_of.info.notes,
                description=f"Rollback to {previous}",
            ),
            version=current.version + 1,
            labels=dict(target_of.labels),
            manifest=target_of.manifest,
            hooks=target_of.copy().hooks,
            apply_method=apply_method(ssa),
        )
        target.chart_source = target_of.chart_source
        return current, target, ssa

    def _perform(self, current_rel: Release, target_rel: Release, ssa: bool, opts: ApplyOptions) -> None:
        cfg = self.cfg
        try:
            current = build(cfg.client, current_rel.manifest, cfg.namespace)
        except BuildError as err:
            self._fail(
                current_rel,
                target_rel,
                f"unable to build kubernetes objects from current release manifest: {err}",
            )
        try:
            target = build(cfg.client, target_rel.manifest, cfg.namespace)
        except BuildError as err:
            self._fail(
                current_rel,
                target_rel,
                f"unable to build kubernetes objects from new release manifest: {err}",
            )
        if not self.disable_hooks:
            try:
                execute_hooks(
                    cfg, target_rel, "pre-rollback", strategy=self.wait, timeout=self.timeout, server_side=ssa
                )
            except ChartistError as err:
                self._fail(current_rel, target_rel, str(err))
        set_ownership(target, target_rel.name, target_rel.namespace)
        try:
            cfg.applier().update(current, target, opts)
        except (ApplyError, KubeError) as err:
            created = err.result.created if isinstance(err, ApplyError) else []
            msg = f'Rollback "{target_rel.name}" failed: {err}'
            cfg.log.warning("%s", msg)
            current_rel.info.status = Status.SUPERSEDED
            target_rel.set_status(Status.FAILED, msg)
            cfg.record_release(current_rel, attempts=RECORD_ATTEMPTS)
            cfg.record_release(target_rel, attempts=RECORD_ATTEMPTS)
            if self.cleanup_on_fail and created:
                _, errors = cfg.applier().delete(created, "Background")
                if errors:
                    raise ReleaseFailed(
                        "an error occurred while cleaning up resources. original rollback error: "
                        f"unable to cleanup resources: {', '.join(errors)}",
                        target_rel,
                    ) from err
            raise ReleaseFailed(str(err), target_rel) from err
        try:
            cfg.wait([r.obj for r in target], self.wait, self.timeout, jobs=self.wait_for_jobs)
        except KubeError as err:
            target_rel.set_status(Status.FAILED, f'Release "{target_rel.name}" failed: {err}')
            cfg.record_release(current_rel, attempts=RECORD_ATTEMPTS)
            cfg.record_release(target_rel, attempts=RECORD_ATTEMPTS)
            raise ReleaseFailed(f"release {target_rel.name} failed: {err}", target_rel) from err
        if not self.disable_hooks:
            try:
                execute_hooks(
                    cfg,
                    target_rel,
                    "post-rollback",
                    strategy=self.wait,
                    timeout=self.timeout,
                    server_side=ssa,
                )
            except ChartistError as err:
                self._fail(current_rel, target_rel, str(err))
        try:
            deployed = cfg.releases.deployed_all(current_rel.name)
        except NoDeployedReleases:
            deployed = []
        target_rel.info.status = Status.DEPLOYED
        if not cfg.record_release(target_rel, attempts=RECORD_ATTEMPTS, final=True):
            raise ReleaseFailed(
                f"failed to record release {target_rel.name} revision {target_rel.version}", target_rel
            )
        for rel in deployed:
            if rel.version != target_rel.version:
                rel.info.status = Status.SUPERSEDED
                cfg.record_release(rel, attempts=RECORD_ATTEMPTS, final=True)

    def _fail(
        self, current_rel: Release, target_rel: Release, message: str, *, cancelled: bool = False
    ) -> NoReturn:
        """Record the new revision failed (Helm leaves it pending-rollback) and raise."""
        target_rel.set_status(Status.FAILED, f'Rollback "{target_rel.name}" failed: {message}')
        self.cfg.record_release(target_rel, attempts=RECORD_ATTEMPTS)
        raise (OperationCancelled if cancelled else ReleaseFailed)(message, target_rel)

"""``helm upgrade``: render a new revision from the deployed one, store it pending, apply the diff.

Helm v4's order (``pkg/action/upgrade.go``): the last revision must not be pending (that is the
release lock); values are reused, reset or merged as the flags say; the chart is rendered with
revision N+1 (``lookup`` sees the cluster); the object diff is computed by apiVersion, kind,
namespace and name — objects new to this revision that already exist must belong to the
release (or are adopted with ``take_ownership``). Then the ``pending-upgrade`` revision is
stored and pre-upgrade hooks, the update (create / update / delete, see
:mod:`chartist.action.apply`), waiting and post-upgrade hooks run.

On failure the new revision is recorded ``failed`` (``Upgrade "x" failed: ...``) and the
previous one stays ``deployed`` with its objects as the update left them; ``cleanup_on_fail``
deletes objects this upgrade created; ``rollback_on_failure`` rolls back to the last
successful revision. Ctrl-C is a failure with ``context canceled``. Unlike Helm, the new
revision is marked deployed before the previous one is superseded, so an interruption between
the two writes leaves two deployed revisions (Helm then picks the newest) rather than none.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, NoReturn

from chartist.action.apply import ApplyError, ApplyOptions
from chartist.action.configuration import (
    DRY_RUN_NONE,
    RECORD_ATTEMPTS,
    WAIT_HOOK_ONLY,
    WAIT_WATCHER,
    ActionError,
    Configuration,
    OperationCancelled,
    ReleaseFailed,
    interacts_with_server,
    is_dry_run,
)
from chartist.action.hooks import execute_hooks
from chartist.action.install import _check_labels, apply_method, render_resources
from chartist.action.resources import (
    BuildError,
    OwnershipError,
    Resource,
    build,
    existing_resource_conflict,
    require_adoption,
    set_ownership,
)
from chartist.chart.model import Chart, Metadata
from chartist.errors import ChartistError
from chartist.release.model import APPLY_METHOD_CSA, APPLY_METHOD_SSA, Info, Release
from chartist.release.status import Status
from chartist.storage.driver.base import (
    NoDeployedReleases,
    OperationInProgress,
    ReleaseNotFound,
    filter_system_labels,
)

__all__ = ["Upgrade", "merge_custom_labels", "upgrade_server_side"]


def upgrade_server_side(option: str, recorded: str) -> bool:
    """``--server-side``: ``auto`` follows the method the release was recorded with."""
    if option == "auto":
        return recorded == APPLY_METHOD_SSA
    if option in ("true", "false"):
        return option == "true"
    raise ActionError(f"invalid/unknown release server-side apply method: {option}")


def merge_custom_labels(current: dict[str, str], desired: dict[str, str]) -> dict[str, str]:
    """The release's labels updated with DESIRED; a label set to ``null`` is removed."""
    merged = {**current, **desired}
    return {k: v for k, v in merged.items() if v != "null"}


@dataclass
class Upgrade:
    """Upgrade a release to a chart (Helm's ``action.Upgrade``); defaults are Helm's CLI defaults."""

    cfg: Configuration
    namespace: str = ""
    skip_crds: bool = False
    timeout: float = 300.0
    wait: str = WAIT_HOOK_ONLY
    wait_for_jobs: bool = False
    disable_hooks: bool = False
    dry_run: str = DRY_RUN_NONE
    hide_secret: bool = False
    force_replace: bool = False
    force_conflicts: bool = False
    server_side: str = "auto"
    reset_values: bool = False
    reuse_values: bool = False
    reset_then_reuse_values: bool = False
    max_history: int = 0
    rollback_on_failure: bool = False
    cleanup_on_fail: bool = False
    sub_notes: bool = False
    skip_schema_validation: bool = False
    description: str = ""
    labels: dict[str, str] = field(default_factory=dict)
    enable_dns: bool = False
    take_ownership: bool = False
    post_renderer: Any = None

    def run(self, name: str, chart: Chart, values: dict[str, Any]) -> Release:
        """Upgrade release NAME to CHART with the user's VALUES; returns the new revision.

        Raises ActionError before a revision is stored, ReleaseFailed / OperationCancelled after.
        """
        from chartist.action.uninstall import _valid_name

        cfg = self.cfg
        cfg.check_reachable()
        strategy = WAIT_WATCHER if self.wait == WAIT_HOOK_ONLY and self.rollback_on_failure else self.wait
        if not _valid_name(name):
            raise ActionError(f"release name is invalid: {name}")
        current, upgraded, ssa, last_method = self._prepare(name, chart, values)
        cfg.releases.max_history = self.max_history
        return self._perform(current, upgraded, ssa, last_method, strategy)

    # -- preparing ---------------------------------------------------------------------------
    def _prepare(self, name: str, chart: Chart, values: dict[str, Any]) -> tuple[Release, Release, bool, str]:
        from chartist.action import rendering
        from chartist.chart.dependencies import process_dependencies

        cfg = self.cfg
        if not is_dry_run(self.dry_run) and self.hide_secret:
            raise ActionError("hiding Kubernetes secrets requires a dry-run mode")
        try:
            last = cfg.releases.last(name)
        except ReleaseNotFound:
            raise ActionError(str(NoDeployedReleases(name))) from None
        if last.is_pending:
            raise ActionError(str(OperationInProgress(name)), last)
        if last.info.status == Status.DEPLOYED:
            current = last
        else:
            try:
                current = cfg.releases.deployed(name)
            except NoDeployedReleases as err:
                if last.info.status not in (Status.FAILED, Status.SUPERSEDED):
                    raise ActionError(str(err)) from err
                current = last
        values, chart = self._reuse_values(chart, current, values)
        chart = process_dependencies(chart, values)
        revision = last.version + 1
        caps = cfg.get_capabilities()
        top = rendering.render_values(
            chart, values, release_name=name, namespace=current.namespace, revision=revision,
            is_install=False, is_upgrade=True, capabilities=caps, skip_schema_validation=self.skip_schema_validation,
        )  # fmt: skip
        rendered = render_resources(
            cfg, chart, top, sub_notes=self.sub_notes, hide_secret=self.hide_secret, enable_dns=self.enable_dns,
            lookup=cfg.lookup() if interacts_with_server(self.dry_run) else None, post_renderer=self.post_renderer,
        )  # fmt: skip
        _check_labels(self.labels)
        ssa = upgrade_server_side(self.server_side, last.apply_method)
        upgraded = Release(
            name=name,
            namespace=current.namespace,
            chart=chart,
            config=values,
            info=Info(
                first_deployed=current.info.first_deployed,
                last_deployed=cfg.now(),
                status=Status.PENDING_UPGRADE,
                description="Preparing upgrade",
                notes=rendered.notes,
            ),
            version=revision,
            manifest=rendered.manifest,
            hooks=rendered.hooks,
            labels=merge_custom_labels(filter_system_labels(last.labels), self.labels),
            apply_method=apply_method(ssa),
        )
        return current, upgraded, ssa, current.apply_method

    def _reuse_values(
        self, chart: Chart, current: Release, values: dict[str, Any]
    ) -> tuple[dict[str, Any], Chart]:
        from chartist.chart.values import coalesce_tables, coalesce_values, copy_values

        if self.reset_values:
            return values, chart
        old_config = copy_values(current.config or {})
        if self.reuse_values:
            old_chart = current.chart if current.chart is not None else Chart(Metadata())
            try:
                old_values = coalesce_values(old_chart, current.config)
            except ChartistError as err:
                raise ActionError(f"failed to rebuild old values: {err}") from err
            merged = coalesce_tables(copy_values(values), old_config)
            return merged, dataclasses.replace(chart, values=old_values)
        if self.reset_then_reuse_values:
            return coalesce_tables(copy_values(values), old_config), chart
        if not values and current.config:
            return old_config, chart
        return values, chart

    # -- performing --------------------------------------------------------------------------
    def _perform(
        self, original: Release, upgraded: Release, ssa: bool, original_method: str, strategy: str
    ) -> Release:
        cfg = self.cfg
        try:
            current = build(cfg.client, original.manifest, cfg.namespace)
        except BuildError as err:
            raise ActionError(
                f"unable to build kubernetes objects from current release manifest: {err}"
            ) from err
        try:
            target = build(cfg.client, upgraded.manifest, cfg.namespace)
        except BuildError as err:
            raise ActionError(f"unable to build kubernetes objects from new release manifest: {err}") from err
        set_ownership(target, upgraded.name, upgraded.namespace)
        existing = {r.versioned_key for r in current}
        to_create = [r for r in target if r.versioned_key not in existing]
        try:
            if self.take_ownership:
                to_update = require_adoption(cfg.client, to_create)
            else:
                to_update = existing_resource_conflict(
                    cfg.client, to_create, upgraded.name, upgraded.namespace
                )
        except (OwnershipError, BuildError) as err:
            raise ActionError(f"unable to continue with update: {err}") from err
        current.extend(to_update)
        if is_dry_run(self.dry_run):
            upgraded.info.description = self.description or "Dry run complete"
            return upgraded
        opts = ApplyOptions(
            server_side=ssa, force_conflicts=self.force_conflicts, force_replace=self.force_replace,
            upgrade_csa_manager=ssa and original_method in ("", APPLY_METHOD_CSA),
        )  # fmt: skip
        try:
            opts.check()
        except ApplyError as err:
            raise ActionError(str(err)) from err
        created: list[Resource] = []
        try:
            cfg.store_new(upgraded)
        except KeyboardInterrupt:  # held until the write ended: the revision is stored
            self._fail(upgraded, created, "context canceled", strategy, cancelled=True)
        try:
            self._releasing(original, upgraded, current, target, opts, ssa, strategy, created)
        except KeyboardInterrupt:
            self._fail(upgraded, created, "context canceled", strategy, cancelled=True)
        except ChartistError as err:
            self._fail(upgraded, created, str(err), strategy)
        return upgraded

    def _releasing(
        self,
        original: Release,
        upgraded: Release,
        current: list[Resource],
        target: list[Resource],
        opts: ApplyOptions,
        ssa: bool,
        strategy: str,
        created: list[Resource],
    ) -> None:
        cfg = self.cfg
        if not self.disable_hooks:
            try:
                execute_hooks(
                    cfg, upgraded, "pre-upgrade", strategy=strategy, timeout=self.timeout, server_side=ssa
                )
            except ActionError as err:
                raise ActionError(f"pre-upgrade hooks failed: {err}") from err
        try:
            result = cfg.applier().update(current, target, opts)
        except ApplyError as err:
            created.extend(err.result.created)
            raise
        created.extend(result.created)
        cfg.wait([r.obj for r in target], strategy, self.timeout, jobs=self.wait_for_jobs)
        if not self.disable_hooks:
            try:
                execute_hooks(
                    cfg, upgraded, "post-upgrade", strategy=strategy, timeout=self.timeout, server_side=ssa
                )
            except ActionError as err:
                raise ActionError(f"post-upgrade hooks failed: {err}") from err
        upgraded.set_status(Status.DEPLOYED, self.description or "Upgrade complete")
        if not cfg.record_release(upgraded, attempts=RECORD_ATTEMPTS, final=True):
            raise ReleaseFailed(
                f"failed to record release {upgraded.name} revision {upgraded.version}", upgraded
            )
        original.info.status = Status.SUPERSEDED
        cfg.record_release(original, attempts=RECORD_ATTEMPTS, final=True)

    def _fail(
        self, rel: Release, created: list[Resource], message: str, strategy: str, *, cancelled: bool = False
    ) -> NoReturn:
        cfg = self.cfg
        error_type = OperationCancelled if cancelled else ReleaseFailed
        cfg.log.warning("upgrade failed: %s: %s", rel.name, message)
        rel.set_status(Status.FAILED, f'Upgrade "{rel.name}" failed: {message}')
        cfg.record_release(rel, attempts=RECORD_ATTEMPTS)
        if self.cleanup_on_fail and created:
            _, errors = cfg.applier().delete(created, "Background")
            if errors:
                raise error_type(
                    f"an error occurred while cleaning up resources. original upgrade error: {message}: "
                    f"unable to cleanup resources: {', '.join(errors)}",
                    rel,
                )
        if self.rollback_on_failure:
            from chartist.action.rollback import Rollback

            try:
                history = cfg.releases.history(rel.name)
            except ChartistError as err:
                raise error_type(
                    f"an error occurred while finding last successful release. original upgrade error: {message}: {err}",
                    rel,
                ) from err
            good = [r for r in history if r.info.status in (Status.SUPERSEDED, Status.DEPLOYED)]
            if not good:
                raise error_type(
                    "unable to find a previously successful release when attempting to rollback. "
                    f"original upgrade error: {message}",
                    rel,
                )
            back = Rollback(
                cfg, version=max(good, key=lambda r: r.version).version, wait=strategy,
                wait_for_jobs=self.wait_for_jobs, disable_hooks=self.disable_hooks, force_replace=self.force_replace,
                force_conflicts=self.force_conflicts, server_side=self.server_side, timeout=self.timeout,
            )  # fmt: skip
            try:
                back.run(rel.name)
            except ChartistError as err:
                raise error_type(
                    f"an error occurred while rolling back the release. original upgrade error: {message}: {err}",
                    rel,
                ) from err
            raise error_type(
                f"release {rel.name} failed, and has been rolled back due to rollback-on-failure being set: {message}",
                rel,
            )
        raise error_type(message, rel)

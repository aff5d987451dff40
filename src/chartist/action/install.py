"""``helm install``: render a chart against the cluster, record revision 1, create its objects.

The order is Helm v4's (``pkg/action/install.go``): reachability, name check, dependencies,
CRDs from ``crds/`` (created once, never updated or deleted), capabilities, render (``lookup``
sees the cluster), ownership stamping, the check that no object exists that belongs to someone
else (``--take-ownership`` adopts them instead), then — unless a dry run — the ``pending-install``
revision is stored and pre-install hooks, objects, waiting and post-install hooks follow.

Failure after the revision was stored marks it ``failed`` with Helm's description
(``Release "x" failed: ...``) and raises :class:`ReleaseFailed`; with ``rollback_on_failure``
the release is uninstalled instead. An interrupt (Ctrl-C) does the same with
``context canceled``, so no install is ever left ``pending-install``. The final writes of a
revision are retried, so a passing API error does not leave the release locked either.
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
from chartist.action.resources import (
    BuildError,
    OwnershipError,
    Resource,
    build,
    existing_resource_conflict,
    require_adoption,
    set_ownership,
)
from chartist.chart.model import Chart
from chartist.errors import ChartistError
from chartist.kube.errors import AlreadyExists, KubeError
from chartist.release.model import APPLY_METHOD_CSA, APPLY_METHOD_SSA, Hook, Release
from chartist.release.status import Status

__all__ = ["Install", "RenderedResources", "render_resources"]

NOTES_SUFFIX = "NOTES.txt"


@dataclass
class RenderedResources:
    """What renderResources gives: hooks, the manifest stream, the notes."""

    hooks: list[Hook]
    manifest: str
    notes: str


def render_resources(
    cfg: Configuration,
    chart: Chart,
    top: dict[str, Any],
    *,
    sub_notes: bool,
    hide_secret: bool = False,
    enable_dns: bool = False,
    lookup: Any = None,
    post_renderer: Any = None,
) -> RenderedResources:
    """Helm's renderResources for a release: kube version check, render, notes, sort.

    TOP is the render values (``rendering.render_values``). Raises ActionError; when the
    manifests do not parse, ``release`` is None and the message is Helm's YAML parse error.
    """
    from chartist.action.rendering import manifest_document, render_files
    from chartist.release.manifest import ManifestError, sort_manifests

    files, notes = render_files(
        chart, top, sub_notes=sub_notes, enable_dns=enable_dns, lookup=lookup, post_renderer=post_renderer
    )
    try:
        hooks, manifests = sort_manifests(files)
    except ManifestError as err:
        raise ActionError(str(err)) from err
    out = [
        manifest_document(m.name, m.content, m.head.kind, m.head.version, hide_secret=hide_secret)
        for m in manifests
    ]
    return RenderedResources(hooks, "".join(out), notes)


def apply_method(server_side: bool) -> str:
    return APPLY_METHOD_SSA if server_side else APPLY_METHOD_CSA


@dataclass
class Install:
    """Install a chart as a new release (Helm's ``action.Install``); defaults are Helm's CLI defaults."""

    cfg: Configuration
    release_name: str = ""
    namespace: str = ""
    dry_run: str = DRY_RUN_NONE
    hide_secret: bool = False
    disable_hooks: bool = False
    replace: bool = False
    create_namespace: bool = False
    wait: str = WAIT_HOOK_ONLY
    wait_for_jobs: bool = False
    timeout: float = 300.0
    rollback_on_failure: bool = False
    skip_crds: bool = False
    sub_notes: bool = False
    skip_schema_validation: bool = False
    description: str = ""
    labels: dict[str, str] = field(default_factory=dict)
    kube_version: str | None = None
    api_versions: list[str] = field(default_factory=list)
    enable_dns: bool = False
    take_ownership: bool = False
    server_side: bool = True
    force_conflicts: bool = False
    force_replace: bool = False
    post_renderer: Any = None
    is_upgrade: bool = False

    def run(self, chart: Chart, values: dict[str, Any]) -> Release:
        """Install CHART with the user's VALUES; returns the release (its state says how it went).

        Raises ActionError before anything is recorded, ReleaseFailed / OperationCancelled after.
        """
        from chartist.action import rendering
        from chartist.chart.dependencies import process_dependencies

        cfg = self.cfg
        namespace = self.namespace or cfg.namespace
        interact = interacts_with_server(self.dry_run)
        if interact:
            try:
                cfg.check_reachable()
            except ActionError as err:
                raise ActionError(f"cluster reachability check failed: {err}") from err
        if not is_dry_run(self.dry_run) and self.hide_secret:
            raise ActionError("hiding Kubernetes secrets requires a dry-run mode")
        self._available_name()
        try:
            chart = process_dependencies(chart, values)
        except ChartistError as err:
            raise ActionError(f"chart dependencies processing failed: {err}") from err
        crds = chart.crd_objects()
        if interact and not self.skip_crds and crds:
            if is_dry_run(self.dry_run):
                cfg.log.warning(
                    "This chart or one of its subcharts contains CRDs. Rendering may fail or contain inaccuracies."
                )
            else:
                self._install_crds(crds)
        if not interact:
            cfg = _client_only(cfg, namespace, self.kube_version, self.api_versions)
        strategy = WAIT_WATCHER if self.wait == WAIT_HOOK_ONLY and self.rollback_on_failure else self.wait
        caps = cfg.get_capabilities()
        is_upgrade = self.is_upgrade and is_dry_run(self.dry_run)
        top = rendering.render_values(
            chart, values, release_name=self.release_name, namespace=namespace, revision=1,
            is_install=not is_upgrade, is_upgrade=is_upgrade, capabilities=caps,
            skip_schema_validation=self.skip_schema_validation,
        )  # fmt: skip
        _check_labels(self.labels)
        now = cfg.now()
        rel = Release(
            name=self.release_name, namespace=namespace, chart=chart, config=values, version=1,
            labels=dict(self.labels), apply_method=apply_method(self.server_side),
        )  # fmt: skip
        rel.info.first_deployed = rel.info.last_deployed = now
        rel.info.status = Status.UNKNOWN
        try:
            rendered = render_resources(
                cfg, chart, top, sub_notes=self.sub_notes, hide_secret=self.hide_secret,
                enable_dns=self.enable_dns, lookup=cfg.lookup() if interact else None,
                post_renderer=self.post_renderer,
            )  # fmt: skip
        except ChartistError as err:
            rel.set_status(Status.FAILED, f"failed to render resource: {err}")
            raise ActionError(str(err), rel) from err
        rel.hooks, rel.manifest, rel.info.notes = rendered.hooks, rendered.manifest, rendered.notes
        rel.set_status(Status.PENDING_INSTALL, "Initial install underway")
        resources: list[Resource] = []
        to_adopt: list[Resource] = []
        if interact:
            try:
                resources = build(cfg.client, rel.manifest, namespace)
            except BuildError as err:
                raise ActionError(f"unable to build kubernetes objects from release manifest: {err}") from err
            set_ownership(resources, rel.name, namespace)
            if not is_upgrade and resources:
                try:
                    if self.take_ownership:
                        to_adopt = require_adoption(cfg.client, resources)
                    else:
                        to_adopt = existing_resource_conflict(cfg.client, resources, rel.name, namespace)
                except (OwnershipError, BuildError) as err:
                    raise ActionError(f"unable to continue with install: {err}") from err
        if is_dry_run(self.dry_run):
            rel.info.description = "Dry run complete"
            return rel
        opts = ApplyOptions(
            server_side=self.server_side, force_conflicts=self.force_conflicts and bool(to_adopt),
            force_replace=self.force_replace and bool(to_adopt),
            three_way_merge=self.take_ownership and not self.server_side, upgrade_csa_manager=True,
        )  # fmt: skip
        if to_adopt:
            try:
                opts.check()
            except ApplyError as err:
                raise ActionError(str(err)) from err
        if self.create_namespace:
            self._create_namespace(namespace)
        if self.replace:
            self._replace_release(rel)
        try:
            cfg.store_new(rel)
        except KeyboardInterrupt:  # held until the write ended: the revision is stored
            self._fail(cfg, rel, "context canceled", strategy, cancelled=True)
        try:
            self._perform(cfg, rel, resources, to_adopt, opts, strategy)
        except KeyboardInterrupt:
            self._fail(cfg, rel, "context canceled", strategy, cancelled=True)
        except ChartistError as err:
            self._fail(cfg, rel, str(err), strategy)
        return rel

    # -- steps -------------------------------------------------------------------------------
    def _available_name(self) -> None:
        from chartist.action.template import TemplateError, validate_release_name

        try:
            validate_release_name(self.release_name)
        except TemplateError as err:
            raise ActionError(str(err)) from err
        if is_dry_run(self.dry_run):
            return
        try:
            history = self.cfg.releases.history(self.release_name)
        except ChartistError:
            return
        if not history:
            return
        last = history[-1]
        if self.replace and last.info.status in (Status.UNINSTALLED, Status.FAILED):
            return
        raise ActionError("release name check failed: cannot reuse a name that is still in use")

    def _install_crds(self, crds: list[Any]) -> None:
        cfg = self.cfg
        created: list[Resource] = []
        applier = cfg.applier()
        for crd in crds:
            if not crd.file.data:
                raise ActionError(f"failed to install CRD {crd.name}: file data is empty")
            try:
                objs = build(cfg.client, crd.file.data.decode("utf-8", "surrogateescape"), cfg.namespace)
            except BuildError as err:
                raise ActionError(f"failed to install CRD {crd.name}: {err}") from err
            if not objs:
                raise ActionError(f"failed to install CRD {crd.name}: resources are empty")
            fresh = [o for o in objs if not _exists(cfg, o)]
            if not fresh:  # CRDs are created once and never changed by an install
                cfg.log.debug("CRD %s is already present. Skipping", crd.name)
                continue
            try:
                applier.create(
                    fresh,
                    ApplyOptions(
                        server_side=self.server_side,
                        force_conflicts=self.force_conflicts and self.server_side,
                    ),
                )
            except (ApplyError, KubeError) as err:
                raise ActionError(f"failed to install CRD {crd.name}: {err}") from err
            objs = fresh
            created.extend(objs)
        if created:
            # Give the API server time to serve the new kinds, then forget what discovery knew.
            try:
                cfg.wait([r.obj for r in created], WAIT_WATCHER, 60.0)
            except KubeError as err:
                raise ActionError(str(err)) from err
            cfg.forget_discovery()

    def _create_namespace(self, namespace: str) -> None:
        ns = {
            "apiVersion": "v1",
            "kind": "Namespace",
            "metadata": {"name": namespace, "labels": {"name": namespace}},
        }
        kube = self.cfg.client
        try:
            if self.server_side:
                kube.apply(ns, field_manager=self.cfg.field_manager)
            else:
                kube.create(ns, field_manager=self.cfg.field_manager)
        except AlreadyExists:
            pass
        except KubeError as err:
            raise ActionError(str(err)) from err

    def _replace_release(self, rel: Release) -> None:
        try:
            history = self.cfg.releases.history(rel.name)
        except ChartistError:
            return
        if not history:
            return
        last = history[-1]
        rel.version = last.version + 1
        if last.info.status == Status.FAILED:
            return
        last.set_status(Status.SUPERSEDED, "superseded by new release")
        try:
            self.cfg.releases.update(last)
        except ChartistError as err:
            raise ActionError(str(err)) from err

    def _perform(
        self,
        cfg: Configuration,
        rel: Release,
        resources: list[Resource],
        to_adopt: list[Resource],
        opts: ApplyOptions,
        strategy: str,
    ) -> None:
        if not self.disable_hooks:
            try:
                execute_hooks(
                    cfg,
                    rel,
                    "pre-install",
                    strategy=strategy,
                    timeout=self.timeout,
                    server_side=self.server_side,
                )
            except ActionError as err:
                raise ActionError(f"failed pre-install: {err}") from err
        applier = cfg.applier()
        if resources and not to_adopt:
            applier.create(resources, ApplyOptions(server_side=self.server_side))
        elif resources:
            applier.update(to_adopt, resources, opts)
        cfg.wait([r.obj for r in resources], strategy, self.timeout, jobs=self.wait_for_jobs)
        if not self.disable_hooks:
            try:
                execute_hooks(
                    cfg,
                    rel,
                    "post-install",
                    strategy=strategy,
                    timeout=self.timeout,
                    server_side=self.server_side,
                )
            except ActionError as err:
                raise ActionError(f"failed post-install: {err}") from err
        rel.set_status(Status.DEPLOYED, self.description or "Install complete")
        if not cfg.record_release(rel, attempts=RECORD_ATTEMPTS, final=True):
            cfg.log.error("failed to record the release %s", rel.name)

    def _fail(
        self, cfg: Configuration, rel: Release, message: str, strategy: str, *, cancelled: bool = False
    ) -> NoReturn:
        rel.set_status(Status.FAILED, f'Release "{self.release_name}" failed: {message}')
        error_type = OperationCancelled if cancelled else ReleaseFailed
        if self.rollback_on_failure:
            from chartist.action.uninstall import Uninstall

            cfg.log.debug("install failed and rollback-on-failure is set, uninstalling release %s", rel.name)
            un = Uninstall(
                cfg, disable_hooks=self.disable_hooks, keep_history=False, timeout=self.timeout, wait=strategy
            )
            try:
                un.run(self.release_name)
            except ChartistError as err:
                cfg.record_release(rel, attempts=RECORD_ATTEMPTS)
                raise error_type(
                    f"an error occurred while uninstalling the release. original install error: {message}: {err}",
                    rel,
                ) from err
            raise error_type(
                f"release {self.release_name} failed, and has been uninstalled due to rollback-on-failure being set: "
                f"{message}",
                rel,
            )
        cfg.record_release(rel, attempts=RECORD_ATTEMPTS)
        raise error_type(message, rel)


def _exists(cfg: Configuration, r: Resource) -> bool:
    from chartist.kube.errors import NotFound

    try:
        cfg.client.get(r.api_version, r.kind, r.name, r.namespace)
    except NotFound:
        return False
    except KubeError as err:
        raise ActionError(f"could not get information about the resource {r.describe()}: {err}") from err
    return True


def _client_only(
    cfg: Configuration, namespace: str, kube_version: str | None, api_versions: list[str]
) -> Configuration:
    """Helm's client-only install: default capabilities, no cluster, memory storage."""
    from chartist.engine.capabilities import Capabilities
    from chartist.storage.driver.memory import MemoryDriver
    from chartist.storage.storage import Storage

    return dataclasses.replace(
        cfg,
        kube=None,
        releases=Storage(MemoryDriver(namespace)),
        capabilities=Capabilities.make(kube_version, api_versions),
    )


def _check_labels(labels: dict[str, str]) -> None:
    from chartist.action.rendering import check_labels

    try:
        check_labels(labels)
    except ChartistError as err:
        raise ActionError(str(err)) from err

"""``helm uninstall``: run pre-delete hooks, delete the release's objects, purge or keep history.

Helm v4's order (``pkg/action/uninstall.go``): the last revision is marked ``uninstalling``,
pre-delete hooks run, the objects of its manifest are deleted in uninstall order (Services
before Deployments, Namespaces last, see ``release.manifest.UNINSTALL_ORDER``) except those
marked ``helm.sh/resource-policy: keep`` (named in the answer), the deletions are waited for
(``--wait``), post-delete hooks run, then every revision is deleted from storage — or, with
``keep_history``, the last one is marked ``uninstalled`` and older deployed ones superseded.
Hooks and CRDs from ``crds/`` are not part of the manifest and are never deleted here.
"""

from __future__ import annotations

from dataclasses import dataclass

from chartist.action.configuration import WAIT_HOOK_ONLY, ActionError, Configuration, check_strategy
from chartist.action.hooks import execute_hooks
from chartist.action.resources import RESOURCE_POLICY_ANNOTATION, BuildError, Resource, build
from chartist.errors import ChartistError
from chartist.kube.errors import KubeError
from chartist.release.model import Release
from chartist.release.status import Status
from chartist.storage.driver.base import NoDeployedReleases, ReleaseNotFound

__all__ = ["CASCADE_POLICIES", "Uninstall", "UninstallResponse"]

#: --cascade values and the propagation policy each sends.
CASCADE_POLICIES = {"background": "Background", "foreground": "Foreground", "orphan": "Orphan"}


@dataclass
class UninstallResponse:
    """The uninstalled (or would-be uninstalled) revision and the text about kept objects."""

    release: Release | None
    info: str = ""


def _valid_name(name: str) -> bool:
    from chartist.action.template import TemplateError, validate_release_name

    try:
        validate_release_name(name)
    except TemplateError:
        return False
    return True


@dataclass
class Uninstall:
    """Uninstall a release (Helm's ``action.Uninstall``)."""

    cfg: Configuration
    disable_hooks: bool = False
    dry_run: bool = False
    ignore_not_found: bool = False
    keep_history: bool = False
    wait: str = WAIT_HOOK_ONLY
    cascade: str = "background"
    timeout: float = 300.0
    description: str = ""

    def run(self, name: str) -> UninstallResponse | None:
        """Uninstall NAME; None when it does not exist and ``ignore_not_found``. Raises ActionError."""
        cfg = self.cfg
        cfg.check_reachable()
        check_strategy(self.wait)
        if self.dry_run:
            if not _valid_name(name):
                raise ActionError(f"releaseContent: Release name is invalid: {name}")
            try:
                return UninstallResponse(cfg.releases.last(name))
            except ReleaseNotFound:
                if self.ignore_not_found:
                    return None
                raise
        if not _valid_name(name):
            raise ActionError(f"uninstall: Release name is invalid: {name}")
        try:
            revisions = cfg.releases.history(name)
        except ChartistError as err:
            if self.ignore_not_found:
                return None
            raise ActionError(f"uninstall: Release not loaded: {name}: {err}") from err
        if not revisions:
            raise ActionError("no release provided")
        rel = revisions[-1]
        if rel.info.status == Status.UNINSTALLED:
            if not self.keep_history:
                self._purge(revisions)
                return UninstallResponse(rel)
            raise ActionError(f'the release named "{name}" is already deleted')
        rel.info.status = Status.UNINSTALLING
        rel.info.deleted = cfg.now()
        rel.info.description = "Deletion in progress (or silently failed)"
        res = UninstallResponse(rel)
        if not self.disable_hooks:
            execute_hooks(cfg, rel, "pre-delete", strategy=self.wait, timeout=self.timeout, server_side=True)
        cfg.record_release(rel)
        deleted, kept, errors = self._delete_objects(rel)
        if errors:
            cfg.log.debug("uninstall: failed to delete release: %s", "; ".join(errors))
            raise ActionError(f"failed to delete release: {name}")
        if kept:
            res.info = "These resources were kept due to the resource policy:\n" + kept
        failures: list[str] = []
        try:
            cfg.wait_deleted([r.ref() for r in deleted], self.wait, self.timeout)
        except KubeError as err:
            failures.append(str(err))
        if not self.disable_hooks:
            try:
                execute_hooks(
                    cfg, rel, "post-delete", strategy=self.wait, timeout=self.timeout, server_side=True
                )
            except ChartistError as err:
                failures.append(str(err))
        rel.info.status = Status.UNINSTALLED
        rel.info.description = self.description or "Uninstallation complete"
        if not self.keep_history:
            try:
                self._purge(revisions)
            except ActionError as err:
                failures.append(str(err))
            if failures:
                raise ActionError(
                    f"uninstallation completed with {len(failures)} error(s): {'; '.join(failures)}", rel
                )
            return res
        cfg.record_release(rel)
        try:
            deployed = cfg.releases.deployed_all(name)
        except NoDeployedReleases:
            deployed = []
        for old in deployed:
            old.info.status = Status.SUPERSEDED
            cfg.record_release(old)
        if failures:
            raise ActionError(
                f"uninstallation completed with {len(failures)} error(s): {'; '.join(failures)}", rel
            )
        return res

    def _purge(self, revisions: list[Release]) -> None:
        for rev in revisions:
            try:
                self.cfg.releases.delete(rev.name, rev.version)
            except ChartistError as err:
                raise ActionError(f"uninstall: Failed to purge the release: {err}") from err

    def _delete_objects(self, rel: Release) -> tuple[list[Resource], str, list[str]]:
        """Delete REL's objects in uninstall order: (deleted, kept text, errors)."""
        from chartist.release.manifest import UNINSTALL_ORDER, ManifestError, sort_manifests, split_manifests

        docs = {f"manifest-{i}": d for i, d in enumerate(split_manifests(rel.manifest))}
        try:
            _, manifests = sort_manifests(docs, UNINSTALL_ORDER)
        except ManifestError as err:
            return (
                [],
                rel.manifest,
                [f"corrupted release record. You must manually delete the resources: {err}"],
            )
        kept: list[str] = []
        stream: list[str] = []
        for m in manifests:
            ann = m.head.annotations or {}
            if RESOURCE_POLICY_ANNOTATION not in ann:
                stream.append(m.content)
            elif ann[RESOURCE_POLICY_ANNOTATION].strip().lower() == "keep":
                kept.append(f"[{m.head.kind}] {m.head.name or ''}\n")
            # any other policy value: neither deleted nor reported, as Helm does
        try:
            resources = build(
                self.cfg.client, "".join(f"\n---\n{c}" for c in stream), rel.namespace or self.cfg.namespace
            )
        except BuildError as err:
            return [], "", [f"unable to build kubernetes objects for delete: {err}"]
        if not resources:
            return [], "".join(kept), []
        policy = CASCADE_POLICIES.get(self.cascade, "Background")
        deleted, errors = self.cfg.applier().delete(resources, policy)
        return deleted, "".join(kept), errors

"""Release history over a driver (Helm's ``storage/storage.go``).

:class:`Storage` addresses revisions by release name and number, keeps at most
``max_history`` revisions when a new one is created (never pruning the deployed one), and
answers the history questions the actions ask: every revision, the last one, the deployed
one. It also holds the release lock: a release whose last revision is ``pending-install``,
``pending-upgrade`` or ``pending-rollback`` is being changed by another operation, and
:meth:`Storage.check_not_pending` refuses a new one with Helm's message.

Consistency: pruning deletes old revisions one object at a time before the new revision is
created (Helm's order); a failure part way leaves fewer old revisions, never a broken one, and
the next create prunes the rest. Creating a revision is a single write, so an interrupted
install/upgrade leaves at most one revision in a pending state, which the lock reports and a
rollback or a forced operation of the actions resolves.
"""

from __future__ import annotations

import builtins
import logging
from collections.abc import Mapping

from chartist.release.model import Release
from chartist.release.status import Status
from chartist.storage.driver.base import (
    OWNER,
    Driver,
    NoDeployedReleases,
    OperationInProgress,
    ReleaseFilter,
    ReleaseNotFound,
    StorageError,
    go_quote,
    make_key,
)
from chartist.storage.driver.memory import MemoryDriver

__all__ = ["Storage"]

_log = logging.getLogger("chartist.storage")


def _by_version(releases: list[Release]) -> list[Release]:
    return sorted(releases, key=lambda r: r.version)


class Storage:
    """Revisions of releases in DRIVER (an in-memory driver by default).

    ``max_history`` is the most revisions kept per release, the new one included; 0 or less
    keeps every revision.
    """

    def __init__(self, driver: Driver | None = None, *, max_history: int = 0) -> None:
        self.driver: Driver = driver if driver is not None else MemoryDriver()
        self.max_history = max_history

    # -- one revision --------------------------------------------------------------------------
    def get(self, name: str, version: int) -> Release:
        """Revision VERSION of release NAME, or ReleaseNotFound."""
        return self.driver.get(make_key(name, version))

    def create(self, rls: Release) -> None:
        """Store a new revision, first pruning history to make room for it.

        Raises ReleaseExists when the revision is already stored, or the driver's error.
        """
        if self.max_history > 0:
            try:
                self.remove_least_recent(rls.name, self.max_history - 1)
            except ReleaseNotFound:
                pass
        self.driver.create(make_key(rls.name, rls.version), rls)

    def update(self, rls: Release) -> None:
        """Replace a stored revision (status, description, hooks...); ReleaseNotFound if absent."""
        self.driver.update(make_key(rls.name, rls.version), rls)

    def delete(self, name: str, version: int) -> Release:
        """Remove revision VERSION of NAME and return it; ReleaseNotFound if absent."""
        return self.driver.delete(make_key(name, version))

    # -- lists ---------------------------------------------------------------------------------
    def list(self, filter: ReleaseFilter | None = None) -> builtins.list[Release]:
        """Every stored revision FILTER accepts (the driver's namespace, or all)."""
        return self.driver.list(filter)

    def query(self, labels: Mapping[str, str]) -> builtins.list[Release]:
        """Revisions whose labels match; ReleaseNotFound when none does."""
        return self.driver.query(labels)

    def list_releases(self) -> builtins.list[Release]:
        """Every stored revision."""
        return self.driver.list(None)

    def list_uninstalled(self) -> builtins.list[Release]:
        """Revisions with status ``uninstalled``."""
        return self.driver.list(lambda r: r.info.status == Status.UNINSTALLED)

    def list_deployed(self) -> builtins.list[Release]:
        """Revisions with status ``deployed``."""
        return self.driver.list(lambda r: r.info.status == Status.DEPLOYED)

    # -- history -------------------------------------------------------------------------------
    def history(self, name: str) -> builtins.list[Release]:
        """Every revision of NAME, oldest first; ReleaseNotFound when there is none."""
        return _by_version(self.driver.query({"name": name, "owner": OWNER}))

    def deployed_all(self, name: str) -> builtins.list[Release]:
        """Every deployed revision of NAME (normally one); NoDeployedReleases when there is none."""
        try:
            return self.driver.query({"name": name, "owner": OWNER, "status": Status.DEPLOYED.value})
        except ReleaseNotFound:
            raise NoDeployedReleases(name) from None

    def deployed(self, name: str) -> Release:
        """The deployed revision of NAME (the newest if several are, after a concurrent write).

        Raises NoDeployedReleases (``"NAME" has no deployed releases``).
        """
        revisions = self.deployed_all(name)
        if not revisions:
            raise NoDeployedReleases(name)
        return max(revisions, key=lambda r: r.version)

    def last(self, name: str) -> Release:
        """The newest revision of NAME, whatever its status; ReleaseNotFound when there is none."""
        revisions = self.history(name)
        if not revisions:
            raise ReleaseNotFound(f"no revision for release {go_quote(name)}")
        return revisions[-1]

    def check_not_pending(self, name: str) -> Release | None:
        """The last revision of NAME (None if it has none), unless it is pending.

        Raises OperationInProgress (``another operation (install/upgrade/rollback) is in
        progress``) when that revision is pending-install, -upgrade or -rollback: another
        operation holds the release until it writes the outcome.
        """
        try:
            last = self.last(name)
        except ReleaseNotFound:
            return None
        if last.is_pending:
            raise OperationInProgress(name)
        return last

    # -- pruning -------------------------------------------------------------------------------
    def remove_least_recent(self, name: str, maximum: int) -> None:
        """Delete the oldest revisions of NAME until at most MAXIMUM remain, sparing the deployed one.

        Every deletion is tried; one failure is re-raised, several are reported together.
        """
        if maximum < 0:
            return
        revisions = self.history(name)
        if len(revisions) <= maximum:
            return
        try:
            deployed_version: int | None = self.deployed(name).version
        except NoDeployedReleases:
            deployed_version = None
        doomed: builtins.list[Release] = []
        for rls in revisions:
            if len(revisions) - len(doomed) == maximum:
                break
            if rls.version != deployed_version:
                doomed.append(rls)
        errors: builtins.list[StorageError] = []
        for rls in doomed:
            try:
                self.delete(name, rls.version)
            except StorageError as err:
                _log.debug("error pruning release %s: %s", make_key(name, rls.version), err)
                errors.append(err)
        _log.debug("pruned %d records of release %s, %d errors", len(doomed), name, len(errors))
        if len(errors) == 1:
            raise errors[0]
        if errors:
            raise StorageError(
                f"encountered {len(errors)} deletion errors. First is: {errors[0]}"
            ) from errors[0]

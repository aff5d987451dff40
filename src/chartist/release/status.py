"""Release statuses, spelled as Helm stores them (``release/common/status.go``)."""

from __future__ import annotations

from enum import StrEnum

__all__ = ["PENDING_STATUSES", "Status", "is_pending"]


class Status(StrEnum):
    """The state of one revision of a release; the value is what storage and labels hold."""

    UNKNOWN = "unknown"
    DEPLOYED = "deployed"
    UNINSTALLED = "uninstalled"
    SUPERSEDED = "superseded"
    FAILED = "failed"
    UNINSTALLING = "uninstalling"
    PENDING_INSTALL = "pending-install"
    PENDING_UPGRADE = "pending-upgrade"
    PENDING_ROLLBACK = "pending-rollback"

    @property
    def is_pending(self) -> bool:
        """True for the transitions install/upgrade/rollback, which lock the release."""
        return self in PENDING_STATUSES


PENDING_STATUSES: frozenset[str] = frozenset(
    {Status.PENDING_INSTALL, Status.PENDING_UPGRADE, Status.PENDING_ROLLBACK}
)


def is_pending(status: str) -> bool:
    """Helm's ``Status.IsPending`` for any status text (storage may hold values of other versions)."""
    return status in PENDING_STATUSES

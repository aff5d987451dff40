"""The release data model (Helm's ``release/v1``): Release, Info, Hook and a hook's last run.

A release is one revision of an installed chart: the chart, the user's values, the rendered
manifest and hooks, and an :class:`Info` that says when and how it was deployed. The classes
are mutable slotted dataclasses because the actions update a revision in place between two
storage writes (status, description, hook runs), as Helm does; :meth:`Release.copy` gives an
independent copy that shares the immutable chart.

Field names follow Helm's Go fields; :mod:`chartist.release.codec` writes them as Helm's JSON.
Times are :class:`~chartist.release.times.GoTime` (nanoseconds and offset kept); ``None`` is
Go's zero time. Statuses are plain strings (a :class:`~chartist.release.status.Status` member
or whatever another Helm version stored).
"""

from __future__ import annotations

import copy
import dataclasses
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from chartist.release.status import Status, is_pending
from chartist.release.times import GoTime

if TYPE_CHECKING:
    from chartist.chart.model import Chart

__all__ = [
    "APPLY_METHOD_CSA",
    "APPLY_METHOD_SSA",
    "HOOK_EVENTS",
    "HOOK_PHASES",
    "Hook",
    "HookExecution",
    "Info",
    "Release",
]

APPLY_METHOD_CSA = "csa"  # client-side apply; also what an empty apply_method means
APPLY_METHOD_SSA = "ssa"  # server-side apply

# Hook event names Helm recognises in ``helm.sh/hook`` ("test-success" is the old name of test).
HOOK_EVENTS: dict[str, str] = {
    "pre-install": "pre-install",
    "post-install": "post-install",
    "pre-delete": "pre-delete",
    "post-delete": "post-delete",
    "pre-upgrade": "pre-upgrade",
    "post-upgrade": "post-upgrade",
    "pre-rollback": "pre-rollback",
    "post-rollback": "post-rollback",
    "test": "test",
    "test-success": "test",
}

# Helm's HookPhase values (an execution never run has phase "").
HOOK_PHASES = ("Unknown", "Running", "Succeeded", "Failed")


@dataclass(slots=True)
class HookExecution:
    """When a hook last ran and how it ended (``phase``: Unknown, Running, Succeeded, Failed)."""

    started_at: GoTime | None = None
    completed_at: GoTime | None = None
    phase: str = ""


@dataclass(slots=True)
class Hook:
    """A manifest run at a lifecycle event instead of being installed with the release."""

    name: str
    kind: str
    path: str
    manifest: str
    events: list[str] = field(default_factory=list)
    weight: int = 0
    delete_policies: list[str] = field(default_factory=list)
    output_log_policies: list[str] = field(default_factory=list)
    last_run: HookExecution = field(default_factory=HookExecution)


@dataclass(slots=True)
class Info:
    """When and how a revision was deployed.

    ``resources`` holds the live objects by kind only while ``helm status`` shows them; Helm
    never stores it. ``rollback_revision`` (Helm after v4.2.3) is the revision a rollback
    restored, 0 otherwise.
    """

    first_deployed: GoTime | None = None
    last_deployed: GoTime | None = None
    deleted: GoTime | None = None
    description: str = ""
    status: str = ""
    rollback_revision: int = 0
    notes: str = ""
    resources: dict[str, list[Any]] | None = None


@dataclass(slots=True)
class Release:
    """One revision of a release.

    ``labels`` are the release's custom labels; they live in the storage object's metadata,
    never in the stored JSON (drivers fill them in when reading). ``apply_method`` is ``"csa"``
    or ``"ssa"`` (empty means client-side apply, as written by older Helm).

    ``chart_source`` is set by the codec when it reads a release: the chart it decoded and the
    chart's JSON document, so that writing the release back reproduces the stored chart exactly
    (nanosecond file times, fields of other Helm versions) as long as ``chart`` is that object.
    """

    name: str = ""
    info: Info = field(default_factory=Info)
    chart: Chart | None = None
    config: dict[str, Any] = field(default_factory=dict)
    manifest: str = ""
    hooks: list[Hook] = field(default_factory=list)
    version: int = 0
    namespace: str = ""
    labels: dict[str, str] = field(default_factory=dict)
    apply_method: str = ""
    chart_source: tuple[Chart, dict[str, Any]] | None = field(default=None, repr=False, compare=False)

    def set_status(self, status: str, description: str) -> None:
        """Helm's ``SetStatus``: the status and the human-readable description together."""
        self.info.status = status
        self.info.description = description

    @property
    def is_pending(self) -> bool:
        """True while an install, upgrade or rollback of this revision is under way."""
        return is_pending(self.info.status)

    @property
    def is_deployed(self) -> bool:
        return self.info.status == Status.DEPLOYED

    def copy(self) -> Release:
        """An independent copy: info, hooks, config and labels are copied, the chart is shared."""
        return dataclasses.replace(
            self,
            info=copy.deepcopy(self.info),
            config=copy.deepcopy(self.config),
            hooks=[
                dataclasses.replace(
                    h,
                    events=list(h.events),
                    delete_policies=list(h.delete_policies),
                    output_log_policies=list(h.output_log_policies),
                    last_run=dataclasses.replace(h.last_run),
                )
                for h in self.hooks
            ],
            labels=dict(self.labels),
        )

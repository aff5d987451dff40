"""``helm history``: the revisions of one release, and the rows Helm prints for them.

:class:`History` returns the newest ``max`` revisions, oldest first (Helm takes the ``--max``
newest in its command; the default of 256 lives here). :func:`history_entries` builds Helm's
``releaseInfo`` rows (revision, update time, status, ``CHART-VERSION``, app version,
description), with ``MISSING`` for a revision stored without its chart (helm/helm#1347).

Errors: ActionError ``kubernetes cluster unreachable: ...``, ActionError
``release name is invalid: NAME``, ReleaseNotFound (``release: not found``) when the release has
no revision at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from chartist.action.configuration import ActionError, Configuration
from chartist.chart.model import Chart
from chartist.errors import ChartistError
from chartist.release.model import Release
from chartist.release.times import GoTime

__all__ = ["DEFAULT_MAX", "History", "HistoryEntry", "chart_app_version", "chart_label", "history_entries"]

DEFAULT_MAX: Final = 256


@dataclass
class History:
    """``helm history``: at most ``max`` revisions of a release, the newest ones, oldest first."""

    cfg: Configuration
    max: int = DEFAULT_MAX

    def run(self, name: str) -> list[Release]:
        """The revisions of NAME (see the module docstring for errors)."""
        from chartist.action.template import validate_release_name

        self.cfg.check_reachable()
        try:
            validate_release_name(name)
        except ChartistError:
            raise ActionError(f"release name is invalid: {name}") from None
        revisions = sorted(self.cfg.releases.history(name), key=lambda r: r.version, reverse=True)
        return list(reversed(revisions[: max(self.max, 0)]))


def chart_label(chart: Chart | None) -> str:
    """Helm's formatChartName: ``NAME-VERSION``, or ``MISSING`` without a chart."""
    if chart is None:
        return "MISSING"
    return f"{chart.metadata.name}-{chart.metadata.version}"


def chart_app_version(chart: Chart | None) -> str:
    """Helm's formatAppVersion: the chart's appVersion, or ``MISSING`` without a chart."""
    return "MISSING" if chart is None else chart.metadata.app_version


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """One row of ``helm history`` (Helm's ``releaseInfo``); ``updated`` None is Go's zero time."""

    revision: int
    updated: GoTime | None
    status: str
    chart: str
    app_version: str
    description: str

    def to_json(self) -> str:
        """Helm's releaseInfo.MarshalJSON: ``updated`` is left out when it is the zero time."""
        from chartist.goyaml import dump_json

        parts = [f'"revision":{self.revision}']
        if self.updated is not None:
            parts.append('"updated":"' + self.updated.rfc3339nano() + '"')
        parts += [
            '"status":' + dump_json(self.status),
            '"chart":' + dump_json(self.chart),
            '"app_version":' + dump_json(self.app_version),
            '"description":' + dump_json(self.description),
        ]
        return "{" + ",".join(parts) + "}"


def history_entries(revisions: list[Release]) -> list[HistoryEntry]:
    """The rows of ``helm history`` for REVISIONS, in their order."""
    return [
        HistoryEntry(
            r.version,
            r.info.last_deployed,
            str(r.info.status),
            chart_label(r.chart),
            chart_app_version(r.chart),
            r.info.description,
        )
        for r in revisions
    ]

"""Reading a stored release: Helm's ``Get``, ``GetValues`` and ``GetMetadata`` actions.

Each action asks the cluster whether it is reachable (as Helm does, even though the release
may live in SQL), checks the release name, then reads revision ``version`` or, when it is 0,
the newest revision whatever its status (``helm get`` shows failed and uninstalled revisions
too). Errors: ActionError ``kubernetes cluster unreachable: ...``,
``releaseContent: Release name is invalid: NAME``, and the storage errors
(``release: not found``) unchanged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from chartist.action.configuration import ActionError, Configuration
from chartist.chart.model import Dependency
from chartist.errors import ChartistError
from chartist.release.model import Release
from chartist.release.times import ZERO_TIME_TEXT, GoTime

__all__ = ["Get", "GetMetadata", "GetValues", "Metadata", "release_content", "rfc3339"]


def release_content(cfg: Configuration, name: str, version: int) -> Release:
    """Helm's releaseContent: revision VERSION of NAME, the newest one when VERSION <= 0."""
    from chartist.action.template import validate_release_name

    try:
        validate_release_name(name)
    except ChartistError:
        raise ActionError(f"releaseContent: Release name is invalid: {name}") from None
    if version <= 0:
        return cfg.releases.last(name)
    return cfg.releases.get(name, version)


@dataclass
class Get:
    """``helm get`` (all, manifest, notes, hooks): one stored revision, 0 meaning the newest."""

    cfg: Configuration
    version: int = 0

    def run(self, name: str) -> Release:
        """The stored revision of NAME (see the module docstring for errors)."""
        self.cfg.check_reachable()
        return release_content(self.cfg, name, self.version)


@dataclass
class GetValues:
    """``helm get values``: the user-supplied values, or with ``all_values`` the computed ones."""

    cfg: Configuration
    version: int = 0
    all_values: bool = False

    def run(self, name: str) -> dict[str, Any] | None:
        """The values of the revision; None for a release stored without user values (Go's nil).

        With ``all_values`` the chart's defaults coalesced under the user's values (a map, never
        None); ValuesError when they do not coalesce.
        """
        self.cfg.check_reachable()
        rel = release_content(self.cfg, name, self.version)
        if self.all_values:
            from chartist.chart.model import Chart
            from chartist.chart.model import Metadata as ChartMetadata
            from chartist.chart.values import coalesce_values

            chart = rel.chart if rel.chart is not None else Chart(ChartMetadata())
            return coalesce_values(chart, rel.config)
        return rel.config or None


def _struct(fields: list[tuple[str, Any]]) -> str:
    """A Go struct's JSON: FIELDS in declaration order (maps inside sorted by the encoder)."""
    from chartist.goyaml import dump_json

    return (
        "{"
        + ",".join(dump_json(k) + ":" + (v if isinstance(v, _Raw) else dump_json(v)) for k, v in fields)
        + "}"
    )


class _Raw(str):
    """JSON text already encoded."""

    __slots__ = ()


def _dependency_json(d: Dependency | None) -> _Raw:
    """chart.Dependency as encoding/json writes it (omitempty fields left out)."""
    if d is None:
        return _Raw("null")
    fields: list[tuple[str, Any]] = [("name", d.name)]
    if d.version:
        fields.append(("version", d.version))
    fields.append(("repository", d.repository))
    if d.condition:
        fields.append(("condition", d.condition))
    if d.tags:
        fields.append(("tags", list(d.tags)))
    if d.enabled:
        fields.append(("enabled", True))
    if d.import_values:
        fields.append(("import-values", list(d.import_values)))
    if d.alias:
        fields.append(("alias", d.alias))
    return _Raw(_struct(fields))


@dataclass
class Metadata:
    """What ``helm get metadata`` shows: Helm's ``action.Metadata``.

    ``labels`` are those storage returned: for the newest revision read from Secrets or
    ConfigMaps they include Helm's system labels (``name``, ``owner``, ``status`` ...), as in Helm.
    ``deployed_at`` is RFC 3339 text.
    """

    name: str
    chart: str
    version: str
    app_version: str
    namespace: str
    revision: int
    status: str
    deployed_at: str
    annotations: dict[str, str] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)
    dependencies: list[Dependency | None] = field(default_factory=list)
    apply_method: str = ""

    def formatted_dep_names(self) -> str:
        """The dependencies' names, sorted, comma-separated."""
        return ",".join(sorted(d.name for d in self.dependencies if d is not None))

    def to_json(self) -> str:
        """The struct as Go's encoding/json writes it (fields in struct order, omitempty honoured)."""
        fields: list[tuple[str, Any]] = [
            ("name", self.name),
            ("chart", self.chart),
            ("version", self.version),
            ("appVersion", self.app_version),
        ]
        if self.annotations:
            fields.append(("annotations", self.annotations))
        if self.labels:
            fields.append(("labels", self.labels))
        if self.dependencies:
            fields.append(
                ("dependencies", _Raw("[" + ",".join(_dependency_json(d) for d in self.dependencies) + "]"))
            )
        fields += [
            ("namespace", self.namespace),
            ("revision", self.revision),
            ("status", self.status),
            ("deployedAt", self.deployed_at),
        ]
        if self.apply_method:
            fields.append(("applyMethod", self.apply_method))
        return _struct(fields)


@dataclass
class GetMetadata:
    """``helm get metadata``: chart, versions, labels, status and deployment time of a revision."""

    cfg: Configuration
    version: int = 0

    def run(self, name: str) -> Metadata:
        """The metadata of the revision; ActionError ``invalid chart apiVersion`` without a chart."""
        self.cfg.check_reachable()
        rel = release_content(self.cfg, name, self.version)
        if rel.chart is None:
            raise ActionError("invalid chart apiVersion")
        md = rel.chart.metadata
        return Metadata(
            name=rel.name,
            chart=md.name,
            version=md.version,
            app_version=md.app_version,
            annotations=dict(md.annotations),
            labels=dict(rel.labels),
            dependencies=list(md.dependencies or ()),
            namespace=rel.namespace,
            revision=rel.version,
            status=str(rel.info.status),
            deployed_at=rfc3339(rel.info.last_deployed),
            apply_method=rel.apply_method,
        )


def rfc3339(t: GoTime | None) -> str:
    """Go's ``Format(time.RFC3339)`` of a stored time: seconds, ``Z`` or ``+hh:mm``."""
    if t is None:
        return ZERO_TIME_TEXT
    return _FRACTION.sub("", t.rfc3339nano(), count=1)


_FRACTION = re.compile(r"\.[0-9]+(?=Z|[+-][0-9]{2}:[0-9]{2}$)")

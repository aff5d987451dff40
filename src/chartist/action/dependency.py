"""``helm dependency list``: the dependencies Chart.yaml declares and what ``charts/`` holds
(Helm's ``action/dependency.go``).

Each declared dependency gets Helm's status: an archive ``charts/NAME-*.tgz`` is checked first
(``ok``, ``corrupt``, ``misnamed``, ``wrong version``, ``invalid version``, ``too many
matches``), then the loaded subcharts (``unpacked``, ``wrong version``, ``invalid version``,
``missing``). Entries of ``charts/`` that are not charts, or not declared, give warnings.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from chartist.chart.model import Chart, Dependency

__all__ = ["DependencyList", "DependencyRow", "list_dependencies"]


@dataclass(frozen=True, slots=True)
class DependencyRow:
    """One line of the table."""

    name: str
    version: str
    repository: str
    status: str


@dataclass
class DependencyList:
    """What ``dependency list`` prints: no dependencies (and where), or rows and warnings."""

    charts_dir: str
    declared: bool
    rows: list[DependencyRow] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _go_join(*parts: str) -> str:
    from chartist.sprig.paths import go_clean

    return go_clean("/".join(p for p in parts if p))


def _go_glob(pattern: str) -> list[str]:
    """Go's filepath.Glob for a pattern whose meta characters are all in its last element:
    the sorted matches (``*`` matches hidden files too, as in Go). A malformed pattern matches
    nothing here (Go reports ErrBadPattern, which Helm shows as the status "bad pattern")."""
    from chartist.action.template import go_path_match

    directory, _, base = pattern.rpartition("/")
    if not any(c in base for c in "*?[\\"):
        return [pattern] if os.path.lexists(pattern) else []
    try:
        names = sorted(os.listdir(directory or "."))
    except OSError:
        return []
    return [f"{directory}/{n}" if directory else n for n in names if go_path_match(base, n)]


def _version_status(want: str, have: str) -> str | None:
    """The status for a chart at version HAVE against the constraint WANT; None when it fits."""
    from chartist.semver import SemverError, parse_constraint, parse_version

    if have == want:
        return None
    try:
        constraint = parse_constraint(want)
        v = parse_version(have)
    except SemverError:
        return "invalid version"
    return None if constraint.check(v) else "wrong version"


def _load(path: str) -> Chart:
    from chartist.action.show import load_v2

    return load_v2(path)


def _archive_status(archive: str, dep: Dependency) -> str:
    from chartist.errors import ChartistError

    if not os.path.exists(archive):
        return ""
    try:
        c = _load(archive)
    except (ChartistError, OSError):
        return "corrupt"
    if c.name != dep.name:
        return "misnamed"
    return _version_status(dep.version, c.metadata.version) or "ok"


def dependency_status(chart_path: str, dep: Dependency, parent: Chart) -> str:
    """Helm's dependencyStatus of DEP, declared by PARENT loaded from CHART_PATH."""
    from chartist.semver import SemverError, parse_version

    archives = _go_glob(_go_join(chart_path, "charts", f"{dep.name}-*.tgz"))
    if len(archives) > 1:
        found = []
        for arc in archives:
            maybe = os.path.basename(arc).removesuffix(".tgz").removeprefix(dep.name + "-")
            try:
                parse_version(maybe, strict=True)
            except SemverError:
                continue
            found.append(arc)
        if len(found) == 1:
            status = _archive_status(found[0], dep)
            if status:
                return status
        elif len(found) > 1:
            return "too many matches"
    elif len(archives) == 1:
        status = _archive_status(archives[0], dep)
        if status:
            return status
    sub = None
    for item in parent.dependencies:
        if item.name == dep.name:
            sub = item
    if sub is None:
        return "missing"
    return _version_status(dep.version, sub.metadata.version) or "unpacked"


def list_dependencies(chart_path: str) -> DependencyList:
    """The ``dependency list`` report for the chart at CHART_PATH (directory or archive).

    Raises ChartLoadError (or OSError's wording through it) when the chart cannot be loaded.
    """
    from chartist.errors import ChartistError

    chart = _load(chart_path)
    out = DependencyList(
        charts_dir=_go_join(chart_path, "charts"), declared=chart.metadata.dependencies is not None
    )
    if not out.declared:
        return out
    reqs = [d for d in chart.metadata.dependencies or () if d is not None]
    for d in reqs:
        out.rows.append(
            DependencyRow(d.name, d.version, d.repository, dependency_status(chart_path, d, chart))
        )
    from chartist.gotemplate.strconv import quote

    for f in _go_glob(_go_join(chart_path, "charts") + "/*") or []:
        try:
            is_dir = os.path.isdir(f)
            os.stat(f)
        except OSError as err:
            out.warnings.append(f"Warning: stat {f}: {(err.strerror or str(err)).lower()}")
            continue
        if not is_dir and os.path.splitext(f)[1] != ".tgz":
            continue
        try:
            c = _load(f)
        except (ChartistError, OSError):
            out.warnings.append(f"WARNING: {quote(f)} is not a chart.")
            continue
        if not any(d.name == c.name for d in reqs):
            out.warnings.append(f"WARNING: {quote(f)} is not in Chart.yaml.")
    return out

"""Dependency processing before a render: aliases, conditions, tags, import-values.

:func:`process_dependencies` is Helm's ``chartutil.ProcessDependencies``, which install,
upgrade and ``helm template`` run on the loaded chart before coalescing values:

1. Every dependency declared in Chart.yaml is matched to a loaded subchart with that name
   whose version satisfies the declared range; an alias makes a renamed copy (so one chart
   can be used twice). Subcharts found in charts/ but not declared are kept as they are.
2. Values are coalesced, then ``tags`` enable or disable dependencies (a true tag enables,
   only-false tags disable), then conditions override tags: the first condition path (of a
   comma-separated list) that resolves to a boolean decides. Disabled subcharts are removed.
   Subcharts are processed the same way, recursively (a chart whose Chart.yaml has no
   ``dependencies`` list at all is not descended into, as in Helm).
3. import-values copy values from a child into its parent, deepest charts first: the
   string form ``- data`` imports the child's ``exports.data`` at the parent's top level,
   the map form ``{child: a.b, parent: x.y}`` any child table to any parent path. The
   parent's own values win over imported ones. The chart's defaults become the merged
   values of the chart and its subcharts, as in Helm.

Helm mutates the chart; here a new chart tree is returned and the input is untouched.
Library charts take part like any other subchart (their templates stay available).
"""

from __future__ import annotations

import dataclasses
import logging
from typing import Any

from chartist.chart.errors import DependencyError
from chartist.chart.model import Chart, Dependency
from chartist.chart.values import (
    coalesce_tables,
    coalesce_values,
    copy_values,
    merge_tables,
    merge_values,
    path_value,
    table,
)

log = logging.getLogger("chartist.chart")


def process_dependencies(chart: Chart, values: dict[str, Any] | None) -> Chart:
    """Helm's ProcessDependencies: CHART with dependencies enabled/disabled by VALUES
    (the user's values, not yet coalesced) and import-values applied.

    Returns a new chart tree; raises ValuesError when values cannot be coalesced.
    """
    chart = _process_enabled(chart, values or {}, "")
    return _import_values_tree(chart, True)


def is_compatible_range(constraint: str, version: str) -> bool:
    """Helm's IsCompatibleRange: VERSION satisfies CONSTRAINT (False if either is invalid)."""
    from chartist.semver import SemverError, parse_constraint, parse_version

    try:
        v = parse_version(version)
        c = parse_constraint(constraint)
    except SemverError:
        return False
    return c.check(v)


def _alias_copy(charts: tuple[Chart, ...], dep: Dependency) -> Chart | None:
    """Helm's getAliasDependency: a copy of the subchart DEP refers to, renamed to its alias."""
    for c in charts:
        if c.name != dep.name or not is_compatible_range(dep.version, c.metadata.version):
            continue
        if dep.alias:
            return dataclasses.replace(c, metadata=dataclasses.replace(c.metadata, name=dep.alias))
        return c
    return None


def _process_enabled(c: Chart, v: dict[str, Any], path: str) -> Chart:
    """Helm's processDependencyEnabled for chart C, values V, condition path prefix PATH."""
    reqs = c.metadata.dependencies
    if reqs is None:
        return c
    declared = [r for r in reqs if r is not None]
    # Subcharts that match no declaration stay as they are.
    chart_deps = [
        e
        for e in c.dependencies
        if not any(e.name == r.name and is_compatible_range(r.version, e.metadata.version) for r in declared)
    ]
    renamed: list[Dependency] = []
    for r in declared:
        copy = _alias_copy(c.dependencies, r)
        if copy is not None:
            chart_deps.append(copy)
        renamed.append(dataclasses.replace(r, name=r.alias or r.name, enabled=True))
    c = dataclasses.replace(c, metadata=dataclasses.replace(c.metadata, dependencies=tuple(renamed)))
    c = c.with_dependencies(chart_deps)
    cvals = coalesce_values(c, v)
    flags = _tags(renamed, cvals)
    flags = _conditions(renamed, flags, cvals, path)
    removed = {r.name for r, on in zip(renamed, flags, strict=True) if not on}
    kept = [_process_enabled(t, cvals, path + t.name + ".") for t in c.dependencies if t.name not in removed]
    kept_md = [
        dataclasses.replace(r, enabled=on)
        for r, on in zip(renamed, flags, strict=True)
        if r.name not in removed
    ]
    # Go appends the kept entries to a nil slice: none left means nil again.
    md = dataclasses.replace(c.metadata, dependencies=tuple(kept_md) or None)
    return dataclasses.replace(c, metadata=md).with_dependencies(kept)


def _tags(reqs: list[Dependency], cvals: dict[str, Any]) -> list[bool]:
    """Helm's processDependencyTags: a true tag enables, only false tags disable."""
    flags = [True] * len(reqs)
    tags = table(cvals, "tags")
    if tags is None:
        return flags
    for i, r in enumerate(reqs):
        has_true = has_false = False
        for k in r.tags:
            if k in tags:
                b = tags[k]
                if isinstance(b, bool):
                    has_true |= b
                    has_false |= not b
                else:
                    log.warning("returned non-bool value tag=%s chart=%s", k, r.name)
        flags[i] = not (not has_true and has_false)
    return flags


def _conditions(reqs: list[Dependency], flags: list[bool], cvals: dict[str, Any], cpath: str) -> list[bool]:
    """Helm's processDependencyConditions: the first condition resolving to a bool wins."""
    flags = list(flags)
    for i, r in enumerate(reqs):
        for cond in r.condition.strip(" \t\n\v\f\r\x85\xa0").split(","):
            if not cond:
                continue
            try:
                vv = path_value(cvals, cpath + cond)
            except KeyError:
                continue
            if isinstance(vv, bool):
                flags[i] = vv
                break
            log.warning("returned non-bool value path=%s chart=%s", cond, r.name)
    return flags


def _path_to_map(path: str, data: dict[str, Any]) -> dict[str, Any]:
    """Helm's pathToMap: DATA nested under dotted PATH (``.`` is DATA itself)."""
    if path == ".":
        return data
    out = data
    for part in reversed(path.split(".")):
        out = {part: out}
    return out


def _import_values_tree(c: Chart, merge: bool) -> Chart:
    """Helm's processDependencyImportValues: children first, then C itself."""
    deps = tuple(_import_values_tree(d, merge) for d in c.dependencies)
    if any(a is not b for a, b in zip(deps, c.dependencies, strict=True)):
        c = c.with_dependencies(deps)
    return _import_values(c, merge)


def _import_values(c: Chart, merge: bool) -> Chart:
    """Helm's processImportValues for one chart: returns C with new defaults and metadata."""
    reqs = c.metadata.dependencies
    if reqs is None:
        return c
    cvals = merge_values(c, None) if merge else coalesce_values(c, None)
    b: dict[str, Any] = {}
    new_reqs: list[Dependency | None] = []
    for r in reqs:
        if r is None:
            new_reqs.append(r)
            continue
        out: list[dict[str, str]] = []
        for item in r.import_values:
            if isinstance(item, dict):
                from chartist.gotemplate.fmt import sprintf  # here: gotemplate loads slowly

                child, parent = sprintf("%v", item.get("child")), sprintf("%v", item.get("parent"))
                out.append({"child": child, "parent": parent})
                vv = table(cvals, f"{r.name}.{child}")
                if vv is None:
                    log.warning("ImportValues missing table from chart chart=%s child=%s", r.name, child)
                    continue
                src = _path_to_map(parent, vv if vv else {})
            elif isinstance(item, str):
                child = "exports." + item
                out.append({"child": child, "parent": "."})
                vm = table(cvals, f"{r.name}.{child}")
                if vm is None:
                    log.warning("ImportValues missing table chart=%s child=%s", r.name, child)
                    continue
                src = vm if vm else {}
            else:
                continue
            b = merge_tables(b, src) if merge else coalesce_tables(b, src)
        new_reqs.append(dataclasses.replace(r, import_values=tuple(out)))
    # The parent's values win over imported ones.
    if merge:
        values = merge_tables(copy_values(cvals), b)
    else:
        values = coalesce_tables(_trim_nils(cvals), b)
    md = dataclasses.replace(c.metadata, dependencies=tuple(new_reqs))
    return dataclasses.replace(c, values=values, metadata=md)


def _trim_nils(vals: dict[str, Any]) -> dict[str, Any]:
    """Helm's trimNilValues: a copy without null entries, at every depth of maps."""
    out: dict[str, Any] = {}
    for k, x in vals.items():
        if x is None:
            continue
        out[k] = _trim_nils(x) if isinstance(x, dict) else copy_values(x)
    return out


def check_dependencies(chart: Chart) -> None:
    """Helm's CheckDependencies: every dependency in Chart.yaml must be present in charts/.

    Raises DependencyError ``found in Chart.yaml, but missing in charts/ directory: a, b``.
    """
    present = {d.name for d in chart.dependencies}
    missing = [r.name for r in chart.metadata.dependencies or () if r is not None and r.name not in present]
    if missing:
        raise DependencyError(f"found in Chart.yaml, but missing in charts/ directory: {', '.join(missing)}")


def check_kube_version(chart: Chart, kube_version: str) -> None:
    """Refuse to render CHART for Kubernetes KUBE_VERSION (e.g. ``v1.36.0``) when its
    ``kubeVersion`` constraint excludes it (or is not a valid constraint), with Helm's text:
    ``chart requires kubeVersion: >=1.40 which is incompatible with Kubernetes v1.36.0``.
    """
    want = chart.metadata.kube_version
    if want and not is_compatible_range(want, kube_version):
        raise DependencyError(
            f"chart requires kubeVersion: {want} which is incompatible with Kubernetes {kube_version}"
        )

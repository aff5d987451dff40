"""Lint rules for dependencies and CRDs (Helm's ``lint/rules/dependencies.go`` and ``crds.go``).

Dependencies: the chart must load; subcharts in ``charts/`` must be declared in Chart.yaml
(error), declared ones should be present (warning), and names or aliases must be unique.
CRDs: ``crds/`` (optional) must be a directory of plain YAML documents of kind
CustomResourceDefinition in ``apiextensions.k8s.io``.
"""

from __future__ import annotations

import os

from chartist.chart.lint.support import ERROR, WARNING, Linter
from chartist.chart.model import Chart

__all__ = ["lint_crds", "lint_dependencies"]


def lint_dependencies(linter: Linter) -> None:
    """Run the dependency rules on ``linter.chart_dir``."""
    from chartist.chart.loader import load_dir
    from chartist.errors import ChartistError

    try:
        chart = load_dir(linter.chart_dir)
    except ChartistError as err:
        linter.run_rule(ERROR, "", f"unable to load chart\n\t{err}")
        return
    except OSError as err:
        linter.run_rule(ERROR, "", f"unable to load chart\n\t{err}")
        return
    linter.run_rule(ERROR, linter.chart_dir, _in_metadata(chart))
    linter.run_rule(ERROR, linter.chart_dir, _unique(chart))
    linter.run_rule(WARNING, linter.chart_dir, _in_charts_dir(chart))


def _declared(chart: Chart) -> list[str]:
    return [d.name for d in chart.metadata.dependencies or () if d is not None]


def _in_charts_dir(chart: Chart) -> str | None:
    present = {d.metadata.name for d in chart.dependencies}
    missing = [n for n in _declared(chart) if n not in present]
    return f"chart directory is missing these dependencies: {','.join(missing)}" if missing else None


def _in_metadata(chart: Chart) -> str | None:
    declared = set(_declared(chart))
    missing = [d.metadata.name for d in chart.dependencies if d.metadata.name not in declared]
    return f"chart metadata is missing these dependencies: {','.join(missing)}" if missing else None


def _unique(chart: Chart) -> str | None:
    seen: set[str] = set()
    shadowing: list[str] = []
    for d in chart.metadata.dependencies or ():
        if d is None:
            continue
        key = d.alias or d.name
        if key in seen:
            shadowing.append(key)
        seen.add(key)
    return f"multiple dependencies with name or alias: {','.join(shadowing)}" if shadowing else None


def lint_crds(linter: Linter) -> None:
    """Run the CRD rules on ``linter.chart_dir``."""
    from chartist.chart.lint.k8syaml import DecodeFailure, decode_objects
    from chartist.chart.loader import load
    from chartist.errors import ChartistError

    fpath = "crds/"
    path = os.path.join(linter.chart_dir, "crds")
    if not os.path.exists(path):
        return
    if not linter.run_rule(ERROR, fpath, None if os.path.isdir(path) else "not a directory"):
        return
    try:
        chart = load(linter.chart_dir)
    except ChartistError as err:
        linter.run_rule(ERROR, fpath, str(err))
        return
    for crd in chart.crd_objects():
        name = crd.name
        docs = decode_objects(crd.file.data.decode("utf-8", "surrogateescape"))
        while True:
            try:
                obj = next(docs)
            except StopIteration:
                break
            except DecodeFailure as err:
                linter.run_rule(ERROR, name, f"unable to parse YAML: {err}")
                return
            if obj is None:
                continue
            linter.run_rule(
                ERROR,
                name,
                None
                if obj.api_version.startswith("apiextensions.k8s.io")
                else "apiVersion is not in 'apiextensions.k8s.io'",
            )
            linter.run_rule(
                ERROR,
                name,
                None
                if obj.kind == "CustomResourceDefinition"
                else "object kind is not 'CustomResourceDefinition'",
            )

"""``helm lint``'s checks of a chart directory (Helm's ``pkg/chart/v2/lint``).

:func:`run_all` runs the rules in Helm's order — Chart.yaml, values, templates, dependencies,
CRDs — and returns the :class:`Linter` holding every :class:`Message`. Findings are data, not
exceptions: a chart that cannot even be loaded is reported as ERROR messages.

This package sits on top of the engine (it renders templates), which the rest of
``chartist.chart`` does not; the engine is imported when the template rule runs.
"""

from __future__ import annotations

import os
from typing import Any

from chartist.chart.lint.support import ERROR, INFO, SEVERITY_NAMES, UNKNOWN, WARNING, Linter, Message

__all__ = ["ERROR", "INFO", "SEVERITY_NAMES", "UNKNOWN", "WARNING", "Linter", "Message", "run_all"]


def run_all(
    base_dir: str,
    values: dict[str, Any] | None = None,
    namespace: str = "default",
    *,
    kube_version: str | None = None,
    skip_schema_validation: bool = False,
) -> Linter:
    """Lint the chart directory BASE_DIR with the user's VALUES (Helm's ``lint.RunAll``).

    KUBE_VERSION (``v1.30.0``; default Helm's, v1.36) sets the capabilities and the release the
    deprecated-API check compares with. Never raises for a bad chart.
    """
    from chartist.chart.lint.chartfile import lint_chartfile
    from chartist.chart.lint.dependencies import lint_crds, lint_dependencies
    from chartist.chart.lint.templates import lint_templates
    from chartist.chart.lint.values import lint_values

    linter = Linter(os.path.abspath(base_dir))
    vals = values or {}
    lint_chartfile(linter)
    lint_values(linter, vals, skip_schema_validation)
    lint_templates(
        linter, namespace, vals, kube_version=kube_version, skip_schema_validation=skip_schema_validation
    )
    lint_dependencies(linter)
    lint_crds(linter)
    return linter

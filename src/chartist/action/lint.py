"""``helm lint``: check charts (directories or archives) for problems (Helm's ``action/lint.go``).

:class:`Lint` runs :func:`chartist.chart.lint.run_all` on each path: an archive is expanded into
a temporary directory first, a path without Chart.yaml is an error of the run (not a finding).
With ``strict`` warnings count as errors. :func:`subchart_paths` lists what ``--with-subcharts``
adds, in the order Helm walks ``charts/``.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass, field
from typing import Any

from chartist.chart.lint import ERROR, INFO, WARNING, Message

__all__ = ["Lint", "LintResult", "has_warnings_or_errors", "subchart_paths"]


@dataclass
class LintResult:
    """What a lint run found: findings of every chart, and the errors that fail the run."""

    total_charts_linted: int = 0
    messages: list[Message] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def has_warnings_or_errors(result: LintResult) -> bool:
    """Helm's HasWarningsOrErrors: a finding above INFO, or an error."""
    return any(m.severity > INFO for m in result.messages) or bool(result.errors)


@dataclass
class Lint:
    """Lint options (Helm's flags and defaults)."""

    strict: bool = False
    namespace: str = "default"
    with_subcharts: bool = False
    quiet: bool = False
    skip_schema_validation: bool = False
    kube_version: str | None = None

    def run(self, paths: list[str], values: dict[str, Any] | None = None) -> LintResult:
        """Lint every chart in PATHS with the user's VALUES; never raises for a bad chart."""
        tolerance = WARNING if self.strict else ERROR
        result = LintResult()
        for path in paths:
            try:
                messages = self._lint_chart(path, values or {})
            except _RunError as err:
                result.errors.append(str(err))
                continue
            result.messages.extend(messages)
            result.total_charts_linted += 1
            result.errors.extend(m.err for m in messages if m.severity >= tolerance)
        return result

    def _lint_chart(self, path: str, values: dict[str, Any]) -> list[Message]:
        from chartist.chart.lint import run_all

        if path.endswith((".tgz", ".tar.gz")):
            tmp = tempfile.mkdtemp(prefix="helm-lint")
            try:
                chart_dir = _expand(path, tmp)
                _check_chart_yaml(chart_dir)
                return self._run_all(run_all, chart_dir, values)
            finally:
                shutil.rmtree(tmp, ignore_errors=True)
        _check_chart_yaml(path)
        return self._run_all(run_all, path, values)

    def _run_all(self, run_all: Any, chart_dir: str, values: dict[str, Any]) -> list[Message]:
        linter = run_all(
            chart_dir,
            values,
            self.namespace,
            kube_version=self.kube_version,
            skip_schema_validation=self.skip_schema_validation,
        )
        return list(linter.messages)


class _RunError(Exception):
    """A path that could not be linted at all; str() is Helm's message."""


def _expand(archive: str, dest: str) -> str:
    from chartist.chart.archive import extract
    from chartist.errors import ChartistError

    try:
        with open(archive, "rb") as fh:
            try:
                return extract(fh, dest)
            except ChartistError as err:
                raise _RunError(f"unable to extract tarball: {err}") from None
    except OSError as err:
        raise _RunError(f"unable to open tarball: open {archive}: {_strerror(err)}") from None


def _check_chart_yaml(chart_dir: str) -> None:
    from chartist.sprig.paths import go_clean

    path = go_clean(chart_dir.rstrip("/") + "/Chart.yaml") if chart_dir else "Chart.yaml"
    try:
        os.stat(path)
    except OSError as err:
        raise _RunError(f"unable to check Chart.yaml file in chart: stat {path}: {_strerror(err)}") from None


def _strerror(err: OSError) -> str:
    return (err.strerror or str(err)).lower()


def subchart_paths(path: str) -> list[str]:
    """What ``--with-subcharts`` adds for PATH: every chart directory (holding Chart.yaml) and
    archive under ``PATH/charts``, found in filepath.Walk's order (lexical, depth first)."""
    from chartist.sprig.paths import go_clean

    root = go_clean(path.rstrip("/") + "/charts") if path else "charts"
    out: list[str] = []

    def walk(p: str) -> None:
        name = os.path.basename(p)
        if name == "Chart.yaml":
            out.append(os.path.dirname(p))
        elif p.endswith((".tgz", ".tar.gz")):
            out.append(p)
        if os.path.isdir(p) and not os.path.islink(p):
            try:
                entries = sorted(os.listdir(p))
            except OSError:
                return
            for e in entries:
                walk(f"{p}/{e}")

    if os.path.lexists(root):
        walk(root)
    return out

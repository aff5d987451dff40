"""Helm's rendering engine: one template set for a chart tree, every template executed.

What it reproduces of Helm v4's ``pkg/engine``:

* every template of the chart and its subcharts is parsed into one set named ``gotpl``,
  deepest paths first and, at equal depth, in reverse name order, so that the top chart's
  ``define``s win over its subcharts' (a later non-empty definition replaces an earlier one);
* each chart's templates see ``.Values`` scoped to that chart, ``.Chart`` (its metadata as a
  map, plus ``IsRoot``), ``.Files``, ``.Release``, ``.Capabilities``, ``.Subcharts`` and,
  while a template runs, ``.Template`` (``Name``, ``BasePath``);
* partials (``_*`` files) define templates and are not rendered; library charts contribute
  only their partials;
* ``missingkey=zero`` and the removal of ``<no value>`` from every output;
* ``include`` and ``tpl`` with Helm's recursion limit, ``required`` and ``fail`` with Helm's
  error wrapping, ``lookup`` through a callable the caller provides (empty map without one);
* where Helm has no limit and crashes (``tpl`` calling itself, endless chains of includes),
  chartist stops with a short ``execution error at (...)`` (see ``engine.funcs``).
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from chartist.chart.model import Chart, metadata_as_map
from chartist.engine.errors import (
    TemplateExecError,
    TemplateParseError,
    format_exec_error,
    format_parse_error,
)
from chartist.engine.files import Files
from chartist.gotemplate.errors import ExecError, ParseError, TemplateError

__all__ = ["Engine", "LookupFunc", "render_templates", "sort_templates"]

LookupFunc = Callable[[str, str, str, str], dict[str, Any]]


@dataclass(slots=True)
class _Renderable:
    text: str
    vals: dict[str, Any]
    base_path: str


def _all_templates(chart: Chart, top: Mapping[str, Any]) -> dict[str, _Renderable]:
    out: dict[str, _Renderable] = {}
    _collect(chart, top, out)
    return out


def _collect(chart: Chart, values: Mapping[str, Any], out: dict[str, _Renderable]) -> dict[str, Any]:
    meta = metadata_as_map(chart.metadata, is_root=chart.is_root)
    subcharts: dict[str, Any] = {}
    nxt: dict[str, Any] = {
        "Chart": meta,
        "Files": Files((f.name, f.data) for f in chart.files),
        "Release": values.get("Release"),
        "Capabilities": values.get("Capabilities"),
        "Values": {},
        "Subcharts": subcharts,
    }
    parent_values = values.get("Values")
    if chart.is_root:
        nxt["Values"] = parent_values if parent_values is not None else {}
    elif isinstance(parent_values, Mapping):
        scoped = parent_values.get(chart.name)
        if isinstance(scoped, dict):
            nxt["Values"] = scoped
    for child in chart.dependencies:
        subcharts[child.name] = _collect(child, nxt, out)
    prefix = chart.chart_full_path()
    library = chart.is_library
    for f in chart.templates:
        if library and not posixpath.basename(f.name).startswith("_"):
            continue
        out[posixpath.join(prefix, f.name)] = _Renderable(
            f.data.decode("utf-8", errors="surrogateescape"), nxt, posixpath.join(prefix, "templates")
        )
    return nxt


def _sort_key(path: str) -> tuple[int, str]:
    return (path.count("/"), path)


def sort_templates(paths: list[str]) -> list[str]:
    """Helm's parse order: deepest first; at equal depth, reverse lexical order."""
    return sorted(paths, key=_sort_key, reverse=True)


@dataclass
class Engine:
    """Renders charts as Helm's engine does. ``strict`` sets missingkey=error."""

    strict: bool = False
    lint_mode: bool = False
    lookup: LookupFunc | None = None
    enable_dns: bool = False
    custom_funcs: dict[str, Any] = field(default_factory=dict)

    def render(self, chart: Chart, top: Mapping[str, Any]) -> dict[str, str]:
        """Render every template of CHART with the render values TOP.

        Returns template path -> output (partials excluded). Raises TemplateParseError or
        TemplateExecError with Helm's message.
        """
        from chartist.engine.funcs import install_funcs
        from chartist.gotemplate.template import Template

        tpls = _all_templates(chart, top)
        keys = sort_templates(list(tpls))
        t = Template("gotpl")
        t.option("missingkey=error" if self.strict else "missingkey=zero")
        install_funcs(t, self)
        for filename in keys:
            try:
                t.new(filename).parse(tpls[filename].text)
            except ParseError as err:
                raise TemplateParseError(format_parse_error(filename, err)) from err
        rendered: dict[str, str] = {}
        for filename in keys:
            if posixpath.basename(filename).startswith("_"):
                continue
            r = tpls[filename]
            r.vals["Template"] = {"Name": filename, "BasePath": r.base_path}
            try:
                out = t.execute_template(filename, r.vals)
            except ExecError as err:
                raise TemplateExecError(format_exec_error(err)) from err
            except TemplateError as err:
                raise TemplateExecError(str(err)) from err
            rendered[filename] = out.replace("<no value>", "") if "<no value>" in out else out
        return rendered


def render_templates(chart: Chart, top: Mapping[str, Any], **options: Any) -> dict[str, str]:
    """Shortcut for ``Engine(**options).render(chart, top)``."""
    return Engine(**options).render(chart, top)

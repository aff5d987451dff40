"""``helm show``: a chart's Chart.yaml, values, README and CRDs (Helm's ``action/show.go``).

:meth:`Show.run` builds exactly the text Helm prints for a local chart (directory or archive):
Chart.yaml re-encoded from the loaded metadata, values.yaml as written (or a JSONPath over the
values), the README (first of ``readme.md``/``readme.txt``/``readme`` in any case, among the
chart's files) and every CRD file of the chart and its subcharts, with ``---`` separators where
Helm puts them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from chartist.chart.model import Chart, File
from chartist.errors import ChartistError

__all__ = ["FORMATS", "Show", "ShowError", "find_readme", "load_v2"]

ShowFormat = Literal["all", "chart", "values", "readme", "crds"]
FORMATS: tuple[str, ...] = ("all", "chart", "values", "readme", "crds")
_README_NAMES = ("readme.md", "readme.txt", "readme")


class ShowError(ChartistError):
    """The output cannot be made (a JSONPath template that does not parse)."""


def load_v2(path: str) -> Chart:
    """A chart as Helm's chart/v2 ``loader.Load`` reads it (``show``, ``dependency list``):
    a directory without Chart.yaml is "Chart.yaml file is missing"."""
    import os

    from chartist.chart.errors import ChartLoadError
    from chartist.chart.loader import load

    if os.path.isdir(path) and not os.path.exists(os.path.join(path, "Chart.yaml")):
        raise ChartLoadError("Chart.yaml file is missing")
    return load(path)


def find_readme(files: tuple[File, ...]) -> File | None:
    """Helm's findReadme: the first file whose name is a README name, ignoring case."""
    for f in files:
        for n in _README_NAMES:
            if f.name.casefold() == n:
                return f
    return None


@dataclass
class Show:
    """``helm show FORMAT``: OUTPUT_FORMAT and, for values, a JSONPath template."""

    output_format: ShowFormat = "all"
    jsonpath_template: str = ""

    def run(self, chart: Chart | str) -> str:
        """The text for CHART (a loaded chart or a path); raises ChartistError as Helm words it."""
        from chartist.chart.chartfile import metadata_to_json
        from chartist.goyaml import dump

        if isinstance(chart, str):
            chart = load_v2(chart)
        fmt = self.output_format
        out: list[str] = []
        if fmt in ("chart", "all"):
            out.append(dump(metadata_to_json(chart.metadata)) + "\n")
        values_file = next((f for f in chart.raw if f.name == "values.yaml"), None)
        if fmt in ("values", "all") and values_file is not None:
            if fmt == "all":
                out.append("---\n")
            if self.jsonpath_template:
                out.append(self._jsonpath(chart))
            else:
                for f in chart.raw:
                    if f.name == "values.yaml":
                        out.append(_text(f.data) + "\n")
        if fmt in ("readme", "all"):
            readme = find_readme(chart.files)
            if readme is not None:
                if fmt == "all":
                    out.append("---\n")
                out.append(_text(readme.data) + "\n")
        if fmt in ("crds", "all"):
            for crd in chart.crd_objects():
                if not crd.file.data.startswith(b"---"):
                    out.append("---\n")
                out.append(_text(crd.file.data) + "\n")
        return "".join(out)

    def _jsonpath(self, chart: Chart) -> str:
        from chartist.action.jsonpath import JSONPath, JSONPathError

        try:
            path = JSONPath(self.jsonpath_template)
        except JSONPathError as err:
            raise ShowError(f"error parsing jsonpath {self.jsonpath_template}: {err}") from None
        try:
            return path.execute(chart.values)
        except JSONPathError:
            return ""  # Helm ignores the printer's error: nothing is printed


def _text(data: bytes) -> str:
    return data.decode("utf-8", "surrogateescape")

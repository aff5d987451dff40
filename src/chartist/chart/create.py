"""New charts: Helm's starter chart (``helm create``), charts from a starter, and saving a chart
as a directory (Helm's ``chartutil.Create``, ``CreateFrom`` and ``SaveDir``).

The starter's files are package data under ``chartist/chart/starter/`` (``helmignore`` is
written as ``.helmignore``), byte for byte Helm v4.2.3's, with ``<CHARTNAME>`` where Helm puts
the chart's name. Files are written with mode 0644 and directories 0755 (before the umask), as
Helm writes them.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from chartist.chart.errors import ChartError, ChartLoadError

if TYPE_CHECKING:
    from chartist.chart.model import Chart, Metadata

__all__ = ["MAX_CHART_NAME_LENGTH", "STARTER_FILES", "CreateError", "create", "create_from", "save_dir"]

MAX_CHART_NAME_LENGTH = 250  # below file-system and Kubernetes field limits, as in Helm
_CHART_NAME = re.compile(r"[a-zA-Z0-9._-]+\Z")
_PLACEHOLDER = "<CHARTNAME>"

# (path in the new chart, package data file), in the order Helm writes them.
STARTER_FILES: tuple[tuple[str, str], ...] = (
    ("Chart.yaml", "Chart.yaml"),
    ("values.yaml", "values.yaml"),
    (".helmignore", "helmignore"),
    ("templates/ingress.yaml", "templates/ingress.yaml"),
    ("templates/httproute.yaml", "templates/httproute.yaml"),
    ("templates/deployment.yaml", "templates/deployment.yaml"),
    ("templates/service.yaml", "templates/service.yaml"),
    ("templates/serviceaccount.yaml", "templates/serviceaccount.yaml"),
    ("templates/hpa.yaml", "templates/hpa.yaml"),
    ("templates/NOTES.txt", "templates/NOTES.txt"),
    ("templates/_helpers.tpl", "templates/_helpers.tpl"),
    ("templates/tests/test-connection.yaml", "templates/tests/test-connection.yaml"),
)


class CreateError(ChartError):
    """A chart cannot be created: a bad name, a missing directory, a file in the way."""


def _transform(text: bytes, name: str) -> bytes:
    return text.replace(_PLACEHOLDER.encode(), name.encode())


def starter_file(resource: str) -> bytes:
    """The bytes of one starter file (package data)."""
    from importlib import resources

    return resources.files("chartist.chart").joinpath("starter", resource).read_bytes()


def _strerror(err: OSError) -> str:
    return (err.strerror or str(err)).lower()


def _write(path: str, data: bytes) -> None:
    os.makedirs(os.path.dirname(path), mode=0o755, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)


def validate_chart_name(name: str) -> None:
    """Helm's validateChartName; raises CreateError with Helm's text."""
    if not name or len(name) > MAX_CHART_NAME_LENGTH:
        raise CreateError(f"chart name must be between 1 and {MAX_CHART_NAME_LENGTH} characters")
    if not _CHART_NAME.match(name):
        raise CreateError('chart name must match the regular expression "^[a-zA-Z0-9._-]+$"')


def create(name: str, directory: str, *, warn: Callable[[str], None] | None = None) -> str:
    """Write Helm's starter chart NAME inside DIRECTORY; returns the chart's absolute path.

    Existing files are overwritten, each announced through WARN with Helm's ``WARNING: File
    "PATH" already exists. Overwriting.`` line. Raises CreateError (bad name, DIRECTORY missing
    or not a directory, a file where the chart directory goes) or OSError from writing.
    """
    validate_chart_name(name)
    path = os.path.abspath(directory)
    try:
        st = os.stat(path)
    except OSError as err:
        raise CreateError(f"stat {path}: {_strerror(err)}") from None
    import stat

    if not stat.S_ISDIR(st.st_mode):
        raise CreateError(f"no such directory {path}")
    cdir = os.path.join(path, name)
    if os.path.exists(cdir) and not os.path.isdir(cdir):
        raise CreateError(f"file {cdir} already exists and is not a directory")
    from chartist.gotemplate.strconv import quote

    for target, resource in STARTER_FILES:
        full = os.path.join(cdir, *target.split("/"))
        if os.path.exists(full) and warn is not None:
            warn(f"WARNING: File {quote(full)} already exists. Overwriting.\n")
        _write(full, _transform(starter_file(resource), name))
    os.makedirs(os.path.join(cdir, "charts"), mode=0o755, exist_ok=True)
    return cdir


def create_from(metadata: Metadata, dest: str, src: str) -> None:
    """Helm's CreateFrom: the chart at SRC copied to ``DEST/<metadata.name>`` with METADATA as
    its Chart.yaml and ``<CHARTNAME>`` replaced in templates and values.yaml.

    Raises ChartLoadError (``could not load SRC: ...``), CreateError or ArchiveError.
    """
    import dataclasses

    from chartist import goyaml
    from chartist.chart.loader import load
    from chartist.chart.model import File
    from chartist.errors import ChartistError

    try:
        schart = load(src)
    except ChartistError as err:
        raise ChartLoadError(f"could not load {src}: {err}") from None
    name = metadata.name
    templates = tuple(File(t.name, _transform(t.data, name), t.mod_time) for t in schart.templates)
    try:
        text = goyaml.dump(schart.values)
        goyaml.load(_transform(text.encode(), name))
    except goyaml.YAMLError as err:
        raise CreateError(f"transforming values file: {err}") from None
    raw = tuple(
        File(f.name, _transform(f.data, name), f.mod_time) if f.name == "values.yaml" else f
        for f in schart.raw
    )
    schart = dataclasses.replace(schart, metadata=metadata, templates=templates, raw=raw)
    save_dir(schart, dest)


def save_dir(chart: Chart, dest: str) -> str:
    """Helm's SaveDir: CHART written as the directory ``DEST/<name>``; returns its path.

    Chart.yaml is re-encoded, values.yaml kept as written, templates and files written as they
    are, subcharts saved as archives in ``charts/``. Raises CreateError or ArchiveError.
    """
    from chartist.chart.archive import save
    from chartist.chart.chartfile import metadata_to_json
    from chartist.chart.errors import ArchiveError
    from chartist.chart.model import API_VERSION_V1
    from chartist.goyaml import dump

    name = chart.name
    if "/" in name or name in ("", ".", ".."):
        raise CreateError(f"chart name {name!r} is not a valid chart name")
    outdir = os.path.join(dest, name)
    if os.path.exists(outdir) and not os.path.isdir(outdir):
        raise CreateError(f"file {outdir} already exists and is not a directory")
    os.makedirs(outdir, mode=0o755, exist_ok=True)
    md = metadata_to_json(chart.metadata)
    if chart.metadata.api_version == API_VERSION_V1:
        md.pop("dependencies", None)
    _write(os.path.join(outdir, "Chart.yaml"), dump(md).encode())
    for f in chart.raw:
        if f.name == "values.yaml":
            _write(os.path.join(outdir, "values.yaml"), f.data)
    if chart.schema is not None:
        _write(os.path.join(outdir, "values.schema.json"), chart.schema)
    for f in (*chart.templates, *chart.files):
        _write(os.path.join(outdir, *f.name.split("/")), f.data)
    base = os.path.join(outdir, "charts")
    for dep in chart.dependencies:
        try:
            save(dep, base)
        except ArchiveError as err:
            raise ArchiveError(f"saving {dep.chart_full_path()}: {err}") from None
    return outdir

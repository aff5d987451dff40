"""Loading charts: a directory or a .tgz becomes files, and :func:`load_files` (pure) a Chart.

This follows Helm v4's chart/v2 loader. ``load_files`` sorts files by name: Chart.yaml
(metadata; an empty ``apiVersion`` means v1), Chart.lock, values.yaml (several YAML
documents merged), values.schema.json, requirements.yaml / requirements.lock (chart API
v1), ``templates/``, ``charts/`` (subcharts, as directories or archives, loaded
recursively; names starting with ``_`` or ``.`` are skipped, ``.prov`` files are kept as
files) and everything else as plain files; then it validates the metadata.

Directory loading applies .helmignore and reads files in lexical order, following symbolic
links as Helm does, but only those that stay inside the chart directory: a link leading
outside it is refused (Helm would read whatever it points to), and link loops are errors.
"""

from __future__ import annotations

import dataclasses
import os
import stat
from collections.abc import Callable, Iterable
from typing import IO, TYPE_CHECKING, Any, TypeVar

from chartist.chart.archive import MAX_DECOMPRESSED_FILE_SIZE, ensure_archive, load_archive_files
from chartist.chart.chartfile import DecodeError, decode_api_version, decode_lock, decode_metadata
from chartist.chart.errors import ArchiveError, ChartLoadError
from chartist.chart.ignore import HELM_IGNORE, Rules
from chartist.chart.model import API_VERSION_V1, Chart, File, Lock, Metadata, relink
from chartist.errors import ChartistError

if TYPE_CHECKING:
    from os import PathLike

_T = TypeVar("_T")

_BOM = b"\xef\xbb\xbf"


# --- YAML helpers ----------------------------------------------------------------------


def _parse_yaml(data: bytes, filename: str) -> Any:
    """One YAML document through chartist.goyaml (Helm's sigs.k8s.io/yaml reading)."""
    from chartist import goyaml

    return goyaml.load(data, filename=filename)


def metadata_from_bytes(
    data: bytes, base: Metadata | None = None, *, filename: str = "Chart.yaml"
) -> Metadata:
    """Decode (not validate) Chart.yaml content; ChartLoadError ``cannot load Chart.yaml: ...``."""
    return _decode_file(data, filename, lambda v: decode_metadata(v, base))


def _lock_from_bytes(data: bytes, filename: str) -> Lock:
    return _decode_file(data, filename, decode_lock)


def _decode_file(data: bytes, filename: str, decode: Callable[[Any], _T]) -> _T:
    """DECODE of the YAML in DATA; ChartLoadError ``cannot load FILENAME: ...`` as Helm words
    a YAML error or a field of the wrong type."""
    from chartist import goyaml

    try:
        return decode(_parse_yaml(data, filename))
    except goyaml.YAMLError as err:
        raise ChartLoadError(f"cannot load {filename}: {err}") from None
    except DecodeError as err:
        raise ChartLoadError(
            f"cannot load {filename}: error unmarshaling JSON: while decoding JSON: {err}"
        ) from None


def _values_from_bytes(data: bytes) -> dict[str, Any]:
    from chartist import goyaml

    try:
        return goyaml.read_values(data)
    except goyaml.YAMLError as err:
        raise ChartLoadError(f"cannot load values.yaml: {err}") from None


# --- LoadFiles ---------------------------------------------------------------------------


def load_files(files: Iterable[File]) -> Chart:
    """Build a Chart from in-memory FILES (Helm's LoadFiles); pure, no IO.

    Raises ChartLoadError (``Chart.yaml file is missing``, ``cannot load values.yaml: ...``,
    ``error unpacking subchart NAME in CHART: ...``) or ValidationError for bad metadata.
    """
    files = list(files)
    metadata: Metadata | None = None
    mod_time = 0.0
    for f in files:
        if f.name == "Chart.yaml":
            metadata = metadata_from_bytes(f.data, metadata)
            if not metadata.api_version:
                metadata = dataclasses.replace(metadata, api_version=API_VERSION_V1)
            mod_time = f.mod_time
    lock: Lock | None = None
    values: dict[str, Any] = {}
    schema: bytes | None = None
    templates: list[File] = []
    others: list[File] = []
    subcharts: dict[str, list[File]] = {}
    for f in files:
        name = f.name
        if name == "Chart.yaml":
            continue
        if name == "Chart.lock":
            lock = _lock_from_bytes(f.data, name)
        elif name == "values.yaml":
            values = _values_from_bytes(f.data)
        elif name == "values.schema.json":
            schema = f.data
        elif name == "requirements.yaml":
            # Chart API v1 kept dependencies here; Helm still reads them for every chart.
            metadata = metadata_from_bytes(f.data, metadata or Metadata(), filename="requirements.yaml")
            if metadata.api_version == API_VERSION_V1:
                others.append(f)
        elif name == "requirements.lock":
            lock = _lock_from_bytes(f.data, name)
            if metadata is None:
                metadata = Metadata()
            if metadata.api_version == API_VERSION_V1:
                others.append(f)
        elif name.startswith("templates/"):
            templates.append(f)
        elif name.startswith("charts/"):
            if _ext(name) == ".prov":
                others.append(f)
                continue
            rest = name[len("charts/") :]
            subcharts.setdefault(rest.split("/", 1)[0], []).append(File(rest, f.data, f.mod_time))
        else:
            others.append(f)
    if metadata is None:
        raise ChartLoadError("Chart.yaml file is missing")
    metadata = metadata.validate()
    deps: list[Chart] = []
    for sub, sub_files in subcharts.items():
        if sub[:1] in ("_", "."):
            continue
        is_archive = _ext(sub) == ".tgz"
        if is_archive and sub_files[0].name != sub:
            raise ChartLoadError(
                f"error unpacking subchart tar in {metadata.name}: expected {sub}, got {sub_files[0].name}"
            )
        try:
            if is_archive:
                dep = load_files(load_archive_files(sub_files[0].data))
            else:
                inner = [
                    File(f.name.split("/", 1)[1], f.data, f.mod_time) for f in sub_files if "/" in f.name
                ]
                dep = load_files(inner)
        except ChartistError as err:
            raise ChartLoadError(f"error unpacking subchart {sub} in {metadata.name}: {err}") from None
        deps.append(dep)
    chart = Chart(
        metadata=metadata,
        values=values,
        templates=tuple(templates),
        files=tuple(others),
        schema=schema,
        lock=lock,
        raw=tuple(files),
        dependencies=tuple(deps),
        mod_time=mod_time,
    )
    return relink(chart)


def _ext(name: str) -> str:
    """Go's filepath.Ext."""
    base = name.rsplit("/", 1)[-1]
    dot = base.rfind(".")
    return base[dot:] if dot >= 0 else ""


# --- directories -------------------------------------------------------------------------


def _walk(top: str, rules: Rules) -> list[File]:
    """Files under TOP in lexical order, with .helmignore RULES and the symlink policy."""
    root = os.path.realpath(top)
    files: list[File] = []

    def inside(real: str) -> bool:
        return real == root or real.startswith(root.rstrip(os.sep) + os.sep)

    def visit(path: str, rel: str, active: frozenset[str]) -> None:
        try:
            names = sorted(os.listdir(path))
        except OSError as err:
            raise ChartLoadError(f"open {path}: {_strerror(err)}") from None
        for entry in names:
            full = os.path.join(path, entry)
            name = f"{rel}/{entry}" if rel else entry
            try:
                st = os.lstat(full)
                if stat.S_ISLNK(st.st_mode):
                    real = os.path.realpath(full)
                    if not inside(real):
                        raise ChartLoadError(
                            f"chart file {name} is a symbolic link to {real}, outside the chart; refusing to load it"
                        )
                    st = os.stat(full)
            except FileNotFoundError as err:
                raise ChartLoadError(
                    f"error evaluating symlink {full}: lstat {os.path.realpath(full)}: {_strerror(err)}"
                ) from None
            except OSError as err:
                raise ChartLoadError(f"error evaluating symlink {full}: {_strerror(err)}") from None
            if stat.S_ISDIR(st.st_mode):
                if rules.ignore(name, True):
                    continue
                real = os.path.realpath(full)
                if real in active:
                    raise ChartLoadError(f"chart directory {name} is a symbolic link loop")
                visit(full, name, active | {real})
                continue
            if rules.ignore(name, False):
                continue
            if not stat.S_ISREG(st.st_mode):
                raise ChartLoadError(f"cannot load irregular file {full} as it has file mode type bits set")
            if st.st_size > MAX_DECOMPRESSED_FILE_SIZE:
                raise ChartLoadError(
                    f'chart file "{entry}" is larger than the maximum file size {MAX_DECOMPRESSED_FILE_SIZE}'
                )
            try:
                with open(full, "rb") as fh:
                    data = fh.read(MAX_DECOMPRESSED_FILE_SIZE + 1)
            except OSError as err:
                raise ChartLoadError(f"error reading {name}: {_strerror(err)}") from None
            if len(data) > MAX_DECOMPRESSED_FILE_SIZE:  # grew since stat
                raise ChartLoadError(
                    f'chart file "{entry}" is larger than the maximum file size {MAX_DECOMPRESSED_FILE_SIZE}'
                )
            if data.startswith(_BOM):
                data = data[3:]
            files.append(File(name, data, st.st_mtime))

    visit(top, "", frozenset({root}))
    return files


def _strerror(err: OSError) -> str:
    return (err.strerror or str(err)).lower()


def load_dir(path: str | PathLike[str]) -> Chart:
    """Load a chart directory (with its .helmignore); ChartLoadError when it cannot be loaded."""
    top = os.path.abspath(os.fspath(path))
    chart_yaml = os.path.join(top, "Chart.yaml")
    if not os.path.isfile(chart_yaml):
        raise ChartLoadError(
            f"unable to detect chart at {chart_yaml}: open {chart_yaml}: no such file or directory"
        )
    rules = Rules()
    ignore_file = os.path.join(top, HELM_IGNORE)
    if os.path.exists(ignore_file):
        with open(ignore_file, "rb") as fh:
            rules = Rules.parse(fh.read().decode("utf-8", "replace"))
    rules.add_defaults()
    files = _walk(top, rules)
    _check_api_version(files)
    return load_files(files)


def _check_api_version(files: list[File]) -> None:
    """Helm picks a loader from apiVersion; chartist reads chart API v1 and v2 only."""
    for f in files:
        if f.name == "Chart.yaml":
            try:
                api = decode_api_version(_parse_yaml(f.data, "Chart.yaml"))
            except (ChartistError, DecodeError):
                return  # load_files reports it with Helm's text
            if api not in ("", "v1", "v2"):
                if api == "v3":
                    raise ChartLoadError("chart apiVersion v3 is not supported by chartist")
                raise ChartLoadError("unsupported chart version")
            return


def load_archive(source: bytes | IO[bytes]) -> Chart:
    """Load a chart from gzipped tar data or a binary stream (Helm's LoadArchive)."""
    files = load_archive_files(source)
    _check_api_version(files)
    return load_files(files)


def load_file(path: str | PathLike[str]) -> Chart:
    """Load a chart archive file; ArchiveError when it is not a gzipped tar of a chart."""
    name = os.fspath(path)
    try:
        with open(name, "rb") as fh:
            ensure_archive(name, fh.read(512))
            fh.seek(0)
            files = load_archive_files(fh)
    except ArchiveError as err:
        if str(err) == "gzip: invalid header":
            raise ArchiveError(
                f"file '{name}' does not appear to be a valid chart file (details: gzip: invalid header)"
            ) from None
        raise
    except OSError as err:
        raise ChartLoadError(f"open {name}: {_strerror(err)}") from None
    _check_api_version(files)
    return load_files(files)


def load(path: str | PathLike[str]) -> Chart:
    """Load the chart at PATH, a directory or a .tgz archive (Helm's loader.Load).

    Raises ChartLoadError (ArchiveError for archives) or ValidationError with Helm's text.
    """
    name = os.fspath(path)
    try:
        st = os.stat(name)
    except OSError as err:
        raise ChartLoadError(f"stat {name}: {_strerror(err)}") from None
    if stat.S_ISDIR(st.st_mode):
        return load_dir(name)
    return load_file(name)

"""Charts: the model, loading (directories and archives), values, dependencies and schemas.

The pipeline the engine runs, in Helm v4's order (``helm template`` / install / upgrade)::

    chart = load(path)                              # loader: dir or .tgz -> load_files
    check_dependencies(chart)                       # Chart.yaml deps present in charts/
    chart = process_dependencies(chart, user_values)   # conditions, tags, aliases, import-values
    values = coalesce_values(chart, user_values)    # defaults + user values, subcharts, globals
    validate_values(chart, values)                  # values.schema.json of every chart
    check_kube_version(chart, "v1.36.0")            # the chart's kubeVersion constraint

Names are imported lazily so that importing :mod:`chartist.chart.model` stays cheap.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from chartist.chart.archive import (
        MAX_DECOMPRESSED_CHART_SIZE,
        MAX_DECOMPRESSED_FILE_SIZE,
        BufferedFile,
        extract,
        load_archive_files,
        package,
        save,
    )
    from chartist.chart.dependencies import (
        check_dependencies,
        check_kube_version,
        is_compatible_range,
        process_dependencies,
    )
    from chartist.chart.errors import (
        ArchiveError,
        ChartError,
        ChartLoadError,
        DependencyError,
        IgnoreError,
        SchemaError,
        SchemaValidationError,
        ValidationError,
        ValuesError,
    )
    from chartist.chart.ignore import HELM_IGNORE, Rules
    from chartist.chart.loader import load, load_archive, load_dir, load_file, load_files, metadata_from_bytes
    from chartist.chart.model import (
        API_VERSION_V1,
        API_VERSION_V2,
        CRD,
        Chart,
        Dependency,
        File,
        Lock,
        Maintainer,
        Metadata,
        metadata_as_map,
    )
    from chartist.chart.schema import schema_report, validate_values
    from chartist.chart.values import (
        GLOBAL_KEY,
        coalesce_tables,
        coalesce_values,
        merge_tables,
        merge_values,
        path_value,
        table,
    )
    from chartist.goyaml import load_values

_WHERE = {
    "API_VERSION_V1": "model",
    "API_VERSION_V2": "model",
    "ArchiveError": "errors",
    "BufferedFile": "archive",
    "CRD": "model",
    "Chart": "model",
    "ChartError": "errors",
    "ChartLoadError": "errors",
    "Dependency": "model",
    "DependencyError": "errors",
    "File": "model",
    "GLOBAL_KEY": "values",
    "HELM_IGNORE": "ignore",
    "IgnoreError": "errors",
    "Lock": "model",
    "MAX_DECOMPRESSED_CHART_SIZE": "archive",
    "MAX_DECOMPRESSED_FILE_SIZE": "archive",
    "Maintainer": "model",
    "Metadata": "model",
    "Rules": "ignore",
    "SchemaError": "errors",
    "SchemaValidationError": "errors",
    "ValidationError": "errors",
    "ValuesError": "errors",
    "check_dependencies": "dependencies",
    "check_kube_version": "dependencies",
    "coalesce_tables": "values",
    "coalesce_values": "values",
    "extract": "archive",
    "is_compatible_range": "dependencies",
    "load": "loader",
    "load_archive": "loader",
    "load_archive_files": "archive",
    "load_dir": "loader",
    "load_file": "loader",
    "load_files": "loader",
    "load_values": "chartist.goyaml",
    "merge_tables": "values",
    "merge_values": "values",
    "metadata_as_map": "model",
    "metadata_from_bytes": "loader",
    "package": "archive",
    "path_value": "values",
    "process_dependencies": "dependencies",
    "save": "archive",
    "schema_report": "schema",
    "table": "values",
    "validate_values": "schema",
}

__all__ = [
    "API_VERSION_V1",
    "API_VERSION_V2",
    "CRD",
    "GLOBAL_KEY",
    "HELM_IGNORE",
    "MAX_DECOMPRESSED_CHART_SIZE",
    "MAX_DECOMPRESSED_FILE_SIZE",
    "ArchiveError",
    "BufferedFile",
    "Chart",
    "ChartError",
    "ChartLoadError",
    "Dependency",
    "DependencyError",
    "File",
    "IgnoreError",
    "Lock",
    "Maintainer",
    "Metadata",
    "Rules",
    "SchemaError",
    "SchemaValidationError",
    "ValidationError",
    "ValuesError",
    "check_dependencies",
    "check_kube_version",
    "coalesce_tables",
    "coalesce_values",
    "extract",
    "is_compatible_range",
    "load",
    "load_archive",
    "load_archive_files",
    "load_dir",
    "load_file",
    "load_files",
    "load_values",
    "merge_tables",
    "merge_values",
    "metadata_as_map",
    "metadata_from_bytes",
    "package",
    "path_value",
    "process_dependencies",
    "save",
    "schema_report",
    "table",
    "validate_values",
]


def __getattr__(name: str) -> Any:
    where = _WHERE.get(name)
    if where is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    module = importlib.import_module(where if "." in where else f"{__name__}.{where}")
    value = getattr(module, name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)

"""Lint rules for values.yaml (Helm's ``lint/rules/values.go``).

values.yaml must exist (an INFO finding otherwise) and parse as one YAML mapping; the user's
values are laid over it (top level only, as Helm coalesces tables here) and checked against
``values.schema.json`` when the chart has a non-empty one.
"""

from __future__ import annotations

import os
from typing import Any

from chartist.chart.lint.support import ERROR, INFO, Linter

__all__ = ["lint_values", "read_values_file"]


def read_values_file(path: str) -> tuple[dict[str, Any], str | None]:
    """Helm's common.ReadValuesFile: the first YAML document as a map, and an error text or None."""
    from chartist import goyaml

    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as err:
        return {}, f"open {path}: {(err.strerror or str(err)).lower()}"
    try:
        doc = goyaml.load(data)
    except goyaml.YAMLError as err:
        return {}, str(err)
    if doc is None:
        return {}, None
    if not isinstance(doc, dict):
        kind = "array" if isinstance(doc, list) else "string" if isinstance(doc, str) else "number"
        if isinstance(doc, bool):
            kind = "bool"
        return {}, (
            "error unmarshaling JSON: while decoding JSON: "
            f"json: cannot unmarshal {kind} into Go value of type common.Values"
        )
    return doc, None


def lint_values(linter: Linter, overrides: dict[str, Any], skip_schema_validation: bool) -> None:
    """Run the values.yaml rules on ``linter.chart_dir`` with the user's OVERRIDES."""
    name = "values.yaml"
    path = os.path.join(linter.chart_dir, name)
    if not linter.run_rule(INFO, name, None if os.path.exists(path) else "file does not exist"):
        return
    linter.run_rule(ERROR, name, _validate(path, overrides, skip_schema_validation))


def _validate(path: str, overrides: dict[str, Any], skip_schema_validation: bool) -> str | None:
    from chartist.chart.values import coalesce_tables, copy_values

    values, err = read_values_file(path)
    if err is not None:
        return f"unable to parse YAML: {err}"
    merged = coalesce_tables(coalesce_tables({}, copy_values(overrides)), values)
    schema_path = path[: -len(".yaml")] + ".schema.json"
    try:
        with open(schema_path, "rb") as fh:
            schema = fh.read()
    except OSError:
        return None
    if not schema or skip_schema_validation:
        return None
    from chartist.chart.schema import validate_single

    return validate_single(merged, schema)

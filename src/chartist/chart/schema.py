"""values.schema.json validation of a chart and all its subcharts, reported as Helm does.

:func:`validate_values` is Helm's ``ValidateAgainstSchema``: the chart's schema checks the
coalesced values, then every subchart's schema checks the values under its name (a subchart
whose values are not a map is reported as such). On failure it raises
:class:`SchemaValidationError` whose text is Helm's::

    values don't meet the specifications of the schema(s) in the following chart(s):
    CHART:
    - at '/replicaCount': got string, want number

The validator itself (:mod:`._jsonschema`) mirrors the Go library Helm uses. Schemas are
compiled once per distinct schema text. A schema that is not valid JSON, not valid against
its metaschema, or that refers to a file or URL is reported in the chart's section of the
same message: chartist never reads files or the network while validating (Helm would).
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from chartist.chart.errors import SchemaError, SchemaValidationError
from chartist.chart.model import Chart
from chartist.gotemplate.values import type_name

if TYPE_CHECKING:
    from chartist.chart._jsonschema import Schema
    from chartist.chart._jsonschema_check import VError

# The validator's modules are imported when a chart has a schema: most charts have none.
SCHEMA_URL = "file:///values.schema.json"  # as in _jsonschema
_PREFIX = f"jsonschema validation failed with '{SCHEMA_URL}#'\n"
_META = {
    4: "http://json-schema.org/draft-04/schema",
    6: "http://json-schema.org/draft-06/schema",
    7: "http://json-schema.org/draft-07/schema",
    2019: "https://json-schema.org/draft/2019-09/schema",
    2020: "https://json-schema.org/draft/2020-12/schema",
}


# Where Python's json module and Go's decoder differ on a text that both accept: surrogates (Go
# reads undecodable bytes and lone escaped surrogates as U+FFFD) and NaN/Infinity (Go refuses).
_NOT_PLAIN = re.compile(r"[\ud800-\udfff]|\\u[dD][89a-fA-F]")


def _no_constant(name: str) -> Any:
    raise ValueError(name)


def parse_json(data: bytes) -> Any:
    """A JSON document with numbers kept as written (santhosh-tekuri's UnmarshalJSON).

    Raises SchemaError with Go's message (``invalid character 'x' looking for beginning of
    value``, ``EOF``, ``invalid character after top-level value``).
    """
    from chartist.chart._gojson import GoJSONError, decode
    from chartist.chart._jsonschema import Num

    text = data.decode("utf-8", "surrogateescape")
    if _NOT_PLAIN.search(text) is None:
        # Python's decoder gives the same document, far faster; errors are Go's decoder's business.
        try:
            return json.loads(text, parse_int=Num, parse_float=Num, parse_constant=_no_constant)
        except (ValueError, RecursionError):
            pass
    try:
        doc, end = decode(text, 0, number=Num)
    except GoJSONError as err:
        raise SchemaError(str(err)) from None
    if text[end:].strip(" \t\r\n"):
        raise SchemaError("invalid character after top-level value")
    return doc


@lru_cache(maxsize=64)
def _compile(data: bytes) -> Schema:
    """The compiled schema of DATA; SchemaError with the Go library's compile message."""
    from chartist.chart._jsonschema import RefError, Schema
    from chartist.sprig.goregexp import RegexpError

    doc = parse_json(data)
    _check_metaschema(doc)
    try:
        return Schema(doc)
    except (RefError, RegexpError) as err:
        raise SchemaError(str(err)) from None


def _check_metaschema(doc: Any) -> None:
    """Refuse a schema its own metaschema rejects, with the Go library's message."""
    from chartist.chart._jsonschema import RefError, draft_of
    from chartist.chart._jsonschema_meta import certainly_valid

    draft = 2020
    if isinstance(doc, dict) and isinstance(doc.get("$schema"), str):
        draft = draft_of(doc["$schema"]) or 2020
    if certainly_valid(doc, draft):
        return  # the general validator would agree, at many times the cost
    url = _META[draft]
    try:
        meta = _meta_schema(url)
    except (RefError, SchemaError):
        return  # metaschemas unavailable: validate without the check
    err = meta.validate(doc)
    if err is not None:
        err.msg = f"jsonschema validation failed with '{url}#'"
        raise SchemaError(f'"{SCHEMA_URL}#" is not valid against metaschema: {err}')


@lru_cache(maxsize=8)
def _meta_schema(url: str) -> Schema:
    # Validating a schema against its metaschema asserts formats (``regex`` for patterns).
    from chartist.chart._jsonschema import Schema, load_metaschema

    return Schema(load_metaschema(url), url, assert_formats=True)


def validate_single(values: dict[str, Any], schema: bytes) -> str | None:
    """Helm's ValidateAgainstSingleSchema: None, or the error text Helm prints for it.

    Violations end with a newline (Helm's JSONSchemaValidationError); an unusable schema
    gives the compile error's text.
    """
    from chartist.chart._jsonschema import RefError

    try:
        compiled = _compile(bytes(schema))
    except SchemaError as err:
        return str(err)
    try:
        found = compiled.validate(values)
    except RefError as err:  # only possible for references resolved late
        return str(err)
    if found is None:
        return None
    text = _render(found)
    if text.startswith(_PREFIX):
        text = text[len(_PREFIX) :]
    return text + "\n"


def _render(err: VError) -> str:
    return str(err)


def schema_report(chart: Chart, values: dict[str, Any]) -> str:
    """The per-chart report of Helm's ValidateAgainstSchema (empty when all is valid)."""
    out: list[str] = []
    if chart.schema is not None:
        problem = validate_single(values, chart.schema)
        if problem is not None:
            out.append(f"{chart.name}:\n{problem}")
    for sub in chart.dependencies:
        raw = values.get(sub.name)
        if raw is None:
            continue
        if not isinstance(raw, dict):
            out.append(f"{sub.name}:\ninvalid type for values: expected object (map), got {type_name(raw)}\n")
            continue
        out.append(schema_report(sub, raw))
    return "".join(out)


def validate_values(chart: Chart, values: dict[str, Any]) -> None:
    """Check coalesced VALUES against the schemas of CHART and its subcharts.

    Raises SchemaValidationError (Helm's full message, see the module docstring).
    """
    report = schema_report(chart, values)
    if report:
        raise SchemaValidationError(report)

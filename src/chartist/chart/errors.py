"""Errors of chart loading, validation, archives, values and schemas.

Hierarchy::

    ChartistError
    └── ChartError                  anything wrong with a chart; str() is Helm's message
        ├── ChartLoadError          unreadable chart: missing Chart.yaml, bad YAML, bad files
        │   └── ArchiveError        unsafe or oversized archive, not a gzip stream
        ├── ValidationError         Chart.yaml metadata rejected ("validation: ...")
        ├── DependencyError         declared dependencies missing, kubeVersion mismatch
        ├── ValuesError             values that cannot be coalesced ("type mismatch on ...")
        ├── IgnoreError             a malformed .helmignore rule
        └── SchemaError             values.schema.json unusable (bad JSON, refused $ref)
            └── SchemaValidationError   values violate the schema(s); str() is Helm's report
"""

from __future__ import annotations

from chartist.errors import ChartistError


class ChartError(ChartistError):
    """Base class of every chart error; ``str()`` is the message Helm prints."""


class ChartLoadError(ChartError):
    """A chart (or one of its files) could not be read or decoded."""


class ArchiveError(ChartLoadError):
    """A chart archive is not gzip/tar, is too large, or holds entries outside the chart."""


class ValidationError(ChartError):
    """Chart metadata failed validation; ``str()`` is ``validation: <reason>`` as in Helm."""

    def __init__(self, reason: str) -> None:
        super().__init__(f"validation: {reason}")
        self.reason = reason


class DependencyError(ChartError):
    """Dependencies declared in Chart.yaml are missing, or the chart refuses the target."""


class ValuesError(ChartError):
    """Values could not be coalesced with a chart's defaults."""


class IgnoreError(ChartError):
    """A .helmignore rule is malformed (``syntax error in pattern``, ``**``)."""


class SchemaError(ChartError):
    """A values.schema.json cannot be used: invalid JSON, invalid schema, refused reference."""


class SchemaValidationError(SchemaError):
    """Values violate one or more charts' schemas.

    ``str()`` is Helm's full message::

        values don't meet the specifications of the schema(s) in the following chart(s):
        CHART:
        - at '/pointer': message

    ``report`` holds the per-chart part (everything after the first line).
    """

    HEADER = "values don't meet the specifications of the schema(s) in the following chart(s):\n"

    def __init__(self, report: str) -> None:
        super().__init__(self.HEADER + report)
        self.report = report

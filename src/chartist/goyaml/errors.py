"""The error YAML and JSON loading and dumping raise.

Hierarchy::

    ChartistError, ValueError
    └── YAMLError        str() is Helm's / Go's exact text, e.g.
                         ``error converting YAML to JSON: yaml: line 3: mapping values are not
                         allowed in this context``; JSON errors share the class.
"""

from __future__ import annotations

from chartist.errors import ChartistError

__all__ = ["YAMLError"]


class YAMLError(ChartistError, ValueError):
    """Bad YAML or JSON, or a value Go could not encode; str() is Go's message.

    ``line`` is the 1-based line Go reports (0 when Go names none); ``filename`` is what the
    caller passed for context and is not part of the message. It is also a ValueError, so code
    that treats bad data generically can catch it as one.
    """

    def __init__(self, message: str, *, line: int = 0, filename: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.filename = filename

    def __str__(self) -> str:
        return self.message

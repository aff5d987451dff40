"""Go's text/template in Python: parse, compile once, execute with Go's semantics and messages.

The public surface: :class:`Template` (Go's template set), the errors, and the value model that
functions and data use (see :mod:`.values`).
"""

from chartist.gotemplate.errors import ExecError, ParseError, TemplateError
from chartist.gotemplate.template import Template
from chartist.gotemplate.values import (
    FuncError,
    GoFunc,
    GoObject,
    Int64,
    StrSlice,
    gofunc,
    kind,
    method,
    truth,
    type_name,
)

__all__ = [
    "ExecError",
    "FuncError",
    "GoFunc",
    "GoObject",
    "Int64",
    "ParseError",
    "StrSlice",
    "Template",
    "TemplateError",
    "gofunc",
    "kind",
    "method",
    "truth",
    "type_name",
]

"""Rendering errors, formatted as Helm v4 formats template failures.

Hierarchy::

    ChartistError
    └── RenderError                  a chart failed to render
        ├── TemplateParseError       parse error at (PATH:LINE): MESSAGE
        └── TemplateExecError        execution error at (PATH:LINE:COL): MESSAGE   (fail/required)
                                     or Helm's multi-line trace (PATH:LINE:COL / executing ... / message)

The message is built from the engine's ExecError fields and its chain of causes, never by
re-parsing text (Helm re-parses Go's strings; the result is the same).
"""

from __future__ import annotations

from chartist.errors import ChartistError
from chartist.gotemplate.errors import ExecError, ParseError, TemplateError

__all__ = [
    "RenderError",
    "TemplateExecError",
    "TemplateParseError",
    "format_exec_error",
    "format_parse_error",
]

# Helm marks the messages of `fail` and `required` so that they reach the user verbatim.
WARN_START = "HELM_ERR_START"
WARN_END = "HELM_ERR_END"


class RenderError(ChartistError):
    """A chart could not be rendered."""


class TemplateParseError(RenderError):
    """A template of the chart does not parse."""


class TemplateExecError(RenderError):
    """A template failed while executing (including ``fail`` and ``required``)."""


def warn_wrap(message: str) -> str:
    """Mark a fail/required message so that Helm's formatting extracts it verbatim."""
    return WARN_START + message + WARN_END


def format_parse_error(filename: str, err: ParseError) -> str:
    """Helm's ``cleanupParseError``: ``parse error at (NAME:LINE): last part of the message``."""
    tokens = str(err).split(": ")
    if len(tokens) == 1:
        return f"parse error in ({filename}): {err}"
    return f"parse error at ({tokens[1]}): {tokens[-1]}"


def _entry(err: TemplateError) -> tuple[str, str, str] | None:
    """(location, executed function, message) of one link of the chain, as Helm parses it."""
    text = str(err)
    if not text.startswith("template: "):
        return None
    rest = text[len("template: ") :]
    if rest.startswith("no template "):
        return ("", "", text)
    if isinstance(err, ExecError) and err.location:
        msg = err.detail
        cut = msg.find(" template:")
        if cut != -1:
            msg = msg[:cut]
        return (err.location, f'executing "{err.template}" at <{err.context}>:', msg)
    sep = rest.rfind(": ")
    if sep == -1:
        return None
    msg = rest[sep + 2 :]
    cut = msg.find(" template:")
    if cut != -1:
        msg = msg[:cut]
    return (rest[:sep], "", msg)


def format_exec_error(err: TemplateError) -> str:
    """Helm's ``reformatExecErrorMsg`` for an execution error of a top-level template."""
    text = str(err)
    tokens = text.split(": ", 2)
    if len(tokens) != 3:
        return text
    start = tokens[2].find(WARN_START)
    if start != -1:
        end = tokens[2].rfind(WARN_END)
        if end > start:
            return f"execution error at ({tokens[1]}): {tokens[2][start + len(WARN_START) : end]}"
    entries: list[tuple[str, str, str]] = []
    cur: BaseException | None = err
    while cur is not None:
        if not isinstance(cur, TemplateError):
            return text  # a function's own error ends the chain: Helm keeps Go's text
        entry = _entry(cur)
        if entry is None:
            return text
        if not entries or entries[-1] != entry:
            entries.append(entry)
        cur = cur.__cause__
    out = []
    for location, executed, message in entries:
        s = ""
        if location:
            s += location + "\n  "
        if executed:
            s += executed + "\n    "
        if message:
            s += message + "\n"
        out.append(s)
    return "".join(out).strip()

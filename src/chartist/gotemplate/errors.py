"""Errors of the template engine; ``str()`` of each is Go's exact text.

Hierarchy::

    TemplateError            (root; chartist re-roots it under ChartistError at the package edge)
    ├── ParseError           template: NAME:LINE: MESSAGE
    └── ExecError            template: NAME:LINE:COL: executing "NAME" at <CONTEXT>: MESSAGE
                             (or ``template: NAME: MESSAGE`` when no node is known)

This package imports nothing else of chartist, so the root is a plain Exception here;
``chartist.errors`` is not imported on purpose.
"""

from __future__ import annotations


class TemplateError(Exception):
    """Root of the engine's errors. ``name`` is the template's parse name."""

    def __init__(self, message: str, name: str = "", line: int = 0) -> None:
        super().__init__(message)
        self.message = message
        self.name = name
        self.line = line

    def __str__(self) -> str:
        return self.message


class ParseError(TemplateError):
    """A template failed to parse. ``detail`` is the message after the location."""

    def __init__(self, name: str, line: int, detail: str) -> None:
        super().__init__(f"template: {name}:{line}: {detail}", name, line)
        self.detail = detail


class ExecError(TemplateError):
    """A template failed to execute.

    ``template`` is the name of the executing template, ``location`` is ``NAME:LINE:COL`` of the
    node (empty if unknown), ``context`` the node's text (Go truncates it to 20 characters),
    ``detail`` the bare message (``error calling fail: boom``).
    """

    def __init__(
        self,
        template: str,
        detail: str,
        *,
        location: str = "",
        context: str = "",
        name: str = "",
        line: int = 0,
        col: int = 0,
    ) -> None:
        if location:
            msg = f'template: {location}: executing "{template}" at <{context}>: {detail}'
        else:
            msg = f"template: {template}: {detail}"
        super().__init__(msg, name or template, line)
        self.template = template
        self.detail = detail
        self.location = location
        self.context = context
        self.col = col

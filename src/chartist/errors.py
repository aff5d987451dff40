"""The root of every error a chartist user can see.

Hierarchy (each package adds its own subclasses in its ``errors`` module)::

    ChartistError
    ├── gotemplate.errors.TemplateError   (ParseError, ExecError; stdlib-only, re-rooted here)
    ├── goyaml.YAMLError
    ├── chart.errors.ChartError            (loading, validation, archives)
    ├── engine.errors.RenderError          (Helm's formatting of template failures)
    └── ...

The CLI prints ``Error: <str(err)>`` for any ChartistError and exits 1; anything else is a bug
and shows a traceback only with ``--debug``.
"""

from __future__ import annotations


class ChartistError(Exception):
    """Base class of every error chartist raises on purpose."""

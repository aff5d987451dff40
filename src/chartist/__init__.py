"""chartist: Helm v4, the Kubernetes package manager, in pure Python.

The public API is imported lazily so that ``import chartist`` (and the CLI) start fast::

    import chartist
    chart = chartist.load_chart("./mychart")
    values = chartist.load_values("prod.yaml")
    manifests = chartist.render(chart, values, release_name="web", namespace="prod")
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = ["ChartistError", "__version__", "load_chart", "load_values", "render"]

_LAZY = {
    "ChartistError": ("chartist.errors", "ChartistError"),
    "load_chart": ("chartist.action.rendering", "load_chart"),
    "load_values": ("chartist.goyaml", "load_values"),
    "render": ("chartist.action.rendering", "render"),
}

if TYPE_CHECKING:
    from chartist.action.rendering import load_chart, render
    from chartist.errors import ChartistError
    from chartist.goyaml import load_values


def __getattr__(name: str) -> Any:
    try:
        module, attr = _LAZY[name]
    except KeyError:
        raise AttributeError(f"module 'chartist' has no attribute {name!r}") from None
    value = getattr(importlib.import_module(module), attr)
    globals()[name] = value
    return value

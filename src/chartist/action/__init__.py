"""Actions: the public API of chartist's verbs (install, upgrade, template, ...).

Each verb is a plain object whose fields are Helm's flags with Helm's defaults and whose
``run`` does the work; the CLI only parses flags into them. Names are imported lazily.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from chartist.action.configuration import ActionError, Configuration, OperationCancelled, ReleaseFailed
    from chartist.action.install import Install
    from chartist.action.rendering import load_chart, render, render_chart
    from chartist.action.rollback import Rollback
    from chartist.action.template import RenderedRelease, Template
    from chartist.action.uninstall import Uninstall
    from chartist.action.upgrade import Upgrade
    from chartist.action.values import ValueOptions

__all__ = [
    "ActionError",
    "Configuration",
    "Install",
    "OperationCancelled",
    "ReleaseFailed",
    "RenderedRelease",
    "Rollback",
    "Template",
    "Uninstall",
    "Upgrade",
    "ValueOptions",
    "load_chart",
    "render",
    "render_chart",
]

_LAZY = {
    "ActionError": "chartist.action.configuration",
    "Configuration": "chartist.action.configuration",
    "OperationCancelled": "chartist.action.configuration",
    "ReleaseFailed": "chartist.action.configuration",
    "Install": "chartist.action.install",
    "Upgrade": "chartist.action.upgrade",
    "Rollback": "chartist.action.rollback",
    "Uninstall": "chartist.action.uninstall",
    "RenderedRelease": "chartist.action.template",
    "Template": "chartist.action.template",
    "ValueOptions": "chartist.action.values",
    "load_chart": "chartist.action.rendering",
    "render": "chartist.action.rendering",
    "render_chart": "chartist.action.rendering",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'chartist.action' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value

"""Plugin errors: ``PluginError`` (cannot load, find or run a plugin) and
``PluginExecError`` (the plugin ran and exited non-zero).

    ChartistError
    └── PluginError
        └── PluginExecError
"""

from __future__ import annotations

from chartist.errors import ChartistError

__all__ = ["PluginError", "PluginExecError"]


class PluginError(ChartistError):
    """A plugin could not be loaded, found or started; ``str()`` is Helm's message."""


class PluginExecError(PluginError):
    """A plugin exited with a non-zero status (Helm's InvokeExecError)."""

    def __init__(self, message: str, exit_code: int, stderr: str = "") -> None:
        super().__init__(message)
        self.exit_code = exit_code
        self.stderr = stderr

"""Helm v4 plugins: finding them in the plugins directories and running subprocess plugins.

Only what chartist uses is here: ``postrenderer/v1`` plugins with the subprocess runtime
(WebAssembly plugins are found but cannot be run). Mirrors Helm v4.2.3's ``internal/plugin``.
"""

from __future__ import annotations

from chartist.plugin.errors import PluginError, PluginExecError
from chartist.plugin.loader import PlatformCommand, Plugin, find_plugin, load_dir
from chartist.plugin.runtime import expand, plugin_env, prepare_command, run_with_stdin

__all__ = [
    "PlatformCommand",
    "Plugin",
    "PluginError",
    "PluginExecError",
    "expand",
    "find_plugin",
    "load_dir",
    "plugin_env",
    "prepare_command",
    "run_with_stdin",
]

"""Helm v4 plugins on disk: ``plugin.yaml`` metadata, discovery and look-up by name and type.

Follows Helm v4.2.3's ``internal/plugin`` (loader.go, metadata*.go): a plugins directory
holds one directory per plugin with a ``plugin.yaml``; ``apiVersion: v1`` files are read
strictly (unknown fields are errors), files without apiVersion are legacy plugins (always
``cli/v1`` or ``getter/v1``). A plugin that fails to load is skipped with Helm's warning;
two plugins with the same name in one directory are an error.
"""

from __future__ import annotations

import glob
import logging
import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Final

from chartist.plugin.errors import PluginError

__all__ = ["PLUGIN_FILE", "PlatformCommand", "Plugin", "find_plugin", "load_dir"]

PLUGIN_FILE: Final = "plugin.yaml"
_VALID_NAME: Final = re.compile(r"^[A-Za-z0-9_-]+$")
_V1_FIELDS: Final = (
    "apiVersion",
    "name",
    "type",
    "runtime",
    "version",
    "sourceURL",
    "config",
    "runtimeConfig",
)
# Each plugin type's config struct fields (decoded with KnownFields).
_CONFIG_FIELDS: Final[Mapping[str, tuple[str, ...]]] = {
    "test/v1": (),
    "cli/v1": ("usage", "shortHelp", "longHelp", "ignoreFlags"),
    "getter/v1": ("protocols",),
    "postrenderer/v1": (),
}
_RUNTIMES: Final = ("subprocess", "extism/v1")
_log = logging.getLogger("chartist.plugin")


@dataclass(frozen=True, slots=True)
class PlatformCommand:
    """One ``platformCommand`` entry: a command (split on single spaces) for an OS/arch."""

    os: str = ""
    arch: str = ""
    command: str = ""
    args: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Plugin:
    """A loaded plugin: its directory and converted metadata."""

    dir: str
    name: str
    type: str
    runtime: str
    version: str = ""
    api_version: str = "v1"
    platform_command: tuple[PlatformCommand, ...] = ()
    config: Mapping[str, Any] = field(default_factory=dict)


def _go_quote(s: str) -> str:
    from chartist.gotemplate.fmt import quote

    return quote(s)


def _is_semver(v: str) -> bool:
    from chartist.semver import SemverError, parse_version

    try:
        parse_version(v, strict=True)
    except SemverError:
        return False
    return True


def _str(m: Mapping[str, Any], key: str) -> str:
    v = m.get(key)
    if v is None:
        return ""
    if isinstance(v, bool) or not isinstance(v, str | int | float):
        raise PluginError(f"cannot unmarshal {key} into a string")
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def _platform_commands(raw: Any) -> tuple[PlatformCommand, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise PluginError("platformCommand must be a list")
    out: list[PlatformCommand] = []
    for item in raw:
        if not isinstance(item, dict):
            raise PluginError("platformCommand entries must be mappings")
        args = item.get("args") or []
        if not isinstance(args, list):
            raise PluginError("platformCommand args must be a list")
        out.append(
            PlatformCommand(
                _str(item, "os"), _str(item, "arch"), _str(item, "command"), tuple(str(a) for a in args)
            )
        )
    return tuple(out)


def _load_v1(m: Mapping[str, Any], plugin_dir: str) -> Plugin:
    unknown = [k for k in m if k not in _V1_FIELDS]
    if unknown:
        raise PluginError(f"field {unknown[0]} not found in type plugin.MetadataV1")
    name, version, ptype, runtime = _str(m, "name"), _str(m, "version"), _str(m, "type"), _str(m, "runtime")
    if not _VALID_NAME.match(name):
        raise PluginError("invalid plugin `name`")
    if not version:
        raise PluginError("plugin `version` is required")
    if not _is_semver(version):
        raise PluginError(f"invalid plugin `version` {_go_quote(version)}: must be valid semver")
    if not ptype:
        raise PluginError("`type` missing")
    if not runtime:
        raise PluginError("`runtime` missing")
    fields = _CONFIG_FIELDS.get(ptype)
    if fields is None:
        raise PluginError(f"unknown plugin type {_go_quote(ptype)}")
    config = m.get("config") or {}
    if not isinstance(config, dict):
        raise PluginError("config must be a mapping")
    for k in config:
        if k not in fields:
            raise PluginError(f"field {k} not found in type schema.Config")
    if runtime not in _RUNTIMES:
        raise PluginError(f"unsupported plugin runtime type: {_go_quote(runtime)}")
    rc = m.get("runtimeConfig") or {}
    if not isinstance(rc, dict):
        raise PluginError("runtimeConfig must be a mapping")
    commands = _platform_commands(rc.get("platformCommand")) if runtime == "subprocess" else ()
    return Plugin(plugin_dir, name, ptype, runtime, version, "v1", commands, dict(config))


def _load_legacy(m: Mapping[str, Any], plugin_dir: str) -> Plugin:
    name, version = _str(m, "name"), _str(m, "version")
    if not _VALID_NAME.match(name):
        raise PluginError(f"invalid plugin name {_go_quote(name)}: must contain only a-z, A-Z, 0-9, _ and -")
    if version and not _is_semver(version):
        raise PluginError(f"invalid plugin version {_go_quote(version)}: must be valid semver")
    commands = _platform_commands(m.get("platformCommand"))
    command = _str(m, "command")
    if commands and command:
        raise PluginError("both platformCommand and command are set")
    if not commands and command:
        commands = (PlatformCommand(command=command),)
    ptype = "getter/v1" if m.get("downloaders") else "cli/v1"
    return Plugin(plugin_dir, name, ptype, "subprocess", version, "legacy", commands)


def load_dir(plugin_dir: str) -> Plugin:
    """Helm's LoadDir: the plugin in PLUGIN_DIR; raises PluginError with Helm's message."""
    from chartist.goyaml import YAMLError, load

    path = os.path.join(plugin_dir, PLUGIN_FILE)
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError as err:
        raise PluginError(f"failed to read plugin at {_go_quote(path)}: {err.strerror}") from None
    try:
        m = load(data)
    except YAMLError as err:
        raise PluginError(f"failed to load plugin {_go_quote(plugin_dir)}: {err}") from None
    if m is None:
        m = {}
    if not isinstance(m, dict):
        raise PluginError(f"failed to load plugin {_go_quote(plugin_dir)}: plugin.yaml is not a mapping")
    api = _str(m, "apiVersion")
    try:
        if api == "":
            return _load_legacy(m, plugin_dir)
        if api == "v1":
            return _load_v1(m, plugin_dir)
    except PluginError as err:
        raise PluginError(f"failed to load plugin {_go_quote(plugin_dir)}: {err}") from None
    raise PluginError(
        f"failed to load plugin {_go_quote(plugin_dir)}: invalid plugin apiVersion: {_go_quote(api)}"
    )


def _load_all(base: str) -> list[Plugin]:
    """Helm's LoadAllDir with load errors logged and ignored; duplicates are an error."""
    plugins: list[Plugin] = []
    for yaml_file in sorted(glob.glob(os.path.join(glob.escape(base), "*", PLUGIN_FILE))):
        try:
            plugins.append(load_dir(os.path.dirname(yaml_file)))
        except PluginError as err:
            _log.warning(
                'level=WARN msg="failed to load plugin (ignoring)" plugin_yaml=%s error=%s',
                _slog_value(yaml_file),
                _slog_value(str(err)),
            )
    seen: dict[str, str] = {}
    for p in plugins:
        if p.name in seen:
            raise PluginError(
                f"two plugins claim the name {_go_quote(p.name)} at {_go_quote(seen[p.name])} and {_go_quote(p.dir)}"
            )
        seen[p.name] = p.dir
    return plugins


def _slog_value(s: str) -> str:
    """slog's TextHandler quoting: quoted when empty or holding spaces, quotes, ``=``."""
    if s and all(c.isprintable() and c not in ' "=' for c in s):
        return s
    return _go_quote(s)


def find_plugin(dirs: Sequence[str], name: str, plugin_type: str) -> Plugin:
    """Helm's FindPlugin: the first plugin named NAME of PLUGIN_TYPE in DIRS.

    Raises PluginError ``plugin: {Name:NAME Type:TYPE} not found`` when there is none.
    """
    found = [p for d in dirs for p in _load_all(d) if p.name == name and p.type == plugin_type]
    if found:
        return found[0]
    raise PluginError(f"plugin: {{Name:{name} Type:{plugin_type}}} not found")

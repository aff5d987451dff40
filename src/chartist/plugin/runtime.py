"""Running a subprocess plugin as Helm v4.2.3's ``RuntimeSubprocess`` does.

The command comes from ``platformCommand`` (exact OS and arch match first, then OS only,
then the entry with neither; the command string is split on single spaces); ``$VAR`` and
``${VAR}`` in it and in its args are expanded with Go's ``os.Expand`` over the plugin's
environment: the caller's environment plus ``HELM_PLUGIN_NAME`` and ``HELM_PLUGIN_DIR``.
Extra arguments follow the plugin's own. The program is started directly, never through a
shell.
"""

from __future__ import annotations

import os
import platform
import subprocess
import sys
from collections.abc import Mapping, Sequence
from typing import Final

from chartist.plugin.errors import PluginError, PluginExecError
from chartist.plugin.loader import PlatformCommand, Plugin

__all__ = ["GOARCH", "GOOS", "expand", "plugin_env", "prepare_command", "run_with_stdin"]

_SPECIAL: Final = frozenset("*#$@!?-0123456789")


def _goos() -> str:
    if sys.platform.startswith("linux"):
        return "linux"
    if sys.platform == "darwin":
        return "darwin"
    if sys.platform in ("win32", "cygwin"):
        return "windows"
    return sys.platform


def _goarch() -> str:
    m = platform.machine().lower()
    return {
        "x86_64": "amd64",
        "amd64": "amd64",
        "aarch64": "arm64",
        "arm64": "arm64",
        "i386": "386",
        "i686": "386",
        "armv7l": "arm",
        "ppc64le": "ppc64le",
        "s390x": "s390x",
        "riscv64": "riscv64",
    }.get(m, m)


GOOS: Final = _goos()
GOARCH: Final = _goarch()


def _shell_name(s: str) -> tuple[str, int]:
    """Go's getShellName: (name, characters consumed) after a ``$``."""
    if s[0] == "{":
        if len(s) > 2 and s[1] in _SPECIAL and s[2] == "}":
            return s[1], 3
        for i in range(1, len(s)):
            if s[i] == "}":
                if i == 1:
                    return "", 2
                return s[1:i], i + 1
        return "", 1
    if s[0] in _SPECIAL:
        return s[0], 1
    i = 0
    while i < len(s) and (s[i] == "_" or (s[i].isascii() and s[i].isalnum())):
        i += 1
    return s[:i], i


def expand(s: str, env: Mapping[str, str]) -> str:
    """Go's os.Expand(S, env lookup): unknown variables expand to ""."""
    if "$" not in s:
        return s
    out: list[str] = []
    i = 0
    j = 0
    n = len(s)
    while j < n:
        if s[j] == "$" and j + 1 < n:
            out.append(s[i:j])
            name, w = _shell_name(s[j + 1 :])
            if name == "" and w > 0:
                pass  # bad syntax: the characters are eaten
            elif name == "":
                out.append("$")
            else:
                out.append(env.get(name, ""))
            j += w
            i = j + 1
        j += 1
    out.append(s[i:])
    return "".join(out)


def _platform_command(cmds: Sequence[PlatformCommand]) -> tuple[list[str], list[str]]:
    """Helm's getPlatformCommand: (command parts, args) for this OS and arch, or empty."""
    command: list[str] = []
    args: list[str] = []
    found = found_os = False
    goos, goarch = GOOS.lower(), GOARCH.lower()
    for c in cmds:
        os_, arch = c.os.lower(), c.arch.lower()
        if os_ == goos and arch == goarch:
            return c.command.split(" "), list(c.args)
        if (c.os and os_ != goos) or c.arch:
            continue
        if not found_os and c.os and os_ == goos:
            command, args = c.command.split(" "), list(c.args)
            found = found_os = True
        elif not found:
            command, args = c.command.split(" "), list(c.args)
            found = True
    return command, args


def prepare_command(
    cmds: Sequence[PlatformCommand],
    extra_args: Sequence[str],
    env: Mapping[str, str],
    expand_args: bool = True,
) -> tuple[str, list[str]]:
    """Helm's PrepareCommands: (program, args); raises PluginError when no command applies."""
    parts, args = _platform_command(cmds)
    if not parts or parts[0] == "":
        raise PluginError("no plugin command is applicable")
    main = expand(parts[0], env)
    base = [expand(p, env) if expand_args else p for p in parts[1:]]
    base += [expand(a, env) if expand_args else a for a in args]
    base += list(extra_args)
    return main, base


def plugin_env(plugin: Plugin, environ: Mapping[str, str] | None = None) -> dict[str, str]:
    """The environment a plugin runs with: ENVIRON (default: this process's) plus
    HELM_PLUGIN_NAME and HELM_PLUGIN_DIR."""
    env = dict(os.environ if environ is None else environ)
    env["HELM_PLUGIN_NAME"] = plugin.name
    env["HELM_PLUGIN_DIR"] = plugin.dir
    return env


def _exec_error(program: str, err: OSError) -> PluginError:
    """Go's exec error text for a program that cannot be started."""
    if os.sep not in program and "/" not in program:
        return PluginError(f'exec: "{program}": executable file not found in $PATH')
    reason = err.strerror.lower() if err.strerror else str(err)
    return PluginError(f"fork/exec {program}: {reason}")


def run_with_stdin(
    plugin: Plugin, program: str, args: Sequence[str], env: Mapping[str, str], stdin: bytes
) -> tuple[bytes, bytes]:
    """Run PROGRAM ARGS with STDIN; (stdout, stderr). Raises PluginExecError on a non-zero
    exit (``plugin "NAME" exited with error``) and PluginError when it cannot start."""
    try:
        proc = subprocess.run(  # no shell: the argument vector goes to the program as it is
            [program, *args], input=stdin, capture_output=True, env=dict(env), check=False
        )
    except OSError as err:
        raise _exec_error(program, err) from None
    if proc.returncode != 0:
        raise PluginExecError(
            f'plugin "{plugin.name}" exited with error',
            proc.returncode,
            proc.stderr.decode("utf-8", "replace"),
        )
    return proc.stdout, proc.stderr

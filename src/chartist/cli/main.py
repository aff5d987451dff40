"""The ``chartist`` command line: Helm's commands, flags and exit codes.

Only the chosen command's module is imported (see :data:`COMMANDS`), so start-up stays fast.
Each command module provides ``add_arguments(parser)`` and ``run(args, settings) -> int``;
commands map flags onto an action and print its result, nothing more.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

__all__ = ["COMMANDS", "main"]

# name -> (module under chartist.cli.commands, one-line help)
COMMANDS: dict[str, tuple[str, str]] = {
    "completion": ("completion", "generate autocompletion scripts for the specified shell"),
    "create": ("create", "create a new chart with the given name"),
    "dep": ("dependency", "manage a chart's dependencies (alias of dependency)"),
    "dependencies": ("dependency", "manage a chart's dependencies (alias of dependency)"),
    "dependency": ("dependency", "manage a chart's dependencies"),
    "env": ("env", "helm client environment information"),
    "get": ("get", "download extended information of a named release"),
    "hist": ("history", "fetch release history (alias of history)"),
    "history": ("history", "fetch release history"),
    "inspect": ("show", "show information of a chart (alias of show)"),
    "install": ("install", "install a chart"),
    "lint": ("lint", "examine a chart for possible issues"),
    "list": ("list", "list releases"),
    "ls": ("list", "list releases (alias of list)"),
    "package": ("package", "package a chart directory into a chart archive"),
    "rollback": ("rollback", "roll back a release to a previous revision"),
    "show": ("show", "show information of a chart"),
    "status": ("status", "display the status of the named release"),
    "template": ("template", "locally render templates"),
    "test": ("test", "run tests for a release"),
    "uninstall": ("uninstall", "uninstall a release"),
    "upgrade": ("upgrade", "upgrade a release"),
    "version": ("version", "print the client version information"),
}

# Global flags that take a value (cobra persistent flags), to find the command name.
_VALUE_FLAGS = {
    "-n",
    "--namespace",
    "--kube-context",
    "--kubeconfig",
    "--kube-apiserver",
    "--kube-token",
    "--kube-as-user",
    "--kube-as-group",
    "--kube-ca-file",
    "--kube-tls-server-name",
    "--burst-limit",
    "--qps",
    "--registry-config",
    "--repository-cache",
    "--repository-config",
    "--content-cache",
    "--color",
    "--colour",
}


class _Parser(argparse.ArgumentParser):
    """argparse with Helm's error style: ``Error: ...`` and exit code 1."""

    def error(self, message: str) -> NoReturn:
        sys.stderr.write(f"Error: {message}\n")
        raise SystemExit(1)


def add_global_flags(p: argparse.ArgumentParser) -> None:
    """Helm's persistent flags (defaults come from the environment in cli.environment)."""
    g = p.add_argument_group("global flags")
    g.add_argument("--debug", action="store_true", default=None, help="enable verbose output")
    g.add_argument("-n", "--namespace", help="namespace scope for this request")
    g.add_argument("--kube-context", help="name of the kubeconfig context to use")
    g.add_argument("--kubeconfig", help="path to the kubeconfig file")
    g.add_argument("--kube-apiserver", help="the address and the port for the Kubernetes API server")
    g.add_argument("--kube-token", help="bearer token used for authentication")
    g.add_argument("--kube-as-user", help="username to impersonate for the operation")
    g.add_argument("--kube-as-group", action="append", help="group to impersonate, can be repeated")
    g.add_argument("--kube-ca-file", help="the certificate authority file for the API server connection")
    g.add_argument("--kube-tls-server-name", help="server name to use for certificate validation")
    g.add_argument("--kube-insecure-skip-tls-verify", action="store_true", default=None)
    g.add_argument("--burst-limit", type=int, help="client-side default throttling limit")
    g.add_argument("--qps", type=float, help="queries per second used when communicating with the API")
    g.add_argument("--registry-config", help="path to the registry config file")
    g.add_argument("--repository-cache", help="path to the directory containing cached repository indexes")
    g.add_argument("--repository-config", help="path to the file containing repository names and URLs")
    g.add_argument("--content-cache", help="path to the directory containing cached content")
    g.add_argument("--color", "--colour", dest="color", help="use colored output (never, auto, always)")


def _command_name(argv: Sequence[str]) -> str | None:
    skip = False
    for a in argv:
        if skip:
            skip = False
            continue
        if a in _VALUE_FLAGS:
            skip = True
            continue
        if a.startswith("-"):
            continue
        return a
    return None


def _usage() -> str:
    lines = ["The Kubernetes package manager (Helm v4, in Python)", "", "Usage:", "  chartist [command]", ""]
    lines.append("Available Commands:")
    width = max(len(n) for n in COMMANDS)
    for name, (_, help_) in sorted(COMMANDS.items()):
        lines.append(f"  {name:<{width}}  {help_}")
    lines += ["", 'Use "chartist [command] --help" for more information about a command.']
    return "\n".join(lines) + "\n"


def _setup_logging(debug: bool) -> None:
    """Warnings of the library (coalescing, dependencies...) go to stderr, as Helm's log does."""
    import logging

    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(message)s"))
    root = logging.getLogger("chartist")
    root.addHandler(handler)
    root.setLevel(logging.DEBUG if debug else logging.WARNING)
    root.propagate = False


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    import gc

    # A render allocates many small objects that live until the process ends; the default
    # thresholds make the collector scan them again and again (~10% of a `template` run).
    gc.set_threshold(50_000, 50, 100)
    args_in = list(sys.argv[1:] if argv is None else argv)
    name = _command_name(args_in)
    if name is None or name == "help":
        sys.stdout.write(_usage())
        return 0
    if name not in COMMANDS:
        sys.stderr.write(
            f'Error: unknown command "{name}" for "chartist"\nRun \'chartist --help\' for usage.\n'
        )
        return 1
    module = importlib.import_module(f"chartist.cli.commands.{COMMANDS[name][0]}")
    parser = _Parser(prog=f"chartist {name}", description=COMMANDS[name][1])
    add_global_flags(parser)
    module.add_arguments(parser)
    rest = list(args_in)
    rest.remove(name)
    args = parser.parse_intermixed_args(rest)
    from chartist.cli.environment import Settings

    settings = Settings.from_env(os.environ, args)
    _setup_logging(settings.debug)
    try:
        return int(module.run(args, settings))
    except KeyboardInterrupt:
        sys.stderr.write("Error: interrupted\n")
        return 130
    except Exception as err:  # every error ends here: ours get one line, others a hint
        from chartist.errors import ChartistError

        if settings.debug:
            import traceback

            traceback.print_exc()
        if isinstance(err, ChartistError):
            sys.stderr.write(f"Error: {err}\n")
        elif isinstance(err, OSError):
            sys.stderr.write(f"Error: {err.strerror or err}: {err.filename or ''}\n")
        else:
            sys.stderr.write(f"Error: internal error: {type(err).__name__}: {err}\n")
            if not settings.debug:
                sys.stderr.write("(run with --debug for details)\n")
        return 1

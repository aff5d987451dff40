"""``chartist create NAME``: create a new chart (Helm's ``pkg/cmd/create.go``).

Prints ``Creating NAME``, then any "already exists" warnings, on stdout as Helm does.
``--starter`` takes a starter's name (under ``$HELM_DATA_HOME/starters``) or an absolute path.
"""

from __future__ import annotations

import argparse
import os
import sys

from chartist.cli.environment import Settings

USE_LINE = "chartist create NAME [flags]"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("args", nargs="*", metavar="NAME")
    p.add_argument("-p", "--starter", default="", help="the name or absolute path to Helm starter scaffold")
    p.add_argument("--chart-api-version", default="v2", help=argparse.SUPPRESS)


def data_home(env: dict[str, str]) -> str:
    """helmpath.DataPath(""): $HELM_DATA_HOME, else $XDG_DATA_HOME/helm, else ~/.local/share/helm."""
    if env.get("HELM_DATA_HOME"):
        return env["HELM_DATA_HOME"]
    base = env.get("XDG_DATA_HOME") or os.path.join(
        env.get("HOME") or os.path.expanduser("~"), ".local", "share"
    )
    return os.path.join(base, "helm")


def run(args: argparse.Namespace, settings: Settings) -> int:
    """Run ``create``; Helm's messages and exit codes."""
    from chartist.action.create import Create
    from chartist.errors import ChartistError

    if len(args.args) != 1:
        return _fail(f'"chartist create" requires 1 argument\n\nUsage:  {USE_LINE}')
    name = args.args[0]
    sys.stdout.write(f"Creating {name}\n")
    if args.chart_api_version not in ("v2", ""):
        if args.chart_api_version == "v3":
            return _fail("chart API version v3 is not supported by chartist")
        return _fail(f"unsupported chart API version: {args.chart_api_version} (supported: v2, v3)")
    env = dict(settings.env) if settings.env else dict(os.environ)
    client = Create(name=name, starter=args.starter, starter_dir=os.path.join(data_home(env), "starters"))
    try:
        client.run(warn=_warn)
    except ChartistError as err:
        return _fail(str(err))
    except OSError as err:
        return _fail(f"{err.strerror or err}: {err.filename or ''}".lower())
    return 0


def _warn(line: str) -> None:
    sys.stdout.write(line)  # Helm writes these warnings to its output stream


def _fail(message: str) -> int:
    sys.stdout.flush()
    sys.stderr.write(f"Error: {message}\n")
    return 1

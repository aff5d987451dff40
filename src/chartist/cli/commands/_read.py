"""What the read-only release commands (status, history, list, get, test) share on the command line:
cobra's argument-count errors, pflag's integer flags, ``-o``, the colour decision, the
configuration (looked up at call time, so tests can replace it).
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from chartist.cli.commands import _release
from chartist.cli.commands._release import CommandError
from chartist.cli.environment import Settings

__all__ = [
    "add_output_flag",
    "add_revision_flag",
    "configuration",
    "exact_args",
    "int_flag",
    "no_color",
    "output_format",
]


def exact_args(args: list[str], n: int, command: str, use: str) -> None:
    """cobra's ExactArgs as Helm's require package words it."""
    if len(args) != n:
        word = "argument" if n == 1 else "arguments"
        raise CommandError(f'"chartist {command}" requires {n} {word}\n\nUsage:  chartist {use} [flags]')


def int_flag(value: str | None, flag: str, default: int = 0) -> int:
    """pflag's IntVar: Go's ParseInt(VALUE, 0, 64) with pflag's message when it fails."""
    if value is None:
        return default
    from chartist.sprig.conversion import parse_int

    n, ok = parse_int(value, 0)
    if not ok:
        why = "value out of range" if n else "invalid syntax"
        raise CommandError(
            f'invalid argument "{value}" for "{flag}" flag: strconv.ParseInt: parsing "{value}": {why}'
        )
    return n


def add_revision_flag(p: argparse.ArgumentParser, help_: str = "get the named release with revision") -> None:
    p.add_argument("--revision", help=help_)


def add_output_flag(p: argparse.ArgumentParser) -> None:
    p.add_argument("-o", "--output", default="table",
                   help="prints the output in the specified format. Allowed values: table, json, yaml")  # fmt: skip


def output_format(args: argparse.Namespace) -> str:
    """The ``-o`` value; pflag's error for anything but table, json and yaml."""
    value = str(args.output)
    if value not in ("table", "json", "yaml"):
        raise CommandError(f'invalid argument "{value}" for "-o, --output" flag: invalid format type')
    return value


def no_color(settings: Settings) -> bool:
    """Helm's ShouldDisableColor with fatih/color's own checks (see cli.output)."""
    from chartist.cli.output import should_disable_color

    return should_disable_color(settings.color, sys.stdout, os.environ)


def configuration(args: argparse.Namespace, settings: Settings) -> Any:
    """The action Configuration (cluster client and HELM_DRIVER storage) of the global flags."""
    return _release.configuration(args, settings)

"""``-f`` and the ``--set*`` family: flags that build the user's values, in Helm's order.

Order (Helm's values.Options.MergeValues): every ``-f`` file merged in turn, then
``--set-json``, ``--set``, ``--set-string``, ``--set-file``, ``--set-literal``.
"""

from __future__ import annotations

import argparse
from typing import Any

__all__ = ["add_values_flags", "value_options"]


def add_values_flags(p: argparse.ArgumentParser) -> None:
    """Add Helm's values flags to a command."""
    g = p.add_argument_group("values")
    g.add_argument(
        "-f", "--values", action="append", default=[], metavar="FILE",
        help="specify values in a YAML file or a URL (can specify multiple)",
    )  # fmt: skip
    g.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="KEY=VAL",
        help="set values on the command line (can specify multiple or separate values with commas)",
    )
    g.add_argument(
        "--set-string",
        action="append",
        default=[],
        metavar="KEY=VAL",
        help="set STRING values on the command line",
    )
    g.add_argument(
        "--set-file",
        action="append",
        default=[],
        metavar="KEY=PATH",
        help="set values from respective files specified via the command line",
    )
    g.add_argument(
        "--set-json",
        action="append",
        default=[],
        metavar="KEY=JSON",
        help="set JSON values on the command line",
    )
    g.add_argument(
        "--set-literal",
        action="append",
        default=[],
        metavar="KEY=VAL",
        help="set a literal STRING value on the command line",
    )


def value_options(args: argparse.Namespace) -> Any:
    """The parsed flags as the action layer's ValueOptions."""
    from chartist.action.values import ValueOptions

    files: list[str] = []
    for f in args.values:
        files.extend(x for x in f.split(",") if x)  # Helm's -f is a string slice: commas split
    return ValueOptions(
        value_files=files,
        values=list(args.set),
        string_values=list(args.set_string),
        file_values=list(args.set_file),
        json_values=list(args.set_json),
        literal_values=list(args.set_literal),
    )

"""``chartist history RELEASE_NAME``: the revisions of a release (Helm's ``helm history``)."""

from __future__ import annotations

import argparse
import sys

from chartist.cli.commands._read import (
    add_output_flag,
    configuration,
    exact_args,
    int_flag,
    output_format,
)
from chartist.cli.environment import Settings

__all__ = ["add_arguments", "run"]


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("names", nargs="*", metavar="RELEASE_NAME")
    p.add_argument("--max", help="maximum number of revision to include in history (default 256)")
    add_output_flag(p)


def run(args: argparse.Namespace, settings: Settings) -> int:
    from chartist.action.history import DEFAULT_MAX, History, history_entries
    from chartist.cli.output import ANSIC, Table, format_time, json_text_to_yaml

    exact_args(args.names, 1, "history", "history RELEASE_NAME")
    fmt = output_format(args)
    limit = int_flag(args.max, "--max", DEFAULT_MAX)
    entries = history_entries(History(configuration(args, settings), max=limit).run(args.names[0]))
    if fmt == "table":
        table = Table().add_row("REVISION", "UPDATED", "STATUS", "CHART", "APP VERSION", "DESCRIPTION")
        for e in entries:
            table.add_row(
                e.revision, format_time(e.updated, ANSIC), e.status, e.chart, e.app_version, e.description
            )
        sys.stdout.write(table.encode())
        return 0
    text = "[" + ",".join(e.to_json() for e in entries) + "]"
    sys.stdout.write(text + "\n" if fmt == "json" else json_text_to_yaml(text))
    return 0

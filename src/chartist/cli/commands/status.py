"""``chartist status RELEASE_NAME``: the status of a release (Helm's ``helm status``).

The table lists the live objects (as the server's Tables), the test suite and the notes; JSON
and YAML print the release without its chart, the live objects under ``info.resources``.
"""

from __future__ import annotations

import argparse
import sys

from chartist.cli.commands._read import (
    add_output_flag,
    configuration,
    exact_args,
    int_flag,
    no_color,
    output_format,
)
from chartist.cli.environment import Settings

__all__ = ["add_arguments", "run"]


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("names", nargs="*", metavar="RELEASE_NAME")
    p.add_argument("--revision", help="if set, display the status of the named release with revision")
    add_output_flag(p)
    # Helm v3's flags; v4 always shows the description and the resources. Accepted, ignored.
    p.add_argument("--show-desc", action="store_true", help=argparse.SUPPRESS)
    p.add_argument("--show-resources", action="store_true", help=argparse.SUPPRESS)


def run(args: argparse.Namespace, settings: Settings) -> int:
    from chartist.action.status import Status
    from chartist.cli.kubeprint import render_resources
    from chartist.cli.output import write_status

    exact_args(args.names, 1, "status", "status RELEASE_NAME")
    fmt = output_format(args)
    revision = int_flag(args.revision, "--revision")
    cfg = configuration(args, settings)
    rel = Status(cfg, version=revision, show_resources_table=fmt == "table").run(args.names[0])
    rel.chart = None  # Helm strips the chart from the output
    rel.chart_source = None
    write_status(sys.stdout, rel, fmt, no_color=no_color(settings), resources=render_resources)
    return 0

"""``chartist test RELEASE``: run a release's tests (Helm's ``helm test``).

Prints the release's status (no notes) after the tests ran, then with ``--logs`` a blank line
and each test pod's log; the test objects are cleaned up last. A failing test still prints the
status, then fails the command with the test's error.
"""

from __future__ import annotations

import argparse
import sys

from chartist.cli.commands._read import configuration, exact_args, no_color
from chartist.cli.commands._release import parse_timeout
from chartist.cli.environment import Settings
from chartist.errors import ChartistError

__all__ = ["add_arguments", "run"]


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("names", nargs="*", metavar="RELEASE")
    p.add_argument("--timeout", default="5m0s",
                   help="time to wait for any individual Kubernetes operation (like Jobs for hooks)")  # fmt: skip
    p.add_argument("--logs", action="store_true",
                   help="dump the logs from test pods (this runs after all tests are complete, but before any cleanup)")  # fmt: skip
    p.add_argument("--filter", action="append", default=[],
                   help='specify tests by attribute (currently "name") using attribute=value syntax or '
                        "'!attribute=value' to exclude a test (can specify multiple or separate values with commas: "
                        "name=test1,name=test2)")  # fmt: skip


def _split(values: list[str]) -> list[str]:
    """pflag's StringSlice: each value is CSV (quotes allowed); an empty value adds nothing."""
    import csv

    out: list[str] = []
    for v in values:
        if v:
            out.extend(next(csv.reader([v], skipinitialspace=False)))
    return out


def run(args: argparse.Namespace, settings: Settings) -> int:
    from chartist.action.release_testing import ReleaseTesting, parse_filters
    from chartist.cli.output import write_status

    exact_args(args.names, 1, "test", "test [RELEASE]")
    timeout = parse_timeout(args.timeout)
    cfg = configuration(args, settings)
    action = ReleaseTesting(
        cfg, timeout=timeout, namespace=cfg.namespace, filters=parse_filters(_split(args.filter))
    )
    result = action.run(args.names[0])
    error: ChartistError | None = result.error
    try:
        write_status(sys.stdout, result.release, "table", debug=settings.debug, hide_notes=True,
                     no_color=no_color(settings))  # fmt: skip
        if args.logs:
            sys.stdout.write("\n")
            try:
                action.write_pod_logs(sys.stdout, result.release)
            except ChartistError as err:
                error = err if error is None else ChartistError(f"{error}\n{err}")
    finally:
        try:
            result.cleanup()
        except ChartistError as err:
            if error is None:
                error = err
        progress = getattr(cfg, "progress", None)
        finish = getattr(progress, "finish", None)
        if callable(finish):
            finish()
    if error is not None:
        raise error
    return 0

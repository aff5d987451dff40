"""``chartist dependency list [CHART]``: list a chart's dependencies (Helm's ``pkg/cmd/dependency.go``).

Prints Helm's table (NAME, VERSION, REPOSITORY, STATUS; cells cut at ``--max-col-width``),
a blank line and the warnings about ``charts/``; or ``WARNING: no dependencies at DIR``.
``update`` and ``build`` (which download charts) are not offline commands and are refused here.
"""

from __future__ import annotations

import argparse
import sys

from chartist.cli.environment import Settings

_LIST = ("list", "ls")
_SUBCOMMANDS = ("build", "list", "ls", "update", "up")


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("args", nargs="*", metavar="SUBCOMMAND [CHART]")
    p.add_argument("--max-col-width", type=_uint, default=80, help="maximum column width for output table")


def _uint(text: str) -> int:
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f'invalid argument "{text}" for "--max-col-width" flag')
    return int(text)


def run(args: argparse.Namespace, settings: Settings) -> int:
    """Run ``dependency``; Helm's messages and exit codes."""
    from chartist.action.dependency import list_dependencies
    from chartist.errors import ChartistError
    from chartist.sprig.paths import go_clean

    words: list[str] = list(args.args)
    if not words:
        sys.stdout.write(
            "Manage the dependencies of a chart.\n\nUsage:\n  chartist dependency [command]\n\n"
            "Available Commands:\n"
            "  build       rebuild the charts/ directory based on the Chart.lock file\n"
            "  list        list the dependencies for the given chart\n"
            "  update      update charts/ based on the contents of Chart.yaml\n"
        )
        return 0
    sub = words[0]
    if sub not in _SUBCOMMANDS:
        return _fail(
            f'unknown command "{sub}" for "chartist dependency"\nRun \'chartist dependency --help\' for usage.'
        )
    if sub not in _LIST:
        return _fail(
            f"dependency {sub} downloads charts and is not supported by chartist's offline commands yet"
        )
    if len(words) > 2:
        return _fail(
            '"chartist dependency list" accepts at most 1 argument\n\n'
            "Usage:  chartist dependency list CHART [flags]"
        )
    chart_path = go_clean(words[1]) if len(words) > 1 else "."
    try:
        report = list_dependencies(chart_path)
    except ChartistError as err:
        return _fail(str(err))
    except OSError as err:
        return _fail(f"stat {chart_path}: {(err.strerror or str(err)).lower()}")
    if not report.declared:
        sys.stdout.write(f"WARNING: no dependencies at {report.charts_dir}\n")
        return 0
    rows: list[tuple[str, ...]] = [("NAME", "VERSION", "REPOSITORY", "STATUS")]
    rows += [(r.name, r.version, r.repository, r.status) for r in report.rows]
    out = table(rows, args.max_col_width) + "\n\n"
    out += "".join(w + "\n" for w in report.warnings)
    sys.stdout.write(out)
    return 0


def _resize(s: str, width: int) -> str:
    """gosuri/uitable's strutil.Resize, left-aligned."""
    from chartist.cli.output import rune_width, string_width

    n = string_width(s)
    if n == width:
        return s
    if n < width:
        return s + " " * (width - n)
    out: list[str] = []
    w = 0
    for ch in s:
        out.append(ch)
        rw = rune_width(ch)
        if w + rw >= width - 3:
            break
        w += rw
    return "".join(out) + "..."


def table(rows: list[tuple[str, ...]], max_width: int) -> str:
    """uitable's Table with MaxColWidth: every cell padded (or cut) to its column's width."""
    from chartist.cli.output import string_width

    widths: list[int] = []
    for row in rows:
        for i, cell in enumerate(row):
            if i == len(widths):
                widths.append(0)
            w = string_width(cell)
            if max_width and w > max_width:
                w = max_width
            widths[i] = max(widths[i], w)
    return "\n".join(
        "\t".join(_resize(c, widths[i]) if widths[i] else c for i, c in enumerate(r)) for r in rows
    )


def _fail(message: str) -> int:
    sys.stdout.flush()
    sys.stderr.write(f"Error: {message}\n")
    return 1

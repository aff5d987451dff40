"""``chartist show all|chart|values|readme|crds CHART``: show a chart's files (Helm's ``pkg/cmd/show.go``).

Local charts only (a directory or an archive): repository flags are refused with a clear
error. ``--jsonpath`` (``show values`` only) filters the values with a Kubernetes JSONPath.
"""

from __future__ import annotations

import argparse
import sys

from chartist.cli.environment import Settings

_SUBCOMMANDS = ("all", "chart", "values", "readme", "crds")


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("args", nargs="*", metavar="SUBCOMMAND [CHART]")
    p.add_argument("--devel", action="store_true", help="use development versions, too")
    p.add_argument("--jsonpath", default=None, help="supply a JSONPath expression to filter the output")
    p.add_argument("--version", default="", help="specify a version constraint for the chart version to use")
    p.add_argument("--repo", default="", help="chart repository url where to locate the requested chart")
    p.add_argument("--verify", action="store_true", help="verify the package before using it")
    p.add_argument("--keyring", default="", help="location of public keys used for verification")
    p.add_argument("--username", default="", help="chart repository username")
    p.add_argument("--password", default="", help="chart repository password")
    p.add_argument("--pass-credentials", action="store_true", help="pass credentials to all domains")
    p.add_argument("--cert-file", default="", help="identify HTTPS client using this SSL certificate file")
    p.add_argument("--key-file", default="", help="identify HTTPS client using this SSL key file")
    p.add_argument(
        "--ca-file", default="", help="verify certificates of HTTPS-enabled servers using this CA bundle"
    )
    p.add_argument("--insecure-skip-tls-verify", action="store_true", help="skip tls certificate checks")
    p.add_argument(
        "--plain-http", action="store_true", help="use insecure HTTP connections for the chart download"
    )


def _usage(sub: str) -> str:
    return f"chartist show {sub} [CHART] [flags]"


def run(args: argparse.Namespace, settings: Settings) -> int:
    """Run ``show``; Helm's messages and exit codes."""
    from chartist.errors import ChartistError

    words: list[str] = list(args.args)
    if not words:
        sys.stdout.write(
            "This command consists of multiple subcommands to display information about a chart\n\n"
            "Usage:\n  chartist show [command]\n\nAvailable Commands:\n"
            "  all         show all information of the chart\n"
            "  chart       show the chart's definition\n"
            "  crds        show the chart's CRDs\n"
            "  readme      show the chart's README\n"
            "  values      show the chart's values\n"
        )
        return 0
    sub = words[0]
    if sub not in _SUBCOMMANDS:
        return _fail(
            f'unknown command "{sub}" for "chartist show"\nRun \'chartist show --help\' for usage.', False
        )
    if args.jsonpath is not None and sub != "values":
        return _fail("unknown flag: --jsonpath")
    if len(words) != 2:
        return _fail(f'"chartist show {sub}" requires 1 argument\n\nUsage:  {_usage(sub)}')
    import os

    ref = words[1].strip()
    # Helm's LocateChart takes an existing local path as it is (--version and --repo are then
    # ignored); only --verify still needs the provenance file, which chartist cannot check yet.
    if args.verify:
        return _fail("--verify is not supported by chartist yet")
    if not os.path.exists(ref) and (args.repo or args.version or args.devel):
        return _fail("chart repositories are not supported yet: give a chart directory or archive")
    from chartist.action.show import Show
    from chartist.action.template import locate_chart

    try:
        path = locate_chart(ref)
        text = Show(output_format=sub, jsonpath_template=args.jsonpath or "").run(path)  # type: ignore[arg-type]
    except ChartistError as err:
        return _fail(str(err))
    sys.stdout.flush()
    sys.stdout.buffer.write(text.encode("utf-8", "surrogateescape"))
    sys.stdout.buffer.flush()
    return 0


def _fail(message: str, prefix: bool = True) -> int:
    sys.stdout.flush()
    sys.stderr.write(f"Error: {message}\n")
    return 1

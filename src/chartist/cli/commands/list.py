"""``chartist list``: the releases of a namespace, or of all (Helm's ``helm list``)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from chartist.cli.commands._read import (
    add_output_flag,
    configuration,
    int_flag,
    no_color,
    output_format,
)
from chartist.cli.commands._release import CommandError
from chartist.cli.environment import Settings

__all__ = ["add_arguments", "run"]


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("names", nargs="*", help=argparse.SUPPRESS)
    flag = p.add_argument
    flag("-q", "--short", action="store_true", help="output short (quiet) listing format")
    flag("--no-headers", action="store_true", help="don't print headers when using the default output format")
    flag("--time-format", default="",
         help='format time using golang time formatter. Example: --time-format "2006-01-02 15:04:05Z0700"')  # fmt: skip
    flag("-d", "--date", action="store_true", help="sort by release date")
    flag("-r", "--reverse", action="store_true", help="reverse the sort order")
    flag("--uninstalled", action="store_true",
         help="show uninstalled releases (if 'helm uninstall --keep-history' was used)")  # fmt: skip
    flag("--superseded", action="store_true", help="show superseded releases")
    flag("--uninstalling", action="store_true", help="show releases that are currently being uninstalled")
    flag("--deployed", action="store_true", help="show deployed releases")
    flag("--failed", action="store_true", help="show failed releases")
    flag("--pending", action="store_true", help="show pending releases")
    # Helm v3's --all (every state, whatever the status flags); v4 has no such flag.
    flag("-a", "--all", action="store_true", help=argparse.SUPPRESS)
    flag("-A", "--all-namespaces", action="store_true", help="list releases across all namespaces")
    flag("-m", "--max", help="maximum number of releases to fetch (default 256)")
    flag("--offset", help="next release index in the list, used to offset from start value")
    flag("-f", "--filter", default="",
         help="a regular expression (Perl compatible). Any releases that match the expression will be included in the results")  # fmt: skip
    flag("-l", "--selector", default="",
         help="Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). "
              "Works only for secret(default) and configmap storage backends.")  # fmt: skip
    add_output_flag(p)


def _elements(releases: list[Any], time_format: str) -> list[dict[str, str]]:
    """Helm's releaseElement rows: every field a string, ``-`` for a release never deployed."""
    from chartist.action.history import chart_app_version, chart_label
    from chartist.cli.output import format_time, go_time

    out = []
    for r in releases:
        t = r.info.last_deployed
        updated = "-" if t is None else format_time(t, time_format) if time_format else go_time(t).string()
        out.append(
            {
                "name": r.name,
                "namespace": r.namespace,
                "revision": str(r.version),
                "updated": updated,
                "status": str(r.info.status),
                "chart": chart_label(r.chart),
                "app_version": chart_app_version(r.chart),
            }
        )
    return out


def _element_json(e: dict[str, str]) -> str:
    from chartist.goyaml import dump_json

    return "{" + ",".join(dump_json(k) + ":" + dump_json(v) for k, v in e.items()) + "}"


def run(args: argparse.Namespace, settings: Settings) -> int:
    from chartist.action.list import List
    from chartist.cli.output import (
        Table,
        colorize_header,
        colorize_namespace,
        colorize_status,
        encode_json,
        encode_yaml,
        json_text_to_yaml,
    )

    if args.names:
        raise CommandError('"chartist list" accepts no arguments\n\nUsage:  chartist list [flags]')
    fmt = output_format(args)
    action = List(
        configuration(args, settings),
        all=args.all,
        all_namespaces=args.all_namespaces,
        by_date=args.date,
        sort_reverse=args.reverse,
        limit=int_flag(args.max, "--max", 256),
        offset=int_flag(args.offset, "--offset"),
        filter=args.filter,
        selector=args.selector,
        uninstalled=args.uninstalled,
        superseded=args.superseded,
        uninstalling=args.uninstalling,
        deployed=args.deployed,
        failed=args.failed,
        pending=args.pending,
    )
    action.set_state_mask()
    releases = action.run()
    out = sys.stdout
    if args.short:
        names = [r.name for r in releases]
        if fmt == "json":
            out.write(encode_json(names))
        elif fmt == "yaml":
            out.write(encode_yaml(names))
        else:
            out.writelines(n + "\n" for n in names)
        return 0
    elements = _elements(releases, args.time_format)
    if fmt == "table":
        off = no_color(settings)
        table = Table()
        if not args.no_headers:
            heads = ("NAME", "NAMESPACE", "REVISION", "UPDATED", "STATUS", "CHART", "APP VERSION")
            table.add_row(*(colorize_header(h, off) for h in heads))
        for e in elements:
            table.add_row(e["name"], colorize_namespace(e["namespace"], off), e["revision"], e["updated"],
                          colorize_status(e["status"], off), e["chart"], e["app_version"])  # fmt: skip
        out.write(table.encode())
        return 0
    text = "[" + ",".join(_element_json(e) for e in elements) + "]"
    out.write(text + "\n" if fmt == "json" else json_text_to_yaml(text))
    return 0

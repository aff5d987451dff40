"""``chartist uninstall RELEASE_NAME [...]``: uninstall releases (Helm's ``helm uninstall``)."""

from __future__ import annotations

import argparse
import sys

from chartist.cli.commands._release import (
    CommandError,
    add_wait_flags,
    configuration,
    parse_timeout,
    wait_strategy,
)
from chartist.cli.environment import Settings

__all__ = ["add_arguments", "run"]


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("names", nargs="*", metavar="RELEASE_NAME")
    p.add_argument("--dry-run", action="store_true", help="simulate a uninstall")
    p.add_argument("--no-hooks", action="store_true", help="prevent hooks from running during uninstallation")
    p.add_argument(
        "--ignore-not-found", action="store_true", help='Treat "release not found" as a successful uninstall'
    )
    p.add_argument("--keep-history", action="store_true",
                   help="remove all associated resources and mark the release as deleted, but retain the release history")  # fmt: skip
    p.add_argument("--cascade", default="background",
                   help='Must be "background", "orphan", or "foreground". Selects the deletion cascading strategy')  # fmt: skip
    p.add_argument("--description", default="", help="add a custom description")
    add_wait_flags(p)


def run(args: argparse.Namespace, settings: Settings) -> int:
    from chartist.action.uninstall import Uninstall

    if not args.names:
        raise CommandError(
            '"chartist uninstall" requires at least 1 argument\n\nUsage:  chartist uninstall RELEASE_NAME [...] [flags]'
        )
    if args.cascade not in ("background", "foreground", "orphan"):
        raise CommandError(
            f'invalid cascade value ({args.cascade}). Must be "background", "foreground", or "orphan"'
        )
    cfg = configuration(args, settings)
    action = Uninstall(
        cfg,
        disable_hooks=args.no_hooks,
        dry_run=args.dry_run,
        ignore_not_found=args.ignore_not_found,
        keep_history=args.keep_history,
        wait=wait_strategy(args),
        cascade=args.cascade,
        timeout=parse_timeout(args.timeout),
        description=args.description,
    )
    try:
        for name in args.names:
            res = action.run(name)
            if res is not None and res.info:
                sys.stdout.write(res.info + "\n")
            sys.stdout.write(f'release "{name}" uninstalled\n')
    finally:
        cfg.progress.finish()
    return 0

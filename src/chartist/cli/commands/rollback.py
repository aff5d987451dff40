"""``chartist rollback RELEASE [REVISION]``: roll a release back (Helm's ``helm rollback``)."""

from __future__ import annotations

import argparse
import sys

from chartist.cli.commands._release import (
    CommandError,
    add_dry_run_flag,
    add_wait_flags,
    configuration,
    deprecated,
    dry_run_strategy,
    exclusive,
    parse_timeout,
    wait_strategy,
)
from chartist.cli.environment import Settings

__all__ = ["add_arguments", "run"]


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("args", nargs="*", metavar="RELEASE [REVISION]")
    p.add_argument("--force-replace", action="store_true", help="force resource updates by replacement")
    p.add_argument("--force", action="store_true", help=argparse.SUPPRESS)
    p.add_argument("--force-conflicts", action="store_true",
                   help="if set server-side apply will force changes against conflicts")  # fmt: skip
    p.add_argument("--server-side", default="auto",
                   help='must be "true", "false" or "auto". Object updates run in the server instead of the client')  # fmt: skip
    p.add_argument("--no-hooks", action="store_true", help="prevent hooks from running during rollback")
    add_wait_flags(p)
    p.add_argument("--cleanup-on-fail", action="store_true",
                   help="allow deletion of new resources created in this rollback when rollback fails")  # fmt: skip
    p.add_argument("--history-max", type=int, default=None,
                   help="limit the maximum number of revisions saved per release. Use 0 for no limit")  # fmt: skip
    add_dry_run_flag(p)


def run(args: argparse.Namespace, settings: Settings) -> int:
    from chartist.action.configuration import OperationCancelled
    from chartist.action.rollback import Rollback

    if not args.args:
        raise CommandError(
            '"chartist rollback" requires at least 1 argument\n\nUsage:  chartist rollback <RELEASE> [REVISION] [flags]'
        )
    version = 0
    if len(args.args) > 1:
        text = args.args[1]
        try:
            version = int(text, 10) if text.strip() == text and text.lstrip("+-").isdigit() else int("x")
        except ValueError:
            raise CommandError(
                f'could not convert revision to a number: strconv.Atoi: parsing "{text}": invalid syntax'
            ) from None
    deprecated(args, "force", "force-replace", "force")
    exclusive(args, ("force-replace", "force_replace"), ("force-conflicts", "force_conflicts"))
    exclusive(args, ("force", "force"), ("force-conflicts", "force_conflicts"))
    dry = dry_run_strategy(args)
    cfg = configuration(args, settings)
    action = Rollback(
        cfg,
        version=version,
        timeout=parse_timeout(args.timeout),
        wait=wait_strategy(args),
        wait_for_jobs=args.wait_for_jobs,
        disable_hooks=args.no_hooks,
        dry_run=dry,
        force_replace=args.force_replace or args.force,
        force_conflicts=args.force_conflicts,
        server_side=args.server_side,
        cleanup_on_fail=args.cleanup_on_fail,
        max_history=settings.max_history if args.history_max is None else args.history_max,
    )
    try:
        action.run(args.args[0])
    except OperationCancelled:
        sys.stdout.write(f"Release {args.args[0]} has been cancelled.\n")
        raise
    finally:
        cfg.progress.finish()
    sys.stdout.write("Rollback was a success! Happy Helming!\n")
    return 0

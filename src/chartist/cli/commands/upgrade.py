"""``chartist upgrade RELEASE CHART``: upgrade a release (Helm's ``helm upgrade``).

With ``--install`` a release that does not exist (or was uninstalled with ``--keep-history``)
is installed instead, as Helm does. Failures print ``Error: UPGRADE FAILED: ...`` and exit 1.
"""

from __future__ import annotations

import argparse
import sys

from chartist.cli.commands._release import (
    CommandError,
    configuration,
    deprecated,
    dry_run_strategy,
    exclusive,
    no_color,
    output_format,
    parse_labels,
    parse_timeout,
    wait_strategy,
    write_release,
)
from chartist.cli.commands.install import (
    add_install_flags,
    install_action,
    load_chart,
    run_install,
)
from chartist.cli.environment import Settings
from chartist.cli.postrender_flags import post_renderer
from chartist.cli.values_options import value_options
from chartist.errors import ChartistError

__all__ = ["add_arguments", "run"]


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("args", nargs="*", metavar="RELEASE CHART")
    add_install_flags(p, upgrade=True)
    p.add_argument(
        "-i",
        "--install",
        action="store_true",
        help="if a release by this name doesn't already exist, run an install",
    )
    p.add_argument("--server-side", default="auto",
                   help='must be "true", "false" or "auto". Object updates run in the server instead of the client')  # fmt: skip
    p.add_argument(
        "--reset-values",
        action="store_true",
        help="when upgrading, reset the values to the ones built into the chart",
    )
    p.add_argument("--reuse-values", action="store_true",
                   help="when upgrading, reuse the last release's values and merge in any overrides")  # fmt: skip
    p.add_argument("--reset-then-reuse-values", action="store_true",
                   help="when upgrading, reset the values to the chart's, apply the last release's values and merge in any overrides")  # fmt: skip
    p.add_argument("--history-max", type=int, default=None,
                   help="limit the maximum number of revisions saved per release. Use 0 for no limit")  # fmt: skip
    p.add_argument("--cleanup-on-fail", action="store_true",
                   help="allow deletion of new resources created in this upgrade when upgrade fails")  # fmt: skip


def run(args: argparse.Namespace, settings: Settings) -> int:
    from chartist.action.configuration import OperationCancelled
    from chartist.action.upgrade import Upgrade
    from chartist.release.status import Status
    from chartist.storage.driver.base import ReleaseNotFound

    if len(args.args) != 2:
        raise CommandError(
            '"chartist upgrade" requires 2 arguments\n\nUsage:  chartist upgrade [RELEASE] [CHART] [flags]'
        )
    name, chart_ref = args.args
    fmt = output_format(args)
    dry = dry_run_strategy(args)
    cfg = configuration(args, settings, failed="" if args.install else "UPGRADE FAILED: ")
    if args.install:
        from chartist.action.uninstall import _valid_name

        if not _valid_name(name):
            raise CommandError(f"release name is invalid: {name}")
        try:
            history = cfg.releases.history(name)
        except ReleaseNotFound:
            history = []
        uninstalled = bool(history) and history[-1].info.status == Status.UNINSTALLED
        if not history or uninstalled:
            if fmt == "table":
                sys.stdout.write(f'Release "{name}" does not exist. Installing it now.\n')
            action = install_action(cfg, args, settings, server_side=args.server_side != "false", dry_run=dry)
            action.replace = uninstalled
            return run_install(action, name, chart_ref, args, settings, failed="")
    deprecated(args, "atomic", "rollback-on-failure", "atomic")
    deprecated(args, "force", "force-replace", "force")
    exclusive(args, ("force-replace", "force_replace"), ("force-conflicts", "force_conflicts"))
    exclusive(args, ("force", "force"), ("force-conflicts", "force_conflicts"))
    action = Upgrade(
        cfg,
        namespace=cfg.namespace,
        skip_crds=args.skip_crds,
        timeout=parse_timeout(args.timeout),
        wait=wait_strategy(args),
        wait_for_jobs=args.wait_for_jobs,
        disable_hooks=args.no_hooks,
        dry_run=dry,
        hide_secret=args.hide_secret,
        force_replace=args.force_replace or args.force,
        force_conflicts=args.force_conflicts,
        server_side=args.server_side,
        reset_values=args.reset_values,
        reuse_values=args.reuse_values,
        reset_then_reuse_values=args.reset_then_reuse_values,
        max_history=settings.max_history if args.history_max is None else args.history_max,
        rollback_on_failure=args.rollback_on_failure or args.atomic,
        cleanup_on_fail=args.cleanup_on_fail,
        sub_notes=args.render_subchart_notes,
        skip_schema_validation=args.skip_schema_validation,
        description=args.description,
        labels=parse_labels(args.labels),
        enable_dns=args.enable_dns,
        take_ownership=args.take_ownership,
        post_renderer=post_renderer(args, settings),
    )
    values = value_options(args).merge_values()
    chart = load_chart(chart_ref, args, installable=False)
    try:
        rel = action.run(name, chart, values)
    except OperationCancelled as err:
        sys.stdout.write(f"Release {name} has been cancelled.\n")
        raise CommandError(f"UPGRADE FAILED: {err}") from err
    except ChartistError as err:
        raise CommandError(f"UPGRADE FAILED: {err}") from err
    finally:
        cfg.progress.finish()
    if fmt == "table":
        sys.stdout.write(f'Release "{name}" has been upgraded. Happy Helming!\n')
    write_release(sys.stdout, rel, fmt, debug=settings.debug, hide_notes=args.hide_notes,
                  no_color=no_color(settings, sys.stdout))  # fmt: skip
    return 0

"""``chartist install [NAME] [CHART]``: install a chart (Helm's ``helm install``).

Prints the release as Helm's status printer does; failures print ``Error: INSTALLATION
FAILED: ...`` and exit 1. Only local chart directories and archives are supported as CHART.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from chartist.cli.commands._release import (
    CommandError,
    add_dry_run_flag,
    add_output_flag,
    add_wait_flags,
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
from chartist.cli.environment import Settings
from chartist.cli.postrender_flags import add_post_renderer_flags, post_renderer
from chartist.cli.values_options import add_values_flags, value_options
from chartist.errors import ChartistError

__all__ = ["add_arguments", "add_install_flags", "run"]


def add_install_flags(p: argparse.ArgumentParser, *, upgrade: bool = False) -> None:
    """The flags install and upgrade share (Helm's addInstallFlags subset), values included."""
    add_values_flags(p)
    p.add_argument(
        "--create-namespace", action="store_true", help="create the release namespace if not present"
    )
    p.add_argument("--force-replace", action="store_true", help="force resource updates by replacement")
    p.add_argument("--force", action="store_true", help=argparse.SUPPRESS)
    p.add_argument("--force-conflicts", action="store_true",
                   help="if set server-side apply will force changes against conflicts")  # fmt: skip
    p.add_argument("--no-hooks", action="store_true", help="prevent hooks from running")
    add_wait_flags(p)
    p.add_argument("--description", default="", help="add a custom description")
    p.add_argument("--devel", action="store_true", help="use development versions, too")
    p.add_argument("--dependency-update", action="store_true", help="update dependencies if they are missing")
    p.add_argument("--disable-openapi-validation", action="store_true",
                   help="accepted for compatibility; chartist does not validate against the OpenAPI schema")  # fmt: skip
    p.add_argument("--rollback-on-failure", action="store_true",
                   help="if set, Helm will rollback (uninstall) the release upon failure")  # fmt: skip
    p.add_argument("--atomic", action="store_true", help=argparse.SUPPRESS)
    p.add_argument("--skip-crds", action="store_true", help="if set, no CRDs will be installed")
    p.add_argument("--render-subchart-notes", action="store_true",
                   help="if set, render subchart notes along with the parent")  # fmt: skip
    p.add_argument(
        "--skip-schema-validation", action="store_true", help="if set, disables JSON schema validation"
    )
    p.add_argument(
        "-l", "--labels", action="append", default=[], help="labels added to release metadata (k=v,...)"
    )
    p.add_argument("--enable-dns", action="store_true", help="enable DNS lookups when rendering templates")
    p.add_argument("--hide-notes", action="store_true", help="if set, do not show notes in the output")
    p.add_argument("--take-ownership", action="store_true",
                   help="ignore the check for helm annotations and take ownership of the existing resources")  # fmt: skip
    p.add_argument(
        "--hide-secret", action="store_true", help="hide Kubernetes Secrets when also using --dry-run"
    )
    add_post_renderer_flags(p)
    p.add_argument("--version", default="", help="specify a version constraint for the chart version to use")
    p.add_argument("--repo", default="", help="chart repository url where to locate the requested chart")
    add_dry_run_flag(p)
    add_output_flag(p)


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("args", nargs="*", metavar="[NAME] CHART")
    add_install_flags(p)
    p.add_argument(
        "-g", "--generate-name", action="store_true", help="generate the name (and omit the NAME parameter)"
    )
    p.add_argument("--name-template", default="", help="specify template used to name the release")
    p.add_argument("--replace", action="store_true",
                   help="reuse the given name, only if that name is a deleted release which remains in the history")  # fmt: skip
    p.add_argument("--server-side", dest="server_side", action="store_const", const="true", default="true",
                   help="object updates run in the server instead of the client (default true)")  # fmt: skip
    for value in ("true", "false"):
        p.add_argument(f"--server-side={value}", dest="server_side", action="store_const", const=value,
                       help=argparse.SUPPRESS)  # fmt: skip


def load_chart(ref: str, args: argparse.Namespace, *, installable: bool = True) -> Any:
    """Load a local chart and check it can be installed (type, dependencies present)."""
    from chartist.action import rendering

    if args.repo or args.version or args.devel:
        raise CommandError(
            "chart repositories and versions are not supported yet: give a chart directory or archive"
        )
    chart = rendering.load_chart(ref)
    if installable:
        rendering.check_installable(chart)
    if chart.metadata.deprecated:
        sys.stderr.write("this chart is deprecated\n")
    rendering.check_dependencies(chart)
    return chart


def install_action(
    cfg: Any, args: argparse.Namespace, settings: Settings, *, server_side: bool, dry_run: str
) -> Any:
    """An Install action from the flags (used by ``upgrade --install`` too)."""
    from chartist.action.install import Install

    deprecated(args, "atomic", "rollback-on-failure", "atomic")
    deprecated(args, "force", "force-replace", "force")
    exclusive(args, ("force-replace", "force_replace"), ("force-conflicts", "force_conflicts"))
    exclusive(args, ("force", "force"), ("force-conflicts", "force_conflicts"))
    return Install(
        cfg,
        namespace=cfg.namespace,
        dry_run=dry_run,
        hide_secret=args.hide_secret,
        disable_hooks=args.no_hooks,
        create_namespace=args.create_namespace,
        wait=wait_strategy(args),
        wait_for_jobs=args.wait_for_jobs,
        timeout=parse_timeout(args.timeout),
        rollback_on_failure=args.rollback_on_failure or args.atomic,
        skip_crds=args.skip_crds,
        sub_notes=args.render_subchart_notes,
        skip_schema_validation=args.skip_schema_validation,
        description=args.description,
        labels=parse_labels(args.labels),
        enable_dns=args.enable_dns,
        take_ownership=args.take_ownership,
        server_side=server_side,
        force_conflicts=args.force_conflicts,
        force_replace=args.force_replace or args.force,
        post_renderer=post_renderer(args, settings),
    )


def run_install(
    action: Any, name: str, chart_ref: str, args: argparse.Namespace, settings: Settings, *, failed: str
) -> int:
    """Load the chart and values, run ACTION, print the release; errors are prefixed with FAILED."""
    from chartist.action.configuration import OperationCancelled

    values = value_options(args).merge_values()
    try:
        chart = load_chart(chart_ref, args)
        action.release_name = name
        rel = action.run(chart, values)
    except OperationCancelled as err:
        sys.stdout.write(f"Release {name} has been cancelled.\n")
        raise CommandError(f"{failed}: {err}" if failed else str(err)) from err
    except ChartistError as err:
        if not failed:
            raise
        raise CommandError(f"{failed}: {err}") from err
    finally:
        progress = getattr(action.cfg, "progress", None)
        if progress is not None and hasattr(progress, "finish"):
            progress.finish()
    fmt = output_format(args)
    write_release(
        sys.stdout,
        rel,
        fmt,
        debug=settings.debug,
        hide_notes=args.hide_notes,
        no_color=no_color(settings, sys.stdout),
    )
    return 0


def run(args: argparse.Namespace, settings: Settings) -> int:
    from chartist.action.template import TemplateError, name_and_chart

    output_format(args)
    try:
        name, chart_ref = name_and_chart(
            args.args, generate_name=args.generate_name, name_template=args.name_template
        )
    except TemplateError as err:
        if not args.args:
            raise CommandError('"chartist install" requires at least 1 argument') from err
        raise CommandError(f"INSTALLATION FAILED: {err}") from err
    dry = dry_run_strategy(args)
    cfg = configuration(
        args, settings, need_cluster=dry != "client",
        failed="INSTALLATION FAILED: cluster reachability check failed: ",
    )  # fmt: skip
    action = install_action(cfg, args, settings, server_side=args.server_side == "true", dry_run=dry)
    action.replace = args.replace
    return run_install(action, name, chart_ref, args, settings, failed="INSTALLATION FAILED")

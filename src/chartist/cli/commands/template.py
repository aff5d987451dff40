"""``chartist template [NAME] [CHART]``: render a chart locally and print the manifests.

Follows Helm v4.2.3's ``pkg/cmd/template.go``: the steps run in Helm's order (kube version,
dry-run flag, name and chart, chart location, values, chart load and checks, render), and the
output is built as Helm builds it, including its quirks: a render failure gets "Use --debug
flag to render out invalid YAML" unless ``--debug`` is given, in which case whatever was
rendered is printed before the error; with ``--output-dir`` a lone newline follows the
"wrote" lines; ``--show-only`` picks documents from the printed stream.
"""

from __future__ import annotations

import argparse
import sys

from chartist.cli.environment import Settings
from chartist.cli.postrender_flags import add_post_renderer_flags, post_renderer
from chartist.cli.values_options import add_values_flags, value_options

USE_LINE = "chartist template [NAME] [CHART] [flags]"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("args", nargs="*", metavar="[NAME] CHART")
    add_values_flags(p)
    p.add_argument(
        "-g", "--generate-name", action="store_true", help="generate the name (and omit the NAME parameter)"
    )
    p.add_argument("--name-template", default="", help="specify template used to name the release")
    p.add_argument("--include-crds", action="store_true", help="include CRDs in the templated output")
    p.add_argument("--skip-crds", action="store_true", help="if set, no CRDs will be installed")
    p.add_argument("--no-hooks", action="store_true", help="prevent hooks from running during install")
    p.add_argument("--skip-tests", action="store_true", help="skip tests from templated output")
    p.add_argument(
        "-s",
        "--show-only",
        action="append",
        default=[],
        help="only show manifests rendered from the given templates",
    )
    p.add_argument(
        "--output-dir",
        default="",
        help="writes the executed templates to files in output-dir instead of stdout",
    )
    p.add_argument("--release-name", action="store_true", help="use release name in the output-dir path")
    p.add_argument("--kube-version", default="", help="Kubernetes version used for Capabilities.KubeVersion")
    p.add_argument(
        "-a",
        "--api-versions",
        action="append",
        default=[],
        help="Kubernetes api versions used for Capabilities.APIVersions",
    )
    p.add_argument(
        "--is-upgrade", action="store_true", help="set .Release.IsUpgrade instead of .Release.IsInstall"
    )
    p.add_argument(
        "--render-subchart-notes",
        action="store_true",
        help="if set, render subchart notes along with the parent",
    )
    p.add_argument(
        "--skip-schema-validation", action="store_true", help="if set, disables JSON schema validation"
    )
    p.add_argument("--enable-dns", action="store_true", help="enable DNS lookups when rendering templates")
    p.add_argument("--hide-secret", action="store_true", help="hide Kubernetes Secrets in the output")
    add_post_renderer_flags(p)
    p.add_argument("--dependency-update", action="store_true", help="update dependencies if they are missing")
    p.add_argument("--devel", action="store_true", help="use development versions, too")
    p.add_argument("--version", default="", help="specify a version constraint for the chart version to use")
    p.add_argument("--description", default="", help="add a custom description")
    p.add_argument("--dry-run", nargs="?", const="unset", default="client", help="client or server")
    p.add_argument("--validate", action="store_true", help="deprecated")
    p.add_argument(
        "--create-namespace", action="store_true", help="create the release namespace if not present"
    )
    p.add_argument(
        "--labels", action="append", default=[], help="labels that would be added to release metadata"
    )
    p.add_argument("--replace", action="store_true", help="reuse the given name (ignored by template)")
    p.add_argument("--disable-openapi-validation", action="store_true")
    p.add_argument("--wait", nargs="?", const="watcher", default=None)
    p.add_argument("--wait-for-jobs", action="store_true")
    p.add_argument("--timeout", default="5m0s")
    p.add_argument("--atomic", "--rollback-on-failure", dest="rollback_on_failure", action="store_true")
    p.add_argument("--repo", default="")
    p.add_argument("--username", default="")
    p.add_argument("--password", default="")


class CommandError(Exception):
    """Ends the command with ``Error: MESSAGE`` (kept apart from chartist's own errors)."""


def run(args: argparse.Namespace, settings: Settings) -> int:
    """Run ``template``; errors are printed as Helm prints them (``Error: ...``, exit 1)."""
    from chartist.errors import ChartistError

    try:
        _run(args, settings)
        sys.stdout.flush()
    except (ChartistError, CommandError) as err:
        sys.stdout.flush()
        sys.stderr.write(f"Error: {err}\n")
        return 1
    except BrokenPipeError:
        # The reader went away (``| head``): end quietly, as Go's SIGPIPE would.
        import os

        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    return 0


def _dry_run(value: str) -> None:
    """Helm's cmdGetDryRunFlagStrategy for ``template`` (always a dry run)."""
    if value in ("client", "unset"):
        return
    if value == "server":
        raise CommandError("--dry-run=server is not supported by chartist template yet")
    if value == "none":
        raise CommandError(f'invalid dry-run value ("{value}"). Must be "server" or "client"')
    b = _parse_bool(value)
    if b is None:
        raise CommandError(f'invalid dry-run value ("{value}"). Must be "none", "server", or "client"')
    if not b:
        raise CommandError(f'invalid dry-run value ("{value}"). Must be "server" or "client"')


def _parse_bool(v: str) -> bool | None:
    """Go's strconv.ParseBool."""
    if v in ("1", "t", "T", "TRUE", "true", "True"):
        return True
    if v in ("0", "f", "F", "FALSE", "false", "False"):
        return False
    return None


def _run(args: argparse.Namespace, settings: Settings) -> None:
    post = post_renderer(args, settings)  # resolved with the flags, as Helm does
    from chartist.action import rendering
    from chartist.action.template import (
        DEFAULT_RELEASE_NAME,
        RenderedRelease,
        RenderFailed,
        Template,
        locate_chart,
        name_and_chart,
        show_only,
        template_output,
        write_hooks,
    )

    if not args.args:
        raise CommandError(f'"chartist template" requires at least 1 argument\n\nUsage:  {USE_LINE}')
    kube_version = None
    if args.kube_version:
        from chartist.engine.capabilities import CapabilitiesError, parse_kube_version

        try:
            parse_kube_version(args.kube_version)
        except CapabilitiesError as err:
            raise CommandError(f"invalid kube version '{args.kube_version}': {err}") from err
        kube_version = args.kube_version
    if args.validate:
        raise CommandError("--validate (a server-side dry run) is not supported by chartist template yet")
    _dry_run(args.dry_run)
    name, chart_ref = name_and_chart(
        args.args,
        generate_name=args.generate_name,
        name_template=args.name_template,
        default_name=DEFAULT_RELEASE_NAME,
    )
    if args.repo or args.version or args.devel:
        raise CommandError(
            "chart repositories and versions are not supported yet: give a chart directory or archive"
        )
    path = locate_chart(chart_ref)
    values = value_options(args).merge_values()
    chart = rendering.load_chart(path)
    rendering.check_installable(chart)  # before the deprecation warning, as in Helm's runInstall
    if chart.metadata.deprecated:
        sys.stderr.write('level=WARN msg="this chart is deprecated"\n')  # Helm's slog line
    action = Template(
        release_name=name,
        namespace=settings.effective_namespace(),
        kube_version=kube_version,
        api_versions=[a for s in args.api_versions if s for a in s.split(",")],  # pflag's string slice
        is_upgrade=args.is_upgrade,
        include_crds=args.include_crds,
        skip_crds=args.skip_crds,
        disable_hooks=args.no_hooks,
        skip_tests=args.skip_tests,
        sub_notes=args.render_subchart_notes,
        skip_schema_validation=args.skip_schema_validation,
        enable_dns=args.enable_dns,
        hide_secret=args.hide_secret,
        output_dir=args.output_dir,
        use_release_name=args.release_name,
        post_renderer=post,
        labels=_labels(args.labels),
    )
    rel: RenderedRelease | None
    failure: RenderFailed | None = None
    try:
        rel = action.run(chart, values)
    except RenderFailed as err:
        if not settings.debug:
            raise CommandError(f"{err}\n\nUse --debug flag to render out invalid YAML") from err
        rel, failure = err.release, err
    for path in rel.written:
        print(f"wrote {path}")
    if args.output_dir:
        out = rel.manifest.strip() + "\n"
        if not args.no_hooks:
            for path in write_hooks(
                rel, args.output_dir, use_release_name=args.release_name, skip_tests=args.skip_tests
            ):
                print(f"wrote {path}")
    else:
        out = template_output(rel, disable_hooks=args.no_hooks, skip_tests=args.skip_tests)
    if args.show_only:
        out = show_only(out, args.show_only)
    sys.stdout.write(out)
    if failure is not None:
        raise failure


def _labels(flags: list[str]) -> dict[str, str]:
    """``--labels k=v,k2=v2`` (a string-to-string map flag, repeatable)."""
    out: dict[str, str] = {}
    for flag in flags:
        for pair in flag.split(","):
            if not pair:
                continue
            k, eq, v = pair.partition("=")
            if not eq:
                raise CommandError(
                    f'invalid argument "{flag}" for "--labels" flag: {pair} must be formatted as key=value'
                )
            out[k] = v
    return out

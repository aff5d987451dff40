"""``chartist lint PATH...``: examine charts for possible issues (Helm's ``pkg/cmd/lint.go``).

Prints ``==> Linting PATH``, the findings (``[ERROR] path: text``), a blank line per chart and
the summary ``N chart(s) linted, M chart(s) failed``; when a chart failed the summary is the
error (``Error: ...`` on stderr, exit 1). ``--quiet`` shows only warnings and errors, and
charts without any.
"""

from __future__ import annotations

import argparse
import sys

from chartist.cli.environment import Settings
from chartist.cli.values_options import add_values_flags, value_options

USE_LINE = "chartist lint PATH [flags]"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="*", metavar="PATH")
    p.add_argument("--strict", action="store_true", help="fail on lint warnings")
    p.add_argument("--with-subcharts", action="store_true", help="lint dependent charts")
    p.add_argument("--quiet", action="store_true", help="print only warnings and errors")
    p.add_argument(
        "--skip-schema-validation", action="store_true", help="if set, disables JSON schema validation"
    )
    p.add_argument(
        "--kube-version", default="", help="Kubernetes version used for capabilities and deprecation checks"
    )
    add_values_flags(p)


def run(args: argparse.Namespace, settings: Settings) -> int:
    """Run ``lint``; exit 1 when a chart failed or the flags are wrong."""
    from chartist.action.lint import Lint, has_warnings_or_errors, subchart_paths
    from chartist.chart.lint import INFO
    from chartist.errors import ChartistError

    paths: list[str] = list(args.paths)
    if not paths:
        return _fail(f'"chartist lint" requires at least 1 argument\n\nUsage:  {USE_LINE}')
    kube_version = None
    if args.kube_version:
        from chartist.engine.capabilities import CapabilitiesError, parse_kube_version

        try:
            parse_kube_version(args.kube_version)
        except CapabilitiesError as err:
            return _fail(f"invalid kube version '{args.kube_version}': {err}")
        kube_version = args.kube_version
    if args.with_subcharts:
        for p in list(paths):
            paths.extend(subchart_paths(p))
    client = Lint(
        strict=args.strict,
        namespace=settings.effective_namespace(),
        with_subcharts=args.with_subcharts,
        quiet=args.quiet,
        skip_schema_validation=args.skip_schema_validation,
        kube_version=kube_version,
    )
    try:
        values = value_options(args).merge_values()
    except ChartistError as err:
        return _fail(str(err))
    out: list[str] = []
    failed = 0
    with_findings = 0
    for path in paths:
        result = client.run([path], values)
        noisy = has_warnings_or_errors(result)
        if noisy:
            with_findings += 1
        if client.quiet and not noisy:
            continue
        out.append(f"==> Linting {path}\n")
        if not result.messages:
            out.extend(f"Error {err}\n" for err in result.errors)
        for msg in result.messages:
            if not client.quiet or msg.severity > INFO:
                out.append(f"{msg}\n")
        if result.errors:
            failed += 1
        out.append("\n")
    sys.stdout.write("".join(out))
    summary = f"{len(paths)} chart(s) linted, {failed} chart(s) failed"
    if failed:
        sys.stdout.flush()
        return _fail(summary)
    if not client.quiet or with_findings:
        sys.stdout.write(summary + "\n")
    return 0


def _fail(message: str) -> int:
    sys.stdout.flush()
    sys.stderr.write(f"Error: {message}\n")
    return 1

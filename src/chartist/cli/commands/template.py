"""``chartist template [NAME] [CHART]``: render a chart locally and print the manifests."""

from __future__ import annotations

import argparse
import sys

from chartist.cli.environment import Settings
from chartist.cli.values_options import add_values_flags, value_options


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("args", nargs="*", metavar="[NAME] CHART")
    add_values_flags(p)
    p.add_argument("-g", "--generate-name", action="store_true", help="generate the name (and omit the NAME parameter)")
    p.add_argument("--name-template", default="", help="specify template used to name the release")
    p.add_argument("--include-crds", action="store_true", help="include CRDs in the templated output")
    p.add_argument("--skip-crds", action="store_true", help="if set, no CRDs will be installed")
    p.add_argument("--no-hooks", action="store_true", help="prevent hooks from running during install")
    p.add_argument("--skip-tests", action="store_true", help="skip tests from templated output")
    p.add_argument("-s", "--show-only", action="append", default=[], help="only show manifests rendered from the given templates")
    p.add_argument("--output-dir", default="", help="writes the executed templates to files in output-dir instead of stdout")
    p.add_argument("--release-name", action="store_true", help="use release name in the output-dir path")
    p.add_argument("--kube-version", default="", help="Kubernetes version used for Capabilities.KubeVersion")
    p.add_argument("-a", "--api-versions", action="append", default=[], help="Kubernetes api versions used for Capabilities.APIVersions")
    p.add_argument("--is-upgrade", action="store_true", help="set .Release.IsUpgrade instead of .Release.IsInstall")
    p.add_argument("--render-subchart-notes", action="store_true", help="if set, render subchart notes along with the parent")
    p.add_argument("--skip-schema-validation", action="store_true", help="if set, disables JSON schema validation")
    p.add_argument("--enable-dns", action="store_true", help="enable DNS lookups when rendering templates")
    p.add_argument("--hide-secret", action="store_true", help="hide Kubernetes Secrets in the output")
    p.add_argument("--post-renderer", default="", help="the name of a postrenderer plugin, or a path to an executable")
    p.add_argument("--post-renderer-args", action="append", default=[], help="an argument to the post-renderer")
    p.add_argument("--dependency-update", action="store_true", help="update dependencies if they are missing")
    p.add_argument("--devel", action="store_true", help="use development versions, too")
    p.add_argument("--version", default="", help="specify a version constraint for the chart version to use")
    p.add_argument("--description", default="", help="add a custom description")
    p.add_argument("--dry-run", nargs="?", const="client", default="client", help="client or server")
    p.add_argument("--validate", action="store_true", help="deprecated")
    p.add_argument("--create-namespace", action="store_true", help="create the release namespace if not present")
    p.add_argument("--labels", default="", help="labels that would be added to release metadata")
    p.add_argument("--replace", action="store_true", help="reuse the given name (ignored by template)")
    p.add_argument("--disable-openapi-validation", action="store_true")
    p.add_argument("--wait", nargs="?", const="watcher", default=None)
    p.add_argument("--wait-for-jobs", action="store_true")
    p.add_argument("--timeout", default="5m0s")
    p.add_argument("--atomic", "--rollback-on-failure", dest="rollback_on_failure", action="store_true")
    p.add_argument("--repo", default="")
    p.add_argument("--username", default="")
    p.add_argument("--password", default="")


def run(args: argparse.Namespace, settings: Settings) -> int:
    from chartist.action import rendering
    from chartist.action.template import (
        RenderFailed,
        Template,
        name_and_chart,
        show_only,
        template_output,
        write_output_dir,
    )
    from chartist.action.template import TemplateError as ActionError

    name, chart_ref = name_and_chart(
        args.args,
        generate_name=args.generate_name,
        name_template=args.name_template,
        default_name="" if (args.generate_name or args.name_template) else "release-name",
    )
    if args.kube_version:
        from chartist.engine.capabilities import CapabilitiesError, parse_kube_version

        try:
            parse_kube_version(args.kube_version)
        except CapabilitiesError as err:
            raise ActionError(f"invalid kube version '{args.kube_version}': {err}") from err
    api_versions = [a for s in args.api_versions for a in s.split(",") if a]
    post = None
    if args.post_renderer:
        from chartist.action.postrender import PostRenderer

        post = PostRenderer.find(args.post_renderer, args.post_renderer_args, settings.plugins_directory)
    values = value_options(args).merge_values()
    chart = rendering.load_chart(chart_ref)
    action = Template(
        release_name=name,
        namespace=settings.effective_namespace(),
        kube_version=args.kube_version or None,
        api_versions=api_versions,
        is_upgrade=args.is_upgrade,
        include_crds=args.include_crds,
        skip_crds=args.skip_crds,
        disable_hooks=args.no_hooks,
        skip_tests=args.skip_tests,
        sub_notes=args.render_subchart_notes,
        skip_schema_validation=args.skip_schema_validation,
        enable_dns=args.enable_dns,
        hide_secret=args.hide_secret,
        post_renderer=post,
    )
    try:
        rel = action.run(chart, values)
    except RenderFailed as err:
        if settings.debug:
            sys.stdout.write(err.manifest)
            raise
        raise ActionError(f"{err}\n\nUse --debug flag to render out invalid YAML") from err
    if args.output_dir:
        for path in write_output_dir(
            rel,
            args.output_dir,
            use_release_name=args.release_name,
            disable_hooks=args.no_hooks,
            skip_tests=args.skip_tests,
            include_crds=args.include_crds,
        ):
            print(f"wrote {path}")
        return 0
    out = template_output(rel, disable_hooks=args.no_hooks, skip_tests=args.skip_tests)
    if args.show_only:
        out = show_only(out, args.show_only)
    sys.stdout.write(out)
    return 0

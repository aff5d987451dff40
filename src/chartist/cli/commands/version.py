"""``chartist version``: the Helm version chartist is compatible with, and its own."""

from __future__ import annotations

import argparse

from chartist.cli.environment import Settings


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--short", action="store_true", help="print the version number")
    p.add_argument("--template", help="template for version string format")


def run(args: argparse.Namespace, settings: Settings) -> int:
    from chartist.engine.capabilities import BuildInfo

    info = BuildInfo()
    if args.short:
        print(info.Version)
    elif args.template:
        from chartist.gotemplate.template import Template

        t = Template("version").parse(args.template)
        print(t.execute(info), end="")
    else:
        print(
            f'version.BuildInfo{{Version:"{info.Version}", GitCommit:"{info.GitCommit}", '
            f'GitTreeState:"{info.GitTreeState}", GoVersion:"{info.GoVersion}", '
            f'KubeClientVersion:"{info.KubeClientVersion}"}}'
        )
    return 0

"""``chartist get SUBCOMMAND RELEASE_NAME``: values, manifest, notes, hooks, metadata or all of a
stored release (Helm's ``helm get``).

The subcommands share one parser; a flag that the chosen subcommand does not have is refused
with cobra's message (``unknown flag: --template``).
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from chartist.cli.commands._read import (
    configuration,
    exact_args,
    int_flag,
    no_color,
    output_format,
)
from chartist.cli.commands._release import CommandError
from chartist.cli.environment import Settings

__all__ = ["SUBCOMMANDS", "add_arguments", "run"]

# subcommand -> (help, flags it accepts beyond --revision)
SUBCOMMANDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "all": ("download all information for a named release", ("template",)),
    "hooks": ("download all hooks for a named release", ()),
    "manifest": ("download the manifest for a named release", ()),
    "metadata": ("This command fetches metadata for a given release", ("output",)),
    "notes": ("download the notes for a named release", ()),
    "values": ("download the values file for a named release", ("all", "output")),
}

_HELP = """\
This command consists of multiple subcommands which can be used to
get extended information about the release, including:

- The values used to generate the release
- The generated manifest file
- The notes provided by the chart of the release
- The hooks associated with the release
- The metadata of the release

Usage:
  chartist get [command]

Available Commands:
""" + "".join(f"  {name:<9} {help_}\n" for name, (help_, _) in sorted(SUBCOMMANDS.items()))


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("words", nargs="*", metavar="SUBCOMMAND RELEASE_NAME")
    p.add_argument("--revision", help="get the named release with revision")
    p.add_argument(
        "--template", default=None, help="go template for formatting the output, eg: {{.Release.Name}}"
    )
    p.add_argument("-a", "--all", action="store_true", default=None, help="dump all (computed) values")
    p.add_argument("-o", "--output", default=None,
                   help="prints the output in the specified format. Allowed values: table, json, yaml")  # fmt: skip


def _check_flags(sub: str, given: dict[str, Any]) -> None:
    """cobra's refusal of a flag the subcommand does not define (named by its long form)."""
    allowed = SUBCOMMANDS[sub][1]
    for dest, value in given.items():
        if dest not in allowed and value is not None:
            raise CommandError(f"unknown flag: --{dest}")


def run(args: argparse.Namespace, settings: Settings) -> int:
    words = list(args.words)
    if not words:
        sys.stdout.write(_HELP)
        return 0
    sub, rest = words[0], words[1:]
    if sub not in SUBCOMMANDS:
        raise CommandError(f'unknown command "{sub}" for "chartist get"')
    _check_flags(sub, {"template": args.template, "output": args.output, "all": args.all})
    exact_args(rest, 1, f"get {sub}", f"get {sub} RELEASE_NAME")
    if args.output is None:
        args.output = "table"
    fmt = output_format(args)
    revision = int_flag(args.revision, "--revision")
    cfg = configuration(args, settings)
    name = rest[0]
    out = sys.stdout
    if sub == "values":
        return _values(cfg, name, revision, bool(args.all), fmt)
    if sub == "metadata":
        return _metadata(cfg, name, revision, fmt)
    from chartist.action.get import Get

    rel = Get(cfg, version=revision).run(name)
    if sub == "manifest":
        out.write(rel.manifest + "\n")
    elif sub == "notes":
        if rel.info.notes:
            out.write(f"NOTES:\n{rel.info.notes}\n")
    elif sub == "hooks":
        for h in rel.hooks:
            out.write(f"---\n# Source: {h.path}\n{h.manifest}\n")
    elif args.template:
        from chartist.cli.gorelease import execute_release_template

        out.write(execute_release_template(args.template, rel))
    else:
        from chartist.cli.output import write_status

        write_status(out, rel, "table", debug=True, show_metadata=True, no_color=no_color(settings))
    return 0


def _values(cfg: Any, name: str, revision: int, all_values: bool, fmt: str) -> int:
    from chartist.action.get import GetValues
    from chartist.cli.output import encode_json, encode_yaml

    vals = GetValues(cfg, version=revision, all_values=all_values).run(name)
    if fmt == "json":
        sys.stdout.write(encode_json(vals))
        return 0
    if fmt == "table":
        sys.stdout.write("COMPUTED VALUES:\n" if all_values else "USER-SUPPLIED VALUES:\n")
    sys.stdout.write(encode_yaml(vals))
    return 0


def _metadata(cfg: Any, name: str, revision: int, fmt: str) -> int:
    from chartist.action.get import GetMetadata
    from chartist.cli.output import json_text_to_yaml

    md = GetMetadata(cfg, version=revision).run(name)
    if fmt == "json":
        sys.stdout.write(md.to_json() + "\n")
        return 0
    if fmt == "yaml":
        sys.stdout.write(json_text_to_yaml(md.to_json()))
        return 0
    methods = {"": "client-side apply (defaulted)", "csa": "client-side apply", "ssa": "server-side apply"}
    if md.apply_method in methods:
        apply_method = methods[md.apply_method]
    else:
        from chartist.gotemplate.strconv import quote

        apply_method = f"unknown ({quote(md.apply_method)})"
    labels = ",".join(f"{k}={md.labels[k]}" for k in sorted(md.labels))
    annotations = ",".join(f"{k}={md.annotations[k]}" for k in sorted(md.annotations))
    sys.stdout.write(
        f"NAME: {md.name}\nCHART: {md.chart}\nVERSION: {md.version}\nAPP_VERSION: {md.app_version}\n"
        f"ANNOTATIONS: {annotations}\nLABELS: {labels}\nDEPENDENCIES: {md.formatted_dep_names()}\n"
        f"NAMESPACE: {md.namespace}\nREVISION: {md.revision}\nSTATUS: {md.status}\n"
        f"DEPLOYED_AT: {md.deployed_at}\nAPPLY_METHOD: {apply_method}\n"
    )
    return 0

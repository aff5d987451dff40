"""What the release commands (install, upgrade, rollback, uninstall) share on the command line.

* flags with Helm's optional values: ``--wait`` alone means ``watcher``, ``--dry-run`` alone
  means ``client``; argparse would take the next word as their value, so each accepted
  ``--wait=VALUE`` spelling is its own (hidden) flag and the bare flag takes no value;
* ``--timeout`` (Go durations), ``--labels`` (``k=v,k2=v2``), ``-o table|json|yaml``;
* :func:`configuration`: the cluster client and release storage from the global settings;
* :func:`write_release`: Helm's status printer (``NAME:``, ``LAST DEPLOYED:`` ... ``NOTES:``);
* :class:`ProgressPrinter`: what waiting shows on stderr — one refreshed line on a terminal,
  plain log lines otherwise.
"""

from __future__ import annotations

import argparse
import sys
import time
from typing import Any, TextIO

from chartist.cli.environment import Settings
from chartist.errors import ChartistError

__all__ = [
    "CommandError",
    "ProgressPrinter",
    "add_dry_run_flag",
    "add_output_flag",
    "add_wait_flags",
    "configuration",
    "dry_run_strategy",
    "parse_labels",
    "parse_timeout",
    "write_release",
]

WAIT_VALUES = ("watcher", "hookOnly", "legacy", "true", "false")
DRY_RUN_VALUES = ("none", "client", "server", "true", "false")


class CommandError(ChartistError):
    """A command-line mistake or an action failure, worded as Helm's command prints it."""


# -- flags ------------------------------------------------------------------------------------------
def _optional_value_flag(
    p: argparse.ArgumentParser, name: str, dest: str, bare: str, values: tuple[str, ...], help_: str
) -> None:
    p.add_argument(name, dest=dest, action="store_const", const=bare, help=help_)
    for v in values:
        p.add_argument(f"{name}={v}", dest=dest, action="store_const", const=v, help=argparse.SUPPRESS)


def add_wait_flags(
    p: argparse.ArgumentParser,
    *,
    timeout_help: str = "time to wait for any individual Kubernetes operation (like Jobs for hooks)",
) -> None:
    """--wait[=watcher|hookOnly|legacy], --wait-for-jobs, --timeout."""
    _optional_value_flag(
        p, "--wait", "wait", "watcher", WAIT_VALUES,
        "wait until resources are ready (up to --timeout). Use '--wait' alone for 'watcher' strategy, or specify "
        "one of: 'watcher', 'hookOnly', 'legacy'. Default when flag is omitted: 'hookOnly'.",
    )  # fmt: skip
    p.add_argument("--wait-for-jobs", action="store_true",
                   help="if set and --wait enabled, will wait until all Jobs have been completed")  # fmt: skip
    p.add_argument("--timeout", default="5m0s", help=timeout_help)


def wait_strategy(args: argparse.Namespace) -> str:
    value = args.wait or "hookOnly"
    if value == "true":
        sys.stderr.write(
            "--wait=true is deprecated (boolean value) and can be replaced with --wait=watcher\n"
        )
        return "watcher"
    if value == "false":
        sys.stderr.write(
            "--wait=false is deprecated (boolean value) and can be replaced with --wait=hookOnly\n"
        )
        return "hookOnly"
    return str(value)


def add_dry_run_flag(p: argparse.ArgumentParser) -> None:
    _optional_value_flag(
        p, "--dry-run", "dry_run", "unset", DRY_RUN_VALUES,
        'simulates the operation without persisting changes. Must be one of: "none" (default), "client", or "server".',
    )  # fmt: skip


def dry_run_strategy(args: argparse.Namespace) -> str:
    """Helm's cmdGetDryRunFlagStrategy (bare and boolean spellings are deprecated)."""
    value = args.dry_run or "none"
    if value == "unset":
        sys.stderr.write("--dry-run is deprecated and should be replaced with '--dry-run=client'\n")
        return "client"
    if value in ("true", "false"):
        result = "client" if value == "true" else "none"
        sys.stderr.write(
            f"boolean '--dry-run={value}' flag is deprecated and must be replaced with '--dry-run={result}'\n"
        )
        return result
    return str(value)


def add_output_flag(p: argparse.ArgumentParser) -> None:
    p.add_argument("-o", "--output", default="table",
                   help="prints the output in the specified format. Allowed values: table, json, yaml")  # fmt: skip


def output_format(args: argparse.Namespace) -> str:
    if args.output not in ("table", "json", "yaml"):
        raise CommandError(f'invalid argument "{args.output}" for "-o, --output" flag: invalid format type')
    return str(args.output)


def parse_timeout(text: str) -> float:
    """A Go duration (``5m0s``, ``300s``) in seconds; pflag's message when it is not one."""
    from chartist.sprig.goduration import DurationError, parse_duration

    try:
        return parse_duration(text) / 1e9
    except DurationError as err:
        raise CommandError(f'invalid argument "{text}" for "--timeout" flag: {err}') from err


def parse_labels(values: list[str], flag: str = "-l, --labels") -> dict[str, str]:
    """pflag's StringToString: ``k=v,k2=v2`` (repeatable, later wins)."""
    out: dict[str, str] = {}
    for value in values:
        if not value:
            continue
        for pair in value.split(","):
            key, sep, val = pair.partition("=")
            if not sep:
                raise CommandError(
                    f'invalid argument "{value}" for "{flag}" flag: {pair} must be formatted as key=value'
                )
            out[key] = val
    return out


def deprecated(args: argparse.Namespace, flag: str, replacement: str, dest: str) -> None:
    if getattr(args, dest, False):
        sys.stderr.write(f"Flag --{flag} has been deprecated, use --{replacement} instead\n")


def exclusive(args: argparse.Namespace, a: tuple[str, str], b: tuple[str, str]) -> None:
    """cobra's MarkFlagsMutuallyExclusive for two boolean flags (name, dest)."""
    if getattr(args, a[1], False) and getattr(args, b[1], False):
        names = sorted((a[0], b[0]))
        raise CommandError(
            f"if any flags in the group [{a[0]} {b[0]}] are set none of the others can be; [{' '.join(names)}] were all set"
        )


# -- configuration --------------------------------------------------------------------------------
def configuration(
    args: argparse.Namespace, settings: Settings, *, need_cluster: bool = True, failed: str = ""
) -> Any:
    """The action Configuration: a cluster client from the global flags, the HELM_DRIVER storage.

    Without NEED_CLUSTER (client-only dry runs) a missing kubeconfig is not an error; otherwise
    it is Helm's ``kubernetes cluster unreachable`` (after FAILED, the command's prefix).
    """
    from chartist.action.configuration import Configuration
    from chartist.kube import Client, KubeSettings
    from chartist.kube.errors import KubeConfigError

    ks = KubeSettings(
        kubeconfig=settings.kubeconfig or "",
        context=settings.kube_context or "",
        namespace=settings.namespace or "",
        api_server=settings.kube_apiserver or "",
        token=settings.kube_token or "",
        as_user=settings.kube_as_user or "",
        as_groups=tuple(settings.kube_as_groups),
        ca_file=settings.kube_ca_file or "",
        tls_server_name=settings.kube_tls_server_name or "",
        insecure_skip_tls_verify=settings.kube_insecure_skip_tls_verify,
        burst_limit=settings.burst_limit,
        qps=settings.qps,
    )
    try:
        kube: Any = Client.from_settings(ks, settings.env)
        namespace = kube.namespace
    except KubeConfigError as err:
        if need_cluster:
            raise CommandError(f"{failed}kubernetes cluster unreachable: {err}") from err
        kube, namespace = None, settings.effective_namespace()
    progress = ProgressPrinter(sys.stderr)
    driver = settings.driver if kube is not None else "memory"
    return Configuration.create(
        kube, driver=driver, namespace=namespace, progress=progress,
        sql_connection=settings.sql_connection,
    )  # fmt: skip


def no_color(settings: Settings, out: TextIO) -> bool:
    if settings.color == "never":
        return True
    if settings.color == "always":
        return False
    return not (hasattr(out, "isatty") and out.isatty())


# -- progress -------------------------------------------------------------------------------------
class ProgressPrinter:
    """Shows what waiting is waiting for: a refreshed line on a terminal, else log lines."""

    #: Seconds between two plain lines when nothing but time changed.
    QUIET = 10.0

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.tty = hasattr(out, "isatty") and out.isatty()
        self._last_line = ""
        self._last_time = 0.0
        self._open = False  # a terminal line is drawn and not ended

    def __call__(self, status: Any) -> None:
        pending = status.pending
        head = f"Waiting for {status.what}: {len(pending)} of {status.total} not ready"
        if not pending:
            line = f"Waiting for {status.what}: all {status.total} ready"
        else:
            line = f"{head}; {pending[0]}" + (f" (and {len(pending) - 1} more)" if len(pending) > 1 else "")
        if self.tty:
            width = 160
            self.out.write("\r\x1b[K" + line[:width])
            self._open = bool(pending)
            if not pending:
                self.out.write("\n")
            self.out.flush()
            return
        now = time.monotonic()
        if (
            line != self._last_line and (now - self._last_time >= 1.0 or not pending)
        ) or now - self._last_time >= self.QUIET:
            self.out.write(line + "\n")
            self.out.flush()
            self._last_line, self._last_time = line, now

    def finish(self) -> None:
        """End a terminal line left open (waiting stopped before everything was ready)."""
        if self._open:
            self.out.write("\n")
            self.out.flush()
            self._open = False


# -- the status printer ------------------------------------------------------------------------------
def _ansic(t: Any) -> str:
    """Go's time.ANSIC layout (``Mon Jan _2 15:04:05 2006``) in the time's own zone."""
    if t is None:
        return "Mon Jan  1 00:00:00 0001"
    d = t.to_datetime()
    return f"{d:%a %b} {d.day:>2} {d:%H:%M:%S} {d.year:04d}"


def _color(text: str, code: str, off: bool) -> str:
    return text if off else f"\x1b[{code}m{text}\x1b[0m"


def _status_color(status: str, off: bool) -> str:
    codes = {"deployed": "32", "failed": "31", "unknown": "31", "pending-install": "33",
             "pending-upgrade": "33", "pending-rollback": "33", "uninstalling": "33"}  # fmt: skip
    code = codes.get(status)
    return status if code is None else _color(status, code, off)


def _yaml(value: Any) -> str:
    from chartist.goyaml import dump

    return dump(value)


def write_release(
    out: TextIO, rel: Any, fmt: str, *, debug: bool = False, hide_notes: bool = False, no_color: bool = True
) -> None:
    """Helm's statusPrinter for install and upgrade: table, json or yaml."""
    from chartist.release.codec import release_to_json

    if fmt == "json":
        out.write(release_to_json(rel) + "\n")
        return
    if fmt == "yaml":
        from chartist.goyaml import load_json

        out.write(_yaml(load_json(release_to_json(rel))))
        return
    w = out.write
    w(f"NAME: {rel.name}\n")
    if rel.info.last_deployed is not None:
        w(f"LAST DEPLOYED: {_ansic(rel.info.last_deployed)}\n")
    w(f"NAMESPACE: {_color(rel.namespace, '36', no_color)}\n")
    w(f"STATUS: {_status_color(str(rel.info.status), no_color)}\n")
    w(f"REVISION: {rel.version}\n")
    w(f"DESCRIPTION: {rel.info.description}\n")
    tests = [h for h in rel.hooks if "test" in h.events]
    if not tests:
        w("TEST SUITE: None\n")
    for h in tests:
        if h.last_run.started_at is None:
            continue
        w(f"TEST SUITE:     {h.name}\nLast Started:   {_ansic(h.last_run.started_at)}\n"
          f"Last Completed: {_ansic(h.last_run.completed_at)}\nPhase:          {h.last_run.phase}\n")  # fmt: skip
    if debug:
        from chartist.chart.model import Chart, Metadata
        from chartist.chart.values import coalesce_values

        w("USER-SUPPLIED VALUES:\n" + _yaml(rel.config) + "\n")
        computed = coalesce_values(rel.chart if rel.chart is not None else Chart(Metadata()), rel.config)
        w("COMPUTED VALUES:\n" + _yaml(computed) + "\n")
    if rel.info.description.lower() == "dry run complete" or debug:
        w("HOOKS:\n")
        for h in rel.hooks:
            w(f"---\n# Source: {h.path}\n{h.manifest}\n")
        w(f"MANIFEST:\n{rel.manifest}\n")
    if not hide_notes and rel.info.notes:
        w(f"NOTES:\n{rel.info.notes.strip(_GO_SPACE)}\n")


_GO_SPACE = "\t\n\v\f\r \x85\xa0"

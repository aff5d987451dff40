"""``chartist env [NAME]``: the HELM_* environment in use (Helm's ``pkg/cmd/env.go``).

Prints every variable as ``KEY="value"`` in sorted order, or one value. Values come from
:class:`~chartist.cli.environment.Settings` (environment and global flags); the ``*_HOME``
directories follow helmpath (``$HELM_*_HOME``, else ``$XDG_*_HOME/helm``, else under ``$HOME``).
Unlike Helm, a bearer token given with ``--kube-token``/``HELM_KUBETOKEN`` is never printed:
its value shows as ``[redacted]``.
"""

from __future__ import annotations

import argparse
import struct
import sys

from chartist.cli.environment import Settings, helm_path

REDACTED = "[redacted]"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("args", nargs="*", metavar="NAME")


def _float32(v: float) -> float:
    value: float = struct.unpack("f", struct.pack("f", v))[0]
    return value


def env_vars(settings: Settings, argv0: str) -> dict[str, str]:
    """Helm's EnvSettings.EnvVars for SETTINGS (the token redacted)."""
    env = settings.env
    out = {
        "HELM_BIN": argv0,
        "HELM_CACHE_HOME": helm_path(env, "cache"),
        "HELM_CONFIG_HOME": helm_path(env, "config"),
        "HELM_DATA_HOME": helm_path(env, "data"),
        "HELM_DEBUG": "true" if settings.debug else "false",
        "HELM_PLUGINS": settings.plugins_directory,
        "HELM_REGISTRY_CONFIG": settings.registry_config,
        "HELM_REPOSITORY_CACHE": settings.repository_cache,
        "HELM_CONTENT_CACHE": settings.content_cache,
        "HELM_REPOSITORY_CONFIG": settings.repository_config,
        "HELM_NAMESPACE": settings.effective_namespace(),
        "HELM_MAX_HISTORY": str(settings.max_history),
        "HELM_BURST_LIMIT": str(settings.burst_limit),
        "HELM_QPS": f"{_float32(settings.qps):.2f}",
        "HELM_KUBECONTEXT": settings.kube_context or "",
        "HELM_KUBETOKEN": REDACTED if settings.kube_token else "",
        "HELM_KUBEASUSER": settings.kube_as_user or "",
        "HELM_KUBEASGROUPS": ",".join(settings.kube_as_groups),
        "HELM_KUBEAPISERVER": settings.kube_apiserver or "",
        "HELM_KUBECAFILE": settings.kube_ca_file or "",
        "HELM_KUBEINSECURE_SKIP_TLS_VERIFY": "true" if settings.kube_insecure_skip_tls_verify else "false",
        "HELM_KUBETLS_SERVER_NAME": settings.kube_tls_server_name or "",
    }
    kubeconfig = settings.kubeconfig or env.get("KUBECONFIG", "")
    if kubeconfig:
        out["KUBECONFIG"] = kubeconfig
    return out


def run(args: argparse.Namespace, settings: Settings) -> int:
    """Run ``env``."""
    if len(args.args) > 1:
        sys.stderr.write('Error: "chartist env" accepts at most 1 argument\n\nUsage:  chartist env [flags]\n')
        return 1
    values = env_vars(settings, sys.argv[0] if sys.argv and sys.argv[0] else "chartist")
    if args.args:
        sys.stdout.write(values.get(args.args[0], "") + "\n")
        return 0
    sys.stdout.write("".join(f'{k}="{values[k]}"\n' for k in sorted(values)))
    return 0

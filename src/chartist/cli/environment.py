"""Helm's settings: ``HELM_*`` environment variables overridden by the global flags.

This is the only place that reads the environment; everything below the CLI receives these
values as arguments.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Mapping
from dataclasses import dataclass, field

__all__ = ["Settings"]


def _home_path(env: Mapping[str, str], xdg: str, default: str, *parts: str) -> str:
    base = env.get(xdg) or os.path.join(env.get("HOME", os.path.expanduser("~")), default)
    return os.path.join(base, *parts)


def _bool(v: str | None) -> bool:
    return (v or "").strip().lower() in ("1", "t", "true", "yes", "y")


@dataclass
class Settings:
    """What Helm's EnvSettings holds, as chartist needs it."""

    debug: bool = False
    namespace: str | None = None
    kube_context: str | None = None
    kubeconfig: str | None = None
    kube_apiserver: str | None = None
    kube_token: str | None = None
    kube_as_user: str | None = None
    kube_as_groups: list[str] = field(default_factory=list)
    kube_ca_file: str | None = None
    kube_tls_server_name: str | None = None
    kube_insecure_skip_tls_verify: bool = False
    burst_limit: int = 100
    qps: float = 0.0
    registry_config: str = ""
    repository_config: str = ""
    repository_cache: str = ""
    content_cache: str = ""
    plugins_directory: str = ""
    max_history: int = 10
    driver: str = "secret"
    sql_connection: str = field(default="", repr=False)  # may hold a password
    color: str = "auto"
    env: Mapping[str, str] = field(default_factory=dict, repr=False)

    @classmethod
    def from_env(cls, env: Mapping[str, str], args: argparse.Namespace | None = None) -> Settings:
        """Settings from HELM_* variables, then the parsed global flags."""
        s = cls(
            debug=_bool(env.get("HELM_DEBUG")),
            namespace=env.get("HELM_NAMESPACE") or None,
            kube_context=env.get("HELM_KUBECONTEXT") or None,
            # KUBECONFIG stays in env: it may list several files, which kube.config merges.
            kubeconfig=None,
            kube_apiserver=env.get("HELM_KUBEAPISERVER") or None,
            kube_token=env.get("HELM_KUBETOKEN") or None,
            kube_as_user=env.get("HELM_KUBEASUSER") or None,
            kube_as_groups=[g for g in (env.get("HELM_KUBEASGROUPS") or "").split(",") if g],
            kube_ca_file=env.get("HELM_KUBECAFILE") or None,
            kube_tls_server_name=env.get("HELM_KUBETLS_SERVER_NAME") or None,
            kube_insecure_skip_tls_verify=_bool(env.get("HELM_KUBEINSECURE_SKIP_TLS_VERIFY")),
            registry_config=env.get("HELM_REGISTRY_CONFIG")
            or _home_path(env, "XDG_CONFIG_HOME", ".config", "helm", "registry", "config.json"),
            repository_config=env.get("HELM_REPOSITORY_CONFIG")
            or _home_path(env, "XDG_CONFIG_HOME", ".config", "helm", "repositories.yaml"),
            repository_cache=env.get("HELM_REPOSITORY_CACHE")
            or _home_path(env, "XDG_CACHE_HOME", ".cache", "helm", "repository"),
            content_cache=env.get("HELM_CONTENT_CACHE")
            or _home_path(env, "XDG_CACHE_HOME", ".cache", "helm", "content"),
            plugins_directory=env.get("HELM_PLUGINS")
            or _home_path(env, "XDG_DATA_HOME", ".local/share", "helm", "plugins"),
            driver=env.get("HELM_DRIVER") or "secret",
            sql_connection=env.get("HELM_DRIVER_SQL_CONNECTION_STRING", ""),
            color=env.get("HELM_COLOR") or ("never" if env.get("NO_COLOR") else "auto"),
            env=dict(env),
        )
        if env.get("HELM_BURST_LIMIT", "").strip().isdigit():
            s.burst_limit = int(env["HELM_BURST_LIMIT"])
        if env.get("HELM_MAX_HISTORY", "").strip().isdigit():
            s.max_history = int(env["HELM_MAX_HISTORY"])
        try:
            s.qps = float(env.get("HELM_QPS", "") or 0)
        except ValueError:
            s.qps = 0.0
        if args is not None:
            for name in (
                "namespace",
                "kube_context",
                "kubeconfig",
                "kube_apiserver",
                "kube_token",
                "kube_as_user",
                "kube_ca_file",
                "kube_tls_server_name",
                "registry_config",
                "repository_config",
                "repository_cache",
                "content_cache",
                "color",
                "burst_limit",
                "qps",
            ):
                v = getattr(args, name, None)
                if v is not None:
                    setattr(s, name, v)
            if getattr(args, "debug", None):
                s.debug = True
            if getattr(args, "kube_insecure_skip_tls_verify", None):
                s.kube_insecure_skip_tls_verify = True
            if getattr(args, "kube_as_group", None):
                s.kube_as_groups = list(args.kube_as_group)
        return s

    def effective_namespace(self) -> str:
        """Helm's settings.Namespace(): the flag or HELM_NAMESPACE, else the kubeconfig's
        current (or --kube-context) context namespace, else ``default``; a kubeconfig that
        cannot be read counts as none, as in Helm."""
        if self.namespace:
            return self.namespace
        from chartist.errors import ChartistError
        from chartist.kube.config import KubeSettings, kubeconfig_paths, merge_kubeconfigs

        try:
            paths = kubeconfig_paths(KubeSettings(kubeconfig=self.kubeconfig or ""), self.env)
            if not paths:
                return "default"
            merged = merge_kubeconfigs(paths)
        except (ChartistError, OSError):
            return "default"
        ctx = merged.contexts.get(self.kube_context or merged.current_context) or {}
        ns = ctx.get("namespace")
        return ns if isinstance(ns, str) and ns else "default"

"""Helm's settings: ``HELM_*`` environment variables overridden by the global flags.

This is the only place that reads the environment; everything below the CLI receives these
values as arguments.
"""

from __future__ import annotations

import argparse
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

__all__ = ["Settings", "helm_path"]


# helmpath: HELM_*_HOME wins, else $XDG_*_HOME/helm, else the XDG default under $HOME.
_HOMES = {
    "config": ("HELM_CONFIG_HOME", "XDG_CONFIG_HOME", ".config"),
    "cache": ("HELM_CACHE_HOME", "XDG_CACHE_HOME", ".cache"),
    "data": ("HELM_DATA_HOME", "XDG_DATA_HOME", os.path.join(".local", "share")),
}


def helm_path(env: Mapping[str, str], kind: str, *parts: str) -> str:
    """Helm's helmpath.ConfigPath / CachePath / DataPath (KIND is config, cache or data)."""
    helm_var, xdg_var, default = _HOMES[kind]
    base = env.get(helm_var, "")
    if base:
        return os.path.normpath(os.path.join(base, *parts))  # Go's filepath.Join cleans
    base = env.get(xdg_var, "") or os.path.join(env.get("HOME") or os.path.expanduser("~"), default)
    return os.path.normpath(os.path.join(base, "helm", *parts))


def _parse_bool(v: str) -> bool | None:
    """Go's strconv.ParseBool."""
    if v in ("1", "t", "T", "TRUE", "true", "True"):
        return True
    if v in ("0", "f", "F", "FALSE", "false", "False"):
        return False
    return None


def _env_bool(env: Mapping[str, str], name: str, default: bool) -> bool:
    v = _parse_bool(env[name]) if name in env else None
    return default if v is None else v


def _env_int(env: Mapping[str, str], name: str, default: int) -> int:
    v = env.get(name)
    if v is None or not re.fullmatch(r"[+-]?[0-9]+", v):  # Go's strconv.Atoi
        return default
    return int(v)


def _env_float(env: Mapping[str, str], name: str, default: float) -> float:
    v = env.get(name)
    if v is None:
        return default
    if v.strip() != v or "_" in v:  # Go's ParseFloat takes neither spaces nor bare underscores
        return default
    try:
        return float(v)
    except ValueError:
        return default


def _color_mode(env: Mapping[str, str]) -> str:
    if env.get("NO_COLOR"):
        return "never"
    v = env.get("HELM_COLOR")
    if v is not None and v.lower() in ("never", "auto", "always"):
        return v.lower()
    return "auto"


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
            debug=_parse_bool(env.get("HELM_DEBUG", "")) or False,
            namespace=env.get("HELM_NAMESPACE") or None,
            kube_context=env.get("HELM_KUBECONTEXT") or None,
            # KUBECONFIG stays in env: it may list several files, which kube.config merges.
            kubeconfig=None,
            kube_apiserver=env.get("HELM_KUBEAPISERVER") or None,
            kube_token=env.get("HELM_KUBETOKEN") or None,
            kube_as_user=env.get("HELM_KUBEASUSER") or None,
            kube_as_groups=(env.get("HELM_KUBEASGROUPS") or "").strip(", ").split(",")
            if (env.get("HELM_KUBEASGROUPS") or "").strip(", ")
            else [],
            kube_ca_file=env.get("HELM_KUBECAFILE") or None,
            kube_tls_server_name=env.get("HELM_KUBETLS_SERVER_NAME") or None,
            kube_insecure_skip_tls_verify=_env_bool(env, "HELM_KUBEINSECURE_SKIP_TLS_VERIFY", False),
            # envOr: a variable that is set wins, even when empty.
            registry_config=env.get(
                "HELM_REGISTRY_CONFIG", helm_path(env, "config", "registry", "config.json")
            ),
            repository_config=env.get(
                "HELM_REPOSITORY_CONFIG", helm_path(env, "config", "repositories.yaml")
            ),
            repository_cache=env.get("HELM_REPOSITORY_CACHE", helm_path(env, "cache", "repository")),
            content_cache=env.get("HELM_CONTENT_CACHE", helm_path(env, "cache", "content")),
            plugins_directory=env.get("HELM_PLUGINS", helm_path(env, "data", "plugins")),
            burst_limit=_env_int(env, "HELM_BURST_LIMIT", 100),
            max_history=_env_int(env, "HELM_MAX_HISTORY", 10),
            qps=_env_float(env, "HELM_QPS", 0.0),
            driver=env.get("HELM_DRIVER") or "secret",
            sql_connection=env.get("HELM_DRIVER_SQL_CONNECTION_STRING", ""),
            color=_color_mode(env),
            env=dict(env),
        )
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

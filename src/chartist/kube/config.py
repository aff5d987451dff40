"""Kubeconfig resolution as kubectl (client-go's loading rules) does it, plus Helm's global flags.

``load_config(settings, env)`` turns the CLI's plain :class:`KubeSettings` and an explicit
environment mapping into a :class:`RestConfig`: one server, its TLS material, one way to
authenticate, impersonation, the namespace, rate limits. Nothing here reads ``os.environ``; the
caller passes ``env`` (``KUBECONFIG``, ``HOME``, ``PATH`` for exec plugins,
``KUBERNETES_SERVICE_HOST``/``PORT`` for in-cluster use).

Which kubeconfig:
  1. ``settings.kubeconfig`` (``--kubeconfig``): that one file, which must exist;
  2. else ``KUBECONFIG``: every listed file that exists, merged — the first file to define a
     cluster, user or context name wins it, the first non-empty ``current-context`` wins;
  3. else ``~/.kube/config`` when it exists.
When the result names no server (and no ``--kube-apiserver``), the in-cluster service account is
used if the process runs in a pod; otherwise :class:`KubeConfigError`.

Relative file paths in a kubeconfig (``certificate-authority``, ``client-certificate``,
``client-key``, ``tokenFile``, an exec ``command`` containing a ``/``) are relative to the file
that holds them. Files are read here, once, so a bad path fails early with a clear message.

Hand-written because no maintained Python library resolves kubeconfigs the way client-go does
(lightkube reads ``KUBECONFIG`` as a single file and reads the process environment itself; the
official client and kr8s cost 150 ms or more to import, see ``client.py``).
"""

from __future__ import annotations

import base64
import binascii
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from chartist.kube.errors import KubeConfigError

#: Where a pod finds its service-account credentials.
SERVICE_ACCOUNT_DIR = "/var/run/secrets/kubernetes.io/serviceaccount"

#: client-go's QPS when the configured value is 0 (Helm's ``--qps`` default).
DEFAULT_QPS = 5.0
#: Helm's ``--burst-limit`` default.
DEFAULT_BURST = 100

_EXEC_API_VERSIONS = ("client.authentication.k8s.io/v1", "client.authentication.k8s.io/v1beta1")


@dataclass(frozen=True, slots=True)
class KubeSettings:
    """What the CLI's global flags (and the HELM_* variables it maps) say about the cluster.

    Empty strings and ``None`` mean "not given": the kubeconfig decides.
    """

    kubeconfig: str = ""  # --kubeconfig
    context: str = ""  # --kube-context
    namespace: str = ""  # -n / HELM_NAMESPACE
    api_server: str = ""  # --kube-apiserver
    token: str = ""  # --kube-token
    as_user: str = ""  # --kube-as-user
    as_groups: tuple[str, ...] = ()  # --kube-as-group (repeatable)
    ca_file: str = ""  # --kube-ca-file
    tls_server_name: str = ""  # --kube-tls-server-name
    insecure_skip_tls_verify: bool = False  # --kube-insecure-skip-tls-verify
    burst_limit: int = DEFAULT_BURST  # --burst-limit
    qps: float = 0.0  # --qps (0: client-go's default of 5; negative: no client-side limit)
    #: Directory of the discovery cache (kubectl: ~/.kube/cache/discovery); "" keeps it in memory.
    discovery_cache_dir: str = ""
    #: Seconds a non-watch request may take before it is retried or fails.
    request_timeout: float = 120.0
    #: Retries on throttling (429), server errors (5xx) and dropped connections.
    retries: int = 5
    #: First backoff delay in seconds; doubled per retry, capped at ``max_backoff``.
    backoff: float = 0.25
    max_backoff: float = 8.0
    #: Use HTTP/2 (needs the ``h2`` package); HTTP/1.1 keep-alive otherwise.
    http2: bool = False
    user_agent: str = "chartist"


@dataclass(frozen=True, slots=True)
class ExecConfig:
    """A ``users[].user.exec`` credential plugin."""

    command: str
    args: tuple[str, ...] = ()
    env: tuple[tuple[str, str], ...] = ()
    api_version: str = "client.authentication.k8s.io/v1"
    install_hint: str = ""
    provide_cluster_info: bool = False
    interactive_mode: str = "IfAvailable"


@dataclass(frozen=True, slots=True)
class RestConfig:
    """Everything needed to talk to one API server as one user."""

    server: str
    namespace: str = "default"
    context: str = ""
    ca_data: bytes = b""  # PEM; empty: the system's trust store
    insecure: bool = False
    tls_server_name: str = ""
    client_cert_data: bytes = b""  # PEM
    client_key_data: bytes = b""  # PEM
    token: str = ""
    token_file: str = ""
    username: str = ""
    password: str = ""
    exec: ExecConfig | None = None
    impersonate_user: str = ""
    impersonate_uid: str = ""
    impersonate_groups: tuple[str, ...] = ()
    impersonate_extra: tuple[tuple[str, tuple[str, ...]], ...] = ()
    proxy_url: str = ""
    qps: float = DEFAULT_QPS
    burst: int = DEFAULT_BURST
    request_timeout: float = 120.0
    retries: int = 5
    backoff: float = 0.25
    max_backoff: float = 8.0
    http2: bool = False
    user_agent: str = "chartist"
    discovery_cache_dir: str = ""
    #: The cluster's ``extensions`` entry ``client.authentication.k8s.io/exec`` (exec cluster info).
    exec_cluster_config: Any = None
    #: The environment an exec plugin inherits (never ``os.environ`` implicitly).
    env: Mapping[str, str] = field(default_factory=dict, compare=False, repr=False)


@dataclass(slots=True)
class _Merged:
    clusters: dict[str, tuple[dict[str, Any], str]] = field(default_factory=dict)
    users: dict[str, tuple[dict[str, Any], str]] = field(default_factory=dict)
    contexts: dict[str, dict[str, Any]] = field(default_factory=dict)
    current_context: str = ""
    files: list[str] = field(default_factory=list)


def kubeconfig_paths(settings: KubeSettings, env: Mapping[str, str]) -> list[str]:
    """The kubeconfig files to merge, in precedence order (see the module docstring).

    Raises KubeConfigError when ``--kubeconfig`` names a file that does not exist.
    """
    if settings.kubeconfig:
        if not os.path.isfile(settings.kubeconfig):
            raise KubeConfigError(f"stat {settings.kubeconfig}: no such file or directory")
        return [settings.kubeconfig]
    listed = env.get("KUBECONFIG", "")
    if listed:
        seen: list[str] = []
        for path in listed.split(os.pathsep):
            if path and path not in seen and os.path.isfile(path):
                seen.append(path)
        return seen
    home = env.get("HOME") or env.get("USERPROFILE") or ""
    if home:
        default = os.path.join(home, ".kube", "config")
        if os.path.isfile(default):
            return [default]
    return []


def _read_yaml(path: str) -> dict[str, Any]:
    import yaml  # only commands that reach a cluster pay for the YAML parser

    try:
        with open(path, encoding="utf-8") as f:
            data = yaml.load(f, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except OSError as err:
        raise KubeConfigError(f'error loading config file "{path}": {err.strerror}') from err
    except yaml.YAMLError as err:
        raise KubeConfigError(f'error loading config file "{path}": {err}') from err
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise KubeConfigError(f'error loading config file "{path}": not a kubeconfig (a mapping expected)')
    return data


def _named_entries(doc: dict[str, Any], key: str, inner: str, path: str) -> list[tuple[str, dict[str, Any]]]:
    items = doc.get(key) or []
    if not isinstance(items, list):
        raise KubeConfigError(f'error loading config file "{path}": {key} must be a list')
    out = []
    for item in items:
        if not isinstance(item, dict) or not isinstance(item.get("name"), str):
            raise KubeConfigError(f'error loading config file "{path}": every entry of {key} needs a name')
        value = item.get(inner) or {}
        if not isinstance(value, dict):
            raise KubeConfigError(
                f'error loading config file "{path}": {key} "{item["name"]}" is not a mapping'
            )
        out.append((item["name"], value))
    return out


def merge_kubeconfigs(paths: list[str]) -> _Merged:
    """Merge kubeconfig files: the first file to define a name or current-context wins."""
    merged = _Merged(files=list(paths))
    for path in paths:
        doc = _read_yaml(path)
        base = os.path.dirname(os.path.abspath(path))
        for name, value in _named_entries(doc, "clusters", "cluster", path):
            merged.clusters.setdefault(name, (value, base))
        for name, value in _named_entries(doc, "users", "user", path):
            merged.users.setdefault(name, (value, base))
        for name, value in _named_entries(doc, "contexts", "context", path):
            merged.contexts.setdefault(name, value)
        if not merged.current_context and isinstance(doc.get("current-context"), str):
            merged.current_context = doc["current-context"]
    return merged


def _resolve(path: str, base: str) -> str:
    return path if not path or os.path.isabs(path) else os.path.normpath(os.path.join(base, path))


def _read_file(path: str, what: str) -> bytes:
    try:
        with open(path, "rb") as f:
            return f.read()
    except OSError as err:
        raise KubeConfigError(f'unable to read {what} "{path}": {err.strerror}') from err


def _b64(value: Any, what: str) -> bytes:
    try:
        return base64.b64decode(str(value), validate=False)
    except (binascii.Error, ValueError) as err:
        raise KubeConfigError(f"{what} is not valid base64: {err}") from err


def _exec_config(raw: Any, base: str, user: str) -> ExecConfig:
    if not isinstance(raw, dict) or not raw.get("command"):
        raise KubeConfigError(f'exec plugin of user "{user}": command is required')
    api_version = str(raw.get("apiVersion") or "")
    if api_version not in _EXEC_API_VERSIONS:
        raise KubeConfigError(
            f'exec plugin of user "{user}": apiVersion "{api_version}" is not supported '
            f"(use {' or '.join(_EXEC_API_VERSIONS)})"
        )
    mode = str(raw.get("interactiveMode") or "")
    if not mode:
        if api_version.endswith("/v1"):
            raise KubeConfigError(
                f"interactiveMode must be specified for {api_version} to use exec authentication plugin"
            )
        mode = "IfAvailable"
    if mode not in ("Never", "IfAvailable", "Always"):
        raise KubeConfigError(f'exec plugin of user "{user}": invalid interactiveMode "{mode}"')
    command = str(raw["command"])
    if "/" in command or os.sep in command:
        command = _resolve(command, base)
    env_items = []
    for item in raw.get("env") or []:
        if not isinstance(item, dict) or "name" not in item:
            raise KubeConfigError(f'exec plugin of user "{user}": env entries need name and value')
        env_items.append((str(item["name"]), str(item.get("value", ""))))
    return ExecConfig(
        command=command,
        args=tuple(str(a) for a in raw.get("args") or ()),
        env=tuple(env_items),
        api_version=api_version,
        install_hint=str(raw.get("installHint") or ""),
        provide_cluster_info=bool(raw.get("provideClusterInfo")),
        interactive_mode=mode,
    )


def _normalize_server(server: str, tls: bool) -> str:
    # client-go accepts "host:port": the scheme is https when any TLS setting is present.
    if "://" not in server:
        server = ("https://" if tls else "http://") + server
    return server.rstrip("/")


def in_cluster_possible(env: Mapping[str, str], sa_dir: str = SERVICE_ACCOUNT_DIR) -> bool:
    """Whether this process runs in a pod with a mounted service-account token."""
    return bool(
        env.get("KUBERNETES_SERVICE_HOST")
        and env.get("KUBERNETES_SERVICE_PORT")
        and os.path.isfile(os.path.join(sa_dir, "token"))
    )


def _settings_fields(settings: KubeSettings) -> dict[str, Any]:
    qps = settings.qps if settings.qps != 0 else DEFAULT_QPS
    return {
        "qps": qps,
        "burst": settings.burst_limit if settings.burst_limit > 0 else DEFAULT_BURST,
        "request_timeout": settings.request_timeout,
        "retries": settings.retries,
        "backoff": settings.backoff,
        "max_backoff": settings.max_backoff,
        "http2": settings.http2,
        "user_agent": settings.user_agent,
        "discovery_cache_dir": settings.discovery_cache_dir,
    }


def _in_cluster(settings: KubeSettings, env: Mapping[str, str], sa_dir: str) -> RestConfig:
    host = env["KUBERNETES_SERVICE_HOST"]
    if ":" in host and not host.startswith("["):  # IPv6 literal
        host = f"[{host}]"
    server = settings.api_server or f"https://{host}:{env['KUBERNETES_SERVICE_PORT']}"
    ca = b""
    if settings.ca_file:
        ca = _read_file(settings.ca_file, "certificate-authority")
    elif not settings.insecure_skip_tls_verify and os.path.isfile(os.path.join(sa_dir, "ca.crt")):
        ca = _read_file(os.path.join(sa_dir, "ca.crt"), "certificate-authority")
    namespace = settings.namespace
    if not namespace:
        try:
            with open(os.path.join(sa_dir, "namespace"), encoding="utf-8") as f:
                namespace = f.read().strip()
        except OSError:
            namespace = ""
    return RestConfig(
        server=_normalize_server(server, True),
        namespace=namespace or "default",
        ca_data=ca,
        insecure=settings.insecure_skip_tls_verify,
        tls_server_name=settings.tls_server_name,
        token=settings.token,
        token_file="" if settings.token else os.path.join(sa_dir, "token"),
        impersonate_user=settings.as_user,
        impersonate_groups=tuple(settings.as_groups),
        env=dict(env),
        **_settings_fields(settings),
    )


def load_config(
    settings: KubeSettings, env: Mapping[str, str], *, service_account_dir: str = SERVICE_ACCOUNT_DIR
) -> RestConfig:
    """Resolve the connection the way kubectl does (see the module docstring).

    Raises KubeConfigError for a missing ``--kubeconfig`` file, unreadable or malformed
    kubeconfigs, an unknown context, a context without server, unreadable certificate files,
    more than one authentication method for a user, or unsupported auth-provider plugins.
    """
    merged = merge_kubeconfigs(kubeconfig_paths(settings, env))
    context_name = settings.context or merged.current_context
    if settings.context and settings.context not in merged.contexts:
        raise KubeConfigError(f'context "{settings.context}" does not exist')
    context = merged.contexts.get(context_name, {}) if context_name else {}
    cluster_name = str(context.get("cluster") or "")
    user_name = str(context.get("user") or "")
    cluster, cluster_base = merged.clusters.get(cluster_name, ({}, ""))
    user, user_base = merged.users.get(user_name, ({}, ""))

    server = settings.api_server or str(cluster.get("server") or "")
    if not server:
        if in_cluster_possible(env, service_account_dir):
            return _in_cluster(settings, env, service_account_dir)
        if context_name and context_name not in merged.contexts:
            raise KubeConfigError(f'context "{context_name}" does not exist')
        if cluster_name:
            raise KubeConfigError(f'no server found for cluster "{cluster_name}"')
        where = ", ".join(merged.files) if merged.files else "no kubeconfig file found"
        raise KubeConfigError(
            "no Kubernetes configuration: set --kubeconfig, KUBECONFIG or --kube-apiserver, "
            f"or create ~/.kube/config ({where})"
        )

    # TLS: an explicit CA file or insecure flag replaces the kubeconfig's CA, as in client-go.
    insecure = settings.insecure_skip_tls_verify or bool(cluster.get("insecure-skip-tls-verify"))
    ca = b""
    if settings.ca_file:
        ca = _read_file(settings.ca_file, "certificate-authority")
    elif not settings.insecure_skip_tls_verify:
        if cluster.get("certificate-authority-data"):
            ca = _b64(
                cluster["certificate-authority-data"],
                f'certificate-authority-data of cluster "{cluster_name}"',
            )
        elif cluster.get("certificate-authority"):
            path = _resolve(str(cluster["certificate-authority"]), cluster_base)
            ca = _read_file(path, f'certificate-authority of cluster "{cluster_name}"')
        if ca and insecure:
            raise KubeConfigError(
                f'cluster "{cluster_name}": specifying a root certificates file with the insecure flag is not allowed'
            )

    cert = key = b""
    if user.get("client-certificate-data"):
        cert = _b64(user["client-certificate-data"], f'client-certificate-data of user "{user_name}"')
    elif user.get("client-certificate"):
        path = _resolve(str(user["client-certificate"]), user_base)
        cert = _read_file(path, f'client-certificate of user "{user_name}"')
    if user.get("client-key-data"):
        key = _b64(user["client-key-data"], f'client-key-data of user "{user_name}"')
    elif user.get("client-key"):
        path = _resolve(str(user["client-key"]), user_base)
        key = _read_file(path, f'client-key of user "{user_name}"')
    if bool(cert) != bool(key):
        raise KubeConfigError(f'user "{user_name}": client certificate and client key must be given together')

    token = str(user.get("token") or "")
    token_file = _resolve(str(user.get("tokenFile") or ""), user_base)
    username = str(user.get("username") or "")
    password = str(user.get("password") or "")
    exec_cfg = _exec_config(user["exec"], user_base, user_name) if user.get("exec") else None
    if user.get("auth-provider"):
        provider = (user["auth-provider"] or {}).get("name", "")
        raise KubeConfigError(
            f'user "{user_name}": the auth-provider plugin "{provider}" is not supported; '
            "use an exec credential plugin (for example kubelogin or gke-gcloud-auth-plugin)"
        )
    if settings.token:  # --kube-token replaces whatever the kubeconfig's user authenticates with
        token, token_file, username, password, exec_cfg = settings.token, "", "", "", None
    methods = [
        name
        for name, present in (
            ("token", bool(token or token_file)),
            ("basicAuth", bool(username or password)),
            ("exec", exec_cfg is not None),
        )
        if present
    ]
    if len(methods) > 1:
        raise KubeConfigError(
            f'more than one authentication method found for user "{user_name}"; '
            f"found {', '.join(methods)}, only one is allowed"
        )

    extra_raw = user.get("as-user-extra") or {}
    extra = tuple(
        (str(k), tuple(str(x) for x in (v if isinstance(v, list) else [v])))
        for k, v in sorted(extra_raw.items())
    )
    exec_cluster = None
    for ext in cluster.get("extensions") or []:
        if isinstance(ext, dict) and ext.get("name") == "client.authentication.k8s.io/exec":
            exec_cluster = ext.get("extension")
    tls = bool(ca or insecure or cert)
    return RestConfig(
        server=_normalize_server(server, tls),
        namespace=settings.namespace or str(context.get("namespace") or "") or "default",
        context=context_name,
        ca_data=ca,
        insecure=insecure,
        tls_server_name=settings.tls_server_name or str(cluster.get("tls-server-name") or ""),
        client_cert_data=cert,
        client_key_data=key,
        token=token,
        token_file=token_file,
        username=username,
        password=password,
        exec=exec_cfg,
        impersonate_user=settings.as_user or str(user.get("as") or ""),
        impersonate_uid=str(user.get("as-uid") or ""),
        impersonate_groups=tuple(settings.as_groups) or tuple(str(g) for g in user.get("as-groups") or ()),
        impersonate_extra=extra,
        proxy_url=str(cluster.get("proxy-url") or ""),
        exec_cluster_config=exec_cluster,
        env=dict(env),
        **_settings_fields(settings),
    )

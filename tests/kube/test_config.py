"""Kubeconfig resolution as kubectl (client-go's loading rules and overrides) does it."""

from __future__ import annotations

import base64
import os
from pathlib import Path
from typing import Any

import pytest
import yaml

from chartist.kube import KubeConfigError, KubeSettings, load_config
from chartist.kube.config import DEFAULT_BURST, DEFAULT_QPS, kubeconfig_paths

CA = b"-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n"


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def kubeconfig(
    *,
    clusters: dict[str, dict[str, Any]] | None = None,
    users: dict[str, dict[str, Any]] | None = None,
    contexts: dict[str, dict[str, Any]] | None = None,
    current: str | None = None,
) -> dict[str, Any]:
    doc: dict[str, Any] = {"apiVersion": "v1", "kind": "Config"}
    doc["clusters"] = [{"name": n, "cluster": c} for n, c in (clusters or {}).items()]
    doc["users"] = [{"name": n, "user": u} for n, u in (users or {}).items()]
    doc["contexts"] = [{"name": n, "context": c} for n, c in (contexts or {}).items()]
    if current is not None:
        doc["current-context"] = current
    return doc


def simple(
    server: str = "https://a.example:6443",
    *,
    user: dict[str, Any] | None = None,
    ns: str = "",
    cluster: dict[str, Any] | None = None,
    name: str = "a",
) -> dict[str, Any]:
    ctx: dict[str, Any] = {"cluster": name, "user": name}
    if ns:
        ctx["namespace"] = ns
    return kubeconfig(
        clusters={name: {"server": server, **(cluster or {})}},
        users={name: user if user is not None else {"token": f"token-{name}"}},
        contexts={name: ctx},
        current=name,
    )


def write(path: Path, doc: Any) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(doc if isinstance(doc, str) else yaml.safe_dump(doc), encoding="utf-8")
    return str(path)


# -- which files ----------------------------------------------------------------------------


def test_explicit_kubeconfig_wins_over_env(tmp_path: Path) -> None:
    explicit = write(tmp_path / "explicit", simple("https://explicit:1"))
    env_file = write(tmp_path / "env", simple("https://env:1"))
    cfg = load_config(KubeSettings(kubeconfig=explicit), {"KUBECONFIG": env_file})
    assert cfg.server == "https://explicit:1"


def test_explicit_kubeconfig_missing(tmp_path: Path) -> None:
    missing = str(tmp_path / "nope")
    with pytest.raises(KubeConfigError, match=f"stat {missing}: no such file or directory"):
        load_config(KubeSettings(kubeconfig=missing), {})


def test_kubeconfig_env_merges_first_wins(tmp_path: Path) -> None:
    first = kubeconfig(
        clusters={"shared": {"server": "https://first:1"}},
        users={"u": {"token": "first"}},
        contexts={"one": {"cluster": "shared", "user": "u", "namespace": "ns-one"}},
        current="one",
    )
    second = kubeconfig(
        clusters={"shared": {"server": "https://second:1"}, "only2": {"server": "https://only2:1"}},
        users={"u": {"token": "second"}, "u2": {"token": "t2"}},
        contexts={"one": {"cluster": "only2", "user": "u2"}, "two": {"cluster": "only2", "user": "u2"}},
        current="two",
    )
    paths = [write(tmp_path / "1", first), str(tmp_path / "missing"), write(tmp_path / "2", second)]
    env = {"KUBECONFIG": os.pathsep.join(paths)}
    cfg = load_config(KubeSettings(), env)
    assert (cfg.server, cfg.token, cfg.namespace, cfg.context) == (
        "https://first:1",
        "first",
        "ns-one",
        "one",
    )
    cfg = load_config(KubeSettings(context="two"), env)
    assert (cfg.server, cfg.token, cfg.namespace) == ("https://only2:1", "t2", "default")


def test_current_context_from_later_file_when_first_has_none(tmp_path: Path) -> None:
    first = kubeconfig(
        clusters={"c": {"server": "https://c:1"}},
        users={"u": {"token": "x"}},
        contexts={"ctx": {"cluster": "c", "user": "u"}},
    )
    second = kubeconfig(current="ctx")
    env = {"KUBECONFIG": os.pathsep.join([write(tmp_path / "1", first), write(tmp_path / "2", second)])}
    assert load_config(KubeSettings(), env).server == "https://c:1"


def test_home_default(tmp_path: Path) -> None:
    write(tmp_path / ".kube" / "config", simple("https://home:1"))
    assert kubeconfig_paths(KubeSettings(), {"HOME": str(tmp_path)}) == [str(tmp_path / ".kube" / "config")]
    assert load_config(KubeSettings(), {"HOME": str(tmp_path)}).server == "https://home:1"


def test_empty_kubeconfig_env_falls_back_to_home(tmp_path: Path) -> None:
    write(tmp_path / ".kube" / "config", simple("https://home:1"))
    assert load_config(KubeSettings(), {"HOME": str(tmp_path), "KUBECONFIG": ""}).server == "https://home:1"


def test_nothing_configured(tmp_path: Path) -> None:
    with pytest.raises(KubeConfigError, match="no Kubernetes configuration"):
        load_config(KubeSettings(), {"HOME": str(tmp_path)})


def test_api_server_flag_without_kubeconfig(tmp_path: Path) -> None:
    cfg = load_config(KubeSettings(api_server="https://flag:6443", token="tok"), {"HOME": str(tmp_path)})
    assert (cfg.server, cfg.token, cfg.namespace) == ("https://flag:6443", "tok", "default")


@pytest.mark.parametrize(
    "text,fragment",
    [
        ("clusters: [1, 2", "error loading config file"),
        ("- just\n- a list\n", "not a kubeconfig"),
        ("clusters: {a: 1}\n", "clusters must be a list"),
        ("clusters:\n- cluster: {server: x}\n", "needs a name"),
    ],
    ids=["yaml-error", "not-mapping", "clusters-not-list", "entry-without-name"],
)
def test_malformed_kubeconfig(tmp_path: Path, text: str, fragment: str) -> None:
    path = write(tmp_path / "bad", text)
    with pytest.raises(KubeConfigError, match=fragment):
        load_config(KubeSettings(kubeconfig=path), {})


def test_empty_file_is_empty_config(tmp_path: Path) -> None:
    path = write(tmp_path / "empty", "")
    with pytest.raises(KubeConfigError, match="no Kubernetes configuration"):
        load_config(KubeSettings(kubeconfig=path), {})


# -- contexts and namespaces ----------------------------------------------------------------


def test_unknown_context(tmp_path: Path) -> None:
    path = write(tmp_path / "c", simple())
    with pytest.raises(KubeConfigError, match='context "nope" does not exist'):
        load_config(KubeSettings(kubeconfig=path, context="nope"), {})


def test_current_context_names_missing_context(tmp_path: Path) -> None:
    doc = simple()
    doc["current-context"] = "gone"
    with pytest.raises(KubeConfigError, match='context "gone" does not exist'):
        load_config(KubeSettings(kubeconfig=write(tmp_path / "c", doc)), {})


def test_context_without_server(tmp_path: Path) -> None:
    doc = kubeconfig(
        clusters={"c": {}}, users={"u": {}}, contexts={"x": {"cluster": "c", "user": "u"}}, current="x"
    )
    with pytest.raises(KubeConfigError, match='no server found for cluster "c"'):
        load_config(KubeSettings(kubeconfig=write(tmp_path / "c", doc)), {})


@pytest.mark.parametrize(
    "flag,context_ns,want",
    [("flag-ns", "ctx-ns", "flag-ns"), ("", "ctx-ns", "ctx-ns"), ("", "", "default")],
    ids=["flag", "context", "default"],
)
def test_namespace_precedence(tmp_path: Path, flag: str, context_ns: str, want: str) -> None:
    path = write(tmp_path / "c", simple(ns=context_ns))
    assert load_config(KubeSettings(kubeconfig=path, namespace=flag), {}).namespace == want


# -- TLS ------------------------------------------------------------------------------------


def test_relative_paths_resolve_against_the_kubeconfig(tmp_path: Path) -> None:
    (tmp_path / "certs").mkdir()
    (tmp_path / "certs" / "ca.crt").write_bytes(CA)
    (tmp_path / "certs" / "c.crt").write_bytes(b"CERT")
    (tmp_path / "certs" / "c.key").write_bytes(b"KEY")
    (tmp_path / "certs" / "token").write_text("file-token")
    doc = simple(
        cluster={"certificate-authority": "certs/ca.crt"},
        user={"client-certificate": "certs/c.crt", "client-key": "certs/c.key"},
    )
    cfg = load_config(KubeSettings(kubeconfig=write(tmp_path / "kc", doc)), {})
    assert (cfg.ca_data, cfg.client_cert_data, cfg.client_key_data) == (CA, b"CERT", b"KEY")
    doc = simple(user={"tokenFile": "certs/token"})
    cfg = load_config(KubeSettings(kubeconfig=write(tmp_path / "kc2", doc)), {})
    assert cfg.token_file == str(tmp_path / "certs" / "token")


def test_inline_data_wins_over_files(tmp_path: Path) -> None:
    doc = simple(
        cluster={"certificate-authority-data": b64(CA), "certificate-authority": "/nonexistent"},
        user={"client-certificate-data": b64(b"C"), "client-key-data": b64(b"K"), "client-certificate": "/x"},
    )
    cfg = load_config(KubeSettings(kubeconfig=write(tmp_path / "kc", doc)), {})
    assert (cfg.ca_data, cfg.client_cert_data, cfg.client_key_data) == (CA, b"C", b"K")


@pytest.mark.parametrize(
    "cluster,settings,want_ca,want_insecure",
    [
        ({"certificate-authority-data": b64(CA)}, {}, CA, False),
        ({"certificate-authority-data": b64(CA)}, {"insecure_skip_tls_verify": True}, b"", True),
        ({"certificate-authority-data": b64(b"OTHER")}, {"ca_file": "CAFILE"}, CA, False),
        ({"insecure-skip-tls-verify": True}, {}, b"", True),
    ],
    ids=["kubeconfig-ca", "insecure-flag-clears-ca", "ca-file-flag-wins", "kubeconfig-insecure"],
)
def test_ca_overrides(
    tmp_path: Path, cluster: dict[str, Any], settings: dict[str, Any], want_ca: bytes, want_insecure: bool
) -> None:
    (tmp_path / "ca.crt").write_bytes(CA)
    if settings.get("ca_file") == "CAFILE":
        settings = {**settings, "ca_file": str(tmp_path / "ca.crt")}
    path = write(tmp_path / "kc", simple(cluster=cluster))
    cfg = load_config(KubeSettings(kubeconfig=path, **settings), {})
    assert (cfg.ca_data, cfg.insecure) == (want_ca, want_insecure)


def test_ca_with_insecure_in_kubeconfig_is_an_error(tmp_path: Path) -> None:
    path = write(
        tmp_path / "kc",
        simple(cluster={"certificate-authority-data": b64(CA), "insecure-skip-tls-verify": True}),
    )
    with pytest.raises(KubeConfigError, match="root certificates file with the insecure flag is not allowed"):
        load_config(KubeSettings(kubeconfig=path), {})


def test_unreadable_ca_file(tmp_path: Path) -> None:
    path = write(tmp_path / "kc", simple(cluster={"certificate-authority": "missing.crt"}))
    with pytest.raises(KubeConfigError, match='unable to read certificate-authority of cluster "a"'):
        load_config(KubeSettings(kubeconfig=path), {})


def test_cert_without_key(tmp_path: Path) -> None:
    path = write(tmp_path / "kc", simple(user={"client-certificate-data": b64(b"C")}))
    with pytest.raises(KubeConfigError, match="must be given together"):
        load_config(KubeSettings(kubeconfig=path), {})


def test_tls_server_name_and_proxy(tmp_path: Path) -> None:
    doc = simple(cluster={"tls-server-name": "kc-name", "proxy-url": "http://proxy:3128"})
    path = write(tmp_path / "kc", doc)
    cfg = load_config(KubeSettings(kubeconfig=path), {})
    assert (cfg.tls_server_name, cfg.proxy_url) == ("kc-name", "http://proxy:3128")
    assert (
        load_config(KubeSettings(kubeconfig=path, tls_server_name="flag-name"), {}).tls_server_name
        == "flag-name"
    )


@pytest.mark.parametrize(
    "server,tls,want",
    [
        ("https://h:1/", {}, "https://h:1"),
        ("h:6443", {"insecure-skip-tls-verify": True}, "https://h:6443"),
        ("h:8080", {}, "http://h:8080"),
    ],
    ids=["trailing-slash", "no-scheme-tls", "no-scheme-plain"],
)
def test_server_normalisation(tmp_path: Path, server: str, tls: dict[str, Any], want: str) -> None:
    path = write(tmp_path / "kc", simple(server, cluster=tls))
    assert load_config(KubeSettings(kubeconfig=path), {}).server == want


# -- authentication -------------------------------------------------------------------------


def test_token_flag_replaces_kubeconfig_auth(tmp_path: Path) -> None:
    exec_user = {
        "exec": {"apiVersion": "client.authentication.k8s.io/v1", "command": "x", "interactiveMode": "Never"}
    }
    path = write(tmp_path / "kc", simple(user=exec_user))
    cfg = load_config(KubeSettings(kubeconfig=path, token="flag-token"), {})
    assert (cfg.token, cfg.exec) == ("flag-token", None)


def test_basic_auth(tmp_path: Path) -> None:
    path = write(tmp_path / "kc", simple(user={"username": "u", "password": "p"}))
    cfg = load_config(KubeSettings(kubeconfig=path), {})
    assert (cfg.username, cfg.password) == ("u", "p")


def test_more_than_one_auth_method(tmp_path: Path) -> None:
    path = write(tmp_path / "kc", simple(user={"token": "t", "username": "u", "password": "p"}))
    with pytest.raises(
        KubeConfigError,
        match='more than one authentication method found for user "a"; found token, basicAuth',
    ):
        load_config(KubeSettings(kubeconfig=path), {})


def test_auth_provider_unsupported(tmp_path: Path) -> None:
    path = write(tmp_path / "kc", simple(user={"auth-provider": {"name": "gcp"}}))
    with pytest.raises(KubeConfigError, match='auth-provider plugin "gcp" is not supported'):
        load_config(KubeSettings(kubeconfig=path), {})


@pytest.mark.parametrize(
    "exec_cfg,fragment",
    [
        (
            {"apiVersion": "client.authentication.k8s.io/v1", "command": "x"},
            "interactiveMode must be specified",
        ),
        (
            {"apiVersion": "client.authentication.k8s.io/v1alpha1", "command": "x"},
            'apiVersion "client.authentication.k8s.io/v1alpha1" is not supported',
        ),
        ({"apiVersion": "client.authentication.k8s.io/v1"}, "command is required"),
        (
            {"apiVersion": "client.authentication.k8s.io/v1", "command": "x", "interactiveMode": "Sometimes"},
            "invalid interactiveMode",
        ),
    ],
    ids=["v1-needs-interactive-mode", "v1alpha1", "no-command", "bad-mode"],
)
def test_exec_config_errors(tmp_path: Path, exec_cfg: dict[str, Any], fragment: str) -> None:
    path = write(tmp_path / "kc", simple(user={"exec": exec_cfg}))
    with pytest.raises(KubeConfigError, match=fragment):
        load_config(KubeSettings(kubeconfig=path), {})


def test_exec_config_parsed(tmp_path: Path) -> None:
    exec_cfg = {
        "apiVersion": "client.authentication.k8s.io/v1beta1",
        "command": "./bin/plugin",
        "args": ["get-token", "--x"],
        "env": [{"name": "A", "value": "1"}],
        "installHint": "install it",
        "provideClusterInfo": True,
    }
    path = write(tmp_path / "kc", simple(user={"exec": exec_cfg}))
    cfg = load_config(KubeSettings(kubeconfig=path), {"PATH": "/bin"})
    assert cfg.exec is not None
    assert cfg.exec.command == str(tmp_path / "bin" / "plugin")
    assert (cfg.exec.args, cfg.exec.env, cfg.exec.interactive_mode) == (
        ("get-token", "--x"),
        (("A", "1"),),
        "IfAvailable",
    )
    assert cfg.exec.provide_cluster_info and cfg.exec.install_hint == "install it"
    assert cfg.env == {"PATH": "/bin"}


def test_impersonation(tmp_path: Path) -> None:
    user = {
        "token": "t",
        "as": "kc-user",
        "as-groups": ["g1"],
        "as-uid": "42",
        "as-user-extra": {"scopes": ["a", "b"]},
    }
    path = write(tmp_path / "kc", simple(user=user))
    cfg = load_config(KubeSettings(kubeconfig=path), {})
    assert (cfg.impersonate_user, cfg.impersonate_groups, cfg.impersonate_uid) == ("kc-user", ("g1",), "42")
    assert cfg.impersonate_extra == (("scopes", ("a", "b")),)
    cfg = load_config(KubeSettings(kubeconfig=path, as_user="flag-user", as_groups=("x", "y")), {})
    assert (cfg.impersonate_user, cfg.impersonate_groups) == ("flag-user", ("x", "y"))


@pytest.mark.parametrize(
    "qps,burst,want",
    [(0.0, 100, (DEFAULT_QPS, DEFAULT_BURST)), (50.0, 200, (50.0, 200)), (-1.0, 0, (-1.0, DEFAULT_BURST))],
    ids=["helm-defaults", "flags", "unlimited"],
)
def test_rate_limit_settings(tmp_path: Path, qps: float, burst: int, want: tuple[float, int]) -> None:
    path = write(tmp_path / "kc", simple())
    cfg = load_config(KubeSettings(kubeconfig=path, qps=qps, burst_limit=burst), {})
    assert (cfg.qps, cfg.burst) == want


# -- in cluster -----------------------------------------------------------------------------


@pytest.fixture
def service_account(tmp_path: Path) -> Path:
    sa = tmp_path / "sa"
    sa.mkdir()
    (sa / "token").write_text("sa-token")
    (sa / "ca.crt").write_bytes(CA)
    (sa / "namespace").write_text("pod-ns\n")
    return sa


def test_in_cluster(tmp_path: Path, service_account: Path) -> None:
    env = {"HOME": str(tmp_path), "KUBERNETES_SERVICE_HOST": "10.0.0.1", "KUBERNETES_SERVICE_PORT": "443"}
    cfg = load_config(KubeSettings(), env, service_account_dir=str(service_account))
    assert (cfg.server, cfg.ca_data, cfg.namespace) == ("https://10.0.0.1:443", CA, "pod-ns")
    assert cfg.token_file == str(service_account / "token")


def test_in_cluster_ipv6_and_flags(tmp_path: Path, service_account: Path) -> None:
    env = {"HOME": str(tmp_path), "KUBERNETES_SERVICE_HOST": "fd00::1", "KUBERNETES_SERVICE_PORT": "443"}
    cfg = load_config(
        KubeSettings(namespace="mine", token="flag"), env, service_account_dir=str(service_account)
    )
    assert (cfg.server, cfg.namespace, cfg.token, cfg.token_file) == (
        "https://[fd00::1]:443",
        "mine",
        "flag",
        "",
    )


def test_kubeconfig_beats_in_cluster(tmp_path: Path, service_account: Path) -> None:
    write(tmp_path / ".kube" / "config", simple("https://home:1"))
    env = {"HOME": str(tmp_path), "KUBERNETES_SERVICE_HOST": "10.0.0.1", "KUBERNETES_SERVICE_PORT": "443"}
    assert (
        load_config(KubeSettings(), env, service_account_dir=str(service_account)).server == "https://home:1"
    )

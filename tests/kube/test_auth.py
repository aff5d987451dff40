"""Every way of authenticating and of securing the connection, against the test server."""

from __future__ import annotations

import base64
import datetime
import json
import os
import select
import socket
import socketserver
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

from apiserver.fixtures import connect
from chartist.kube import ExecPluginError, Forbidden, KubeConnectionError, Unauthorized
from chartist.kube.auth import clear_exec_cache

MASTERS = ("system:masters",)


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


@pytest.fixture(autouse=True)
def _fresh_exec_cache():
    clear_exec_cache()
    yield
    clear_exec_cache()


def last_user(server) -> str:
    return [r for r in server.requests if r.path == "/version"][-1].user


def test_bearer_token(test_server, tmp_path) -> None:
    token = test_server.add_user("tok-user", MASTERS)
    client = connect(test_server, tmp_path / "kc", {"token": token})
    assert client.server_version()["major"] == "1"
    assert last_user(test_server) == "tok-user"


def test_token_file_is_reread_after_rotation(test_server, tmp_path) -> None:
    token_file = tmp_path / "token"
    token_file.write_text(test_server.add_user("file-user", MASTERS) + "\n")
    client = connect(test_server, tmp_path / "kc", {"tokenFile": "token"})
    client.get("v1", "Namespace", "default")
    # rotate: the old token stops working, the file holds a new one
    test_server.auth.tokens.clear()
    token_file.write_text(test_server.add_user("file-user", MASTERS))
    assert client.get("v1", "Namespace", "default")["metadata"]["name"] == "default"
    codes = [r.path for r in test_server.requests if r.path == "/api/v1/namespaces/default"]
    assert len(codes) == 3  # ok, 401, retried with the new token


def test_basic_auth(test_server, tmp_path) -> None:
    test_server.add_basic_user("basic-user", "s3cret", MASTERS)
    assert connect(
        test_server, tmp_path / "kc", {"username": "basic-user", "password": "s3cret"}
    ).server_version()
    assert last_user(test_server) == "basic-user"
    with pytest.raises(Unauthorized):
        connect(
            test_server, tmp_path / "kc2", {"username": "basic-user", "password": "wrong"}
        ).server_version()


@pytest.mark.parametrize("inline", [True, False], ids=["inline-data", "files"])
def test_client_certificate(test_server, tmp_path, inline: bool) -> None:
    cert, key = test_server.client_cert("cert-user", MASTERS)
    if inline:
        user = {"client-certificate-data": b64(cert), "client-key-data": b64(key)}
    else:
        (tmp_path / "u.crt").write_bytes(cert)
        (tmp_path / "u.key").write_bytes(key)
        user = {"client-certificate": "u.crt", "client-key": "u.key"}
    client = connect(test_server, tmp_path / "kc", user)
    assert client.get("v1", "Namespace", "default")
    assert client.server_version()
    assert last_user(test_server) == "cert-user"


# -- exec plugins ---------------------------------------------------------------------------

PLUGIN = r"""#!{python}
import json, os, sys
here = os.path.dirname(os.path.abspath(__file__))
plan = json.load(open(os.path.join(here, "plan.json")))
count_file = os.path.join(here, "count")
n = int(open(count_file).read()) if os.path.exists(count_file) else 0
open(count_file, "w").write(str(n + 1))
open(os.path.join(here, "exec-info-%d.json" % n), "w").write(os.environ.get("KUBERNETES_EXEC_INFO", ""))
open(os.path.join(here, "argv-%d.json" % n), "w").write(json.dumps([sys.argv[1:], os.environ.get("PLUGIN_ENV", "")]))
step = plan[min(n, len(plan) - 1)]
if "exit" in step:
    sys.stderr.write(step.get("stderr", ""))
    sys.exit(step["exit"])
print(json.dumps(step["out"]))
"""


def plugin(tmp_path: Path, plan: list[dict[str, Any]]) -> Path:
    bindir = tmp_path / "bin"
    bindir.mkdir(exist_ok=True)
    script = bindir / "kube-login"
    script.write_text(PLUGIN.replace("{python}", sys.executable))
    script.chmod(0o755)
    (bindir / "plan.json").write_text(json.dumps(plan))
    return bindir


def credential(
    api_version: str, *, token: str = "", cert: bytes = b"", key: bytes = b"", expires_in: float | None = 3600
) -> dict[str, Any]:
    status: dict[str, Any] = {}
    if token:
        status["token"] = token
    if cert:
        status["clientCertificateData"] = cert.decode()
        status["clientKeyData"] = key.decode()
    if expires_in is not None:
        when = datetime.datetime.now(datetime.UTC) + datetime.timedelta(seconds=expires_in)
        status["expirationTimestamp"] = when.strftime("%Y-%m-%dT%H:%M:%SZ")
    return {"out": {"apiVersion": api_version, "kind": "ExecCredential", "status": status}}


def exec_client(server, tmp_path: Path, bindir: Path, api_version: str, **extra: Any):
    user = {
        "exec": {
            "apiVersion": api_version,
            "command": "kube-login",
            "args": ["get-token", "--fast"],
            "env": [{"name": "PLUGIN_ENV", "value": "from-kubeconfig"}],
            "interactiveMode": "Never",
            **extra,
        }
    }
    from apiserver.fixtures import FAST, write_kubeconfig
    from chartist.kube import Client, KubeSettings

    path = write_kubeconfig(tmp_path / "kc", server.kubeconfig_dict(user, namespace="default"))
    return Client.from_settings(KubeSettings(kubeconfig=path, **FAST), {"PATH": str(bindir)})


def runs(bindir: Path) -> int:
    return int((bindir / "count").read_text()) if (bindir / "count").exists() else 0


@pytest.mark.parametrize(
    "api_version", ["client.authentication.k8s.io/v1", "client.authentication.k8s.io/v1beta1"]
)
def test_exec_token_cached_until_expiry(test_server, tmp_path, api_version: str) -> None:
    token = test_server.add_user("exec-user", MASTERS)
    bindir = plugin(tmp_path, [credential(api_version, token=token)])
    client = exec_client(test_server, tmp_path, bindir, api_version, provideClusterInfo=True)
    for _ in range(3):
        client.get("v1", "Namespace", "default")
    assert runs(bindir) == 1
    info = json.loads((bindir / "exec-info-0.json").read_text())
    assert info["apiVersion"] == api_version and info["kind"] == "ExecCredential"
    assert info["spec"]["interactive"] is False
    assert info["spec"]["cluster"]["server"] == test_server.url
    assert base64.b64decode(info["spec"]["cluster"]["certificate-authority-data"]) == test_server.ca_pem
    assert json.loads((bindir / "argv-0.json").read_text()) == [["get-token", "--fast"], "from-kubeconfig"]
    # a second client of the same server and plugin shares the cached credential
    exec_client(test_server, tmp_path, bindir, api_version, provideClusterInfo=True).get(
        "v1", "Namespace", "default"
    )
    assert runs(bindir) == 1


def test_exec_expired_credential_is_renewed(test_server, tmp_path) -> None:
    v1 = "client.authentication.k8s.io/v1"
    token = test_server.add_user("exec-user", MASTERS)
    bindir = plugin(tmp_path, [credential(v1, token=token, expires_in=-10)])
    client = exec_client(test_server, tmp_path, bindir, v1)
    client.get("v1", "Namespace", "default")
    client.get("v1", "Namespace", "default")
    assert runs(bindir) >= 2


def test_exec_refresh_on_unauthorized(test_server, tmp_path) -> None:
    v1 = "client.authentication.k8s.io/v1"
    old = test_server.add_user("exec-user", MASTERS)
    new = test_server.add_user("exec-user", MASTERS)
    bindir = plugin(tmp_path, [credential(v1, token=old), credential(v1, token=new)])
    client = exec_client(test_server, tmp_path, bindir, v1)
    client.get("v1", "Namespace", "default")
    del test_server.auth.tokens[old]  # revoked server-side before it expired
    client.get("v1", "Namespace", "default")
    assert runs(bindir) == 2


def test_exec_client_certificate(test_server, tmp_path) -> None:
    v1 = "client.authentication.k8s.io/v1"
    cert, key = test_server.client_cert("exec-cert-user", MASTERS)
    bindir = plugin(tmp_path, [credential(v1, cert=cert, key=key)])
    client = exec_client(test_server, tmp_path, bindir, v1)
    assert client.server_version()
    assert last_user(test_server) == "exec-cert-user"


@pytest.mark.parametrize(
    "step,fragment",
    [
        ({"exit": 3, "stderr": "login required"}, "failed with exit code 3: login required"),
        (
            {
                "out": {
                    "apiVersion": "client.authentication.k8s.io/v1beta1",
                    "kind": "ExecCredential",
                    "status": {"token": "x"},
                }
            },
            "plugin is configured to use API version client.authentication.k8s.io/v1, plugin returned version "
            "client.authentication.k8s.io/v1beta1",
        ),
        (
            {
                "out": {
                    "apiVersion": "client.authentication.k8s.io/v1",
                    "kind": "ExecCredential",
                    "status": {},
                }
            },
            "didn't return a token or cert/key pair",
        ),
        (
            {"out": {"apiVersion": "client.authentication.k8s.io/v1", "kind": "Other"}},
            "not an ExecCredential",
        ),
    ],
    ids=["exit-code", "wrong-version", "no-credential", "wrong-kind"],
)
def test_exec_errors(test_server, tmp_path, step: dict[str, Any], fragment: str) -> None:
    bindir = plugin(tmp_path, [step])
    client = exec_client(test_server, tmp_path, bindir, "client.authentication.k8s.io/v1")
    with pytest.raises(ExecPluginError, match=fragment):
        client.server_version()


def test_exec_missing_command(test_server, tmp_path) -> None:
    client = exec_client(
        test_server,
        tmp_path,
        tmp_path,
        "client.authentication.k8s.io/v1",
        installHint="brew install kube-login",
    )
    with pytest.raises(ExecPluginError, match='executable "kube-login" not found\n\nbrew install kube-login'):
        client.server_version()


# -- impersonation --------------------------------------------------------------------------


def test_impersonation_headers(test_server, tmp_path) -> None:
    client = connect(test_server, tmp_path / "kc", as_user="someone", as_groups=("team-a", "team-b"))
    with pytest.raises(Forbidden) as info:
        client.list("v1", "ConfigMap")
    assert str(info.value) == (
        'configmaps is forbidden: User "someone" cannot list resource "configmaps" '
        'in API group "" in the namespace "default"'
    )
    record = [r for r in test_server.requests if r.path.endswith("/configmaps")][-1]
    assert record.headers["impersonate-user"] == ["someone"]
    assert record.headers["impersonate-group"] == ["team-a", "team-b"]
    assert record.user == "someone"


def test_impersonation_needs_permission(test_server, tmp_path) -> None:
    token = test_server.add_user("bob")
    client = connect(test_server, tmp_path / "kc", {"token": token, "as": "admin"})
    with pytest.raises(
        Forbidden,
        match='users "admin" is forbidden: User "bob" cannot impersonate resource "users" '
        'in API group "" at the cluster scope',
    ):
        client.server_version()


# -- TLS ------------------------------------------------------------------------------------


def test_wrong_ca_is_refused(test_server, tmp_path) -> None:
    from apiserver.certs import CertificateAuthority

    other = CertificateAuthority("other")
    client = connect(
        test_server,
        tmp_path / "kc",
        retries=0,
        cluster={"server": test_server.url, "certificate-authority-data": b64(other.cert_pem)},
    )
    with pytest.raises(KubeConnectionError, match="CERTIFICATE_VERIFY_FAILED"):
        client.server_version()


def test_insecure_skip_tls_verify(test_server, tmp_path) -> None:
    client = connect(
        test_server, tmp_path / "kc", cluster={"server": test_server.url, "insecure-skip-tls-verify": True}
    )
    assert client.server_version()
    flag = connect(
        test_server, tmp_path / "kc2", cluster={"server": test_server.url}, insecure_skip_tls_verify=True
    )
    assert flag.server_version()


def test_ca_file_flag(test_server, tmp_path) -> None:
    (tmp_path / "ca.crt").write_bytes(test_server.ca_pem)
    client = connect(
        test_server, tmp_path / "kc", cluster={"server": test_server.url}, ca_file=str(tmp_path / "ca.crt")
    )
    assert client.server_version()


@pytest.mark.parametrize(
    "name,ok", [("kubernetes.test", True), ("wrong.example", False)], ids=["match", "mismatch"]
)
def test_tls_server_name(test_server, tmp_path, name: str, ok: bool) -> None:
    cluster = {
        "server": test_server.url,
        "certificate-authority-data": b64(test_server.ca_pem),
        "tls-server-name": name,
    }
    client = connect(test_server, tmp_path / "kc", cluster=cluster, retries=0)
    if ok:
        assert client.server_version()
    else:
        with pytest.raises(KubeConnectionError, match=r"wrong\.example"):
            client.server_version()


class _ConnectProxy(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self) -> None:
        self.targets: list[str] = []
        super().__init__(("127.0.0.1", 0), _ProxyHandler)


class _ProxyHandler(socketserver.BaseRequestHandler):
    server: _ConnectProxy

    def handle(self) -> None:
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = self.request.recv(4096)
            if not chunk:
                return
            data += chunk
        target = data.split(b" ")[1].decode()
        self.server.targets.append(target)
        host, port = target.rsplit(":", 1)
        upstream = socket.create_connection((host, int(port)))
        self.request.sendall(b"HTTP/1.1 200 Connection established\r\n\r\n")
        sockets = [self.request, upstream]
        try:
            while True:
                readable, _, _ = select.select(sockets, [], [], 5)
                if not readable:
                    return
                for s in readable:
                    chunk = s.recv(65536)
                    if not chunk:
                        return
                    (upstream if s is self.request else self.request).sendall(chunk)
        finally:
            upstream.close()


def test_proxy_url(test_server, tmp_path) -> None:
    proxy = _ConnectProxy()
    thread = threading.Thread(target=proxy.serve_forever, daemon=True)
    thread.start()
    try:
        cluster = {
            "server": test_server.url,
            "certificate-authority-data": b64(test_server.ca_pem),
            "proxy-url": f"http://127.0.0.1:{proxy.server_address[1]}",
        }
        client = connect(test_server, tmp_path / "kc", cluster=cluster)
        assert client.server_version()
        assert proxy.targets == [f"127.0.0.1:{test_server.port}"]
        client.close()
    finally:
        proxy.shutdown()
        proxy.server_close()


def test_env_is_never_read(test_server, tmp_path, monkeypatch) -> None:
    # A proxy in the process environment must not be used: only the env mapping passed in counts.
    monkeypatch.setenv("HTTPS_PROXY", "http://127.0.0.1:1")
    monkeypatch.setenv("KUBECONFIG", str(tmp_path / "nope"))
    assert connect(test_server, tmp_path / "kc").server_version()
    assert os.environ["HTTPS_PROXY"]

"""Retry behaviour under injected faults: what is retried, how often, after how long."""

from __future__ import annotations

import socket
import time

import pytest

from apiserver.fixtures import connect
from chartist.kube import (
    Conflict,
    KubeConnectionError,
    KubeTimeoutError,
    ServerError,
    TooManyRequests,
    Unauthorized,
)

CM_PATH = "/api/v1/namespaces/default/configmaps"


def cm(name: str) -> dict:
    return {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": name}, "data": {"a": "1"}}


def count(server, method: str, path: str) -> int:
    return sum(1 for r in server.requests if r.method == method and r.path == path)


@pytest.fixture
def client(server_client):
    server_client.mapping("v1", "ConfigMap")  # discovery done before faults are set
    return server_client


@pytest.mark.parametrize(
    "method,status,retry_after,times,retried",
    [
        ("GET", 500, None, 2, True),
        ("GET", 503, None, 1, True),
        ("GET", 504, None, 1, True),
        ("GET", 429, None, 2, True),
        ("POST", 429, None, 2, True),
        ("POST", 503, 0, 1, True),
        ("POST", 500, None, 1, False),
        ("POST", 502, None, 1, False),
        ("PUT", 500, None, 1, True),
        ("DELETE", 500, None, 1, True),
    ],
    ids=[
        "get-500",
        "get-503",
        "get-504",
        "get-429",
        "post-429",
        "post-503-retry-after",
        "post-500",
        "post-502",
        "put-500",
        "delete-500",
    ],
)
def test_status_retries(test_server, client, method, status, retry_after, times, retried) -> None:
    created = client.create(cm("demo"))
    path = CM_PATH if method == "POST" else f"{CM_PATH}/demo"
    test_server.faults.add(
        method=method, path=f"^{path}$", status=status, retry_after=retry_after, times=times
    )
    before = count(test_server, method, path)

    def call():
        if method == "GET":
            return client.get("v1", "ConfigMap", "demo")
        if method == "POST":
            return client.create(cm("other"))
        if method == "PUT":
            return client.replace({**created, "data": {"a": "2"}})
        return client.delete("v1", "ConfigMap", "demo")

    if retried:
        call()
        assert count(test_server, method, path) - before == times + 1
    else:
        with pytest.raises(ServerError) as info:
            call()
        assert info.value.code == status and info.value.reason
        assert count(test_server, method, path) - before == 1


def test_retries_exhausted(test_server, client) -> None:
    test_server.faults.add(method="GET", path="/configmaps/x$", status=500, times=-1, message="etcd is down")
    with pytest.raises(ServerError, match="etcd is down") as info:
        client.get("v1", "ConfigMap", "x")
    assert info.value.reason == "InternalError"
    assert count(test_server, "GET", f"{CM_PATH}/x") == 1 + client.config.retries


def test_throttled_until_retries_exhausted(test_server, client) -> None:
    test_server.faults.add(method="GET", path="/configmaps/x$", status=429, times=-1, retry_after=0)
    with pytest.raises(TooManyRequests) as info:
        client.get("v1", "ConfigMap", "x")
    assert info.value.retry_after == 0


def test_retry_after_is_honoured(test_server, client) -> None:
    test_server.faults.add(method="POST", path=f"^{CM_PATH}$", status=429, retry_after=0.4, times=1)
    started = time.monotonic()
    client.create(cm("later"))
    assert time.monotonic() - started >= 0.4
    assert count(test_server, "POST", CM_PATH) == 2


@pytest.mark.parametrize("method,retried", [("GET", True), ("POST", False)], ids=["get", "post"])
def test_dropped_connection(test_server, client, method, retried) -> None:
    client.create(cm("demo"))
    path = f"{CM_PATH}/demo" if method == "GET" else CM_PATH
    test_server.faults.add(method=method, path=f"^{path}$", drop=True, times=1)
    before = count(test_server, method, path)
    if retried:
        assert client.get("v1", "ConfigMap", "demo")["metadata"]["name"] == "demo"
        assert count(test_server, method, path) - before == 2
    else:
        with pytest.raises(KubeConnectionError, match="Kubernetes cluster unreachable: Post"):
            client.create(cm("other"))
        assert count(test_server, method, path) - before == 1


def test_apply_is_retried(test_server, client) -> None:
    test_server.faults.add(method="PATCH", path="/configmaps/a$", status=500, times=1)
    client.apply(cm("a"), field_manager="helm")
    assert count(test_server, "PATCH", f"{CM_PATH}/a") == 2


def test_conflict_is_not_retried(test_server, client) -> None:
    test_server.faults.add(method="PATCH", path="/configmaps/a$", status=409, times=1)
    with pytest.raises(Conflict):
        client.apply(cm("a"), field_manager="helm")
    assert count(test_server, "PATCH", f"{CM_PATH}/a") == 1


def test_slow_server_times_out(test_server, tmp_path) -> None:
    client = connect(test_server, tmp_path / "kc", request_timeout=0.3, retries=1)
    client.mapping("v1", "ConfigMap")
    test_server.faults.add(method="GET", path="/configmaps/slow$", delay=1.0, times=-1)
    with pytest.raises(KubeTimeoutError, match="timed out"):
        client.get("v1", "ConfigMap", "slow")
    assert count(test_server, "GET", f"{CM_PATH}/slow") == 2


def test_delay_within_timeout_succeeds(test_server, client) -> None:
    client.create(cm("demo"))
    test_server.faults.add(method="GET", path="/configmaps/demo$", delay=0.2, times=1)
    assert client.get("v1", "ConfigMap", "demo")["metadata"]["name"] == "demo"


def test_unreachable_server(tmp_path, test_server) -> None:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()  # nothing listens there now
    client = connect(
        test_server,
        tmp_path / "kc",
        retries=2,
        cluster={"server": f"https://127.0.0.1:{port}", "insecure-skip-tls-verify": True},
    )
    with pytest.raises(
        KubeConnectionError, match=f'Kubernetes cluster unreachable: Get "https://127.0.0.1:{port}/version"'
    ):
        client.server_version()


def test_wrong_token_is_unauthorized(test_server, tmp_path) -> None:
    client = connect(test_server, tmp_path / "kc", {"token": "wrong"})
    with pytest.raises(Unauthorized, match="Unauthorized"):
        client.server_version()
    assert count(test_server, "GET", "/version") == 1

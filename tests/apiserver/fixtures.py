"""pytest fixtures for cluster tests; import them into a ``conftest.py`` with ``from apiserver.fixtures import *``.

* ``apiserver`` (session): the running :class:`~apiserver.server.APIServer`, or None when
  ``CHARTIST_TEST_KUBECONFIG`` points the tests at a real cluster.
* ``test_server`` (function): the test server, reset to a fresh cluster; skips against a real
  cluster (for tests that inject faults, switch the controller or mint users).
* ``cluster`` (function): a :class:`Cluster` — kubeconfig path, a fresh namespace (deleted
  afterwards on a real cluster), an admin :class:`chartist.kube.Client` — for tests that must pass
  on both.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from chartist.kube import Client, KubeSettings, NotFound

from .server import APIServer

ENV_VAR = "CHARTIST_TEST_KUBECONFIG"
#: Client settings for tests: no client-side throttling, quick backoff.
FAST = {"qps": -1.0, "backoff": 0.01, "max_backoff": 0.05, "request_timeout": 30.0}


def real_kubeconfig() -> str:
    return os.environ.get(ENV_VAR, "")


@dataclass
class Cluster:
    kubeconfig: str
    namespace: str
    client: Client
    server: APIServer | None

    def settings(self, **kwargs: Any) -> KubeSettings:
        return KubeSettings(kubeconfig=self.kubeconfig, namespace=self.namespace, **{**FAST, **kwargs})

    def connect(self, **kwargs: Any) -> Client:
        return Client.from_settings(self.settings(**kwargs), {})


def write_kubeconfig(path: Path, doc: dict[str, Any]) -> str:
    path.write_text(yaml.safe_dump(doc), encoding="utf-8")
    return str(path)


@pytest.fixture(scope="session")
def apiserver() -> Iterator[APIServer | None]:
    if real_kubeconfig():
        yield None
        return
    server = APIServer().start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def test_server(apiserver: APIServer | None) -> Iterator[APIServer]:
    if apiserver is None:
        pytest.skip("needs the Kubernetes API test server (CHARTIST_TEST_KUBECONFIG is set)")
    apiserver.reset()
    yield apiserver
    apiserver.end_watches()
    apiserver.faults.clear()


@pytest.fixture
def cluster(apiserver: APIServer | None, tmp_path: Path) -> Iterator[Cluster]:
    namespace = f"t-{uuid.uuid4().hex[:10]}"
    if apiserver is None:
        kubeconfig = real_kubeconfig()
    else:
        apiserver.reset()
        kubeconfig = write_kubeconfig(tmp_path / "kubeconfig", apiserver.kubeconfig_dict())
    client = Client.from_settings(KubeSettings(kubeconfig=kubeconfig, namespace=namespace, **FAST), {})
    client.create({"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": namespace}})
    try:
        yield Cluster(kubeconfig, namespace, client, apiserver)
    finally:
        if apiserver is None:
            try:
                client.delete("v1", "Namespace", namespace)
            except NotFound:
                pass
        else:
            apiserver.end_watches()
        client.close()


def connect(
    server: APIServer,
    path: Path,
    user: dict[str, Any] | None = None,
    *,
    namespace: str = "default",
    cluster: dict[str, Any] | None = None,
    **settings: Any,
) -> Client:
    """A client of the test server authenticated as ``user`` (a kubeconfig user entry; admin by default)."""
    kubeconfig = write_kubeconfig(path, server.kubeconfig_dict(user, namespace=namespace, cluster=cluster))
    return Client.from_settings(KubeSettings(kubeconfig=kubeconfig, **{**FAST, **settings}), {})


@pytest.fixture
def server_client(test_server: APIServer, tmp_path: Path) -> Iterator[Client]:
    """An admin client of the (reset) test server, namespace ``default``."""
    client = connect(test_server, tmp_path / "admin-kubeconfig")
    try:
        yield client
    finally:
        client.close()

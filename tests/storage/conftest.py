"""Storage fixtures: a throwaway PostgreSQL (scripts/postgres.sh), the Kubernetes API test server,
and every driver built fresh for one test.

The PostgreSQL fixture installs PostgreSQL from Debian's packages when it is missing and the
tests run as root; it skips only when not root and PostgreSQL is absent, and never under CI
(``CI=true``), where a missing database is a failure.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import sys
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

_TESTS = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if _TESTS not in sys.path:
    sys.path.insert(0, _TESTS)

from apiserver.fixtures import apiserver, cluster  # noqa: E402

__all__ = ["apiserver", "cluster"]

REPO = Path(__file__).resolve().parents[2]
POSTGRES_SCRIPT = REPO / "scripts" / "postgres.sh"
IN_CI = os.environ.get("CI") == "true"


def _postgres_installed() -> bool:
    return bool(glob.glob("/usr/lib/postgresql/*/bin/initdb")) or shutil.which("initdb") is not None


def _skip_or_fail(reason: str) -> None:
    if IN_CI:
        pytest.fail(f"{reason} (CI=true: the SQL driver tests must run)")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def postgres() -> Iterator[str]:
    """The DSN of a PostgreSQL cluster started for this test session (one per xdist worker)."""
    try:
        import psycopg  # noqa: F401
    except ImportError:
        _skip_or_fail("psycopg is not installed (pip install -r storage-deps.txt)")
    if os.geteuid() != 0 and not _postgres_installed():
        _skip_or_fail("PostgreSQL is not installed and installing it needs root (scripts/postgres.sh)")
    workdir = tempfile.mkdtemp(prefix="chartist-pg-", dir="/tmp")
    os.rmdir(workdir)  # the script creates it, owned by the cluster's user
    proc = subprocess.run(
        ["bash", str(POSTGRES_SCRIPT), "start", workdir],
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    if proc.returncode == 3:
        _skip_or_fail(proc.stderr.strip())
    if proc.returncode != 0:
        pytest.fail(f"scripts/postgres.sh start failed ({proc.returncode}):\n{proc.stderr}")
    try:
        yield proc.stdout.strip().splitlines()[-1]
    finally:
        subprocess.run(["bash", str(POSTGRES_SCRIPT), "stop", workdir], capture_output=True, check=False)


def with_database(dsn: str, name: str) -> str:
    parts = urlsplit(dsn)
    return urlunsplit(parts._replace(path="/" + name))


@pytest.fixture
def sql_dsn(postgres: str) -> Iterator[str]:
    """A fresh, empty database in the session's cluster."""
    import psycopg

    name = "t_" + uuid.uuid4().hex[:12]
    with psycopg.connect(postgres, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield with_database(postgres, name)
    finally:
        with psycopg.connect(postgres, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


DRIVER_KINDS = ["memory", "secret", "configmap", "sql", "secret-apiserver", "configmap-apiserver"]


@pytest.fixture(params=DRIVER_KINDS)
def driver_kind(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def make_driver(driver_kind: str, request: pytest.FixtureRequest):
    """``make_driver(namespace)``: a fresh driver of ``driver_kind`` for NAMESPACE."""
    from chartist.kube import FakeKubeClient
    from chartist.storage.driver import ConfigMapsDriver, MemoryDriver, SecretsDriver

    opened: list = []
    fake = FakeKubeClient()

    def make(namespace: str = "default"):
        if driver_kind == "memory":
            return MemoryDriver(namespace)
        if driver_kind == "secret":
            return SecretsDriver(fake, namespace)
        if driver_kind == "configmap":
            return ConfigMapsDriver(fake, namespace)
        if driver_kind == "sql":
            from chartist.storage.driver import SQLDriver

            dsn = request.getfixturevalue("sql_dsn")
            drv = SQLDriver(dsn, namespace)
            opened.append(drv)
            return drv
        clu = request.getfixturevalue("cluster")
        cls = SecretsDriver if driver_kind == "secret-apiserver" else ConfigMapsDriver
        if namespace != "default" and namespace != clu.namespace:
            clu.client.create({"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": namespace}})
        return cls(clu.client, clu.namespace if namespace == "default" else namespace)

    yield make
    for drv in opened:
        drv.close()

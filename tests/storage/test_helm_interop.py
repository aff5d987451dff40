"""Helm v4 (helm_python) and chartist share release storage: each reads what the other writes.

Helm runs in a subprocess (see helm_ops.py) against the Kubernetes API test server. With the SQL
driver Helm writes real payloads that chartist reads back byte for byte, and Helm reads, lists and
upgrades releases chartist wrote. The test server does not decode protobuf request bodies, which
Helm's Secret/ConfigMap drivers send, so there Helm only reads what chartist wrote.
"""

from __future__ import annotations

import base64
import gzip
from pathlib import Path

import pytest
import yaml

from chartist import load_chart
from chartist.release.codec import release_from_json, release_to_json
from chartist.release.model import Hook, HookExecution, Info, Release
from chartist.release.status import Status
from chartist.release.times import GoTime, parse_time
from chartist.storage import Storage
from chartist.storage.driver import ConfigMapsDriver, SecretsDriver, SQLDriver, make_key

from .helm_ops import run_helm
from .test_sql import LABELS_COLUMNS, MIGRATIONS_COLUMNS, RELEASES_COLUMNS, columns

pytestmark = pytest.mark.helm
pytest.importorskip("helm_python")


@pytest.fixture
def kube(cluster, tmp_path: Path) -> tuple[str, str]:
    """(kubeconfig path, namespace) of a fresh namespace on the test server."""
    path = tmp_path / "kubeconfig"
    if cluster.server is not None:
        path.write_text(yaml.safe_dump(cluster.server.kubeconfig_dict(namespace=cluster.namespace)))
    else:
        path.write_text(Path(cluster.kubeconfig).read_text())
    return str(path), cluster.namespace


def make_chart(root: Path, version: str = "0.1.0") -> Path:
    chart = root / f"chart-{version}"
    (chart / "templates").mkdir(parents=True)
    (chart / "Chart.yaml").write_text(
        f"apiVersion: v2\nname: interop\nversion: {version}\nappVersion: '1.0'\n"
    )
    (chart / "values.yaml").write_text("greeting: hello\nnested:\n  n: 1\n")
    (chart / "templates" / "cm.yaml").write_text(
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-cm\n"
        "data:\n  greeting: {{ .Values.greeting | quote }}\n"
    )
    (chart / "templates" / "NOTES.txt").write_text("Thanks for installing {{ .Release.Name }}.\n")
    return chart


def sql_rows(dsn: str) -> dict[str, tuple[str, str]]:
    import psycopg

    with psycopg.connect(dsn) as conn:
        rows = conn.execute("SELECT key, status, body FROM releases_v1").fetchall()
    return {k: (s, gzip.decompress(base64.b64decode(b)).decode()) for k, s, b in rows}


def test_helm_writes_chartist_reads_sql(kube, sql_dsn: str, tmp_path: Path) -> None:
    import psycopg

    kubeconfig, ns = kube
    chart = make_chart(tmp_path)
    results = run_helm(
        [
            {
                "op": "install",
                "chart": str(chart),
                "name": "web",
                "values": {"greeting": "<hi> & bye"},
                "labels": {"team": "storage"},
                "description": "first",
            },
            {"op": "upgrade", "chart": str(chart), "name": "web", "values": {"greeting": "again"}},
        ],
        kubeconfig=kubeconfig,
        namespace=ns,
        env={"HELM_DRIVER_SQL_CONNECTION_STRING": sql_dsn, "TZ": "America/St_Johns"},
    )
    assert all("ok" in r for r in results), results
    with psycopg.connect(sql_dsn) as conn:  # Helm made the schema chartist expects
        assert columns(conn, "releases_v1") == RELEASES_COLUMNS
        assert columns(conn, "custom_labels_v1") == LABELS_COLUMNS
        assert columns(conn, "gorp_migrations") == MIGRATIONS_COLUMNS
        assert [r[0] for r in conn.execute("SELECT id FROM gorp_migrations ORDER BY id")] == [
            "custom_labels",
            "init",
        ]
    stored = sql_rows(sql_dsn)
    with SQLDriver(sql_dsn, ns) as drv:  # connecting again runs no migration
        store = Storage(drv)
        history = store.history("web")
        assert [(r.version, r.info.status) for r in history] == [(1, "superseded"), (2, "deployed")]
        for r in history:
            assert release_to_json(r) == stored[make_key("web", r.version)][1]
            assert r.labels == {"team": "storage"}
            assert r.info.last_deployed is not None and r.info.last_deployed.offset == -(3 * 3600 + 1800)
        v1 = history[0]
        assert (v1.info.description, v1.config, v1.chart.metadata.name if v1.chart else None) == (
            "first",
            {"greeting": "<hi> & bye"},
            "interop",
        )
        assert store.deployed("web").version == 2


def chartist_release(
    chart_dir: Path, namespace: str, version: int = 1, status: str = Status.DEPLOYED
) -> Release:
    t = GoTime.now()
    return Release(
        name="made",
        namespace=namespace,
        version=version,
        chart=load_chart(str(chart_dir)),
        config={"greeting": "from <chartist>", "n": 3.0},
        manifest="---\n# Source: interop/templates/cm.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n"
        '  name: made-cm\ndata:\n  greeting: "from <chartist>"\n',
        hooks=[
            Hook(
                "made-hook",
                "ConfigMap",
                "interop/templates/hook.yaml",
                "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: made-hook\n",
                ["post-install"],
                weight=3,
                delete_policies=["before-hook-creation"],
                last_run=HookExecution(t, t, "Succeeded"),
            )
        ],
        info=Info(
            first_deployed=t, last_deployed=t, status=status, description="Install complete", notes="hi\n"
        ),
        labels={"team": "chartist"},
        apply_method="ssa",
    )


def test_chartist_writes_helm_reads_and_upgrades_sql(kube, sql_dsn: str, tmp_path: Path) -> None:
    kubeconfig, ns = kube
    chart = make_chart(tmp_path)
    rel = chartist_release(chart, ns)
    with SQLDriver(sql_dsn, ns) as drv:
        Storage(drv).create(rel)
    results = run_helm(
        [
            {"op": "list", "all_states": True},
            {"op": "history", "name": "made"},
            {"op": "get_values", "name": "made"},
            {"op": "get_metadata", "name": "made"},
            {"op": "status", "name": "made"},
            {"op": "upgrade", "chart": str(make_chart(tmp_path, "0.2.0")), "name": "made"},
        ],
        kubeconfig=kubeconfig,
        namespace=ns,
        env={"HELM_DRIVER_SQL_CONNECTION_STRING": sql_dsn},
    )
    listed, history, values, metadata, status, upgraded = (r.get("ok", r) for r in results)
    assert [(r["name"], r["revision"], r["status"], r["chart_version"]) for r in listed] == [
        ("made", 1, "deployed", "0.1.0")
    ]
    assert [(r["revision"], r["status"]) for r in history] == [(1, "deployed")]
    assert values == {"greeting": "from <chartist>", "n": 3}
    assert (metadata["chart"], metadata["version"], metadata["appVersion"], metadata["labels"]) == (
        "interop",
        "0.1.0",
        "1.0",
        {"team": "chartist"},
    )
    assert status["notes"] == "hi\n"
    assert "revision" in upgraded and upgraded["revision"] == 2, upgraded
    # Helm rewrote our revision 1 (now superseded): its JSON is what chartist writes for that state.
    stored = sql_rows(sql_dsn)
    status1, helm_v1 = stored[make_key("made", 1)]
    assert status1 == "superseded"
    theirs = release_from_json(helm_v1)
    rel.set_status(theirs.info.status, theirs.info.description)
    assert release_to_json(rel) == helm_v1
    with SQLDriver(sql_dsn, ns) as drv:
        assert [(r.version, r.info.status) for r in Storage(drv).history("made")] == [
            (1, "superseded"),
            (2, "deployed"),
        ]
        assert drv.get(make_key("made", 2)).labels == {"team": "chartist"}  # Helm carried our labels over


@pytest.mark.parametrize(("helm_driver", "cls"), [("secret", SecretsDriver), ("configmap", ConfigMapsDriver)])
def test_chartist_writes_helm_reads_kube(kube, cluster, tmp_path: Path, helm_driver: str, cls) -> None:
    kubeconfig, ns = kube
    chart = make_chart(tmp_path)
    store = Storage(cls(cluster.client, ns))
    v1 = chartist_release(chart, ns, 1, Status.SUPERSEDED)
    store.create(v1)
    store.create(chartist_release(chart, ns, 2, Status.DEPLOYED))
    results = run_helm(
        [
            {"op": "list"},
            {"op": "history", "name": "made"},
            {"op": "get_values", "name": "made", "revision": 1},
            {"op": "get_metadata", "name": "made"},
            {"op": "get_metadata", "name": "made", "revision": 1},
        ],
        kubeconfig=kubeconfig,
        namespace=ns,
        driver=helm_driver,
    )
    listed, history, values, metadata, metadata1 = (r.get("ok", r) for r in results)
    assert [(r["name"], r["revision"], r["status"]) for r in listed] == [("made", 2, "deployed")]
    assert [(r["revision"], r["status"]) for r in history] == [(1, "superseded"), (2, "deployed")]
    assert values == {"greeting": "from <chartist>", "n": 3}
    # Helm reads the last revision through a label query, which keeps the object's system labels,
    # and a given revision through a get, which drops them: chartist's drivers do the same.
    labels = metadata["labels"]
    assert (labels["team"], labels["status"], labels["version"], labels["owner"]) == (
        "chartist",
        "deployed",
        "2",
        "helm",
    )
    assert metadata1["labels"] == {"team": "chartist"}
    assert parse_time(metadata["deployedAt"]) is not None

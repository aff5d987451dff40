"""Regenerate the Helm-written release goldens in ``golden/`` (needs helm_python and PostgreSQL).

    python tests/release/testdata/make_golden.py

Helm v4 (helm_python, SQL driver, against the Kubernetes API test server) installs, upgrades,
rolls back and uninstalls ``golden-chart`` with TZ=Asia/Kolkata (times carry +05:30) and a
small chart without values.yaml with TZ=UTC. Each stored row is written as ``<key>.json`` (the
release JSON exactly as Helm wrote it; the plain release also as ``<key>.b64``, the stored
base64 of Go's gzip), and ``rows.json`` holds every row's columns and custom
labels. Chart file times are set to whole seconds (FILE_TIMES) so that chartist's chart model,
which keeps float seconds, can reproduce them.
"""

from __future__ import annotations

import base64
import gzip
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
TESTS = HERE.parent.parent
REPO = TESTS.parent
sys.path.insert(0, str(TESTS))
sys.path.insert(0, str(TESTS / "storage"))

FILE_TIMES = 1_700_000_000  # the chart's files get FILE_TIMES + their index in sorted order


def stamp(tree: Path) -> None:
    paths = sorted(p for p in tree.rglob("*") if p.is_file())
    for i, p in enumerate(paths):
        t = (FILE_TIMES + i) * 1_000_000_000
        os.utime(p, ns=(t, t))


def main() -> None:
    import psycopg
    import yaml
    from helm_ops import run_helm

    from apiserver.server import APIServer

    work = Path(tempfile.mkdtemp(prefix="golden-"))
    pgdir = tempfile.mkdtemp(prefix="chartist-pg-", dir="/tmp")
    os.rmdir(pgdir)
    dsn = subprocess.run(
        ["bash", str(REPO / "scripts/postgres.sh"), "start", pgdir],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    server = APIServer().start()
    try:
        kubeconfig = work / "kubeconfig"
        kubeconfig.write_text(yaml.safe_dump(server.kubeconfig_dict()))
        chart = work / "golden-chart"
        shutil.copytree(HERE / "golden-chart", chart)
        stamp(chart)
        plain = work / "plain"
        (plain / "templates").mkdir(parents=True)
        (plain / "Chart.yaml").write_text("apiVersion: v2\nname: plain\nversion: 0.0.1\n")
        (plain / "templates" / "cm.yaml").write_text(
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\n"
        )
        stamp(plain)
        env = {"HELM_DRIVER_SQL_CONNECTION_STRING": dsn}
        golden_ops = [
            {
                "op": "install",
                "chart": str(chart),
                "name": "golden",
                "values": {
                    "user": "<admin> & \u2028",
                    "nested": {"c": 3, "a": None},
                    "int": 42,
                    "float": 1.5,
                    "big": 12345678901234567890,
                    "list": [1, "two", None, True],
                },
                "labels": {"team": "storage", "tier": "gold"},
                "description": "first <install> & more",
            },
            {"op": "upgrade", "chart": str(chart), "name": "golden", "values": {"replicas": 5}},
            {"op": "rollback", "name": "golden", "version": 1},
            {"op": "uninstall", "name": "golden", "keep_history": True, "description": "bye"},
        ]
        for res in run_helm(golden_ops, kubeconfig=str(kubeconfig), env={**env, "TZ": "Asia/Kolkata"}):
            assert "ok" in res, res
        plain_ops = [{"op": "install", "chart": str(plain), "name": "plain", "create_namespace": True}]
        for res in run_helm(
            plain_ops, kubeconfig=str(kubeconfig), namespace="other", env={**env, "TZ": "UTC"}
        ):
            assert "ok" in res, res
        out = HERE / "golden"
        shutil.rmtree(out, ignore_errors=True)
        out.mkdir()
        rows = []
        with psycopg.connect(dsn) as conn:
            cols = "key, type, name, namespace, version, status, owner, createdat, modifiedat, body"
            for row in conn.execute(f"SELECT {cols} FROM releases_v1 ORDER BY namespace, key"):
                key, body = row[0], row[-1]
                (out / f"{key}.json").write_bytes(gzip.decompress(base64.b64decode(body)))
                if row[2] == "plain":  # one body as Go compressed it
                    (out / f"{key}.b64").write_text(body + "\n")
                labels = dict(
                    conn.execute(
                        "SELECT key, value FROM custom_labels_v1 WHERE releasekey = %s AND releasenamespace = %s",
                        (key, row[3]),
                    ).fetchall()
                )
                names = [c.strip() for c in cols.split(",")][:-1]
                rows.append({**dict(zip(names, row[:-1], strict=True)), "labels": labels})
        (out / "rows.json").write_text(json.dumps(rows, indent=1, sort_keys=True) + "\n")
        print(f"wrote {len(rows)} releases to {out}")
    finally:
        server.stop()
        subprocess.run(["bash", str(REPO / "scripts/postgres.sh"), "stop", pgdir], check=False)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

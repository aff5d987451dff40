"""The SQL driver: Helm's schema and migrations, rows, and Helm-written rows read back."""

from __future__ import annotations

import base64
import gzip
import json
from pathlib import Path

import pytest

from chartist.release.codec import decode_release, release_to_json
from chartist.release.status import Status
from chartist.storage import Storage
from chartist.storage.driver import ReleaseNotFound, SQLDriver, StorageError, make_key

from .test_drivers import rel, same

GOLDEN = Path(__file__).resolve().parents[1] / "release" / "testdata" / "golden"

# Helm's DDL (storage/driver/sql.go), as PostgreSQL reports it: (column, type, length, nullable, default).
RELEASES_COLUMNS = [
    ("key", "character varying", 90, "NO", None),  # part of the primary key
    ("type", "character varying", 64, "NO", None),
    ("body", "text", None, "NO", None),
    ("name", "character varying", 64, "NO", None),
    ("namespace", "character varying", 64, "NO", None),
    ("version", "integer", None, "NO", None),
    ("status", "text", None, "NO", None),
    ("owner", "text", None, "NO", None),
    ("createdat", "integer", None, "NO", None),
    ("modifiedat", "integer", None, "NO", "0"),
]
LABELS_COLUMNS = [
    ("releasekey", "character varying", 64, "YES", None),
    ("releasenamespace", "character varying", 67, "YES", None),
    ("key", "character varying", 317, "YES", None),
    ("value", "character varying", 63, "YES", None),
]
MIGRATIONS_COLUMNS = [
    ("id", "text", None, "NO", None),
    ("applied_at", "timestamp with time zone", None, "YES", None),
]


def columns(conn, table: str) -> list[tuple]:
    return conn.execute(
        "SELECT column_name, data_type, character_maximum_length, is_nullable, column_default "
        "FROM information_schema.columns WHERE table_name = %s ORDER BY ordinal_position",
        (table,),
    ).fetchall()


def test_schema_is_helms(sql_dsn: str) -> None:
    import psycopg

    SQLDriver(sql_dsn).close()
    with psycopg.connect(sql_dsn) as conn:
        assert columns(conn, "releases_v1") == RELEASES_COLUMNS
        assert columns(conn, "custom_labels_v1") == LABELS_COLUMNS
        assert columns(conn, "gorp_migrations") == MIGRATIONS_COLUMNS
        ids = [r[0] for r in conn.execute("SELECT id FROM gorp_migrations ORDER BY applied_at, id")]
        assert ids == ["custom_labels", "init"]  # sql-migrate applies them sorted by id
        pk = conn.execute(
            "SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid "
            "AND a.attnum = ANY(i.indkey) WHERE i.indrelid = 'releases_v1'::regclass AND i.indisprimary "
            "ORDER BY a.attnum"
        ).fetchall()
        assert [r[0] for r in pk] == ["key", "namespace"]
        idx = conn.execute(
            "SELECT tablename, count(*) FROM pg_indexes WHERE tablename IN ('releases_v1', 'custom_labels_v1') "
            "GROUP BY tablename ORDER BY tablename"
        ).fetchall()
        assert idx == [("custom_labels_v1", 1), ("releases_v1", 7)]
        rls = conn.execute(
            "SELECT relname, relrowsecurity FROM pg_class WHERE relname IN ('releases_v1', 'custom_labels_v1') "
            "ORDER BY relname"
        ).fetchall()
        assert rls == [("custom_labels_v1", True), ("releases_v1", True)]


def test_migrations_run_once_and_complete(sql_dsn: str) -> None:
    import psycopg

    SQLDriver(sql_dsn).close()
    with psycopg.connect(sql_dsn, autocommit=True) as conn:
        first = conn.execute("SELECT id, applied_at FROM gorp_migrations ORDER BY id").fetchall()
    SQLDriver(sql_dsn).close()
    with psycopg.connect(sql_dsn, autocommit=True) as conn:
        assert conn.execute("SELECT id, applied_at FROM gorp_migrations ORDER BY id").fetchall() == first
        # a database set up by an older Helm (before custom labels) gets the missing migration
        conn.execute("DROP TABLE custom_labels_v1")
        conn.execute("DELETE FROM gorp_migrations WHERE id = 'custom_labels'")
    SQLDriver(sql_dsn).close()
    with psycopg.connect(sql_dsn) as conn:
        assert columns(conn, "custom_labels_v1") == LABELS_COLUMNS
        assert [r[0] for r in conn.execute("SELECT id FROM gorp_migrations ORDER BY id")] == [
            "custom_labels",
            "init",
        ]


def test_rows(sql_dsn: str) -> None:
    import psycopg

    with SQLDriver(sql_dsn, "default") as drv:
        r = rel(namespace="apps", labels={"team": "a", "tier": "b"})
        drv.create(make_key("demo", 1), r)
        with psycopg.connect(sql_dsn) as conn:
            row = conn.execute(
                "SELECT key, type, name, namespace, version, status, owner, createdat, modifiedat, body FROM releases_v1"
            ).fetchone()
            assert row[:7] == (
                "sh.helm.release.v1.demo.v1",
                "helm.sh/release.v1",
                "demo",
                "apps",
                1,
                "deployed",
                "helm",
            )
            assert row[7] > 0 and row[8] == 0
            assert same(decode_release(row[9]), r)
            assert sorted(conn.execute("SELECT * FROM custom_labels_v1").fetchall()) == [
                ("sh.helm.release.v1.demo.v1", "apps", "team", "a"),
                ("sh.helm.release.v1.demo.v1", "apps", "tier", "b"),
            ]
        r.set_status(Status.SUPERSEDED, "Upgraded")
        drv.update(make_key("demo", 1), r)
        with psycopg.connect(sql_dsn) as conn:
            status, modified = conn.execute("SELECT status, modifiedat FROM releases_v1").fetchone()
            assert status == "superseded" and modified > 0


def test_query_unknown_label(sql_dsn: str) -> None:
    with SQLDriver(sql_dsn) as drv:
        with pytest.raises(StorageError, match=r"^unknown label team$"):
            drv.query({"name": "x", "team": "a"})


def test_get_list_query_labels(sql_dsn: str) -> None:
    with SQLDriver(sql_dsn, "default") as drv:
        drv.create(make_key("demo", 1), rel(labels={"team": "a"}))
        assert drv.get(make_key("demo", 1)).labels == {"team": "a"}
        assert drv.query({"name": "demo"})[0].labels == {"team": "a"}  # Helm's Query: custom labels only
        assert drv.list()[0].labels == {
            "team": "a",
            "name": "demo",
            "owner": "helm",
            "status": "deployed",
            "version": "1",
        }


def test_failed_create_writes_nothing(sql_dsn: str) -> None:
    """Helm's schema limits a label's releaseKey to 64 characters: such a create fails whole."""
    name = "n" * 50
    with SQLDriver(sql_dsn, "default") as drv:
        with pytest.raises(StorageError, match=r"^create: failed to create: value too long"):
            drv.create(make_key(name, 1), rel(name, labels={"team": "a"}))
        with pytest.raises(ReleaseNotFound):
            drv.get(make_key(name, 1))
        drv.create(make_key(name, 1), rel(name))  # without custom labels it fits
        assert drv.get(make_key(name, 1)).name == name


def test_cannot_connect() -> None:
    with pytest.raises(StorageError, match=r"^sql: cannot connect to the database: "):
        SQLDriver("postgresql://nobody@127.0.0.1:1/none?connect_timeout=2")


def test_reads_rows_helm_wrote(sql_dsn: str) -> None:
    """Rows as Helm v4.2.3 stored them (testdata/golden) read back with their history and labels."""
    import psycopg

    rows = json.loads((GOLDEN / "rows.json").read_text())
    SQLDriver(sql_dsn).close()
    texts = {}
    with psycopg.connect(sql_dsn) as conn:
        for row in rows:
            text = (GOLDEN / f"{row['key']}.json").read_text(encoding="utf-8")
            texts[row["key"]] = text
            body = base64.b64encode(gzip.compress(text.encode())).decode()
            conn.execute(
                "INSERT INTO releases_v1 (key, type, body, name, namespace, version, status, owner, createdAt, "
                "modifiedAt) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
                (
                    row["key"],
                    row["type"],
                    body,
                    row["name"],
                    row["namespace"],
                    row["version"],
                    row["status"],
                    row["owner"],
                    row["createdat"],
                    row["modifiedat"],
                ),
            )
            for k, v in row["labels"].items():
                conn.execute(
                    "INSERT INTO custom_labels_v1 (releaseKey, releaseNamespace, key, value) VALUES (%s, %s, %s, %s)",
                    (row["key"], row["namespace"], k, v),
                )
    with SQLDriver(sql_dsn, "default") as drv:
        store = Storage(drv)
        history = store.history("golden")
        assert [(r.version, r.info.status) for r in history] == [
            (1, "superseded"),
            (2, "superseded"),
            (3, "uninstalled"),
        ]
        for r in history:
            assert r.labels == {"team": "storage", "tier": "gold"}
            assert release_to_json(r) == texts[make_key("golden", r.version)]
        assert store.last("golden").version == 3
        drv.namespace = ""
        assert sorted({r.name for r in drv.list()}) == ["golden", "plain"]
        assert [r.namespace for r in drv.query({"name": "plain"})] == ["other"]

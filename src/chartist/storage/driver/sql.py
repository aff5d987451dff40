"""Releases stored in PostgreSQL (Helm's ``storage/driver/sql.go``, ``HELM_DRIVER=sql``).

The database layout is Helm's, so Helm and chartist share a database: table ``releases_v1``
(key, type, body, name, namespace, version, status, owner, createdAt, modifiedAt; primary key
(key, namespace)) and ``custom_labels_v1`` (releaseKey, releaseNamespace, key, value), created
by Helm's two migrations ``init`` and ``custom_labels`` and recorded, as Helm's migration
library (rubenv/sql-migrate) records them, in ``gorp_migrations`` (id, applied_at). Helm's
column names are unquoted, so PostgreSQL folds them to lower case (``createdat``).

``body`` is :func:`~chartist.release.codec.encode_release`. Each write runs in one
transaction (a revision row and its custom labels together), so an interrupted write leaves
the previous state. Connection strings are libpq's (URL or ``key=value``), passed by the
caller (the CLI reads ``HELM_DRIVER_SQL_CONNECTION_STRING``). Requires psycopg 3.

Differences from Helm, all where Helm loses information or misreports: a database error while
reading is a StorageError (Helm reports "not found"); ``update`` of a missing revision raises
ReleaseNotFound (Helm updates nothing and succeeds); ``list`` over all namespaces reads each
revision's labels from its own namespace; migrations run under an advisory lock in one
transaction, so two first runs at once cannot collide.
"""

from __future__ import annotations

import builtins
import logging
import threading
import time
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Final

from chartist.errors import ChartistError
from chartist.release.codec import decode_release, encode_release
from chartist.release.model import Release
from chartist.storage.driver.base import (
    OWNER,
    RELEASE_TYPE,
    ReleaseExists,
    ReleaseFilter,
    ReleaseNotFound,
    StorageError,
    filter_system_labels,
    go_quote,
    system_labels,
)
from chartist.storage.driver.memory import DEFAULT_NAMESPACE

if TYPE_CHECKING:
    import psycopg

__all__ = ["MIGRATIONS", "MIGRATIONS_TABLE", "SQLDriver"]

_log = logging.getLogger("chartist.storage")

RELEASES_TABLE: Final = "releases_v1"
LABELS_TABLE: Final = "custom_labels_v1"
MIGRATIONS_TABLE: Final = "gorp_migrations"

# Helm's migrations, in the order sql-migrate applies them (sorted by id).
MIGRATIONS: Final[tuple[tuple[str, str], ...]] = (
    (
        "custom_labels",
        """
        CREATE TABLE custom_labels_v1 (
            releaseKey VARCHAR(64),
            releaseNamespace VARCHAR(67),
            key VARCHAR(317),
            value VARCHAR(63)
        );
        CREATE INDEX ON custom_labels_v1 (releaseKey, releaseNamespace);

        GRANT ALL ON custom_labels_v1 TO PUBLIC;
        ALTER TABLE custom_labels_v1 ENABLE ROW LEVEL SECURITY;
        """,
    ),
    (
        "init",
        """
        CREATE TABLE releases_v1 (
            key VARCHAR(90),
            type VARCHAR(64) NOT NULL,
            body TEXT NOT NULL,
            name VARCHAR(64) NOT NULL,
            namespace VARCHAR(64) NOT NULL,
            version INTEGER NOT NULL,
            status TEXT NOT NULL,
            owner TEXT NOT NULL,
            createdAt INTEGER NOT NULL,
            modifiedAt INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY(key, namespace)
        );
        CREATE INDEX ON releases_v1 (key, namespace);
        CREATE INDEX ON releases_v1 (version);
        CREATE INDEX ON releases_v1 (status);
        CREATE INDEX ON releases_v1 (owner);
        CREATE INDEX ON releases_v1 (createdAt);
        CREATE INDEX ON releases_v1 (modifiedAt);

        GRANT ALL ON releases_v1 TO PUBLIC;

        ALTER TABLE releases_v1 ENABLE ROW LEVEL SECURITY;
        """,
    ),
)
# sql-migrate's table, as gorp creates it for PostgreSQL.
_MIGRATIONS_DDL: Final = (
    'create table if not exists "gorp_migrations" ("id" text not null primary key, '
    '"applied_at" timestamp with time zone)'
)
# Serialises first-run migrations of concurrent clients (an arbitrary constant: "helmsql").
_MIGRATION_LOCK: Final = 0x68656C6D73716C
# The labels Helm's Query accepts: the columns of releases_v1 that mirror a Secret's labels.
_QUERY_COLUMNS: Final = {
    "name": "name",
    "owner": "owner",
    "status": "status",
    "version": "version",
    "createdAt": "createdAt",
    "modifiedAt": "modifiedAt",
}


class SQLDriver:
    """A Driver over PostgreSQL; NAMESPACE ``""`` lists and queries every namespace.

    Connecting runs Helm's migrations when they are missing. Raises StorageError when the
    database cannot be reached or set up. Thread-safe (one connection, one lock).
    """

    def __init__(self, dsn: str, namespace: str = "") -> None:
        import psycopg

        self.namespace = namespace
        self._lock = threading.Lock()
        try:
            self._conn: psycopg.Connection[Any] = psycopg.connect(dsn, autocommit=True)
        except psycopg.Error as err:
            raise StorageError(f"sql: cannot connect to the database: {err}") from err
        try:
            self._ensure_db_setup()
        except psycopg.Error as err:
            self._conn.close()
            raise StorageError(f"sql: cannot set up the database: {err}") from err

    @property
    def name(self) -> str:
        return "SQL"

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> SQLDriver:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- setup ---------------------------------------------------------------------------------
    def _applied(self) -> set[str]:
        import psycopg

        try:
            with self._conn.transaction():
                rows = self._conn.execute('SELECT "id" FROM "gorp_migrations"').fetchall()
        except psycopg.errors.UndefinedTable:
            return set()
        return {r[0] for r in rows}

    def _ensure_db_setup(self) -> None:
        wanted = {mid for mid, _ in MIGRATIONS}
        if wanted <= self._applied():
            return
        with self._conn.transaction():
            self._conn.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATION_LOCK,))
            self._conn.execute(_MIGRATIONS_DDL)
            done = {r[0] for r in self._conn.execute('SELECT "id" FROM "gorp_migrations"').fetchall()}
            for mid, ddl in MIGRATIONS:
                if mid in done:
                    continue
                self._conn.execute(ddl)  # several statements: sent with the simple query protocol
                self._conn.execute(
                    'INSERT INTO "gorp_migrations" ("id", "applied_at") VALUES (%s, %s)',
                    (mid, datetime.now(UTC)),
                )

    # -- helpers -------------------------------------------------------------------------------
    def _labels(self, keys: Iterable[tuple[str, str]]) -> dict[tuple[str, str], dict[str, str]]:
        """Custom labels of each (key, namespace)."""
        wanted = set(keys)
        out: dict[tuple[str, str], dict[str, str]] = {k: {} for k in wanted}
        if not wanted:
            return out
        rows = self._conn.execute(
            "SELECT releaseKey, releaseNamespace, key, value FROM custom_labels_v1 WHERE releaseKey = ANY(%s)",
            ([k for k, _ in wanted],),
        ).fetchall()
        for rkey, rns, k, v in rows:
            if (rkey, rns) in out:
                out[(rkey, rns)][k] = v
        return {k: filter_system_labels(v) for k, v in out.items()}

    def _releases(self, rows: builtins.list[Any], *, with_system: bool) -> builtins.list[Release]:
        labels = self._labels((key, ns) for key, ns, _ in rows)
        out: builtins.list[Release] = []
        for key, ns, body in rows:
            try:
                rls = decode_release(body)
            except ChartistError as err:
                _log.debug("failed to decode release %s: %s", key, err)
                continue
            rls.labels = dict(labels[(key, ns)])
            if with_system:
                rls.labels.update(system_labels(rls))
            out.append(rls)
        return out

    def _encode(self, rls: Release, verb: str) -> str:
        try:
            return encode_release(rls)
        except ChartistError as err:
            raise StorageError(f"{verb}: failed to encode release {go_quote(rls.name)}: {err}") from err

    # -- Driver --------------------------------------------------------------------------------
    def get(self, key: str) -> Release:
        import psycopg

        with self._lock:
            try:
                row = self._conn.execute(
                    "SELECT body FROM releases_v1 WHERE key = %s AND namespace = %s", (key, self.namespace)
                ).fetchone()
                if row is None:
                    raise ReleaseNotFound()
                labels = self._labels([(key, self.namespace)])[(key, self.namespace)]
            except psycopg.Error as err:
                raise StorageError(f"get: failed to get {go_quote(key)}: {err}") from err
        try:
            rls = decode_release(row[0])
        except ChartistError as err:
            raise StorageError(f"get: failed to decode data {go_quote(key)}: {err}") from err
        rls.labels = labels
        return rls

    def list(self, filter: ReleaseFilter | None = None) -> builtins.list[Release]:
        import psycopg

        with self._lock:
            try:
                if self.namespace:
                    rows = self._conn.execute(
                        "SELECT key, namespace, body FROM releases_v1 WHERE owner = %s AND namespace = %s",
                        (OWNER, self.namespace),
                    ).fetchall()
                else:
                    rows = self._conn.execute(
                        "SELECT key, namespace, body FROM releases_v1 WHERE owner = %s", (OWNER,)
                    ).fetchall()
                releases = self._releases(rows, with_system=True)
            except psycopg.Error as err:
                raise StorageError(f"list: failed to list: {err}") from err
        return [r for r in releases if filter is None or filter(r)]

    def query(self, labels: Mapping[str, str]) -> builtins.list[Release]:
        import psycopg
        from psycopg import sql

        conds: builtins.list[sql.Composable] = []
        params: builtins.list[str] = []
        for key in sorted(labels):
            column = _QUERY_COLUMNS.get(key)
            if column is None:
                raise StorageError(f"unknown label {key}")
            conds.append(sql.SQL("{} = %s").format(sql.SQL(column)))
            params.append(labels[key])
        if self.namespace:
            conds.append(sql.SQL("namespace = %s"))
            params.append(self.namespace)
        where = sql.SQL(" WHERE ") + sql.SQL(" AND ").join(conds) if conds else sql.Composed([])
        stmt = sql.SQL("SELECT key, namespace, body FROM releases_v1") + where
        with self._lock:
            try:
                rows = self._conn.execute(stmt, params).fetchall()
                releases = self._releases(rows, with_system=False)
            except psycopg.Error as err:
                raise StorageError(f"query: failed to query with labels: {err}") from err
        if not releases:
            raise ReleaseNotFound()
        return releases

    def create(self, key: str, rls: Release) -> None:
        import psycopg

        namespace = rls.namespace or DEFAULT_NAMESPACE
        body = self._encode(rls, "create")
        with self._lock:
            self.namespace = namespace  # as Helm: later gets by key look in this namespace
            try:
                with self._conn.transaction():
                    cur = self._conn.execute(
                        "INSERT INTO releases_v1 (key, type, body, name, namespace, version, status, owner, "
                        "createdAt) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s) "
                        "ON CONFLICT (key, namespace) DO NOTHING",
                        (
                            key,
                            RELEASE_TYPE,
                            body,
                            rls.name,
                            namespace,
                            rls.version,
                            str(rls.info.status),
                            OWNER,
                            int(time.time()),
                        ),
                    )
                    if cur.rowcount == 0:
                        raise ReleaseExists()
                    for k, v in filter_system_labels(rls.labels).items():
                        self._conn.execute(
                            "INSERT INTO custom_labels_v1 (releaseKey, releaseNamespace, key, value) "
                            "VALUES (%s, %s, %s, %s)",
                            (key, namespace, k, v),
                        )
            except psycopg.Error as err:
                raise StorageError(f"create: failed to create: {err}") from err

    def update(self, key: str, rls: Release) -> None:
        import psycopg

        namespace = rls.namespace or DEFAULT_NAMESPACE
        body = self._encode(rls, "update")
        with self._lock:
            self.namespace = namespace
            try:
                cur = self._conn.execute(
                    "UPDATE releases_v1 SET body = %s, name = %s, version = %s, status = %s, owner = %s, "
                    "modifiedAt = %s WHERE key = %s AND namespace = %s",
                    (
                        body,
                        rls.name,
                        rls.version,
                        str(rls.info.status),
                        OWNER,
                        int(time.time()),
                        key,
                        namespace,
                    ),
                )
            except psycopg.Error as err:
                raise StorageError(f"update: failed to update: {err}") from err
        if cur.rowcount == 0:
            raise ReleaseNotFound()

    def delete(self, key: str) -> Release:
        import psycopg

        with self._lock:
            ns = self.namespace
            try:
                with self._conn.transaction():
                    row = self._conn.execute(
                        "SELECT body FROM releases_v1 WHERE key = %s AND namespace = %s FOR UPDATE", (key, ns)
                    ).fetchone()
                    if row is None:
                        raise ReleaseNotFound()
                    try:
                        rls = decode_release(row[0])
                    except ChartistError as err:
                        raise StorageError(f"delete: failed to decode data {go_quote(key)}: {err}") from err
                    rls.labels = self._labels([(key, ns)])[(key, ns)]
                    self._conn.execute("DELETE FROM releases_v1 WHERE key = %s AND namespace = %s", (key, ns))
                    self._conn.execute(
                        "DELETE FROM custom_labels_v1 WHERE releaseKey = %s AND releaseNamespace = %s",
                        (key, ns),
                    )
            except psycopg.Error as err:
                raise StorageError(f"delete: failed to delete {go_quote(key)}: {err}") from err
        return rls

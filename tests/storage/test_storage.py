"""Storage: history, max-history pruning, deployed/last queries and the pending lock (Helm's storage_test.go)."""

from __future__ import annotations

import pytest

from chartist.release.model import Info, Release
from chartist.release.status import Status
from chartist.storage import (
    MemoryDriver,
    NoDeployedReleases,
    OperationInProgress,
    ReleaseExists,
    ReleaseNotFound,
    Storage,
    StorageError,
)
from chartist.storage.driver import make_key

NAME = "angry-bird"


def rls(version: int, status: str, name: str = NAME, namespace: str = "default") -> Release:
    return Release(name=name, version=version, namespace=namespace, info=Info(status=status))


def statuses(store: Storage, name: str = NAME) -> list[tuple[int, str]]:
    return [(r.version, r.info.status) for r in store.history(name)]


@pytest.fixture
def store() -> Storage:
    return Storage(MemoryDriver())


def test_default_driver_is_memory() -> None:
    assert Storage().driver.name == "Memory"


def test_create_get_update_delete(store: Storage) -> None:
    store.create(rls(1, Status.PENDING_INSTALL))
    with pytest.raises(ReleaseExists):
        store.create(rls(1, Status.PENDING_INSTALL))
    r = store.get(NAME, 1)
    r.set_status(Status.DEPLOYED, "Install complete")
    store.update(r)
    assert store.get(NAME, 1).info.description == "Install complete"
    assert store.delete(NAME, 1).version == 1
    with pytest.raises(ReleaseNotFound):
        store.get(NAME, 1)


def test_lists(store: Storage) -> None:
    for r in [
        rls(1, Status.UNINSTALLED, "rls-a"),
        rls(1, Status.SUPERSEDED, "rls-b"),
        rls(1, Status.UNINSTALLED, "rls-c"),
        rls(1, Status.DEPLOYED, "rls-d"),
        rls(1, Status.DEPLOYED, "rls-e"),
        rls(1, Status.FAILED, "rls-f"),
        rls(1, Status.PENDING_UPGRADE, "rls-g"),
    ]:
        store.create(r)
    assert len(store.list_releases()) == 7
    assert sorted(r.name for r in store.list_deployed()) == ["rls-d", "rls-e"]
    assert sorted(r.name for r in store.list_uninstalled()) == ["rls-a", "rls-c"]
    assert [r.name for r in store.list(lambda r: r.info.status == Status.FAILED)] == ["rls-f"]


def test_deployed(store: Storage) -> None:
    for v, s in [(1, Status.SUPERSEDED), (2, Status.SUPERSEDED), (3, Status.DEPLOYED), (4, Status.FAILED)]:
        store.create(rls(v, s))
    assert store.deployed(NAME).version == 3
    assert [r.version for r in store.deployed_all(NAME)] == [3]


def test_deployed_with_corruption(store: Storage) -> None:
    """Concurrent writes can leave several deployed revisions: the newest wins."""
    for v, s in [(1, Status.SUPERSEDED), (2, Status.DEPLOYED), (3, Status.DEPLOYED), (4, Status.FAILED)]:
        store.create(rls(v, s))
    assert store.deployed(NAME).version == 3


@pytest.mark.parametrize(
    "setup", [[], [(1, Status.FAILED)], [(1, Status.SUPERSEDED), (2, Status.UNINSTALLED)]]
)
def test_no_deployed(store: Storage, setup) -> None:
    for v, s in setup:
        store.create(rls(v, s))
    with pytest.raises(NoDeployedReleases) as err:
        store.deployed(NAME)
    assert str(err.value) == '"angry-bird" has no deployed releases'
    with pytest.raises(NoDeployedReleases):
        store.deployed_all(NAME)


def test_history_and_last(store: Storage) -> None:
    for v, s in [
        (3, Status.FAILED),
        (1, Status.SUPERSEDED),
        (4, Status.PENDING_UPGRADE),
        (2, Status.DEPLOYED),
    ]:
        store.create(rls(v, s))
    store.create(rls(1, Status.DEPLOYED, "other"))
    assert [r.version for r in store.history(NAME)] == [1, 2, 3, 4]
    assert store.last(NAME).version == 4
    with pytest.raises(ReleaseNotFound, match=r"^release: not found$"):
        store.history("missing")
    with pytest.raises(ReleaseNotFound):
        store.last("missing")


def test_remove_least_recent() -> None:
    store = Storage(MemoryDriver(), max_history=10)
    for v, s in [
        (1, Status.SUPERSEDED),
        (2, Status.SUPERSEDED),
        (3, Status.SUPERSEDED),
        (4, Status.DEPLOYED),
    ]:
        store.create(rls(v, s))
    assert len(store.history(NAME)) == 4
    store.max_history = 3
    store.create(rls(5, Status.DEPLOYED))
    assert [r.version for r in store.history(NAME)] == [3, 4, 5]


def test_do_not_delete_deployed() -> None:
    store = Storage(MemoryDriver(), max_history=3)
    for v, s in [(1, Status.SUPERSEDED), (2, Status.DEPLOYED), (3, Status.FAILED), (4, Status.FAILED)]:
        store.create(rls(v, s))
    store.create(rls(5, Status.FAILED))
    assert [r.version for r in store.history(NAME)] == [2, 4, 5]


def test_initially_failed_release_with_history_limit() -> None:
    store = Storage(MemoryDriver(), max_history=4)
    for v in range(1, 5):
        store.create(rls(v, Status.FAILED))
    store.create(rls(5, Status.FAILED))
    assert statuses(store) == [(v, "failed") for v in range(2, 6)]


def test_max_history_one_keeps_only_the_new_revision() -> None:
    store = Storage(MemoryDriver(), max_history=1)
    store.create(rls(1, Status.SUPERSEDED))
    store.create(rls(2, Status.SUPERSEDED))
    assert statuses(store) == [(2, "superseded")]


class FailingDelete(MemoryDriver):
    def delete(self, key: str) -> Release:
        raise StorageError(f"cannot delete {key}")


def test_max_history_error_handling() -> None:
    drv = FailingDelete()
    store = Storage(drv, max_history=1)
    drv.create(make_key(NAME, 1), rls(1, Status.SUPERSEDED))
    with pytest.raises(StorageError, match=r"^cannot delete sh.helm.release.v1.angry-bird.v1$"):
        store.create(rls(2, Status.SUPERSEDED))
    # nothing was created: the old revision is still the whole history
    assert statuses(store) == [(1, "superseded")]


def test_several_deletion_errors() -> None:
    drv = FailingDelete()
    store = Storage(drv, max_history=1)
    for v in (1, 2, 3):
        drv.create(make_key(NAME, v), rls(v, Status.SUPERSEDED))
    with pytest.raises(StorageError, match=r"^encountered 3 deletion errors. First is: cannot delete"):
        store.create(rls(4, Status.SUPERSEDED))


@pytest.mark.parametrize("status", [Status.PENDING_INSTALL, Status.PENDING_UPGRADE, Status.PENDING_ROLLBACK])
def test_pending_last_revision_locks_the_release(store: Storage, status: str) -> None:
    store.create(rls(1, Status.DEPLOYED))
    store.create(rls(2, status))
    with pytest.raises(OperationInProgress) as err:
        store.check_not_pending(NAME)
    assert str(err.value) == "another operation (install/upgrade/rollback) is in progress"


@pytest.mark.parametrize(
    "last", [Status.DEPLOYED, Status.FAILED, Status.SUPERSEDED, Status.UNINSTALLED, Status.UNINSTALLING]
)
def test_settled_last_revision_does_not_lock(store: Storage, last: str) -> None:
    store.create(rls(1, Status.PENDING_INSTALL))  # an old pending revision does not matter
    store.create(rls(2, last))
    got = store.check_not_pending(NAME)
    assert got is not None and got.version == 2


def test_lock_without_history(store: Storage) -> None:
    assert store.check_not_pending(NAME) is None


def test_storage_over_every_driver(make_driver) -> None:
    """History rules hold whatever the driver (pruning, deployed, lock)."""
    drv = make_driver()
    ns = drv.namespace
    store = Storage(drv, max_history=3)
    for v, s in [(1, Status.SUPERSEDED), (2, Status.DEPLOYED), (3, Status.FAILED), (4, Status.FAILED)]:
        store.create(rls(v, s, namespace=ns))
    store.create(rls(5, Status.PENDING_UPGRADE, namespace=ns))
    assert [r.version for r in store.history(NAME)] == [2, 4, 5]
    assert store.deployed(NAME).version == 2
    with pytest.raises(OperationInProgress):
        store.check_not_pending(NAME)

"""The Driver contract, run against every driver (Helm's memory/secrets/cfgmaps/sql driver tests)."""

from __future__ import annotations

import pytest

from chartist.chart.model import Chart, File, Metadata
from chartist.release.codec import release_to_json
from chartist.release.model import Hook, HookExecution, Info, Release
from chartist.release.status import Status
from chartist.release.times import parse_time
from chartist.storage.driver import (
    Driver,
    InvalidKey,
    ReleaseExists,
    ReleaseNotFound,
    make_key,
    parse_key,
)

CHART = Chart(
    Metadata(name="demo", version="0.1.0", api_version="v2", app_version="1.0"),
    values={"replicas": 1.0},
    templates=(File("templates/cm.yaml", b"kind: ConfigMap\n"),),
)


def rel(
    name: str = "demo", version: int = 1, status: str = Status.DEPLOYED, namespace: str = "default", **kw
) -> Release:
    t = parse_time("2024-05-01T10:00:00.123456789+02:00")
    return Release(
        name=name,
        version=version,
        namespace=namespace,
        info=Info(first_deployed=t, last_deployed=t, status=status, description="Install complete"),
        chart=CHART,
        config={"user": "<x>"},
        manifest="---\nkind: ConfigMap\n",
        hooks=[
            Hook(
                "h",
                "Job",
                "demo/templates/h.yaml",
                "kind: Job\n",
                ["post-install"],
                last_run=HookExecution(t, t, "Succeeded"),
            )
        ],
        apply_method="ssa",
        **kw,
    )


def same(a: Release, b: Release) -> bool:
    return release_to_json(a) == release_to_json(b)


def store(drv: Driver, *releases: Release) -> None:
    for r in releases:
        drv.create(make_key(r.name, r.version), r)


def test_is_a_driver(make_driver) -> None:
    drv = make_driver()
    assert isinstance(drv, Driver)
    assert drv.name in ("Memory", "Secret", "ConfigMap", "SQL")


def test_create_get(make_driver) -> None:
    drv = make_driver()
    ns = drv.namespace
    r = rel(namespace=ns, labels={"team": "storage", "tier": "gold"})
    drv.create(make_key("demo", 1), r)
    got = drv.get(make_key("demo", 1))
    assert same(got, r)
    assert got.labels == {"team": "storage", "tier": "gold"}  # custom labels only


def test_create_exists(make_driver) -> None:
    drv = make_driver()
    r = rel(namespace=drv.namespace)
    drv.create(make_key("demo", 1), r)
    with pytest.raises(ReleaseExists, match=r"^release: already exists$"):
        drv.create(make_key("demo", 1), r)


def test_get_missing(make_driver) -> None:
    drv = make_driver()
    with pytest.raises(ReleaseNotFound, match=r"^release: not found$"):
        drv.get(make_key("nope", 1))


def test_update(make_driver) -> None:
    drv = make_driver()
    r = rel(namespace=drv.namespace, status=Status.PENDING_INSTALL, labels={"team": "a"})
    drv.create(make_key("demo", 1), r)
    r.set_status(Status.FAILED, "boom")
    drv.update(make_key("demo", 1), r)
    got = drv.get(make_key("demo", 1))
    assert (got.info.status, got.info.description) == ("failed", "boom")
    assert same(got, r)
    assert drv.query({"name": "demo", "status": "failed"})[0].version == 1


def test_update_missing(make_driver) -> None:
    drv = make_driver()
    with pytest.raises(ReleaseNotFound):
        drv.update(make_key("demo", 9), rel(version=9, namespace=drv.namespace))


def test_delete(make_driver) -> None:
    drv = make_driver()
    r = rel(namespace=drv.namespace, labels={"team": "a"})
    drv.create(make_key("demo", 1), r)
    gone = drv.delete(make_key("demo", 1))
    assert same(gone, r)
    assert gone.labels == {"team": "a"}
    with pytest.raises(ReleaseNotFound):
        drv.get(make_key("demo", 1))
    with pytest.raises(ReleaseNotFound):
        drv.delete(make_key("demo", 1))
    if drv.name == "SQL":  # the custom labels went with the row
        assert drv._labels([(make_key("demo", 1), drv.namespace)]) == {
            (make_key("demo", 1), drv.namespace): {}
        }


def test_query(make_driver) -> None:
    drv = make_driver()
    ns = drv.namespace
    store(
        drv,
        rel("a", 1, Status.SUPERSEDED, ns),
        rel("a", 2, Status.DEPLOYED, ns),
        rel("a", 3, Status.PENDING_UPGRADE, ns),
        rel("b", 1, Status.DEPLOYED, ns),
    )
    versions = sorted(r.version for r in drv.query({"name": "a", "owner": "helm"}))
    assert versions == [1, 2, 3]
    deployed = drv.query({"name": "a", "owner": "helm", "status": "deployed"})
    assert [(r.name, r.version) for r in deployed] == [("a", 2)]
    assert [r.name for r in drv.query({"version": "1", "name": "b"})] == ["b"]
    with pytest.raises(ReleaseNotFound):
        drv.query({"name": "c", "owner": "helm"})


def test_list(make_driver) -> None:
    drv = make_driver()
    ns = drv.namespace
    store(drv, rel("a", 1, Status.SUPERSEDED, ns), rel("a", 2, Status.DEPLOYED, ns, labels={"team": "x"}))
    everything = drv.list()
    assert sorted(r.version for r in everything) == [1, 2]
    deployed = drv.list(lambda r: r.info.status == Status.DEPLOYED)
    assert [r.version for r in deployed] == [2]
    # list carries the system labels too, so that list selectors can match status and version
    labels = deployed[0].labels
    assert labels["team"] == "x"
    assert {k: labels[k] for k in ("name", "owner", "status", "version")} == {
        "name": "a",
        "owner": "helm",
        "status": "deployed",
        "version": "2",
    }


def test_list_empty(make_driver) -> None:
    assert make_driver().list() == []


def test_namespaces(make_driver, driver_kind: str) -> None:
    a = make_driver("ns-a")
    if driver_kind in ("memory", "sql"):
        # These drivers follow the release's namespace on create, as Helm's do.
        a.create(make_key("x", 1), rel("x", 1, namespace="ns-a"))
        a.create(make_key("y", 1), rel("y", 1, namespace="ns-b"))
        assert a.namespace == "ns-b"
        a.namespace = "ns-a"
        assert [r.name for r in a.list()] == ["x"]
        with pytest.raises(ReleaseNotFound):
            a.get(make_key("y", 1))
        a.namespace = ""
        assert sorted(r.name for r in a.list()) == ["x", "y"]
    else:
        b = make_driver("ns-b")
        a.create(make_key("x", 1), rel("x", 1, namespace="ns-a"))
        b.create(make_key("y", 1), rel("y", 1, namespace="ns-b"))
        assert [r.name for r in a.list()] == ["x"]
        assert [r.name for r in b.query({"owner": "helm"})] == ["y"]
        with pytest.raises(ReleaseNotFound):
            a.get(make_key("y", 1))
        a.namespace = ""
        assert sorted(r.name for r in a.list() if r.name in "xy") == ["x", "y"]


def test_stored_copy_is_independent(make_driver) -> None:
    drv = make_driver()
    r = rel(namespace=drv.namespace)
    drv.create(make_key("demo", 1), r)
    r.info.status = Status.FAILED
    assert drv.get(make_key("demo", 1)).info.status == Status.DEPLOYED


@pytest.mark.parametrize(
    ("key", "want"),
    [
        ("sh.helm.release.v1.demo.v1", ("demo", 1)),
        ("sh.helm.release.v1.my.vapp.v12", ("my.vapp", 12)),
        ("demo.v3", ("demo", 3)),
        ("sh.helm.release.v1.demo.v+2", ("demo", 2)),
    ],
)
def test_parse_key(key: str, want: tuple[str, int]) -> None:
    assert parse_key(key) == want


@pytest.mark.parametrize("key", ["sh.helm.release.v1.demo", "sh.helm.release.v1.demo.vx", "demo.v"])
def test_parse_key_invalid(key: str) -> None:
    with pytest.raises(InvalidKey, match=r"^release: invalid key$"):
        parse_key(key)


def test_memory_invalid_key() -> None:
    from chartist.storage.driver import MemoryDriver

    with pytest.raises(InvalidKey):
        MemoryDriver().get("sh.helm.release.v1.demo")

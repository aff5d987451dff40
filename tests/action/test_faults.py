"""Nothing is lost: API errors, dropped connections and Ctrl-C never leave a release that cannot be
upgraded or rolled back (the test server's fault injection, an interrupt raised mid-operation)."""

from __future__ import annotations

from pathlib import Path

import pytest

from chartist.action.configuration import ActionError, Configuration, OperationCancelled, ReleaseFailed
from chartist.action.install import Install
from chartist.action.rollback import Rollback
from chartist.action.upgrade import Upgrade

from .fixtures import CONFIGMAP, DEPLOYMENT, hook, load, write_chart


def history(cfg: Configuration, name: str) -> list[tuple[int, str]]:
    return [(r.version, r.info.status) for r in cfg.releases.history(name)]


@pytest.fixture
def chart(tmp_path: Path):
    return load(write_chart(tmp_path, {"cm.yaml": CONFIGMAP, "web.yaml": DEPLOYMENT}))


@pytest.fixture
def deployed(cfg: Configuration, chart):
    Install(cfg, release_name="f").run(chart, {"msg": "v1"})
    return chart


def test_api_errors_while_applying(cfg: Configuration, server, kube, deployed) -> None:
    server.faults.add(method="PATCH", path="/deployments/f-web", status=500, times=-1)
    with pytest.raises(
        ReleaseFailed, match="server-side apply failed for object default/f-web apps/v1, Kind=Deployment"
    ):
        Upgrade(cfg).run("f", deployed, {"msg": "v2", "replicas": 2})
    assert history(cfg, "f") == [(1, "deployed"), (2, "failed")]
    server.faults.clear()
    Upgrade(cfg).run("f", deployed, {"msg": "v3", "replicas": 3})
    assert history(cfg, "f")[-2:] == [(2, "failed"), (3, "deployed")]
    assert kube.get("apps/v1", "Deployment", "f-web", "default")["spec"]["replicas"] == 3


def test_dropped_connections_are_retried(cfg: Configuration, server, deployed) -> None:
    server.faults.add(method="PATCH", path="/deployments/f-web", drop=True, times=2)
    server.faults.add(method="PUT", path="/secrets/sh.helm.release.v1.f.v2", drop=True, times=2)
    rel = Upgrade(cfg).run("f", deployed, {"msg": "v2"})
    assert rel.info.status == "deployed" and history(cfg, "f") == [(1, "superseded"), (2, "deployed")]


def test_final_write_outlasts_a_storage_outage(cfg: Configuration, server, deployed) -> None:
    # More failures than the transport retries: the final write is retried by the action.
    fault = server.faults.add(method="PUT", path="/secrets/sh.helm.release.v1.f.v2", status=503, times=8)
    Upgrade(cfg).run("f", deployed, {"msg": "v2"})
    assert fault.hits == 8
    assert history(cfg, "f") == [(1, "superseded"), (2, "deployed")]


def test_failed_creation_of_the_revision_touches_nothing(cfg: Configuration, server, kube, deployed) -> None:
    server.faults.add(method="POST", path="/secrets$", drop=True, times=1)
    with pytest.raises(ActionError):
        Upgrade(cfg).run("f", deployed, {"msg": "v2"})
    assert history(cfg, "f") == [(1, "deployed")]
    assert kube.get("v1", "ConfigMap", "f-cm", "default")["data"]["msg"] == "v1"
    Upgrade(cfg).run("f", deployed, {"msg": "v2"})
    assert history(cfg, "f") == [(1, "superseded"), (2, "deployed")]


def test_api_errors_while_waiting(cfg: Configuration, server, deployed) -> None:
    server.faults.add(method="GET", path="/deployments/f-web", status=500, times=-1)
    with pytest.raises(ReleaseFailed):
        Upgrade(cfg, wait="watcher", timeout=5).run("f", deployed, {"msg": "v2", "image": "nginx:2"})
    server.faults.clear()
    assert history(cfg, "f") == [(1, "deployed"), (2, "failed")]
    assert (
        Upgrade(cfg, wait="watcher", timeout=5).run("f", deployed, {"image": "nginx:3"}).info.status
        == "deployed"
    )


def test_storage_down_leaves_a_pending_release_that_rollback_repairs(
    cfg: Configuration, server, kube, deployed
) -> None:
    server.faults.add(method="PATCH", path="/deployments/f-web", status=500, times=-1)
    server.faults.add(method="PUT", path="/secrets/", status=503, times=-1)
    with pytest.raises(ReleaseFailed):
        Upgrade(cfg).run("f", deployed, {"msg": "v2"})
    server.faults.clear()
    assert history(cfg, "f") == [(1, "deployed"), (2, "pending-upgrade")]
    with pytest.raises(ActionError, match="another operation"):
        Upgrade(cfg).run("f", deployed, {})
    rel = Rollback(cfg, version=1).run("f")
    assert (
        rel.info.status == "deployed"
        and kube.get("v1", "ConfigMap", "f-cm", "default")["data"]["msg"] == "v1"
    )
    assert Upgrade(cfg).run("f", deployed, {"msg": "v4"}).version == 4


def _interrupt_once(cfg: Configuration, method: str, when, *, skip: int = 0) -> None:
    """Make the first call of METHOD matching WHEN (after SKIP of them) raise KeyboardInterrupt."""
    kube = cfg.client
    real = getattr(kube, method)
    seen = []

    def wrapper(*args, **kwargs):
        if len(seen) <= skip and when(*args, **kwargs):
            seen.append(True)
            if len(seen) == skip + 1:
                raise KeyboardInterrupt
        return real(*args, **kwargs)

    setattr(kube, method, wrapper)


@pytest.mark.parametrize(
    "method, when, skip",
    [
        ("apply", lambda obj, **kw: obj.get("kind") == "Deployment", 0),
        ("apply", lambda obj, **kw: obj.get("kind") == "Job", 0),
        ("get", lambda api, kind, *a, **kw: kind == "Deployment", 1),  # the first GET is the update's
    ],
    ids=["applying", "running-a-hook", "waiting"],
)
def test_ctrl_c_during_upgrade(cfg: Configuration, kube, tmp_path: Path, method, when, skip) -> None:
    chart = load(
        write_chart(
            tmp_path, {"cm.yaml": CONFIGMAP, "web.yaml": DEPLOYMENT, "h.yaml": hook("h", "pre-upgrade")}
        )
    )
    Install(cfg, release_name="c").run(chart, {})
    _interrupt_once(cfg, method, when, skip=skip)
    with pytest.raises(OperationCancelled, match=r"^context canceled$"):
        Upgrade(cfg, wait="watcher", timeout=10).run("c", chart, {"msg": "v2", "image": "nginx:2"})
    assert history(cfg, "c") == [(1, "deployed"), (2, "failed")]
    assert cfg.releases.get("c", 2).info.description == 'Upgrade "c" failed: context canceled'
    assert (
        Upgrade(cfg, wait="watcher", timeout=10).run("c", chart, {"image": "nginx:3"}).info.status
        == "deployed"
    )


def test_ctrl_c_during_install_with_rollback_on_failure(cfg: Configuration, kube, chart) -> None:
    # the first GET of the Deployment is the ownership check, before anything is recorded
    _interrupt_once(cfg, "get", lambda api, kind, *a, **kw: kind == "Deployment", skip=1)
    with pytest.raises(
        OperationCancelled,
        match="has been uninstalled due to rollback-on-failure being set: context canceled",
    ):
        Install(cfg, release_name="ci", rollback_on_failure=True, timeout=10).run(chart, {})
    Install(cfg, release_name="ci").run(chart, {})  # the name is free again


def test_ctrl_c_during_install(cfg: Configuration, chart) -> None:
    _interrupt_once(cfg, "apply", lambda obj, **kw: obj.get("kind") == "ConfigMap")
    with pytest.raises(OperationCancelled):
        Install(cfg, release_name="ci").run(chart, {})
    assert history(cfg, "ci") == [(1, "failed")]
    assert cfg.releases.get("ci", 1).info.description == 'Release "ci" failed: context canceled'
    assert Upgrade(cfg).run("ci", chart, {}).info.status == "deployed"


def test_ctrl_c_while_storing_waits_for_the_write(cfg: Configuration, chart) -> None:
    import os
    import signal

    real = cfg.releases.create

    def create(rel):
        os.kill(os.getpid(), signal.SIGINT)  # arrives while the revision is being written
        real(rel)

    cfg.releases.create = create  # type: ignore[method-assign]
    with pytest.raises(OperationCancelled):
        Install(cfg, release_name="sig").run(chart, {})
    assert history(cfg, "sig") == [(1, "failed")]


def test_ctrl_c_during_the_final_write_is_ignored(cfg: Configuration, chart) -> None:
    import os
    import signal

    real = cfg.releases.update

    def update(rel):
        if rel.info.status == "deployed":
            os.kill(os.getpid(), signal.SIGINT)
        real(rel)

    cfg.releases.update = update  # type: ignore[method-assign]
    assert Install(cfg, release_name="fin").run(chart, {}).info.status == "deployed"
    assert history(cfg, "fin") == [(1, "deployed")]

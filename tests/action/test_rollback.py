"""Rollback against the API test server."""

from __future__ import annotations

from pathlib import Path

import pytest

from chartist.action.configuration import ActionError, Configuration, ReleaseFailed
from chartist.action.install import Install
from chartist.action.rollback import Rollback
from chartist.action.upgrade import Upgrade
from chartist.kube import NotFound
from chartist.storage.driver.base import ReleaseNotFound

from .fixtures import CONFIGMAP, DEPLOYMENT, hook, load, write_chart


def history(cfg: Configuration, name: str) -> list[tuple[int, str]]:
    return [(r.version, r.info.status) for r in cfg.releases.history(name)]


@pytest.fixture
def three(cfg: Configuration, tmp_path: Path):
    one = load(write_chart(tmp_path / "1", {"cm.yaml": CONFIGMAP}))
    two = load(write_chart(tmp_path / "2", {"cm.yaml": CONFIGMAP, "web.yaml": DEPLOYMENT}, version="0.2.0"))
    Install(cfg, release_name="rb").run(one, {"msg": "one"})
    Upgrade(cfg).run("rb", two, {"msg": "two"})
    Upgrade(cfg).run("rb", two, {"msg": "three"})
    return one, two


def test_rollback_to_the_previous_revision(cfg: Configuration, kube, three) -> None:
    rel = Rollback(cfg).run("rb")
    assert (rel.version, rel.info.status, rel.info.description) == (4, "deployed", "Rollback to 2")
    assert rel.config == {"msg": "two"} and rel.chart.metadata.version == "0.2.0"
    assert kube.get("v1", "ConfigMap", "rb-cm", "default")["data"] == {"msg": "two", "revision": "2"}
    assert history(cfg, "rb") == [(1, "superseded"), (2, "superseded"), (3, "superseded"), (4, "deployed")]


def test_rollback_to_a_revision_deletes_newer_objects(cfg: Configuration, kube, three) -> None:
    Rollback(cfg, version=1, wait="watcher", timeout=10).run("rb")
    assert kube.get("v1", "ConfigMap", "rb-cm", "default")["data"]["msg"] == "one"
    with pytest.raises(NotFound):
        kube.get("apps/v1", "Deployment", "rb-web", "default")
    assert cfg.releases.get("rb", 4).info.description == "Rollback to 1"


@pytest.mark.parametrize(
    "name, version, error, message",
    [
        ("rb", 9, ActionError, "^release has no 9 version$"),
        ("rb", -1, ActionError, "^invalid release revision$"),
        ("nope", 0, ReleaseNotFound, "^release: not found$"),
        ("Bad", 0, ActionError, "^prepareRollback: Release name is invalid: Bad$"),
    ],
    ids=["missing-revision", "negative", "missing-release", "bad-name"],
)
def test_rollback_errors(cfg: Configuration, three, name: str, version: int, error, message: str) -> None:
    with pytest.raises(error, match=message):
        Rollback(cfg, version=version).run(name)


def test_rollback_dry_run_changes_nothing(cfg: Configuration, kube, three) -> None:
    rel = Rollback(cfg, dry_run="client").run("rb")
    assert rel.version == 4 and rel.info.status == "pending-rollback"
    assert history(cfg, "rb")[-1] == (3, "deployed")
    assert kube.get("v1", "ConfigMap", "rb-cm", "default")["data"]["msg"] == "three"


def test_rollback_repairs_a_release_left_pending(cfg: Configuration, kube, three, tmp_path: Path) -> None:
    stuck = cfg.releases.get("rb", 3).copy()
    stuck.version, stuck.info.status = 4, "pending-upgrade"
    cfg.releases.create(stuck)
    with pytest.raises(ActionError, match="another operation"):
        Upgrade(cfg).run("rb", load(tmp_path / "1" / "demo"), {})
    rel = Rollback(cfg, version=3).run("rb")
    assert rel.version == 5 and rel.info.status == "deployed"
    Upgrade(cfg).run("rb", load(tmp_path / "1" / "demo"), {"msg": "again"})
    assert history(cfg, "rb")[-1] == (6, "deployed")


def test_rollback_hooks(cfg: Configuration, kube, tmp_path: Path) -> None:
    chart = load(
        write_chart(tmp_path, {"cm.yaml": CONFIGMAP, "h.yaml": hook("pre-rb", "pre-rollback", fail=True)})
    )
    Install(cfg, release_name="rh").run(chart, {})
    Upgrade(cfg).run("rh", chart, {"msg": "x"})
    with pytest.raises(ReleaseFailed, match=r"^resource Job/default/pre-rb not ready. status: Failed"):
        Rollback(cfg, timeout=10).run("rh")
    # Helm leaves such a revision pending-rollback; chartist records it failed so nothing stays locked.
    assert history(cfg, "rh") == [(1, "superseded"), (2, "deployed"), (3, "failed")]
    rel = Rollback(cfg, disable_hooks=True, version=1).run("rh")
    assert rel.info.status == "deployed" and rel.version == 4
    with pytest.raises(
        ActionError, match=r"^invalid operation: cannot use server-side apply and force replace together$"
    ):
        Rollback(cfg, force_replace=True, disable_hooks=True).run("rh")
    rel = Rollback(cfg, force_replace=True, server_side="false", version=2, disable_hooks=True).run("rh")
    assert rel.info.status == "deployed" and rel.apply_method == "csa"
    assert kube.get("v1", "ConfigMap", "rh-cm", "default")["data"]["msg"] == "x"

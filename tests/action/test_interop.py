"""Helm v4 and chartist on one cluster with the Secret driver, in both directions.

Helm runs through helm_python against the shimmed test server (see protoshim.py): each tool
reads, upgrades, rolls back and uninstalls releases the other one wrote.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from chartist.action.configuration import Configuration
from chartist.action.install import Install
from chartist.action.rollback import Rollback
from chartist.action.uninstall import Uninstall
from chartist.action.upgrade import Upgrade
from chartist.kube import NotFound

from .fixtures import CONFIGMAP, DEPLOYMENT, load, write_chart

pytestmark = pytest.mark.helm


def _process_name() -> str:
    """What Go's filepath.Base(os.Args[0]) sees in this process."""
    try:
        with open("/proc/self/cmdline", "rb") as f:
            argv0 = f.read().split(b"\0", 1)[0].decode()
    except OSError:
        argv0 = sys.executable
    return os.path.basename(argv0)


@pytest.fixture
def helm(kubeconfig: str):
    import helm_python as h

    with h.Config(kubeconfig_path=kubeconfig, namespace="default", storage_driver="secret") as config:
        yield config


@pytest.fixture
def cfg(cfg: Configuration) -> Configuration:
    # The helm binary and chartist both write as field manager "helm"; helm_python's library
    # does not set Helm's manager and writes as the process name (Go's os.Args[0] base name,
    # "python" or "python3" depending on how this process was started). Take turns as that.
    cfg.field_manager = _process_name()
    return cfg


@pytest.fixture
def chart_dir(tmp_path: Path) -> Path:
    return write_chart(
        tmp_path, {"cm.yaml": CONFIGMAP, "web.yaml": DEPLOYMENT, "NOTES.txt": "notes {{ .Release.Name }}\n"}
    )


def states(cfg: Configuration, name: str) -> list[tuple[int, str]]:
    return [(r.version, r.info.status) for r in cfg.releases.history(name)]


def test_helm_continues_a_chartist_release(cfg: Configuration, kube, helm, chart_dir: Path) -> None:
    Install(cfg, release_name="ch", labels={"team": "a"}).run(load(chart_dir), {"msg": "from-chartist"})
    status = helm.status("ch")
    assert (status["status"], status["revision"], status["notes"]) == ("deployed", 1, "notes ch\n")
    assert helm.get_values("ch") == {"msg": "from-chartist"}
    helm.upgrade(str(chart_dir), "ch", {"msg": "from-helm"})
    assert states(cfg, "ch") == [(1, "superseded"), (2, "deployed")]
    assert kube.get("v1", "ConfigMap", "ch-cm", "default")["data"]["msg"] == "from-helm"
    assert cfg.releases.get("ch", 2).labels == {"team": "a"}
    Rollback(cfg).run("ch")
    assert [(r["revision"], r["status"]) for r in helm.history("ch")] == [
        (1, "superseded"),
        (2, "superseded"),
        (3, "deployed"),
    ]
    helm.uninstall("ch")
    with pytest.raises(NotFound):
        kube.get("v1", "ConfigMap", "ch-cm", "default")


def test_chartist_continues_a_helm_release(cfg: Configuration, kube, helm, chart_dir: Path) -> None:
    helm.install(str(chart_dir), "hr", {"msg": "from-helm"})
    stored = cfg.releases.get("hr", 1)
    assert (
        stored.info.status == "deployed"
        and stored.config == {"msg": "from-helm"}
        and stored.apply_method == "ssa"
    )
    rel = Upgrade(cfg, reuse_values=True).run("hr", load(chart_dir), {"replicas": 2})
    assert rel.config == {"msg": "from-helm", "replicas": 2}
    assert [(r["revision"], r["status"]) for r in helm.history("hr")] == [(1, "superseded"), (2, "deployed")]
    helm.rollback("hr", version=1)
    assert states(cfg, "hr") == [(1, "superseded"), (2, "superseded"), (3, "deployed")]
    assert kube.get("apps/v1", "Deployment", "hr-web", "default")["spec"]["replicas"] == 1
    Uninstall(cfg).run("hr")
    assert helm.list(all_states=True) == []

"""Uninstall against the API test server."""

from __future__ import annotations

from pathlib import Path

import pytest

from chartist.action.configuration import ActionError, Configuration
from chartist.action.install import Install
from chartist.action.uninstall import Uninstall
from chartist.action.upgrade import Upgrade
from chartist.kube import NotFound
from chartist.storage.driver.base import ReleaseNotFound

from .fixtures import CONFIGMAP, DEPLOYMENT, hook, load, write_chart

KEPT = """\
    apiVersion: v1
    kind: Secret
    metadata:
      name: {{ .Release.Name }}-kept
      annotations:
        helm.sh/resource-policy: keep
    stringData: {a: b}
    """


def test_uninstall_deletes_objects_and_history(cfg: Configuration, kube, server, tmp_path: Path) -> None:
    chart = load(write_chart(tmp_path, {"cm.yaml": CONFIGMAP, "web.yaml": DEPLOYMENT, "kept.yaml": KEPT,
                                        "svc.yaml": "apiVersion: v1\nkind: Service\nmetadata: {name: un-svc}\n"
                                                    "spec: {ports: [{port: 80}]}\n"}))  # fmt: skip
    Install(cfg, release_name="un").run(chart, {})
    Upgrade(cfg).run("un", chart, {"msg": "b"})
    server.requests.clear()
    res = Uninstall(cfg, wait="watcher", timeout=10).run("un")
    assert (
        res is not None
        and res.info == "These resources were kept due to the resource policy:\n[Secret] un-kept\n"
    )
    assert (
        res.release.info.status == "uninstalled" and res.release.info.description == "Uninstallation complete"
    )
    deletes = [
        r.path.rsplit("/", 2)[1] for r in server.requests if r.method == "DELETE" and "sh.helm" not in r.path
    ]
    assert deletes == ["services", "deployments", "configmaps"]  # Helm's uninstall order
    for api, kind, name in (
        ("v1", "ConfigMap", "un-cm"),
        ("apps/v1", "Deployment", "un-web"),
        ("v1", "Service", "un-svc"),
    ):
        with pytest.raises(NotFound):
            kube.get(api, kind, name, "default")
    assert kube.get("v1", "Secret", "un-kept", "default")
    with pytest.raises(ReleaseNotFound):
        cfg.releases.history("un")


def test_uninstall_keep_history(cfg: Configuration, tmp_path: Path) -> None:
    chart = load(write_chart(tmp_path, {"cm.yaml": CONFIGMAP}))
    Install(cfg, release_name="kh").run(chart, {})
    Upgrade(cfg).run("kh", chart, {"msg": "b"})
    Uninstall(cfg, keep_history=True, description="bye").run("kh")
    assert [(r.version, r.info.status) for r in cfg.releases.history("kh")] == [
        (1, "superseded"),
        (2, "uninstalled"),
    ]
    assert cfg.releases.get("kh", 2).info.description == "bye" and cfg.releases.get("kh", 2).info.deleted
    with pytest.raises(ActionError, match=r'^the release named "kh" is already deleted$'):
        Uninstall(cfg, keep_history=True).run("kh")
    Uninstall(cfg).run("kh")  # an uninstalled release is purged
    with pytest.raises(ReleaseNotFound):
        cfg.releases.history("kh")


def test_uninstall_not_found_and_dry_run(cfg: Configuration, kube, tmp_path: Path) -> None:
    with pytest.raises(ActionError, match=r"^uninstall: Release not loaded: gone: release: not found$"):
        Uninstall(cfg).run("gone")
    assert Uninstall(cfg, ignore_not_found=True).run("gone") is None
    assert Uninstall(cfg, dry_run=True, ignore_not_found=True).run("gone") is None
    Install(cfg, release_name="dry").run(load(write_chart(tmp_path, {"cm.yaml": CONFIGMAP})), {})
    res = Uninstall(cfg, dry_run=True).run("dry")
    assert res is not None and res.release.info.status == "deployed"
    assert kube.get("v1", "ConfigMap", "dry-cm", "default")
    assert cfg.releases.get("dry", 1).info.status == "deployed"


@pytest.mark.parametrize("cascade, policy", [("background", "Background"), ("foreground", "Foreground"),
                                             ("orphan", "Orphan")], ids=["background", "foreground", "orphan"])  # fmt: skip
def test_uninstall_cascade(cfg: Configuration, tmp_path: Path, cascade: str, policy: str) -> None:
    Install(cfg, release_name="cas").run(load(write_chart(tmp_path, {"cm.yaml": CONFIGMAP})), {})
    seen = []
    kube = cfg.client
    real = kube.delete

    def delete(*args, **kwargs):
        seen.append(kwargs.get("propagation_policy"))
        return real(*args, **kwargs)

    kube.delete = delete  # type: ignore[method-assign]
    Uninstall(cfg, cascade=cascade).run("cas")
    assert seen[0] == policy


def test_uninstall_hooks(cfg: Configuration, kube, tmp_path: Path) -> None:
    templates = {
        "cm.yaml": CONFIGMAP,
        "pre.yaml": hook("pre-del", "pre-delete", kind="ConfigMap"),
        "post.yaml": hook("post-del", "post-delete", kind="ConfigMap"),
    }
    chart = load(write_chart(tmp_path, templates))
    Install(cfg, release_name="uh").run(chart, {})
    Uninstall(cfg).run("uh")
    assert kube.get("v1", "ConfigMap", "pre-del", "default") and kube.get(
        "v1", "ConfigMap", "post-del", "default"
    )
    Install(cfg, release_name="uh2").run(load(write_chart(tmp_path / "b", {"cm.yaml": CONFIGMAP,
                                          "pre.yaml": hook("pd2", "pre-delete", kind="ConfigMap")})), {})  # fmt: skip
    kube.delete("v1", "ConfigMap", "pd2", "default", missing_ok=True)
    Uninstall(cfg, disable_hooks=True).run("uh2")
    with pytest.raises(NotFound):
        kube.get("v1", "ConfigMap", "pd2", "default")

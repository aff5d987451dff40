"""Upgrade against the API test server: diff, values flags, lock, failure handling, apply methods."""

from __future__ import annotations

from pathlib import Path

import pytest

from chartist.action.configuration import ActionError, Configuration, ReleaseFailed
from chartist.action.install import Install
from chartist.action.upgrade import Upgrade, merge_custom_labels, upgrade_server_side
from chartist.kube import NotFound

from .fixtures import CONFIGMAP, DEPLOYMENT, hook, load, write_chart

EXTRA = """\
    {{- if .Values.extra }}
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: {{ .Release.Name }}-extra
      {{- if .Values.keep }}
      annotations:
        helm.sh/resource-policy: keep
      {{- end }}
    data: {a: b}
    {{- end }}
    """


def history(cfg: Configuration, name: str) -> list[tuple[int, str]]:
    return [(r.version, r.info.status) for r in cfg.releases.history(name)]


@pytest.mark.parametrize(
    "option, recorded, want",
    [
        ("auto", "ssa", True),
        ("auto", "csa", False),
        ("auto", "", False),
        ("true", "csa", True),
        ("false", "ssa", False),
    ],
    ids=["auto-ssa", "auto-csa", "auto-empty", "true", "false"],
)
def test_upgrade_server_side(option: str, recorded: str, want: bool) -> None:
    assert upgrade_server_side(option, recorded) is want


def test_upgrade_server_side_refuses_other_values() -> None:
    with pytest.raises(ActionError, match=r"^invalid/unknown release server-side apply method: maybe$"):
        upgrade_server_side("maybe", "ssa")


@pytest.mark.parametrize(
    "current, desired, want",
    [
        ({"a": "1"}, {"b": "2"}, {"a": "1", "b": "2"}),
        ({"a": "1"}, {"a": "null"}, {}),
        ({}, {"x": "y"}, {"x": "y"}),
    ],
    ids=["merge", "null-removes", "empty"],
)
def test_merge_custom_labels(current, desired, want) -> None:
    assert merge_custom_labels(current, desired) == want


def test_upgrade_creates_updates_deletes(cfg: Configuration, kube, tmp_path: Path) -> None:
    chart = load(write_chart(tmp_path, {"cm.yaml": CONFIGMAP, "extra.yaml": EXTRA}))
    Install(cfg, release_name="up").run(chart, {"extra": True})
    kept = load(write_chart(tmp_path / "k", {"cm.yaml": CONFIGMAP, "extra.yaml": EXTRA}))
    rel = Upgrade(cfg).run("up", kept, {"msg": "two"})
    assert (rel.version, rel.info.status, rel.info.description) == (2, "deployed", "Upgrade complete")
    assert kube.get("v1", "ConfigMap", "up-cm", "default")["data"] == {"msg": "two", "revision": "2"}
    with pytest.raises(NotFound):
        kube.get("v1", "ConfigMap", "up-extra", "default")
    assert history(cfg, "up") == [(1, "superseded"), (2, "deployed")]
    rel = Upgrade(cfg).run("up", kept, {"extra": True, "keep": True})
    Upgrade(cfg).run("up", kept, {})
    assert kube.get("v1", "ConfigMap", "up-extra", "default")  # resource-policy: keep
    assert history(cfg, "up")[-1] == (4, "deployed")


@pytest.mark.parametrize(
    "flags, new, want",
    [
        ({}, {}, {"msg": "old", "replicas": 2}),
        ({}, {"msg": "new"}, {"msg": "new"}),
        ({"reuse_values": True}, {"msg": "new"}, {"msg": "new", "replicas": 2}),
        ({"reset_then_reuse_values": True}, {"msg": "new"}, {"msg": "new", "replicas": 2}),
        ({"reset_values": True}, {}, {}),
        ({"reset_values": True, "reuse_values": True}, {}, {}),
    ],
    ids=["no-values-reuses", "new-values-only", "reuse", "reset-then-reuse", "reset", "reset-wins"],
)
def test_upgrade_values_flags(cfg: Configuration, tmp_path: Path, flags, new, want) -> None:
    chart = load(write_chart(tmp_path, {"cm.yaml": CONFIGMAP}))
    Install(cfg, release_name="vals").run(chart, {"msg": "old", "replicas": 2})
    rel = Upgrade(cfg, **flags).run("vals", chart, new)
    assert rel.config == want


def test_upgrade_reuse_values_keeps_old_chart_defaults(cfg: Configuration, kube, tmp_path: Path) -> None:
    tpl = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: rv}\ndata: {d: {{ .Values.d | quote }}, e: {{ .Values.e | quote }}}\n"
    Install(cfg, release_name="rv").run(
        load(write_chart(tmp_path / "a", {"cm.yaml": tpl}, values="d: one\ne: x\n")), {}
    )
    newer = load(write_chart(tmp_path / "b", {"cm.yaml": tpl}, values="d: two\ne: y\n"))
    Upgrade(cfg, reuse_values=True).run("rv", newer, {"e": "z"})
    assert kube.get("v1", "ConfigMap", "rv", "default")["data"] == {"d": "one", "e": "z"}
    Upgrade(cfg, reset_then_reuse_values=True).run("rv", newer, {})
    assert kube.get("v1", "ConfigMap", "rv", "default")["data"] == {"d": "two", "e": "z"}


def test_upgrade_errors(cfg: Configuration, tmp_path: Path) -> None:
    chart = load(write_chart(tmp_path, {"cm.yaml": CONFIGMAP}))
    with pytest.raises(ActionError, match=r'^"ghost" has no deployed releases$'):
        Upgrade(cfg).run("ghost", chart, {})
    with pytest.raises(ActionError, match=r"^release name is invalid: Bad$"):
        Upgrade(cfg).run("Bad", chart, {})
    rel = Install(cfg, release_name="lock").run(chart, {})
    rel.set_status("pending-upgrade", "someone else")
    cfg.releases.update(rel)
    with pytest.raises(ActionError, match=r"^another operation \(install/upgrade/rollback\) is in progress$"):
        Upgrade(cfg).run("lock", chart, {})


def test_failed_upgrade_keeps_the_deployed_revision(cfg: Configuration, kube, tmp_path: Path) -> None:
    chart = load(write_chart(tmp_path, {"cm.yaml": CONFIGMAP, "web.yaml": DEPLOYMENT}))
    Install(cfg, release_name="keep").run(chart, {"msg": "v1"})
    with pytest.raises(ReleaseFailed) as err:
        Upgrade(cfg, wait="watcher", timeout=5).run(
            "keep", chart, {"msg": "v2", "webAnnotations": {"apiserver.test/fail": "true"}}
        )
    assert "resource Deployment/default/keep-web not ready. status: Failed" in str(err.value)
    assert history(cfg, "keep") == [(1, "deployed"), (2, "failed")]
    assert cfg.releases.get("keep", 2).info.description.startswith(
        'Upgrade "keep" failed: resource Deployment'
    )
    rel = Upgrade(cfg, wait="watcher", timeout=5).run("keep", chart, {"msg": "v3", "image": "nginx:2"})
    assert history(cfg, "keep") == [(1, "superseded"), (2, "failed"), (3, "deployed")]
    assert rel.info.status == "deployed"


def test_upgrade_rollback_on_failure_restores_objects(cfg: Configuration, kube, tmp_path: Path) -> None:
    one = load(write_chart(tmp_path / "1", {"cm.yaml": CONFIGMAP}))
    Install(cfg, release_name="atom").run(one, {"msg": "good"})
    two = load(write_chart(tmp_path / "2", {"cm.yaml": CONFIGMAP, "web.yaml": DEPLOYMENT}))
    with pytest.raises(ReleaseFailed) as err:
        Upgrade(cfg, rollback_on_failure=True, timeout=5).run(
            "atom", two, {"msg": "bad", "webAnnotations": {"apiserver.test/fail": "true"}}
        )
    assert str(err.value).startswith(
        "release atom failed, and has been rolled back due to rollback-on-failure being set: resource Deployment"
    )
    assert history(cfg, "atom") == [(1, "superseded"), (2, "failed"), (3, "deployed")]
    assert cfg.releases.get("atom", 3).info.description == "Rollback to 1"
    assert kube.get("v1", "ConfigMap", "atom-cm", "default")["data"]["msg"] == "good"
    with pytest.raises(NotFound):
        kube.get("apps/v1", "Deployment", "atom-web", "default")


def test_upgrade_cleanup_on_fail(cfg: Configuration, kube, tmp_path: Path) -> None:
    Install(cfg, release_name="clean").run(load(write_chart(tmp_path / "1", {"cm.yaml": CONFIGMAP})), {})
    two = load(write_chart(tmp_path / "2", {"cm.yaml": CONFIGMAP, "web.yaml": DEPLOYMENT}))
    with pytest.raises(ReleaseFailed):
        Upgrade(cfg, cleanup_on_fail=True, wait="watcher", timeout=5).run(
            "clean", two, {"webAnnotations": {"apiserver.test/fail": "true"}}
        )
    with pytest.raises(NotFound):
        kube.get("apps/v1", "Deployment", "clean-web", "default")
    assert kube.get("v1", "ConfigMap", "clean-cm", "default")


def test_upgrade_history_max(cfg: Configuration, tmp_path: Path) -> None:
    chart = load(write_chart(tmp_path, {"cm.yaml": CONFIGMAP}))
    Install(cfg, release_name="hm").run(chart, {})
    for i in range(4):
        Upgrade(cfg, max_history=2).run("hm", chart, {"msg": str(i)})
    assert history(cfg, "hm") == [(4, "superseded"), (5, "deployed")]


def test_upgrade_refuses_foreign_objects_unless_taking_ownership(
    cfg: Configuration, kube, tmp_path: Path
) -> None:
    Install(cfg, release_name="tk").run(load(write_chart(tmp_path / "1", {"cm.yaml": CONFIGMAP})), {})
    kube.create(
        {
            "apiVersion": "apps/v1",
            "kind": "Deployment",
            "metadata": {"name": "tk-web", "namespace": "default"},
            "spec": {
                "selector": {"matchLabels": {"app": "x"}},
                "template": {
                    "metadata": {"labels": {"app": "x"}},
                    "spec": {"containers": [{"name": "x", "image": "x"}]},
                },
            },
        }
    )
    two = load(write_chart(tmp_path / "2", {"cm.yaml": CONFIGMAP, "web.yaml": DEPLOYMENT}))
    with pytest.raises(
        ActionError,
        match=r'^unable to continue with update: Deployment "tk-web" in namespace "default" exists',
    ):
        Upgrade(cfg).run("tk", two, {})
    assert history(cfg, "tk") == [(1, "deployed")]
    with pytest.raises(ReleaseFailed, match="conflict occurred while applying object default/tk-web"):
        Upgrade(cfg, take_ownership=True).run("tk", two, {})
    Upgrade(cfg, take_ownership=True, force_conflicts=True).run("tk", two, {})
    dep = kube.get("apps/v1", "Deployment", "tk-web", "default")
    assert dep["metadata"]["annotations"]["meta.helm.sh/release-name"] == "tk"


def test_upgrade_force_conflicts(cfg: Configuration, kube, tmp_path: Path) -> None:
    chart = load(write_chart(tmp_path, {"cm.yaml": CONFIGMAP}))
    Install(cfg, release_name="fc").run(chart, {"msg": "a"})
    kube.apply(
        {
            "apiVersion": "v1",
            "kind": "ConfigMap",
            "metadata": {"name": "fc-cm", "namespace": "default"},
            "data": {"msg": "theirs"},
        },
        field_manager="other",
        force=True,
    )
    with pytest.raises(
        ReleaseFailed, match="conflict occurred while applying object default/fc-cm /v1, Kind=ConfigMap"
    ):
        Upgrade(cfg).run("fc", chart, {"msg": "b"})
    Upgrade(cfg, force_conflicts=True).run("fc", chart, {"msg": "c"})
    assert kube.get("v1", "ConfigMap", "fc-cm", "default")["data"]["msg"] == "c"


def test_upgrade_apply_methods(cfg: Configuration, kube, server, tmp_path: Path) -> None:
    chart = load(write_chart(tmp_path, {"cm.yaml": CONFIGMAP}))
    Install(cfg, release_name="am", server_side=False).run(chart, {"msg": "a"})
    kube.patch(
        "v1",
        "ConfigMap",
        "am-cm",
        {"data": {"drift": "x", "msg": "changed"}},
        namespace="default",
        field_manager="kubectl",
    )
    rel = Upgrade(cfg).run("am", chart, {"msg": "b"})  # auto: stays client-side
    assert rel.apply_method == "csa"
    data = kube.get("v1", "ConfigMap", "am-cm", "default")["data"]
    assert data == {"msg": "b", "revision": "2", "drift": "x"}
    with pytest.raises(
        ActionError, match=r"^invalid operation: cannot use server-side apply and force replace together$"
    ):
        Upgrade(cfg, server_side="true", force_replace=True).run("am", chart, {})
    rel = Upgrade(cfg, force_replace=True).run("am", chart, {"msg": "c"})
    assert kube.get("v1", "ConfigMap", "am-cm", "default")["data"] == {"msg": "c", "revision": "3"}
    # Moving to server-side apply first hands helm's client-side field ownership to its Apply entry
    # (a JSON patch of managedFields). The test server ignores managedFields written by clients, so
    # the fields stay owned by helm's Update entry there and only --force-conflicts gets through.
    rel = Upgrade(cfg, server_side="true", force_conflicts=True).run("am", chart, {"msg": "d"})
    assert rel.apply_method == "ssa"
    assert any(
        r.method == "PATCH"
        and r.path.endswith("/configmaps/am-cm")
        and r.header("content-type") == "application/json-patch+json"
        for r in server.requests
    )
    fields = kube.get("v1", "ConfigMap", "am-cm", "default")["metadata"]["managedFields"]
    assert ("helm", "Apply") in [(f["manager"], f["operation"]) for f in fields]


def test_upgrade_dry_run_writes_nothing(cfg: Configuration, kube, tmp_path: Path) -> None:
    chart = load(write_chart(tmp_path, {"cm.yaml": CONFIGMAP}))
    Install(cfg, release_name="dr").run(chart, {"msg": "a"})
    rel = Upgrade(cfg, dry_run="server").run("dr", chart, {"msg": "b"})
    assert (rel.version, rel.info.status, rel.info.description) == (2, "pending-upgrade", "Dry run complete")
    assert history(cfg, "dr") == [(1, "deployed")]
    assert kube.get("v1", "ConfigMap", "dr-cm", "default")["data"]["msg"] == "a"


def test_upgrade_hooks(cfg: Configuration, kube, tmp_path: Path) -> None:
    templates = {
        "cm.yaml": CONFIGMAP,
        "pre.yaml": hook("pre-up", "pre-upgrade"),
        "post.yaml": hook("post-up", "post-upgrade", fail=True),
    }
    chart = load(write_chart(tmp_path, templates))
    Install(cfg, release_name="uh").run(chart, {})
    with pytest.raises(NotFound):  # upgrade hooks do not run at install
        kube.get("batch/v1", "Job", "pre-up", "default")
    with pytest.raises(
        ReleaseFailed, match=r"^post-upgrade hooks failed: resource Job/default/post-up not ready"
    ):
        Upgrade(cfg, timeout=10).run("uh", chart, {"msg": "x"})
    assert history(cfg, "uh") == [(1, "deployed"), (2, "failed")]
    rel = Upgrade(cfg, disable_hooks=True).run("uh", chart, {})
    assert rel.info.status == "deployed"

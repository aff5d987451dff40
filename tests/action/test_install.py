"""Install against the API test server: Helm v4's install, flag by flag."""

from __future__ import annotations

from pathlib import Path

import pytest

from chartist.action.configuration import ActionError, Configuration, ReleaseFailed
from chartist.action.install import Install
from chartist.action.uninstall import Uninstall
from chartist.kube import NotFound
from chartist.storage.driver.base import ReleaseNotFound

from .fixtures import CONFIGMAP, DEPLOYMENT, hook, load, write_chart


def _labels(obj):
    return (obj["metadata"].get("labels") or {}), (obj["metadata"].get("annotations") or {})


def test_install_records_and_creates(cfg: Configuration, kube, tmp_path: Path) -> None:
    chart = write_chart(
        tmp_path, {"cm.yaml": CONFIGMAP, "web.yaml": DEPLOYMENT, "NOTES.txt": "hi {{ .Release.Name }}\n"}
    )
    rel = Install(cfg, release_name="one").run(load(chart), {"msg": "x"})
    assert (rel.version, rel.info.status, rel.info.description) == (1, "deployed", "Install complete")
    assert rel.info.notes == "hi one\n" and rel.apply_method == "ssa" and rel.config == {"msg": "x"}
    cm = kube.get("v1", "ConfigMap", "one-cm", "default")
    assert cm["data"] == {"msg": "x", "revision": "1"}
    labels, ann = _labels(cm)
    assert labels["app.kubernetes.io/managed-by"] == "Helm"
    assert ann["meta.helm.sh/release-name"] == "one" and ann["meta.helm.sh/release-namespace"] == "default"
    assert any(m["manager"] == "helm" and m["operation"] == "Apply" for m in cm["metadata"]["managedFields"])
    secret = kube.get("v1", "Secret", "sh.helm.release.v1.one.v1", "default")
    assert secret["metadata"]["labels"]["status"] == "deployed"
    stored = cfg.releases.get("one", 1)
    assert stored.info.status == "deployed" and stored.manifest == rel.manifest


def test_install_refuses_a_name_in_use(cfg: Configuration, tmp_path: Path) -> None:
    chart = load(write_chart(tmp_path, {"cm.yaml": CONFIGMAP}))
    Install(cfg, release_name="dup").run(chart, {})
    with pytest.raises(
        ActionError, match=r"^release name check failed: cannot reuse a name that is still in use$"
    ):
        Install(cfg, release_name="dup").run(chart, {})


@pytest.mark.parametrize(
    "name, message",
    [
        ("Bad_Name", 'release name check failed: release name "Bad_Name": invalid release name'),
        ("x" * 54, "and the length must not be longer than 53"),
    ],
    ids=["charset", "length"],
)
def test_install_validates_the_name(cfg: Configuration, tmp_path: Path, name: str, message: str) -> None:
    chart = load(write_chart(tmp_path, {"cm.yaml": CONFIGMAP}))
    with pytest.raises(ActionError, match=message):
        Install(cfg, release_name=name).run(chart, {})


def test_install_refuses_objects_of_someone_else(cfg: Configuration, kube, tmp_path: Path) -> None:
    kube.create(
        {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "own-cm", "namespace": "default"}}
    )
    chart = load(write_chart(tmp_path, {"cm.yaml": CONFIGMAP}))
    with pytest.raises(ActionError) as err:
        Install(cfg, release_name="own").run(chart, {})
    assert str(err.value) == (
        'unable to continue with install: ConfigMap "own-cm" in namespace "default" exists and cannot be imported '
        "into the current release: invalid ownership metadata; label validation error: missing key "
        '"app.kubernetes.io/managed-by": must be set to "Helm"; annotation validation error: missing key '
        '"meta.helm.sh/release-name": must be set to "own"; annotation validation error: missing key '
        '"meta.helm.sh/release-namespace": must be set to "default"'
    )
    with pytest.raises(ReleaseNotFound):
        cfg.releases.get("own", 1)
    rel = Install(cfg, release_name="own", take_ownership=True).run(chart, {})
    assert rel.info.status == "deployed"
    labels, ann = _labels(kube.get("v1", "ConfigMap", "own-cm", "default"))
    assert labels["app.kubernetes.io/managed-by"] == "Helm" and ann["meta.helm.sh/release-name"] == "own"


def test_install_dry_runs_write_nothing(cfg: Configuration, kube, server, tmp_path: Path) -> None:
    chart = load(write_chart(tmp_path, {"cm.yaml": CONFIGMAP, "h.yaml": hook("pre", "pre-install")}))
    for mode in ("client", "server"):
        rel = Install(cfg, release_name="dry", dry_run=mode).run(chart, {})
        assert (rel.info.status, rel.info.description) == ("pending-install", "Dry run complete")
        assert "name: dry-cm" in rel.manifest and [h.name for h in rel.hooks] == ["pre"]
    assert not [
        s for s in kube.list("v1", "Secret", "default") if s["metadata"]["name"].startswith("sh.helm")
    ]
    with pytest.raises(NotFound):
        kube.get("v1", "ConfigMap", "dry-cm", "default")
    with pytest.raises(ActionError, match=r"^hiding Kubernetes secrets requires a dry-run mode$"):
        Install(cfg, release_name="dry", hide_secret=True).run(chart, {})


def test_install_lookup_sees_the_cluster(cfg: Configuration, kube, tmp_path: Path) -> None:
    kube.create(
        {
            "apiVersion": "v1",
            "kind": "ConfigMap",
            "metadata": {"name": "seed", "namespace": "default"},
            "data": {"token": "abc"},
        }
    )
    tpl = """\
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: looked
        data:
          token: {{ (lookup "v1" "ConfigMap" "default" "seed").data.token | quote }}
          missing: {{ (lookup "v1" "ConfigMap" "default" "nope") | toJson | quote }}
          count: {{ len (lookup "v1" "ConfigMap" "default" "").items | quote }}
          kind: {{ (lookup "v1" "ConfigMap" "default" "").kind | quote }}
        """
    chart = load(write_chart(tmp_path, {"cm.yaml": tpl}))
    Install(cfg, release_name="look").run(chart, {})
    data = kube.get("v1", "ConfigMap", "looked", "default")["data"]
    assert data["token"] == "abc" and data["missing"] == "{}" and data["kind"] == "ConfigMapList"
    assert int(data["count"]) >= 1


def test_install_create_namespace_description_labels(cfg: Configuration, kube, tmp_path: Path) -> None:
    chart = load(write_chart(tmp_path, {"cm.yaml": CONFIGMAP}))
    cfg_ns = Configuration.create(cfg.kube, driver="secret", namespace="fresh")
    rel = Install(
        cfg_ns, release_name="ns", create_namespace=True, description="custom words", labels={"team": "a"}
    ).run(chart, {})
    assert rel.info.description == "custom words" and rel.namespace == "fresh"
    ns = kube.get("v1", "Namespace", "fresh")
    assert ns["metadata"]["labels"]["name"] == "fresh"
    assert kube.get("v1", "ConfigMap", "ns-cm", "fresh")
    secret = kube.get("v1", "Secret", "sh.helm.release.v1.ns.v1", "fresh")
    assert secret["metadata"]["labels"]["team"] == "a"
    assert cfg_ns.releases.get("ns", 1).labels == {"team": "a"}
    with pytest.raises(ActionError, match="system reserved label name"):
        Install(cfg_ns, release_name="ns2", labels={"owner": "me"}).run(chart, {})


def test_install_client_side_apply(cfg: Configuration, kube, tmp_path: Path) -> None:
    chart = load(write_chart(tmp_path, {"cm.yaml": CONFIGMAP}))
    rel = Install(cfg, release_name="csa", server_side=False).run(chart, {})
    assert rel.apply_method == "csa"
    fields = kube.get("v1", "ConfigMap", "csa-cm", "default")["metadata"]["managedFields"]
    assert [(f["manager"], f["operation"]) for f in fields] == [("helm", "Update")]


def test_install_wait_watcher_and_timeout(cfg: Configuration, kube, tmp_path: Path) -> None:
    chart = load(write_chart(tmp_path, {"web.yaml": DEPLOYMENT}))
    rel = Install(cfg, release_name="w", wait="watcher", timeout=10).run(chart, {})
    assert rel.info.status == "deployed"
    assert kube.get("apps/v1", "Deployment", "w-web", "default")["status"]["readyReplicas"] == 1
    with pytest.raises(ReleaseFailed) as err:
        Install(cfg, release_name="bad", wait="watcher", timeout=5).run(
            chart, {"webAnnotations": {"apiserver.test/fail": "true"}}
        )
    assert str(err.value) == (
        "resource Deployment/default/bad-web not ready. status: Failed, message: Progress deadline exceeded"
    )
    stored = cfg.releases.get("bad", 1)
    assert stored.info.status == "failed"
    assert stored.info.description == f'Release "bad" failed: {err.value}'


def test_install_wait_timeout_names_every_resource(cfg: Configuration, server, tmp_path: Path) -> None:
    server.controller.enabled = False
    chart = load(write_chart(tmp_path, {"web.yaml": DEPLOYMENT, "cm.yaml": CONFIGMAP}))
    seen = []
    cfg.progress = seen.append
    with pytest.raises(ReleaseFailed) as err:
        Install(cfg, release_name="slow", wait="watcher", timeout=0.5).run(chart, {})
    lines = str(err.value).splitlines()
    assert lines[-1] == "context deadline exceeded"
    assert lines[0].startswith("resource Deployment/default/slow-web not ready. status: InProgress")
    assert seen and any("Deployment/default/slow-web" in p for s in seen for p in s.pending)


def test_install_hooks_order_and_policies(cfg: Configuration, kube, server, tmp_path: Path) -> None:
    templates = {
        "cm.yaml": CONFIGMAP,
        "h1.yaml": hook("second", "pre-install", weight=5, policy="hook-succeeded"),
        "h2.yaml": hook("first", "pre-install", weight=-1),
        "h3.yaml": hook("after", "post-install", kind="ConfigMap"),
    }
    rel = Install(cfg, release_name="hk", wait="watcher", timeout=10).run(
        load(write_chart(tmp_path, templates)), {}
    )
    posts = [r.path for r in server.requests if r.method == "PATCH" and "/jobs/" in r.path]
    assert [p.rsplit("/", 1)[1] for p in posts] == ["first", "second"]
    assert {h.name: h.last_run.phase for h in rel.hooks} == {
        "first": "Succeeded",
        "second": "Succeeded",
        "after": "Succeeded",
    }
    assert kube.get("batch/v1", "Job", "first", "default")  # before-hook-creation: kept until next run
    with pytest.raises(NotFound):
        kube.get("batch/v1", "Job", "second", "default")  # hook-succeeded: deleted
    assert kube.get("v1", "ConfigMap", "after", "default")


def test_install_failing_hook_fails_the_release(cfg: Configuration, kube, tmp_path: Path) -> None:
    templates = {"cm.yaml": CONFIGMAP, "h.yaml": hook("boom", "pre-install", policy="hook-failed", fail=True)}
    with pytest.raises(ReleaseFailed) as err:
        Install(cfg, release_name="hf", timeout=10).run(load(write_chart(tmp_path, templates)), {})
    assert str(err.value) == (
        "failed pre-install: resource Job/default/boom not ready. status: Failed, message: Job Failed. failed: 1/1"
    )
    stored = cfg.releases.get("hf", 1)
    assert stored.info.status == "failed" and stored.hooks[0].last_run.phase == "Failed"
    with pytest.raises(NotFound):
        kube.get("batch/v1", "Job", "boom", "default")
    with pytest.raises(NotFound):  # the release's objects were never created
        kube.get("v1", "ConfigMap", "hf-cm", "default")


def test_install_no_hooks(cfg: Configuration, kube, tmp_path: Path) -> None:
    templates = {"cm.yaml": CONFIGMAP, "h.yaml": hook("never", "pre-install", fail=True)}
    rel = Install(cfg, release_name="nh", disable_hooks=True).run(load(write_chart(tmp_path, templates)), {})
    assert rel.info.status == "deployed" and rel.hooks[0].last_run.phase == ""
    with pytest.raises(NotFound):
        kube.get("batch/v1", "Job", "never", "default")


def test_install_rollback_on_failure_uninstalls(cfg: Configuration, kube, tmp_path: Path) -> None:
    chart = load(write_chart(tmp_path, {"cm.yaml": CONFIGMAP, "web.yaml": DEPLOYMENT}))
    with pytest.raises(ReleaseFailed) as err:
        Install(cfg, release_name="atom", rollback_on_failure=True, timeout=5).run(
            chart, {"webAnnotations": {"apiserver.test/fail": "true"}}
        )
    assert str(err.value).startswith(
        "release atom failed, and has been uninstalled due to rollback-on-failure being set: resource "
        "Deployment/default/atom-web not ready"
    )
    with pytest.raises(NotFound):
        kube.get("v1", "ConfigMap", "atom-cm", "default")
    with pytest.raises(ReleaseNotFound):
        cfg.releases.history("atom")


def test_install_replace_reuses_an_uninstalled_name(cfg: Configuration, tmp_path: Path) -> None:
    chart = load(write_chart(tmp_path, {"cm.yaml": CONFIGMAP}))
    Install(cfg, release_name="again").run(chart, {})
    Uninstall(cfg, keep_history=True).run("again")
    with pytest.raises(ActionError, match="cannot reuse a name"):
        Install(cfg, release_name="again").run(chart, {})
    rel = Install(cfg, release_name="again", replace=True).run(chart, {})
    assert rel.version == 2 and rel.info.status == "deployed"
    assert [(r.version, r.info.status) for r in cfg.releases.history("again")] == [
        (1, "superseded"),
        (2, "deployed"),
    ]


CRD = """\
    apiVersion: apiextensions.k8s.io/v1
    kind: CustomResourceDefinition
    metadata:
      name: widgets.example.com
    spec:
      group: example.com
      scope: Namespaced
      names: {plural: widgets, singular: widget, kind: Widget, listKind: WidgetList}
      versions:
      - name: v1
        served: true
        storage: true
        schema:
          openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}
    """

WIDGET = """\
    apiVersion: example.com/v1
    kind: Widget
    metadata:
      name: {{ .Release.Name }}-widget
    spec:
      size: {{ .Values.size | default 1 }}
    """


def test_crds_first_never_upgraded_or_deleted(cfg: Configuration, kube, tmp_path: Path) -> None:
    chart = load(write_chart(tmp_path, {"w.yaml": WIDGET}, crds={"widget.yaml": CRD}))
    rel = Install(cfg, release_name="crd").run(chart, {"size": 3})
    assert rel.info.status == "deployed" and "CustomResourceDefinition" not in rel.manifest
    assert kube.get("example.com/v1", "Widget", "crd-widget", "default")["spec"]["size"] == 3
    crd = kube.get("apiextensions.k8s.io/v1", "CustomResourceDefinition", "widgets.example.com")
    Uninstall(cfg).run("crd")
    assert (
        kube.get("apiextensions.k8s.io/v1", "CustomResourceDefinition", "widgets.example.com")["metadata"][
            "uid"
        ]
        == crd["metadata"]["uid"]
    )
    with pytest.raises(ActionError, match="no matches for kind"):
        Install(cfg, release_name="skip", skip_crds=True).run(
            load(
                write_chart(
                    tmp_path / "other",
                    {"w.yaml": WIDGET.replace("example.com", "other.io")},
                    crds={"widget.yaml": CRD.replace("example.com", "other.io")},
                )
            ),
            {},
        )


def test_subchart_notes(cfg: Configuration, tmp_path: Path) -> None:
    top = write_chart(tmp_path, {"cm.yaml": CONFIGMAP, "NOTES.txt": "top notes"})
    write_chart(top / "charts", {"NOTES.txt": "sub notes"}, name="sub")
    chart = load(top)
    assert Install(cfg, release_name="n1", dry_run="server").run(chart, {}).info.notes == "top notes"
    rel = Install(cfg, release_name="n2", dry_run="server", sub_notes=True).run(chart, {})
    assert sorted(rel.info.notes.split("\n")) == ["sub notes", "top notes"]


JOB = """\
    apiVersion: batch/v1
    kind: Job
    metadata:
      name: {{ .Release.Name }}-job
      annotations: {apiserver.test/delay: "0.4"}
    spec:
      template:
        spec:
          containers: [{name: c, image: "busybox:1"}]
          restartPolicy: Never
    """


@pytest.mark.parametrize(
    "jobs, complete", [(True, True), (False, False)], ids=["wait-for-jobs", "started-is-enough"]
)
def test_install_wait_for_jobs(cfg: Configuration, kube, tmp_path: Path, jobs: bool, complete: bool) -> None:
    chart = load(write_chart(tmp_path, {"job.yaml": JOB}))
    Install(cfg, release_name="j", wait="watcher", wait_for_jobs=jobs, timeout=10).run(chart, {})
    conditions = kube.get("batch/v1", "Job", "j-job", "default").get("status", {}).get("conditions") or []
    assert any(c["type"] == "Complete" for c in conditions) is complete

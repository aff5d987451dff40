"""The ReleaseTesting action (``helm test``) against the API test server, and its filters and
pod logs (pkg/action/release_testing.go and hooks.go at v4.2.3)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
import yaml

from chartist.action.configuration import ActionError, Configuration
from chartist.action.install import Install
from chartist.action.release_testing import ReleaseTesting, parse_filters
from chartist.kube import NotFound
from chartist.kube.fake import FakeKubeClient

from .fixtures import CONFIGMAP, load, write_chart
from .read_support import memory_cfg, mock, test_hook


def pod_test(name: str, *, phase: str = "Succeeded", weight: int = 0, policy: str = "") -> str:
    """A test Pod the test server finishes with PHASE."""
    ann = {"helm.sh/hook": "test", "helm.sh/hook-weight": str(weight), "apiserver.test/pod-phase": phase}
    if policy:
        ann["helm.sh/hook-delete-policy"] = policy
    return yaml.safe_dump({"apiVersion": "v1", "kind": "Pod", "metadata": {"name": name, "annotations": ann},
                           "spec": {"containers": [{"name": "c", "image": "busybox:1"}], "restartPolicy": "Never"}})  # fmt: skip


@pytest.fixture
def installed(cfg: Configuration, tmp_path: Path):
    def install(name: str, tests: dict[str, str]) -> None:
        chart = load(write_chart(tmp_path / name, {"cm.yaml": CONFIGMAP, **tests}))
        Install(cfg, release_name=name).run(chart, {})

    return install


def phases(cfg: Configuration, name: str) -> list[tuple[str, str]]:
    return [(h.name, h.last_run.phase) for h in cfg.releases.last(name).hooks]


def test_tests_pass_and_clean_up_by_policy(cfg: Configuration, kube, installed) -> None:
    installed(
        "t",
        {
            "a.yaml": pod_test("t-second", weight=2),
            "b.yaml": pod_test("t-first", weight=1, policy="hook-succeeded"),
        },
    )
    run = ReleaseTesting(cfg, timeout=20).run("t")
    assert run.error is None
    assert phases(cfg, "t") == [("t-second", "Succeeded"), ("t-first", "Succeeded")]
    stored = cfg.releases.last("t")
    assert all(h.last_run.started_at and h.last_run.completed_at for h in stored.hooks)
    kube.get("v1", "Pod", "t-first", "default")  # clean-up waits for the command
    run.cleanup()
    with pytest.raises(NotFound):
        kube.get("v1", "Pod", "t-first", "default")
    kube.get("v1", "Pod", "t-second", "default")  # before-hook-creation: kept until the next run
    assert ReleaseTesting(cfg, timeout=20).run("t").error is None  # the old copy is replaced


def test_failing_test_is_recorded(cfg: Configuration, kube, installed) -> None:
    installed("f", {"a.yaml": pod_test("f-ok", weight=1, policy="hook-succeeded"),
                    "b.yaml": pod_test("f-bad", phase="Failed", weight=2, policy="hook-failed"),
                    "c.yaml": pod_test("f-never", weight=3)})  # fmt: skip
    run = ReleaseTesting(cfg, timeout=20).run("f")
    assert isinstance(run.error, ActionError)
    assert phases(cfg, "f") == [("f-ok", "Succeeded"), ("f-bad", "Failed"), ("f-never", "")]
    run.cleanup()
    for name in ("f-ok", "f-bad"):
        with pytest.raises(NotFound):
            kube.get("v1", "Pod", name, "default")


def test_filters_choose_tests_and_reorder_hooks(cfg: Configuration, installed) -> None:
    installed("o", {"a.yaml": pod_test("o-a"), "b.yaml": pod_test("o-b"), "c.yaml": pod_test("o-c")})
    before = [h.name for h in cfg.releases.last("o").hooks]
    assert before == ["o-a", "o-b", "o-c"]
    run = ReleaseTesting(cfg, timeout=20, filters=parse_filters(["name=o-b"])).run("o")
    assert run.error is None
    # Helm stores the skipped hooks first, then the ones that ran.
    assert phases(cfg, "o") == [("o-a", ""), ("o-c", ""), ("o-b", "Succeeded")]
    ReleaseTesting(cfg, timeout=20, filters=parse_filters(["!name=o-a"])).run("o")
    assert phases(cfg, "o") == [("o-a", ""), ("o-c", "Succeeded"), ("o-b", "Succeeded")]


@pytest.mark.parametrize(
    "values, want",
    [
        (["name=a", "name=b"], {"name": ["a", "b"]}),
        (["!name=a", "! name=b"], {"!name": ["a", "b"]}),
        (["name=a", "!name=b", "label=x", "!  name=c"], {"name": ["a"], "!name": ["b"]}),
        ([], {}),
    ],
    ids=["include", "exclude", "mixed-and-ignored", "none"],
)
def test_parse_filters(values: list[str], want: dict) -> None:
    assert parse_filters(values) == want


def test_release_name_is_checked() -> None:
    with pytest.raises(ActionError, match=r"^releaseTest: Release name is invalid: BAD$"):
        ReleaseTesting(memory_cfg(mock("r"))).run("BAD")


class LogsClient(FakeKubeClient):
    def __init__(self) -> None:
        super().__init__()
        self.logs = {"b": "log of b\n", "a": "log of a"}

    def pod_logs(self, name: str, namespace: str) -> str:
        if name not in self.logs:
            raise NotFound(f'pods "{name}" not found', code=404)
        return self.logs[name]


def test_pod_logs_in_weight_order() -> None:
    rel = mock("r")
    rel.hooks = [test_hook("b"), test_hook("a"), test_hook("pre", events=("pre-install",))]
    rel.hooks[0].weight = -1
    cfg = memory_cfg(rel, kube=LogsClient())
    out = io.StringIO()
    ReleaseTesting(cfg, namespace="default").write_pod_logs(out, rel)
    assert out.getvalue() == "POD LOGS: b\nlog of b\n\nPOD LOGS: a\nlog of a\n"
    out = io.StringIO()
    ReleaseTesting(cfg, filters={"!name": ["b"]}).write_pod_logs(out, rel)
    assert out.getvalue() == "POD LOGS: a\nlog of a\n"
    rel.hooks.append(test_hook("missing"))
    with pytest.raises(ActionError, match=r'^unable to get pod logs for missing: pods "missing" not found$'):
        ReleaseTesting(cfg).write_pod_logs(io.StringIO(), rel)

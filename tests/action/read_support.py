"""Helpers for the read-only release actions' tests: releases as Helm's test fixtures build them,
stored in memory, with a fake cluster that answers IsReachable.

:class:`HelmMemoryDriver` returns labels as Helm's memory driver does (custom labels only),
so Helm's goldens that were produced over that driver can be compared byte for byte.
"""

from __future__ import annotations

import builtins
from collections.abc import Mapping
from typing import Any

from chartist.action.configuration import Configuration
from chartist.chart.model import Chart, Dependency, File, Metadata
from chartist.kube.fake import FakeKubeClient
from chartist.release.model import Hook, HookExecution, Info, Release
from chartist.release.times import GoTime
from chartist.storage import MemoryDriver, Storage
from chartist.storage.driver.base import filter_system_labels, make_key

MOCK_HOOK = 'apiVersion: v1\nkind: Job\nmetadata:\n  annotations:\n    "helm.sh/hook": pre-install\n'
MOCK_MANIFEST = "apiVersion: v1\nkind: Secret\nmetadata:\n  name: fixture\n"


def at(unix: int) -> GoTime:
    """A UTC time (what Go's ``time.Unix(n, 0).UTC()`` is)."""
    return GoTime(unix * 1_000_000_000, 0)


class HelmMemoryDriver(MemoryDriver):
    """MemoryDriver whose list/query give custom labels only, as Helm's memory driver."""

    def list(self, filter: Any = None) -> builtins.list[Release]:
        out = []
        for r in super().list(None):
            r.labels = filter_system_labels(r.labels)
            if filter is None or filter(r):
                out.append(r)
        return out

    def query(self, labels: Mapping[str, str]) -> builtins.list[Release]:
        out = super().query(labels)
        for r in out:
            r.labels = filter_system_labels(r.labels)
        return out


def store(cfg: Configuration, *releases: Release) -> None:
    driver = cfg.releases.driver
    namespace = driver.namespace
    for rel in releases:
        driver.create(make_key(rel.name, rel.version), rel)
    driver.namespace = namespace


def memory_cfg(
    *releases: Release, namespace: str = "default", helm_labels: bool = True, kube: Any = None
) -> Configuration:
    """A configuration over a fake cluster and in-memory storage holding RELEASES."""
    driver = HelmMemoryDriver(namespace) if helm_labels else MemoryDriver(namespace)
    cfg = Configuration(
        kube if kube is not None else FakeKubeClient(namespace=namespace), Storage(driver), namespace
    )
    store(cfg, *releases)
    return cfg


def mock(name: str, version: int = 1, status: str = "deployed", namespace: str = "default",
         labels: dict[str, str] | None = None) -> Release:  # fmt: skip
    """Helm's release.Mock (pkg/release/v1/mock.go)."""
    date = at(242085845)
    chart = Chart(
        Metadata(
            name="foo",
            version="0.1.0-beta.1",
            app_version="1.0",
            annotations={"category": "web-apps", "supported": "true"},
            dependencies=(
                Dependency(
                    name="cool-plugin",
                    version="1.0.0",
                    repository="https://coolplugin.io/charts",
                    condition="coolPlugin.enabled",
                    enabled=True,
                ),
                Dependency(name="crds", version="2.7.1", condition="crds.enabled"),
            ),
        ),
        templates=(File("templates/foo.tpl", MOCK_MANIFEST.encode()),),
    )
    return Release(
        name=name,
        info=Info(
            first_deployed=date,
            last_deployed=date,
            status=status,
            description="Release mock",
            notes="Some mock release notes!",
        ),
        chart=chart,
        config={"name": "value"},
        version=version,
        namespace=namespace,
        hooks=[Hook("pre-install-hook", "Job", "pre-install-hook.yaml", MOCK_HOOK, events=["pre-install"])],
        manifest=MOCK_MANIFEST,
        labels=dict(labels or {}),
    )


def simple(name: str, version: int, status: str, *, namespace: str = "default", when: int = 1452902401,
           chart: str = "chickadee", app_version: str = "0.0.1", labels: dict[str, str] | None = None) -> Release:  # fmt: skip
    """A release as Helm's list tests build them (chart chickadee-1.0.0)."""
    return Release(
        name=name,
        version=version,
        namespace=namespace,
        info=Info(last_deployed=at(when), status=status),
        chart=Chart(Metadata(name=chart, version="1.0.0", app_version=app_version)),
        labels=dict(labels or {}),
    )


# Helm's pkg/cmd/list_test.go fixture.
LIST_FIXTURE = [
    ("starlord", 1, "superseded", "default", 1),
    ("starlord", 2, "deployed", "default", 1),
    ("groot", 1, "uninstalled", "default", 1),
    ("gamora", 1, "superseded", "default", 1),
    ("rocket", 1, "failed", "default", 2),
    ("drax", 1, "uninstalling", "default", 1),
    ("thanos", 1, "pending-install", "default", 1),
    ("hummingbird", 1, "deployed", "default", 3),
    ("iguana", 2, "deployed", "default", 4),
    ("starlord", 2, "deployed", "milano", 1),
]


def list_fixture() -> list[Release]:
    return [simple(n, v, s, namespace=ns, when=1452902400 + t) for n, v, s, ns, t in LIST_FIXTURE]


def test_hook(
    name: str, phase: str = "", *, started: int = 0, completed: int = 0, events: tuple[str, ...] = ("test",)
) -> Hook:
    run = HookExecution(at(started) if started else None, at(completed) if completed else None, phase)
    return Hook(name, "Pod", f"templates/{name}.yaml", "", events=list(events), last_run=run)


test_hook.__test__ = False  # type: ignore[attr-defined]

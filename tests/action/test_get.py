"""The Get, GetValues and GetMetadata actions (pkg/action/get*.go at v4.2.3)."""

from __future__ import annotations

import pytest

from chartist.action.configuration import ActionError
from chartist.action.get import Get, GetMetadata, GetValues, Metadata, rfc3339
from chartist.chart.model import Chart
from chartist.chart.model import Metadata as ChartMetadata
from chartist.kube.errors import KubeConnectionError
from chartist.release.times import GoTime
from chartist.storage.driver.base import ReleaseNotFound

from .read_support import memory_cfg, mock


def test_get_revisions() -> None:
    cfg = memory_cfg(mock("r", 1, "superseded"), mock("r", 2, "failed"))
    assert Get(cfg).run("r").version == 2  # the newest, whatever its status
    assert Get(cfg, version=1).run("r").info.status == "superseded"
    with pytest.raises(ReleaseNotFound, match=r"^release: not found$"):
        Get(cfg, version=7).run("r")
    with pytest.raises(ActionError, match=r"^releaseContent: Release name is invalid: a\.b_c$"):
        Get(cfg).run("a.b_c")


def test_get_needs_a_reachable_cluster() -> None:
    cfg = memory_cfg(mock("r"))

    def broken() -> dict:
        raise KubeConnectionError('Get "https://x/version": dial tcp: refused')

    cfg.kube.server_version = broken  # type: ignore[union-attr, method-assign]
    with pytest.raises(ActionError, match=r"^kubernetes cluster unreachable: Get"):
        Get(cfg).run("r")


def test_get_values() -> None:
    rel = mock("r")
    rel.chart = Chart(ChartMetadata(name="foo", version="1"), values={"name": "default", "replicas": 1.0})
    cfg = memory_cfg(rel)
    assert GetValues(cfg).run("r") == {"name": "value"}
    assert GetValues(cfg, all_values=True).run("r") == {"name": "value", "replicas": 1.0}
    empty = mock("e")
    empty.config = {}
    cfg = memory_cfg(empty)
    assert GetValues(cfg).run("e") is None  # Go's nil map: stored JSON has no config
    assert GetValues(cfg, all_values=True).run("e") == {}  # computed values are a map, never nil


def test_get_metadata() -> None:
    cfg = memory_cfg(mock("thomas-guide", labels={"key1": "value1"}))
    md = GetMetadata(cfg).run("thomas-guide")
    assert (md.name, md.chart, md.version, md.app_version, md.namespace, md.revision, md.status) == (
        "thomas-guide", "foo", "0.1.0-beta.1", "1.0", "default", 1, "deployed",
    )  # fmt: skip
    assert md.deployed_at == "1977-09-02T22:04:05Z"
    assert md.formatted_dep_names() == "cool-plugin,crds"
    assert md.labels == {"key1": "value1"}
    # Helm's golden pkg/cmd/testdata/output/get-metadata.json
    assert md.to_json() == (
        '{"name":"thomas-guide","chart":"foo","version":"0.1.0-beta.1","appVersion":"1.0","annotations":'
        '{"category":"web-apps","supported":"true"},"labels":{"key1":"value1"},"dependencies":[{"name":'
        '"cool-plugin","version":"1.0.0","repository":"https://coolplugin.io/charts","condition":'
        '"coolPlugin.enabled","enabled":true},{"name":"crds","version":"2.7.1","repository":"","condition":'
        '"crds.enabled"}],"namespace":"default","revision":1,"status":"deployed","deployedAt":"1977-09-02T22:04:05Z"}'
    )
    bare = Metadata("n", "c", "", "", "ns", 2, "failed", "0001-01-01T00:00:00Z", apply_method="ssa")
    assert bare.to_json() == (
        '{"name":"n","chart":"c","version":"","appVersion":"","namespace":"ns","revision":2,"status":"failed",'
        '"deployedAt":"0001-01-01T00:00:00Z","applyMethod":"ssa"}'
    )


def test_get_metadata_without_chart() -> None:
    rel = mock("r")
    rel.chart = None
    with pytest.raises(ActionError, match=r"^invalid chart apiVersion$"):
        GetMetadata(memory_cfg(rel)).run("r")


@pytest.mark.parametrize(
    "t, want",
    [
        (None, "0001-01-01T00:00:00Z"),
        (GoTime(1_452_902_400_123_456_789, 0), "2016-01-16T00:00:00Z"),
        (GoTime(1_452_902_400_500_000_000, 3600), "2016-01-16T01:00:00+01:00"),
        (GoTime(1_452_902_400_000_000_000, -(5 * 3600 + 1800)), "2016-01-15T18:30:00-05:30"),
    ],
    ids=["zero", "utc-fraction", "east", "west-half-hour"],
)
def test_rfc3339(t: GoTime | None, want: str) -> None:
    assert rfc3339(t) == want

"""Fixtures for release-action tests: a test cluster that Helm can write to, a client, charts.

The cluster is :class:`~action.protoshim.ShimServer` (the shared Kubernetes API test server
plus Helm's protobuf bodies), one per session, reset for every test.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from chartist.action.configuration import Configuration
from chartist.kube import Client, KubeSettings

from .protoshim import ShimServer

FAST = {"qps": -1.0, "backoff": 0.01, "max_backoff": 0.05, "request_timeout": 30.0}


@pytest.fixture(scope="session")
def release_server() -> Iterator[ShimServer]:
    server = ShimServer().start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def server(release_server: ShimServer) -> Iterator[ShimServer]:
    release_server.reset()
    release_server.controller.delay = 0.05
    yield release_server
    release_server.end_watches()
    release_server.faults.clear()


@pytest.fixture
def kubeconfig(server: ShimServer, tmp_path: Path) -> str:
    path = tmp_path / "kubeconfig"
    path.write_text(yaml.safe_dump(server.kubeconfig_dict(namespace="default")), encoding="utf-8")
    return str(path)


@pytest.fixture
def kube(kubeconfig: str) -> Iterator[Client]:
    client = Client.from_settings(KubeSettings(kubeconfig=kubeconfig, **FAST), {})  # type: ignore[arg-type]
    try:
        yield client
    finally:
        client.close()


@pytest.fixture
def cfg(kube: Client) -> Configuration:
    return Configuration.create(kube, driver="secret", namespace="default")


def write_chart(
    root: Path,
    templates: dict[str, str],
    *,
    name: str = "demo",
    version: str = "0.1.0",
    values: str = "",
    crds: dict[str, str] | None = None,
    extra: str = "",
) -> Path:
    """A chart directory under ROOT/NAME with the given templates (dedented)."""
    d = root / name
    (d / "templates").mkdir(parents=True, exist_ok=True)
    (d / "Chart.yaml").write_text(
        f"apiVersion: v2\nname: {name}\nversion: {version}\n{extra}", encoding="utf-8"
    )
    (d / "values.yaml").write_text(textwrap.dedent(values), encoding="utf-8")
    for fname, text in templates.items():
        (d / "templates" / fname).write_text(textwrap.dedent(text), encoding="utf-8")
    for fname, text in (crds or {}).items():
        (d / "crds").mkdir(exist_ok=True)
        (d / "crds" / fname).write_text(textwrap.dedent(text), encoding="utf-8")
    return d


def load(path: Path) -> Any:
    from chartist.chart.loader import load as load_chart

    return load_chart(path)


CONFIGMAP = """\
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: {{ .Release.Name }}-cm
    data:
      msg: {{ .Values.msg | default "hello" | quote }}
      revision: "{{ .Release.Revision }}"
    """

DEPLOYMENT = """\
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: {{ .Release.Name }}-web
      {{- with .Values.webAnnotations }}
      annotations: {{ toJson . }}
      {{- end }}
    spec:
      replicas: {{ .Values.replicas | default 1 }}
      selector:
        matchLabels: {app: web}
      template:
        metadata:
          labels: {app: web}
        spec:
          containers:
          - name: web
            image: {{ .Values.image | default "nginx:1" }}
    """


def hook(
    name: str, event: str, *, kind: str = "Job", weight: int = 0, policy: str = "", fail: bool = False
) -> str:
    """A hook template: a Job (or Pod) that succeeds, or fails with FAIL."""
    ann = {"helm.sh/hook": event, "helm.sh/hook-weight": str(weight)}
    if policy:
        ann["helm.sh/hook-delete-policy"] = policy
    if fail:
        ann["apiserver.test/job-result" if kind == "Job" else "apiserver.test/pod-phase"] = (
            "fail" if kind == "Job" else "Failed"
        )
    pod_spec = {"containers": [{"name": "c", "image": "busybox:1"}], "restartPolicy": "Never"}
    if kind == "Job":
        obj: dict[str, Any] = {
            "apiVersion": "batch/v1",
            "kind": "Job",
            "metadata": {"name": name, "annotations": ann},
            "spec": {"template": {"spec": pod_spec}},
        }
    else:
        obj = {"apiVersion": "v1", "kind": kind, "metadata": {"name": name, "annotations": ann}}
        if kind == "Pod":
            obj["spec"] = pod_spec
        else:
            obj["data"] = {"k": "v"}
    return yaml.safe_dump(obj)

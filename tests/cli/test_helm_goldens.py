"""Helm's own ``helm template`` golden tests (pkg/cmd/template_test.go at v4.2.3), run on chartist.

Helm's test charts and golden files are exported from the helm/helm mirror at test time (the
test skips without it). Two adjustments, both from how Helm runs its tests: Helm's test
binary reports Kubernetes v1.20.0 (``--kube-version 1.20.0`` is added where a case does not
set one), and the program is called ``chartist``.
"""

from __future__ import annotations

import shlex

import pytest

from chartist.cli.main import main

CHART = "testdata/testcharts/subchart"
CASES = [
    ("check name", f"template '{CHART}'", "template.txt"),
    ("check set name", f"template '{CHART}' --set service.name=apache", "template-set.txt"),
    (
        "check values files",
        f"template '{CHART}' --values '{CHART}/charts/subchartA/values.yaml'",
        "template-values-files.txt",
    ),
    (
        "check name template",
        f"template '{CHART}' --name-template='foobar-{{{{ b64enc \"abc\" | lower }}}}-baz'",
        "template-name-template.txt",
    ),
    ("check no args", "template", "template-no-args.txt"),
    ("check library chart", "template 'testdata/testcharts/lib-chart'", "template-lib-chart.txt"),
    ("check chart bad type", "template 'testdata/testcharts/chart-bad-type'", "template-chart-bad-type.txt"),
    (
        "app chart as library",
        "template 'testdata/testcharts/chart-with-template-lib-dep'",
        "template-chart-with-template-lib-dep.txt",
    ),
    (
        "app chart archive as library",
        "template 'testdata/testcharts/chart-with-template-lib-archive-dep'",
        "template-chart-with-template-lib-archive-dep.txt",
    ),
    ("check kube version", f"template --kube-version 1.16.0 '{CHART}'", "template-with-kube-version.txt"),
    (
        "check kube api versions",
        f"template --api-versions helm.k8s.io/test,helm.k8s.io/test2 '{CHART}'",
        "template-with-api-version.txt",
    ),
    (
        "check kube api versions repeated",
        f"template --api-versions helm.k8s.io/test --api-versions helm.k8s.io/test2 '{CHART}'",
        "template-with-api-version.txt",
    ),
    ("template with CRDs", f"template '{CHART}' --include-crds", "template-with-crds.txt"),
    ("show-only one", f"template '{CHART}' --show-only templates/service.yaml", "template-show-only-one.txt"),
    (
        "show-only multiple",
        f"template '{CHART}' --show-only templates/service.yaml --show-only charts/subcharta/templates/service.yaml",
        "template-show-only-multiple.txt",
    ),
    (
        "show-only glob",
        f"template '{CHART}' --show-only templates/subdir/role*",
        "template-show-only-glob.txt",
    ),
    ("sorted output of manifests", "template 'testdata/testcharts/object-order'", "object-order.txt"),
    (
        "invalid yaml",
        "template 'testdata/testcharts/chart-with-template-with-invalid-yaml'",
        "template-with-invalid-yaml.txt",
    ),
    (
        "invalid yaml debug",
        "template 'testdata/testcharts/chart-with-template-with-invalid-yaml' --debug",
        "template-with-invalid-yaml-debug.txt",
    ),
    ("skip-tests", f"template '{CHART}' --skip-tests", "template-skip-tests.txt"),
    ("nil values delete subchart values", "template 'testdata/testcharts/issue-9027'", "issue-9027.txt"),
    (
        "imported subchart values",
        f"template '{CHART}' --set configmap.enabled=true --set subchartb.enabled=true",
        "template-subchart-cm.txt",
    ),
    (
        "imported values and --set",
        f"template '{CHART}' --set configmap.enabled=true --set subchartb.enabled=true --set configmap.value=baz",
        "template-subchart-cm-set.txt",
    ),
    (
        "imported values and -f",
        f"template '{CHART}' -f {CHART}/extra_values.yaml",
        "template-subchart-cm-set-file.txt",
    ),
]


@pytest.mark.parametrize(("cmd", "golden"), [pytest.param(c, g, id=n) for n, c, g in CASES])
def test_helm_golden(cmd, golden, helm_testdata, capsys, monkeypatch):
    monkeypatch.chdir(helm_testdata)
    monkeypatch.delenv("HELM_NAMESPACE", raising=False)
    monkeypatch.delenv("HELM_DEBUG", raising=False)
    argv = shlex.split(cmd)
    if argv and "--kube-version" not in argv:
        argv.append("--kube-version=1.20.0")
    main(argv)
    out, err = capsys.readouterr()
    want = (helm_testdata / "testdata" / "output" / golden).read_text(encoding="utf-8")
    want = want.replace('"helm template"', '"chartist template"').replace(
        "Usage:  helm ", "Usage:  chartist "
    )
    assert out + err == want

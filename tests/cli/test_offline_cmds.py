"""Golden tests of the offline chart commands: show, lint, package, create, env, dependency,
completion (Helm's ``pkg/cmd/*_test.go`` shape).

Each row runs the command line in a work directory holding the charts of CHARTS (built once)
and compares what it prints with ``golden/offline/NAME.txt``: stdout, then stderr after a
``=== stderr ===`` line; the work directory's absolute path is written ``$WORK``. The outputs
were checked against Helm v4.2.3 (findings, tables and files through helm-python-sdk, messages
and layout in Helm's pkg/cmd and pkg/action sources); the tests under tests/action and
tests/chart hold the Helm-checked rows for each action. ``test_helm_golden`` runs Helm's own
golden files for these commands (pkg/cmd/testdata/output at v4.2.3).
Regenerate with ``pytest tests/cli --update-golden`` and review the diff.
"""

from __future__ import annotations

import os
import shlex
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from chartist.chart.archive import package
from chartist.cli.main import main

GOLDEN = Path(__file__).resolve().parent / "golden" / "offline"

CHART_V2 = "apiVersion: v2\nname: {name}\nversion: {version}\n"

CHARTS: dict[str, dict[str, str]] = {
    "web": {
        "Chart.yaml": (
            'apiVersion: v2\nname: web\nversion: 1.2.3\nappVersion: "1.0"\ndescription: A web app\n'
            "icon: https://example.com/icon.png\nkeywords: [web]\nmaintainers:\n- name: Ann\n  email: ann@example.com\n"
            "dependencies:\n- name: cache\n  version: ~0.1.0\n  repository: https://example.com/charts\n"
        ),
        "values.yaml": '# Defaults for web.\nimage:\n  repository: nginx\n  tag: ""\nreplicas: 2\nports: [80, 443]\n',
        "values.schema.json": '{"type": "object", "properties": {"replicas": {"type": "number"}}}',
        "README.md": "# web\n\nServes pages.\n",
        "crds/widgets.yaml": (
            "apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n"
            "  name: widgets.example.com"
        ),
        "templates/_helpers.tpl": '{{- define "web.name" -}}{{ .Release.Name }}-web{{- end }}\n',
        "templates/deployment.yaml": (
            'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ include "web.name" . }}\n'
            "spec:\n  replicas: {{ .Values.replicas }}\n  selector:\n    matchLabels:\n      app: web\n"
        ),
        "templates/NOTES.txt": "Thanks for installing {{ .Chart.Name }}.\n",
        "charts/cache/Chart.yaml": "apiVersion: v2\nname: cache\nversion: 0.1.5\n",
        "charts/cache/templates/svc.yaml": "apiVersion: v1\nkind: Service\nmetadata:\n  name: Cache_Svc\n",
    },
    "messy": {
        "Chart.yaml": (
            "apiVersion: v2\nname: messy\nversion: 1.0\nmaintainers:\n- name: Bob\n  email: not-an-email\n"
            'sources: ["ftp files"]\nextra: field\n'
        ),
        "values.yaml": "name: My_Pod\n",
        "templates/pod.yaml": "apiVersion: v1\nkind: Pod\nmetadata:\n  name: {{ .Values.name }}\n",
        "templates/pdb.yaml": "apiVersion: policy/v1beta1\nkind: PodDisruptionBudget\nmetadata:\n  name: p\n",
        "templates/indented.yaml": "  kind: ConfigMap\n  metadata:\n    name: c\n",
        "templates/notes.md": "not a template extension\n",
    },
    "broken": {
        "Chart.yaml": CHART_V2.format(name="broken", version="0.1.0"),
        "templates/bad.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Values.missing.name }}\n",
    },
    "plain": {
        "Chart.yaml": CHART_V2.format(name="plain", version="0.1.0") + "icon: https://example.com/i.png\n",
        "values.yaml": "",
        "templates/cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: plain\n",
    },
    "deps": {
        "Chart.yaml": CHART_V2.format(name="deps", version="1.0.0")
        + (
            "dependencies:\n- name: local\n  version: ^1.0.0\n  repository: file://../local\n"
            "- name: archived\n  version: 2.0.0\n  repository: https://charts.example.com/a/very/long/repository/path/that/is/long\n"
            '- name: absent\n  version: 1.0.0\n  repository: "@stable"\n'
            '- name: stale\n  version: ">=3.0.0"\n  repository: https://example.com\n'
        ),
        "charts/local/Chart.yaml": CHART_V2.format(name="local", version="1.1.0"),
        "charts/stale/Chart.yaml": CHART_V2.format(name="stale", version="2.0.0"),
        "charts/stray/Chart.yaml": CHART_V2.format(name="stray", version="0.1.0"),
    },
    "src/archived": {"Chart.yaml": CHART_V2.format(name="archived", version="2.0.0")},
    "values/override.yaml": {"": "replicas: x\n"},
}


@dataclass(frozen=True)
class CmdCase:
    name: str
    cmd: str
    golden: str
    ok: bool = True


CASES = [
    # --- show ---------------------------------------------------------------------------------------
    CmdCase("show chart", "show chart charts/web", "show-chart"),
    CmdCase("show values", "show values charts/web", "show-values"),
    CmdCase("show readme", "show readme charts/web", "show-readme"),
    CmdCase("show crds", "show crds charts/web", "show-crds"),
    CmdCase("show all", "show all charts/web", "show-all"),
    CmdCase("inspect alias", "inspect chart charts/web", "show-chart"),
    CmdCase("show archive", "show all dist/web-1.2.3.tgz", "show-all"),
    CmdCase(
        "show values jsonpath",
        "show values charts/web --jsonpath '{.image.repository}:{.replicas}'",
        "show-jsonpath",
    ),
    CmdCase("show values jsonpath map", "show values charts/web --jsonpath={.image}", "show-jsonpath-map"),
    CmdCase("show values jsonpath missing", "show values charts/web --jsonpath {.nope}", "empty"),
    CmdCase(
        "show values jsonpath error",
        "show values charts/web --jsonpath '{.a'",
        "show-jsonpath-error",
        ok=False,
    ),
    CmdCase(
        "show jsonpath on chart", "show chart charts/web --jsonpath {.a}", "show-jsonpath-flag", ok=False
    ),
    CmdCase("show no values file", "show values charts/broken", "empty"),
    CmdCase("show missing path", "show chart ./charts/nope", "show-missing-path", ok=False),
    CmdCase("show missing argument", "show chart", "show-no-args", ok=False),
    CmdCase("show extra argument", "show readme charts/web extra", "show-extra-args", ok=False),
    CmdCase("show unknown subcommand", "show nope charts/web", "show-unknown", ok=False),
    CmdCase("show repository", "show chart web --repo https://example.com", "show-repo", ok=False),
    CmdCase(
        "show local path ignores version", "show readme charts/web --version 9.9.9 --devel", "show-readme"
    ),
    CmdCase("show verify", "show readme charts/web --verify", "show-verify", ok=False),
    CmdCase("show bad chart", "show chart values", "show-no-chart-yaml", ok=False),
    # --- lint ---------------------------------------------------------------------------------------
    CmdCase("lint good", "lint charts/plain", "lint-plain"),
    CmdCase("lint findings", "lint charts/messy", "lint-messy", ok=False),
    CmdCase("lint strict", "lint charts/messy --strict", "lint-messy-strict", ok=False),
    CmdCase("lint old kube", "lint charts/messy --kube-version 1.20.0", "lint-messy-old-kube", ok=False),
    CmdCase("lint quiet", "lint --quiet charts/plain charts/messy", "lint-quiet", ok=False),
    CmdCase("lint quiet clean", "lint --quiet charts/plain", "empty"),
    CmdCase("lint render error", "lint charts/broken", "lint-broken", ok=False),
    CmdCase("lint values", "lint charts/broken --set missing.name=ok", "lint-broken-set"),
    CmdCase("lint schema", "lint charts/web -f values/override.yaml", "lint-web-values", ok=False),
    CmdCase("lint with subcharts", "lint charts/web --with-subcharts", "lint-web-subcharts"),
    CmdCase("lint archive", "lint dist/plain-0.1.0.tgz", "lint-archive"),
    CmdCase("lint several", "lint charts/plain charts/nope", "lint-several", ok=False),
    CmdCase("lint no args", "lint", "lint-no-args", ok=False),
    CmdCase("lint bad kube version", "lint charts/plain --kube-version x.y", "lint-kube-version", ok=False),
    # --- package --------------------------------------------------------------------------------------
    CmdCase("package", "package charts/plain", "package"),
    CmdCase(
        "package destination",
        "package charts/plain charts/web -d out --version 2.0.0 --app-version 9",
        "package-dest",
    ),
    CmdCase("package bad version", "package charts/plain --version nope", "package-bad-version", ok=False),
    CmdCase("package missing", "package charts/nope", "package-missing", ok=False),
    CmdCase("package no args", "package", "package-no-args", ok=False),
    CmdCase("package dependency update", "package charts/plain -u", "package-dependency-update", ok=False),
    CmdCase("package sign without key", "package charts/plain --sign", "package-sign-key", ok=False),
    CmdCase("package missing dependency", "package charts/deps", "package-missing-dep", ok=False),
    # --- create ---------------------------------------------------------------------------------------
    CmdCase("create", "create made/newchart", "create"),
    CmdCase("create bad name", "create 'bad name'", "create-bad-name", ok=False),
    CmdCase("create missing starter", "create made/x --starter nope", "create-missing-starter", ok=False),
    CmdCase("create no args", "create", "create-no-args", ok=False),
    # --- dependency -------------------------------------------------------------------------------------
    CmdCase("dependency list", "dependency list charts/deps", "dependency-list"),
    CmdCase("dependency list narrow", "dep ls charts/deps --max-col-width 12", "dependency-list-narrow"),
    CmdCase("dependency list archive", "dependencies list dist/web-1.2.3.tgz", "dependency-list-archive"),
    CmdCase("dependency list none", "dependency list charts/plain", "dependency-list-none"),
    CmdCase("dependency list missing", "dependency list charts/nope", "dependency-list-missing", ok=False),
    CmdCase("dependency update", "dependency update charts/deps", "dependency-update", ok=False),
    CmdCase("dependency too many", "dependency list a b", "dependency-too-many", ok=False),
    # --- env, completion ------------------------------------------------------------------------------
    CmdCase("env", "env", "env"),
    CmdCase("env one", "env HELM_NAMESPACE -n prod", "env-one"),
    CmdCase("env unknown", "env NOPE", "env-unknown"),
    CmdCase("env token redacted", "env --kube-token s3cr3t HELM_KUBETOKEN", "env-token"),
    CmdCase("env too many", "env A B", "env-too-many", ok=False),
    CmdCase("completion bash", "completion bash", "completion-bash"),
    CmdCase("completion unknown", "completion tcsh", "completion-unknown", ok=False),
]

ENV = {
    "HOME": "/home/user",
    "XDG_CACHE_HOME": "",
    "XDG_CONFIG_HOME": "",
    "XDG_DATA_HOME": "/data",
    "HELM_PLUGINS": "",
    "HELM_CACHE_HOME": "",
    "HELM_CONFIG_HOME": "",
    "HELM_DATA_HOME": "",
    "HELM_NAMESPACE": "",
    "HELM_DEBUG": "",
    "HELM_KUBETOKEN": "",
    "HELM_KUBECONTEXT": "",
    "HELM_MAX_HISTORY": "",
    "HELM_BURST_LIMIT": "",
    "HELM_QPS": "",
    "HELM_REGISTRY_CONFIG": "",
    "HELM_REPOSITORY_CONFIG": "",
    "HELM_REPOSITORY_CACHE": "",
    "HELM_CONTENT_CACHE": "",
    "KUBECONFIG": "/nonexistent/kubeconfig",
}


@pytest.fixture(scope="module")
def work(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("offline")
    for chart, files in CHARTS.items():
        for name, text in files.items():
            path = root / chart / name if name else root / chart
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    (root / "charts").mkdir(exist_ok=True)
    for chart in ("web", "messy", "broken", "plain", "deps"):
        (root / chart).rename(root / "charts" / chart)
    package(root / "src" / "archived", root / "charts" / "deps" / "charts")
    package(root / "charts" / "web", root / "dist")
    package(root / "charts" / "plain", root / "dist")
    (root / "made").mkdir()
    return root


def _run(
    work: Path, cmd: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> tuple[int, str]:
    monkeypatch.chdir(work)
    for key, value in ENV.items():
        if value:
            monkeypatch.setenv(key, value)
        else:
            monkeypatch.delenv(key, raising=False)
    monkeypatch.setattr(sys, "argv", ["chartist"])
    code = main(shlex.split(cmd))
    out, err = capsys.readouterr()
    text = out + (f"=== stderr ===\n{err}" if err else "")
    return code, text.replace(str(work), "$WORK")


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_offline_command(
    case: CmdCase,
    work: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    update_golden: bool,
) -> None:
    code, text = _run(work, case.cmd, capsys, monkeypatch)
    golden = GOLDEN / f"{case.golden}.txt"
    if update_golden and case.golden != "empty":
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")
    assert (code == 0) == case.ok


def test_created_chart_is_helms_starter(work: Path, capsys: pytest.CaptureFixture[str], monkeypatch) -> None:
    _run(work, "create made/starter-check", capsys, monkeypatch)
    root = work / "made" / "starter-check"
    files = sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())
    assert files == [
        ".helmignore",
        "Chart.yaml",
        "templates/NOTES.txt",
        "templates/_helpers.tpl",
        "templates/deployment.yaml",
        "templates/hpa.yaml",
        "templates/httproute.yaml",
        "templates/ingress.yaml",
        "templates/service.yaml",
        "templates/serviceaccount.yaml",
        "templates/tests/test-connection.yaml",
        "values.yaml",
    ]
    assert (root / "charts").is_dir()
    # The new chart lints like Helm's: only the icon is missing.
    code, text = _run(work, "lint made/starter-check", capsys, monkeypatch)
    assert (code, text) == (
        0,
        "==> Linting made/starter-check\n[INFO] Chart.yaml: icon is recommended\n\n1 chart(s) linted, 0 chart(s) failed\n",
    )


def test_create_twice(
    work: Path, capsys: pytest.CaptureFixture[str], monkeypatch, update_golden: bool
) -> None:
    """A second create overwrites every starter file, announcing each on stdout as Helm does."""
    _run(work, "create made/twice", capsys, monkeypatch)
    code, text = _run(work, "create made/twice", capsys, monkeypatch)
    golden = GOLDEN / "create-twice.txt"
    if update_golden:
        golden.write_text(text, encoding="utf-8")
    assert (code, text) == (0, golden.read_text(encoding="utf-8"))


def test_package_writes_archives(work: Path, capsys: pytest.CaptureFixture[str], monkeypatch) -> None:
    _run(work, "package charts/plain -d pkg-check", capsys, monkeypatch)
    assert sorted(os.listdir(work / "pkg-check")) == ["plain-0.1.0.tgz"]


# --- Helm's own golden files -----------------------------------------------------------------------

HELM_CASES = [
    (
        "lint bad subcharts",
        "lint testdata/testcharts/chart-with-bad-subcharts",
        "lint-chart-with-bad-subcharts.txt",
    ),
    (
        "lint with subcharts",
        "lint --with-subcharts testdata/testcharts/chart-with-bad-subcharts",
        "lint-chart-with-bad-subcharts-with-subcharts.txt",
    ),
    ("lint quiet", "lint --quiet testdata/testcharts/alpine", "lint-quiet.txt"),
    (
        "lint quiet with error",
        "lint --quiet testdata/testcharts/alpine testdata/testcharts/chart-bad-requirements",
        "lint-quiet-with-error.txt",
    ),
    (
        "lint quiet with warning",
        "lint --quiet testdata/testcharts/chart-with-only-crds",
        "lint-quiet-with-warning.txt",
    ),
    (
        "lint deprecated api",
        "lint --kube-version 1.22.0 testdata/testcharts/chart-with-deprecated-api",
        "lint-chart-with-deprecated-api.txt",
    ),
    (
        "lint deprecated api strict",
        "lint --kube-version 1.22.0 --strict testdata/testcharts/chart-with-deprecated-api",
        "lint-chart-with-deprecated-api-strict.txt",
    ),
    (
        "lint deprecated api old kube",
        "lint --kube-version 1.20.0 --strict testdata/testcharts/chart-with-deprecated-api",
        "lint-chart-with-deprecated-api-old-k8s.txt",
    ),
    ("dependency list no chart", "dependency list /no/such/chart", "dependency-list-no-chart-linux.txt"),
    (
        "dependency list no requirements",
        "dependency list testdata/testcharts/alpine",
        "dependency-list-no-requirements-linux.txt",
    ),
    ("dependency list", "dependency list testdata/testcharts/reqtest", "dependency-list.txt"),
    (
        "dependency list archive",
        "dependency list testdata/testcharts/reqtest-0.1.0.tgz",
        "dependency-list-archive.txt",
    ),
]


@pytest.mark.parametrize(("cmd", "golden"), [pytest.param(c, g, id=n) for n, c, g in HELM_CASES])
def test_helm_golden(cmd: str, golden: str, helm_testdata: Path, capsys, monkeypatch) -> None:
    _, text = _run(helm_testdata, cmd, capsys, monkeypatch)
    want = (helm_testdata / "testdata" / "output" / golden).read_text(encoding="utf-8")
    assert text.replace("=== stderr ===\n", "") == want

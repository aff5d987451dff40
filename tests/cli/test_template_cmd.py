"""Golden tests of ``chartist template`` (Helm's ``pkg/cmd/template_test.go`` shape).

Each row runs the command line in a directory holding a copy of ``tests/cli/charts`` and
compares what it prints with ``golden/NAME.txt``: stdout, then stderr after a
``=== stderr ===`` line, then every file written under an ``--output-dir`` after
``=== file PATH ===`` lines. Outputs were checked against Helm v4.2.3 (its manifests through
helm-python-sdk's client-side install, its messages in pkg/cmd and pkg/action); the chart of
most rows, ``charts/shop``, has hooks, a test, a CRD, a subchart, notes and a Secret.
Regenerate with ``pytest tests/cli --update-golden`` and review the diff.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from chartist.cli.main import main

GOLDEN = Path(__file__).resolve().parent / "golden"


@dataclass(frozen=True)
class CmdCase:
    name: str
    cmd: str
    golden: str
    ok: bool = True
    output_dir: str = ""


VALUES = "charts/values"
CASES = [
    # --- output order, hooks, tests, CRDs --------------------------------------------------------
    CmdCase("default", "template charts/shop", "shop-default"),
    CmdCase("name and namespace", "template shop-prod charts/shop -n prod", "shop-name-namespace"),
    CmdCase("no hooks", "template charts/shop --no-hooks", "shop-no-hooks"),
    CmdCase("skip tests", "template charts/shop --skip-tests", "shop-skip-tests"),
    CmdCase("include crds", "template charts/shop --include-crds --no-hooks", "shop-include-crds"),
    CmdCase("skip crds is accepted", "template charts/shop --skip-crds --no-hooks", "shop-no-hooks"),
    CmdCase("hide secret", "template charts/shop --hide-secret --no-hooks", "shop-hide-secret"),
    CmdCase("is upgrade", "template charts/shop --is-upgrade --no-hooks", "shop-is-upgrade"),
    CmdCase("only hooks, no hooks", "template charts/hooks-only --no-hooks", "hooks-only-no-hooks"),
    CmdCase("only hooks", "template charts/hooks-only", "hooks-only"),
    # --- --show-only --------------------------------------------------------------------------------
    CmdCase("show only one", "template charts/shop -s templates/service.yaml", "show-only-one"),
    CmdCase(
        "show only repeated and glob",
        "template charts/shop --show-only charts/cache/templates/statefulset.yaml --show-only 'templates/*.yaml'",
        "show-only-glob",
    ),
    CmdCase(
        "show only a hook", "template charts/shop -s templates/tests/test-connection.yaml", "show-only-hook"
    ),
    CmdCase(
        "show only missing", "template charts/shop -s templates/nope.yaml", "show-only-missing", ok=False
    ),
    CmdCase(
        "show only hook without hooks",
        "template charts/shop --no-hooks -s templates/pre-install-job.yaml",
        "show-only-hook-no-hooks",
        ok=False,
    ),
    CmdCase(
        "show only bad pattern",
        "template charts/shop -s 'templates/[.yaml'",
        "show-only-bad-pattern",
        ok=False,
    ),
    # --- --output-dir ---------------------------------------------------------------------------------
    CmdCase(
        "output dir", "template charts/shop --output-dir out-plain", "output-dir", output_dir="out-plain"
    ),
    CmdCase(
        "output dir with release name and crds",
        "template myrel charts/shop --output-dir out-rel --release-name --include-crds --skip-tests",
        "output-dir-release-name",
        output_dir="out-rel",
    ),
    CmdCase(
        "output dir and show only",
        "template charts/shop --output-dir out-show -s templates/service.yaml",
        "output-dir-show-only",
        ok=False,
        output_dir="out-show",
    ),
    # --- capabilities -----------------------------------------------------------------------------------
    CmdCase(
        "kube version",
        "template charts/shop --kube-version 1.30.2-gke.1 -s templates/config.yaml",
        "kube-version",
    ),
    CmdCase(
        "kube version invalid", "template charts/shop --kube-version v1.x", "kube-version-invalid", ok=False
    ),
    CmdCase(
        "api versions",
        "template charts/shop -a monitoring.coreos.com/v1 --api-versions foo/v1,bar/v2 -s templates/monitor.yaml -s templates/config.yaml",
        "api-versions",
    ),
    CmdCase("kubeVersion incompatible", "template charts/kube-version", "kube-incompatible", ok=False),
    CmdCase(
        "kubeVersion compatible", "template charts/kube-version --kube-version 1.41.0", "kube-compatible"
    ),
    # --- values flags ---------------------------------------------------------------------------------------
    CmdCase(
        "values files then set",
        f"template charts/shop -f {VALUES}/one.yaml -f {VALUES}/two.yaml --set replicas=5 "
        "--set-json 'labels={\"json\":true}' -s templates/deployment.yaml",
        "values-files-set",
    ),
    CmdCase(
        "values files comma separated",
        f"template charts/shop -f {VALUES}/one.yaml,{VALUES}/two.yaml -s templates/deployment.yaml",
        "values-files-comma",
    ),
    CmdCase(
        "set, set-string, set-file precedence",
        f"template charts/shop --set-file message={VALUES}/note.txt --set-string message=007 --set message=from-set "
        "-s templates/deployment.yaml",
        "values-set-file-wins",
    ),
    CmdCase(
        "set-literal wins",
        "template charts/shop --set-literal message=a,b=c --set message=x -s templates/deployment.yaml",
        "values-set-literal",
    ),
    CmdCase(
        "set-json then set",
        'template charts/shop --set-json \'image={"tag":"9.9"}\' --set image.tag=1.0 --set cache.enabled=false '
        "-s templates/deployment.yaml",
        "values-set-json",
    ),
    CmdCase("set parse error", "template charts/shop --set replicas", "values-set-error", ok=False),
    CmdCase("values file missing", "template charts/shop -f nope.yaml", "values-file-missing", ok=False),
    CmdCase("schema violation", "template charts/schema --set-string port=x", "schema-error", ok=False),
    CmdCase(
        "schema skipped",
        "template charts/schema --set-string port=x --skip-schema-validation",
        "schema-skipped",
    ),
    # --- names -------------------------------------------------------------------------------------------------
    CmdCase(
        "generate name", "template --generate-name charts/shop -s templates/service.yaml", "generate-name"
    ),
    CmdCase(
        "name template",
        "template charts/shop --name-template 'shop-{{ \"X\" | lower }}' -s templates/service.yaml",
        "name-template",
    ),
    CmdCase(
        "name template invalid name",
        "template charts/shop --name-template 'Shop_X'",
        "name-template-invalid",
        ok=False,
    ),
    CmdCase(
        "name template error",
        "template charts/shop --name-template '{{ nope }}'",
        "name-template-error",
        ok=False,
    ),
    CmdCase(
        "name and generate name", "template a charts/shop --generate-name", "name-and-generate", ok=False
    ),
    CmdCase("invalid release name", "template Bad_Name charts/shop", "invalid-release-name", ok=False),
    CmdCase("too many arguments", "template a charts/shop extra", "too-many-args", ok=False),
    CmdCase("no arguments", "template", "no-args", ok=False),
    CmdCase("labels reserved", "template charts/shop --labels owner=me", "labels-reserved", ok=False),
    CmdCase("dry run none", "template charts/shop --dry-run=none", "dry-run-none", ok=False),
    CmdCase("dry run false", "template charts/shop --dry-run=false", "dry-run-false", ok=False),
    # --- charts that cannot be rendered ---------------------------------------------------------------------
    CmdCase("missing chart path", "template ./charts/nope", "chart-path-missing", ok=False),
    CmdCase("missing chart name", "template nope", "chart-name-missing", ok=False),
    CmdCase("missing dependency", "template charts/missing-dep", "missing-dependency", ok=False),
    CmdCase("library chart", "template charts/library", "library-chart", ok=False),
    CmdCase("invalid yaml", "template charts/invalid-yaml", "invalid-yaml", ok=False),
    CmdCase("invalid yaml debug", "template charts/invalid-yaml --debug", "invalid-yaml-debug", ok=False),
    CmdCase("required value", "template charts/fail", "required", ok=False),
    CmdCase("required value debug", "template charts/fail --debug", "required-debug", ok=False),
    CmdCase("required value given", "template charts/fail --set name=given", "required-given"),
]


def _snapshot(work: Path, case: CmdCase, out: str, err: str) -> str:
    text = out
    if err:
        text += "=== stderr ===\n" + err
    if case.output_dir:
        root = work / case.output_dir
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            text += f"=== file {path.relative_to(work).as_posix()} ===\n" + path.read_text(encoding="utf-8")
    return text


@pytest.mark.parametrize("case", [pytest.param(c, id=c.name) for c in CASES])
def test_template(case, cli_workdir, update_golden, capsys, monkeypatch):
    monkeypatch.chdir(cli_workdir)
    monkeypatch.delenv("HELM_NAMESPACE", raising=False)
    monkeypatch.delenv("HELM_DEBUG", raising=False)
    if case.output_dir:
        shutil.rmtree(cli_workdir / case.output_dir, ignore_errors=True)
    rc = main(shlex.split(case.cmd))
    out, err = capsys.readouterr()
    assert (rc == 0) == case.ok, (rc, out[-2000:], err)
    if not case.ok:
        assert err.startswith("Error: ") or "\nError: " in err, err
    assert "Traceback" not in out + err
    got = _snapshot(cli_workdir, case, out, err)
    path = GOLDEN / f"{case.golden}.txt"
    if update_golden:
        path.write_text(got, encoding="utf-8")
        return
    assert path.exists(), f"no golden file {path.name}: run pytest tests/cli --update-golden"
    assert got == path.read_text(encoding="utf-8")


def test_goldens_are_used():
    used = {c.golden for c in CASES}
    present = {p.stem for p in GOLDEN.glob("*.txt")}
    assert present <= used, f"unused golden files: {sorted(present - used)}"


@pytest.mark.parametrize(
    ("args", "code", "stdout_start", "stderr_start"),
    [
        (["template", "charts/shop", "--no-hooks"], 0, "---\n# Source: shop/", ""),
        (
            ["template", "charts/fail", "--debug"],
            1,
            "\n",
            "Error: execution error at (fail/templates/cm.yaml:4:11)",
        ),
    ],
    ids=["ok", "error"],
)
def test_process(args, code, stdout_start, stderr_start, cli_workdir):
    """As a process: exit code, stdout and stderr kept apart, and never a traceback."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("HELM_")}
    proc = subprocess.run(
        [sys.executable, "-m", "chartist", *args],
        cwd=cli_workdir,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert proc.returncode == code
    assert proc.stdout.startswith(stdout_start)
    assert proc.stderr.startswith(stderr_start)
    assert "Traceback" not in proc.stderr

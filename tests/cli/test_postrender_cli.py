"""``chartist template --post-renderer``: a postrenderer/v1 plugin found through HELM_PLUGINS.

The plugin is a Python script that adds a label to every document; the expected output is
Helm's: documents re-serialised by kyaml (annotations added for the plugin and removed after
it, so each document ends with a newline and a hook is followed by a blank line), manifests
first, then hooks. Checked against Go's kyaml for the post-rendered stream.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from chartist.cli.main import main

CHART = {
    "Chart.yaml": "apiVersion: v2\nname: demo\nversion: 0.1.0\n",
    "templates/cm.yaml": (
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-cm\n"
        "data:\n  # the greeting\n  greeting: 'hello'\n  list: [a,   b]\n"
    ),
    "templates/hook.yaml": (
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: {{ .Release.Name }}-hook\n  annotations:\n"
        '    "helm.sh/hook": pre-install\nspec:\n  containers:\n    - name: c\n      image: busybox\n'
    ),
    "templates/NOTES.txt": "notes are not post-rendered\n",
}

ADD_LABEL = """import sys
label = sys.argv[1] if len(sys.argv) > 1 else "post: rendered"
text = sys.stdin.read()
sys.stdout.write(text.replace("\\nmetadata:\\n", "\\nmetadata:\\n  labels:\\n    " + label + "\\n"))
"""

PLUGIN_YAML = """apiVersion: v1
name: add-label
version: 0.1.0
type: postrenderer/v1
runtime: subprocess
runtimeConfig:
  platformCommand:
  - command: ${HELM_PLUGIN_DIR}/add-label.py
"""

WANT = """---
# Source: demo/templates/cm.yaml
apiVersion: v1
kind: ConfigMap
metadata:
  labels:
    {label}
  name: rel-cm
data:
  # the greeting
  greeting: 'hello'
  list: [a, b]
---
# Source: demo/templates/hook.yaml
apiVersion: v1
kind: Pod
metadata:
  labels:
    {label}
  name: rel-hook
  annotations:
    "helm.sh/hook": pre-install
spec:
  containers:
  - name: c
    image: busybox

"""


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name, text in CHART.items():
        p = tmp_path / "demo" / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text)
    plugin = tmp_path / "plugins" / "add-label"
    plugin.mkdir(parents=True)
    (plugin / "plugin.yaml").write_text(PLUGIN_YAML)
    script = plugin / "add-label.py"
    script.write_text(f"#!{sys.executable}\n{ADD_LABEL}")
    script.chmod(0o755)
    monkeypatch.setenv("HELM_PLUGINS", str(tmp_path / "plugins"))
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["template", "rel", "demo", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_plugin_post_renderer(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "--post-renderer", "add-label")
    assert (code, err) == (0, "")
    assert out == WANT.format(label="post: rendered")


def test_post_renderer_args(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "--post-renderer", "add-label", "--post-renderer-args", "team: web")
    assert code == 0
    assert out == WANT.format(label="team: web")


def test_show_only_after_post_rendering(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "--post-renderer", "add-label", "-s", "templates/cm.yaml")
    assert code == 0
    assert (
        out
        == WANT.format(label="post: rendered")
        .split("---\n# Source: demo/templates/hook.yaml")[0]
        .rstrip("\n")
        + "\n"
    )


@pytest.mark.parametrize("name", ["nope", "./add-label.py"], ids=["unknown plugin", "executable path"])
def test_post_renderer_must_be_a_plugin(work: Path, capsys: pytest.CaptureFixture[str], name: str) -> None:
    code, out, err = _run(capsys, "--post-renderer", name)
    assert (code, out) == (1, "")
    assert err == (
        f'Error: invalid argument "{name}" for "--post-renderer" flag: '
        f"plugin: {{Name:{name} Type:postrenderer/v1}} not found\n"
    )


def test_failing_post_renderer_shows_its_stderr(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (work / "plugins" / "add-label" / "add-label.py").write_text(
        f"#!{sys.executable}\nimport sys\nsys.stdin.read()\nsys.stderr.write('patch failed\\n')\nsys.exit(1)\n"
    )
    code, out, err = _run(capsys, "--post-renderer", "add-label")
    assert (code, out) == (1, "")
    assert err == (
        "Error: error while running post render on files: failed to invoke post-renderer plugin "
        '"add-label": plugin "add-label" exited with error\npatch failed\n\n'
        "Use --debug flag to render out invalid YAML\n"
    )

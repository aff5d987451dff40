"""PostRenderer: plugin post-renderers run the way Helm v4.2.3's renderResources runs them.

The plugins are small Python scripts in a plugins directory with a ``postrenderer/v1``
plugin.yaml (Helm's pkg/cmd/testdata/helmhome/helm/plugins/postrenderer-v1 shape). Expected
texts are kyaml's re-serialisation (see tests/kyaml) around what each script does.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from chartist.action.postrender import (
    STRATEGY_COMBINED,
    STRATEGY_NOHOOKS,
    STRATEGY_SEPARATE,
    PostRenderer,
    PostRendererError,
)

PLUGIN_YAML = """apiVersion: v1
name: "{name}"
version: "1.2.3"
type: postrenderer/v1
runtime: subprocess
runtimeConfig:
  platformCommand:
  - command: "${{HELM_PLUGIN_DIR}}/{script}"
    args: {args}
"""

SCRIPTS = {
    # sed s/FOOTEST/BARTEST/ like Helm's sed-test.sh, or with the joined args
    "sed": "import sys\nrep = ' '.join(sys.argv[1:]) or 'BARTEST'\nsys.stdout.write(sys.stdin.read().replace('FOOTEST', rep))\n",
    "cat": "import sys\nsys.stdout.write(sys.stdin.read())\n",
    "fail": "import sys\nsys.stdin.read()\nsys.stderr.write('kustomize: no such patch\\n')\nsys.exit(3)\n",
    "empty": "import sys\nsys.stdin.read()\nsys.stdout.write('  \\n')\n",
    "env": (
        "import os, sys\nsys.stdin.read()\n"
        "print('kind: Env')\nprint('data:')\n"
        "for k in ('HELM_PLUGIN_NAME', 'HELM_PLUGIN_DIR', 'FROM_CALLER'):\n"
        "    print(f'  {k}: {os.environ.get(k, \"\")!r}')\n"
    ),
    "count": (
        "import os, sys\ndata = sys.stdin.read()\n"
        "with open(os.path.join(os.environ['HELM_PLUGIN_DIR'], 'calls'), 'a') as f:\n"
        "    f.write(str(data.count('postrender-filename')) + '\\n')\n"
        "sys.stdout.write(data)\n"
    ),
    "drop-annotations": (
        "import sys\nlines = [l for l in sys.stdin.read().splitlines(True) if 'postrender-filename' not in l]\n"
        "def depth(l):\n    return len(l) - len(l.lstrip())\n"
        "keep = [l for i, l in enumerate(lines) if l.strip() != 'annotations:'\n"
        "        or (i + 1 < len(lines) and depth(lines[i + 1]) > depth(l))]\n"
        "sys.stdout.write(''.join(keep))\n"
    ),
    "invalid": "import sys\nsys.stdin.read()\nsys.stdout.write('invalid: yaml: content:')\n",
}


def make_plugin(base: Path, name: str, script: str, args: str = "[]") -> Path:
    d = base / name
    d.mkdir(parents=True)
    (d / "plugin.yaml").write_text(PLUGIN_YAML.format(name=name, script=f"{script}.py", args=args))
    p = d / f"{script}.py"
    p.write_text(f"#!{sys.executable}\n" + SCRIPTS[script])
    p.chmod(0o755)
    return d


FILES = {
    "chart/templates/cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: FOOTEST\ndata:\n  k:    v\n",
    "chart/templates/hook.yaml": (
        "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: hook\n  annotations:\n"
        '    "helm.sh/hook": pre-install\nspec:\n  template:\n    spec:\n      containers:\n'
        "        - name: FOOTEST\n          image: busybox\n"
    ),
    "chart/templates/_helpers.tpl": "",
    "chart/templates/empty.yaml": "\n",
}
CM_OUT = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {name}\ndata:\n  k: v\n"
HOOK_OUT = (
    "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: hook\n  annotations:\n"
    '    "helm.sh/hook": pre-install\nspec:\n  template:\n    spec:\n      containers:\n'
    "      - name: {name}\n        image: busybox\n"
)


@pytest.fixture
def plugins(tmp_path: Path) -> Path:
    return tmp_path / "plugins"


def test_combined_runs_every_document_through_kyaml_and_the_plugin(plugins: Path) -> None:
    make_plugin(plugins, "sed", "sed")
    pr = PostRenderer.find("sed", [], str(plugins))
    assert pr.run_files(dict(FILES)) == {
        "chart/templates/cm.yaml": CM_OUT.format(name="BARTEST"),
        "chart/templates/hook.yaml": HOOK_OUT.format(name="BARTEST"),
    }


def test_extra_args_follow_the_plugin_args(plugins: Path) -> None:
    make_plugin(plugins, "sed", "sed", args='["HELLO"]')
    pr = PostRenderer.find("sed", ["WORLD", ""], str(plugins))
    out = pr.run_files(dict(FILES))
    assert out["chart/templates/cm.yaml"] == CM_OUT.format(
        name="HELLO WORLD"
    )  # a plain scalar loses its trailing space


@pytest.mark.parametrize(
    ("strategy", "calls", "hook_name"),
    [
        (STRATEGY_COMBINED, ["2"], "BARTEST"),
        (STRATEGY_SEPARATE, ["1", "1"], "BARTEST"),
        (STRATEGY_NOHOOKS, ["1"], "FOOTEST"),
    ],
    ids=["combined", "separate", "nohooks"],
)
def test_strategies(plugins: Path, strategy: str, calls: list[str], hook_name: str) -> None:
    d = make_plugin(plugins, "count", "count")
    (d / "sed.py").write_text(SCRIPTS["sed"])
    (d / "count.py").write_text(
        f"#!{sys.executable}\n"
        + SCRIPTS["count"].replace(
            "sys.stdout.write(data)",
            "exec(open(os.path.join(os.environ['HELM_PLUGIN_DIR'], 'sed.py')).read().replace('sys.stdin.read()', 'data'))",
        )
    )
    pr = PostRenderer.find("count", [], str(plugins))
    out = pr.run_files(dict(FILES), strategy)
    assert (d / "calls").read_text().split() == calls
    assert out["chart/templates/cm.yaml"] == CM_OUT.format(name="BARTEST")
    hook = out["chart/templates/hook.yaml"]
    if strategy == STRATEGY_NOHOOKS:
        # not post-rendered: the hook is the manifest as rendered
        assert hook == FILES["chart/templates/hook.yaml"]
    else:
        assert hook == HOOK_OUT.format(name=hook_name)


def test_unknown_strategy(plugins: Path) -> None:
    make_plugin(plugins, "cat", "cat")
    with pytest.raises(PostRendererError, match=r"^unknown post-render strategy: 'other'$"):
        PostRenderer.find("cat", [], str(plugins)).run_files(dict(FILES), "other")


def test_documents_without_annotation_get_generated_names(plugins: Path) -> None:
    make_plugin(plugins, "drop", "drop-annotations")
    out = PostRenderer.find("drop", [], str(plugins)).run_files(
        {"t/a.yaml": "kind: A\n", "t/b.yaml": "kind: B\n"}
    )
    assert out == {
        "generated-by-postrender-0.yaml": "kind: A\n",
        "generated-by-postrender-1.yaml": "kind: B\n",
    }


def test_separate_prefixes_generated_names(plugins: Path) -> None:
    make_plugin(plugins, "drop", "drop-annotations")
    out = PostRenderer.find("drop", [], str(plugins)).run_files(dict(FILES), STRATEGY_SEPARATE)
    assert sorted(out) == ["generated-by-postrender-hooks-0.yaml", "generated-by-postrender-manifests-0.yaml"]


def test_plugin_environment(plugins: Path) -> None:
    d = make_plugin(plugins, "env", "env")
    pr = PostRenderer.find("env", [], str(plugins), environ={"FROM_CALLER": "yes", "PATH": "/usr/bin:/bin"})
    out = pr.run_files({"t/a.yaml": "kind: A\n"})
    assert out == {
        "generated-by-postrender-0.yaml": (
            f"kind: Env\ndata:\n  HELM_PLUGIN_NAME: 'env'\n  HELM_PLUGIN_DIR: '{d}'\n  FROM_CALLER: 'yes'\n"
        )
    }


ERROR_ROWS = [
    (
        "exit status",
        "fail",
        'error while running post render on files: failed to invoke post-renderer plugin "p": '
        'plugin "p" exited with error\nkustomize: no such patch',
    ),
    (
        "empty output",
        "empty",
        'error while running post render on files: post-renderer "p" produced empty output',
    ),
    (
        "output not YAML",
        "invalid",
        "error while parsing post rendered output: error parsing YAML: MalformedYAMLError: "
        "yaml: mapping values are not allowed in this context",
    ),
]


@pytest.mark.parametrize(("script", "want"), [r[1:] for r in ERROR_ROWS], ids=[r[0] for r in ERROR_ROWS])
def test_errors(plugins: Path, script: str, want: str) -> None:
    make_plugin(plugins, "p", script)
    with pytest.raises(PostRendererError) as err:
        PostRenderer.find("p", [], str(plugins)).run_files(dict(FILES))
    assert str(err.value) == want
    if script == "fail":
        assert err.value.stderr == "kustomize: no such patch\n"


def test_merge_error(plugins: Path) -> None:
    make_plugin(plugins, "cat", "cat")
    with pytest.raises(PostRendererError) as err:
        PostRenderer.find("cat", [], str(plugins)).run_files({"t/bad.yaml": "a: b: c\n"})
    assert str(err.value) == (
        "error merging manifests: parsing t/bad.yaml: MalformedYAMLError: yaml: mapping values are not allowed in this context"
    )


def test_missing_program(plugins: Path) -> None:
    d = plugins / "gone"
    d.mkdir(parents=True)
    (d / "plugin.yaml").write_text(PLUGIN_YAML.format(name="gone", script="missing.py", args="[]"))
    with pytest.raises(PostRendererError) as err:
        PostRenderer.find("gone", [], str(plugins)).run_files({"t/a.yaml": "kind: A\n"})
    assert str(err.value) == (
        f'error while running post render on files: failed to invoke post-renderer plugin "gone": '
        f"fork/exec {d}/missing.py: no such file or directory"
    )


def test_no_command_for_this_platform(plugins: Path) -> None:
    d = plugins / "p9"
    d.mkdir(parents=True)
    (d / "plugin.yaml").write_text(
        "apiVersion: v1\nname: p9\nversion: 1.0.0\ntype: postrenderer/v1\nruntime: subprocess\n"
        "runtimeConfig:\n  platformCommand:\n  - os: plan9\n    command: x\n"
    )
    with pytest.raises(PostRendererError) as err:
        PostRenderer.find("p9", [], str(plugins)).run_files({"t/a.yaml": "kind: A\n"})
    assert str(err.value) == (
        'error while running post render on files: failed to invoke post-renderer plugin "p9": '
        "failed to prepare plugin command: no plugin command is applicable"
    )


@pytest.mark.parametrize(
    "name",
    ["missing", "/usr/bin/cat", "./script.sh"],
    ids=["unknown plugin", "absolute path", "relative path"],
)
def test_find_accepts_plugin_names_only(plugins: Path, name: str) -> None:
    plugins.mkdir()
    with pytest.raises(PostRendererError) as err:
        PostRenderer.find(name, [], str(plugins))
    assert str(err.value) == (
        f'invalid argument "{name}" for "--post-renderer" flag: plugin: {{Name:{name} Type:postrenderer/v1}} not found'
    )

"""The ``lint`` action (chartist.action.lint): paths, archives, strictness, subcharts (Helm's
``action/lint.go`` and the path walk of ``pkg/cmd/lint.go``). Rule-by-rule findings are in
tests/chart/test_lint.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from chartist.action.lint import Lint, LintResult, has_warnings_or_errors, subchart_paths
from chartist.chart.archive import package
from chartist.chart.lint import INFO, WARNING, Message

CHART = "apiVersion: v2\nname: c\nversion: 1.0.0\n"
DEPRECATED = "apiVersion: policy/v1beta1\nkind: PodDisruptionBudget\nmetadata:\n  name: x\n"
WARN_MSG = "policy/v1beta1 PodDisruptionBudget is deprecated in v1.21+, unavailable in v1.25+; use policy/v1 PodDisruptionBudget"


def write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        p = root / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")
    return root


@pytest.fixture()
def chart(tmp_path: Path) -> Path:
    return write(tmp_path / "c", {"Chart.yaml": CHART, "values.yaml": "", "templates/pdb.yaml": DEPRECATED})


def test_warnings_pass_unless_strict(chart: Path) -> None:
    want = [
        Message(INFO, "Chart.yaml", "icon is recommended"),
        Message(WARNING, "templates/pdb.yaml", WARN_MSG),
    ]
    relaxed = Lint().run([str(chart)])
    assert (relaxed.total_charts_linted, relaxed.messages, relaxed.errors) == (1, want, [])
    strict = Lint(strict=True).run([str(chart)])
    assert (strict.total_charts_linted, strict.messages, strict.errors) == (1, want, [WARN_MSG])


def test_kube_version(chart: Path) -> None:
    assert Lint(kube_version="1.20.0").run([str(chart)]).messages == [
        Message(INFO, "Chart.yaml", "icon is recommended")
    ]


def test_archive_is_expanded(chart: Path, tmp_path: Path) -> None:
    archive = package(chart, tmp_path / "out")
    result = Lint(strict=True).run([archive])
    assert result.total_charts_linted == 1
    assert result.messages == [
        Message(INFO, "Chart.yaml", "icon is recommended"),
        Message(WARNING, "templates/pdb.yaml", WARN_MSG),
    ]


@pytest.mark.helm
def test_archive_matches_helm(chart: Path, tmp_path: Path) -> None:
    h = pytest.importorskip("helm_python")
    archive = package(chart, tmp_path / "out")
    report = h.lint(archive, strict=True, namespace="default")
    assert [(m["severity"], m["path"], m["error"]) for m in report["messages"]] == [
        (INFO, "Chart.yaml", "icon is recommended"),
        (WARNING, "templates/pdb.yaml", WARN_MSG),
    ]
    assert report["errors"] == [WARN_MSG]


@pytest.mark.parametrize(
    ("path", "want"),
    [
        (
            "nope/",
            "unable to check Chart.yaml file in chart: stat nope/Chart.yaml: no such file or directory",
        ),
        ("nope.tgz", "unable to open tarball: open nope.tgz: no such file or directory"),
    ],
)
def test_unlintable_paths(path: str, want: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = Lint().run([path])
    assert (result.total_charts_linted, result.messages, result.errors) == (0, [], [want])


def test_values_reach_the_templates(tmp_path: Path) -> None:
    chart = write(
        tmp_path / "c",
        {
            "Chart.yaml": CHART + "icon: https://x/i.png\n",
            "values.yaml": "name: ok\n",
            "templates/pod.yaml": "apiVersion: v1\nkind: Pod\nmetadata:\n  name: {{ .Values.name }}\n",
        },
    )
    assert Lint().run([str(chart)]).messages == []
    bad = Lint().run([str(chart)], {"name": "Bad_Name"})
    assert [m.severity for m in bad.messages] == [WARNING]


def test_has_warnings_or_errors() -> None:
    assert not has_warnings_or_errors(LintResult(1, [Message(INFO, "Chart.yaml", "x")]))
    assert has_warnings_or_errors(LintResult(1, [Message(WARNING, "Chart.yaml", "x")]))
    assert has_warnings_or_errors(LintResult(0, [], ["boom"]))


def test_subchart_paths_walk_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write(
        tmp_path,
        {
            "top/Chart.yaml": CHART,
            "top/charts/b/Chart.yaml": CHART,
            "top/charts/b/charts/inner/Chart.yaml": CHART,
            "top/charts/a.tgz": "x",
            "top/charts/c.tar.gz": "x",
            "top/charts/notes.txt": "x",
            "top/charts/d/values.yaml": "",
        },
    )
    assert subchart_paths("top") == [
        "top/charts/a.tgz",
        "top/charts/b",
        "top/charts/b/charts/inner",
        "top/charts/c.tar.gz",
    ]
    assert subchart_paths("top/") == subchart_paths("./top")
    assert subchart_paths("none") == []

"""``dependency list`` (chartist.action.dependency) against Helm v4.2.3.

The chart built by ``parent`` declares one dependency per status Helm can report; the expected
rows are what Helm v4.2.3 listed for it (helm-python-sdk's ``dependency_list``). The warnings
about ``charts/`` follow Helm's printMissing.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from chartist.action.dependency import DependencyRow, list_dependencies
from chartist.chart.archive import package
from chartist.chart.errors import ChartLoadError

DEPENDENCIES = """dependencies:
- name: unpacked
  version: ^1.0.0
  repository: https://example.com/charts
- name: exact
  version: 1.0.0
  repository: "@stable"
- name: missing
  version: 1.0.0
  repository: file://../missing
- name: tooold
  version: ">=2.0.0"
  repository: https://example.com/charts
- name: badrange
  version: "not a range"
  repository: https://example.com/charts
- name: arch
  version: ~1.2.0
  repository: https://example.com/charts
- name: old
  version: ">=1.0.0"
  repository: https://example.com/charts
- name: named
  version: 1.0.0
  repository: https://example.com/charts
- name: corrupt
  version: 1.0.0
  repository: https://example.com/charts
- name: multi
  version: ">=1.0.0"
  repository: https://example.com/charts
"""

HELM_ROWS = [
    DependencyRow("unpacked", "^1.0.0", "https://example.com/charts", "unpacked"),
    DependencyRow("exact", "1.0.0", "@stable", "unpacked"),
    DependencyRow("missing", "1.0.0", "file://../missing", "missing"),
    DependencyRow("tooold", ">=2.0.0", "https://example.com/charts", "wrong version"),
    DependencyRow("badrange", "not a range", "https://example.com/charts", "invalid version"),
    DependencyRow("arch", "~1.2.0", "https://example.com/charts", "ok"),
    DependencyRow("old", ">=1.0.0", "https://example.com/charts", "wrong version"),
    DependencyRow("named", "1.0.0", "https://example.com/charts", "misnamed"),
    DependencyRow("corrupt", "1.0.0", "https://example.com/charts", "missing"),
    DependencyRow("multi", ">=1.0.0", "https://example.com/charts", "too many matches"),
]


def write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        p = root / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")


def build_parent(root: Path) -> Path:
    """A chart whose dependencies have every status (used by the CLI tests too)."""
    write(
        root,
        {
            "src/arch/Chart.yaml": "apiVersion: v2\nname: arch\nversion: 1.2.0\n",
            "src/old/Chart.yaml": "apiVersion: v2\nname: old\nversion: 0.9.0\n",
            "src/named/Chart.yaml": "apiVersion: v2\nname: othername\nversion: 1.0.0\n",
            "src/multi/Chart.yaml": "apiVersion: v2\nname: multi\nversion: 1.0.0\n",
            "src/multi2/Chart.yaml": "apiVersion: v2\nname: multi\nversion: 2.0.0\n",
            "p/Chart.yaml": "apiVersion: v2\nname: p\nversion: 1.0.0\n" + DEPENDENCIES,
            "p/charts/unpacked/Chart.yaml": "apiVersion: v2\nname: unpacked\nversion: 1.4.0\n",
            "p/charts/exact/Chart.yaml": "apiVersion: v2\nname: exact\nversion: 1.0.0\n",
            "p/charts/tooold/Chart.yaml": "apiVersion: v2\nname: tooold\nversion: 1.0.0\n",
            "p/charts/badrange/Chart.yaml": "apiVersion: v2\nname: badrange\nversion: 1.0.0\n",
            "p/charts/extra/Chart.yaml": "apiVersion: v2\nname: extra\nversion: 1.0.0\n",
            "p/charts/_notachart/README.md": "x\n",
            "p/charts/_corrupt-1.0.0.tgz": "not gzip\n",
        },
    )
    for s in ("arch", "old", "named", "multi", "multi2"):
        package(root / "src" / s, root / "p" / "charts")
    (root / "p" / "charts" / "othername-1.0.0.tgz").rename(root / "p" / "charts" / "named-1.0.0.tgz")
    return root / "p"


@pytest.fixture(scope="module")
def parent(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_parent(tmp_path_factory.mktemp("deps"))


def test_statuses(parent: Path) -> None:
    report = list_dependencies(str(parent))
    assert report.declared
    assert report.rows == HELM_ROWS
    assert report.warnings == [
        f'WARNING: "{parent}/charts/_corrupt-1.0.0.tgz" is not a chart.',
        f'WARNING: "{parent}/charts/_notachart" is not a chart.',
        f'WARNING: "{parent}/charts/extra" is not in Chart.yaml.',
        f'WARNING: "{parent}/charts/named-1.0.0.tgz" is not in Chart.yaml.',
    ]


@pytest.mark.helm
def test_rows_match_helm(parent: Path) -> None:
    h = pytest.importorskip("helm_python")
    theirs = h.dependency_list(str(parent))
    assert [DependencyRow(d["name"], d["version"], d["repository"], d["status"]) for d in theirs] == HELM_ROWS


def test_archive_dependencies_are_unpacked(parent: Path, tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "a/Chart.yaml": "apiVersion: v2\nname: a\nversion: 0.1.0\ndependencies:\n- name: s\n  version: 0.1.0\n"
        },
    )
    write(tmp_path, {"a/charts/s/Chart.yaml": "apiVersion: v2\nname: s\nversion: 0.1.0\n"})
    archive = package(tmp_path / "a", tmp_path)
    report = list_dependencies(archive)
    assert [r.status for r in report.rows] == ["unpacked"]
    assert report.warnings == []


def test_no_dependencies(tmp_path: Path) -> None:
    write(tmp_path, {"c/Chart.yaml": "apiVersion: v2\nname: c\nversion: 0.1.0\n"})
    report = list_dependencies(str(tmp_path / "c"))
    assert not report.declared
    assert report.charts_dir == f"{tmp_path}/c/charts"


def test_unloadable(tmp_path: Path) -> None:
    with pytest.raises(ChartLoadError) as info:
        list_dependencies(str(tmp_path / "nope"))
    assert str(info.value) == f"stat {tmp_path}/nope: no such file or directory"
    (tmp_path / "empty").mkdir()
    with pytest.raises(ChartLoadError) as info:
        list_dependencies(str(tmp_path / "empty"))
    assert str(info.value) == "Chart.yaml file is missing"

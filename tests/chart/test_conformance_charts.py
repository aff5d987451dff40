"""Every chart of the conformance corpus loads as Helm loads it (read-only: copies are made
before anything is added)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from chart_helpers import numbers_as_float

import chartist.chart as chart_pkg
from chartist.chart import load, metadata_as_map, process_dependencies
from chartist.chart.chartfile import metadata_to_json


def _charts(shared: Path) -> list[Path]:
    return sorted(p for p in (shared / "conformance" / "charts").iterdir() if p.is_dir())


def test_exports_sorted_and_complete() -> None:
    def key(name: str) -> tuple[int, str]:
        # ruff's RUF022 order: SCREAMING_CASE, then CamelCase, then the rest.
        return (0 if name.isupper() else 1 if name[:1].isupper() else 2, name)

    assert chart_pkg.__all__ == sorted(chart_pkg.__all__, key=key)
    for name in chart_pkg.__all__:
        assert getattr(chart_pkg, name) is not None


def test_every_chart_loads(shared_dir: Path) -> None:
    for path in _charts(shared_dir):
        chart = load(path)
        assert chart.name and chart.metadata.version, path.name
        for sub in chart.walk():
            assert sub.chart_full_path().startswith(chart.name)
            assert all(t.name.startswith("templates/") for t in sub.templates)


@pytest.mark.helm
def test_charts_load_like_helm(shared_dir: Path) -> None:
    import helm_python as h

    for path in _charts(shared_dir):
        ours = load(path)
        theirs = h.Chart.load(str(path))
        assert metadata_to_json(ours.metadata) == theirs.metadata, path.name
        assert sorted(f.name for f in ours.templates) == sorted(f["name"] for f in theirs.templates)
        assert sorted(f.name for f in ours.files) == sorted(f["name"] for f in theirs.files)
        assert sorted(d.name for d in ours.dependencies) == sorted(d["name"] for d in theirs.dependencies)
        assert _norm_chart(ours.values) == _norm_chart(theirs.values or {})  # Helm: nil without values.yaml


def _norm_chart(x: Any) -> Any:
    return numbers_as_float(x, drop_empty=frozenset({"Annotations"}))


@pytest.mark.helm
@pytest.mark.parametrize("name", ["helm-subchart", "bitnami-wordpress", "prometheus", "gotmpl-suite"])
def test_processed_chart_object_like_helm(shared_dir: Path, tmp_path: Path, name: str) -> None:
    """`.Chart` after dependency processing (aliases, Enabled, ImportValues) is Helm's."""
    import helm_python as h

    copy = tmp_path / name
    shutil.copytree(shared_dir / "conformance" / "charts" / name, copy, symlinks=True)
    (copy / "templates" / "zz-chart.yaml").write_text("{{ .Chart | toJson }}")
    rendered = h.Chart.load(str(copy)).render({}, name="r", namespace="d")
    chart = load(copy)
    theirs = json.loads(rendered[f"{chart.name}/templates/zz-chart.yaml"])
    ours = metadata_as_map(process_dependencies(chart, {}).metadata, is_root=True)
    # Helm's nil Annotations map serialises as null; ours is an empty dict.
    assert _norm_chart(ours) == _norm_chart(theirs)
